//! A per-thread memo of negotiated fallback chains, keyed by the caller's exact locale string.
//!
//! Parsing a tag and negotiating costs about a microsecond; a server sees the same few header
//! values over and over. Per thread, so the hot path takes no lock and shares no cache line.
//! Direct-mapped: a string's hash picks its one slot, so a hit costs a hash and one comparison,
//! and the memo's size is fixed whatever strings clients send.

use std::cell::RefCell;
use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

/// A fallback chain: indices into a catalog's locales, most preferred first, ending with the
/// default locale.
pub(crate) type Chain = Box<[usize]>;

/// Slots per thread (a power of two). Two strings that share a slot take turns in it.
const SLOTS: usize = 256;
/// Longer locale strings are negotiated every time (their reading is bounded anyway), which
/// bounds the memo's memory to about `SLOTS * MAX_KEY_BYTES` per thread.
const MAX_KEY_BYTES: usize = 256;

struct Slot {
    catalog: u64,
    locale: Box<str>,
    chain: Chain,
}

thread_local! {
    /// Empty until the first miss on this thread, then `SLOTS` long.
    static MEMO: RefCell<Vec<Option<Slot>>> = const { RefCell::new(Vec::new()) };
}

/// Calls `use_chain` with the chain for `locale` in catalog `catalog_id`, from this thread's
/// memo or from `negotiate`.
///
/// Never panics. `use_chain` runs while the memo is borrowed, so a call it makes back into the
/// catalog (from an argument's custom formatter) still reads the memo but does not add to it.
#[inline]
pub(crate) fn with_chain<R>(
    catalog_id: u64,
    locale: &str,
    negotiate: impl FnOnce() -> Chain,
    use_chain: impl Fn(&[usize]) -> R,
) -> R {
    let index = slot_index(catalog_id, locale);
    let hit = MEMO.try_with(|memo| {
        let memo = memo.try_borrow().ok()?;
        let slot = memo.get(index)?.as_ref()?;
        (slot.catalog == catalog_id && *slot.locale == *locale).then(|| use_chain(&slot.chain))
    });
    match hit {
        Ok(Some(result)) => result,
        _ => miss(catalog_id, locale, index, negotiate, use_chain),
    }
}

#[inline]
fn slot_index(catalog_id: u64, locale: &str) -> usize {
    let hash = FxBuildHasher.hash_one(locale) ^ catalog_id.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    // The high bits of an Fx hash are the well-mixed ones.
    (hash >> 56) as usize % SLOTS
}

#[inline(never)]
fn miss<R>(
    catalog_id: u64,
    locale: &str,
    index: usize,
    negotiate: impl FnOnce() -> Chain,
    use_chain: impl Fn(&[usize]) -> R,
) -> R {
    let chain = negotiate();
    let result = use_chain(&chain);
    if locale.len() <= MAX_KEY_BYTES {
        let _unavailable = MEMO.try_with(|memo| {
            let Ok(mut memo) = memo.try_borrow_mut() else {
                return;
            };
            if memo.is_empty() {
                memo.resize_with(SLOTS, || None);
            }
            if let Some(slot) = memo.get_mut(index) {
                *slot = Some(Slot {
                    catalog: catalog_id,
                    locale: locale.into(),
                    chain,
                });
            }
        });
    }
    result
}
