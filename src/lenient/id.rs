//! [`Id`]: an identifier that arrives as a JSON integer or a string.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use super::small::SmallStr;

/// An identifier sent as a JSON integer or as a JSON string.
///
/// Vendors are inconsistent about identifiers, sometimes inside one payload: SuperOffice's
/// published chat example has `"ContactId": "21"` next to `"ProjectId": 5`. `Id` accepts
/// both forms, keeps the identifier as text, and remembers which form arrived so that it
/// serializes back the same way.
///
/// Two ids are equal when their text is equal, whatever form they arrived in.
///
/// ```
/// use chat_webhooks::Id;
///
/// let from_number: Id = serde_json::from_str("21").unwrap();
/// let from_string: Id = serde_json::from_str(r#""21""#).unwrap();
/// assert_eq!(from_number, from_string);
/// assert_eq!(from_number.as_i64(), Some(21));
/// assert_eq!(serde_json::to_string(&from_number).unwrap(), "21");
/// assert_eq!(serde_json::to_string(&from_string).unwrap(), r#""21""#);
///
/// let uuid: Id = serde_json::from_str(r#""5fe42885827ca5464ceb""#).unwrap();
/// assert_eq!(uuid, "5fe42885827ca5464ceb");
/// assert_eq!(uuid.as_i64(), None);
/// ```
#[derive(Clone)]
pub struct Id {
    /// Flagged when the value arrived as a JSON number.
    text: SmallStr,
}

impl Id {
    /// An id that serializes as a JSON string.
    pub fn new(text: impl AsRef<str>) -> Self {
        Id {
            text: SmallStr::new(text.as_ref()),
        }
    }

    /// The id as text, whichever form it arrived in.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// The id as a signed integer, if its text is one.
    pub fn as_i64(&self) -> Option<i64> {
        self.as_str().parse().ok()
    }

    /// The id as an unsigned integer, if its text is one.
    pub fn as_u64(&self) -> Option<u64> {
        self.as_str().parse().ok()
    }

    /// Whether the id arrived as a JSON number (and so serializes as one).
    pub fn is_number(&self) -> bool {
        self.text.flag()
    }
}

impl From<i64> for Id {
    fn from(value: i64) -> Self {
        Id {
            text: SmallStr::from(value).flagged(true),
        }
    }
}

impl From<u64> for Id {
    fn from(value: u64) -> Self {
        Id {
            text: SmallStr::from(value).flagged(true),
        }
    }
}

impl From<&str> for Id {
    fn from(value: &str) -> Self {
        Id::new(value)
    }
}

impl From<String> for Id {
    fn from(value: String) -> Self {
        Id {
            text: SmallStr::from_string(value),
        }
    }
}

impl From<Id> for String {
    fn from(value: Id) -> Self {
        value.text.into_string()
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Id {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Id {}

impl Hash for Id {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Id {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.text.flag() {
            write!(f, "Id({})", self.as_str())
        } else {
            write!(f, "Id({:?})", self.as_str())
        }
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.text.flag() {
            if let Some(n) = self.as_i64() {
                return serializer.serialize_i64(n);
            }
            if let Some(n) = self.as_u64() {
                return serializer.serialize_u64(n);
            }
        }
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;

        impl Visitor<'_> for IdVisitor {
            type Value = Id;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id (a string or an integer)")
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Id, E> {
                Ok(Id::from(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Id, E> {
                Ok(Id::from(value))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Id, E> {
                Ok(Id::new(value))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Id, E> {
                Ok(Id::from(value))
            }
        }

        deserializer.deserialize_any(IdVisitor)
    }
}
