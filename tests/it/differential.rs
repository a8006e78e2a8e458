//! The catalog against fluent-bundle's own `format_pattern`, the outside oracle: every message
//! of every locale the embedded catalog serves (the pseudo-locales too), and a set of patterns
//! chosen to reach every path, with and without arguments, give the same text. Where fluent
//! fails for a reason other than a missing argument (an unknown function, fluent's placeable
//! limit), the catalog must not serve fluent's text with its `{UNKNOWN()}` placeholder but the
//! next answer of the chain: here, code 1's, as fluent formats it.

use api_error_i18n::{Catalog, ErrorCode, FluentArgs};
use fluent_bundle::FluentValue;

use crate::{
    fluent_format, locales_dir, only_missing_arguments, oracle_bundle, shipped_oracle,
    PSEUDO_LOCALES,
};

/// Argument sets every message is formatted with.
fn argument_sets() -> Vec<(&'static str, Option<FluentArgs<'static>>)> {
    let mut ip = FluentArgs::new();
    ip.set("ip", "203.0.113.7");
    let mut extra = FluentArgs::new();
    extra.set("ip", "2001:db8::1");
    extra.set("user", "alice");
    extra.set("n", "3");
    let mut numbers = FluentArgs::new();
    numbers.set("ip", 42);
    numbers.set("n", 1);
    let mut other = FluentArgs::new();
    other.set("addr", "198.51.100.1");
    let mut hostile = FluentArgs::new();
    hostile.set("ip", "{ $ip } \u{202e}");
    hostile.set("n", FluentValue::None);
    vec![
        ("none", None),
        ("ip", Some(ip)),
        ("extra", Some(extra)),
        ("numbers", Some(numbers)),
        ("unrelated", Some(other)),
        ("hostile", Some(hostile)),
    ]
}

/// Compares every `error-<code>` message of `sources` for locale `tag` between a catalog and
/// fluent-bundle, isolating placeables exactly in right-to-left locales.
#[track_caller]
fn compare(tag: &str, sources: &[String]) -> usize {
    let sources: Vec<&str> = sources.iter().map(String::as_str).collect();
    let bundle = oracle_bundle(tag, &sources);
    let mut codes = Vec::new();
    for source in &sources {
        let resource = fluent_bundle::FluentResource::try_new(source.to_string()).unwrap();
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                if let Some(code) = m.id.name.strip_prefix("error-") {
                    codes.push(code.parse::<u32>().unwrap());
                }
            }
        }
    }
    let catalog =
        Catalog::from_sources(tag, sources.iter().map(|source| (tag, source.to_string()))).unwrap();
    let mut compared = 0;
    for code in codes {
        for (name, args) in argument_sets() {
            let (fluent, errors) = fluent_format(&bundle, code, args.as_ref()).unwrap();
            let expected = if only_missing_arguments(&errors) {
                fluent
            } else {
                // Broken: code 1's text, which fluent formats without a problem.
                let (one, errors) = fluent_format(&bundle, 1, args.as_ref()).unwrap();
                assert_eq!(errors, [], "{tag} error-1 with {name} arguments");
                one
            };
            let got = catalog.message(code, tag, args.as_ref());
            assert_eq!(got, expected, "{tag} error-{code} with {name} arguments");
            compared += 1;
        }
    }
    compared
}

/// The embedded catalog, as it ships, for every locale it serves: each of the 36 codes is
/// served by that locale itself with fluent's text. The locales compared are every folder of
/// `locales/` and the two pseudo-locales, and none of the 13 shipped is gone.
#[test]
fn every_shipped_message_formats_as_fluent_formats_it() {
    let catalog = Catalog::embedded();
    let mut folders: Vec<String> = std::fs::read_dir(locales_dir())
        .unwrap()
        .map(|folder| folder.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(folders.len() >= 13, "a shipped locale is gone: {folders:?}");
    folders.extend(PSEUDO_LOCALES.map(str::to_owned));
    folders.sort();
    let mut served: Vec<&str> = catalog.locales().collect();
    served.sort();
    assert_eq!(served, folders);
    for tag in served {
        let bundle = shipped_oracle(tag);
        let mut compared = 0;
        for code in ErrorCode::ALL.iter().map(|code| code.code()) {
            for (name, args) in argument_sets() {
                let (fluent, errors) = fluent_format(bundle, code, args.as_ref())
                    .unwrap_or_else(|| panic!("{tag} has no error-{code}"));
                assert!(
                    only_missing_arguments(&errors),
                    "{tag} error-{code}: {errors:?}"
                );
                let found = catalog.negotiate(tag).localize(code, args.as_ref());
                assert_eq!(
                    (found.text.as_ref(), found.locale),
                    (fluent.as_str(), tag),
                    "{tag} error-{code} with {name} arguments"
                );
                compared += 1;
            }
        }
        assert_eq!(compared, 36 * 6, "{tag}");
    }
}

/// Patterns that reach every branch of the fast path and of the fallback to fluent.
const TORTURE: &str = r#"
-brand = Open API
error-1 = plain text
error-2 = { $ip }
error-3 = { $ip }{ $n }
error-4 = before { $ip } middle { $n } after
error-5 =
    first line
    second { $ip } line

      indented { $n }
error-6 = { -brand } says { $ip }
error-7 = { "literal" } and { $ip }
error-8 = { $n ->
    [one] one { $ip }
   *[other] many { $ip }
}
error-9 = { UNKNOWN($n) } items
error-10 = { error-1 } and { $ip }
error-11 = { $ip } { $ip } { $missing }
error-12 = 100% { $ip } {"{"}literal braces{"}"}
error-13 = trailing space { $ip }{" "}
"#;

/// Fluent formats at most 100 placeables in a message, then stops with an error.
fn many_placeables() -> String {
    let with = |n: usize| "a { $ip } ".repeat(n);
    format!("error-14 = {}\nerror-15 = {}\n", with(100), with(101))
}

#[test]
fn every_kind_of_pattern_formats_as_fluent_formats_it() {
    for tag in ["en-US", "zh-CN", "ar", "he-IL"] {
        let sources = [TORTURE.to_owned(), many_placeables()];
        assert_eq!(compare(tag, &sources), 15 * 6, "{tag}");
    }
}
