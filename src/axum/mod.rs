//! axum: [`ApiError`](crate::ApiError) for handlers, extractors whose rejection is an
//! `ApiError`, router fallbacks for no route and a wrong method, and
//! [`ErrorLayer`](crate::ErrorLayer), which renders every `ApiError` (and nothing else) in the
//! language of the request. [`RouterExt::localized_errors`] installs it all in one step.
//!
//! The layer's service and future are here, as tower-http scopes its own:
//! `api_error_i18n::axum::{ErrorService, ResponseFuture}`.
//!
//! # Examples
//!
//! ```
//! use api_error_i18n::axum::{Query, RouterExt};
//! use api_error_i18n::{ApiError, ErrorFormat, ErrorLayer};
//! use axum::{routing::get, Router};
//!
//! #[derive(serde::Deserialize)]
//! struct Page { n: u32 }
//!
//! async fn list(Query(page): Query<Page>) -> Result<String, ApiError> {
//!     Ok(format!("page {}", page.n))
//! }
//! let app: Router = Router::new()
//!     .route("/v1/items", get(list))
//!     .localized_errors(ErrorLayer::new(ErrorFormat::baidu()));
//! ```

pub(crate) mod error;
mod extract;
mod fallback;
mod future;
pub(crate) mod layer;
mod router;
mod service;

pub use extract::{Form, Json, Path, Query};
pub use fallback::{no_route, wrong_method};
pub use future::ResponseFuture;
pub use router::RouterExt;
pub use service::ErrorService;
