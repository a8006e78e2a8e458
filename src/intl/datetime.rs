//! Date-times: the argument type [`DateTime`] and `DATETIME()`, formatted with ICU4X's field
//! sets in UTC.

use std::borrow::Cow;
use std::time::{SystemTime, UNIX_EPOCH};

use fluent_bundle::types::FluentType;
use fluent_bundle::{FluentArgs, FluentValue};
use icu_calendar::cal::Gregorian;
use icu_datetime::fieldsets::builder::{DateFields, FieldSetBuilder};
use icu_datetime::fieldsets::enums::CompositeFieldSet;
use icu_datetime::fieldsets::zone;
use icu_datetime::input::{TimeZoneInfo, UtcOffset};
use icu_datetime::options::{Length, SubsecondDigits, TimePrecision, YearStyle};
use icu_datetime::unchecked::DateTimeInputUnchecked;
use icu_datetime::{DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter};
use icu_locale_core::preferences::extensions::unicode::keywords::HourCycle;
use intl_memoizer::concurrent::IntlLangMemoizer;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;
use writeable::TryWriteable;

use crate::intl::{report, Unsupported};

/// The range ICU4X's ISO calendar and fluent.js agree on: years 1 to 9999, in milliseconds.
const MIN_MILLIS: i64 = -62_135_596_800_000;
const MAX_MILLIS: i64 = 253_402_300_799_999;

/// A point in time, as a message argument: written in the locale's date format, in UTC.
///
/// `{ $d }` writes the date with numeric year, month and day (what fluent.js writes with no
/// options); `DATETIME($d, ...)` takes fluent.js's options as far as ICU4X's field sets write
/// them:
///
/// - `dateStyle`: `short`, `medium`, `long`, `full` (with the weekday); `timeStyle`: `short`,
///   `medium` (with seconds), `long` and `full` (with seconds and the zone's short or long
///   name, `UTC` or `Coordinated Universal Time`; `full` needs the feature `long-zone-names`).
/// - Instead of `dateStyle`, the components `year: "numeric"`, `month` (`numeric`, `short`,
///   `long`), `day: "numeric"` and `weekday` (`short`, `long`), in the combinations ICU4X has:
///   day; month and day; year, month and day; each of these with the weekday; the weekday,
///   the month or the year alone; year and month. The month's form picks the length of the
///   locale's pattern (a numeric, abbreviated or spelt-out month), and the weekday must fit
///   it: `long` with a long month, `short` with a numeric or short one. `era: "short"` adds
///   the era to a date with a year.
/// - Instead of `timeStyle`: `hour: "numeric"` alone, with `minute`, or with `minute` and
///   `second` (`numeric` or `2-digit`, both written in two digits), and then
///   `fractionalSecondDigits` 1 to 3.
/// - `hour12`: `"true"` for the locale's 12-hour clock (`0:00` to `11:59` in Japanese, as
///   Intl's), `"false"` for a 24-hour one. A known difference from fluent.js, which hands Intl
///   the string: Intl reads `"false"` as true there, and writes a 12-hour clock.
/// - `timeZoneName`: `short` (`UTC`), `long` (`Coordinated Universal Time`, with the feature
///   `long-zone-names`: ICU4X's long names of every zone are about 2.5 MB of a release
///   binary), `shortOffset` and `shortGeneric` (`GMT+0`), `longOffset` and `longGeneric`
///   (`GMT+00:00`), in the locale's words. The zone is always UTC.
///
/// The locale's patterns are ICU4X's for each set of fields and length, not the ones Intl
/// matches to the exact options: `month: "numeric"` with `day` is `01.07.` in German where
/// Intl writes `1.7.` (`tests/data/fluentjs-intl.json` has both, and `tests/it/intl.rs` the
/// causes of every difference). What ICU4X cannot write fails the message with
/// [`Error::Format`](crate::Error::Format) naming the option or the combination: `dayPeriod`;
/// the `narrow` and `2-digit` forms of year, month, day, weekday and hour; `era` other than
/// `short`; a date without a field set (year and day without the month); a year or month
/// without day beside a time or zone; a time without the hour, or seconds without minutes;
/// `dateStyle` or `timeStyle` beside components or `timeZoneName`; the rare pattern ICU4X
/// 2.4's data cannot fill or fills without the year, in that locale only (Portuguese year
/// with long month; German long date with era and weekday, and German full date before the
/// year 1000, where ICU4X adds the era). Times beyond the years 1 to 9999 are clamped to
/// them; the years 1 to 999 have their era (`July 1, 500 AD`), as ICU4X tells them from
/// recent ones, where Intl writes none.
///
/// # Examples
///
/// ```
/// use api_error_i18n::{Catalog, DateTime, FluentArgs};
///
/// let catalog = Catalog::from_sources("en-US", [
///     ("en-US", "error-1 = Retry after { DATETIME($at, timeStyle: \"short\") }\n"),
///     ("de", "error-1 = Erneut versuchen ab { DATETIME($at, timeStyle: \"short\") }\n"),
/// ])?;
/// let mut args = FluentArgs::new();
/// args.set("at", DateTime::from_unix_seconds(1_700_000_000)); // 2023-11-14 22:13:20 UTC
/// assert_eq!(catalog.message(1, "en", Some(&args)), "Retry after 10:13\u{202f}PM");
/// assert_eq!(catalog.message(1, "de", Some(&args)), "Erneut versuchen ab 22:13");
/// # Ok::<(), api_error_i18n::BuildError>(())
/// ```
///
/// A day of the year without the year, and a 24-hour clock where the locale has a 12-hour one:
///
/// ```
/// use api_error_i18n::{Catalog, DateTime, FluentArgs};
///
/// let source = "error-1 = Quota resets on { DATETIME($at, month: \"long\", day: \"numeric\") } \
///               at { DATETIME($at, hour: \"numeric\", minute: \"numeric\", hour12: \"false\") }\n";
/// let catalog = Catalog::from_sources("en-US", [("en-US", source), ("fr", source)])?;
/// let mut args = FluentArgs::new();
/// args.set("at", DateTime::from_unix_seconds(1_700_000_000)); // 2023-11-14 22:13:20 UTC
/// assert_eq!(catalog.message(1, "en", Some(&args)), "Quota resets on November 14 at 22:13");
/// assert_eq!(catalog.message(1, "fr", Some(&args)), "Quota resets on 14 novembre at 22:13");
/// # Ok::<(), api_error_i18n::BuildError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTime {
    millis: i64,
    options: Options,
}

