//! A bound on nesting, applied to Fluent source before fluent-syntax reads it.
//!
//! fluent-syntax's parser is recursive descent, and so are fluent-bundle's resolver and the
//! AST's `Drop`: a message nested a few hundred placeables deep overflows a small thread stack,
//! 100,000 deep overflows the main thread, and a stack overflow aborts the whole process
//! (projectfluent/fluent #284). So the source is scanned first, in one linear pass with no
//! recursion, and every entry nested deeper than [`MAX_NESTING`] is blanked out: the parser never
//! sees it, and the rest of the file reads as before.
//!
//! The scan over-counts and never under-counts what the parser will recurse into. It counts
//! `{` (placeables, selects) and `(` (call arguments) in expressions, skips string literals
//! there, and treats select variants as text, where only `{` opens something. An entry begins
//! at a definition line (`id =`, `-term =` at column 0) or a comment line: the parser can only
//! recurse after such a line, and it cannot carry an entry past one (inside an expression that
//! line is a syntax error, which ends the entry), so the count restarts there.

/// The deepest nesting of placeables, selects and call arguments an entry may have, counted
/// together. Real messages nest two or three levels. fluent-syntax's parser needs about 10 KB
/// of stack per level in a debug build: 25 levels fill a 256 KB thread stack, so this leaves
/// room for the caller and for the resolver.
pub const MAX_NESTING: usize = 10;

/// An entry blanked out for nesting deeper than [`MAX_NESTING`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    /// The entry's id (`error-1`, `-brand`), when its first line names one.
    pub id: Option<String>,
    /// Byte offset of the first `{` or `(` beyond the limit.
    pub at: usize,
}

/// `source` with every entry nested deeper than [`MAX_NESTING`] blanked out, and those
/// entries. Blanking keeps every byte offset and line: each byte of the entry but `\n` becomes
/// a space.
///
/// # Examples
///
/// ```
/// use api_error_i18n_source::{bound_nesting, MAX_NESTING};
///
/// let deep = format!("error-1 = {}x{}\n", "{ ".repeat(MAX_NESTING + 1), " }".repeat(MAX_NESTING + 1));
/// let source = format!("error-0 = Success\n{deep}error-2 = Ok\n");
/// let (bounded, too_deep) = bound_nesting(&source);
/// assert_eq!(too_deep.len(), 1);
/// assert_eq!(too_deep[0].id.as_deref(), Some("error-1"));
/// assert!(bounded.starts_with("error-0 = Success\n "));
/// assert!(bounded.ends_with("\nerror-2 = Ok\n"));
/// assert_eq!(bounded.len(), source.len());
/// ```
pub fn bound_nesting(source: &str) -> (std::borrow::Cow<'_, str>, Vec<TooDeep>) {
    let too_deep = scan(source);
    if too_deep.is_empty() {
        return (std::borrow::Cow::Borrowed(source), Vec::new());
    }
    let mut bytes = source.as_bytes().to_vec();
    for entry in &too_deep {
        let span = bytes.get_mut(entry.span.clone()).unwrap_or_default();
        for byte in span.iter_mut().filter(|byte| **byte != b'\n') {
            *byte = b' ';
        }
    }
    // Whole entries, which start and end at line boundaries, became ASCII spaces: still UTF-8.
    let text = String::from_utf8(bytes).unwrap_or_default();
    let found = too_deep
        .into_iter()
        .map(|entry| TooDeep {
            id: entry.id,
            at: entry.at,
        })
        .collect();
    (std::borrow::Cow::Owned(text), found)
}

struct Entry {
    id: Option<String>,
    at: usize,
    span: std::ops::Range<usize>,
}

#[derive(Clone, Copy, PartialEq)]
enum Frame {
    /// `{`: an expression until `->`, then select variants (text).
    Brace { select: bool },
    /// `(`: call arguments, an expression.
    Paren,
}

fn scan(source: &str) -> Vec<Entry> {
    let mut found = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    // The current entry: where it starts, its id, and where it first went too deep.
    let mut start = 0;
    let mut id: Option<&str> = None;
    let mut deep_at: Option<usize> = None;
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        let restarts = line.starts_with('#') || definition(line).is_some();
        if restarts {
            if let Some(at) = deep_at.take() {
                found.push(Entry {
                    id: id.map(str::to_owned),
                    at,
                    span: start..line_start,
                });
            }
            stack.clear();
            start = line_start;
            id = definition(line);
        }
        let mut in_string = false; // a string literal never spans lines
        if line.starts_with('#') {
            line_start += line.len();
            continue;
        }
        let mut previous = 0u8;
        for (offset, &byte) in line.as_bytes().iter().enumerate() {
            let at = line_start + offset;
            let expression = matches!(
                stack.last(),
                Some(Frame::Paren | Frame::Brace { select: false })
            );
            if in_string {
                if byte == b'"' && previous != b'\\' {
                    in_string = false;
                }
                // `\\` escapes itself: it must not escape the next quote.
                previous = if previous == b'\\' { 0 } else { byte };
                continue;
            }
            match byte {
                b'{' => stack.push(Frame::Brace { select: false }),
                b'(' if expression => stack.push(Frame::Paren),
                b')' if stack.last() == Some(&Frame::Paren) => {
                    stack.pop();
                }
                b'}' => {
                    while let Some(frame) = stack.pop() {
                        if matches!(frame, Frame::Brace { .. }) {
                            break;
                        }
                    }
                }
                b'"' if expression => in_string = true,
                b'>' if expression && previous == b'-' => {
                    if let Some(Frame::Brace { select }) = stack.last_mut() {
                        *select = true;
                    }
                }
                _ => {}
            }
            if stack.len() > MAX_NESTING && deep_at.is_none() {
                deep_at = Some(at);
            }
            previous = byte;
        }
        line_start += line.len();
    }
    if let Some(at) = deep_at {
        found.push(Entry {
            id: id.map(str::to_owned),
            at,
            span: start..source.len(),
        });
    }
    found
}

