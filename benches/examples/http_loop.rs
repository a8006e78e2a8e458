//! One kind of request through axum's `Router` in a loop (tower's `oneshot`, body read to the
//! end), for counting instructions with callgrind, whose counts repeat where times on shared
//! hardware do not:
//!
//! ```sh
//! cargo build --release -p benches --example http_loop
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/http_loop CASE CALLS
//! ```
//!
//! CASE is `hand-built`, `baidu`, `problem`, `google` (an error response), or `bare`,
//! `passed`, `identity`, `around` (a success: without a layer, through `ErrorLayer` on the
//! routes, through tower's `Identity` layer, which measures what `Router::layer` itself costs,
//! and through `ErrorLayer` around the whole `Router`). Run it with two values
//! of CALLS; the difference in instructions over the difference in calls is one request.

use std::hint::black_box;

use api_error_i18n::{ApiError, ErrorCode, ErrorFormat, ErrorLayer};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use tower::{Layer, ServiceExt};

#[derive(serde::Serialize)]
struct Static {
    error_code: u32,
    error_msg: &'static str,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [case, calls] = &args[..] else {
        panic!("usage: http_loop CASE CALLS");
    };
    let calls: usize = calls.parse().expect("CALLS, a number");
    let hand_built = || async {
        let body = Static {
            error_code: 110,
            error_msg: "无效的access token",
        };
        (StatusCode::UNAUTHORIZED, Json(body))
    };
    let error = || async { Err::<(), _>(ApiError::from(ErrorCode::AccessTokenInvalid)) };
    let success = || async {
        Json(Static {
            error_code: 0,
            error_msg: "user 42",
        })
    };
    let layered = |format| {
        Router::new()
            .route("/v1/user", get(error))
            .layer(ErrorLayer::new(format))
    };
    let router = match case.as_str() {
        "hand-built" => Router::new().route("/v1/user", get(hand_built)),
        "baidu" => layered(ErrorFormat::baidu()),
        "problem" => layered(ErrorFormat::problem("https://api.example.com/errors").unwrap()),
        "google" => layered(ErrorFormat::google("api.example.com")),
        "bare" => Router::new().route("/v1/user", get(success)),
        "passed" => Router::new()
            .route("/v1/user", get(success))
            .layer(ErrorLayer::new(ErrorFormat::baidu())),
        "identity" => Router::new()
            .route("/v1/user", get(success))
            .layer(tower::layer::util::Identity::new()),
        "around" => {
            let around = ErrorLayer::new(ErrorFormat::baidu())
                .layer(Router::new().route("/v1/user", get(success)).with_state(()));
            return run(around, calls);
        }
        other => panic!("no case {other}"),
    };
    // As `axum::serve` does (`into_make_service`): handlers become routes once, not per request.
    run(router.with_state(()), calls);
}

fn run<S>(service: S, calls: usize)
where
    S: tower::Service<Request<Body>, Response = axum::response::Response> + Clone,
    S::Error: std::fmt::Debug,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        for _ in 0..calls {
            let request = Request::get("/v1/user")
                .header("accept-language", "zh-CN,zh;q=0.9,en;q=0.8")
                .body(Body::empty())
                .unwrap();
            let response = black_box(&service).clone().oneshot(request).await.unwrap();
            black_box(
                axum::body::to_bytes(response.into_body(), 4096)
                    .await
                    .unwrap(),
            );
        }
    });
}
