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
