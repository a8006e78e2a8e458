//! Reading one Fluent source as the runtime reads it, for the compiled messages and for
//! fluent's bundle alike, so that the two always see the same entries.

use std::borrow::Cow;

use fluent_bundle::FluentResource;

/// Each source parsed by fluent, a byte-order mark dropped first (it would turn the first
/// message into junk) and entries nested too deep for fluent's recursive parser and resolver
/// blanked out (`api_error_i18n_source::bound_nesting`), and each select on a number rewritten to select
/// by ICU4X's plural rules. Syntax errors leave the entries that did
/// parse; the build script rejects both in an embedded catalog.
pub(crate) fn parse<'s>(
    sources: &'s [Cow<'static, str>],
) -> impl Iterator<Item = FluentResource> + 's {
    sources.iter().map(|source| {
        let text = source.strip_prefix('\u{feff}').unwrap_or(source);
        let (bounded, _too_deep) = api_error_i18n_source::bound_nesting(text);
        // Selects on numbers choose by ICU4X's plural rules (`crate::intl::plural`).
        let rewritten = crate::intl::rewrite_selects(&bounded).into_owned();
        FluentResource::try_new(rewritten).unwrap_or_else(|(partial, _syntax_errors)| partial)
    })
}
