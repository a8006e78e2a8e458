//! Custom catalogs from in-memory sources: per-message fallback, script-aware negotiation,
//! bidi isolation, and what a catalog does with sources a translator got wrong.

use api_error_i18n::{BuildError, Catalog, Error};

use crate::args;

const EN: &str =
    "error-1 = Unknown error\nerror-110 = Access token invalid\nerror-111 = Access token expired\n";

fn catalog(extra: &[(&str, &'static str)]) -> Catalog {
    let mut sources = vec![("en-US", EN)];
    sources.extend_from_slice(extra);
    Catalog::from_sources("en-US", sources).unwrap()
}

#[track_caller]
fn served(catalog: &Catalog, code: u32, locale: &str) -> (String, String) {
    let found = catalog.resolve(code, locale, None).unwrap();
    (found.text.into_owned(), found.locale.to_owned())
}

#[test]
fn a_partly_translated_locale_fills_its_gaps_from_the_next_in_the_chain() {
    let catalog = catalog(&[("de", "error-110 = Zugriffstoken ungültig\n")]);
    assert_eq!(
        served(&catalog, 110, "de-DE"),
        ("Zugriffstoken ungültig".into(), "de".into())
    );
    assert_eq!(
        served(&catalog, 111, "de-DE"),
        ("Access token expired".into(), "en-US".into())
    );
    // The unknown-code message follows the same chain.
    assert_eq!(catalog.message(9999, "de", None), "Unknown error");
}

#[test]
fn the_chain_follows_the_callers_order_before_the_default() {
    let catalog = catalog(&[
        ("fr", "error-110 = Jeton invalide\n"),
        (
            "de",
            "error-110 = Token ungültig\nerror-111 = Token abgelaufen\n",
        ),
    ]);
    // fr first, and for what fr lacks, de before en-US.
    assert_eq!(
        served(&catalog, 110, "fr, de;q=0.5"),
        ("Jeton invalide".into(), "fr".into())
    );
    assert_eq!(
        served(&catalog, 111, "fr, de;q=0.5"),
        ("Token abgelaufen".into(), "de".into())
    );
}

#[test]
fn every_chinese_goes_to_zh_cn_while_it_is_the_only_chinese() {
    // Better Simplified than English for a Traditional Chinese reader.
    let catalog = catalog(&[("zh-CN", "error-110 = 无效的access token\n")]);
    for tag in [
        "zh",
        "zh-Hans",
        "zh-SG",
        "zh-TW",
        "zh-HK",
        "zh-Hant",
        "zh-Hant-TW",
    ] {
        assert_eq!(served(&catalog, 110, tag).1, "zh-CN", "{tag}");
    }
    for tag in ["en", "en-GB", "fr", "de-DE"] {
        assert_eq!(served(&catalog, 110, tag).1, "en-US", "{tag}");
    }
}

#[test]
fn traditional_chinese_goes_to_zh_tw_once_it_exists() {
    let catalog = catalog(&[
        ("zh-CN", "error-110 = 无效的access token\n"),
        ("zh-TW", "error-110 = 無效的access token\n"),
    ]);
    for tag in ["zh-TW", "zh-HK", "zh-Hant", "zh-MO", "zh-Hant-HK"] {
        assert_eq!(served(&catalog, 110, tag).1, "zh-TW", "{tag}");
    }
    for tag in ["zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-SG"] {
        assert_eq!(served(&catalog, 110, tag).1, "zh-CN", "{tag}");
    }
}

#[test]
fn right_to_left_locales_keep_isolation_marks_around_arguments() {
    let catalog = catalog(&[
        ("ar", "error-5 = عنوان IP غير مصرح به: { $ip }\n"),
        ("fr", "error-5 = Adresse IP non autorisée : { $ip }\n"),
    ]);
    let ip = args(&[("ip", "203.0.113.7")]);
    assert_eq!(
        catalog.message(5, "ar", Some(&ip)),
        "عنوان IP غير مصرح به: \u{2068}203.0.113.7\u{2069}"
    );
    assert_eq!(
        catalog.message(5, "fr", Some(&ip)),
        "Adresse IP non autorisée : 203.0.113.7"
    );
}

#[test]
fn messages_fluent_must_format_still_work() {
    let catalog = catalog(&[(
        "en-US",
        "-brand = Open API\nerror-7000 = { -brand } is down\nerror-7001 = { $n ->\n    [one] one item\n   *[other] { $n } items\n}\nerror-7002 = { $n } left\n",
    )]);
    assert_eq!(catalog.message(7000, "en", None), "Open API is down");
    let mut n = api_error_i18n::FluentArgs::new();
    n.set("n", 1);
    assert_eq!(catalog.message(7001, "en", Some(&n)), "one item");
    n.set("n", 5);
    assert_eq!(catalog.message(7001, "en", Some(&n)), "5 items");
    assert_eq!(catalog.message(7002, "en", Some(&n)), "5 left");
}

#[test]
fn a_message_that_formats_empty_is_skipped_like_a_missing_one() {
    let catalog = catalog(&[("de", "error-110 = { \"\" }\n")]);
    assert_eq!(
        served(&catalog, 110, "de"),
        ("Access token invalid".into(), "en-US".into())
    );
}

#[test]
fn broken_sources_serve_what_parses() {
    let catalog = catalog(&[(
        "de",
        "\u{feff}error-110 = Token ungültig\n110 = junk\nerror-111 = { $ip\nerror-1 = Unbekannter Fehler\n",
    )]);
    // A byte-order mark does not cost the first message.
    assert_eq!(served(&catalog, 110, "de").1, "de");
    assert_eq!(served(&catalog, 111, "de").1, "en-US");
    assert_eq!(catalog.message(9999, "de", None), "Unbekannter Fehler");
}

#[test]
fn the_first_of_two_definitions_wins_across_sources() {
    let catalog = catalog(&[
        ("de", "error-110 = Erste\n"),
        ("de", "error-110 = Zweite\nerror-111 = Abgelaufen\n"),
    ]);
    assert_eq!(catalog.message(110, "de", None), "Erste");
    assert_eq!(catalog.message(111, "de", None), "Abgelaufen");
}

#[test]
fn non_canonical_ids_are_not_codes() {
    let catalog = catalog(&[("de", "error-0110 = Null\nerror-+110 = Plus\n")]);
    assert_eq!(served(&catalog, 110, "de").1, "en-US");
}

#[test]
fn without_any_unknown_error_message_the_last_resort_answers() {
    let catalog = Catalog::from_sources("en", [("en", "error-2 = Down\n")]).unwrap();
    assert_eq!(catalog.message(3, "en", None), "Unknown error");
    assert_eq!(catalog.resolve(3, "en", None), Err(Error::UnknownCode(3)));
}

#[test]
fn building_a_catalog_names_what_is_wrong() {
    assert_eq!(
        Catalog::from_sources("en", [("en", ""), ("not a tag", "")]).err(),
        Some(BuildError::InvalidLocale("not a tag".into()))
    );
    assert_eq!(
        Catalog::from_sources("en-US", [("de", "")]).err(),
        Some(BuildError::MissingDefault("en-US".into()))
    );
    assert_eq!(
        Catalog::from_sources("e", [("en", "")]).err(),
        Some(BuildError::InvalidLocale("e".into()))
    );
}

#[test]
fn catalogs_do_not_share_their_negotiation_memo() {
    let german = catalog(&[("de", "error-110 = Token ungültig\n")]);
    let english_only = catalog(&[]);
    for _ in 0..3 {
        assert_eq!(served(&german, 110, "de").1, "de");
        assert_eq!(served(&english_only, 110, "de").1, "en-US");
    }
}

#[test]
fn a_catalog_can_be_shared_across_threads() {
    fn shareable<T: Send + Sync>(_: &T) {}
    let catalog = catalog(&[("de", "error-110 = Token ungültig\n")]);
    shareable(&catalog);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| assert_eq!(catalog.message(110, "de", None), "Token ungültig"));
        }
    });
}

