//! Open objects: typed known members plus [`Members`] for the rest, as sent.
//!
//! Some vendor objects are open-ended: Inbenta documents its webhook data as "skinny" and
//! gives a shape for few triggers; Ebbot's session data and file values carry whatever the
//! widget sends. Such a struct reads the members this crate knows into typed `Option` fields
//! and keeps every other member, as sent, in `other`; serializing writes both back. The
//! structs are declared with `open_object!` (in `macros.rs`), which generates the struct and
//! an [`OpenObject`] impl; the visitor and the serializer here are shared by all of them, and
//! typed member names are matched without allocating.

// Used by the vendors with open objects (Ebbot, Inbenta); idle in builds without them.
#![cfg_attr(not(any(feature = "ebbot", feature = "inbenta")), allow(dead_code))]

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};

/// Members of an object that this crate has no field for, as sent.
#[allow(unreachable_pub)] // re-exported by the vendor modules that have open objects
pub type Members = serde_json::Map<String, serde_json::Value>;

/// A struct declared with `open_object!`.
pub(crate) trait OpenObject: Default {
    /// What the struct is, for "invalid type" messages.
    const EXPECTING: &'static str;
    /// The JSON names of the typed members, in the order they are written.
    const KEYS: &'static [&'static str];

    /// Reads the value of the member `KEYS[index]` into its field.
    fn read_member<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// Writes the typed members that are present, in `KEYS` order.
    fn write_members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;

    /// The members kept as sent.
    fn other(&self) -> &Members;

    /// The members kept as sent, for the reader.
    fn other_mut(&mut self) -> &mut Members;
}

/// Reads a [`OpenObject`] struct from a JSON object.
pub(crate) fn deserialize<'de, T: OpenObject, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

/// Writes a [`OpenObject`] struct as a JSON object: typed members first, then the kept ones.
///
/// A kept member whose name is a typed member's (possible only if it was inserted by hand)
/// is skipped, so the output never has a duplicate key.
pub(crate) fn serialize<T: OpenObject, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    value.write_members(&mut map)?;
    for (key, member) in value.other() {
        if !T::KEYS.contains(&key.as_str()) {
            map.serialize_entry(key, member)?;
        }
    }
    map.end()
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: OpenObject> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        // Charged to the parse's memory budget: an array of `{}` stays proportional to the body.
        crate::json::charge::<A::Error>(std::mem::size_of::<T>())?;
        let mut value = T::default();
        let mut seen: u64 = 0;
        while let Some(key) = map.next_key_seed(KeySeed::<T>(PhantomData))? {
            match key {
                Key::Known(index) => {
                    let bit = 1u64 << index;
                    if seen & bit != 0 {
                        return Err(de::Error::duplicate_field(T::KEYS[index]));
                    }
                    seen |= bit;
                    value.read_member(index, &mut map)?;
                }
                Key::Other(name) => {
                    let member = map.next_value()?;
                    value.other_mut().insert(name, member);
                }
            }
        }
        Ok(value)
    }
}

/// A member name: the index of a typed member, or the name of another one.
enum Key {
    Known(usize),
    Other(String),
}

/// Reads a member name without allocating for the typed ones.
struct KeySeed<T>(PhantomData<T>);

impl<'de, T: OpenObject> DeserializeSeed<'de> for KeySeed<T> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<T: OpenObject> Visitor<'_> for KeySeed<T> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        Ok(match T::KEYS.iter().position(|key| *key == name) {
            Some(index) => Key::Known(index),
            None => Key::Other(name.to_owned()),
        })
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<Key, E> {
        Ok(match T::KEYS.iter().position(|key| *key == name) {
            Some(index) => Key::Known(index),
            None => Key::Other(name),
        })
    }
}

#[cfg(test)]
#[allow(unreachable_pub)] // the macro declares `pub` structs
mod tests {
    open_object! {
        /// A test payload.
        pub struct Sample("a sample (an object)") {
            /// A number.
            number: i64 = "number",
            /// Some text.
            text: String = "text",
        }
    }

    #[test]
    fn typed_and_kept_members_in_any_order() {
        let sample: Sample =
            serde_json::from_str(r#"{"extra":[1,{"a":null}],"text":"hi","number":3,"z":null}"#)
                .unwrap();
        assert_eq!(sample.number, Some(3));
        assert_eq!(sample.text.as_deref(), Some("hi"));
        assert_eq!(sample.other.len(), 2);
        assert_eq!(
            serde_json::to_string(&sample).unwrap(),
            r#"{"number":3,"text":"hi","extra":[1,{"a":null}],"z":null}"#
        );
    }

    #[test]
    fn nulls_read_as_none_and_hand_inserted_duplicates_are_not_written() {
        let mut sample: Sample = serde_json::from_str(r#"{"number":null}"#).unwrap();
        assert_eq!(sample, Sample::default());
        sample.number = Some(1);
        sample.other.insert("number".into(), 2.into());
        assert_eq!(serde_json::to_string(&sample).unwrap(), r#"{"number":1}"#);
    }

    #[test]
    fn errors() {
        let err = serde_json::from_str::<Sample>(r#"{"number":1,"number":2}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "duplicate field `number` at line 1 column 20"
        );
        let err = serde_json::from_str::<Sample>("[]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: sequence, expected a sample (an object) at line 1 column 0"
        );
        let err = serde_json::from_str::<Sample>(r#"{"text":5}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: integer `5`, expected a string at line 1 column 9"
        );
    }
}
