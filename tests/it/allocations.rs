//! Heap allocations per call, counted (deterministic, unlike times): none for a plain message,
//! one (the returned string) for a message with an argument. allocation-counter counts per
//! thread, so the other tests running in parallel do not disturb the counts.

use api_error_i18n::{message, negotiate, resolve};

use crate::args;

/// Allocations made by `call` once the catalog and this thread's negotiation memo are warm.
fn allocations(call: impl Fn()) -> u64 {
    call();
    allocation_counter::measure(call).count_total
}

#[test]
fn the_counter_counts() {
    assert_eq!(allocations(|| drop(String::from("x"))), 1);
}

#[test]
fn a_plain_message_allocates_nothing() {
    for locale in [
        "zh-CN",
        "en",
        "zh-CN,zh;q=0.9,en;q=0.8",
        "fr-FR",
        "",
        "zh_TW.UTF-8",
    ] {
        assert_eq!(
            allocations(|| drop(message(110, locale, None))),
            0,
            "{locale}"
        );
        assert_eq!(
            allocations(|| drop(resolve(110, locale, None))),
            0,
            "{locale}"
        );
    }
}

#[test]
fn a_negotiated_lang_allocates_nothing() {
    let lang = negotiate("zh-CN,zh;q=0.9,en;q=0.8");
    assert_eq!(allocations(|| drop(lang.message(110, None))), 0);
    assert_eq!(allocations(|| drop(lang.localize(111, None))), 0);
    assert_eq!(
        allocations(|| _ = std::hint::black_box(negotiate("zh-TW"))),
        0
    );
    let ip = args(&[("ip", "203.0.113.7")]);
    assert_eq!(allocations(|| drop(lang.message(5, Some(&ip)))), 1);
}

#[test]
fn an_apps_layered_catalog_allocates_nothing_either() {
    api_error_i18n::catalog!(fn app, "tests/data/app-locales");
    for (code, locale) in [(110, "zh-CN"), (31001, "fr"), (4, "eo"), (111, "zh-CN")] {
        assert_eq!(
            allocations(|| drop(app().message(code, locale, None))),
            0,
            "{code} {locale}"
        );
    }
    let ip = args(&[("ip", "203.0.113.7")]);
    assert_eq!(
        allocations(|| drop(app().message(5, "zh-CN", Some(&ip)))),
        1
    );
}

/// A locale no catalog of ours ships, now or later: `qaa` is an ISO 639-2 code reserved for
/// local use, QM a private-use region. (`fr-FR`, once used here, is served by `fr`.)
const UNKNOWN_LOCALE: &str = "qaa-QM";

#[test]
fn an_unknown_locale_allocates_nothing() {
    // Really unknown: it reaches no shipped locale, only the default; this fails if it ships.
    let chain: Vec<&str> = negotiate(UNKNOWN_LOCALE).locales().collect();
    assert_eq!(chain, ["en-US"]);
    assert_eq!(allocations(|| drop(message(110, UNKNOWN_LOCALE, None))), 0);
    assert_eq!(allocations(|| drop(resolve(110, UNKNOWN_LOCALE, None))), 0);
}

#[test]
fn an_unknown_code_allocates_nothing() {
    assert_eq!(allocations(|| drop(message(4242, "zh-CN", None))), 0);
}

#[test]
fn ignored_arguments_allocate_nothing() {
    let ip = args(&[("ip", "203.0.113.7")]);
    assert_eq!(allocations(|| drop(message(110, "zh-CN", Some(&ip)))), 0);
}

#[test]
fn a_message_with_an_argument_allocates_only_its_string() {
    let ip = args(&[("ip", "203.0.113.7")]);
    for locale in ["zh-CN", "en-US", "zh-TW"] {
        assert_eq!(
            allocations(|| drop(message(5, locale, Some(&ip)))),
            1,
            "{locale}"
        );
        assert_eq!(
            allocations(|| drop(resolve(5, locale, Some(&ip)))),
            1,
            "{locale}"
        );
    }
}
