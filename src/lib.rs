//! Turns the numeric error codes of a Baidu-style open API (0 success, 4 request limit, 110
//! invalid access token, ...) into messages in the caller's language, from Fluent files embedded
//! at build time.
//!
//! ```
//! use api_error_i18n::{message, resolve, FluentArgs};
//!
//! // Any locale string a client may send: a tag, a POSIX name, an Accept-Language value.
//! assert_eq!(message(110, "zh-CN", None), "无效的access token");
//! assert_eq!(message(110, "it-IT, en;q=0.5", None), "Access token invalid or no longer valid");
//!
//! // Arguments, and the locale that served the text (for a Content-Language header).
//! let mut args = FluentArgs::new();
//! args.set("ip", "203.0.113.7");
//! let found = resolve(5, "zh_CN.UTF-8", Some(&args))?;
//! assert_eq!(found.text, "请求来自未经授权的IP地址：203.0.113.7");
//! assert_eq!(found.locale, "zh-CN");
//! # Ok::<(), api_error_i18n::Error>(())
//! ```
//!
//! # Locales
//!
//! Messages live in `locales/<BCP 47 tag>/*.ftl`, one message per code, with the id
//! `error-<code>`. Every `.ftl` file in a locale's folder belongs to that locale. The crate ships
//! 13: en-US (the default), zh-CN, zh-TW, ja, ko, fr, de, es, pt-BR, ru, ar, vi and id;
//! [`Catalog::embedded`] lists what a build holds. To add a language, add a folder and rebuild:
//! nothing else names the locales.
//!
//! Arabic is written right to left: there, an argument comes wrapped in Unicode isolation marks
//! (U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE), so that an address or a
//! name keeps its own direction inside the sentence. A client shows the text as it is, in a
//! right-to-left view: browsers, Android and iOS render the marks invisibly. Strip them only
//! where nothing renders bidirectional text (a log line, a terminal). Left-to-right locales
//! have no marks.
//!
//! The `locale` argument is read as an HTTP `Accept-Language` value, which a single tag also is:
//! tags in any case (`zh-cn`), POSIX names (`zh_CN.UTF-8`), q-weights (`q=0` excludes an entry,
//! ties keep their order, an entry with a malformed weight is ignored), and `*` for the default.
//! Empty or unreadable input means the default locale. Only the first 1024 bytes and 32 entries
//! are read, so a hostile header costs bounded time.
//!
//! # Fallback
//!
//! The requested languages are negotiated against the catalog's locales with likely-subtag data
//! (fluent-langneg with CLDR): `zh-HK` and `zh-Hant` reach zh-TW, `zh-SG` and `zh-Hans` reach
//! zh-CN (and with no Traditional Chinese locale, all of them would reach zh-CN), `en-GB`
//! reaches en-US. The result is a chain ending in the default locale, and
//! each message comes from the first locale in the chain that has it: a partly translated
//! locale is served with the gaps filled, never with an id or an empty string.
//!
//! A code that no locale has gets the message of code 1, "Unknown error", in the caller's
//! language.
//!
//! # Errors
//!
//! [`message`] always answers. [`resolve`] says what went wrong, as an [`Error`]: an unknown
//! code, a missing argument (named), or a message that cannot be formatted ([`Cause`]: a
//! reference to a message or term its locale lacks, a cycle). A missing argument leaves its
//! placeholder visible in `message`'s answer (`{$ip}`); a message that cannot be formatted is
//! skipped in that locale, so `message` answers from the next locale of the chain and never
//! shows Fluent's `{-term}` placeholders. Extra arguments are ignored; argument values are data,
//! never parsed as Fluent.
//!
//! Building a catalog of one's own ([`Catalog::from_sources`], [`Catalog::over`]) fails with a
//! [`BuildError`], a type of its own: a lookup never reports a build problem.
//!
//! # Numbers, plurals and dates
//!
//! Numeric arguments are written as the locale writes them (ICU4X's CLDR data: en `1,234.5`,
//! de `1.234,5`, ar-EG `١٬٢٣٤٫٥`), in `{ $n }` as in `NUMBER($n, maximumFractionDigits: 1)`;
//! plural variants are chosen by CLDR's current rules, an exact `[0]` first; [`DateTime`]
//! arguments are written in UTC, by `{ $d }` or `DATETIME($d, dateStyle: "long")`. Output is
//! checked against fluent.js (`tests/it/intl.rs`). Pass identifiers as strings: a number gets
//! grouping. A number whose `FluentNumberOptions` ask for the percent style is written by the
//! locale's percent format with the feature `percent` (`25 %` in de); without it, and for the
//! currency style, and for the `DATETIME` options [`DateTime`] lists as unsupported, the message
//! fails with [`Error::Format`].
//!
//! ```
//! use api_error_i18n::{Catalog, FluentArgs};
//!
//! let catalog = Catalog::from_sources("en-US", [
//!     ("en-US", "error-952 = { $n ->\n    [one] One item\n   *[other] { $n } items\n} sent, at most 20\n"),
//!     ("fr", "error-952 = { $n ->\n    [one] { $n } élément envoyé\n   *[other] { $n } éléments envoyés\n}, 20 au plus\n"),
//! ])?;
//! let mut args = FluentArgs::new();
//! args.set("n", 1.5);
//! assert_eq!(catalog.message(952, "fr", Some(&args)), "1,5 élément envoyé, 20 au plus");
//! args.set("n", 21000);
//! assert_eq!(catalog.message(952, "en", Some(&args)), "21,000 items sent, at most 20");
//! assert_eq!(catalog.message(952, "fr", Some(&args)), "21\u{202f}000 éléments envoyés, 20 au plus");
//! # Ok::<(), api_error_i18n::BuildError>(())
//! ```
//!
//! # Hostile sources
//!
//! Fluent's parser and resolver recurse. Before a source is parsed, an entry nested more than 10
//! levels deep (placeables, selects, call arguments) is dropped, and a message whose references
//! reach more than 32 levels deep is not served: no source, however broken, can overflow the
//! stack, even on a thread of 256 KB. The build script rejects both in the embedded catalog
//! with `path:line:col`; [`Catalog::from_sources`] skips them and serves the rest.
//!
//! # Performance
//!
//! Files are parsed once per locale, at first use, into compact patterns; fluent's bundle is
//! built only for a locale with a message that needs its resolver (selectors, terms, functions).
//! Negotiation is memoized per thread by the exact locale string. Plain messages are returned
//! borrowed, without allocating; messages with string or number arguments take one
//! allocation, the returned string. Number and date formatters are built once per locale.
//! Nothing on the lookup path takes a lock. BENCHMARKS.md has the figures.
//!
//! # Features
//!
//! None is on by default: the default build has no web stack.
//!
//! - `serde`: `ErrorBody`, the Baidu-shaped JSON body `{"error_code": 110, "error_msg": "..."}`.
//! - `http`: error responses on the `http` crate's types, for any framework built on them:
//!   `ErrorFormat` (Baidu, RFC 9457 problem details, Google's AIP-193 model, each with
//!   `Content-Language`, `Vary: Accept-Language` and `Cache-Control: no-store`),
//!   `default_status`, and `Catalog::negotiate_headers`.
//! - `axum`: `Lang` as an extractor, `ApiError` for handlers, extractors and router fallbacks
//!   whose failures are `ApiError`s, and `ErrorLayer`, which renders every `ApiError` (and
//!   nothing else) in the language of the request.
//! - `percent`: numbers in the percent style (`FluentNumberOptions { style: Percent, .. }`, a
//!   developer's option), on ICU4X's unstable `icu_experimental`, whose compile time keeps it
//!   out of the default build.
//! - `long-zone-names`: `DATETIME`'s long time zone name (`timeZoneName: "long"`,
//!   `timeStyle: "full"`), ICU4X's long names of every zone, about 2.5 MB of a release
//!   binary; without it they fail with `Error::Format`.
//!
//! # Recipes
//!
//! A handler negotiates once per request; one call gives the text, the locale that served it
//! (for `Content-Language`) and what went wrong (for the log):
//!
//! ```
//! use api_error_i18n::{negotiate, Error, ErrorCode};
//!
//! let lang = negotiate("zh-TW,zh;q=0.9,en;q=0.8"); // the request's Accept-Language
//! let found = lang.localize(ErrorCode::RequestLimitReached.code(), None);
//! assert_eq!((found.text.as_ref(), found.locale), ("API 呼叫次數已達上限", "zh-TW"));
//! assert_eq!(found.problem, None);
//!
//! let found = lang.localize(4242, None);
//! assert_eq!((found.text.as_ref(), found.problem), ("未知錯誤", Some(Error::UnknownCode(4242))));
//! ```
//!
//! With axum (feature `axum`), handlers return `ApiError`, take the crate's extractors (whose
//! rejection is an `ApiError`), and one step installs the fallbacks for no route and a wrong
//! method and the layer that renders every `ApiError`, and nothing else, in the request's
//! language; see `ErrorLayer`, the `axum` module and `examples/server.rs`:
//!
//! ```
//! # #[cfg(feature = "axum")] {
//! use api_error_i18n::axum::{Query, RouterExt};
//! use api_error_i18n::{ApiError, ErrorCode, ErrorFormat, ErrorLayer};
//! use axum::{routing::get, Router};
//!
//! #[derive(serde::Deserialize)]
//! struct Token { access_token: String }
//!
//! async fn user(Query(token): Query<Token>) -> Result<&'static str, ApiError> {
//!     match token.access_token.as_str() {
//!         "demo-token" => Ok("user 42"),
//!         _ => Err(ErrorCode::AccessTokenInvalid.into()),
//!     }
//! }
//! let format = ErrorFormat::problem("https://api.example.com/errors").unwrap();
//! let app: Router = Router::new()
//!     .route("/v1/user", get(user))
//!     .localized_errors(ErrorLayer::new(format));
//! # }
//! ```
//!
//! actix-web has header types of its own (from `http` 0.2): read `Accept-Language` as text,
//! render with `ErrorFormat` (feature `http`), and copy the response over:
//!
//! ```
//! # #[cfg(feature = "http")] {
//! use actix_web::http::{header::ACCEPT_LANGUAGE, StatusCode};
//! use actix_web::{test::TestRequest, HttpRequest, HttpResponse};
//! use api_error_i18n::{negotiate, ErrorFormat};
//!
//! fn error_response(format: &ErrorFormat, request: &HttpRequest, code: u32) -> HttpResponse {
//!     // Every field line, combined in order as HTTP says.
//!     let lines: Vec<&str> = request.headers().get_all(ACCEPT_LANGUAGE)
//!         .filter_map(|line| line.to_str().ok())
//!         .collect();
//!     let response = format.response(&negotiate(&lines.join(", ")), code, None);
//!     let status = StatusCode::from_u16(response.status().as_u16());
//!     let mut reply = HttpResponse::build(status.unwrap_or(StatusCode::INTERNAL_SERVER_ERROR));
//!     for (name, value) in response.headers() {
//!         reply.append_header((name.as_str(), value.as_bytes()));
//!     }
//!     reply.body(response.into_body())
//! }
//!
//! let request = TestRequest::default().insert_header((ACCEPT_LANGUAGE, "zh-CN")).to_http_request();
//! let reply = error_response(&ErrorFormat::baidu(), &request, 110);
//! assert_eq!(reply.status(), StatusCode::UNAUTHORIZED);
//! assert_eq!(reply.headers().get("content-language").unwrap(), "zh-CN");
//! assert_eq!(reply.headers().get("vary").unwrap(), "accept-language");
//! # }
//! ```
//!
//! An app's own codes, languages and wordings live in the app's own `locales/` folder, embedded
//! by one declaration, [`catalog!`], and checked by one line in its build script,
//! `api_error_i18n_lint::build("locales")`; the app's messages are layered over the built-in
//! ones ([`Catalog::over`]). For tests, or messages kept outside the binary, build a [`Catalog`]
//! from sources:
//!
//! ```
//! use api_error_i18n::Catalog;
//!
//! let catalog = Catalog::from_sources(
//!     "en-US",
//!     [("en-US", "error-7001 = Quota of { $name } used up\n"), ("fr", "error-7001 = Quota de { $name } épuisé\n")],
//! )?;
//! let mut args = api_error_i18n::FluentArgs::new();
//! args.set("name", "demo");
//! assert_eq!(catalog.message(7001, "fr-CA", Some(&args)), "Quota de demo épuisé");
//! # Ok::<(), api_error_i18n::BuildError>(())
//! ```
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
#![warn(missing_docs)]

