//! Header rules: the request's language from its `Accept-Language` lines, and what every
//! rendered error response carries (RFC 9110): a representation of its own, `Vary`,
//! `Cache-Control`, the challenge of a 401, `Retry-After`.

use std::time::Duration;

use http::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT_LANGUAGE, ACCEPT_RANGES, CACHE_CONTROL,
    CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_LANGUAGE, CONTENT_LENGTH, CONTENT_LOCATION,
    CONTENT_RANGE, CONTENT_TYPE, ETAG, LAST_MODIFIED, RETRY_AFTER, TRAILER, TRANSFER_ENCODING,
    VARY, WWW_AUTHENTICATE,
};
use http::StatusCode;

use crate::catalog::Catalog;
use crate::lang::Lang;

/// How much of the `Accept-Language` field lines is read: as much as the locale string's own
/// bound (`language::MAX_INPUT_BYTES`), whatever a client sends.
const MAX_ACCEPT_LANGUAGE: usize = crate::negotiation::requested::MAX_INPUT_BYTES;

/// Headers that describe a representation or its transfer: a rendered error is a new
/// representation, so those of the body it replaces go. RFC 9110 8 (`Content-Encoding`,
/// `Content-Length`, `Content-Location`, `ETag`, `Last-Modified`), 14 (`Content-Range`,
/// `Accept-Ranges`), 6.6.2 (`Trailer`); RFC 9112 6.1 (`Transfer-Encoding`); RFC 9530
/// (`Content-Digest`, `Repr-Digest`) and the digests it obsoletes (RFC 3230 `Digest`, RFC 1864
/// `Content-MD5`); RFC 6266 (`Content-Disposition`, which would save the error as the file the
/// body was). `Content-Type` and `Content-Language` are set anew. `Content-Range` stays on a
/// 416, where it states the representation's length (RFC 9110 14.4, 15.5.17).
const REPRESENTATION: [HeaderName; 14] = [
    CONTENT_ENCODING,
    CONTENT_LENGTH,
    CONTENT_LOCATION,
    CONTENT_RANGE,
    ACCEPT_RANGES,
    ETAG,
    LAST_MODIFIED,
    TRANSFER_ENCODING,
    TRAILER,
    CONTENT_DISPOSITION,
    HeaderName::from_static("content-digest"),
    HeaderName::from_static("repr-digest"),
    HeaderName::from_static("digest"),
    HeaderName::from_static("content-md5"),
];

/// The challenge of a 401 by default: RFC 6750 3.1, the token is invalid, expired or revoked.
pub(crate) const DEFAULT_CHALLENGE: &str = r#"Bearer error="invalid_token""#;

// Header values checked at compile time, not once per response.
const ACCEPT_LANGUAGE_VALUE: HeaderValue = HeaderValue::from_static("accept-language");
const NO_STORE: HeaderValue = HeaderValue::from_static("no-store");

impl Catalog {
    /// The [`Lang`] for a request's headers: every `Accept-Language` field line, combined in
    /// order as RFC 9110 says (`a, b`); no header, or none readable, gives the default locale.
    /// Only the first 1024 bytes are read, however many lines a client sends.
    ///
    /// Available with the `http` feature.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::Catalog;
    /// use http::header::{HeaderMap, HeaderValue, ACCEPT_LANGUAGE};
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("it;q=0.9"));
    /// headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("zh-TW;q=0.8, en;q=0.1"));
    /// let lang = Catalog::embedded().negotiate_headers(&headers);
    /// assert_eq!(lang.message(110, None), "無效的 access token");
    ///
    /// assert_eq!(Catalog::embedded().negotiate_headers(&HeaderMap::new()).message(0, None), "Success");
    /// ```
    pub fn negotiate_headers(&self, headers: &HeaderMap) -> Lang<'_> {
        let mut lines = headers
            .get_all(ACCEPT_LANGUAGE)
            .iter()
            .filter_map(|value| value.to_str().ok());
        let Some(first) = lines.next() else {
            return self.negotiate("");
        };
        let Some(second) = lines.next() else {
            return self.negotiate(first); // the common case: one line, no copy
        };
        let mut combined = String::with_capacity(MAX_ACCEPT_LANGUAGE);
        for line in [first, second].into_iter().chain(lines) {
            if !combined.is_empty() {
                combined.push_str(", ");
            }
            combined.push_str(line);
            // The locale string's reading cuts at the last whole entry within the bound.
            if combined.len() >= MAX_ACCEPT_LANGUAGE {
                break;
            }
        }
        self.negotiate(&combined)
    }
}

