//! Lookup cost of api-error-i18n next to its peers, over the real catalog (`locales/`), all in one
//! run so that ratios compare like with like. BENCHMARKS.md has the figures and the command.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use api_error_i18n::{message, negotiate, Catalog, FluentArgs};
use benches::{match_baseline, match_resolved, Resolved, UNKNOWN_LOCALE};
use criterion::{criterion_group, BatchSize, BenchmarkId, Criterion};
use fluent_bundle::{FluentBundle, FluentResource, FluentValue};
use fluent_templates::Loader;
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed::LanguageLoader;
use unic_langid::LanguageIdentifier;

const IP: &str = "203.0.113.7";
const ZH_CN: &str = include_str!("../../locales/zh-CN/errors.ftl");
const EN_US: &str = include_str!("../../locales/en-US/errors.ftl");

#[inline(never)]
fn format_baseline(ip: &str) -> String {
    format!("请求来自未经授权的IP地址：{ip}")
}

fluent_templates::static_loader! {
    static TEMPLATES = {
        locales: "../locales",
        fallback_language: "en-US",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[derive(rust_embed::RustEmbed)]
#[folder = "../locales/"]
struct Embedded;

fn i18n_embed_loader(languages: &[LanguageIdentifier]) -> FluentLanguageLoader {
    let loader = FluentLanguageLoader::new("errors", "en-US".parse().unwrap());
    loader.load_languages(&Embedded, languages).unwrap();
    loader.set_use_isolating(false);
    loader
}

/// Plain fluent-bundle, as an app without a library would hold it.
struct PlainFluent {
    bundles: HashMap<LanguageIdentifier, FluentBundle<FluentResource>>,
}

impl PlainFluent {
    fn new() -> PlainFluent {
        let bundles = [("zh-CN", ZH_CN), ("en-US", EN_US)]
            .into_iter()
            .map(|(tag, source)| {
                let id: LanguageIdentifier = tag.parse().unwrap();
                (id.clone(), bundle(id, source))
            })
            .collect();
        PlainFluent { bundles }
    }

    fn format(&self, locale: &str, id: &str, args: Option<&FluentArgs>) -> String {
        let id_ = locale.parse::<LanguageIdentifier>().unwrap_or_default();
        let bundle = self.bundles.get(&id_).unwrap();
        format_with(bundle, id, args)
    }
}

fn bundle(id: LanguageIdentifier, source: &str) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(FluentResource::try_new(source.to_owned()).unwrap())
        .unwrap();
    bundle
}

fn format_with(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: Option<&FluentArgs>,
) -> String {
    let pattern = bundle.get_message(id).unwrap().value().unwrap();
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

fn ip_args() -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    args.set("ip", IP);
    args
}

fn no_argument(c: &mut Criterion) {
    let zh: LanguageIdentifier = "zh-CN".parse().unwrap();
    let plain = PlainFluent::new();
    let zh_bundle = plain.bundles.get(&zh).unwrap();
    let loader = i18n_embed_loader(&[zh.clone(), "en-US".parse().unwrap()]);
    let loader = loader.select_languages(&[&zh]);
    assert_eq!(
        message(110, "zh-CN", None),
        TEMPLATES.lookup(&zh, "error-110")
    );
    assert_eq!(message(110, "zh-CN", None), loader.get("error-110"));
    assert_eq!(message(110, "zh-CN", None), match_baseline(110, "zh-CN"));

    let mut group = c.benchmark_group("no argument");
    group.bench_function("match baseline", |b| {
        b.iter(|| match_baseline(black_box(110), black_box("zh-CN")))
    });
    group.bench_function("api-error-i18n message", |b| {
        b.iter(|| message(black_box(110), black_box("zh-CN"), None))
    });
    // Negotiated once per request, as a web service does; its baseline resolves once too.
    let lang = negotiate("zh-CN");
    let resolved = Resolved::new("zh-CN");
    assert_eq!(lang.message(110, None), match_resolved(110, resolved));
    group.bench_function("match baseline, locale resolved before", |b| {
        b.iter(|| match_resolved(black_box(110), black_box(resolved)))
    });
    group.bench_function("api-error-i18n Lang::message", |b| {
        b.iter(|| black_box(&lang).message(black_box(110), None))
    });
    group.bench_function("fluent-templates lookup", |b| {
        b.iter(|| TEMPLATES.lookup(black_box(&zh), black_box("error-110")))
    });
    group.bench_function("i18n-embed get", |b| {
        b.iter(|| loader.get(black_box("error-110")))
    });
    group.bench_function("fluent-bundle, bundle at hand", |b| {
        b.iter(|| format_with(zh_bundle, black_box("error-110"), None))
    });
    group.bench_function("fluent-bundle, locale parsed per call", |b| {
        b.iter(|| plain.format(black_box("zh-CN"), black_box("error-110"), None))
    });
    group.bench_function("fluent-bundle, bundle built per call", |b| {
        b.iter(|| format_with(&bundle(zh.clone(), ZH_CN), black_box("error-110"), None))
    });
    group.finish();
}

fn with_ip(c: &mut Criterion) {
    let zh: LanguageIdentifier = "zh-CN".parse().unwrap();
    let args = ip_args();
    let templates_args: HashMap<Cow<'static, str>, FluentValue> =
        HashMap::from([(Cow::Borrowed("ip"), FluentValue::from(IP))]);
    let plain = PlainFluent::new();
    let zh_bundle = plain.bundles.get(&zh).unwrap();
    let loader = i18n_embed_loader(&[zh.clone(), "en-US".parse().unwrap()]);
    let loader = loader.select_languages(&[&zh]);
    let expected = format_baseline(IP);
    assert_eq!(message(5, "zh-CN", Some(&args)), expected);
    assert_eq!(
        TEMPLATES.lookup_with_args(&zh, "error-5", &templates_args),
        expected
    );
    assert_eq!(loader.get_args_fluent("error-5", Some(&args)), expected);

    let mut group = c.benchmark_group("with $ip");
    group.bench_function("format! baseline", |b| {
        b.iter(|| format_baseline(black_box(IP)))
    });
    group.bench_function("api-error-i18n message", |b| {
        b.iter(|| message(black_box(5), black_box("zh-CN"), Some(black_box(&args))))
    });
    group.bench_function("fluent-templates lookup", |b| {
        b.iter(|| TEMPLATES.lookup_with_args(black_box(&zh), "error-5", black_box(&templates_args)))
    });
    group.bench_function("i18n-embed get", |b| {
        b.iter(|| loader.get_args_fluent(black_box("error-5"), Some(black_box(&args))))
    });
    group.bench_function("fluent-bundle, bundle at hand", |b| {
        b.iter(|| format_with(zh_bundle, black_box("error-5"), Some(black_box(&args))))
    });
    group.finish();
}

fn locale_strings(c: &mut Criterion) {
    let mut group = c.benchmark_group("locale strings");
    for (name, locale, code, served) in [
        ("plain tag", "zh-CN", 110, "zh-CN"),
        ("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8", 110, "zh-CN"),
        ("POSIX name", "zh_CN.UTF-8", 110, "zh-CN"),
        // Private use: no catalog ships it (benches/src/lib.rs tests that it stays unknown).
        (
            "unknown locale, served by en-US",
            UNKNOWN_LOCALE,
            110,
            "en-US",
        ),
        ("unknown code", "zh-CN", 4242, "zh-CN"),
    ] {
        let found = Catalog::embedded().negotiate(locale).localize(code, None);
        assert_eq!(found.locale, served, "{name}");
        group.bench_function(name, |b| {
            b.iter(|| message(black_box(code), black_box(locale), None))
        });
    }
    group.bench_function("i18n-embed, language selected per request", |b| {
        let loader = i18n_embed_loader(&["zh-CN".parse().unwrap(), "en-US".parse().unwrap()]);
        b.iter(|| {
            let requested: LanguageIdentifier = black_box("zh-CN").parse().unwrap();
            loader.select_languages(&[&requested]).get("error-110")
        })
    });
    group.finish();
}

/// The environment variable that makes this binary a cold-start child (see [`main`]).
const COLD_START: &str = "API_ERROR_I18N_COLD_START";

/// The shipped sources, `&'static` as the embedded catalog's are, the default first.
fn static_shipped() -> Vec<(String, &'static str)> {
    let mut sources: Vec<(String, &'static str)> = benches::shipped_sources()
        .into_iter()
        .map(|(tag, text)| (tag, &*Box::leak(text.into_boxed_str())))
        .collect();
    sources.sort_by_key(|(tag, _)| tag != "en-US");
    sources
}

/// A fresh process's first message, timed in that process: `embedded` is
/// `Catalog::embedded()` (its first use builds it, with its two pseudo-locales);
/// `from-sources` builds a catalog of the same 13 shipped sources, `&'static`, read before the
/// clock starts. Prints the nanoseconds.
fn cold_start_child(mode: &str) {
    let sources = static_shipped();
    let start = Instant::now();
    let length = match mode {
        "embedded" => Catalog::embedded().message(110, "zh-CN", None).len(),
        "from-sources" => Catalog::from_sources("en-US", sources)
            .unwrap()
            .message(110, "zh-CN", None)
            .len(),
        other => panic!("unknown cold-start mode {other}"),
    };
    let elapsed = start.elapsed();
    assert_eq!(length, "无效的access token".len());
    println!("{}", elapsed.as_nanos());
}

/// The time a fresh process of this binary reports for `mode`, over `iters` processes.
fn in_fresh_processes(mode: &str, iters: u64) -> Duration {
    let exe = std::env::current_exe().unwrap();
    (0..iters)
        .map(|_| {
            let output = std::process::Command::new(&exe)
                .env(COLD_START, mode)
                .output()
                .unwrap();
            assert!(output.status.success(), "{mode}: {output:?}");
            let nanos: u64 = String::from_utf8(output.stdout)
                .unwrap()
                .trim()
                .parse()
                .unwrap();
            Duration::from_nanos(nanos)
        })
        .sum()
}

/// A catalog built and its first message, each variable changed alone from the row before it
/// (or from the first row): the number of locales, how the sources are held, the locale string,
/// how many locales are asked, and a fresh process (where `Catalog::embedded()` can be measured:
/// in this process it is built once).
fn cold_start(c: &mut Criterion) {
    let mut group = c.benchmark_group("cold start");
    let shipped = static_shipped();
    let two: Vec<(String, &'static str)> = shipped
        .iter()
        .filter(|(tag, _)| tag == "en-US" || tag == "zh-CN")
        .cloned()
        .collect();
    let first = |sources: Vec<(String, &'static str)>, locale: &str| {
        Catalog::from_sources("en-US", sources)
            .unwrap()
            .message(110, locale, None)
            .len()
    };
    let zh = "无效的access token".len();
    assert_eq!(first(two.clone(), "zh-CN"), zh);
    group.bench_function("2 locales, static sources, first message (zh-CN)", |b| {
        b.iter_batched(|| two.clone(), |s| first(s, "zh-CN"), BatchSize::SmallInput)
    });
    group.bench_function("13 locales, static sources, first message (zh-CN)", |b| {
        b.iter_batched(
            || shipped.clone(),
            |s| first(s, "zh-CN"),
            BatchSize::SmallInput,
        )
    });
    let owned: Vec<(String, String)> = shipped
        .iter()
        .map(|(tag, text)| (tag.clone(), text.to_string()))
        .collect();
    group.bench_function("13 locales, owned sources, first message (zh-CN)", |b| {
        b.iter_batched(
            || owned.clone(),
            |sources| {
                Catalog::from_sources("en-US", sources)
                    .unwrap()
                    .message(110, "zh-CN", None)
                    .len()
            },
            BatchSize::SmallInput,
        )
    });
    let header = "zh-CN,zh;q=0.9,en;q=0.8";
    assert_eq!(first(shipped.clone(), header), zh);
    group.bench_function(
        "13 locales, static sources, first message (Accept-Language)",
        |b| {
            b.iter_batched(
                || shipped.clone(),
                |s| first(s, header),
                BatchSize::SmallInput,
            )
        },
    );
    group.bench_function("13 locales, static sources, a message in each", |b| {
        b.iter_batched(
            || shipped.clone(),
            |sources| {
                let tags: Vec<String> = sources.iter().map(|(tag, _)| tag.clone()).collect();
                let catalog = Catalog::from_sources("en-US", sources).unwrap();
                tags.iter()
                    .map(|tag| catalog.message(110, tag, None).len())
                    .sum::<usize>()
            },
            BatchSize::SmallInput,
        )
    });
    group.sample_size(10);
    for mode in ["from-sources", "embedded"] {
        let name = match mode {
            "embedded" => "Catalog::embedded(), first message (zh-CN), fresh process",
            _ => "13 locales, static sources, first message (zh-CN), fresh process",
        };
        group.bench_function(name, |b| {
            b.iter_custom(|iters| in_fresh_processes(mode, iters))
        });
    }
    group.finish();
}

/// `codes` messages in each of `locales` locales with three-letter language tags.
fn synthetic(locales: usize, codes: u32) -> (Vec<String>, Vec<(String, String)>) {
    let tags: Vec<String> = (0..locales)
        .map(|i| {
            let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
            format!("{}{}{}", letter(i / 676), letter(i / 26), letter(i))
        })
        .collect();
    let sources = tags
        .iter()
        .map(|tag| {
            let mut source = String::new();
            for code in 0..codes {
                source.push_str(&format!(
                    "error-{code} = Message {code} of {tag} for this catalog\n"
                ));
            }
            (tag.clone(), source)
        })
        .collect();
    (tags, sources)
}

fn scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale: lookup");
    for (locales, codes) in [(2, 36), (10, 1_000), (100, 36), (2, 10_000), (100, 10_000)] {
        let (tags, sources) = synthetic(locales, codes);
        let catalog = Catalog::from_sources(&tags[0], sources).unwrap();
        let tag = tags.last().unwrap().clone();
        let code = codes / 2;
        assert!(catalog.message(code, &tag, None).starts_with("Message"));
        group.bench_function(
            BenchmarkId::from_parameter(format!("{locales} locales x {codes} codes")),
            |b| b.iter(|| catalog.message(black_box(code), black_box(&tag), None)),
        );
    }
    group.finish();

    // Sources are `&'static str`, as in the embedded catalog: building a catalog copies none,
    // and the first call parses only the locales it reaches.
    let mut group = c.benchmark_group("scale: cold start");
    group.sample_size(10);
    for (locales, codes) in [
        (2, 36),
        (100, 36),
        (2, 1_000),
        (100, 1_000),
        (2, 10_000),
        (100, 10_000),
    ] {
        let (tags, sources) = synthetic(locales, codes);
        let sources: Vec<(String, &'static str)> = sources
            .into_iter()
            .map(|(tag, source)| (tag, &*Box::leak(source.into_boxed_str())))
            .collect();
        let tag = tags.last().unwrap().clone();
        group.bench_function(
            BenchmarkId::from_parameter(format!("{locales} locales x {codes} codes")),
            |b| {
                b.iter(|| {
                    let catalog =
                        Catalog::from_sources(&tags[0], sources.iter().map(|(t, s)| (t, *s)))
                            .unwrap();
                    catalog.message(0, &tag, None).len()
                })
            },
        );
    }
    group.finish();
}

/// Each thread makes the same number of calls: with no shared lock, two threads take as long
/// as one, which is twice the throughput.
fn threads(c: &mut Criterion) {
    let mut group = c.benchmark_group("threads (time per call, each thread)");
    for threads in [1, 2] {
        for (name, code, with_args) in [("no argument", 110, false), ("with $ip", 5, true)] {
            group.bench_function(format!("{name}, {threads} thread(s)"), |b| {
                b.iter_custom(|iters| {
                    let start = Instant::now();
                    std::thread::scope(|scope| {
                        for _ in 0..threads {
                            scope.spawn(|| {
                                // FluentArgs is not Sync: one per thread.
                                let args = ip_args();
                                let args = with_args.then_some(&args);
                                let locales = ["zh-CN", "en-US,en;q=0.9", "zh-TW"];
                                for i in 0..iters {
                                    let locale = locales[(i % 3) as usize];
                                    black_box(message(black_box(code), locale, args));
                                }
                            });
                        }
                    });
                    start.elapsed()
                })
            });
        }
    }
    group.finish();
}

// The test app's folder, layered over the built-in catalog as an app declares it.
api_error_i18n::catalog!(fn app, "../tests/data/app-locales");

/// An app's catalog layered over the built-in one costs what the built-in one does.
fn layered(c: &mut Criterion) {
    assert_eq!(app().message(110, "zh-CN", None), "令牌无效，请重新登录");
    let mut group = c.benchmark_group("layered app catalog");
    group.bench_function("built-in message(111, \"zh-CN\")", |b| {
        b.iter(|| message(black_box(111), black_box("zh-CN"), None))
    });
    group.bench_function("layered: a built-in code (111)", |b| {
        b.iter(|| app().message(black_box(111), black_box("zh-CN"), None))
    });
    group.bench_function("layered: the app's rewording (110)", |b| {
        b.iter(|| app().message(black_box(110), black_box("zh-CN"), None))
    });
    group.bench_function("layered: the app's own code (31001, fr)", |b| {
        b.iter(|| app().message(black_box(31001), black_box("fr"), None))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    targets = no_argument, with_ip, locale_strings, cold_start, scale, threads, layered
}

/// criterion's `main`, except that a process started by [`in_fresh_processes`] measures one
/// cold start and exits.
fn main() {
    if let Ok(mode) = std::env::var(COLD_START) {
        cold_start_child(&mode);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
