//! Numbers, plurals and dates against fluent.js: `tests/data/fluentjs-intl.json`, made by
//! `tools/fluentjs/generate.mjs` with @fluent/bundle on Node's full ICU (versions in the file).
//!
//! Every case is formatted through a catalog and compared byte for byte (isolation marks
//! included: the table was made with them in right-to-left locales only, as we do). The test
//! prints the match rate, the differences counted by cause, and each message and locale that
//! differs. Every difference must have a known cause, checked case by case; any other fails
//! the test, and so does any plural category other than fluent.js's (or CLDR 49's, listed):
//! - Deliberate: `useGrouping: "false"`. fluent.js hands Intl the string "false", which Intl
//!   reads as `auto`, so fluent.js groups; we follow the option's meaning, as fluent-rs does.
//! - Data versions: ICU4X 2.4 has CLDR 49, Node 20.20's ICU 78.2 CLDR 48.0. Plural rules
//!   (`CLDR_49`) and date patterns (`DATE_DATA`) changed between them.
//! - V8 (like every JavaScript engine) writes the U+202F that CLDR puts before AM/PM and in
//!   ru `г.` as a plain space, for pages that parse dates; we keep CLDR's character.
//! - ICU4X's design: its date field sets take the digits' widths from the locale's stock
//!   patterns where Intl matches a `yMd` skeleton (`01.01.1970` for `1.1.1970`), have no full
//!   length, and keep zh-Hant's flexible day periods (`date_cause`).
//! - icu_experimental's percent format (feature `percent`) writes the Latin percent sign
//!   after Arabic-Indic digits in ar-EG, where CLDR has the Arabic one.

use std::collections::BTreeMap;

use api_error_i18n::{Catalog, DateTime, FluentArgs};
use fluent_bundle::types::{
    FluentNumber, FluentNumberOptions, FluentNumberStyle, FluentNumberType,
};
use fluent_bundle::FluentValue;
use serde_json::Value;

/// Plural categories where CLDR 49 (ICU4X 2.4's data) and CLDR 48 (Node 20.20's ICU 78.2, the
/// table's) disagree: (locale, ordinal, value) with ICU4X's category. Vietnamese cardinals
/// with integer part 0 or 1 became `one`; Spanish ordinals 1, 3, 23 became `one`. Each one
/// is checked to be exactly this, so that no other category may differ.
const CLDR_49: &[(&str, bool, f64, &str)] = &[
    ("vi", false, 0.0, "one"),
    ("vi", false, 1.0, "one"),
    ("vi", false, -1.0, "one"),
    ("vi", false, 0.5, "one"),
    ("vi", false, 0.1, "one"),
    ("vi", false, 0.125, "one"),
    ("vi", false, 0.25, "one"),
    ("vi", false, -0.075, "one"),
    ("es", true, 1.0, "one"),
    ("es", true, 3.0, "one"),
    ("es", true, 23.0, "one"),
];

/// The least share of identical strings: today's rate, a guard against regressions. The
/// issue asks for 97%, which the causes above keep out of reach: the deliberate
/// `useGrouping` alone is 1.5% of the table, the CLDR versions 1.2%.
const MIN_MATCH_RATE: f64 = 0.960;

/// Date differences that come from the data, each checked to be exactly this: (message id,
/// locale, cause). Patterns that changed between Node's CLDR 48.0 and ICU4X 2.4's CLDR 49
/// (`cldr-dates-full@48.2.0` from npm shows CLDR 48's patterns), and patterns that fluent.js
/// gets from a skeleton match Intl makes and ICU4X's field sets do not.
const DATE_DATA: &[(&str, &str, &str)] = &[
    ("date", "ko", KO_DATE),
    ("ymd-numeric", "ko", KO_DATE),
    ("date-short", "ko", KO_DATE),
    ("date-medium", "ko", KO_DATE),
    ("date-time", "ko", KO_DATE),
    ("time-short", "ko", KO_AM),
    ("time-medium", "ko", KO_AM),
    ("hm", "ko", KO_AM),
    ("time-short", "es", PADDED_HOUR),
    ("time-medium", "es", PADDED_HOUR),
    ("date-time", "es", PADDED_HOUR),
    ("hm", "es", PADDED_HOUR),
    ("hm", "vi", PADDED_HOUR),
    (
        "date-short",
        "vi",
        "CLDR 49's Vietnamese short date is dd/MM/y; CLDR 48's d/M/yy",
    ),
    (
        "date-short",
        "pl",
        "CLDR 49's Polish short date is dd.MM.y; CLDR 48's d.MM.y",
    ),
    ("date-long", "vi", VI_COMMA),
    ("date-full", "vi", VI_COMMA),
    ("ymd-long", "vi", VI_COMMA),
    ("date-full", "zh-TW", FULL_IS_LONG),
    ("date-full", "id", FULL_IS_LONG),
    (
        "hm",
        "zh-TW",
        "zh-Hant's h:mm pattern has a flexible day period (B, 凌晨, 晚上); Intl writes AM/PM \
         (上午, 下午) unless the message asks for dayPeriod, ICU4X keeps CLDR's",
    ),
];
const KO_DATE: &str = "CLDR 49 writes Korean numeric dates y/M/d; CLDR 48 y. M. d.";
const KO_AM: &str =
    "CLDR 48.0 (Node) wrote the Korean AM/PM as AM/PM; CLDR 48.2 and 49 as 오전/오후";
const PADDED_HOUR: &str = "CLDR 49 pads the 24-hour clock's hour (HH:mm); CLDR 48 H:mm";
const VI_COMMA: &str = "CLDR 49's Vietnamese long dates have no comma before the year";
const FULL_IS_LONG: &str = "ICU4X's field sets have no full length: dateStyle full is the long \
    date with a weekday, matched by skeleton, where Intl takes CLDR's full pattern (zh-Hant's \
    space before the weekday, id's two-digit day)";

/// Why a date differs from fluent.js's, if the cause is known: `None` fails the test.
fn date_cause(locale: &str, id: &str, actual: &str, expected: &str) -> Option<&'static str> {
    // V8 (and SpiderMonkey and JavaScriptCore) write U+202F NARROW NO-BREAK SPACE, which CLDR
    // puts before AM/PM and in ru `г.`, as a plain space, for pages that parse dates; the
    // catalog keeps CLDR's character.
    if actual.replace('\u{202f}', " ") == expected {
        return Some("V8 writes U+202F as a space");
    }
    // Intl picks `{ $d }` and numeric components from the locale's `yMd` skeleton (`1.1.1970`
    // in de); ICU4X's field sets take the digits' widths from the locale's stock short date
    // pattern (`01.01.1970`). Only the leading zeros differ.
    if matches!(id, "date" | "ymd-numeric")
        && without_leading_zeros(actual) == without_leading_zeros(expected)
    {
        return Some("field widths from the stock pattern, not Intl's yMd skeleton");
    }
    DATE_DATA
        .iter()
        .find(|(i, l, _)| *i == id && *l == locale)
        .map(|(.., cause)| *cause)
}

/// `text` with each number's leading zeros dropped: `01.01.1970` is `1.1.1970`.
fn without_leading_zeros(text: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next_is_digit = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c == '0' && !in_number && next_is_digit {
            continue;
        }
        in_number = c.is_ascii_digit();
        out.push(c);
    }
    out
}

/// `text` without `separator` between two digits: a number's grouping separators.
fn without_separator(text: &str, separator: char) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(|c| c.is_numeric());
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| !(c == separator && digit(i.checked_sub(1)) && digit(Some(i + 1))))
        .map(|(_, &c)| c)
        .collect()
}

struct Table {
    catalog: Catalog,
    codes: BTreeMap<String, u32>,
    cases: Vec<Value>,
    /// DATETIME's further options, apart from `cases` (see their test).
    option_cases: Vec<Value>,
}

fn table() -> Table {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/fluentjs-intl.json");
    let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // The table's messages under ids the catalog serves: `plain` becomes `error-1001`, ...
    let mut codes = BTreeMap::new();
    let mut source = String::new();
    for line in data["messages"].as_str().unwrap().lines() {
        match line.split_once(" =") {
            Some((id, rest)) if !line.starts_with(' ') && !line.starts_with('}') => {
                let code = 1001 + codes.len() as u32;
                codes.insert(id.to_owned(), code);
                source.push_str(&format!("error-{code} ={rest}\n"));
            }
            _ => {
                source.push_str(line);
                source.push('\n');
            }
        }
    }
    let cases = data["cases"].as_array().unwrap().clone();
    let option_cases = data["option_cases"].as_array().unwrap().clone();
    let mut locales: Vec<String> = cases
        .iter()
        .map(|case| case["locale"].as_str().unwrap().to_owned())
        .collect();
    locales.dedup();
    let catalog = Catalog::from_sources(
        "en-US",
        locales
            .iter()
            .map(|locale| (locale.clone(), source.clone())),
    )
    .unwrap();
    Table {
        catalog,
        codes,
        cases,
        option_cases,
    }
}

