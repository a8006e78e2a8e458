//! The catalog compiled into the binary from `locales/`.

use std::borrow::Cow;

use once_cell::sync::Lazy;
use rust_embed::RustEmbed;

use crate::{Catalog, DEFAULT_LOCALE};

/// Every `.ftl` file below `locales/`, embedded in debug builds too (`debug-embed`), so the
/// library never reads the file system at run time. `build.rs` reruns the embedding when a
/// file or folder is added.
#[derive(RustEmbed)]
#[folder = "locales/"]
#[include = "*.ftl"]
struct Locales;

pub(crate) fn catalog() -> &'static Catalog {
    static CATALOG: Lazy<Catalog> = Lazy::new(|| {
        // The build script has checked that every folder is a tag and that en-US exists, so this
        // only fails if that check is bypassed; then every call gets the last-resort answer.
        Catalog::from_sources(DEFAULT_LOCALE, sources())
            .map(Catalog::with_pseudo_locales)
            .unwrap_or_else(|_| Catalog::empty())
    });
    &CATALOG
}

/// `(locale folder, file text)` for each `locales/<tag>/**/*.ftl`, in path order.
fn sources() -> impl Iterator<Item = (String, Cow<'static, str>)> {
    Locales::iter().filter_map(|path| {
        let (tag, _file) = path.split_once('/')?;
        let text = match Locales::get(&path)?.data {
            Cow::Borrowed(bytes) => Cow::Borrowed(std::str::from_utf8(bytes).ok()?),
            Cow::Owned(bytes) => Cow::Owned(String::from_utf8(bytes).ok()?),
        };
        Some((tag.to_owned(), text))
    })
}
