use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use fluent_syntax::parser::{self, ParserError};
use unic_langid::LanguageIdentifier;

use api_error_i18n_source::{bound_nesting, TooDeep};

use crate::{Check, Diagnostic, Severity};

/// The `locales/` folder as read from disk: every locale folder and its `.ftl` files, parsed,
/// plus the layout problems met while reading it.
#[derive(Debug)]
pub struct Tree {
    /// The locale folders, sorted by name.
    pub locales: Vec<Locale>,
    pub(crate) layout: Vec<Diagnostic>,
}

/// One `locales/<tag>/` folder.
#[derive(Debug)]
pub struct Locale {
    /// The folder's name, a BCP 47 tag.
    pub tag: String,
    /// The tag, parsed.
    pub id: LanguageIdentifier,
    /// `locales/<tag>`, for messages.
    pub path: String,
    /// Sorted by path.
    pub files: Vec<File>,
}

/// One `.ftl` file, parsed with comments.
#[derive(Debug)]
pub struct File {
    /// `locales/<tag>/<name>.ftl`, relative to the folder holding `locales/`.
    pub path: String,
    /// The file's text, as read.
    pub source: String,
    /// The file parsed by fluent-syntax (comments kept), entries nested too deep left out.
    pub resource: ast::Resource<String>,
    pub(crate) errors: Vec<ParserError>,
    /// Entries blanked out before parsing for nesting too deep.
    pub(crate) too_deep: Vec<TooDeep>,
    line_starts: Vec<usize>,
    /// The 1-based lines where each message or term id is defined, in order.
    definitions: BTreeMap<String, Vec<usize>>,
}

/// A message of a locale, with where it is defined.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'t> {
    /// The file that defines it.
    pub file: &'t File,
    /// The message.
    pub message: &'t ast::Message<String>,
}

impl Tree {
    /// Reads `locales` (the folder itself). A folder that cannot be read at all gives an empty
    /// tree whose only problem says so.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("lint-doc-tree-{}", std::process::id()));
    /// std::fs::create_dir_all(dir.join("locales/zh-TW"))?;
    /// std::fs::write(dir.join("locales/zh-TW/errors.ftl"), "error-0 = 成功\n")?;
    /// let tree = api_error_i18n_lint::Tree::read(&dir.join("locales"));
    /// let locale = tree.locale("zh-TW").unwrap();
    /// assert_eq!(locale.files[0].path, "locales/zh-TW/errors.ftl");
    /// assert_eq!(locale.files[0].line_of("error-0"), Some(1));
    /// # std::fs::remove_dir_all(dir)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn read(locales: &Path) -> Tree {
        let shown = display_root(locales);
        let mut tree = Tree {
            locales: Vec::new(),
            layout: Vec::new(),
        };
        let entries = match sorted_dir(locales) {
            Ok(entries) => entries,
            Err(error) => {
                tree.layout.push(whole(
                    Severity::Error,
                    Check::NoReference,
                    &shown,
                    format!("cannot read the locales folder: {error}"),
                    None,
                ));
                return tree;
            }
        };
        for path in entries {
            let name = file_name(&path);
            let shown_path = format!("{shown}/{name}");
            if is_link(&path) {
                tree.layout.push(link(&shown_path));
                continue;
            }
            if !path.is_dir() {
                tree.layout
                    .push(stray(&shown_path, "it is not in a locale folder"));
                continue;
            }
            match parse_tag(&name) {
                Ok(id) => {
                    let mut files = Vec::new();
                    tree.read_locale_files(&path, &shown_path, &mut files);
                    tree.locales.push(Locale {
                        tag: name,
                        id,
                        path: shown_path,
                        files,
                    });
                }
                Err(hint) => tree.layout.push(whole(
                    Severity::Error,
                    Check::FolderName,
                    &shown_path,
                    format!("folder `{name}` is not a BCP 47 language tag"),
                    Some(hint),
                )),
            }
        }
        tree
    }

    fn read_locale_files(&mut self, dir: &Path, shown: &str, files: &mut Vec<File>) {
        let Ok(entries) = sorted_dir(dir) else {
            return;
        };
        for path in entries {
            let shown_path = format!("{shown}/{}", file_name(&path));
            if is_link(&path) {
                self.layout.push(link(&shown_path));
            } else if path.is_dir() {
                self.read_locale_files(&path, &shown_path, files);
            } else if path.extension().is_some_and(|ext| ext == "ftl") {
                match fs::read(&path).map(String::from_utf8) {
                    Ok(Ok(source)) => files.push(File::parse(shown_path, source)),
                    Ok(Err(_)) => self.layout.push(whole(
                        Severity::Error,
                        Check::Encoding,
                        &shown_path,
                        "the file is not UTF-8".to_owned(),
                        Some("save it as UTF-8 (without a byte-order mark)".to_owned()),
                    )),
                    Err(error) => self.layout.push(whole(
                        Severity::Error,
                        Check::Encoding,
                        &shown_path,
                        format!("cannot read the file: {error}"),
                        None,
                    )),
                }
            } else {
                self.layout
                    .push(stray(&shown_path, "only `.ftl` files are embedded"));
            }
        }
    }

    /// The locale folder named `tag`, if there is one.
    pub fn locale(&self, tag: &str) -> Option<&Locale> {
        self.locales.iter().find(|locale| locale.tag == tag)
    }
}