impl DateTime {
    /// The time `seconds` after 1970-01-01T00:00:00Z (before it, if negative).
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::DateTime;
    ///
    /// assert_eq!(DateTime::from_unix_seconds(90).unix_millis(), 90_000);
    /// ```
    pub fn from_unix_seconds(seconds: i64) -> DateTime {
        DateTime::from_unix_millis(seconds.saturating_mul(1000))
    }

    /// The time `millis` milliseconds after 1970-01-01T00:00:00Z, as fluent.js's dates count.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::DateTime;
    ///
    /// assert_eq!(DateTime::from_unix_millis(-1).unix_millis(), -1);
    /// ```
    pub fn from_unix_millis(millis: i64) -> DateTime {
        DateTime {
            millis: millis.clamp(MIN_MILLIS, MAX_MILLIS),
            options: Options::default(),
        }
    }

    /// Milliseconds since 1970-01-01T00:00:00Z.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::DateTime;
    /// use std::time::{Duration, UNIX_EPOCH};
    ///
    /// let time = UNIX_EPOCH + Duration::from_millis(1_500);
    /// assert_eq!(DateTime::from(time).unix_millis(), 1_500);
    /// ```
    pub fn unix_millis(&self) -> i64 {
        self.millis
    }
}

impl From<SystemTime> for DateTime {
    fn from(time: SystemTime) -> DateTime {
        let millis = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
            Err(before) => {
                i64::try_from(before.duration().as_millis()).map_or(i64::MIN, |millis| -millis)
            }
        };
        DateTime::from_unix_millis(millis)
    }
}

