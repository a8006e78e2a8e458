//! Every check, written once. `structure` is what the build script enforces (the catalog could
//! not be read as written); `content` compares each locale with the reference.

use std::collections::{BTreeMap, BTreeSet};

use api_error_i18n_source::DEFAULT_LOCALE as REFERENCE;
use fluent_syntax::ast;

use crate::tree::{whole, Entry, File, Locale, Tree};

use crate::{Check, Diagnostic, Severity};

pub(crate) fn structure(tree: &Tree) -> Vec<Diagnostic> {
    let mut out = tree.layout.clone();
    if tree.locale(REFERENCE).is_none() {
        out.push(whole(
            Severity::Error,
            Check::NoReference,
            "locales",
            format!("there is no `locales/{REFERENCE}/` folder; every locale falls back to it"),
            None,
        ));
    }
    for file in tree.locales.iter().flat_map(|locale| &locale.files) {
        file_structure(file, &mut out);
        nesting(file, &mut out);
        message_ids(file, &mut out);
    }
    out
}

/// Ids that look like a code's and name none: the runtime, `table` and `export` all skip them
/// (`api_error_i18n_source::code_of`), so the message would silently never be served.
fn message_ids(file: &File, out: &mut Vec<Diagnostic>) {
    for entry in &file.resource.body {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name.as_str();
        if !api_error_i18n_source::malformed_code_id(id) {
            continue;
        }
        let line = file.line_of(id);
        let canonical = id
            .trim_start_matches(api_error_i18n_source::ID_PREFIX)
            .trim_start_matches('0');
        let canonical = if canonical.is_empty() { "0" } else { canonical };
        out.push(Diagnostic {
            severity: Severity::Error,
            check: Check::MessageId,
            path: file.path.clone(),
            line: line.unwrap_or(0),
            column: usize::from(line.is_some()),
            id: Some(id.to_owned()),
            message: format!("`{id}` names no code: a code's id is written without leading zeros, and fits in 32 bits; it is never served"),
            hint: Some(format!("write `error-{canonical}`")),
        });
    }
}

fn file_structure(file: &File, out: &mut Vec<Diagnostic>) {
    let at = |at: usize, severity, check, message: &str, hint: &str| {
        let (line, column) = file.position(at);
        Diagnostic {
            severity,
            check,
            path: file.path.clone(),
            line,
            column,
            id: None,
            message: message.to_owned(),
            hint: Some(hint.to_owned()),
        }
    };
    let bom = file.source.starts_with('\u{feff}');
    if bom {
        out.push(at(
            0,
            Severity::Error,
            Check::ByteOrderMark,
            "the file starts with a UTF-8 byte-order mark, which turns the first message into junk",
            "save the file as UTF-8 without BOM",
        ));
    }
    let mut tab_lines = BTreeSet::new();
    let mut next_start = 0;
    for (index, line) in file.source.split('\n').enumerate() {
        let start = next_start;
        next_start += line.len() + 1;
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(tab) = line.get(..indent).and_then(|blank| blank.find('\t')) {
            tab_lines.insert(index + 1);
            out.push(at(
                start + tab,
                Severity::Error,
                Check::TabIndent,
                "a tab indents this line; Fluent indents with spaces only",
                "replace the tab with spaces",
            ));
        }
        if let Some(cr) = line.find('\r') {
            let lone = cr + 1 < line.len();
            out.push(at(
                start + cr,
                if lone { Severity::Error } else { Severity::Warning },
                Check::LineEndings,
                if lone {
                    "a carriage return (CR) inside a line becomes part of the message text"
                } else {
                    "CRLF line ending; Fluent reads it as LF, but mixed endings garble diffs and other tools"
                },
                "save the file with LF (Unix) line endings",
            ));
        }
    }
    for error in &file.errors {
        let slice = error.slice.clone().unwrap_or(error.pos.clone());
        let junk = file.source.get(slice.clone()).unwrap_or_default();
        let (first_line, _) = file.position(slice.start);
        let junk_lines = first_line..first_line + junk.matches('\n').count().max(1);
        if (bom && slice.start == 0) || junk_lines.into_iter().any(|l| tab_lines.contains(&l)) {
            continue; // already explained above, with its fix
        }
        // An unclosed `{` is found only where the next line begins: point at the brace.
        let unclosed = junk.contains('{') && !junk.contains('}');
        let at = match junk.rfind('{') {
            Some(brace) if unclosed => slice.start + brace,
            _ => error.pos.start,
        };
        let (line, column) = file.position(at);
        let id = junk
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .next()
            .filter(|word| !word.is_empty())
            .map(str::to_owned);
        out.push(Diagnostic {
            severity: Severity::Error,
            check: Check::Syntax,
            path: file.path.clone(),
            line,
            column,
            id,
            message: format!("Fluent syntax error: {}; this text is dropped", error.kind),
            hint: Some(syntax_hint(junk)),
        });
    }
}

