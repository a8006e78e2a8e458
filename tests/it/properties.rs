//! Properties over the public API, for inputs a client can send: any locale string (any
//! Unicode, up to megabytes, Accept-Language-shaped or not), any code, any arguments.

use std::collections::BTreeSet;

use api_error_i18n::{message, resolve, Catalog, Error, FluentArgs};
use proptest::prelude::*;

/// Locale strings: arbitrary Unicode, header-shaped text, and long repetitions of either.
fn locale_string() -> impl Strategy<Value = String> {
    let entry = (
        prop_oneof![
            Just("zh-CN".to_owned()),
            Just("zh-TW".to_owned()),
            Just("en".to_owned()),
            Just("*".to_owned()),
            "[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,3}",
            "\\PC{0,12}",
        ],
        prop::option::of(prop_oneof![
            Just("1".to_owned()),
            Just("0".to_owned()),
            Just("NaN".to_owned()),
            Just("1.5".to_owned()),
            "0\\.[0-9]{1,3}",
            "\\PC{0,4}",
        ]),
    )
        .prop_map(|(tag, q)| match q {
            Some(q) => format!("{tag};q={q}"),
            None => tag,
        });
    let header = prop::collection::vec(entry, 0..12).prop_map(|entries| entries.join(", "));
    prop_oneof![
        4 => header,
        2 => any::<String>(),
        1 => (any::<String>(), 1usize..200_000).prop_map(|(s, n)| s.repeat(n.min(3_000_000 / s.len().max(1)))),
        1 => ("[a-z]{2}(-[A-Z]{2})?(;q=0\\.[0-9])?, ", 1usize..40_000).prop_map(|(s, n)| s.repeat(n)),
    ]
}

fn arguments() -> impl Strategy<Value = Option<Vec<(String, String)>>> {
    prop::option::of(prop::collection::vec(
        (
            prop_oneof![Just("ip".to_owned()), "[a-z]{1,6}"],
            any::<String>(),
        ),
        0..4,
    ))
}

fn fluent_args(pairs: &[(String, String)]) -> FluentArgs<'_> {
    let mut args = FluentArgs::new();
    for (name, value) in pairs {
        args.set(name.as_str(), value.as_str());
    }
    args
}

/// Every text the embedded catalog could give for `code` with `args`, in any of its locales.
fn possible(code: u32, args: Option<&FluentArgs>) -> BTreeSet<String> {
    let catalog = Catalog::embedded();
    let known = catalog.locales().any(|tag| {
        catalog
            .resolve(code, tag, args)
            .is_ok_and(|f| f.locale == tag)
    }) || matches!(
        catalog.resolve(code, "en-US", args),
        Err(Error::MissingArgument { .. })
    );
    let code = if known { code } else { 1 };
    catalog
        .locales()
        .map(|tag| message(code, tag, args).into_owned())
        .collect()
}

