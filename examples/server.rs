//! A small API service whose errors answer in the client's language, in Baidu's JSON shape.
//!
//! ```sh
//! cargo run --example server            # listens on 127.0.0.1:3000, or on $PORT
//! curl -i -H 'Accept-Language: zh-CN' 'http://127.0.0.1:3000/v1/user?access_token=bad'
//! ```
//!
//! Routes:
//! - `GET /v1/user?access_token=...`: 110 for a token other than `demo-token`, 100 without one.
//! - `GET /v1/data`: 5, with the client's address, for a client outside the allow-list.
//! - `GET /errors/{code}`: the body for any code, so that clients can test their handling.
//!
//! Each error body is `{"error_code": N, "error_msg": "..."}`; `Content-Language` names the
//! locale that served the text.

use std::borrow::Cow;
use std::collections::HashMap;
use std::net::SocketAddr;

use api_error_i18n::{resolve, ErrorBody, ErrorCode, FluentArgs, DEFAULT_LOCALE};
use axum::extract::{ConnectInfo, Path, Query};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};

/// The one access token `/v1/user` accepts.
pub const VALID_TOKEN: &str = "demo-token";
/// Client addresses `/v1/data` serves; any other gets code 5.
pub const ALLOWED_CLIENTS: &[&str] = &["198.51.100.10"];

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT")
        .ok()
        .and_then(|port| port.parse::<u16>().ok())
        .unwrap_or(3000);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    serve(listener).await
}

/// Serves the app on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener) -> std::io::Result<()> {
    let app = Router::new()
        .route("/v1/user", get(user))
        .route("/v1/data", get(data))
        .route("/errors/{code}", get(error_for_code));
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

async fn user(headers: HeaderMap, Query(query): Query<HashMap<String, String>>) -> Response {
    match query.get("access_token").map(String::as_str) {
        Some(VALID_TOKEN) => ok("user 42"),
        Some(_) => error(ErrorCode::AccessTokenInvalid.code(), &headers, None),
        None => error(ErrorCode::InvalidParameter.code(), &headers, None),
    }
}

async fn data(ConnectInfo(client): ConnectInfo<SocketAddr>, headers: HeaderMap) -> Response {
    let ip = client.ip().to_string();
    if ALLOWED_CLIENTS.contains(&ip.as_str()) {
        return ok("data");
    }
    let mut args = FluentArgs::new();
    args.set("ip", ip);
    error(
        ErrorCode::UnauthorizedClientIp.code(),
        &headers,
        Some(&args),
    )
}

async fn error_for_code(
    Path(code): Path<String>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let Ok(code) = code.parse::<u32>() else {
        return error(ErrorCode::InvalidParameter.code(), &headers, None);
    };
    let mut args = FluentArgs::new();
    args.set("ip", client.ip().to_string());
    error(code, &headers, Some(&args))
}

fn ok(what: &str) -> Response {
    (StatusCode::OK, what.to_owned()).into_response()
}

/// The localized body for `code`, with the HTTP status that fits it and `Content-Language`.
pub fn error(code: u32, headers: &HeaderMap, args: Option<&FluentArgs>) -> Response {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    let (text, locale) = localized(code, accept, args);
    let body = ErrorBody {
        error_code: code,
        error_msg: text,
    };
    let mut response = (status(code), Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(locale) {
        response
            .headers_mut()
            .insert(header::CONTENT_LANGUAGE, value);
    }
    response
}

/// The text and the locale that served it. For a code no locale has, the text is the "Unknown
/// error" message (what `message` answers), and the locale is that message's.
fn localized(
    code: u32,
    accept: &str,
    args: Option<&FluentArgs>,
) -> (Cow<'static, str>, &'static str) {
    match resolve(code, accept, args) {
        Ok(found) => (found.text, found.locale),
        Err(_) => {
            let text = api_error_i18n::message(code, accept, args);
            let locale = resolve(ErrorCode::Unknown.code(), accept, None)
                .map_or(DEFAULT_LOCALE, |found| found.locale);
            (text, locale)
        }
    }
}

fn status(code: u32) -> StatusCode {
    match code {
        0 => StatusCode::OK,
        2 => StatusCode::SERVICE_UNAVAILABLE,
        4 => StatusCode::TOO_MANY_REQUESTS,
        5..=7 | 210..=212 => StatusCode::FORBIDDEN,
        110..=112 => StatusCode::UNAUTHORIZED,
        3 | 803 | 900 => StatusCode::NOT_FOUND,
        1 | 800 | 805 => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    }
}