#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "serde")]
mod body;
mod catalog;
mod code;
mod embedded;
mod error;
mod format;
#[cfg(feature = "http")]
mod http;
mod intl;
mod lang;
mod negotiation;
mod pseudo;
mod source;

use std::borrow::Cow;

#[cfg(feature = "axum")]
pub use crate::axum::{error::ApiError, layer::ErrorLayer};
#[cfg(feature = "http")]
pub use crate::http::{format::ErrorFormat, problem::InvalidTypeBase, status::default_status};
#[cfg(feature = "serde")]
pub use body::ErrorBody;
pub use catalog::Catalog;
pub use code::ErrorCode;
pub use error::{BuildError, Cause, Error};
pub use fluent_bundle::FluentArgs;
pub use intl::DateTime;
pub use lang::{Lang, Localized};

/// Embeds an app's own `locales/` folder and gives its catalog: `fn $name() -> &'static Catalog`.
///
/// The folder is relative to the app's `Cargo.toml`, laid out as this crate's own
/// (`<folder>/<BCP 47 tag>/*.ftl`, ids `error-<code>`), and embedded at build time (debug
/// builds too; `*.ftl` files only). Its messages are layered over the built-in catalog
/// ([`Catalog::over`]): the app's own codes, its own languages, its own wording of a built-in
/// code in one language. With `alone`, the catalog is the app's only, for APIs that are not
/// Baidu-style: then the folder needs `en-US`, the default, and a build without it fails
/// (which the build script's `api_error_i18n_lint::build` of the same folder finds out).
///
/// Pair it with one line in the app's `build.rs`, which checks the folder (`path:line:col`)
/// and reruns the embedding when a file or folder is added:
/// `api_error_i18n_lint::build("locales");`.
///
/// # Examples
///
/// ```
/// // tests/data/app-locales: en-US and fr with code 31001, zh-CN rewording 110, eo.
/// api_error_i18n::catalog!(fn app_catalog, "tests/data/app-locales");
///
/// let catalog = app_catalog();
/// assert_eq!(catalog.message(31001, "fr-CA", None), "Plus de café");
/// assert_eq!(catalog.message(110, "zh-CN", None), "令牌无效，请重新登录");
/// assert_eq!(catalog.message(4, "eo", None), "Open api request limit reached");
///
/// api_error_i18n::catalog!(fn only_the_app, "tests/data/app-locales", alone);
/// assert_eq!(only_the_app().message(4, "en", None), "Unknown error");
/// ```
#[macro_export]
macro_rules! catalog {
    ($vis:vis fn $name:ident, $folder:tt) => {
        $crate::catalog!(@embed $vis $name, $folder, ::core::option::Option::Some($crate::Catalog::embedded()));
    };
    ($vis:vis fn $name:ident, $folder:tt, alone) => {
        const _: () = $crate::__private::require_default_locale(
            ::core::env!(
                "API_ERROR_I18N_FOLDERS_WITH_DEFAULT_LOCALE",
                "catalog!(.., alone) needs the app's build.rs to check the folder first: \
                 api_error_i18n_lint::build(\"<the same folder>\");"
            ),
            $folder,
        );
        $crate::catalog!(@embed $vis $name, $folder, ::core::option::Option::None);
    };
    (@embed $vis:vis $name:ident, $folder:tt, $base:expr) => {
        $vis fn $name() -> &'static $crate::Catalog {
            #[derive($crate::__private::RustEmbed)]
            #[folder = $folder]
            #[include = "*.ftl"]
            #[crate_path = "api_error_i18n::__private::rust_embed"]
            struct Files;
            static CATALOG: $crate::__private::Lazy<$crate::Catalog> =
                $crate::__private::Lazy::new(|| $crate::__private::from_embedded::<Files>($base));
            &CATALOG
        }
    };
}

