//! Reading the caller's locale string: a BCP 47 tag, a POSIX locale name, or an HTTP
//! `Accept-Language` value, in one grammar.
//!
//! The string usually comes straight from a request header, so reading it is bounded: only the
//! first [`MAX_INPUT_BYTES`] bytes and [`MAX_ENTRIES`] entries are looked at, whatever its length.
//!
//! Why not a crate: fluent-langneg's `parse_accepted_languages` ignores q-values, and
//! accept-language 3.1 keeps `q=0` entries and sorts with an order that is not total for `q=NaN`
//! (which `slice::sort` may answer with a panic). The grammar here is small enough to own.

use unic_langid::LanguageIdentifier;

/// How much of the locale string is read. Browsers send well under 200 bytes.
pub(crate) const MAX_INPUT_BYTES: usize = 1024;
/// How many comma-separated entries are read.
pub(crate) const MAX_ENTRIES: usize = 32;

/// One acceptable language, in the caller's order of preference.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Requested {
    Language(LanguageIdentifier),
    /// `*`: any language, which the catalog reads as its default.
    Any,
}

/// The languages `input` accepts, most preferred first.
///
/// Entries are ordered by weight, and entries of equal weight keep the order they were given in.
/// `q=0` excludes an entry. An entry whose weight is not a number from 0 to 1 (`q=abc`, `q=NaN`,
/// `q=1.5`) is ignored, as is an entry that is not a language tag. Empty or unreadable input
/// gives an empty list, which the catalog answers in its default locale.
pub(crate) fn requested(input: &str) -> Vec<Requested> {
    let mut weighted: Vec<(f32, Requested)> = bounded(input)
        .split(',')
        .take(MAX_ENTRIES)
        .filter_map(entry)
        .filter(|(weight, _)| *weight > 0.0)
        .collect();
    // Stable, and total: ties keep header order; weights are already finite.
    weighted.sort_by(|a, b| b.0.total_cmp(&a.0));
    weighted.into_iter().map(|(_, language)| language).collect()
}

/// The part of `input` that is read: all of it when short, else the complete entries within
/// the first `MAX_INPUT_BYTES` bytes (a tag cut in half could name the wrong language).
fn bounded(input: &str) -> &str {
    if input.len() <= MAX_INPUT_BYTES {
        return input;
    }
    let mut end = MAX_INPUT_BYTES;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    let prefix = input.get(..end).unwrap_or_default();
    prefix.rsplit_once(',').map_or("", |(complete, _)| complete)
}

/// One `tag;q=weight` entry, or `None` when it names no language or has a malformed weight.
fn entry(item: &str) -> Option<(f32, Requested)> {
    let mut parts = item.split(';');
    let tag = parts.next()?.trim();
    let mut weight = 1.0;
    for parameter in parts {
        let Some((name, value)) = parameter.split_once('=') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("q") {
            weight = value.trim().parse::<f32>().ok()?;
            if !(0.0..=1.0).contains(&weight) {
                return None;
            }
        }
    }
    Some((weight, language(tag)?))
}

/// A tag, a POSIX name (`zh_CN.UTF-8@euro`: the charset and modifier are dropped) or `*`.
/// Extensions and private use (`zh-CN-u-ca-chinese`, `en-x-mine`) are dropped: they say how to
/// format, not which language to read.
fn language(tag: &str) -> Option<Requested> {
    if tag == "*" {
        return Some(Requested::Any);
    }
    let name = tag.split(['.', '@']).next()?;
    let end = name
        .match_indices(['-', '_'])
        .map(|(at, _)| at)
        .find(|&at| is_singleton(name.get(at + 1..).unwrap_or_default()))
        .unwrap_or(name.len());
    let name = name.get(..end)?;
    if name.is_empty() {
        return None;
    }
    let mut id = LanguageIdentifier::from_bytes(name.as_bytes()).ok()?;
    if let Some(current) = LEGACY_LANGUAGES
        .iter()
        .find(|(legacy, _)| id.language.as_str() == *legacy)
        .and_then(|(_, current)| current.parse().ok())
    {
        id.language = current;
    }
    Some(Requested::Language(id))
}

/// ISO 639 codes withdrawn in 1989 and their replacements, from CLDR's `languageAlias` data,
/// which unic-langid does not apply. Java's `Locale` still reports some of them (`in` for
/// Indonesian, `iw` for Hebrew), so clients on the JVM and older Android send them.
const LEGACY_LANGUAGES: [(&str, &str); 5] = [
    ("in", "id"),
    ("iw", "he"),
    ("ji", "yi"),
    ("jw", "jv"),
    ("mo", "ro"),
];

/// Whether `rest` starts with a one-character subtag: the start of an extension.
fn is_singleton(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && matches!(chars.next(), None | Some('-' | '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(input: &str) -> Vec<String> {
        requested(input)
            .into_iter()
            .map(|r| match r {
                Requested::Language(id) => id.to_string(),
                Requested::Any => "*".to_owned(),
            })
            .collect()
    }

    #[test]
    fn orders_by_weight_and_keeps_ties_in_order() {
        assert_eq!(
            tags("fr;q=0.5, de, zh-CN;q=0.8, en;q=0.5"),
            ["de", "zh-CN", "fr", "en"]
        );
    }

    #[test]
    fn q_zero_and_malformed_weights_drop_the_entry() {
        assert_eq!(tags("zh-CN;q=0, en"), ["en"]);
        assert_eq!(
            tags("a1;q=1, fr;q=NaN, de;q=1.5, it;q=-1, es;q=x, pt"),
            ["pt"]
        );
    }

    #[test]
    fn extensions_and_private_use_are_dropped() {
        assert_eq!(tags("zh-CN-u-ca-chinese"), ["zh-CN"]);
        assert_eq!(tags("en-x-private"), ["en"]);
        assert_eq!(tags("zh-Hant-TW-t-ja"), ["zh-Hant-TW"]);
        assert!(tags("x-private").is_empty());
    }

    #[test]
    fn legacy_language_codes_read_as_their_replacements() {
        assert_eq!(tags("in-ID, iw;q=0.5, mo"), ["id-ID", "ro", "he"]);
        assert_eq!(tags("in_ID.UTF-8"), ["id-ID"]);
    }

    #[test]
    fn posix_names_and_case() {
        assert_eq!(tags("zh_CN.UTF-8"), ["zh-CN"]);
        assert_eq!(tags("de_DE@euro"), ["de-DE"]);
        assert_eq!(tags("ZH-cn"), ["zh-CN"]);
        assert!(tags("C").is_empty());
    }

    #[test]
    fn long_input_is_cut_at_an_entry_boundary() {
        let mut input = "en-US, ".repeat(200);
        input.push_str("zh-CN");
        assert!(input.len() > MAX_INPUT_BYTES);
        // Only MAX_ENTRIES entries are read, and the tail is never reached.
        assert_eq!(requested(&input).len(), MAX_ENTRIES);
        let one_tag = "a".repeat(MAX_INPUT_BYTES * 4);
        assert!(requested(&one_tag).is_empty());
        let multibyte = "é".repeat(MAX_INPUT_BYTES);
        assert!(requested(&multibyte).is_empty());
    }
}
