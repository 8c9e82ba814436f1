//! [`Webhook`]: the envelope every Channel Talk webhook shares, `{event, type, entity, refers}`.

use chrono::{DateTime, Utc};

use super::{EventKind, Message, Refers, Spelled, User, UserChat};
use crate::lenient::Timestamp;
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

/// The empty word, [`Unknown`](EventAction::Unknown)`("")`: what a [`Webhook`] holds before
/// its `event` is read.
impl Default for EventAction {
    fn default() -> Self {
        EventAction::Unknown(String::new())
    }
}

open_enum! {
    /// The model in a webhook's `entity`: the envelope's `type`. Read in any letter case
    /// through [`Spelled`] (`UserChat` and `userchat` are [`UserChat`](Self::UserChat)); the
    /// spelling that arrived is written back.
    pub enum EntityType {
        /// `message`: a [`Message`].
        Message = "message",
        /// `userChat`: a [`UserChat`].
        UserChat = "userChat",
        /// `user`: a [`User`].
        User = "user",
    }
}

open_object! {
    /// A Channel Talk webhook: `{event, type, entity, refers}`, with the entity typed by `P`
    /// ([`Message`], [`UserChat`] or [`User`]).
    ///
    /// Only `event` is required; `type` may be absent (team-chat pushes are sent without it:
    /// the model is then told by the entity's shape) and is written back as it arrived, in its
    /// letter case, or not at all. `entity` and `refers` may be absent or `null`; `entity` is
    /// written as `null` when `None`, because with `event` it is how
    /// [`parse_event`](crate::parse_event) recognises Channel Talk. Top-level members Channel
    /// does not document are kept in `other` and written back after the documented ones.
    pub struct Webhook<P>("a Channel Talk webhook (an object)") {
        /// What happened (`event`: `push`, `update`, ...), kept as sent.
        event: EventAction = "event" (required),
        /// The model (`type`: `message`, `userChat`, `user`), in the spelling that arrived;
        /// `None` when the webhook came without one.
        entity_type: Spelled<EntityType> = "type",
        /// The model the event is about (`entity`). Written as `null` when `None`.
        entity: P = "entity" (always),
        /// Related models (`refers`): the author of a message, the group it was posted in,
        /// the user of a user chat.
        refers: Refers = "refers",
    }
}

/// What the envelope needs of the model in its `entity`: its `type`, and where it keeps the
/// chat id and the time.
pub(crate) trait Entity {
    /// The model's `type`, in the spelling of Channel's examples.
    const TYPE: &'static str;

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

impl Entity for Message {
    const TYPE: &'static str = "message";

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

impl Entity for UserChat {
    const TYPE: &'static str = "userChat";

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

impl Entity for User {
    const TYPE: &'static str = "user";

    /// None: a user is not a chat.
    fn chat_id<'a>(&'a self, _: Option<&'a Refers>) -> Option<&'a str> {
        None
    }

    /// `updatedAt`: a user event is a change to the user.
    fn occurred_at(&self, _: bool) -> Option<&Timestamp> {
        self.updated_at.as_ref()
    }
}

/// The name of the event-table line for model `P` and `event` in any letter case; `P`'s type
/// alone when no line has them.
fn name_of<P: Entity>(event: &EventAction) -> &'static str {
    let (ty, action) = (P::TYPE.as_bytes(), event.as_str().as_bytes());
    EventKind::NAMES
        .iter()
        .find(|name| {
            let name = name.as_bytes();
            name.len() == ty.len() + 1 + action.len()
                && name.starts_with(ty)
                && name[ty.len()] == b'.'
                && name[ty.len() + 1..].eq_ignore_ascii_case(action)
        })
        .copied()
        .unwrap_or(P::TYPE)
}

/// `new` and `event_name` of each model's webhook.
macro_rules! inherent {
    ($($model:ty),+) => {
        $(
            impl Webhook<$model> {
                /// A webhook of `event` on this model, with `type` in the spelling of
                /// Channel's examples and nothing else set.
                pub fn new(event: impl Into<EventAction>) -> Self {
                    Webhook {
                        event: event.into(),
                        entity_type: Some(EntityType::from(<$model as Entity>::TYPE).into()),
                        entity: None,
                        refers: None,
                        other: super::Members::new(),
                    }
                }

                /// The event's name, `"<type>.<event>"`: the name of the event-table line for
                /// this model and [`event`](Self::event) in any letter case (`message.push`,
                /// `userChat.update`), whatever spelling of `type` was sent. A webhook built
                /// by hand with a word no line has for its model is named by its model alone
                /// (`message`).
                pub fn event_name(&self) -> &'static str {
                    name_of::<$model>(&self.event)
                }
            }
        )+
    };
}

inherent!(Message, UserChat, User);

/// `"<type>.<event>"`, with the type in the spelling of Channel's examples (`userChat`) when it
/// names a known model in any letter case, else as sent: the name an event is dispatched by.
pub(crate) fn compose_name(ty: &str, action: &str) -> String {
    let ty = EntityType::NAMES
        .iter()
        .find(|known| crate::names::is_name(known, ty, true))
        .map_or(ty, |known| known);
    let mut name = String::with_capacity(ty.len() + 1 + action.len());
    name.push_str(ty);
    name.push('.');
    name.push_str(action);
    name
}

impl<P: Entity> Envelope for Webhook<P> {
    fn event_name(&self) -> &str {
        name_of::<P>(&self.event)
    }

    fn chat_id(&self) -> Option<&str> {
        self.entity.as_ref()?.chat_id(self.refers.as_ref())
    }

    fn occurred_at(&self) -> Option<DateTime<Utc>> {
        let update = self.event == EventAction::Update;
        self.entity
            .as_ref()?
            .occurred_at(update)
            .map(Timestamp::as_datetime)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_use_the_example_spelling_of_known_types() {
        assert_eq!(compose_name("Message", "push"), "message.push");
        assert_eq!(compose_name("UserChat", "update"), "userChat.update");
        assert_eq!(compose_name("userchat", "update"), "userChat.update");
        assert_eq!(compose_name("user", "upsert"), "user.upsert");
        assert_eq!(compose_name("Lead", "push"), "Lead.push");
        assert_eq!(compose_name("", ""), ".");
    }

    #[test]
    fn the_type_is_kept_as_sent() {
        for ty in ["UserChat", "userchat", "USERCHAT"] {
            let json = format!(r#"{{"type":"{ty}","event":"update","entity":null}}"#);
            let hook: Webhook<UserChat> = serde_json::from_str(&json).unwrap();
            assert_eq!(hook.entity_type.as_ref().map(|t| t.as_sent()), Some(ty));
            assert_eq!(hook.entity_type.as_deref(), Some(&EntityType::UserChat));
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
        assert_eq!(hook.entity_type, None);
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
    fn the_name_is_the_table_line_of_the_model_and_the_event() {
        let mut hook = Webhook::<User>::new("update");
        assert_eq!(hook.event_name(), "user.update");
        assert_eq!(hook.entity_type.as_ref().map(|t| t.as_sent()), Some("user"));
        hook.event = EventAction::from("UPDATE");
        assert_eq!(hook.event_name(), "user.update");
        hook.event = EventAction::Push;
        assert_eq!(hook.event_name(), "user");
        assert_eq!(
            Webhook::<Message>::new("upsert").event_name(),
            "message.upsert"
        );
    }
}