impl From<DateTime> for FluentValue<'_> {
    fn from(time: DateTime) -> Self {
        FluentValue::Custom(Box::new(time))
    }
}

/// `DATETIME` options, as read from a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct Options {
    date: Option<Date>,
    time: Option<TimePrecision>,
    /// `hour12`: a 12-hour clock (`true`) or a 24-hour one (`false`); else the locale's.
    hour12: Option<bool>,
    /// The time zone's name, always UTC's.
    zone: Option<Zone>,
}

/// `timeZoneName`, as ICU4X's zone styles write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Zone {
    /// `short` and `timeStyle: "long"`: `UTC`.
    SpecificShort,
    /// `long` and `timeStyle: "full"`: `Coordinated Universal Time`, with the feature
    /// `long-zone-names` (ICU4X's long names of every zone, megabytes of data).
    SpecificLong,
    /// `shortOffset`, and `shortGeneric`: UTC has no generic name, and Intl writes its
    /// offset there (`GMT+0`), where ICU4X's generic style would write `UTC`.
    OffsetShort,
    /// `longOffset` and `longGeneric`: `GMT+00:00`.
    OffsetLong,
}

/// The date's fields, the length that picks their forms, and how the year is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Date {
    year: bool,
    month: bool,
    day: bool,
    weekday: bool,
    length: Length,
    year_style: Option<YearStyle>,
}

impl Date {
    /// A `dateStyle` date: year, month and day, with the weekday where asked, and the
    /// locale's own way with the year.
    fn style(length: Length, weekday: bool) -> Date {
        Date {
            year: true,
            month: true,
            day: true,
            weekday,
            length,
            year_style: None,
        }
    }

    /// ICU4X's field set of these fields; `None` for a combination it has none for.
    fn fields(self) -> Option<DateFields> {
        match (self.year, self.month, self.day, self.weekday) {
            (false, false, true, false) => Some(DateFields::D),
            (false, true, true, false) => Some(DateFields::MD),
            (true, true, true, false) => Some(DateFields::YMD),
            (false, false, true, true) => Some(DateFields::DE),
            (false, true, true, true) => Some(DateFields::MDE),
            (true, true, true, true) => Some(DateFields::YMDE),
            (false, false, false, true) => Some(DateFields::E),
            (false, true, false, false) => Some(DateFields::M),
            (true, true, false, false) => Some(DateFields::YM),
            (true, false, false, false) => Some(DateFields::Y),
            _ => None,
        }
    }

    /// The fields by their option names, for an error: `year, day and weekday`.
    fn names(self) -> String {
        let names: Vec<&str> = [
            (self.year, "year"),
            (self.month, "month"),
            (self.day, "day"),
            (self.weekday, "weekday"),
        ]
        .into_iter()
        .filter_map(|(present, name)| present.then_some(name))
        .collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => names.concat(),
        }
    }
}

/// The forms of the date components a message asks for, as ICU4X's lengths write them:
/// `Short` writes the month as a number, `Medium` abbreviates it, `Long` spells it out; the
/// weekday is abbreviated up to `Medium` and spelled out at `Long`.
#[derive(Default)]
struct Components {
    year: bool,
    era: bool,
    month: Option<Length>,
    day: bool,
    /// `true` for the long weekday, `false` for the short one.
    weekday: Option<bool>,
    hour: bool,
    minute: bool,
    second: bool,
    fraction: Option<SubsecondDigits>,
}

