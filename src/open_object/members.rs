//! [`Members`]: the members of a JSON object that the typed model does not know, as sent.

use std::fmt;

use serde::de::{DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// A kept member: its name and its exact JSON text.
type Member = (String, RawJson);

/// Members of a JSON object that this crate has no field for, kept as sent.
///
/// Every typed object of every vendor keeps the members it does not know here, in the order
/// they arrived, each value as its exact JSON text ([`RawJson`]): nothing is dropped, renamed or re-encoded,
/// and serializing writes them back after the typed members. It is also the type of a member
/// that a vendor documents only as "an object" (Channel Talk's `profile`).
///
/// ```
/// let body = br#"{"trigger": "chats:close", "appId": "a1", "data": {"chatId": "c1", "reason": {"code": 7}}}"#;
/// let chat_webhooks::inbenta::Event::ChatsClose(close) = chat_webhooks::inbenta::parse(body)? else {
///     unreachable!()
/// };
/// let data = close.data.as_ref().unwrap();
/// assert_eq!(data.other.get("reason").unwrap().get(), r#"{"code": 7}"#);
/// let reason: serde_json::Value = data.other.get_as("reason").unwrap()?;
/// assert_eq!(reason["code"], 7);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The `other` of a typed model also remembers which of the model's typed members were sent,
/// so that one sent as `null` (and so `None`) is written back as `null` rather than dropped
/// (equality does not compare this: a member sent as `null` and one absent are both `None`).
#[derive(Clone, Default)]
pub struct Members {
    /// The members, boxed so that the common case, none, is one pointer wide: every typed
    /// object holds a `Members`.
    // Deliberate: the extra allocation is paid only by objects that keep members, and every
    // other object is smaller (measured in instructions by `scripts/instruction_ratios.sh`).
    #[allow(clippy::box_collection)]
    members: Option<Box<Vec<Member>>>,
    /// The typed members of the model holding these that were sent, by index (bit `i` for
    /// member `i`): one that is `None` was sent as `null`. Bit `63 - i` is set for a list `i`
    /// sent as `null` (an empty list does not tell `null` from `[]`); `open_object!` checks
    /// that a model with lists has at most 32 typed members, so the two never meet.
    sent: u64,
}

impl Members {
    /// No members.
    pub const fn new() -> Self {
        Members {
            members: None,
            sent: 0,
        }
    }

    /// The members, in the order they arrived.
    fn list(&self) -> &[Member] {
        self.members.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The members, for a change: allocated on the first one.
    fn list_mut(&mut self) -> &mut Vec<Member> {
        self.members.get_or_insert_with(Box::default)
    }

    /// Notes which typed members of the model holding these were sent (bit `i` for member
    /// `i`).
    pub(crate) fn set_sent(&mut self, sent: u64) {
        self.sent |= sent;
    }

    /// Whether the model's typed member `index` was sent (with any value, `null` included):
    /// an optional member that is `None` was sent as `null`, and is written back so.
    pub(crate) fn was_sent(&self, index: usize) -> bool {
        self.sent & (1 << index) != 0
    }

    /// Notes that the model's typed list `index` was sent as `null`.
    #[allow(dead_code)] // used by the vendors with `(list)` fields
    pub(crate) fn set_null_list(&mut self, index: usize) {
        self.sent |= 1 << (63 - index);
    }

    /// Whether the model's typed list `index` was sent as `null`.
    #[allow(dead_code)] // used by the vendors with `(list)` fields
    pub(crate) fn null_list(&self, index: usize) -> bool {
        self.sent & (1 << (63 - index)) != 0
    }

    /// How many members there are.
    pub fn len(&self) -> usize {
        self.list().len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list().is_empty()
    }

    /// The JSON text of the member `name` (the last one, should a sender repeat a name, as
    /// serde_json reads it).
    pub fn get(&self, name: &str) -> Option<&RawJson> {
        self.list()
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    }

    /// Reads the member `name` as `T`; `None` when there is no such member.
    pub fn get_as<T: DeserializeOwned>(&self, name: &str) -> Option<serde_json::Result<T>> {
        self.get(name).map(|raw| serde_json::from_str(raw.get()))
    }

    /// Whether there is a member `name`.
    pub fn contains_key(&self, name: &str) -> bool {
        self.list().iter().any(|(key, _)| key == name)
    }

    /// The members' names, in the order they arrived.
    pub fn keys(&self) -> impl Iterator<Item = &str> + '_ {
        self.list().iter().map(|(key, _)| key.as_str())
    }

    /// The members, in the order they arrived.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &RawJson)> + '_ {
        self.list().iter().map(|(key, value)| (key.as_str(), value))
    }

    /// Adds a member, or replaces the value of the member of that name.
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<RawJson>) {
        let (name, value) = (name.into(), value.into());
        match self.list_mut().iter_mut().find(|(key, _)| *key == name) {
            Some((_, slot)) => *slot = value,
            None => self.list_mut().push((name, value)),
        }
    }

    /// Serializes `value` and [`insert`](Self::insert)s it.
    pub fn insert_value<T: Serialize + ?Sized>(
        &mut self,
        name: impl Into<String>,
        value: &T,
    ) -> serde_json::Result<()> {
        self.insert(name, RawJson::from_value(value)?);
        Ok(())
    }

    /// Removes every member called `name` and returns the value of the last one.
    pub fn remove(&mut self, name: &str) -> Option<RawJson> {
        let mut removed = None;
        let mut index = 0;
        let members = self.members.as_deref_mut()?;
        while index < members.len() {
            if members[index].0 == name {
                removed = Some(members.remove(index).1);
            } else {
                index += 1;
            }
        }
        removed
    }

    /// Keeps a member as the reader met it (a repeated name is kept twice, as sent), charging
    /// the room the list takes to the parse's memory budget (`crate::json::budget`): an array
    /// of `{"a":0}` elements takes a list of at least four members for each.
    pub(crate) fn push<E: serde::de::Error>(
        &mut self,
        name: String,
        value: RawJson,
    ) -> Result<(), E> {
        let list = self.list_mut();
        let before = list.capacity();
        list.push((name, value));
        if list.capacity() != before {
            // The list's box with its first room, or the room it grew by.
            let boxed = if before == 0 {
                std::mem::size_of::<Vec<Member>>()
            } else {
                0
            };
            let grown = (list.capacity() - before) * std::mem::size_of::<Member>();
            crate::json::charge::<E>(boxed + grown)?;
        }
        Ok(())
    }
}

