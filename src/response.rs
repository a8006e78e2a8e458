//! Error responses on the `http` crate's types, for any framework built on them: the language of
//! a request, and a response in one of three standard body formats.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use http::header::{
    HeaderMap, HeaderValue, ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_LENGTH, CONTENT_TYPE, VARY,
};
use http::response::Parts;
use http::{Response, StatusCode};
use serde::Serialize;

use crate::{Catalog, ErrorCode, FluentArgs, Lang, Localized};

/// How much of the `Accept-Language` field lines is read: as much as the locale string's own
/// bound (`language::MAX_INPUT_BYTES`), whatever a client sends.
const MAX_ACCEPT_LANGUAGE: usize = crate::negotiation::requested::MAX_INPUT_BYTES;

impl Catalog {
    /// The [`Lang`] for a request's headers: every `Accept-Language` field line, combined in
    /// order as RFC 9110 says (`a, b`); no header, or none readable, gives the default locale.
    /// Only the first 1024 bytes are read, however many lines a client sends.
    ///
    /// Available with the `http` feature.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::Catalog;
    /// use http::header::{HeaderMap, HeaderValue, ACCEPT_LANGUAGE};
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("it;q=0.9"));
    /// headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("zh-TW;q=0.8, en;q=0.1"));
    /// let lang = Catalog::embedded().negotiate_headers(&headers);
    /// assert_eq!(lang.message(110, None), "無效的 access token");
    ///
    /// assert_eq!(Catalog::embedded().negotiate_headers(&HeaderMap::new()).message(0, None), "Success");
    /// ```
    pub fn negotiate_headers(&self, headers: &HeaderMap) -> Lang<'_> {
        let mut lines = headers
            .get_all(ACCEPT_LANGUAGE)
            .iter()
            .filter_map(|value| value.to_str().ok());
        let Some(first) = lines.next() else {
            return self.negotiate("");
        };
        let Some(second) = lines.next() else {
            return self.negotiate(first); // the common case: one line, no copy
        };
        let mut combined = String::with_capacity(MAX_ACCEPT_LANGUAGE);
        for line in [first, second].into_iter().chain(lines) {
            if !combined.is_empty() {
                combined.push_str(", ");
            }
            combined.push_str(line);
            // The locale string's reading cuts at the last whole entry within the bound.
            if combined.len() >= MAX_ACCEPT_LANGUAGE {
                break;
            }
        }
        self.negotiate(&combined)
    }
}

/// The HTTP status a code answers with by default.
///
/// | codes | status |
/// |---|---|
/// | 0 | 200 OK |
/// | 100, 103, 105-109, 114, 801, 950-953, and any code not listed here | 400 Bad Request |
/// | 101, 102, 104, 110-112 (credentials) | 401 Unauthorized |
/// | 5-7, 210-212 (permissions) | 403 Forbidden |
/// | 3, 803, 900 | 404 Not Found |
/// | 804 | 409 Conflict |
/// | 4, 802 (limits, quotas) | 429 Too Many Requests |
/// | 1, 800 | 500 Internal Server Error |
/// | 2, 805 (try again) | 503 Service Unavailable |
///
/// [`ErrorFormat::status`] replaces it.
///
/// # Examples
///
/// ```
/// use api_error_i18n::default_status;
/// use http::StatusCode;
///
/// assert_eq!(default_status(110), StatusCode::UNAUTHORIZED);
/// assert_eq!(default_status(31001), StatusCode::BAD_REQUEST);
/// ```
pub fn default_status(code: u32) -> StatusCode {
    match code {
        0 => StatusCode::OK,
        101 | 102 | 104 | 110..=112 => StatusCode::UNAUTHORIZED,
        5..=7 | 210..=212 => StatusCode::FORBIDDEN,
        3 | 803 | 900 => StatusCode::NOT_FOUND,
        804 => StatusCode::CONFLICT,
        4 | 802 => StatusCode::TOO_MANY_REQUESTS,
        1 | 800 => StatusCode::INTERNAL_SERVER_ERROR,
        2 | 805 => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::BAD_REQUEST,
    }
}