fn args(case: &Value) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    if let Some(n) = case.get("n") {
        let mut options = FluentNumberOptions::default();
        if let Some(style) = n.pointer("/options/style") {
            assert_eq!(style, "percent");
            options.style = FluentNumberStyle::Percent;
        }
        if let Some(kind) = n.pointer("/options/type") {
            assert_eq!(kind, "ordinal");
            options.r#type = FluentNumberType::Ordinal;
        }
        let value = n["value"].as_f64().unwrap();
        args.set("n", FluentValue::Number(FluentNumber::new(value, options)));
    }
    if let Some(seconds) = case.get("d") {
        // Whole seconds, or seconds with milliseconds for fractionalSecondDigits.
        let millis = match seconds.as_i64() {
            Some(whole) => whole * 1000,
            None => (seconds.as_f64().unwrap() * 1000.0).round() as i64,
        };
        args.set("d", DateTime::from_unix_millis(millis));
    }
    args
}

#[test]
fn numbers_plurals_and_dates_match_fluent_js() {
    let table = table();
    let mut same = 0;
    let mut wrong_category = Vec::new();
    let mut unexplained = Vec::new();
    let mut causes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut differences: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for case in &table.cases {
        let locale = case["locale"].as_str().unwrap();
        let id = case["id"].as_str().unwrap();
        let expected = case["expected"].as_str().unwrap();
        let code = table.codes[id];
        let args = args(case);
        let actual = match table.catalog.resolve(code, locale, Some(&args)) {
            Ok(found) if found.locale == locale => found.text.into_owned(),
            Ok(found) => format!("(served by {})", found.locale),
            Err(error) => format!("(error: {error})"),
        };
        if actual == expected {
            same += 1;
            continue;
        }
        let n = case.get("n").map(|n| n.to_string()).unwrap_or_default();
        let d = case.get("d").map(|d| d.to_string()).unwrap_or_default();
        let ordinal = case.pointer("/n/options/type").is_some();
        let value = case.pointer("/n/value").and_then(Value::as_f64);
        let newer = CLDR_49
            .iter()
            .find(|(l, o, v, _)| *l == locale && *o == ordinal && Some(*v) == value);
        if id.starts_with("plural") {
            let category = |text: &str| text.split(':').next().unwrap_or(text).to_owned();
            let expected_category = newer.map_or(category(expected), |(.., c)| (*c).to_owned());
            if category(&actual) != expected_category {
                wrong_category.push(format!(
                    "{locale} {id} {n}: {actual:?}, fluent.js {expected:?}"
                ));
            }
        }
        let cause = if case.get("d").is_some() {
            date_cause(locale, id, &actual, expected)
        } else if locale == "ar-EG"
            && case.pointer("/n/options/style").is_some()
            && actual
                .replace("\u{200e}%\u{200e}", "\u{66a}\u{61c}")
                .replace("\u{200e}-", "\u{61c}-")
                == expected
        {
            // ICU4X's percent data has the Latin percent sign (`‎%‎`, and its left-to-right
            // mark before a minus) where CLDR gives Arabic-Indic digits their own (`٪؜`, `؜-`):
            // icu_experimental 0.7 keys it by locale, not numbering system. Only those signs
            // may differ: the digits must be fluent.js's.
            Some("icu_experimental's Latin percent sign with Arabic-Indic digits")
        } else if id == "no-grouping"
            && [',', '.', '\u{a0}', '\u{202f}', '\u{66c}', '\'', '\u{2019}']
                .into_iter()
                .any(|separator| without_separator(expected, separator) == actual)
        {
            // Only the grouping separators may differ: fluent.js's text without them is ours.
            Some("useGrouping: \"false\" read by its meaning (fluent.js groups)")
        } else if id.starts_with("plural") && newer.is_some() {
            Some("plural rules changed in CLDR 49")
        } else {
            None
        };
        match cause {
            Some(cause) => *causes.entry(cause).or_default() += 1,
            None => unexplained.push(format!(
                "{locale} {id} {n}{d}: {actual:?}, fluent.js {expected:?}"
            )),
        }
        differences
            .entry((id.to_owned(), locale.to_owned()))
            .or_default()
            .push(format!("{n}{d}: {actual:?}, fluent.js {expected:?}"));
    }
    let total = table.cases.len();
    let rate = same as f64 / total as f64;
    println!("fluent.js match: {same} of {total} ({:.2}%)", rate * 100.0);
    for (cause, count) in &causes {
        println!("{count:4} differ: {cause}");
    }
    for ((id, locale), cases) in &differences {
        println!(
            "{id} in {locale}: {} differ, e.g. {}",
            cases.len(),
            cases[0]
        );
    }
    assert!(
        wrong_category.is_empty(),
        "wrong plural categories: {wrong_category:#?}"
    );
    assert!(
        unexplained.is_empty(),
        "differences with no known cause: {unexplained:#?}"
    );
    assert!(
        rate >= MIN_MATCH_RATE,
        "match rate {rate:.4} below {MIN_MATCH_RATE}"
    );
}

/// A catalog of one source in each of `locales`.
fn catalog_of(locales: &[&str], source: &str) -> Catalog {
    Catalog::from_sources(
        locales[0],
        locales.iter().map(|locale| (*locale, source.to_owned())),
    )
    .unwrap()
}

/// What the checks (`api-error-i18n-lint`) report on `source` as en-US's one file, written in
/// a temporary folder named for the test (`name`), so that tests running at once do not share
/// one.
fn checked(name: &str, source: &str) -> Vec<api_error_i18n_lint::Diagnostic> {
    let root = std::env::temp_dir().join(format!("intl-{name}-{}", std::process::id()));
    let folder = root.join("locales/en-US");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("errors.ftl"), source).unwrap();
    let diagnostics = api_error_i18n_lint::check(&root.join("locales"));
    std::fs::remove_dir_all(&root).unwrap();
    diagnostics
}

fn number(value: f64) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    args.set("n", value);
    args
}

#[test]
fn the_fast_path_writes_the_digits_fluent_writes() {
    // error-1 is served by the compiled fast path, error-2 (a string literal placeable) by
    // fluent's resolver with our formatter: the numbers must read the same.
    let catalog = catalog_of(
        &["en-US", "de", "fr", "ru", "pl", "es", "hi", "pt-BR"],
        "error-1 = n={ $n }.\nerror-2 = n={ $n }.{ \"\" }\n",
    );
    for locale in catalog.locales() {
        for value in [
            0.0,
            -0.0,
            1.0,
            -1234.5678,
            1e6,
            12345.0,
            0.0005,
            1e21,
            123456789.125,
        ] {
            let args = number(value);
            let fast = catalog.resolve(1, locale, Some(&args)).unwrap();
            let fluent = catalog.resolve(2, locale, Some(&args)).unwrap();
            assert_eq!(fast.text, fluent.text, "{locale} {value}");
        }
    }
    assert_eq!(
        catalog.message(1, "de", Some(&number(1234.5))),
        "n=1.234,5."
    );
    assert_eq!(
        catalog.message(1, "hi", Some(&number(1234567.0))),
        "n=12,34,567."
    );
}

#[test]
fn a_message_with_number_and_literal_options_allocates_only_its_text() {
    // Compiled like `{ $n }`: fluent's resolver would allocate its arguments and scope too.
    // Expected texts: Node's `Intl.NumberFormat` with the same options.
    let catalog = catalog_of(
        &["en-US", "de"],
        "error-1 = At most { NUMBER($n, minimumFractionDigits: 2, useGrouping: \"false\") } items\n",
    );
    let args = number(1234.5);
    let call = || drop(catalog.message(1, "de", Some(&args)));
    call();
    assert_eq!(allocation_counter::measure(call).count_total, 1);
    assert_eq!(
        catalog.message(1, "de", Some(&args)),
        "At most 1234,50 items"
    );
    assert_eq!(
        catalog.message(1, "en-US", Some(&number(-0.125))),
        "At most -0.125 items"
    );
}

#[test]
fn a_message_with_a_number_allocates_only_its_text() {
    let catalog = catalog_of(&["en-US"], "error-1 = At most { $n } items\n");
    let args = number(1234.5);
    let call = || drop(catalog.message(1, "en-US", Some(&args)));
    call();
    assert_eq!(allocation_counter::measure(call).count_total, 1);
    assert_eq!(
        catalog.message(1, "en-US", Some(&args)),
        "At most 1,234.5 items"
    );
}

#[test]
fn numeric_keys_match_first_and_strings_select_as_before() {
    let catalog = catalog_of(
        &["en-US", "fr"],
        "error-1 = { $n ->\n    [0] none\n    [one] one\n   *[other] many\n}\n",
    );
    let text = |locale, args: &FluentArgs| catalog.message(1, locale, Some(args)).into_owned();
    assert_eq!(text("en-US", &number(0.0)), "none");
    assert_eq!(text("en-US", &number(1.0)), "one");
    assert_eq!(text("en-US", &number(1.5)), "many");
    assert_eq!(text("fr", &number(1.5)), "one");
    assert_eq!(text("fr", &number(0.0)), "none");
    let mut word = FluentArgs::new();
    word.set("n", "one");
    assert_eq!(text("en-US", &word), "one");
    word.set("n", "zero");
    assert_eq!(text("en-US", &word), "many");
    // A missing argument still says so, and picks the default variant.
    assert_eq!(
        catalog.resolve(1, "en-US", None),
        Err(api_error_i18n::Error::MissingArgument {
            code: 1,
            name: "n".to_owned()
        })
    );
}

