//! The fast path: a value of text and `{ $variable }` references, filled with string or number
//! arguments exactly as fluent (with `crate::intl`'s formatter) fills them with isolation off, at one allocation (the returned
//! string) and a fraction of the resolver's cost.

use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentValue};

use crate::format::pattern::{NumberOptions, Piece};
use crate::intl::{DigitOptions, Numbers};

/// Room made for a number: enough for a million in Arabic-Indic digits.
const NUMBER_LEN: usize = 32;

/// What interpolating a pattern gave.
pub(crate) enum Interpolation<'p> {
    /// The text, and the first argument that was missing (its placeholder left in the text).
    Done(String, Option<&'p str>),
    /// An argument is of a custom type: fluent must format it.
    NeedsFluent,
}

/// Formats text-and-variable pieces exactly as fluent does with isolation off: a string
/// argument is written as it is, a number as the locale writes it (`numbers`, as the bundle's
/// formatter does), a missing one as `{$name}`.
pub(crate) fn interpolate<'p>(
    pieces: &'p [Piece],
    args: Option<&FluentArgs>,
    numbers: &Numbers,
) -> Interpolation<'p> {
    // First pass: the exact length, so that the one allocation is the returned string.
    let mut len = 0;
    for piece in pieces {
        len += match piece {
            Piece::Text(text) => text.len(),
            Piece::Variable(name) => match argument(args, name) {
                Some(ArgValue::Str(value)) => value.len(),
                // A guess: the digits, separators and a sign in a multi-byte script.
                Some(ArgValue::Number(_)) => NUMBER_LEN,
                Some(ArgValue::Other) => return Interpolation::NeedsFluent,
                None => name.len() + "{$}".len(),
            },
            // fluent's `NUMBER` of anything but a number is an error: fluent reports it.
            Piece::Number { name, .. } => match argument(args, name) {
                Some(ArgValue::Number(_)) => NUMBER_LEN,
                _ => return Interpolation::NeedsFluent,
            },
        };
    }
    let mut out = String::with_capacity(len);
    let mut missing = None;
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Variable(name) => match argument(args, name) {
                Some(ArgValue::Str(value)) => out.push_str(value),
                Some(ArgValue::Number(number)) => {
                    if !write_number(numbers, number, None, &mut out) {
                        return Interpolation::NeedsFluent; // fluent reports what we cannot write
                    }
                }
                Some(ArgValue::Other) => return Interpolation::NeedsFluent,
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                    missing = missing.or(Some(&**name));
                }
            },
            Piece::Number { name, options } => {
                let Some(ArgValue::Number(number)) = argument(args, name) else {
                    return Interpolation::NeedsFluent;
                };
                if !write_number(numbers, number, Some(options), &mut out) {
                    return Interpolation::NeedsFluent;
                }
            }
        }
    }
    Interpolation::Done(out, missing)
}

/// Appends `number` as the bundle's formatter writes it, with a `NUMBER` call's options over
/// its own as fluent's `NUMBER` merges them; `false` when only fluent can write it.
fn write_number(
    numbers: &Numbers,
    number: &FluentNumber,
    call: Option<&NumberOptions>,
    out: &mut String,
) -> bool {
    let mut options = DigitOptions::from(&number.options);
    if let Some(call) = call {
        call.merge_into(&mut options);
    }
    numbers.write(number.value, &options, out)
}

enum ArgValue<'a> {
    /// A string, or `FluentValue::None`/`Error`, which fluent writes as nothing.
    Str(&'a str),
    /// Written by the locale's number format, as the bundle's formatter writes it.
    Number(&'a FluentNumber),
    /// A custom type: only the bundle's formatter knows how to write it.
    Other,
}

/// Argument `name`, or `None` when the caller did not give it.
fn argument<'a>(args: Option<&'a FluentArgs<'a>>, name: &'a str) -> Option<ArgValue<'a>> {
    match args?.get(name)? {
        FluentValue::String(value) => Some(ArgValue::Str(value)),
        FluentValue::Number(number) => Some(ArgValue::Number(number)),
        FluentValue::None | FluentValue::Error => Some(ArgValue::Str("")),
        FluentValue::Custom(_) => Some(ArgValue::Other),
    }
}