/// Members are equal when they hold the same names with equal JSON values, in any order: the
/// values' texts are equal, or they read as equal `serde_json` values (a member that went
/// through `serde_json::Value` loses its whitespace, not its value).
impl PartialEq for Members {
    fn eq(&self, other: &Self) -> bool {
        if self.len() != other.len() {
            return false;
        }
        fn sorted(members: &Members) -> Vec<(&str, &str)> {
            let mut pairs: Vec<(&str, &str)> = members
                .iter()
                .map(|(key, value)| (key, value.get()))
                .collect();
            pairs.sort_by(|a, b| a.0.cmp(b.0));
            pairs
        }
        sorted(self)
            .into_iter()
            .zip(sorted(other))
            .all(|((a, x), (b, y))| a == b && same_json(x, y))
    }
}

impl Eq for Members {}

/// Whether two JSON texts hold the same value.
fn same_json(x: &str, y: &str) -> bool {
    x == y
        || matches!(
            (
                serde_json::from_str::<serde_json::Value>(x),
                serde_json::from_str::<serde_json::Value>(y),
            ),
            (Ok(x), Ok(y)) if x == y
        )
}

impl fmt::Debug for Members {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.iter().map(|(key, value)| (key, value.get())))
            .finish()
    }
}

impl<'a> IntoIterator for &'a Members {
    type Item = (&'a str, &'a RawJson);
    type IntoIter = Box<dyn Iterator<Item = (&'a str, &'a RawJson)> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl Serialize for Members {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self.iter() {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MembersVisitor;

        impl<'de> Visitor<'de> for MembersVisitor {
            type Value = Members;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut members = Members::new();
                while let Some(key) = map.next_key::<String>()? {
                    members.push(key, map.next_value()?)?;
                }
                Ok(members)
            }
        }

        deserializer.deserialize_map(MembersVisitor)
    }
}

/// A JSON value kept as its exact text: the one type for it, wherever this crate keeps a value
/// as sent (each of [`Members`], an [`UnknownEvent`](crate::UnknownEvent)'s payload, Inbenta
/// message content of an undocumented shape).
///
/// Where a vendor documents a member but not its shape (Ebbot's `nps`, Channel Talk's `form`),
/// the member is typed as `RawJson`: nothing is re-encoded (`-0`, `1.50` and escapes come back
/// as sent), and [`deserialize`](Self::deserialize) reads it into a type of your own. Two
/// values are equal when their texts are, or when they read as equal `serde_json` values.
#[derive(Clone)]
pub struct RawJson(Box<RawValue>);

impl RawJson {
    /// The JSON text, as sent.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// The value as a [`RawValue`].
    pub fn as_raw(&self) -> &RawValue {
        &self.0
    }

    /// Reads the value as `T`.
    pub fn deserialize<T: DeserializeOwned>(&self) -> serde_json::Result<T> {
        serde_json::from_str(self.0.get())
    }

    /// The JSON text of `value`.
    pub fn from_value<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Self> {
        serde_json::value::to_raw_value(value).map(RawJson)
    }

    /// Whether the value is JSON `null`.
    pub fn is_null(&self) -> bool {
        self.0.get() == "null"
    }
}

impl From<Box<RawValue>> for RawJson {
    fn from(raw: Box<RawValue>) -> Self {
        RawJson(raw)
    }
}

impl From<RawJson> for Box<RawValue> {
    fn from(raw: RawJson) -> Self {
        raw.0
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        same_json(self.get(), other.get())
    }
}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RawJson").field(&self.get()).finish()
    }
}

impl fmt::Display for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl Serialize for RawJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RawJson {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <Box<RawValue>>::deserialize(deserializer).map(RawJson)
    }
}
