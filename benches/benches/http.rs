//! A whole error response through axum's `Router` (tower's `oneshot`): a handler returning an
//! `ApiError`, rendered by `ErrorLayer` in the request's language, against a handler returning
//! a hand-built `(StatusCode, Json)` with a static body; and a success the layer passes through,
//! against the same router without the layer. BENCHMARKS.md has the figures.

use std::hint::black_box;
use std::time::Duration;

use api_error_i18n::{ApiError, ErrorCode, ErrorFormat, ErrorLayer};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use criterion::{criterion_group, criterion_main, Criterion};
use tower::{Layer, ServiceExt};

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
        .layer(ErrorLayer::new(
            ErrorFormat::problem("https://api.example.com/errors").unwrap(),
        ));
    let google = Router::new()
        .route("/v1/user", get(api_error))
        .layer(ErrorLayer::new(ErrorFormat::google("api.example.com")));
    assert_eq!(
        runtime.block_on(answer(baseline.clone())),
        runtime.block_on(answer(layered.clone()))
    );

    let mut group = c.benchmark_group("error response through Router");
    // As `axum::serve` runs a router (`into_make_service`): handlers become routes once, not per
    // request (which `oneshot` on a plain `Router` would do, layers included).
    let [baseline, layered, problem, google] =
        [baseline, layered, problem, google].map(|router| router.with_state(()));
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

    // A success the layer passes through untouched, against the same router without it.
    let bare = Router::new().route("/v1/user", get(success));
    let passed = bare.clone().layer(ErrorLayer::new(ErrorFormat::baidu()));
    assert_eq!(
        runtime.block_on(answer(bare.clone())),
        runtime.block_on(answer(passed.clone()))
    );
    // tower's `Identity` through `Router::layer`: what axum charges for any layer on a route.
    let identity = bare.clone().layer(tower::layer::util::Identity::new());
    let outside = ErrorLayer::new(ErrorFormat::baidu()).layer(bare.clone().with_state(()));
    let [bare, passed, identity] = [bare, passed, identity].map(|router| router.with_state(()));
    let mut group = c.benchmark_group("success through Router");
    for (name, router) in [
        ("without the layer", &bare),
        ("through ErrorLayer", &passed),
        ("through tower's Identity layer", &identity),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| runtime.block_on(answer(black_box(router).clone())))
        });
    }
    group.bench_function("ErrorLayer around the Router", |b| {
        b.iter(|| {
            runtime.block_on(async {
                let response = black_box(&outside)
                    .clone()
                    .oneshot(request())
                    .await
                    .unwrap();
                axum::body::to_bytes(response.into_body(), 4096)
                    .await
                    .unwrap()
            })
        })
    });
    group.finish();
}

async fn success() -> Json<Static> {
    Json(Static {
        error_code: 0,
        error_msg: "user 42",
    })
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    targets = error_response
}
criterion_main!(benches);
