//! Stress: eight threads start together, behind a `Barrier`, on a fresh catalog (nothing parsed,
//! no bundle built, no chain memoized), so their first calls race to parse each locale and to
//! build each fluent bundle; every answer must equal the answer of a separate catalog, built
//! from the same sources and asked on this thread alone.

use std::sync::Barrier;

use api_error_i18n::{Catalog, ErrorCode, FluentArgs};

use crate::shipped_sources;

const LOCALES: [&str; 8] = [
    "zh-CN",
    "en-GB",
    "fr, zh;q=0.5",
    "zh_CN.UTF-8",
    "",
    "de",
    "zh-HK",
    "zh-TW;q=0, zh-CN;q=0.1",
];

/// Argument sets: none, a string, a number (formatted by fluent's bundle, built on first
/// need), an unrelated name.
fn argument_sets() -> Vec<Option<FluentArgs<'static>>> {
    let mut ip = FluentArgs::new();
    ip.set("ip", "192.0.2.9");
    let mut number = FluentArgs::new();
    number.set("ip", 7);
    let mut other = FluentArgs::new();
    other.set("user", "alice");
    vec![None, Some(ip), Some(number), Some(other)]
}

/// Every (locale, code, argument set) combination, plus one unknown code.
fn cases() -> Vec<(&'static str, u32, usize)> {
    let codes = ErrorCode::ALL.iter().map(|code| code.code()).chain([4242]);
    let codes: Vec<u32> = codes.collect();
    let mut cases = Vec::new();
    for locale in LOCALES {
        for &code in &codes {
            for args in 0..argument_sets().len() {
                cases.push((locale, code, args));
            }
        }
    }
    cases
}

fn catalog() -> Catalog {
    Catalog::from_sources("en-US", shipped_sources()).unwrap()
}

#[test]
fn eight_threads_racing_a_fresh_catalog_get_the_answers_one_thread_gets() {
    let cases = cases();
    let args = argument_sets();
    let alone = catalog();
    let expected: Vec<String> = cases
        .iter()
        .map(|&(locale, code, a)| alone.message(code, locale, args[a].as_ref()).into_owned())
        .collect();
    // Several fresh catalogs, so that the first calls race more than once.
    for _ in 0..5 {
        let fresh = catalog();
        let start = Barrier::new(8);
        std::thread::scope(|scope| {
            for thread in 0..8 {
                let (cases, expected, fresh, start) = (&cases, &expected, &fresh, &start);
                scope.spawn(move || {
                    let args = argument_sets(); // FluentArgs is not Sync
                    start.wait();
                    // Round 0 in the same order on every thread: all race for the same first
                    // parse and bundle; then each walks from its own offset.
                    for round in 0..4 {
                        for step in 0..cases.len() {
                            let at = if round == 0 {
                                step
                            } else {
                                (step * 7 + thread * 131 + round) % cases.len()
                            };
                            let (locale, code, a) = cases[at];
                            let answer = fresh.message(code, locale, args[a].as_ref());
                            assert_eq!(answer, expected[at], "{locale:?} {code} args #{a}");
                        }
                    }
                });
            }
        });
    }
}
