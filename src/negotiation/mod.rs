//! From the caller's locale string to a fallback chain of a catalog's locales, in one direction:
//! the string is read into languages (`requested.rs`), the languages are negotiated into a
//! chain (`chain.rs`), and the chain is memoized per thread by the exact string (`memo.rs`).

pub(crate) mod chain;
mod memo;
pub(crate) mod requested;

use crate::catalog::Catalog;
use crate::negotiation::chain::Chain;

/// The fallback chain of `catalog` for the locale string `locale`: memoized, else read and
/// negotiated.
#[inline]
pub(crate) fn chain(catalog: &Catalog, locale: &str) -> Chain {
    memo::chain(catalog.memo_key(), locale, || {
        chain::negotiate_chain(catalog, requested::requested(locale))
    })
}
