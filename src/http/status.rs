//! The HTTP status of each code, and the statuses an error may be sent with.

use http::StatusCode;

use crate::code::{Canonical, ErrorCode};

/// The HTTP status a code answers with by default: the status declared with each built-in code
/// (see [`ErrorCode`]'s table for why each), 400 Bad Request for any other code.
///
/// | codes | status |
/// |---|---|
/// | 0 | 200 OK |
/// | 100-109, 112, 114, 801, 950-953, and any code not listed here | 400 Bad Request |
/// | 110, 111 (bearer tokens) | 401 Unauthorized |
/// | 5-7, 210-212 (permissions) | 403 Forbidden |
/// | 3, 803, 900 | 404 Not Found |
/// | 804 | 409 Conflict |
/// | 4, 802 (limits, quotas) | 429 Too Many Requests |
/// | 1, 800 | 500 Internal Server Error |
/// | 2, 805 (try again) | 503 Service Unavailable |
///
/// [`ErrorFormat::status`](crate::ErrorFormat::status) replaces it.
///
/// # Examples
///
/// ```
/// use api_error_i18n::default_status;
/// use http::StatusCode;
///
/// assert_eq!(default_status(110), StatusCode::UNAUTHORIZED);
/// assert_eq!(default_status(804), StatusCode::CONFLICT);
/// assert_eq!(default_status(31001), StatusCode::BAD_REQUEST);
/// ```
pub fn default_status(code: u32) -> StatusCode {
    ErrorCode::try_from(code)
        .ok()
        .and_then(|known| StatusCode::from_u16(known.status()).ok())
        .unwrap_or(StatusCode::BAD_REQUEST)
}

/// The `google.rpc.Code` of an occurrence: the one declared with a built-in code; for an app's
/// code, the one whose HTTP mapping is the status the error has before the format's policy.
pub(crate) fn canonical(code: u32, natural: StatusCode) -> Canonical {
    match ErrorCode::try_from(code) {
        Ok(known) => known.canonical(),
        Err(_) => Canonical::from_status(natural.as_u16()),
    }
}

/// Whether an error can be sent with `status`: a status of RFC 9110 15's classes (100-599;
/// the `http` crate takes up to 999), not an informational one (never a final answer), not
/// one that forbids content (204, 205, 304; RFC 9110 15.3.5, 15.3.6, 15.4.5), and not 407,
/// which must carry a `Proxy-Authenticate` challenge (RFC 9110 15.5.8) that only a proxy can
/// state.
pub(crate) fn carries_content(status: StatusCode) -> bool {
    (200..=599).contains(&status.as_u16())
        && !matches!(
            status,
            StatusCode::NO_CONTENT
                | StatusCode::RESET_CONTENT
                | StatusCode::NOT_MODIFIED
                | StatusCode::PROXY_AUTHENTICATION_REQUIRED
        )
}
