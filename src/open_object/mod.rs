//! Open objects: typed members plus [`Members`] for the rest, as sent.
//!
//! This is the one mechanism by which every object model of every vendor is read and written.
//! A model reads the members this crate knows into typed fields and keeps every other member,
//! as its exact JSON text, in `other` ([`Members`]); serializing writes the typed members (in
//! the vendor's documented order) and then the kept ones (in the order they arrived). So a
//! member a vendor adds tomorrow is neither an error nor lost, and
//! [`unknown_members`](crate::Event::unknown_members) lists where such members arrived.
//!
//! Most models are declared with `open_object!` (in `macros.rs`), which generates the struct
//! and its [`OpenObject`] and [`Walk`] impls. A few models whose keys say more than which field
//! they fill implement [`OpenObject`] by hand and still go through the reader and writer here:
//! SuperOffice's chat-session `FieldValues` (three key spellings, written back in the one that
//! arrived), Channel Talk's envelope (a `type` that may be absent), Ebbot's message (its `value`
//! is typed by its `type`, which may come later).
//!
//! Every member is read through [`read_value`], which charges each element of every sequence
//! in it to the parse's memory budget (`crate::json::budget`), whatever the field's type; the
//! members kept in `other` are charged as their list grows. A value kept as sent is one type,
//! [`RawJson`], whether it is a kept member, an undocumented member or an unknown event.
//!
//! The reader only accepts a JSON object (serde's derive would also read a JSON array
//! positionally: `"entity": []` would be an empty entity), rejects a typed member given twice,
//! and matches typed names without allocating.

mod charged;
mod members;
mod raw;
mod walk;

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};

pub(crate) use self::charged::read_value;
pub use self::members::{Members, RawJson};
pub(crate) use self::raw::{deserialize_raw, VisitRaw, RAW_VALUE_TOKEN};

/// A field read with `open_object!`'s `(list)`: `null` or absent reads as empty.
#[allow(dead_code)] // used by the vendors with `(list)` fields
pub(crate) trait List: Default {
    /// Reads the field's value (not `null`: the reader handles that).
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;

    /// Whether it holds nothing: an empty list is written only if it was sent.
    fn is_empty_list(&self) -> bool;
}

/// An array (each element charged to the parse's memory budget by [`read_value`], as every
/// sequence an open object reads is).
impl<T: serde::de::DeserializeOwned> List for Vec<T> {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <Vec<T> as serde::Deserialize>::deserialize(deserializer)
    }

    fn is_empty_list(&self) -> bool {
        self.is_empty()
    }
}

/// An object whose members are all kept.
impl List for Members {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <Members as serde::Deserialize>::deserialize(deserializer)
    }

    fn is_empty_list(&self) -> bool {
        self.is_empty()
    }
}
pub(crate) use self::walk::{report, Found, Path, Walk};

/// A model read and written as an open object. At most 64 typed members (32 for one with a
/// `(list)` member).
pub(crate) trait OpenObject: Sized {
    /// What the model is, for "invalid type" messages: `"a chat (an object)"`.
    const EXPECTING: &'static str;

    /// The model with no member read yet.
    fn empty() -> Self;

    /// The index of the typed member that `name` names, if any. Takes `self` so that a model
    /// can note what the key's spelling says (SuperOffice's key style).
    fn classify(&mut self, name: &str) -> Option<usize>;

    /// The name of the typed member at `index`, for "duplicate field" messages.
    fn member_name(&self, index: usize) -> &'static str;

    /// Reads the value of the typed member at `index`. One that reads as `None` (it was `null`)
    /// is written back as `null` while it stays so (see [`Members::was_sent`]).
    fn read_member<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// Checks the model once every member is read: required members, members that depend on
    /// each other. `seen` has bit `i` set for each typed member `i` that was present.
    fn finish<E: de::Error>(&mut self, seen: u64) -> Result<(), E> {
        let _ = seen;
        Ok(())
    }

    /// Writes the typed members, in the vendor's documented order.
    fn write_members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;

    /// Whether `name` is written by [`write_members`](Self::write_members): a kept member of
    /// that name (possible only if inserted by hand) is then not written twice.
    fn writes(&self, name: &str) -> bool;

    /// The members kept as sent.
    fn other(&self) -> &Members;

    /// The members kept as sent, for the reader.
    fn other_mut(&mut self) -> &mut Members;

