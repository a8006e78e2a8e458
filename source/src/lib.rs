//! What api-error-i18n's runtime, the checks of its build script (`api-error-i18n-lint`) and
//! its command line agree on about a catalog's Fluent sources, written once so that they never
//! disagree: the message id convention ([`code_of`], [`message_id`]), the default locale
//! ([`DEFAULT_LOCALE`]), the nesting bound applied before parsing ([`bound_nesting`]) and the
//! reference graph that bounds how deep resolution goes ([`Graph`]).
//!
//! ```
//! use api_error_i18n_source::{code_of, message_id};
//!
//! assert_eq!(code_of("error-110"), Some(110));
//! assert_eq!(code_of(&message_id(110)), Some(110));
//! assert_eq!(code_of("error-007"), None); // not canonical: see `malformed_code_id`
//! ```

#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod graph;
mod id;
mod nesting;

pub use graph::{Depth, Graph, Node, Reference, Unresolved, MAX_DEPTH};
pub use id::{code_of, malformed_code_id, message_id, ID_PREFIX};
pub use nesting::{bound_nesting, TooDeep, MAX_NESTING};

/// The locale that ends every fallback chain, and that every other locale is checked against.
///
/// ```
/// assert_eq!(api_error_i18n_source::DEFAULT_LOCALE, "en-US");
/// ```
pub const DEFAULT_LOCALE: &str = "en-US";
