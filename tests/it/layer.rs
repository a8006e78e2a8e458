//! `ErrorLayer` through `oneshot`, in each of the three formats: what it renders (an `ApiError`
//! only), what it leaves alone (everything else, byte for byte), and the headers and members
//! of a rendered error as RFC 9110, RFC 9111, RFC 6750, RFC 9457, AIP-193 and
//! google/rpc/{code,error_details}.proto say. Expected texts are the seed table's
//! (tests/data/api-error-codes.md).

use std::io::Read;
use std::time::Duration;

use api_error_i18n::axum::{Form, Json, Path, Query, RouterExt};
use api_error_i18n::{ApiError, Catalog, DateTime, ErrorCode, ErrorFormat, ErrorLayer};
use axum::body::{Body, Bytes};
use axum::http::header::{self, HeaderValue};
use axum::http::{response::Parts, Request, StatusCode};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};
use tower::{Layer, Service, ServiceExt};
use tower_http::compression::CompressionLayer;

const FORMATS: [&str; 3] = ["baidu", "problem", "google"];
const DOMAIN: &str = "api.example.com";

fn format(name: &str) -> ErrorFormat {
    match name {
        "problem" => ErrorFormat::problem("https://api.example.com/errors").unwrap(),
        "google" => ErrorFormat::google(DOMAIN),
        _ => ErrorFormat::baidu(),
    }
}

/// Sends `request` through `service` on a fresh runtime: the response's head and whole body.
fn send<S>(service: S, request: Request<Body>) -> (Parts, Bytes)
where
    S: Service<Request<Body>, Response = axum::response::Response>,
    S::Error: std::fmt::Debug,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (parts, body) = service.oneshot(request).await.unwrap().into_parts();
        (parts, axum::body::to_bytes(body, 1 << 20).await.unwrap())
    })
}

fn get_request(path: &str, accept_language: &str) -> Request<Body> {
    Request::get(path)
        .header(header::ACCEPT_LANGUAGE, accept_language)
        .body(Body::empty())
        .unwrap()
}

fn json_of(body: &[u8]) -> Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(body)))
}

/// What each format says the error is: Baidu's code and text, a problem's `detail`, Google's
/// `LocalizedMessage.message`.
fn code_and_text(format: &str, body: &Value) -> (u64, String) {
    let (code, text) = match format {
        "baidu" => (&body["error_code"], &body["error_msg"]),
        "problem" => (&body["error_code"], &body["detail"]),
        _ => (
            &body["error"]["details"][0]["metadata"]["errorCode"],
            &body["error"]["details"][1]["message"],
        ),
    };
    let code = code
        .as_u64()
        .or_else(|| code.as_str().and_then(|c| c.parse().ok()));
    (code.unwrap(), text.as_str().unwrap().to_owned())
}

/// A service's own answers: plain, empty and JSON, with headers of their own.
fn own_routes() -> Router {
    #[derive(serde::Serialize)]
    struct Conflict {
        reason: &'static str,
    }
    Router::new()
        .route(
            "/user",
            get(|| async { (StatusCode::NOT_FOUND, "no such user") }),
        )
        .route("/bare", get(|| async { StatusCode::NOT_FOUND }))
        .route("/gone", get(|| async { StatusCode::METHOD_NOT_ALLOWED }))
        .route(
            "/conflict",
            get(|| async {
                let body = Conflict { reason: "taken" };
                (
                    StatusCode::CONFLICT,
                    [(header::ETAG, "\"v1\"")],
                    axum::Json(body),
                )
            }),
        )
        .route(
            "/limit",
            get(|| async {
                let headers = [(header::RETRY_AFTER, "5")];
                (StatusCode::TOO_MANY_REQUESTS, headers, "slow down")
            }),
        )
        .route(
            "/bad",
            get(|| async { (StatusCode::BAD_REQUEST, "bad input") }),
        )
        // axum's own extractor: its rejection is the service's own answer too.
        .route(
            "/axum-query",
            get(|_: axum::extract::Query<std::collections::HashMap<String, u32>>| async { "ok" }),
        )
}

