//! axum: the client's language as an extractor, an error type for handlers, and a tower layer
//! that renders those errors, and axum's own failures, in the language of the request.

use std::borrow::Cow;
use std::convert::Infallible;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::FromRequestParts;
use axum::http::header::{CONTENT_LANGUAGE, CONTENT_TYPE};
use axum::http::{request, response::Parts};
use axum::http::{HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use fluent_bundle::types::FluentNumber;
use fluent_bundle::FluentValue;
use http_body::Frame;
use pin_project_lite::pin_project;

use crate::response::static_value;
use crate::{default_status, Catalog, ErrorCode, ErrorFormat, FluentArgs, Lang};

/// The longest rejection text read for the log; axum's are a line or two.
const MAX_REJECTION_TEXT: usize = 16 * 1024;

/// The client's language, as a handler argument: from [`ErrorLayer`] when the router has it
/// (negotiated against the layer's catalog), else from the request's `Accept-Language` against
/// the embedded catalog. Never rejects.
///
/// ```
/// use api_error_i18n::Lang;
///
/// async fn handler(lang: Lang<'static>) -> String {
///     lang.message(0, None).into_owned()
/// }
/// # let _ = axum::Router::<()>::new().route("/", axum::routing::get(handler));
/// ```
impl<S: Send + Sync> FromRequestParts<S> for Lang<'static> {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut request::Parts,
        _state: &S,
    ) -> Result<Self, Infallible> {
        Ok(match parts.extensions.get::<Lang<'static>>() {
            Some(lang) => *lang,
            None => Catalog::embedded().negotiate_headers(&parts.headers),
        })
    }
}

/// An API error a handler returns: a code and its message's arguments. [`ErrorLayer`] renders
/// it in the language of the request and the service's format.
///
/// Without the layer it answers in the default locale, in Baidu's format.
///
/// # Examples
///
/// ```
/// use api_error_i18n::{ApiError, ErrorCode};
/// use axum::Json;
///
/// async fn user(token: Option<String>) -> Result<Json<&'static str>, ApiError> {
///     let token = token.ok_or(ErrorCode::InvalidParameter)?;
///     if token != "demo-token" {
///         return Err(ApiError::from(ErrorCode::AccessTokenInvalid));
///     }
///     Ok(Json("user 42"))
/// }
///
/// let error = ApiError::new(5).arg("ip", "203.0.113.7");
/// assert_eq!(error.code(), 5);
/// assert_eq!(error.to_string(), "API error 5");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    code: u32,
    args: Vec<(Cow<'static, str>, Arg)>,
}

/// An argument's value, as plain data: an error travels in a response's extensions, which
/// must be `Sync`, and `FluentValue` may hold a custom type that is not.
#[derive(Debug, Clone, PartialEq)]
enum Arg {
    String(Cow<'static, str>),
    Number(FluentNumber),
    /// Anything else, which fluent writes as nothing.
    None,
}

impl ApiError {
    /// The error of `code`, without arguments.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::ApiError;
    ///
    /// assert_eq!(ApiError::new(31001).code(), 31001);
    /// ```
    pub fn new(code: u32) -> ApiError {
        ApiError {
            code,
            args: Vec::new(),
        }
    }

    /// Adds an argument of the message: a string or a number.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{negotiate, ApiError, ErrorFormat};
    ///
    /// let error = ApiError::new(5).arg("ip", "203.0.113.7");
    /// let response = axum::response::IntoResponse::into_response(error);
    /// assert_eq!(response.status(), 403);
    /// ```
    #[must_use]
    pub fn arg(
        mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<FluentValue<'static>>,
    ) -> ApiError {
        let value = match value.into() {
            FluentValue::String(text) => Arg::String(text),
            FluentValue::Number(number) => Arg::Number(number),
            _ => Arg::None,
        };
        self.args.push((name.into(), value));
        self
    }

    /// The API error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{ApiError, ErrorCode};
    ///
    /// assert_eq!(ApiError::from(ErrorCode::RequestLimitReached).code(), 4);
    /// ```
    pub fn code(&self) -> u32 {
        self.code
    }

