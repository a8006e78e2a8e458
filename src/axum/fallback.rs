//! Router fallbacks for the failures only the router knows: no route, and a route without the
//! request's method. Install them with `Router::fallback` and
//! `Router::method_not_allowed_fallback`, or all at once with
//! [`RouterExt::localized_errors`](crate::axum::RouterExt::localized_errors).

use ::axum::http::StatusCode;

use crate::axum::error::ApiError;
use crate::code::ErrorCode;

/// No route for the request's path: code 3, 404.
///
/// # Examples
///
/// ```
/// use api_error_i18n::axum::no_route;
///
/// let _app: axum::Router = axum::Router::new().fallback(no_route);
/// ```
pub async fn no_route() -> ApiError {
    ApiError::from(ErrorCode::UnsupportedMethod)
}

/// A route without the request's method: code 3, 405; axum adds the route's `Allow` header.
///
/// # Examples
///
/// ```
/// use api_error_i18n::axum::wrong_method;
/// use axum::routing::get;
///
/// let _app: axum::Router = axum::Router::new()
///     .route("/v1/user", get(|| async { "user" }))
///     .method_not_allowed_fallback(wrong_method);
/// ```
pub async fn wrong_method() -> ApiError {
    ApiError::from(ErrorCode::UnsupportedMethod).status(StatusCode::METHOD_NOT_ALLOWED)
}