#[test]
fn a_services_own_responses_pass_byte_for_byte() {
    let paths = [
        "/user",
        "/bare",
        "/gone",
        "/conflict",
        "/limit",
        "/bad",
        "/axum-query?n=x",
    ];
    for name in FORMATS {
        for path in paths {
            let (alone, alone_body) = send(own_routes(), get_request(path, "zh-CN"));
            let layered = own_routes().layer(ErrorLayer::new(format(name)));
            let (through, body) = send(layered, get_request(path, "zh-CN"));
            assert_eq!(through.status, alone.status, "{name} {path}");
            assert_eq!(through.headers, alone.headers, "{name} {path}");
            assert_eq!(body, alone_body, "{name} {path}");
            assert!(through.status.is_client_error(), "{name} {path}");
        }
    }
}

/// Routes whose failures are the crate's: its extractors, its fallbacks.
fn crate_routes() -> Router {
    #[derive(serde::Deserialize)]
    struct Page {
        #[allow(dead_code)]
        n: u32,
    }
    Router::new()
        .route("/query", get(|_: Query<Page>| async { "ok" }))
        .route("/path/{id}", get(|_: Path<u32>| async { "ok" }))
        .route("/json", post(|_: Json<Vec<u32>>| async { "ok" }))
        .route("/form", post(|_: Form<Page>| async { "ok" }))
}

#[test]
fn axums_failures_are_localized_through_the_crates_extractors_and_fallbacks() {
    let post = |path: &str, content_type: &str, body: &'static str| {
        Request::post(path)
            .header(header::ACCEPT_LANGUAGE, "zh-CN")
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap()
    };
    for name in FORMATS {
        // (request, status axum chooses, code, zh-CN text from the seed table)
        let cases = [
            (get_request("/query?n=x", "zh-CN"), 400, 100, "请求参数无效"),
            (get_request("/path/abc", "zh-CN"), 400, 100, "请求参数无效"),
            (
                post("/json", "application/json", "[1,"),
                400,
                100,
                "请求参数无效",
            ),
            (
                post("/json", "application/json", "{}"),
                422,
                100,
                "请求参数无效",
            ),
            (post("/json", "text/plain", "[1]"), 415, 100, "请求参数无效"),
            (
                post("/form", "application/x-www-form-urlencoded", "n=x"),
                422,
                100,
                "请求参数无效",
            ),
            (get_request("/no/route", "zh-CN"), 404, 3, "未知的方法"),
            (post("/query", "text/plain", ""), 405, 3, "未知的方法"),
        ];
        for (request, status, code, text) in cases {
            let what = format!("{name} {} {}", request.method(), request.uri());
            let app = crate_routes().localized_errors(ErrorLayer::new(format(name)));
            let (parts, body) = send(app, request);
            assert_eq!(parts.status, status, "{what}");
            assert_eq!(parts.headers["content-language"], "zh-CN", "{what}");
            let body = json_of(&body);
            assert_eq!(
                code_and_text(name, &body),
                (code, text.to_owned()),
                "{what}"
            );
            if status == 405 {
                assert_eq!(parts.headers["allow"], "GET,HEAD", "{what}");
            }
        }
    }
}

/// The levels of the events `run` logs on this thread with the target `api_error_i18n`.
fn logged_levels(run: impl FnOnce()) -> Vec<tracing::Level> {
    use std::sync::{Arc, Mutex};
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Metadata};

    #[derive(Default)]
    struct Levels(Arc<Mutex<Vec<tracing::Level>>>);
    impl tracing::Subscriber for Levels {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }
        fn new_span(&self, _: &Attributes<'_>) -> Id {
            Id::from_u64(1)
        }
        fn record(&self, _: &Id, _: &Record<'_>) {}
        fn record_follows_from(&self, _: &Id, _: &Id) {}
        fn event(&self, event: &Event<'_>) {
            if event.metadata().target() == "api_error_i18n" {
                self.0.lock().unwrap().push(*event.metadata().level());
            }
        }
        fn enter(&self, _: &Id) {}
        fn exit(&self, _: &Id) {}
    }
    let levels = Levels::default();
    let seen = Arc::clone(&levels.0);
    tracing::subscriber::with_default(levels, run);
    let seen = seen.lock().unwrap().clone();
    seen
}

