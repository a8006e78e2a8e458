//! Checks `locales/` before rust-embed embeds it, so that a translator's slip fails the build
//! with `path:line:col` instead of a message silently going missing at run time.

use std::path::Path;

fn main() {
    // rust-embed alone does not notice a new folder or file in an incremental build.
    println!("cargo:rerun-if-changed=locales");
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let diagnostics = api_error_i18n_lint::check_structure(&Path::new(&manifest).join("locales"));
    let mut errors = 0;
    for diagnostic in &diagnostics {
        if diagnostic.is_error() {
            errors += 1;
            eprintln!("{diagnostic}\n");
        } else {
            let lines: Vec<String> = diagnostic
                .to_string()
                .lines()
                .map(|l| l.trim().to_owned())
                .collect();
            println!("cargo:warning={}", lines.join(" "));
        }
    }
    if errors > 0 {
        eprintln!(
            "locales/ has {errors} error(s); `cargo run -p api-error-i18n-cli -- check` lists every problem"
        );
        std::process::exit(1);
    }
}
