//! [`Number`]: a JSON number kept as the exact text it arrived as.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};
use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::small::SmallStr;
use crate::open_object::{deserialize_raw, VisitRaw, RAW_VALUE_TOKEN};

/// A JSON number, kept as the exact text it arrived as: `37.50` stays `37.50`, `1e5` stays
/// `1e5`, `-0.0` stays `-0.0`, and an integer of any size keeps every digit.
///
/// serde_json's own `Number` keeps a number as a `u64`, an `i64` or an `f64` (unless its
/// `arbitrary_precision` feature is on, which changes every `serde_json::Value` of the program),
/// so `37.50` comes back as `37.5` and an integer beyond `u64` as a rounded float. This type
/// keeps the text and serializes it back byte for byte; [`as_f64`](Self::as_f64),
/// [`as_i64`](Self::as_i64) and [`as_u64`](Self::as_u64) read it.
///
/// A vendor that sends a number as a string (`"37.50"`) is accepted when the string holds a
/// JSON number, and the value is written back as a string ([`is_string`](Self::is_string)).
/// Anything else (`true`, `"north"`, `{}`) is an error. Two numbers are equal when they have
/// the same value, as `serde_json::Value`s compare numbers (`1.50` equals `1.5` and `"1.5"`;
/// `5` does not equal `5.0`): compare [`as_str`](Self::as_str) for the text.
///
/// ```
/// use chat_webhooks::Number;
///
/// let latitude: Number = serde_json::from_str("37.50").unwrap();
/// assert_eq!(latitude.as_str(), "37.50");
/// assert_eq!(latitude.as_f64(), Some(37.5));
/// assert_eq!(serde_json::to_string(&latitude).unwrap(), "37.50");
///
/// let big: Number = serde_json::from_str("123456789012345678901234567890").unwrap();
/// assert_eq!(big.as_u64(), None);
/// assert_eq!(serde_json::to_string(&big).unwrap(), "123456789012345678901234567890");
///
/// let quoted: Number = serde_json::from_str(r#""1.50""#).unwrap();
/// assert_eq!(quoted.as_f64(), Some(1.5));
/// assert_eq!(serde_json::to_string(&quoted).unwrap(), r#""1.50""#);
/// ```
///
/// Read from a `serde_json::Value` (`serde_json::from_value`), a number has the text of the
/// value serde_json kept: the `Value` already lost the rest.
#[derive(Clone)]
pub struct Number {
    /// The number's text; flagged when it arrived as a JSON string.
    text: SmallStr,
}

/// Why a text is not a [`Number`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "not a JSON number: \"{}\" (expected digits, an optional fraction and exponent, as in `-12.50e3`)",
    crate::error::Escaped(text)
)]
pub struct ParseNumberError {
    /// The text, for the message.
    text: String,
}

impl Number {
    /// The number's text, as sent (without the quotes of one sent as a string).
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// The number as the nearest `f64`; `None` beyond `f64`'s range (`1e400`).
    pub fn as_f64(&self) -> Option<f64> {
        self.as_str().parse::<f64>().ok().filter(|n| n.is_finite())
    }

    /// The number as an `i64`, if its text is an integer in range (`5`, not `5.0` or `5e0`).
    pub fn as_i64(&self) -> Option<i64> {
        self.as_str().parse().ok()
    }

    /// The number as a `u64`, if its text is a non-negative integer in range.
    pub fn as_u64(&self) -> Option<u64> {
        self.as_str().parse().ok()
    }

    /// Whether the number arrived as a JSON string (`"37.5"`), and so is written as one.
    pub fn is_string(&self) -> bool {
        self.text.flag()
    }

    /// The same number, written as a JSON string (`true`) or as a JSON number (`false`).
    pub fn with_string_form(self, string: bool) -> Self {
        Number {
            text: self.text.flagged(string),
        }
    }

    /// A number from the text of a JSON number (from a string, if `string`), or why not.
    fn checked(text: &str, string: bool) -> Result<Self, ParseNumberError> {
        if is_json_number(text.as_bytes()) {
            Ok(Number {
                text: SmallStr::new(text).flagged(string),
            })
        } else {
            Err(ParseNumberError {
                text: text.to_owned(),
            })
        }
    }
}

