//! The message id convention: the message for code `c` has the id `error-<c>`, the number
//! written in decimal without leading zeros (`error-0`, `error-110`). One spelling per code, so
//! a code names its id and an id names at most one code.

/// What every code's message id starts with.
pub const ID_PREFIX: &str = "error-";

/// The id of the message for `code`.
///
/// ```
/// assert_eq!(api_error_i18n_source::message_id(7), "error-7");
/// ```
pub fn message_id(code: u32) -> String {
    format!("{ID_PREFIX}{code}")
}

/// The code of a canonical message id `error-<code>`, or `None` for any other id: terms,
/// helper messages, and ids that only look like a code's (`error-007`, `error-99999999999`).
///
/// ```
/// use api_error_i18n_source::code_of;
///
/// assert_eq!(code_of("error-0"), Some(0));
/// assert_eq!(code_of("error-950"), Some(950));
/// assert_eq!(code_of("error-007"), None);
/// assert_eq!(code_of("error-+7"), None);
/// assert_eq!(code_of("brand"), None);
/// ```
pub fn code_of(id: &str) -> Option<u32> {
    let digits = digits(id)?;
    let canonical = digits == "0" || !digits.starts_with('0');
    canonical.then(|| digits.parse().ok()).flatten()
}

/// Whether `id` is `error-` followed by digits that name no code: a leading zero
/// (`error-007`) or a number beyond `u32`. Served by no lookup, and an error for the checks:
/// its author meant a code.
///
/// ```
/// use api_error_i18n_source::malformed_code_id;
///
/// assert!(malformed_code_id("error-007"));
/// assert!(malformed_code_id("error-4294967296"));
/// assert!(!malformed_code_id("error-7"));
/// assert!(!malformed_code_id("error-title"));
/// ```
pub fn malformed_code_id(id: &str) -> bool {
    digits(id).is_some() && code_of(id).is_none()
}

/// The digits after the prefix, if that is all there is.
fn digits(id: &str) -> Option<&str> {
    let digits = id.strip_prefix(ID_PREFIX)?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}