#[test]
fn long_fallback_chains_are_served_and_remembered() {
    // `fr` reaches five French locales before en-US: a chain longer than the memo's first tier.
    let catalog = catalog(&[
        ("fr-BE", "error-110 = Jeton invalide (BE)\n"),
        ("fr-CA", "error-111 = Jeton expiré (CA)\n"),
        ("fr-CH", "error-110 = Jeton invalide (CH)\n"),
        ("fr-FR", "error-110 = Jeton invalide (FR)\n"),
        ("fr-LU", "error-110 = Jeton invalide (LU)\n"),
    ]);
    for _ in 0..3 {
        // fr's likely region is France (CLDR's likely subtags): fr-FR first, the others in
        // the catalog's order, the default last.
        let chain: Vec<&str> = catalog.negotiate("fr").locales().collect();
        assert_eq!(
            chain,
            ["fr-FR", "fr-BE", "fr-CA", "fr-CH", "fr-LU", "en-US"]
        );
        assert_eq!(
            served(&catalog, 110, "fr"),
            ("Jeton invalide (FR)".into(), "fr-FR".into())
        );
        assert_eq!(
            served(&catalog, 111, "fr"),
            ("Jeton expiré (CA)".into(), "fr-CA".into())
        );
        assert_eq!(served(&catalog, 1, "fr").1, "en-US");
    }
}

