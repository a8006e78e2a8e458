//! Function calls: `NUMBER` and `DATETIME` are the only functions the library serves, each
//! with the options it can format (see the library's `src/intl/`); anything else fails at run
//! time, where the translator cannot see it. And a variable is either a number or a date: a
//! `DATETIME($x)` where another message writes `NUMBER($x)` is a mix-up in one of them.

use std::collections::BTreeSet;

use fluent_syntax::ast;

use crate::checks::at_id;
use crate::tree::{File, Tree};
use crate::{Check, Diagnostic};

/// What an option's value may be.
enum Value {
    /// A number literal, an integer in this range.
    Integer(u32, u32),
    /// One of these strings.
    Word(&'static [&'static str]),
}

/// `NUMBER`'s options a translator sets (fluent.js's, with fluent-rs's `type`).
const NUMBER: &[(&str, Value)] = &[
    ("minimumIntegerDigits", Value::Integer(1, 21)),
    ("minimumFractionDigits", Value::Integer(0, 100)),
    ("maximumFractionDigits", Value::Integer(0, 100)),
    ("minimumSignificantDigits", Value::Integer(1, 21)),
    ("maximumSignificantDigits", Value::Integer(1, 21)),
    ("useGrouping", Value::Word(&["true", "false"])),
    ("type", Value::Word(&["cardinal", "ordinal"])),
];

/// `DATETIME`'s options, with the values ICU4X's field sets can format. The mixes of them
/// that fail at run time (a year and a day without the month, a long weekday beside a
/// numeric month) are `datetime_mix`'s.
const DATETIME: &[(&str, Value)] = &[
    (
        "dateStyle",
        Value::Word(&["short", "medium", "long", "full"]),
    ),
    (
        "timeStyle",
        Value::Word(&["short", "medium", "long", "full"]),
    ),
    ("year", Value::Word(&["numeric"])),
    ("era", Value::Word(&["short"])),
    ("month", Value::Word(&["numeric", "short", "long"])),
    ("day", Value::Word(&["numeric"])),
    ("weekday", Value::Word(&["long", "short"])),
    ("hour", Value::Word(&["numeric"])),
    ("minute", Value::Word(&["numeric", "2-digit"])),
    ("second", Value::Word(&["numeric", "2-digit"])),
    ("fractionalSecondDigits", Value::Integer(1, 3)),
    ("hour12", Value::Word(&["true", "false"])),
    (
        "timeZoneName",
        Value::Word(&[
            "short",
            "long",
            "shortOffset",
            "longOffset",
            "shortGeneric",
            "longGeneric",
        ]),
    ),
];

/// fluent.js's options that the library does not format yet, and the ones only a developer
/// sets, on the argument.
const NOT_YET: &[&str] = &["dayPeriod"];
const DEVELOPER: &[&str] = &[
    "style",
    "currency",
    "currencyDisplay",
    "unitDisplay",
    "unit",
];

/// A function call found in an entry.
struct Call<'a> {
    file: &'a File,
    /// The entry's id, a term's with its `-`.
    id: String,
    name: &'a str,
    arguments: &'a ast::CallArguments<String>,
    /// How many calls of the same function come before this one in the entry, so that a
    /// diagnostic points into this call and not into the first.
    nth: usize,
}

