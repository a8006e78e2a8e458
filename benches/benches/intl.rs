//! What a number costs in a message, in the same run: the same sentence with a string argument
//! (the fast path's baseline), with a number in a plain placeable (the fast path, ICU4X's
//! decimal format), with `NUMBER()` and `NUMBER()` with a literal option (compiled into the
//! fast path too), with a plural select (fluent's resolver and the memoized formatter), and
//! with a `DATETIME()`. BENCHMARKS.md has the figures.

use std::hint::black_box;
use std::time::Duration;

use api_error_i18n::{Catalog, DateTime, FluentArgs};
use benches::INTL_EN;
use criterion::{criterion_group, criterion_main, Criterion};

fn intl(c: &mut Criterion) {
    let catalog = Catalog::from_sources("en-US", [("en-US", INTL_EN)]).unwrap();
    let lang = catalog.negotiate("en-US");
    let mut string = FluentArgs::new();
    string.set("max", "1,000");
    let mut number = FluentArgs::new();
    number.set("max", 1000);
    let mut time = FluentArgs::new();
    time.set("at", DateTime::from_unix_seconds(1_700_000_000));
    assert_eq!(
        lang.message(1, Some(&number)),
        "At most 1,000 items per batch"
    );
    assert_eq!(
        lang.message(2, Some(&number)),
        "At most 1,000 items per batch"
    );
    assert_eq!(
        lang.message(5, Some(&number)),
        "At most 1,000 items per batch"
    );
    assert_eq!(
        lang.message(3, Some(&number)),
        "At most 1,000 items per batch"
    );

    let mut group = c.benchmark_group("numbers and dates");
    group.bench_function("string argument (baseline)", |b| {
        b.iter(|| lang.message(black_box(1), Some(&string)))
    });
    group.bench_function("number in { $max }", |b| {
        b.iter(|| lang.message(black_box(1), Some(&number)))
    });
    group.bench_function("NUMBER($max)", |b| {
        b.iter(|| lang.message(black_box(2), Some(&number)))
    });
    group.bench_function("NUMBER($max, maximumFractionDigits: 1)", |b| {
        b.iter(|| lang.message(black_box(5), Some(&number)))
    });
    group.bench_function("plural select on a number", |b| {
        b.iter(|| lang.message(black_box(3), Some(&number)))
    });
    group.bench_function("DATETIME($at, timeStyle)", |b| {
        b.iter(|| lang.message(black_box(4), Some(&time)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    targets = intl
}
criterion_main!(benches);
