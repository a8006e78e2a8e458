//! Integers written as ICU4X's `DecimalFormatter` writes them, without its per-digit work.
//!
//! ICU4X writes an integer as the locale's minus sign around its digits, each digit one
//! character of the locale's numbering system, and the grouping separator after the digits of
//! the magnitudes that the number of digits alone decides (`icu_decimal`'s `grouper::check`).
//! Per call that is a `Decimal` built digit by digit and, per digit, a lookup by magnitude and
//! a grouping check: most of what a short message with one number cost over the same message
//! with a string (BENCHMARKS.md). An [`IntegerFormat`] reads those facts off a formatter once,
//! by formatting probes with it, checks that it writes every probe back exactly as ICU4X wrote
//! it, and then writes an integer as a table lookup per digit. A formatter whose probes do not
//! come back exactly gets no `IntegerFormat`, and ICU4X writes its numbers as before.

use fixed_decimal::Decimal;
use icu_decimal::DecimalFormatter;
use writeable::Writeable;

use crate::intl::number::MAX_INTEGER_DIGITS;

/// The most digits written: `minimumIntegerDigits`' bound, the one the ICU4X path clamps to
/// (an exact integer, below 2^53, has at most 16).
pub(crate) const MAX_DIGITS: usize = MAX_INTEGER_DIGITS;

/// The probes: for `n` digits, the first `n` of these. Neighbours always differ, so a
/// separator between two digits cannot be mistaken for a digit.
const PROBE: &[u8; MAX_DIGITS] = b"123456789012345678901";

/// How one `DecimalFormatter` writes integers (see the module docs).
#[derive(Debug)]
pub(crate) struct IntegerFormat {
    /// The character of each digit, 0 to 9.
    digits: [char; 10],
    minus_prefix: Box<str>,
    minus_suffix: Box<str>,
    separator: Box<str>,
    /// `groups[n - 1]` for an integer of `n` digits: bit `m` set when a separator follows the
    /// digit of magnitude `m`.
    groups: [u32; MAX_DIGITS],
}

impl IntegerFormat {
    /// What `formatter` writes, read off its output for probes; `None` unless writing every
    /// probe back gives exactly ICU4X's text.
    pub(crate) fn read(formatter: &DecimalFormatter) -> Option<IntegerFormat> {
        let icu = |decimal: &Decimal| formatter.format(decimal).write_to_string().into_owned();
        let mut digits = ['0'; 10];
        for (digit, slot) in (0u8..).zip(&mut digits) {
            let text = icu(&Decimal::from(digit));
            let mut chars = text.chars();
            *slot = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
        }
        let [_, one, ..] = digits;
        let minus = icu(&Decimal::from(-1i8));
        let (minus_prefix, minus_suffix) = minus.split_once(one)?;
        let mut format = IntegerFormat {
            digits,
            minus_prefix: minus_prefix.into(),
            minus_suffix: minus_suffix.into(),
            separator: "".into(),
            groups: [0; MAX_DIGITS],
        };
        let mut separator: Option<String> = None;
        let mut groups = [0; MAX_DIGITS];
        let mut texts = Vec::with_capacity(MAX_DIGITS);
        for (n, groups) in (1..).zip(&mut groups) {
            let probe = PROBE.get(..n)?;
            let text = icu(&Decimal::try_from_utf8(probe).ok()?);
            // Between each digit and the next: nothing, or the separator.
            let mut rest = text.as_str();
            for (i, &digit) in probe.iter().enumerate() {
                rest = rest.strip_prefix(format.digit(digit)?)?;
                let Some(&next) = probe.get(i + 1) else {
                    break;
                };
                let at = rest.find(format.digit(next)?)?;
                if at > 0 {
                    let (found, after) = rest.split_at(at);
                    if *separator.get_or_insert_with(|| found.to_owned()) != found {
                        return None;
                    }
                    *groups |= 1 << (n - 1 - i); // after the digit of this magnitude
                    rest = after;
                }
            }
            if !rest.is_empty() {
                return None;
            }
            texts.push(text);
        }
        format.groups = groups;
        format.separator = separator.unwrap_or_default().into();
        // Every probe written back, and the longest negative one, exactly as ICU4X wrote them.
        for (n, text) in (1..).zip(&texts) {
            if format.written(false, PROBE.get(..n)?)? != *text {
                return None;
            }
        }
        let negative = Decimal::try_from_utf8(&[b"-".as_slice(), PROBE].concat()).ok()?;
        if format.written(true, PROBE)? != icu(&negative) {
            return None;
        }
        Some(format)
    }

