//! Every locale folder, as a translator leaves it: complete, consistent with en-US, clean under
//! every check of `locale-lint` (the checks `tools check` runs).

use api_error_i18n::{Catalog, ErrorCode};

use crate::{args, locales_dir};

#[test]
fn every_locale_passes_every_check() {
    let diagnostics = locale_lint::check(&locales_dir());
    // Errors, and ids en-US does not have (a warning for translators, but every shipped locale
    // must have exactly en-US's ids).
    let failures: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.is_error() || d.check == locale_lint::Check::Obsolete)
        .map(ToString::to_string)
        .collect();
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n\n"));
}

#[test]
fn every_code_is_served_by_every_locale_itself() {
    let catalog = Catalog::embedded();
    let ip = args(&[("ip", "203.0.113.7")]);
    let mut gaps = Vec::new();
    for tag in catalog.locales() {
        for code in ErrorCode::ALL.iter().map(|code| code.code()) {
            match catalog.resolve(code, tag, Some(&ip)) {
                Ok(found) if found.locale == tag => {}
                Ok(found) => gaps.push(format!(
                    "locales/{tag}: `error-{code}` is missing (served from {})",
                    found.locale
                )),
                Err(error) => gaps.push(format!("locales/{tag}: `error-{code}`: {error}")),
            }
        }
    }
    assert!(gaps.is_empty(), "\n{}\n", gaps.join("\n"));
}

#[test]
fn the_embedded_catalog_is_the_locales_folder() {
    let mut folders: Vec<String> = std::fs::read_dir(locales_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let embedded: Vec<&str> = Catalog::embedded().locales().collect();
    assert_eq!(embedded, folders);
    assert_eq!(Catalog::embedded().default_locale(), "en-US");
}
