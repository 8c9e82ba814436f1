//! [`Account`], [`Inbox`] and [`Team`]: where a conversation lives.

use crate::lenient::{Id, Timestamp};
use crate::open_object::Members;

open_object! {
    /// A Chatwoot account (a workspace): `{id, name}`, as every webhook model names it.
    pub struct Account("a Chatwoot account (an object)") {
        /// The account's id; conversations' display ids are unique within it.
        id: Id = "id",
        /// The account's name.
        name: String = "name",
    }
}

open_object! {
    /// A team of agents a conversation can be assigned to (`meta.team`): `{id, name}`.
    pub struct Team("a Chatwoot team (an object)") {
        /// The team's id.
        id: Id = "id",
        /// The team's name.
        name: String = "name",
    }
}

open_object! {
    /// An inbox (a channel: web widget, e-mail, WhatsApp, API, ...).
    ///
    /// Messages name it as `{id, name}`; `inbox_created` and `inbox_updated` send the inbox's
    /// whole push data, whose settings are typed below where they say something about the
    /// conversations it receives, and kept as sent otherwise (channel-specific settings,
    /// `auto_assignment_config`, ...).
    pub struct Inbox("a Chatwoot inbox (an object)") {
        /// The inbox's id, unique within the Chatwoot installation.
        id: Id = "id",
        /// The inbox's name.
        name: String = "name",
        /// The account the inbox belongs to.
        account_id: Id = "account_id",
        /// The kind of channel (`Channel::WebWidget`, `Channel::Api`, `Channel::Email`, ...).
        channel_type: String = "channel_type",
        /// The inbox's avatar.
        avatar_url: String = "avatar_url",
        /// The business name shown to contacts.
        business_name: String = "business_name",
        /// Whether conversations are assigned to agents automatically.
        enable_auto_assignment: bool = "enable_auto_assignment",
        /// Whether a greeting is sent to new conversations.
        greeting_enabled: bool = "greeting_enabled",
        /// The greeting.
        greeting_message: String = "greeting_message",
        /// Whether business hours apply.
        working_hours_enabled: bool = "working_hours_enabled",
        /// The message sent outside business hours.
        out_of_office_message: String = "out_of_office_message",
        /// The inbox's time zone (`America/New_York`).
        timezone: String = "timezone",
        /// Whether a CSAT survey is sent when a conversation is resolved.
        csat_survey_enabled: bool = "csat_survey_enabled",
        /// Whether a contact may write again after a conversation is resolved.
        allow_messages_after_resolved: bool = "allow_messages_after_resolved",
        /// Whether a contact has at most one conversation in the inbox.
        lock_to_single_conversation: bool = "lock_to_single_conversation",
        /// When the inbox was created.
        created_at: Timestamp = "created_at",
        /// When the inbox was last updated.
        updated_at: Timestamp = "updated_at",
        /// Channel-specific settings, as sent.
        channel: Members = "channel",
    }
}

impl super::envelope::Payload for Inbox {
    /// An inbox holds many conversations.
    fn chat_key(&self) -> Option<String> {
        None
    }

    fn time(&self, kind: Option<super::EventKind>) -> Option<Timestamp> {
        match kind {
            Some(super::EventKind::InboxCreated) => self.created_at.clone(),
            _ => self.updated_at.clone(),
        }
    }
}
