//! A message value compiled once, at load time, into the shape that says how to format it.

use fluent_syntax::ast;

use crate::error::Cause;

/// fluent-bundle stops formatting after this many placeables (its `MAX_PLACEABLES`).
const FLUENT_MAX_PLACEABLES: usize = 100;

/// One message value, compiled.
#[derive(Debug)]
pub(crate) enum Pattern {
    /// No placeables: served borrowed, with no allocation.
    Text(Box<str>),
    /// Text and variable references only, in a locale that does not isolate placeables:
    /// formatted by [`interpolate`](crate::format::interpolate::interpolate).
    Interpolated(Box<[Piece]>),
    /// Anything else: formatted by fluent's resolver.
    Fluent,
    /// What fluent must not be asked to format: its references could nest too deep
    /// (`api_error_i18n_source::Graph::resolution_bound`). Absent in this locale, with this cause.
    Unservable(Cause),
}

/// A piece of an [`Pattern::Interpolated`] value.
#[derive(Debug)]
pub(crate) enum Piece {
    Text(Box<str>),
    Variable(Box<str>),
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
        Pattern::Interpolated(pieces.into())
    }
}
