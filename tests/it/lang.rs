//! `Lang`: a locale string negotiated once, then asked for messages; the free functions are it.

use api_error_i18n::{message, negotiate, resolve, Catalog, Cause, Error, Lang};

use crate::args;

#[test]
fn lang_is_cheap_to_keep_and_share() {
    fn copy_send_sync<T: Copy + Send + Sync + 'static>(_: &T) {}
    let lang: Lang<'static> = negotiate("zh-CN");
    copy_send_sync(&lang);
    assert!(std::mem::size_of::<Lang>() <= 48);
    // Used from another thread, after this thread's memo has moved on.
    for other in 0..1000 {
        negotiate(&format!("x-{other}"));
    }
    let text = std::thread::spawn(move || lang.message(110, None).into_owned())
        .join()
        .unwrap();
    assert_eq!(text, "无效的access token");
}

/// A locale string, a code, whether `$ip` is given; the text, locale and problem expected.
type Row = (
    &'static str,
    u32,
    bool,
    &'static str,
    &'static str,
    Option<Error>,
);

/// `localize` always answers with a text and the locale that served it, and says what went
/// wrong: each row is the locale string, the code, whether `$ip` is given, and the expected
/// text, locale and problem.
#[test]
fn localize_always_answers() {
    let ip = args(&[("ip", "203.0.113.7")]);
    let rows: [Row; 6] = [
        ("zh-CN", 110, false, "无效的access token", "zh-CN", None),
        (
            "en-GB",
            5,
            true,
            "Unauthorized client IP address:203.0.113.7",
            "en-US",
            None,
        ),
        (
            "zh-HK",
            4242,
            false,
            "未知錯誤",
            "zh-TW",
            Some(Error::UnknownCode(4242)),
        ),
        (
            "",
            4242,
            true,
            "Unknown error",
            "en-US",
            Some(Error::UnknownCode(4242)),
        ),
        (
            "zh-CN",
            5,
            false,
            "请求来自未经授权的IP地址：{$ip}",
            "zh-CN",
            Some(Error::MissingArgument {
                code: 5,
                name: "ip".into(),
            }),
        ),
        ("garbage;;;", 0, false, "Success", "en-US", None),
    ];
    for (locale, code, with_ip, text, served, problem) in rows {
        let args = with_ip.then_some(&ip);
        let found = negotiate(locale).localize(code, args);
        assert_eq!(
            (found.text.as_ref(), found.locale, &found.problem),
            (text, served, &problem),
            "{locale:?} {code}"
        );
        // The other entry points agree with it.
        assert_eq!(message(code, locale, args), text);
        assert_eq!(negotiate(locale).message(code, args), text);
        let resolved = resolve(code, locale, args);
        match problem {
            Some(problem) => assert_eq!(resolved, Err(problem)),
            None => assert_eq!(resolved.map(|found| found.text), Ok(text.into())),
        }
    }
}

#[test]
fn a_broken_message_is_served_by_the_next_locale_with_its_cause() {
    let catalog = Catalog::from_sources(
        "en",
        [
            ("en", "error-1 = Unknown error\nerror-7 = Seven\n"),
            ("de", "error-1 = Unbekannt\nerror-7 = Sieben { -marke }\n"),
        ],
    )
    .unwrap();
    let found = catalog.negotiate("de").localize(7, None);
    assert_eq!((found.text.as_ref(), found.locale), ("Seven", "en"));
    assert_eq!(
        found.problem,
        Some(Error::Format {
            code: 7,
            locale: "de".into(),
            cause: Cause::UnknownReference("-marke".into())
        })
    );
}

#[test]
fn a_chain_keeps_fifteen_locales_ending_with_the_default() {
    // qaa to qat: language codes reserved for local use.
    let tags: Vec<String> = (b'a'..b'u').map(|c| format!("qa{}", c as char)).collect();
    let mut sources: Vec<(String, String)> = tags
        .iter()
        .map(|tag| (tag.clone(), String::new()))
        .collect();
    sources.push(("en".into(), "error-1 = Unknown error\n".into()));
    let catalog = Catalog::from_sources("en", sources).unwrap();
    let header = tags.join(", ");
    let chain: Vec<&str> = catalog.negotiate(&header).locales().collect();
    assert_eq!(chain.len(), 15);
    assert_eq!(chain[..14], tags[..14]);
    assert_eq!(chain[14], "en");
}
