//! `ErrorFormat`: how a service answers errors (the body format, each code's status, the 401
//! challenge), and the rendering of one error into a response.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::header::{HeaderValue, WWW_AUTHENTICATE};
use http::response::Parts;
use http::{Response, StatusCode};

use crate::code::ErrorCode;
use crate::http::baidu;
use crate::http::google::{self, Details, ErrorInfo, Google, LocalizedMessage, Metadata};
use crate::http::headers::{
    copied_value, describe_error, redescribe_own, retry_seconds, ErrorHeaders, Own,
    DEFAULT_CHALLENGE,
};
use crate::http::problem::{self, InvalidTypeBase, Problem, TypeBase};
use crate::http::status::{canonical, carries_content, default_status};
use crate::lang::Lang;
use fluent_bundle::FluentArgs;

/// How a service answers errors: the body format, the HTTP status of each code, and the
/// challenge of a 401. Pure rendering: the text comes from the [`Lang`] it is given, and so
/// from that `Lang`'s catalog, for every member of a body.
///
/// Cheap to clone. [`ErrorFormat::default`] is the Baidu format with [`default_status`].
///
/// Every response it renders is a representation of its own (RFC 9110 8): `Content-Type`,
/// `Content-Language` (the locale that served the message) and `Vary: Accept-Language`, so
/// that a shared cache never hands one client's language to another; `Cache-Control: no-store`
/// unless one was set; on a 401, `WWW-Authenticate` ([`ErrorFormat::challenge`]).
///
/// # Examples
///
/// ```
/// use api_error_i18n::{negotiate, ErrorFormat};
/// use http::StatusCode;
///
/// let response = ErrorFormat::default().response(&negotiate("zh-CN"), 110, None);
/// assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
/// assert_eq!(response.headers()["content-language"], "zh-CN");
/// assert_eq!(response.headers()["vary"], "accept-language");
/// assert_eq!(response.headers()["cache-control"], "no-store");
/// assert_eq!(response.headers()["www-authenticate"], r#"Bearer error="invalid_token""#);
/// assert_eq!(response.body(), r#"{"error_code":110,"error_msg":"无效的access token"}"#);
///
/// // Legacy clients that expect every answer with 200:
/// let legacy = ErrorFormat::default().status(|_code, _default| StatusCode::OK);
/// assert_eq!(legacy.response(&negotiate("en"), 110, None).status(), StatusCode::OK);
/// ```
#[derive(Clone)]
pub struct ErrorFormat {
    body: Body,
    status: Arc<dyn Fn(u32, StatusCode) -> StatusCode + Send + Sync>,
    challenge: HeaderValue,
}

#[derive(Clone, Debug)]
enum Body {
    Baidu,
    Problem { type_base: TypeBase },
    Google { domain: Arc<str> },
}

/// One error to render: its code and arguments, the status it has before the format's policy
/// (its code's, or one its handler set), and a retry delay.
pub(crate) struct Occurrence<'a> {
    pub(crate) code: u32,
    pub(crate) args: Option<&'a FluentArgs<'a>>,
    pub(crate) natural: StatusCode,
    pub(crate) retry_after: Option<Duration>,
    /// The error's own challenge, which its response carries whatever the status
    /// (`ApiError::challenge`); `None` for the format's.
    pub(crate) challenge: Option<&'a HeaderValue>,
    /// For an `ApiError`'s own response, what its headers were made of: if they are still
    /// exactly those, they are rewritten where they differ, not merged field by field.
    pub(crate) own: Option<Own<'a>>,
}

impl Default for ErrorFormat {
    fn default() -> ErrorFormat {
        ErrorFormat::baidu()
    }
}

impl fmt::Debug for ErrorFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorFormat")
            .field("body", &self.body)
            .field("challenge", &self.challenge)
            .finish_non_exhaustive()
    }
}

impl ErrorFormat {
    fn new(body: Body) -> ErrorFormat {
        ErrorFormat {
            body,
            status: Arc::new(|_code, default| default),
            challenge: HeaderValue::from_static(DEFAULT_CHALLENGE),
        }
    }

