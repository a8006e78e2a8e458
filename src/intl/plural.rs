//! Plural selection by ICU4X's CLDR rules, on the same digits as the formatted number.
//!
//! fluent-bundle selects a variant of a numeric selector with `intl_pluralrules`, whose CLDR
//! data is years old (fr `1000000` is `many` in current CLDR, `other` there), and offers no way
//! to replace it: `FluentValue::matches` is not a hook. So each select whose selector may be a
//! number is rewritten, when a source is loaded, into a call of a function we register,
//! [`FUNCTION`]:
//!
//! ```ftl
//! { $n -> [0] none [one] one *[other] many }
//! # is loaded as
//! { PLURAL-SELECT($n, keys: "0 one other") -> [0] none [one] one *[other] many }
//! ```
//!
//! The function sees the variant keys in order and returns the first that matches as fluent.js
//! matches (a numeric key equal to the value, or the value's plural category), as the very
//! value fluent's resolver then compares equal to that key; a string selector comes back
//! unchanged. So numeric keys still win in source order, strings select as before, and the
//! category comes from ICU4X on the digits `NUMBER`'s options produce (`minimumFractionDigits:
//! 1` makes en `1` read "1.0", `other`). We chose this over owning selects in our compiled
//! patterns: fluent's resolver keeps doing terms, references and nesting, and the rewrite is one
//! pass at load time, paid only by sources that contain a select.

use std::borrow::Cow;
use std::str::FromStr;

use fluent_bundle::types::{FluentNumber, FluentNumberType};
use fluent_bundle::{FluentArgs, FluentValue};
use fluent_syntax::ast;
use icu_plurals::{PluralCategory, PluralRules};
use once_cell::sync::OnceCell;
use unic_langid::LanguageIdentifier;

use crate::intl::number;

/// The function a numeric select is rewritten to call.
pub(crate) const FUNCTION: &str = "PLURAL-SELECT";

/// The name of its argument that lists the variant keys, space-separated, in source order.
const KEYS: &str = "keys";

/// A locale's cardinal and ordinal rules, each loaded on first use.
pub(crate) struct Plurals {
    locale: icu_locale_core::Locale,
    cardinal: OnceCell<Option<PluralRules>>,
    ordinal: OnceCell<Option<PluralRules>>,
}

impl Plurals {
    pub(crate) fn new(locale: &LanguageIdentifier) -> Plurals {
        Plurals {
            locale: crate::intl::icu_locale(locale),
            cardinal: OnceCell::new(),
            ordinal: OnceCell::new(),
        }
    }

    /// The category of `number` as written with its digit options; `None` for a value with no
    /// decimal form.
    pub(crate) fn category(&self, number: &FluentNumber) -> Option<&'static str> {
        let rules = match number.options.r#type {
            FluentNumberType::Cardinal => self
                .cardinal
                .get_or_init(|| PluralRules::try_new_cardinal((&self.locale).into()).ok()),
            FluentNumberType::Ordinal => self
                .ordinal
                .get_or_init(|| PluralRules::try_new_ordinal((&self.locale).into()).ok()),
        };
        let digits = number::digits(number.value, &(&number.options).into())?;
        Some(match rules.as_ref()?.category_for(&digits) {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        })
    }

    /// [`FUNCTION`]: the selector's value as the first key it matches, or `None` (the default
    /// variant) when it matches none.
    pub(crate) fn select<'a>(
        &self,
        positional: &[FluentValue<'a>],
        named: &FluentArgs,
    ) -> FluentValue<'a> {
        let Some(FluentValue::Number(number)) = positional.first() else {
            // Strings select by equality, and a missing value picks the default: as before.
            return positional.first().cloned().unwrap_or(FluentValue::None);
        };
        let Some(FluentValue::String(keys)) = named.get(KEYS) else {
            return FluentValue::None;
        };
        let mut category = None;
        for key in keys.split(' ') {
            if let Ok(literal) = FluentNumber::from_str(key) {
                // fluent.js compares values only (fluent-rs compares options too).
                if literal.value == number.value {
                    return FluentValue::Number(literal);
                }
            } else if *category.get_or_insert_with(|| self.category(number)) == Some(key) {
                return FluentValue::String(Cow::Owned(key.to_owned()));
            }
        }
        FluentValue::None
    }
}

