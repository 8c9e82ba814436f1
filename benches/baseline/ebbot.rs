//! Strict hand-written baseline for the parse benchmark: Ebbot outgoing webhooks.
//!
//! These are the plain owned `#[derive(Deserialize)]` structs a user would write by hand from
//! Ebbot's documentation and example payloads, parsed with `serde_json::from_slice`. They are
//! deliberately not tolerant: members every example sends are required, ids and timestamps are
//! typed as they arrive, `chat_user.info` stays the JSON-in-a-string Ebbot sends, and there is
//! no trailing-comma handling. They exist only to measure `parse_event` against.

#![allow(dead_code)]

use serde::Deserialize;
use serde_json::Value;

/// The envelope shared by every topic but `chat.update`, with the payload under `data`.
#[derive(Debug, Deserialize)]
pub struct Webhook<D> {
    pub topic: String,
    #[serde(rename = "botId")]
    pub bot_id: String,
    pub data: D,
    pub context: Context,
    #[serde(rename = "requestId")]
    pub request_id: String,
    /// Epoch milliseconds.
    pub timestamp: i64,
}

#[derive(Debug, Deserialize)]
pub struct Context {
    pub company_id: String,
    pub user_id: String,
    pub impersonated_user_id: String,
    pub request_id: String,
}

/// `data` of `chat.create`.
#[derive(Debug, Deserialize)]
pub struct ChatCreate {
    pub id: String,
    #[serde(rename = "type")]
    pub integration_type: String,
    pub status: String,
    pub user: UserInfo,
}

#[derive(Debug, Deserialize)]
pub struct UserInfo {
    pub first_name: String,
    pub last_name: Option<String>,
    pub id: Option<String>,
}

/// `chat.update`: the envelope with the chat under `chat` instead of `data`.
#[derive(Debug, Deserialize)]
pub struct ChatUpdateEvent {
    pub topic: String,
    #[serde(rename = "botId")]
    pub bot_id: String,
    pub chat: Chat,
    pub context: Context,
    #[serde(rename = "requestId")]
    pub request_id: String,
    pub timestamp: i64,
}

#[derive(Debug, Deserialize)]
pub struct Chat {
    pub id: String,
    #[serde(rename = "botId")]
    pub bot_id: String,
    #[serde(rename = "companyId")]
    pub company_id: String,
    pub name: String,
    pub integration_type: String,
    pub scenario: Option<Value>,
    #[serde(rename = "type")]
    pub chat_type: String,
    pub status: String,
    #[serde(rename = "statusTimestamp")]
    pub status_timestamp: String,
    #[serde(rename = "chatUserId")]
    pub chat_user_id: String,
    pub handled_by: String,
    #[serde(rename = "handledByAgentTimestamp")]
    pub handled_by_agent_timestamp: Option<String>,
    pub transfer_data: Value,
    #[serde(rename = "userId")]
    pub user_id: Option<String>,
    pub last_message: String,
    /// A bool, or a count (the chat client's variant).
    pub new_messages: Value,
    pub scenarios_in_progress: Vec<Value>,
    pub successful_scenarios: Value,
    pub language: String,
    pub nps: Option<Value>,
    pub rating: Option<Value>,
    #[serde(rename = "transferSkillId")]
    pub transfer_skill_id: Option<String>,
    pub participants: Vec<Value>,
    pub agents: Vec<Value>,
    #[serde(rename = "createdAt")]
    pub created_at: String,
    #[serde(rename = "updatedAt")]
    pub updated_at: String,
    pub chat_user: ChatUser,
    pub supervised: bool,
}

#[derive(Debug, Deserialize)]
pub struct ChatUser {
    pub id: String,
    pub image: Option<String>,
    /// A JSON document in a string, kept as the string.
    pub info: String,
    #[serde(rename = "createdAt")]
    pub created_at: String,
    #[serde(rename = "updatedAt")]
    pub updated_at: String,
}

/// `data` of `chat.data.update`.
#[derive(Debug, Deserialize)]
pub struct ChatData {
    pub id: String,
    pub time_before_start: f64,
    pub os: String,
    pub user_last_input: String,
    pub current_host: String,
    #[serde(rename = "clientIp")]
    pub client_ip: String,
    pub browser: String,
    pub chat_theme_details: ChatThemeDetails,
    pub current_page: String,
    pub platform: String,
}

#[derive(Debug, Deserialize)]
pub struct ChatThemeDetails {
    pub id: String,
    pub path: Option<String>,
    #[serde(rename = "isDefault")]
    pub is_default: bool,
}

/// `data` of `chat.user.update`.
#[derive(Debug, Deserialize)]
pub struct ChatUserUpdate {
    pub id: String,
    pub user: UserInfo,
}

/// `data` of the message topics, and an entry of a `chat.close` conversation.
///
/// `value` is a string for some message types and an object for others (and either for
/// `gpt`), hence `Value`.
#[derive(Debug, Deserialize)]
pub struct Message {
    /// Absent from `chat.close` conversation entries.
    #[serde(rename = "chatId")]
    pub chat_id: Option<String>,
    /// Absent from the chat client's `button_click` messages.
    pub id: Option<String>,
    pub sender: String,
    #[serde(rename = "type")]
    pub message_type: String,
    /// Absent from the chat client's `web_init` and `refresh_messages` messages.
    pub value: Option<Value>,
    /// Decimal epoch seconds or milliseconds as a string, or integer milliseconds.
    pub timestamp: Value,
}

/// `data` of `chat.scenario.run`.
#[derive(Debug, Deserialize)]
pub struct ScenarioRun {
    #[serde(rename = "chatId")]
    pub chat_id: String,
    pub scenario: Scenario,
}

#[derive(Debug, Deserialize)]
pub struct Scenario {
    pub id: String,
    pub name: String,
    pub states: u64,
}

/// `data` of `chat.status.change`.
#[derive(Debug, Deserialize)]
pub struct StatusChange {
    pub id: String,
    pub status: String,
    pub supervised: bool,
    #[serde(rename = "type")]
    pub chat_type: String,
}

/// `data` of `chat.close`.
#[derive(Debug, Deserialize)]
pub struct Transcript {
    pub id: String,
    pub conversation: Vec<Message>,
}

pub type ChatCreateEvent = Webhook<ChatCreate>;
pub type ChatDataUpdateEvent = Webhook<ChatData>;
pub type ChatUserUpdateEvent = Webhook<ChatUserUpdate>;
/// `chat.user.message`, `chat.bot.message`, `chat.agent.message`, `chat.system.message`,
/// `chat.message`.
pub type MessageEvent = Webhook<Message>;
pub type ScenarioRunEvent = Webhook<ScenarioRun>;
pub type StatusChangeEvent = Webhook<StatusChange>;
pub type ChatCloseEvent = Webhook<Transcript>;

/// Any topic Ebbot does not document: the envelope with `data` as sent.
pub type GenericEvent = Webhook<Option<Value>>;