/// How a service answers errors: the body format, the HTTP status of each code, and the
/// catalog it speaks from.
///
/// Cheap to clone. [`ErrorFormat::default`] is the Baidu format with [`default_status`] and the
/// embedded catalog.
///
/// Every response carries `Content-Type`, `Content-Language` (the locale that served the
/// message) and `Vary: Accept-Language`, so that a shared cache never hands one client's
/// language to another.
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
    catalog: &'static Catalog,
}

#[derive(Clone, Debug)]
enum Body {
    Baidu,
    Problem { type_base: Arc<str> },
    Google { domain: Arc<str> },
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
            .field("catalog", &self.catalog)
            .finish_non_exhaustive()
    }
}

impl ErrorFormat {
    fn new(body: Body) -> ErrorFormat {
        ErrorFormat {
            body,
            status: Arc::new(|_code, default| default),
            catalog: Catalog::embedded(),
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
    /// Each code is a problem type of its own, identified by `type_base` followed by the code
    /// (`https://api.example.com/errors/110`): a URI the service should document the code at.
    /// We never answer with `about:blank`, which means "nothing beyond the HTTP status", since
    /// the code is more than its status. Members:
    ///
    /// - `type`: `type_base` and the code;
    /// - `status`: the HTTP status, as sent;
    /// - `title`: the localized message, unless it takes arguments. The RFC asks that a title
    ///   not change between occurrences except to localize it, so a message whose text depends
    ///   on its arguments (code 5 shows the client's address) has no `title`;
    /// - `detail`: the localized message of this occurrence, arguments included: **the member
    ///   a client shows**;
    /// - `error_code`: an extension member, the API error code as a number.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{negotiate, ErrorFormat};
    ///
    /// let format = ErrorFormat::problem("https://api.example.com/errors/");
    /// let response = format.response(&negotiate("zh-CN"), 110, None);
    /// assert_eq!(response.headers()["content-type"], "application/problem+json");
    /// assert_eq!(
    ///     response.body(),
    ///     r#"{"type":"https://api.example.com/errors/110","status":401,"title":"无效的access token","detail":"无效的access token","error_code":110}"#,
    /// );
    /// ```
    pub fn problem(type_base: impl Into<String>) -> ErrorFormat {
        ErrorFormat::new(Body::Problem {
            type_base: type_base.into().into(),
        })
    }

    /// Google's JSON error model (AIP-193), `application/json`:
    ///
    /// - `error.code`: the HTTP status; `error.status`: the canonical `google.rpc.Code` name of
    ///   the status the code naturally has (before [`ErrorFormat::status`], so that a legacy
    ///   "always 200" does not turn an error into `OK`);
    /// - `error.message`: the message in the catalog's default locale (en-US), for developers;
    /// - `error.details`: a `google.rpc.ErrorInfo` whose `reason` is the code's name in
    ///   SCREAMING_SNAKE_CASE (`ACCESS_TOKEN_INVALID`; `ERROR_31001` for a code [`ErrorCode`]
    ///   does not name), with `domain` and `metadata.error_code`; then a
    ///   `google.rpc.LocalizedMessage` with `locale` and `message`: **the member a client
    ///   shows**, in its language.
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
    /// where `default` is [`default_status`] (or, for a request the framework itself rejected,
    /// the status it chose).
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{negotiate, ErrorFormat};
    /// use http::StatusCode;
    ///
    /// let format = ErrorFormat::baidu().status(|code, default| match code {
    ///     110 => StatusCode::FORBIDDEN,
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

    /// Speaks from `catalog` instead of the embedded one: an app's own codes and languages.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{Catalog, ErrorFormat};
    ///
    /// let catalog: &'static Catalog = Box::leak(Box::new(Catalog::from_sources(
    ///     "en",
    ///     [("en", "error-1 = Unknown error\nerror-31001 = Out of coffee\n")],
    /// )?));
    /// let format = ErrorFormat::baidu().catalog(catalog);
    /// let response = format.response(&catalog.negotiate("en"), 31001, None);
    /// assert_eq!(response.body(), r#"{"error_code":31001,"error_msg":"Out of coffee"}"#);
    /// # Ok::<(), api_error_i18n::BuildError>(())
    /// ```
    #[must_use]
    pub fn catalog(mut self, catalog: &'static Catalog) -> ErrorFormat {
        self.catalog = catalog;
        self
    }

    /// The catalog this format speaks from.
    #[cfg(feature = "axum")]
    pub(crate) fn speaks_from(&self) -> &'static Catalog {
        self.catalog
    }

    /// The error response for `code` in the language of `lang`, with [`default_status`] as
    /// replaced by [`ErrorFormat::status`].
    ///
    /// `lang` should come from this format's catalog ([`ErrorFormat::catalog`]), which is
    /// `'static`; the text is looked up in `lang`'s.
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
        lang: &Lang<'static>,
        code: u32,
        args: Option<&FluentArgs>,
    ) -> Response<String> {
        let (mut parts, ()) = Response::new(()).into_parts();
        let body = self.render(lang, code, args, default_status(code), &mut parts);
        Response::from_parts(parts, body)
    }