pub(crate) fn check(tree: &Tree, out: &mut Vec<Diagnostic>) {
    let mut calls = Vec::new();
    for locale in &tree.locales {
        for file in &locale.files {
            for entry in &file.resource.body {
                let (id, value, attributes) = match entry {
                    ast::Entry::Message(m) => (m.id.name.clone(), m.value.as_ref(), &m.attributes),
                    ast::Entry::Term(t) => {
                        (format!("-{}", t.id.name), Some(&t.value), &t.attributes)
                    }
                    _ => continue,
                };
                let patterns = value
                    .into_iter()
                    .chain(attributes.iter().map(|attribute| &attribute.value));
                let mut found = Vec::new();
                for pattern in patterns {
                    pattern_calls(pattern, &mut found);
                }
                for (at, &(name, arguments)) in found.iter().enumerate() {
                    let earlier = found.get(..at).unwrap_or_default();
                    calls.push(Call {
                        file,
                        id: id.clone(),
                        name,
                        arguments,
                        nth: earlier.iter().filter(|(other, _)| *other == name).count(),
                    });
                }
            }
        }
    }
    let numbers: BTreeSet<&str> = calls
        .iter()
        .filter(|call| call.name == "NUMBER")
        .filter_map(|call| variable(call.arguments))
        .collect();
    for call in &calls {
        let options = match call.name {
            "NUMBER" => NUMBER,
            "DATETIME" => DATETIME,
            name => {
                let hint = match closest(name, ["NUMBER", "DATETIME"]) {
                    Some(known) => format!("did you mean `{known}`? Until then the next locale of the chain is served"),
                    None => "the library has `NUMBER` and `DATETIME`; until then the next locale of the chain is served".to_owned(),
                };
                out.push(at(
                    call,
                    &format!("{name}("),
                    Check::UnknownFunction,
                    format!("`{name}` is not a function the library knows"),
                    &hint,
                ));
                continue;
            }
        };
        if call.arguments.positional.len() != 1 {
            out.push(at(
                call,
                &format!("{}(", call.name),
                Check::ArgumentType,
                format!(
                    "`{}` takes one value, a variable such as `$n`; it has {}",
                    call.name,
                    call.arguments.positional.len()
                ),
                "write one value first, then the options: `NUMBER($n, minimumFractionDigits: 2)`",
            ));
        }
        if call.name == "DATETIME" {
            if let Some(name) = variable(call.arguments).filter(|name| numbers.contains(name)) {
                out.push(at(
                    call,
                    "DATETIME(",
                    Check::ArgumentType,
                    format!("`${name}` is formatted as a date here and as a number by `NUMBER(${name})` elsewhere"),
                    "one of them is a mistake: a variable is either a number or a date",
                ));
            }
        }
        let mut fine = true;
        for option in &call.arguments.named {
            fine &= check_option(call, options, option, out);
        }
        if call.name == "DATETIME" && fine {
            if let Some(problem) = datetime_mix(&call.arguments.named) {
                out.push(at(
                    call,
                    "DATETIME(",
                    Check::FunctionOption,
                    format!("`DATETIME` cannot write {problem}"),
                    "TRANSLATING.md (\"Numbers, plurals and dates\") lists the sets that work; until then the next locale of the chain is served",
                ));
            }
        }
    }
}

/// Why the library refuses this mix of `DATETIME` options, each fine alone: the rules of
/// `Options::read` in the library's `src/intl/datetime.rs`, which the library's test
/// `datetime_mixes_the_checks_flag_are_the_ones_it_refuses` holds to them.
fn datetime_mix(named: &[ast::NamedArgument<String>]) -> Option<String> {
    let get = |name: &str| {
        named
            .iter()
            .find(|option| option.name.name == name)
            .map(|option| match &option.value {
                ast::InlineExpression::StringLiteral { value } => value.as_str(),
                _ => "",
            })
    };
    let has = |name: &str| get(name).is_some();
    let style = has("dateStyle") || has("timeStyle");
    let components = [
        "year",
        "era",
        "month",
        "day",
        "weekday",
        "hour",
        "minute",
        "second",
        "fractionalSecondDigits",
    ];
    if let (true, Some(component)) = (style, components.into_iter().find(|name| has(name))) {
        return Some(format!(
            "`dateStyle` or `timeStyle` beside the part `{component}`"
        ));
    }
    let (year, month, day, weekday) = (has("year"), has("month"), has("day"), has("weekday"));
    let date = year || month || day || weekday;
    let date_set = matches!(
        (year, month, day, weekday),
        (false, false, true, _)
            | (false, true, true, _)
            | (true, true, true, _)
            | (false, false, false, true)
            | (false, true, false, false)
            | (true, true, false, false)
            | (true, false, false, false)
    );
    if date && !date_set {
        return Some("this set of date parts (ICU4X's field sets have none)".to_owned());
    }
    match (get("month"), get("weekday")) {
        (Some("long"), Some("short")) => {
            return Some("a short weekday with a long month".to_owned())
        }
        (Some("numeric" | "short"), Some("long")) => {
            return Some("a long weekday with a numeric or short month".to_owned())
        }
        _ => {}
    }
    if has("era") && !year {
        return Some("`era` without `year`".to_owned());
    }
    let time = (
        has("hour"),
        has("minute"),
        has("second"),
        has("fractionalSecondDigits"),
    );
    if !matches!(
        time,
        (false, false, false, false)
            | (true, false, false, false)
            | (true, true, false, false)
            | (true, true, true, _)
    ) {
        return Some(
            "a time without `hour`, seconds without minutes, or `fractionalSecondDigits` without all three"
                .to_owned(),
        );
    }
    if has("timeZoneName") && style {
        return Some("`timeZoneName` beside `dateStyle` or `timeStyle`".to_owned());
    }
    if date && !day && !weekday && (time.0 || has("timeZoneName")) {
        return Some("a year or month without `day` beside a time or `timeZoneName`".to_owned());
    }
    None
}

