//! [`FieldValue`]: one SuperOffice type-tagged value (`"[I:6]"`), read into a typed value.
//!
//! SuperOffice encodes a non-string value as text with its type in front, the form its
//! `CultureDataFormatter` writes: `[<moniker>:<value>]`. Custom-table (extra table) events
//! such as `y_table.created` send their `FieldValues` this way, and the crate keeps those
//! events as [`Event::Unknown`](super::Event::Unknown); read a member with
//! [`FieldValue::parse`].
//!
//! The monikers, from SuperOffice's `CultureDataFormatter` documentation and the values its
//! webhooks send:
//!
//! | moniker | type | example | read as |
//! |---|---|---|---|
//! | `I` | integer | `[I:6]`, `[I:-1]` | [`FieldValue::Int`] |
//! | `F` | double, decimal | `[F:123.4]` | [`FieldValue::Float`] (a number beyond `f64` is an error) |
//! | `M` | money | `[M:123.45]` | [`FieldValue::Money`], the decimal text |
//! | `DT` | date-time, no zone | `[DT:09/16/2025 14:22:14.0000000]` | [`FieldValue::DateTime`] |
//! | `D` | date | `[D:09.11.2017]` | [`FieldValue::Date`] |
//! | `T` | time of day | `[T:14:52]` | [`FieldValue::Time`] |
//! | `TS` | time span | `[TS:500]` | [`FieldValue::TimeSpan`], the number as sent |
//! | `A` | integer array | `[A:3,4,5]` | [`FieldValue::IntArray`] |
//! | `B` | binary | `[B:...]` | [`FieldValue::Binary`], the text as sent |
//!
//! A date is month/day/year with slashes (`09/16/2025`, as in every `DT` value SuperOffice
//! sends), day.month.year with dots (`09.11.2017`, the documentation's `D` example for
//! 9 November 2017), or year-month-day with dashes (`2019-09-11`). A date-time is a date, then
//! a space (or `T`) and `HH:MM`, `HH:MM:SS` or `HH:MM:SS` with up to seven fractional digits;
//! a date alone is midnight. SuperOffice does not say which zone a date-time is in: it is read
//! as sent, a [`NaiveDateTime`].
//!
//! Strings are not encoded: text that is not of the form `[<letters>:...]` is
//! [`FieldValue::Text`]. A moniker that is not in the table is an error that names it.

use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::error::Escaped;

/// A SuperOffice `FieldValues` value, read from its type-tagged text (see the module docs).
///
/// ```
/// use chat_webhooks::superoffice::FieldValue;
///
/// assert_eq!(FieldValue::parse("[I:-1]")?, FieldValue::Int(-1));
/// let FieldValue::DateTime(at) = FieldValue::parse("[DT:09/16/2025 14:22:14.0000000]")? else {
///     unreachable!()
/// };
/// assert_eq!(at.to_string(), "2025-09-16 14:22:14");
/// assert_eq!(FieldValue::parse("Goat")?, FieldValue::Text("Goat".into()));
/// let err = FieldValue::parse("[Q:1]").unwrap_err();
/// assert_eq!(err.to_string(), "unknown type tag `Q` in \"[Q:1]\"");
/// # Ok::<(), chat_webhooks::superoffice::FieldValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum FieldValue {
    /// `[I:...]`: an integer.
    Int(i64),
    /// `[F:...]`: a double or a decimal.
    Float(f64),
    /// `[M:...]`: an amount of money, as its decimal text (`"123.45"`), not rounded to a float.
    Money(String),
    /// `[D:...]`: a date.
    Date(NaiveDate),
    /// `[DT:...]`: a date and time of day, in a zone SuperOffice does not name.
    DateTime(NaiveDateTime),
    /// `[T:...]`: a time of day.
    Time(NaiveTime),
    /// `[TS:...]`: a time span, the number as sent (SuperOffice does not document its unit).
    TimeSpan(i64),
    /// `[A:...]`: integers separated by commas.
    IntArray(Vec<i64>),
    /// `[B:...]`: binary data, the text between the colon and the bracket as sent.
    Binary(String),
    /// Text that is not type-tagged: strings are sent as they are.
    Text(String),
}

