//! Ebbot outgoing webhooks.
//!
//! Ebbot posts one JSON body per subscribed topic: an envelope (`topic`, `botId`, `context`,
//! `requestId`, `timestamp` in epoch milliseconds) around a payload under `data`, except
//! `chat.update`, whose payload is under `chat`. [`Webhook`] is the envelope, typed by its
//! payload; [`ChatUpdateEvent`] is the `chat.update` one.
//!
//! | `topic` | variant | payload |
//! |---|---|---|
//! | `chat.create` | [`Event::ChatCreate`] | [`ChatCreateEvent`] = [`Webhook`]<[`ChatCreate`]> |
//! | `chat.update` | [`Event::ChatUpdate`] | [`ChatUpdateEvent`], with a [`Chat`] under `chat` |
//! | `chat.data.update` | [`Event::ChatDataUpdate`] | [`ChatDataUpdateEvent`] = [`Webhook`]<[`ChatData`]> |
//! | `chat.user.update` | [`Event::ChatUserUpdate`] | [`ChatUserUpdateEvent`] = [`Webhook`]<[`ChatUserUpdate`]> |
//! | `chat.user.message` | [`Event::ChatUserMessage`] | [`MessageEvent`] = [`Webhook`]<[`Message`]> |
//! | `chat.bot.message` | [`Event::ChatBotMessage`] | [`MessageEvent`] |
//! | `chat.agent.message` | [`Event::ChatAgentMessage`] | [`MessageEvent`] |
//! | `chat.system.message` | [`Event::ChatSystemMessage`] | [`MessageEvent`] |
//! | `chat.message` (a message from any sender) | [`Event::ChatMessage`] | [`MessageEvent`] |
//! | `chat.scenario.run` | [`Event::ChatScenarioRun`] | [`ScenarioRunEvent`] = [`Webhook`]<[`ScenarioRun`]> |
//! | `chat.status.change` | [`Event::ChatStatusChange`] | [`StatusChangeEvent`] = [`Webhook`]<[`StatusChange`]> |
//! | `chat.close` | [`Event::ChatClose`] | [`ChatCloseEvent`] = [`Webhook`]<[`Transcript`]> |
//! | anything else | [`Event::Unknown`] | the raw JSON; read its envelope with `unknown.deserialize::<Webhook<serde_json::Value>>()` |
//!
//! A message's `type` and `value` are read together into a [`Content`]: `text`, `text_info`,
//! `gpt` and `button_click` ([`TextValue`]), `url` ([`UrlValue`]), `scenario`
//! ([`ScenarioValue`]), `rating_request` ([`RatingRequestValue`]), `rating` ([`RatingValue`]),
//! `variable` ([`VariableValue`]), `image` and `file` ([`FileValue`]) and `carousel`
//! ([`CarouselValue`]); any other type keeps its value as JSON ([`Content::Other`]).
//!
//! Quirks of Ebbot's senders and documentation that this module accepts:
//! - `chat.update` carries its payload under `chat`, every other topic under `data`;
//! - the published `chat.user.update` example ends with `},` (a trailing comma after the body);
//! - message timestamps are decimal strings in two scales, epoch milliseconds
//!   (`"1672531200000.397183857"`, user, bot and system messages) and epoch seconds
//!   (`"1672531200.310412954"`, agent messages and `chat.close` entries), told apart by
//!   magnitude and kept to the nanosecond; `statusTimestamp` and `last_message` are decimal
//!   seconds, the envelope `timestamp` integer milliseconds, and `createdAt` / `updatedAt` ISO
//!   8601 with `Z` or `+00:00`;
//! - `chat_user.info` in `chat.update` is a JSON document inside a string: it is read parsed
//!   ([`UserInfo`]) and written back as a string;
//! - a message's `value` may come before or after its `type` (the message topics send it first);
//! - text values may be a string or `{"text": ...}`, as Ebbot's own clients accept;
//! - `chat.close` conversation timestamps are not in order; the array order is kept;
//! - the `chat.user.message` example labels the message id `<USER_ID>`: it is read as the
//!   message's [`id`](Message::id), as in the other message topics;
//! - topics are matched without regard to ASCII case, and kept as sent.
//!
//! Statuses: Ebbot documents only `ongoing`. In the common model, `closed` and `ended` make a
//! `chat.update` or `chat.status.change` a [`ChatClosed`](crate::ChatEventKind::ChatClosed)
//! ([`ChatStatus::is_closed`]); `chat.close` always is one.
//!
//! # Authenticity
//!
//! Ebbot documents no signature, secret or authentication header for outgoing webhooks. The
//! practice this crate recommends: register the webhook URL with a long random token of your
//! own in its path or query (`https://hooks.example.com/ebbot/7f3c9a1e5b2d48c6a0e4f8b1d3c5e7a9`
//! or `...?token=...`), serve it over HTTPS only, and check the token with
//! [`verify_token`](crate::verify_token), a constant-time comparison, before parsing:
//!
//! ```
//! use chat_webhooks::{ebbot, verify_token};
//!
//! // Your secret, from configuration; the token your router took from the request path.
//! const EXPECTED_TOKEN: &str = "7f3c9a1e5b2d48c6a0e4f8b1d3c5e7a9";
//! # let token_from_path = "7f3c9a1e5b2d48c6a0e4f8b1d3c5e7a9";
//! # let body: &[u8] = br#"{"topic": "chat.create", "botId": "ebq7m2x9k4tz1wv8c3hn5rd0pj6fys",
//! #     "data": {"id": "1741686137.482.3c1f9a52-7d4e-4b8a-9f06-2e5d8c71b4a3", "status": "ongoing"},
//! #     "requestId": "5b0d3e8f-2c47-4a91-b6e3-8f1a7c2d9e04", "timestamp": 1741686137482}"#;
//! verify_token(EXPECTED_TOKEN, token_from_path)?;
//! let event = ebbot::parse(body)?;
//! assert!(matches!(event, ebbot::Event::ChatCreate(_)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod auth;
mod chat;
mod chat_data;
mod chat_update;
mod chat_user;
mod close;
mod convert;
mod envelope;
mod message;
mod scenario;
mod status;
mod value;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use self::auth::{verify_query_token, verify_token, TOKEN_PARAMETER};
pub use self::chat::ChatCreate;
pub use self::chat_data::{ChatData, ChatThemeDetails};
pub use self::chat_update::{Chat, ChatUser, HandledBy, IntegrationType};
pub use self::chat_user::{ChatUserUpdate, UserInfo};
pub use self::close::Transcript;
pub use self::envelope::{ChatUpdateEvent, Context, Webhook};
pub use self::message::{Content, Message, Sender};
pub use self::scenario::{Scenario, ScenarioRun};
pub use self::status::{ChatStatus, ChatType, StatusChange};
pub use self::value::{
    Button, ButtonType, CarouselValue, FileValue, Next, RatingRequestValue, RatingValue,
    ScenarioValue, Slide, TextValue, UrlValue, VariableValue,
};

