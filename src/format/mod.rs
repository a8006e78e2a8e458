//! Formatting one compiled message: plain text as it is, `{ $variable }` values and
//! `NUMBER($variable, literal options)` on the fast path (`interpolate.rs`), everything else
//! through fluent's resolver (`fluent.rs`).
//!
//! fluent-bundle's resolver costs about 200 ns per call with an argument (a scope, an error
//! vector, dynamic dispatch per element; a function call adds its arguments' `FluentArgs`).
//! Nearly every error message is plain text, or text with `{ $variable }` references filled
//! with strings or numbers, or `NUMBER` of a number argument; those never reach it. Everything
//! else (selectors, terms, message references, other calls, literals, custom argument types, bidi
//! isolation) goes to fluent, so the output is always fluent's own: `tests/it/differential.rs`
//! holds the two paths equal over every message of every locale.
//!
//! Nothing here knows catalogs or chains: a caller hands in the pattern, the locale's tag and a
//! way to get its bundle.

pub(crate) mod fluent;
pub(crate) mod interpolate;
pub(crate) mod pattern;

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::error::Error;
use crate::format::interpolate::{interpolate, Interpolation};
use crate::format::pattern::Pattern;
use crate::intl::Numbers;

/// `pattern` (message `code` of the locale `tag`) formatted with `args`, and the first problem
/// met. `numbers` writes numbers on the fast path; `bundle` is called only when fluent must
/// format.
pub(crate) fn format<'a>(
    pattern: &'a Pattern,
    tag: &str,
    numbers: &Numbers,
    code: u32,
    args: Option<&FluentArgs>,
    bundle: impl FnOnce() -> &'a FluentBundle<FluentResource>,
) -> (Cow<'a, str>, Option<Error>) {
    match pattern {
        Pattern::Text(text) => (Cow::Borrowed(text), None),
        Pattern::Interpolated(pieces) => match interpolate(pieces, args, numbers) {
            Interpolation::Done(text, missing) => {
                let problem = missing.map(|name| Error::MissingArgument {
                    code,
                    name: name.to_owned(),
                });
                (Cow::Owned(text), problem)
            }
            Interpolation::NeedsFluent => fluent::format(bundle(), tag, code, args),
        },
        Pattern::Fluent => fluent::format(bundle(), tag, code, args),
        Pattern::Unservable(cause) => (
            Cow::Borrowed(""),
            Some(Error::Format {
                code,
                locale: tag.to_owned(),
                cause: cause.clone(),
            }),
        ),
    }
}
