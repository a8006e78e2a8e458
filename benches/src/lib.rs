//! What the benchmarks share: the shipped catalog's sources, read as the embedded catalog reads
//! them, and the hand-written `match` baselines (used by `benches/lookup.rs` and
//! `examples/lookup_loop.rs`).

/// Every `locales/<tag>/*.ftl` of the repository as `(tag, text)`.
pub fn shipped_sources() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
    let mut sources = Vec::new();
    for folder in std::fs::read_dir(root).unwrap() {
        let folder = folder.unwrap().path();
        let tag = folder.file_name().unwrap().to_string_lossy().into_owned();
        for file in std::fs::read_dir(&folder).unwrap() {
            sources.push((
                tag.clone(),
                std::fs::read_to_string(file.unwrap().path()).unwrap(),
            ));
        }
    }
    sources
}

/// The en-US messages of the numbers-and-dates benchmarks (`benches/intl.rs` and
/// `examples/intl_loop.rs`): a string or a number in a placeable, `NUMBER` without and with an
/// option, a plural select and a `DATETIME`.
pub const INTL_EN: &str = "\
error-1 = At most { $max } items per batch
error-2 = At most { NUMBER($max) } items per batch
error-3 = At most { $max ->
    [one] { $max } item
   *[other] { $max } items
} per batch
error-4 = Retry after { DATETIME($at, timeStyle: \"short\") }
error-5 = At most { NUMBER($max, maximumFractionDigits: 1) } items per batch
";

/// The locale the benchmarks call unknown: one no catalog of ours ships, now or later. `qaa` is
/// an ISO 639-2 code reserved for local use and QM a private-use region, so no language added
/// to `locales/` takes it; the test below fails if one ever does.
pub const UNKNOWN_LOCALE: &str = "qaa-QM";

/// The floor: what a hand-written `match` costs, locale check included.
#[inline(never)]
pub fn match_baseline(code: u32, locale: &str) -> &'static str {
    if locale != "zh-CN" {
        return "Unknown error";
    }
    zh_cn(code)
}

/// The `match` on the code that both baselines share, inlined into each.
#[inline(always)]
fn zh_cn(code: u32) -> &'static str {
    match code {
        0 => "成功",
        1 => "未知错误",
        2 => "服务暂不可用",
        3 => "未知的方法",
        4 => "接口调用次数已达到设定的上限",
        6 => "无权限访问该用户数据",
        7 => "来自该refer的请求无访问权限",
        100 => "请求参数无效",
        101 => "api key无效",
        102 => "session key无效",
        103 => "call_id参数无效",
        104 => "无效签名",
        105 => "请求参数过多",
        106 => "未知的签名方法",
        107 => "timestamp参数无效",
        108 => "无效的user id",
        109 => "无效的用户资料字段名",
        110 => "无效的access token",
        111 => "access token过期",
        112 => "session key过期",
        114 => "无效的ip参数",
        210 => "用户不可见",
        211 => "获取未授权的字段",
        212 => "没有权限获取用户的email",
        800 => "未知的存储操作错误",
        801 => "无效的操作方法",
        802 => "数据存储空间已超过设定的上限",
        803 => "指定的对象不存在",
        804 => "指定的对象已存在",
        805 => "数据库操作出错，请重试",
        900 => "访问的应用不存在",
        950 => "批量操作已开始，请先调用end_batch接口结束前一个批量操作",
        951 => "结束批量操作的接口调用不应该在start_batch接口之前被调用",
        952 => "每个批量调用不能包含多于20个接口调用",
        953 => "该接口不适合在批量调用操作中被使用",
        _ => "未知错误",
    }
}

/// A locale resolved once, as `Lang` is: the baseline for `Lang::message`.
#[derive(Clone, Copy)]
pub enum Resolved {
    /// zh-CN, the locale the `match` knows.
    ZhCn,
    /// Any other.
    Other,
}

impl Resolved {
    /// Resolves `locale` once, as `negotiate` does.
    pub fn new(locale: &str) -> Resolved {
        if locale == "zh-CN" {
            Resolved::ZhCn
        } else {
            Resolved::Other
        }
    }
}

/// The floor for a negotiated `Lang`: the same `match`, on a locale resolved before the call,
/// so no string is compared.
#[inline(never)]
pub fn match_resolved(code: u32, locale: Resolved) -> &'static str {
    match locale {
        Resolved::ZhCn => zh_cn(code),
        Resolved::Other => "Unknown error",
    }
}

#[cfg(test)]
mod tests {
    use super::UNKNOWN_LOCALE;

    #[test]
    fn the_unknown_locale_is_served_by_the_default_alone() {
        let catalog = api_error_i18n::Catalog::embedded();
        let chain: Vec<&str> = catalog.negotiate(UNKNOWN_LOCALE).locales().collect();
        assert_eq!(chain, [catalog.default_locale()]);
        // No shipped locale is in the private-use range qaa-qtz.
        for tag in catalog.locales() {
            let language = tag.split('-').next().unwrap();
            assert!(
                !(language.len() == 3 && ("qaa"..="qtz").contains(&language)),
                "{tag} is a private-use language"
            );
        }
    }
}
