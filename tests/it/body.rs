//! The Baidu-shaped error body (`serde` feature).

use api_error_i18n::{message, ErrorBody, FluentArgs};
use serde_json::json;

/// The body for `code` in the best language for `locale`, as a caller builds it.
fn body_for(code: u32, locale: &str, args: Option<&FluentArgs>) -> ErrorBody {
    ErrorBody {
        error_code: code,
        error_msg: message(code, locale, args),
    }
}

#[test]
fn serializes_to_exactly_the_baidu_shape() {
    let body = body_for(110, "zh-CN", None);
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"error_code": 110, "error_msg": "无效的access token"})
    );
    let mut args = FluentArgs::new();
    args.set("ip", "203.0.113.7");
    assert_eq!(
        serde_json::to_string(&body_for(5, "en", Some(&args))).unwrap(),
        r#"{"error_code":5,"error_msg":"Unauthorized client IP address:203.0.113.7"}"#
    );
}

#[test]
fn round_trips() {
    for code in [0, 5, 110, 953, 4242] {
        let body = body_for(code, "zh-TW", None);
        let back: ErrorBody = serde_json::from_str(&serde_json::to_string(&body).unwrap()).unwrap();
        assert_eq!(back, body);
    }
}

#[test]
fn accepts_the_code_as_a_number_or_a_string_of_digits() {
    for json in [
        r#"{"error_code":110,"error_msg":"m"}"#,
        r#"{"error_code":"110","error_msg":"m"}"#,
        r#"{"error_code":" 110 ","error_msg":"m"}"#,
    ] {
        let body: ErrorBody = serde_json::from_str(json).unwrap();
        assert_eq!(
            (body.error_code, body.error_msg.as_ref()),
            (110, "m"),
            "{json}"
        );
    }
}

#[test]
fn rejects_codes_that_are_not_u32() {
    for json in [
        r#"{"error_code":-1,"error_msg":"m"}"#,
        r#"{"error_code":4294967296,"error_msg":"m"}"#,
        r#"{"error_code":"11O","error_msg":"m"}"#,
        r#"{"error_code":"","error_msg":"m"}"#,
        r#"{"error_code":"+110","error_msg":"m"}"#,
        r#"{"error_code":1.5,"error_msg":"m"}"#,
        r#"{"error_code":null,"error_msg":"m"}"#,
        r#"{"error_msg":"m"}"#,
    ] {
        let error = serde_json::from_str::<ErrorBody>(json).unwrap_err();
        assert!(error.is_data() || error.is_syntax(), "{json}: {error}");
    }
}
