//! Each check of `api-error-i18n-lint` against a small `locales/` folder written for the case. A case
//! lists the diagnostics it expects as `severity[check] path:line:col id`.

use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

const EN: &str = "\
error-1 = Unknown error
# $ip (String) - the client address
error-5 = Unauthorized client IP address:{ $ip }
error-110 = Access token invalid
";

/// Writes `files` (paths relative to `locales/`) into a fresh folder.
fn locales(files: &[(&str, &[u8])]) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let root = std::env::temp_dir().join(format!(
        "api-error-i18n-lint-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let dir = root.join("locales");
    let _ = fs::remove_dir_all(&root);
    for (path, content) in files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn short(d: &api_error_i18n_lint::Diagnostic) -> String {
    let severity = if d.is_error() { "error" } else { "warning" };
    let id =
        d.id.as_deref()
            .map(|id| format!(" {id}"))
            .unwrap_or_default();
    format!(
        "{severity}[{}] {}:{}:{}{id}",
        d.check.name(),
        d.path,
        d.line,
        d.column
    )
}

/// Checks en-US (as above, unless the case gives its own) plus `files`, and compares the
/// diagnostics with `expected`.
#[track_caller]
fn check(files: &[(&str, &str)], expected: &[&str]) {
    let mut all: Vec<(&str, &[u8])> = files.iter().map(|(p, c)| (*p, c.as_bytes())).collect();
    if !files.iter().any(|(path, _)| path.starts_with("en-US/")) {
        all.push(("en-US/errors.ftl", EN.as_bytes()));
    }
    check_bytes(&all, expected);
}

#[track_caller]
fn check_bytes(files: &[(&str, &[u8])], expected: &[&str]) {
    let dir = locales(files);
    let diagnostics = api_error_i18n_lint::check(&dir);
    let got: Vec<String> = diagnostics.iter().map(short).collect();
    let full: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(got, expected, "\n{}", full.join("\n"));
    let _ = fs::remove_dir_all(dir.parent().unwrap());
}

const ZH: &str = "\
error-1 = 未知错误
error-5 = 请求来自未经授权的IP地址：{ $ip }
error-110 = 无效的access token
";

#[test]
fn a_clean_translation_has_no_diagnostics() {
    check(&[("zh-CN/errors.ftl", ZH)], &[]);
}

#[test]
fn syntax_errors_point_at_the_offending_text() {
    check(
        &[("zh-CN/errors.ftl", "error-1 = 未知错误\n110 = 无效\nerror-5 = 地址 { $ip\nerror-110 = 无效的access token\n")],
        &[
            "error[missing] locales/zh-CN/errors.ftl:0:0 error-5",
            "error[syntax] locales/zh-CN/errors.ftl:2:1 110",
            // The brace that is never closed.
            "error[syntax] locales/zh-CN/errors.ftl:3:14 error-5",
        ],
    );
}

#[test]
fn byte_order_mark_crlf_and_tabs() {
    check(
        &[(
            "zh-CN/errors.ftl",
            "\u{feff}error-1 = 未知错误\r\nerror-5 = 地址：{ $ip }\nerror-110 =\n\t无效\n",
        )],
        &[
            // The mark and the tab turn error-1 and error-110 into junk.
            "error[missing] locales/zh-CN/errors.ftl:0:0 error-1",
            "error[missing] locales/zh-CN/errors.ftl:0:0 error-110",
            "error[byte-order-mark] locales/zh-CN/errors.ftl:1:1",
            "warning[line-endings] locales/zh-CN/errors.ftl:1:16",
            "error[tab-indent] locales/zh-CN/errors.ftl:4:1",
        ],
    );
}

#[test]
fn a_lone_carriage_return_is_an_error() {
    check(
        &[(
            "zh-CN/errors.ftl",
            "error-1 = 未知\r错误\nerror-5 = 地址：{ $ip }\nerror-110 = 无效\n",
        )],
        &["error[line-endings] locales/zh-CN/errors.ftl:1:13"],
    );
}

#[test]
fn duplicates_within_a_file_and_across_files() {
    check(
        &[
            (
                "zh-CN/errors.ftl",
                "error-1 = 未知错误\nerror-1 = 又一个\nerror-5 = 地址：{ $ip }\n",
            ),
            (
                "zh-CN/more.ftl",
                "error-110 = 无效\nerror-5 = 再一个：{ $ip }\n",
            ),
        ],
        &[
            "error[duplicate] locales/zh-CN/errors.ftl:2:1 error-1",
            "error[duplicate] locales/zh-CN/more.ftl:2:1 error-5",
        ],
    );
}

#[test]
fn missing_and_obsolete_messages() {
    check(
        &[(
            "zh-CN/errors.ftl",
            "error-1 = 未知错误\nerror-5 = 地址：{ $ip }\nerror-999 = 旧的\n",
        )],
        &[
            "error[missing] locales/zh-CN/errors.ftl:0:0 error-110",
            "warning[obsolete] locales/zh-CN/errors.ftl:3:1 error-999",
        ],
    );
}

#[test]
fn variables_must_match_en_us_both_ways() {
    check(
        &[(
            "zh-CN/errors.ftl",
            "error-1 = 未知错误 { $detail }\nerror-5 = 地址：{ $addr }\nerror-110 = 无效\n",
        )],
        &[
            "error[variables] locales/zh-CN/errors.ftl:1:18 error-1",
            "error[variables] locales/zh-CN/errors.ftl:2:1 error-5",
            "error[variables] locales/zh-CN/errors.ftl:2:16 error-5",
        ],
    );
}

#[test]
fn variables_per_select_variant() {
    let en = "error-1 = Unknown error\nerror-5 = { $count ->\n    [one] one address: { $ip }\n   *[other] { $count } addresses: { $ip }\n}\n";
    check(
        &[
            ("en-US/errors.ftl", en),
            ("de/errors.ftl", "error-1 = Unbekannt\nerror-5 = { $count ->\n    [one] eine Adresse\n   *[other] { $count } Adressen: { $ip }\n}\n"),
        ],
        &["warning[variables] locales/de/errors.ftl:2:1 error-5"],
    );
}

#[test]
fn foreign_placeholders_and_full_width_braces() {
    check(
        &[(
            "zh-CN/errors.ftl",
            "error-1 = 未知错误 %s\nerror-5 = 地址：｛ $ip ｝\nerror-110 = 无效 {0} %1$d\n",
        )],
        &[
            "error[foreign-placeholder] locales/zh-CN/errors.ftl:1:16 error-1",
            "error[variables] locales/zh-CN/errors.ftl:2:1 error-5",
            "error[full-width] locales/zh-CN/errors.ftl:2:14 error-5",
            "error[foreign-placeholder] locales/zh-CN/errors.ftl:3:16 error-110",
            "error[foreign-placeholder] locales/zh-CN/errors.ftl:3:20 error-110",
        ],
    );
}

#[test]
fn empty_values_and_untranslated_copies() {
    check(
        &[(
            "zh-CN/errors.ftl",
            "error-1 = { \"\" }\nerror-5 = 地址：{ $ip }\nerror-110 = Access token invalid\n",
        )],
        &[
            "error[empty] locales/zh-CN/errors.ftl:1:1 error-1",
            "warning[untranslated] locales/zh-CN/errors.ftl:3:1 error-110",
        ],
    );
    // English variants may share en-US text.
    check(&[("en-GB/errors.ftl", EN)], &[]);
}

#[test]
fn folder_names_stray_files_and_encoding() {
    check_bytes(
        &[
            ("en-US/errors.ftl", EN.as_bytes()),
            ("zh_CN/errors.ftl", ZH.as_bytes()),
            ("notes.txt", b"todo"),
            ("zh-TW/.DS_Store", b"\0"),
            ("zh-TW/errors.ftl", b"error-1 = \xff\n"),
        ],
        &[
            "warning[stray-file] locales/notes.txt:0:0",
            // What the unreadable file held is missing too.
            "error[missing] locales/zh-TW:0:0 error-1",
            "error[missing] locales/zh-TW:0:0 error-110",
            "error[missing] locales/zh-TW:0:0 error-5",
            "warning[stray-file] locales/zh-TW/.DS_Store:0:0",
            "error[encoding] locales/zh-TW/errors.ftl:0:0",
            "error[folder-name] locales/zh_CN:0:0",
        ],
    );
}

#[test]
fn no_reference_locale() {
    check_bytes(
        &[("zh-CN/errors.ftl", ZH.as_bytes())],
        &["error[no-reference] locales:0:0"],
    );
}

#[test]
fn the_build_runs_only_the_structural_checks() {
    let dir = locales(&[
        ("en-US/errors.ftl", EN.as_bytes()),
        ("zh-CN/errors.ftl", b"error-1 = %s\n"),
    ]);
    assert!(api_error_i18n_lint::check_structure(&dir).is_empty());
    assert!(!api_error_i18n_lint::check(&dir).is_empty());
}

#[test]
fn an_entry_nested_too_deep_is_dropped_and_located() {
    let deep = format!("{}x{}", "{ ".repeat(100_000), " }".repeat(100_000));
    let source =
        format!("error-1 = 未知错误\nerror-5 = 地址：{{ $ip }}\nerror-110 =\n    {deep}\n");
    check(
        &[("zh-CN/errors.ftl", &source)],
        &[
            "error[missing] locales/zh-CN/errors.ftl:0:0 error-110",
            // The eleventh `{`: two characters each, after four spaces of indent.
            "error[nesting] locales/zh-CN/errors.ftl:4:25 error-110",
        ],
    );
    // The build script's checks stop on it too, and a small stack is enough for all of them.
    let dir = locales(&[("en-US/errors.ftl", source.as_bytes())]);
    let structure = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || api_error_i18n_lint::check_structure(&dir))
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(
        structure.iter().map(short).collect::<Vec<_>>(),
        ["error[nesting] locales/en-US/errors.ftl:4:25 error-110"]
    );
}

#[test]
fn references_that_resolve_to_nothing() {
    check(
        &[(
            "zh-CN/errors.ftl",
            "error-1 = 未知错误 { error-99999 }\nerror-5 = 地址：{ $ip } { -brand }\nerror-110 = { error-1.title }{ error-7 }\nerror-7 =\n    .title = 标题\n",
        )],
        &[
            "error[unknown-reference] locales/zh-CN/errors.ftl:1:18 error-1",
            "error[unknown-reference] locales/zh-CN/errors.ftl:2:24 error-5",
            "error[unknown-reference] locales/zh-CN/errors.ftl:3:15 error-110",
            "error[unknown-reference] locales/zh-CN/errors.ftl:3:32 error-110",
            "warning[obsolete] locales/zh-CN/errors.ftl:4:1 error-7",
            "error[empty] locales/zh-CN/errors.ftl:4:1 error-7",
        ],
    );
}

#[test]
fn cycles_and_chains_too_deep() {
    let chain: String = (0..40)
        .map(|n| format!("link-{n} = {{ link-{} }}\n", n + 1))
        .collect();
    let en = format!(
        "error-1 = Unknown error {{ -a }}\n-a = {{ -b }}\n-b = {{ -a }}\nerror-5 = {{ link-0 }} {{ $ip }}\n{chain}link-40 = end\n"
    );
    let diagnostics = api_error_i18n_lint::check(&locales(&[("en-US/errors.ftl", en.as_bytes())]));
    let got: Vec<String> = diagnostics.iter().map(short).collect();
    // One cycle, reported once, where the walk entered it; each pattern deeper than the
    // library serves, at its own line.
    assert_eq!(
        got.iter()
            .filter(|d| d.starts_with("error[cycle]"))
            .collect::<Vec<_>>(),
        ["error[cycle] locales/en-US/errors.ftl:2:8 -a"]
    );
    let deep: Vec<&String> = got
        .iter()
        .filter(|d| d.starts_with("error[nesting]"))
        .collect();
    assert_eq!(
        deep.first().map(|d| d.as_str()),
        Some("error[nesting] locales/en-US/errors.ftl:4:11 error-5")
    );
    assert_eq!(deep.len(), 1 + 40 - api_error_i18n_source::MAX_DEPTH);
    assert_eq!(got.len(), 1 + deep.len(), "{got:#?}");
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_not_followed() {
    let dir = locales(&[
        ("zh-CN/errors.ftl", ZH.as_bytes()),
        ("en-US/errors.ftl", EN.as_bytes()),
    ]);
    // A loop, a link to a locale folder, and a link to a file.
    std::os::unix::fs::symlink(&dir, dir.join("zh-CN/loop")).unwrap();
    std::os::unix::fs::symlink(dir.join("zh-CN"), dir.join("zh-TW")).unwrap();
    std::os::unix::fs::symlink(dir.join("zh-CN/errors.ftl"), dir.join("zh-CN/more.ftl")).unwrap();
    let got: Vec<String> = api_error_i18n_lint::check(&dir).iter().map(short).collect();
    assert_eq!(
        got,
        [
            "warning[link] locales/zh-CN/loop:0:0",
            "warning[link] locales/zh-CN/more.ftl:0:0",
            "warning[link] locales/zh-TW:0:0",
        ]
    );
}

#[test]
fn an_id_that_looks_like_a_code_and_names_none_is_an_error() {
    let zh = format!("{ZH}error-007 = 禁止\n");
    check(
        &[("zh-CN/errors.ftl", zh.as_str())],
        &[
            "error[message-id] locales/zh-CN/errors.ftl:4:1 error-007",
            "warning[obsolete] locales/zh-CN/errors.ftl:4:1 error-007",
        ],
    );
}

#[test]
fn functions_and_their_options() {
    let en = "\
error-1 = Unknown error
error-5 = Unauthorized client IP address:{ $ip }
error-110 = Access token invalid
error-7 = At most { NUMBER($max, maximumFractionDigit: 2) } items
error-8 = { NUMBER($max, minimumFractionDigits: 200) } or { NUMBER($max, useGrouping: \"no\") }
error-9 = Retry at { DATETIME($max, timeStyle: \"short\") }
error-10 = Since { DATETIME($since, dayPeriod: \"short\") } { LENGTH($ip) } { NUMBR($ip) }
error-11 = { NUMBER($n, minimumIntegerDigits: 2, style: \"percent\") } { DATETIME($since, dateStyle: \"full\", hour: \"numeric\", minute: \"numeric\") }
error-12 = { DATETIME($since, era: \"long\") } { DATETIME($since, hour12: \"yes\", fractionalSecondDigits: 4) }
error-13 = { DATETIME($since, timeStyle: \"short\") } then { DATETIME($since, timeStyle: \"lunch\") } { NUMBER($n) } { NUMBER($n, $ip) }
";
    check(
        &[("en-US/errors.ftl", en)],
        &[
            "error[function-option] locales/en-US/errors.ftl:4:34 error-7",
            "error[function-option] locales/en-US/errors.ftl:5:26 error-8",
            "error[function-option] locales/en-US/errors.ftl:5:74 error-8",
            "error[argument-type] locales/en-US/errors.ftl:6:22 error-9",
            "error[function-option] locales/en-US/errors.ftl:7:37 error-10",
            "error[unknown-function] locales/en-US/errors.ftl:7:61 error-10",
            "error[unknown-function] locales/en-US/errors.ftl:7:77 error-10",
            "error[function-option] locales/en-US/errors.ftl:8:50 error-11",
            "error[function-option] locales/en-US/errors.ftl:8:72 error-11",
            "error[function-option] locales/en-US/errors.ftl:9:31 error-12",
            "error[function-option] locales/en-US/errors.ftl:9:65 error-12",
            "error[function-option] locales/en-US/errors.ftl:9:80 error-12",
            // The second call of the same function, with the same option: at the second.
            "error[function-option] locales/en-US/errors.ftl:10:77 error-13",
            "error[argument-type] locales/en-US/errors.ftl:10:116 error-13",
        ],
    );
}
