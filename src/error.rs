//! What can go wrong: looking up a message ([`Error`], with its [`Cause`]) and building a
//! catalog ([`BuildError`]), as two types, so that a lookup never reports a build problem.

use std::fmt;

/// What went wrong in a lookup: [`resolve`](crate::resolve), [`Lang::resolve`](crate::Lang),
/// [`Localized::problem`](crate::Localized), or [`ErrorCode::try_from`](crate::ErrorCode).
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
    /// The message of `locale` cannot be formatted for a reason other than a missing argument:
    /// a reference to a message or term that locale lacks, a cycle of references, fluent's
    /// limit of placeables. The first locale of the chain where this happened is named.
    ///
    /// `message` treats such a message as absent in that locale and answers from the next one
    /// of the chain (ending with code 1's text), never with Fluent's `{-term}` placeholders.
    Format {
        /// The code whose message failed.
        code: u32,
        /// The locale whose message failed.
        locale: String,
        /// Why it failed.
        cause: Cause,
    },
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
                cause,
            } => write!(
                f,
                "message `error-{code}` in {locale} cannot be formatted: {cause}"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Why a message could not be formatted: the cause in [`Error::Format`].
///
/// # Examples
///
/// ```
/// use api_error_i18n::{Catalog, Cause, Error};
///
/// let catalog = Catalog::from_sources(
///     "en",
///     [("en", "error-1 = Unknown error\nerror-7 = Welcome to { -brand }\n")],
/// )?;
/// let error = catalog.resolve(7, "en", None).unwrap_err();
/// assert_eq!(
///     error,
///     Error::Format { code: 7, locale: "en".to_owned(), cause: Cause::UnknownReference("-brand".to_owned()) },
/// );
/// assert_eq!(error.to_string(), "message `error-7` in en cannot be formatted: `-brand` is not defined");
/// // `message` never shows the broken reference: it serves code 1 instead.
/// assert_eq!(catalog.message(7, "en", None), "Unknown error");
/// # Ok::<(), api_error_i18n::BuildError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cause {
    /// A reference to a message, term, attribute or function that is not defined, as written:
    /// `error-2`, `-brand`, `error-2.title`, `PLURAL()`.
    UnknownReference(String),
    /// A reference to a message that has attributes but no value.
    NoValue(String),
    /// References that lead back to the message being formatted, or to another message that
    /// does.
    Cycle,
    /// Placeables and references nested deeper than the catalog resolves (32 levels): fluent's
    /// resolver recurses, and that depth could overflow a small thread stack.
    TooDeep,
    /// More placeables than fluent formats in one message (100, references included).
    TooManyPlaceables,
    /// Anything else fluent reports, in its own words.
    Other(String),
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cause::UnknownReference(name) => write!(f, "`{name}` is not defined"),
            Cause::NoValue(name) => write!(f, "`{name}` has no value"),
            Cause::Cycle => f.write_str("its references form a cycle"),
            Cause::TooDeep => f.write_str("its placeables and references nest too deep"),
            Cause::TooManyPlaceables => f.write_str("it has more placeables than fluent formats"),
            Cause::Other(detail) => f.write_str(detail),
        }
    }
}

/// Why a catalog could not be built: [`Catalog::from_sources`](crate::Catalog::from_sources)
/// and [`Catalog::over`](crate::Catalog::over).
///
/// # Examples
///
/// ```
/// use api_error_i18n::{BuildError, Catalog};
///
/// let built = Catalog::from_sources("en", [("en", ""), ("english!", "")]);
/// assert_eq!(built.err(), Some(BuildError::InvalidLocale("english!".to_owned())));
/// let built = Catalog::from_sources("de", [("en", "")]);
/// assert_eq!(built.unwrap_err().to_string(), "the catalog has no source for its default locale de");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildError {
    /// A catalog source was given for a name that is not a BCP 47 language tag.
    InvalidLocale(String),
    /// A catalog was built without a source for its default locale.
    MissingDefault(String),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::InvalidLocale(name) => write!(f, "`{name}` is not a BCP 47 language tag"),
            BuildError::MissingDefault(tag) => {
                write!(f, "the catalog has no source for its default locale {tag}")
            }
        }
    }
}

impl std::error::Error for BuildError {}
