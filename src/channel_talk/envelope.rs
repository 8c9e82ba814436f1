//! [`Webhook`]: the envelope every Channel Talk webhook shares, `{event, type, entity, refers}`.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::de::{
    self, Deserialize, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, Unexpected,
    Visitor,
};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{EventKind, Message, Refers, User, UserChat};
use crate::lenient::Timestamp;
use crate::open_object::{self, Found, Members, OpenObject, Path, Walk};
use crate::table::Envelope;

open_enum! {
    /// What happened to the entity: the envelope's `event`.
    ///
    /// Channel's documentation revisions disagree on the words: the older one names `create`,
    /// `update` and `push`, the newer one `upsert`, `update` and `push`, and every published
    /// example sends `push`. Any other word is kept in [`Unknown`](Self::Unknown).
    pub enum EventAction {
        /// `push`: a new message, a new user chat (every published example).
        Push = "push",
        /// `create`: a model was created (older documentation revision).
        Create = "create",
        /// `upsert`: a model was created or updated (newer documentation revision).
        Upsert = "upsert",
        /// `update`: a model was updated (a user's contacts or marketing consent, a chat).
        Update = "update",
    }
}

/// `"<type>.<event>"`, with the type in the spelling of Channel's examples (`userChat`) when it
/// names a known model in any letter case, else as sent.
pub(crate) fn compose_name(ty: &str, action: &str) -> Box<str> {
    let known = EventKind::ALL
        .iter()
        .map(|kind| kind.as_str())
        .find(|known| known.eq_ignore_ascii_case(ty));
    join(known.unwrap_or(ty), action)
}

/// `"<ty>.<action>"`.
fn join(ty: &str, action: &str) -> Box<str> {
    let mut name = String::with_capacity(ty.len() + 1 + action.len());
    name.push_str(ty);
    name.push('.');
    name.push_str(action);
    name.into()
}

/// What the envelope needs of the model in its `entity`: which model it is, and where the
/// model keeps the chat id and the time.
pub(crate) trait Model: Serialize + DeserializeOwned + Walk {
    /// The model's kind (`type`).
    const KIND: EventKind;

    /// The chat the model belongs to.
    fn chat_id<'a>(&'a self, refers: Option<&'a Refers>) -> Option<&'a str>;

    /// When the event happened: `updatedAt` for an `update`, else `createdAt`.
    fn occurred_at(&self, update: bool) -> Option<&Timestamp>;
}

/// The id of the user chat in `refers`.
fn refers_chat_id(refers: Option<&Refers>) -> Option<&str> {
    refers?
        .user_chat
        .as_ref()?
        .id
        .as_ref()
        .map(|id| id.as_str())
}

impl Model for Message {
    const KIND: EventKind = EventKind::Message;

    /// `entity.chatId`, else `refers.userChat.id`.
    fn chat_id<'a>(&'a self, refers: Option<&'a Refers>) -> Option<&'a str> {
        match &self.chat_id {
            Some(id) => Some(id.as_str()),
            None => refers_chat_id(refers),
        }
    }

    fn occurred_at(&self, update: bool) -> Option<&Timestamp> {
        if update {
            self.updated_at.as_ref()
        } else {
            self.created_at.as_ref()
        }
    }
}

impl Model for UserChat {
    const KIND: EventKind = EventKind::UserChat;

    /// `entity.id`.
    fn chat_id<'a>(&'a self, _: Option<&'a Refers>) -> Option<&'a str> {
        self.id.as_ref().map(|id| id.as_str())
    }

    fn occurred_at(&self, update: bool) -> Option<&Timestamp> {
        if update {
            self.updated_at.as_ref()
        } else {
            self.created_at.as_ref()
        }
    }
}

impl Model for User {
    const KIND: EventKind = EventKind::User;

    /// None: a user is not a chat.
    fn chat_id<'a>(&'a self, _: Option<&'a Refers>) -> Option<&'a str> {
        None
    }

    /// `updatedAt`: a user event is a change to the user.
    fn occurred_at(&self, _: bool) -> Option<&Timestamp> {
        self.updated_at.as_ref()
    }
}

/// A Channel Talk webhook: `{event, type, entity, refers}`, with the entity typed by `P`
/// ([`Message`], [`UserChat`] or [`User`]).
///
/// `event` ([`action`](Self::action)) is required; `type` may be absent (team-chat pushes are
/// sent without it: the model is then told by the entity's shape), and it is written back as it
/// arrived, in its letter case, or not at all. A `type` that names another model is an error.
/// `entity` and `refers` may be absent or `null`; `entity` is written as `null` when `None`,
/// because with `event` it is how [`parse_event`](crate::parse_event) recognises Channel Talk.
/// Top-level members Channel does not document are kept in `other` and written
/// back after the documented ones.
///
/// [`event_name`](Self::event_name) is `"<type>.<event>"` with the type in the spelling of
/// Channel's examples (`message.push`, `userChat.push`), whichever spelling was sent.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Webhook<P> {
    kind: EventKind,
    action: EventAction,
    type_as_sent: TypeAsSent,
    name: Box<str>,
    /// The model the event is about (`entity`).
    pub entity: Option<P>,
    /// Related models (`refers`): the author of a message, the group it was posted in, the
    /// user of a user chat.
    pub refers: Option<Refers>,
    /// Top-level members Channel does not document, as sent.
    pub other: Members,
}

