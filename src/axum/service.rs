//! `ErrorService`: negotiates lazily, hands the inner service's response to the future.

use std::sync::Arc;
use std::task::{Context, Poll};

use ::axum::http::header::ACCEPT_LANGUAGE;
use ::axum::http::{Method, Request};
use ::axum::response::Response;

use crate::axum::future::{Pending, ResponseFuture};
use crate::axum::layer::Shared;
use crate::catalog::Catalog;

/// The service of [`ErrorLayer`](crate::ErrorLayer).
///
/// # Examples
///
/// ```
/// use api_error_i18n::axum::ErrorService;
/// use api_error_i18n::{ErrorFormat, ErrorLayer};
/// use tower_layer::Layer;
///
/// let service: ErrorService<axum::Router> =
///     ErrorLayer::new(ErrorFormat::baidu()).layer(axum::Router::new());
/// ```
#[derive(Debug, Clone)]
pub struct ErrorService<S> {
    inner: S,
    layer: Arc<Shared>,
}

impl<S> ErrorService<S> {
    pub(crate) fn new(inner: S, layer: Arc<Shared>) -> ErrorService<S> {
        ErrorService { inner, layer }
    }
}

impl<S, B> tower_service::Service<Request<B>> for ErrorService<S>
where
    S: tower_service::Service<Request<B>, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        let catalog = self.layer.catalog;
        let head = request.method() == Method::HEAD;
        let lang = if std::ptr::eq(catalog, Catalog::embedded()) {
            // Negotiated only if the layer renders: a response it passes costs a header's
            // reference count. The `Lang` extractor negotiates the same chain itself.
            let mut lines = request.headers().get_all(ACCEPT_LANGUAGE).iter();
            match (lines.next(), lines.next()) {
                (first, None) => Pending::Header(first.cloned()),
                _ => Pending::Lang(catalog.negotiate_headers(request.headers())),
            }
        } else {
            let lang = catalog.negotiate_headers(request.headers());
            request.extensions_mut().insert(lang);
            Pending::Lang(lang)
        };
        ResponseFuture::new(
            self.inner.call(request),
            Arc::clone(&self.layer),
            lang,
            head,
        )
    }
}