impl Components {
    /// The first component option set, by name.
    fn first(&self) -> Option<&'static str> {
        [
            (self.year, "year"),
            (self.era, "era"),
            (self.month.is_some(), "month"),
            (self.day, "day"),
            (self.weekday.is_some(), "weekday"),
            (self.hour, "hour"),
            (self.minute, "minute"),
            (self.second, "second"),
            (self.fraction.is_some(), "fractionalSecondDigits"),
        ]
        .into_iter()
        .find_map(|(present, name)| present.then_some(name))
    }

    /// The date these components ask for; an error for a combination or forms that no field
    /// set writes.
    fn date(&self) -> Result<Option<Date>, Unsupported> {
        if !(self.year || self.month.is_some() || self.day || self.weekday.is_some()) {
            if self.era {
                return Err(combination("era without year"));
            }
            return Ok(None);
        }
        let mut date = Date {
            year: self.year,
            month: self.month.is_some(),
            day: self.day,
            weekday: self.weekday.is_some(),
            length: Length::Medium,
            year_style: self.year.then_some(YearStyle::Full),
        };
        if date.fields().is_none() {
            return Err(combination(&format!(
                "{} (ICU4X's field sets have no such date)",
                date.names()
            )));
        }
        date.length = match (self.month, self.weekday) {
            (Some(Length::Long), Some(false)) => {
                return Err(combination("weekday: \"short\" with month: \"long\""))
            }
            (Some(Length::Short | Length::Medium), Some(true)) => {
                return Err(combination(
                    "weekday: \"long\" with a numeric or short month",
                ))
            }
            (Some(length), _) => length,
            (None, Some(true)) => Length::Long,
            (None, _) => Length::Medium,
        };
        if self.era {
            if !self.year {
                return Err(combination("era without year"));
            }
            date.year_style = Some(YearStyle::WithEra);
        }
        Ok(Some(date))
    }

    /// The time these components ask for; an error for a combination no field set writes.
    fn time(&self) -> Result<Option<TimePrecision>, Unsupported> {
        let precision = match (self.hour, self.minute, self.second, self.fraction) {
            (false, false, false, None) => return Ok(None),
            (true, false, false, None) => TimePrecision::Hour,
            (true, true, false, None) => TimePrecision::Minute,
            (true, true, true, None) => TimePrecision::Second,
            (true, true, true, Some(digits)) => TimePrecision::Subsecond(digits),
            (_, _, _, Some(_)) => {
                return Err(combination(
                    "fractionalSecondDigits without hour, minute and second",
                ))
            }
            _ => {
                return Err(combination(
                    "a time without hour, or seconds without minutes (ICU4X's field sets have no such time)",
                ))
            }
        };
        Ok(Some(precision))
    }
}

