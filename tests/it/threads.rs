//! Stress: eight threads, a bounded number of calls mixing locales, codes and arguments; every
//! answer equals the answer one thread gets.

use api_error_i18n::{message, ErrorCode, FluentArgs};

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

/// Argument sets: none, a string, a number, an unrelated name.
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

#[test]
fn eight_threads_get_the_answers_one_thread_gets() {
    let cases = cases();
    let args = argument_sets();
    let expected: Vec<String> = cases
        .iter()
        .map(|&(locale, code, a)| message(code, locale, args[a].as_ref()).into_owned())
        .collect();
    std::thread::scope(|scope| {
        for thread in 0..8 {
            let (cases, expected) = (&cases, &expected);
            scope.spawn(move || {
                let args = argument_sets(); // FluentArgs is not Sync
                                            // Each thread walks the cases from its own offset, 20 times over.
                for round in 0..20 {
                    for step in 0..cases.len() {
                        let at = (step * 7 + thread * 131 + round) % cases.len();
                        let (locale, code, a) = cases[at];
                        let answer = message(code, locale, args[a].as_ref());
                        assert_eq!(answer, expected[at], "{locale:?} {code} args #{a}");
                    }
                }
            });
        }
    });
}