impl FieldValue {
    /// Reads one `FieldValues` string: a type-tagged value, or plain text.
    pub fn parse(text: &str) -> Result<FieldValue, FieldValueError> {
        let Some((tag, value)) = split_tag(text) else {
            return Ok(FieldValue::Text(text.to_owned()));
        };
        let invalid = |what: &'static str| FieldValueError {
            kind: Kind::Invalid(what),
            text: text.to_owned(),
        };
        Ok(match tag {
            "I" => FieldValue::Int(int(value).ok_or_else(|| invalid("integer"))?),
            "F" => FieldValue::Float(float(value).ok_or_else(|| invalid("number"))?),
            "M" => {
                // Kept as its decimal text, so any number of digits is exact.
                if !is_decimal(value) {
                    return Err(invalid("amount"));
                }
                FieldValue::Money(value.trim().to_owned())
            }
            "D" => FieldValue::Date(date(value.trim()).ok_or_else(|| invalid("date"))?),
            "DT" => {
                FieldValue::DateTime(date_time(value.trim()).ok_or_else(|| invalid("date-time"))?)
            }
            "T" => FieldValue::Time(time(value.trim()).ok_or_else(|| invalid("time"))?),
            "TS" => FieldValue::TimeSpan(int(value).ok_or_else(|| invalid("time span"))?),
            "A" if value.trim().is_empty() => FieldValue::IntArray(Vec::new()),
            "A" => FieldValue::IntArray(
                value
                    .split(',')
                    .map(int)
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| invalid("integer array"))?,
            ),
            "B" => FieldValue::Binary(value.to_owned()),
            _ => {
                return Err(FieldValueError {
                    kind: Kind::UnknownTag(tag.to_owned()),
                    text: text.to_owned(),
                })
            }
        })
    }
}

impl FromStr for FieldValue {
    type Err = FieldValueError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        FieldValue::parse(text)
    }
}

/// `text` as `[<letters>:<value>]`: (letters, value). `None` for plain text.
fn split_tag(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    let (tag, value) = inner.split_once(':')?;
    (!tag.is_empty() && tag.bytes().all(|b| b.is_ascii_alphabetic())).then_some((tag, value))
}

