//! Strict hand-written baseline for the parse benchmark: Chatwoot webhooks.
//!
//! The plain owned `#[derive(Deserialize)]` structs a user would write from Chatwoot's webhook
//! documentation: the model with `event` in it (each event's struct lists `event` itself:
//! `#[serde(flatten)]` would buffer every member first), ids as the numbers Chatwoot sends,
//! times as sent (`Value`: strings and numbers mix in one body), user-defined attributes as
//! `Value`. Members every current body sends are required; the older shapes' members are
//! optional. No trailing-comma handling. They exist only to measure `parse_event` against.

#![allow(dead_code)]

use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
pub struct Account {
    pub id: Value,
    pub name: String,
}

#[derive(Debug, Deserialize)]
pub struct Sender {
    pub id: Value,
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub sender_type: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub identifier: Option<String>,
    pub thumbnail: Option<String>,
    pub avatar: Option<String>,
    pub avatar_url: Option<String>,
    pub additional_attributes: Option<Value>,
    pub custom_attributes: Option<Value>,
    pub account: Option<Account>,
    pub blocked: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub struct Attachment {
    pub id: u64,
    pub message_id: u64,
    pub file_type: String,
    pub account_id: u64,
    pub extension: Option<String>,
    pub data_url: String,
    pub thumb_url: Option<String>,
    pub file_size: Option<u64>,
    pub width: Option<u64>,
    pub height: Option<u64>,
}

#[derive(Debug, Deserialize)]
pub struct Message {
    pub id: Value,
    pub content: Option<String>,
    pub content_type: Option<String>,
    pub content_attributes: Option<Value>,
    pub message_type: Value,
    pub private: Option<bool>,
    pub source_id: Option<String>,
    pub created_at: Value,
    pub updated_at: Option<Value>,
    pub additional_attributes: Option<Value>,
    pub sender: Option<Sender>,
    pub contact: Option<Sender>,
    pub inbox: Option<Inbox>,
    pub conversation: Option<Box<Conversation>>,
    pub account: Option<Account>,
    pub attachments: Option<Vec<Attachment>>,
    pub account_id: Option<u64>,
    pub inbox_id: Option<u64>,
    pub conversation_id: Option<u64>,
    pub status: Option<String>,
    pub sender_type: Option<String>,
    pub sender_id: Option<u64>,
}

#[derive(Debug, Deserialize)]
pub struct Meta {
    pub sender: Option<Sender>,
    pub assignee: Option<Sender>,
    pub assignee_type: Option<String>,
    pub team: Option<Account>,
    pub hmac_verified: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub struct ContactInbox {
    pub id: Option<u64>,
    pub contact_id: Option<u64>,
    pub inbox_id: Option<u64>,
    pub source_id: String,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub hmac_verified: Option<bool>,
    pub pubsub_token: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Conversation {
    pub id: Option<Value>,
    pub display_id: Option<Value>,
    pub inbox_id: Option<u64>,
    pub account_id: Option<u64>,
    pub status: Option<String>,
    pub channel: Option<String>,
    pub can_reply: Option<bool>,
    pub messages: Option<Vec<Message>>,
    pub labels: Option<Vec<String>>,
    pub meta: Option<Meta>,
    pub contact_inbox: Option<ContactInbox>,
    pub additional_attributes: Option<Value>,
    pub custom_attributes: Option<Value>,
    pub unread_count: Option<u64>,
    pub priority: Option<String>,
    pub snoozed_until: Option<String>,
    pub waiting_since: Option<u64>,
    pub first_reply_created_at: Option<String>,
    pub assignee_id: Option<u64>,
    pub agent_last_seen_at: Option<u64>,
    pub contact_last_seen_at: Option<u64>,
    pub last_activity_at: Option<u64>,
    pub timestamp: Option<u64>,
    pub created_at: Option<u64>,
    pub updated_at: Option<f64>,
}

#[derive(Debug, Deserialize)]
pub struct Inbox {
    pub id: u64,
    pub name: String,
    pub account_id: Option<u64>,
    pub channel_type: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Change {
    pub previous_value: Value,
    pub current_value: Value,
}

/// A message event: the message's members and `event`.
#[derive(Debug, Deserialize)]
pub struct MessageEvent {
    pub event: String,
    pub id: Value,
    pub content: Option<String>,
    pub message_type: Value,
    pub created_at: Value,
    pub sender: Option<Sender>,
    pub contact: Option<Sender>,
    pub inbox: Option<Inbox>,
    pub conversation: Conversation,
    pub account: Account,
    pub attachments: Option<Vec<Attachment>>,
}

/// A conversation event: the conversation's members, `event` and `changed_attributes`.
#[derive(Debug, Deserialize)]
pub struct ConversationEvent {
    pub event: String,
    pub id: u64,
    pub inbox_id: u64,
    pub status: String,
    pub messages: Vec<Message>,
    pub meta: Meta,
    pub contact_inbox: Option<ContactInbox>,
    pub additional_attributes: Option<Value>,
    pub custom_attributes: Option<Value>,
    pub created_at: Option<u64>,
    pub updated_at: Option<f64>,
    pub changed_attributes: Option<Vec<std::collections::HashMap<String, Change>>>,
}

#[derive(Debug, Deserialize)]
pub struct ContactEvent {
    pub event: String,
    pub id: u64,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub custom_attributes: Value,
    pub additional_attributes: Value,
    pub account: Account,
    pub changed_attributes: Option<Vec<std::collections::HashMap<String, Change>>>,
}

#[derive(Debug, Deserialize)]
pub struct InboxEvent {
    pub event: String,
    pub id: u64,
    pub name: String,
    pub account_id: u64,
    pub channel_type: String,
    pub created_at: String,
    pub updated_at: String,
    pub changed_attributes: Option<Vec<std::collections::HashMap<String, Change>>>,
}

#[derive(Debug, Deserialize)]
pub struct WebwidgetEvent {
    pub event: String,
    pub id: u64,
    pub contact: Sender,
    pub inbox: Inbox,
    pub account: Account,
    pub current_conversation: Option<Conversation>,
    pub source_id: String,
    pub event_info: Value,
}

#[derive(Debug, Deserialize)]
pub struct TypingEvent {
    pub event: String,
    pub conversation: Conversation,
    pub user: Sender,
    pub is_private: bool,
}

/// Any event: `event` and the rest as a map.
#[derive(Debug, Deserialize)]
pub struct GenericEvent {
    pub event: String,
    #[serde(flatten)]
    pub rest: std::collections::HashMap<String, Value>,
}