/// `source` with every select on a variable, a function call or a number literal made a call
/// of [`FUNCTION`]; borrowed unchanged when it has no select (`->` is how a select is
/// written). Entries that do not parse are dropped, as fluent drops them anyway.
pub(crate) fn rewrite_selects(source: &str) -> Cow<'_, str> {
    if !source.contains("->") {
        return Cow::Borrowed(source);
    }
    let parse = |source| {
        fluent_syntax::parser::parse_runtime(source).unwrap_or_else(|(partial, _errors)| partial)
    };
    // First the keys of every select, in walk order; then a second tree, which borrows them.
    let mut keys = Vec::new();
    for pattern in patterns(&mut parse(source)) {
        walk(pattern, &mut |variants, _| keys.push(key_list(variants)));
    }
    if keys.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut resource = parse(source);
    let mut next = keys.iter();
    for pattern in patterns(&mut resource) {
        walk(pattern, &mut |_, selector| {
            if let Some(keys) = next.next() {
                wrap(selector, keys);
            }
        });
    }
    Cow::Owned(fluent_syntax::serializer::serialize(&resource))
}

/// The values and attributes of every message and term.
fn patterns<'r, 's>(
    resource: &'r mut ast::Resource<&'s str>,
) -> impl Iterator<Item = &'r mut ast::Pattern<&'s str>> {
    resource.body.iter_mut().flat_map(|entry| {
        let (value, attributes) = match entry {
            ast::Entry::Message(message) => (message.value.as_mut(), &mut message.attributes),
            ast::Entry::Term(term) => (Some(&mut term.value), &mut term.attributes),
            _ => return Vec::new(),
        };
        value
            .into_iter()
            .chain(attributes.iter_mut().map(|attribute| &mut attribute.value))
            .collect()
    })
}

/// Calls `visit` on each select whose selector may be a number, outer ones first.
fn walk<'s>(
    pattern: &mut ast::Pattern<&'s str>,
    visit: &mut impl FnMut(&[ast::Variant<&'s str>], &mut ast::InlineExpression<&'s str>),
) {
    for element in &mut pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_walk(expression, visit);
        }
    }
}

fn expression_walk<'s>(
    expression: &mut ast::Expression<&'s str>,
    visit: &mut impl FnMut(&[ast::Variant<&'s str>], &mut ast::InlineExpression<&'s str>),
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            if matches!(
                selector,
                ast::InlineExpression::VariableReference { .. }
                    | ast::InlineExpression::FunctionReference { .. }
                    | ast::InlineExpression::NumberLiteral { .. }
            ) {
                visit(variants, selector);
            }
            for variant in variants {
                walk(&mut variant.value, visit);
            }
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            expression_walk(expression, visit);
        }
        ast::Expression::Inline(_) => {}
    }
}

fn key_list(variants: &[ast::Variant<&str>]) -> String {
    let keys: Vec<&str> = variants
        .iter()
        .map(|variant| match variant.key {
            ast::VariantKey::Identifier { name }
            | ast::VariantKey::NumberLiteral { value: name } => name,
        })
        .collect();
    keys.join(" ")
}

/// `selector` becomes `PLURAL-SELECT(selector, keys: "...")`.
fn wrap<'s>(selector: &mut ast::InlineExpression<&'s str>, keys: &'s str) {
    let inner = std::mem::replace(selector, ast::InlineExpression::StringLiteral { value: "" });
    *selector = ast::InlineExpression::FunctionReference {
        id: ast::Identifier { name: FUNCTION },
        arguments: ast::CallArguments {
            positional: vec![inner],
            named: vec![ast::NamedArgument {
                name: ast::Identifier { name: KEYS },
                value: ast::InlineExpression::StringLiteral { value: keys },
            }],
        },
    };
}