#[test]
fn percentages_read_as_intl_writes_them() {
    // Expected: Node 20's `Intl.NumberFormat(locale, { style: "percent", ...options })`.
    let catalog = catalog_of(
        &["fr", "en-US", "de", "tr", "ja"],
        "error-1 = { $n }\nerror-2 = { NUMBER($n, maximumFractionDigits: 2) }\n",
    );
    let percent = |value: f64, options: FluentNumberOptions| {
        let options = FluentNumberOptions {
            style: FluentNumberStyle::Percent,
            ..options
        };
        let mut args = FluentArgs::new();
        args.set("n", FluentValue::Number(FluentNumber::new(value, options)));
        args
    };
    let cases = [
        (
            2,
            "fr",
            0.12345,
            FluentNumberOptions::default(),
            "12,35\u{a0}%",
        ),
        (
            1,
            "en-US",
            -0.5,
            FluentNumberOptions {
                minimum_fraction_digits: Some(1),
                ..Default::default()
            },
            "-50.0%",
        ),
        (
            1,
            "de",
            123.45,
            FluentNumberOptions {
                use_grouping: false,
                ..Default::default()
            },
            "12345\u{a0}%",
        ),
        (
            1,
            "de",
            123.45,
            FluentNumberOptions::default(),
            "12.345\u{a0}%",
        ),
        (1, "tr", 0.25, FluentNumberOptions::default(), "%25"),
        (
            1,
            "ja",
            0.07,
            FluentNumberOptions {
                minimum_integer_digits: Some(3),
                ..Default::default()
            },
            "007%",
        ),
        // Zero times 100 is 0, not 000: the value is scaled on its digits, and zero has one.
        (1, "en-US", 0.0, FluentNumberOptions::default(), "0%"),
        (1, "en-US", -0.0, FluentNumberOptions::default(), "-0%"),
        (2, "de", 0.0, FluentNumberOptions::default(), "0\u{a0}%"),
        (
            2,
            "de",
            -0.0,
            FluentNumberOptions {
                minimum_integer_digits: Some(2),
                ..Default::default()
            },
            "-00\u{a0}%",
        ),
        (1, "fr", 0.0, FluentNumberOptions::default(), "0\u{a0}%"),
        (2, "tr", 0.0, FluentNumberOptions::default(), "%0"),
    ];
    for (code, locale, value, options, expected) in cases {
        let args = percent(value, options);
        assert_eq!(
            catalog.resolve(code, locale, Some(&args)).unwrap().text,
            expected,
            "{locale} {value}"
        );
    }
}

#[test]
fn what_icu4x_cannot_write_is_a_typed_error() {
    use api_error_i18n::{Cause, Error};
    let catalog = catalog_of(
        &["en-US"],
        "error-1 = { $n }\nerror-2 = { DATETIME($d, era: \"short\") }\nerror-3 = { DATETIME($d, dayPeriod: \"short\") }\n",
    );
    let mut args = FluentArgs::new();
    let currency = FluentNumberOptions {
        style: FluentNumberStyle::Currency,
        currency: Some("EUR".to_owned()),
        ..Default::default()
    };
    args.set("n", FluentValue::Number(FluentNumber::new(0.25, currency)));
    args.set("d", DateTime::from_unix_seconds(0));
    let cause = |code| match catalog.resolve(code, "en-US", Some(&args)) {
        Err(Error::Format {
            cause: Cause::Other(cause),
            ..
        }) => cause,
        other => panic!("code {code}: {other:?}"),
    };
    assert!(cause(1).contains("currency style"), "{}", cause(1));
    assert!(cause(2).contains("era"), "{}", cause(2));
    assert!(cause(3).contains("dayPeriod"), "{}", cause(3));
    // The problem does not leak into the next message formatted on this thread.
    let mut time = FluentArgs::new();
    time.set("d", DateTime::from_unix_seconds(0));
    let ok = catalog_of(
        &["en-US"],
        "error-1 = { DATETIME($d, dateStyle: \"long\") }\n",
    );
    assert_eq!(ok.message(1, "en-US", Some(&time)), "January 1, 1970");
}

#[test]
fn no_number_or_time_makes_it_panic() {
    let catalog = catalog_of(
        &["en-US", "ar-EG"],
        "error-1 = { NUMBER($n, minimumFractionDigits: 1000, minimumIntegerDigits: 1000) } { $n }\n\
         error-2 = { NUMBER($n, maximumSignificantDigits: 0, minimumSignificantDigits: 99) }\n\
         error-3 = { $n -> [one] one *[other] other } { DATETIME($n) }\n\
         error-4 = { DATETIME($d, dateStyle: \"full\", timeStyle: \"medium\") }\n",
    );
    let values = [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        5e-324,
        -0.0,
        1e300,
    ];
    for locale in ["en-US", "ar-EG"] {
        for value in values {
            for code in 1..=3 {
                let _ = catalog.resolve(code, locale, Some(&number(value)));
            }
        }
        for seconds in [i64::MIN, i64::MAX, -62_135_596_801, 253_402_300_800, 0] {
            let mut args = FluentArgs::new();
            args.set("d", DateTime::from_unix_seconds(seconds));
            let _ = catalog.resolve(4, locale, Some(&args));
        }
    }
    let far = std::time::UNIX_EPOCH + std::time::Duration::from_secs(u64::MAX / 4);
    let mut args = FluentArgs::new();
    args.set("d", DateTime::from(far));
    assert_eq!(
        catalog.message(4, "en-US", Some(&args)),
        "Friday, December 31, 9999 at 11:59:59\u{202f}PM"
    );
}

/// Every option value the checks accept (api-error-i18n-lint's `functions.rs`) formats without
/// error, and the checks accept each one: the two lists agree.
#[test]
fn what_the_checks_accept_formats() {
    let options = [
        "NUMBER($n, minimumIntegerDigits: 21)",
        "NUMBER($n, minimumFractionDigits: 100)",
        "NUMBER($n, maximumFractionDigits: 0)",
        "NUMBER($n, minimumSignificantDigits: 21)",
        "NUMBER($n, maximumSignificantDigits: 1)",
        "NUMBER($n, useGrouping: \"true\")",
        "NUMBER($n, useGrouping: \"false\")",
        "NUMBER($n, type: \"cardinal\")",
        "NUMBER($n, type: \"ordinal\")",
        "DATETIME($d, dateStyle: \"short\")",
        "DATETIME($d, dateStyle: \"medium\")",
        "DATETIME($d, dateStyle: \"long\")",
        "DATETIME($d, dateStyle: \"full\")",
        "DATETIME($d, timeStyle: \"short\")",
        "DATETIME($d, timeStyle: \"medium\")",
        "DATETIME($d, dateStyle: \"full\", timeStyle: \"medium\")",
        "DATETIME($d, year: \"numeric\", month: \"numeric\", day: \"numeric\")",
        "DATETIME($d, year: \"numeric\", month: \"short\", day: \"numeric\")",
        "DATETIME($d, year: \"numeric\", month: \"long\", day: \"numeric\", weekday: \"long\")",
        "DATETIME($d, hour: \"numeric\", minute: \"numeric\")",
        "DATETIME($d, hour: \"numeric\", minute: \"numeric\", second: \"numeric\")",
        "DATETIME($d, timeStyle: \"long\")",
        "DATETIME($d, day: \"numeric\")",
        "DATETIME($d, month: \"numeric\", day: \"numeric\")",
        "DATETIME($d, month: \"long\", day: \"numeric\", weekday: \"long\")",
        "DATETIME($d, day: \"numeric\", weekday: \"short\")",
        "DATETIME($d, weekday: \"long\")",
        "DATETIME($d, month: \"short\")",
        "DATETIME($d, year: \"numeric\", month: \"short\")",
        "DATETIME($d, year: \"numeric\", era: \"short\")",
        "DATETIME($d, year: \"numeric\", month: \"short\", day: \"numeric\", weekday: \"short\")",
        "DATETIME($d, hour: \"numeric\")",
        "DATETIME($d, hour: \"numeric\", minute: \"2-digit\", second: \"2-digit\", fractionalSecondDigits: 3)",
        "DATETIME($d, hour: \"numeric\", minute: \"numeric\", second: \"numeric\", fractionalSecondDigits: 1)",
        "DATETIME($d, hour: \"numeric\", minute: \"numeric\", hour12: \"false\")",
        "DATETIME($d, hour: \"numeric\", minute: \"numeric\", timeZoneName: \"short\")",
        "DATETIME($d, hour: \"numeric\", minute: \"numeric\", timeZoneName: \"shortOffset\")",
        "DATETIME($d, hour: \"numeric\", minute: \"numeric\", timeZoneName: \"longOffset\")",
        "DATETIME($d, hour: \"numeric\", minute: \"numeric\", timeZoneName: \"shortGeneric\")",
        "DATETIME($d, day: \"numeric\", timeZoneName: \"longGeneric\")",
    ];
    // What formats only with the feature `long-zone-names` (a Format error naming it without).
    let long_zone_names = [
        "DATETIME($d, timeStyle: \"full\", hour12: \"true\")",
        "DATETIME($d, hour: \"numeric\", minute: \"numeric\", timeZoneName: \"long\")",
    ];
    let mut options = options.to_vec();
    if cfg!(feature = "long-zone-names") {
        options.extend(long_zone_names);
    }
    let mut source = String::from("error-1 = Unknown error\n");
    for (at, call) in options.iter().enumerate() {
        source.push_str(&format!("error-{} = {{ {call} }}\n", at + 2));
    }
    let diagnostics = checked("options", &source);
    let diagnostics: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");

    let catalog = catalog_of(&["en-US", "ja", "ar-EG"], &source);
    let mut args = number(1234.5);
    args.set("d", DateTime::from_unix_seconds(1_700_000_000));
    for locale in ["en-US", "ja", "ar-EG"] {
        for (at, call) in options.iter().enumerate() {
            let code = at as u32 + 2;
            let found = catalog.resolve(code, locale, Some(&args));
            assert!(found.is_ok(), "{locale} {call}: {found:?}");
        }
    }
}

