//! A fallback chain, and how a catalog's chain is negotiated from the languages a caller asked
//! for: fluent-langneg with CLDR's likely subtags over the real locales, a pseudo-locale only
//! where the caller names it.

use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

use crate::catalog::locale::Locale;
use crate::catalog::Catalog;
use crate::negotiation::requested::Requested;

/// The most locales a chain holds. A header that reaches more keeps its most preferred ones and
/// the default locale; only a catalog of more than 15 locales can tell the difference.
pub(crate) const MAX_CHAIN: usize = 15;

/// A fallback chain: indices into a catalog's locales, most preferred first, ending with the
/// default locale. Copied, never shared: 32 bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Chain {
    len: u16,
    locales: [u16; MAX_CHAIN],
}

impl Chain {
    /// No locale: what an empty memo slot holds.
    pub(crate) const EMPTY: Chain = Chain {
        len: 0,
        locales: [0; MAX_CHAIN],
    };

    /// The chain of `indices` in order, cut to [`MAX_CHAIN`] with `last` (the default locale)
    /// kept at its end. Indices beyond `u16` (a catalog of 65,536 locales) are skipped.
    pub(crate) fn new(indices: impl IntoIterator<Item = usize>, last: Option<usize>) -> Chain {
        let mut chain = Chain::EMPTY;
        let indices = indices
            .into_iter()
            .filter_map(|index| u16::try_from(index).ok());
        for index in indices.take(MAX_CHAIN) {
            chain.push(index);
        }
        if let Some(last) = last.and_then(|index| u16::try_from(index).ok()) {
            if !chain.as_slice().contains(&last) {
                if usize::from(chain.len) == MAX_CHAIN {
                    chain.len -= 1;
                }
                chain.push(last);
            }
        }
        chain
    }

    fn push(&mut self, index: u16) {
        if let Some(slot) = self.locales.get_mut(usize::from(self.len)) {
            *slot = index;
            self.len += 1;
        }
    }

    /// The most preferred locale.
    #[inline]
    pub(crate) fn first(&self) -> Option<u16> {
        self.as_slice().first().copied()
    }

    #[inline]
    pub(crate) fn as_slice(&self) -> &[u16] {
        self.locales
            .get(..usize::from(self.len))
            .unwrap_or_default()
    }
}

/// The chain of `catalog` for `requested`: fluent-langneg over the real locales; a
/// pseudo-locale only where the string names it, at that place, so that no request for a real
/// language (`en` and `ar-EG` would match `en-XA` and `ar-XB` as ranges) ever falls back to one.
pub(crate) fn negotiate_chain(catalog: &Catalog, requested: Vec<Requested>) -> Chain {
    let locales = catalog.all_locales();
    let default = catalog.default_index().and_then(|index| locales.get(index));
    let real: Vec<&Locale> = locales.iter().filter(|l| l.pseudo.is_none()).collect();
    let mut chosen: Vec<&Locale> = Vec::new();
    let mut segment: Vec<LanguageIdentifier> = Vec::new();
    for requested in requested {
        let language = match requested {
            Requested::Language(language) => language,
            Requested::Any => match default {
                Some(default) => default.language.clone(),
                None => continue,
            },
        };
        match locales
            .iter()
            .find(|l| l.pseudo.is_some() && l.language == language)
        {
            Some(pseudo) => {
                chosen.extend(filter_available(&segment, &real, None));
                segment.clear();
                chosen.push(pseudo);
            }
            None => segment.push(language),
        }
    }
    chosen.extend(filter_available(&segment, &real, default));
    let indices = chosen.into_iter().filter_map(|chosen| {
        locales
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
    Chain::new(indices, catalog.default_index())
}

/// The locales of `available` that `requested` reaches, in order, with `default` last.
fn filter_available<'l>(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_chain_keeps_its_most_preferred_locales_and_the_default() {
        let chain = Chain::new(0..40, Some(30));
        let mut expected: Vec<u16> = (0..14).collect();
        expected.push(30);
        assert_eq!(chain.as_slice(), expected);
        assert_eq!(Chain::new([3, 30, 4], Some(30)).as_slice(), [3, 30, 4]);
        assert_eq!(Chain::new([3, 3, 4], Some(0)).as_slice(), [3, 3, 4, 0]);
        assert_eq!(Chain::new([], Some(2)).as_slice(), [2]);
        assert_eq!(Chain::new([70_000, 1], None).as_slice(), [1]);
    }
}
