//! The integration tests: one binary, a module per area, the public API used as a user does.

mod allocations;
mod body;
mod catalog;
mod differential;
mod hostile;
mod intl;
mod lang;
mod layer;
mod locales;
mod properties;
mod resolution;
mod seed;
mod server;
mod threads;

use api_error_i18n::{resolve, FluentArgs};

/// Arguments from `name=value` pairs.
pub fn args(pairs: &[(&str, &str)]) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for (name, value) in pairs {
        args.set(name.to_string(), value.to_string());
    }
    args
}

/// Resolves `code` for `locale` with the embedded catalog and checks the text and the locale
/// that served it.
#[track_caller]
pub fn check(locale: &str, code: u32, expected_text: &str, expected_locale: &str) {
    let ip = args(&[("ip", "203.0.113.7")]);
    let found = resolve(code, locale, Some(&ip))
        .unwrap_or_else(|e| panic!("code {code} for {locale:?}: {e}"));
    assert_eq!(
        (found.text.as_ref(), found.locale),
        (expected_text, expected_locale),
        "code {code} for locale {locale:?}"
    );
    // `message` answers the same text.
    assert_eq!(
        api_error_i18n::message(code, locale, Some(&ip)),
        expected_text
    );
}

/// `GET path` with these `Accept-Language` field lines, through `app` on a fresh runtime (tower's
/// `oneshot`, no socket): the response's parts and its whole body.
pub fn get_through(
    app: axum::Router,
    path: &str,
    accept_language: &[&str],
) -> (axum::http::response::Parts, String) {
    use tower::ServiceExt;
    let mut request = axum::http::Request::get(path);
    for line in accept_language {
        request = request.header("accept-language", *line);
    }
    let request = request.body(axum::body::Body::empty()).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (parts, body) = app.oneshot(request).await.unwrap().into_parts();
        let body = axum::body::to_bytes(body, 1 << 20).await.unwrap();
        (parts, String::from_utf8(body.to_vec()).unwrap())
    })
}

/// The project's `locales/` folder.
pub fn locales_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// Every shipped locale's sources as `(tag, text)`, read from `locales/` (not through the
/// library).
pub fn shipped_sources() -> Vec<(String, String)> {
    let mut sources = Vec::new();
    for folder in std::fs::read_dir(locales_dir()).unwrap() {
        let folder = folder.unwrap().path();
        let tag = folder.file_name().unwrap().to_string_lossy().into_owned();
        for file in std::fs::read_dir(&folder).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            sources.push((tag.clone(), text));
        }
    }
    sources
}

/// The pseudo-locales the embedded catalog adds, each with fluent-pseudo's transformation as
/// `pseudo.rs` documents it: en-XA accented and lengthened; ar-XB mirrored, inside U+202E
/// RIGHT-TO-LEFT OVERRIDE ... U+202C POP DIRECTIONAL FORMATTING.
pub const PSEUDO_LOCALES: [&str; 2] = ["en-XA", "ar-XB"];

fn accented(text: &str) -> std::borrow::Cow<'_, str> {
    fluent_pseudo::transform(text, false, true)
}

fn mirrored(text: &str) -> std::borrow::Cow<'_, str> {
    if text.trim().is_empty() {
        return text.into();
    }
    format!(
        "\u{202e}{}\u{202c}",
        fluent_pseudo::transform(text, true, false)
    )
    .into()
}

