use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

/// An error response body in Baidu's shape: `{"error_code": 110, "error_msg": "..."}`.
///
/// Available with the `serde` feature. It serializes to exactly those two fields, and
/// deserializes them back, accepting `error_code` as a number or as a string of digits (some
/// Baidu clients send `"110"`).
///
/// It is plain data, built from a lookup made the one way every lookup is made (a [`Lang`]
/// or [`message`](crate::message)), so that the text comes from the catalog the caller chose.
///
/// [`Lang`]: crate::Lang
///
/// # Examples
///
/// ```
/// use api_error_i18n::{negotiate, ErrorBody};
///
/// let lang = negotiate("zh-CN");
/// let body = ErrorBody { error_code: 110, error_msg: lang.message(110, None) };
/// let json = serde_json::to_string(&body)?;
/// assert_eq!(json, r#"{"error_code":110,"error_msg":"无效的access token"}"#);
///
/// let back: ErrorBody = serde_json::from_str(r#"{"error_code":"110","error_msg":"x"}"#)?;
/// assert_eq!(back.error_code, 110);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// The API error code.
    #[serde(deserialize_with = "code_from_number_or_string")]
    pub error_code: u32,
    /// The message for the code, in the caller's language.
    pub error_msg: Cow<'static, str>,
}

fn code_from_number_or_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    struct Code;

    impl Visitor<'_> for Code {
        type Value = u32;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an error code as a number or a string of digits")
        }

        fn visit_u64<E: de::Error>(self, value: u64) -> Result<u32, E> {
            u32::try_from(value)
                .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
        }

        fn visit_i64<E: de::Error>(self, value: i64) -> Result<u32, E> {
            u32::try_from(value).map_err(|_| E::invalid_value(de::Unexpected::Signed(value), &self))
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<u32, E> {
            let digits = value.trim();
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(E::invalid_value(de::Unexpected::Str(value), &self));
            }
            digits
                .parse()
                .map_err(|_| E::invalid_value(de::Unexpected::Str(value), &self))
        }
    }

    deserializer.deserialize_any(Code)
}
