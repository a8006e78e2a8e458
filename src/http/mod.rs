//! Error responses on the `http` crate's types, for any framework built on them: the language of
//! a request ([`headers`]), each code's HTTP status ([`status`]), the rules every rendered
//! response follows ([`headers`]), and one file per body format ([`baidu`], [`problem`],
//! [`google`]), put together by [`format::ErrorFormat`].
//!
//! Nothing here knows axum: the `axum` module adapts it.

pub(crate) mod baidu;
pub(crate) mod format;
pub(crate) mod google;
pub(crate) mod headers;
pub(crate) mod json;
pub(crate) mod problem;
pub(crate) mod status;