fn nesting(file: &File, out: &mut Vec<Diagnostic>) {
    for deep in &file.too_deep {
        let (line, column) = file.position(deep.at);
        let what = deep
            .id
            .as_deref()
            .map_or("this entry".to_owned(), |id| format!("`{id}`"));
        out.push(Diagnostic {
            severity: Severity::Error,
            check: Check::Nesting,
            path: file.path.clone(),
            line,
            column,
            id: deep.id.clone(),
            message: format!(
                "{what} nests placeables, selects or calls more than {} levels deep; it is dropped",
                api_error_i18n_source::MAX_NESTING
            ),
            hint: Some(
                "real messages nest two or three levels: look for a bad merge or generated text"
                    .to_owned(),
            ),
        });
    }
}

fn syntax_hint(junk: &str) -> String {
    let first = junk.lines().next().unwrap_or_default().trim();
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        "message ids start with a letter: `error-110 = ...`".to_owned()
    } else if junk.contains('{') && !junk.contains('}') {
        "a `{` opens a placeable that is never closed; write `{ $name }`".to_owned()
    } else {
        format!("the text that could not be read starts with `{first}`")
    }
}

pub(crate) fn content(tree: &Tree) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let reference = tree.locale(REFERENCE);
    let reference_messages = reference.map(Locale::messages).unwrap_or_default();
    crate::functions::check(tree, &mut out);
    for locale in &tree.locales {
        duplicates(locale, &mut out);
        crate::references::check(locale, &mut out);
        let messages = locale.messages();
        for (id, entry) in &messages {
            own_text(id, entry, &mut out);
        }
        if locale.tag == REFERENCE || reference.is_none() {
            continue;
        }
        for (id, original) in &reference_messages {
            match messages.get(id) {
                Some(entry) => compare(locale, id, entry, original, &mut out),
                None => out.push(missing(locale, id, original)),
            }
        }
        for (id, entry) in &messages {
            if !reference_messages.contains_key(id) {
                out.push(located(
                    entry,
                    Severity::Warning,
                    Check::Obsolete,
                    format!("`{id}` is not in {REFERENCE}, the reference locale"),
                    Some(format!(
                        "delete it, or add it to {REFERENCE} first so that every language can serve it"
                    )),
                ));
            }
        }
    }
    out
}

fn duplicates(locale: &Locale, out: &mut Vec<Diagnostic>) {
    let mut first: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    let mut seen_in_file: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for entry in locale.entries() {
        let id = entry.message.id.name.as_str();
        let path = entry.file.path.as_str();
        let nth = seen_in_file.entry((path, id)).or_insert(0);
        let line = entry.file.lines_of(id).get(*nth).copied().unwrap_or(0);
        *nth += 1;
        match first.get(id) {
            None => {
                first.insert(id, (path, line));
            }
            Some((first_path, first_line)) => out.push(Diagnostic {
                severity: Severity::Error,
                check: Check::Duplicate,
                path: path.to_owned(),
                line,
                column: usize::from(line > 0),
                id: Some(id.to_owned()),
                message: format!("`{id}` is defined twice in {}", locale.tag),
                hint: Some(format!(
                    "the first definition ({first_path}:{first_line}) is the one served; delete one"
                )),
            }),
        }
    }
}

