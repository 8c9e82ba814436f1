//! [`Checked`]: a body kept raw, read the way a typed parse reads one.
//!
//! An unknown event keeps its body as raw JSON, which serde_json reads without decoding its
//! strings or comparing its keys. A typed parse rejects what that read lets through, and the
//! accessors that later read the raw JSON (the event id, the chat id) would see something
//! other than what detection saw. So a body is checked before it is kept:
//!
//! - a top-level key sent twice is an error (serde's "duplicate field"), as it is for a typed
//!   event: detection reads the first value, serde_json's `Value` keeps the last, and the two
//!   would disagree;
//! - every string, keys included, must decode: a lone surrogate escape (`"\ud800"`) is an
//!   error here, rather than a member that reads as `None` later.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// A body checked as described in the module docs; holds nothing.
pub(crate) struct Checked;

/// Reads a body as [`Checked`]. Values are walked string by string only when `strings` is set:
/// when the body holds a `\u` escape of a surrogate (see [`may_hold_surrogates`]); otherwise
/// every string decodes, and only the top-level keys are read.
#[derive(Clone, Copy)]
pub(crate) struct CheckedSeed {
    pub(crate) strings: bool,
}

impl<'de> DeserializeSeed<'de> for CheckedSeed {
    type Value = Checked;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Checked, D::Error> {
        deserializer.deserialize_map(RootVisitor {
            strings: self.strings,
        })
    }
}

/// Whether `body` may hold a surrogate escape (`\ud800` to `\udfff`, either case): one
/// vectorised search, so that most bodies skip the string-by-string walk.
pub(crate) fn may_hold_surrogates(body: &[u8]) -> bool {
    memchr::memmem::find_iter(body, b"\\u").any(|at| {
        matches!(body.get(at + 2), Some(b'd' | b'D'))
            && matches!(
                body.get(at + 3),
                Some(b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F')
            )
    })
}

struct RootVisitor {
    strings: bool,
}

impl<'de> Visitor<'de> for RootVisitor {
    type Value = Checked;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checked, A::Error> {
        // A few keys are compared in a list; a large object switches to a set.
        const LIST: usize = 16;
        let mut list: Vec<Cow<'de, str>> = Vec::new();
        let mut set: HashSet<Cow<'de, str>> = HashSet::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let seen = if list.len() < LIST {
                list.contains(&key)
            } else {
                if set.is_empty() {
                    set.extend(list.iter().cloned());
                }
                set.contains(&key)
            };
            if seen {
                // As sent: `Error`'s `Display` escapes the message once.
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            if list.len() < LIST {
                list.push(key);
            } else {
                set.insert(key);
            }
            if self.strings {
                map.next_value::<Strings>()?;
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(Checked)
    }
}

/// A key, decoded: borrowed from the body unless it has escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(key))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(key.to_owned()))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(key))
    }
}

/// Any value, with every string in it decoded (and nothing kept).
struct Strings;

impl<'de> Deserialize<'de> for Strings {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StringsVisitor)
    }
}

struct StringsVisitor;

impl<'de> Visitor<'de> for StringsVisitor {
    type Value = Strings;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Strings, E> {
        Ok(Strings)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Strings, E> {
        Ok(Strings)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Strings, E> {
        Ok(Strings)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Strings, E> {
        Ok(Strings)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Strings, E> {
        Ok(Strings)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Strings, E> {
        Ok(Strings)
    }

    fn visit_none<E: de::Error>(self) -> Result<Strings, E> {
        Ok(Strings)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Strings, D::Error> {
        Strings::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Strings, A::Error> {
        while seq.next_element::<Strings>()?.is_some() {}
        Ok(Strings)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Strings, A::Error> {
        while map.next_key::<Strings>()?.is_some() {
            map.next_value::<Strings>()?;
        }
        Ok(Strings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str) -> Result<(), String> {
        let strings = may_hold_surrogates(json.as_bytes());
        let mut deserializer = serde_json::Deserializer::from_str(json);
        CheckedSeed { strings }
            .deserialize(&mut deserializer)
            .and_then(|_| deserializer.end())
            .map(|_| ())
            .map_err(|err| err.to_string())
    }

    #[test]
    fn surrogate_prefilter() {
        for (json, may) in [
            (r#""\ud800""#, true),
            (r#""\uDFFF""#, true),
            (r#""\uDc00""#, true),
            (r#""\u00e9 \ud7ff \ue000""#, false),
            (r#""plain d800""#, false),
            (r#""\\ud800""#, true), // an escaped backslash: a false positive, walked anyway
            ("\\u", false),
            ("\\ud", false),
        ] {
            assert_eq!(may_hold_surrogates(json.as_bytes()), may, "{json}");
        }
    }

    #[test]
    fn duplicate_top_level_keys() {
        assert!(check(r#"{"a": 1, "b": {"a": 2}, "c": [{"a": 1, "a": 2}]}"#).is_ok());
        assert_eq!(
            check(r#"{"Event": "x", "EventId": 1, "Event": "y"}"#).unwrap_err(),
            "duplicate field `Event` at line 1 column 36"
        );
        // Keys are compared decoded.
        assert_eq!(
            check(r#"{"type": 1, "t\u0079pe": 2}"#).unwrap_err(),
            "duplicate field `type` at line 1 column 23"
        );
        // Many keys: past the list, into the set.
        let mut many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        assert!(check(&format!("{{{}}}", many.join(","))).is_ok());
        many.push("\"k3\": 0".to_owned());
        let err = check(&format!("{{{}}}", many.join(","))).unwrap_err();
        assert!(err.starts_with("duplicate field `k3`"), "{err}");
        // The key is as sent here: `Error`'s `Display` escapes the whole message once.
        let err = check("{\"\\n\\u001b\": 1, \"\\n\\u001b\": 2}").unwrap_err();
        assert!(err.starts_with("duplicate field `\n\u{1b}`"), "{err}");
    }

    #[test]
    fn every_string_decodes() {
        assert!(check(r#"{"a": ["\ud83d\ude00", {"b": "\u00e9"}]}"#).is_ok());
        for json in [
            r#"{"a": "\ud800"}"#,
            r#"{"a": ["x", {"b": "\udc00"}]}"#,
            r#"{"a": {"\ud800": 1}}"#,
            r#"{"\ud800": 1}"#,
        ] {
            let err = check(json).unwrap_err();
            assert!(err.contains("escape"), "{json}: {err}");
        }
    }
}
