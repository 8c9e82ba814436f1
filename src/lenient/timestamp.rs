//! [`Timestamp`]: an instant in any of the forms the vendors send.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use super::small::SmallStr;

/// Epoch values at or above this magnitude are milliseconds, below it seconds.
///
/// 10^11 seconds is the year 5138; 10^11 milliseconds is 1973-03-03. No vendor this crate
/// reads sends dates outside 1973..5138, so the magnitude tells the unit apart.
const MILLIS_THRESHOLD: u128 = 100_000_000_000;

/// An instant sent in any of the forms the supported vendors use.
///
/// | form | example | read as |
/// |---|---|---|
/// | RFC 3339, 0 to 9 fractional digits | `"2018-04-24T08:18:42.089895Z"`, `"2023-01-01T07:36:11+00:00"` | that instant |
/// | ISO 8601 date-time without offset | `"2020-02-16T17:50:17"` | **UTC** (SuperOffice sends local-looking values; the offset is not knowable) |
/// | Ruby's `Time#to_s` | `"2020-03-03 13:05:57 UTC"`, `"2020-03-03 14:05:57 +0100"` | that instant (Chatwoot's 2020 documentation) |
/// | JSON integer | `1672531200000`, `1672531200` | epoch milliseconds or seconds, by magnitude |
/// | JSON float | `1672531200.31` | epoch milliseconds or seconds, by magnitude |
/// | decimal string | `"1672531200000.397183857"`, `"1672531200.310412954"` | epoch milliseconds or seconds, by magnitude, to the nanosecond |
///
/// Epoch values whose integer part is 10^11 or more are milliseconds, smaller ones are
/// seconds: 10^11 seconds is the year 5138 and 10^11 milliseconds is March 1973, so the two
/// ranges cannot be confused for any real event. Digits beyond the nanosecond are dropped from
/// the instant but kept in the serialized form.
///
/// A `Timestamp` remembers the form it arrived in and serializes back to it (strings verbatim,
/// integers in their unit). Equality, ordering and hashing look at the instant only, the way
/// `chrono::DateTime<FixedOffset>` does.
///
/// ```
/// use chat_webhooks::Timestamp;
///
/// let rfc: Timestamp = serde_json::from_str(r#""2023-01-01T00:00:00.397Z""#).unwrap();
/// let millis: Timestamp = serde_json::from_str("1672531200397").unwrap();
/// let decimal: Timestamp = serde_json::from_str(r#""1672531200.397""#).unwrap();
/// assert_eq!(rfc, millis);
/// assert_eq!(millis, decimal);
/// assert_eq!(serde_json::to_string(&millis).unwrap(), "1672531200397");
///
/// let ebbot: Timestamp = serde_json::from_str(r#""1672531200000.397183857""#).unwrap();
/// assert_eq!(ebbot.as_datetime().timestamp_subsec_nanos(), 397_183);
/// ```
#[derive(Clone)]
pub struct Timestamp {
    time: DateTime<Utc>,
    repr: Repr,
}

#[derive(Clone, Debug)]
enum Repr {
    /// Built in code: serializes as RFC 3339.
    Rfc3339,
    /// Arrived as a string: serializes as that string.
    Sent(SmallStr),
    /// Arrived as a JSON integer of seconds.
    Seconds,
    /// Arrived as a JSON integer of milliseconds.
    Millis,
    /// Arrived as a JSON float.
    Float(f64),
}

impl Timestamp {
    /// The instant, in UTC.
    pub fn as_datetime(&self) -> DateTime<Utc> {
        self.time
    }

    /// The instant from epoch milliseconds; serializes as a JSON integer of milliseconds.
    ///
    /// Returns `None` when the value is outside chrono's range.
    pub fn from_millis(millis: i64) -> Option<Self> {
        Some(Timestamp {
            time: DateTime::from_timestamp_millis(millis)?,
            repr: Repr::Millis,
        })
    }

    /// The instant from epoch seconds; serializes as a JSON integer of seconds.
    ///
    /// Returns `None` when the value is outside chrono's range.
    pub fn from_seconds(seconds: i64) -> Option<Self> {
        Some(Timestamp {
            time: DateTime::from_timestamp(seconds, 0)?,
            repr: Repr::Seconds,
        })
    }

