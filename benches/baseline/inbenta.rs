//! Strict hand-written baseline for the parse benchmark: Inbenta HyperChat webhooks.
//!
//! These are the plain owned `#[derive(Deserialize)]` structs a user would write by hand from
//! HyperChat's documentation and example payloads, parsed with `serde_json::from_slice`. They
//! are deliberately not tolerant: members every example sends are required, ids are typed as
//! they arrive, `created_at` is the number sent (seconds or milliseconds, not told apart), and
//! there is no trailing-comma handling. They exist only to measure `parse_event` against.

#![allow(dead_code)]

use serde::Deserialize;
use serde_json::Value;

/// The envelope every trigger shares, with `data` typed by `D`.
#[derive(Debug, Deserialize)]
pub struct Webhook<D> {
    pub trigger: String,
    #[serde(rename = "appId")]
    pub app_id: String,
    pub data: D,
    /// Epoch seconds (or milliseconds), as sent.
    pub created_at: i64,
}

/// `data` of the triggers that carry only a chat and a user: `chats:create`, `chats:join`,
/// `chats:leave`, `chats:close`, `chats:toinbox`, `forever:alone`, `invitations:*`,
/// `messages:read`, `system:info`, `agents:login`, `agents:logout`, `rooms:*`,
/// `users:signup`.
///
/// Each member is absent from some triggers, and the ids arrive as strings in most examples
/// and as numbers in one, hence `Value`.
#[derive(Debug, Deserialize)]
pub struct SkinnyData {
    #[serde(rename = "chatId")]
    pub chat_id: Option<Value>,
    #[serde(rename = "userId")]
    pub user_id: Option<Value>,
}

/// `data` of `chats:assign`.
#[derive(Debug, Deserialize)]
pub struct ChatAssignData {
    #[serde(rename = "chatId")]
    pub chat_id: String,
    #[serde(rename = "userId")]
    pub user_id: Option<String>,
    pub agents: Vec<AvailableAgent>,
}

#[derive(Debug, Deserialize)]
pub struct AvailableAgent {
    pub id: String,
    pub capacity: i64,
}

/// `data` of `messages:new`.
#[derive(Debug, Deserialize)]
pub struct MessageNewData {
    pub message: Message,
}

/// `message` is a string for text messages and an object for media, hence `Value`.
#[derive(Debug, Deserialize)]
pub struct Message {
    /// Absent from media messages.
    pub id: Option<String>,
    pub chat: String,
    /// An id, or the sender's user object.
    pub sender: Value,
    #[serde(rename = "type")]
    pub message_type: String,
    pub message: Value,
}

/// `data` of `queues:update`.
#[derive(Debug, Deserialize)]
pub struct QueueUpdateData {
    #[serde(rename = "chatId")]
    pub chat_id: String,
    /// Absent when the connector has no user to announce.
    #[serde(rename = "userId")]
    pub user_id: Option<String>,
    pub data: QueueStatus,
}

#[derive(Debug, Deserialize)]
pub struct QueueStatus {
    #[serde(rename = "queuePosition")]
    pub queue_position: i64,
}

/// `data` of `users:activity`.
#[derive(Debug, Deserialize)]
pub struct UserActivityData {
    #[serde(rename = "chatId")]
    pub chat_id: String,
    #[serde(rename = "userId")]
    pub user_id: String,
    #[serde(rename = "type")]
    pub activity: String,
}

pub type SkinnyEvent = Webhook<SkinnyData>;
pub type ChatAssignEvent = Webhook<ChatAssignData>;
pub type MessageNewEvent = Webhook<MessageNewData>;
pub type QueueUpdateEvent = Webhook<QueueUpdateData>;
pub type UserActivityEvent = Webhook<UserActivityData>;

/// Any trigger HyperChat does not document (`chats:transfer`, ...): the envelope with `data`
/// as sent.
pub type GenericEvent = Webhook<Option<Value>>;
