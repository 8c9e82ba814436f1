//! [`Webhook`]: the envelope every Channel Talk webhook shares, `{event, type, entity, refers}`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Unexpected, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{Message, Refers, User, UserChat};

pub use crate::open_object::Members;

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

open_enum! {
    /// The kind of model in `entity`: the envelope's `type`.
    ///
    /// Channel's examples write it lowercase-first (`message`, `userChat`), its prose
    /// capitalised (`Message`, `UserChat`, `User`): both spellings read as the same variant,
    /// which writes the example's spelling.
    pub enum EntityType {
        /// `message`: the entity is a [`Message`].
        Message = "message" | "Message",
        /// `userChat`: the entity is a [`UserChat`].
        UserChat = "userChat" | "UserChat",
        /// `user`: the entity is a [`User`].
        User = "user" | "User",
    }
}

#[allow(unreachable_pub)] // the sealed-trait pattern: nameable by no one outside the crate
mod sealed {
    pub trait Sealed {}
}

/// A model that can be the `entity` of a [`Webhook`]: [`Message`], [`UserChat`] or [`User`].
///
/// Sealed: the entity types are Channel's, not the user's.
pub trait Entity: sealed::Sealed {
    /// The `type` that carries this entity, in the spelling of Channel's examples (`userChat`).
    const TYPE: &'static str;
    /// The same, capitalised as Channel's prose writes it (`UserChat`).
    const TYPE_CAPITALISED: &'static str;
}

macro_rules! entity {
    ($ty:ty, $name:literal, $capitalised:literal) => {
        impl sealed::Sealed for $ty {}
        impl Entity for $ty {
            const TYPE: &'static str = $name;
            const TYPE_CAPITALISED: &'static str = $capitalised;
        }
    };
}

entity!(Message, "message", "Message");
entity!(UserChat, "userChat", "UserChat");
entity!(User, "user", "User");

/// `"<type>.<event>"`, with the type in its lowercase-first spelling when it is a known one.
pub(crate) fn compose_name(ty: &str, action: &str) -> Box<str> {
    let ty = match EntityType::from(ty) {
        EntityType::Message => Message::TYPE,
        EntityType::UserChat => UserChat::TYPE,
        EntityType::User => User::TYPE,
        _ => ty,
    };
    let mut name = String::with_capacity(ty.len() + 1 + action.len());
    name.push_str(ty);
    name.push('.');
    name.push_str(action);
    name.into()
}

/// A key of an object with some known members: the index of a known one, or the key itself.
/// Known keys are matched without allocating.
pub(crate) enum Key {
    Known(usize),
    Other(String),
}

/// Reads a [`Key`] among `self.0`.
pub(crate) struct KeySeed(pub(crate) &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match self.0.iter().position(|known| *known == key) {
            Some(index) => Key::Known(index),
            None => Key::Other(key.to_owned()),
        })
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Key, E> {
        Ok(match self.0.iter().position(|known| *known == key) {
            Some(index) => Key::Known(index),
            None => Key::Other(key),
        })
    }
}

/// The members of the envelope, in the order they are written.
const KEYS: [&str; 4] = ["event", "type", "entity", "refers"];

/// A Channel Talk webhook: `{event, type, entity, refers}`, with the entity typed by `E`.
///
/// `event` ([`action`](Self::action)) and `type` are required; `entity` and `refers` may be
/// absent or `null`. The `type` is fixed by `E` and is written back in the spelling that
/// arrived (`message` or `Message`). Top-level members Channel does not document are kept in
/// [`other`](Self::other) and written back after the documented ones.
///
/// [`event_name`](Self::event_name) is `"<type>.<event>"` with the type in the spelling of
/// Channel's examples (`message.push`, `userChat.push`), whichever spelling was sent.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Webhook<E> {
    action: EventAction,
    capitalised: bool,
    name: Box<str>,
    /// The model the event is about (`entity`).
    pub entity: Option<E>,
    /// Related models (`refers`): the author of a message, the group it was posted in, the
    /// user of a user chat.
    pub refers: Option<Refers>,
    /// Top-level members Channel does not document, as sent.
    pub other: Members,
}

impl<E: Entity> Webhook<E> {
    /// A webhook of `action` on an entity of type `E`, with nothing else set.
    pub fn new(action: impl Into<EventAction>) -> Self {
        let action = action.into();
        Webhook {
            name: compose_name(E::TYPE, action.as_str()),
            action,
            capitalised: false,
            entity: None,
            refers: None,
            other: Members::new(),
        }
    }

    /// What happened (`event`: `push`, `update`, ...).
    pub fn action(&self) -> &EventAction {
        &self.action
    }

    /// Replaces [`action`](Self::action), and with it [`event_name`](Self::event_name).
    pub fn set_action(&mut self, action: impl Into<EventAction>) {
        self.action = action.into();
        self.name = compose_name(E::TYPE, self.action.as_str());
    }