/// What [`catalog!`] expands to needs; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::embedded::{from_embedded, require_default_locale};
    pub use once_cell::sync::Lazy;
    pub use rust_embed::{self, RustEmbed};
}

/// The README's examples, run as doc-tests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The locale that ends every fallback chain of the embedded catalog.
///
/// # Examples
///
/// ```
/// use api_error_i18n::{message, DEFAULT_LOCALE};
///
/// assert_eq!(DEFAULT_LOCALE, "en-US");
/// assert_eq!(message(0, "", None), message(0, DEFAULT_LOCALE, None));
/// ```
pub const DEFAULT_LOCALE: &str = api_error_i18n_source::DEFAULT_LOCALE;

/// The message for `code` in the best language for `locale`, from the embedded catalog.
///
/// Always answers and never panics, on any input: an unknown code gets the "Unknown error"
/// message, an unreadable locale the default language, a missing argument a visible
/// placeholder. Use [`resolve`] to learn what went wrong and which locale answered.
///
/// # Examples
///
/// ```
/// use api_error_i18n::{message, FluentArgs};
///
/// assert_eq!(message(4, "zh-cn", None), "接口调用次数已达到设定的上限");
/// assert_eq!(message(4, "de-DE", None), "API-Anfragelimit erreicht");
/// assert_eq!(message(4242, "zh", None), "未知错误");
///
/// let mut args = FluentArgs::new();
/// args.set("ip", "198.51.100.1");
/// assert_eq!(message(5, "en", Some(&args)), "Unauthorized client IP address:198.51.100.1");
/// assert_eq!(message(5, "en", None), "Unauthorized client IP address:{$ip}");
/// ```
pub fn message(code: u32, locale: &str, args: Option<&FluentArgs>) -> Cow<'static, str> {
    Catalog::embedded().message(code, locale, args)
}

