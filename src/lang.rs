//! The lookup: a locale string negotiated once against one catalog ([`Lang`]), then asked for
//! any number of messages, each answered as a [`Localized`]. Every lookup goes through here:
//! string → languages → chain (`negotiation/`) → `Lang` → message (`catalog/`, `format/`).
//! `Catalog`'s lookup methods live here too, so that `catalog/` never names what is built on it.

use std::borrow::Cow;
use std::fmt;

use fluent_bundle::FluentArgs;

use crate::catalog::messages::Messages;
use crate::catalog::Catalog;
use crate::error::Error;
use crate::negotiation::{self, chain::Chain};

/// The code whose message answers for a code no locale has.
const UNKNOWN_CODE: u32 = 1;

/// The languages a client asked for, negotiated against a catalog: a fallback chain of the
/// catalog's locales, most preferred first, ending with the default locale.
///
/// Get one with [`negotiate`](crate::negotiate) (the embedded catalog) or
/// [`Catalog::negotiate`], once per request, then ask it for messages. It is `Copy` (48 bytes),
/// `Send` and `Sync`, and holds no lock and no borrow of a thread-local: keep
/// it for the whole request, hand it to other tasks. [`message`](crate::message) and
/// [`resolve`](crate::resolve) are `negotiate(locale)` followed by these methods, and answer the
/// same for every input.
///
/// A chain holds at most 15 locales: a header that reaches more keeps its most preferred ones
/// and the default.
///
/// # Examples
///
/// ```
/// use api_error_i18n::{negotiate, FluentArgs};
///
/// let lang = negotiate("zh-TW,zh;q=0.9,en;q=0.8");
/// assert_eq!(lang.message(110, None), "無效的 access token");
///
/// let mut args = FluentArgs::new();
/// args.set("ip", "203.0.113.7");
/// let found = lang.localize(5, Some(&args));
/// assert_eq!((found.text.as_ref(), found.locale), ("請求來自未經授權的 IP 位址：203.0.113.7", "zh-TW"));
/// ```
#[derive(Clone, Copy)]
pub struct Lang<'a> {
    catalog: &'a Catalog,
    chain: Chain,
    /// The preferred locale's messages, found once: the common case is one index away.
    first: Option<&'a Messages>,
}

/// The text of one message, the locale that served it, and what went wrong, if anything.
///
/// [`Lang::localize`] always gives one; [`Lang::resolve`] gives one only when nothing went
/// wrong.
///
/// # Examples
///
/// ```
/// use api_error_i18n::{negotiate, Error};
///
/// let found = negotiate("zh-SG, en;q=0.5").localize(110, None);
/// assert_eq!((found.text.as_ref(), found.locale, found.problem), ("无效的access token", "zh-CN", None));
///
/// // An unknown code still answers, with code 1's text, and says why.
/// let found = negotiate("zh-CN").localize(4242, None);
/// assert_eq!((found.text.as_ref(), found.locale), ("未知错误", "zh-CN"));
/// assert_eq!(found.problem, Some(Error::UnknownCode(4242)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Localized<'a> {
    /// The message.
    pub text: Cow<'a, str>,
    /// The tag of the locale whose message this is, as named in the catalog (`zh-CN`): the value
    /// for a `Content-Language` header.
    pub locale: &'a str,
    /// What went wrong, for the logs: an unknown code (the text is code 1's), a missing
    /// argument (its placeholder is visible), a message that could not be formatted in a
    /// preferred locale (the text is the next locale's). `None` when nothing did.
    pub problem: Option<Error>,
}

/// What [`Lang::localize`] answers when not even code 1 has a message in any locale (only
/// possible in a custom catalog).
const LAST_RESORT: &str = "Unknown error";

impl<'a> Lang<'a> {
    #[inline]
    fn new(catalog: &'a Catalog, chain: Chain) -> Lang<'a> {
        let first = chain
            .as_slice()
            .first()
            .and_then(|&index| catalog.locale(usize::from(index)))
            .map(|locale| locale.messages());
        Lang {
            catalog,
            chain,
            first,
        }
    }

    /// The catalog this chain was negotiated against: the one every message of a response
    /// comes from (the web side reads its default locale's text from it too).
    #[cfg_attr(not(feature = "http"), allow(dead_code))]
    pub(crate) fn catalog(&self) -> &'a Catalog {
        self.catalog
    }