    /// Notes which typed members were sent (`seen`, as for [`finish`](Self::finish)), for
    /// [`Members::was_sent`]. A model that hands members to another model's reader (Chatwoot's
    /// envelope) passes that model its own bits.
    fn set_sent(&mut self, seen: u64) {
        self.other_mut().set_sent(seen);
    }
}

/// Reads an [`OpenObject`] from a JSON object.
pub(crate) fn deserialize<'de, T: OpenObject, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let mut value = T::empty();
    deserializer.deserialize_map(ObjectVisitor(&mut value))?;
    Ok(value)
}

/// [`deserialize`], into a box allocated first: the object is read where it stays, not built
/// on the stack and moved (the vendors' largest events are 2–3 KB).
pub(crate) fn deserialize_boxed<'de, T: OpenObject, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Box<T>, D::Error> {
    let mut boxed = Box::new(T::empty());
    deserializer.deserialize_map(ObjectVisitor(&mut *boxed))?;
    Ok(boxed)
}

/// An event's typed payload, read by [`deserialize_boxed`]: what `event_enum!` parses.
pub(crate) struct Boxed<T>(pub(crate) Box<T>);

impl<'de, T: OpenObject> serde::Deserialize<'de> for Boxed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_boxed(deserializer).map(Boxed)
    }
}

/// An `Option<T>` field of an open object, read in place by [`ReadInPlace`] when `T` is an
/// open object and by value by [`ReadByValue`] otherwise. `open_field_read!` calls
/// `(&mut Slot(&mut field)).read_slot(map)`: method lookup takes the first trait that applies
/// (autoref specialization), so every field type that is `Deserialize` works, and nested
/// objects are written where they stay instead of being built on the stack and moved once per
/// level (moves were 8% of `parse_event`'s time, measured with `perf`).
pub(crate) struct Slot<'a, T>(pub(crate) &'a mut Option<T>);

/// See [`Slot`]: the nested open object is read into the field.
#[allow(dead_code)] // unused when the enabled vendors' models nest no open object
pub(crate) trait ReadInPlace {
    fn read_slot<'de, A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error>;
}

impl<T: OpenObject> ReadInPlace for Slot<'_, T> {
    #[inline]
    fn read_slot<'de, A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error> {
        map.next_value_seed(InPlace(&mut *self.0))
    }
}

/// See [`Slot`]: any other field type, read by value through [`read_value`].
pub(crate) trait ReadByValue {
    fn read_slot<'de, A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error>;
}

impl<T: serde::de::DeserializeOwned> ReadByValue for &mut Slot<'_, T> {
    #[inline]
    fn read_slot<'de, A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error> {
        *self.0 = read_value(map)?;
        Ok(())
    }
}

/// Reads an optional open object into its slot: `null` empties it.
#[allow(dead_code)] // as ReadInPlace
struct InPlace<'a, T>(&'a mut Option<T>);

impl<'de, T: OpenObject> DeserializeSeed<'de> for InPlace<'_, T> {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: OpenObject> Visitor<'de> for InPlace<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        *self.0 = None;
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        *self.0 = None;
        Ok(())
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let place = self.0.insert(T::empty());
        deserializer.deserialize_map(ObjectVisitor(place))
    }
}

pub(crate) fn serialize<T: OpenObject, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    value.write_members(&mut map)?;
    for (key, member) in value.other() {
        if !value.writes(key) {
            map.serialize_entry(key, member)?;
        }
    }
    map.end()
}

/// Builds the model in `visit_map`'s own frame: a model is large (a Channel Talk message is
/// over a kilobyte), and one carried in the visitor would be copied in and out of it.
/// Reads an object's members into the open object it holds.
struct ObjectVisitor<'a, T>(&'a mut T);

impl<'de, T: OpenObject> Visitor<'de> for ObjectVisitor<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // Charged to the parse's memory budget (`json::budget`): an array of `{}` stays
        // proportional to the body.
        crate::json::charge::<A::Error>(std::mem::size_of::<T>())?;
        let value = self.0;
        let mut seen: u64 = 0;
        while let Some(key) = map.next_key_seed(KeySeed(&mut *value))? {
            match key {
                Key::Known(index) => {
                    let bit = 1u64 << index;
                    if seen & bit != 0 {
                        return Err(de::Error::duplicate_field(value.member_name(index)));
                    }
                    seen |= bit;
                    value.read_member(index, &mut map)?;
                }
                Key::Other(name) => {
                    let member: RawJson = map.next_value()?;
                    value.other_mut().push(name, member)?;
                }
            }
        }
        value.finish(seen)?;
        value.set_sent(seen);
        Ok(())
    }
}

