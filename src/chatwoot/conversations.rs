//! [`Conversation`] (its push data), its [`ConversationMeta`] and its [`ContactInbox`].

use super::accounts::{Account, Inbox, Team};
use super::contacts::Contact;
use super::messages::Message;
use super::users::User;
use crate::lenient::{Id, Timestamp};
use crate::open_object::Members;

open_object! {
    /// A conversation, as Chatwoot's push data writes it: the payload of
    /// `conversation_created`, `conversation_status_changed` and `conversation_updated`, and a
    /// message's `conversation`.
    ///
    /// `id` is the **display id** (the number in the conversation's URL), unique only within
    /// its account; [`chat_id`](super::Event::chat_id) makes it unique with the inbox (see the
    /// [module docs](super)). The oldest shape (2020) sent `display_id` instead.
    ///
    /// Times come in several forms in one body: epoch seconds (`created_at`, `timestamp`, the
    /// `*_last_seen_at`), epoch seconds with a fraction (`updated_at`) and ISO 8601
    /// (`first_reply_created_at`, `snoozed_until`); all are [`Timestamp`]s and serialize back
    /// as sent. Chatwoot writes a time that is not set as `0` in epoch members
    /// (`waiting_since`, `agent_last_seen_at`, ...): it reads as 1970-01-01.
    pub struct Conversation("a Chatwoot conversation (an object)") {
        /// The display id, unique within the account.
        id: Id = "id",
        /// The display id, in the oldest shape.
        display_id: Id = "display_id",
        /// The inbox the conversation is in.
        inbox_id: Id = "inbox_id",
        /// The account, where sent (older versions).
        account_id: Id = "account_id",
        /// `open`, `resolved`, `pending` or `snoozed`.
        status: ConversationStatus = "status",
        /// The inbox's channel (`Channel::WebWidget`, `Channel::Api`, ...).
        channel: String = "channel",
        /// Whether an agent can reply now (a channel's reply window may have closed).
        can_reply: bool = "can_reply",
        /// The last message (push data sends at most one), with `message_type` as a number.
        messages: Vec<Message> = "messages",
        /// The labels on the conversation.
        labels: Vec<String> = "labels",
        /// The contact, the assignee and the team.
        meta: ConversationMeta = "meta",
        /// The link between the contact and the inbox.
        contact_inbox: ContactInbox = "contact_inbox",
        /// Attributes Chatwoot collects (browser, referer, ...), as sent.
        additional_attributes: Members = "additional_attributes",
        /// Attributes your account defines, as sent.
        custom_attributes: Members = "custom_attributes",
        /// How many incoming messages no agent has seen.
        unread_count: u64 = "unread_count",
        /// `low`, `medium`, `high` or `urgent`; `null` when not set.
        priority: Priority = "priority",
        /// Until when a snoozed conversation sleeps.
        snoozed_until: Timestamp = "snoozed_until",
        /// Since when the contact waits for a reply (`0` when not waiting).
        waiting_since: Timestamp = "waiting_since",
        /// When an agent first replied.
        first_reply_created_at: Timestamp = "first_reply_created_at",
        /// The assigned user's id (a message's push data summary).
        assignee_id: Id = "assignee_id",
        /// When an agent last saw the conversation.
        agent_last_seen_at: Timestamp = "agent_last_seen_at",
        /// When the contact last saw the conversation.
        contact_last_seen_at: Timestamp = "contact_last_seen_at",
        /// When the conversation last had activity.
        last_activity_at: Timestamp = "last_activity_at",
        /// The same as `last_activity_at`.
        timestamp: Timestamp = "timestamp",
        /// When the conversation was created.
        created_at: Timestamp = "created_at",
        /// When the conversation was last updated (epoch seconds with a fraction).
        updated_at: Timestamp = "updated_at",
    }
}

impl Conversation {
    /// The display id: `id`, or `display_id` in the oldest shape.
    pub fn display_id(&self) -> Option<&Id> {
        self.id.as_ref().or(self.display_id.as_ref())
    }
}

