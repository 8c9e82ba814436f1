//! Channel Talk (Channel.io) webhooks.
//!
//! Channel posts one envelope for every event, a [`Webhook`]: `event` (what happened: `push`,
//! `create`, `upsert`, `update`), `type` (the model: `message`, `userChat`, `user`), `entity`
//! (the model itself) and `refers` (related models: the author of a message, the user of a
//! chat). This crate names an event `"<type>.<event>"` (`message.push`); the type is written in
//! the spelling of Channel's examples whatever letter case was sent (`UserChat`, `userchat`),
//! so that names can be matched as constants.
//!
//! The event table ([`EventKind`]), one line per documented pair of `type` and `event` (both
//! in any letter case):
//!
//! | event | variant | payload | sent when |
//! |---|---|---|---|
//! | `message.push` | [`Event::MessagePush`] | [`MessageEvent`] = [`Webhook`]`<`[`Message`]`>` | a message is written in a user chat or a team chat (group); every published example |
//! | `message.create` | [`Event::MessageCreate`] | [`MessageEvent`] | the same, in the older documentation revision |
//! | `message.upsert` | [`Event::MessageUpsert`] | [`MessageEvent`] | the same, in the newer documentation revision |
//! | `message.update` | [`Event::MessageUpdate`] | [`MessageEvent`] | a message is edited or reacted to |
//! | `userChat.push` | [`Event::UserChatPush`] | [`UserChatEvent`] = [`Webhook`]`<`[`UserChat`]`>` | a user chat is opened |
//! | `userChat.create` | [`Event::UserChatCreate`] | [`UserChatEvent`] | the same, in the older documentation revision |
//! | `userChat.upsert` | [`Event::UserChatUpsert`] | [`UserChatEvent`] | the same, in the newer documentation revision |
//! | `userChat.update` | [`Event::UserChatUpdate`] | [`UserChatEvent`] | a user chat changes or closes |
//! | `user.update` | [`Event::UserUpdate`] | [`UserEvent`] = [`Webhook`]`<`[`User`]`>` | a user's contacts or marketing consent change |
//! | anything else | [`Event::Unknown`] | the raw JSON, named `"<type>.<event>"` as sent | |
//!
//! [`Event::event_id`] is always `None` (Channel sends no delivery id); [`Event::chat_id`] is a
//! message's `entity.chatId`, else `refers.userChat.id` (integrations report both places),
//! and a user chat's `entity.id` (an unknown event's is read from `entity.chatId`, else
//! `refers.userChat.id`); [`Event::occurred_at`] is the entity's `createdAt`, or its
//! `updatedAt` for `update` (and for a user). Only `event` and `entity` are required, and
//! `type` unless the entity's shape tells the model: everything else may be absent or `null`.
//! Timestamps are epoch milliseconds, read as [`Timestamp`](crate::Timestamp)s that write back
//! the same integer; ids are [`Id`](crate::Id)s (`"channelId": "7"`). A JSON array where
//! Channel shows an object (`"entity": []`, `"refers": []`) is an error. Every member a model
//! does not type is kept in its `other` ([`Members`]) and written back;
//! [`Event::unknown_members`] lists them.
//!
//! # What is accepted, and why
//!
//! Channel's pages are not the whole story: public third-party integrations written against
//! these webhooks report shapes from live traffic that the pages do not show. This module reads
//! them too (each has a fixture under `fixtures/channel_talk/variants/`):
//!
//! - **No top-level `type`.** Team-chat (group) pushes arrive as `{"event": "push", "entity":
//!   {...}, "refers": {...}}`. Channel Talk is then recognised by `event` plus `entity`, and the
//!   model is told by the entity's members: a message has one of `chatType`, `chatId`,
//!   `personType`, `personId`, `plainText`, `blocks`, `message` or `messageV2`; else a user chat
//!   has one of `state`, `stateV2`, `stateKey`, `userId`, `assigneeId` or `openedAt`; else a
//!   user has one of `memberId`, `veilId`, `unifiedId`, `mobileNumber` or `email`. A member sent
//!   as `null` does not count (it is not written back). An entity that shows none of them is an
//!   error (the `type` is missing). The event is written back without
//!   a `type`, as it arrived ([`Webhook::entity_type`] is `None`).
//! - **Any letter case.** `type` (`Message`, `userchat`, `UserChat`), `event` and person types
//!   (`Bot`, `Manager`, `Veil`) are compared without regard to case, and the spelling that
//!   arrived is kept and written back ([`Webhook::entity_type`], [`Spelled`]).
//! - **The older generation of the body**, which integrations written against it still handle:
//!   the text in `entity.message` (with `messageV2` and `format`) instead of `plainText` and
//!   `blocks`; an anonymous visitor as the person type `Veil`, described in `refers.veil`
//!   ([`Veil`]: `name`, `profile`, `mobileNumber`, location, `ghost`); `refers.userChat`
//!   carrying `stateV2`. In the common model a veil is the customer, and [`Message::text`]
//!   falls back to `message`.
//! - **A user chat closing** arrives as `userChat` `update` with `entity.state` `closed`; it is
//!   [`ChatEventKind::ChatClosed`](crate::ChatEventKind::ChatClosed).
//!
//! Quirks of Channel's documentation that this module accepts or works around:
//! - the two documentation revisions name different event words (`create`/`update`/`push`,
//!   later `upsert`/`update`/`push`); all are [`EventAction`] variants and lines of the event
//!   table, and any other word is kept (the event is [`Event::Unknown`]);
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
//! - members whose shape the pages do not show (`form`, `thread`, `meet`, `alf`, a chat's
//!   `source` and `handling`, `profile`s, a button's `attributes`) are typed as [`Members`],
//!   their members kept as sent.
//!
//! The common-model mapping is documented on this module's [`ToChatEvent`](crate::ToChatEvent)
//! impl for [`Event`].
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
//! Channel does sign one kind of request: the calls it makes to a Channel App's function
//! endpoint (`{method, params, context, systemVersion}`), with `x-signature`
//! ([`verify_app_signature`]). Such a call is not a webhook: [`parse`] and
//! [`parse_event`](crate::parse_event) refuse it with an error of category
//! [`Foreign`](crate::Category::Foreign) that says what it is.
//!
//! # Quick reply
//!
//! To answer a message in the same round trip, respond with the headers of a [`QuickReply`]
//! (`x-quick-reply: true`, optionally `x-bot-name`): Channel posts the response body as the
//! reply. The body's format is not documented by Channel.