#[test]
fn locale_strings_of_every_length_are_told_apart() {
    // Same lengths, different bytes; short and long; each must reach its own locale.
    let catalog = catalog(&[
        ("de", "error-110 = de\n"),
        ("da", "error-110 = da\n"),
        ("de-AT", "error-110 = de-AT\n"),
        ("de-CH", "error-110 = de-CH\n"),
        ("zh-Hant-TW", "error-110 = zh-Hant-TW\n"),
        ("zh-Hans-SG", "error-110 = zh-Hans-SG\n"),
    ]);
    for _ in 0..3 {
        for (locale, expected) in [
            ("de", "de"),
            ("da", "da"),
            ("de-AT", "de-AT"),
            ("de-CH", "de-CH"),
            ("zh-Hant-TW", "zh-Hant-TW"),
            ("zh-Hans-SG", "zh-Hans-SG"),
            ("da;q=0.9, de-AT;q=0.8, x", "da"),
            ("de-CH;q=0.9, de-AT;q=0.8, x", "de-CH"),
        ] {
            assert_eq!(catalog.message(110, locale, None), expected, "{locale}");
        }
    }
}

#[test]
fn large_and_scattered_codes_are_served() {
    let catalog = Catalog::from_sources(
        "en",
        [(
            "en",
            "error-1 = Unknown\nerror-7 = Seven\nerror-4000000000 = Four billion\nerror-4294967295 = Max\n",
        )],
    )
    .unwrap();
    assert_eq!(catalog.message(7, "en", None), "Seven");
    assert_eq!(catalog.message(4_000_000_000, "en", None), "Four billion");
    assert_eq!(catalog.message(u32::MAX, "en", None), "Max");
    assert_eq!(catalog.message(8, "en", None), "Unknown");
    assert_eq!(
        catalog.resolve(4_000_000_001, "en", None),
        Err(Error::UnknownCode(4_000_000_001))
    );
}

// An app's own folder, embedded and layered over the built-in catalog as an app declares it.
api_error_i18n::catalog!(fn app_catalog, "tests/data/app-locales");
api_error_i18n::catalog!(fn app_alone, "tests/data/app-locales", alone);

/// Each row: a code, a locale string, and the text and locale that must answer.
#[test]
fn an_apps_catalog_is_layered_over_the_built_in_one() {
    let rows = [
        (31001, "en-US", "Out of coffee", "en-US"),
        (31001, "fr-FR", "Plus de café", "fr"),
        (31001, "eo", "Kafo elĉerpita", "eo"),
        (31001, "zh-CN", "Out of coffee", "en-US"),
        // The app rewords 110 in zh-CN only.
        (110, "zh-CN", "令牌无效，请重新登录", "zh-CN"),
        (
            110,
            "en-US",
            "Access token invalid or no longer valid",
            "en-US",
        ),
        (110, "zh-TW", "無效的 access token", "zh-TW"),
        // A language the library lacks serves the built-in codes through the chain.
        (4, "eo", "Open api request limit reached", "en-US"),
        (4, "fr", "Limite de requêtes de l'API atteinte", "fr"),
        // And the pseudo-locales are made from the layered en-US.
        (31001, "en-XA", "Ouuŧ ooƒ ƈooƒƒeeee", "en-XA"),
    ];
    for (code, locale, text, served) in rows {
        let found = app_catalog().negotiate(locale).localize(code, None);
        assert_eq!(
            (found.text.as_ref(), found.locale),
            (text, served),
            "{code} {locale}"
        );
    }
    // Alone, the app's catalog has only its own codes.
    assert_eq!(
        app_alone().message(110, "zh-CN", None),
        "令牌无效，请重新登录"
    );
    assert_eq!(app_alone().message(111, "zh-CN", None), "Unknown error");
    assert_eq!(app_alone().message(31001, "fr", None), "Plus de café");
}

#[test]
fn an_apps_catalog_answers_at_the_http_layer() {
    let format = api_error_i18n::ErrorFormat::baidu();
    let response = format.response(&app_catalog().negotiate("fr"), 31001, None);
    assert_eq!(response.headers()["content-language"], "fr");
    assert_eq!(
        response.body(),
        r#"{"error_code":31001,"error_msg":"Plus de café"}"#
    );
}

#[test]
fn behind_the_layer_the_lang_extractor_speaks_from_the_apps_catalog() {
    use api_error_i18n::{ErrorFormat, ErrorLayer, Lang};
    use axum::{routing::get, Router};
    let app = Router::new()
        .route(
            "/",
            get(|lang: Lang<'static>| async move { lang.message(31001, None).into_owned() }),
        )
        .layer(ErrorLayer::new(ErrorFormat::baidu()).catalog(app_catalog()));
    let (_, body) = crate::get_through(app, "/", &["eo, fr;q=0.5"]);
    assert_eq!(body, "Kafo elĉerpita");
}
