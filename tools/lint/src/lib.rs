//! Checks for the `locales/` folder of api-error-i18n, written once and used from three places:
//! the library's build script ([`check_structure`]: what would make the embedded catalog wrong),
//! `cargo run -p api-error-i18n-cli -- check` and the workspace tests ([`check`]: everything, each locale
//! against en-US).
//!
//! Diagnostics name the file, line, column and message id, in rustc's layout, so that a
//! translator can act on them without reading Rust.

mod checks;
mod diagnostic;
mod graph;
mod nesting;
mod references;
mod tree;

use std::path::Path;

pub use diagnostic::{Check, Diagnostic, Severity};
pub use graph::{Depth, Graph, Node, Reference, Unresolved, MAX_DEPTH};
pub use nesting::{bound_nesting, TooDeep, MAX_NESTING};
pub use tree::{parse_tag, Entry, File, Locale, Tree};

/// The locale every other one is compared with, and falls back to.
pub const REFERENCE: &str = "en-US";

/// The problems that make the catalog unreadable as written: layout (folder names, stray and
/// non-UTF-8 files, no en-US, symbolic links), byte-order marks, line endings, tabs, syntax
/// errors and entries nested too deep. The build script fails on any error here.
pub fn check_structure(locales: &Path) -> Vec<Diagnostic> {
    checks::structure(&Tree::read(locales))
}

/// Every check: [`check_structure`], then each locale's messages against en-US (missing,
/// obsolete, variables, empty, foreign placeholders, full-width braces, untranslated,
/// duplicates), and the references of each locale (to undefined messages, terms or
/// attributes; cycles). Sorted by path and line.
pub fn check(locales: &Path) -> Vec<Diagnostic> {
    check_tree(&Tree::read(locales))
}

/// [`check`] over a tree already read.
pub fn check_tree(tree: &Tree) -> Vec<Diagnostic> {
    let mut all = checks::structure(tree);
    all.extend(checks::content(tree));
    all.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.check).cmp(&(&b.path, b.line, b.column, b.check))
    });
    all
}

/// The variables (without `$`) that a message refers to anywhere.
pub fn variables(
    message: &fluent_syntax::ast::Message<String>,
) -> std::collections::BTreeSet<String> {
    checks::variables(message)
}
