//! A whole error response through axum's `Router` (tower's `oneshot`): a handler returning an
//! `ApiError`, rendered by `ErrorLayer` in the request's language, against a handler returning
//! a hand-built `(StatusCode, Json)` with a static body. BENCHMARKS.md has the figures.

use std::hint::black_box;
use std::time::Duration;

use api_error_i18n::{ApiError, ErrorCode, ErrorFormat, ErrorLayer};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use criterion::{criterion_group, criterion_main, Criterion};
use tower::ServiceExt;

#[derive(serde::Serialize)]
struct Static {
    error_code: u32,
    error_msg: &'static str,
}

async fn hand_built() -> (StatusCode, Json<Static>) {
    let body = Static {
        error_code: 110,
        error_msg: "无效的access token",
    };
    (StatusCode::UNAUTHORIZED, Json(body))
}

async fn api_error() -> Result<(), ApiError> {
    Err(ErrorCode::AccessTokenInvalid.into())
}

fn request() -> Request<Body> {
    Request::get("/v1/user")
        .header("accept-language", "zh-CN,zh;q=0.9,en;q=0.8")
        .body(Body::empty())
        .unwrap()
}

/// The response's status and body, read to the end as a client would.
async fn answer(router: Router) -> (StatusCode, axum::body::Bytes) {
    let response = router.oneshot(request()).await.unwrap();
    let status = response.status();
    (
        status,
        axum::body::to_bytes(response.into_body(), 4096)
            .await
            .unwrap(),
    )
}

fn error_response(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let baseline = Router::new().route("/v1/user", get(hand_built));
    let layered = Router::new()
        .route("/v1/user", get(api_error))
        .layer(ErrorLayer::new(ErrorFormat::baidu()));
    let problem = Router::new()
        .route("/v1/user", get(api_error))
        .layer(ErrorLayer::new(ErrorFormat::problem(
            "https://api.example.com/errors/",
        )));
    let google = Router::new()
        .route("/v1/user", get(api_error))
        .layer(ErrorLayer::new(ErrorFormat::google("api.example.com")));
    assert_eq!(
        runtime.block_on(answer(baseline.clone())),
        runtime.block_on(answer(layered.clone()))
    );

    let mut group = c.benchmark_group("error response through Router");
    for (name, router) in [
        ("hand-built (StatusCode, Json), static body", &baseline),
        ("ApiError + ErrorLayer, Baidu", &layered),
        ("ApiError + ErrorLayer, RFC 9457", &problem),
        ("ApiError + ErrorLayer, Google", &google),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| runtime.block_on(answer(black_box(router).clone())))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    targets = error_response
}
criterion_main!(benches);
