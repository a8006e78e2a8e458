//! Numbers as fluent.js writes them: `Intl.NumberFormat`'s digit options applied to the value,
//! then ICU4X's decimal format of the locale (separators, grouping, numbering system). An
//! integer with no digits to add or round, the common case, is written from the table
//! `integer.rs` reads off that same format, and so prints what it prints.

use fixed_decimal::{Decimal, FloatPrecision, SignedRoundingMode, UnsignedRoundingMode};
use fluent_bundle::types::{FluentNumberOptions, FluentNumberStyle};
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::DecimalFormatter;
#[cfg(feature = "percent")]
use icu_experimental::dimension::percent::{
    formatter::PercentFormatter, options::PercentFormatterOptions,
};
use intl_memoizer::Memoizable;
use once_cell::sync::OnceCell;
use unic_langid::LanguageIdentifier;
use writeable::Writeable;

use crate::intl::integer::IntegerFormat;
use crate::intl::Unsupported;

/// `Intl.NumberFormat`'s bounds on digit options: larger values are clamped, so that no
/// argument or option can ask for an unbounded string.
const MAX_FRACTION_DIGITS: usize = 100;
pub(crate) const MAX_INTEGER_DIGITS: usize = 21;
const MAX_SIGNIFICANT_DIGITS: usize = 21;

/// What the writer reads of a number's options: `FluentNumberOptions` without the type (read
/// by plural selection alone) and the currency (no style we write uses it). It is `Copy`, so
/// that the fast path lays a `NUMBER` call's options over an argument's without cloning
/// `FluentNumberOptions` and its strings on every call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DigitOptions {
    pub(crate) style: FluentNumberStyle,
    pub(crate) use_grouping: bool,
    pub(crate) minimum_integer_digits: Option<usize>,
    pub(crate) minimum_fraction_digits: Option<usize>,
    pub(crate) maximum_fraction_digits: Option<usize>,
    pub(crate) minimum_significant_digits: Option<usize>,
    pub(crate) maximum_significant_digits: Option<usize>,
}

impl From<&FluentNumberOptions> for DigitOptions {
    fn from(options: &FluentNumberOptions) -> DigitOptions {
        DigitOptions {
            style: options.style,
            use_grouping: options.use_grouping,
            minimum_integer_digits: options.minimum_integer_digits,
            minimum_fraction_digits: options.minimum_fraction_digits,
            maximum_fraction_digits: options.maximum_fraction_digits,
            minimum_significant_digits: options.minimum_significant_digits,
            maximum_significant_digits: options.maximum_significant_digits,
        }
    }
}

impl From<DigitOptions> for FluentNumberOptions {
    fn from(options: DigitOptions) -> FluentNumberOptions {
        FluentNumberOptions {
            style: options.style,
            use_grouping: options.use_grouping,
            minimum_integer_digits: options.minimum_integer_digits,
            minimum_fraction_digits: options.minimum_fraction_digits,
            maximum_fraction_digits: options.maximum_fraction_digits,
            minimum_significant_digits: options.minimum_significant_digits,
            maximum_significant_digits: options.maximum_significant_digits,
            ..FluentNumberOptions::default()
        }
    }
}

/// The digits of `number` with its options applied as `Intl.NumberFormat` applies them (and
/// `Intl.PluralRules`, which takes the same digit options): significant digits, when either
/// bound is given, win over fraction digits; the default is 0 to 3 fraction digits; rounding
/// is half away from zero (`halfExpand`). `None` for a value with no decimal form (NaN, an
/// infinity), which fluent writes as it is.
pub(crate) fn digits(value: f64, options: &DigitOptions) -> Option<Decimal> {
    scaled_digits(value, options, Scale::Decimal)
}

/// How a style scales the value and which fraction digits it shows by default.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scale {
    /// The value as it is, 0 to 3 fraction digits.
    Decimal,
    /// The value times 100, exactly (on its decimal digits, as ICU does), 0 fraction digits.
    #[cfg_attr(not(feature = "percent"), allow(dead_code))]
    Percent,
}

