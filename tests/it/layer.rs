//! `ErrorLayer` through `oneshot`, in each of the three formats: what it renders (an `ApiError`
//! only), what it leaves alone (everything else, byte for byte), and the headers and members
//! of a rendered error as RFC 9110, RFC 9111, RFC 6750, RFC 9457, AIP-193 and
//! google/rpc/{code,error_details}.proto say. Expected texts are the seed table's
//! (tests/data/api-error-codes.md).

use std::io::Read;
use std::time::Duration;

use api_error_i18n::axum::{Form, Json, Path, Query, RouterExt};
use api_error_i18n::{ApiError, Catalog, ErrorCode, ErrorFormat, ErrorLayer};
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
            &body["error"]["details"][0]["metadata"]["error_code"],
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

#[test]
fn every_argument_is_in_the_metadata_under_a_valid_key() {
    let error = ApiError::from(ErrorCode::UnauthorizedClientIp)
        .arg("ip", "203.0.113.7")
        .arg("attempts", 3)
        .arg("Bad Key", "dropped")
        .arg("x", "too short a key")
        .arg("error_code", "never replaces the code");
    let (parts, body) = google_body(error);
    assert_eq!(parts.status, 403);
    assert_eq!(
        body["error"]["details"][0],
        json!({
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": "UNAUTHORIZED_CLIENT_IP",
            "domain": DOMAIN,
            "metadata": { "error_code": "5", "ip": "203.0.113.7", "attempts": "3" },
        })
    );
    assert_eq!(body["error"]["status"], "PERMISSION_DENIED");
}

#[test]
fn a_401_carries_a_challenge() {
    for name in FORMATS {
        for code in [102, 110, 111, 112] {
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
        // An API key and a signature are parameters without a challenge scheme: not 401.
        for code in [101, 104] {
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
        let own = Router::new()
            .route(
                "/",
                get(|| async {
                    (
                        [(header::WWW_AUTHENTICATE, "Basic realm=\"x\"")],
                        ApiError::new(110),
                    )
                }),
            )
            .layer(ErrorLayer::new(format(name)));
        let (parts, _) = send(own, get_request("/", "en"));
        let all: Vec<_> = parts.headers.get_all("www-authenticate").iter().collect();
        assert_eq!(all, ["Basic realm=\"x\""], "{name}");
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
        let own = Router::new()
            .route(
                "/",
                get(|| async {
                    (
                        [(header::CACHE_CONTROL, "private, max-age=60")],
                        ApiError::new(4),
                    )
                }),
            )
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
