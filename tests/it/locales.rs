//! Every locale folder, as a translator leaves it: complete, consistent with en-US, clean under
//! every check of `api-error-i18n-lint` (the checks `tools check` runs).

use api_error_i18n::{Catalog, ErrorCode};

use crate::{args, locales_dir};

#[test]
fn every_locale_passes_every_check() {
    let diagnostics = api_error_i18n_lint::check(&locales_dir());
    // Errors, and ids en-US does not have (a warning for translators, but every shipped locale
    // must have exactly en-US's ids).
    let failures: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.is_error() || d.check == api_error_i18n_lint::Check::Obsolete)
        .map(ToString::to_string)
        .collect();
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n\n"));
}

#[test]
fn every_code_is_served_by_every_locale_itself() {
    let catalog = Catalog::embedded();
    let ip = args(&[("ip", "203.0.113.7")]);
    let mut gaps = Vec::new();
    for tag in catalog.locales() {
        for code in ErrorCode::ALL.iter().map(|code| code.code()) {
            match catalog.resolve(code, tag, Some(&ip)) {
                Ok(found) if found.locale == tag => {}
                Ok(found) => gaps.push(format!(
                    "locales/{tag}: `error-{code}` is missing (served from {})",
                    found.locale
                )),
                Err(error) => gaps.push(format!("locales/{tag}: `error-{code}`: {error}")),
            }
        }
    }
    assert!(gaps.is_empty(), "\n{}\n", gaps.join("\n"));
}

