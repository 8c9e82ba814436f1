//! [`deserialize_raw`]: a value's exact JSON text, from serde_json, without a copy where the
//! body is borrowed.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

/// The name serde_json gives a value it reads or writes as its exact JSON text (its
/// `RawValue`, the crate's `raw_value` feature): asked for a newtype struct of this name, its
/// readers (of a body or of a `serde_json::Value`) hand over the value's text as the one
/// member of a map, and its writers write a struct of this name whose one field of this name
/// holds the text as the JSON itself.
pub(crate) const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// A visitor that can also take a value's JSON text.
pub(crate) trait VisitRaw<'de>: Visitor<'de> {
    /// The value whose JSON text is `raw` (a whole value: `1.50`, `"text"`, `{"a":1}`).
    fn visit_raw<E: de::Error>(self, raw: &str) -> Result<Self::Value, E>;
}

/// Reads a value through `visitor`: from its exact JSON text ([`VisitRaw::visit_raw`]) when
/// serde_json reads it, as any other value (`deserialize_any`) from another deserializer.
pub(crate) fn deserialize_raw<'de, D: Deserializer<'de>, V: VisitRaw<'de>>(
    deserializer: D,
    visitor: V,
) -> Result<V::Value, D::Error> {
    deserializer.deserialize_newtype_struct(RAW_VALUE_TOKEN, RawVisitor(visitor))
}

struct RawVisitor<V>(V);

impl<'de, V: VisitRaw<'de>> Visitor<'de> for RawVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    /// serde_json's answer: one member, named [`RAW_VALUE_TOKEN`], whose value is the text
    /// (valid JSON: serde_json has read it).
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<V::Value, A::Error> {
        match map.next_key::<Token>()? {
            Some(Token) => {
                let raw: RawText<'de> = map.next_value()?;
                self.0.visit_raw(&raw.0)
            }
            None => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }

    /// Another deserializer's answer.
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        deserializer.deserialize_any(self.0)
    }

    // Another deserializer may answer with the value itself (serde's own value deserializers
    // read a newtype struct as any value).

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<V::Value, E> {
        self.0.visit_bool(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<V::Value, E> {
        self.0.visit_i64(value)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<V::Value, E> {
        self.0.visit_u64(value)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<V::Value, E> {
        self.0.visit_f64(value)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<V::Value, E> {
        self.0.visit_str(value)
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<V::Value, E> {
        self.0.visit_borrowed_str(value)
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<V::Value, E> {
        self.0.visit_string(value)
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(seq)
    }
}

/// The name of serde_json's one member: any other is an error (a map from another
/// deserializer is not a JSON text).
struct Token;

impl<'de> Deserialize<'de> for Token {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TokenVisitor;

        impl Visitor<'_> for TokenVisitor {
            type Value = Token;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("serde_json's raw value")
            }

            fn visit_str<E: de::Error>(self, name: &str) -> Result<Token, E> {
                if name == RAW_VALUE_TOKEN {
                    Ok(Token)
                } else {
                    Err(E::invalid_value(de::Unexpected::Map, &self))
                }
            }
        }

        deserializer.deserialize_identifier(TokenVisitor)
    }
}

/// A JSON text, borrowed from the body where it can be.
struct RawText<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for RawText<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = RawText<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON text")
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<RawText<'de>, E> {
                Ok(RawText(Cow::Borrowed(text)))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<RawText<'de>, E> {
                Ok(RawText(Cow::Owned(text.to_owned())))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<RawText<'de>, E> {
                Ok(RawText(Cow::Owned(text)))
            }
        }

        deserializer.deserialize_str(TextVisitor)
    }
}
