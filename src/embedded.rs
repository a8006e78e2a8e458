//! Catalogs compiled into the binary: the crate's own, from its `locales/`, and an app's, from
//! the app's `locales/` through [`catalog!`](crate::catalog!). One path builds both.

use std::borrow::Cow;

use once_cell::sync::Lazy;
use rust_embed::RustEmbed;

use api_error_i18n_source::DEFAULT_LOCALE;

use crate::catalog::Catalog;

/// Every `.ftl` file below `locales/`, embedded in debug builds too (`debug-embed`), so the
/// library never reads the file system at run time. `build.rs` reruns the embedding when a
/// file or folder is added.
#[derive(RustEmbed)]
#[folder = "locales/"]
#[include = "*.ftl"]
struct Locales;

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
        static CATALOG: Lazy<Catalog> = Lazy::new(|| from_embedded::<Locales>(None));
        &CATALOG
    }
}

/// The catalog of the embedded folder `E`, over `base` when given (an app's messages first,
/// then the base's, locale by locale), with the pseudo-locales.
///
/// The build script has checked every folder name; were that check bypassed, a catalog that
/// cannot be built answers every call with the last resort.
pub fn from_embedded<E: RustEmbed>(base: Option<&Catalog>) -> Catalog {
    let catalog = match base {
        Some(base) => Catalog::over(base, sources::<E>()),
        None => Catalog::from_sources(DEFAULT_LOCALE, sources::<E>()),
    };
    catalog
        .map(Catalog::with_pseudo_locales)
        .unwrap_or_else(|_| Catalog::empty())
}

/// `(locale folder, file text)` for each `<folder>/<tag>/**/*.ftl`, in path order.
fn sources<E: RustEmbed>() -> impl Iterator<Item = (String, Cow<'static, str>)> {
    E::iter().filter_map(|path| {
        let (tag, _file) = path.split_once('/')?;
        let text = match E::get(&path)?.data {
            Cow::Borrowed(bytes) => Cow::Borrowed(std::str::from_utf8(bytes).ok()?),
            Cow::Owned(bytes) => Cow::Owned(String::from_utf8(bytes).ok()?),
        };
        Some((tag.to_owned(), text))
    })
}

/// For `catalog!(.., alone)`, at compile time: stops the build unless the app's build script
/// (`api_error_i18n_lint::build`) found the default locale in `folder`. `folders` is the
/// variable that build sets: each folder it checked with the default locale, between two `|`.
/// A catalog without the default locale would answer every lookup with the last resort.
#[allow(clippy::panic)] // evaluated in a `const` item only: a compile error, never a panic
pub const fn require_default_locale(folders: &str, folder: &str) {
    if !listed(folders.as_bytes(), folder.as_bytes()) {
        panic!(
            "catalog!(.., alone): the folder has no `en-US/`, the default locale, so every lookup \
             would answer \"Unknown error\"; add en-US, or drop `alone` to layer the folder over \
             the built-in catalog"
        );
    }
}

/// Whether `|folder|` occurs in `folders`. Const, so written with indices.
#[allow(clippy::indexing_slicing)] // every index is below a length checked just before
const fn listed(folders: &[u8], folder: &[u8]) -> bool {
    let mut start = 0;
    while start + folder.len() + 2 <= folders.len() {
        if folders[start] == b'|' && folders[start + folder.len() + 1] == b'|' {
            let mut i = 0;
            while i < folder.len() && folders[start + 1 + i] == folder[i] {
                i += 1;
            }
            if i == folder.len() {
                return true;
            }
        }
        start += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::listed;

    #[test]
    fn a_folder_is_listed_only_whole() {
        let folders = b"|locales|tests/data/app-locales|";
        assert!(listed(folders, b"locales"));
        assert!(listed(folders, b"tests/data/app-locales"));
        assert!(!listed(folders, b"app-locales"));
        assert!(!listed(folders, b"locale"));
        assert!(!listed(b"", b"locales"));
        assert!(!listed(b"||", b"locales"));
    }
}
