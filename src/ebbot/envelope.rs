//! [`Webhook`] and [`ChatUpdateEvent`]: the envelope every Ebbot webhook shares.

use serde::{Deserialize, Serialize};

use super::Chat;
use crate::lenient::{Id, Timestamp};

/// An Ebbot outgoing webhook: the envelope shared by every topic, with the payload under
/// `data` typed by `D`.
///
/// Only `topic` is required; every other member may be absent or `null`. `chat.update` is the
/// one topic that carries its payload under `chat` instead: see [`ChatUpdateEvent`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Webhook<D> {
    /// The topic (event name), such as `chat.create`.
    pub topic: String,
    /// Id of the bot the chat belongs to. Written as `null` when `None`: with `topic`, it is
    /// how [`parse_event`](crate::parse_event) recognises Ebbot.
    #[serde(rename = "botId", default)]
    pub bot_id: Option<Id>,
    /// The payload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<D>,
    /// Who caused the event, as far as Ebbot tells (empty strings in every published example).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    /// Id of this delivery; `context.request_id` repeats it.
    #[serde(rename = "requestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<Id>,
    /// When the event was sent: epoch milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
}

impl<D> Webhook<D> {
    /// A webhook of `topic` with every other member absent.
    pub fn new(topic: impl Into<String>) -> Self {
        Webhook {
            topic: topic.into(),
            bot_id: None,
            data: None,
            context: None,
            request_id: None,
            timestamp: None,
        }
    }
}

/// The `chat.update` webhook: the shared envelope with the [`Chat`] under `chat`, not `data`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChatUpdateEvent {
    /// The topic: `chat.update`.
    pub topic: String,
    /// Id of the bot the chat belongs to. Written as `null` when `None`: with `topic`, it is
    /// how [`parse_event`](crate::parse_event) recognises Ebbot.
    #[serde(rename = "botId", default)]
    pub bot_id: Option<Id>,
    /// The chat as it is after the update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat: Option<Chat>,
    /// Who caused the event, as far as Ebbot tells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    /// Id of this delivery; `context.request_id` repeats it.
    #[serde(rename = "requestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<Id>,
    /// When the event was sent: epoch milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
}

impl ChatUpdateEvent {
    /// A webhook of `topic` with every other member absent.
    pub fn new(topic: impl Into<String>) -> Self {
        ChatUpdateEvent {
            topic: topic.into(),
            bot_id: None,
            chat: None,
            context: None,
            request_id: None,
            timestamp: None,
        }
    }
}

/// The `context` of a webhook: the account and request behind it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Context {
    /// Id of the Ebbot company (account); an empty string in the published examples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_id: Option<Id>,
    /// Id of the Ebbot user who caused the event; empty when none did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Id>,
    /// Id of the Ebbot user impersonated, when an admin acts as another user; usually empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impersonated_user_id: Option<Id>,
    /// Id of the delivery, the same as the envelope's `requestId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<Id>,
}
