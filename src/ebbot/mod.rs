//! Ebbot outgoing webhooks.
//!
//! Ebbot posts one JSON body per subscribed topic: an envelope (`topic`, `botId`, `context`,
//! `requestId`, `timestamp` in epoch milliseconds) around a payload under `data`, except
//! `chat.update`, whose payload is under `chat`. [`Webhook`] is the envelope, typed by its
//! payload; [`ChatUpdateEvent`] is the `chat.update` one.
//!
//! | `topic` | variant | payload |
//! |---|---|---|
//! | `chat.create` | [`Event::ChatCreate`] | [`ChatCreateEvent`] = [`Webhook`]<[`ChatCreateData`]> |
//! | `chat.update` | [`Event::ChatUpdate`] | [`ChatUpdateEvent`], with a [`Chat`] under `chat` |
//! | `chat.data.update` | [`Event::ChatDataUpdate`] | [`ChatDataUpdateEvent`] = [`Webhook`]<[`ChatData`]> |
//! | `chat.user.update` | [`Event::ChatUserUpdate`] | [`ChatUserUpdateEvent`] = [`Webhook`]<[`ChatUserUpdateData`]> |
//! | `chat.user.message` | [`Event::ChatUserMessage`] | [`MessageEvent`] = [`Webhook`]<[`Message`]> |
//! | `chat.bot.message` | [`Event::ChatBotMessage`] | [`MessageEvent`] |
//! | `chat.agent.message` | [`Event::ChatAgentMessage`] | [`MessageEvent`] |
//! | `chat.system.message` | [`Event::ChatSystemMessage`] | [`MessageEvent`] |
//! | `chat.message` (a message from any sender) | [`Event::ChatMessage`] | [`MessageEvent`] |
//! | `chat.scenario.run` | [`Event::ChatScenarioRun`] | [`ScenarioRunEvent`] = [`Webhook`]<[`ScenarioRunData`]> |
//! | `chat.status.change` | [`Event::ChatStatusChange`] | [`StatusChangeEvent`] = [`Webhook`]<[`StatusChangeData`]> |
//! | `chat.close` | [`Event::ChatClose`] | [`ChatCloseEvent`] = [`Webhook`]<[`ChatCloseData`]> |
//! | anything else | [`Event::Unknown`] | the raw JSON; read its envelope with `unknown.deserialize::<Webhook<serde_json::Value>>()` |
//!
//! A message's `type` and `value` are read together into a [`Content`]: `text`, `text_info`,
//! `gpt` and `button_click` ([`TextValue`]), `url` ([`UrlValue`]), `scenario`
//! ([`ScenarioValue`]), `rating_request` ([`RatingRequestValue`]), `rating` ([`RatingValue`]),
//! `variable` ([`VariableValue`]), `image` and `file` ([`FileValue`]) and `carousel`
//! ([`CarouselValue`]), and the types Ebbot's own chat client sends: `action`
//! ([`ActionValue`]), `url_click` (the URL), `update_conversation_info` (its members),
//! `web_init` and `refresh_messages` (their value, usually none, as sent); any other type keeps
//! its value as JSON ([`Content::Other`]). The client's members `buttonId`, `label`, `stop`,
//! `finished`, `username` and `full_name` (the author's name) are typed on [`Message`].
//!
//! Quirks of Ebbot's senders and documentation that this module accepts:
//! - `chat.update` carries its payload under `chat`, every other topic under `data`;
//! - the published `chat.user.update` example ends with `},` (a trailing comma after the body);
//! - a message's ids in two spellings (`chatId` and `chat_id`, `botId` and `bot_id`, ...), as
//!   Ebbot's stored messages carry them: different keys, kept as sent;
//! - `new_messages` sent as a count where a bool is documented ([`NewMessages`]);
//! - message timestamps as an integer of epoch milliseconds (Ebbot's chat client before
//!   2024-09) as well as decimal strings;
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

pub use self::auth::{verify_query_token, verify_token, TOKEN_PARAMETER};
pub use self::chat::ChatCreateData;
pub use self::chat_data::{ChatData, ChatThemeDetails};
pub use self::chat_update::{Chat, ChatUser, HandledBy, IntegrationType, NewMessages};
pub use self::chat_user::{ChatUserUpdateData, UserInfo};
pub use self::close::ChatCloseData;
pub use self::envelope::{ChatUpdateEvent, Context, Webhook};
pub use self::message::{ActionValue, Content, Message, Sender};
pub use self::scenario::{Scenario, ScenarioRunData};
pub use self::status::{ChatStatus, ChatType, StatusChangeData};
pub use self::value::{
    Button, ButtonType, CarouselValue, FileValue, Next, RatingRequestValue, RatingValue,
    ScenarioValue, Slide, TextObject, TextValue, UrlValue, VariableValue,
};
pub use crate::open_object::Members;