use crate::detect::key;
use crate::json::Prepared;
use crate::{Error, UnknownEvent, Vendor};

/// A JSON object whose members Ebbot does not document.
pub type JsonMap = serde_json::Map<String, serde_json::Value>;

/// A `chat.create` webhook.
pub type ChatCreateEvent = Webhook<ChatCreate>;

/// A `chat.data.update` webhook.
pub type ChatDataUpdateEvent = Webhook<ChatData>;

/// A `chat.user.update` webhook.
pub type ChatUserUpdateEvent = Webhook<ChatUserUpdate>;

/// A `chat.user.message`, `chat.bot.message`, `chat.agent.message`, `chat.system.message` or
/// `chat.message` webhook.
pub type MessageEvent = Webhook<Message>;

/// A `chat.scenario.run` webhook.
pub type ScenarioRunEvent = Webhook<ScenarioRun>;

/// A `chat.status.change` webhook.
pub type StatusChangeEvent = Webhook<StatusChange>;

/// A `chat.close` webhook.
pub type ChatCloseEvent = Webhook<Transcript>;

/// An Ebbot outgoing webhook.
///
/// Serializes to Ebbot's JSON, which [`parse`] reads back to an equal `Event`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `chat.create`: a chat was created.
    ChatCreate(Box<ChatCreateEvent>),
    /// `chat.update`: a chat was updated; the whole chat record.
    ChatUpdate(Box<ChatUpdateEvent>),
    /// `chat.data.update`: the chat session's properties were updated.
    ChatDataUpdate(Box<ChatDataUpdateEvent>),
    /// `chat.user.update`: the chat user was updated.
    ChatUserUpdate(Box<ChatUserUpdateEvent>),
    /// `chat.user.message`: the user sent a message.
    ChatUserMessage(Box<MessageEvent>),
    /// `chat.bot.message`: the bot sent a message.
    ChatBotMessage(Box<MessageEvent>),
    /// `chat.agent.message`: an agent sent a message.
    ChatAgentMessage(Box<MessageEvent>),
    /// `chat.system.message`: Ebbot posted a system message.
    ChatSystemMessage(Box<MessageEvent>),
    /// `chat.message`: a message from any sender.
    ChatMessage(Box<MessageEvent>),
    /// `chat.scenario.run`: a scenario ran.
    ChatScenarioRun(Box<ScenarioRunEvent>),
    /// `chat.status.change`: the chat's status changed.
    ChatStatusChange(Box<StatusChangeEvent>),
    /// `chat.close`: the chat was closed; the whole transcript.
    ChatClose(Box<ChatCloseEvent>),
    /// Any other topic, kept as sent.
    Unknown(UnknownEvent),
}

