//! Channel Talk (Channel.io) webhooks.
//!
//! Channel posts one envelope for every event, a [`Webhook`]: `event` (what happened: `push`,
//! `create`, `upsert`, `update`), `type` (the model: `message`, `userChat`, `user`), `entity`
//! (the model itself) and `refers` (related models: the author of a message, the user of a
//! chat). This crate names an event `"<type>.<event>"` (`message.push`); the type is written in
//! the lowercase-first spelling of Channel's examples even when the prose's capitalised
//! `Message` / `UserChat` / `User` was sent, so that names can be matched as constants.
//!
//! | `type` | variant | payload | sent when |
//! |---|---|---|---|
//! | `message` (or `Message`) | [`Event::Message`] | [`MessageEvent`] = [`Webhook`]`<`[`Message`]`>` | a message is written in a user chat or a team chat (group) |
//! | `userChat` (or `UserChat`) | [`Event::UserChat`] | [`UserChatEvent`] = [`Webhook`]`<`[`UserChat`]`>` | a user chat is opened or changes |
//! | `user` (or `User`) | [`Event::User`] | [`UserEvent`] = [`Webhook`]`<`[`User`]`>` | a user's contacts or marketing consent change |
//! | anything else | [`Event::Unknown`] | the raw JSON, named `"<type>.<event>"` as sent | |
//!
//! The `event` word is kept in the payload ([`Webhook::action`]); any word is accepted with
//! every type. Only `event` and `type` are required: everything else may be absent or `null`.
//! Timestamps are epoch milliseconds, read as [`Timestamp`](crate::Timestamp)s that write back
//! the same integer; ids are [`Id`](crate::Id)s (`"channelId": "7"`).
//!
//! Quirks of Channel's documentation that this module accepts or works around:
//! - the two documentation revisions name different event words (`create`/`update`/`push`,
//!   later `upsert`/`update`/`push`); all are [`EventAction`] variants and any other word is
//!   kept;
//! - the prose capitalises the types (`Message`, `UserChat`), the examples do not: both read,
//!   and each is written back as it arrived;
//! - the published examples are not JSON: they hold the placeholder words `Boolean`,
//!   `Integer` and `Long` where values belong, and the key `"managerIds:` lacks its closing
//!   quote. This crate's copies of the two examples (`fixtures/channel_talk/docs/`) replace
//!   exactly those tokens (`Boolean` by `true` or `false`, `Integer` by a small count, `Long`
//!   by Seoul's latitude and longitude, `"managerIds:` by `"managerIds":`) and are otherwise
//!   as published, `"String"` placeholders and a trailing comma included;
//! - the `userChat` example sends `"state": "unassigned"`, which the current model does not
//!   list: it reads as [`UserChatState::Unassigned`], and any other state is kept too;
//! - undocumented shapes (`form`, `thread`, `meet`, `alf`, a chat's `source` and `handling`,
//!   `profile`s, a button's `attributes`) are kept as JSON, and `refers` members other than
//!   `manager`, `bot`, `group`, `user`, `message` and `userChat` (such as `veil`) are kept in
//!   [`Refers::other`]. Members of typed models that this crate does not know are dropped.
//!
//! Channel sends no delivery id, so [`ChatEvent::event_id`](crate::ChatEvent::event_id) is
//! always `None`; the common-model mapping is documented on this module's
//! [`ToChatEvent`](crate::ToChatEvent) impl for [`Event`].
//!
//! # Authenticity
//!
//! Channel signs nothing: it appends the webhook's static token to the URL,
//! `POST https://YOUR_SERVER/PATH?token=TOKEN_VALUE`. Check it with [`verify_query_token`] on
//! the request's raw query string (or [`verify_token`] on the decoded value) before parsing:
//!
//! ```
//! use chat_webhooks::channel_talk;
//!
//! # let webhook_token = "d9b2c6f0a1e84e3f";
//! # let query = "token=d9b2c6f0a1e84e3f";
//! # let body = br#"{"event":"push","type":"message","entity":{"chatType":"userChat","personType":"user","plainText":"Hi"}}"#;
//! channel_talk::verify_query_token(webhook_token, query)?;
//! let event = channel_talk::parse(body)?;
//! assert_eq!(event.event_name(), "message.push");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Quick reply
//!
//! To answer a message in the same round trip, respond with the headers of a [`QuickReply`]
//! (`x-quick-reply: true`, optionally `x-bot-name`): Channel posts the response body as the
//! reply. The body's format is not documented by Channel.

mod auth;
mod convert;
mod envelope;
mod message;
mod quick_reply;
mod refers;
mod user;
mod user_chat;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use self::auth::{query_token, verify_query_token, verify_token, TOKEN_PARAMETER};
pub use self::envelope::{Entity, EntityType, EventAction, Members, Webhook};
pub use self::message::{
    AlertLevel, Block, BlockType, Button, ButtonAction, ButtonColor, ChatType, File, Log,
    Marketing, Message, MessageOption, MessageState, MessageWorkflow, PersonType, Reaction,
    SupportBot, SupportBotButton, WebPage,
};
pub use self::quick_reply::{InvalidBotName, QuickReply, BOT_NAME_HEADER, QUICK_REPLY_HEADER};
pub use self::refers::{Bot, Group, Manager, Refers};
pub use self::user::{MobileInfo, User, UserType, WebInfo};
pub use self::user_chat::{Priority, UserChat, UserChatState};