mod app;
mod auth;
mod convert;
mod envelope;
mod message;
mod quick_reply;
mod refers;
mod user;
mod user_chat;

pub(crate) use self::app::foreign;
pub use self::auth::{
    query_token, sign_app_call, verify_app_signature, verify_query_token, verify_token,
    APP_SIGNATURE_HEADER, TOKEN_PARAMETER,
};
pub use self::envelope::{EntityType, EventAction, Webhook};
pub use self::message::{
    AlertLevel, Block, BlockType, Button, ButtonAction, ButtonColor, ChatCategory, File, Log,
    LogAction, Marketing, Message, MessageOption, MessageState, MessageWorkflow, PersonType,
    Reaction, Spelled, SupportBot, SupportBotButton, WebPage,
};
pub use self::quick_reply::{InvalidBotName, QuickReply, BOT_NAME_HEADER, QUICK_REPLY_HEADER};
pub use self::refers::{Bot, Group, Manager, Refers, Veil};
pub use self::user::{MobileInfo, User, UserType, WebInfo};
pub use self::user_chat::{Medium, MediumType, Priority, UserChat, UserChatSource, UserChatState};
pub use crate::open_object::Members;

use self::envelope::Entity;
use crate::json::Prepared;
use crate::unknown::EnvelopePaths;
use crate::{Error, Vendor};

const VENDOR: Vendor = Vendor::ChannelTalk;