    /// Reads a timestamp from text: RFC 3339, an offset-less ISO 8601 date-time (as UTC), or a
    /// decimal number of epoch seconds or milliseconds.
    pub fn parse(text: &str) -> Result<Self, TimestampError> {
        let time = parse_text(text).ok_or_else(|| TimestampError { text: text.into() })?;
        Ok(Timestamp {
            time,
            repr: Repr::Sent(SmallStr::new(text)),
        })
    }

    fn from_integer(value: i128) -> Option<Self> {
        let value = i64::try_from(value).ok()?;
        Some(if value.unsigned_abs() >= MILLIS_THRESHOLD as u64 {
            Timestamp {
                time: DateTime::from_timestamp_millis(value)?,
                repr: Repr::Millis,
            }
        } else {
            Timestamp {
                time: DateTime::from_timestamp(value, 0)?,
                repr: Repr::Seconds,
            }
        })
    }

    fn from_float(value: f64) -> Option<Self> {
        if !value.is_finite() {
            return None;
        }
        // Through the shortest decimal text that reads back as `value`: scaling the float
        // itself would lose the digits a sender wrote (1672531200.25 * 1e9 is not exact).
        Some(Timestamp {
            time: parse_decimal(&value.to_string())?,
            repr: Repr::Float(value),
        })
    }
}

/// The error for text that is no timestamp form this crate reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct TimestampError {
    text: Box<str>,
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        invalid(f, crate::error::Escaped(&self.text))
    }
}

/// The message for text that is no timestamp: `text` escaped on its own, or as sent inside a
/// parse error (whose `Display` escapes the whole message once).
fn invalid(f: &mut impl fmt::Write, text: impl fmt::Display) -> fmt::Result {
    write!(
        f,
        "invalid timestamp \"{text}\", expected RFC 3339, an ISO 8601 date-time, or epoch seconds or milliseconds"
    )
}

fn parse_text(text: &str) -> Option<DateTime<Utc>> {
    // Every date-time form starts with a four-digit year and a dash, which no number has:
    // a date-time is not first tried as epoch seconds (SuperOffice sends one in every event).
    let bytes = text.as_bytes();
    if bytes.len() < 19 || bytes[4] != b'-' {
        return parse_decimal(text);
    }
    if let Some(time) = parse_iso_fast(bytes) {
        return Some(time);
    }
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Some(time.with_timezone(&Utc));
    }
    if bytes[10] == b' ' {
        return parse_ruby(text);
    }
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .map(|naive| naive.and_utc())
}

/// Reads Ruby's `Time#to_s`: `YYYY-MM-DD HH:MM:SS UTC` or `YYYY-MM-DD HH:MM:SS ±HHMM`.
fn parse_ruby(text: &str) -> Option<DateTime<Utc>> {
    const FORMAT: &str = "%Y-%m-%d %H:%M:%S";
    match text.strip_suffix(" UTC") {
        Some(naive) => NaiveDateTime::parse_from_str(naive, FORMAT)
            .ok()
            .map(|naive| naive.and_utc()),
        None => DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S %z")
            .ok()
            .map(|time| time.with_timezone(&Utc)),
    }
}

