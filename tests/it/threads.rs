//! Many threads at once: every answer equals the single-threaded one.

use api_error_i18n::{message, ErrorCode};

use crate::args;

#[test]
fn many_threads_get_the_answers_one_thread_gets() {
    let locales = [
        "zh-CN",
        "en-GB",
        "fr, zh;q=0.5",
        "zh_CN.UTF-8",
        "",
        "de",
        "zh-TW",
    ];
    let ip = args(&[("ip", "192.0.2.9")]);
    let expected: Vec<String> = locales
        .iter()
        .flat_map(|locale| ErrorCode::ALL.iter().map(move |code| (locale, code.code())))
        .map(|(locale, code)| message(code, locale, Some(&ip)).into_owned())
        .collect();
    std::thread::scope(|scope| {
        for _ in 0..8 {
            let expected = &expected;
            scope.spawn(move || {
                let ip = args(&[("ip", "192.0.2.9")]);
                for _ in 0..50 {
                    let mut answers = expected.iter();
                    for locale in &locales {
                        for code in ErrorCode::ALL {
                            let answer = message(code.code(), locale, Some(&ip));
                            assert_eq!(Some(&answer.into_owned()), answers.next());
                        }
                    }
                }
            });
        }
    });
}
