//! What the benchmarks share: the shipped catalog's sources, read as the embedded catalog reads
//! them.

/// Every `locales/<tag>/*.ftl` of the repository as `(tag, text)`.
pub fn shipped_sources() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
    let mut sources = Vec::new();
    for folder in std::fs::read_dir(root).unwrap() {
        let folder = folder.unwrap().path();
        let tag = folder.file_name().unwrap().to_string_lossy().into_owned();
        for file in std::fs::read_dir(&folder).unwrap() {
            sources.push((
                tag.clone(),
                std::fs::read_to_string(file.unwrap().path()).unwrap(),
            ));
        }
    }
    sources
}

/// The locale the benchmarks call unknown: one no catalog of ours ships, now or later. `qaa` is
/// an ISO 639-2 code reserved for local use and QM a private-use region, so no language added
/// to `locales/` takes it; the test below fails if one ever does.
pub const UNKNOWN_LOCALE: &str = "qaa-QM";

#[cfg(test)]
mod tests {
    use super::UNKNOWN_LOCALE;

    #[test]
    fn the_unknown_locale_is_served_by_the_default_alone() {
        let catalog = api_error_i18n::Catalog::embedded();
        let chain: Vec<&str> = catalog.negotiate(UNKNOWN_LOCALE).locales().collect();
        assert_eq!(chain, [catalog.default_locale()]);
        // No shipped locale is in the private-use range qaa-qtz.
        for tag in catalog.locales() {
            let language = tag.split('-').next().unwrap();
            assert!(
                !(language.len() == 3 && ("qaa"..="qtz").contains(&language)),
                "{tag} is a private-use language"
            );
        }
    }
}
