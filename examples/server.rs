//! A small API service whose errors answer in the client's language (feature `axum`).
//! `cargo run --example server`: 127.0.0.1:3000 or `$PORT`; `ERROR_FORMAT=baidu|problem|google`.
//!
//! `GET /v1/user?access_token=...`: 110 for a token other than `demo-token`, 100 without one.
//! `GET /v1/data`: 5, with the client's address, outside the allow-list. `GET /errors/{code}`:
//! any code's error, for testing clients. No route, a wrong method, a rejected query or path:
//! the crate's fallbacks and extractors, localized by the layer like any other `ApiError`.

use std::net::SocketAddr;

use api_error_i18n::axum::{Path, Query, RouterExt};
use api_error_i18n::{ApiError, ErrorCode, ErrorFormat, ErrorLayer};
use axum::extract::ConnectInfo;
use axum::{routing::get, Router};

/// The one access token `/v1/user` accepts.
pub const VALID_TOKEN: &str = "demo-token";
/// Client addresses `/v1/data` serves; any other gets code 5.
pub const ALLOWED_CLIENTS: &[&str] = &["198.51.100.10"];

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").ok().and_then(|p| p.parse().ok());
    let format = match std::env::var("ERROR_FORMAT").as_deref() {
        Ok("problem") => ErrorFormat::problem("https://api.example.com/errors").unwrap(),
        Ok("google") => ErrorFormat::google("api.example.com"),
        _ => ErrorFormat::baidu(),
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port.unwrap_or(3000))).await?;
    println!("listening on http://{}", listener.local_addr()?);
    serve(listener, format).await
}

/// Serves the routes on `listener`, answering errors in `format`, until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, format: ErrorFormat) -> std::io::Result<()> {
    let app = routes(Router::new()).localized_errors(ErrorLayer::new(format));
    let app = app.into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app).await
}

/// The service's routes, added to `router`.
pub fn routes(router: Router) -> Router {
    router
        .route("/v1/user", get(user))
        .route("/v1/data", get(data))
        .route("/errors/{code}", get(error_for_code))
}

#[derive(serde::Deserialize)]
struct Token {
    access_token: Option<String>,
}

async fn user(Query(token): Query<Token>) -> Result<&'static str, ApiError> {
    match token.access_token.as_deref() {
        Some(VALID_TOKEN) => Ok("user 42"),
        Some(_) => Err(ErrorCode::AccessTokenInvalid.into()),
        None => Err(ErrorCode::InvalidParameter.into()),
    }
}

async fn data(ConnectInfo(client): ConnectInfo<SocketAddr>) -> Result<&'static str, ApiError> {
    let ip = client.ip().to_string();
    if ALLOWED_CLIENTS.contains(&ip.as_str()) {
        return Ok("data");
    }
    Err(ApiError::from(ErrorCode::UnauthorizedClientIp).arg("ip", ip))
}

async fn error_for_code(Path(code): Path<u32>, client: ConnectInfo<SocketAddr>) -> ApiError {
    ApiError::new(code).arg("ip", client.ip().to_string())
}