    /// Writes `value` with at least `min_digits` digits (leading zeros, `minimumIntegerDigits`,
    /// at most [`MAX_DIGITS`]) as the formatter it was read from writes it.
    pub(crate) fn write(&self, value: i64, min_digits: usize, out: &mut String) {
        let mut ascii = [b'0'; MAX_DIGITS];
        let mut rest = value.unsigned_abs();
        let mut len = 0;
        for slot in ascii.iter_mut().rev() {
            *slot = b'0' + (rest % 10) as u8;
            rest /= 10;
            len += 1;
            if rest == 0 {
                break;
            }
        }
        let start = MAX_DIGITS - len.max(min_digits).min(MAX_DIGITS);
        if let Some(digits) = ascii.get(start..) {
            self.write_digits(value < 0, digits, out);
        }
    }

    /// The ASCII `digits` (most significant first, at most [`MAX_DIGITS`]) written with the
    /// sign, the locale's digits and separators.
    fn write_digits(&self, negative: bool, digits: &[u8], out: &mut String) {
        if negative {
            out.push_str(&self.minus_prefix);
        }
        let groups = digits
            .len()
            .checked_sub(1)
            .and_then(|last| self.groups.get(last))
            .copied()
            .unwrap_or(0);
        let mut magnitude = digits.len();
        for &digit in digits {
            magnitude -= 1;
            out.push(self.digit(digit).unwrap_or('0'));
            if groups & (1 << magnitude) != 0 {
                out.push_str(&self.separator);
            }
        }
        if negative {
            out.push_str(&self.minus_suffix);
        }
    }

    /// [`IntegerFormat::write_digits`] to a new string (`None` if a probe had too many digits).
    fn written(&self, negative: bool, digits: &[u8]) -> Option<String> {
        (digits.len() <= MAX_DIGITS).then(|| {
            let mut out = String::new();
            self.write_digits(negative, digits, &mut out);
            out
        })
    }