impl Event {
    /// The topic as sent in `topic`.
    pub fn event_name(&self) -> &str {
        match self {
            Event::ChatCreate(w) => &w.topic,
            Event::ChatUpdate(w) => &w.topic,
            Event::ChatDataUpdate(w) => &w.topic,
            Event::ChatUserUpdate(w) => &w.topic,
            Event::ChatUserMessage(w)
            | Event::ChatBotMessage(w)
            | Event::ChatAgentMessage(w)
            | Event::ChatSystemMessage(w)
            | Event::ChatMessage(w) => &w.topic,
            Event::ChatScenarioRun(w) => &w.topic,
            Event::ChatStatusChange(w) => &w.topic,
            Event::ChatClose(w) => &w.topic,
            Event::Unknown(unknown) => unknown.name(),
        }
    }

    /// The message of a message topic (`chat.user.message`, ..., `chat.message`).
    pub fn message(&self) -> Option<&Message> {
        match self {
            Event::ChatUserMessage(w)
            | Event::ChatBotMessage(w)
            | Event::ChatAgentMessage(w)
            | Event::ChatSystemMessage(w)
            | Event::ChatMessage(w) => w.data.as_ref(),
            _ => None,
        }
    }
}

/// The typed topics.
#[derive(Clone, Copy)]
enum Topic {
    Create,
    Update,
    DataUpdate,
    UserUpdate,
    UserMessage,
    BotMessage,
    AgentMessage,
    SystemMessage,
    Message,
    ScenarioRun,
    StatusChange,
    Close,
}

const TOPICS: [(&str, Topic); 12] = [
    ("chat.create", Topic::Create),
    ("chat.update", Topic::Update),
    ("chat.data.update", Topic::DataUpdate),
    ("chat.user.update", Topic::UserUpdate),
    ("chat.user.message", Topic::UserMessage),
    ("chat.bot.message", Topic::BotMessage),
    ("chat.agent.message", Topic::AgentMessage),
    ("chat.system.message", Topic::SystemMessage),
    ("chat.message", Topic::Message),
    ("chat.scenario.run", Topic::ScenarioRun),
    ("chat.status.change", Topic::StatusChange),
    ("chat.close", Topic::Close),
];

