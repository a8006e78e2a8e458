//! Message values compiled once, at load time, into the shapes the hot path can serve without
//! fluent's resolver.
//!
//! fluent-bundle's resolver costs about 200 ns per call with an argument (a scope, an error
//! vector, dynamic dispatch per element). Nearly every error message is plain text, or text with
//! `{ $variable }` references filled with strings or numbers; those are served here. Everything
//! else (selectors, terms, message references, functions, literals, custom argument types, bidi
//! isolation) goes to fluent, so the output is always fluent's own: `tests/it/differential.rs`
//! holds the two paths equal over every message of every locale.

use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentValue};
use fluent_syntax::ast;

/// fluent-bundle stops formatting after this many placeables (its `MAX_PLACEABLES`).
const FLUENT_MAX_PLACEABLES: usize = 100;

/// One message value, compiled.
#[derive(Debug)]
pub(crate) enum Pattern {
    /// No placeables: served borrowed, with no allocation.
    Text(Box<str>),
    /// Text and variable references only, in a locale that does not isolate placeables.
    Simple(Box<[Piece]>),
    /// Anything else: formatted by fluent's resolver.
    Fluent,
    /// What fluent must not be asked to format: its references nest too deep or in a cycle
    /// (`api_error_i18n_lint::Graph`). Absent in this locale, with this cause.
    Unservable(crate::Cause),
}

#[derive(Debug)]
pub(crate) enum Piece {
    Text(Box<str>),
    Variable(Box<str>),
}

/// What formatting a `Simple` pattern gave.
pub(crate) enum Simple<'p> {
    /// The text, and the first argument that was missing (its placeholder left in the text).
    Done(String, Option<&'p str>),
    /// An argument is of a custom type: fluent must format it.
    NeedsFluent,
}

impl Pattern {
    /// Compiles a message value. `isolating` says whether the bundle wraps
    /// placeables in U+2068/U+2069 (right-to-left locales): then only plain text is compiled.
    /// `transform` is applied to text elements, as fluent's bundle applies it (pseudo-locales).
    pub(crate) fn compile(
        value: &ast::Pattern<&str>,
        isolating: bool,
        transform: Option<fn(&str) -> std::borrow::Cow<'_, str>>,
    ) -> Pattern {
        let mut pieces: Vec<Piece> = Vec::new();
        let mut text = String::new();
        for element in &value.elements {
            match element {
                ast::PatternElement::TextElement { value } => match transform {
                    Some(transform) => text.push_str(&transform(value)),
                    None => text.push_str(value),
                },
                ast::PatternElement::Placeable {
                    expression:
                        ast::Expression::Inline(ast::InlineExpression::VariableReference { id: var }),
                } if !isolating => {
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text).into()));
                    }
                    pieces.push(Piece::Variable(var.name.into()));
                }
                ast::PatternElement::Placeable { .. } => return Pattern::Fluent,
            }
        }
        if pieces.is_empty() {
            return Pattern::Text(text.into());
        }
        let placeables = pieces
            .iter()
            .filter(|piece| matches!(piece, Piece::Variable(_)))
            .count();
        if placeables > FLUENT_MAX_PLACEABLES {
            return Pattern::Fluent; // fluent stops with an error; let it
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text.into()));
        }
        Pattern::Simple(pieces.into())
    }
}

/// Formats text-and-variable pieces exactly as fluent does with isolation off: a string
/// argument is written as it is, a missing one as `{$name}`.
pub(crate) fn format_simple<'p>(pieces: &'p [Piece], args: Option<&FluentArgs>) -> Simple<'p> {
    // First pass: the exact length, so that the one allocation is the returned string.
    let mut len = 0;
    for piece in pieces {
        len += match piece {
            Piece::Text(text) => text.len(),
            Piece::Variable(name) => match argument(args, name) {
                Some(Arg::Str(value)) => value.len(),
                Some(Arg::Number(number)) => number.as_string().len(),
                Some(Arg::Other) => return Simple::NeedsFluent,
                None => name.len() + "{$}".len(),
            },
        };
    }
    let mut out = String::with_capacity(len);
    let mut missing = None;
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Variable(name) => match argument(args, name) {
                Some(Arg::Str(value)) => out.push_str(value),
                Some(Arg::Number(number)) => out.push_str(&number.as_string()),
                Some(Arg::Other) => return Simple::NeedsFluent,
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                    missing = missing.or(Some(&**name));
                }
            },
        }
    }
    Simple::Done(out, missing)
}

enum Arg<'a> {
    /// A string, or `FluentValue::None`/`Error`, which fluent writes as nothing.
    Str(&'a str),
    /// Written as fluent writes a number with no custom formatter: `FluentNumber::as_string`.
    Number(&'a FluentNumber),
    /// A custom type: only the bundle's formatter knows how to write it.
    Other,
}

/// Argument `name`, or `None` when the caller did not give it.
fn argument<'a>(args: Option<&'a FluentArgs<'a>>, name: &'a str) -> Option<Arg<'a>> {
    match args?.get(name)? {
        FluentValue::String(value) => Some(Arg::Str(value)),
        FluentValue::Number(number) => Some(Arg::Number(number)),
        FluentValue::None | FluentValue::Error => Some(Arg::Str("")),
        FluentValue::Custom(_) => Some(Arg::Other),
    }
}
