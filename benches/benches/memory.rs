//! Memory a catalog holds once a locale is parsed, per 1,000 messages: counted with
//! allocation-counter (bytes allocated and still live), so the figure is exact and repeatable.
//! `cargo bench -p benches --bench memory` prints a table; BENCHMARKS.md quotes it.

use api_error_i18n::Catalog;

fn source(tag: &str, codes: u32) -> String {
    (0..codes)
        .map(|code| format!("error-{code} = Message {code} of {tag} for this catalog\n"))
        .collect()
}

fn main() {
    println!("| messages in the locale | source bytes | live bytes after parsing | bytes per 1,000 messages |");
    println!("| ---: | ---: | ---: | ---: |");
    for codes in [36, 1_000, 10_000] {
        let text = source("fr", codes);
        let source_len = text.len();
        let mut kept = None;
        let info = allocation_counter::measure(|| {
            // The source is moved in, as an owned String: it is counted as live too.
            let catalog = Catalog::from_sources("fr", [("fr", text)]).unwrap();
            assert!(!catalog.message(0, "fr", None).is_empty());
            kept = Some(catalog);
        });
        let live = info.bytes_current;
        println!(
            "| {codes} | {source_len} | {live} | {} |",
            live * 1_000 / i64::from(codes)
        );
        drop(kept);
    }
    shipped();
}

/// Every shipped locale parsed: what a server holds once each language has been asked for.
fn shipped() {
    let sources = benches::shipped_sources();
    let locales = sources.len();
    let source_len: usize = sources.iter().map(|(_, text)| text.len()).sum();
    let mut kept = None;
    let info = allocation_counter::measure(|| {
        let catalog = Catalog::from_sources("en-US", sources).unwrap();
        let tags: Vec<String> = catalog.locales().map(str::to_owned).collect();
        for tag in &tags {
            assert!(!catalog.message(110, tag, None).is_empty());
        }
        kept = Some(catalog);
    });
    println!();
    println!("| the shipped catalog, every locale parsed | source bytes | live bytes | of which sources |");
    println!("| ---: | ---: | ---: | ---: |");
    println!(
        "| {locales} locales | {source_len} | {} | {source_len} |",
        info.bytes_current
    );
    drop(kept);
}
