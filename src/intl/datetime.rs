//! Date-times: the argument type [`DateTime`] and `DATETIME()`, formatted with ICU4X's field
//! sets in UTC.

use std::borrow::Cow;
use std::time::{SystemTime, UNIX_EPOCH};

use fluent_bundle::types::FluentType;
use fluent_bundle::{FluentArgs, FluentValue};
use icu_calendar::cal::Gregorian;
use icu_datetime::fieldsets::builder::{DateFields, FieldSetBuilder};
use icu_datetime::fieldsets::enums::CompositeDateTimeFieldSet;
use icu_datetime::input::UtcOffset;
use icu_datetime::options::{Length, TimePrecision, YearStyle};
use icu_datetime::FixedCalendarDateTimeFormatter;
use intl_memoizer::concurrent::IntlLangMemoizer;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::intl::{report, Unsupported};

/// The range ICU4X's ISO calendar and fluent.js agree on: years 1 to 9999, in milliseconds.
const MIN_MILLIS: i64 = -62_135_596_800_000;
const MAX_MILLIS: i64 = 253_402_300_799_999;

/// A point in time, as a message argument: written in the locale's date format, in UTC.
///
/// `{ $d }` writes the date with numeric year, month and day (what fluent.js writes with no
/// options); `DATETIME($d, ...)` takes fluent.js's options: `dateStyle` (`short`, `medium`,
/// `long`, `full`), `timeStyle` (`short`, `medium`), and the components `year: "numeric"`,
/// `month` (`numeric`, `short`, `long`), `day: "numeric"`, `weekday: "long"` with a full date,
/// `hour`, `minute` and `second: "numeric"`. Other options (`era`, `hour12`, `timeZoneName`,
/// `fractionalSecondDigits`, `dayPeriod`, the `long` and `full` time styles, which name a time
/// zone) make the message fail with [`Error::Format`](crate::Error::Format) naming the option.
/// Times beyond the years 1 to 9999 are clamped to them.
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Date {
    /// `dateStyle`, with the weekday for `full`.
    Style(Length, bool),
    /// Year, month and day from components: the length picks the month's form.
    Components(Length, bool),
}

impl Options {
    /// Reads fluent.js's options; the first one ICU4X's field sets cannot express is an error.
    fn read(named: &FluentArgs) -> Result<Options, Unsupported> {
        let mut options = Options::default();
        let (mut year, mut month, mut day, mut weekday) = (false, None, false, false);
        let (mut hour, mut minute, mut second) = (false, false, false);
        for (name, value) in named.iter() {
            let FluentValue::String(value) = value else {
                return Err(unsupported(name, "a number"));
            };
            let value = value.as_ref();
            match (name, value) {
                ("dateStyle", "short") => options.date = Some(Date::Style(Length::Short, false)),
                ("dateStyle", "medium") => options.date = Some(Date::Style(Length::Medium, false)),
                ("dateStyle", "long") => options.date = Some(Date::Style(Length::Long, false)),
                ("dateStyle", "full") => options.date = Some(Date::Style(Length::Long, true)),
                ("timeStyle", "short") => options.time = Some(TimePrecision::Minute),
                ("timeStyle", "medium") => options.time = Some(TimePrecision::Second),
                ("year", "numeric") => year = true,
                ("month", "numeric") => month = Some(Length::Short),
                ("month", "short") => month = Some(Length::Medium),
                ("month", "long") => month = Some(Length::Long),
                ("day", "numeric") => day = true,
                ("weekday", "long") => weekday = true,
                ("hour", "numeric") => hour = true,
                ("minute", "numeric") => minute = true,
                ("second", "numeric") => second = true,
                _ => return Err(unsupported(name, value)),
            }
        }
        let components = year || month.is_some() || day || weekday;
        if components {
            let (true, Some(length), true) = (year, month, day) else {
                return Err(Unsupported::DateTime(
                    "a date without all of year, month and day".to_owned(),
                ));
            };
            if weekday && length != Length::Long {
                return Err(Unsupported::DateTime(
                    "a weekday without the long month".to_owned(),
                ));
            }
            if options.date.is_some() {
                return Err(Unsupported::DateTime(
                    "dateStyle with components".to_owned(),
                ));
            }
            options.date = Some(Date::Components(length, weekday));
        }
        if hour || minute || second {
            if !(hour && minute) || options.time.is_some() {
                return Err(Unsupported::DateTime(
                    "a time without hour and minute".to_owned(),
                ));
            }
            options.time = Some(if second {
                TimePrecision::Second
            } else {
                TimePrecision::Minute
            });
        }
        Ok(options)
    }

    /// ICU4X's field set for these options.
    fn field_set(self) -> Result<CompositeDateTimeFieldSet, Unsupported> {
        let mut builder = FieldSetBuilder::new();
        match self.date {
            // fluent.js's default: numeric year, month and day.
            None if self.time.is_none() => {
                builder.length = Some(Length::Short);
                builder.date_fields = Some(DateFields::YMD);
                builder.year_style = Some(YearStyle::Full);
            }
            None => {}
            Some(Date::Style(length, weekday)) => {
                builder.length = Some(length);
                builder.date_fields = Some(date_fields(weekday));
            }
            Some(Date::Components(length, weekday)) => {
                builder.length = Some(length);
                builder.date_fields = Some(date_fields(weekday));
                builder.year_style = Some(YearStyle::Full);
            }
        }
        builder.time_precision = self.time;
        if builder.length.is_none() {
            builder.length = Some(Length::Medium);
        }
        builder
            .build_composite_datetime()
            .map_err(|error| Unsupported::DateTime(format!("these options ({error})")))
    }
}

fn unsupported(name: &str, value: &str) -> Unsupported {
    Unsupported::DateTime(format!("the option {name}: {value:?}"))
}

/// A locale's formatter for one set of `DATETIME` options, built once per locale and options.
pub(crate) struct DateTimeFormat(
    FixedCalendarDateTimeFormatter<Gregorian, CompositeDateTimeFieldSet>,
);

impl Memoizable for DateTimeFormat {
    type Args = (Options,);
    type Error = Unsupported;

    fn construct(lang: LanguageIdentifier, (options,): (Options,)) -> Result<Self, Unsupported> {
        let locale = crate::intl::icu_locale(&lang);
        FixedCalendarDateTimeFormatter::try_new((&locale).into(), options.field_set()?)
            .map(DateTimeFormat)
            .map_err(|error| Unsupported::DateTime(format!("in this locale ({error})")))
    }
}

impl DateTime {
    fn format(&self, intls: &IntlLangMemoizer) -> Cow<'static, str> {
        let zoned = icu_datetime::input::ZonedDateTime::from_epoch_milliseconds_and_utc_offset(
            self.millis,
            UtcOffset::zero(),
        );
        let input = icu_datetime::input::DateTime {
            date: zoned.date.to_calendar(Gregorian),
            time: zoned.time,
        };
        let formatted = intls.with_try_get::<DateTimeFormat, _, _>((self.options,), |format| {
            format.0.format(&input).to_string()
        });
        match formatted {
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
        return FluentValue::Error;
    };
    match Options::read(named) {
        Ok(options) => time.options = options,
        Err(problem) => report(problem),
    }
    FluentValue::Custom(Box::new(time))
}

/// Year, month and day, with the weekday where the message asks for it.
fn date_fields(weekday: bool) -> DateFields {
    if weekday {
        DateFields::YMDE
    } else {
        DateFields::YMD
    }
}