fn check_option(
    call: &Call<'_>,
    options: &[(&str, Value)],
    option: &ast::NamedArgument<String>,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let name = option.name.name.as_str();
    let needle = format!("{name}:");
    let Some((_, allowed)) = options.iter().find(|(known, _)| *known == name) else {
        let (message, hint) = if NOT_YET.contains(&name)
            || (call.name == "NUMBER" && DEVELOPER.contains(&name))
        {
            let hint = if DEVELOPER.contains(&name) {
                "a developer sets it on the argument (FluentNumberOptions), not a translator"
            } else {
                "the library cannot format it yet (ICU4X's field sets have no day periods): `hour` writes the locale's AM/PM"
            };
            (
                format!(
                    "`{name}` is not an option of `{}` that the library formats",
                    call.name
                ),
                hint.to_owned(),
            )
        } else {
            let hint = match closest(name, options.iter().map(|(known, _)| *known)) {
                Some(known) => format!("did you mean `{known}`?"),
                None => format!("the options of `{}` are {}", call.name, names(options)),
            };
            (
                format!("`{name}` is not an option of `{}`", call.name),
                hint,
            )
        };
        out.push(at(call, &needle, Check::FunctionOption, message, &hint));
        return false;
    };
    let fine = match (allowed, &option.value) {
        (Value::Integer(low, high), ast::InlineExpression::NumberLiteral { value }) => value
            .parse::<u32>()
            .is_ok_and(|n| (*low..=*high).contains(&n)),
        (Value::Word(words), ast::InlineExpression::StringLiteral { value }) => {
            words.contains(&value.as_str())
        }
        _ => false,
    };
    if !fine {
        let expected = match allowed {
            Value::Integer(low, high) => format!("a whole number from {low} to {high}"),
            Value::Word(words) => {
                let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
                format!("one of {}", quoted.join(", "))
            }
        };
        out.push(at(
            call,
            &needle,
            Check::FunctionOption,
            format!("`{name}` of `{}` must be {expected}", call.name),
            &format!("write `{name}: ` and {expected}"),
        ));
    }
    fine
}

/// A diagnostic at the first `needle` inside `call` (its `NAME(` or one of its options).
fn at(call: &Call<'_>, needle: &str, check: Check, message: String, hint: &str) -> Diagnostic {
    let start = format!("{}(", call.name);
    let (line, column) = call.file.locate_in(&call.id, &start, call.nth, needle);
    Diagnostic {
        line,
        column,
        ..at_id(call.file, &call.id, needle, check, message, hint)
    }
}

fn names(options: &[(&str, Value)]) -> String {
    let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
    names.join(", ")
}

/// The variable a call formats, if its value is one.
fn variable(arguments: &ast::CallArguments<String>) -> Option<&str> {
    match arguments.positional.first()? {
        ast::InlineExpression::VariableReference { id } => Some(&id.name),
        _ => None,
    }
}

/// The known name within two edits of `name`, for a hint.
fn closest<'k>(name: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    known
        .into_iter()
        .map(|candidate| {
            (
                edits(&name.to_lowercase(), &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let (Some(&left), Some(&up)) = (row.get(j), row.get(j + 1)) else {
                continue;
            };
            let diagonal = previous + usize::from(ca != *cb);
            previous = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = diagonal.min(left + 1).min(up + 1);
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

fn pattern_calls<'a>(
    pattern: &'a ast::Pattern<String>,
    out: &mut Vec<(&'a str, &'a ast::CallArguments<String>)>,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_calls(expression, out);
        }
    }
}

fn expression_calls<'a>(
    expression: &'a ast::Expression<String>,
    out: &mut Vec<(&'a str, &'a ast::CallArguments<String>)>,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_calls(selector, out);
            for variant in variants {
                pattern_calls(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_calls(inline, out),
    }
}

fn inline_calls<'a>(
    inline: &'a ast::InlineExpression<String>,
    out: &mut Vec<(&'a str, &'a ast::CallArguments<String>)>,
) {
    match inline {
        ast::InlineExpression::FunctionReference { id, arguments } => {
            out.push((&id.name, arguments));
            for argument in &arguments.positional {
                inline_calls(argument, out);
            }
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for argument in &arguments.positional {
                inline_calls(argument, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_calls(expression, out),
        _ => {}
    }
}
