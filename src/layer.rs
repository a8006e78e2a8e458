//! axum: the client's language as an extractor, an error type for handlers, and a tower layer
//! that renders those errors, and axum's own failures, in the language of the request.

use std::borrow::Cow;
use std::convert::Infallible;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::{Body, HttpBody};
use axum::extract::FromRequestParts;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use fluent_bundle::types::FluentNumber;
use fluent_bundle::FluentValue;

use crate::response::add_vary;
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

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
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

/// The Baidu body in the default locale, and the error itself for [`ErrorLayer`] to render
/// again in the request's language and the service's format.
impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let lang = Catalog::embedded().negotiate("");
        let args = self.fluent_args();
        let mut response = ErrorFormat::baidu()
            .response(&lang, self.code, args.as_ref())
            .map(Body::from);
        drop(args);
        response.extensions_mut().insert(self);
        response
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

/// The future of [`ErrorService`]: the inner response, rendered where it is an error.
pub type ResponseFuture<E> = Pin<Box<dyn Future<Output = Result<Response, E>> + Send>>;

impl<S, B> tower_service::Service<Request<B>> for ErrorService<S>
where
    S: tower_service::Service<Request<B>, Response = Response>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ResponseFuture<S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        let lang = self
            .format
            .speaks_from()
            .negotiate_headers(request.headers());
        request.extensions_mut().insert(lang);
        let format = Arc::clone(&self.format);
        let response = self.inner.call(request);
        Box::pin(async move { Ok(finish(&format, &lang, response.await?).await) })
    }
}

/// `response` as it goes out: rendered again where it is an error.
async fn finish(format: &ErrorFormat, lang: &Lang<'static>, mut response: Response) -> Response {
    if let Some(error) = response.extensions_mut().remove::<ApiError>() {
        let args = error.fluent_args();
        let natural = default_status(error.code);
        return replace(
            response,
            format.render(lang, error.code, args.as_ref(), natural),
        );
    }
    let status = response.status();
    let headers = response.headers();
    let empty =
        !headers.contains_key(CONTENT_TYPE) && response.body().size_hint().exact() == Some(0);
    if empty
        && matches!(
            status,
            StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED
        )
    {
        let code = ErrorCode::UnsupportedMethod.code();
        return replace(response, format.render(lang, code, None, status));
    }
    let plain_text = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/plain"));
    if plain_text && status.is_client_error() {
        let code = ErrorCode::InvalidParameter.code();
        let rendered = format.render(lang, code, None, status);
        let (parts, body) = response.into_parts();
        let text = axum::body::to_bytes(body, MAX_REJECTION_TEXT)
            .await
            .unwrap_or_default();
        tracing::debug!(
            target: "api_error_i18n",
            status = status.as_u16(),
            rejection = %String::from_utf8_lossy(&text),
            "the framework rejected the request; answered with code {code}",
        );
        return replace(Response::from_parts(parts, Body::empty()), rendered);
    }
    response
}

/// `original` with the status, body and content headers of `rendered`; every other header it
/// had (a handler's own, axum's `Allow`) is kept, and `Vary` gets `Accept-Language` added.
fn replace(original: Response, rendered: axum::http::Response<String>) -> Response {
    let (mut parts, _) = original.into_parts();
    let (rendered, body) = rendered.into_parts();
    parts.status = rendered.status;
    parts.headers.remove(CONTENT_LENGTH);
    for name in [CONTENT_TYPE, axum::http::header::CONTENT_LANGUAGE] {
        match rendered.headers.get(&name) {
            Some(value) => parts.headers.insert(name, value.clone()),
            None => parts.headers.remove(name),
        };
    }
    add_vary(&mut parts.headers);
    Response::from_parts(parts, Body::from(body))
}