/// axum answers 500 for a `Path` that cannot fit its route: the service's bug, not the
/// request's, so not code 100 "Invalid parameter" but code 1, logged as an error.
#[test]
fn a_path_that_cannot_fit_its_route_is_the_services_error() {
    let app = || {
        Router::new()
            // MissingPathParams: the route has no parameter.
            .route("/none", get(|_: Path<u32>| async { "ok" }))
            // WrongNumberOfParameters: one parameter, two asked for.
            .route("/one/{id}", get(|_: Path<(u32, u32)>| async { "ok" }))
    };
    for name in FORMATS {
        for path in ["/none", "/one/7"] {
            let mut sent = None;
            let levels = logged_levels(|| {
                sent = Some(send(
                    app().layer(ErrorLayer::new(format(name))),
                    get_request(path, "zh-CN"),
                ));
            });
            let (parts, body) = sent.unwrap();
            assert_eq!(parts.status, 500, "{name} {path}");
            // The seed table's zh-CN text of code 1.
            assert_eq!(
                code_and_text(name, &json_of(&body)),
                (1, "未知错误".to_owned()),
                "{name} {path}"
            );
            assert_eq!(levels, [tracing::Level::ERROR], "{name} {path}");
        }
    }
    // A request that does not fit is still the client's: code 100, logged for debugging.
    let levels = logged_levels(|| {
        let app = crate_routes().layer(ErrorLayer::new(format("baidu")));
        assert_eq!(send(app, get_request("/path/abc", "en")).0.status, 400);
    });
    assert_eq!(levels, [tracing::Level::DEBUG]);
}

