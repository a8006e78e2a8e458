//! The example server (`examples/server.rs`), once per body format, started on 127.0.0.1 with an
//! OS-assigned port and asked over real HTTP: status, headers and the exact body of every case,
//! in each of the three formats.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use api_error_i18n::axum::RouterExt;
use api_error_i18n::{ApiError, ErrorCode, ErrorFormat, ErrorLayer};
use axum::http::header::VARY;
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

#[allow(dead_code)] // its `main` is the example's, not the test's
#[path = "../../examples/server.rs"]
mod example;

const FORMATS: [&str; 3] = ["baidu", "problem", "google"];
/// Without a trailing slash: the code is joined as one more path segment.
const TYPE_BASE: &str = "https://api.example.com/errors";
const DOMAIN: &str = "api.example.com";

/// The example's routes, plus one whose handler sets a `Vary` of its own, behind the layer.
fn app(format: &str) -> Router {
    let format = match format {
        "problem" => ErrorFormat::problem(TYPE_BASE).unwrap(),
        "google" => ErrorFormat::google(DOMAIN),
        _ => ErrorFormat::baidu(),
    };
    let vary = || async {
        (
            [(VARY, "Origin")],
            ApiError::from(ErrorCode::RequestLimitReached),
        )
    };
    example::routes(Router::new().route("/vary", get(vary)))
        .localized_errors(ErrorLayer::new(format))
}

/// The address of the server for `format`; each runs on its own thread for the rest of the
/// test binary.
pub fn address(format: &'static str) -> SocketAddr {
    static SERVERS: OnceLock<Mutex<HashMap<&str, SocketAddr>>> = OnceLock::new();
    let mut servers = SERVERS.get_or_init(Default::default).lock().unwrap();
    *servers.entry(format).or_insert_with(|| {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let address = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_io()
                .build()
                .unwrap();
            runtime.block_on(async {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                let app = app(format).into_make_service_with_connect_info::<SocketAddr>();
                axum::serve(listener, app).await.unwrap();
            });
        });
        address
    })
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    fn all(&self, name: &str) -> Vec<&str> {
        let values = self
            .headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case(name));
        values.map(|(_, value)| value.as_str()).collect()
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.all(name).first().copied()
    }
}

/// Sends one request on `stream` (kept alive) and reads the reply by its `Content-Length`.
pub fn exchange(
    stream: &mut BufReader<TcpStream>,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
) -> Reply {
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.get_mut().write_all(request.as_bytes()).unwrap();
    let mut line = String::new();
    stream.read_line(&mut line).unwrap();
    let status = line.split(' ').nth(1).unwrap().parse().unwrap();
    let mut headers = Vec::new();
    loop {
        line.clear();
        stream.read_line(&mut line).unwrap();
        match line.trim_end().split_once(':') {
            Some((name, value)) => headers.push((name.trim().to_owned(), value.trim().to_owned())),
            None => break,
        }
    }
    let mut reply = Reply {
        status,
        headers,
        body: String::new(),
    };
    let length: usize = reply
        .header("content-length")
        .map_or(0, |n| n.parse().unwrap());
    let mut body = vec![0; length];
    stream.read_exact(&mut body).unwrap();
    reply.body = String::from_utf8(body).unwrap();
    reply
}

pub fn connect(address: SocketAddr) -> BufReader<TcpStream> {
    let stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    BufReader::new(stream)
}

fn request(format: &'static str, method: &str, path: &str, headers: &[(&str, &str)]) -> Reply {
    exchange(&mut connect(address(format)), method, path, headers)
}

/// One case and what it must answer in every format.
struct Case {
    method: &'static str,
    path: &'static str,
    accept_language: Vec<String>,
    code: u32,
    status: u16,
    /// The localized text and the locale that served it.
    text: &'static str,
    locale: &'static str,
    /// en-US, for Google's developer `message`.
    english: &'static str,
    /// Whether the message took an argument (then a problem has no `title`).
    with_argument: bool,
    /// The `google.rpc.Code` name and the `ErrorInfo.reason`.
    canonical: &'static str,
    reason: &'static str,
    /// `Vary` as sent, and other headers the response must keep.
    vary: &'static [&'static str],
    kept: &'static [(&'static str, &'static str)],
}

