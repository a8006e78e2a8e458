//! A catalog: its locales, how it is built from sources and layered over another, and the
//! lookups of one locale's messages (`locale.rs`, `messages.rs`).
//!
//! A catalog knows nothing of locale strings or chains: `negotiation/` reads those, and
//! `lang.rs` asks the catalog for locales by index.

pub(crate) mod locale;
pub(crate) mod messages;

use std::borrow::Cow;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use unic_langid::LanguageIdentifier;

use crate::catalog::locale::Locale;
use crate::error::BuildError;
use crate::pseudo::Pseudo;

/// A set of locales, each with its Fluent sources, and the default locale that ends every
/// fallback chain.
///
/// The crate's own catalog, built from the embedded `locales/` folder, is
/// [`Catalog::embedded`]; [`message`](crate::message) and [`resolve`](crate::resolve) use it.
/// Build another with [`Catalog::from_sources`] for messages that live elsewhere, or for tests.
///
/// A locale's sources are parsed the first time a lookup needs that locale, once, and are
/// shared by all threads after that.
///
/// # Examples
///
/// ```
/// use api_error_i18n::Catalog;
///
/// let catalog = Catalog::from_sources(
///     "en-US",
///     [
///         ("en-US", "error-1 = Unknown error\nerror-7001 = Out of coffee\n"),
///         ("de", "error-7001 = Kein Kaffee mehr\n"),
///     ],
/// )?;
/// assert_eq!(catalog.message(7001, "de-AT", None), "Kein Kaffee mehr");
/// assert_eq!(catalog.message(7001, "fr", None), "Out of coffee");
/// # Ok::<(), api_error_i18n::BuildError>(())
/// ```
pub struct Catalog {
    /// Tells this catalog's entries apart in the per-thread chain memo: new for every catalog
    /// whose locales differ.
    memo_key: u64,
    /// Sorted by tag.
    locales: Box<[Locale]>,
    /// Index of the default locale in `locales`.
    default: usize,
}

impl Catalog {
    /// Builds a catalog from `(locale, source)` pairs, where each source is the text of one
    /// `.ftl` file. A locale may have several sources; when two define the same message, the
    /// first one given wins.
    ///
    /// Sources are not parsed here but at first use. A source with syntax errors serves the
    /// messages that did parse (the embedded catalog's files are checked at build time instead).
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidLocale`] when a locale is not a BCP 47 tag, [`BuildError::MissingDefault`]
    /// when no source is given for `default_locale`.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{BuildError, Catalog};
    ///
    /// let catalog = Catalog::from_sources("en", [("en", "error-1 = Oops\n")])?;
    /// assert_eq!(catalog.message(99, "en", None), "Oops");
    ///
    /// let bad = Catalog::from_sources("en", [("en", ""), ("english!", "")]);
    /// assert_eq!(bad.err(), Some(BuildError::InvalidLocale("english!".to_owned())));
    /// # Ok::<(), BuildError>(())
    /// ```
    pub fn from_sources<I, L, S>(default_locale: &str, sources: I) -> Result<Catalog, BuildError>
    where
        I: IntoIterator<Item = (L, S)>,
        L: AsRef<str>,
        S: Into<Cow<'static, str>>,
    {
        let default_id = parse_tag(default_locale)?;
        let mut locales: Vec<Locale> = Vec::new();
        for (tag, source) in sources {
            let id = parse_tag(tag.as_ref())?;
            match locales.iter_mut().find(|locale| locale.language == id) {
                Some(locale) => locale.sources.push(source.into()),
                None => locales.push(Locale::new(id, vec![source.into()], None)),
            }
        }
        locales.sort_by(|a, b| a.tag.cmp(&b.tag));
        let default = locales
            .iter()
            .position(|locale| locale.language == default_id)
            .ok_or_else(|| BuildError::MissingDefault(default_id.to_string()))?;
        Ok(Catalog {
            memo_key: next_memo_key(),
            locales: locales.into(),
            default,
        })
    }