impl<P> Webhook<P> {
    /// What happened (`event`: `push`, `update`, ...).
    pub fn action(&self) -> &EventAction {
        &self.action
    }

    /// Replaces [`action`](Self::action), and with it [`event_name`](Self::event_name).
    pub fn set_action(&mut self, action: impl Into<EventAction>) {
        self.action = action.into();
        self.name = join(self.kind.as_str(), self.action.as_str());
    }

    /// `"<type>.<event>"`: `message.push`, `userChat.update`, `user.update`.
    pub fn event_name(&self) -> &str {
        &self.name
    }

    /// The model in `entity`.
    pub fn kind(&self) -> EventKind {
        self.kind
    }

    /// The `type` as it was sent (`userChat`, `UserChat`, `userchat`, written back the same
    /// way); `None` when the webhook came without one.
    pub fn type_as_sent(&self) -> Option<&str> {
        match &self.type_as_sent {
            TypeAsSent::Absent => None,
            TypeAsSent::Canonical => Some(self.kind.as_str()),
            TypeAsSent::Other(ty) => Some(ty),
        }
    }
}

/// How `type` arrived: absent, in the spelling of Channel's examples (the common case, kept
/// without allocating), or in another letter case.
#[derive(Debug, Clone, PartialEq)]
enum TypeAsSent {
    Absent,
    Canonical,
    Other(Box<str>),
}

macro_rules! constructor {
    ($($model:ty),+) => {
        $(
            impl Webhook<$model> {
                /// A webhook of `action` on this model, with `type` in the spelling of
                /// Channel's examples and nothing else set.
                pub fn new(action: impl Into<EventAction>) -> Self {
                    let mut hook = <Self as OpenObject>::empty();
                    hook.type_as_sent = TypeAsSent::Canonical;
                    hook.set_action(action);
                    hook
                }
            }
        )+
    };
}

constructor!(Message, UserChat, User);

/// Reads `type` (a string or `null`) for a webhook of `self.0`, allocating only for a spelling
/// other than the examples'.
struct TypeSeed(EventKind);

impl<'de> DeserializeSeed<'de> for TypeSeed {
    type Value = TypeAsSent;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<TypeAsSent, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for TypeSeed {
    type Value = TypeAsSent;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_none<E: de::Error>(self) -> Result<TypeAsSent, E> {
        Ok(TypeAsSent::Absent)
    }

    fn visit_unit<E: de::Error>(self) -> Result<TypeAsSent, E> {
        Ok(TypeAsSent::Absent)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<TypeAsSent, D::Error> {
        deserializer.deserialize_str(self)
    }

    fn visit_str<E: de::Error>(self, ty: &str) -> Result<TypeAsSent, E> {
        Ok(if ty == self.0.as_str() {
            TypeAsSent::Canonical
        } else {
            TypeAsSent::Other(ty.into())
        })
    }
}

/// The members of the envelope, in the order they are written.
const KEYS: [&str; 4] = ["event", "type", "entity", "refers"];

impl<P: Model> OpenObject for Webhook<P> {
    const EXPECTING: &'static str = "a Channel Talk webhook (an object)";

    fn empty() -> Self {
        Webhook {
            kind: P::KIND,
            action: EventAction::Unknown(String::new()),
            type_as_sent: TypeAsSent::Absent,
            name: Box::default(),
            entity: None,
            refers: None,
            other: Members::new(),
        }
    }

    #[inline]
    fn classify(&mut self, name: &str) -> Option<usize> {
        match name {
            "event" => Some(0),
            "type" => Some(1),
            "entity" => Some(2),
            "refers" => Some(3),
            _ => None,
        }
    }

    fn member_name(&self, index: usize) -> &'static str {
        KEYS.get(index).copied().unwrap_or("")
    }

    fn read_member<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match index {
            0 => self.action = open_object::read_value(map)?,
            1 => self.type_as_sent = map.next_value_seed(TypeSeed(self.kind))?,
            2 => self.entity = open_object::read_value(map)?,
            _ => self.refers = open_object::read_value(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(&mut self, seen: u64) -> Result<(), E> {
        if seen & 1 == 0 {
            return Err(E::missing_field(KEYS[0]));
        }
        if let TypeAsSent::Other(ty) = &self.type_as_sent {
            if !ty.eq_ignore_ascii_case(P::KIND.as_str()) {
                let expected = format!("`{}` in any letter case", P::KIND.as_str());
                return Err(E::invalid_value(Unexpected::Str(ty), &expected.as_str()));
            }
        }
        self.name = join(P::KIND.as_str(), self.action.as_str());
        Ok(())
    }

    fn write_members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(KEYS[0], &self.action)?;
        if let Some(ty) = self.type_as_sent() {
            map.serialize_entry(KEYS[1], ty)?;
        } else if self.other.was_sent(1) {
            map.serialize_entry(KEYS[1], &())?;
        }
        map.serialize_entry(KEYS[2], &self.entity)?;
        if let Some(refers) = &self.refers {
            map.serialize_entry(KEYS[3], refers)?;
        } else if self.other.was_sent(3) {
            map.serialize_entry(KEYS[3], &())?;
        }
        Ok(())
    }

    fn writes(&self, name: &str) -> bool {
        KEYS.contains(&name)
    }

    fn other(&self) -> &Members {
        &self.other
    }

    fn other_mut(&mut self) -> &mut Members {
        &mut self.other
    }
}

impl<P: Model> Envelope for Webhook<P> {
    fn event_name(&self) -> &str {
        &self.name
    }

    fn chat_id(&self) -> Option<&str> {
        self.entity.as_ref()?.chat_id(self.refers.as_ref())
    }

    fn occurred_at(&self) -> Option<DateTime<Utc>> {
        let update = self.action == EventAction::Update;
        self.entity
            .as_ref()?
            .occurred_at(update)
            .map(Timestamp::as_datetime)
    }
}

impl<P: Walk> Walk for Webhook<P> {
    fn walk(&self, path: &Path<'_>, out: &mut Found) {
        open_object::report(&self.other, path, out);
        self.entity.walk(&path.key(KEYS[2]), out);
        self.refers.walk(&path.key(KEYS[3]), out);
    }
}

impl<P: Model> Serialize for Webhook<P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        open_object::serialize(self, serializer)
    }
}