/// The kind of chat a message was posted in, now [`ChatCategory`].
#[deprecated(
    since = "0.3.0",
    note = "renamed ChatCategory: another vendor's ChatType means another thing"
)]
pub type ChatType = ChatCategory;

/// A `message.*` webhook.
pub type MessageEvent = Webhook<Message>;

/// A `userChat.*` webhook.
pub type UserChatEvent = Webhook<UserChat>;

/// A `user.*` webhook.
pub type UserEvent = Webhook<User>;

event_enum! {
    vendor: VENDOR;
    /// A Channel Talk webhook, by its event name `"<type>.<event>"` (`type` in any letter case,
    /// or told by the entity's shape when absent).
    events {
        /// `message.push`: a message was written in a user chat or a team chat (group).
        MessagePush(MessageEvent) = "message.push",
        /// `message.create`: a message was written (older documentation revision).
        MessageCreate(MessageEvent) = "message.create",
        /// `message.upsert`: a message was written (newer documentation revision).
        MessageUpsert(MessageEvent) = "message.upsert",
        /// `message.update`: a message was edited or reacted to.
        MessageUpdate(MessageEvent) = "message.update",
        /// `userChat.push`: a user chat was opened.
        UserChatPush(UserChatEvent) = "userChat.push",
        /// `userChat.create`: a user chat was opened (older documentation revision).
        UserChatCreate(UserChatEvent) = "userChat.create",
        /// `userChat.upsert`: a user chat was opened (newer documentation revision).
        UserChatUpsert(UserChatEvent) = "userChat.upsert",
        /// `userChat.update`: a user chat changed, or closed (`state` `closed`).
        UserChatUpdate(UserChatEvent) = "userChat.update",
        /// `user.update`: a user's contacts or marketing consent changed.
        UserUpdate(UserEvent) = "user.update",
    }
}

impl Event {
    /// The models the webhook refers to, for a known event.
    pub fn refers(&self) -> Option<&Refers> {
        match self {
            Event::MessagePush(hook)
            | Event::MessageCreate(hook)
            | Event::MessageUpsert(hook)
            | Event::MessageUpdate(hook) => hook.refers.as_ref(),
            Event::UserChatPush(hook)
            | Event::UserChatCreate(hook)
            | Event::UserChatUpsert(hook)
            | Event::UserChatUpdate(hook) => hook.refers.as_ref(),
            Event::UserUpdate(hook) => hook.refers.as_ref(),
            Event::Unknown(_) => None,
        }
    }
}

/// What the registry (`registry.rs`) knows of Channel Talk: recognised by the `event` and
/// `entity` keys (and `type` when present); delivery time none: the entity's own times are old
/// for a push about an old chat.
pub(crate) struct Spec;

impl crate::registry::VendorSpec for Spec {
    const VENDOR: Vendor = VENDOR;
    const DETECT: &'static [&'static str] = &["event", "entity"];
    const ALSO_READS: &'static [&'static str] = &["type"];
    const SCHEME: crate::auth::Scheme = auth::SCHEME;
    const EXAMPLE: &'static [u8] =
        br#"{"event":"push","type":"message","entity":{"chatId":"1","plainText":"hi"}}"#;
    // Channel's envelope carries no id or time of its own; the chat is where a message names
    // it. An entity's own times are not the event's for an unknown word (a delete, a restore).
    const ENVELOPE: EnvelopePaths = EnvelopePaths {
        event_id: &[],
        chat_id: &[&["entity", "chatId"], &["refers", "userChat", "id"]],
        occurred_at: &[],
    };
    const DELIVERY_TIME: bool = false;

    type Event = Event;

    fn foreign(prepared: &Prepared<'_>) -> Option<Error> {
        foreign(prepared)
    }

    fn parse(prepared: &Prepared<'_>) -> Result<Event, Error> {
        parse_prepared(prepared)
    }
}

