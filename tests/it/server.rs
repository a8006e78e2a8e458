//! The example server (`examples/server.rs`), started on 127.0.0.1 with an OS-assigned port and
//! asked over real HTTP: status, headers and bodies.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::OnceLock;
use std::time::Duration;

use api_error_i18n::ErrorBody;

#[allow(dead_code)] // its `main` is the example's, not the test's
#[path = "../../examples/server.rs"]
mod example;

/// The server's address; it runs on its own thread for the rest of the test binary.
fn address() -> SocketAddr {
    static ADDRESS: OnceLock<SocketAddr> = OnceLock::new();
    *ADDRESS.get_or_init(|| {
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
                example::serve(listener).await.unwrap();
            });
        });
        address
    })
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    fn error(&self) -> ErrorBody {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// One HTTP/1.1 GET, with `Accept-Language` if given.
fn get(path: &str, accept_language: Option<&str>) -> Reply {
    let mut stream = TcpStream::connect(address()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let language = accept_language
        .map(|value| format!("Accept-Language: {value}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\n{language}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_owned(),
    }
}

#[track_caller]
fn check(path: &str, accept: Option<&str>, status: u16, language: &str, body: &str) {
    let reply = get(path, accept);
    assert_eq!(reply.status, status, "{path} {accept:?}: {}", reply.body);
    assert_eq!(
        reply.header("content-language"),
        Some(language),
        "{path} {accept:?}"
    );
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.body, body, "{path} {accept:?}");
}

#[test]
fn a_bad_access_token_is_110_in_the_clients_language() {
    let path = "/v1/user?access_token=expired";
    check(
        path,
        Some("zh-CN"),
        401,
        "zh-CN",
        r#"{"error_code":110,"error_msg":"无效的access token"}"#,
    );
    check(
        path,
        Some("en-GB"),
        401,
        "en-US",
        r#"{"error_code":110,"error_msg":"Access token invalid or no longer valid"}"#,
    );
    check(
        path,
        Some("fr, zh;q=0.5"),
        401,
        "zh-CN",
        r#"{"error_code":110,"error_msg":"无效的access token"}"#,
    );
    check(
        path,
        None,
        401,
        "en-US",
        r#"{"error_code":110,"error_msg":"Access token invalid or no longer valid"}"#,
    );
    check(
        path,
        Some("zh-HK"),
        401,
        "zh-TW",
        r#"{"error_code":110,"error_msg":"無效的access token"}"#,
    );
}

#[test]
fn a_good_token_passes_and_a_missing_one_is_100() {
    let ok = get("/v1/user?access_token=demo-token", Some("zh-CN"));
    assert_eq!((ok.status, ok.body.as_str()), (200, "user 42"));
    check(
        "/v1/user",
        Some("zh-CN"),
        400,
        "zh-CN",
        r#"{"error_code":100,"error_msg":"请求参数无效"}"#,
    );
}

#[test]
fn a_client_outside_the_allow_list_is_5_with_its_address() {
    check(
        "/v1/data",
        Some("zh-CN"),
        403,
        "zh-CN",
        r#"{"error_code":5,"error_msg":"请求来自未经授权的IP地址：127.0.0.1"}"#,
    );
    check(
        "/v1/data",
        Some("en"),
        403,
        "en-US",
        r#"{"error_code":5,"error_msg":"Unauthorized client IP address:127.0.0.1"}"#,
    );
}

#[test]
fn any_code_has_its_body() {
    check(
        "/errors/4",
        Some("zh-CN"),
        429,
        "zh-CN",
        r#"{"error_code":4,"error_msg":"接口调用次数已达到设定的上限"}"#,
    );
    check(
        "/errors/952",
        None,
        400,
        "en-US",
        r#"{"error_code":952,"error_msg":"Each batch API can not contain more than 20 items"}"#,
    );
    // An unknown code keeps its number, with the "Unknown error" text.
    check(
        "/errors/4242",
        Some("zh-TW"),
        400,
        "zh-TW",
        r#"{"error_code":4242,"error_msg":"未知錯誤"}"#,
    );
    check(
        "/errors/abc",
        Some("zh-CN"),
        400,
        "zh-CN",
        r#"{"error_code":100,"error_msg":"请求参数无效"}"#,
    );
    for code in api_error_i18n::ErrorCode::ALL {
        let reply = get(&format!("/errors/{}", code.code()), Some("zh-CN, en;q=0.5"));
        let body = reply.error();
        assert_eq!(body.error_code, code.code());
        assert_eq!(reply.header("content-language"), Some("zh-CN"));
        assert!(!body.error_msg.is_empty());
    }
}

#[test]
fn a_hostile_accept_language_gets_the_default() {
    let hostile = format!("{}zh-CN", "x;q=0.9,".repeat(2_000));
    check(
        "/errors/110",
        Some(&hostile),
        401,
        "en-US",
        r#"{"error_code":110,"error_msg":"Access token invalid or no longer valid"}"#,
    );
}