impl Locale {
    /// Every message of the locale, in file order; a duplicated id appears each time.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        self.files.iter().flat_map(|file| {
            file.resource
                .body
                .iter()
                .filter_map(move |entry| match entry {
                    ast::Entry::Message(message) => Some(Entry { file, message }),
                    _ => None,
                })
        })
    }

    /// The first definition of each id, as the runtime serves it.
    pub fn messages(&self) -> BTreeMap<&str, Entry<'_>> {
        let mut messages = BTreeMap::new();
        for entry in self.entries() {
            messages
                .entry(entry.message.id.name.as_str())
                .or_insert(entry);
        }
        messages
    }
}

impl File {
    pub(crate) fn parse(path: String, source: String) -> File {
        // The parser and the checks recurse: they only ever see entries of bounded depth.
        let (bounded, too_deep) = bound_nesting(&source);
        let (resource, errors) = match parser::parse(bounded.into_owned()) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (resource, errors),
        };
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        let mut definitions: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (index, line) in source.lines().enumerate() {
            if let Some(id) = defined_id(line) {
                definitions
                    .entry(id.to_owned())
                    .or_default()
                    .push(index + 1);
            }
        }
        File {
            path,
            source,
            resource,
            errors,
            too_deep,
            line_starts,
            definitions,
        }
    }

    /// 1-based line and column (in characters) of byte offset `at`.
    pub fn position(&self, at: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&start| start <= at);
        let start = line
            .checked_sub(1)
            .and_then(|index| self.line_starts.get(index))
            .copied()
            .unwrap_or(0);
        let column = self
            .source
            .get(start..at.min(self.source.len()))
            .map_or(0, |before| before.chars().count());
        (line.max(1), column + 1)
    }

    /// The 1-based line where message or term `id` is first defined (`id =` at the start of a
    /// line).
    pub fn line_of(&self, id: &str) -> Option<usize> {
        self.lines_of(id).first().copied()
    }

    /// Every 1-based line where `id` is defined.
    pub fn lines_of(&self, id: &str) -> &[usize] {
        self.definitions.get(id).map_or(&[], Vec::as_slice)
    }

    /// The byte range of the definition of `id`: its line and its indented continuation lines.
    pub(crate) fn span_of(&self, id: &str) -> Option<std::ops::Range<usize>> {
        let first = self.line_of(id)?;
        let start = *self.line_starts.get(first - 1)?;
        let end = self
            .line_starts
            .iter()
            .skip(first)
            .copied()
            .find(|&at| {
                self.source.get(at..).is_some_and(|rest| {
                    rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '#')
                })
            })
            .unwrap_or(self.source.len());
        Some(start..end)
    }

    /// Line and column of the first `needle` at or after the `nth` (from 0) `start` past the
    /// `=` of the definition of `id`: a needle inside the second of two calls. Else as
    /// [`File::locate`].
    pub(crate) fn locate_in(
        &self,
        id: &str,
        start: &str,
        nth: usize,
        needle: &str,
    ) -> (usize, usize) {
        let found = self.span_of(id).and_then(|span| {
            let text = self.source.get(span.clone())?;
            let value = text.find('=').map_or(0, |equals| equals + 1);
            let (call, _) = text.get(value..)?.match_indices(start).nth(nth)?;
            let from = value + call;
            Some(span.start + from + text.get(from..)?.find(needle)?)
        });
        match found {
            Some(at) => self.position(at),
            None => self.locate(id, needle),
        }
    }

    /// Line and column of the first `needle` after the `=` of the definition of `id`, else of
    /// `id` itself.
    pub(crate) fn locate(&self, id: &str, needle: &str) -> (usize, usize) {
        let Some(span) = self.span_of(id) else {
            return (0, 0);
        };
        let at = self
            .source
            .get(span.clone())
            .and_then(|text| {
                let value = text.find('=').map_or(0, |equals| equals + 1);
                Some(value + text.get(value..)?.find(needle)?)
            })
            .map_or(span.start, |offset| span.start + offset);
        self.position(at)
    }
}