/// The fallback chain of the embedded catalog for `locale`, read as [`message`] reads it:
/// negotiate once per request, then ask the [`Lang`] for any number of messages.
///
/// # Examples
///
/// ```
/// use api_error_i18n::negotiate;
///
/// let lang = negotiate("it-IT, zh;q=0.8");
/// assert_eq!(lang.message(4, None), "接口调用次数已达到设定的上限");
/// let found = lang.localize(110, None);
/// assert_eq!((found.text.as_ref(), found.locale), ("无效的access token", "zh-CN"));
/// ```
#[inline]
pub fn negotiate(locale: &str) -> Lang<'static> {
    Catalog::embedded().negotiate(locale)
}

/// The message for `code` in the best language for `locale`, with the locale that served it;
/// or what went wrong.
///
/// # Errors
///
/// [`Error::UnknownCode`] when no locale has a message for `code`;
/// [`Error::MissingArgument`] when the message takes an argument that `args` lacks.
///
/// # Examples
///
/// ```
/// use api_error_i18n::{resolve, Error};
///
/// let found = resolve(952, "en-GB,en;q=0.9", None)?;
/// assert_eq!(found.text, "Each batch API can not contain more than 20 items");
/// assert_eq!(found.locale, "en-US");
///
/// assert_eq!(resolve(4242, "en", None), Err(Error::UnknownCode(4242)));
/// assert_eq!(
///     resolve(5, "zh-CN", None),
///     Err(Error::MissingArgument { code: 5, name: "ip".to_owned() }),
/// );
/// # Ok::<(), Error>(())
/// ```
pub fn resolve(
    code: u32,
    locale: &str,
    args: Option<&FluentArgs>,
) -> Result<Localized<'static>, Error> {
    negotiate(locale).resolve(code, args)
}
