//! Extractors: the client's language, and axum's `Json`, `Query`, `Path` and `Form` with an
//! [`ApiError`] as their rejection, so that a request they refuse is answered like any other
//! API error.

use std::convert::Infallible;

use ::axum::extract::{FromRequest, FromRequestParts, Request};
use ::axum::http::{request, StatusCode};
use ::axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::axum::error::ApiError;
use crate::catalog::Catalog;
use crate::code::ErrorCode;
use crate::lang::Lang;

/// The client's language, as a handler argument: from [`ErrorLayer`](crate::ErrorLayer) when
/// the router has it (negotiated against the layer's catalog), else from the request's
/// `Accept-Language` against the embedded catalog. Never rejects.
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

/// A rejection as an API error, with the status axum chose; its text, which may quote the
/// request, goes to the `tracing` log (target `api_error_i18n`), never to the client.
///
/// A client error (4xx) is code 100, logged at `debug`. A server error is the service's own
/// bug, not the request's (axum answers 500 for a `Path` whose route has no such parameter,
/// or a type it cannot deserialize into): code 1, logged at `error`.
fn rejected(status: StatusCode, text: &str) -> ApiError {
    if status.is_server_error() {
        tracing::error!(
            target: "api_error_i18n",
            status = status.as_u16(),
            rejection = text,
            "an extractor failed on the service's own route; answered with code 1",
        );
        return ApiError::from(ErrorCode::Unknown).status(status);
    }
    tracing::debug!(
        target: "api_error_i18n",
        status = status.as_u16(),
        rejection = text,
        "an extractor rejected the request; answered with code 100",
    );
    ApiError::from(ErrorCode::InvalidParameter).status(status)
}

macro_rules! extractor {
    ($(#[$doc:meta])* $name:ident, $rejection:ident, $trait:ident, $method:ident, $input:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        pub struct $name<T>(pub T);

        impl<T, S> $trait<S> for $name<T>
        where
            ::axum::extract::$name<T>: $trait<S, Rejection = ::axum::extract::rejection::$rejection>,
            S: Send + Sync,
        {
            type Rejection = ApiError;

            async fn $method(input: $input, state: &S) -> Result<Self, ApiError> {
                match ::axum::extract::$name::<T>::$method(input, state).await {
                    Ok(::axum::extract::$name(value)) => Ok($name(value)),
                    Err(rejection) => Err(rejected(rejection.status(), &rejection.body_text())),
                }
            }
        }
    };
}

extractor! {
    /// axum's [`Json`](::axum::Json), whose rejection is an [`ApiError`]: code 100, with
    /// axum's status (400, 415 or 422); the rejection's text goes to `tracing`. As a response,
    /// the same as axum's.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::axum::Json;
    ///
    /// async fn create(Json(name): Json<String>) -> Json<String> {
    ///     Json(format!("created {name}"))
    /// }
    /// # let _ = axum::Router::<()>::new().route("/", axum::routing::post(create));
    /// ```
    Json, JsonRejection, FromRequest, from_request, Request
}

extractor! {
    /// axum's [`Query`](::axum::extract::Query), whose rejection is an [`ApiError`]: code 100,
    /// with axum's status (400).
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::axum::Query;
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Page { n: u32 }
    /// async fn list(Query(page): Query<Page>) -> String {
    ///     format!("page {}", page.n)
    /// }
    /// # let _ = axum::Router::<()>::new().route("/", axum::routing::get(list));
    /// ```
    Query, QueryRejection, FromRequestParts, from_request_parts, &mut request::Parts
}

extractor! {
    /// axum's [`Path`](::axum::extract::Path), whose rejection is an [`ApiError`] with axum's
    /// status: code 100 for a request whose path does not fit (400); code 1 (unknown error),
    /// logged at `error` level, for a 500: the route has no such parameter, another number of
    /// them, or a type a path cannot give (`MissingPathParams`, `WrongNumberOfParameters`,
    /// `UnsupportedType`), a bug of the service, not of the request.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::axum::Path;
    ///
    /// async fn user(Path(id): Path<u64>) -> String {
    ///     format!("user {id}")
    /// }
    /// # let _ = axum::Router::<()>::new().route("/users/{id}", axum::routing::get(user));
    /// ```
    Path, PathRejection, FromRequestParts, from_request_parts, &mut request::Parts
}

extractor! {
    /// axum's [`Form`](::axum::Form), whose rejection is an [`ApiError`]: code 100, with
    /// axum's status (400, 415 or 422).
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::axum::Form;
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Login { user: String }
    /// async fn login(Form(login): Form<Login>) -> String {
    ///     login.user
    /// }
    /// # let _ = axum::Router::<()>::new().route("/", axum::routing::post(login));
    /// ```
    Form, FormRejection, FromRequest, from_request, Request
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        ::axum::Json(self.0).into_response()
    }
}