/// The examples of TRANSLATING.md, as written there.
#[test]
fn the_translators_examples_read_as_documented() {
    let ru = "error-7001 = { $count ->\n    [one] Отклонён { $count } элемент.\n    [few] Отклонены { $count } элемента.\n    [many] Отклонено { $count } элементов.\n   *[other] Отклонено { $count } элемента.\n}\n";
    let catalog = Catalog::from_sources("en-US", [("en-US", "error-1 = x\n"), ("ru", ru)]).unwrap();
    let mut count = FluentArgs::new();
    for (n, expected) in [
        (1.0, "Отклонён 1 элемент."),
        (3.0, "Отклонены 3 элемента."),
        (5.0, "Отклонено 5 элементов."),
        (21.0, "Отклонён 21 элемент."),
        (1.5, "Отклонено 1,5 элемента."),
        (10000.0, "Отклонено 10\u{a0}000 элементов."),
    ] {
        count.set("count", n);
        assert_eq!(catalog.message(7001, "ru", Some(&count)), expected);
    }

    let dates = [
        ("en-US", "error-7002 = Retry after { DATETIME($reset, timeStyle: \"short\") }\nerror-7003 = Blocked since { DATETIME($since, dateStyle: \"long\") }\n"),
        ("de", "error-7002 = Erneut versuchen ab { DATETIME($reset, timeStyle: \"short\") }\nerror-7003 = Gesperrt seit { DATETIME($since, dateStyle: \"long\") }\n"),
        ("zh-CN", "error-7002 = { DATETIME($reset, timeStyle: \"short\") }后重试\nerror-7003 = 自{ DATETIME($since, dateStyle: \"long\") }起被封禁\n"),
    ];
    let catalog = Catalog::from_sources("en-US", dates).unwrap();
    let mut args = FluentArgs::new();
    args.set("reset", DateTime::from_unix_seconds(1_700_000_000));
    args.set("since", DateTime::from_unix_seconds(1_700_000_000));
    let text = |code, locale| catalog.message(code, locale, Some(&args)).into_owned();
    assert_eq!(text(7002, "en-US"), "Retry after 10:13\u{202f}PM");
    assert_eq!(text(7003, "en-US"), "Blocked since November 14, 2023");
    assert_eq!(text(7002, "de"), "Erneut versuchen ab 22:13");
    assert_eq!(text(7003, "de"), "Gesperrt seit 14. November 2023");
    assert_eq!(text(7002, "zh-CN"), "22:13后重试");
    assert_eq!(text(7003, "zh-CN"), "自2023年11月14日起被封禁");
}

#[test]
fn an_api_error_carries_numbers_and_dates() {
    use api_error_i18n::{ApiError, ErrorFormat, ErrorLayer};
    use axum::{routing::get, Router};
    let catalog: &'static Catalog = Box::leak(Box::new(
        Catalog::over(
            Catalog::embedded(),
            [(
                "de",
                "error-31004 = Höchstens { $max } Anfragen; erneut ab { DATETIME($reset, timeStyle: \"short\") }\n",
            )],
        )
        .unwrap(),
    ));
    let app = Router::new()
        .route(
            "/",
            get(|| async {
                Err::<(), _>(
                    ApiError::new(31004)
                        .arg("max", 1000)
                        .arg("reset", DateTime::from_unix_seconds(1_700_000_000)),
                )
            }),
        )
        .layer(ErrorLayer::new(ErrorFormat::baidu()).catalog(catalog));
    let (_, body) = crate::get_through(app, "/", &["de"]);
    assert_eq!(
        body,
        r#"{"error_code":31004,"error_msg":"Höchstens 1.000 Anfragen; erneut ab 22:13"}"#
    );
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Numbers of every kind: any bit pattern, and the everyday ones.
    fn value() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f64>(),
            -1e7..1e7f64,
            (-100_000i64..100_000).prop_map(|n| n as f64),
            (0u32..10_000).prop_map(|n| f64::from(n) / 1000.0),
        ]
    }

    proptest! {
        /// Whatever the number and the options a message gives NUMBER, the catalog answers
        /// without panicking, and the fast path writes what fluent's path writes.
        #[test]
        fn any_number_with_any_options(
            value in value(),
            integer in 0u32..300,
            fraction in 0u32..300,
            significant in 0u32..300,
            own in 0usize..3,
            locale in prop::sample::select(vec!["en-US", "de", "fr", "ar-EG", "cy", "pl", "ja"]),
        ) {
            // error-5 and error-7 are error-3 and error-6 through fluent's resolver (the
            // literal placeable): the compiled NUMBER must write what fluent's NUMBER writes.
            let source = format!(
                "error-1 = n={{ $n }}.\nerror-2 = n={{ $n }}.{{ \"\" }}\n\
                 error-3 = {{ NUMBER($n, minimumIntegerDigits: {integer}, maximumFractionDigits: {fraction}) }}\n\
                 error-4 = {{ NUMBER($n, minimumSignificantDigits: {significant}, minimumFractionDigits: {fraction}) ->\n    \
                 [0] zero\n   *[other] {{ $n }}\n}}\n\
                 error-5 = n={{ NUMBER($n, minimumIntegerDigits: {integer}, maximumFractionDigits: {fraction}) }}.{{ \"\" }}\n\
                 error-6 = n={{ NUMBER($n, useGrouping: \"false\", maximumSignificantDigits: {significant}) }}.\n\
                 error-7 = n={{ NUMBER($n, useGrouping: \"false\", maximumSignificantDigits: {significant}) }}.{{ \"\" }}\n\
                 error-8 = n={{ NUMBER($n, minimumIntegerDigits: {integer}, maximumFractionDigits: {fraction}) }}.\n"
            );
            let catalog = Catalog::from_sources(locale, [(locale, source)]).unwrap();
            // The argument's own options, which the call's override only where it sets them.
            let options = match own {
                0 => FluentNumberOptions::default(),
                1 => FluentNumberOptions { style: FluentNumberStyle::Percent, ..Default::default() },
                _ => FluentNumberOptions {
                    minimum_fraction_digits: Some(2),
                    use_grouping: false,
                    ..Default::default()
                },
            };
            let mut args = FluentArgs::new();
            args.set("n", FluentValue::Number(FluentNumber::new(value, options)));
            let fast = catalog.message(1, locale, Some(&args));
            let fluent = catalog.message(2, locale, Some(&args));
            prop_assert_eq!(fast, fluent);
            prop_assert_eq!(catalog.message(8, locale, Some(&args)), catalog.message(5, locale, Some(&args)));
            prop_assert_eq!(catalog.message(6, locale, Some(&args)), catalog.message(7, locale, Some(&args)));
            for code in [3, 4] {
                let found = catalog.resolve(code, locale, Some(&args));
                prop_assert!(found.is_ok(), "{:?}", found);
            }
        }

        /// Any time, with any DATETIME style, formats or fails with a typed error.
        #[test]
        fn any_time(seconds in any::<i64>(), style in 0usize..6) {
            let styles = ["short", "medium", "long", "full", "narrow", ""];
            let source = format!(
                "error-1 = {{ DATETIME($d, dateStyle: \"{0}\", timeStyle: \"{0}\") }}\nerror-2 = {{ $d }}\n",
                styles[style]
            );
            let catalog = Catalog::from_sources("en-US", [("en-US", source)]).unwrap();
            let mut args = FluentArgs::new();
            args.set("d", DateTime::from_unix_seconds(seconds));
            let _ = catalog.resolve(1, "en-US", Some(&args));
            prop_assert!(catalog.resolve(2, "en-US", Some(&args)).is_ok());
        }
    }
}

