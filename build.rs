//! Checks `locales/` before rust-embed embeds it, so that a translator's slip fails the build
//! with `path:line:col` instead of a message silently going missing at run time, and reruns the
//! embedding when a folder or file is added. The same line an app's build script has; and the
//! test data's app folder, which the docs and tests embed with `catalog!(.., alone)`, where it
//! exists (the published package has no tests).

fn main() {
    api_error_i18n_lint::build("locales");
    if std::path::Path::new("tests/data/app-locales").is_dir() {
        api_error_i18n_lint::build("tests/data/app-locales");
    }
}