impl<'de, P: Model> Deserialize<'de> for Webhook<P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        open_object::deserialize(deserializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_use_the_example_spelling_of_known_types() {
        assert_eq!(&*compose_name("Message", "push"), "message.push");
        assert_eq!(&*compose_name("UserChat", "update"), "userChat.update");
        assert_eq!(&*compose_name("userchat", "update"), "userChat.update");
        assert_eq!(&*compose_name("user", "upsert"), "user.upsert");
        assert_eq!(&*compose_name("Lead", "push"), "Lead.push");
        assert_eq!(&*compose_name("", ""), ".");
    }

    #[test]
    fn the_type_must_match_the_entity_in_any_case() {
        let err = serde_json::from_str::<Webhook<Message>>(r#"{"event":"push","type":"user"}"#)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid value: string \"user\", expected `message` in any letter case at line 1 column 30"
        );
        for ty in ["UserChat", "userchat", "USERCHAT"] {
            let json = format!(r#"{{"type":"{ty}","event":"update","entity":null}}"#);
            let hook: Webhook<UserChat> = serde_json::from_str(&json).unwrap();
            assert_eq!(hook.type_as_sent(), Some(ty));
            assert_eq!(hook.event_name(), "userChat.update");
            assert_eq!(hook.entity, None);
            assert_eq!(
                serde_json::to_string(&hook).unwrap(),
                format!(r#"{{"event":"update","type":"{ty}","entity":null}}"#)
            );
        }
    }

    #[test]
    fn the_type_may_be_absent_and_stays_absent() {
        let hook: Webhook<Message> =
            serde_json::from_str(r#"{"event":"push","entity":{"chatId":"g1"},"x":1}"#).unwrap();
        assert_eq!(hook.type_as_sent(), None);
        assert_eq!(hook.event_name(), "message.push");
        assert_eq!(Envelope::chat_id(&hook), Some("g1"));
        assert_eq!(
            serde_json::to_string(&hook).unwrap(),
            r#"{"event":"push","entity":{"chatId":"g1"},"x":1}"#
        );
        let err = serde_json::from_str::<Webhook<Message>>(r#"{"type":"message"}"#).unwrap_err();
        assert_eq!(err.to_string(), "missing field `event` at line 1 column 18");
    }

    #[test]
    fn arrays_in_place_of_objects_are_errors() {
        for (json, expected) in [
            (
                r#"{"event":"push","entity":[]}"#,
                "invalid type: sequence, expected a message (an object) at line 1 column 25",
            ),
            (
                r#"{"event":"push","refers":[]}"#,
                "invalid type: sequence, expected the models the webhook refers to (an object) at line 1 column 25",
            ),
            (
                "[]",
                "invalid type: sequence, expected a Channel Talk webhook (an object) at line 1 column 0",
            ),
        ] {
            let err = serde_json::from_str::<Webhook<Message>>(json).unwrap_err();
            assert_eq!(err.to_string(), expected, "{json}");
        }
    }

    #[test]
    fn set_action_renames() {
        let mut hook = Webhook::<User>::new("update");
        assert_eq!(hook.event_name(), "user.update");
        assert_eq!(hook.type_as_sent(), Some("user"));
        hook.set_action(EventAction::Upsert);
        assert_eq!(hook.event_name(), "user.upsert");
        assert_eq!(hook.kind(), EventKind::User);
    }
}
