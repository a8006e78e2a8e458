use std::fmt;

/// What went wrong in [`resolve`](crate::resolve), [`ErrorCode::try_from`](crate::ErrorCode)
/// or [`Catalog::from_sources`](crate::Catalog::from_sources).
///
/// [`message`](crate::message) never fails: where this type names a problem, `message`
/// still answers with the best text it has (see each variant).
///
/// # Examples
///
/// ```
/// use api_error_i18n::{resolve, Error};
///
/// assert_eq!(resolve(4242, "en-US", None), Err(Error::UnknownCode(4242)));
/// assert_eq!(
///     resolve(5, "en-US", None).unwrap_err().to_string(),
///     "message `error-5` needs the argument `$ip`, which was not given",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// No locale of the catalog has a message for this code.
    ///
    /// `message` answers with the message of code 1, "Unknown error", in the caller's language.
    UnknownCode(u32),
    /// The message takes an argument the caller did not give; `name` is the first one missing,
    /// without its `$`.
    ///
    /// `message` answers with the placeholder left visible: `{$ip}`.
    MissingArgument {
        /// The code whose message needs the argument.
        code: u32,
        /// The argument's name, without its `$` (`ip`).
        name: String,
    },
    /// Fluent could not resolve the message for another reason (a reference to a missing term
    /// or message, a cycle); `detail` is Fluent's own description.
    ///
    /// `message` answers with what Fluent produced, the broken reference shown in braces.
    Format {
        /// The code whose message failed.
        code: u32,
        /// The locale whose message failed.
        locale: String,
        /// Fluent's description of the problem.
        detail: String,
    },
    /// A catalog source was given for a name that is not a BCP 47 language tag.
    InvalidLocale(String),
    /// A catalog was built without a source for its default locale.
    MissingDefault(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownCode(code) => write!(f, "no locale has a message for code {code}"),
            Error::MissingArgument { code, name } => write!(
                f,
                "message `error-{code}` needs the argument `${name}`, which was not given"
            ),
            Error::Format {
                code,
                locale,
                detail,
            } => write!(
                f,
                "message `error-{code}` in {locale} failed to format: {detail}"
            ),
            Error::InvalidLocale(name) => write!(f, "`{name}` is not a BCP 47 language tag"),
            Error::MissingDefault(tag) => {
                write!(f, "the catalog has no source for its default locale {tag}")
            }
        }
    }
}

impl std::error::Error for Error {}
