//! `message` in a loop over a synthetic catalog, for counting instructions with callgrind, whose
//! counts (unlike times on shared hardware) repeat exactly:
//!
//! ```sh
//! cargo build --release -p benches --example lookup_loop
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/lookup_loop LOCALES CODES CALLS
//! ```
//!
//! Run it with two values of CALLS; the difference in instructions, divided by the difference
//! in calls, is the cost of one call, without the setup. BENCHMARKS.md quotes the figures.

use std::hint::black_box;

use api_error_i18n::Catalog;

fn main() {
    let numbers: Vec<usize> = std::env::args()
        .skip(1)
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
