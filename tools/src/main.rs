//! `api-error-i18n` (`cargo install api-error-i18n-cli`; in this repository `cargo run -p
//! api-error-i18n-cli -- ...` or `cargo tools ...`): look up a message, print a locale's table,
//! and the translators' commands (check, new, status, export). `--help` lists them.

use std::path::PathBuf;
use std::process::ExitCode;

use api_error_i18n::{Catalog, Error, ErrorCode, FluentArgs};
use clap::{Args, Parser, Subcommand, ValueEnum};

mod translate;

#[derive(Parser)]
#[command(
    name = "api-error-i18n",
    about = "Localized API error messages: look them up, check and scaffold translations",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  api-error-i18n 110 --locale zh-CN\n  api-error-i18n 5 --locale 'it, zh;q=0.5' --arg ip=203.0.113.7\n  api-error-i18n 7001 --locales locales --number max=1000 --date reset=$(date +%s)\n  api-error-i18n table --locale zh-CN\n  api-error-i18n check --locales path/to/locales"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    lookup: Lookup,
}

/// Print the message for one code.
#[derive(Args)]
struct Lookup {
    /// The error code, as the API returns it.
    code: Option<u32>,
    #[command(flatten)]
    request: Request,
    /// Also print, on a second line, the locale that served the text.
    #[arg(long)]
    show_locale: bool,
}

#[derive(Args)]
struct Request {
    /// A language tag, POSIX name or Accept-Language value.
    #[arg(long, short, default_value = api_error_i18n::DEFAULT_LOCALE)]
    locale: String,
    /// A message argument, as name=value (repeatable).
    #[arg(long = "arg", value_name = "NAME=VALUE", value_parser = parse_arg)]
    args: Vec<(String, String)>,
    /// A number argument, written as the locale writes numbers: name=1234.5 (repeatable).
    #[arg(long = "number", value_name = "NAME=NUMBER", value_parser = parse_number)]
    numbers: Vec<(String, f64)>,
    /// A date-time argument, in seconds since 1970-01-01T00:00:00Z: name=1700000000
    /// (repeatable; `date +%s` prints one).
    #[arg(long = "date", value_name = "NAME=UNIX_SECONDS", value_parser = parse_date)]
    dates: Vec<(String, i64)>,
    /// Look up in this locales folder (an app's), layered over the built-in catalog.
    #[arg(long, value_name = "DIR")]
    locales: Option<PathBuf>,
    /// With --locales: the folder's catalog alone, without the built-in one beneath.
    #[arg(long, requires = "locales")]
    alone: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Print every code's message for a locale, with the locale that served it.
    Table {
        #[command(flatten)]
        request: Request,
    },
    /// Check every locale against en-US; exits 1 on any error.
    Check {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The folder is layered over the built-in catalog: without en-US of its own, it takes
        /// the built-in one (a warning, not an error).
        #[arg(long)]
        builtin: bool,
        #[command(flatten)]
        folder: Folder,
    },
    /// Create `locales/<TAG>/errors.ftl` from en-US, every message marked for translation.
    New {
        /// The BCP 47 tag of the new locale, such as `fr` or `pt-BR`.
        tag: String,
        #[command(flatten)]
        folder: Folder,
    },
    /// How far each locale is translated.
    Status {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        folder: Folder,
    },
    /// The catalog as JSON, {locale: {code: text}}, placeholders kept in Fluent form.
    Export {
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        folder: Folder,
    },
}

#[derive(Args)]
struct Folder {
    /// The locales folder to work on.
    #[arg(long, default_value_os_t = default_locales())]
    locales: PathBuf,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
}

/// `./locales` when there is one (an app's folder, or this repository's root); else this
/// repository's, for `cargo run` and the tests from anywhere inside it.
fn default_locales() -> PathBuf {
    let here = PathBuf::from("locales");
    if here.is_dir() {
        return here;
    }
    let tools = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    tools.parent().unwrap_or(tools).join("locales")
}

/// Writes `text` to standard output; a closed pipe (`tools table | head`) is not an error.
pub fn emit(text: &str) -> Result<(), String> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(error.to_string()),
        _ => Ok(()),
    }
}

/// Where look-ups go: the built-in catalog, or a folder's, with the codes the folder defines.
enum Lookups {
    Builtin,
    Folder(Catalog, std::collections::BTreeSet<u32>),
}

impl Lookups {
    fn get(&self) -> &Catalog {
        match self {
            Lookups::Builtin => Catalog::embedded(),
            Lookups::Folder(catalog, _) => catalog,
        }
    }
}

fn parse_arg(raw: &str) -> Result<(String, String), String> {
    let (name, value) = raw
        .split_once('=')
        .ok_or_else(|| format!("`{raw}` is not NAME=VALUE"))?;
    let name = name.trim().trim_start_matches('$');
    if name.is_empty() {
        return Err(format!("`{raw}` has no argument name"));
    }
    Ok((name.to_owned(), value.to_owned()))
}