fn int(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

/// Whether `text` is a decimal number: digits with an optional sign and fraction (no
/// exponent, no `inf`/`NaN`).
fn is_decimal(text: &str) -> bool {
    let text = text.trim();
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    !(whole.is_empty() && fraction.is_empty())
        && whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
}

/// A decimal number (see [`is_decimal`]) that a finite `f64` holds: one too large for it
/// (`1` and 400 zeros) is an error, not infinity.
fn float(text: &str) -> Option<f64> {
    if !is_decimal(text) {
        return None;
    }
    text.trim()
        .parse()
        .ok()
        .filter(|value: &f64| value.is_finite())
}

/// `MM/DD/YYYY`, `DD.MM.YYYY` or `YYYY-MM-DD`.
fn date(text: &str) -> Option<NaiveDate> {
    let number = |part: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let parts = |separator: char| {
        let mut parts = text.split(separator);
        let found = (parts.next()?, parts.next()?, parts.next()?);
        parts.next().is_none().then_some(found)
    };
    let (year, month, day) = if let Some((month, day, year)) = parts('/') {
        (year, month, day)
    } else if let Some((day, month, year)) = parts('.') {
        (year, month, day)
    } else {
        parts('-')?
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(number(year, 4..=4)?).ok()?,
        number(month, 1..=2)?,
        number(day, 1..=2)?,
    )
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.f` with one to seven fractional digits.
fn time(text: &str) -> Option<NaiveTime> {
    let two = |part: &str| {
        (matches!(part.len(), 1 | 2) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (clock, fraction) = match text.split_once('.') {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (text, None),
    };
    let mut parts = clock.split(':');
    let hour = two(parts.next()?)?;
    let minute = two(parts.next()?)?;
    let second = parts.next().map(two).unwrap_or(Some(0))?;
    if parts.next().is_some() {
        return None;
    }
    let nanos = match fraction {
        None => 0,
        Some(digits)
            if (1..=7).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) =>
        {
            let scale = 10u32.pow(9 - digits.len() as u32);
            digits.parse::<u32>().ok()? * scale
        }
        Some(_) => return None,
    };
    NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)
}

/// A date, then a space or `T` and a time; a date alone is midnight.
fn date_time(text: &str) -> Option<NaiveDateTime> {
    match text.split_once([' ', 'T']) {
        Some((day, clock)) => Some(date(day)?.and_time(time(clock.trim_start())?)),
        None => Some(date(text)?.and_time(NaiveTime::MIN)),
    }
}

/// Why a `FieldValues` string could not be read: an unknown type tag, or a value that is not
/// what its tag says. The message quotes the text, escaped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} in \"{}\"", Escaped(text))]
pub struct FieldValueError {
    kind: Kind,
    text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum Kind {
    #[error("unknown type tag `{}`", Escaped(.0))]
    UnknownTag(String),
    #[error("invalid {0}")]
    Invalid(&'static str),
}

impl FieldValueError {
    /// The type tag when it is one this crate does not know (`"Q"` for `"[Q:1]"`).
    pub fn unknown_tag(&self) -> Option<&str> {
        match &self.kind {
            Kind::UnknownTag(tag) => Some(tag),
            Kind::Invalid(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32, nanos: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_nano_opt(h, mi, s, nanos)
            .unwrap()
    }

    #[test]
    fn reads_every_moniker() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for (text, expected) in [
            ("[I:6]", FieldValue::Int(6)),
            ("[I:-1]", FieldValue::Int(-1)),
            ("[F:123.4]", FieldValue::Float(123.4)),
            ("[F:-0.5]", FieldValue::Float(-0.5)),
            ("[F:7]", FieldValue::Float(7.0)),
            ("[M:123.45]", FieldValue::Money("123.45".into())),
            (
                "[DT:09/16/2025 14:22:14.0000000]",
                FieldValue::DateTime(at(2025, 9, 16, 14, 22, 14, 0)),
            ),
            (
                "[DT:01/01/0001 00:00:00.0000000]",
                FieldValue::DateTime(at(1, 1, 1, 0, 0, 0, 0)),
            ),
            (
                "[DT:11/09/2017 14:53:18]",
                FieldValue::DateTime(at(2017, 11, 9, 14, 53, 18, 0)),
            ),
            (
                "[DT:04/28/2024 20:28:37.1234567]",
                FieldValue::DateTime(at(2024, 4, 28, 20, 28, 37, 123_456_700)),
            ),
            (
                "[DT:2019-09-11]",
                FieldValue::DateTime(at(2019, 9, 11, 0, 0, 0, 0)),
            ),
            ("[D:09.11.2017]", FieldValue::Date(date(2017, 11, 9))),
            ("[D:11/09/2017]", FieldValue::Date(date(2017, 11, 9))),
            ("[D:2017-11-09]", FieldValue::Date(date(2017, 11, 9))),
            (
                "[T:14:52]",
                FieldValue::Time(NaiveTime::from_hms_opt(14, 52, 0).unwrap()),
            ),
            ("[TS:500]", FieldValue::TimeSpan(500)),
            ("[A:3,4,5]", FieldValue::IntArray(vec![3, 4, 5])),
            ("[A:]", FieldValue::IntArray(Vec::new())),
            ("[B:X98]", FieldValue::Binary("X98".into())),
            ("Goat", FieldValue::Text("Goat".into())),
            ("", FieldValue::Text(String::new())),
            ("[not a tag]", FieldValue::Text("[not a tag]".into())),
            ("[I:6", FieldValue::Text("[I:6".into())),
            ("[:6]", FieldValue::Text("[:6]".into())),
        ] {
            assert_eq!(FieldValue::parse(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn errors_name_the_tag_or_the_type() {
        let err = FieldValue::parse("[Q:1]").unwrap_err();
        assert_eq!(err.to_string(), "unknown type tag `Q` in \"[Q:1]\"");
        assert_eq!(err.unknown_tag(), Some("Q"));
        assert_eq!(
            FieldValue::parse("[i:6]").unwrap_err().to_string(),
            "unknown type tag `i` in \"[i:6]\""
        );
        for (text, message) in [
            ("[I:six]", "invalid integer in \"[I:six]\""),
            ("[I:]", "invalid integer in \"[I:]\""),
            (
                "[I:99999999999999999999]",
                "invalid integer in \"[I:99999999999999999999]\"",
            ),
            ("[F:1e5]", "invalid number in \"[F:1e5]\""),
            ("[F:NaN]", "invalid number in \"[F:NaN]\""),
            ("[F:.]", "invalid number in \"[F:.]\""),
            ("[M:12,50]", "invalid amount in \"[M:12,50]\""),
            (
                "[DT:13/16/2025 14:22:14]",
                "invalid date-time in \"[DT:13/16/2025 14:22:14]\"",
            ),
            (
                "[DT:09/16/2025 25:00:00]",
                "invalid date-time in \"[DT:09/16/2025 25:00:00]\"",
            ),
            (
                "[DT:09/16/2025 14:22:14.00000000]",
                "invalid date-time in \"[DT:09/16/2025 14:22:14.00000000]\"",
            ),
            ("[D:2017-02-30]", "invalid date in \"[D:2017-02-30]\""),
            ("[D:1/2/3/4]", "invalid date in \"[D:1/2/3/4]\""),
            ("[T:14]", "invalid time in \"[T:14]\""),
            ("[A:1,,2]", "invalid integer array in \"[A:1,,2]\""),
            // Text from the body is escaped.
            ("[I:\u{1b}\n]", "invalid integer in \"[I:\\u{1b}\\n]\""),
        ] {
            let err = FieldValue::parse(text).unwrap_err();
            assert_eq!(err.to_string(), message, "{text}");
            assert_eq!(err.unknown_tag(), None);
        }
        assert_eq!(
            "[Zz:1]".parse::<FieldValue>().unwrap_err().unknown_tag(),
            Some("Zz")
        );
    }
}
