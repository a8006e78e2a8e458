//! The translators' commands: check, new, status, export. They read `locales/` from the source
//! tree through `api-error-i18n-lint`, the same checks the build script and the tests run.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::ExitCode;

use api_error_i18n_lint::Tree;
use api_error_i18n_source::DEFAULT_LOCALE as REFERENCE;
use fluent_syntax::ast;

use crate::Format;

pub fn check(locales: &Path, format: Format, builtin: bool) -> Result<ExitCode, String> {
    let mut diagnostics = api_error_i18n_lint::check(locales);
    if builtin {
        // Layered over the built-in catalog, a folder may take en-US from it.
        for diagnostic in &mut diagnostics {
            if diagnostic.check == api_error_i18n_lint::Check::NoReference {
                diagnostic.severity = api_error_i18n_lint::Severity::Warning;
            }
        }
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    if format == Format::Json {
        let json = serde_json::to_string_pretty(&diagnostics).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        let mut out = String::new();
        for diagnostic in &diagnostics {
            let _ = write!(out, "{diagnostic}\n\n");
        }
        let _ = writeln!(
            out,
            "{errors} error(s), {warnings} warning(s) in {}",
            locales.display()
        );
        crate::emit(&out)?;
    }
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The header of a scaffolded file.
const SCAFFOLD_HEADER: &str = "\
### Scaffolded from en-US by `cargo run -p api-error-i18n-cli -- new`.
### Each message below is the en-US original, commented out and marked TODO(translate):
### uncomment the `error-... =` line, translate the text after `=`, keep every `{ $variable }`,
### and delete the TODO line. Until then, the en-US text is served for that message.
";

/// The marker above each message still to translate.
pub const TODO: &str = "# TODO(translate)";

pub fn new(locales: &Path, tag: &str) -> Result<ExitCode, String> {
    api_error_i18n_lint::parse_tag(tag)
        .map_err(|hint| format!("`{tag}` is not a BCP 47 tag: {hint}"))?;
    let folder = locales.join(tag);
    if folder.exists() {
        return Err(format!("{} already exists", folder.display()));
    }
    let tree = Tree::read(locales);
    let reference = tree
        .locale(REFERENCE)
        .ok_or_else(|| format!("{} has no {REFERENCE} folder", locales.display()))?;
    fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    for file in &reference.files {
        let relative = file
            .path
            .strip_prefix(&format!("{}/", reference.path))
            .unwrap_or(&file.path);
        let target = folder.join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&target, scaffold(&file.source))
            .map_err(|e| format!("{}: {e}", target.display()))?;
        println!("created {}", target.display());
    }
    println!("{tag} is served at once, in {REFERENCE} until translated; `tools check` lists what is left");
    Ok(ExitCode::SUCCESS)
}

/// en-US's file with every entry commented out under a TODO marker; comments kept as they are.
pub fn scaffold(reference: &str) -> String {
    let mut out = String::from(SCAFFOLD_HEADER);
    let mut in_entry = false;
    for line in reference.lines() {
        let starts_entry = line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-');
        let continues = in_entry && (line.starts_with(' ') || line.starts_with('}'));
        if line.starts_with("###") {
            continue; // the reference's own resource comments describe en-US
        } else if starts_entry {
            in_entry = true;
            out.push_str(TODO);
            out.push('\n');
            out.push_str("# ");
            out.push_str(line);
        } else if continues {
            out.push_str("# ");
            out.push_str(line);
        } else {
            in_entry = false;
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Translated, missing and obsolete messages of one locale against en-US.
pub struct Progress {
    pub tag: String,
    pub translated: usize,
    pub missing: usize,
    pub obsolete: usize,
    pub total: usize,
}

impl Progress {
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            self.translated as f64 * 100.0 / self.total as f64
        }
    }
}

pub fn progress(tree: &Tree) -> Vec<Progress> {
    let reference = tree
        .locale(REFERENCE)
        .map(|locale| locale.messages())
        .unwrap_or_default();
    tree.locales
        .iter()
        .map(|locale| {
            let messages = locale.messages();
            let translated = messages
                .keys()
                .filter(|id| reference.contains_key(*id))
                .count();
            Progress {
                tag: locale.tag.clone(),
                translated,
                missing: reference.len() - translated,
                obsolete: messages.len() - translated,
                total: reference.len(),
            }
        })
        .collect()
}

pub fn status(locales: &Path, format: Format) -> Result<ExitCode, String> {
    let out = status_table(&Tree::read(locales), format)?;
    crate::emit(&format!("{}\n", out.trim_end()))?;
    Ok(ExitCode::SUCCESS)
}

/// What `status` prints for `tree`, in `format`.
fn status_table(tree: &Tree, format: Format) -> Result<String, String> {
    let rows = progress(tree);
    let mut out = String::new();
    match format {
        Format::Json => {
            let json: Vec<_> = rows
                .iter()
                .map(|row| {
                    serde_json::json!({
                        "locale": row.tag,
                        "translated": row.translated,
                        "missing": row.missing,
                        "obsolete": row.obsolete,
                        "total": row.total,
                        "percent": (row.percent() * 10.0).round() / 10.0,
                    })
                })
                .collect();
            out = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
        }
        Format::Markdown | Format::Text => {
            const HEADER: [&str; 5] = ["locale", "translated", "missing", "obsolete", "complete"];
            let cells = |row: &Progress| {
                let counts = [row.translated, row.missing, row.obsolete].map(|n| n.to_string());
                let [translated, missing, obsolete] = counts;
                [
                    row.tag.clone(),
                    translated,
                    missing,
                    obsolete,
                    format!("{:.1}%", row.percent()),
                ]
            };
            let lines = std::iter::once(HEADER.map(str::to_owned)).chain(rows.iter().map(cells));
            for (index, line) in lines.enumerate() {
                if format == Format::Markdown {
                    let _ = writeln!(out, "| {} |", line.join(" | "));
                    if index == 0 {
                        out.push_str("| :--- | ---: | ---: | ---: | ---: |\n");
                    }
                } else {
                    let [tag, rest @ ..] = &line;
                    let _ = write!(out, "{tag:<12}");
                    for cell in rest {
                        let _ = write!(out, " {cell:>10}");
                    }
                    out.push('\n');
                }
            }
        }
    }
    Ok(out)
}

/// `{locale: {code: text}}`: each locale's own messages (a consumer falls back to en-US for the
/// codes a locale lacks), values in Fluent form so `{ $ip }` stays a placeholder.
pub fn catalog_json(tree: &Tree) -> BTreeMap<String, BTreeMap<u32, String>> {
    tree.locales
        .iter()
        .map(|locale| {
            let messages = locale
                .messages()
                .into_iter()
                .filter_map(|(id, entry)| {
                    let code = api_error_i18n_source::code_of(id)?;
                    Some((code, fluent_value(entry.message)?))
                })
                .collect();
            (locale.tag.clone(), messages)
        })
        .collect()
}

/// A message's value as Fluent source, continuation lines dedented.
fn fluent_value(message: &ast::Message<String>) -> Option<String> {
    let value = message.value.clone()?;
    let single = ast::Resource {
        body: vec![ast::Entry::Message(ast::Message {
            id: message.id.clone(),
            value: Some(value),
            attributes: Vec::new(),
            comment: None,
        })],
    };
    let source = fluent_syntax::serializer::serialize(&single);
    let text = source.split_once('=')?.1;
    let lines: Vec<&str> = text
        .lines()
        .map(|line| line.strip_prefix("    ").unwrap_or(line))
        .collect();
    Some(lines.join("\n").trim().to_owned())
}

pub fn export(locales: &Path, output: Option<&Path>) -> Result<ExitCode, String> {
    let catalog = catalog_json(&Tree::read(locales));
    let json = serde_json::to_string_pretty(&catalog).map_err(|e| e.to_string())?;
    match output {
        Some(path) => {
            fs::write(path, json + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
        }
        None => println!("{json}"),
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    /// The README's language table is `status --format markdown` of the shipped `locales/`.
    #[test]
    fn the_readme_table_is_the_catalogs_status() {
        let readme =
            fs::read_to_string(crate::default_locales().with_file_name("README.md")).unwrap();
        let (_, rest) = readme
            .split_once("<!-- status -->\n")
            .expect("the README's status marker");
        let (table, _) = rest
            .split_once("<!-- /status -->")
            .expect("the README's end marker");
        let status =
            status_table(&Tree::read(&crate::default_locales()), Format::Markdown).unwrap();
        assert_eq!(
            table, status,
            "run `cargo run -p api-error-i18n-cli -- status --format markdown` and paste it"
        );
    }

    /// A copy of the project's en-US in a fresh `locales/` folder.
    fn with_en_us(name: &str) -> PathBuf {
        let dir = std::env::temp_dir()
            .join(format!("tools-{name}-{}", std::process::id()))
            .join("locales");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("en-US")).unwrap();
        let en = crate::default_locales().join("en-US/errors.ftl");
        fs::copy(en, dir.join("en-US/errors.ftl")).unwrap();
        dir
    }

    #[test]
    fn a_scaffold_is_valid_fluent_with_every_message_left_to_translate() {
        let dir = with_en_us("scaffold");
        new(&dir, "fr").unwrap();
        let tree = Tree::read(&dir);
        let reference = tree.locale(REFERENCE).unwrap().messages();
        let diagnostics = api_error_i18n_lint::check_tree(&tree);
        // Only `missing`, one per message, each at its commented-out original.
        let fr = tree.locale("fr").unwrap();
        let source = &fr.files[0].source;
        assert_eq!(diagnostics.len(), reference.len());
        for d in &diagnostics {
            assert_eq!(d.check, api_error_i18n_lint::Check::Missing, "{d}");
            let line = source.lines().nth(d.line - 1).unwrap();
            let id = d.id.as_deref().unwrap();
            assert!(line.starts_with(&format!("# {id} = ")), "{d}: {line}");
            let above = source.lines().nth(d.line - 2).unwrap();
            assert_eq!(above, TODO);
        }
        let fr_progress = progress(&tree).into_iter().find(|p| p.tag == "fr").unwrap();
        assert_eq!(
            (fr_progress.translated, fr_progress.missing),
            (0, reference.len())
        );
        assert_eq!(fr_progress.percent(), 0.0);
        // A second `new` for the same tag, or a bad tag, is refused.
        assert!(new(&dir, "fr").is_err());
        assert!(new(&dir, "fr_FR").is_err());
        assert!(new(&dir, "x!").is_err());
    }

    #[test]
    fn export_keeps_placeholders_in_fluent_form() {
        let dir = with_en_us("export");
        let catalog = catalog_json(&Tree::read(&dir));
        let en = &catalog[REFERENCE];
        assert_eq!(en[&5], "Unauthorized client IP address:{ $ip }");
        assert_eq!(en[&110], "Access token invalid or no longer valid");
        assert_eq!(en.len(), 36);
    }

    /// `error-0031001` names no code: the runtime never serves it, so export must not list it
    /// as 31001 (it did), and `check` reports it.
    #[test]
    fn export_and_the_runtime_agree_on_a_non_canonical_id() {
        let dir = with_en_us("non-canonical");
        let fr = "error-1 = Erreur inconnue\nerror-0031001 = Plus de café\n";
        fs::create_dir_all(dir.join("fr")).unwrap();
        fs::write(dir.join("fr/errors.ftl"), fr).unwrap();
        let tree = Tree::read(&dir);
        let exported = catalog_json(&tree);
        assert_eq!(exported["fr"].keys().collect::<Vec<_>>(), [&1]);
        let runtime = api_error_i18n::Catalog::from_sources("fr", [("fr", fr)]).unwrap();
        assert_eq!(
            runtime.resolve(31001, "fr", None),
            Err(api_error_i18n::Error::UnknownCode(31001))
        );
        let checked: Vec<String> = api_error_i18n_lint::check_tree(&tree)
            .iter()
            .filter(|d| d.check == api_error_i18n_lint::Check::MessageId)
            .map(|d| format!("{}:{}:{}", d.path, d.line, d.column))
            .collect();
        assert_eq!(checked, ["locales/fr/errors.ftl:2:1"]);
    }
}
