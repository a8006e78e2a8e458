//! RFC 9457 problem details: `application/problem+json`, one problem type per code.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use http::HeaderValue;
use serde::Serialize;

use crate::error::Error;
use crate::http::json::Json;
use crate::lang::{Lang, Localized};
use fluent_bundle::FluentArgs;

/// The problem details media type (RFC 9457 3).
pub(crate) const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/problem+json");

/// A problem type base, checked: an absolute URI without query or fragment, to which a code is
/// joined as one more path segment.
#[derive(Debug, Clone)]
pub(crate) struct TypeBase {
    base: Arc<str>,
    /// Whether a `/` goes between the base and the code (the base does not end with one).
    slash: bool,
}

impl TypeBase {
    pub(crate) fn new(base: &str) -> Result<TypeBase, InvalidTypeBase> {
        let invalid = |reason| InvalidTypeBase {
            base: base.to_owned(),
            reason,
        };
        let Some((scheme, rest)) = base.split_once(':') else {
            return Err(invalid("it has no scheme, such as `https:`"));
        };
        let mut letters = scheme.bytes();
        let scheme_ok = letters.next().is_some_and(|b| b.is_ascii_alphabetic())
            && letters.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
        if !scheme_ok {
            return Err(invalid("it has no scheme, such as `https:`"));
        }
        if rest.is_empty() {
            return Err(invalid("nothing follows its scheme"));
        }
        if base.contains(['?', '#']) {
            return Err(invalid(
                "it has a query or a fragment, which would come before the code",
            ));
        }
        let uri_byte = |b: u8| b.is_ascii_alphanumeric() || b"-._~:/[]@!$&'()*+,;=%".contains(&b);
        if !base.bytes().all(uri_byte) {
            return Err(invalid(
                "it has a character a URI cannot hold (a space, a control or non-ASCII character): percent-encode it",
            ));
        }
        // RFC 3986 2.1: `%` begins a percent-encoding, two hexadecimal digits.
        let mut escapes = base.split('%').skip(1);
        if !escapes.all(|after| {
            after
                .as_bytes()
                .get(..2)
                .is_some_and(|digits| digits.iter().all(u8::is_ascii_hexdigit))
        }) {
            return Err(invalid(
                "it has a `%` not followed by two hexadecimal digits: write a `%` as `%25`",
            ));
        }
        // RFC 9110 4.2.1, 4.2.2: an `http` or `https` URI has an authority with a host,
        // never an empty one.
        if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
            let authority = rest.strip_prefix("//").map(|after| {
                let end = after.find('/').unwrap_or(after.len());
                after.get(..end).unwrap_or(after)
            });
            let host = authority.map(|authority| {
                let host = authority
                    .rsplit_once('@')
                    .map_or(authority, |(_, host)| host);
                // A port follows the last `:`, unless it is inside an IPv6 literal's `[...]`.
                match host.rsplit_once(':') {
                    Some((name, port)) if !port.contains(']') => name,
                    _ => host,
                }
            });
            if host.is_none_or(str::is_empty) {
                return Err(invalid(
                    "an http or https URI needs a host (`https://host/...`)",
                ));
            }
        }
        Ok(TypeBase {
            base: base.into(),
            slash: !base.ends_with(['/', ':']),
        })
    }

    /// The problem type of `code`: the base and the code, as one more path segment.
    pub(crate) fn join(&self, code: u32) -> TypeUri<'_> {
        TypeUri { base: self, code }
    }
}

/// A problem type URI: a base and a code, written out only into the body.
#[derive(Clone, Copy)]
pub(crate) struct TypeUri<'a> {
    base: &'a TypeBase,
    code: u32,
}

impl TypeUri<'_> {
    fn separator(&self) -> &'static str {
        if self.base.slash {
            "/"
        } else {
            ""
        }
    }
}

impl fmt::Display for TypeUri<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}{}", self.base.base, self.separator(), self.code)
    }
}

impl Serialize for TypeUri<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A problem type base that is not an absolute URI (RFC 3986 4.3), from
/// [`ErrorFormat::problem`](crate::ErrorFormat::problem).
///
/// # Examples
///
/// ```
/// use api_error_i18n::ErrorFormat;
///
/// let error = ErrorFormat::problem("/errors/").unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "the problem type base `/errors/` is not an absolute URI: it has no scheme, such as `https:`",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidTypeBase {
    base: String,
    reason: &'static str,
}

impl fmt::Display for InvalidTypeBase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the problem type base `{}` is not an absolute URI: {}",
            self.base, self.reason
        )
    }
}

impl std::error::Error for InvalidTypeBase {}

#[derive(Serialize)]
pub(crate) struct Problem<'a> {
    #[serde(rename = "type")]
    pub(crate) kind: TypeUri<'a>,
    pub(crate) status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) title: Option<Cow<'a, str>>,
    pub(crate) detail: &'a str,
    pub(crate) error_code: u32,
    /// An extension member: seconds to wait before retrying, as `Retry-After` says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) retry_after: Option<u64>,
}

