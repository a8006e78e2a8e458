//! `ApiError`: the one thing the layer renders.

use std::borrow::Cow;
use std::convert::Infallible;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use ::axum::body::{Body, Bytes, HttpBody};
use ::axum::http::header::{CONTENT_LENGTH, WWW_AUTHENTICATE};
use ::axum::http::StatusCode;
use ::axum::response::{IntoResponse, Response};
use fluent_bundle::types::FluentNumber;
use fluent_bundle::FluentValue;
use http::{HeaderMap, HeaderValue};
use http_body::Frame;
use once_cell::sync::Lazy;

use crate::catalog::Catalog;
use crate::code::ErrorCode;
use crate::http::format::{ErrorFormat, Occurrence};
use crate::http::headers::{describe_error, ErrorHeaders, DEFAULT_CHALLENGE};
use crate::http::status::{carries_content, default_status};
use crate::intl::DateTime;
use fluent_bundle::FluentArgs;

/// An API error a handler returns: a code, its message's arguments, and optionally a status
/// and a retry delay. [`ErrorLayer`](crate::ErrorLayer) renders it in the language of the
/// request and the service's format; it is the only response the layer changes.
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
    pub(crate) code: u32,
    args: Vec<(Cow<'static, str>, Arg)>,
    status: Option<StatusCode>,
    pub(crate) retry_after: Option<Duration>,
    pub(crate) challenge: Option<HeaderValue>,
}

