//! `ResponseFuture`: the inner service's response, rendered where it is an `ApiError`.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};

use ::axum::body::Body;
use ::axum::http::header::{HeaderValue, CONTENT_LENGTH};
use ::axum::response::Response;
use pin_project_lite::pin_project;

use crate::axum::error::{own_locale, static_value, ApiError};
use crate::axum::layer::Shared;
use crate::http::baidu;
use crate::http::format::Occurrence;
use crate::http::headers::Own;
use crate::lang::Lang;

/// The request's language: negotiated, or its one `Accept-Language` line kept for later.
pub(crate) enum Pending {
    Lang(Lang<'static>),
    Header(Option<HeaderValue>),
}

pin_project! {
    /// The future of [`ErrorService`](crate::axum::ErrorService): the inner service's
    /// response, rendered where it is an [`ApiError`](crate::ApiError), else untouched.
    ///
    /// ```
    /// use api_error_i18n::axum::ResponseFuture;
    /// use api_error_i18n::{ErrorFormat, ErrorLayer};
    /// use tower_layer::Layer;
    /// use tower_service::Service;
    ///
    /// let mut service = ErrorLayer::new(ErrorFormat::baidu()).layer(axum::Router::new());
    /// let request = axum::http::Request::new(axum::body::Body::empty());
    /// let _future: ResponseFuture<_> = service.call(request);
    /// ```
    pub struct ResponseFuture<F> {
        #[pin]
        future: F,
        layer: Arc<Shared>,
        lang: Pending,
        head: bool,
    }
}

impl<F> ResponseFuture<F> {
    pub(crate) fn new(future: F, layer: Arc<Shared>, lang: Pending, head: bool) -> Self {
        ResponseFuture {
            future,
            layer,
            lang,
            head,
        }
    }
}

impl<F, E> Future for ResponseFuture<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let response = ready!(this.future.poll(cx))?;
        Poll::Ready(Ok(finish(this.layer, this.lang, *this.head, response)))
    }
}

/// `response` as it goes out: rendered in the request's language where it is an [`ApiError`]
/// (or what the layer's opt-in guess recognizes), else exactly as it came.
fn finish(layer: &Shared, lang: &Pending, head: bool, response: Response) -> Response {
    if layer.also.is_none() && response.extensions().get::<ApiError>().is_none() {
        return response; // the common case, not moved apart and back together
    }
    let (mut parts, body) = response.into_parts();
    // An error's own response: its headers were made of these (`ApiError::into_response`).
    let mut own = None;
    let error = match parts.extensions.remove::<ApiError>() {
        Some(error) => {
            own = Some(Own {
                content_type: baidu::CONTENT_TYPE,
                locale: Some(own_locale()),
                retry_after: error.retry_after,
            });
            error
        }
        None => match layer.also.as_ref().and_then(|guess| guess(&parts)) {
            Some(error) => error,
            None => return Response::from_parts(parts, body),
        },
    };
    drop(body);
    let lang = match lang {
        Pending::Lang(lang) => *lang,
        Pending::Header(line) => {
            let line = line.as_ref().and_then(|line| line.to_str().ok());
            layer.catalog.negotiate(line.unwrap_or(""))
        }
    };
    let args = error.fluent_args();
    let occurrence = Occurrence {
        code: error.code,
        args: args.as_ref(),
        natural: parts.status,
        retry_after: error.retry_after,
        challenge: error.challenge.as_ref(),
        own,
    };
    let rendered = layer
        .format
        .render(&lang, &occurrence, &mut parts, static_value);
    let body = if head {
        // What a GET would have sent (RFC 9110 9.3.2), without the content.
        parts
            .headers
            .insert(CONTENT_LENGTH, HeaderValue::from(rendered.len()));
        Body::empty()
    } else {
        Body::from(rendered)
    };
    Response::from_parts(parts, body)
}