    /// `"<type>.<event>"`: `message.push`, `userChat.update`, `user.update`.
    pub fn event_name(&self) -> &str {
        &self.name
    }

    /// The `type` of the entity.
    pub fn entity_type(&self) -> EntityType {
        EntityType::from(E::TYPE)
    }

    /// The `type` as it was sent: `userChat` or `UserChat` (written back the same way).
    pub fn type_as_sent(&self) -> &'static str {
        if self.capitalised {
            E::TYPE_CAPITALISED
        } else {
            E::TYPE
        }
    }
}

impl<E: Entity + Serialize> Serialize for Webhook<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(KEYS[0], &self.action)?;
        map.serialize_entry(KEYS[1], self.type_as_sent())?;
        // Written as `null` when `None`: with `event` and `type`, it is how `parse_event`
        // recognises Channel Talk.
        map.serialize_entry(KEYS[2], &self.entity)?;
        if let Some(refers) = &self.refers {
            map.serialize_entry(KEYS[3], refers)?;
        }
        for (key, value) in &self.other {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, E: Entity + Deserialize<'de>> Deserialize<'de> for Webhook<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WebhookVisitor<E>(PhantomData<E>);

        impl<'de, E: Entity + Deserialize<'de>> Visitor<'de> for WebhookVisitor<E> {
            type Value = Webhook<E>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a Channel Talk `{}` webhook (an object)", E::TYPE)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut action: Option<EventAction> = None;
                let mut ty: Option<String> = None;
                let mut entity: Option<Option<E>> = None;
                let mut refers: Option<Option<Refers>> = None;
                let mut other = Members::new();
                fn once<T, E: de::Error>(slot: &Option<T>, key: &'static str) -> Result<(), E> {
                    match slot {
                        Some(_) => Err(E::duplicate_field(key)),
                        None => Ok(()),
                    }
                }
                while let Some(key) = map.next_key_seed(KeySeed(&KEYS))? {
                    match key {
                        Key::Known(0) => {
                            once(&action, KEYS[0])?;
                            action = Some(map.next_value()?);
                        }
                        Key::Known(1) => {
                            once(&ty, KEYS[1])?;
                            ty = Some(map.next_value()?);
                        }
                        Key::Known(2) => {
                            once(&entity, KEYS[2])?;
                            entity = Some(map.next_value()?);
                        }
                        Key::Known(_) => {
                            once(&refers, KEYS[3])?;
                            refers = Some(map.next_value()?);
                        }
                        Key::Other(key) => {
                            let value = map.next_value()?;
                            other.insert(key, value);
                        }
                    }
                }
                let action = action.ok_or_else(|| de::Error::missing_field(KEYS[0]))?;
                let ty: String = ty.ok_or_else(|| de::Error::missing_field(KEYS[1]))?;
                let capitalised = if ty == E::TYPE {
                    false
                } else if ty == E::TYPE_CAPITALISED {
                    true
                } else {
                    return Err(de::Error::invalid_value(
                        Unexpected::Str(&ty),
                        &format!("`{}` or `{}`", E::TYPE, E::TYPE_CAPITALISED).as_str(),
                    ));
                };
                Ok(Webhook {
                    name: compose_name(E::TYPE, action.as_str()),
                    action,
                    capitalised,
                    entity: entity.flatten(),
                    refers: refers.flatten(),
                    other,
                })
            }
        }

        deserializer.deserialize_map(WebhookVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_use_the_example_spelling_of_known_types() {
        assert_eq!(&*compose_name("Message", "push"), "message.push");
        assert_eq!(&*compose_name("UserChat", "update"), "userChat.update");
        assert_eq!(&*compose_name("user", "upsert"), "user.upsert");
        assert_eq!(&*compose_name("Lead", "push"), "Lead.push");
        assert_eq!(&*compose_name("", ""), ".");
    }

    #[test]
    fn the_type_must_match_the_entity() {
        let err = serde_json::from_str::<Webhook<Message>>(r#"{"event":"push","type":"user"}"#)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid value: string \"user\", expected `message` or `Message` at line 1 column 30"
        );
        let hook: Webhook<UserChat> =
            serde_json::from_str(r#"{"type":"UserChat","event":"update","entity":null}"#).unwrap();
        assert_eq!(hook.type_as_sent(), "UserChat");
        assert_eq!(hook.event_name(), "userChat.update");
        assert_eq!(hook.entity, None);
        assert_eq!(
            serde_json::to_string(&hook).unwrap(),
            r#"{"event":"update","type":"UserChat","entity":null}"#
        );
    }

    #[test]
    fn set_action_renames() {
        let mut hook = Webhook::<User>::new("update");
        assert_eq!(hook.event_name(), "user.update");
        hook.set_action(EventAction::Upsert);
        assert_eq!(hook.event_name(), "user.upsert");
        assert_eq!(hook.entity_type(), EntityType::User);
    }
}
