use std::borrow::Cow;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use api_error_i18n_lint::{Depth, Graph, Node, MAX_DEPTH};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use fluent_syntax::ast;
use once_cell::sync::OnceCell;
use rustc_hash::FxHashMap;
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::cache::{self, Chain};
use crate::language::{self, Requested};
use crate::pattern::{self, Pattern, Simple};
use crate::pseudo::Pseudo;
use crate::{Cause, Error, Lang, Localized};

/// The code whose message answers for a code no locale has.
pub(crate) const UNKNOWN_CODE: u32 = 1;

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
/// # Ok::<(), api_error_i18n::Error>(())
/// ```
pub struct Catalog {
    /// Tells this catalog's entries apart in the per-thread chain memo.
    id: u64,
    /// Sorted by tag.
    locales: Box<[Locale]>,
    /// Index of the default locale in `locales`.
    default: usize,
}

struct Locale {
    id: LanguageIdentifier,
    tag: Box<str>,
    sources: Vec<Cow<'static, str>>,
    /// Parsed on first use.
    messages: OnceCell<Messages>,
    /// Built only when a message needs fluent's resolver (selectors, terms, functions, custom
    /// argument types): most catalogs never pay for it.
    bundle: OnceCell<FluentBundle<FluentResource>>,
    /// A pseudo-locale: the default locale's sources, its text transformed.
    pseudo: Option<Pseudo>,
}

/// A locale's compiled messages by code. Only canonical `error-<code>` ids are kept, so a code
/// is all it takes to name the id.
pub(crate) struct Messages {
    patterns: Vec<Pattern>,
    index: CodeIndex,
}

/// Where a code's pattern is in `Messages::patterns`.
enum CodeIndex {
    /// For codes that are few and small (API error codes are): `slots[code]` is the pattern's
    /// position plus one, 0 for none. One bounds check and one load, against about 25
    /// instructions for a hash map lookup.
    Dense(Box<[u32]>),
    /// For anything else.
    Sparse(FxHashMap<u32, u32>),
}

/// A dense index may use this many slots per message, plus [`DENSE_SLACK`]: bounded memory
/// whatever the codes.
const DENSE_SLOTS_PER_MESSAGE: usize = 8;
const DENSE_SLACK: usize = 1024;

/// A message found in some locale of a chain.
pub(crate) struct Found<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) locale: &'a str,
    /// Boxed: plain messages never have one, and a small `Found` costs nothing to return.
    pub(crate) problem: Option<Box<Error>>,
}