/// [`digits`] of the value as `scale` shows it.
fn scaled_digits(value: f64, options: &DigitOptions, scale: Scale) -> Option<Decimal> {
    let (shift, default_max_fraction) = match scale {
        Scale::Decimal => (0, 3),
        Scale::Percent => (2, 0),
    };
    if let Some(integer) = plain_integer(value, options) {
        let mut decimal = Decimal::from(integer);
        decimal.absolute.multiply_pow10(shift);
        decimal.absolute.trim_start(); // 0 shifted is 000
        pad_integer(&mut decimal, options);
        return Some(decimal);
    }
    let significant = options.minimum_significant_digits.is_some()
        || options.maximum_significant_digits.is_some();
    let mut decimal = match integer(value) {
        Some(integer) => Decimal::from(integer),
        None => Decimal::try_from_f64(value, FloatPrecision::RoundTrip).ok()?,
    };
    if shift != 0 {
        decimal.absolute.multiply_pow10(shift);
        decimal.absolute.trim_start(); // 0.25 shifted is 025
    }
    let half_expand = SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfExpand);
    if significant {
        let max = bounded(
            options.maximum_significant_digits,
            MAX_SIGNIFICANT_DIGITS,
            21,
        )
        .max(1);
        let min = bounded(options.minimum_significant_digits, max as usize, 1).max(1);
        let top = |decimal: &Decimal| {
            if decimal.absolute.is_zero() {
                0
            } else {
                decimal.absolute.nonzero_magnitude_start()
            }
        };
        decimal.round_with_mode(top(&decimal) - max + 1, half_expand);
        decimal.absolute.trim_end();
        let position = top(&decimal) - min + 1;
        decimal.absolute.pad_end(position.min(0));
    } else {
        let min = bounded(options.minimum_fraction_digits, MAX_FRACTION_DIGITS, 0);
        let max = bounded(
            options.maximum_fraction_digits,
            MAX_FRACTION_DIGITS,
            default_max_fraction.max(min as usize),
        );
        // Intl refuses max < min; the larger bound wins here rather than failing the message.
        let max = max.max(min);
        decimal.round_with_mode(-max, half_expand);
        decimal.absolute.trim_end();
        decimal.absolute.pad_end(-min);
    }
    pad_integer(&mut decimal, options);
    Some(decimal)
}

/// `value` when it is an integer with no digits to add or round (no significant digits, no
/// minimum fraction digits): written as it is, the common case, which takes the cheap paths.
fn plain_integer(value: f64, options: &DigitOptions) -> Option<i64> {
    let rounds = options.minimum_significant_digits.is_some()
        || options.maximum_significant_digits.is_some()
        || options
            .minimum_fraction_digits
            .is_some_and(|digits| digits > 0);
    if rounds {
        return None;
    }
    integer(value)
}

/// `minimumIntegerDigits`: leading zeros.
fn pad_integer(decimal: &mut Decimal, options: &DigitOptions) {
    if let Some(integer) = options.minimum_integer_digits {
        decimal.absolute.pad_start(integer_digits(integer) as i16);
    }
}

/// `minimumIntegerDigits` within `Intl.NumberFormat`'s bounds.
fn integer_digits(option: usize) -> usize {
    option.clamp(1, MAX_INTEGER_DIGITS)
}

/// `value` as an integer, when it is one that an `i64` holds exactly (not -0, which keeps its
/// sign): the common case, which needs no shortest-digits search.
fn integer(value: f64) -> Option<i64> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53

    // A round trip through `i64` rather than `f64::fract`, a call into libm's `trunc`. NaN
    // and values out of range saturate and so do not come back equal, or are not below 2^53.
    let integer = value as i64;
    let exact = integer as f64 == value
        && value.abs() < EXACT
        && !(value == 0.0 && value.is_sign_negative());
    exact.then_some(integer)
}

/// `option` as a digit count no larger than `limit`, or `default`.
fn bounded(option: Option<usize>, limit: usize, default: usize) -> i16 {
    let count = option.unwrap_or(default).min(limit);
    i16::try_from(count).unwrap_or(0)
}

/// A locale's decimal formatters: one with the locale's grouping, one without
/// (`useGrouping: "false"`), and the same two for percentages (feature `percent`). Built once
/// per locale (see [`Memoizable`]).
pub(crate) struct NumberFormat {
    grouped: Decimals,
    ungrouped: Decimals,
    #[cfg(feature = "percent")]
    percent: Percent,
}

/// ICU4X's percent format of a locale (its pattern and sign, `12 %` in fr), grouped and not.
/// Built on first use: most locales never format a percentage.
#[cfg(feature = "percent")]
struct Percent {
    locale: icu_locale_core::Locale,
    formats: once_cell::sync::OnceCell<Option<[PercentFormatter<DecimalFormatter>; 2]>>,
}