impl Options {
    /// Reads fluent.js's options; the first one ICU4X's field sets cannot express is an error.
    fn read(named: &FluentArgs) -> Result<Options, Unsupported> {
        let mut options = Options::default();
        let mut components = Components::default();
        let (mut date_style, mut time_style, mut style_zone) = (None, None, None);
        for (name, value) in named.iter() {
            if name == "fractionalSecondDigits" {
                components.fraction = Some(subsecond_digits(value)?);
                continue;
            }
            let FluentValue::String(value) = value else {
                return Err(unsupported(name, "a number"));
            };
            let value = value.as_ref();
            match (name, value) {
                ("dateStyle", "short") => date_style = Some(Date::style(Length::Short, false)),
                ("dateStyle", "medium") => date_style = Some(Date::style(Length::Medium, false)),
                ("dateStyle", "long") => date_style = Some(Date::style(Length::Long, false)),
                ("dateStyle", "full") => date_style = Some(Date::style(Length::Long, true)),
                ("timeStyle", "short") => time_style = Some(TimePrecision::Minute),
                ("timeStyle", "medium") => time_style = Some(TimePrecision::Second),
                // The long and full time styles name the zone; the seconds as in medium.
                ("timeStyle", "long") => {
                    time_style = Some(TimePrecision::Second);
                    style_zone = Some(Zone::SpecificShort);
                }
                ("timeStyle", "full") => {
                    time_style = Some(TimePrecision::Second);
                    style_zone = Some(Zone::SpecificLong);
                }
                ("timeZoneName", "short") => options.zone = Some(Zone::SpecificShort),
                ("timeZoneName", "long") => options.zone = Some(Zone::SpecificLong),
                ("timeZoneName", "shortOffset" | "shortGeneric") => {
                    options.zone = Some(Zone::OffsetShort)
                }
                ("timeZoneName", "longOffset" | "longGeneric") => {
                    options.zone = Some(Zone::OffsetLong)
                }
                ("year", "numeric") => components.year = true,
                ("era", "short") => components.era = true,
                ("month", "numeric") => components.month = Some(Length::Short),
                ("month", "short") => components.month = Some(Length::Medium),
                ("month", "long") => components.month = Some(Length::Long),
                ("day", "numeric") => components.day = true,
                ("weekday", "long") => components.weekday = Some(true),
                ("weekday", "short") => components.weekday = Some(false),
                ("hour", "numeric") => components.hour = true,
                // ICU4X's time patterns write minutes and seconds in two digits whatever is
                // asked: `2-digit` reads as `numeric`.
                ("minute", "numeric" | "2-digit") => components.minute = true,
                ("second", "numeric" | "2-digit") => components.second = true,
                // The string's meaning; fluent.js hands Intl the string, which reads any
                // non-empty one as true.
                ("hour12", "true") => options.hour12 = Some(true),
                ("hour12", "false") => options.hour12 = Some(false),
                _ => return Err(unsupported(name, value)),
            }
        }
        // Intl refuses a style beside any component ("Can't set option hour when dateStyle
        // is used"), a date style beside time components too.
        if let (true, Some(name)) = (
            date_style.is_some() || time_style.is_some(),
            components.first(),
        ) {
            return Err(combination(&format!(
                "dateStyle or timeStyle beside the component {name}"
            )));
        }
        // A style comes without components (refused above), so at most one of each is set.
        options.date = date_style.or(components.date()?);
        options.time = time_style.or(components.time()?);
        if (date_style.is_some() || time_style.is_some()) && options.zone.is_some() {
            return Err(combination("timeZoneName with dateStyle or timeStyle"));
        }
        options.zone = options.zone.or(style_zone);
        let period = options.date.is_some_and(|date| !date.day && !date.weekday);
        if period && (options.time.is_some() || options.zone.is_some()) {
            return Err(combination(
                "a year or month without day beside a time or time zone (ICU4X's field sets have none)",
            ));
        }
        Ok(options)
    }

    /// ICU4X's field-set builder for these options, but for the zone.
    fn builder(self) -> FieldSetBuilder {
        let mut builder = FieldSetBuilder::new();
        match self.date {
            // fluent.js's default: numeric year, month and day.
            None if self.time.is_none() => {
                builder.length = Some(Length::Short);
                builder.date_fields = Some(DateFields::YMD);
                builder.year_style = Some(YearStyle::Full);
            }
            None => {}
            Some(date) => {
                builder.length = Some(date.length);
                builder.date_fields = date.fields();
                builder.year_style = date.year_style;
            }
        }
        builder.time_precision = self.time;
        if builder.length.is_none() {
            builder.length = Some(Length::Medium);
        }
        builder
    }