impl Catalog {
    /// The catalog embedded from this crate's `locales/` folder at build time.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{Catalog, DEFAULT_LOCALE};
    ///
    /// let catalog = Catalog::embedded();
    /// assert_eq!(catalog.default_locale(), DEFAULT_LOCALE);
    /// assert!(catalog.locales().any(|tag| tag == "zh-CN"));
    /// ```
    pub fn embedded() -> &'static Catalog {
        crate::embedded::catalog()
    }

    /// Builds a catalog from `(locale, source)` pairs, where each source is the text of one
    /// `.ftl` file. A locale may have several sources; when two define the same message, the
    /// first one given wins.
    ///
    /// Sources are not parsed here but at first use. A source with syntax errors serves the
    /// messages that did parse (the embedded catalog's files are checked at build time instead).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidLocale`] when a locale is not a BCP 47 tag, [`Error::MissingDefault`]
    /// when no source is given for `default_locale`.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{Catalog, Error};
    ///
    /// let catalog = Catalog::from_sources("en", [("en", "error-1 = Oops\n")])?;
    /// assert_eq!(catalog.message(99, "en", None), "Oops");
    ///
    /// let bad = Catalog::from_sources("en", [("en", ""), ("english!", "")]);
    /// assert_eq!(bad.err(), Some(Error::InvalidLocale("english!".to_owned())));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn from_sources<I, L, S>(default_locale: &str, sources: I) -> Result<Catalog, Error>
    where
        I: IntoIterator<Item = (L, S)>,
        L: AsRef<str>,
        S: Into<Cow<'static, str>>,
    {
        let default_id = parse_tag(default_locale)?;
        let mut locales: Vec<Locale> = Vec::new();
        for (tag, source) in sources {
            let id = parse_tag(tag.as_ref())?;
            match locales.iter_mut().find(|locale| locale.id == id) {
                Some(locale) => locale.sources.push(source.into()),
                None => locales.push(Locale::new(id, vec![source.into()], None)),
            }
        }
        locales.sort_by(|a, b| a.tag.cmp(&b.tag));
        let default = locales
            .iter()
            .position(|locale| locale.id == default_id)
            .ok_or_else(|| Error::MissingDefault(default_id.to_string()))?;
        Ok(Catalog {
            id: next_id(),
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
    /// [`Error::InvalidLocale`] when a locale of `sources` is not a BCP 47 tag.
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
    /// # Ok::<(), api_error_i18n::Error>(())
    /// ```
    pub fn over<I, L, S>(base: &Catalog, sources: I) -> Result<Catalog, Error>
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
    /// locale's sources (see `pseudo.rs`).
    pub(crate) fn with_pseudo_locales(self) -> Catalog {
        let Some(default) = self.locales.get(self.default) else {
            return self;
        };
        let (default_id, sources) = (default.id.clone(), default.sources.clone());
        let mut locales = Vec::from(self.locales);
        for (pseudo, tag) in Pseudo::ALL {
            let Ok(id) = tag.parse::<LanguageIdentifier>() else {
                continue;
            };
            if !locales.iter().any(|locale| locale.id == id) {
                locales.push(Locale::new(id, sources.clone(), Some(pseudo)));
            }
        }
        locales.sort_by(|a, b| a.tag.cmp(&b.tag));
        let default = locales.iter().position(|l| l.id == default_id).unwrap_or(0);
        Catalog {
            id: self.id,
            locales: locales.into(),
            default,
        }
    }

    /// A catalog with no locales, whose every answer is the last resort.
    pub(crate) fn empty() -> Catalog {
        Catalog {
            id: next_id(),
            locales: Box::new([]),
            default: 0,
        }
    }

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
        self.negotiate(locale).message(code, args)
    }

    /// The compiled messages of the chain's first locale, parsed now if they were not yet.
    #[inline]
    pub(crate) fn first_messages(&self, chain: &[u16]) -> Option<&Messages> {
        let first = self.locales.get(usize::from(*chain.first()?))?;
        Some(first.messages())
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
    /// # Ok::<(), api_error_i18n::Error>(())
    /// ```
    #[inline]
    pub fn negotiate(&self, locale: &str) -> Lang<'_> {
        Lang::new(
            self,
            cache::chain(self.id, locale, || self.chain_for(locale)),
        )
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
        self.tag(self.default)
    }

    /// The tag of the locale at `index`, or `""`.
    pub(crate) fn tag(&self, index: usize) -> &str {
        self.locales.get(index).map_or("", |locale| &*locale.tag)
    }

    /// The chain for a locale string: fluent-langneg over the real locales; a pseudo-locale
    /// only where the string names it, at that place, so that no request for a real language
    /// (`en` and `ar-EG` would match `en-XA` and `ar-XB` as ranges) ever falls back to one.
    fn chain_for(&self, locale: &str) -> Chain {
        let default = self.locales.get(self.default);
        let real: Vec<&Locale> = self.locales.iter().filter(|l| l.pseudo.is_none()).collect();
        let mut chosen: Vec<&Locale> = Vec::new();
        let mut segment: Vec<LanguageIdentifier> = Vec::new();
        for requested in language::requested(locale) {
            let id = match requested {
                Requested::Language(id) => id,
                Requested::Any => match default {
                    Some(default) => default.id.clone(),
                    None => continue,
                },
            };
            match self
                .locales
                .iter()
                .find(|l| l.pseudo.is_some() && l.id == id)
            {
                Some(pseudo) => {
                    chosen.extend(negotiate(&segment, &real, None));
                    segment.clear();
                    chosen.push(pseudo);
                }
                None => segment.push(id),
            }
        }
        chosen.extend(negotiate(&segment, &real, default));
        let indices = chosen.into_iter().filter_map(|chosen| {
            self.locales
                .iter()
                .position(|locale| std::ptr::eq(locale, chosen))
        });
        // Negotiating in segments can name a locale twice; its first place counts.
        let mut seen = Vec::new();
        let indices = indices.filter(|index| {
            let new = !seen.contains(index);
            seen.push(*index);
            new
        });
        Chain::new(indices, default.map(|_| self.default))
    }

    /// The first locale of `chain` with a non-empty message for `code` that formats (a missing
    /// argument still counts as formatted: its placeholder is visible). A message that fails
    /// otherwise is skipped, and its problem comes with the answer; with no answer, the error is
    /// that problem, or `None` when no locale has the code.
    pub(crate) fn find(
        &self,
        chain: &[u16],
        code: u32,
        args: Option<&FluentArgs>,
    ) -> Result<Found<'_>, Option<Box<Error>>> {
        let mut broken = None;
        for &index in chain {
            let Some(locale) = self.locales.get(usize::from(index)) else {
                continue;
            };
            let Some(pattern) = locale.messages().get(code) else {
                continue;
            };
            let (text, problem) = locale.format(pattern, code, args);
            if let Some(Error::Format { .. }) = problem.as_deref() {
                broken = broken.or(problem);
                continue;
            }
            if !text.is_empty() {
                return Ok(Found {
                    text,
                    locale: &locale.tag,
                    problem: broken.or(problem),
                });
            }
        }
        Err(broken)
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

fn next_id() -> u64 {
    static NEXT_ID: AtomicU64 = AtomicU64::new(0);
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

fn parse_tag(tag: &str) -> Result<LanguageIdentifier, Error> {
    tag.parse()
        .map_err(|_| Error::InvalidLocale(tag.to_owned()))
}

// fluent-langneg negotiates over anything that is a language identifier.
impl AsRef<LanguageIdentifier> for Locale {
    fn as_ref(&self) -> &LanguageIdentifier {
        &self.id
    }
}

impl PartialEq for Locale {
    fn eq(&self, other: &Locale) -> bool {
        self.id == other.id
    }
}

/// The locales of `available` that `requested` reaches, in order, with `default` last.
fn negotiate<'l>(
    requested: &[LanguageIdentifier],
    available: &[&'l Locale],
    default: Option<&'l Locale>,
) -> Vec<&'l Locale> {
    negotiate_languages(
        requested,
        available,
        default.as_ref(),
        NegotiationStrategy::Filtering,
    )
    .into_iter()
    .copied()
    .collect()
}

/// Isolation marks protect right-to-left text from the arguments around it; in left-to-right
/// locales they are only noise in API responses.
fn isolating(id: &LanguageIdentifier) -> bool {
    id.character_direction() == CharacterDirection::RTL
}

/// Each source parsed by fluent, a byte-order mark dropped first (it would turn the first
/// message into junk) and entries nested too deep for fluent's recursive parser and resolver
/// blanked out (`api_error_i18n_lint::bound_nesting`). Syntax errors leave the entries that did parse;
/// the build script rejects both in the embedded catalog.
fn resources<'s>(sources: &'s [Cow<'static, str>]) -> impl Iterator<Item = FluentResource> + 's {
    sources.iter().map(|source| {
        let text = source.strip_prefix('\u{feff}').unwrap_or(source);
        let (bounded, _too_deep) = api_error_i18n_lint::bound_nesting(text);
        FluentResource::try_new(bounded.into_owned())
            .unwrap_or_else(|(partial, _syntax_errors)| partial)
    })
}

impl Messages {
    fn parse(
        id: &LanguageIdentifier,
        sources: &[Cow<'static, str>],
        pseudo: Option<Pseudo>,
    ) -> Messages {
        let transform = pseudo.map(Pseudo::transform);
        let isolating = isolating(id);
        let resources: Vec<FluentResource> = resources(sources).collect();
        let entries = || resources.iter().flat_map(FluentResource::entries);
        let mut positions: FxHashMap<u32, u32> = FxHashMap::default();
        let mut patterns = Vec::new();
        for entry in entries() {
            if let ast::Entry::Message(message) = entry {
                if let (Some(code), Some(value)) = (code_of(message.id.name), &message.value) {
                    // The first definition wins, as in a fluent bundle.
                    let Ok(position) = u32::try_from(patterns.len()) else {
                        continue;
                    };
                    positions.entry(code).or_insert_with(|| {
                        patterns.push(Pattern::compile(value, isolating, transform));
                        position
                    });
                }
            }
        }
        if patterns.iter().any(|p| matches!(p, Pattern::Fluent)) {
            refuse_too_deep(&mut patterns, &positions, Graph::new(entries()));
        }
        let largest = positions.keys().max().map_or(0, |&code| code as usize);
        let dense = largest < positions.len() * DENSE_SLOTS_PER_MESSAGE + DENSE_SLACK;
        let index = if dense {
            let mut slots = vec![0; largest + 1];
            for (&code, &position) in &positions {
                if let Some(slot) = slots.get_mut(code as usize) {
                    *slot = position + 1;
                }
            }
            CodeIndex::Dense(slots.into())
        } else {
            CodeIndex::Sparse(positions)
        };
        Messages { patterns, index }
    }

    /// The text of `code`, if it is plain text in this locale. Never empty: Fluent's parser
    /// gives a value at least one non-blank element, and `{ "" }` is not compiled to text.
    #[inline]
    pub(crate) fn plain_text(&self, code: u32) -> Option<&str> {
        match self.get(code)? {
            Pattern::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The pattern for `code`, if this locale has one.
    #[inline]
    fn get(&self, code: u32) -> Option<&Pattern> {
        let position = match &self.index {
            CodeIndex::Dense(slots) => slots.get(code as usize)?.checked_sub(1)?,
            CodeIndex::Sparse(positions) => *positions.get(&code)?,
        };
        self.patterns.get(position as usize)
    }
}

impl Locale {
    fn new(
        id: LanguageIdentifier,
        sources: Vec<Cow<'static, str>>,
        pseudo: Option<Pseudo>,
    ) -> Locale {
        Locale {
            tag: id.to_string().into(),
            id,
            sources,
            messages: OnceCell::new(),
            bundle: OnceCell::new(),
            pseudo,
        }
    }

    /// The compiled messages, parsed from the sources on first use.
    #[inline]
    fn messages(&self) -> &Messages {
        self.messages
            .get_or_init(|| Messages::parse(&self.id, &self.sources, self.pseudo))
    }

    /// The fluent bundle, built from the sources on first need.
    fn bundle(&self) -> &FluentBundle<FluentResource> {
        self.bundle.get_or_init(|| {
            let mut bundle = FluentBundle::new_concurrent(vec![self.id.clone()]);
            bundle.set_use_isolating(isolating(&self.id));
            bundle.set_transform(self.pseudo.map(Pseudo::transform));
            for resource in resources(&self.sources) {
                // Like `Messages`, the bundle keeps the first definition of an id.
                let _overrides = bundle.add_resource(resource);
            }
            bundle
        })
    }

    /// `pattern` formatted with `args`, and the first problem met.
    fn format<'a>(
        &'a self,
        pattern: &'a Pattern,
        code: u32,
        args: Option<&FluentArgs>,
    ) -> (Cow<'a, str>, Option<Box<Error>>) {
        match pattern {
            Pattern::Text(text) => (Cow::Borrowed(text), None),
            Pattern::Simple(pieces) => match pattern::format_simple(pieces, args) {
                Simple::Done(text, missing) => {
                    let problem = missing.map(|name| {
                        Box::new(Error::MissingArgument {
                            code,
                            name: name.to_owned(),
                        })
                    });
                    (Cow::Owned(text), problem)
                }
                Simple::NeedsFluent => self.format_with_fluent(code, args),
            },
            Pattern::Fluent => self.format_with_fluent(code, args),
            Pattern::Unservable(cause) => (
                Cow::Borrowed(""),
                Some(Box::new(Error::Format {
                    code,
                    locale: self.tag.to_string(),
                    cause: cause.clone(),
                })),
            ),
        }
    }

    fn format_with_fluent(
        &self,
        code: u32,
        args: Option<&FluentArgs>,
    ) -> (Cow<'_, str>, Option<Box<Error>>) {
        let bundle = self.bundle();
        let Some(pattern) = bundle
            .get_message(&format!("error-{code}"))
            .and_then(|message| message.value())
        else {
            return (Cow::Borrowed(""), None); // skipped like a missing message
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        (text, problem(code, &self.tag, errors).map(Box::new))
    }
}

/// Marks the messages that fluent's resolver would follow deeper than [`MAX_DEPTH`] levels, or
/// into a cycle, as unservable: the resolver recurses, and on a small thread stack that depth
/// would abort the process.
fn refuse_too_deep(patterns: &mut [Pattern], positions: &FxHashMap<u32, u32>, graph: Graph) {
    for (&code, &position) in positions {
        let Some(pattern @ Pattern::Fluent) = patterns.get_mut(position as usize) else {
            continue;
        };
        let node = Node {
            id: format!("error-{code}"),
            attribute: None,
        };
        match graph.depth(&node) {
            Some(Depth::Cycle) => *pattern = Pattern::Unservable(Cause::Cycle),
            Some(Depth::Levels(levels)) if levels > MAX_DEPTH => {
                *pattern = Pattern::Unservable(Cause::TooDeep);
            }
            _ => {}
        }
    }
}

/// The typed error for what fluent reported: a failure other than a missing argument first,
/// since it makes the text unusable, else the first missing argument.
fn problem(code: u32, tag: &str, errors: Vec<FluentError>) -> Option<Error> {
    use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
    let mut missing = None;
    for error in errors {
        let cause = match error {
            FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable {
                id,
            })) => {
                missing = missing.or(Some(Error::MissingArgument { code, name: id }));
                continue;
            }
            FluentError::ResolverError(ResolverError::Reference(reference)) => {
                Cause::UnknownReference(match reference {
                    ReferenceKind::Function { id } => format!("{id}()"),
                    ReferenceKind::Message { id, attribute } => Node { id, attribute }.written(),
                    ReferenceKind::Term { id, attribute } => Node {
                        id: format!("-{id}"),
                        attribute,
                    }
                    .written(),
                    ReferenceKind::Variable { id } => format!("${id}"),
                })
            }
            FluentError::ResolverError(ResolverError::NoValue(id)) => Cause::NoValue(id),
            FluentError::ResolverError(ResolverError::Cyclic) => Cause::Cycle,
            FluentError::ResolverError(ResolverError::TooManyPlaceables) => {
                Cause::TooManyPlaceables
            }
            other => Cause::Other(other.to_string()),
        };
        return Some(Error::Format {
            code,
            locale: tag.to_owned(),
            cause,
        });
    }
    missing
}

/// The code of a message id `error-<code>`, written without leading zeros, or `None` for any
/// other id (terms, helpers, `error-007`).
fn code_of(id: &str) -> Option<u32> {
    let digits = id.strip_prefix("error-")?;
    let code: u32 = digits.parse().ok()?;
    (digits.bytes().all(|b| b.is_ascii_digit()) && (digits == "0" || !digits.starts_with('0')))
        .then_some(code)
}