/// `problem` as its `Serialize` implementation writes it, straight into one buffer.
pub(crate) fn to_json(problem: &Problem<'_>) -> Option<Vec<u8>> {
    let kind = problem.kind;
    let title = problem.title.as_deref().map_or(0, str::len);
    let mut json = Json::with_capacity(112 + kind.base.base.len() + title + problem.detail.len());
    // The base holds URI characters only (`TypeBase::new`): nothing to escape in it.
    json.raw(r#"{"type":""#)
        .raw(&kind.base.base)
        .raw(kind.separator())
        .number(kind.code.into())
        .raw(r#"","status":"#)
        .number(problem.status.into());
    if let Some(title) = &problem.title {
        json.raw(r#","title":"#).string(title);
    }
    json.raw(r#","detail":"#)
        .string(problem.detail)
        .raw(r#","error_code":"#)
        .number(problem.error_code.into());
    if let Some(seconds) = problem.retry_after {
        json.raw(r#","retry_after":"#).number(seconds);
    }
    json.raw("}");
    json.finish()
}

/// The `title` of a problem: the localized message without arguments, unless its text depends
/// on them (a title must not change from occurrence to occurrence of a problem type, except to
/// localize it, RFC 9457 3.1.3). Only a lookup that went cleanly (or fell back to code 1's
/// text) gives one: a message that failed in a preferred locale may have fallen back to one that
/// needs an argument, whose placeholder must never reach a title.
pub(crate) fn title<'t>(
    lang: &Lang<'_>,
    code: u32,
    args: Option<&FluentArgs>,
    found: &'t Localized<'_>,
) -> Option<Cow<'t, str>> {
    let clean = |found: &Localized<'_>| matches!(found.problem, None | Some(Error::UnknownCode(_)));
    if args.is_none() {
        return clean(found).then(|| Cow::Borrowed(found.text.as_ref()));
    }
    let bare = lang.localize(code, None);
    clean(&bare).then(|| Cow::Owned(bare.text.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_joins_as_one_path_segment() {
        for (base, expected) in [
            ("https://x/errors", "https://x/errors/110"),
            ("https://x/errors/", "https://x/errors/110"),
            ("urn:example:errors:", "urn:example:errors:110"),
        ] {
            let base = TypeBase::new(base).unwrap();
            assert_eq!(base.join(110).to_string(), expected);
            let problem = Problem {
                kind: base.join(110),
                status: 401,
                title: None,
                detail: "",
                error_code: 110,
                retry_after: None,
            };
            let body: serde_json::Value =
                serde_json::from_slice(&to_json(&problem).unwrap()).unwrap();
            assert_eq!(body["type"], expected);
        }
    }

    #[test]
    fn the_written_body_is_what_serde_json_writes() {
        let bases = [
            "https://x/errors",
            "urn:example:errors:",
            "https://x/a%20b/(x)'s/",
        ];
        let texts = [
            "无效的access token",
            "quote \" backslash \\ tab \t nul \u{0} \u{2028}",
            "",
        ];
        for base in bases {
            let base = TypeBase::new(base).unwrap();
            for (text, title) in texts.iter().zip([None, Some("t\"itle"), Some("")]) {
                for retry_after in [None, Some(0), Some(u64::MAX)] {
                    for (status, code) in [(401, 110), (200, 0), (599, u32::MAX)] {
                        let problem = Problem {
                            kind: base.join(code),
                            status,
                            title: title.map(Cow::Borrowed),
                            detail: text,
                            error_code: code,
                            retry_after,
                        };
                        assert_eq!(
                            to_json(&problem).unwrap(),
                            serde_json::to_vec(&problem).unwrap(),
                            "{text:?} {title:?} {retry_after:?} {code}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_base_that_is_not_an_absolute_uri_is_refused() {
        for base in [
            "",
            "/errors/",
            "errors",
            "1http://x/",
            "https:",
            "https://x/errors?lang=en",
            "https://x/#errors",
            "https://x/my errors/",
            "https://x/fehler/é",
            // RFC 3986 2.1: pct-encoded = "%" HEXDIG HEXDIG.
            "https://x/100%/",
            "https://x/a%2/",
            "https://x/a%zz/",
            "https://x/a%",
            // RFC 9110 4.2.1: "A sender MUST NOT generate an "http" URI with an empty host".
            "http:///errors/",
            "https://",
            "https://user@/errors/",
            "https://:443/errors/",
            "https:/errors/",
            "HTTPS:///errors",
        ] {
            assert!(TypeBase::new(base).is_err(), "{base:?}");
        }
    }

    #[test]
    fn well_formed_bases_are_accepted() {
        for base in [
            "https://x/a%20b/",
            "https://x/%E6%97%A0/",
            "https://user@x:8443/errors/",
            "http://[2001:db8::1]/errors/",
            "http://[2001:db8::1]:8080/errors",
            "https://x",
            "urn:example:errors:",
            "tag:example.com,2026:errors/",
        ] {
            assert!(TypeBase::new(base).is_ok(), "{base:?}");
        }
    }
}
