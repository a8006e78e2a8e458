//! Hostile inputs from request headers and arguments, each with its expected answer.

use api_error_i18n::{message, resolve, Catalog, Cause, Error};

use api_error_i18n_source::{MAX_DEPTH, MAX_NESTING};

use crate::{args, check};

const TOKEN_EN: &str = "Access token invalid or no longer valid";
const TOKEN_ZH: &str = "无效的access token";
const TOKEN_TW: &str = "無效的 access token";

#[test]
fn hostile_locale_strings() {
    let cases: Vec<(String, &str, &str)> = vec![
        ("zh-CN\0".into(), TOKEN_EN, "en-US"),
        ("\0\0\0".into(), TOKEN_EN, "en-US"),
        ("zh-\u{7}CN".into(), TOKEN_EN, "en-US"),
        ("\u{1b}[31mzh-CN".into(), TOKEN_EN, "en-US"),
        ("zh-CN\r\nSet-Cookie: x".into(), TOKEN_EN, "en-US"),
        ("\u{202e}NC-hz".into(), TOKEN_EN, "en-US"),
        ("ｚｈ-ＣＮ".into(), TOKEN_EN, "en-US"),
        // A 1 MB single tag.
        ("a".repeat(1 << 20), TOKEN_EN, "en-US"),
        // 10,000 entries: only the first 32 are read.
        (
            format!("{}zh-CN", "it;q=0.9, ".repeat(9_999)),
            TOKEN_EN,
            "en-US",
        ),
        (
            format!("zh-TW, {}", "it;q=0.9, ".repeat(9_999)),
            TOKEN_TW,
            "zh-TW",
        ),
        ("*;q=0".into(), TOKEN_EN, "en-US"),
        ("*;q=0, zh-CN;q=0".into(), TOKEN_EN, "en-US"),
        ("zh-CN;q=1.5".into(), TOKEN_EN, "en-US"),
        ("zh-CN;q=1.5, zh-TW;q=0.1".into(), TOKEN_TW, "zh-TW"),
        ("zh-CN;q=NaN, zh-TW;q=0.5".into(), TOKEN_TW, "zh-TW"),
        ("zh-CN;q=inf, zh-TW;q=0.5".into(), TOKEN_TW, "zh-TW"),
        ("zh-CN;q=-0.5, en".into(), TOKEN_EN, "en-US"),
        ("zh-CN;q=".into(), TOKEN_EN, "en-US"),
        ("zh-CN;q=0.5;q=0".into(), TOKEN_EN, "en-US"),
        ("zh-CN;level=1;q=0.5".into(), TOKEN_ZH, "zh-CN"),
        ("zh-CN;;;, ;".into(), TOKEN_ZH, "zh-CN"),
        (",,,zh-CN,,,".into(), TOKEN_ZH, "zh-CN"),
        ("zh-CN-x-private-use-that-is-long".into(), TOKEN_ZH, "zh-CN"),
        ("zh-CN-u-ca-chinese".into(), TOKEN_ZH, "zh-CN"),
        ("x-klingon".into(), TOKEN_EN, "en-US"),
    ];
    for (locale, text, served) in &cases {
        check(locale, 110, text, served);
    }
}

#[test]
fn hostile_arguments_are_data() {
    for hostile in [
        "\u{202e}7.311.0.302",
        "\u{2066}203.0.113.7\u{2069}",
        "{ $ip }",
        "{ -brand }",
        "{ NUMBER($ip) }",
        "error-110",
        "%s %d {0}",
        "\0\r\n",
        "",
    ] {
        let ip = args(&[("ip", hostile)]);
        assert_eq!(
            message(5, "en", Some(&ip)),
            format!("Unauthorized client IP address:{hostile}")
        );
        assert_eq!(
            message(5, "zh-CN", Some(&ip)),
            format!("请求来自未经授权的IP地址：{hostile}")
        );
    }
    let huge = "9".repeat(1 << 20);
    let ip = args(&[("ip", &huge)]);
    assert_eq!(
        resolve(5, "en", Some(&ip)).unwrap().text.len(),
        "Unauthorized client IP address:".len() + huge.len()
    );
}

/// The stack of a small thread, as in async runtimes' workers (tokio's are 2 MB; debug builds
/// and other runtimes use less).
const SMALL_STACK: usize = 256 * 1024;