const TOKEN_ZH: &str = "无效的access token";
const TOKEN_TW: &str = "無效的 access token";
const TOKEN_EN: &str = "Access token invalid or no longer valid";
const PARAMETER_EN: &str = "Invalid parameter";
const METHOD_EN: &str = "Unsupported openapi method";

fn token(accept_language: &[&str], text: &'static str, locale: &'static str) -> Case {
    Case {
        method: "GET",
        path: "/v1/user?access_token=expired",
        accept_language: accept_language.iter().map(|s| s.to_string()).collect(),
        code: 110,
        status: 401,
        text,
        locale,
        english: TOKEN_EN,
        with_argument: false,
        canonical: "UNAUTHENTICATED",
        reason: "ACCESS_TOKEN_INVALID",
        vary: &["accept-language"],
        kept: &[],
    }
}

/// Thousands of entries with bad weights, and a second field line with a tab and bytes that
/// are not ASCII: the default language, and no failure.
fn hostile() -> Vec<String> {
    let entries: String = (0..2_000)
        .map(|n| format!("x{n};q={}, ", ["abc", "NaN", "1.5", "-1"][n % 4]))
        .collect();
    vec![entries + "zh-CN;q=2", "zh-CN\t;q=0".to_owned()]
}

fn cases() -> Vec<Case> {
    let parameter = |method, path, status, text, locale| Case {
        method,
        path,
        accept_language: vec!["zh-CN".to_owned()],
        code: 100,
        status,
        text,
        locale,
        english: PARAMETER_EN,
        with_argument: false,
        canonical: "INVALID_ARGUMENT",
        reason: "INVALID_PARAMETER",
        vary: &["accept-language"],
        kept: &[],
    };
    let method = |method, path, status, canonical, kept| Case {
        method,
        path,
        accept_language: vec!["zh-TW".to_owned()],
        code: 3,
        status,
        text: "不支援的 API 方法",
        locale: "zh-TW",
        english: METHOD_EN,
        with_argument: false,
        canonical,
        reason: "UNSUPPORTED_METHOD",
        vary: &["accept-language"],
        kept,
    };
    vec![
        token(&["zh-CN"], TOKEN_ZH, "zh-CN"),
        token(&["en-GB"], TOKEN_EN, "en-US"),
        token(&["it, zh;q=0.5"], TOKEN_ZH, "zh-CN"),
        token(
            &["fr, zh;q=0.5"],
            "Jeton d'accès non valide ou révoqué",
            "fr",
        ),
        token(&[], TOKEN_EN, "en-US"),
        token(&["zh-HK"], TOKEN_TW, "zh-TW"),
        // Two field lines are one list (RFC 9110): Italian first, then Traditional Chinese.
        token(&["it", "zh-Hant;q=0.5"], TOKEN_TW, "zh-TW"),
        Case {
            accept_language: hostile(),
            ..token(&[], TOKEN_EN, "en-US")
        },
        Case {
            path: "/v1/data",
            code: 5,
            status: 403,
            text: "请求来自未经授权的IP地址：127.0.0.1",
            english: "Unauthorized client IP address:127.0.0.1",
            with_argument: true,
            canonical: "PERMISSION_DENIED",
            reason: "UNAUTHORIZED_CLIENT_IP",
            ..token(&["zh-CN"], "", "zh-CN")
        },
        Case {
            path: "/errors/4242",
            code: 4242,
            status: 400,
            text: "未知錯誤",
            english: "Unknown error",
            with_argument: false,
            canonical: "INVALID_ARGUMENT",
            reason: "ERROR_4242",
            ..token(&["zh-TW"], "", "zh-TW")
        },
        Case {
            path: "/vary",
            code: 4,
            status: 429,
            text: "接口调用次数已达到设定的上限",
            english: "Open api request limit reached",
            canonical: "RESOURCE_EXHAUSTED",
            reason: "REQUEST_LIMIT_REACHED",
            vary: &["Origin", "accept-language"],
            ..token(&["zh-CN"], "", "zh-CN")
        },
        parameter("GET", "/v1/user", 400, "请求参数无效", "zh-CN"),
        // axum's own failures, localized.
        parameter(
            "GET",
            "/v1/user?access_token=a&access_token=b",
            400,
            "请求参数无效",
            "zh-CN",
        ),
        parameter("GET", "/errors/abc", 400, "请求参数无效", "zh-CN"),
        method("GET", "/no/such/route", 404, "NOT_FOUND", &[]),
        // Code 3's canonical code stays NOT_FOUND, whose code.proto mapping is 404, whatever
        // status line the fallback sends.
        method(
            "POST",
            "/v1/user",
            405,
            "NOT_FOUND",
            &[("allow", "GET,HEAD")],
        ),
    ]
}

