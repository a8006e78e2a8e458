//! The fast paths of the catalog against fluent-bundle's own `format_pattern`: for every message
//! of every locale, and for a set of patterns chosen to reach every path, with and without
//! arguments, both give the same text. Where fluent fails for a reason other than a missing
//! argument (an unknown function, fluent's placeable limit), the catalog must not serve fluent's
//! text with its `{UNKNOWN()}` placeholder but the next answer of the chain: here, code 1's.

use std::fs;

use api_error_i18n::{Catalog, FluentArgs};
use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
use fluent_bundle::{FluentBundle, FluentError, FluentResource, FluentValue};
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::locales_dir;

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

/// Compares every `error-<code>` message of `sources` for locale `tag` between a catalog and a
/// plain fluent bundle, isolating placeables exactly in right-to-left locales.
#[track_caller]
fn compare(tag: &str, sources: &[String]) -> usize {
    let id: LanguageIdentifier = tag.parse().unwrap();
    let mut bundle = FluentBundle::new(vec![id.clone()]);
    bundle.set_use_isolating(id.character_direction() == CharacterDirection::RTL);
    let mut codes = Vec::new();
    for source in sources {
        let resource = FluentResource::try_new(source.clone()).unwrap();
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                if let Some(code) = m.id.name.strip_prefix("error-") {
                    codes.push(code.parse::<u32>().unwrap());
                }
            }
        }
        bundle.add_resource(resource).unwrap();
    }
    let catalog =
        Catalog::from_sources(tag, sources.iter().map(|source| (tag, source.clone()))).unwrap();
    let mut compared = 0;
    for code in codes {
        let pattern = bundle
            .get_message(&format!("error-{code}"))
            .and_then(|m| m.value())
            .unwrap();
        for (name, args) in argument_sets() {
            let mut errors = Vec::new();
            let fluent = bundle.format_pattern(pattern, args.as_ref(), &mut errors);
            let broken = errors.iter().any(|error| {
                !matches!(
                    error,
                    FluentError::ResolverError(ResolverError::Reference(
                        ReferenceKind::Variable { .. }
                    ))
                )
            });
            let expected = if broken {
                catalog.message(1, tag, args.as_ref())
            } else {
                fluent
            };
            let got = catalog.message(code, tag, args.as_ref());
            assert_eq!(got, expected, "{tag} error-{code} with {name} arguments");
            compared += 1;
        }
    }
    compared
}

#[test]
fn every_shipped_message_formats_as_fluent_formats_it() {
    let mut compared = 0;
    for folder in fs::read_dir(locales_dir()).unwrap() {
        let folder = folder.unwrap().path();
        let tag = folder.file_name().unwrap().to_string_lossy().into_owned();
        let sources: Vec<String> = fs::read_dir(&folder)
            .unwrap()
            .map(|file| fs::read_to_string(file.unwrap().path()).unwrap())
            .collect();
        compared += compare(&tag, &sources);
    }
    assert!(compared >= 3 * 36 * 6, "only {compared} comparisons");
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
