//! A lookup in a loop, for counting instructions with callgrind, whose counts (unlike times on
//! shared hardware) repeat exactly:
//!
//! ```sh
//! cargo build --release -p benches --example lookup_loop
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/lookup_loop LOCALES CODES CALLS
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/lookup_loop embedded CASE CALLS
//! ```
//!
//! With three numbers, `Catalog::message` over a synthetic catalog of LOCALES x CODES, asking
//! the last locale for the middle code (the form earlier commits have, so that their builds can
//! be compared). With `embedded`, code 110 in zh-CN from the embedded catalog, CASE one of
//! `match` (the hand-written `match` on the code and the locale string), `message`
//! (`message(110, "zh-CN", None)`), `match-resolved` (the `match` on a locale resolved before
//! the loop) and `lang` (`Lang::message(110, None)` on a `Lang` negotiated before the loop).
//!
//! Run it with two values of CALLS; the difference in instructions, divided by the difference
//! in calls, is the cost of one call, without the setup. BENCHMARKS.md quotes the figures.

use std::hint::black_box;

use api_error_i18n::{message, negotiate, Catalog};
use benches::{match_baseline, match_resolved, Resolved};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("embedded") {
        let [_, case, calls] = &args[..] else {
            panic!("usage: lookup_loop embedded CASE CALLS");
        };
        return embedded(case, calls.parse().expect("CALLS, a number"));
    }
    let numbers: Vec<usize> = args
        .iter()
        .map(|arg| arg.parse().expect("LOCALES CODES CALLS, as numbers"))
        .collect();
    let [locales, codes, calls] = numbers[..] else {
        panic!("usage: lookup_loop LOCALES CODES CALLS");
    };
    let tags: Vec<String> = (0..locales)
        .map(|i| {
            let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
            format!("{}{}{}", letter(i / 676), letter(i / 26), letter(i))
        })
        .collect();
    let sources = tags.iter().map(|tag| {
        let source: String = (0..codes)
            .map(|code| format!("error-{code} = Message {code} of {tag}\n"))
            .collect();
        (tag.clone(), source)
    });
    let catalog = Catalog::from_sources(&tags[0], sources).unwrap();
    let tag = tags.last().unwrap().as_str();
    let code = u32::try_from(codes / 2).unwrap();
    let mut total = 0;
    for _ in 0..calls {
        total += catalog.message(black_box(code), black_box(tag), None).len();
    }
    println!("{total}");
}

/// Code 110 in zh-CN from the embedded catalog, `calls` times, as CASE says.
fn embedded(case: &str, calls: usize) {
    let lang = negotiate("zh-CN");
    let resolved = Resolved::new("zh-CN");
    assert_eq!(message(110, "zh-CN", None), match_baseline(110, "zh-CN"));
    assert_eq!(lang.message(110, None), match_resolved(110, resolved));
    let total = match case {
        "match" => repeat(calls, || match_baseline(black_box(110), black_box("zh-CN"))),
        "message" => repeat(calls, || message(black_box(110), black_box("zh-CN"), None)),
        "match-resolved" => repeat(calls, || {
            match_resolved(black_box(110), black_box(resolved))
        }),
        "lang" => repeat(calls, || black_box(&lang).message(black_box(110), None)),
        other => panic!("no case {other}"),
    };
    println!("{total}");
}

/// The total length of `calls` answers of `lookup`: the case is chosen once, outside the loop.
fn repeat<S: AsRef<str>>(calls: usize, lookup: impl Fn() -> S) -> usize {
    let mut total = 0;
    for _ in 0..calls {
        total += lookup().as_ref().len();
    }
    total
}