#[test]
fn the_embedded_catalog_is_the_locales_folder() {
    let mut folders: Vec<String> = std::fs::read_dir(locales_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    // The pseudo-locales come from en-US at load time, with no folder of their own.
    let embedded: Vec<&str> = Catalog::embedded()
        .locales()
        .filter(|tag| !matches!(*tag, "en-XA" | "ar-XB"))
        .collect();
    assert_eq!(embedded, folders);
    assert_eq!(Catalog::embedded().default_locale(), "en-US");
}

/// Strings legitimately identical to en-US in another language, which `tools check` may warn
/// about as `untranslated`. None today: every message of every locale differs from English
/// (product words such as API and IP stay in Latin script inside translated sentences).
const IDENTICAL_TO_ENGLISH: &[(&str, &str)] = &[];

#[test]
fn tools_check_is_clean_but_for_the_allow_list() {
    let warnings: Vec<String> = api_error_i18n_lint::check(&locales_dir())
        .iter()
        .filter(|d| {
            let allowed = d.check == api_error_i18n_lint::Check::Untranslated
                && IDENTICAL_TO_ENGLISH.iter().any(|(tag, id)| {
                    d.path.contains(&format!("/{tag}/")) && d.id.as_deref() == Some(*id)
                });
            !allowed
        })
        .map(ToString::to_string)
        .collect();
    assert!(warnings.is_empty(), "\n{}\n", warnings.join("\n\n"));
}

/// Whether `c` is written in the script of `tag`.
fn in_script(tag: &str, c: char) -> bool {
    match tag {
        // Kana and kanji.
        "ja" => matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'),
        "ko" => matches!(c, '\u{ac00}'..='\u{d7a3}' | '\u{1100}'..='\u{11ff}'),
        "ru" => matches!(c, '\u{0400}'..='\u{04ff}'),
        "ar" => matches!(c, '\u{0600}'..='\u{06ff}'),
        _ => false,
    }
}

#[test]
fn no_english_is_left_behind() {
    let catalog = Catalog::embedded();
    let ip = args(&[("ip", "203.0.113.7")]);
    let text = |code, tag| catalog.resolve(code, tag, Some(&ip)).unwrap().text;
    for tag in ["ja", "ko", "ru", "ar"] {
        for code in ErrorCode::ALL.iter().map(|code| code.code()) {
            let message = text(code, tag);
            let native = message.chars().filter(|&c| in_script(tag, c)).count();
            assert!(
                native >= 2,
                "{tag} error-{code} is not in its script: {message}"
            );
        }
    }
    for tag in ["fr", "de", "es", "pt-BR", "vi", "id"] {
        let same: Vec<u32> = ErrorCode::ALL
            .iter()
            .map(|code| code.code())
            .filter(|&code| text(code, tag) == text(code, "en-US"))
            .collect();
        assert!(
            same.len() <= 2,
            "{tag}: {same:?} are still the English text"
        );
    }
}

/// Right-to-left text keeps Unicode isolation marks (U+2068 FIRST STRONG ISOLATE, U+2069 POP
/// DIRECTIONAL ISOLATE) around an argument, so that an address does not reorder with the words
/// around it; left-to-right locales have none.
#[test]
fn arguments_are_isolated_in_right_to_left_locales_only() {
    let ip = args(&[("ip", "203.0.113.7")]);
    assert_eq!(
        api_error_i18n::message(5, "ar-EG", Some(&ip)),
        "عنوان IP للعميل غير مصرح به: \u{2068}203.0.113.7\u{2069}"
    );
    for tag in Catalog::embedded().locales() {
        let text = Catalog::embedded().message(5, tag, Some(&ip));
        let right_to_left = tag == "ar" || tag.starts_with("ar-");
        assert_eq!(
            text.contains("\u{2068}203.0.113.7\u{2069}"),
            right_to_left,
            "{tag}: {text}"
        );
        assert!(
            right_to_left || !text.contains(['\u{2068}', '\u{2069}']),
            "{tag}: {text}"
        );
    }
}

#[test]
fn pseudo_locales_are_served_by_name_and_never_by_fallback() {
    let served = |locale: &str| api_error_i18n::negotiate(locale).localize(0, None).locale;
    for (locale, pseudo) in [
        ("en-XA", "en-XA"),
        ("EN-xa", "en-XA"),
        ("ar-XB", "ar-XB"),
        ("ar_xb", "ar-XB"),
        ("it, en-XA;q=0.5", "en-XA"),
        ("en-XA, zh-CN", "en-XA"),
        ("zh-CN;q=0.1, ar-XB", "ar-XB"),
    ] {
        assert_eq!(served(locale), pseudo, "{locale}");
    }
    for locale in [
        "en", "en-US", "en-GB", "ar", "ar-EG", "ar-SA", "*", "", "x;;;", "en-XB", "ar-XA",
    ] {
        let answer = served(locale);
        assert!(
            answer != "en-XA" && answer != "ar-XB",
            "{locale} reached {answer}"
        );
    }
    // A real language asked for first still comes first.
    assert_eq!(served("zh-CN, en-XA;q=0.5"), "zh-CN");
}

#[test]
fn pseudo_locales_transform_text_and_leave_arguments_readable() {
    let ip = args(&[("ip", "203.0.113.7")]);
    let message = |code, locale| api_error_i18n::message(code, locale, Some(&ip)).into_owned();
    // By hand, from fluent-pseudo's tables: vowels a, e, o, u doubled in en-XA.
    assert_eq!(message(0, "en-XA"), "Şuuƈƈeeşş");
    assert_eq!(message(111, "en-XA"), "Aƈƈeeşş ŧooķeeƞ eeẋƥiřeeḓ");
    assert_eq!(message(0, "ar-XB"), "\u{202e}Snɔɔǝss\u{202c}");
    assert!(message(5, "en-XA").ends_with(":203.0.113.7"));
    // ar-XB is right to left: its argument is isolated, and still untransformed.
    assert!(message(5, "ar-XB").ends_with("\u{2068}203.0.113.7\u{2069}"));
    // Every code of en-US has its pseudo-localized message, different from the English.
    for code in ErrorCode::ALL.iter().map(|code| code.code()) {
        for pseudo in ["en-XA", "ar-XB"] {
            let found = Catalog::embedded()
                .resolve(code, pseudo, Some(&ip))
                .unwrap();
            assert_eq!(found.locale, pseudo);
            assert_ne!(found.text, message(code, "en-US"), "{pseudo} error-{code}");
        }
    }
}

/// The word each locale uses for "expired" in 111 and 112 (from those two messages). 110 and 102
/// say "invalid or no longer valid": wrong or revoked, for which a refresh cannot help. Written
/// with the expiry word, they would tell a client to refresh. A new locale is checked by the
/// inequality alone until its reviewer adds its word here (TRANSLATING.md, "Reviewing a locale").
const EXPIRED: &[(&str, &str)] = &[
    ("ar", "انتهت صلاحية"),
    ("de", "abgelaufen"),
    ("en-US", "expired"),
    ("es", "caduc"),
    ("fr", "expir"),
    ("id", "kedaluwarsa"),
    ("ja", "有効期限"),
    ("ko", "만료"),
    ("pt-BR", "expirad"),
    ("ru", "истёк"),
    ("vi", "hết hạn"),
    ("zh-CN", "过期"),
    ("zh-TW", "過期"),
];

/// Pairs the source keeps apart: (invalid or no longer valid, expired).
const INVALID_AND_EXPIRED: [(u32, u32); 2] = [(110, 111), (102, 112)];

#[test]
fn invalid_is_kept_apart_from_expired() {
    let catalog = Catalog::embedded();
    let text = |code, tag| catalog.resolve(code, tag, None).unwrap().text;
    for tag in catalog.locales() {
        for (invalid, expired) in INVALID_AND_EXPIRED {
            assert_ne!(
                text(invalid, tag),
                text(expired, tag),
                "{tag}: error-{invalid} reads as error-{expired}"
            );
        }
    }
    for (tag, word) in EXPIRED {
        for (invalid, expired) in INVALID_AND_EXPIRED {
            let (invalid_text, expired_text) = (text(invalid, tag), text(expired, tag));
            assert!(
                expired_text.contains(word),
                "{tag}: error-{expired} does not say `{word}`: {expired_text}"
            );
            assert!(
                !invalid_text.contains(word),
                "{tag}: error-{invalid} says `{word}`, as error-{expired} does: {invalid_text}"
            );
        }
    }
}

/// The program isolates arguments in right-to-left text (U+2068 ... U+2069): a translator never
/// types those marks, and no file shows one to copy. A typed mark doubles the program's, or
/// isolates plain words. (Whether a header's wording asks for them is the reviewer's part; its
/// outcome, a mark in the file, is checked here.)
#[test]
fn no_locale_file_holds_typed_isolation_marks() {
    let isolation_mark = |c: char| matches!(c, '\u{2066}'..='\u{2069}');
    let mut found = Vec::new();
    for folder in std::fs::read_dir(locales_dir()).unwrap() {
        for file in std::fs::read_dir(folder.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            for (number, line) in source.lines().enumerate() {
                if line.contains(isolation_mark) {
                    found.push(format!("{}:{}: {line:?}", path.display(), number + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "\n{}\n", found.join("\n"));
    // What the program adds is one pair per argument, and nothing else.
    let ip = args(&[("ip", "203.0.113.7")]);
    for tag in Catalog::embedded().locales() {
        for code in ErrorCode::ALL.iter().map(|code| code.code()) {
            let text = Catalog::embedded().message(code, tag, Some(&ip));
            let marks = text.chars().filter(|&c| isolation_mark(c)).count();
            let right_to_left = tag == "ar" || tag.starts_with("ar-");
            let expected = if right_to_left && text.contains("203.0.113.7") {
                2
            } else {
                0
            };
            assert_eq!(marks, expected, "{tag} error-{code}: {text:?}");
        }
    }
}
