//! Locale-aware values, on ICU4X's compiled CLDR data: numbers written with the locale's
//! digits, separators and grouping (plain `{ $n }` placeables too, as fluent.js writes them),
//! `NUMBER()` with its digit options, plural selection by current CLDR rules, and date-times
//! (`DATETIME()`, [`DateTime`]).
//!
//! fluent-bundle has the hooks and we fill them, per locale's bundle ([`install`]): the
//! bundle's formatter writes numbers ([`NumberFormat`], built once per locale through the
//! bundle's `intl_memoizer`), `DATETIME` makes a [`DateTime`] whose own formatting goes through
//! the same memoizer, and selects are rewritten at load time to select by ICU4X's plural rules
//! (`plural.rs` says why and how). The fast path (`crate::format::interpolate`) writes numbers
//! with the same [`NumberFormat`], so both paths print the same digits.
//!
//! fluent-bundle's formatting hooks cannot report errors, so what we cannot write (the
//! currency style, the percent style without the feature `percent`, some date-time options) is
//! recorded here, per thread, and [`take_problem`] hands it to `crate::format::fluent` after
//! formatting: the message then fails with a typed [`Error::Format`](crate::Error::Format),
//! never a panic or a silently wrong text.

mod datetime;
mod integer;
mod number;
mod plural;

use std::cell::Cell;
use std::fmt;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentResource, FluentValue};
use intl_memoizer::concurrent::IntlLangMemoizer;
use once_cell::sync::OnceCell;
use unic_langid::LanguageIdentifier;

use crate::error::Cause;

pub use datetime::DateTime;
pub(crate) use number::{DigitOptions, NumberFormat};
pub(crate) use plural::rewrite_selects;

/// What ICU4X's stable API cannot write yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unsupported {
    /// A number style other than decimal.
    Style(&'static str),
    /// A `DATETIME` option or combination of options.
    DateTime(String),
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unsupported::Style("percent") => write!(
                f,
                "numbers in the percent style need the feature `percent` (ICU4X's percent format is in its unstable crate)"
            ),
            Unsupported::Style(style) => write!(
                f,
                "numbers in the {style} style are not supported yet (ICU4X's stable API has no {style} format)"
            ),
            Unsupported::DateTime(what) => write!(f, "DATETIME cannot format {what}"),
        }
    }
}

thread_local! {
    static PROBLEM: Cell<Option<Unsupported>> = const { Cell::new(None) };
}

/// Records what could not be formatted, for [`take_problem`]; the first one counts.
fn report(problem: Unsupported) {
    let _unavailable = PROBLEM.try_with(|slot| {
        let first = slot.take().unwrap_or(problem);
        slot.set(Some(first));
    });
}

/// What this thread could not format since the last call, as a [`Cause`](crate::Cause).
pub(crate) fn take_problem() -> Option<Cause> {
    let problem = PROBLEM.try_with(Cell::take).ok().flatten()?;
    Some(Cause::Other(problem.to_string()))
}

/// ICU4X's locale for a fluent locale: the same tag; the root locale if ICU4X reads it
/// otherwise (it does not: both follow BCP 47).
pub(crate) fn icu_locale(id: &LanguageIdentifier) -> icu_locale_core::Locale {
    id.to_string()
        .parse()
        .unwrap_or(icu_locale_core::Locale::UNKNOWN)
}

/// `NUMBER`, `DATETIME` and the plural select function registered in a locale's bundle, and
/// its formatter set to write numbers by the locale.
pub(crate) fn install(bundle: &mut FluentBundle<FluentResource>, id: &LanguageIdentifier) {
    // Each name is free in a new bundle, so registering cannot fail.
    let _free = bundle.add_builtins();
    let _free = bundle.add_function("DATETIME", datetime::function);
    let plurals = Arc::new(plural::Plurals::new(id));
    let _free = bundle.add_function(plural::FUNCTION, move |positional, named| {
        plurals.select(positional, named)
    });
    bundle.set_formatter(Some(format_value));
}

/// The bundle's formatter: numbers by the locale; anything else as fluent writes it.
fn format_value(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    intls
        .with_try_get::<NumberFormat, _, _>((), |format| to_string(format, number))
        .ok()
        .flatten()
}

fn to_string(format: &NumberFormat, number: &FluentNumber) -> Option<String> {
    let mut out = String::new();
    match format.write(number.value, &DigitOptions::from(&number.options), &mut out) {
        Ok(true) => Some(out),
        Ok(false) => None,
        Err(problem) => {
            report(problem);
            None
        }
    }
}

/// A locale's number format for the fast path, built on first use.
pub(crate) struct Numbers {
    id: LanguageIdentifier,
    format: OnceCell<Option<NumberFormat>>,
}

impl Numbers {
    pub(crate) fn new(id: &LanguageIdentifier) -> Numbers {
        Numbers {
            id: id.clone(),
            format: OnceCell::new(),
        }
    }

    /// Appends the number `value` with `options` as the bundle's formatter writes it; `false`
    /// when only fluent can write it (a style we cannot write: fluent's path then reports it).
    pub(crate) fn write(&self, value: f64, options: &DigitOptions, out: &mut String) -> bool {
        // What fluent writes without a formatter (NaN, an infinity; no data for the locale).
        let as_fluent_writes = |out: &mut String| {
            out.push_str(
                &FluentNumber::new(value, FluentNumberOptions::from(*options)).as_string(),
            );
            true
        };
        let Some(format) = self.format.get_or_init(|| NumberFormat::new(&self.id)) else {
            return as_fluent_writes(out);
        };
        match format.write(value, options, out) {
            Ok(true) => true,
            Ok(false) => as_fluent_writes(out),
            Err(_) => false,
        }
    }
}