use crate::detect::key;
use crate::json::Prepared;
use crate::{Error, UnknownEvent, Vendor};

/// A `message` webhook.
pub type MessageEvent = Webhook<Message>;

/// A `userChat` webhook.
pub type UserChatEvent = Webhook<UserChat>;

/// A `user` webhook.
pub type UserEvent = Webhook<User>;

/// A Channel Talk webhook, by the `type` of its entity.
///
/// Serializes to Channel's JSON, which [`parse`] reads back to an equal `Event`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `message`: a message was written (`push`; other words are kept in the payload).
    Message(Box<MessageEvent>),
    /// `userChat`: a user chat was opened (`push`) or changed (`update`).
    UserChat(Box<UserChatEvent>),
    /// `user`: a user's contacts or marketing consent changed (`update`).
    User(Box<UserEvent>),
    /// Any other `type`, kept as sent, named `"<type>.<event>"`.
    Unknown(UnknownEvent),
}

impl Event {
    /// `"<type>.<event>"`: `message.push`, `userChat.push`, `user.update`. Known types are
    /// spelled as in Channel's examples (`userChat`, also when `UserChat` was sent); an unknown
    /// type as sent.
    pub fn event_name(&self) -> &str {
        match self {
            Event::Message(hook) => hook.event_name(),
            Event::UserChat(hook) => hook.event_name(),
            Event::User(hook) => hook.event_name(),
            Event::Unknown(unknown) => unknown.name(),
        }
    }

    /// What happened (`event`), for a known type.
    pub fn action(&self) -> Option<&EventAction> {
        match self {
            Event::Message(hook) => Some(hook.action()),
            Event::UserChat(hook) => Some(hook.action()),
            Event::User(hook) => Some(hook.action()),
            Event::Unknown(_) => None,
        }
    }

    /// The models the webhook refers to, for a known type.
    pub fn refers(&self) -> Option<&Refers> {
        match self {
            Event::Message(hook) => hook.refers.as_ref(),
            Event::UserChat(hook) => hook.refers.as_ref(),
            Event::User(hook) => hook.refers.as_ref(),
            Event::Unknown(_) => None,
        }
    }
}

/// Parses a Channel Talk webhook body.
///
/// ```
/// use chat_webhooks::channel_talk::{self, ChatType, Event, PersonType};
///
/// let body = br#"{"event": "push", "type": "message", "entity": {
///     "chatType": "userChat", "chatId": "66a1f0c2b5e9d3a47c10", "personType": "user",
///     "createdAt": 1718703815123, "plainText": "Where is my order?"}}"#;
/// let Event::Message(hook) = channel_talk::parse(body)? else { unreachable!() };
/// let message = hook.entity.as_ref().unwrap();
/// assert_eq!(message.person_type, Some(PersonType::User));
/// assert_eq!(message.chat_type, Some(ChatType::UserChat));
/// assert_eq!(message.created_at.as_ref().unwrap().to_string(), "2024-06-18T09:43:35.123Z");
/// assert_eq!(hook.event_name(), "message.push");
/// # Ok::<(), chat_webhooks::Error>(())
/// ```
pub fn parse(body: &[u8]) -> Result<Event, Error> {
    parse_prepared(&Prepared::for_vendor(body, Vendor::ChannelTalk))
}

pub(crate) fn parse_prepared(prepared: &Prepared<'_>) -> Result<Event, Error> {
    const VENDOR: Vendor = Vendor::ChannelTalk;
    let action = prepared.discriminator(VENDOR, key::CHANNEL_TALK_EVENT, "event")?;
    let ty = prepared.discriminator(VENDOR, key::CHANNEL_TALK_TYPE, "type")?;
    let name = envelope::compose_name(&ty, &action);
    Ok(match EntityType::from(&*ty) {
        EntityType::Message => Event::Message(prepared.parse(VENDOR, &name)?),
        EntityType::UserChat => Event::UserChat(prepared.parse(VENDOR, &name)?),
        EntityType::User => Event::User(prepared.parse(VENDOR, &name)?),
        _ => {
            let raw = prepared.raw(VENDOR, &name)?;
            Event::Unknown(UnknownEvent::new(String::from(name), raw))
        }
    })
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Event::Message(hook) => hook.serialize(serializer),
            Event::UserChat(hook) => hook.serialize(serializer),
            Event::User(hook) => hook.serialize(serializer),
            Event::Unknown(unknown) => unknown.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::event::deserialize_with(deserializer, parse)
    }
}

// Until Channel Talk moves onto the event table: the accessors every vendor Event has.
impl Event {
    /// Channel Talk sends no event id.
    pub fn event_id(&self) -> Option<&str> {
        None
    }

    /// The chat the event belongs to.
    pub fn chat_id(&self) -> Option<&str> {
        None
    }

    /// When the event happened.
    pub fn occurred_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        None
    }

    /// The JSON paths of the members the typed model did not know.
    pub fn unknown_members(&self) -> Vec<String> {
        Vec::new()
    }
}

/// The envelope of an unknown type: nothing until Channel Talk moves onto the event table.
pub(crate) fn hoist(_: &serde_json::value::RawValue) -> crate::unknown::Hoisted {
    crate::unknown::Hoisted::default()
}