/// Runs `f` on a thread with a [`SMALL_STACK`]. A stack overflow aborts the whole test binary,
/// so passing at all is half the proof.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

fn nested(open: &str, inner: &str, close: &str, levels: usize) -> String {
    format!("{}{inner}{}", open.repeat(levels), close.repeat(levels))
}

/// What a row of [`hostile_fluent_sources`] expects for its code.
enum Answer {
    /// Served, with this text.
    Text(&'static str),
    /// Refused: `resolve` gives this error (locale en-US), `message` the next answer.
    Refused(Error),
}

/// Code 1's text in the hostile locale: not the library's hard-coded last resort ("Unknown
/// error"), so a row that expects it fails if the whole source were dropped.
const ONE: &str = "Code one, from the source";
/// Code 1 and the neighbour code 2 in zh-CN, when the hostile source is zh-CN's.
const ONE_ZH: &str = "代码一";
const TWO_ZH: &str = "代码二";

fn refused(code: u32, cause: Cause) -> Answer {
    Answer::Refused(Error::Format {
        code,
        locale: "en-US".into(),
        cause,
    })
}

/// An entry dropped before parsing: the code is absent from the source.
fn dropped(code: u32) -> Answer {
    Answer::Refused(Error::UnknownCode(code))
}

fn unknown_reference(code: u32, reference: &str) -> Answer {
    refused(code, Cause::UnknownReference(reference.into()))
}

/// Fluent sources no translator means to write, but a corrupted file or a bad merge can hold.
/// Each row: a source (after an `error-1` with a text of its own and a fine `error-2`), the
/// code asked for, and the answer. Every row runs twice:
///
/// - the source as en-US's, alone: a refused code gets code 1's text from that source and
///   `resolve` the exact error; `error-2` is still served;
/// - the source as zh-CN's, first in the chain, before an en-US with a good message for the
///   code: a refused code is served by en-US, and `localize` names zh-CN's problem.
#[test]
fn hostile_fluent_sources() {
    let chain_of_references: String = (100..10_100)
        .map(|n| format!("error-{n} = {{ error-{} }}\n", n + 1))
        .collect::<String>()
        + "error-10100 = end\n";
    let chain = |links: usize, nesting: usize| -> String {
        let mut source: String = (100..100 + links)
            .map(|n| {
                format!(
                    "error-{n} = {}\n",
                    nested("{ ", &format!("error-{}", n + 1), " }", nesting)
                )
            })
            .collect();
        source.push_str(&format!("error-{} = end\n", 100 + links));
        source
    };
    let rows: Vec<(&str, String, u32, Answer)> = vec![
        // At the limits, still served; one past them, not.
        (
            "placeables nested as deep as allowed",
            format!("error-3 = {}\n", nested("{ ", "\"x\"", " }", MAX_NESTING)),
            3,
            Answer::Text("x"),
        ),
        (
            "one level deeper",
            format!(
                "error-3 = {}\n",
                nested("{ ", "\"x\"", " }", MAX_NESTING + 1)
            ),
            3,
            dropped(3),
        ),
        (
            "references as deep as allowed",
            chain(MAX_DEPTH, 1),
            100,
            Answer::Text("end"),
        ),
        (
            "one reference more",
            chain(MAX_DEPTH + 1, 1),
            100,
            refused(100, Cause::TooDeep),
        ),
        (
            "references nested as deep as allowed, each",
            chain(MAX_DEPTH / MAX_NESTING, MAX_NESTING),
            100,
            Answer::Text("end"),
        ),
        // Nesting far beyond fluent-syntax's recursion: the entry is dropped, the rest served.
        (
            "100,000 nested placeables",
            format!("error-3 = {}\n", nested("{ ", "x", " }", 100_000)),
            3,
            dropped(3),
        ),
        (
            "500 nested placeables, the rest of the file still served",
            format!(
                "error-3 = {}\nerror-4 = Four\n",
                nested("{", "\"x\"", "}", 500)
            ),
            4,
            Answer::Text("Four"),
        ),
        (
            "10,000 nested selects",
            format!(
                "error-3 = {}\n",
                nested("{ $a ->\n *[x] ", "x", "\n}", 10_000)
            ),
            3,
            dropped(3),
        ),
        (
            "10,000 nested calls",
            format!("error-3 = {{ {} }}\n", nested("NUMBER(", "1", ")", 10_000)),
            3,
            dropped(3),
        ),
        (
            "10,000 nested term arguments",
            format!(
                "-t = T\nerror-3 = {{ {} }}\n",
                nested("-t(", "1", ")", 10_000)
            ),
            3,
            dropped(3),
        ),
        (
            "an unclosed flood of braces",
            format!("error-3 = {}\nerror-4 = Four\n", "{".repeat(100_000)),
            4,
            Answer::Text("Four"),
        ),
        // Unresolvable references: never shown, the message is absent in that locale.
        (
            "an undefined term",
            "error-3 = Hello { -brand }\n".into(),
            3,
            unknown_reference(3, "-brand"),
        ),
        (
            "an undefined message",
            "error-3 = Hello { error-99999 }\n".into(),
            3,
            unknown_reference(3, "error-99999"),
        ),
        (
            "an undefined attribute",
            "error-3 = Hello { error-2.title }\n".into(),
            3,
            unknown_reference(3, "error-2.title"),
        ),
        (
            "a message with no value",
            "error-4 =\n    .title = T\nerror-3 = Hello { error-4 }\n".into(),
            3,
            refused(3, Cause::NoValue("error-4".into())),
        ),
        (
            "a cycle",
            "error-3 = { error-4 }\nerror-4 = { error-3 }\n".into(),
            3,
            refused(3, Cause::Cycle),
        ),
        (
            "a self-reference",
            "error-3 = a { error-3 } b\n".into(),
            3,
            refused(3, Cause::Cycle),
        ),
        (
            "a cycle closed only past the depth allowed",
            (100..100 + MAX_DEPTH)
                .map(|n| format!("error-{n} = {{ error-{} }}\n", n + 1))
                .collect::<String>()
                + &format!(
                    "error-{} = {{ $s ->\n *[a] {{ error-100 }}\n [b] end\n}}\n",
                    100 + MAX_DEPTH
                ),
            100,
            refused(100, Cause::TooDeep),
        ),
        (
            "an undefined function",
            "error-3 = { NOPE() }\n".into(),
            3,
            unknown_reference(3, "NOPE()"),
        ),
        // A cycle longer than fluent's limit of 100 placeables and than MAX_DEPTH: refused as
        // too deep before fluent's resolver follows it (which would recurse 100 levels, then
        // stop at its placeable limit, with another cause).
        (
            "a cycle of 150 messages",
            (100..250)
                .map(|n| format!("error-{n} = {{ error-{} }}\n", 100 + (n - 99) % 150))
                .collect(),
            100,
            refused(100, Cause::TooDeep),
        ),
        (
            "10,000 messages each referring to the next",
            chain_of_references.clone(),
            100,
            refused(100, Cause::TooDeep),
        ),
        (
            "its last link still works",
            chain_of_references,
            10_099,
            Answer::Text("end"),
        ),
    ];
    for (name, source, code, answer) in rows {
        let en = format!("error-1 = {ONE}\nerror-2 = Two\n{source}");
        let zh = format!("error-1 = {ONE_ZH}\nerror-2 = {TWO_ZH}\n{source}");
        let good_en =
            format!("error-1 = English 1\nerror-2 = English 2\nerror-{code} = English {code}\n");
        let (alone, neighbour, first, first_neighbour) = on_small_stack(move || {
            let alone = Catalog::from_sources("en-US", [("en-US", en)]).unwrap();
            let zh_first =
                Catalog::from_sources("en-US", [("en-US", good_en), ("zh-CN", zh)]).unwrap();
            let localize = |code| {
                let found = zh_first.negotiate("zh-CN").localize(code, None);
                (
                    found.text.into_owned(),
                    found.locale.to_owned(),
                    found.problem,
                )
            };
            (
                (
                    alone.message(code, "en-US", None).into_owned(),
                    alone
                        .resolve(code, "en-US", None)
                        .map(|found| found.text.into_owned()),
                ),
                alone.message(2, "en-US", None).into_owned(),
                localize(code),
                localize(2),
            )
        });
        assert_eq!(neighbour, "Two", "{name}: the neighbour message");
        assert_eq!(
            first_neighbour,
            (TWO_ZH.into(), "zh-CN".into(), None),
            "{name}: the neighbour message, zh-CN first"
        );
        match answer {
            Answer::Text(text) => {
                assert_eq!(alone, (text.into(), Ok(text.into())), "{name}");
                assert_eq!(
                    first,
                    (text.into(), "zh-CN".into(), None),
                    "{name}, zh-CN first"
                );
            }
            Answer::Refused(error) => {
                assert_eq!(alone, (ONE.into(), Err(error.clone())), "{name}");
                // zh-CN first: the same problem, named in zh-CN; a dropped entry is only absent.
                let problem = match error {
                    Error::Format { code, cause, .. } => Some(Error::Format {
                        code,
                        locale: "zh-CN".into(),
                        cause,
                    }),
                    _ => None,
                };
                assert_eq!(
                    first,
                    (format!("English {code}"), "en-US".into(), problem),
                    "{name}, zh-CN first"
                );
            }
        }
    }
}

/// A message broken in the preferred locale is served from the next one, and `resolve` names
/// the code, the locale and the cause.
#[test]
fn a_broken_message_falls_back_down_the_chain() {
    let catalog = Catalog::from_sources(
        "en-US",
        [
            ("en-US", "error-1 = Unknown error\nerror-0 = Success\n"),
            ("zh-CN", "error-1 = 未知错误\nerror-0 = 成功 { -brand }\n"),
            ("zh-TW", "error-1 = 未知錯誤 { error-99999 }\n"),
        ],
    )
    .unwrap();
    assert_eq!(catalog.message(0, "zh-CN", None), "Success");
    assert_eq!(
        catalog.resolve(0, "zh-CN", None),
        Err(Error::Format {
            code: 0,
            locale: "zh-CN".into(),
            cause: Cause::UnknownReference("-brand".into()),
        })
    );
    // Code 1 itself broken in zh-TW: the answer comes from the next locale of its chain.
    assert_eq!(catalog.message(4242, "zh-TW", None), "未知错误");
    assert_eq!(catalog.message(1, "zh-TW", None), "未知错误");
    // A missing argument keeps its visible placeholder and its own error.
    let catalog = Catalog::from_sources(
        "en-US",
        [(
            "en-US",
            "-ip = IP\nerror-1 = Unknown error\nerror-5 = { -ip } { $ip }\n",
        )],
    )
    .unwrap();
    assert_eq!(catalog.message(5, "en-US", None), "IP {$ip}");
    assert_eq!(
        catalog.resolve(5, "en-US", None),
        Err(Error::MissingArgument {
            code: 5,
            name: "ip".into()
        })
    );
}

/// fluent-rs's fixture `fluent-bundle/tests/fixtures/patterns.yaml`, "Cyclic self-reference in a
/// member": `foo = { $sel -> *[a] { foo } [b] Bar }` and `bar = { foo }` give `Bar` for
/// `sel = b`, and a cycle error for `sel = a`. Here with ids of codes: the variant that cycles
/// fails and is skipped like any failed format; the other is served.
#[test]
fn a_cycle_refuses_only_the_variant_that_reaches_it() {
    let en = "error-1 = Unknown error\n\
              error-7 =\n    { $sel ->\n       *[a] { error-7 }\n        [b] Bar\n    }\n\
              error-8 = { error-7 }\n";
    let catalog = Catalog::from_sources("en-US", [("en-US", en)]).unwrap();
    for code in [7, 8] {
        let b = crate::args(&[("sel", "b")]);
        assert_eq!(
            catalog.message(code, "en-US", Some(&b)),
            "Bar",
            "error-{code}"
        );
        assert_eq!(
            catalog.resolve(code, "en-US", Some(&b)).map(|f| f.text),
            Ok("Bar".into())
        );
        let a = crate::args(&[("sel", "a")]);
        assert_eq!(catalog.message(code, "en-US", Some(&a)), "Unknown error");
        assert_eq!(
            catalog.resolve(code, "en-US", Some(&a)),
            Err(Error::Format {
                code,
                locale: "en-US".into(),
                cause: Cause::Cycle
            })
        );
    }
}