/// Whether `text` is a JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_json_number(text: &[u8]) -> bool {
    fn digits(text: &[u8], at: &mut usize) -> usize {
        let start = *at;
        while text.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    }
    let mut at = usize::from(text.first() == Some(&b'-'));
    match text.get(at) {
        Some(b'0') => at += 1,
        Some(b'1'..=b'9') => {
            digits(text, &mut at);
        }
        _ => return false,
    }
    if text.get(at) == Some(&b'.') {
        at += 1;
        if digits(text, &mut at) == 0 {
            return false;
        }
    }
    if matches!(text.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(text.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        if digits(text, &mut at) == 0 {
            return false;
        }
    }
    at == text.len()
}

/// Reads the text of a JSON number: `"-12.50e3".parse::<Number>()`.
impl FromStr for Number {
    type Err = ParseNumberError;

    fn from_str(text: &str) -> Result<Self, ParseNumberError> {
        Number::checked(text, false)
    }
}

impl From<i64> for Number {
    fn from(value: i64) -> Self {
        Number {
            text: SmallStr::from(value),
        }
    }
}

impl From<u64> for Number {
    fn from(value: u64) -> Self {
        Number {
            text: SmallStr::from(value),
        }
    }
}

/// A finite `f64`, in its shortest text that reads back to it (`1.5`, `100000`); an error for
/// NaN and the infinities, which JSON cannot write.
impl TryFrom<f64> for Number {
    type Error = ParseNumberError;

    fn try_from(value: f64) -> Result<Self, ParseNumberError> {
        if value.is_finite() {
            Ok(Number {
                text: SmallStr::display(value),
            })
        } else {
            Err(ParseNumberError {
                text: value.to_string(),
            })
        }
    }
}

impl Number {
    /// The value serde_json reads from the text; `None` beyond `f64`'s range.
    fn value(&self) -> Option<serde_json::Number> {
        serde_json::from_str(self.as_str()).ok()
    }
}

/// Equal when they read as the same `serde_json::Number` (as `serde_json::Value`s compare
/// them: `1.50` and `1.5` are equal, `5` and `5.0` are not), in either form: a number that
/// went through a `serde_json::Value` is equal to the one it was.
impl PartialEq for Number {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
            || matches!((self.value(), other.value()), (Some(a), Some(b)) if a == b)
    }
}

impl Eq for Number {}

/// Hashes the value that equality compares.
impl std::hash::Hash for Number {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        match self.value() {
            Some(value) => value.hash(state),
            None => self.as_str().hash(state),
        }
    }
}

impl PartialEq<str> for Number {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Number {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_string() {
            write!(f, "Number({:?})", self.as_str())
        } else {
            write!(f, "Number({})", self.as_str())
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Writes the text as sent: a string for one that arrived as a string; otherwise an integer
/// in its plain form through `serialize_i64`/`serialize_u64` (so that every serializer writes
/// a number), and any other text as serde_json's exact JSON text, byte for byte. (A serializer
/// other than serde_json's gets that text as serde_json's raw-value struct, as it gets a
/// `RawValue`: write [`as_f64`](Number::as_f64) to one.)
impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.as_str();
        if self.is_string() {
            return serializer.serialize_str(text);
        }
        // A plain integer (`5`, `-7`; not `-0`, `05` cannot arrive) is written the same way
        // by every serializer.
        if text != "-0" {
            if let Ok(n) = text.parse::<i64>() {
                return serializer.serialize_i64(n);
            }
            if let Ok(n) = text.parse::<u64>() {
                return serializer.serialize_u64(n);
            }
        }
        let mut raw = serializer.serialize_struct(RAW_VALUE_TOKEN, 1)?;
        raw.serialize_field(RAW_VALUE_TOKEN, text)?;
        raw.end()
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // serde_json hands over the value's exact text (see `RAW_VALUE_TOKEN`); any other
        // deserializer calls `visit_newtype_struct`, and the value is read as a number.
        deserialize_raw(deserializer, NumberVisitor)
    }
}

struct NumberVisitor;

impl VisitRaw<'_> for NumberVisitor {
    /// The number in the JSON text `raw`: a number, or a string that holds one.
    fn visit_raw<E: de::Error>(self, raw: &str) -> Result<Number, E> {
        match raw.as_bytes().first() {
            Some(b'"') if !raw.as_bytes().contains(&b'\\') => {
                self.visit_str(&raw[1..raw.len() - 1])
            }
            Some(b'"') => {
                let text: String = serde_json::from_str(raw).map_err(E::custom)?;
                self.visit_str(&text)
            }
            // serde_json has read it as a number: it is one.
            Some(b'-' | b'0'..=b'9') => Ok(Number {
                text: SmallStr::new(raw),
            }),
            Some(b't') => Err(E::invalid_type(Unexpected::Bool(true), &self)),
            Some(b'f') => Err(E::invalid_type(Unexpected::Bool(false), &self)),
            Some(b'n') => Err(E::invalid_type(Unexpected::Unit, &self)),
            Some(b'[') => Err(E::invalid_type(Unexpected::Seq, &self)),
            Some(b'{') => Err(E::invalid_type(Unexpected::Map, &self)),
            _ => Err(E::invalid_value(Unexpected::Other(raw), &self)),
        }
    }
}

