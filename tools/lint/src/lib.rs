//! Checks for the `locales/` folder of api-error-i18n, written once and used from three places:
//! the library's build script ([`check_structure`]: what would make the embedded catalog wrong),
//! `cargo run -p api-error-i18n-cli -- check` and the workspace tests ([`check`]: everything, each locale
//! against en-US). What the checks share with the runtime (the id convention, the default
//! locale, the nesting bound, the reference graph) is `api-error-i18n-source`.
//!
//! Diagnostics name the file, line, column and message id, in rustc's layout, so that a
//! translator can act on them without reading Rust.

#![warn(missing_docs)]

mod checks;
mod diagnostic;
mod functions;
mod references;
mod tree;

use std::path::Path;

pub use diagnostic::{Check, Diagnostic, Severity};
pub use tree::{parse_tag, Entry, File, Locale, Tree};

/// The problems that make the catalog unreadable as written: layout (folder names, stray and
/// non-UTF-8 files, no en-US, symbolic links), byte-order marks, line endings, tabs, syntax
/// errors and entries nested too deep. The build script fails on any error here.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("lint-doc-structure-{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("locales/en-US"))?;
/// std::fs::write(dir.join("locales/en-US/errors.ftl"), "error-1 = Unknown error\nerror-5 = { $ip\n")?;
/// let found = api_error_i18n_lint::check_structure(&dir.join("locales"));
/// assert_eq!(found.len(), 1);
/// assert_eq!((found[0].check.name(), found[0].line, found[0].column), ("syntax", 2, 11));
/// # std::fs::remove_dir_all(dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn check_structure(locales: &Path) -> Vec<Diagnostic> {
    checks::structure(&Tree::read(locales))
}

/// The name of the variable [`build`] sets for the crate it builds: every folder it checked
/// that has the default locale, each between two `|`. `api_error_i18n::catalog!(.., alone)`
/// reads it to refuse, at compile time, a folder without the default locale.
///
/// ```
/// assert_eq!(api_error_i18n_lint::FOLDERS_WITH_DEFAULT_LOCALE, "API_ERROR_I18N_FOLDERS_WITH_DEFAULT_LOCALE");
/// ```
pub const FOLDERS_WITH_DEFAULT_LOCALE: &str = "API_ERROR_I18N_FOLDERS_WITH_DEFAULT_LOCALE";

/// The one line of a build script that embeds a `locales/` folder (this crate's own, or an
/// app's through `api_error_i18n::catalog!`): reruns the build when a file or folder is added
/// under `locales` (relative to the package's `Cargo.toml`), which rust-embed alone would not
/// notice, and stops the build on a structural error, printed as `path:line:col`. Warnings
/// become cargo warnings. A folder without en-US is only a warning here: an app's catalog may
/// take en-US from the built-in one; `catalog!(.., alone)` refuses it, through the variable
/// [`FOLDERS_WITH_DEFAULT_LOCALE`] set here. Call it once per folder.
///
/// ```no_run
/// // The body of `fn main` in build.rs:
/// api_error_i18n_lint::build("locales");
/// ```
pub fn build(locales: &str) {
    println!("cargo:rerun-if-changed={locales}");
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut errors = 0;
    let mut has_default = true;
    for mut diagnostic in check_structure(&Path::new(&manifest).join(locales)) {
        if diagnostic.check == Check::NoReference {
            diagnostic.severity = Severity::Warning;
            has_default = false;
        }
        if diagnostic.is_error() {
            errors += 1;
            eprintln!("{diagnostic}\n");
        } else {
            let text = diagnostic.to_string();
            let lines: Vec<&str> = text.lines().map(str::trim).collect();
            println!("cargo:warning={}", lines.join(" "));
        }
    }
    if errors > 0 {
        eprintln!("{locales}/ has {errors} error(s); `api-error-i18n check` lists every problem");
        std::process::exit(1);
    }
    // Every folder checked so far in this build script: cargo keeps the last value printed.
    static WITH_DEFAULT: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());
    let mut folders = WITH_DEFAULT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if has_default {
        folders.push('|');
        folders.push_str(locales);
        folders.push('|');
    }
    println!("cargo:rustc-env={FOLDERS_WITH_DEFAULT_LOCALE}={folders}");
}

/// Every check: [`check_structure`], then each locale's messages against en-US (missing,
/// obsolete, variables, empty, foreign placeholders, full-width braces, untranslated,
/// duplicates), and the references of each locale (to undefined messages, terms or
/// attributes; cycles). Sorted by path and line.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("lint-doc-check-{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("locales/en-US"))?;
/// std::fs::create_dir_all(dir.join("locales/fr"))?;
/// std::fs::write(dir.join("locales/en-US/errors.ftl"), "error-1 = Unknown error\nerror-5 = IP { $ip }\n")?;
/// std::fs::write(dir.join("locales/fr/errors.ftl"), "error-1 = Erreur { -marque }\n")?;
/// let found: Vec<String> = api_error_i18n_lint::check(&dir.join("locales"))
///     .iter()
///     .map(|d| format!("{}:{}:{} {}", d.path, d.line, d.column, d.check.name()))
///     .collect();
/// assert_eq!(found, ["locales/fr/errors.ftl:0:0 missing", "locales/fr/errors.ftl:1:20 unknown-reference"]);
/// # std::fs::remove_dir_all(dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn check(locales: &Path) -> Vec<Diagnostic> {
    check_tree(&Tree::read(locales))
}

/// [`check`] over a tree already read.
///
/// ```
/// let tree = api_error_i18n_lint::Tree::read(std::path::Path::new("no/such/folder"));
/// let found = api_error_i18n_lint::check_tree(&tree);
/// assert!(found.iter().all(|d| d.is_error()) && !found.is_empty());
/// ```
pub fn check_tree(tree: &Tree) -> Vec<Diagnostic> {
    let mut all = checks::structure(tree);
    all.extend(checks::content(tree));
    all.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.check).cmp(&(&b.path, b.line, b.column, b.check))
    });
    all
}

/// The variables (without `$`) that a message refers to anywhere.
///
/// ```
/// use fluent_syntax::ast::Entry;
///
/// let resource = fluent_syntax::parser::parse("m = { $n ->\n   *[other] { $ip }\n}\n".to_owned()).unwrap();
/// let Entry::Message(message) = &resource.body[0] else { unreachable!() };
/// let names: Vec<String> = api_error_i18n_lint::variables(message).into_iter().collect();
/// assert_eq!(names, ["ip", "n"]);
/// ```
pub fn variables(
    message: &fluent_syntax::ast::Message<String>,
) -> std::collections::BTreeSet<String> {
    checks::variables(message)
}