/// Why a case of DATETIME's further options reads otherwise than in fluent.js.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cause {
    /// V8 turns U+202F (before AM/PM, in ru `г.`) back into a space for web compatibility.
    NarrowSpace,
    /// Intl matches a skeleton (`d.M.` in de); ICU4X's field sets use the locale's stock
    /// pattern of that length (`dd.MM.`): the same fields, padded otherwise.
    Padding,
    /// Intl's skeleton pattern against ICU4X's field-set one, with other words, forms or order
    /// (de, ja, ko and ar medium dates are numeric; fr's hour alone has no `h`; cy's era date
    /// in Node is `M/d/y G`).
    OtherPattern,
    /// CLDR 49 (ICU4X 2.4) against CLDR 48 (Node's ICU): ko `오전` for `AM`, zh-TW `凌晨` for
    /// `上午`, as in the main table's `hm`.
    Cldr49,
    /// ICU4X's zone names and offset formats (CLDR 49) against Node's: UTC's short name is
    /// `TU` in fr and `التوقيت العالمي` in ar where Intl writes `UTC`; pt writes `+0 GMT`;
    /// ar's offsets carry a bidi mark (`غرينتش\u{200e}+0`).
    ZoneName,
    /// `hour12: "true"` in a 24-hour locale: Node 20 follows ECMA-402 before 2024 (the hour
    /// cycle h11, `0:00 AM`); ICU4X the locale's 12-hour clock (`12:00 AM`), as ECMA-402 now.
    OldHour12,
    /// `hour12: "false"`: fluent.js hands Intl the string, which reads as true; we follow
    /// the string's meaning, as for `useGrouping: "false"`: the case's `h23`, Node's 24-hour
    /// clock for the same options.
    Hour12False,
    /// ICU4X 2.4's data cannot write the pattern (pt's year with long month): a typed error.
    Icu4xData,
    /// The long zone name needs the feature `long-zone-names` (megabytes of ICU4X's data):
    /// without it, a typed error that names the feature.
    LongZoneNames,
}

/// Differences checked by hand: (message id, locale, cause). The rest are found by rule.
const OPTION_CAUSES: &[(&str, &str, Cause)] = &[
    ("date-weekday-ymd-short", "de", Cause::OtherPattern),
    ("date-weekday-ymd-short", "ja", Cause::OtherPattern),
    ("date-weekday-ymd-short", "ko", Cause::OtherPattern),
    ("date-weekday-ymd-short", "ar", Cause::OtherPattern),
    ("date-weekday-ymd-short", "ar-EG", Cause::OtherPattern),
    ("date-month-day", "vi", Cause::OtherPattern),
    ("date-month-day-long", "cy", Cause::OtherPattern),
    ("date-era", "cy", Cause::OtherPattern),
    ("time-hour", "fr", Cause::OtherPattern),
    ("time-hour", "zh-TW", Cause::Cldr49),
    ("time-fraction-1", "zh-TW", Cause::Cldr49),
    ("time-fraction-3", "zh-TW", Cause::Cldr49),
    ("date-year-month", "pt-BR", Cause::Icu4xData),
    ("time-long", "ko", Cause::OtherPattern),
    ("time-full", "ko", Cause::OtherPattern),
    ("time-full", "ja", Cause::OtherPattern),
    ("time-full", "es", Cause::OtherPattern),
    ("time-long", "zh-TW", Cause::OtherPattern),
    ("time-full", "zh-TW", Cause::OtherPattern),
    ("time-zone-short", "zh-TW", Cause::OtherPattern),
    ("time-zone-long", "zh-TW", Cause::OtherPattern),
    ("time-zone-short-offset", "zh-TW", Cause::OtherPattern),
    ("time-zone-long-offset", "zh-TW", Cause::OtherPattern),
    ("time-zone-short-generic", "zh-TW", Cause::OtherPattern),
    ("time-zone-long-generic", "zh-TW", Cause::OtherPattern),
    // A date and its zone: Intl joins them with the locale's glue (`1/1/1970, UTC`), ICU4X
    // with a space, the date padded as above; ko, zh-CN and vi order them otherwise too.
    ("date-zone", "ar", Cause::OtherPattern),
    ("date-zone", "ar-EG", Cause::OtherPattern),
    ("date-zone", "cy", Cause::OtherPattern),
    ("date-zone", "de", Cause::OtherPattern),
    ("date-zone", "en-US", Cause::OtherPattern),
    ("date-zone", "es", Cause::OtherPattern),
    ("date-zone", "fr", Cause::OtherPattern),
    ("date-zone", "id", Cause::OtherPattern),
    ("date-zone", "ko", Cause::OtherPattern),
    ("date-zone", "pl", Cause::OtherPattern),
    ("date-zone", "pt-BR", Cause::OtherPattern),
    ("date-zone", "ru", Cause::OtherPattern),
    ("date-zone", "vi", Cause::OtherPattern),
    ("date-zone", "zh-CN", Cause::OtherPattern),
    ("date-zone", "zh-TW", Cause::OtherPattern),
    ("time-long", "fr", Cause::ZoneName),
    ("time-zone-short", "fr", Cause::ZoneName),
    ("time-long", "ar", Cause::ZoneName),
    ("time-zone-short", "ar", Cause::ZoneName),
    ("time-zone-short-offset", "ar", Cause::ZoneName),
    ("time-zone-long-offset", "ar", Cause::ZoneName),
    ("time-zone-short-generic", "ar", Cause::ZoneName),
    ("time-zone-long-generic", "ar", Cause::ZoneName),
    ("time-long", "ar-EG", Cause::ZoneName),
    ("time-zone-short", "ar-EG", Cause::ZoneName),
    ("time-zone-short-offset", "ar-EG", Cause::ZoneName),
    ("time-zone-long-offset", "ar-EG", Cause::ZoneName),
    ("time-zone-short-generic", "ar-EG", Cause::ZoneName),
    ("time-zone-long-generic", "ar-EG", Cause::ZoneName),
    ("time-zone-short-offset", "pt-BR", Cause::ZoneName),
    ("time-zone-long-offset", "pt-BR", Cause::ZoneName),
    ("time-zone-short-generic", "pt-BR", Cause::ZoneName),
    ("time-zone-long-generic", "pt-BR", Cause::ZoneName),
];

/// The cause of a difference, by rule or from `OPTION_CAUSES`.
fn option_cause(id: &str, locale: &str, actual: &str, expected: &str) -> Option<Cause> {
    let spaced = actual.replace('\u{202f}', " ");
    let unpadded = |text: &str| {
        let mut out = String::new();
        let mut digits = String::new();
        for c in text.chars().chain(['\0']) {
            if c.is_numeric() {
                digits.push(c);
                continue;
            }
            if !digits.is_empty() {
                let trimmed = digits.trim_start_matches(['0', '\u{660}']);
                out.push_str(if trimmed.is_empty() { "0" } else { trimmed });
                digits.clear();
            }
            out.push(c);
        }
        out
    };
    let midnight_h11 = |text: &str| [text.replace("12", "00"), text.replace("12", "0")];
    let long_zone = id == "time-full" || id == "time-zone-long";
    if long_zone && !cfg!(feature = "long-zone-names") {
        actual
            .contains("`long-zone-names`")
            .then_some(Cause::LongZoneNames)
    } else if spaced == expected && spaced != actual {
        Some(Cause::NarrowSpace)
    } else if unpadded(&spaced) == unpadded(expected) {
        Some(Cause::Padding)
    } else if id == "time-hour12" && midnight_h11(&spaced).iter().any(|h11| h11 == expected) {
        Some(Cause::OldHour12)
    } else if locale == "ko" && spaced.replace("오전", "AM").replace("오후", "PM") == expected {
        Some(Cause::Cldr49)
    } else {
        OPTION_CAUSES
            .iter()
            .find(|(i, l, _)| *i == id && *l == locale)
            .map(|(.., cause)| *cause)
    }
}