#[test]
fn the_shape_guess_is_an_opt_in() {
    let guess = |response: &Parts| {
        let plain = response
            .headers
            .get(header::CONTENT_TYPE)
            .is_some_and(|value| value.as_bytes().starts_with(b"text/plain"));
        (response.status.is_client_error() && plain).then(|| ApiError::new(100))
    };
    let layer = ErrorLayer::new(ErrorFormat::baidu()).render_also(guess);
    let (parts, body) = send(own_routes().layer(layer), get_request("/user", "zh-CN"));
    assert_eq!(parts.status, 404);
    assert_eq!(body, r#"{"error_code":100,"error_msg":"请求参数无效"}"#);
}

/// A handler's error with representation headers of a body it never sent, and others.
fn with_headers() -> Router {
    Router::new().route(
        "/",
        get(|| async {
            (
                [
                    (header::ETAG, "\"v1\""),
                    (header::LAST_MODIFIED, "Tue, 01 Dec 2026 00:00:00 GMT"),
                    (header::CONTENT_RANGE, "bytes 0-9/100"),
                    (header::ACCEPT_RANGES, "bytes"),
                    (header::SET_COOKIE, "session=1"),
                    (header::RETRY_AFTER, "7"),
                    (header::VARY, "Origin"),
                ],
                ApiError::from(ErrorCode::RequestLimitReached),
            )
        }),
    )
}

/// Every header that describes the body a handler's error replaces (RFC 9110 8 and 14, RFC 9530,
/// RFC 6266) goes, whatever else the handler set.
#[test]
fn no_header_of_the_old_representation_survives() {
    const OLD: [(&str, &str); 9] = [
        ("content-location", "/files/report.pdf"),
        (
            "content-digest",
            "sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:",
        ),
        (
            "repr-digest",
            "sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:",
        ),
        (
            "digest",
            "SHA-256=RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=",
        ),
        ("content-md5", "Q2hlY2sgSW50ZWdyaXR5IQ=="),
        ("content-disposition", "attachment; filename=\"report.pdf\""),
        ("trailer", "Expires"),
        ("content-range", "bytes 0-9/100"),
        ("accept-ranges", "bytes"),
    ];
    let app = |status: StatusCode| {
        Router::new().route(
            "/",
            get(move || async move {
                let mut headers = axum::http::HeaderMap::new();
                for (name, value) in OLD {
                    headers.insert(name, HeaderValue::from_static(value));
                }
                (headers, ApiError::new(100).status(status))
            }),
        )
    };
    for name in FORMATS {
        let (parts, _) = send(
            app(StatusCode::BAD_REQUEST).layer(ErrorLayer::new(format(name))),
            get_request("/", "en"),
        );
        for (old, _) in OLD {
            assert_eq!(parts.headers.get(old), None, "{name} {old}");
        }
        // RFC 9110 14.4: a 416 states the representation's length in `Content-Range`.
        let (parts, _) = send(
            app(StatusCode::RANGE_NOT_SATISFIABLE).layer(ErrorLayer::new(format(name))),
            get_request("/", "en"),
        );
        assert_eq!(parts.status, 416, "{name}");
        assert_eq!(parts.headers["content-range"], "bytes 0-9/100", "{name}");
        assert_eq!(parts.headers.get("content-disposition"), None, "{name}");
    }
}

#[test]
fn rendering_replaces_the_representation_and_keeps_the_rest() {
    for name in FORMATS {
        let app = with_headers().layer(ErrorLayer::new(format(name)));
        let (parts, body) = send(app, get_request("/", "zh-CN"));
        for gone in [
            "etag",
            "last-modified",
            "content-range",
            "accept-ranges",
            "content-encoding",
        ] {
            assert_eq!(parts.headers.get(gone), None, "{name} {gone}");
        }
        assert_eq!(parts.headers["set-cookie"], "session=1", "{name}");
        assert_eq!(parts.headers["retry-after"], "7", "{name}");
        let vary: Vec<_> = parts.headers.get_all("vary").iter().collect();
        assert_eq!(vary, ["Origin", "accept-language"], "{name}");
        let body = json_of(&body);
        assert_eq!(
            code_and_text(name, &body),
            (4, "接口调用次数已达到设定的上限".to_owned())
        );
    }
}

fn gunzip(body: &[u8]) -> Vec<u8> {
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(body)
        .read_to_end(&mut decoded)
        .unwrap();
    decoded
}

fn gzip_request() -> Request<Body> {
    Request::get("/")
        .header(header::ACCEPT_LANGUAGE, "zh-CN")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::empty())
        .unwrap()
}

fn token_error() -> Router {
    Router::new().route(
        "/",
        get(|| async { ApiError::from(ErrorCode::AccessTokenInvalid) }),
    )
}

/// Baidu's body for 110 in zh-CN, from the seed table.
const TOKEN_ZH: &str = r#"{"error_code":110,"error_msg":"无效的access token"}"#;

#[test]
fn compression_inside_the_layer_never_mislabels_the_error() {
    // Without the layer, the compression inside does compress the error's own body.
    let (parts, _) = send(token_error().layer(CompressionLayer::new()), gzip_request());
    assert_eq!(parts.headers["content-encoding"], "gzip");
    for name in FORMATS {
        let app = token_error()
            .layer(CompressionLayer::new())
            .layer(ErrorLayer::new(format(name)));
        let (parts, body) = send(app, gzip_request());
        assert_eq!(parts.headers.get("content-encoding"), None, "{name}");
        assert_eq!(parts.status, 401, "{name}");
        let body = json_of(&body);
        assert_eq!(
            code_and_text(name, &body),
            (110, "无效的access token".to_owned())
        );
        if name == "baidu" {
            assert_eq!(serde_json::to_string(&body).unwrap(), TOKEN_ZH);
        }
    }
}

#[test]
fn compression_outside_the_layer_compresses_exactly_the_rendered_error() {
    for name in FORMATS {
        let app = token_error()
            .layer(ErrorLayer::new(format(name)))
            .layer(CompressionLayer::new());
        let (parts, body) = send(app, gzip_request());
        assert_eq!(parts.headers["content-encoding"], "gzip", "{name}");
        let plain = token_error().layer(ErrorLayer::new(format(name)));
        let (_, expected) = send(plain, get_request("/", "zh-CN"));
        assert_eq!(gunzip(&body), expected, "{name}");
        if name == "baidu" {
            assert_eq!(expected, TOKEN_ZH);
        }
    }
}