    /// Baidu's body, `application/json`: `{"error_code":110,"error_msg":"无效的access token"}`,
    /// as [`ErrorBody`](crate::ErrorBody) serializes it. The localized text is `error_msg`.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{negotiate, ErrorFormat};
    ///
    /// let response = ErrorFormat::baidu().response(&negotiate("en-GB"), 4, None);
    /// assert_eq!(response.headers()["content-type"], "application/json");
    /// assert_eq!(response.body(), r#"{"error_code":4,"error_msg":"Open api request limit reached"}"#);
    /// ```
    pub fn baidu() -> ErrorFormat {
        ErrorFormat::new(Body::Baidu)
    }

    /// RFC 9457 problem details, `application/problem+json`.
    ///
    /// Each code is a problem type of its own, identified by `type_base` joined with the code
    /// as one more path segment (`https://api.example.com/errors` and
    /// `https://api.example.com/errors/` both give `https://api.example.com/errors/110`; a
    /// base ending in `:`, such as a URN, takes the code directly): a URI the service should
    /// document the code at. We never answer with `about:blank`, which means "nothing beyond
    /// the HTTP status", since the code is more than its status. A problem type is used with
    /// its code's [`default_status`] (or the status a handler or [`ErrorFormat::status`]
    /// chose, which `status` states). Members:
    ///
    /// - `type`: the problem type;
    /// - `status`: the HTTP status, as sent;
    /// - `title`: the localized message, unless its text depends on arguments. The RFC asks
    ///   that a title not change between occurrences except to localize it, so a message that
    ///   takes arguments (code 5 shows the client's address) has no `title`;
    /// - `detail`: the localized message of this occurrence, arguments included: **the member
    ///   a client shows**;
    /// - `error_code`: an extension member, the API error code as a number;
    /// - `retry_after`: an extension member, present when the error carries a retry delay: the
    ///   whole seconds to wait, as the `Retry-After` header says.
    ///
    /// # Errors
    ///
    /// [`InvalidTypeBase`] when `type_base` is not an absolute URI (no scheme, a space, a
    /// query or a fragment, a `%` not followed by two hexadecimal digits, an `http` or `https`
    /// URI without a host).
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{negotiate, ErrorFormat};
    ///
    /// let format = ErrorFormat::problem("https://api.example.com/errors")?;
    /// let response = format.response(&negotiate("zh-CN"), 110, None);
    /// assert_eq!(response.headers()["content-type"], "application/problem+json");
    /// assert_eq!(
    ///     response.body(),
    ///     r#"{"type":"https://api.example.com/errors/110","status":401,"title":"无效的access token","detail":"无效的access token","error_code":110}"#,
    /// );
    /// assert!(ErrorFormat::problem("api.example.com/errors").is_err());
    /// # Ok::<(), api_error_i18n::InvalidTypeBase>(())
    /// ```
    pub fn problem(type_base: &str) -> Result<ErrorFormat, InvalidTypeBase> {
        Ok(ErrorFormat::new(Body::Problem {
            type_base: TypeBase::new(type_base)?,
        }))
    }

