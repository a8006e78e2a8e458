//! A message value compiled once, at load time, into the shape that says how to format it.

use fluent_bundle::types::{FluentNumberOptions, FluentNumberStyle};
use fluent_bundle::{FluentArgs, FluentValue};
use fluent_syntax::ast;

use crate::error::Cause;
use crate::intl::DigitOptions;

/// fluent-bundle stops formatting after this many placeables (its `MAX_PLACEABLES`).
const FLUENT_MAX_PLACEABLES: usize = 100;

/// One message value, compiled.
#[derive(Debug)]
pub(crate) enum Pattern {
    /// No placeables: served borrowed, with no allocation.
    Text(Box<str>),
    /// Text, variable references and `NUMBER($var, literal options)` only, in a locale that does
    /// not isolate placeables: formatted by [`interpolate`](crate::format::interpolate::interpolate).
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
    /// `NUMBER($name, ...)` whose options are all literals: the argument's own options merged
    /// with these, as fluent's `NUMBER` merges them (`FluentNumberOptions::merge`).
    Number {
        name: Box<str>,
        options: Box<NumberOptions>,
    },
}

/// The literal options of a `NUMBER` call that the number's writer reads
/// ([`DigitOptions`]): each field the call sets, with its value; `None` leaves the argument's
/// own. (The type, the currency and its display change nothing that is written.)
#[derive(Debug)]
pub(crate) struct NumberOptions {
    style: Option<FluentNumberStyle>,
    use_grouping: Option<bool>,
    minimum_integer_digits: Option<usize>,
    minimum_fraction_digits: Option<usize>,
    maximum_fraction_digits: Option<usize>,
    minimum_significant_digits: Option<usize>,
    maximum_significant_digits: Option<usize>,
}

impl NumberOptions {
    /// What fluent's `FluentNumberOptions::merge` sets from `literals`, found without
    /// copying its table of option names: merged into two bases that differ in every field,
    /// a field the literals set comes out equal in both.
    fn new(literals: &FluentArgs) -> NumberOptions {
        let mut one = FluentNumberOptions::default();
        let mut other = FluentNumberOptions {
            style: FluentNumberStyle::Currency,
            use_grouping: !one.use_grouping,
            minimum_integer_digits: Some(usize::MAX),
            minimum_fraction_digits: Some(usize::MAX),
            maximum_fraction_digits: Some(usize::MAX),
            minimum_significant_digits: Some(usize::MAX),
            maximum_significant_digits: Some(usize::MAX),
            ..FluentNumberOptions::default()
        };
        one.merge(literals);
        other.merge(literals);
        fn set<T: PartialEq>(one: T, other: &T) -> Option<T> {
            (one == *other).then_some(one)
        }
        NumberOptions {
            style: set(one.style, &other.style),
            use_grouping: set(one.use_grouping, &other.use_grouping),
            minimum_integer_digits: set(one.minimum_integer_digits, &other.minimum_integer_digits)
                .flatten(),
            minimum_fraction_digits: set(
                one.minimum_fraction_digits,
                &other.minimum_fraction_digits,
            )
            .flatten(),
            maximum_fraction_digits: set(
                one.maximum_fraction_digits,
                &other.maximum_fraction_digits,
            )
            .flatten(),
            minimum_significant_digits: set(
                one.minimum_significant_digits,
                &other.minimum_significant_digits,
            )
            .flatten(),
            maximum_significant_digits: set(
                one.maximum_significant_digits,
                &other.maximum_significant_digits,
            )
            .flatten(),
        }
    }

    /// `options` with the call's over them, as fluent's `NUMBER` merges them.
    pub(crate) fn merge_into(&self, options: &mut DigitOptions) {
        fn put<T: Copy>(field: &mut T, value: Option<T>) {
            if let Some(value) = value {
                *field = value;
            }
        }
        fn put_some<T: Copy>(field: &mut Option<T>, value: Option<T>) {
            if value.is_some() {
                *field = value;
            }
        }
        put(&mut options.style, self.style);
        put(&mut options.use_grouping, self.use_grouping);
        put_some(
            &mut options.minimum_integer_digits,
            self.minimum_integer_digits,
        );
        put_some(
            &mut options.minimum_fraction_digits,
            self.minimum_fraction_digits,
        );
        put_some(
            &mut options.maximum_fraction_digits,
            self.maximum_fraction_digits,
        );
        put_some(
            &mut options.minimum_significant_digits,
            self.minimum_significant_digits,
        );
        put_some(
            &mut options.maximum_significant_digits,
            self.maximum_significant_digits,
        );
    }
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
                ast::PatternElement::Placeable {
                    expression:
                        ast::Expression::Inline(ast::InlineExpression::FunctionReference {
                            id,
                            arguments,
                        }),
                } if !isolating && id.name == "NUMBER" => {
                    let Some(piece) = number_call(arguments) else {
                        return Pattern::Fluent;
                    };
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text).into()));
                    }
                    pieces.push(piece);
                }
                ast::PatternElement::Placeable { .. } => return Pattern::Fluent,
            }
        }
        if pieces.is_empty() {
            return Pattern::Text(text.into());
        }
        let placeables = pieces
            .iter()
            .filter(|piece| !matches!(piece, Piece::Text(_)))
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

/// `NUMBER($var, name: literal, ...)` as a [`Piece::Number`], its options as fluent's resolver
/// reads them (a number literal parsed, a string literal as written); `None` for any other call
/// (another argument, a variable option, an escape in a string), which fluent formats.
fn number_call(arguments: &ast::CallArguments<&str>) -> Option<Piece> {
    let [ast::InlineExpression::VariableReference { id }] = arguments.positional.as_slice() else {
        return None;
    };
    let mut options = FluentArgs::with_capacity(arguments.named.len());
    for named in &arguments.named {
        let value = match &named.value {
            ast::InlineExpression::StringLiteral { value } if !value.contains('\\') => {
                FluentValue::String((*value).to_owned().into())
            }
            ast::InlineExpression::NumberLiteral { value } => {
                match FluentValue::try_number(value) {
                    FluentValue::Number(number) => FluentValue::Number(number),
                    _ => return None,
                }
            }
            _ => return None,
        };
        options.set(named.name.name, value);
    }
    Some(Piece::Number {
        name: id.name.into(),
        options: Box::new(NumberOptions::new(&options)),
    })
}
