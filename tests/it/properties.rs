//! Properties over the public API, for inputs a client can send: any locale string (any
//! Unicode, up to megabytes, Accept-Language-shaped or not), any code, any arguments.

use api_error_i18n::{message, negotiate, resolve, Catalog, Error, FluentArgs};
use proptest::prelude::*;

use crate::{fluent_format, only_missing_arguments, oracle_bundle, seed_text, shipped_oracle};

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

fn code() -> impl Strategy<Value = u32> {
    prop_oneof![
        3 => prop::sample::select(api_error_i18n::ErrorCode::ALL.iter().map(|c| c.code()).collect::<Vec<_>>()),
        1 => any::<u32>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The answer is fluent-bundle's text for the code (code 1's for a code no locale has) in
    /// the first locale of the negotiated chain: every shipped locale has every code, so the
    /// first locale serves it.
    #[test]
    fn message_is_the_first_locales_text_as_fluent_formats_it(locale in locale_string(), code in code(), args in arguments()) {
        let args = args.as_deref().map(fluent_args);
        let lang = negotiate(&locale);
        let first = lang.locales().next().unwrap();
        let oracle = shipped_oracle(first);
        let (expected, errors) = fluent_format(oracle, code, args.as_ref())
            .or_else(|| fluent_format(oracle, 1, args.as_ref()))
            .unwrap();
        prop_assert!(only_missing_arguments(&errors));
        let text = message(code, &locale, args.as_ref());
        prop_assert_eq!(&text, &expected);
        // In en-US and zh-CN, the seed table too.
        let known = if fluent_format(oracle, code, None).is_some() { code } else { 1 };
        if let Some(seed) = seed_text(known, first) {
            prop_assert_eq!(&text, &seed);
        }
        let found = lang.localize(code, args.as_ref());
        prop_assert_eq!((found.text.as_ref(), found.locale), (expected.as_str(), first));
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

/// Tags a client sends, each with the shipped locales it reaches on its own, most preferred
/// first, before the default (as `resolution.rs` and `Lang::locales`'s example state them): the
/// input of RFC 9110's weighting model below, which decides only how entries combine.
const REACH: [(&str, &[&str]); 14] = [
    ("zh-CN", &["zh-CN", "zh-TW"]),
    ("zh-TW", &["zh-TW", "zh-CN"]),
    ("zh-HK", &["zh-TW", "zh-CN"]),
    ("en-US", &["en-US"]),
    ("en-GB", &["en-US"]),
    ("*", &["en-US"]),
    ("fr-CA", &["fr"]),
    ("de", &["de"]),
    ("ja-JP", &["ja"]),
    ("pt-PT", &["pt-BR"]),
    ("ar-EG", &["ar"]),
    ("in-ID", &["id"]),
    // Private use (qaa-qtz, Qaaa, QM): never shipped, reaches nothing.
    ("qaa", &[]),
    ("qaa-Qaaa-QM", &[]),
];

/// One Accept-Language entry for the property below: a tag of [`REACH`], and a weight that is
/// an RFC 9110 `qvalue`, absent, or malformed.
#[derive(Debug, Clone)]
struct Entry {
    at: usize,
    weight: Weight,
}

#[derive(Debug, Clone)]
enum Weight {
    Absent,
    /// Thousandths, and how many decimals to write (RFC 9110 allows 0 to 3).
    Valid(u16, usize),
    Malformed(&'static str),
}

fn entry() -> impl Strategy<Value = Entry> {
    let weight = prop_oneof![
        Just(Weight::Absent),
        (0u16..=1000, 0usize..=3).prop_map(|(w, decimals)| Weight::Valid(w, decimals)),
        Just(Weight::Valid(0, 0)),
        Just(Weight::Valid(1000, 0)),
        prop::sample::select(vec!["abc", "NaN", "1.5", "-0.5", "inf", "", "2", "1.001"])
            .prop_map(Weight::Malformed),
    ];
    (0..REACH.len(), weight).prop_map(|(at, weight)| Entry { at, weight })
}

impl Entry {
    fn tag(&self) -> &'static str {
        REACH[self.at].0
    }

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`: the weight is rounded
    /// down to the decimals written, as the header carries it.
    fn header(&self) -> String {
        match self.weight {
            Weight::Absent => self.tag().to_owned(),
            Weight::Valid(w, decimals) => {
                let w = self.written(w, decimals);
                let fraction = format!("{:03}", w % 1000);
                let dot = if decimals == 0 { "" } else { "." };
                format!(
                    "{};q={}{dot}{}",
                    self.tag(),
                    w / 1000,
                    &fraction[..decimals]
                )
            }
            Weight::Malformed(w) => format!("{};q={w}", self.tag()),
        }
    }

    fn written(&self, w: u16, decimals: usize) -> u16 {
        let unit = 10u16.pow(3 - decimals as u32);
        w / unit * unit
    }

    /// RFC 9110 section 12.4.2: absent is 1, 0 is "not acceptable"; a malformed weight makes
    /// the entry invalid, and it is ignored.
    fn weight(&self) -> Option<u16> {
        match self.weight {
            Weight::Absent => Some(1000),
            Weight::Valid(w, decimals) => Some(self.written(w, decimals)),
            Weight::Malformed(_) => None,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// RFC 9110's weighting model: acceptable entries (weight above 0) in order of weight,
    /// equal weights in header order, each contributing the locales it reaches; q=0 and
    /// malformed entries contribute nothing; the default ends the chain. The whole chain is
    /// checked, and the served locale is its first.
    #[test]
    fn accept_language_chains_follow_rfc_9110_weights(entries in prop::collection::vec(entry(), 0..8)) {
        let header: Vec<String> = entries.iter().map(Entry::header).collect();
        let header = header.join(", ");
        let mut acceptable: Vec<(u16, usize)> = entries
            .iter()
            .filter_map(|entry| Some((entry.weight().filter(|w| *w > 0)?, entry.at)))
            .collect();
        acceptable.sort_by_key(|(weight, _)| std::cmp::Reverse(*weight)); // stable: ties keep header order
        let mut expected: Vec<&str> = Vec::new();
        for (_, at) in acceptable {
            for &locale in REACH[at].1 {
                if !expected.contains(&locale) {
                    expected.push(locale);
                }
            }
        }
        if !expected.contains(&"en-US") {
            expected.push("en-US");
        }
        let chain: Vec<&str> = negotiate(&header).locales().collect();
        prop_assert_eq!(&chain, &expected, "{}", header);
        prop_assert_eq!(resolve(110, &header, None).unwrap().locale, expected[0], "{}", header);
    }
}

/// The codes of a source's canonical `error-<code>` messages that have a value, as fluent
/// parses them (junk skipped).
fn defined_codes(source: &str) -> Vec<u32> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source).to_owned();
    let resource = fluent_bundle::FluentResource::try_new(source).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) if m.value.is_some() => {
                let digits = m.id.name.strip_prefix("error-")?;
                let code: u32 = digits.parse().ok()?;
                (code.to_string() == digits).then_some(code)
            }
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// A custom catalog answers whatever its sources hold (junk, half messages, selectors) as
    /// fluent-bundle does: the code asked for is one the source defines (nine cases in ten),
    /// and the answer is fluent's text whenever fluent reports no problem but a missing
    /// argument; otherwise `resolve` names the problem.
    #[test]
    fn any_source_text_serves_what_fluent_serves(
        source in prop_oneof![
            any::<String>(),
            "(error-[0-9]{1,3} = [^\\n]{0,20}\\n){0,5}",
            "(error-[0-9]{1,2} = \\{ ?[$-]?[a-z]{0,3} ?(->)?\\}?[a-z ]{0,5}\\n( +\\*?\\[[a-z]{1,3}\\] [a-z]{1,3}\\n){0,2}\\}?\\n){0,4}",
        ],
        pick in any::<prop::sample::Index>(),
        defined in prop::bool::weighted(0.9),
        other in 0u32..1000,
        args in arguments(),
    ) {
        let codes = defined_codes(&source);
        let code = if defined && !codes.is_empty() { codes[pick.index(codes.len())] } else { other };
        let bundle = oracle_bundle("en", &[&source]);
        let catalog = Catalog::from_sources("en", [("en", source)]).unwrap();
        let args = args.as_deref().map(fluent_args);
        let text = catalog.message(code, "en", args.as_ref());
        prop_assert!(!text.is_empty());
        let resolved = catalog.resolve(code, "en", args.as_ref());
        match fluent_format(&bundle, code, args.as_ref()) {
            None => prop_assert_eq!(resolved, Err(Error::UnknownCode(code))),
            // Formatted empty: skipped like a missing message.
            Some((fluent, errors)) if fluent.is_empty() && errors.is_empty() => {
                prop_assert_eq!(resolved, Err(Error::UnknownCode(code)));
            }
            Some((fluent, errors)) if errors.is_empty() => {
                prop_assert_eq!(&text, &fluent);
                prop_assert_eq!(resolved.map(|found| found.text), Ok(fluent.into()));
            }
            Some((fluent, errors)) if only_missing_arguments(&errors) => {
                prop_assert_eq!(&text, &fluent);
                prop_assert!(matches!(resolved, Err(Error::MissingArgument { code: c, .. }) if c == code), "{resolved:?}");
            }
            Some(_) => {
                prop_assert!(matches!(&resolved, Err(Error::Format { code: c, locale, .. }) if *c == code && locale == "en"), "{resolved:?}");
            }
        }
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
