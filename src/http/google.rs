//! Google's JSON error model (AIP-193): `google.rpc.Status` with `ErrorInfo`,
//! `LocalizedMessage` and, for a retry delay, `RetryInfo` (google/rpc/error_details.proto).

use std::borrow::Cow;
use std::time::Duration;

use fluent_bundle::FluentValue;
use http::HeaderValue;
use icu_datetime::input::{UtcOffset, ZonedDateTime};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

use fluent_bundle::FluentArgs;

use crate::http::json::Json;
use crate::intl::DateTime;

/// Google's media type: plain JSON.
pub(crate) const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/json");

#[derive(Serialize)]
pub(crate) struct Google<'a> {
    pub(crate) error: Status<'a>,
}

/// `google.rpc.Status` as JSON: `code` is the HTTP mapping of `status` in code.proto, whatever
/// status line the response is sent with.
#[derive(Serialize)]
pub(crate) struct Status<'a> {
    pub(crate) code: u16,
    pub(crate) message: &'a str,
    pub(crate) status: &'static str,
    pub(crate) details: Details<'a>,
}

pub(crate) struct Details<'a> {
    pub(crate) info: ErrorInfo<'a>,
    pub(crate) localized: LocalizedMessage<'a>,
    pub(crate) retry_delay: Option<Duration>,
}

impl Serialize for Details<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut details = serializer.serialize_seq(None)?;
        details.serialize_element(&self.info)?;
        details.serialize_element(&self.localized)?;
        if let Some(delay) = self.retry_delay {
            details.serialize_element(&RetryInfo {
                kind: "type.googleapis.com/google.rpc.RetryInfo",
                retry_delay: proto_duration(delay),
            })?;
        }
        details.end()
    }
}

#[derive(Serialize)]
pub(crate) struct ErrorInfo<'a> {
    /// Always `type.googleapis.com/google.rpc.ErrorInfo`, which `to_json` writes as such.
    #[serde(rename = "@type")]
    pub(crate) kind: &'static str,
    pub(crate) reason: Cow<'static, str>,
    pub(crate) domain: &'a str,
    pub(crate) metadata: Metadata<'a>,
}

/// `ErrorInfo.metadata`: the error code under `errorCode` (AIP-193: "keys must be expressed as
/// lower camel-case"), then every argument of the message as a string (AIP-193: dynamic values
/// of the message belong here): a number as fluent writes it without a locale, a [`DateTime`]
/// as an RFC 3339 UTC timestamp. An argument whose name is not a valid key (error_details.proto:
/// `[a-z][a-zA-Z0-9-_]+`, at most 64 characters) or is `errorCode` is left out.
pub(crate) struct Metadata<'a> {
    pub(crate) error_code: u32,
    pub(crate) args: Option<&'a FluentArgs<'a>>,
}

impl Serialize for Metadata<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(ERROR_CODE_KEY, &self.error_code.to_string())?;
        for (name, value) in metadata_args(self.args) {
            map.serialize_entry(name, &value)?;
        }
        map.end()
    }
}