fn code() -> impl Strategy<Value = u32> {
    prop_oneof![
        3 => prop::sample::select(api_error_i18n::ErrorCode::ALL.iter().map(|c| c.code()).collect::<Vec<_>>()),
        1 => any::<u32>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn message_answers_with_a_catalog_text(locale in locale_string(), code in code(), args in arguments()) {
        let args = args.as_deref().map(fluent_args);
        let text = message(code, &locale, args.as_ref());
        prop_assert!(!text.is_empty());
        prop_assert!(possible(code, args.as_ref()).contains(text.as_ref()), "{text:?}");
    }

    #[test]
    fn resolve_is_ok_or_a_typed_error(locale in locale_string(), code in code(), args in arguments()) {
        let args = args.as_deref().map(fluent_args);
        match resolve(code, &locale, args.as_ref()) {
            Ok(found) => {
                prop_assert_eq!(&found.text, &message(code, &locale, args.as_ref()));
                prop_assert!(Catalog::embedded().locales().any(|tag| tag == found.locale));
            }
            Err(Error::UnknownCode(unknown)) => prop_assert_eq!(unknown, code),
            Err(Error::MissingArgument { code: c, name }) => {
                prop_assert_eq!(c, code);
                prop_assert_eq!(name, "ip");
            }
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }
}

/// One Accept-Language entry for the properties below: one of the shipped locales, and a weight
/// that is well-formed, zero, or malformed.
#[derive(Debug, Clone)]
struct Entry {
    tag: &'static str,
    weight: Weight,
}

#[derive(Debug, Clone)]
enum Weight {
    Absent,
    Valid(u16), // thousandths
    Malformed(&'static str),
}

fn entry() -> impl Strategy<Value = Entry> {
    let tag = prop::sample::select(vec!["en-US", "zh-CN", "zh-TW"]);
    let weight = prop_oneof![
        Just(Weight::Absent),
        (0u16..=1000).prop_map(Weight::Valid),
        Just(Weight::Valid(0)),
        prop::sample::select(vec!["abc", "NaN", "1.5", "-0.5", "inf", "", "2"])
            .prop_map(Weight::Malformed),
    ];
    (tag, weight).prop_map(|(tag, weight)| Entry { tag, weight })
}

impl Entry {
    fn header(&self) -> String {
        match self.weight {
            Weight::Absent => self.tag.to_owned(),
            Weight::Valid(w) => format!("{};q={}.{:03}", self.tag, w / 1000, w % 1000),
            Weight::Malformed(w) => format!("{};q={w}", self.tag),
        }
    }

    /// The weight as documented: absent is 1, malformed drops the entry.
    fn weight(&self) -> Option<u16> {
        match self.weight {
            Weight::Absent => Some(1000),
            Weight::Valid(w) => Some(w),
            Weight::Malformed(_) => None,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// The highest weight wins, the first of equal weights wins, q=0 and malformed weights
    /// exclude an entry, and with nothing acceptable the default answers.
    #[test]
    fn accept_language_orders_by_weight_then_header_order(entries in prop::collection::vec(entry(), 0..8)) {
        let header: Vec<String> = entries.iter().map(Entry::header).collect();
        let header = header.join(", ");
        let mut best: Option<(&'static str, u16)> = None;
        for entry in &entries {
            if let Some(weight) = entry.weight().filter(|w| *w > 0) {
                if best.is_none_or(|(_, top)| weight > top) {
                    best = Some((entry.tag, weight));
                }
            }
        }
        let expected = best.map_or("en-US", |(tag, _)| tag);
        let served = resolve(110, &header, None).unwrap().locale;
        prop_assert_eq!(served, expected, "{}", header);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// A custom catalog answers whatever its sources hold: junk, half messages, selectors.
    #[test]
    fn any_source_text_serves_without_panicking(
        source in prop_oneof![
            any::<String>(),
            "(error-[0-9]{1,3} = [^\\n]{0,20}\\n){0,5}",
            "(error-[0-9]{1,2} = \\{ ?[$-]?[a-z]{0,3} ?(->)?\\}?[a-z ]{0,5}\\n( +\\*?\\[[a-z]{1,3}\\] [a-z]{1,3}\\n){0,2}\\}?\\n){0,4}",
        ],
        code in 0u32..100,
        args in arguments(),
    ) {
        let catalog = Catalog::from_sources("en", [("en", source)]).unwrap();
        let args = args.as_deref().map(fluent_args);
        let text = catalog.message(code, "en", args.as_ref());
        prop_assert!(!text.is_empty());
        let _ = catalog.resolve(code, "en", args.as_ref());
    }
}

/// One layer of nesting around an inline expression.
#[derive(Debug, Clone, Copy)]
enum Layer {
    Placeable,
    Select,
    Function,
    TermCall,
}

/// The innermost expression: arguments, literals, references that resolve and ones that don't.
fn innermost() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "$ip",
        "$n",
        "\"lit\"",
        "42",
        "-brand",
        "-t",
        "-nope",
        "error-2",
        "error-2.attr",
        "error-2.nope",
        "error-9999",
        "error-50",
        "error-3",
        "error-60",
    ])
}

fn wrap(layers: &[Layer], inner: &str) -> String {
    let mut expression = inner.to_owned();
    for layer in layers {
        expression = match layer {
            Layer::Placeable => format!("{{ {expression} }}"),
            Layer::Select => format!("{{ $n ->\n    [one] one\n   *[other] {{ {expression} }}\n}}"),
            Layer::Function => format!("NUMBER({expression})"),
            Layer::TermCall => format!("-t({expression})"),
        };
    }
    format!("{{ {expression} }}")
}

/// Messages nested up to thousands of levels deep, each around an innermost expression.
fn nested_messages() -> impl Strategy<Value = Vec<(Vec<Layer>, &'static str)>> {
    let layer = prop::sample::select(vec![
        Layer::Placeable,
        Layer::Select,
        Layer::Function,
        Layer::TermCall,
    ]);
    let layers = prop_oneof![
        3 => prop::collection::vec(layer.clone(), 0..14),
        1 => prop::collection::vec(layer, 0..3_000),
    ];
    prop::collection::vec((layers, innermost()), 1..6)
}

/// Fluent's placeholder for a reference it could not resolve: `{id}`, `{-term}`, `{id.attr}`,
/// `{NUMBER()}`, `{???}`. A missing argument's `{$name}` is not one.
fn failed_reference(text: &str) -> Option<&str> {
    text.match_indices('{').find_map(|(at, _)| {
        let rest = text.get(at + 1..)?;
        let inside = rest.get(..rest.find('}')?)?;
        (!inside.starts_with('$')).then_some(inside)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Nested Fluent shapes, to depths in the thousands, over a custom catalog and the lint: no
    /// panic, no abort, and an answer that is never empty and never shows a failed reference.
    #[test]
    fn nested_shapes_never_overflow_or_leak_a_placeholder(
        messages in nested_messages(),
        chain in 0usize..150,
        code in prop::sample::select(vec![1u32, 2, 3, 4, 5, 6, 7, 99, 100, 110]),
        with_args in any::<bool>(),
    ) {
        let mut source = String::from(
            "-brand = Open API\n-t = T { $x }\nerror-1 = Unknown error\nerror-2 = two\n    .attr = A\n",
        );
        for (at, (layers, inner)) in messages.iter().enumerate() {
            source.push_str(&format!("error-{} = a {} b\n", at + 3, wrap(layers, inner)));
        }
        // A chain of references, from error-100 on, `chain` links long.
        for link in 0..chain {
            source.push_str(&format!("error-{} = {{ error-{} }}\n", 100 + link, 101 + link));
        }
        source.push_str(&format!("error-{} = end {{ error-3 }}\nerror-99 = {{ error-99 }}\n", 100 + chain));
        let answer = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn({
                let source = source.clone();
                move || {
                    let catalog = Catalog::from_sources("en", [("en", source)]).unwrap();
                    let args = with_args.then(|| crate::args(&[("ip", "203.0.113.7"), ("n", "1")]));
                    catalog.message(code, "en", args.as_ref()).into_owned()
                }
            })
            .unwrap()
            .join()
            .unwrap();
        prop_assert!(!answer.is_empty());
        prop_assert_eq!(failed_reference(&answer), None, "{}", answer);

        let dir = std::env::temp_dir().join(format!("nested-{}-{code}-{chain}", std::process::id()));
        std::fs::create_dir_all(dir.join("en-US")).unwrap();
        std::fs::write(dir.join("en-US/errors.ftl"), &source).unwrap();
        let diagnostics = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn({
                let dir = dir.clone();
                move || api_error_i18n_lint::check(&dir)
            })
            .unwrap()
            .join()
            .unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        // error-99 refers to itself: the lint always says so.
        prop_assert!(diagnostics.iter().any(|d| d.check == api_error_i18n_lint::Check::Cycle));
    }
}