    /// The body for `code`, its status and content headers written into `parts`, whose other
    /// headers stay (`Vary` gets `Accept-Language` added); `natural` is the status the code
    /// would have by default.
    pub(crate) fn render(
        &self,
        lang: &Lang<'static>,
        code: u32,
        args: Option<&FluentArgs>,
        natural: StatusCode,
        parts: &mut Parts,
    ) -> String {
        let status = (self.status)(code, natural);
        let found = lang.localize(code, args);
        let (content_type, body) = match &self.body {
            Body::Baidu => (
                "application/json",
                serde_json::to_string(&Baidu {
                    error_code: code,
                    error_msg: &found.text,
                }),
            ),
            Body::Problem { type_base } => (
                "application/problem+json",
                serde_json::to_string(&Problem {
                    kind: format!("{type_base}{code}"),
                    status: status.as_u16(),
                    title: title(lang, code, args, &found),
                    detail: &found.text,
                    error_code: code,
                }),
            ),
            Body::Google { domain } => {
                let developer = self.catalog.negotiate(self.catalog.default_locale());
                (
                    "application/json",
                    serde_json::to_string(&Google {
                        error: GoogleError {
                            code: status.as_u16(),
                            message: &developer.message(code, args),
                            status: canonical(natural),
                            details: (
                                ErrorInfo {
                                    kind: "type.googleapis.com/google.rpc.ErrorInfo",
                                    reason: reason(code),
                                    domain,
                                    metadata: Metadata {
                                        error_code: code.to_string(),
                                    },
                                },
                                LocalizedMessage {
                                    kind: "type.googleapis.com/google.rpc.LocalizedMessage",
                                    locale: found.locale,
                                    message: &found.text,
                                },
                            ),
                        },
                    }),
                )
            }
        };
        parts.status = status;
        let headers = &mut parts.headers;
        headers.remove(CONTENT_LENGTH);
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        match static_value(found.locale) {
            Some(locale) => headers.insert(CONTENT_LANGUAGE, locale),
            None => headers.remove(CONTENT_LANGUAGE),
        };
        add_vary(headers);
        // Serializing these plain structs cannot fail; were it to, the body says so in JSON.
        body.unwrap_or_else(|_| r#"{"error_code":1,"error_msg":"Unknown error"}"#.to_owned())
    }
}

/// A header value of a `'static` string, without copying it; `None` for one that a header
/// cannot hold (never a catalog's tag, which is ASCII letters, digits and `-`).
pub(crate) fn static_value(text: &'static str) -> Option<HeaderValue> {
    HeaderValue::from_maybe_shared(bytes::Bytes::from_static(text.as_bytes())).ok()
}

/// Adds `Accept-Language` to the `Vary` field of `headers`, keeping every value already there;
/// nothing to add when it is listed already or `Vary: *` covers it.
pub(crate) fn add_vary(headers: &mut HeaderMap) {
    let covered = headers
        .get_all(VARY)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|name| {
            let name = name.trim();
            name == "*" || name.eq_ignore_ascii_case("accept-language")
        });
    if !covered {
        headers.append(VARY, HeaderValue::from_static("accept-language"));
    }
}