    /// A catalog of `sources` layered over `base`: for each locale, the messages of `sources`
    /// first, then `base`'s, so an app may reword one message in one language and keep every
    /// other; a language only `sources` has serves its own messages and, through the chain,
    /// `base`'s. The default locale is `base`'s. [`catalog!`](crate::catalog!) builds one from
    /// an app's embedded `locales/` over the built-in catalog.
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidLocale`] when a locale of `sources` is not a BCP 47 tag.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::Catalog;
    ///
    /// let app = Catalog::over(
    ///     Catalog::embedded(),
    ///     [
    ///         ("zh-CN", "error-110 = 令牌无效，请重新登录\n"),
    ///         ("en-US", "error-31001 = Out of coffee\n"),
    ///         ("eo", "error-31001 = Kafo elĉerpita\n"),
    ///     ],
    /// )?;
    /// assert_eq!(app.message(110, "zh-CN", None), "令牌无效，请重新登录"); // reworded
    /// assert_eq!(app.message(111, "zh-CN", None), "access token过期"); // built in
    /// assert_eq!(app.message(31001, "eo", None), "Kafo elĉerpita"); // the app's language
    /// assert_eq!(app.message(4, "eo", None), "Open api request limit reached"); // chain
    /// # Ok::<(), api_error_i18n::BuildError>(())
    /// ```
    pub fn over<I, L, S>(base: &Catalog, sources: I) -> Result<Catalog, BuildError>
    where
        I: IntoIterator<Item = (L, S)>,
        L: AsRef<str>,
        S: Into<Cow<'static, str>>,
    {
        let own: Vec<(String, Cow<'static, str>)> = sources
            .into_iter()
            .map(|(tag, source)| (tag.as_ref().to_owned(), source.into()))
            .collect();
        // The first definition of an id wins: the layer's sources come first in each locale.
        let beneath = base
            .locales
            .iter()
            .filter(|locale| locale.pseudo.is_none())
            .flat_map(|locale| {
                let tag = locale.tag.to_string();
                locale
                    .sources
                    .iter()
                    .map(move |source| (tag.clone(), source.clone()))
            });
        let default = base.default_locale().to_owned();
        Catalog::from_sources(&default, own.into_iter().chain(beneath))
    }

    /// This catalog with the pseudo-locales `en-XA` and `ar-XB` added, made from the default
    /// locale's sources (see `pseudo.rs`). Its locales differ, so it takes a new memo key: a
    /// chain memoized for `self` (by index) must not serve it.
    pub(crate) fn with_pseudo_locales(self) -> Catalog {
        let Some(default) = self.locales.get(self.default) else {
            return self;
        };
        let (default_id, sources) = (default.language.clone(), default.sources.clone());
        let mut locales = Vec::from(self.locales);
        for (pseudo, tag) in Pseudo::ALL {
            let Ok(id) = tag.parse::<LanguageIdentifier>() else {
                continue;
            };
            if !locales.iter().any(|locale| locale.language == id) {
                locales.push(Locale::new(id, sources.clone(), Some(pseudo)));
            }
        }
        locales.sort_by(|a, b| a.tag.cmp(&b.tag));
        let default = locales
            .iter()
            .position(|l| l.language == default_id)
            .unwrap_or(0);
        Catalog {
            memo_key: next_memo_key(),
            locales: locales.into(),
            default,
        }
    }

    /// A catalog with no locales, whose every answer is the last resort.
    pub(crate) fn empty() -> Catalog {
        Catalog {
            memo_key: next_memo_key(),
            locales: Box::new([]),
            default: 0,
        }
    }

    /// The tags of the catalog's locales, sorted.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::Catalog;
    ///
    /// let tags: Vec<&str> = Catalog::embedded().locales().collect();
    /// assert!(tags.contains(&"en-US") && tags.contains(&"zh-CN"));
    /// ```
    pub fn locales(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.locales.iter().map(|locale| &*locale.tag)
    }

    /// The tag of the locale that ends every fallback chain.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::Catalog;
    ///
    /// assert_eq!(Catalog::embedded().default_locale(), "en-US");
    /// ```
    pub fn default_locale(&self) -> &str {
        self.locale(self.default).map_or("", |locale| &*locale.tag)
    }

    /// The locale at `index`, as a chain names it.
    #[inline]
    pub(crate) fn locale(&self, index: usize) -> Option<&Locale> {
        self.locales.get(index)
    }

    /// Every locale, sorted by tag; a chain holds indices into this.
    pub(crate) fn all_locales(&self) -> &[Locale] {
        &self.locales
    }

    /// The index of the default locale, if the catalog has any locale.
    pub(crate) fn default_index(&self) -> Option<usize> {
        self.locales.get(self.default).map(|_| self.default)
    }

    /// What tells this catalog apart in the per-thread chain memo.
    #[inline]
    pub(crate) fn memo_key(&self) -> u64 {
        self.memo_key
    }
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("locales", &self.locales().collect::<Vec<_>>())
            .field("default_locale", &self.default_locale())
            .finish()
    }
}

fn next_memo_key() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn parse_tag(tag: &str) -> Result<LanguageIdentifier, BuildError> {
    tag.parse()
        .map_err(|_| BuildError::InvalidLocale(tag.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lookup memoizes the chain by the catalog's memo key; the catalog with pseudo-locales
    /// has other locales at other indices, so it must not be served that chain.
    #[test]
    fn pseudo_locales_take_a_new_memo_key() {
        let catalog = Catalog::from_sources(
            "en-US",
            [
                ("en-US", "error-1 = Unknown error\n"),
                ("fr", "error-1 = Erreur inconnue\n"),
            ],
        )
        .unwrap();
        assert_eq!(catalog.message(1, "fr", None), "Erreur inconnue");
        let with_pseudo = catalog.with_pseudo_locales();
        // ar-XB now sorts first: index 0 is no longer en-US, nor index 2 fr.
        assert_eq!(with_pseudo.message(1, "fr", None), "Erreur inconnue");
        assert_eq!(
            with_pseudo.negotiate("fr").locales().collect::<Vec<_>>(),
            ["fr", "en-US"]
        );
    }
}