    /// ICU4X's formatter for these options in a locale. With a zone, the field set is built
    /// with the zone style's own type, not the enum of all styles: compiled data is linked
    /// per type, and the enum would pull every zone name ICU4X has (locations, exemplar
    /// cities, generic names: megabytes) into every binary.
    fn formatter(self, locale: &icu_locale_core::Locale) -> Result<Formatter, Unsupported> {
        let preferences = self.preferences(locale);
        let builder = self.builder();
        let built = |error| Unsupported::DateTime(format!("these options ({error})"));
        let loaded = |error| Unsupported::DateTime(format!("in this locale ({error})"));
        /// The formatter of a field set with this zone type, as the composite one.
        macro_rules! zoned {
            ($zone:expr) => {
                match (
                    builder.date_fields.is_some(),
                    builder.time_precision.is_some(),
                ) {
                    (true, false) => FixedCalendarDateTimeFormatter::try_new(
                        preferences,
                        builder.build_date().map_err(built)?.with_zone($zone),
                    )
                    .map(FixedCalendarDateTimeFormatter::cast_into_fset),
                    (false, _) => FixedCalendarDateTimeFormatter::try_new(
                        preferences,
                        builder.build_time().map_err(built)?.with_zone($zone),
                    )
                    .map(FixedCalendarDateTimeFormatter::cast_into_fset),
                    (true, true) => FixedCalendarDateTimeFormatter::try_new(
                        preferences,
                        builder
                            .build_date_and_time()
                            .map_err(built)?
                            .with_zone($zone),
                    )
                    .map(FixedCalendarDateTimeFormatter::cast_into_fset),
                }
            };
        }
        match self.zone {
            None => FixedCalendarDateTimeFormatter::try_new(
                preferences,
                builder.build_composite_datetime().map_err(built)?,
            )
            .map(FixedCalendarDateTimeFormatter::cast_into_fset),
            Some(Zone::SpecificShort) => zoned!(zone::SpecificShort),
            #[cfg(feature = "long-zone-names")]
            Some(Zone::SpecificLong) => zoned!(zone::SpecificLong),
            #[cfg(not(feature = "long-zone-names"))]
            Some(Zone::SpecificLong) => return Err(Unsupported::DateTime(
                "the long zone name (timeZoneName: \"long\", timeStyle: \"full\") without the feature `long-zone-names`".to_owned(),
            )),
            Some(Zone::OffsetShort) => zoned!(zone::LocalizedOffsetShort),
            Some(Zone::OffsetLong) => zoned!(zone::LocalizedOffsetLong),
        }
        .map_err(loaded)
    }

    /// ICU4X's preferences for a locale with these options: the hour cycle of `hour12`.
    fn preferences(self, locale: &icu_locale_core::Locale) -> DateTimeFormatterPreferences {
        let mut preferences = DateTimeFormatterPreferences::from(locale);
        preferences.hour_cycle = match self.hour12 {
            None => None,
            Some(false) => Some(HourCycle::Clock24),
            // Japan's 12-hour clock counts 0 to 11 (`午前0:00`): ICU4X picks it for the region
            // JP, which a bare `ja` implies.
            Some(true) if japanese(locale) => Some(HourCycle::H11),
            Some(true) => Some(HourCycle::Clock12),
        };
        preferences
    }
}

/// Whether the locale is Japan's, by its region or, without one, by its language.
fn japanese(locale: &icu_locale_core::Locale) -> bool {
    match locale.id.region {
        Some(region) => region.as_str() == "JP",
        None => locale.id.language.as_str() == "ja",
    }
}

/// `fractionalSecondDigits`: 1 to 3, as Intl takes it, from a number or a string.
fn subsecond_digits(value: &FluentValue) -> Result<SubsecondDigits, Unsupported> {
    let digits = match value {
        FluentValue::Number(number) => Some(number.value),
        FluentValue::String(text) => text.parse::<f64>().ok(),
        _ => None,
    };
    match digits {
        Some(1.0) => Ok(SubsecondDigits::S1),
        Some(2.0) => Ok(SubsecondDigits::S2),
        Some(3.0) => Ok(SubsecondDigits::S3),
        _ => Err(Unsupported::DateTime(
            "the option fractionalSecondDigits other than 1, 2 or 3".to_owned(),
        )),
    }
}

fn combination(what: &str) -> Unsupported {
    Unsupported::DateTime(what.to_owned())
}

fn unsupported(name: &str, value: &str) -> Unsupported {
    Unsupported::DateTime(format!("the option {name}: {value:?}"))
}

/// ICU4X's formatter of any field set, as this module builds and uses them.
type Formatter = FixedCalendarDateTimeFormatter<Gregorian, CompositeFieldSet>;

/// A locale's formatter for one set of `DATETIME` options, built once per locale and options.
pub(crate) struct DateTimeFormat {
    format: Formatter,
    /// Whether the options name the zone: only then does the input carry it.
    zoned: bool,
    /// Per class of years ([`year_class`]), why ICU4X's pattern for them cannot be written.
    refused: [Option<Unsupported>; 3],
}