/// What the rendering of one error writes into a response's headers besides the body's type.
pub(crate) struct ErrorHeaders<'a> {
    pub(crate) status: StatusCode,
    pub(crate) content_type: HeaderValue,
    /// `Content-Language`: the tag of the locale that served the message.
    pub(crate) locale: Option<HeaderValue>,
    pub(crate) retry_after: Option<Duration>,
    pub(crate) challenge: &'a HeaderValue,
}

/// Makes `headers` describe a rendered error, keeping every header that is not about the old
/// body (a handler's own `Allow`, `Set-Cookie`, `Cache-Control`, `WWW-Authenticate`, and its
/// `Retry-After` unless the error carries a delay): the old representation's headers go,
/// `Content-Type` and `Content-Language` are set, `Vary` gets `Accept-Language` added,
/// `Cache-Control: no-store` unless one is set, a challenge on a 401 without one,
/// `Retry-After` for a retry delay (replacing a handler's, so that it agrees with the body).
pub(crate) fn describe_error(headers: &mut HeaderMap, error: ErrorHeaders<'_>) {
    // A new response (an `ApiError`'s own) has nothing to keep or merge: no lookups.
    let fresh = headers.is_empty();
    if fresh {
        // Room for `Content-Length` too, which axum adds to a body of known size.
        headers.reserve(7);
    } else if headers.keys().any(|name| REPRESENTATION.contains(name)) {
        for name in REPRESENTATION {
            if name == CONTENT_RANGE && error.status == StatusCode::RANGE_NOT_SATISFIABLE {
                continue;
            }
            headers.remove(name);
        }
    }
    headers.insert(CONTENT_TYPE, error.content_type);
    match error.locale {
        Some(locale) => headers.insert(CONTENT_LANGUAGE, locale),
        None => headers.remove(CONTENT_LANGUAGE),
    };
    if fresh {
        headers.insert(VARY, ACCEPT_LANGUAGE_VALUE);
    } else {
        add_vary(headers);
    }
    if fresh || !headers.contains_key(CACHE_CONTROL) {
        headers.insert(CACHE_CONTROL, NO_STORE);
    }
    if error.status == StatusCode::UNAUTHORIZED
        && (fresh || !headers.contains_key(WWW_AUTHENTICATE))
    {
        headers.insert(WWW_AUTHENTICATE, error.challenge.clone());
    }
    // The error's own delay wins over a handler's `Retry-After`: the bodies (RFC 9457
    // `retry_after`, Google's `RetryInfo`) state that delay, and the header must agree.
    if let Some(delay) = error.retry_after {
        headers.insert(RETRY_AFTER, HeaderValue::from(retry_seconds(delay)));
    }
}

/// What an `ApiError`'s own response was given (`describe_error` on an empty map): its body's
/// type, the locale of its `Content-Language` and its retry delay.
pub(crate) struct Own<'a> {
    pub(crate) content_type: HeaderValue,
    pub(crate) locale: Option<&'a str>,
    pub(crate) retry_after: Option<Duration>,
}

