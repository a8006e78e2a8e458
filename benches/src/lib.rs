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
