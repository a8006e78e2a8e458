//! `ErrorLayer`: what the layer renders, in which format, from which catalog.

use std::fmt;
use std::sync::Arc;

use ::axum::http::response::Parts;

use crate::axum::error::ApiError;
use crate::axum::service::ErrorService;
use crate::catalog::Catalog;
use crate::http::format::ErrorFormat;

/// A tower layer that renders every [`ApiError`] of a service (from a handler, an extractor of
/// [`api_error_i18n::axum`](crate::axum), a fallback) in the language of the request that
/// caused it, in the service's [`ErrorFormat`]. Every other response passes byte for byte,
/// headers and body: a handler's own `(StatusCode::NOT_FOUND, "no such user")` stays its own.
///
/// axum's own failures are `ApiError`s by construction, not by guessing: install the
/// fallbacks and use the crate's extractors, or all of it at once with
/// [`RouterExt::localized_errors`](crate::axum::RouterExt::localized_errors).
///
/// Rendering replaces the whole representation: the old body's `Content-Encoding`,
/// `Content-Length`, `Content-Range`, `Accept-Ranges`, `ETag`, `Last-Modified` and
/// `Transfer-Encoding` go (so compression inside the layer cannot mislabel the error), every
/// other header stays (a handler's `Retry-After`, `Allow`, `Set-Cookie`; `Vary` gets
/// `Accept-Language` added). A `HEAD` request gets the status and headers, no body.
///
/// The layer negotiates the request's language against its catalog (the embedded one, or
/// [`ErrorLayer::catalog`]) only when it renders; with an app's catalog it puts the [`Lang`]
/// in the request's extensions, where the [`Lang`] extractor finds it.
///
/// [`Lang`]: crate::Lang
///
/// # Examples
///
/// ```
/// use api_error_i18n::{ApiError, ErrorFormat, ErrorLayer};
/// use axum::{routing::get, Router};
/// use tower::ServiceExt; // for `oneshot`
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let app = Router::new()
///     .route("/v1/user", get(|| async { Err::<(), _>(ApiError::new(110)) }))
///     .layer(ErrorLayer::new(ErrorFormat::baidu()));
/// let request = axum::http::Request::get("/v1/user")
///     .header("accept-language", "zh-CN")
///     .body(axum::body::Body::empty())
///     .unwrap();
/// let response = app.oneshot(request).await.unwrap();
/// assert_eq!(response.status(), 401);
/// assert_eq!(response.headers()["content-language"], "zh-CN");
/// let body = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
/// assert_eq!(body, r#"{"error_code":110,"error_msg":"无效的access token"}"#);
/// # });
/// ```
#[derive(Clone)]
pub struct ErrorLayer {
    /// Shared by every service the layer makes: axum may layer a route once per request.
    shared: Arc<Shared>,
}

/// What the layer's services read.
#[derive(Clone)]
pub(crate) struct Shared {
    pub(crate) format: ErrorFormat,
    pub(crate) catalog: &'static Catalog,
    pub(crate) also: Option<Arc<Guess>>,
}

/// An opt-in predicate: the error a response that is not an [`ApiError`] stands for.
pub(crate) type Guess = dyn Fn(&Parts) -> Option<ApiError> + Send + Sync;

impl fmt::Debug for ErrorLayer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.shared.fmt(f)
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorLayer")
            .field("format", &self.format)
            .field("catalog", &self.catalog)
            .field("also", &self.also.is_some())
            .finish()
    }
}

impl ErrorLayer {
    /// The layer for `format`, speaking from the embedded catalog.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{ErrorFormat, ErrorLayer};
    ///
    /// let layer = ErrorLayer::new(ErrorFormat::problem("https://api.example.com/errors/")?);
    /// let _app: axum::Router = axum::Router::new().layer(layer);
    /// # Ok::<(), api_error_i18n::InvalidTypeBase>(())
    /// ```
    pub fn new(format: ErrorFormat) -> ErrorLayer {
        ErrorLayer {
            shared: Arc::new(Shared {
                format,
                catalog: Catalog::embedded(),
                also: None,
            }),
        }
    }

    /// Speaks from `catalog` instead of the embedded one: an app's own codes and languages.
    /// Every text of a response comes from it, through the request's [`Lang`](crate::Lang).
    /// [`catalog!`](crate::catalog!) gives a `&'static Catalog`; so does a `static` holding
    /// one built at run time (`once_cell`'s `Lazy`, `std`'s `OnceLock`).
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{Catalog, ErrorFormat, ErrorLayer};
    /// use std::sync::OnceLock;
    ///
    /// static CATALOG: OnceLock<Catalog> = OnceLock::new();
    /// let catalog = CATALOG.get_or_init(|| {
    ///     let sources = [("en", "error-1 = Unknown error\nerror-31001 = Out of coffee\n")];
    ///     Catalog::from_sources("en", sources).unwrap()
    /// });
    /// let layer = ErrorLayer::new(ErrorFormat::baidu()).catalog(catalog);
    /// assert_eq!(catalog.message(31001, "en", None), "Out of coffee");
    /// # let _app: axum::Router = axum::Router::new().layer(layer);
    /// ```
    #[must_use]
    pub fn catalog(mut self, catalog: &'static Catalog) -> ErrorLayer {
        Arc::make_mut(&mut self.shared).catalog = catalog;
        self
    }

    /// Also renders the responses `guess` recognizes, as the error it returns (sent with the
    /// response's own status, unless the format's policy says otherwise). An opt-in, for a
    /// service that cannot yet return [`ApiError`] everywhere; the body `guess` replaces is
    /// dropped unread. By default the layer renders `ApiError`s only.
    ///
    /// # Examples
    ///
    /// Every plain-text client error taken for code 100 (the shape of axum's rejections; a
    /// handler's own plain-text 4xx too, which is why this is not the default):
    ///
    /// ```
    /// use api_error_i18n::{ApiError, ErrorCode, ErrorFormat, ErrorLayer};
    /// use axum::http::header::CONTENT_TYPE;
    ///
    /// let layer = ErrorLayer::new(ErrorFormat::baidu()).render_also(|response| {
    ///     let plain = response.headers.get(CONTENT_TYPE)
    ///         .is_some_and(|value| value.as_bytes().starts_with(b"text/plain"));
    ///     (response.status.is_client_error() && plain).then(|| ApiError::from(ErrorCode::InvalidParameter))
    /// });
    /// # let _app: axum::Router = axum::Router::new().layer(layer);
    /// ```
    #[must_use]
    pub fn render_also(
        mut self,
        guess: impl Fn(&Parts) -> Option<ApiError> + Send + Sync + 'static,
    ) -> ErrorLayer {
        Arc::make_mut(&mut self.shared).also = Some(Arc::new(guess));
        self
    }
}

impl<S> tower_layer::Layer<S> for ErrorLayer {
    type Service = ErrorService<S>;

    fn layer(&self, inner: S) -> ErrorService<S> {
        ErrorService::new(inner, Arc::clone(&self.shared))
    }
}