/// Parses a Channel Talk webhook body.
///
/// ```
/// use chat_webhooks::channel_talk::{self, ChatCategory, Event, EventKind, PersonType};
///
/// let body = br#"{"event": "push", "type": "message", "entity": {
///     "chatType": "userChat", "chatId": "66a1f0c2b5e9d3a47c10", "personType": "user",
///     "createdAt": 1718703815123, "plainText": "Where is my order?"}}"#;
/// let event = channel_talk::parse(body)?;
/// assert_eq!(event.event_name(), "message.push");
/// assert_eq!(event.kind(), Some(EventKind::MessagePush));
/// assert_eq!(event.chat_id(), Some("66a1f0c2b5e9d3a47c10"));
/// let Event::MessagePush(hook) = event else { unreachable!() };
/// let message = hook.entity.as_ref().unwrap();
/// assert_eq!(message.person_type.as_deref(), Some(&PersonType::User));
/// assert_eq!(message.chat_type, Some(ChatCategory::UserChat));
/// assert_eq!(message.created_at.as_ref().unwrap().to_string(), "2024-06-18T09:43:35.123Z");
/// # Ok::<(), chat_webhooks::Error>(())
/// ```
pub fn parse(body: &[u8]) -> Result<Event, Error> {
    parse_prepared(&crate::detect::prepare(
        body,
        crate::detect::Until::Vendor(VENDOR),
    ))
}

fn parse_prepared(prepared: &Prepared<'_>) -> Result<Event, Error> {
    // An App function call has no `event`: say what it is rather than that the key is missing.
    let action = prepared
        .discriminator(VENDOR, "event")
        .map_err(|err| foreign(prepared).unwrap_or(err))?;
    let name = match prepared.string_field(VENDOR, "type")? {
        Some(ty) => envelope::compose_name(&ty, &action),
        None => {
            let ty = shape(prepared, &action)?
                .ok_or_else(|| Error::missing_discriminator(VENDOR, "type"))?;
            envelope::compose_name(ty, &action)
        }
    };
    dispatch(prepared, &name, &name)
}

open_object! {
    /// What the model is told by when `type` is absent: the entity's member names.
    #[allow(unreachable_pub)]
    pub struct Shape("a Channel Talk webhook (an object)") {
        /// The entity, its members untyped.
        entity: Members = "entity",
    }
}

/// Members only a message has (the documented generation and the older one).
const MESSAGE_KEYS: [&str; 8] = [
    "chatType",
    "chatId",
    "personType",
    "personId",
    "plainText",
    "blocks",
    "message",
    "messageV2",
];

/// Members only a user chat has.
const USER_CHAT_KEYS: [&str; 6] = [
    "state",
    "stateV2",
    "stateKey",
    "userId",
    "assigneeId",
    "openedAt",
];

/// Members only a user has.
const USER_KEYS: [&str; 5] = ["memberId", "veilId", "unifiedId", "mobileNumber", "email"];

/// The `type` of a webhook sent without one, told by its entity's members: a message first,
/// then a user chat, then a user; `None` when the entity (absent, `null` or empty) says
/// nothing. Read only for bodies without `type`.
fn shape(prepared: &Prepared<'_>, action: &str) -> Result<Option<&'static str>, Error> {
    let shape: Shape = prepared.parse(VENDOR, action)?;
    let Some(entity) = shape.entity else {
        return Ok(None);
    };
    // A member sent as `null` says nothing: it reads as `None` and is not written back, so
    // the JSON written back must be told the same model without it (found by fuzzing).
    let has = |keys: &[&str]| {
        entity
            .iter()
            .any(|(key, value)| keys.contains(&key) && value.get() != "null")
    };
    Ok(if has(&MESSAGE_KEYS) {
        Some(<Message as Entity>::TYPE)
    } else if has(&USER_CHAT_KEYS) {
        Some(<UserChat as Entity>::TYPE)
    } else if has(&USER_KEYS) {
        Some(<User as Entity>::TYPE)
    } else {
        None
    })
}
