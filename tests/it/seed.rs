//! en-US and zh-CN against the canonical table, `tests/data/api-error-codes.md` (a verbatim
//! copy of the seed table; its text is the source of truth).

use api_error_i18n::{message, ErrorCode};

use crate::{args, seed_table as seed};

#[test]
fn the_table_has_the_36_codes_of_the_enum() {
    let codes: Vec<u32> = seed().iter().map(|(code, ..)| *code).collect();
    let enum_codes: Vec<u32> = ErrorCode::ALL.iter().map(|code| code.code()).collect();
    assert_eq!(codes, enum_codes);
}

#[test]
fn every_message_is_the_seed_text() {
    for (code, chinese, english) in seed() {
        if code == 5 {
            continue; // its placeholder: see the test below
        }
        assert_eq!(message(code, "en-US", None), english, "en-US error-{code}");
        assert_eq!(message(code, "zh-CN", None), chinese, "zh-CN error-{code}");
    }
}

#[test]
fn code_5_puts_the_ip_where_the_seed_has_its_placeholder() {
    let (_, chinese, english) = seed().into_iter().find(|(code, ..)| *code == 5).unwrap();
    // The English seed ends in printf's `%s`; given `%s` as the ip, the message is the seed.
    assert_eq!(message(5, "en-US", Some(&args(&[("ip", "%s")]))), english);
    // The Chinese seed has no placeholder; the catalog adds `：{ $ip }` after the seed text.
    let ip = "203.0.113.7";
    assert_eq!(
        message(5, "zh-CN", Some(&args(&[("ip", ip)]))),
        format!("{chinese}：{ip}")
    );
}