#[test]
fn head_gets_the_status_and_headers_and_no_body() {
    for name in FORMATS {
        let head = || {
            Request::head("/")
                .header(header::ACCEPT_LANGUAGE, "zh-CN")
                .body(Body::empty())
                .unwrap()
        };
        // Around the whole router, as a tower layer, and inside it, per route.
        let outside = ErrorLayer::new(format(name)).layer(token_error());
        let inside = token_error().layer(ErrorLayer::new(format(name)));
        let layered = token_error().layer(ErrorLayer::new(format(name)));
        let (_, get) = send(layered, get_request("/", "zh-CN"));
        for (parts, body) in [send(outside, head()), send(inside, head())] {
            assert_eq!(parts.status, 401, "{name}");
            assert_eq!(parts.headers["content-language"], "zh-CN", "{name}");
            assert!(parts.headers.contains_key("content-type"), "{name}");
            // RFC 9110 9.3.2: the length a GET would have sent.
            let length = parts.headers["content-length"].to_str().unwrap();
            assert_eq!(length, get.len().to_string(), "{name}");
            assert!(body.is_empty(), "{name}: {body:?}");
        }
    }
}

#[test]
fn always_200_keeps_every_body_self_consistent() {
    let always_ok = |name| format(name).status(|_code, _default| StatusCode::OK);
    let app = |name| token_error().layer(ErrorLayer::new(always_ok(name)));
    let (parts, body) = send(app("google"), get_request("/", "zh-CN"));
    assert_eq!(parts.status, 200);
    assert_eq!(parts.headers["cache-control"], "no-store");
    let body = json_of(&body);
    // code.proto: UNAUTHENTICATED, HTTP Mapping: 401 Unauthorized.
    assert_eq!(body["error"]["code"], 401);
    assert_eq!(body["error"]["status"], "UNAUTHENTICATED");
    assert_eq!(
        body["error"]["message"],
        "Access token invalid or no longer valid"
    );

    let (parts, body) = send(app("problem"), get_request("/", "zh-CN"));
    assert_eq!(parts.status, 200);
    assert_eq!(parts.headers["cache-control"], "no-store");
    // RFC 9457 3.1.2: `status` is the status code generated for this occurrence.
    assert_eq!(
        json_of(&body),
        json!({
            "type": "https://api.example.com/errors/110",
            "status": 200,
            "title": "无效的access token",
            "detail": "无效的access token",
            "error_code": 110,
        })
    );
}

#[test]
fn a_policy_answering_without_content_is_refused() {
    for refused in [
        StatusCode::CONTINUE,
        StatusCode::NO_CONTENT,
        StatusCode::RESET_CONTENT,
        StatusCode::NOT_MODIFIED,
        // RFC 9110 15.5.8: a 407 carries a proxy's `Proxy-Authenticate`.
        StatusCode::PROXY_AUTHENTICATION_REQUIRED,
        // RFC 9110 15: status codes are 100-599.
        StatusCode::from_u16(600).unwrap(),
        StatusCode::from_u16(999).unwrap(),
    ] {
        for name in FORMATS {
            let format = format(name).status(move |_code, _default| refused);
            let app = token_error().layer(ErrorLayer::new(format));
            let (parts, body) = send(app, get_request("/", "zh-CN"));
            assert_eq!(parts.status, 401, "{name} {refused}");
            assert_eq!(
                code_and_text(name, &json_of(&body)).0,
                110,
                "{name} {refused}"
            );
        }
    }
}

/// The Google body for `error`, rendered in zh-CN.
fn google_body(error: ApiError) -> (Parts, Value) {
    let app = Router::new()
        .route(
            "/",
            get(move || {
                let error = error.clone();
                async move { error }
            }),
        )
        .layer(ErrorLayer::new(ErrorFormat::google(DOMAIN)));
    let (parts, body) = send(app, get_request("/", "zh-CN"));
    (parts, json_of(&body))
}