    fn fluent_args(&self) -> Option<FluentArgs<'_>> {
        if self.args.is_empty() {
            return None;
        }
        let mut args = FluentArgs::with_capacity(self.args.len());
        for (name, value) in &self.args {
            let value = match value {
                Arg::String(text) => FluentValue::String(Cow::Borrowed(text)),
                Arg::Number(number) => FluentValue::Number(number.clone()),
                Arg::None => FluentValue::None,
            };
            args.set(name.as_ref(), value);
        }
        Some(args)
    }
}

impl From<ErrorCode> for ApiError {
    fn from(code: ErrorCode) -> ApiError {
        ApiError::new(code.code())
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "API error {}", self.code)
    }
}

impl std::error::Error for ApiError {}

/// The error itself, for [`ErrorLayer`] to render in the request's language and the service's
/// format; without the layer, the Baidu body in the default locale.
impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = Response::new(Body::new(Deferred(Some(self.clone()))));
        *response.status_mut() = default_status(self.code);
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        if let Some(locale) = static_value(Catalog::embedded().default_locale()) {
            headers.insert(CONTENT_LANGUAGE, locale);
        }
        response.extensions_mut().insert(self);
        response
    }
}

/// The body of an [`ApiError`]'s own response, rendered only if it is read: the layer replaces
/// it unread, and rendering it first would cost as much as the rendering that counts.
struct Deferred(Option<ApiError>);

impl HttpBody for Deferred {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let Some(error) = self.get_mut().0.take() else {
            return Poll::Ready(None);
        };
        let lang = Catalog::embedded().negotiate("");
        let args = error.fluent_args();
        let body = ErrorFormat::baidu()
            .response(&lang, error.code, args.as_ref())
            .into_body();
        Poll::Ready(Some(Ok(Frame::data(Bytes::from(body)))))
    }

    fn is_end_stream(&self) -> bool {
        self.0.is_none()
    }
}

/// A tower layer that answers every error of a service in the language of the request that
/// caused it, in the service's [`ErrorFormat`]:
///
/// - an [`ApiError`] a handler returned;
/// - axum's own failures, which otherwise come back empty or as plain text: no route (404) and
///   a method the route lacks (405, its `Allow` header kept) answer with code 3; a request
///   that an extractor rejected (`Path`, `Query`, `Json`: a `text/plain` 4xx) with code 100,
///   keeping axum's status, and the rejection's own text goes to the `tracing` log
///   (`debug`, target `api_error_i18n`), never into the body.
///
/// It negotiates the request's language once and puts the [`Lang`] in the request's
/// extensions, where the [`Lang`] extractor finds it. Headers a handler set on an error
/// response are kept; `Vary` gets `Accept-Language` added.
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
#[derive(Debug, Clone)]
pub struct ErrorLayer {
    format: Arc<ErrorFormat>,
}

impl ErrorLayer {
    /// The layer for `format` (which also names the catalog).
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{ErrorFormat, ErrorLayer};
    ///
    /// let layer = ErrorLayer::new(ErrorFormat::problem("https://api.example.com/errors/"));
    /// let _app: axum::Router = axum::Router::new().layer(layer);
    /// ```
    pub fn new(format: ErrorFormat) -> ErrorLayer {
        ErrorLayer {
            format: Arc::new(format),
        }
    }
}

impl<S> tower_layer::Layer<S> for ErrorLayer {
    type Service = ErrorService<S>;

    fn layer(&self, inner: S) -> ErrorService<S> {
        ErrorService {
            inner,
            format: Arc::clone(&self.format),
        }
    }
}

/// The service of [`ErrorLayer`].
///
/// # Examples
///
/// ```
/// use api_error_i18n::{ErrorFormat, ErrorLayer, ErrorService};
/// use tower_layer::Layer;
///
/// let service: ErrorService<axum::Router> =
///     ErrorLayer::new(ErrorFormat::baidu()).layer(axum::Router::new());
/// ```
#[derive(Debug, Clone)]
pub struct ErrorService<S> {
    inner: S,
    format: Arc<ErrorFormat>,
}

pin_project! {
    /// The future of [`ErrorService`]: the inner service's response, rendered where it is an
    /// error. No allocation of its own, but to read the text of a rejection.
    ///
    /// ```
    /// use api_error_i18n::{ErrorFormat, ErrorLayer, ResponseFuture};
    /// use tower_layer::Layer;
    /// use tower_service::Service;
    ///
    /// let mut service = ErrorLayer::new(ErrorFormat::baidu()).layer(axum::Router::new());
    /// let request = axum::http::Request::new(axum::body::Body::empty());
    /// let _future: ResponseFuture<_> = service.call(request);
    /// ```
    pub struct ResponseFuture<F> {
        #[pin]
        state: State<F>,
        format: Arc<ErrorFormat>,
        lang: Lang<'static>,
    }
}

