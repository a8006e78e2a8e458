//! One step to install everything on a `Router`.

use ::axum::Router;

use crate::axum::fallback::{no_route, wrong_method};
use crate::axum::layer::ErrorLayer;

/// Installs the error handling on an axum [`Router`] in one step.
pub trait RouterExt {
    /// The [`no_route`] and [`wrong_method`] fallbacks, then `layer` around every route and
    /// the fallbacks. Call it after the last `route`: axum gives the wrong-method fallback to
    /// the routes the router has when it is installed.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::axum::RouterExt;
    /// use api_error_i18n::{ErrorFormat, ErrorLayer};
    /// use axum::{routing::get, Router};
    /// use tower::ServiceExt; // for `oneshot`
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let app = Router::new()
    ///     .route("/v1/user", get(|| async { "user 42" }))
    ///     .localized_errors(ErrorLayer::new(ErrorFormat::baidu()));
    /// let request = axum::http::Request::post("/v1/user")
    ///     .header("accept-language", "zh-CN")
    ///     .body(axum::body::Body::empty())
    ///     .unwrap();
    /// let response = app.oneshot(request).await.unwrap();
    /// assert_eq!(response.status(), 405);
    /// assert_eq!(response.headers()["allow"], "GET,HEAD");
    /// let body = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
    /// assert_eq!(body, r#"{"error_code":3,"error_msg":"未知的方法"}"#);
    /// # });
    /// ```
    #[must_use]
    fn localized_errors(self, layer: ErrorLayer) -> Self;
}

impl<S: Clone + Send + Sync + 'static> RouterExt for Router<S> {
    fn localized_errors(self, layer: ErrorLayer) -> Self {
        self.fallback(no_route)
            .method_not_allowed_fallback(wrong_method)
            .layer(layer)
    }
}
