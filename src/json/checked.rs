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
//!
//! Neither check recurses, so a value kept raw is kept at any depth, as it is in a typed
//! event's kept members: the top-level keys are read with serde_json (the values skipped,
//! which serde_json does without recursion), and the strings are checked by one scan of the
//! body ([`lone_surrogate`]) that reads only their escapes.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

/// A body checked as described in the module docs; holds nothing.
pub(crate) struct Checked;

/// Reads a body's top-level keys as [`Checked`]: an error for a key sent twice or one that
/// does not decode. The values are skipped.
#[derive(Clone, Copy)]
pub(crate) struct CheckedSeed;

impl<'de> DeserializeSeed<'de> for CheckedSeed {
    type Value = Checked;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Checked, D::Error> {
        deserializer.deserialize_map(RootVisitor)
    }
}

/// The byte range of the first string in `body` that does not decode (a lone surrogate
/// escape), quotes included; `None` when every string decodes.
///
/// `body` must be valid JSON (the caller has read it): a string then starts at each `"` met
/// outside one, and a backslash is met only inside one. One pass, with no recursion: the
/// depth of the body costs nothing.
pub(crate) fn lone_surrogate(body: &[u8]) -> Option<(usize, usize)> {
    /// The code unit of the `\uXXXX` escape at `at` (at its backslash), if it is one.
    fn unit(body: &[u8], at: usize) -> Option<u16> {
        let escape = body.get(at..at + 6)?;
        if &escape[..2] != b"\\u" {
            return None;
        }
        let hex = std::str::from_utf8(&escape[2..]).ok()?;
        u16::from_str_radix(hex, 16).ok()
    }
    let mut at = 0;
    while let Some(open) = memchr::memchr(b'"', &body[at..]).map(|i| at + i) {
        let mut i = open + 1;
        let mut bad = false;
        let close = loop {
            let next = memchr::memchr2(b'"', b'\\', &body[i..]).map(|n| i + n)?;
            if body[next] == b'"' {
                break next;
            }
            match unit(body, next) {
                Some(0xD800..=0xDBFF) => match unit(body, next + 6) {
                    Some(0xDC00..=0xDFFF) => i = next + 12,
                    _ => {
                        bad = true;
                        i = next + 6;
                    }
                },
                Some(0xDC00..=0xDFFF) => {
                    bad = true;
                    i = next + 6;
                }
                // Another escape: the backslash and the byte after it.
                _ => i = next + 2,
            }
        };
        if bad {
            return Some((open, close));
        }
        at = close + 1;
    }
    None
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

struct RootVisitor;

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
            map.next_value::<de::IgnoredAny>()?;
        }
        Ok(Checked)
    }
}

/// A key, decoded: borrowed from the body unless it has escapes. (Serde's own `Cow<str>`
/// always allocates.)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str) -> Result<(), String> {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        CheckedSeed
            .deserialize(&mut deserializer)
            .and_then(|_| deserializer.end())
            .map_err(|err| err.to_string())?;
        match lone_surrogate(json.as_bytes()) {
            Some((open, close)) => Err(json[open..=close].to_owned()),
            None => Ok(()),
        }
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
        for json in [
            r#"{"a": ["\ud83d\ude00", {"b": "\u00e9"}]}"#,
            r#"{"a": "\\ud800", "b": "\\\\", "c": "\"\\udc00"}"#,
            r#"{"\uDBFF\uDFFF": "\uD800\uDC00"}"#,
        ] {
            assert_eq!(check(json), Ok(()), "{json}");
        }
        for (json, string) in [
            (r#"{"a": "\ud800"}"#, r#""\ud800""#),
            (r#"{"a": ["x", {"b": "y\udc00z"}]}"#, r#""y\udc00z""#),
            (r#"{"a": {"\ud800\u0041": 1}}"#, r#""\ud800\u0041""#),
            (r#"{"a": "\ud800\ud800\udc00"}"#, r#""\ud800\ud800\udc00""#),
            (r#"{"a": "\\", "b": "\udfff"}"#, r#""\udfff""#),
        ] {
            assert_eq!(check(json), Err(string.to_owned()), "{json}");
        }
        // A top-level key is decoded by serde_json.
        let err = check(r#"{"\ud800": 1}"#).unwrap_err();
        assert!(err.contains("escape"), "{err}");
        // Any depth: no recursion.
        let deep = format!(
            r#"{{"a": {}"\udc00"{}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(check(&deep).is_err());
    }
}