/// The body `format` must send for `case`, written from the formats' own definitions.
fn expected(format: &str, case: &Case) -> Value {
    let Case {
        code,
        status,
        text,
        locale,
        ..
    } = *case;
    match format {
        "baidu" => json!({ "error_code": code, "error_msg": text }),
        "problem" => {
            let mut problem = json!({
                "type": format!("https://api.example.com/errors/{code}"),
                "status": status,
                "detail": text,
                "error_code": code,
            });
            if !case.with_argument {
                problem["title"] = json!(text);
            }
            problem
        }
        _ => json!({ "error": {
            "code": code_proto_http(case.canonical),
            "message": case.english,
            "status": case.canonical,
            "details": [
                {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": case.reason,
                    "domain": DOMAIN,
                    "metadata": metadata(case),
                },
                {
                    "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
                    "locale": locale,
                    "message": text,
                },
            ],
        }}),
    }
}

/// The HTTP mapping of each `google.rpc.Code`, from the comments of google/rpc/code.proto.
fn code_proto_http(canonical: &str) -> u16 {
    match canonical {
        "OK" => 200,
        "CANCELLED" => 499,
        "UNKNOWN" | "INTERNAL" | "DATA_LOSS" => 500,
        "INVALID_ARGUMENT" | "FAILED_PRECONDITION" | "OUT_OF_RANGE" => 400,
        "DEADLINE_EXCEEDED" => 504,
        "NOT_FOUND" => 404,
        "ALREADY_EXISTS" | "ABORTED" => 409,
        "PERMISSION_DENIED" => 403,
        "UNAUTHENTICATED" => 401,
        "RESOURCE_EXHAUSTED" => 429,
        "UNIMPLEMENTED" => 501,
        "UNAVAILABLE" => 503,
        other => panic!("not in code.proto: {other}"),
    }
}

/// `ErrorInfo.metadata`: the code, and every argument the handler gave (`/v1/data` and
/// `/errors/{code}` give the client's address as `ip`).
fn metadata(case: &Case) -> Value {
    let mut metadata = json!({ "errorCode": case.code.to_string() });
    if case.path == "/v1/data" || (case.path.starts_with("/errors/") && case.code != 100) {
        metadata["ip"] = json!("127.0.0.1");
    }
    metadata
}