/// The id a line starts the definition of (`id`, optional blanks, `=`), if any.
pub(crate) fn defined_id(line: &str) -> Option<&str> {
    let (id, _) = line.split_once('=')?;
    let id = id.trim_end_matches(' ');
    let mut chars = id.chars();
    let first = chars.next()?;
    let starts = first.is_ascii_alphabetic() || (first == '-' && id.len() > 1);
    let rest = id.trim_start_matches('-');
    (starts
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then_some(id)
}

/// A folder name is a tag when unic-langid reads it and it uses `-`, not `_` (a POSIX name).
pub fn parse_tag(name: &str) -> Result<LanguageIdentifier, String> {
    if name.contains('_') {
        return Err(format!(
            "BCP 47 separates subtags with `-`: name it `{}`",
            name.replace('_', "-")
        ));
    }
    name.parse::<LanguageIdentifier>()
        .ok()
        .filter(|id| !id.language.is_empty())
        .ok_or_else(|| {
            "name it with a language tag such as `fr`, `pt-BR` or `zh-Hant-TW`".to_owned()
        })
}

fn display_root(locales: &Path) -> String {
    let name = locales
        .file_name()
        .map_or_else(|| "locales".into(), |name| name.to_string_lossy());
    name.into_owned()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn sorted_dir(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = fs::read_dir(dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    paths.sort();
    Ok(paths)
}

/// Whether `path` is a symbolic link. Links are not followed: a loop would never end, and a
/// link may lead out of `locales/`.
fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
}

fn link(path: &str) -> Diagnostic {
    whole(
        Severity::Warning,
        Check::Link,
        path,
        format!("`{path}` is a symbolic link; the checks do not follow it, though rust-embed may embed what it points to"),
        Some("put the folder or file itself in `locales/`".to_owned()),
    )
}

fn stray(path: &str, why: &str) -> Diagnostic {
    whole(
        Severity::Warning,
        Check::StrayFile,
        path,
        format!("`{path}` is not embedded: {why}"),
        Some("keep notes and other files outside `locales/`".to_owned()),
    )
}

pub(crate) fn whole(
    severity: Severity,
    check: Check,
    path: &str,
    message: String,
    hint: Option<String>,
) -> Diagnostic {
    Diagnostic {
        severity,
        check,
        path: path.to_owned(),
        line: 0,
        column: 0,
        id: None,
        message,
        hint,
    }
}
