//! How the embedded catalog (13 locales) answers the locale strings clients send.
//! `catalog.rs` has the same cases for a catalog of en-US and zh-CN alone.

use std::borrow::Cow;

use api_error_i18n::{message, resolve, Error};

use crate::{args, check};

const TOKEN_ZH: &str = "无效的access token";
const TOKEN_EN: &str = "Access token invalid or no longer valid";

#[test]
fn tags_in_any_case_posix_names_and_accept_language() {
    for locale in [
        "zh-CN",
        "zh-cn",
        "ZH-CN",
        "zh_CN",
        "zh_CN.UTF-8",
        "zh_CN.utf8@pinyin",
        "it-IT, zh-CN;q=0.8, en;q=0.5",
        "en;q=0.1, zh-CN",
        " zh-CN ; q=1 ",
        "de;q=0, zh-CN;q=0.3",
    ] {
        check(locale, 110, TOKEN_ZH, "zh-CN");
    }
}

#[test]
fn excluded_wildcard_empty_and_garbage_give_the_default() {
    for locale in [
        "zh-CN;q=0, en",
        "*",
        "",
        "   ",
        "!!!",
        "C",
        "en_US.UTF-8",
        ";q=0.5",
        ",,,",
        "zh-CN;q=abc",
        "\0zh-CN",
    ] {
        check(locale, 110, TOKEN_EN, "en-US");
    }
}

#[test]
fn chinese_goes_by_script_simplified_to_zh_cn_traditional_to_zh_tw() {
    for locale in ["zh", "zh-Hans", "zh-SG", "zh-Hans-CN", "zh-MY"] {
        check(locale, 110, TOKEN_ZH, "zh-CN");
    }
    for locale in [
        "zh-TW",
        "zh-HK",
        "zh-Hant",
        "zh-MO",
        "zh_TW.Big5",
        "zh-Hant-HK",
    ] {
        check(locale, 110, "無效的 access token", "zh-TW");
    }
}

#[test]
fn english_and_unsupported_languages_reach_en_us() {
    for locale in ["en", "en-GB", "en-US", "it", "nl-NL", "sv, pl;q=0.5"] {
        check(locale, 110, TOKEN_EN, "en-US");
    }
}

/// Each row: a locale string a client sends, and the locale whose message answers.
#[test]
fn regional_and_related_tags_reach_the_language_we_have() {
    let rows = [
        ("ja-JP", "ja"),
        ("ja", "ja"),
        ("ko-KR", "ko"),
        ("fr-CA", "fr"),
        ("fr-CH", "fr"),
        ("fr-FR", "fr"),
        ("de-AT", "de"),
        ("de-DE", "de"),
        ("es-MX", "es"),
        ("es-419", "es"),
        ("es-ES", "es"),
        ("pt", "pt-BR"),
        ("pt-PT", "pt-BR"),
        ("pt-BR", "pt-BR"),
        ("ru-RU", "ru"),
        ("ar-EG", "ar"),
        ("ar-SA", "ar"),
        ("vi-VN", "vi"),
        ("id-ID", "id"),
        // Java's `Locale` still names Indonesian `in`.
        ("in-ID", "id"),
        ("in", "id"),
        ("de-CH,de;q=0.9,fr;q=0.8,en;q=0.7", "de"),
        ("it, fr;q=0.9, en;q=0.8", "fr"),
        ("ja_JP.UTF-8", "ja"),
    ];
    for (locale, served) in rows {
        let found = resolve(111, locale, None).unwrap();
        assert_eq!(found.locale, served, "{locale}");
        assert_ne!(found.text, "Access token expired", "{locale}");
    }
    // The zh cases keep their answers.
    check("zh-HK, ja;q=0.5", 110, "無效的 access token", "zh-TW");
    check("zh-SG", 110, TOKEN_ZH, "zh-CN");
}

#[test]
fn unknown_code_is_the_unknown_error_message_in_the_callers_language() {
    assert_eq!(message(4242, "zh-CN", None), "未知错误");
    assert_eq!(message(u32::MAX, "en-GB", None), "Unknown error");
    assert_eq!(resolve(4242, "zh-CN", None), Err(Error::UnknownCode(4242)));
}