/// The start of the years 1000, 1950 and 2050, in milliseconds.
const YEAR_1000: i64 = -30_610_224_000_000;
const YEAR_1950: i64 = -631_152_000_000;
const YEAR_2050: i64 = 2_524_608_000_000;

/// ICU4X picks a date's pattern by the year's class (`YearAmbiguity` in icu_calendar's
/// Gregorian): 1 to 999 (with the era), 1000 to 1949 and from 2050 (with the century),
/// 1950 to 2049. One sample of each: 1970, the year 1, 9999 at 23:59:59.999.
const YEAR_SAMPLES: [i64; 3] = [0, MIN_MILLIS, MAX_MILLIS];

/// The index in [`YEAR_SAMPLES`] of the sample whose year has the class of `millis`'s.
fn year_class(millis: i64) -> usize {
    if (YEAR_1950..YEAR_2050).contains(&millis) {
        0
    } else if millis < YEAR_1000 {
        1
    } else {
        2
    }
}

impl Memoizable for DateTimeFormat {
    type Args = (Options,);
    type Error = Unsupported;

    fn construct(lang: LanguageIdentifier, (options,): (Options,)) -> Result<Self, Unsupported> {
        let locale = crate::intl::icu_locale(&lang);
        match DateTimeFormat::new(&locale, options) {
            // ICU4X 2.4 cannot write the weekday with the hour alone in 24-hour locales (de,
            // fr, ja, ...): that pattern has an AM/PM whose names it did not load. With the
            // 24-hour clock asked for, it writes the locale's own (`Mo, 11 Uhr`, as Intl).
            Err(problem)
                if options.hour12.is_none()
                    && options.time.is_some()
                    && twenty_four_hours(&locale) =>
            {
                let clock = Options {
                    hour12: Some(false),
                    ..options
                };
                DateTimeFormat::new(&locale, clock).map_err(|_| problem)
            }
            built => built,
        }
    }
}

/// Whether the locale's own clock counts 0 to 23: its hour pattern has `H`.
fn twenty_four_hours(locale: &icu_locale_core::Locale) -> bool {
    let hour = Options {
        time: Some(TimePrecision::Hour),
        ..Options::default()
    };
    DateTimeFormat::new(locale, hour).is_ok_and(|format| {
        let pattern = format
            .format
            .format_unchecked(format.input(0))
            .pattern()
            .to_string();
        has_field(&pattern, 'H')
    })
}

impl DateTimeFormat {
    /// The formatter for these options in a locale, each class of years tried on a sample.
    fn new(locale: &icu_locale_core::Locale, options: Options) -> Result<Self, Unsupported> {
        let mut format = DateTimeFormat {
            format: options.formatter(locale)?,
            zoned: options.zone.is_some(),
            refused: [None, None, None],
        };
        // ICU4X 2.4's data has a few patterns that cannot be written (pt's long year and
        // month) or that lost their year to a quoted `'Y'` (de's long date with era and
        // weekday, pt's long year and month with era, de's full date before the year 1000):
        // each class of years tried once on a sample, refused here rather than written wrong.
        let asks_year = options.date.is_some_and(|date| date.year)
            || options.date.is_none() && options.time.is_none();
        let refused = YEAR_SAMPLES.map(|millis| format.check(millis, asks_year).err());
        if let [Some(problem), Some(_), Some(_)] = &refused {
            return Err(problem.clone());
        }
        format.refused = refused;
        Ok(format)
    }

    /// ICU4X's input for the time `millis` in UTC: every field this field set reads.
    fn input(&self, millis: i64) -> DateTimeInputUnchecked {
        let zoned = icu_datetime::input::ZonedDateTime::from_epoch_milliseconds_and_utc_offset(
            millis,
            UtcOffset::zero(),
        );
        let date_time = icu_datetime::input::DateTime {
            date: zoned.date.to_calendar(Gregorian),
            time: zoned.time,
        };
        let mut input = DateTimeInputUnchecked::default();
        input.set_date_fields_unchecked(date_time.date);
        input.set_time_fields(date_time.time);
        if self.zoned {
            input.set_time_zone_info_at_time_fields(TimeZoneInfo::utc().at_date_time(date_time));
        }
        input
    }