/// DATETIME's further options against fluent.js: the table's `option_cases`, each difference
/// with its cause. They are apart from `cases` so that `MIN_MATCH_RATE` keeps guarding the
/// rows it was set on; both rates are printed. Every difference must have its cause, so no
/// floor is needed here: a new difference fails the test.
#[test]
fn datetime_options_match_fluent_js_or_differ_for_a_known_cause() {
    let table = table();
    let cases = &table.option_cases;
    let mut same = 0;
    let mut causes: BTreeMap<Cause, usize> = BTreeMap::new();
    let mut unexplained = Vec::new();
    let mut listed_but_same: Vec<_> = OPTION_CAUSES.iter().map(|(i, l, _)| (*i, *l)).collect();
    for case in cases {
        let locale = case["locale"].as_str().unwrap();
        let id = case["id"].as_str().unwrap();
        let expected = case["expected"].as_str().unwrap();
        let args = args(case);
        let actual = match table.catalog.resolve(table.codes[id], locale, Some(&args)) {
            Ok(found) if found.locale == locale => found.text.into_owned(),
            Ok(found) => format!("(served by {})", found.locale),
            Err(error) => format!("(error: {error})"),
        };
        if actual == expected {
            same += 1;
            continue;
        }
        listed_but_same.retain(|&(i, l)| (i, l) != (id, locale));
        let d = &case["d"];
        // `hour12: "false"` is held to what it means, Node's 24-hour clock (`h23`), with the
        // same allowances as any other case (U+202F, padding, CLDR versions).
        let cause = match case.get("h23").and_then(Value::as_str) {
            Some(h23) => (actual == h23 || option_cause("", locale, &actual, h23).is_some())
                .then_some(Cause::Hour12False),
            None => option_cause(id, locale, &actual, expected),
        };
        match cause {
            Some(cause) => *causes.entry(cause).or_default() += 1,
            None => unexplained.push(format!(
                "{id} {locale} {d}: {actual:?}, fluent.js {expected:?}"
            )),
        }
    }
    println!(
        "DATETIME options: {same} of {} match fluent.js ({:.2}%); differences by cause: {causes:?}",
        cases.len(),
        same as f64 * 100.0 / cases.len() as f64
    );
    assert!(
        unexplained.is_empty(),
        "differences without a cause: {unexplained:#?}"
    );
    assert!(
        listed_but_same.is_empty(),
        "OPTION_CAUSES lists cases that match: {listed_but_same:?}"
    );
}

/// What ICU4X's field sets cannot write fails the message with `Error::Format`, whose cause
/// names the option or the combination, in every locale (no other locale is served instead).
#[test]
fn each_datetime_option_it_cannot_write_is_a_format_error_naming_it() {
    use api_error_i18n::{Cause, Error};
    #[track_caller]
    fn check(options: &str, named: &str) {
        let source = format!("error-1 = {{ DATETIME($d, {options}) }}\n");
        let catalog = catalog_of(&["en-US", "de"], &source);
        let mut args = FluentArgs::new();
        args.set("d", DateTime::from_unix_seconds(1_700_000_000));
        for locale in ["en-US", "de"] {
            match catalog.resolve(1, locale, Some(&args)) {
                Err(Error::Format {
                    cause: Cause::Other(cause),
                    ..
                }) => assert!(cause.contains(named), "{options}: {cause}"),
                other => panic!("{options} in {locale}: {other:?}"),
            }
        }
    }
    check("dayPeriod: \"short\"", "dayPeriod");
    check("dayPeriod: \"long\", hour: \"numeric\"", "dayPeriod");
    check("era: \"long\", year: \"numeric\"", "era");
    check("era: \"narrow\", year: \"numeric\"", "era");
    check("era: \"short\"", "era without year");
    check(
        "era: \"short\", month: \"long\", day: \"numeric\"",
        "era without year",
    );
    check("year: \"2-digit\"", "year");
    check("month: \"narrow\"", "month");
    check("month: \"2-digit\", day: \"numeric\"", "month");
    check("day: \"2-digit\"", "day");
    check("weekday: \"narrow\"", "weekday");
    check("hour: \"2-digit\"", "hour");
    check("year: \"numeric\", day: \"numeric\"", "year and day");
    check("year: \"numeric\", weekday: \"long\"", "year and weekday");
    check(
        "month: \"numeric\", weekday: \"long\", day: \"numeric\"",
        "weekday: \"long\" with a numeric or short month",
    );
    check(
        "month: \"long\", weekday: \"short\", day: \"numeric\"",
        "weekday: \"short\" with month: \"long\"",
    );
    check("minute: \"numeric\"", "a time without hour");
    check(
        "hour: \"numeric\", second: \"numeric\"",
        "a time without hour",
    );
    check(
        "hour: \"numeric\", minute: \"numeric\", second: \"numeric\", fractionalSecondDigits: 4",
        "fractionalSecondDigits",
    );
    check(
        "hour: \"numeric\", minute: \"numeric\", fractionalSecondDigits: 2",
        "fractionalSecondDigits",
    );
    check("hour12: \"yes\", hour: \"numeric\"", "hour12");
    check("timeStyle: \"narrow\"", "timeStyle");
    check(
        "timeStyle: \"short\", timeZoneName: \"short\"",
        "timeZoneName",
    );
    check("timeStyle: \"short\", hour: \"numeric\"", "timeStyle");
    check("dateStyle: \"long\", month: \"long\"", "dateStyle");
    check("dateStyle: \"long\", era: \"short\"", "era");
    // Intl: "Can't set option hour when dateStyle is used", and so for each pair below.
    check("dateStyle: \"full\", hour: \"numeric\"", "hour");
    check(
        "dateStyle: \"short\", timeStyle: \"short\", second: \"numeric\"",
        "second",
    );
    check("timeStyle: \"short\", day: \"numeric\"", "day");
    check(
        "timeStyle: \"medium\", fractionalSecondDigits: 2",
        "fractionalSecondDigits",
    );
    check("timeZoneName: \"shortWhatever\"", "timeZoneName");
    check(
        "year: \"numeric\", month: \"long\", hour: \"numeric\"",
        "a year or month without day",
    );
    check(
        "month: \"long\", timeZoneName: \"short\"",
        "a year or month without day",
    );
    check("calendar: \"buddhist\", year: \"numeric\"", "calendar");
    if !cfg!(feature = "long-zone-names") {
        check("timeStyle: \"full\"", "`long-zone-names`");
        check(
            "hour: \"numeric\", timeZoneName: \"long\"",
            "`long-zone-names`",
        );
    }
}

/// Options read as Intl reads them, outside fluent.js's table: `fractionalSecondDigits` given
/// as a string (Intl converts it), the zone names of the long and full time styles, and
/// `hour12` in Japanese, where the 12-hour clock counts from 0.
#[test]
fn datetime_options_read_as_intl_reads_them() {
    #[track_caller]
    fn check(locale: &str, options: &str, millis: i64, expected: &str) {
        let source = format!("error-1 = {{ DATETIME($d, {options}) }}\n");
        let catalog = catalog_of(&[locale], &source);
        let mut args = FluentArgs::new();
        args.set("d", DateTime::from_unix_millis(millis));
        assert_eq!(
            catalog.message(1, locale, Some(&args)),
            expected,
            "{options}"
        );
    }
    // Expected: Node 20's `new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" })`
    // at 2024-07-01 11:59:59.123 (`NOON`) or midnight (0), U+202F where ICU4X writes it
    // (V8 writes a space).
    const NOON: i64 = 1_719_835_199_123;
    let seconds = "hour: \"numeric\", minute: \"numeric\", second: \"numeric\"";
    let fraction = format!("{seconds}, fractionalSecondDigits: \"2\"");
    check("de", &fraction, NOON, "11:59:59,12");
    check(
        "en-US",
        "timeStyle: \"long\"",
        NOON,
        "11:59:59\u{202f}AM UTC",
    );
    if cfg!(feature = "long-zone-names") {
        check(
            "de",
            "timeStyle: \"full\"",
            NOON,
            "11:59:59 Koordinierte Weltzeit",
        );
        let long = "hour: \"numeric\", minute: \"numeric\", timeZoneName: \"long\"";
        check(
            "en-US",
            long,
            NOON,
            "11:59\u{202f}AM Coordinated Universal Time",
        );
    }
    let hm12 = "hour: \"numeric\", minute: \"numeric\", hour12: \"true\"";
    check("ja", hm12, 0, "午前0:00");
    check(
        "ja-JP",
        "timeStyle: \"short\", hour12: \"true\"",
        0,
        "午前0:00",
    );
    check(
        "en-US",
        "timeStyle: \"short\", hour12: \"false\"",
        NOON,
        "11:59",
    );
}

/// TRANSLATING.md's example of DATETIME's parts, read from the file: each `# locale: text`
/// comment is what the message below it writes for 2023-11-14 22:13:20 UTC. The texts are
/// Node 20's Intl with the same options (`hour12` as a boolean).
#[test]
fn the_translators_datetime_parts_example_reads_as_documented() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/TRANSLATING.md");
    let guide = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = guide.lines().collect();
    let mut checked = 0;
    for pair in lines.windows(2) {
        let (Some(comment), Some(message)) = (
            pair[0].strip_prefix("# "),
            pair[1].strip_prefix("error-7004 = "),
        ) else {
            continue;
        };
        let (locale, expected) = comment.split_once(": ").unwrap();
        let catalog = catalog_of(&[locale], &format!("error-7004 = {message}\n"));
        let mut args = FluentArgs::new();
        args.set("reset", DateTime::from_unix_seconds(1_700_000_000));
        let text = catalog
            .message(7004, locale, Some(&args))
            .replace('\u{202f}', " ");
        assert_eq!(text, expected, "{locale}");
        checked += 1;
    }
    assert_eq!(checked, 2);
}