    /// The text for `code`. Always answers, never panics: see [`message`](crate::message).
    ///
    /// Without arguments, a plain message is returned borrowed, with no allocation and no
    /// lock: the cost of a slice index or two.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::negotiate;
    ///
    /// let lang = negotiate("en-GB");
    /// assert_eq!(lang.message(111, None), "Access token expired");
    /// assert_eq!(lang.message(4242, None), "Unknown error");
    /// ```
    #[inline]
    pub fn message(&self, code: u32, args: Option<&FluentArgs>) -> Cow<'a, str> {
        // The common case, inline: the preferred locale has the code as plain text.
        if let Some(text) = self.first.and_then(|messages| messages.plain_text(code)) {
            return Cow::Borrowed(text);
        }
        self.localize(code, args).text
    }

    /// The text for `code` and the locale that served it, or what went wrong: see
    /// [`resolve`](crate::resolve).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCode`], [`Error::MissingArgument`] or [`Error::Format`]: the
    /// [`problem`](Localized::problem) that [`Lang::localize`] would report.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{negotiate, Error};
    ///
    /// let lang = negotiate("zh_CN.UTF-8");
    /// let found = lang.resolve(0, None)?;
    /// assert_eq!((found.text.as_ref(), found.locale), ("成功", "zh-CN"));
    /// assert_eq!(lang.resolve(4242, None), Err(Error::UnknownCode(4242)));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn resolve(&self, code: u32, args: Option<&FluentArgs>) -> Result<Localized<'a>, Error> {
        let found = self.localize(code, args);
        match found.problem {
            Some(problem) => Err(problem),
            None => Ok(found),
        }
    }

    /// The text for `code`, the locale that served it and what went wrong, in one call that
    /// always answers: what an error response needs (the body, `Content-Language`, a log line).
    ///
    /// The text and locale are [`message`](Lang::message)'s: for an unknown code, code 1's
    /// message and its locale.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{negotiate, Error};
    ///
    /// let found = negotiate("zh-CN").localize(5, None);
    /// assert_eq!((found.text.as_ref(), found.locale), ("请求来自未经授权的IP地址：{$ip}", "zh-CN"));
    /// assert_eq!(found.problem, Some(Error::MissingArgument { code: 5, name: "ip".into() }));
    /// ```
    pub fn localize(&self, code: u32, args: Option<&FluentArgs>) -> Localized<'a> {
        let broken = match self.first_servable(code, args) {
            Ok(found) => return found,
            Err(broken) => broken,
        };
        let problem = Some(broken.unwrap_or(Error::UnknownCode(code)));
        match self.first_servable(UNKNOWN_CODE, args) {
            Ok(found) => Localized { problem, ..found },
            Err(_) => Localized {
                text: Cow::Borrowed(LAST_RESORT),
                locale: self.catalog.default_locale(),
                problem,
            },
        }
    }

    /// The message of `code` from the first locale of the chain with a non-empty message that
    /// formats (a missing argument still counts as formatted: its placeholder is visible). A
    /// message that fails otherwise is skipped, and its problem comes with the answer; with no
    /// answer, the error is that problem, or `None` when no locale has the code.
    fn first_servable(
        &self,
        code: u32,
        args: Option<&FluentArgs>,
    ) -> Result<Localized<'a>, Option<Error>> {
        let mut broken = None;
        for &index in self.chain.as_slice() {
            let Some(locale) = self.catalog.locale(usize::from(index)) else {
                continue;
            };
            let Some(pattern) = locale.messages().get(code) else {
                continue;
            };
            let (text, problem) = locale.format(pattern, code, args);
            if let Some(Error::Format { .. }) = problem {
                broken = broken.or(problem);
                continue;
            }
            if !text.is_empty() {
                return Ok(Localized {
                    text,
                    locale: &locale.tag,
                    problem: broken.or(problem),
                });
            }
        }
        Err(broken)
    }

    /// The tags of the chain's locales, most preferred first; the last is the default locale.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::negotiate;
    ///
    /// let tags: Vec<&str> = negotiate("it, zh-HK;q=0.5").locales().collect();
    /// assert_eq!(tags, ["zh-TW", "zh-CN", "en-US"]);
    /// ```
    pub fn locales(&self) -> impl ExactSizeIterator<Item = &'a str> + '_ {
        let catalog = self.catalog;
        self.chain.as_slice().iter().map(move |&index| {
            catalog
                .locale(usize::from(index))
                .map_or("", |locale| &*locale.tag)
        })
    }
}

