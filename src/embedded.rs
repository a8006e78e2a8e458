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