#[test]
fn every_case_in_every_format() {
    for format in FORMATS {
        for case in cases() {
            let headers: Vec<(&str, &str)> = case
                .accept_language
                .iter()
                .map(|value| ("Accept-Language", value.as_str()))
                .collect();
            let reply = request(format, case.method, case.path, &headers);
            let what = format!(
                "{format} {} {} {:.40?}",
                case.method, case.path, case.accept_language
            );
            assert_eq!(reply.status, case.status, "{what}: {}", reply.body);
            let content_type = if format == "problem" {
                "application/problem+json"
            } else {
                "application/json"
            };
            assert_eq!(reply.header("content-type"), Some(content_type), "{what}");
            assert_eq!(
                reply.header("content-language"),
                Some(case.locale),
                "{what}"
            );
            assert_eq!(reply.all("vary"), case.vary, "{what}");
            // Never cached (RFC 9111 5.2.2.5); a 401 challenges (RFC 9110 15.5.2, RFC 6750 3.1).
            assert_eq!(reply.header("cache-control"), Some("no-store"), "{what}");
            let challenge = (case.status == 401).then_some(r#"Bearer error="invalid_token""#);
            assert_eq!(reply.header("www-authenticate"), challenge, "{what}");
            for (name, value) in case.kept {
                assert_eq!(reply.header(name), Some(*value), "{what}");
            }
            let body: Value = serde_json::from_str(&reply.body)
                .unwrap_or_else(|e| panic!("{what}: {e}: {}", reply.body));
            assert_eq!(body, expected(format, &case), "{what}");
            if format == "baidu" {
                // Exactly as `ErrorBody` serializes: these two fields, in this order.
                let exact = format!(
                    r#"{{"error_code":{},"error_msg":{}}}"#,
                    case.code,
                    json!(case.text)
                );
                assert_eq!(reply.body, exact, "{what}");
            }
        }
    }
}

#[test]
fn successes_pass_through_untouched() {
    let reply = request(
        "baidu",
        "GET",
        "/v1/user?access_token=demo-token",
        &[("Accept-Language", "zh-CN")],
    );
    assert_eq!((reply.status, reply.body.as_str()), (200, "user 42"));
    assert_eq!(reply.header("content-language"), None);
}

#[test]
fn every_code_has_its_body() {
    let mut stream = connect(address("baidu"));
    for code in ErrorCode::ALL {
        let reply = exchange(
            &mut stream,
            "GET",
            &format!("/errors/{}", code.code()),
            &[("Accept-Language", "zh-CN, en;q=0.5")],
        );
        let body: Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(body["error_code"], code.code());
        // The seed table is the oracle. Its Chinese code 5 has no placeholder: the catalog adds
        // `：{ $ip }` after the seed text (tests/it/seed.rs pins that on its own).
        let expected = crate::seed_text(code.code(), "zh-CN").unwrap_or_else(|| {
            let table = crate::seed_table();
            let (_, chinese, _) = table.iter().find(|(c, ..)| *c == code.code()).unwrap();
            format!("{chinese}：127.0.0.1")
        });
        assert_eq!(body["error_msg"], expected.as_str(), "code {}", code.code());
        assert_eq!(reply.header("content-language"), Some("zh-CN"));
    }
}

#[test]
fn a_connection_is_answered_after_a_body_it_did_not_read() {
    // The layer reads a rejection's text; the connection must still serve the next request.
    let mut stream = connect(address("google"));
    for path in ["/errors/abc", "/errors/4", "/no/route", "/errors/abc"] {
        let reply = exchange(&mut stream, "GET", path, &[]);
        assert!(reply.status >= 400, "{path}");
    }
    let mut rest = Vec::new();
    stream
        .get_mut()
        .set_read_timeout(Some(Duration::from_millis(50)))
        .unwrap();
    let _ = stream.read_to_end(&mut rest);
    assert!(rest.is_empty());
}

#[test]
fn a_status_the_handler_sets_is_kept_and_a_long_first_line_still_counts() {
    use axum::http::StatusCode;
    let app = Router::new()
        .route(
            "/forbidden",
            get(|| async { (StatusCode::FORBIDDEN, ApiError::new(110)) }),
        )
        .layer(ErrorLayer::new(ErrorFormat::baidu()));
    // A first field line past the 1024 bytes read, then another line.
    let long = format!("zh-TW, {}", "x-y;q=0.5, ".repeat(100));
    let (response, _) = crate::get_through(app, "/forbidden", &[&long, "en"]);
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert_eq!(response.headers["content-language"], "zh-TW");
}

#[test]
fn without_the_layer_an_api_error_answers_in_the_default_locale() {
    let app = Router::new().route(
        "/",
        get(|| async { ApiError::from(ErrorCode::UnauthorizedClientIp).arg("ip", "203.0.113.7") }),
    );
    let (response, body) = crate::get_through(app, "/", &["zh-CN"]);
    assert_eq!(response.status, 403);
    assert_eq!(response.headers["content-type"], "application/json");
    assert_eq!(response.headers["content-language"], "en-US");
    assert_eq!(
        body,
        r#"{"error_code":5,"error_msg":"Unauthorized client IP address:203.0.113.7"}"#
    );
}