/// Reads the common shape `YYYY-MM-DDTHH:MM:SS[.f{1,9}][Z|±HH:MM]` (no offset: UTC) without
/// chrono's general-purpose parsers; anything else (leap seconds, other separators, more
/// digits) is left to them.
fn parse_iso_fast(b: &[u8]) -> Option<DateTime<Utc>> {
    fn num(b: &[u8]) -> Option<u32> {
        b.iter().try_fold(0u32, |acc, &d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    }
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let date =
        chrono::NaiveDate::from_ymd_opt(num(&b[0..4])? as i32, num(&b[5..7])?, num(&b[8..10])?)?;
    let (hour, minute, second) = (num(&b[11..13])?, num(&b[14..16])?, num(&b[17..19])?);
    let mut rest = &b[19..];
    let mut nanos = 0;
    if let Some(frac) = rest.strip_prefix(b".") {
        let digits = frac.iter().take_while(|d| d.is_ascii_digit()).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        nanos = num(&frac[..digits])? * 10u32.pow(9 - digits as u32);
        rest = &frac[digits..];
    }
    let offset_seconds = match rest {
        b"" | b"Z" => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            // An offset is at most 23:59, as RFC 3339 and chrono have it: `+24:00`, `+00:60`
            // and `+99:99` are no offset (chrono rejects them too).
            let (hours, minutes) = (num(&[*h1, *h2])?, num(&[*m1, *m2])?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = (hours * 60 + minutes) as i32 * 60;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    if second > 59 {
        return None;
    }
    let time = chrono::NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let local = date.and_time(time);
    let utc = match offset_seconds {
        0 => local,
        offset => local.checked_sub_signed(chrono::TimeDelta::seconds(i64::from(offset)))?,
    };
    Some(utc.and_utc())
}

/// Reads `[-]digits[.digits]` as epoch seconds or milliseconds, by magnitude, to the nanosecond.
///
/// In `u64` arithmetic: every value chrono can represent fits, and wider integers would cost
/// a library call per operation.
fn parse_decimal(text: &str) -> Option<DateTime<Utc>> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // A byte search, not `split_once('.')`: its char searcher is a call of its own wherever
    // the compiler does not inline it, and these texts are a dozen digits.
    let (int, frac) = match unsigned.bytes().position(|b| b == b'.') {
        Some(dot) => (&unsigned[..dot], &unsigned[dot + 1..]),
        None => (unsigned, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    if unsigned.len() > int.len() && frac.is_empty() {
        return None; // "123." is not a number
    }
    let int = int.bytes().try_fold(0u64, |acc, d| {
        acc.checked_mul(10)?.checked_add(u64::from(d - b'0'))
    })?;
    // Whole seconds, the nanoseconds the integer part adds, and how many fractional digits are
    // still whole nanoseconds (and what one of them is worth).
    let (seconds, int_nanos, digits) = if u128::from(int) >= MILLIS_THRESHOLD {
        (int / 1000, (int % 1000) as u32 * 1_000_000, 6)
    } else {
        (int, 0, 9)
    };
    let frac_nanos = frac
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(digits)
        .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
    let nanos = int_nanos + frac_nanos;
    let seconds = i64::try_from(seconds).ok()?;
    if !negative || nanos == 0 {
        DateTime::from_timestamp(if negative { -seconds } else { seconds }, nanos)
    } else {
        DateTime::from_timestamp(-seconds - 1, 1_000_000_000 - nanos)
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(time: DateTime<Utc>) -> Self {
        Timestamp {
            time,
            repr: Repr::Rfc3339,
        }
    }
}

impl From<Timestamp> for DateTime<Utc> {
    fn from(value: Timestamp) -> Self {
        value.time
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.time == other.time
    }
}

impl Eq for Timestamp {}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.time.cmp(&other.time)
    }
}

impl Hash for Timestamp {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.time.hash(state);
    }
}

impl PartialEq<DateTime<Utc>> for Timestamp {
    fn eq(&self, other: &DateTime<Utc>) -> bool {
        self.time == *other
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.time.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.repr {
            Repr::Rfc3339 => serializer.collect_str(self),
            Repr::Sent(text) => serializer.serialize_str(text.as_str()),
            Repr::Seconds => serializer.serialize_i64(self.time.timestamp()),
            Repr::Millis => serializer.serialize_i64(self.time.timestamp_millis()),
            Repr::Float(value) => serializer.serialize_f64(*value),
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimestampVisitor;

        fn out_of_range<E: de::Error>(value: impl fmt::Display) -> E {
            E::custom(format_args!("timestamp {value} is out of range"))
        }

        impl Visitor<'_> for TimestampVisitor {
            type Value = Timestamp;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a timestamp (RFC 3339, ISO 8601, or epoch seconds or milliseconds)")
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Timestamp, E> {
                Timestamp::from_integer(value.into()).ok_or_else(|| out_of_range(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Timestamp, E> {
                Timestamp::from_integer(value.into()).ok_or_else(|| out_of_range(value))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Timestamp, E> {
                Timestamp::from_float(value).ok_or_else(|| out_of_range(value))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Timestamp, E> {
                Timestamp::parse(value).map_err(|_| {
                    let mut message = String::new();
                    let _ = invalid(&mut message, value);
                    E::custom(message)
                })
            }
        }

        deserializer.deserialize_any(TimestampVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Timestamp {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn fractional_digits_zero_to_nine() {
        for (text, nanos) in [
            ("2018-04-24T08:18:42Z", 0),
            ("2018-04-24T08:18:42.1Z", 100_000_000),
            ("2018-04-24T08:18:42.089895Z", 89_895_000),
            ("2018-04-24T07:50:50.6812131Z", 681_213_100),
            ("2018-04-24T07:50:50.123456789Z", 123_456_789),
        ] {
            let ts = Timestamp::parse(text).unwrap();
            assert_eq!(ts.as_datetime().timestamp_subsec_nanos(), nanos, "{text}");
        }
    }

    #[test]
    fn offsets_and_offsetless() {
        let with_offset = read(r#""2025-05-14T10:48:07.8912039+02:00""#);
        assert_eq!(with_offset.to_string(), "2025-05-14T08:48:07.891203900Z");
        let naive = read(r#""2020-02-16T17:50:17""#);
        assert_eq!(naive.to_string(), "2020-02-16T17:50:17Z");
        let min = read(r#""0001-01-01T00:00:00""#);
        assert_eq!(min.as_datetime().timestamp(), -62_135_596_800);
    }

    #[test]
    fn fast_path_agrees_with_chrono() {
        for text in [
            "2018-04-24T08:18:42.089895Z",
            "2025-05-14T10:48:07.8912039+02:00",
            "2023-01-01T07:36:11+00:00",
            "2023-01-01T07:36:11-05:30",
            "1999-12-31T23:59:59.999999999Z",
            "0001-01-01T00:00:00Z",
        ] {
            let chrono = DateTime::parse_from_rfc3339(text)
                .unwrap()
                .with_timezone(&Utc);
            assert_eq!(parse_iso_fast(text.as_bytes()), Some(chrono), "{text}");
        }
        for text in [
            "2023-02-30T00:00:00Z",
            "2023-01-01T24:00:00Z",
            "2023-01-01T00:00:60Z",
            "2023-01-01 00:00:00Z",
            "2023-01-01T00:00:00.Z",
            "2023-01-01T00:00:00+0100",
        ] {
            assert_eq!(parse_iso_fast(text.as_bytes()), None, "{text}");
        }
        // Leap seconds are left to chrono.
        assert!(Timestamp::parse("2016-12-31T23:59:60Z").is_ok());
    }

    #[test]
    fn ruby_time_to_s() {
        let utc = read(r#""2020-03-03 13:05:57 UTC""#);
        assert_eq!(utc.to_string(), "2020-03-03T13:05:57Z");
        assert_eq!(
            serde_json::to_string(&utc).unwrap(),
            r#""2020-03-03 13:05:57 UTC""#
        );
        let offset = read(r#""2020-03-03 14:05:57 +0100""#);
        assert_eq!(offset, utc);
        for bad in [
            r#""2020-03-03 13:05:57""#,
            r#""2020-03-03 13:05:57 CET""#,
            r#""2020-03-03 13:05 UTC""#,
            r#""2020-03-03 13:05:57 UTC ""#,
        ] {
            assert!(serde_json::from_str::<Timestamp>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn epoch_integers_by_magnitude() {
        assert_eq!(read("1672531200"), read("1672531200000"));
        assert_eq!(read("1672531200").as_datetime().timestamp(), 1_672_531_200);
        assert_eq!(
            serde_json::to_string(&read("1672531200")).unwrap(),
            "1672531200"
        );
        assert_eq!(
            serde_json::to_string(&read("1672531200000")).unwrap(),
            "1672531200000"
        );
        // The threshold: 10^11 - 1 seconds and 10^11 milliseconds.
        assert_eq!(
            read("99999999999").as_datetime().timestamp(),
            99_999_999_999
        );
        assert_eq!(read("100000000000").as_datetime().timestamp(), 100_000_000);
    }

    #[test]
    fn decimal_strings_keep_nanoseconds() {
        let ms = read(r#""1672531200000.397183857""#);
        assert_eq!(ms.as_datetime().timestamp(), 1_672_531_200);
        assert_eq!(ms.as_datetime().timestamp_subsec_nanos(), 397_183);
        let s = read(r#""1672531200.310412954""#);
        assert_eq!(s.as_datetime().timestamp_subsec_nanos(), 310_412_954);
        assert_eq!(
            serde_json::to_string(&ms).unwrap(),
            r#""1672531200000.397183857""#
        );
        assert_eq!(read(r#""-1.5""#).as_datetime().timestamp_millis(), -1500);
    }

    /// The straightforward `i128` reading that [`parse_decimal`] must agree with.
    fn reference_decimal(text: &str) -> Option<DateTime<Utc>> {
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let int: u128 = int.parse().ok()?;
        let (unit, digits) = if int >= MILLIS_THRESHOLD {
            (1_000_000u128, 6)
        } else {
            (1_000_000_000u128, 9)
        };
        let mut frac_nanos = 0u128;
        for (i, b) in frac.bytes().take(digits).enumerate() {
            frac_nanos += u128::from(b - b'0') * 10u128.pow((digits - 1 - i) as u32);
        }
        let magnitude = i128::try_from(int.checked_mul(unit)? + frac_nanos).ok()?;
        let nanos = if negative { -magnitude } else { magnitude };
        let secs = i64::try_from(nanos.div_euclid(1_000_000_000)).ok()?;
        let subsec = u32::try_from(nanos.rem_euclid(1_000_000_000)).ok()?;
        DateTime::from_timestamp(secs, subsec)
    }

    #[test]
    fn decimal_reading_agrees_with_wide_arithmetic() {
        let ints = [
            "0",
            "1",
            "999",
            "1672531200",
            "99999999999",
            "100000000000",
            "1672531200000",
            "1741686152004",
            "8210266876799",
            "8210266876800",
            "8210266876799999",
            "8210266877000000",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999",
        ];
        let fracs = [
            "",
            "0",
            "5",
            "05",
            "999",
            "397183",
            "3971838",
            "397183857",
            "9999999999",
            "000000001",
            "123456789012",
        ];
        for int in ints {
            for frac in fracs {
                for sign in ["", "-"] {
                    let text = if frac.is_empty() {
                        format!("{sign}{int}")
                    } else {
                        format!("{sign}{int}.{frac}")
                    };
                    assert_eq!(parse_decimal(&text), reference_decimal(&text), "{text}");
                }
            }
        }
    }

    #[test]
    fn floats() {
        let ts = read("1672531200.25");
        assert_eq!(ts.as_datetime().timestamp_millis(), 1_672_531_200_250);
        assert_eq!(serde_json::to_string(&ts).unwrap(), "1672531200.25");
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            r#""""#,
            r#""yesterday""#,
            r#""2023-13-01T00:00:00Z""#,
            r#""1.""#,
            r#""1e9""#,
            r#""+5""#,
            r#""2023-01-01""#,
            "true",
            "{}",
            "1e300",
            "99999999999999999999",
        ] {
            assert!(serde_json::from_str::<Timestamp>(bad).is_err(), "{bad}");
        }
        let err = serde_json::from_str::<Timestamp>(r#""yesterday""#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid timestamp \"yesterday\", expected RFC 3339, an ISO 8601 date-time, or epoch seconds or milliseconds at line 1 column 11"
        );
    }

    #[test]
    fn built_from_datetime_serializes_as_rfc3339() {
        let ts = Timestamp::from(DateTime::from_timestamp(1_672_531_200, 5_000_000).unwrap());
        assert_eq!(
            serde_json::to_string(&ts).unwrap(),
            r#""2023-01-01T00:00:00.005Z""#
        );
    }
}