/// The `title` of a problem: the localized message without arguments, unless it takes some
/// (a title must not change from occurrence to occurrence of a problem type, except to
/// localize it).
fn title<'t>(
    lang: &Lang<'_>,
    code: u32,
    args: Option<&FluentArgs>,
    found: &'t Localized<'_>,
) -> Option<Cow<'t, str>> {
    let takes_arguments =
        |found: &Localized<'_>| matches!(found.problem, Some(crate::Error::MissingArgument { .. }));
    if args.is_none() {
        return (!takes_arguments(found)).then(|| Cow::Borrowed(found.text.as_ref()));
    }
    let bare = lang.localize(code, None);
    (!takes_arguments(&bare)).then(|| Cow::Owned(bare.text.into_owned()))
}

/// [`ErrorBody`](crate::ErrorBody), borrowing its text: the same two fields in the same order.
#[derive(Serialize)]
struct Baidu<'a> {
    error_code: u32,
    error_msg: &'a str,
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: String,
    status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<Cow<'a, str>>,
    detail: &'a str,
    error_code: u32,
}

#[derive(Serialize)]
struct Google<'a> {
    error: GoogleError<'a>,
}

#[derive(Serialize)]
struct GoogleError<'a> {
    code: u16,
    message: &'a str,
    status: &'static str,
    details: (ErrorInfo<'a>, LocalizedMessage<'a>),
}

#[derive(Serialize)]
struct ErrorInfo<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    reason: String,
    domain: &'a str,
    metadata: Metadata,
}

#[derive(Serialize)]
struct Metadata {
    error_code: String,
}

#[derive(Serialize)]
struct LocalizedMessage<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    locale: &'a str,
    message: &'a str,
}

/// The `google.rpc.Code` name for an HTTP status, by the mapping in google/rpc/code.proto;
/// statuses it does not list take the nearest code of their class.
fn canonical(status: StatusCode) -> &'static str {
    match status.as_u16() {
        200..=299 => "OK",
        400 | 413 | 415 | 422 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        405 | 501 => "UNIMPLEMENTED",
        409 => "ABORTED",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        400..=499 => "FAILED_PRECONDITION",
        _ => "INTERNAL",
    }
}

/// The code's name in SCREAMING_SNAKE_CASE (`ACCESS_TOKEN_INVALID`), or `ERROR_<code>`.
fn reason(code: u32) -> String {
    let Ok(known) = ErrorCode::try_from(code) else {
        return format!("ERROR_{code}");
    };
    let name = format!("{known:?}");
    let mut out = String::with_capacity(name.len() + 4);
    for (at, c) in name.char_indices() {
        if c.is_ascii_uppercase() && at > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_baidu_body_is_error_body() {
        let body = crate::ErrorBody::new(5, "zh-CN", None);
        let borrowed = Baidu {
            error_code: body.error_code,
            error_msg: &body.error_msg,
        };
        assert_eq!(
            serde_json::to_string(&borrowed).unwrap(),
            serde_json::to_string(&body).unwrap()
        );
    }

    #[test]
    fn reasons_are_screaming_snake_case() {
        assert_eq!(reason(110), "ACCESS_TOKEN_INVALID");
        assert_eq!(reason(0), "SUCCESS");
        assert_eq!(reason(5), "UNAUTHORIZED_CLIENT_IP");
        assert_eq!(reason(31001), "ERROR_31001");
    }

    #[test]
    fn vary_is_added_to_never_replaced() {
        let mut headers = HeaderMap::new();
        add_vary(&mut headers);
        add_vary(&mut headers);
        assert_eq!(headers.get_all(VARY).iter().count(), 1);
        let mut headers = HeaderMap::new();
        headers.insert(VARY, HeaderValue::from_static("Origin"));
        add_vary(&mut headers);
        let all: Vec<_> = headers.get_all(VARY).iter().collect();
        assert_eq!(all, ["Origin", "accept-language"]);
        for covered in ["*", "Origin, Accept-Language"] {
            let mut headers = HeaderMap::new();
            headers.insert(VARY, HeaderValue::from_static(covered));
            add_vary(&mut headers);
            assert_eq!(headers.get_all(VARY).iter().count(), 1, "{covered}");
        }
    }
}
