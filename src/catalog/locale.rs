//! One locale of a catalog: its tag, its sources, and what is made from them on first use (the
//! compiled messages; fluent's bundle, only if a message needs it).

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use once_cell::sync::OnceCell;
use unic_langid::LanguageIdentifier;

use crate::catalog::messages::Messages;
use crate::error::Error;
use crate::format::{self, fluent, pattern::Pattern};
use crate::intl::Numbers;
use crate::pseudo::Pseudo;

pub(crate) struct Locale {
    pub(crate) language: LanguageIdentifier,
    /// `language` written out once, as the catalog names it (`zh-CN`).
    pub(crate) tag: Box<str>,
    pub(crate) sources: Vec<Cow<'static, str>>,
    /// A pseudo-locale: the default locale's sources, its text transformed.
    pub(crate) pseudo: Option<Pseudo>,
    /// Parsed on first use.
    messages: OnceCell<Messages>,
    /// Built only when a message needs fluent's resolver (selectors, terms, functions,
    /// right-to-left isolation of an argument, custom argument types): most locales never pay
    /// for it.
    bundle: OnceCell<FluentBundle<FluentResource>>,
    /// Writes numeric arguments on the fast path, as the bundle's formatter does.
    numbers: Numbers,
}

impl Locale {
    pub(crate) fn new(
        language: LanguageIdentifier,
        sources: Vec<Cow<'static, str>>,
        pseudo: Option<Pseudo>,
    ) -> Locale {
        Locale {
            tag: language.to_string().into(),
            numbers: Numbers::new(&language),
            language,
            sources,
            pseudo,
            messages: OnceCell::new(),
            bundle: OnceCell::new(),
        }
    }

    /// The compiled messages, parsed from the sources on first use.
    #[inline]
    pub(crate) fn messages(&self) -> &Messages {
        self.messages
            .get_or_init(|| Messages::compile(&self.language, &self.sources, self.pseudo))
    }

    /// `pattern`, one of this locale's messages, formatted with `args`, and the first problem.
    pub(crate) fn format<'a>(
        &'a self,
        pattern: &'a Pattern,
        code: u32,
        args: Option<&FluentArgs>,
    ) -> (Cow<'a, str>, Option<Error>) {
        format::format(pattern, &self.tag, &self.numbers, code, args, || {
            self.bundle
                .get_or_init(|| fluent::new_bundle(&self.language, &self.sources, self.pseudo))
        })
    }
}

// fluent-langneg negotiates over anything that is a language identifier.
impl AsRef<LanguageIdentifier> for Locale {
    fn as_ref(&self) -> &LanguageIdentifier {
        &self.language
    }
}

impl PartialEq for Locale {
    fn eq(&self, other: &Locale) -> bool {
        self.language == other.language
    }
}