/// Makes an `ApiError`'s own headers describe a rendered error, if `headers` are exactly
/// them (a challenge allowed whatever the status): nothing a handler added, removed or
/// replaced. Then only `Content-Type`, `Content-Language` and the challenge can differ from
/// what [`describe_error`] would make of them, and only those are written, in place: one pass
/// over the few entries, no name hashed. Returns whether it did; if not, `headers` are as
/// they were, for `describe_error` to merge.
pub(crate) fn redescribe_own(
    headers: &mut HeaderMap,
    own: &Own<'_>,
    error: &ErrorHeaders<'_>,
) -> bool {
    // One value per name: a second `Vary` line, say, is a handler's.
    if headers.len() != headers.keys_len() {
        return false;
    }
    let (mut content_type, mut language, mut challenge) = (None, None, None);
    let mut seen = 0;
    for (name, value) in headers.iter_mut() {
        // Whether the entry is the error's own, and whether it is one the error always has.
        let (ours, required) = if name == CONTENT_TYPE {
            let ours = *value == own.content_type;
            content_type = Some(value);
            (ours, true)
        } else if name == CONTENT_LANGUAGE {
            let ours = own.locale.is_some_and(|locale| *value == locale);
            language = Some(value);
            (ours, true)
        } else if name == VARY {
            (value == "accept-language", true)
        } else if name == CACHE_CONTROL {
            (value == "no-store", true)
        } else if name == WWW_AUTHENTICATE {
            let ours = value == DEFAULT_CHALLENGE;
            challenge = Some(value);
            (ours, false)
        } else if name == RETRY_AFTER {
            let ours = own.retry_after.is_some_and(|delay| {
                value.as_bytes() == retry_seconds(delay).to_string().as_bytes()
            });
            (ours, true)
        } else {
            (false, false)
        };
        if !ours {
            return false;
        }
        seen += usize::from(required);
    }
    // None of the required ones missing.
    let required = 3 + usize::from(own.locale.is_some()) + usize::from(own.retry_after.is_some());
    if seen != required {
        return false;
    }
    // `Vary`, `Cache-Control` and `Retry-After` are already what `describe_error` writes.
    if let Some(value) = content_type {
        if *value != error.content_type {
            *value = error.content_type.clone();
        }
    }
    let unauthorized = error.status == StatusCode::UNAUTHORIZED;
    let has_challenge = challenge.is_some();
    if let (true, Some(value)) = (unauthorized, challenge) {
        // The error's default challenge gives way to the format's.
        if value != error.challenge {
            *value = error.challenge.clone();
        }
    }
    let language_left = match (&error.locale, language) {
        (Some(locale), Some(value)) => {
            *value = locale.clone();
            false
        }
        (None, Some(_)) => true,
        (Some(locale), None) => {
            headers.insert(CONTENT_LANGUAGE, locale.clone());
            false
        }
        (None, None) => false,
    };
    if language_left {
        headers.remove(CONTENT_LANGUAGE);
    }
    if unauthorized && !has_challenge {
        headers.insert(WWW_AUTHENTICATE, error.challenge.clone());
    } else if !unauthorized && has_challenge {
        headers.remove(WWW_AUTHENTICATE);
    }
    true
}

/// A retry delay in whole seconds, rounded up: `Retry-After` (RFC 9110 10.2.3) counts seconds,
/// and a client told to wait 0 when it should wait 0.5 s comes back too early.
pub(crate) fn retry_seconds(delay: Duration) -> u64 {
    delay
        .as_secs()
        .saturating_add(u64::from(delay.subsec_nanos() > 0))
}

/// A header value of a tag, copied.
pub(crate) fn copied_value(text: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(text).ok()
}