open_enum! {
    /// A conversation's `status`.
    pub enum ConversationStatus {
        /// Open: agents work on it.
        Open = "open",
        /// Resolved: closed until the contact writes again.
        Resolved = "resolved",
        /// Pending: an agent bot handles it; agents see it once the bot hands it over.
        Pending = "pending",
        /// Snoozed until `snoozed_until` (or the contact's next message).
        Snoozed = "snoozed",
    }
}

open_enum! {
    /// A conversation's `priority`.
    pub enum Priority {
        /// Low.
        Low = "low",
        /// Medium.
        Medium = "medium",
        /// High.
        High = "high",
        /// Urgent.
        Urgent = "urgent",
    }
}

open_object! {
    /// A conversation's `meta`: who it is with and who works on it.
    pub struct ConversationMeta("a Chatwoot conversation's meta (an object)") {
        /// The contact (the customer).
        sender: Contact = "sender",
        /// The agent assigned, if any.
        assignee: User = "assignee",
        /// `User` or `AgentBot`: what the assignee is, where sent.
        assignee_type: String = "assignee_type",
        /// The team assigned, if any.
        team: Team = "team",
        /// Whether the contact's identity was verified with the inbox's HMAC token.
        hmac_verified: bool = "hmac_verified",
        /// The inbox's channel, where sent.
        channel: String = "channel",
    }
}

open_object! {
    /// The link between a contact and an inbox: a conversation's `contact_inbox` (the model's
    /// attributes) and the payload of `webwidget_triggered` (its webhook data, with the
    /// contact, the inbox, the account and the current conversation).
    pub struct ContactInbox("a Chatwoot contact inbox (an object)") {
        /// The contact inbox's id.
        id: Id = "id",
        /// The contact's id.
        contact_id: Id = "contact_id",
        /// The inbox's id.
        inbox_id: Id = "inbox_id",
        /// The contact's id in the channel (a widget visitor's token, a phone number, ...).
        source_id: String = "source_id",
        /// Whether the contact's identity was verified with the inbox's HMAC token.
        hmac_verified: bool = "hmac_verified",
        /// The web widget's pub-sub token for the contact.
        pubsub_token: String = "pubsub_token",
        /// When the link was created.
        created_at: Timestamp = "created_at",
        /// When the link was last updated.
        updated_at: Timestamp = "updated_at",
        /// The contact (`webwidget_triggered`).
        contact: Contact = "contact",
        /// The inbox, `{id, name}` (`webwidget_triggered`).
        inbox: Inbox = "inbox",
        /// The account, `{id, name}` (`webwidget_triggered`).
        account: Account = "account",
        /// The contact's current conversation in the inbox, if any (`webwidget_triggered`).
        current_conversation: Box<Conversation> = "current_conversation",
    }
}

impl super::envelope::Payload for Conversation {
    fn chat_key(&self) -> Option<String> {
        super::envelope::chat_key(self.inbox_id.as_ref(), self.display_id())
    }

    fn time(&self, kind: Option<super::EventKind>) -> Option<Timestamp> {
        match kind {
            Some(super::EventKind::ConversationCreated) => self.created_at.clone(),
            _ => self.updated_at.clone(),
        }
    }
}

impl super::envelope::Payload for ContactInbox {
    /// The current conversation's, when the contact has one.
    fn chat_key(&self) -> Option<String> {
        let conversation = self.current_conversation.as_deref()?;
        let inbox_id = conversation
            .inbox_id
            .as_ref()
            .or(self.inbox_id.as_ref())
            .or_else(|| self.inbox.as_ref()?.id.as_ref());
        super::envelope::chat_key(inbox_id, conversation.display_id())
    }

    /// The widget's event says nothing of when it was opened but the browser's own text.
    fn time(&self, _: Option<super::EventKind>) -> Option<Timestamp> {
        None
    }
}