#[test]
fn canonical_codes_come_from_each_codes_declaration() {
    // (code, HTTP status, google.rpc.Code, its HTTP mapping in code.proto)
    for (code, status, canonical, mapped) in [
        (804, 409, "ALREADY_EXISTS", 409),
        (1, 500, "UNKNOWN", 500),
        (2, 503, "UNAVAILABLE", 503),
        (805, 503, "UNAVAILABLE", 503),
        (4, 429, "RESOURCE_EXHAUSTED", 429),
        (950, 400, "FAILED_PRECONDITION", 400),
        (951, 400, "FAILED_PRECONDITION", 400),
    ] {
        let (parts, body) = google_body(ApiError::new(code));
        assert_eq!(parts.status, status, "{code}");
        assert_eq!(body["error"]["status"], canonical, "{code}");
        assert_eq!(body["error"]["code"], mapped, "{code}");
    }
    let (_, body) = google_body(ApiError::new(804));
    assert_eq!(
        body["error"]["details"][0]["reason"],
        "OBJECT_ALREADY_EXISTS"
    );
    assert_eq!(body["error"]["message"], "Specified object already exists");
    assert_eq!(body["error"]["details"][1]["message"], "指定的对象已存在");
}

/// An app's code takes the canonical code of its status, as code.proto describes each value.
#[test]
fn an_app_codes_canonical_code_follows_code_proto() {
    // (status the error is sent with, google.rpc.Code, its HTTP mapping in code.proto)
    for (status, canonical, mapped) in [
        // FAILED_PRECONDITION's NOTE: "it may choose to return 412 instead of 400".
        (412, "FAILED_PRECONDITION", 400),
        // UNIMPLEMENTED: "not supported/enabled in this service".
        (405, "UNIMPLEMENTED", 501),
        // OK: "Not an error; returned on success": an error sent as 200 is not OK.
        (200, "UNKNOWN", 500),
        (302, "UNKNOWN", 500),
        (409, "ABORTED", 409),
        (422, "INVALID_ARGUMENT", 400),
    ] {
        let error = ApiError::new(31001).status(StatusCode::from_u16(status).unwrap());
        let (parts, body) = google_body(error);
        assert_eq!(parts.status, status);
        assert_eq!(body["error"]["status"], canonical, "{status}");
        assert_eq!(body["error"]["code"], mapped, "{status}");
    }
}

#[test]
fn every_argument_is_in_the_metadata_under_a_valid_key() {
    let error = ApiError::from(ErrorCode::UnauthorizedClientIp)
        .arg("ip", "203.0.113.7")
        .arg("attempts", 3)
        .arg("Bad Key", "dropped")
        .arg("x", "too short a key")
        .arg("errorCode", "never replaces the code")
        // 2023-11-14T22:13:20.5Z: `date -u -d @1700000000.5 +%FT%T.%3NZ`
        .arg("at", DateTime::from_unix_millis(1_700_000_000_500));
    let (parts, body) = google_body(error);
    assert_eq!(parts.status, 403);
    assert_eq!(
        body["error"]["details"][0],
        json!({
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": "UNAUTHORIZED_CLIENT_IP",
            "domain": DOMAIN,
            // AIP-193: "Keys must be expressed as lower camel-case".
            "metadata": {
                "errorCode": "5",
                "ip": "203.0.113.7",
                "attempts": "3",
                "at": "2023-11-14T22:13:20.500Z",
            },
        })
    );
    assert_eq!(body["error"]["status"], "PERMISSION_DENIED");
}