/// A member name: the index of a typed member, or the name of another one.
enum Key {
    Known(usize),
    Other(String),
}

/// Reads a member name, without allocating for the typed ones.
struct KeySeed<'a, T>(&'a mut T);

impl<'de, T: OpenObject> DeserializeSeed<'de> for KeySeed<'_, T> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<T: OpenObject> Visitor<'_> for KeySeed<'_, T> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        Ok(match self.0.classify(name) {
            Some(index) => Key::Known(index),
            None => Key::Other(name.to_owned()),
        })
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<Key, E> {
        Ok(match self.0.classify(&name) {
            Some(index) => Key::Known(index),
            None => Key::Other(name),
        })
    }
}

#[cfg(test)]
#[allow(unreachable_pub)] // the macro declares `pub` structs
mod tests {
    use super::{Found, Path, Walk};

    open_object! {
        /// A test payload.
        pub struct Sample("a sample (an object)") {
            /// A number.
            number: i64 = "number",
            /// Some text.
            text: String = "text",
            /// A nested object.
            inner: Inner = "inner",
        }
    }

    open_object! {
        /// A nested test object.
        pub struct Inner("an inner object") {
            /// A flag.
            flag: bool = "flag",
        }
    }

    open_object! {
        /// An envelope with a required name and a key that is always written.
        pub struct Envelope<P>("an envelope (an object)") {
            /// Required.
            name: String = "name" (required),
            /// Always written.
            id: String = "id" (always),
            /// The payload.
            payload: P = "payload",
        }
    }

    #[test]
    fn typed_and_kept_members_in_any_order() {
        let sample: Sample =
            serde_json::from_str(r#"{"extra":[1, {"a":null}],"text":"hi","number":3,"z":null}"#)
                .unwrap();
        assert_eq!(sample.number, Some(3));
        assert_eq!(sample.text.as_deref(), Some("hi"));
        assert_eq!(sample.other.len(), 2);
        assert_eq!(
            sample.other.get("extra").unwrap().get(),
            r#"[1, {"a":null}]"#
        );
        assert_eq!(
            serde_json::to_string(&sample).unwrap(),
            r#"{"number":3,"text":"hi","extra":[1, {"a":null}],"z":null}"#
        );
    }

    #[test]
    fn kept_members_are_exact_text() {
        // A lone surrogate, -0, a float's digits: kept as sent, never re-encoded.
        let json = r#"{"a":"\ud800","b":-0,"c":1.50,"d":"\u00e9"}"#;
        let sample: Sample = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&sample).unwrap(), json);
    }

    #[test]
    fn nulls_read_as_none_and_hand_inserted_duplicates_are_not_written() {
        let mut sample: Sample = serde_json::from_str(r#"{"number":null}"#).unwrap();
        assert_eq!(sample, Sample::default());
        sample.number = Some(1);
        sample.other.insert_value("number", &2).unwrap();
        assert_eq!(serde_json::to_string(&sample).unwrap(), r#"{"number":1}"#);
    }

    #[test]
    fn required_and_always_written_members() {
        let envelope: Envelope<Inner> =
            serde_json::from_str(r#"{"payload":{"flag":true,"x":1},"name":"n"}"#).unwrap();
        assert_eq!(envelope.name, "n");
        assert_eq!(
            serde_json::to_string(&envelope).unwrap(),
            r#"{"name":"n","id":null,"payload":{"flag":true,"x":1}}"#
        );
        let err = serde_json::from_str::<Envelope<Inner>>(r#"{"id":"x"}"#).unwrap_err();
        assert_eq!(err.to_string(), "missing field `name` at line 1 column 10");
    }

    #[test]
    fn unknown_members_are_listed_with_their_paths() {
        let sample: Sample =
            serde_json::from_str(r#"{"a":1,"inner":{"flag":true,"b":2,"c":{}}}"#).unwrap();
        let mut out = Found::new();
        sample.walk(&Path::Root, &mut out);
        assert_eq!(out.into_paths(), ["a", "inner.b", "inner.c"]);
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
        let err = serde_json::from_str::<Sample>(r#"{"inner":[]}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: sequence, expected an inner object at line 1 column 9"
        );
        let err = serde_json::from_str::<Sample>(r#"{"text":5}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: integer `5`, expected a string at line 1 column 9"
        );
    }
}