/// An argument's value, as plain data: an error travels in a response's extensions, which
/// must be `Sync`, and `FluentValue` may hold a custom type that is not.
#[derive(Debug, Clone, PartialEq)]
enum Arg {
    String(Cow<'static, str>),
    Number(FluentNumber),
    DateTime(DateTime),
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
            status: None,
            retry_after: None,
            challenge: None,
        }
    }

    /// Adds an argument of the message: a string, a number or a [`DateTime`]. The Google format
    /// also lists each in `ErrorInfo.metadata` as a string (a `DateTime` in RFC 3339, UTC).
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::ApiError;
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
            FluentValue::Custom(custom) => custom
                .as_any()
                .downcast_ref::<DateTime>()
                .map_or(Arg::None, |time| Arg::DateTime(*time)),
            _ => Arg::None,
        };
        self.args.push((name.into(), value));
        self
    }

    /// Sends the error with `status` instead of its code's
    /// [`default_status`](crate::default_status) (the format's policy still has the last
    /// word). A status that cannot carry an error (1xx, 204, 205, 304, 407, 600-999) is
    /// refused: the default is sent.
    ///
    /// **This is the way to change an error's status.** `(status, error)` from a handler
    /// sends `status` too, and behind [`ErrorLayer`](crate::ErrorLayer) the headers follow it;
    /// without the layer, axum only replaces the status line, and the headers stay those of
    /// the error's own status (`(StatusCode::UNAUTHORIZED, ApiError::new(100))` is a 401
    /// without `WWW-Authenticate`).
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::ApiError;
    /// use axum::http::StatusCode;
    ///
    /// use axum::response::IntoResponse;
    ///
    /// let error = ApiError::new(100).status(StatusCode::UNPROCESSABLE_ENTITY);
    /// assert_eq!(error.into_response().status(), 422);
    ///
    /// // Without the layer, only `status` makes headers for the status sent.
    /// let response = ApiError::new(100).status(StatusCode::UNAUTHORIZED).into_response();
    /// assert_eq!(response.headers()["www-authenticate"], r#"Bearer error="invalid_token""#);
    /// let response = (StatusCode::UNAUTHORIZED, ApiError::new(100)).into_response();
    /// assert_eq!(response.status(), 401);
    /// assert_eq!(response.headers().get("www-authenticate"), None);
    /// ```
    #[must_use]
    pub fn status(mut self, status: StatusCode) -> ApiError {
        self.status = Some(status);
        self
    }

    /// Tells the client when to retry: `Retry-After` in whole seconds (rounded up), a
    /// `retry_after` member in RFC 9457 bodies, a `google.rpc.RetryInfo` in Google's. Behind
    /// [`ErrorLayer`](crate::ErrorLayer) this `Retry-After` replaces one a handler set next to
    /// the error, so that the header and the body agree.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{ApiError, ErrorCode};
    /// use std::time::Duration;
    ///
    /// let error = ApiError::from(ErrorCode::RequestLimitReached).retry_after(Duration::from_secs(30));
    /// let response = axum::response::IntoResponse::into_response(error);
    /// assert_eq!(response.headers()["retry-after"], "30");
    /// ```
    #[must_use]
    pub fn retry_after(mut self, delay: Duration) -> ApiError {
        self.retry_after = Some(delay);
        self
    }

    /// Sends `challenge` as this error's `WWW-Authenticate`, whatever its status, instead of
    /// the format's ([`ErrorFormat::challenge`](crate::ErrorFormat::challenge), sent with every
    /// 401 whose handler set none). [`ErrorLayer`](crate::ErrorLayer) keeps it as it is.
    ///
    /// RFC 6750 3.1 tells the cases apart: a request without any credentials gets a challenge
    /// without an error code (`Bearer realm="api"`); an invalid or expired token
    /// `error="invalid_token"` (the default for 110 and 111); a token without the scope
    /// needed, a 403 with `error="insufficient_scope"`.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{ApiError, ErrorCode};
    /// use axum::http::{HeaderValue, StatusCode};
    ///
    /// // No credentials at all: a challenge, no error code (RFC 6750 3.1).
    /// let error = ApiError::from(ErrorCode::AccessTokenInvalid)
    ///     .challenge(HeaderValue::from_static(r#"Bearer realm="api""#));
    /// let response = axum::response::IntoResponse::into_response(error);
    /// assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    /// assert_eq!(response.headers()["www-authenticate"], r#"Bearer realm="api""#);
    /// ```
    #[must_use]
    pub fn challenge(mut self, challenge: HeaderValue) -> ApiError {
        self.challenge = Some(challenge);
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

    pub(crate) fn fluent_args(&self) -> Option<FluentArgs<'_>> {
        if self.args.is_empty() {
            return None;
        }
        let mut args = FluentArgs::with_capacity(self.args.len());
        for (name, value) in &self.args {
            let value = match value {
                Arg::String(text) => FluentValue::String(Cow::Borrowed(text)),
                Arg::Number(number) => FluentValue::Number(number.clone()),
                Arg::DateTime(time) => FluentValue::from(*time),
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

/// The error itself, for [`ErrorLayer`](crate::ErrorLayer) to render in the request's language
/// and the service's format; without the layer, the Baidu body in the default locale, with the
/// same headers. Those headers are made for the status the error has here (its code's, or
/// [`ApiError::status`]): a status set around it, as in `(StatusCode, ApiError)`, changes
/// only the status line unless the layer renders it.
impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut status = self.status.unwrap_or_else(|| default_status(self.code));
        if !carries_content(status) {
            status = default_status(self.code);
        }
        let mut response = Response::new(Body::new(Deferred(Some(self.clone()))));
        *response.status_mut() = status;
        *response.headers_mut() = own_headers(status, self.retry_after);
        if let Some(challenge) = &self.challenge {
            response
                .headers_mut()
                .insert(WWW_AUTHENTICATE, challenge.clone());
        }
        response.extensions_mut().insert(self);
        response
    }
}

/// The headers of an [`ApiError`]'s own response (see [`describe_error`]). Those without a
/// retry delay are cloned from two made once, 401 or not: a clone copies two small arrays and
/// counts no references (the values are static), where writing them hashes every name.
fn own_headers(status: StatusCode, retry_after: Option<Duration>) -> HeaderMap {
    // Each made with a `Content-Length` as its last entry, taken off each clone: a clone has
    // only the room of what it copies, and axum adds a `Content-Length` to the body the layer
    // renders (or to any body of known size), which would grow a full map again.
    static MADE: Lazy<[HeaderMap; 2]> = Lazy::new(|| {
        [StatusCode::BAD_REQUEST, StatusCode::UNAUTHORIZED].map(|status| {
            let mut headers = own_headers_made(status, None);
            headers.insert(CONTENT_LENGTH, HeaderValue::from_static("0"));
            headers
        })
    });
    match (retry_after, &*MADE) {
        (None, [other, unauthorized]) => {
            let mut headers = if status == StatusCode::UNAUTHORIZED {
                unauthorized.clone()
            } else {
                other.clone()
            };
            headers.remove(CONTENT_LENGTH);
            headers
        }
        (Some(_), _) => own_headers_made(status, retry_after),
    }
}

fn own_headers_made(status: StatusCode, retry_after: Option<Duration>) -> HeaderMap {
    let mut headers = HeaderMap::new();
    describe_error(
        &mut headers,
        ErrorHeaders {
            status,
            content_type: crate::http::baidu::CONTENT_TYPE,
            locale: static_value(own_locale()),
            retry_after,
            challenge: &HeaderValue::from_static(DEFAULT_CHALLENGE),
        },
    );
    headers
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
        let occurrence = Occurrence {
            code: error.code,
            args: args.as_ref(),
            natural: default_status(error.code),
            retry_after: error.retry_after,
            challenge: None,
            own: None,
        };
        let (mut parts, ()) = Response::new(()).into_parts();
        let body = ErrorFormat::baidu().render(&lang, &occurrence, &mut parts, static_value);
        Poll::Ready(Some(Ok(Frame::data(Bytes::from(body)))))
    }

    fn is_end_stream(&self) -> bool {
        self.0.is_none()
    }
}

/// The `Content-Language` of an `ApiError`'s own response: the embedded catalog's default.
pub(crate) fn own_locale() -> &'static str {
    Catalog::embedded().default_locale()
}

/// A header value of a `'static` string (a `'static` catalog's tag), without copying it.
pub(crate) fn static_value(text: &'static str) -> Option<HeaderValue> {
    HeaderValue::from_maybe_shared(Bytes::from_static(text.as_bytes())).ok()
}