impl fmt::Debug for Lang<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Lang")
            .field(&self.locales().collect::<Vec<_>>())
            .finish()
    }
}

/// The lookups on a catalog of one's own: the same as the free functions on the embedded one.
impl Catalog {
    /// The text for `code` in the best language for `locale`. Always answers.
    ///
    /// See [`message`](crate::message) for what `locale` accepts and how fallback works; this
    /// is `self.negotiate(locale).message(code, args)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::Catalog;
    ///
    /// let catalog = Catalog::embedded();
    /// assert_eq!(catalog.message(111, "en-GB", None), "Access token expired");
    /// assert_eq!(catalog.message(4242, "zh", None), "未知错误");
    /// ```
    #[inline]
    pub fn message(&self, code: u32, locale: &str, args: Option<&FluentArgs>) -> Cow<'_, str> {
        // The common case without building a `Lang`: the memoized chain's first locale has the
        // code as plain text. What a `Lang` would add (holding the chain and the first
        // locale's messages for later calls) is what this one call does not need.
        let chain = negotiation::chain(self, locale);
        let first = chain
            .first()
            .and_then(|index| self.locale(usize::from(index)));
        if let Some(text) = first.and_then(|first| first.messages().plain_text(code)) {
            return Cow::Borrowed(text);
        }
        Lang::new(self, chain).localize(code, args).text
    }

    /// The text for `code` and the locale that served it, or what went wrong.
    ///
    /// See [`resolve`](crate::resolve); this is `self.negotiate(locale).resolve(code, args)`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCode`] when no locale has the code, [`Error::MissingArgument`] when the
    /// message needs an argument `args` lacks, [`Error::Format`] when a locale's message could
    /// not be formatted (that locale is skipped, as in [`Catalog::message`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{Catalog, Error};
    ///
    /// let catalog = Catalog::embedded();
    /// let found = catalog.resolve(0, "zh_CN.UTF-8", None)?;
    /// assert_eq!((found.text.as_ref(), found.locale), ("成功", "zh-CN"));
    /// assert_eq!(catalog.resolve(4242, "zh", None), Err(Error::UnknownCode(4242)));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn resolve(
        &self,
        code: u32,
        locale: &str,
        args: Option<&FluentArgs>,
    ) -> Result<Localized<'_>, Error> {
        self.negotiate(locale).resolve(code, args)
    }

    /// The fallback chain for a locale string, read as [`message`](crate::message) reads it:
    /// negotiate once per request, then ask for any number of messages.
    ///
    /// Memoized per thread by the exact string, so a header seen before costs a few
    /// nanoseconds.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::Catalog;
    ///
    /// let catalog = Catalog::from_sources(
    ///     "en",
    ///     [("en", "error-1 = Unknown error\nerror-7 = Out of coffee\n"), ("de", "error-7 = Kein Kaffee mehr\n")],
    /// )?;
    /// let lang = catalog.negotiate("de-AT, en;q=0.5");
    /// assert_eq!(lang.message(7, None), "Kein Kaffee mehr");
    /// assert_eq!(lang.localize(1, None).locale, "en");
    /// # Ok::<(), api_error_i18n::BuildError>(())
    /// ```
    #[inline]
    pub fn negotiate(&self, locale: &str) -> Lang<'_> {
        Lang::new(self, negotiation::chain(self, locale))
    }
}
