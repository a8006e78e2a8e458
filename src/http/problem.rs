//! RFC 9457 problem details: `application/problem+json`, one problem type per code.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::error::Error;
use crate::lang::{Lang, Localized};
use fluent_bundle::FluentArgs;

/// The problem details media type (RFC 9457 3).
pub(crate) const CONTENT_TYPE: &str = "application/problem+json";

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
        Ok(TypeBase {
            base: base.into(),
            slash: !base.ends_with(['/', ':']),
        })
    }

    /// The problem type of `code`: the base and the code, as one more path segment.
    pub(crate) fn join(&self, code: u32) -> String {
        let separator = if self.slash { "/" } else { "" };
        format!("{}{separator}{code}", self.base)
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
    pub(crate) kind: String,
    pub(crate) status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) title: Option<Cow<'a, str>>,
    pub(crate) detail: &'a str,
    pub(crate) error_code: u32,
    /// An extension member: seconds to wait before retrying, as `Retry-After` says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) retry_after: Option<u64>,
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
            assert_eq!(TypeBase::new(base).unwrap().join(110), expected, "{base}");
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
        ] {
            assert!(TypeBase::new(base).is_err(), "{base:?}");
        }
    }
}