#[cfg(feature = "percent")]
impl Percent {
    /// The grouped or the ungrouped format, or `None` if ICU4X has no data for the locale
    /// (it falls back to the root locale, so in practice it always has).
    fn get(&self, grouping: bool) -> Option<&PercentFormatter<DecimalFormatter>> {
        let formats = self.formats.get_or_init(|| {
            let with = |grouping| {
                let decimal = DecimalFormatter::try_new(
                    (&self.locale).into(),
                    DecimalFormatterOptions::from(grouping),
                )
                .ok()?;
                PercentFormatter::try_new_with_decimal_formatter(
                    (&self.locale).into(),
                    decimal,
                    PercentFormatterOptions::default(),
                )
                .ok()
            };
            Some([
                with(GroupingStrategy::Auto)?,
                with(GroupingStrategy::Never)?,
            ])
        });
        let [grouped, ungrouped] = formats.as_ref()?;
        Some(if grouping { grouped } else { ungrouped })
    }
}

/// ICU4X's decimal format with one grouping strategy, and its integers as
/// [`IntegerFormat`] writes them (read on first use).
struct Decimals {
    icu: DecimalFormatter,
    /// Boxed: every locale holds its `NumberFormat` inline, and most never write a number.
    integers: OnceCell<Option<Box<IntegerFormat>>>,
}

impl Decimals {
    fn new(icu: DecimalFormatter) -> Decimals {
        Decimals {
            icu,
            integers: OnceCell::new(),
        }
    }

    /// Writes `value` with `options` (decimal style) as ICU4X writes it: an integer with no
    /// digits to add or round through [`IntegerFormat`], anything else through `icu`.
    fn write(&self, value: f64, options: &DigitOptions, out: &mut String) -> bool {
        if let Some(integer) = plain_integer(value, options) {
            if let Some(integers) = self
                .integers
                .get_or_init(|| IntegerFormat::read(&self.icu).map(Box::new))
            {
                let min_digits = options.minimum_integer_digits.map_or(1, integer_digits);
                integers.write(integer, min_digits, out);
                return true;
            }
        }
        let Some(decimal) = digits(value, options) else {
            return false;
        };
        // Straight to the sink, not through `fmt::Display` (a `Formatter` and a dynamic call
        // per piece). Writing to a `String` cannot fail.
        let _infallible = self.icu.format(&decimal).write_to(out);
        true
    }
}

impl NumberFormat {
    /// The formatters for `locale`, or `None` if ICU4X's compiled data cannot serve it (it
    /// falls back to the root locale, so in practice it always can).
    pub(crate) fn new(locale: &LanguageIdentifier) -> Option<NumberFormat> {
        let locale = crate::intl::icu_locale(locale);
        let with = |grouping| {
            DecimalFormatter::try_new((&locale).into(), DecimalFormatterOptions::from(grouping))
                .ok()
        };
        Some(NumberFormat {
            grouped: Decimals::new(with(GroupingStrategy::Auto)?),
            ungrouped: Decimals::new(with(GroupingStrategy::Never)?),
            #[cfg(feature = "percent")]
            percent: Percent {
                locale,
                formats: once_cell::sync::OnceCell::new(),
            },
        })
    }

    /// Writes `value` with `options` (a `FluentNumber`'s, or a `NUMBER` call's laid over
    /// them) as fluent.js writes it in this locale: `Ok(false)` when it
    /// has no decimal form (fluent writes it unchanged), an error for what we cannot write
    /// (currency; percent without the feature `percent`).
    pub(crate) fn write(
        &self,
        value: f64,
        options: &DigitOptions,
        out: &mut String,
    ) -> Result<bool, Unsupported> {
        match options.style {
            FluentNumberStyle::Decimal => {}
            #[cfg(feature = "percent")]
            FluentNumberStyle::Percent => return Ok(self.write_percent(value, options, out)),
            #[cfg(not(feature = "percent"))]
            FluentNumberStyle::Percent => return Err(Unsupported::Style("percent")),
            FluentNumberStyle::Currency => return Err(Unsupported::Style("currency")),
        }
        let decimals = if options.use_grouping {
            &self.grouped
        } else {
            &self.ungrouped
        };
        Ok(decimals.write(value, options, out))
    }
}

#[cfg(feature = "percent")]
impl NumberFormat {
    /// A percentage as `Intl.NumberFormat` writes it: the value times 100, the digit options
    /// applied to that, in the locale's percent pattern. `false` as in [`NumberFormat::write`].
    fn write_percent(&self, value: f64, options: &DigitOptions, out: &mut String) -> bool {
        let Some(decimal) = scaled_digits(value, options, Scale::Percent) else {
            return false;
        };
        let Some(format) = self.percent.get(options.use_grouping) else {
            return false;
        };
        // Writing to a `String` cannot fail.
        let _infallible = format.format(&decimal).write_to(out);
        true
    }
}

impl Memoizable for NumberFormat {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _args: ()) -> Result<Self, ()> {
        NumberFormat::new(&lang).ok_or(())
    }
}