    /// Google's JSON error model (AIP-193), `application/json`:
    ///
    /// - `error.status`: the code's `google.rpc.Code` (declared with each built-in code, see
    ///   [`ErrorCode`]; for an app's code, the one of its status before
    ///   [`ErrorFormat::status`]: 400 `INVALID_ARGUMENT`, 405 `UNIMPLEMENTED`, 409 `ABORTED`,
    ///   412 `FAILED_PRECONDITION`, 2xx and 3xx `UNKNOWN` (an error is never `OK`), ...);
    ///   `error.code`: that code's HTTP mapping in code.proto. **`error.code` follows the
    ///   canonical code, not the status line**: with "always 200", the status line says 200
    ///   and the body still says 401 `UNAUTHENTICATED`; the wrong-method fallback sends code 3
    ///   with 405 and `Allow`, and its body says 404 `NOT_FOUND`, code 3's canonical code
    ///   (a client reads the status line for the method, the body for the error);
    /// - `error.message`: the message in the catalog's default locale (en-US), for developers;
    /// - `error.details`: a `google.rpc.ErrorInfo` whose `reason` is the code's
    ///   ([`ErrorCode::reason`]; `ERROR_31001` for a code [`ErrorCode`] does not name), with
    ///   `domain` and `metadata`: `errorCode` (keys in lower camel case, as AIP-193 asks), then
    ///   every argument of the message as a string, a [`DateTime`](crate::DateTime) as an
    ///   RFC 3339 UTC timestamp (an argument whose name is not a valid key,
    ///   `[a-z][a-zA-Z0-9-_]+` of at most 64 characters, is left out); then a `google.rpc.LocalizedMessage` with `locale` and
    ///   `message`: **the member a client shows**, in its language; then, for an error with a
    ///   retry delay, a `google.rpc.RetryInfo`.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{negotiate, ErrorFormat};
    ///
    /// let format = ErrorFormat::google("api.example.com");
    /// let response = format.response(&negotiate("zh-CN"), 110, None);
    /// let body: serde_json::Value = serde_json::from_str(response.body())?;
    /// assert_eq!(body["error"]["status"], "UNAUTHENTICATED");
    /// assert_eq!(body["error"]["code"], 401);
    /// assert_eq!(body["error"]["message"], "Access token invalid or no longer valid");
    /// assert_eq!(body["error"]["details"][0]["reason"], "ACCESS_TOKEN_INVALID");
    /// assert_eq!(body["error"]["details"][1]["message"], "无效的access token");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn google(domain: impl Into<String>) -> ErrorFormat {
        ErrorFormat::new(Body::Google {
            domain: domain.into().into(),
        })
    }

    /// Replaces the HTTP status of each code: `status(code, default)` gives the status to send,
    /// where `default` is [`default_status`] (or the status a handler set).
    ///
    /// An answer that cannot be an error's final status is refused, and the default sent
    /// instead: an informational status (1xx), one that forbids a body (204, 205, 304), one
    /// outside RFC 9110's classes (600-999), or 407 (it must carry `Proxy-Authenticate`, a
    /// proxy's challenge). A policy that answers 405 or a redirect (3xx) is taken at its word,
    /// but the format adds no `Allow` (RFC 9110 15.5.6 requires one on a 405) nor `Location`:
    /// the handler must set them next to its error, and the layer keeps them.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{negotiate, ErrorFormat};
    /// use http::StatusCode;
    ///
    /// let format = ErrorFormat::baidu().status(|code, default| match code {
    ///     110 => StatusCode::FORBIDDEN,
    ///     4 => StatusCode::NO_CONTENT, // refused: 429 is sent
    ///     _ => default,
    /// });
    /// assert_eq!(format.response(&negotiate("en"), 110, None).status(), StatusCode::FORBIDDEN);
    /// assert_eq!(format.response(&negotiate("en"), 4, None).status(), StatusCode::TOO_MANY_REQUESTS);
    /// ```
    #[must_use]
    pub fn status(
        mut self,
        status: impl Fn(u32, StatusCode) -> StatusCode + Send + Sync + 'static,
    ) -> ErrorFormat {
        self.status = Arc::new(status);
        self
    }

    /// The `WWW-Authenticate` challenge sent with every 401 this format renders whose handler
    /// set none (RFC 9110 15.5.2 requires one): by default `Bearer error="invalid_token"`
    /// (RFC 6750 3.1), for the built-in codes sent with 401, an invalid or expired token
    /// (110, 111). A request without credentials should get a challenge without an error code
    /// (RFC 6750 3.1): give that error its own with
    /// `ApiError::challenge` (feature `axum`), which the layer keeps. API keys,
    /// session keys and signatures (101, 102, 104, 112) are parameters, sent with 400.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{negotiate, ErrorFormat};
    /// use http::HeaderValue;
    ///
    /// let challenge = HeaderValue::from_static(r#"Bearer realm="example", error="invalid_token""#);
    /// let format = ErrorFormat::baidu().challenge(challenge);
    /// let response = format.response(&negotiate("en"), 111, None);
    /// assert_eq!(response.headers()["www-authenticate"], r#"Bearer realm="example", error="invalid_token""#);
    /// ```
    #[must_use]
    pub fn challenge(mut self, challenge: HeaderValue) -> ErrorFormat {
        self.challenge = challenge;
        self
    }

    /// The error response for `code` in the language of `lang` (every text from `lang`'s
    /// catalog), with [`default_status`] as replaced by [`ErrorFormat::status`].
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{negotiate, ErrorFormat, FluentArgs};
    ///
    /// let mut args = FluentArgs::new();
    /// args.set("ip", "203.0.113.7");
    /// let response = ErrorFormat::baidu().response(&negotiate("zh-TW"), 5, Some(&args));
    /// assert_eq!(response.status(), 403);
    /// assert_eq!(response.headers()["content-language"], "zh-TW");
    /// assert_eq!(response.body(), r#"{"error_code":5,"error_msg":"請求來自未經授權的 IP 位址：203.0.113.7"}"#);
    /// ```
    pub fn response(
        &self,
        lang: &Lang<'_>,
        code: u32,
        args: Option<&FluentArgs>,
    ) -> Response<String> {
        let (mut parts, ()) = Response::new(()).into_parts();
        let occurrence = Occurrence {
            code,
            args,
            natural: default_status(code),
            retry_after: None,
            challenge: None,
            own: None,
        };
        let body = self.render(lang, &occurrence, &mut parts, copied_value);
        // JSON from serde_json is UTF-8.
        Response::from_parts(parts, String::from_utf8(body).unwrap_or_default())
    }

    /// The body of `error`, its status and headers written into `parts`, whose other headers
    /// stay (see [`describe_error`]); `header` makes the `Content-Language` value of a tag
    /// (without a copy where the catalog is `'static`).
    pub(crate) fn render<'c>(
        &self,
        lang: &Lang<'c>,
        error: &Occurrence<'_>,
        parts: &mut Parts,
        header: impl FnOnce(&'c str) -> Option<HeaderValue>,
    ) -> Vec<u8> {
        let code = error.code;
        let status = self.sent_status(code, error.natural);
        let found = lang.localize(code, error.args);
        let retry_after = error.retry_after.map(retry_seconds);
        let (content_type, body) = match &self.body {
            Body::Baidu => (baidu::CONTENT_TYPE, baidu::to_json(code, &found.text)),
            Body::Problem { type_base } => (
                problem::CONTENT_TYPE,
                problem::to_json(&Problem {
                    kind: type_base.join(code),
                    status: status.as_u16(),
                    title: problem::title(lang, code, error.args, &found),
                    detail: &found.text,
                    error_code: code,
                    retry_after,
                }),
            ),
            Body::Google { domain } => {
                let catalog = lang.catalog();
                let developer = catalog.negotiate(catalog.default_locale());
                let canonical = canonical(code, error.natural);
                let reason = match ErrorCode::try_from(code) {
                    Ok(known) => Cow::Borrowed(known.reason()),
                    Err(_) => Cow::Owned(format!("ERROR_{code}")),
                };
                (
                    google::CONTENT_TYPE,
                    google::to_json(&Google {
                        error: google::Status {
                            code: canonical.http_status(),
                            message: &developer.message(code, error.args),
                            status: canonical.name(),
                            details: Details {
                                info: ErrorInfo {
                                    kind: "type.googleapis.com/google.rpc.ErrorInfo",
                                    reason,
                                    domain,
                                    metadata: Metadata {
                                        error_code: code,
                                        args: error.args,
                                    },
                                },
                                localized: LocalizedMessage {
                                    kind: "type.googleapis.com/google.rpc.LocalizedMessage",
                                    locale: found.locale,
                                    message: &found.text,
                                },
                                retry_delay: error.retry_after,
                            },
                        },
                    }),
                )
            }
        };
        parts.status = status;
        let headers = ErrorHeaders {
            status,
            content_type,
            locale: header(found.locale),
            retry_after: error.retry_after,
            challenge: error.challenge.unwrap_or(&self.challenge),
        };
        // An error's own challenge is in its headers already, whatever the status: merged.
        let rewritten = error.challenge.is_none()
            && error
                .own
                .as_ref()
                .is_some_and(|own| redescribe_own(&mut parts.headers, own, &headers));
        if !rewritten {
            // The default challenge an error's own response carried gives way to the format's.
            if error.own.is_some()
                && error.challenge.is_none()
                && parts
                    .headers
                    .get(WWW_AUTHENTICATE)
                    .map(HeaderValue::as_bytes)
                    == Some(DEFAULT_CHALLENGE.as_bytes())
            {
                parts.headers.remove(WWW_AUTHENTICATE);
            }
            describe_error(&mut parts.headers, headers);
        }
        // Serializing these plain structs cannot fail; were it to, the body says so in JSON.
        body.unwrap_or_else(|| br#"{"error_code":1,"error_msg":"Unknown error"}"#.to_vec())
    }

    /// The status an error of `code` is sent with: the policy's answer, unless it cannot be a
    /// final status with a body; then `natural`, or the code's default.
    pub(crate) fn sent_status(&self, code: u32, natural: StatusCode) -> StatusCode {
        let chosen = (self.status)(code, natural);
        if carries_content(chosen) {
            chosen
        } else if carries_content(natural) {
            natural
        } else {
            default_status(code)
        }
    }
}
