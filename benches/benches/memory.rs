//! Memory a catalog holds once a locale is parsed: counted with allocation-counter (bytes
//! allocated and still live when the closure returns), so the figures are exact and repeatable.
//! `cargo bench -p benches --bench memory` prints the tables; BENCHMARKS.md quotes them.
//!
//! The counter sees only what is allocated inside its closure. So every source is either
//! created inside it (owned sources: "live bytes" includes them, and "of which sources" is the
//! sources alone, created the same way and counted the same way), or `&'static` and created
//! before it (static sources, as in the embedded catalog: "live bytes" is the catalog's own).

use api_error_i18n::Catalog;

fn source(tag: &str, codes: u32) -> String {
    (0..codes)
        .map(|code| format!("error-{code} = Message {code} of {tag} for this catalog\n"))
        .collect()
}

/// Bytes still live after `make` returns, its result kept until then.
fn live<T>(make: impl FnOnce() -> T) -> i64 {
    let mut kept = None;
    let info = allocation_counter::measure(|| kept = Some(make()));
    drop(kept);
    info.bytes_current
}

/// Builds a catalog of `sources` and asks each of `tags` for a message, so that each is parsed.
fn parsed<L, S>(sources: impl IntoIterator<Item = (L, S)>, tags: &[String]) -> Catalog
where
    L: AsRef<str>,
    S: Into<std::borrow::Cow<'static, str>>,
{
    let catalog = Catalog::from_sources(&tags[0], sources).unwrap();
    for tag in tags {
        // Each locale answers itself: it was parsed.
        assert_eq!(catalog.resolve(0, tag, None).unwrap().locale, tag);
    }
    catalog
}

fn main() {
    // This thread's negotiation memo, set up before anything is counted.
    let warm = Catalog::from_sources("en", [("en", "error-0 = x\n")]).unwrap();
    for locale in ["en", "en-US, en;q=0.9, fr;q=0.8, de;q=0.7, it;q=0.6"] {
        assert_eq!(warm.message(0, locale, None), "x");
    }
    println!("| messages in the locale | live bytes, owned source included | of which the source | the catalog's own | the catalog's own, static source | catalog bytes per 1,000 messages |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: |");
    let tags = ["fr".to_owned()];
    for codes in [36, 1_000, 10_000] {
        let with_source = live(|| parsed(vec![("fr".to_owned(), source("fr", codes))], &tags));
        let source_alone = live(|| source("fr", codes));
        let text: &'static str = Box::leak(source("fr", codes).into_boxed_str());
        let static_source = live(|| parsed([("fr", text)], &tags));
        let own = with_source - source_alone;
        println!(
            "| {codes} | {with_source} | {source_alone} | {own} | {static_source} | {} |",
            static_source * 1_000 / i64::from(codes)
        );
    }
    shipped();
}

/// Every shipped locale parsed: what a server holds once each language has been asked for.
fn shipped() {
    let sources = benches::shipped_sources;
    let mut tags: Vec<String> = sources().into_iter().map(|(tag, _)| tag).collect();
    tags.dedup();
    // The default first: `parsed` builds the catalog with tags[0] as its default.
    tags.sort_by_key(|tag| tag.as_str() != "en-US");
    let with_sources = live(|| parsed(sources(), &tags));
    let sources_alone = live(sources);
    let leaked: Vec<(String, &'static str)> = sources()
        .into_iter()
        .map(|(tag, text)| (tag, &*Box::leak(text.into_boxed_str())))
        .collect();
    // Borrowed, so that no allocation made before the counter is freed inside it.
    let static_sources = live(|| parsed(leaked.iter().map(|(tag, text)| (tag, *text)), &tags));
    println!();
    println!("| the shipped catalog, every locale parsed | live bytes, owned sources included | of which the sources | the catalog's own | the catalog's own, static sources |");
    println!("| ---: | ---: | ---: | ---: | ---: |");
    println!(
        "| {} locales | {with_sources} | {sources_alone} | {} | {static_sources} |",
        tags.len(),
        with_sources - sources_alone
    );
}
