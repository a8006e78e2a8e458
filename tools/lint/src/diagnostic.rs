use std::fmt;

/// How bad a problem is: errors fail `tools check` and the tests; warnings are reported only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Severity {
    /// Must be fixed: `check` exits 1, the tests fail, and a structural error stops the build.
    Error,
    /// Worth a look; reported only.
    Warning,
}

/// Which check found a problem; its kebab-case name appears in the output (`error[missing]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Check {
    /// The reference locale (en-US) has no folder.
    NoReference,
    /// A folder in `locales/` whose name is not a BCP 47 tag.
    FolderName,
    /// A file in `locales/` that is not a locale's `.ftl` file: it is not embedded.
    StrayFile,
    /// A `.ftl` file that is not UTF-8.
    Encoding,
    /// A UTF-8 byte-order mark, which turns the first message into junk.
    ByteOrderMark,
    /// CRLF or lone CR line endings.
    LineEndings,
    /// A tab where Fluent expects spaces.
    TabIndent,
    /// Fluent syntax errors: the text is junk and not served.
    Syntax,
    /// An entry nested deeper than `MAX_NESTING`: dropped before parsing, not served.
    Nesting,
    /// A symbolic link in `locales/`: the checks do not follow it.
    Link,
    /// An id that looks like a code's but names none (`error-007`): no lookup serves it.
    MessageId,
    /// A message id defined twice in one locale.
    Duplicate,
    /// A message of en-US that the locale lacks.
    Missing,
    /// A message that en-US does not have.
    Obsolete,
    /// Variables that differ from the en-US original.
    Variables,
    /// `%s`, `%d`, `{0}`: placeholders of other formats, which Fluent prints as they are.
    ForeignPlaceholder,
    /// Full-width `｛ ｝ ＄` where a placeable was meant.
    FullWidth,
    /// A message with no text.
    Empty,
    /// A value identical to en-US in a non-English locale.
    Untranslated,
    /// A reference to a message, term or attribute the locale does not define.
    UnknownReference,
    /// Messages or terms that refer to each other in a circle.
    Cycle,
    /// A function other than `NUMBER` and `DATETIME`: not served.
    UnknownFunction,
    /// A `NUMBER` or `DATETIME` option that is misspelt, has a bad value, or is not supported,
    /// or a mix of `DATETIME` options the library refuses.
    FunctionOption,
    /// `DATETIME` of a variable that a message elsewhere formats as a number, or a function
    /// called without its one argument.
    ArgumentType,
}

impl Check {
    /// The check's kebab-case name, as printed in brackets.
    ///
    /// ```
    /// assert_eq!(api_error_i18n_lint::Check::UnknownReference.name(), "unknown-reference");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Check::NoReference => "no-reference",
            Check::FolderName => "folder-name",
            Check::StrayFile => "stray-file",
            Check::Encoding => "encoding",
            Check::ByteOrderMark => "byte-order-mark",
            Check::LineEndings => "line-endings",
            Check::TabIndent => "tab-indent",
            Check::Syntax => "syntax",
            Check::Nesting => "nesting",
            Check::Link => "link",
            Check::MessageId => "message-id",
            Check::Duplicate => "duplicate",
            Check::Missing => "missing",
            Check::Obsolete => "obsolete",
            Check::Variables => "variables",
            Check::ForeignPlaceholder => "foreign-placeholder",
            Check::FullWidth => "full-width",
            Check::Empty => "empty",
            Check::Untranslated => "untranslated",
            Check::UnknownReference => "unknown-reference",
            Check::Cycle => "cycle",
            Check::UnknownFunction => "unknown-function",
            Check::FunctionOption => "function-option",
            Check::ArgumentType => "argument-type",
        }
    }
}

/// One problem, located as precisely as the check can: `line` and `column` are 1-based, and 0
/// when the problem concerns a whole file or folder.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The check that found it.
    pub check: Check,
    /// Relative to the folder that holds `locales/`, with `/` separators.
    pub path: String,
    /// 1-based line, 0 for a whole file or folder.
    pub line: usize,
    /// 1-based column in characters, 0 for a whole file or folder.
    pub column: usize,
    /// The message id concerned, if any.
    pub id: Option<String>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, if the check knows.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// rustc's layout: `error[check]: message`, then `--> path:line:col`, then `= help: hint`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{severity}[{}]: {}", self.check.name(), self.message)?;
        write!(f, "  --> {}", self.path)?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n   = help: {hint}")?;
        }
        Ok(())
    }
}