impl<'de> Visitor<'de> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number (or a string holding one)")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Number, E> {
        Ok(Number::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Number, E> {
        Ok(Number::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Number, E> {
        Number::try_from(value).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Number, E> {
        Number::checked(text, true).map_err(|_| E::invalid_value(Unexpected::Str(text), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read, written, read again: the same text and the same JSON.
    #[track_caller]
    fn round_trip(json: &str) -> Number {
        let number: Number = serde_json::from_str(json).unwrap();
        let written = serde_json::to_string(&number).unwrap();
        assert_eq!(written, json);
        let bytes: Number = serde_json::from_slice(json.as_bytes()).unwrap();
        assert_eq!(bytes, number);
        number
    }

    #[test]
    fn numbers_keep_their_text() {
        for json in [
            "37.50",
            "1.50",
            "-0.0",
            "-0",
            "0",
            "1e5",
            "1E+5",
            "2.5e-3",
            "-7",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775809",
            "123456789012345678901234567890123456789",
        ] {
            let number = round_trip(json);
            assert_eq!(number.as_str(), json);
            assert!(!number.is_string());
        }
        let n = round_trip("37.50");
        assert_eq!(
            (n.as_f64(), n.as_i64(), n.as_u64()),
            (Some(37.5), None, None)
        );
        let n = round_trip("-7");
        assert_eq!(
            (n.as_f64(), n.as_i64(), n.as_u64()),
            (Some(-7.0), Some(-7), None)
        );
        let n = round_trip("18446744073709551615");
        assert_eq!(n.as_u64(), Some(u64::MAX));
        let n = round_trip("123456789012345678901234567890123456789");
        assert_eq!((n.as_i64(), n.as_u64()), (None, None));
        assert_eq!(n.as_f64(), Some(1.2345678901234568e38));
        assert_eq!(round_trip("1e400").as_f64(), None);
        assert_eq!(
            round_trip("-0.0").as_f64().map(f64::is_sign_negative),
            Some(true)
        );
    }

    #[test]
    fn numeric_strings_are_read_and_written_as_strings() {
        for json in [
            r#""37.50""#,
            r#""-0""#,
            r#""1e5""#,
            r#""18446744073709551616""#,
        ] {
            let number = round_trip(json);
            assert!(number.is_string());
            assert_eq!(number.as_str(), &json[1..json.len() - 1]);
        }
        // An escape is read; the string is written back plain.
        let number: Number = serde_json::from_str(r#""\u0031.5""#).unwrap();
        assert_eq!(number.as_str(), "1.5");
        assert_eq!(serde_json::to_string(&number).unwrap(), r#""1.5""#);
        assert_eq!(number, "1.5".parse::<Number>().unwrap());
        assert_eq!(number, "1.50".parse::<Number>().unwrap());
        assert_ne!(number.as_str(), "1.50");
        assert_ne!(
            "5".parse::<Number>().unwrap(),
            "5.0".parse::<Number>().unwrap()
        );
        assert_eq!(
            "-0".parse::<Number>().unwrap(),
            "-0".parse::<Number>().unwrap()
        );
        let hash = |n: &Number| {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            n.hash(&mut hasher);
            hasher.finish()
        };
        assert_eq!(hash(&number), hash(&"1.50".parse().unwrap()));
        assert_eq!(
            "1e400".parse::<Number>().unwrap(),
            "1e400".parse::<Number>().unwrap()
        );
        let plain = number.with_string_form(false);
        assert_eq!(serde_json::to_string(&plain).unwrap(), "1.5");
    }

    #[test]
    fn other_values_are_errors() {
        for (json, message) in [
            (
                "true",
                "invalid type: boolean `true`, expected a number (or a string holding one)",
            ),
            (
                "[1]",
                "invalid type: sequence, expected a number (or a string holding one)",
            ),
            (
                r#"{"a":1}"#,
                "invalid type: map, expected a number (or a string holding one)",
            ),
            (
                r#""north""#,
                "invalid value: string \"north\", expected a number (or a string holding one)",
            ),
            (
                r#""1.""#,
                "invalid value: string \"1.\", expected a number (or a string holding one)",
            ),
            (
                r#""+1""#,
                "invalid value: string \"+1\", expected a number (or a string holding one)",
            ),
            (
                r#"" 1""#,
                "invalid value: string \" 1\", expected a number (or a string holding one)",
            ),
            (
                "null",
                "invalid type: null, expected a number (or a string holding one)",
            ),
        ] {
            let err = serde_json::from_str::<Number>(json)
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(message), "{json}: {err}");
        }
        // `null` in a model is `None`.
        assert_eq!(
            serde_json::from_str::<Option<Number>>("null").unwrap(),
            None
        );
    }

    #[test]
    fn from_a_value_and_into_one() {
        // A `Value` keeps serde_json's own numbers: the text is that of the value it kept.
        for (value, text) in [
            (serde_json::json!(37.5), "37.5"),
            (serde_json::json!(-7), "-7"),
            (serde_json::json!(u64::MAX), "18446744073709551615"),
            (serde_json::json!("37.50"), "37.50"),
        ] {
            let number: Number = serde_json::from_value(value.clone()).unwrap();
            assert_eq!(number.as_str(), text);
            assert_eq!(serde_json::to_value(&number).unwrap(), value);
        }
        let err = serde_json::from_value::<Number>(serde_json::json!({"a": 1})).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: map, expected a number (or a string holding one)"
        );
        let written = serde_json::to_value("37.50".parse::<Number>().unwrap()).unwrap();
        assert_eq!(written, serde_json::json!(37.5));
    }

    #[test]
    fn from_other_deserializers() {
        use serde::de::value::{Error, F64Deserializer, MapDeserializer, StrDeserializer};
        let number = Number::deserialize(F64Deserializer::<Error>::new(1.5)).unwrap();
        assert_eq!((number.as_str(), number.is_string()), ("1.5", false));
        let number = Number::deserialize(StrDeserializer::<Error>::new("2.50")).unwrap();
        assert_eq!((number.as_str(), number.is_string()), ("2.50", true));
        let err = Number::deserialize(StrDeserializer::<Error>::new("x")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid value: string \"x\", expected a number (or a string holding one)"
        );
        // A map is not serde_json's exact text, even with a number-like value.
        let map = MapDeserializer::<_, Error>::new(vec![("a", "-1")].into_iter());
        assert!(Number::deserialize(map).is_err());
    }

    #[test]
    fn parse_and_construct() {
        for text in ["1.", ".5", "01", "-", "1e", "1e+", "", "NaN", "0x1", " 1"] {
            let err = text.parse::<Number>().unwrap_err();
            assert!(err.to_string().starts_with("not a JSON number"), "{err}");
        }
        // Text from a body is escaped in the message, as everywhere.
        assert_eq!(
            "1\u{202e}\n".parse::<Number>().unwrap_err().to_string(),
            "not a JSON number: \"1\\u{202e}\\n\" (expected digits, an optional fraction and exponent, as in `-12.50e3`)"
        );
        assert_eq!(Number::from(-5i64), "-5");
        assert_eq!(Number::from(u64::MAX).as_u64(), Some(u64::MAX));
        assert_eq!(Number::try_from(1.5).unwrap(), "1.5");
        assert_eq!(Number::try_from(1e20).unwrap().as_f64(), Some(1e20));
        assert!(Number::try_from(f64::NAN).is_err());
        assert_eq!(
            format!("{:?}", "2.50".parse::<Number>().unwrap()),
            "Number(2.50)"
        );
        assert_eq!(
            format!(
                "{:?}",
                "2.50".parse::<Number>().unwrap().with_string_form(true)
            ),
            "Number(\"2.50\")"
        );
    }
}