/// Where ICU4X 2.4's data has no pattern for the options in a locale, or one that lost its
/// year to a quoted `'Y'`, the message fails with `Error::Format` in that locale only; the
/// same options format elsewhere (expected: Node 20's Intl, U+202F where ICU4X writes it).
#[test]
fn a_pattern_icu4x_data_cannot_write_is_an_error_in_that_locale_only() {
    use api_error_i18n::{Cause, Error};
    let era = "error-1 = { DATETIME($d, era: \"short\", year: \"numeric\", month: \"long\", day: \"numeric\", weekday: \"long\") }\n";
    let year_month = "error-2 = { DATETIME($d, year: \"numeric\", month: \"long\") }\n";
    let catalog = catalog_of(&["en-US", "de", "pt-BR"], &format!("{era}{year_month}"));
    let mut args = FluentArgs::new();
    args.set("d", DateTime::from_unix_seconds(1_719_835_199)); // 2024-07-01 11:59:59
    let fails = |code, locale| match catalog.resolve(code, locale, Some(&args)) {
        Err(Error::Format {
            cause: Cause::Other(cause),
            ..
        }) => cause.contains("in this locale"),
        _ => false,
    };
    // de: `d MMMM 'Y' GGG, EEEE` would write `1 Juli Y n. Chr., Montag`.
    assert!(fails(1, "de"));
    // pt: its long year and month cannot be written (`DecimalFormatterNotLoaded`).
    assert!(fails(2, "pt-BR"));
    assert_eq!(
        catalog.message(1, "en-US", Some(&args)),
        "Monday, July 1, 2024 AD"
    );
    assert_eq!(catalog.message(2, "en-US", Some(&args)), "July 2024");
    assert_eq!(catalog.message(2, "de", Some(&args)), "Juli 2024");
}

/// ICU4X picks another pattern for the years 1 to 999 (with the era) than for 1970: where that
/// one lost its year (de's full date, `d MMMM 'Y' GGG, EEEE`), those years fail with
/// `Error::Format`, and the others still format (expected: Node 20's Intl, in UTC).
#[test]
fn a_pattern_without_its_year_fails_for_the_years_that_use_it() {
    use api_error_i18n::{Cause, Error};
    let catalog = catalog_of(
        &["de"],
        "error-1 = { DATETIME($d, dateStyle: \"full\") }\n\
         error-2 = { DATETIME($d, year: \"numeric\", month: \"long\", day: \"numeric\", weekday: \"long\") }\n",
    );
    let at = |millis| {
        let mut args = FluentArgs::new();
        args.set("d", DateTime::from_unix_millis(millis));
        args
    };
    const YEAR_500: i64 = -46_373_040_000_000; // 0500-07-01, "Donnerstag, 1. Juli 500"
    const YEAR_2024: i64 = 1_719_835_199_000; // 2024-07-01 11:59:59
    for code in [1, 2] {
        match catalog.resolve(code, "de", Some(&at(YEAR_500))) {
            Err(Error::Format {
                cause: Cause::Other(cause),
                ..
            }) => assert!(cause.contains("has no year"), "{cause}"),
            other => panic!("error-{code}: {other:?}"),
        }
        assert_eq!(
            catalog.message(code, "de", Some(&at(YEAR_2024))),
            "Montag, 1. Juli 2024"
        );
    }
    // Elsewhere those years have their era, as ICU4X's `YearStyle` docs show (`77 AD`);
    // Intl writes `July 1, 500`.
    let en = catalog_of(
        &["en-US"],
        "error-1 = { DATETIME($d, dateStyle: \"long\") }\n",
    );
    assert_eq!(
        en.message(1, "en-US", Some(&at(YEAR_500))),
        "July 1, 500 AD"
    );
}

mod datetime_properties {
    use proptest::prelude::*;

    use super::*;
    use api_error_i18n::{Cause, Error};

    /// Each option fluent.js has, with the values Intl takes and some it does not.
    const OPTIONS: &[(&str, &[&str])] = &[
        (
            "dateStyle",
            &[
                "\"short\"",
                "\"medium\"",
                "\"long\"",
                "\"full\"",
                "\"tiny\"",
            ],
        ),
        (
            "timeStyle",
            &["\"short\"", "\"medium\"", "\"long\"", "\"full\""],
        ),
        ("year", &["\"numeric\"", "\"2-digit\"", "1"]),
        ("era", &["\"short\"", "\"long\""]),
        (
            "month",
            &["\"numeric\"", "\"short\"", "\"long\"", "\"narrow\""],
        ),
        ("day", &["\"numeric\"", "\"2-digit\""]),
        ("weekday", &["\"short\"", "\"long\""]),
        ("hour", &["\"numeric\"", "\"2-digit\""]),
        ("minute", &["\"numeric\"", "\"2-digit\""]),
        ("second", &["\"numeric\"", "\"2-digit\""]),
        ("fractionalSecondDigits", &["1", "3", "\"2\"", "0", "4"]),
        ("hour12", &["\"true\"", "\"false\"", "\"yes\""]),
        (
            "timeZoneName",
            &[
                "\"short\"",
                "\"long\"",
                "\"shortOffset\"",
                "\"longGeneric\"",
            ],
        ),
        ("dayPeriod", &["\"short\""]),
    ];

    const LOCALES: [&str; 16] = [
        "en-US", "ar", "de", "es", "fr", "id", "ja", "ko", "pt-BR", "ru", "vi", "zh-CN", "zh-TW",
        "ar-EG", "pl", "cy",
    ];

    /// The Gregorian year of a time in UTC (Howard Hinnant's `civil_from_days`).
    fn year_of(millis: i64) -> i64 {
        let z = millis.div_euclid(86_400_000) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        yoe + era * 400 + i64::from(month <= 2)
    }