    /// Whether the pattern for the sample `millis` writes the year where asked, and can be
    /// written.
    fn check(&self, millis: i64, asks_year: bool) -> Result<String, Unsupported> {
        let sample = self.input(millis);
        let pattern = self.format.format_unchecked(sample).pattern().to_string();
        if asks_year && !has_field(&pattern, 'y') {
            return Err(Unsupported::DateTime(format!(
                "these options in this locale (ICU4X's pattern `{pattern}` has no year)"
            )));
        }
        self.write(sample)
    }

    /// The text for the time `millis`, or why its class of years cannot be written.
    fn text(&self, millis: i64) -> Result<String, Unsupported> {
        if let Some(Some(problem)) = self.refused.get(year_class(millis)) {
            return Err(problem.clone());
        }
        self.write(self.input(millis))
    }

    /// The formatted text, or what ICU4X's data cannot write. The checked `format`
    /// debug-asserts there; the unchecked one reports it, and the input has every field.
    fn write(&self, input: DateTimeInputUnchecked) -> Result<String, Unsupported> {
        self.format
            .format_unchecked(input)
            .try_write_to_string()
            .map(Cow::into_owned)
            .map_err(|(error, _partial)| {
                Unsupported::DateTime(format!("these options in this locale ({error:?})"))
            })
    }
}

/// Whether a UTS #35 pattern has the field `symbol` outside its quoted literal text.
fn has_field(pattern: &str, symbol: char) -> bool {
    let mut quoted = false;
    pattern.chars().any(|c| {
        if c == '\'' {
            quoted = !quoted;
        }
        !quoted && c == symbol
    })
}

impl DateTime {
    fn format(&self, intls: &IntlLangMemoizer) -> Cow<'static, str> {
        let formatted = intls.with_try_get::<DateTimeFormat, _, _>((self.options,), |format| {
            format.text(self.millis)
        });
        match formatted.and_then(|text| text) {
            Ok(text) => Cow::Owned(text),
            Err(problem) => {
                report(problem);
                Cow::Owned(format!("{}", self.millis))
            }
        }
    }
}

impl FluentType for DateTime {
    fn duplicate(&self) -> Box<dyn FluentType + Send> {
        Box::new(*self)
    }

    fn as_string(&self, _intls: &intl_memoizer::IntlLangMemoizer) -> Cow<'static, str> {
        // Our bundles are the concurrent kind; a user's own single-thread bundle gets the
        // timestamp.
        Cow::Owned(self.millis.to_string())
    }

    fn as_string_threadsafe(&self, intls: &IntlLangMemoizer) -> Cow<'static, str> {
        self.format(intls)
    }
}

/// `DATETIME($d, ...)`: the date-time with these options; a number is read as Unix
/// milliseconds, as fluent.js reads it.
pub(crate) fn function<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    let time = match positional.first() {
        Some(FluentValue::Custom(custom)) => custom.as_any().downcast_ref::<DateTime>().copied(),
        Some(FluentValue::Number(number)) if number.value.is_finite() => {
            Some(DateTime::from_unix_millis(number.value as i64))
        }
        _ => None,
    };
    let Some(mut time) = time else {
        // A variable the caller did not give is fluent's own error (`MissingArgument`).
        if !matches!(positional.first(), Some(FluentValue::Error)) {
            report(Unsupported::DateTime(
                "a value other than a DateTime or a number of milliseconds".to_owned(),
            ));
        }
        return FluentValue::Error;
    };
    match Options::read(named) {
        Ok(options) => time.options = options,
        Err(problem) => report(problem),
    }
    FluentValue::Custom(Box::new(time))
}