pin_project! {
    #[project = StateProjection]
    enum State<F> {
        Inner { #[pin] future: F },
        Rejection { future: Pin<Box<dyn Future<Output = Response> + Send>> },
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
        let catalog = self.format.speaks_from();
        let lang = catalog.negotiate_headers(request.headers());
        // For the `Lang` extractor; with the embedded catalog it negotiates the same chain
        // itself, cheaper than the extensions' allocations.
        if !std::ptr::eq(catalog, Catalog::embedded()) {
            request.extensions_mut().insert(lang);
        }
        ResponseFuture {
            state: State::Inner {
                future: self.inner.call(request),
            },
            format: Arc::clone(&self.format),
            lang,
        }
    }
}

impl<F, E> Future for ResponseFuture<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            let response = match this.state.as_mut().project() {
                StateProjection::Inner { future } => match future.poll(cx) {
                    Poll::Ready(Ok(response)) => response,
                    Poll::Ready(Err(error)) => return Poll::Ready(Err(error)),
                    Poll::Pending => return Poll::Pending,
                },
                StateProjection::Rejection { future } => return future.as_mut().poll(cx).map(Ok),
            };
            match finish(this.format, this.lang, response) {
                Finished::Done(response) => return Poll::Ready(Ok(response)),
                Finished::Rejected(parts, body) => {
                    let (format, lang) = (Arc::clone(this.format), *this.lang);
                    let future = Box::pin(rejected(format, lang, parts, body));
                    this.state.set(State::Rejection { future });
                }
            }
        }
    }
}

/// What [`finish`] made of a response.
enum Finished {
    Done(Response),
    /// A rejection, whose text must be read first, in [`rejected`].
    Rejected(Parts, Body),
}

/// `response` as it goes out: rendered in the request's language where it is an error, every
/// header it had (a handler's own, axum's `Allow`) kept but its content headers.
fn finish(format: &ErrorFormat, lang: &Lang<'static>, response: Response) -> Finished {
    let (mut parts, body) = response.into_parts();
    // An `ApiError`'s response has its code's default status, unless the handler set one
    // (`(StatusCode::CONFLICT, error)`): either is the status the format's closure is given.
    let (code, natural, error) = if let Some(error) = parts.extensions.remove::<ApiError>() {
        (error.code, parts.status, Some(error))
    } else if is_empty_failure(&parts, &body) {
        (ErrorCode::UnsupportedMethod.code(), parts.status, None)
    } else if is_rejection(&parts) {
        return Finished::Rejected(parts, body);
    } else {
        return Finished::Done(Response::from_parts(parts, body));
    };
    let args = error.as_ref().and_then(ApiError::fluent_args);
    let rendered = format.render(lang, code, args.as_ref(), natural, &mut parts);
    Finished::Done(Response::from_parts(parts, Body::from(rendered)))
}

/// A rejection answered with code 100, its own text sent to the `tracing` log.
async fn rejected(
    format: Arc<ErrorFormat>,
    lang: Lang<'static>,
    mut parts: Parts,
    body: Body,
) -> Response {
    let text = axum::body::to_bytes(body, MAX_REJECTION_TEXT)
        .await
        .unwrap_or_default();
    tracing::debug!(
        target: "api_error_i18n",
        status = parts.status.as_u16(),
        rejection = %String::from_utf8_lossy(&text),
        "the framework rejected the request; answered with code 100",
    );
    let code = ErrorCode::InvalidParameter.code();
    let status = parts.status;
    let rendered = format.render(&lang, code, None, status, &mut parts);
    Response::from_parts(parts, Body::from(rendered))
}

/// axum's answer to no route (404) or a method the route lacks (405): no body, no type.
fn is_empty_failure(parts: &Parts, body: &Body) -> bool {
    matches!(
        parts.status,
        StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED
    ) && !parts.headers.contains_key(CONTENT_TYPE)
        && body.size_hint().exact() == Some(0)
}

/// An extractor's rejection: a client error in plain text.
fn is_rejection(parts: &Parts) -> bool {
    parts.status.is_client_error()
        && parts
            .headers
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("text/plain"))
}
