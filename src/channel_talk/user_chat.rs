//! [`UserChat`]: the entity of `userChat` webhooks.

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

open_object! {
    /// A Channel Talk user chat (`UserChat`): a conversation between a user (a customer) and the
    /// channel's managers and bots.
    ///
    /// Every member may be absent or `null`; timestamps are epoch milliseconds. `stateKey`,
    /// `pluginId` and `sourceUrl` appear in Channel's published webhook example though not in its
    /// Open API model; they are typed too. Members whose shape the webhook documentation does not
    /// show (`handling`, `source`, `profile`) are kept as sent.
    pub struct UserChat("a user chat (an object)") {
        /// Id of the user chat.
        id: Id = "id",
        /// Id of the channel (the Channel Talk workspace).
        channel_id: Id = "channelId",
        /// `<state>-<key>`: the state with an ordering key (`unassigned-5fe428889e3401787d6f`).
        state_key: String = "stateKey",
        /// Id of the user (customer) the chat is with.
        user_id: Id = "userId",
        /// Display name of the chat (by default the user's).
        name: String = "name",
        /// Title given by a manager.
        title: String = "title",
        /// Description given by a manager or a workflow.
        description: String = "description",
        /// `opened`, `closed`, `snoozed` or `queued` (the older example sends `unassigned`).
        state: UserChatState = "state",
        /// The state in the older generation of the body, where it accompanies `state`.
        state_v2: UserChatState = "stateV2",
        /// Why a call was missed (`notInOperation`, `userLeft`, ...).
        missed_reason: String = "missedReason",
        /// Whether a manager has handled the chat.
        managed: bool = "managed",
        /// `low`, `medium` or `high`.
        priority: Priority = "priority",
        /// Who handles the chat now (a workflow, a manager), as sent.
        handling: Members = "handling",
        /// Where the chat started: its medium (web or an external messenger), and the page,
        /// campaign, workflow or messenger app, kept as sent.
        source: UserChatSource = "source",
        /// Ids of the managers following the chat.
        manager_ids: Vec<Id> = "managerIds",
        /// Id of the manager the chat is assigned to.
        assignee_id: Id = "assigneeId",
        /// Id of the team the chat is assigned to.
        team_id: Id = "teamId",
        /// Tags on the chat (at most eight).
        tags: Vec<String> = "tags",
        /// The chat's custom fields, as sent.
        profile: Members = "profile",
        /// Whether the campaign goal of the chat was met (`achieved`, `notAchieved`, `waiting`,
        /// `none`).
        goal_state: String = "goalState",
        /// Id of the chat plugin (the website widget) the chat started in.
        plugin_id: Id = "pluginId",
        /// The page the chat started on.
        source_url: String = "sourceUrl",
        /// When the chat was first opened.
        first_opened_at: Timestamp = "firstOpenedAt",
        /// When the chat was last opened.
        opened_at: Timestamp = "openedAt",
        /// When the chat was first queued.
        first_queued_at: Timestamp = "firstQueuedAt",
        /// When the chat was last queued.
        queued_at: Timestamp = "queuedAt",
        /// When the chat was created.
        created_at: Timestamp = "createdAt",
        /// When the chat last changed.
        updated_at: Timestamp = "updatedAt",
        /// Id of the last message the user sees.
        front_message_id: Id = "frontMessageId",
        /// When the user's view of the chat last changed.
        front_updated_at: Timestamp = "frontUpdatedAt",
        /// Id of the last message managers see.
        desk_message_id: Id = "deskMessageId",
        /// When the managers' view of the chat last changed.
        desk_updated_at: Timestamp = "deskUpdatedAt",
        /// Id of the user's last message.
        user_last_message_id: Id = "userLastMessageId",
        /// When the user first asked for a manager.
        first_asked_at: Timestamp = "firstAskedAt",
        /// When the user last asked for a manager.
        asked_at: Timestamp = "askedAt",
        /// When a manager first replied.
        first_replied_at: Timestamp = "firstRepliedAt",
        /// When the chat was closed.
        closed_at: Timestamp = "closedAt",
        /// When the chat was snoozed.
        snoozed_at: Timestamp = "snoozedAt",
        /// When a snooze ends.
        expires_at: Timestamp = "expiresAt",
        /// Revision of the chat.
        version: i64 = "version",
        /// How long the user waited for a first reply, in milliseconds.
        waiting_time: i64 = "waitingTime",
        /// Average time to reply, in milliseconds.
        avg_reply_time: i64 = "avgReplyTime",
        /// Total time to reply, in milliseconds.
        total_reply_time: i64 = "totalReplyTime",
        /// Number of replies by managers.
        reply_count: i64 = "replyCount",
        /// Time from opening to closing, in milliseconds.
        resolution_time: i64 = "resolutionTime",
    }
}

open_object! {
    /// Where a user chat started (`source`): `medium`, typed, and the `page`, `marketing`,
    /// `supportBot`, `workflow` and `appMessenger` Channel's model lists, kept as sent.
    pub struct UserChatSource("a user chat source (an object)") {
        /// The medium the chat came through.
        medium: Medium = "medium",
    }
}

open_object! {
    /// The medium a user chat came through (`source.medium`).
    pub struct Medium("a medium (an object)") {
        /// `app` (an external messenger) or `native` (Channel's own web messenger).
        medium_type: MediumType = "mediumType",
    }
}

open_enum! {
    /// What kind of medium a user chat came through ([`Medium::medium_type`]), as Channel's
    /// app SDK lists them.
    pub enum MediumType {
        /// An external messenger app, connected to Channel.
        App = "app",
        /// Channel's own messenger, on the web or in an app (the SDK).
        Native = "native",
    }
}