use crate::json::Prepared;
use crate::unknown::EnvelopePaths;
use crate::{Error, Vendor};

const VENDOR: Vendor = Vendor::Ebbot;

/// A `chat.create` webhook.
pub type ChatCreateEvent = Webhook<ChatCreateData>;

/// A `chat.data.update` webhook.
pub type ChatDataUpdateEvent = Webhook<ChatData>;

/// A `chat.user.update` webhook.
pub type ChatUserUpdateEvent = Webhook<ChatUserUpdateData>;

/// A `chat.user.message`, `chat.bot.message`, `chat.agent.message`, `chat.system.message` or
/// `chat.message` webhook.
pub type MessageEvent = Webhook<Message>;

/// A `chat.scenario.run` webhook.
pub type ScenarioRunEvent = Webhook<ScenarioRunData>;

/// A `chat.status.change` webhook.
pub type StatusChangeEvent = Webhook<StatusChangeData>;

/// A `chat.close` webhook.
pub type ChatCloseEvent = Webhook<ChatCloseData>;

event_enum! {
    vendor: VENDOR;
    /// An Ebbot outgoing webhook, by its `topic`.
    events {
        /// `chat.create`: a chat was created.
        ChatCreate(ChatCreateEvent) = "chat.create",
        /// `chat.update`: a chat was updated; the whole chat record.
        ChatUpdate(ChatUpdateEvent) = "chat.update",
        /// `chat.data.update`: the chat session's properties were updated.
        ChatDataUpdate(ChatDataUpdateEvent) = "chat.data.update",
        /// `chat.user.update`: the chat user was updated.
        ChatUserUpdate(ChatUserUpdateEvent) = "chat.user.update",
        /// `chat.user.message`: the user sent a message.
        ChatUserMessage(MessageEvent) = "chat.user.message",
        /// `chat.bot.message`: the bot sent a message.
        ChatBotMessage(MessageEvent) = "chat.bot.message",
        /// `chat.agent.message`: an agent sent a message.
        ChatAgentMessage(MessageEvent) = "chat.agent.message",
        /// `chat.system.message`: Ebbot posted a system message.
        ChatSystemMessage(MessageEvent) = "chat.system.message",
        /// `chat.message`: a message from any sender.
        ChatMessage(MessageEvent) = "chat.message",
        /// `chat.scenario.run`: a scenario ran.
        ChatScenarioRun(ScenarioRunEvent) = "chat.scenario.run",
        /// `chat.status.change`: the chat's status changed.
        ChatStatusChange(StatusChangeEvent) = "chat.status.change",
        /// `chat.close`: the chat was closed; the whole transcript.
        ChatClose(ChatCloseEvent) = "chat.close",
    }
}

/// What the registry (`registry.rs`) knows of Ebbot: recognised by the `topic` and `botId` keys; delivery
/// time `timestamp`, when the webhook was sent.
pub(crate) struct Spec;

impl crate::registry::VendorSpec for Spec {
    const VENDOR: Vendor = Vendor::Ebbot;
    const DETECT: &'static [&'static str] = &["topic", "botId"];
    const SCHEME: crate::auth::Scheme = auth::SCHEME;
    const EXAMPLE: &'static [u8] =
        br#"{"topic":"chat.create","botId":"b","timestamp":1704067200000,"data":{"chatId":"c1"}}"#;
    const ENVELOPE: EnvelopePaths = EnvelopePaths {
        event_id: &[&["requestId"], &["context", "request_id"]],
        chat_id: &[&["chat", "id"], &["data", "chatId"], &["data", "id"]],
        occurred_at: &[&["timestamp"]],
    };
    const DELIVERY_TIME: bool = true;
    // `requestId` names the request that caused the event, and several events share it.
    const EVENT_ID_IS_UNIQUE: bool = false;

    type Event = Event;

    fn parse(prepared: &Prepared<'_>) -> Result<Event, Error> {
        parse_prepared(prepared)
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
/// let chat_webhooks::ebbot::Event::ChatAgentMessage(event) = chat_webhooks::ebbot::parse(body.as_bytes())? else {
///     unreachable!()
/// };
/// let message = event.data.unwrap();
/// assert_eq!(message.content.text(), Some("Hej! Jag tittar på din beställning."));
/// assert_eq!(message.timestamp.as_ref().unwrap().as_datetime().timestamp_subsec_nanos(), 310_412_954);
/// # Ok::<(), chat_webhooks::Error>(())
/// ```
pub fn parse(body: &[u8]) -> Result<Event, Error> {
    parse_prepared(&crate::detect::prepare(
        body,
        crate::detect::Until::Vendor(Vendor::Ebbot),
    ))
}

fn parse_prepared(prepared: &Prepared<'_>) -> Result<Event, Error> {
    let topic = prepared.discriminator(VENDOR, "topic")?;
    dispatch(prepared, &topic, &topic)
}