/// Adds `Accept-Language` to the `Vary` field of `headers`, keeping every value already there;
/// nothing to add when it is listed already or `Vary: *` covers it.
pub(crate) fn add_vary(headers: &mut HeaderMap) {
    let covered = headers
        .get_all(VARY)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|name| {
            let name = name.trim();
            name == "*" || name.eq_ignore_ascii_case("accept-language")
        });
    if !covered {
        headers.append(VARY, ACCEPT_LANGUAGE_VALUE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vary_is_added_to_never_replaced() {
        let mut headers = HeaderMap::new();
        add_vary(&mut headers);
        add_vary(&mut headers);
        assert_eq!(headers.get_all(VARY).iter().count(), 1);
        let mut headers = HeaderMap::new();
        headers.insert(VARY, HeaderValue::from_static("Origin"));
        add_vary(&mut headers);
        let all: Vec<_> = headers.get_all(VARY).iter().collect();
        assert_eq!(all, ["Origin", "accept-language"]);
        for covered in ["*", "Origin, Accept-Language"] {
            let mut headers = HeaderMap::new();
            headers.insert(VARY, HeaderValue::from_static(covered));
            add_vary(&mut headers);
            assert_eq!(headers.get_all(VARY).iter().count(), 1, "{covered}");
        }
    }

    /// `headers` as a sorted list, order of names aside (a map's order is not on the wire's
    /// meaning), each name's values in order.
    fn fields(headers: &HeaderMap) -> Vec<(String, Vec<HeaderValue>)> {
        let mut fields: Vec<_> = headers
            .keys()
            .map(|name| {
                (
                    name.to_string(),
                    headers.get_all(name).iter().cloned().collect(),
                )
            })
            .collect();
        fields.sort();
        fields
    }

    const JSON: HeaderValue = HeaderValue::from_static("application/json");

    #[test]
    fn rewriting_own_headers_in_place_is_merging_them() {
        let default_challenge = HeaderValue::from_static(DEFAULT_CHALLENGE);
        let custom = HeaderValue::from_static(r#"Bearer realm="x""#);
        let statuses = [
            StatusCode::UNAUTHORIZED,
            StatusCode::TOO_MANY_REQUESTS,
            StatusCode::OK,
        ];
        let delays = [None, Some(Duration::from_millis(1500))];
        for own_status in statuses {
            for retry_after in delays {
                let mut own = HeaderMap::new();
                describe_error(
                    &mut own,
                    ErrorHeaders {
                        status: own_status,
                        content_type: JSON,
                        locale: Some(HeaderValue::from_static("en-US")),
                        retry_after,
                        challenge: &default_challenge,
                    },
                );
                let made_of = Own {
                    content_type: JSON,
                    locale: Some("en-US"),
                    retry_after,
                };
                let cases = statuses
                    .into_iter()
                    .flat_map(|status| [(status, &default_challenge), (status, &custom)]);
                for (status, challenge) in cases {
                    for content_type in ["application/json", "application/problem+json"] {
                        for locale in [Some("zh-CN"), Some("en-US"), None] {
                            let error = || ErrorHeaders {
                                status,
                                content_type: HeaderValue::from_static(content_type),
                                locale: locale.map(HeaderValue::from_static),
                                retry_after,
                                challenge,
                            };
                            // What the layer does with headers it must merge.
                            let mut merged = own.clone();
                            if merged.get(WWW_AUTHENTICATE) == Some(&default_challenge) {
                                merged.remove(WWW_AUTHENTICATE);
                            }
                            describe_error(&mut merged, error());
                            let mut rewritten = own.clone();
                            assert!(redescribe_own(&mut rewritten, &made_of, &error()));
                            assert_eq!(
                                fields(&rewritten),
                                fields(&merged),
                                "{own_status} -> {status} {challenge:?} {content_type} {locale:?} {retry_after:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn headers_a_handler_touched_are_not_the_errors_own() {
        let challenge = HeaderValue::from_static(DEFAULT_CHALLENGE);
        let mut own = HeaderMap::new();
        describe_error(
            &mut own,
            ErrorHeaders {
                status: StatusCode::UNAUTHORIZED,
                content_type: JSON,
                locale: Some(HeaderValue::from_static("en-US")),
                retry_after: None,
                challenge: &challenge,
            },
        );
        let made_of = |retry_after| Own {
            content_type: JSON,
            locale: Some("en-US"),
            retry_after,
        };
        let error = ErrorHeaders {
            status: StatusCode::UNAUTHORIZED,
            content_type: HeaderValue::from_static("application/problem+json"),
            locale: Some(HeaderValue::from_static("zh-CN")),
            retry_after: None,
            challenge: &challenge,
        };
        // Rewritten, or else left exactly as it was.
        let is_own = |headers: &HeaderMap, retry_after| {
            let mut rewritten = headers.clone();
            let done = redescribe_own(&mut rewritten, &made_of(retry_after), &error);
            if !done {
                assert_eq!(fields(&rewritten), fields(headers));
            }
            done
        };
        assert!(is_own(&own, None));
        let changes: [fn(&mut HeaderMap); 7] = [
            |h| drop(h.insert(CACHE_CONTROL, HeaderValue::from_static("max-age=5"))),
            |h| drop(h.remove(CACHE_CONTROL)),
            |h| {
                h.append(VARY, HeaderValue::from_static("origin"));
            },
            |h| drop(h.insert(WWW_AUTHENTICATE, HeaderValue::from_static("Basic"))),
            |h| drop(h.insert(RETRY_AFTER, HeaderValue::from_static("7"))),
            |h| drop(h.insert(ETAG, HeaderValue::from_static("\"v1\""))),
            |h| drop(h.insert(CONTENT_LANGUAGE, HeaderValue::from_static("fr"))),
        ];
        for (index, change) in changes.into_iter().enumerate() {
            let mut headers = own.clone();
            change(&mut headers);
            assert!(!is_own(&headers, None), "change {index}");
        }
        // A retry delay the error carries must be there, with its value.
        assert!(!is_own(&own, Some(Duration::from_secs(3))));
    }

    #[test]
    fn retry_delays_round_up_to_whole_seconds() {
        assert_eq!(retry_seconds(Duration::from_secs(30)), 30);
        assert_eq!(retry_seconds(Duration::from_millis(1500)), 2);
        assert_eq!(retry_seconds(Duration::from_millis(1)), 1);
        assert_eq!(retry_seconds(Duration::ZERO), 0);
    }
}