    /// Times of every kind: the edges of the years 1 to 9999 and beyond, any millisecond.
    fn time() -> impl Strategy<Value = i64> {
        prop_oneof![
            Just(-62_135_596_800_000i64),
            Just(253_402_300_799_999i64),
            Just(-1i64),
            Just(951_782_400_000i64), // 2000-02-29
            -70_000_000_000_000i64..260_000_000_000_000,
            // The years 1 to 999, which ICU4X writes with other patterns.
            -62_135_596_800_000i64..-30_610_224_000_000,
            any::<i64>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
        /// Whatever the options and the time, in every shipped locale and ar-EG, pl and cy,
        /// DATETIME writes the locale's text (with the year, where asked) or fails with a
        /// typed `Error::Format` naming DATETIME, and never panics, debug assertions included.
        #[test]
        fn any_options_at_any_time_format_or_fail_typed(
            picks in proptest::collection::vec(proptest::option::weighted(0.25, 0usize..5), OPTIONS.len()),
            millis in time(),
        ) {
            let mut named = Vec::new();
            for ((name, values), pick) in OPTIONS.iter().zip(&picks) {
                if let Some(pick) = pick {
                    named.push(format!("{name}: {}", values[pick % values.len()]));
                }
            }
            let options = named.join(", ");
            let source = if options.is_empty() {
                "error-1 = { DATETIME($d) }\n".to_owned()
            } else {
                format!("error-1 = {{ DATETIME($d, {options}) }}\n")
            };
            let catalog = catalog_of(&LOCALES, &source);
            let mut args = FluentArgs::new();
            args.set("d", DateTime::from_unix_millis(millis));
            let clamped = DateTime::from_unix_millis(millis).unix_millis();
            let year = year_of(clamped);
            let asks_year = options.contains("year: \"numeric\"") || options.contains("dateStyle");
            for locale in LOCALES {
                match catalog.resolve(1, locale, Some(&args)) {
                    Ok(found) => {
                        prop_assert_eq!(found.locale, locale);
                        let text: String = found
                            .text
                            .chars()
                            .map(|c| match c {
                                '\u{660}'..='\u{669}' => {
                                    char::from(b'0' + (c as u32 - 0x660) as u8)
                                }
                                c => c,
                            })
                            .collect();
                        let digits = if (1950..2050).contains(&year) {
                            (year % 100).to_string()
                        } else {
                            year.to_string()
                        };
                        prop_assert!(
                            !asks_year || text.contains(&digits),
                            "{} {}: {:?} lacks the year {}", locale, options, text, year
                        );
                    }
                    Err(Error::Format { cause: Cause::Other(cause), .. }) => {
                        prop_assert!(cause.contains("DATETIME"), "{}", cause);
                    }
                    Err(other) => prop_assert!(false, "{} {}: {:?}", locale, options, other),
                }
            }
        }
    }
}

/// Mixes of DATETIME options, each fine alone: the checks flag a mix (`function-option`, at
/// the call) exactly when the library refuses it with `Error::Format`. The refused ones are
/// the combinations of the DateTime docs; Intl refuses the style mixes too.
#[test]
fn datetime_mixes_the_checks_flag_are_the_ones_it_refuses() {
    use api_error_i18n::Error;
    let mixes = [
        ("dateStyle: \"full\", timeStyle: \"long\"", false),
        ("dateStyle: \"short\", hour12: \"true\"", false),
        ("timeStyle: \"short\", hour12: \"false\"", false),
        ("dateStyle: \"full\", hour: \"numeric\"", true),
        ("timeStyle: \"short\", day: \"numeric\"", true),
        ("dateStyle: \"long\", era: \"short\"", true),
        ("timeStyle: \"medium\", fractionalSecondDigits: 2", true),
        ("dateStyle: \"long\", timeZoneName: \"short\"", true),
        ("timeStyle: \"short\", timeZoneName: \"longOffset\"", true),
        ("timeZoneName: \"short\"", false),
        ("day: \"numeric\", timeZoneName: \"short\"", false),
        ("year: \"numeric\", day: \"numeric\"", true),
        ("year: \"numeric\", weekday: \"short\"", true),
        ("month: \"short\", weekday: \"short\"", true),
        ("year: \"numeric\", month: \"numeric\", weekday: \"short\"", true),
        ("weekday: \"short\"", false),
        ("year: \"numeric\"", false),
        ("month: \"long\"", false),
        ("year: \"numeric\", month: \"short\"", false),
        ("day: \"numeric\", weekday: \"long\"", false),
        ("month: \"long\", day: \"numeric\", weekday: \"short\"", true),
        ("month: \"short\", day: \"numeric\", weekday: \"long\"", true),
        ("month: \"numeric\", day: \"numeric\", weekday: \"short\"", false),
        ("year: \"numeric\", month: \"long\", day: \"numeric\", weekday: \"long\"", false),
        ("era: \"short\"", true),
        ("era: \"short\", month: \"short\", day: \"numeric\"", true),
        ("era: \"short\", year: \"numeric\", month: \"numeric\", day: \"numeric\"", false),
        ("minute: \"numeric\"", true),
        ("second: \"2-digit\"", true),
        ("hour: \"numeric\", second: \"numeric\"", true),
        ("hour: \"numeric\", minute: \"numeric\", fractionalSecondDigits: 1", true),
        ("fractionalSecondDigits: 3", true),
        ("hour: \"numeric\", minute: \"2-digit\", second: \"numeric\", fractionalSecondDigits: 2", false),
        ("hour12: \"true\"", false),
        ("year: \"numeric\", month: \"long\", hour: \"numeric\"", true),
        ("month: \"numeric\", timeZoneName: \"shortOffset\"", true),
        ("weekday: \"long\", hour: \"numeric\", minute: \"numeric\"", false),
        ("year: \"numeric\", month: \"short\", day: \"numeric\", hour: \"numeric\", timeZoneName: \"short\"", false),
    ];
    let mut source = String::from("error-1 = Unknown error\n");
    for (at, (options, _)) in mixes.iter().enumerate() {
        source.push_str(&format!(
            "error-{} = {{ DATETIME($d, {options}) }}\n",
            at + 2
        ));
    }
    let diagnostics = checked("mixes", &source);
    let diagnostics: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();

    let catalog = catalog_of(&["en-US"], &source);
    let mut args = FluentArgs::new();
    args.set("d", DateTime::from_unix_seconds(1_700_000_000));
    for (at, (options, refused)) in mixes.iter().enumerate() {
        let code = at as u32 + 2;
        let flagged: Vec<&String> = diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.contains(&format!("errors.ftl:{code}:")))
            .collect();
        let found = catalog.resolve(code, "en-US", Some(&args));
        assert_eq!(
            matches!(found, Err(Error::Format { .. })),
            *refused,
            "library, {options}: {found:?}"
        );
        assert_eq!(
            flagged.len(),
            usize::from(*refused),
            "checks, {options}: {diagnostics:#?}"
        );
    }
    assert_eq!(
        diagnostics.len(),
        mixes.iter().filter(|(_, refused)| *refused).count(),
        "{diagnostics:#?}"
    );
}

/// DATETIME of something that is neither a `DateTime` nor a number (fluent.js throws "Invalid
/// argument to DATETIME") fails with `Error::Format`, not with the text `DATETIME()`; a
/// variable the caller did not give stays a `MissingArgument`.
#[test]
fn datetime_of_a_value_that_is_not_a_time_is_a_format_error() {
    use api_error_i18n::{Cause, Error};
    let catalog = catalog_of(
        &["en-US"],
        "error-1 = Unknown error\n\
         error-2 = Since { DATETIME($s) }\n\
         error-3 = Since { DATETIME() }\n\
         error-4 = Since { DATETIME(\"2024-07-01\") }\n\
         error-5 = Since { DATETIME($missing) }\n",
    );
    let mut args = FluentArgs::new();
    args.set("s", "2024-07-01");
    for code in 2..=4 {
        match catalog.resolve(code, "en-US", Some(&args)) {
            Err(Error::Format {
                cause: Cause::Other(cause),
                ..
            }) => assert!(cause.contains("DATETIME"), "{cause}"),
            other => panic!("error-{code}: {other:?}"),
        }
    }
    assert!(matches!(
        catalog.resolve(5, "en-US", Some(&args)),
        Err(Error::MissingArgument { name, .. }) if name == "missing"
    ));
}

/// The weekday with the hour alone formats in every locale: ICU4X 2.4 fails it in 24-hour
/// locales (its pattern has an AM/PM whose names it did not load) unless the 24-hour clock is
/// asked for. Expected: Node 20's Intl with the same options, in UTC (U+202F where ICU4X
/// writes it).
#[test]
fn the_weekday_with_the_hour_formats_in_every_locale() {
    const LOCALES: [&str; 16] = [
        "en-US", "ar", "de", "es", "fr", "id", "ja", "ko", "pt-BR", "ru", "vi", "zh-CN", "zh-TW",
        "ar-EG", "pl", "cy",
    ];
    let catalog = catalog_of(
        &LOCALES,
        "error-1 = { DATETIME($d, weekday: \"short\", hour: \"numeric\") }\n\
         error-2 = { DATETIME($d, weekday: \"long\", hour: \"numeric\") }\n",
    );
    let mut args = FluentArgs::new();
    args.set("d", DateTime::from_unix_millis(1_719_835_199_123)); // 2024-07-01 11:59:59.123
    for locale in LOCALES {
        for code in [1, 2] {
            let found = catalog.resolve(code, locale, Some(&args));
            assert!(found.is_ok(), "{locale} error-{code}: {found:?}");
        }
    }
    assert_eq!(catalog.message(1, "de", Some(&args)), "Mo, 11 Uhr");
    assert_eq!(catalog.message(1, "ja", Some(&args)), "月 11時");
    assert_eq!(catalog.message(1, "en-US", Some(&args)), "Mon 11\u{202f}AM");
}

/// Every mix of DATETIME's options (one value or two of each, where the value matters to
/// the rules): the checks flag exactly the ones the library refuses in en-US, so that the
/// rules in `api-error-i18n-lint`'s `functions.rs` and in `src/intl/datetime.rs` cannot drift.
#[test]
fn the_checks_and_the_library_agree_on_every_datetime_mix() {
    let axes: [(&str, &[&str]); 12] = [
        ("dateStyle", &["\"short\""]),
        ("timeStyle", &["\"short\"", "\"long\""]),
        ("year", &["\"numeric\""]),
        ("era", &["\"short\""]),
        ("month", &["\"numeric\"", "\"long\""]),
        ("day", &["\"numeric\""]),
        ("weekday", &["\"short\"", "\"long\""]),
        ("hour", &["\"numeric\""]),
        ("minute", &["\"numeric\""]),
        ("second", &["\"2-digit\""]),
        ("fractionalSecondDigits", &["3"]),
        ("timeZoneName", &["\"short\""]),
    ];
    let mut mixes: Vec<String> = vec![String::new()];
    for (name, values) in axes {
        mixes = mixes
            .iter()
            .flat_map(|mix| {
                std::iter::once(mix.clone()).chain(
                    values
                        .iter()
                        .map(move |value| format!("{mix}, {name}: {value}")),
                )
            })
            .collect();
    }
    let mut source = String::from("error-1 = Unknown error\n");
    for (at, mix) in mixes.iter().enumerate() {
        source.push_str(&format!("error-{} = {{ DATETIME($d{mix}) }}\n", at + 2));
    }
    let diagnostics = checked("every-mix", &source);
    let flagged: std::collections::BTreeSet<&str> = diagnostics
        .iter()
        .filter_map(|diagnostic| diagnostic.id.as_deref())
        .collect();

    let catalog = catalog_of(&["en-US"], &source);
    let mut args = FluentArgs::new();
    args.set("d", DateTime::from_unix_seconds(1_700_000_000));
    let mut disagree = Vec::new();
    for (at, mix) in mixes.iter().enumerate() {
        let code = at as u32 + 2;
        let formats = catalog.resolve(code, "en-US", Some(&args)).is_ok();
        if formats == flagged.contains(format!("error-{code}").as_str()) {
            disagree.push(format!("DATETIME($d{mix}): formats {formats}"));
        }
    }
    assert!(disagree.is_empty(), "{} mixes: {disagree:#?}", mixes.len());
}
