//! Strict hand-written baseline for the parse benchmark: Channel Talk webhooks.
//!
//! These are the plain owned `#[derive(Deserialize)]` structs a user would write by hand from
//! Channel Talk's documentation and example payloads, parsed with `serde_json::from_slice`.
//! They are deliberately not tolerant: members every example sends are required, ids are
//! strings and timestamps epoch-millisecond numbers as they arrive, the entity type is not
//! checked against the struct, and there is no trailing-comma handling. They exist only to
//! measure `parse_event` against.

#![allow(dead_code)]

use serde::Deserialize;
use serde_json::Value;

/// The envelope of every webhook: `event` (the action), `type`, the `entity` typed by `E`
/// and the models it refers to.
#[derive(Debug, Deserialize)]
pub struct Webhook<E> {
    pub event: String,
    /// Absent in team-chat pushes (`fixtures/channel_talk/variants/no_type/`).
    #[serde(rename = "type")]
    pub entity_type: Option<String>,
    pub entity: E,
    pub refers: Option<Refers>,
}

/// A webhook of a type Channel Talk does not document: the envelope with the entity and the
/// referred models as sent.
#[derive(Debug, Deserialize)]
pub struct GenericEvent {
    pub event: String,
    #[serde(rename = "type")]
    pub entity_type: String,
    pub entity: Option<Value>,
    pub refers: Option<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Refers {
    pub manager: Option<Manager>,
    pub bot: Option<Bot>,
    pub group: Option<Group>,
    pub user: Option<User>,
    pub message: Option<Message>,
    pub user_chat: Option<UserChat>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    pub chat_key: String,
    pub id: String,
    pub main_key: Option<String>,
    pub thread_key: Option<String>,
    pub meet_key: Option<String>,
    pub front_key: Option<String>,
    pub root: Option<bool>,
    pub channel_id: String,
    pub chat_type: String,
    /// Absent in the older generation of the body, which has it in `refers.userChat.id`.
    pub chat_id: Option<String>,
    pub person_type: String,
    pub person_id: String,
    pub request_id: Option<String>,
    pub language: Option<String>,
    pub created_at: i64,
    pub updated_at: Option<i64>,
    pub version: i64,
    pub blocks: Option<Vec<Block>>,
    pub plain_text: Option<String>,
    pub buttons: Option<Vec<Button>>,
    pub files: Option<Vec<File>>,
    pub web_page: Option<WebPage>,
    pub log: Option<Log>,
    pub reactions: Option<Vec<Reaction>>,
    pub form: Option<Value>,
    pub state: Option<String>,
    pub options: Option<Vec<String>>,
    pub marketing: Option<Marketing>,
    pub support_bot: Option<SupportBot>,
    pub workflow: Option<MessageWorkflow>,
    pub alf: Option<Value>,
    pub alert_level: Option<String>,
    pub thread: Option<Value>,
    pub meet: Option<Value>,
    pub root_message_id: Option<String>,
    pub thread_msg: Option<bool>,
    pub meet_msg: Option<bool>,
    pub broadcasted_msg: Option<bool>,
    pub workflow_button: Option<bool>,
    pub removed_by_writer: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub struct Block {
    #[serde(rename = "type")]
    pub kind: String,
    pub language: Option<String>,
    pub value: Option<String>,
    pub blocks: Option<Vec<Block>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Button {
    pub title: String,
    pub color_variant: String,
    pub action: Option<ButtonAction>,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ButtonAction {
    #[serde(rename = "type")]
    pub kind: String,
    pub attributes: Value,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct File {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub size: u64,
    pub content_type: String,
    pub duration: Option<f64>,
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub orientation: Option<i64>,
    pub animated: Option<bool>,
    pub bucket: String,
    pub key: String,
    pub preview_key: Option<String>,
    pub channel_id: Option<String>,
    pub chat_type: Option<String>,
    pub chat_id: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebPage {
    pub id: String,
    pub url: String,
    pub title: String,
    pub description: String,
    pub image_url: String,
    pub video_url: Option<String>,
    pub publisher: String,
    pub author: Option<String>,
    pub width: i64,
    pub height: i64,
    pub bucket: Option<String>,
    pub preview_key: Option<String>,
    pub logo: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Log {
    pub action: String,
    /// Absent from a bare `close` notice.
    pub values: Option<Vec<String>>,
    pub trigger_type: String,
    pub trigger_id: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reaction {
    pub emoji_name: String,
    pub person_keys: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Marketing {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
    pub advertising: bool,
    pub send_to_offline_xms: bool,
    pub send_to_offline_email: bool,
    pub exposure_type: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportBot {
    pub id: String,
    pub revision_id: Option<String>,
    pub section_id: Option<String>,
    pub step_index: Option<i64>,
    pub buttons: Option<Vec<SupportBotButton>>,
    pub submit_button_index: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportBotButton {
    pub text: String,
    pub next_section_id: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageWorkflow {
    pub id: String,
    pub revision_id: String,
    pub section_id: String,
    pub action_index: i64,
    pub submit_button_id: Option<String>,
    pub button_bot_message: bool,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserChat {
    pub id: String,
    pub channel_id: String,
    pub state_key: Option<String>,
    pub user_id: String,
    pub name: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub state: String,
    pub missed_reason: Option<String>,
    pub managed: Option<bool>,
    pub priority: Option<String>,
    pub handling: Option<Value>,
    pub source: Option<Value>,
    pub manager_ids: Option<Vec<String>>,
    pub assignee_id: Option<String>,
    pub team_id: Option<String>,
    pub tags: Option<Vec<String>>,
    pub profile: Option<Value>,
    pub goal_state: Option<String>,
    pub plugin_id: Option<String>,
    pub source_url: Option<String>,
    pub first_opened_at: Option<i64>,
    pub opened_at: Option<i64>,
    pub first_queued_at: Option<i64>,
    pub queued_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: Option<i64>,
    pub front_message_id: Option<String>,
    pub front_updated_at: Option<i64>,
    pub desk_message_id: Option<String>,
    pub desk_updated_at: Option<i64>,
    pub user_last_message_id: Option<String>,
    pub first_asked_at: Option<i64>,
    pub asked_at: Option<i64>,
    pub first_replied_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub snoozed_at: Option<i64>,
    pub expires_at: Option<i64>,
    pub version: i64,
    pub waiting_time: Option<i64>,
    pub avg_reply_time: Option<i64>,
    pub total_reply_time: Option<i64>,
    pub reply_count: Option<i64>,
    pub resolution_time: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: String,
    pub channel_id: String,
    pub member_id: String,
    pub veil_id: Option<String>,
    pub unified_id: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub name: String,
    pub profile: Option<Value>,
    pub tags: Option<Vec<String>>,
    pub alert: i64,
    pub unread: i64,
    pub pop_up_chat_id: Option<String>,
    pub blocked: bool,
    pub unsubscribe_email: bool,
    pub unsubscribe_email_updated_at: Option<i64>,
    pub unsubscribe_texting: bool,
    pub unsubscribe_texting_updated_at: Option<i64>,
    pub has_chat: bool,
    pub main_chat_id: Option<String>,
    pub has_push_token: bool,
    pub language: String,
    pub country: String,
    pub province: Option<String>,
    pub city: String,
    pub time_zone: Option<String>,
    pub latitude: f64,
    pub longitude: f64,
    pub web: Option<WebInfo>,
    pub mobile: Option<MobileInfo>,
    pub sessions_count: i64,
    pub last_seen_at: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub version: i64,
    pub named: Option<bool>,
    pub member: bool,
    pub contact: Option<bool>,
    pub email: Option<String>,
    pub email_qualified: Option<bool>,
    pub mobile_number: Option<String>,
    pub mobile_number_qualified: Option<bool>,
    pub landline_number: Option<String>,
    pub avatar_url: Option<String>,
    pub system_language: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebInfo {
    pub device: String,
    pub os: String,
    pub os_name: String,
    pub browser: String,
    pub browser_name: String,
    pub sessions_count: i64,
    pub last_seen_at: i64,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MobileInfo {
    pub device: String,
    pub os: String,
    pub os_name: String,
    pub app_name: String,
    pub app_version: String,
    pub sdk_name: String,
    pub sdk_version: String,
    pub sessions_count: i64,
    pub last_seen_at: i64,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manager {
    pub id: String,
    pub channel_id: String,
    pub account_id: String,
    pub username: Option<String>,
    pub name: String,
    pub description: Option<String>,
    pub email: String,
    pub mobile_number: Option<String>,
    pub role: Option<String>,
    pub role_id: Option<String>,
    pub removed: bool,
    pub created_at: i64,
    pub updated_at: Option<i64>,
    pub removed_at: Option<i64>,
    pub default_watch: Option<String>,
    pub operator: bool,
    pub operator_score: Option<f64>,
    pub touch_score: Option<f64>,
    pub watch_open_user_chat_via_email: Option<bool>,
    pub watch_open_user_chat_via_mobile: Option<bool>,
    pub display_as_channel: Option<bool>,
    pub status_emoji: Option<String>,
    pub status_text: Option<String>,
    pub do_not_disturb: Option<bool>,
    pub avatar_url: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bot {
    pub id: String,
    pub channel_id: String,
    pub name: String,
    pub description: String,
    pub avatar_url: String,
    pub color: String,
    pub created_at: i64,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub id: String,
    pub channel_id: String,
    pub name: String,
    pub scope: String,
    pub manager_ids: Vec<String>,
    pub icon: String,
    pub description: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// `message.push`, `message.create`, `message.update`, `message.upsert`.
pub type MessageEvent = Webhook<Message>;
/// `userChat.push`, `userChat.create`, `userChat.update`, `userChat.upsert`.
pub type UserChatEvent = Webhook<UserChat>;
/// `user.update`, ...
pub type UserEvent = Webhook<User>;