impl Topic {
    fn find(topic: &str) -> Option<Topic> {
        TOPICS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(topic))
            .map(|&(_, found)| found)
    }
}

/// Parses an Ebbot webhook body.
///
/// ```
/// let body = r#"{"topic": "chat.agent.message", "botId": "ebq7m2x9k4tz1wv8c3hn5rd0pj6fys",
///     "data": {"chatId": "1741686137.482.3c1f9a52-7d4e-4b8a-9f06-2e5d8c71b4a3", "sender": "agent",
///              "value": "Hej! Jag tittar på din beställning.", "type": "text",
///              "timestamp": "1741686201.310412954"},
///     "timestamp": 1741686201311}"#;
/// let event = chat_webhooks::ebbot::parse(body.as_bytes())?;
/// let message = event.message().unwrap();
/// assert_eq!(message.content.text(), Some("Hej! Jag tittar på din beställning."));
/// assert_eq!(message.timestamp.as_ref().unwrap().as_datetime().timestamp_subsec_nanos(), 310_412_954);
/// # Ok::<(), chat_webhooks::Error>(())
/// ```
pub fn parse(body: &[u8]) -> Result<Event, Error> {
    parse_prepared(&Prepared::for_vendor(body, Vendor::Ebbot))
}

pub(crate) fn parse_prepared(prepared: &Prepared<'_>) -> Result<Event, Error> {
    const VENDOR: Vendor = Vendor::Ebbot;
    let topic = prepared.discriminator(VENDOR, key::EBBOT_TOPIC, "topic")?;
    let topic = &*topic;
    let Some(found) = Topic::find(topic) else {
        return Ok(Event::Unknown(UnknownEvent::new(
            topic,
            prepared.raw(VENDOR, topic)?,
        )));
    };
    Ok(match found {
        Topic::Create => Event::ChatCreate(prepared.parse(VENDOR, topic)?),
        Topic::Update => Event::ChatUpdate(prepared.parse(VENDOR, topic)?),
        Topic::DataUpdate => Event::ChatDataUpdate(prepared.parse(VENDOR, topic)?),
        Topic::UserUpdate => Event::ChatUserUpdate(prepared.parse(VENDOR, topic)?),
        Topic::UserMessage => Event::ChatUserMessage(prepared.parse(VENDOR, topic)?),
        Topic::BotMessage => Event::ChatBotMessage(prepared.parse(VENDOR, topic)?),
        Topic::AgentMessage => Event::ChatAgentMessage(prepared.parse(VENDOR, topic)?),
        Topic::SystemMessage => Event::ChatSystemMessage(prepared.parse(VENDOR, topic)?),
        Topic::Message => Event::ChatMessage(prepared.parse(VENDOR, topic)?),
        Topic::ScenarioRun => Event::ChatScenarioRun(prepared.parse(VENDOR, topic)?),
        Topic::StatusChange => Event::ChatStatusChange(prepared.parse(VENDOR, topic)?),
        Topic::Close => Event::ChatClose(prepared.parse(VENDOR, topic)?),
    })
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Event::ChatCreate(w) => w.serialize(serializer),
            Event::ChatUpdate(w) => w.serialize(serializer),
            Event::ChatDataUpdate(w) => w.serialize(serializer),
            Event::ChatUserUpdate(w) => w.serialize(serializer),
            Event::ChatUserMessage(w)
            | Event::ChatBotMessage(w)
            | Event::ChatAgentMessage(w)
            | Event::ChatSystemMessage(w)
            | Event::ChatMessage(w) => w.serialize(serializer),
            Event::ChatScenarioRun(w) => w.serialize(serializer),
            Event::ChatStatusChange(w) => w.serialize(serializer),
            Event::ChatClose(w) => w.serialize(serializer),
            Event::Unknown(unknown) => unknown.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::event::deserialize_with(deserializer, parse)
    }
}
