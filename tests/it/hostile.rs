//! Hostile inputs from request headers and arguments, each with its expected answer.

use api_error_i18n::{message, resolve};

use crate::{args, check};

const TOKEN_EN: &str = "Access token invalid or no longer valid";
const TOKEN_ZH: &str = "无效的access token";
const TOKEN_TW: &str = "無效的access token";

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
            format!("{}zh-CN", "fr;q=0.9, ".repeat(9_999)),
            TOKEN_EN,
            "en-US",
        ),
        (
            format!("zh-TW, {}", "fr;q=0.9, ".repeat(9_999)),
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
