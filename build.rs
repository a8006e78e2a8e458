//! Checks `locales/` before rust-embed embeds it, so that a translator's slip fails the build
//! with `path:line:col` instead of a message silently going missing at run time, and reruns the
//! embedding when a folder or file is added. The same line an app's build script has.

fn main() {
    api_error_i18n_lint::build("locales");
}
