//! A per-thread memo of negotiated fallback chains, keyed by the caller's exact locale string.
//!
//! Parsing a tag and negotiating costs about a microsecond; a server sees the same few header
//! values over and over. Per thread, so the hot path takes no lock and shares no cache line.
//! Both tiers are direct-mapped (a key picks its one slot), so their size is fixed whatever
//! strings clients send:
//! - `SHORT`: strings of at most 32 bytes (tags, POSIX names, a browser's usual
//!   `zh-CN,zh;q=0.9,en;q=0.8`). The key is the string's bytes packed into four words: a hit
//!   costs no hashing, no `memcmp` and no `RefCell`, which by callgrind's count were most of a
//!   lookup.
//! - `MEMO`: everything else up to 256 bytes: an Fx hash picks the slot, and the stored string
//!   is compared.
//!
//! A chain is held inline ([`Chain`], 32 bytes): the memo hands out copies, so what the caller
//! keeps (a [`Lang`](crate::lang::Lang)) borrows nothing from the thread-local and holds no lock.
//! Entries are keyed by the catalog's memo key too, so catalogs never see each other's chains.

use std::cell::{Cell, RefCell};
use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

use crate::negotiation::chain::Chain;

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

/// Slots of the first tier.
const SHORT_SLOTS: usize = 64;
/// The longest string the first tier holds.
const SHORT_BYTES: usize = 32;

/// A packed string: see [`pack`].
type Key = [u64; 4];

#[derive(Clone, Copy)]
struct ShortSlot {
    /// `pack(locale)` and the locale's length; `usize::MAX` in an empty slot.
    key: Key,
    key_len: usize,
    catalog: u64,
    chain: Chain,
}

const EMPTY: ShortSlot = ShortSlot {
    key: [0; 4],
    key_len: usize::MAX,
    catalog: 0,
    chain: Chain::EMPTY,
};

thread_local! {
    static SHORT: [Cell<ShortSlot>; SHORT_SLOTS] =
        const { [const { Cell::new(EMPTY) }; SHORT_SLOTS] };
}

/// A short string as four words, one to one for strings of the same length (the slot also
/// compares lengths): overlapping reads that together cover every byte.
#[inline]
fn pack(locale: &str) -> Option<Key> {
    let bytes = locale.as_bytes();
    let len = bytes.len();
    let word = |at: usize| -> Option<u64> {
        Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
    };
    let half = |at: usize| -> Option<u64> {
        Some(u64::from(u32::from_le_bytes(
            bytes.get(at..at + 4)?.try_into().ok()?,
        )))
    };
    Some(match len {
        0 => [0; 4],
        1..=3 => {
            let (a, b, c) = (bytes.first()?, bytes.get(len / 2)?, bytes.last()?);
            [
                u64::from(*a) | u64::from(*b) << 8 | u64::from(*c) << 16,
                0,
                0,
                0,
            ]
        }
        4..=7 => [half(0)?, half(len - 4)?, 0, 0],
        8..=16 => [word(0)?, word(len - 8)?, 0, 0],
        17..=SHORT_BYTES => [word(0)?, word(8)?, word(len - 16)?, word(len - 8)?],
        _ => return None,
    })
}

#[inline]
fn short_index(key: &Key, len: usize, catalog_id: u64) -> usize {
    let [a, b, c, d] = *key;
    let mixed =
        a ^ b.rotate_left(17) ^ c.rotate_left(31) ^ d.rotate_left(47) ^ catalog_id ^ len as u64;
    (mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58) as usize % SHORT_SLOTS
}

/// The chain for `locale` in the catalog of `catalog_id` (its memo key), from this thread's memo
/// or from `compute`. Never panics; without the thread-local (during thread teardown) it
/// computes every time.
#[inline]
pub(crate) fn chain(catalog_id: u64, locale: &str, compute: impl FnOnce() -> Chain) -> Chain {
    if let Some(key) = pack(locale) {
        let at = short_index(&key, locale.len(), catalog_id);
        let slot = SHORT
            .try_with(|slots| slots.get(at).map(Cell::get))
            .ok()
            .flatten();
        if let Some(slot) = slot {
            if slot.key == key && slot.key_len == locale.len() && slot.catalog == catalog_id {
                return slot.chain;
            }
        }
        return short_miss(catalog_id, key, locale.len(), at, compute);
    }
    long(catalog_id, locale, compute)
}

#[inline(never)]
fn short_miss(
    catalog_id: u64,
    key: Key,
    key_len: usize,
    at: usize,
    compute: impl FnOnce() -> Chain,
) -> Chain {
    let chain = compute();
    let slot = ShortSlot {
        key,
        key_len,
        catalog: catalog_id,
        chain,
    };
    let _unavailable = SHORT.try_with(|slots| slots.get(at).map(|cell| cell.set(slot)));
    chain
}

#[inline(never)]
fn long(catalog_id: u64, locale: &str, compute: impl FnOnce() -> Chain) -> Chain {
    if locale.len() > MAX_KEY_BYTES {
        return compute();
    }
    let index = slot_index(catalog_id, locale);
    let hit = MEMO.try_with(|memo| {
        let memo = memo.try_borrow().ok()?;
        let slot = memo.get(index)?.as_ref()?;
        (slot.catalog == catalog_id && *slot.locale == *locale).then_some(slot.chain)
    });
    if let Ok(Some(chain)) = hit {
        return chain;
    }
    let chain = compute();
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
    chain
}

#[inline]
fn slot_index(catalog_id: u64, locale: &str) -> usize {
    let hash = FxBuildHasher.hash_one(locale) ^ catalog_id.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    // The high bits of an Fx hash are the well-mixed ones.
    (hash >> 56) as usize % SLOTS
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn every_length_class_packs() {
        for locale in [
            "",
            "z",
            "zh",
            "zhx",
            "zh-C",
            "zh-CN",
            "zh_CN.UTF-8",
            "zh-Hant-TW-x-ab1",
            "0123456789abcdef",
            "0123456789abcdefg",
            "zh-CN,zh;q=0.9,en;q=0.8",
            "0123456789abcdef0123456789abcdef",
        ] {
            assert!(pack(locale).is_some(), "{locale:?}");
        }
        assert_eq!(pack("0123456789abcdef0123456789abcdefg"), None);
    }

    proptest! {
        /// Two different strings of the same length never share a key.
        #[test]
        fn packing_is_one_to_one_within_a_length(
            (a, b) in (0..=SHORT_BYTES).prop_flat_map(|n| {
                let string = prop::collection::vec(32u8..127, n)
                    .prop_map(|bytes| String::from_utf8(bytes).unwrap_or_default());
                (string.clone(), string)
            })
        ) {
            if a != b {
                prop_assert_ne!(pack(&a), pack(&b));
            }
        }

        #[test]
        fn packing_tells_apart_strings_that_differ_in_one_byte(
            s in "[a-zA-Z_.;=,-]{1,32}",
            at in any::<prop::sample::Index>(),
            with in "[a-zA-Z_.;=,-]",
        ) {
            let at = at.index(s.len());
            let mut other = s.clone().into_bytes();
            other[at] = with.as_bytes()[0];
            let other = String::from_utf8(other).unwrap();
            if other != s {
                prop_assert_ne!(pack(&s), pack(&other));
            }
        }
    }
}