#[test]
fn a_401_carries_a_challenge() {
    for name in FORMATS {
        for code in [110, 111] {
            let app = Router::new()
                .route("/", get(move || async move { ApiError::new(code) }))
                .layer(ErrorLayer::new(format(name)));
            let (parts, _) = send(app, get_request("/", "en"));
            assert_eq!(parts.status, 401, "{name} {code}");
            // RFC 6750 3.1: the access token provided is expired, revoked or malformed.
            assert_eq!(
                parts.headers["www-authenticate"],
                r#"Bearer error="invalid_token""#
            );
        }
        // An API key, a session key and a signature are parameters without a challenge
        // scheme: not 401.
        for code in [101, 102, 104, 112] {
            let app = Router::new()
                .route("/", get(move || async move { ApiError::new(code) }))
                .layer(ErrorLayer::new(format(name)));
            let (parts, _) = send(app, get_request("/", "en"));
            assert_eq!(parts.status, 400, "{name} {code}");
            assert_eq!(parts.headers.get("www-authenticate"), None, "{name} {code}");
        }
        let realm = HeaderValue::from_static(r#"Bearer realm="api", error="invalid_token""#);
        let configured =
            token_error().layer(ErrorLayer::new(format(name).challenge(realm.clone())));
        let (parts, _) = send(configured, get_request("/", "en"));
        assert_eq!(parts.headers["www-authenticate"], realm);
        let own = own_header(header::WWW_AUTHENTICATE, "Basic realm=\"x\"", 110)
            .layer(ErrorLayer::new(format(name)));
        let (parts, _) = send(own, get_request("/", "en"));
        let all: Vec<_> = parts.headers.get_all("www-authenticate").iter().collect();
        assert_eq!(all, ["Basic realm=\"x\""], "{name}");
    }
}

/// RFC 6750 3.1: a request without credentials gets a challenge without an error code, a token
/// without the scope a 403 with `insufficient_scope`: an error's own challenge, kept by the
/// layer whatever the format's and the status.
#[test]
fn an_error_carries_its_own_challenge() {
    const NO_CREDENTIALS: &str = r#"Bearer realm="api""#;
    const SCOPE: &str = r#"Bearer realm="api", error="insufficient_scope", scope="admin""#;
    const DEFAULT: &str = r#"Bearer error="invalid_token""#;
    let configured = HeaderValue::from_static(r#"Bearer realm="other", error="invalid_token""#);
    for name in FORMATS {
        for (error, status, challenge) in [
            (ApiError::new(110), 401, NO_CREDENTIALS),
            (ApiError::new(6), 403, SCOPE),
            // The default's very text, given by the error: still the error's.
            (ApiError::new(110), 401, DEFAULT),
        ] {
            let error = error.challenge(HeaderValue::from_static(challenge));
            for format in [format(name), format(name).challenge(configured.clone())] {
                let error = error.clone();
                let app = Router::new()
                    .route("/", get(move || async move { error }))
                    .layer(ErrorLayer::new(format));
                let (parts, _) = send(app, get_request("/", "en"));
                assert_eq!(parts.status, status, "{name} {challenge}");
                let all: Vec<_> = parts.headers.get_all("www-authenticate").iter().collect();
                assert_eq!(all, [challenge], "{name}");
            }
        }
    }
}

#[test]
fn a_retry_delay_is_told_in_every_format() {
    let error = || {
        ApiError::from(ErrorCode::RequestLimitReached).retry_after(Duration::from_millis(29_500))
    };
    for name in FORMATS {
        let app = Router::new()
            .route("/", get(move || async move { error() }))
            .layer(ErrorLayer::new(format(name)));
        let (parts, body) = send(app, get_request("/", "en"));
        assert_eq!(parts.status, 429, "{name}");
        // RFC 9110 10.2.3: delay-seconds, a whole number; rounded up.
        assert_eq!(parts.headers["retry-after"], "30", "{name}");
        let body = json_of(&body);
        match name {
            "problem" => assert_eq!(body["retry_after"], 30),
            "google" => assert_eq!(
                body["error"]["details"][2],
                json!({ "@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "29.500s" })
            ),
            _ => assert_eq!(
                body,
                json!({ "error_code": 4, "error_msg": "Open api request limit reached" })
            ),
        }
    }
    // A handler's own `Retry-After` gives way to the error's delay, which the body states.
    for name in FORMATS {
        let app = Router::new()
            .route(
                "/",
                get(move || async move { ([(header::RETRY_AFTER, "120")], error()) }),
            )
            .layer(ErrorLayer::new(format(name)));
        let (parts, body) = send(app, get_request("/", "en"));
        let all: Vec<_> = parts.headers.get_all("retry-after").iter().collect();
        assert_eq!(all, ["30"], "{name}");
        let body = json_of(&body);
        match name {
            "problem" => assert_eq!(body["retry_after"], 30),
            "google" => assert_eq!(body["error"]["details"][2]["retryDelay"], "29.500s"),
            _ => {}
        }
    }
    // Without a delay, none of it.
    let (parts, body) = google_body(ApiError::new(4));
    assert_eq!(parts.headers.get("retry-after"), None);
    assert_eq!(body["error"]["details"].as_array().unwrap().len(), 2);
}

#[test]
fn rendered_errors_are_never_stored_unless_the_handler_says_so() {
    for name in FORMATS {
        let app = token_error().layer(ErrorLayer::new(format(name)));
        let (parts, _) = send(app, get_request("/", "en"));
        assert_eq!(parts.headers["cache-control"], "no-store", "{name}");
        let own = own_header(header::CACHE_CONTROL, "private, max-age=60", 4)
            .layer(ErrorLayer::new(format(name)));
        let (parts, _) = send(own, get_request("/", "en"));
        let all: Vec<_> = parts.headers.get_all("cache-control").iter().collect();
        assert_eq!(all, ["private, max-age=60"], "{name}");
    }
}

#[test]
fn problem_types_join_the_code_as_a_path_segment() {
    let lang = api_error_i18n::negotiate("en");
    for base in [
        "https://api.example.com/errors",
        "https://api.example.com/errors/",
    ] {
        let response = ErrorFormat::problem(base)
            .unwrap()
            .response(&lang, 110, None);
        let body = json_of(response.body().as_bytes());
        assert_eq!(body["type"], "https://api.example.com/errors/110", "{base}");
    }
    let error = ErrorFormat::problem("api.example.com/errors").unwrap_err();
    assert_eq!(
        error.to_string(),
        "the problem type base `api.example.com/errors` is not an absolute URI: it has no scheme, such as `https:`"
    );
    assert!(ErrorFormat::problem("https://api.example.com/errors?v=2").is_err());
}

#[test]
fn a_title_never_shows_a_placeholder() {
    // fr's message cannot be formatted (a term fr lacks): the text falls back to en-US's,
    // which needs `$ip`.
    let catalog = Catalog::from_sources(
        "en-US",
        [
            (
                "en-US",
                "error-1 = Unknown error\nerror-7001 = Blocked { $ip }\n",
            ),
            ("fr", "error-7001 = { -missing } bloqué\n"),
        ],
    )
    .unwrap();
    let lang = catalog.negotiate("fr");
    let args = crate::args(&[("ip", "203.0.113.7")]);
    let format = ErrorFormat::problem("https://api.example.com/errors").unwrap();
    let body = json_of(format.response(&lang, 7001, Some(&args)).body().as_bytes());
    assert_eq!(body["detail"], "Blocked 203.0.113.7");
    assert_eq!(body.get("title"), None, "{body}");
}

#[test]
fn every_text_of_a_response_comes_from_the_layers_catalog() {
    api_error_i18n::catalog!(fn app_catalog, "tests/data/app-locales");
    let app = Router::new()
        .route("/", get(|| async { ApiError::new(31001) }))
        .layer(ErrorLayer::new(ErrorFormat::google(DOMAIN)).catalog(app_catalog()));
    let (parts, body) = send(app, get_request("/", "fr"));
    let body = json_of(&body);
    assert_eq!(parts.headers["content-language"], "fr");
    assert_eq!(body["error"]["details"][1]["message"], "Plus de café");
    // The developer message, in the default locale of the same catalog.
    assert_eq!(body["error"]["message"], "Out of coffee");
    assert_eq!(body["error"]["details"][0]["reason"], "ERROR_31001");
}

/// A router whose one route answers `code` as an `ApiError`, with a header of the handler's own.
fn own_header(name: header::HeaderName, value: &'static str, code: u32) -> Router {
    Router::new().route(
        "/",
        get(move || {
            let name = name.clone();
            async move { ([(name, value)], ApiError::new(code)) }
        }),
    )
}