/// fluent-bundle itself, the outside oracle for formatted messages: a bundle of `sources` for
/// `tag`, with isolation marks in right-to-left locales only (the catalog's documented policy)
/// and, for a pseudo-locale, its transformation.
pub fn oracle_bundle(
    tag: &str,
    sources: &[&str],
) -> fluent_bundle::concurrent::FluentBundle<fluent_bundle::FluentResource> {
    use unic_langid::{CharacterDirection, LanguageIdentifier};
    let id: LanguageIdentifier = tag.parse().unwrap();
    let mut bundle = fluent_bundle::concurrent::FluentBundle::new_concurrent(vec![id.clone()]);
    bundle.set_use_isolating(id.character_direction() == CharacterDirection::RTL);
    bundle.set_transform(match tag {
        "en-XA" => Some(accented),
        "ar-XB" => Some(mirrored),
        _ => None,
    });
    for source in sources {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source).to_owned();
        let resource = fluent_bundle::FluentResource::try_new(source)
            .unwrap_or_else(|(partial, _syntax_errors)| partial);
        // The first definition of an id wins, as in the catalog.
        let _overrides = bundle.add_resource(resource);
    }
    bundle
}

/// The oracle bundle of a shipped locale, pseudo-locales included (made from en-US's files),
/// built once.
pub fn shipped_oracle(
    tag: &str,
) -> &'static fluent_bundle::concurrent::FluentBundle<fluent_bundle::FluentResource> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    type Bundles =
        HashMap<String, fluent_bundle::concurrent::FluentBundle<fluent_bundle::FluentResource>>;
    static BUNDLES: OnceLock<Bundles> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        let sources = shipped_sources();
        let of = |tag: &str| -> Vec<&str> {
            sources
                .iter()
                .filter(|(t, _)| t == tag)
                .map(|(_, text)| text.as_str())
                .collect()
        };
        let mut tags: Vec<String> = sources.iter().map(|(tag, _)| tag.clone()).collect();
        tags.dedup();
        let mut bundles: Bundles = tags
            .iter()
            .map(|tag| (tag.clone(), oracle_bundle(tag, &of(tag))))
            .collect();
        for pseudo in PSEUDO_LOCALES {
            bundles.insert(pseudo.to_owned(), oracle_bundle(pseudo, &of("en-US")));
        }
        bundles
    });
    bundles
        .get(tag)
        .unwrap_or_else(|| panic!("no oracle for {tag}"))
}

/// fluent-bundle's text for `error-<code>` in `bundle`, and whether fluent reported a problem
/// other than a missing argument; `None` when the bundle has no such message value.
pub fn fluent_format(
    bundle: &fluent_bundle::concurrent::FluentBundle<fluent_bundle::FluentResource>,
    code: u32,
    args: Option<&FluentArgs>,
) -> Option<(String, Vec<fluent_bundle::FluentError>)> {
    let pattern = bundle.get_message(&format!("error-{code}"))?.value()?;
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned();
    Some((text, errors))
}

/// Whether fluent's errors are all missing arguments (the text still stands, its placeholder
/// visible).
pub fn only_missing_arguments(errors: &[fluent_bundle::FluentError]) -> bool {
    use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
    errors.iter().all(|error| {
        matches!(
            error,
            fluent_bundle::FluentError::ResolverError(ResolverError::Reference(
                ReferenceKind::Variable { .. }
            ))
        )
    })
}

/// The seed table, `tests/data/api-error-codes.md` (a verbatim copy of the canonical table, the
/// outside oracle for en-US and zh-CN): its `(code, Chinese, English)` rows.
pub fn seed_table() -> Vec<(u32, String, String)> {
    let table = include_str!("../data/api-error-codes.md");
    table
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            let [code, chinese, english] = cells.as_slice() else {
                return None;
            };
            Some((code.parse().ok()?, chinese.to_string(), english.to_string()))
        })
        .collect()
}

/// The seed table's text for `code` in `locale` (`zh-CN` or `en-US`), if it has one that the
/// catalog serves verbatim (code 5's has a printf placeholder instead of `{ $ip }`).
pub fn seed_text(code: u32, locale: &str) -> Option<String> {
    let (_, chinese, english) = seed_table()
        .into_iter()
        .find(|(c, ..)| *c == code && *c != 5)?;
    match locale {
        "zh-CN" => Some(chinese),
        "en-US" => Some(english),
        _ => None,
    }
}