    /// The locale's character for the ASCII digit `ascii`.
    fn digit(&self, ascii: u8) -> Option<char> {
        self.digits
            .get(usize::from(ascii.checked_sub(b'0')?))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use fixed_decimal::Decimal;
    use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
    use icu_decimal::DecimalFormatter;
    use proptest::prelude::*;
    use writeable::Writeable;

    use super::{IntegerFormat, MAX_DIGITS};

    /// Every shipped locale (`locales/`), and others whose digits, signs or grouping differ:
    /// Arabic-Indic and Persian digits, Bengali and Devanagari digits with Indian grouping
    /// (en-IN: 1,00,000), grouping only from five digits (es, pl, pt-PT), an apostrophe
    /// (de-CH), a minus sign with bidi marks (ar, he, fa), Swedish's U+2212 minus.
    fn locales() -> Vec<String> {
        let shipped = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/locales"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned());
        let others = [
            "ar-EG",
            "ar-SA",
            "fa",
            "bn",
            "hi-IN-u-nu-deva",
            "mr",
            "ne",
            "en-IN",
            "pl",
            "pt-PT",
            "de-CH",
            "he",
            "sv",
            "fi",
            "my",
            "th-u-nu-thai",
            "und",
        ];
        shipped
            .chain(others.iter().map(|tag| (*tag).to_owned()))
            .collect()
    }

    /// For each locale, ICU4X's formatter grouped and not, and what we read off it.
    fn formats() -> Vec<(String, DecimalFormatter, IntegerFormat)> {
        let mut formats = Vec::new();
        for tag in locales() {
            let locale: icu_locale_core::Locale = tag.parse().unwrap();
            for grouping in [GroupingStrategy::Auto, GroupingStrategy::Never] {
                let icu = DecimalFormatter::try_new(
                    (&locale).into(),
                    DecimalFormatterOptions::from(grouping),
                )
                .unwrap();
                let ours = IntegerFormat::read(&icu)
                    .unwrap_or_else(|| panic!("{tag}: ICU4X's integers could not be read"));
                formats.push((format!("{tag} {grouping:?}"), icu, ours));
            }
        }
        formats
    }

    /// ICU4X's text of `value` padded to `min_digits`, and ours.
    #[track_caller]
    fn check(formats: &[(String, DecimalFormatter, IntegerFormat)], value: i64, min: usize) {
        for (name, icu, ours) in formats {
            let mut decimal = Decimal::from(value);
            decimal.absolute.pad_start(min as i16);
            let expected = icu.format(&decimal).write_to_string().into_owned();
            let mut written = String::from("x"); // appended to, not overwritten
            ours.write(value, min, &mut written);
            assert_eq!(
                written,
                format!("x{expected}"),
                "{name}: {value}, {min} digits"
            );
        }
    }

    #[test]
    fn integers_are_written_as_icu4x_writes_them() {
        let formats = formats();
        let mut values = vec![0, 1, -1, 9, -9, i64::MAX, i64::MIN, i64::MIN + 1];
        for power in (0..19).map(|exponent| 10i64.pow(exponent)) {
            values.extend([power - 1, power, power + 1, -power, power + power / 5]);
        }
        values.extend([9_007_199_254_740_991, -9_007_199_254_740_991, 1_234_567_890]);
        for value in values {
            for min in [0, 1, 2, 5, 17, MAX_DIGITS] {
                check(&formats, value, min);
            }
        }
    }

    /// What `Intl.NumberFormat` writes (Node 20, ICU 78, CLDR 48) in a few of [`locales`]
    /// whose digits, grouping or minus sign differ from English, through the table read off
    /// ICU4X: the locales exercise what they should.
    #[test]
    fn other_digits_groupings_and_signs() {
        let written = |tag: &str, value: i64| {
            let locale: icu_locale_core::Locale = tag.parse().unwrap();
            let icu = DecimalFormatter::try_new((&locale).into(), Default::default()).unwrap();
            let mut out = String::new();
            IntegerFormat::read(&icu).unwrap().write(value, 1, &mut out);
            out
        };
        assert_eq!(
            written("ar-EG", -1234),
            "\u{61c}-\u{661}\u{66c}\u{662}\u{663}\u{664}"
        );
        assert_eq!(written("en-IN", 1234567), "12,34,567");
        assert_eq!(written("es", 1000), "1000");
        assert_eq!(written("es", 10000), "10.000");
        assert_eq!(written("pl", 10000), "10\u{a0}000");
        assert_eq!(written("fr", 1000), "1\u{202f}000");
        assert_eq!(written("de-CH", 1234), "1'234");
        assert_eq!(written("sv", -5), "\u{2212}5");
        assert_eq!(
            written("hi-IN-u-nu-deva", 123456),
            "\u{967},\u{968}\u{969},\u{96a}\u{96b}\u{96c}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn any_integer_is_written_as_icu4x_writes_it(
            value in prop_oneof![any::<i64>(), -100_000i64..100_000, -(1i64 << 53)..(1i64 << 53)],
            min in 0..=MAX_DIGITS,
        ) {
            check(&FORMATS, value, min);
        }
    }

    static FORMATS: once_cell::sync::Lazy<Vec<(String, DecimalFormatter, IntegerFormat)>> =
        once_cell::sync::Lazy::new(formats);
}