/// The id a line starts the definition of: `id =` or `-term =` at column 0, blanks allowed
/// before `=`; the only lines where fluent-syntax's parser starts an entry it can recurse in.
fn definition(line: &str) -> Option<&str> {
    let name = line.strip_prefix('-').unwrap_or(line);
    let first = name.bytes().next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let end = name
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(name.len());
    let rest = name.get(end..)?.trim_start_matches(' ');
    rest.starts_with('=')
        .then(|| line.get(..end + line.len() - name.len()))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(source: &str) -> bool {
        scan(source).is_empty()
    }

    fn nested(open: &str, close: &str, levels: usize) -> String {
        format!(
            "error-1 = {}x{}\n",
            open.repeat(levels),
            close.repeat(levels)
        )
    }

    #[test]
    fn counts_placeables_calls_and_selects() {
        assert!(depth_ok(&nested("{ ", " }", MAX_NESTING)));
        assert!(!depth_ok(&nested("{ ", " }", MAX_NESTING + 1)));
        let calls = format!(
            "error-1 = {{ {}1{} }}\n",
            "F(".repeat(MAX_NESTING),
            ")".repeat(MAX_NESTING)
        );
        assert!(!depth_ok(&calls));
        let select = "{ $a ->\n  *[x] ";
        assert!(!depth_ok(&format!(
            "error-1 = {}\n",
            select.repeat(MAX_NESTING + 1)
        )));
    }

    #[test]
    fn text_and_string_literals_do_not_count() {
        let parens = format!("error-1 = {}\n", "(".repeat(1000));
        assert!(depth_ok(&parens));
        let strings = format!("error-1 = {}\n", "{ \"{{{{((((\" }".repeat(1000));
        assert!(depth_ok(&strings));
        let variant_text = format!("error-1 = {{ $a ->\n *[x] {}\n}}\n", "(\"".repeat(1000));
        assert!(depth_ok(&variant_text));
        // A closing brace inside a string literal closes nothing.
        let sneaky = format!("error-1 = {}\n", "{ \"}\" ".repeat(MAX_NESTING + 1));
        assert!(!depth_ok(&sneaky));
        let escaped = format!("error-1 = {}\n", "{ \"\\\"}\" ".repeat(MAX_NESTING + 1));
        assert!(!depth_ok(&escaped));
    }

    #[test]
    fn an_entry_restarts_the_count_but_a_continuation_does_not() {
        let open = "{\n".repeat(MAX_NESTING);
        assert!(depth_ok(&format!("error-1 = {open}error-2 = {open}")));
        // A `{` at column 0 continues the pattern, and `-t(` is no definition.
        assert!(!depth_ok(&format!("error-1 = {open}{{\n")));
        let calls = "-t(\n".repeat(MAX_NESTING);
        assert!(!depth_ok(&format!("error-1 = {{\n{calls}")));
    }

    #[test]
    fn blanking_keeps_offsets_and_other_entries() {
        let deep = nested("{ ", " }", MAX_NESTING + 1);
        let source = format!("# é\nerror-0 = é\n{deep}\n  x\nerror-2 = ok\n");
        let (bounded, too_deep) = bound_nesting(&source);
        assert_eq!(bounded.len(), source.len());
        assert_eq!(bounded.lines().count(), source.lines().count());
        assert_eq!(too_deep.len(), 1);
        let at = too_deep[0].at;
        assert_eq!(source.get(at..=at), Some("{"));
        assert!(bounded.contains("error-0 = é\n") && bounded.contains("error-2 = ok\n"));
        assert!(!bounded.contains("error-1"));
    }

    #[test]
    fn definitions() {
        assert_eq!(definition("error-1 = x"), Some("error-1"));
        assert_eq!(definition("-brand= x"), Some("-brand"));
        assert_eq!(definition("-t(\n"), None);
        assert_eq!(definition(" error-1 = x"), None);
        assert_eq!(definition("1 = x"), None);
    }
}
