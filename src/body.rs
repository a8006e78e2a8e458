use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::FluentArgs;

/// An error response body in Baidu's shape: `{"error_code": 110, "error_msg": "..."}`.
///
/// Available with the `serde` feature. It serializes to exactly those two fields, and
/// deserializes them back, accepting `error_code` as a number or as a string of digits (some
/// Baidu clients send `"110"`).
///
/// # Examples
///
/// ```
/// use api_error_i18n::ErrorBody;
///
/// let body = ErrorBody::new(110, "zh-CN", None);
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

impl ErrorBody {
    /// The body for `code`, with [`message`](crate::message)'s text for `locale` and `args`.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{ErrorBody, FluentArgs};
    ///
    /// let mut args = FluentArgs::new();
    /// args.set("ip", "203.0.113.7");
    /// let body = ErrorBody::new(5, "en-GB", Some(&args));
    /// assert_eq!(body.error_code, 5);
    /// assert_eq!(body.error_msg, "Unauthorized client IP address:203.0.113.7");
    /// ```
    pub fn new(code: u32, locale: &str, args: Option<&FluentArgs>) -> ErrorBody {
        ErrorBody {
            error_code: code,
            error_msg: crate::message(code, locale, args),
        }
    }
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