/// Checks of a message's own text, in any locale.
fn own_text(id: &str, entry: &Entry<'_>, out: &mut Vec<Diagnostic>) {
    let Some(value) = &entry.message.value else {
        out.push(located(
            entry,
            Severity::Error,
            Check::Empty,
            format!("`{id}` has no value"),
            Some("write the message text after `=`".to_owned()),
        ));
        return;
    };
    if is_blank(value) {
        out.push(located(
            entry,
            Severity::Error,
            Check::Empty,
            format!("`{id}` is empty"),
            Some("write the message text after `=`".to_owned()),
        ));
    }
    for text in texts(value) {
        if let Some(found) = printf_placeholder(text) {
            out.push(at_text(
                entry,
                found,
                Check::ForeignPlaceholder,
                format!("`{found}` is a printf placeholder; Fluent prints it as it is"),
                "use a Fluent variable such as `{ $ip }`",
            ));
        }
        if let Some(found) = text.chars().find(|c| matches!(c, '｛' | '｝' | '＄')) {
            out.push(at_text(
                entry,
                &found.to_string(),
                Check::FullWidth,
                format!("full-width `{found}` is printed as it is, not read as a placeable"),
                "write placeables with ASCII braces and dollar: `{ $ip }`",
            ));
        }
    }
    for element in &value.elements {
        if let ast::PatternElement::Placeable {
            expression: ast::Expression::Inline(ast::InlineExpression::NumberLiteral { value }),
        } = element
        {
            out.push(at_text(
                entry,
                &format!("{{{value}}}"),
                Check::ForeignPlaceholder,
                format!("`{{{value}}}` prints the number {value}; positional placeholders do not exist in Fluent"),
                "use a Fluent variable such as `{ $ip }`",
            ));
        }
    }
}

fn compare(
    locale: &Locale,
    id: &str,
    entry: &Entry<'_>,
    original: &Entry<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let wanted = variables(original.message);
    let used = variables(entry.message);
    for name in used.difference(&wanted) {
        out.push(at_text(
            entry,
            &format!("${name}"),
            Check::Variables,
            format!("`{id}` uses `${name}`, which the {REFERENCE} original does not"),
            &expected(&wanted),
        ));
    }
    for name in wanted.difference(&used) {
        out.push(located(
            entry,
            Severity::Error,
            Check::Variables,
            format!("`{id}` does not use `${name}`, which the {REFERENCE} original does"),
            Some(expected(&wanted)),
        ));
    }
    // Per select variant: a variant may leave a variable out (a plural `[one]`), so a warning.
    if let Some(value) = &entry.message.value {
        for (key, variant_vars) in variants(value) {
            for name in wanted.difference(&variant_vars) {
                if used.contains(name) {
                    out.push(located(
                        entry,
                        Severity::Warning,
                        Check::Variables,
                        format!("variant `[{key}]` of `{id}` does not show `${name}`"),
                        Some("fine for a plural `[one]`; otherwise add the variable".to_owned()),
                    ));
                }
            }
        }
    }
    let english = locale.id.language.as_str() == "en";
    if !english && entry.message.value.is_some() && entry.message.value == original.message.value {
        out.push(located(
            entry,
            Severity::Warning,
            Check::Untranslated,
            format!("`{id}` is the same as in {REFERENCE}; probably not translated yet"),
            None,
        ));
    }
}

fn expected(wanted: &BTreeSet<String>) -> String {
    if wanted.is_empty() {
        format!("the {REFERENCE} original takes no variables")
    } else {
        let names: Vec<String> = wanted.iter().map(|name| format!("${name}")).collect();
        format!("the {REFERENCE} original takes {}", names.join(", "))
    }
}

fn missing(locale: &Locale, id: &str, original: &Entry<'_>) -> Diagnostic {
    // A scaffold (`tools new`) keeps the original in a comment: point the translator there.
    let scaffold = locale.files.iter().find_map(|file| {
        file.source
            .lines()
            .position(|line| {
                line.strip_prefix('#')
                    .and_then(|rest| crate::tree::defined_id(rest.trim_start()))
                    == Some(id)
            })
            .map(|index| (file, index + 1))
    });
    let (path, line, column) = match (scaffold, locale.files.first()) {
        (Some((file, line)), _) => (file.path.clone(), line, 1),
        (None, Some(file)) => (file.path.clone(), 0, 0),
        (None, None) => (locale.path.clone(), 0, 0),
    };
    let english = original
        .message
        .value
        .as_ref()
        .map(|value| texts(value).collect::<String>())
        .unwrap_or_default();
    Diagnostic {
        severity: Severity::Error,
        check: Check::Missing,
        path,
        line,
        column,
        id: Some(id.to_owned()),
        message: format!("`{id}` is not translated into {}", locale.tag),
        hint: Some(format!(
            "translate the {REFERENCE} text \"{english}\" ({}:{}); until then {REFERENCE} is served",
            original.file.path,
            original.file.line_of(id).unwrap_or(0)
        )),
    }
}

