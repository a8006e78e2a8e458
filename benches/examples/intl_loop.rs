//! One message in a loop, for counting instructions with callgrind (counts repeat exactly,
//! times on shared hardware do not): the same sentence with a string argument, a number in a
//! plain placeable, `NUMBER()` without and with an option, a plural select and `DATETIME()`.
//!
//! ```sh
//! cargo build --release -p benches --example intl_loop
//! for kind in string number NUMBER NUMBER-options plural DATETIME; do for calls in 1000 2000; do
//!     valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!         target/release/examples/intl_loop $kind $calls 2>&1 | grep refs
//! done; done
//! ```
//!
//! The difference in instructions between the two counts of calls, divided by 1000, is the
//! cost of one call without the setup. BENCHMARKS.md quotes the figures.

use std::hint::black_box;

use api_error_i18n::{Catalog, DateTime, FluentArgs};
use benches::INTL_EN;

fn main() {
    let mut args = std::env::args().skip(1);
    let kind = args.next().expect("KIND CALLS");
    let calls: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .expect("KIND CALLS");
    let catalog = Catalog::from_sources("en-US", [("en-US", INTL_EN)]).unwrap();
    let lang = catalog.negotiate("en-US");
    let mut values = FluentArgs::new();
    let code = match kind.as_str() {
        "string" => {
            values.set("max", "1,000");
            1
        }
        "number" => {
            values.set("max", 1000);
            1
        }
        "NUMBER" => {
            values.set("max", 1000);
            2
        }
        "NUMBER-options" => {
            values.set("max", 1000);
            5
        }
        "plural" => {
            values.set("max", 1000);
            3
        }
        "DATETIME" => {
            values.set("at", DateTime::from_unix_seconds(1_700_000_000));
            4
        }
        _ => panic!("KIND is string, number, NUMBER, NUMBER-options, plural or DATETIME"),
    };
    let mut total = 0;
    for _ in 0..calls {
        total += lang.message(black_box(code), Some(&values)).len();
    }
    black_box(total);
}