/// `google` as its `Serialize` implementation writes it, straight into one buffer: the type
/// URLs and keys as constant fragments.
pub(crate) fn to_json(google: &Google<'_>) -> Option<Vec<u8>> {
    let status = &google.error;
    let info = &status.details.info;
    let localized = &status.details.localized;
    let mut json = Json::with_capacity(
        320 + status.message.len() + info.domain.len() + localized.message.len(),
    );
    json.raw(r#"{"error":{"code":"#)
        .number(status.code.into())
        .raw(r#","message":"#)
        .string(status.message)
        .raw(r#","status":"#)
        .string(status.status)
        .raw(r#","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"#)
        .string(&info.reason)
        .raw(r#","domain":"#)
        .string(info.domain)
        .raw(r#","metadata":{"errorCode":""#)
        .number(info.metadata.error_code.into())
        .raw("\"");
    for (name, value) in metadata_args(info.metadata.args) {
        json.raw(",").string(name).raw(":").string(&value);
    }
    json.raw(r#"}},{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"#)
        .string(localized.locale)
        .raw(r#","message":"#)
        .string(localized.message)
        .raw("}");
    if let Some(delay) = status.details.retry_delay {
        json.raw(r#",{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"#)
            .string(&proto_duration(delay))
            .raw("}");
    }
    json.raw("]}}");
    json.finish()
}

/// The key of the error code in `ErrorInfo.metadata`.
const ERROR_CODE_KEY: &str = "errorCode";

/// The arguments that go into `ErrorInfo.metadata`, each with its value as a string: strings,
/// numbers and [`DateTime`]s under a valid key other than `errorCode`.
fn metadata_args<'a>(
    args: Option<&'a FluentArgs<'a>>,
) -> impl Iterator<Item = (&'a str, Cow<'a, str>)> {
    args.into_iter()
        .flat_map(FluentArgs::iter)
        .filter(|(name, _)| *name != ERROR_CODE_KEY && is_metadata_key(name))
        .filter_map(|(name, value)| {
            let value = match value {
                FluentValue::String(text) => Cow::Borrowed(text.as_ref()),
                FluentValue::Number(number) => number.as_string(),
                FluentValue::Custom(custom) => {
                    Cow::Owned(rfc3339(custom.as_any().downcast_ref::<DateTime>()?))
                }
                _ => return None,
            };
            Some((name, value))
        })
}

/// `time` as an RFC 3339 timestamp in UTC (`2023-11-14T22:13:20Z`, milliseconds when there are
/// any: `2023-11-14T22:13:20.500Z`), as google.protobuf.Timestamp's JSON writes one.
fn rfc3339(time: &DateTime) -> String {
    let millis = time.unix_millis();
    let zoned = ZonedDateTime::from_epoch_milliseconds_and_utc_offset(millis, UtcOffset::zero());
    let (date, clock) = (zoned.date, zoned.time);
    let mut text = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        date.year().extended_year(),
        date.month().ordinal,
        date.day_of_month().0,
        clock.hour.number(),
        clock.minute.number(),
        clock.second.number(),
    );
    let fraction = millis.rem_euclid(1000);
    if fraction != 0 {
        text.push_str(&format!(".{fraction:03}"));
    }
    text.push('Z');
    text
}

/// A key error_details.proto allows in `ErrorInfo.metadata`: `[a-z][a-zA-Z0-9-_]+`, at most 64
/// characters.
pub(crate) fn is_metadata_key(name: &str) -> bool {
    let mut bytes = name.bytes();
    name.len() >= 2
        && name.len() <= 64
        && bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[derive(Serialize)]
pub(crate) struct LocalizedMessage<'a> {
    /// Always `type.googleapis.com/google.rpc.LocalizedMessage`, which `to_json` writes as such.
    #[serde(rename = "@type")]
    pub(crate) kind: &'static str,
    pub(crate) locale: &'a str,
    pub(crate) message: &'a str,
}

#[derive(Serialize)]
struct RetryInfo {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "retryDelay")]
    retry_delay: String,
}

/// The largest `google.protobuf.Duration`: "between -315,576,000,000 and +315,576,000,000
/// inclusive" seconds (google/protobuf/duration.proto), about 10,000 years.
const MAX_DURATION_SECONDS: u64 = 315_576_000_000;

/// A `google.protobuf.Duration` in proto3 JSON: seconds with an `s`, and 0, 3, 6 or 9
/// fractional digits (`"30s"`, `"1.500s"`); a longer delay is the longest Duration.
fn proto_duration(delay: Duration) -> String {
    let delay = delay.min(Duration::from_secs(MAX_DURATION_SECONDS));
    let (seconds, nanos) = (delay.as_secs(), delay.subsec_nanos());
    match nanos {
        0 => format!("{seconds}s"),
        n if n % 1_000_000 == 0 => format!("{seconds}.{:03}s", n / 1_000_000),
        n if n % 1_000 == 0 => format!("{seconds}.{:06}s", n / 1_000),
        n => format!("{seconds}.{n:09}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_keys_follow_error_details_proto() {
        for valid in ["ip", "client-ip", "retry_after", "aB9", &"k".repeat(64)] {
            assert!(is_metadata_key(valid), "{valid}");
        }
        for invalid in [
            "",
            "i",
            "Ip",
            "9ip",
            "client ip",
            "ip.v4",
            "ключ",
            &"k".repeat(65),
        ] {
            assert!(!is_metadata_key(invalid), "{invalid}");
        }
    }

    #[test]
    fn the_written_body_is_what_serde_json_writes() {
        let mut args = FluentArgs::new();
        args.set("ip", "203.0.113.7");
        args.set("count", 3);
        args.set("Bad key", "left out");
        args.set("errorCode", "left out");
        args.set("error_code", "kept: a valid key");
        args.set("at", DateTime::from_unix_millis(1_700_000_000_500));
        args.set("quote", "a \" b \\ c \u{0} \u{2028}");
        let mut no_args = FluentArgs::new();
        no_args.set("X", "left out");
        for args in [None, Some(&args), Some(&no_args)] {
            for retry_delay in [None, Some(Duration::from_millis(1500))] {
                for (text, reason) in [
                    ("无效的access token", "ACCESS_TOKEN_INVALID"),
                    ("\"\\", "ERROR_31001"),
                ] {
                    let google = Google {
                        error: Status {
                            code: 401,
                            message: text,
                            status: "UNAUTHENTICATED",
                            details: Details {
                                info: ErrorInfo {
                                    kind: "type.googleapis.com/google.rpc.ErrorInfo",
                                    reason: Cow::Borrowed(reason),
                                    domain: "api.example.com",
                                    metadata: Metadata {
                                        error_code: 110,
                                        args,
                                    },
                                },
                                localized: LocalizedMessage {
                                    kind: "type.googleapis.com/google.rpc.LocalizedMessage",
                                    locale: "zh-CN",
                                    message: text,
                                },
                                retry_delay,
                            },
                        },
                    };
                    assert_eq!(
                        String::from_utf8(to_json(&google).unwrap()).unwrap(),
                        serde_json::to_string(&google).unwrap(),
                        "{args:?} {retry_delay:?} {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn date_times_in_rfc_3339_utc() {
        // Expected values from Python's `datetime.isoformat` (UTC, milliseconds).
        for (millis, expected) in [
            (1_700_000_000_000, "2023-11-14T22:13:20Z"),
            (1_700_000_000_500, "2023-11-14T22:13:20.500Z"),
            (951_782_400_000, "2000-02-29T00:00:00Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
            (-62_135_596_800_000, "0001-01-01T00:00:00Z"),
            (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
        ] {
            assert_eq!(rfc3339(&DateTime::from_unix_millis(millis)), expected);
        }
    }

    #[test]
    fn durations_in_proto3_json() {
        assert_eq!(proto_duration(Duration::from_secs(30)), "30s");
        assert_eq!(proto_duration(Duration::from_millis(1500)), "1.500s");
        assert_eq!(proto_duration(Duration::from_micros(1)), "0.000001s");
        assert_eq!(proto_duration(Duration::from_nanos(5)), "0.000000005s");
        // duration.proto: seconds "between -315,576,000,000 and +315,576,000,000 inclusive".
        assert_eq!(
            proto_duration(Duration::from_secs(315_576_000_000)),
            "315576000000s"
        );
        assert_eq!(
            proto_duration(Duration::new(315_576_000_000, 1)),
            "315576000000s"
        );
        assert_eq!(proto_duration(Duration::MAX), "315576000000s");
    }
}