fn located(
    entry: &Entry<'_>,
    severity: Severity,
    check: Check,
    message: String,
    hint: Option<String>,
) -> Diagnostic {
    let id = entry.message.id.name.as_str();
    Diagnostic {
        severity,
        check,
        path: entry.file.path.clone(),
        line: entry.file.line_of(id).unwrap_or(0),
        column: usize::from(entry.file.line_of(id).is_some()),
        id: Some(id.to_owned()),
        message,
        hint,
    }
}

fn at_text(
    entry: &Entry<'_>,
    needle: &str,
    check: Check,
    message: String,
    hint: &str,
) -> Diagnostic {
    at_id(
        entry.file,
        &entry.message.id.name,
        needle,
        check,
        message,
        hint,
    )
}

/// An error at the first `needle` in the value of the entry `id` (a message, or a term with
/// its `-`) of `file`.
pub(crate) fn at_id(
    file: &File,
    id: &str,
    needle: &str,
    check: Check,
    message: String,
    hint: &str,
) -> Diagnostic {
    let (line, column) = file.locate(id, needle);
    Diagnostic {
        severity: Severity::Error,
        check,
        path: file.path.clone(),
        line,
        column,
        id: Some(id.to_owned()),
        message,
        hint: Some(hint.to_owned()),
    }
}

/// `%s`, `%d`, `%1$s` and the like, if `text` holds one.
fn printf_placeholder(text: &str) -> Option<&str> {
    text.match_indices('%').find_map(|(at, _)| {
        let rest = text.get(at + 1..)?;
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let after = rest.get(digits..)?;
        let after = if digits > 0 {
            after.strip_prefix('$')?
        } else {
            after
        };
        let conversion = after.chars().next()?;
        let len = 1 + (rest.len() - after.len()) + conversion.len_utf8();
        matches!(conversion, 's' | 'd' | 'i' | 'u' | 'f' | 'x' | '@')
            .then(|| text.get(at..at + len))
            .flatten()
    })
}

/// The text elements of a pattern, including those inside select variants.
fn texts(pattern: &ast::Pattern<String>) -> impl Iterator<Item = &str> {
    let mut out = Vec::new();
    collect_texts(pattern, &mut out);
    out.into_iter()
}

fn collect_texts<'a>(pattern: &'a ast::Pattern<String>, out: &mut Vec<&'a str>) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => variants
                .iter()
                .for_each(|variant| collect_texts(&variant.value, out)),
            ast::PatternElement::Placeable { .. } => {}
        }
    }
}

/// Whether a pattern shows nothing: only blank text and empty string literals.
fn is_blank(pattern: &ast::Pattern<String>) -> bool {
    pattern.elements.iter().all(|element| match element {
        ast::PatternElement::TextElement { value } => value.trim().is_empty(),
        ast::PatternElement::Placeable {
            expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
        } => value.trim().is_empty(),
        ast::PatternElement::Placeable { .. } => false,
    })
}

/// Every variable a message refers to, in its value and attributes, selectors included.
pub(crate) fn variables(message: &ast::Message<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let patterns = message
        .value
        .iter()
        .chain(message.attributes.iter().map(|attribute| &attribute.value));
    for pattern in patterns {
        pattern_variables(pattern, &mut out);
    }
    out
}

fn pattern_variables(pattern: &ast::Pattern<String>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<String>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<String>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.clone());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            call_variables(arguments, out);
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => call_variables(arguments, out),
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

fn call_variables(arguments: &ast::CallArguments<String>, out: &mut BTreeSet<String>) {
    for argument in &arguments.positional {
        inline_variables(argument, out);
    }
    for argument in &arguments.named {
        inline_variables(&argument.value, out);
    }
}

/// For each select variant in a pattern: its key, and the variables it shows (its own and
/// its select's selector).
fn variants(pattern: &ast::Pattern<String>) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable {
            expression: ast::Expression::Select { selector, variants },
        } = element
        {
            let mut shared = BTreeSet::new();
            inline_variables(selector, &mut shared);
            // Variables outside the select are shown whichever variant is chosen.
            for other in &pattern.elements {
                if !std::ptr::eq(other, element) {
                    if let ast::PatternElement::Placeable { expression } = other {
                        expression_variables(expression, &mut shared);
                    }
                }
            }
            for variant in variants {
                let mut vars = shared.clone();
                pattern_variables(&variant.value, &mut vars);
                let key = match &variant.key {
                    ast::VariantKey::Identifier { name } => name.clone(),
                    ast::VariantKey::NumberLiteral { value } => value.clone(),
                };
                out.push((key, vars));
            }
        }
    }
    out
}