fn parse_number(raw: &str) -> Result<(String, f64), String> {
    let (name, value) = parse_arg(raw)?;
    let number = value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| format!("`{value}` is not a number such as 1234.5"))?;
    Ok((name, number))
}

fn parse_date(raw: &str) -> Result<(String, i64), String> {
    let (name, value) = parse_arg(raw)?;
    let seconds = value.trim().parse::<i64>().map_err(|_| {
        format!("`{value}` is not a count of seconds since 1970 such as 1700000000")
    })?;
    Ok((name, seconds))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => lookup(&cli.lookup),
        Some(Command::Table { request }) => table(&request),
        Some(Command::Check {
            format,
            builtin,
            folder,
        }) => translate::check(&folder.locales, format, builtin),
        Some(Command::New { tag, folder }) => translate::new(&folder.locales, &tag),
        Some(Command::Status { format, folder }) => translate::status(&folder.locales, format),
        Some(Command::Export { output, folder }) => {
            translate::export(&folder.locales, output.as_deref())
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

impl Request {
    /// The catalog to look up in: the built-in one, or a folder's (over it, or alone).
    fn catalog(&self) -> Result<Lookups, String> {
        let Some(folder) = &self.locales else {
            return Ok(Lookups::Builtin);
        };
        let tree = api_error_i18n_lint::Tree::read(folder);
        let sources: Vec<(String, String)> = tree
            .locales
            .iter()
            .flat_map(|locale| {
                locale
                    .files
                    .iter()
                    .map(|file| (locale.tag.clone(), file.source.clone()))
            })
            .collect();
        let catalog = if self.alone {
            Catalog::from_sources(api_error_i18n::DEFAULT_LOCALE, sources)
        } else {
            Catalog::over(Catalog::embedded(), sources)
        };
        let codes = tree
            .locales
            .iter()
            .flat_map(|locale| locale.messages().into_keys())
            .filter_map(api_error_i18n_source::code_of)
            .collect();
        Ok(Lookups::Folder(catalog.map_err(|e| e.to_string())?, codes))
    }

    fn fluent_args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            args.set(name.as_str(), value.as_str());
        }
        for (name, value) in &self.numbers {
            args.set(name.as_str(), *value);
        }
        for (name, seconds) in &self.dates {
            args.set(
                name.as_str(),
                api_error_i18n::DateTime::from_unix_seconds(*seconds),
            );
        }
        args
    }
}

fn lookup(lookup: &Lookup) -> Result<ExitCode, String> {
    let Some(code) = lookup.code else {
        return Err(
            "give an error code (`tools 110 --locale zh-CN`), or see `tools --help`".into(),
        );
    };
    let args = lookup.request.fluent_args();
    let catalog = lookup.request.catalog()?;
    match catalog
        .get()
        .resolve(code, &lookup.request.locale, Some(&args))
    {
        Ok(found) => {
            println!("{}", found.text);
            if lookup.show_locale {
                println!("{}", found.locale);
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(Error::UnknownCode(code)) => Err(format!(
            "unknown code {code}: no locale has a message `error-{code}`"
        )),
        Err(Error::MissingArgument { name, .. }) => Err(format!(
            "the message for code {code} needs `--arg {name}=VALUE`"
        )),
        Err(other) => Err(other.to_string()),
    }
}

fn table(request: &Request) -> Result<ExitCode, String> {
    let args = request.fluent_args();
    let lookups = request.catalog()?;
    let catalog = lookups.get();
    let mut codes: Vec<u32> = ErrorCode::ALL.iter().map(|code| code.code()).collect();
    if let Lookups::Folder(_, own) = &lookups {
        codes.extend(own);
    }
    codes.sort_unstable();
    codes.dedup();
    let mut out = String::new();
    for code in codes {
        let text = catalog.message(code, &request.locale, Some(&args));
        let served = match catalog.resolve(code, &request.locale, Some(&args)) {
            Ok(found) => found.locale,
            Err(Error::MissingArgument { .. }) => "(needs --arg)",
            Err(_) => "-",
        };
        out.push_str(&format!("{code}\t{served}\t{text}\n"));
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_on_the_command_line() {
        let cli = Cli::try_parse_from([
            "api-error-i18n",
            "7001",
            "--locale",
            "de",
            "--number",
            "max=1000",
            "--date",
            "reset=1700000000",
        ])
        .unwrap();
        let catalog = Catalog::from_sources(
            "de",
            [(
                "de",
                "error-7001 = Höchstens { $max }; ab { DATETIME($reset, timeStyle: \"short\") }\n",
            )],
        )
        .unwrap();
        let args = cli.lookup.request.fluent_args();
        assert_eq!(
            catalog.message(7001, "de", Some(&args)),
            "Höchstens 1.000; ab 22:13"
        );
        assert!(parse_number("max=x").is_err());
        assert!(parse_number("max=inf").is_err());
        assert!(parse_date("reset=2023-11-14").is_err());
    }
}
