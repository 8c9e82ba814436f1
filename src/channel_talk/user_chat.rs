//! [`UserChat`]: the entity of `userChat` webhooks.

use serde::{Deserialize, Serialize};

use super::Members;
use crate::lenient::{Id, Timestamp};

open_enum! {
    /// The state of a user chat (`state`).
    pub enum UserChatState {
        /// `opened`: in progress.
        Opened = "opened",
        /// `closed`: resolved.
        Closed = "closed",
        /// `snoozed`: put aside until [`UserChat::expires_at`].
        Snoozed = "snoozed",
        /// `queued`: waiting for a free manager.
        Queued = "queued",
        /// `unassigned`: sent by the older documentation revision's `userChat` example. The
        /// current model has no such state (assignment is `assigneeId`); kept because Channel's
        /// own example sends it.
        Unassigned = "unassigned",
    }
}

open_enum! {
    /// The priority of a user chat (`priority`).
    pub enum Priority {
        /// `low`.
        Low = "low",
        /// `medium`.
        Medium = "medium",
        /// `high`.
        High = "high",
    }
}

/// A Channel Talk user chat (`UserChat`): a conversation between a user (a customer) and the
/// channel's managers and bots.
///
/// Every member may be absent or `null`; timestamps are epoch milliseconds. `stateKey`,
/// `pluginId` and `sourceUrl` appear in Channel's published webhook example though not in its
/// Open API model; they are typed too. Members whose shape the webhook documentation does not
/// show (`handling`, `source`, `profile`) are kept as JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct UserChat {
    /// Id of the user chat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Id of the channel (the Channel Talk workspace).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Id>,
    /// `<state>-<key>`: the state with an ordering key (`unassigned-5fe428889e3401787d6f`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_key: Option<String>,
    /// Id of the user (customer) the chat is with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Id>,
    /// Display name of the chat (by default the user's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Title given by a manager.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description given by a manager or a workflow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `opened`, `closed`, `snoozed` or `queued` (the older example sends `unassigned`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<UserChatState>,
    /// Why a call was missed (`notInOperation`, `userLeft`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missed_reason: Option<String>,
    /// Whether a manager has handled the chat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managed: Option<bool>,
    /// `low`, `medium` or `high`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Who handles the chat now (a workflow, a manager), as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handling: Option<serde_json::Value>,
    /// Where the chat started (page, campaign, workflow, messenger app), as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<serde_json::Value>,
    /// Ids of the managers following the chat.
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub manager_ids: Vec<Id>,
    /// Id of the manager the chat is assigned to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignee_id: Option<Id>,
    /// Id of the team the chat is assigned to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team_id: Option<Id>,
    /// Tags on the chat (at most eight).
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<String>,
    /// The chat's custom fields, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<Members>,
    /// Whether the campaign goal of the chat was met (`achieved`, `notAchieved`, `waiting`,
    /// `none`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal_state: Option<String>,
    /// Id of the chat plugin (the website widget) the chat started in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plugin_id: Option<Id>,
    /// The page the chat started on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// When the chat was first opened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_opened_at: Option<Timestamp>,
    /// When the chat was last opened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<Timestamp>,
    /// When the chat was first queued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_queued_at: Option<Timestamp>,
    /// When the chat was last queued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queued_at: Option<Timestamp>,
    /// When the chat was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When the chat last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// Id of the last message the user sees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub front_message_id: Option<Id>,
    /// When the user's view of the chat last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub front_updated_at: Option<Timestamp>,
    /// Id of the last message managers see.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desk_message_id: Option<Id>,
    /// When the managers' view of the chat last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desk_updated_at: Option<Timestamp>,
    /// Id of the user's last message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_last_message_id: Option<Id>,
    /// When the user first asked for a manager.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_asked_at: Option<Timestamp>,
    /// When the user last asked for a manager.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asked_at: Option<Timestamp>,
    /// When a manager first replied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_replied_at: Option<Timestamp>,
    /// When the chat was closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<Timestamp>,
    /// When the chat was snoozed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snoozed_at: Option<Timestamp>,
    /// When a snooze ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<Timestamp>,
    /// Revision of the chat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// How long the user waited for a first reply, in milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiting_time: Option<i64>,
    /// Average time to reply, in milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avg_reply_time: Option<i64>,
    /// Total time to reply, in milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_reply_time: Option<i64>,
    /// Number of replies by managers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_count: Option<i64>,
    /// Time from opening to closing, in milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution_time: Option<i64>,
}
