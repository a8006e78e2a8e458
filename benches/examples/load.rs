//! A bounded load test of the example server: `cargo run -p benches --example load -- <server>`,
//! where `<server>` is the built example (`tools/executable --example server` prints its path).
//! Run by `.ci/run`.
//!
//! It starts the server on a free loopback port, asks each request of its table once to learn
//! the single-request answer, warms up with 2,000 requests, reads the server's resident memory
//! (`VmRSS` in `/proc/<pid>/status`), sends 20,000 requests over 32 keep-alive connections with
//! `Accept-Language` values drawn at random from the table, compares every reply with the
//! single-request answer, and reads the memory again. It fails on any difference, or if
//! memory grew by more than 4 MB.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CONNECTIONS: usize = 32;
const WARM_UP: usize = 2_000;
const REQUESTS: usize = 20_000;
const MAX_GROWTH_KB: u64 = 4 * 1024;

const PATHS: &[&str] = &[
    "/v1/user?access_token=bad",
    "/v1/data",
    "/errors/4",
    "/errors/4242",
    "/no/route",
];

fn languages() -> Vec<Option<String>> {
    let mut table: Vec<Option<String>> = [
        "zh-CN",
        "en-GB",
        "fr, zh;q=0.5",
        "zh-HK",
        "zh-TW,zh;q=0.9,en;q=0.8",
        "de-CH,de;q=0.9,fr;q=0.8,en;q=0.7",
        "zh_CN.UTF-8",
        "*",
        "ja-JP",
        "en-US,en;q=0.9",
    ]
    .into_iter()
    .map(|value| Some(value.to_owned()))
    .collect();
    table.push(None);
    table.push(Some(format!("{}zh-CN", "x;q=abc, ".repeat(300))));
    table
}

/// What the server answered: the status, `Content-Language` and body.
#[derive(Debug, Clone, PartialEq)]
struct Reply {
    status: u16,
    language: Option<String>,
    body: String,
}

fn exchange(
    stream: &mut BufReader<TcpStream>,
    path: &str,
    language: Option<&str>,
) -> std::io::Result<Reply> {
    let language = language
        .map(|value| format!("Accept-Language: {value}\r\n"))
        .unwrap_or_default();
    // One write: a request sent in pieces waits on Nagle's algorithm and a delayed ACK (40 ms).
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n{language}\r\n");
    stream.get_mut().write_all(request.as_bytes())?;
    let mut line = String::new();
    stream.read_line(&mut line)?;
    let status = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (mut length, mut language) = (0, None);
    loop {
        line.clear();
        stream.read_line(&mut line)?;
        let Some((name, value)) = line.trim_end().split_once(':') else {
            break;
        };
        match name.to_ascii_lowercase().as_str() {
            "content-length" => length = value.trim().parse().unwrap_or(0),
            "content-language" => language = Some(value.trim().to_owned()),
            _ => {}
        }
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body)?;
    Ok(Reply {
        status,
        language,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn connect(address: SocketAddr) -> BufReader<TcpStream> {
    let stream = TcpStream::connect(address).expect("connect to the server");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("set a timeout");
    BufReader::new(stream)
}

/// `count` requests over `CONNECTIONS` connections, drawn from the table by a seeded
/// generator; the number whose reply differs from `expected`.
fn run(address: SocketAddr, count: usize, seed: u64, expected: &[Vec<Reply>]) -> usize {
    let languages = languages();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..CONNECTIONS)
            .map(|worker| {
                let languages = &languages;
                scope.spawn(move || {
                    let mut state = seed ^ (worker as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                    let mut stream = connect(address);
                    let mut failures = 0;
                    for _ in 0..count / CONNECTIONS {
                        // xorshift64
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        let (path, language) = (
                            (state >> 8) as usize % PATHS.len(),
                            (state >> 32) as usize % languages.len(),
                        );
                        let reply =
                            exchange(&mut stream, PATHS[path], languages[language].as_deref());
                        if reply.as_ref().ok() != Some(&expected[path][language]) {
                            eprintln!("load: {} {:?}: {reply:?}", PATHS[path], languages[language]);
                            failures += 1;
                            stream = connect(address);
                        }
                    }
                    failures
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().unwrap_or(count))
            .sum()
    })
}

fn resident_kb(server: &Child) -> u64 {
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", server.id())).unwrap_or_default();
    let line = status
        .lines()
        .find(|line| line.starts_with("VmRSS:"))
        .unwrap_or_default();
    line.split_whitespace()
        .nth(1)
        .and_then(|kb| kb.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let binary = std::env::args()
        .nth(1)
        .expect("usage: load <path to the example server>");
    let mut server = Command::new(binary)
        .env("PORT", "0")
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the server");
    let mut first = String::new();
    BufReader::new(server.stdout.take().expect("the server's output"))
        .read_line(&mut first)
        .expect("the server's first line");
    let address: SocketAddr = first
        .trim()
        .trim_start_matches("listening on http://")
        .parse()
        .expect("an address");

    let languages = languages();
    let expected: Vec<Vec<Reply>> = PATHS
        .iter()
        .map(|path| {
            languages
                .iter()
                .map(|language| {
                    exchange(&mut connect(address), path, language.as_deref()).expect("a reply")
                })
                .collect()
        })
        .collect();
    let warm_up_failures = run(address, WARM_UP, 1, &expected);
    let before = resident_kb(&server);
    let started = Instant::now();
    let failures = run(address, REQUESTS, 2, &expected);
    let elapsed = started.elapsed();
    let after = resident_kb(&server);
    let _ = server.kill();
    let _ = server.wait();
    let growth = after.saturating_sub(before);
    println!(
        "load: {REQUESTS} requests over {CONNECTIONS} connections in {:.2} s ({:.0} requests/s); server VmRSS {before} kB after warm-up, {after} kB after the run: +{growth} kB",
        elapsed.as_secs_f64(),
        REQUESTS as f64 / elapsed.as_secs_f64()
    );
    let failed = usize::from(warm_up_failures + failures > 0)
        + usize::from(growth > MAX_GROWTH_KB || before == 0);
    println!("load: {} passed, {failed} failed", 2 - failed);
    if failed > 0 {
        std::process::exit(1);
    }
}