#[test]
fn arguments_are_substituted_without_isolation_marks() {
    check(
        "en-US",
        5,
        "Unauthorized client IP address:203.0.113.7",
        "en-US",
    );
    check("zh-CN", 5, "请求来自未经授权的IP地址：203.0.113.7", "zh-CN");
    let text = message(5, "en", Some(&args(&[("ip", "2001:db8::1")])));
    assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
}

#[test]
fn a_missing_argument_stays_visible_and_is_named() {
    assert_eq!(message(5, "zh-CN", None), "请求来自未经授权的IP地址：{$ip}");
    let other = args(&[("addr", "203.0.113.7")]);
    assert_eq!(
        message(5, "en-US", Some(&other)),
        "Unauthorized client IP address:{$ip}"
    );
    assert_eq!(
        resolve(5, "en-US", Some(&other)),
        Err(Error::MissingArgument {
            code: 5,
            name: "ip".to_owned()
        })
    );
}

#[test]
fn extra_arguments_are_ignored() {
    let extra = args(&[("ip", "198.51.100.2"), ("user", "alice")]);
    check("en", 110, TOKEN_EN, "en-US");
    assert_eq!(message(110, "en", Some(&extra)), TOKEN_EN);
    assert_eq!(
        message(5, "en", Some(&extra)),
        "Unauthorized client IP address:198.51.100.2"
    );
}

#[test]
fn argument_text_is_data_not_fluent() {
    for hostile in [
        "{ $ip }",
        "{$ip}",
        "{ -brand }",
        "\u{202e}evil",
        "%s",
        "</p><script>",
    ] {
        let text = message(5, "en", Some(&args(&[("ip", hostile)])));
        assert_eq!(text, format!("Unauthorized client IP address:{hostile}"));
    }
}

#[test]
fn a_megabyte_locale_string_is_read_only_in_part() {
    let huge_tag = "z".repeat(1 << 20);
    check(&huge_tag, 110, TOKEN_EN, "en-US");
    let huge_header = format!("zh-CN,{}", "en;q=0.1,".repeat(1 << 17));
    assert!(huge_header.len() > 1 << 20);
    check(&huge_header, 110, TOKEN_ZH, "zh-CN");
}

#[test]
fn plain_messages_are_borrowed_and_argument_messages_owned() {
    assert!(matches!(message(110, "zh-CN", None), Cow::Borrowed(_)));
    assert!(matches!(message(4242, "fr", None), Cow::Borrowed(_)));
    let ip = args(&[("ip", "203.0.113.7")]);
    assert!(matches!(message(110, "en", Some(&ip)), Cow::Borrowed(_)));
    assert!(matches!(message(5, "en", Some(&ip)), Cow::Owned(_)));
}

/// `Accept-Language` field lines with bytes that are not ASCII (obs-text, Latin-1, UTF-8, raw
/// high bytes), as a client may send them: no such byte names a language, the readable
/// languages still count, and with none the default answers. (Whether an entry or its whole
/// line is skipped is not pinned here: each row has one answer either way.)
#[test]
fn header_lines_with_bytes_that_are_not_ascii() {
    use api_error_i18n::Catalog;
    use axum::http::header::{HeaderMap, HeaderValue, ACCEPT_LANGUAGE};
    let rows: [(&[&[u8]], &str); 6] = [
        (&[b"zh-CN\xff"], "en-US"),
        (&[b"\x80\x81\xfe\xff"], "en-US"),
        (&["中文".as_bytes(), b"zh-TW"], "zh-TW"),
        (&[b"\xe9\xe9;q=1, \xff", b"zh-CN;q=0.5"], "zh-CN"),
        (&["zh-CN;q=0.1".as_bytes(), "中文;q=1".as_bytes()], "zh-CN"),
        (&[b"zh-TW", b"de\xe9;q=1, zh-CN"], "zh-TW"),
    ];
    for (lines, served) in rows {
        let mut headers = HeaderMap::new();
        for line in lines {
            let value = HeaderValue::from_bytes(line).unwrap();
            headers.append(ACCEPT_LANGUAGE, value);
        }
        assert!(
            headers
                .get_all(ACCEPT_LANGUAGE)
                .iter()
                .any(|v| !v.as_bytes().is_ascii()),
            "{lines:?} is all ASCII"
        );
        let found = Catalog::embedded()
            .negotiate_headers(&headers)
            .localize(110, None);
        assert_eq!(found.locale, served, "{lines:?}");
    }
}
