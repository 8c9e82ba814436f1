//! [`Text`]: text that sometimes arrives as a JSON number.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use super::small::SmallStr;

/// Text sent as a JSON string, or as a JSON number where the vendor stores text.
///
/// SuperOffice's published `chatsession.created` example sends `"CustomerAlias": 5`, although
/// the column behind it is a 64-character string. `Text` accepts strings and numbers, keeps the
/// value as text, and serializes back in the form it arrived in. Equality compares the text.
///
/// A number is kept as the text of the value serde_json reads: an integer exactly as sent, any
/// other number in its shortest form (`1.50` is `"1.5"`), the sign of a negative zero included
/// (`-0` is `"-0"`). It serializes to a number that reads back to the same text.
///
/// ```
/// use chat_webhooks::Text;
///
/// let alias: Text = serde_json::from_str("5").unwrap();
/// assert_eq!(alias, "5");
/// assert_eq!(serde_json::to_string(&alias).unwrap(), "5");
///
/// let alias: Text = serde_json::from_str(r#""Goat""#).unwrap();
/// assert_eq!(alias.as_str(), "Goat");
/// ```
#[derive(Clone)]
pub struct Text {
    /// Flagged when the value arrived as a JSON number.
    text: SmallStr,
}

impl Text {
    /// Text that serializes as a JSON string.
    pub fn new(text: impl AsRef<str>) -> Self {
        Text {
            text: SmallStr::new(text.as_ref()),
        }
    }

    /// The text, whichever form it arrived in.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// Whether the value arrived as a JSON number (and so serializes as one).
    pub fn is_number(&self) -> bool {
        self.text.flag()
    }

    fn number(value: impl fmt::Display) -> Self {
        Text {
            text: SmallStr::display(value).flagged(true),
        }
    }
}

impl From<&str> for Text {
    fn from(value: &str) -> Self {
        Text::new(value)
    }
}

impl From<String> for Text {
    fn from(value: String) -> Self {
        Text {
            text: SmallStr::from_string(value),
        }
    }
}

impl From<Text> for String {
    fn from(value: Text) -> Self {
        value.text.into_string()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.text.flag() {
            write!(f, "Text({})", self.as_str())
        } else {
            write!(f, "Text({:?})", self.as_str())
        }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.text.flag() {
            // Written as the number that reads back to this very text. A negative zero is a
            // float to serde_json: as the integer `0` it would read back as "0", not "-0".
            let integral = self.as_str() != "-0";
            if let Some(n) = integral
                .then(|| self.as_str().parse::<i64>().ok())
                .flatten()
            {
                return serializer.serialize_i64(n);
            }
            if let Some(n) = integral
                .then(|| self.as_str().parse::<u64>().ok())
                .flatten()
            {
                return serializer.serialize_u64(n);
            }
            if let Ok(n) = self.as_str().parse::<f64>() {
                return serializer.serialize_f64(n);
            }
        }
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl Visitor<'_> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text (a string or a number)")
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Text, E> {
                Ok(Text {
                    text: SmallStr::from(value).flagged(true),
                })
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Text, E> {
                Ok(Text {
                    text: SmallStr::from(value).flagged(true),
                })
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Text, E> {
                Ok(Text::number(value))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
                Ok(Text::new(value))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Text, E> {
                Ok(Text::from(value))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::Text;

    /// Serialized and read back: the same text, and the same JSON once more.
    fn round_trip(json: &str) -> (Text, String) {
        let text: Text = serde_json::from_str(json).unwrap();
        let written = serde_json::to_string(&text).unwrap();
        let again: Text = serde_json::from_str(&written).unwrap();
        assert_eq!(again.as_str(), text.as_str(), "{json} wrote {written}");
        assert!(again.is_number());
        assert_eq!(serde_json::to_string(&again).unwrap(), written);
        (text, written)
    }

    #[test]
    fn numbers_keep_their_text() {
        for (json, kept, written) in [
            ("-0", "-0", "-0.0"),
            ("-0.0", "-0", "-0.0"),
            ("0", "0", "0"),
            ("5", "5", "5"),
            ("-7", "-7", "-7"),
            (
                "18446744073709551615",
                "18446744073709551615",
                "18446744073709551615",
            ),
            ("1.5", "1.5", "1.5"),
            ("1.50", "1.5", "1.5"),
            ("-2.0", "-2", "-2"),
            ("1e20", "100000000000000000000", "1e+20"),
        ] {
            let (text, out) = round_trip(json);
            assert_eq!((text.as_str(), out.as_str()), (kept, written), "{json}");
        }
    }
}
