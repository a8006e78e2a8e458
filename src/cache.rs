//! A per-thread memo of negotiated fallback chains, keyed by the caller's exact locale string.
//!
//! Parsing a tag and negotiating costs about a microsecond; a server sees the same few header
//! values over and over. Per thread, so the hot path takes no lock and shares no cache line.

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

/// A fallback chain: indices into a catalog's locales, most preferred first, ending with the
/// default locale.
pub(crate) type Chain = Rc<[usize]>;

/// Entries per thread; when full the memo starts over, so a client sending a new string with
/// every request costs memory bounded by this and by [`MAX_KEY_BYTES`].
const MAX_ENTRIES: usize = 256;
/// Longer locale strings are negotiated every time (their reading is bounded anyway).
const MAX_KEY_BYTES: usize = 256;

thread_local! {
    /// Keyed by locale string; the value records which catalog (by id) negotiated it.
    static CHAINS: RefCell<FxHashMap<Box<str>, (u64, Chain)>> =
        RefCell::new(FxHashMap::default());
}

/// The chain for `locale` in catalog `catalog_id`, from this thread's memo or from `negotiate`.
///
/// Never panics: when the memo is unavailable (a thread being torn down, or a re-entrant call
/// from an argument's formatter) it simply negotiates.
pub(crate) fn chain(catalog_id: u64, locale: &str, negotiate: impl FnOnce() -> Chain) -> Chain {
    if locale.len() > MAX_KEY_BYTES {
        return negotiate();
    }
    let cached = CHAINS
        .try_with(|cell| {
            let map = cell.try_borrow().ok()?;
            match map.get(locale) {
                Some((id, chain)) if *id == catalog_id => Some(Rc::clone(chain)),
                _ => None,
            }
        })
        .ok()
        .flatten();
    if let Some(chain) = cached {
        return chain;
    }
    let chain = negotiate();
    let _unavailable = CHAINS.try_with(|cell| {
        if let Ok(mut map) = cell.try_borrow_mut() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            // Two catalogs asked for the same string take turns in one slot: correct, only slower.
            map.insert(locale.into(), (catalog_id, Rc::clone(&chain)));
        }
    });
    chain
}
