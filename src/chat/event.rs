//! [`ChatEvent`]: one event in the common model.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Author, ChatEventKind, ChatMessage};
use crate::Vendor;

/// An event from any chat vendor, in one vendor-neutral shape.
///
/// Built by [`ToChatEvent`](crate::ToChatEvent). Every field but `vendor` and `kind` is
/// optional, because no field is sent by every vendor for every event, and the conversion
/// never invents one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChatEvent {
    /// Who sent the webhook.
    pub vendor: Vendor,
    /// The name of the source when `vendor` is [`Vendor::Custom`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_vendor: Option<String>,
    /// What happened.
    pub kind: ChatEventKind,
    /// The vendor's own name for the event (`chatsession.created`, `chat.close`, `message.push`).
    pub event_name: Option<String>,
    /// The vendor's id for this delivery or event, for de-duplication.
    pub event_id: Option<String>,
    /// The chat (session, conversation) the event belongs to.
    pub chat_id: Option<String>,
    /// When it happened, by the vendor's clock.
    pub occurred_at: Option<DateTime<Utc>>,
    /// The message, for [`ChatEventKind::MessageCreated`] and [`ChatEventKind::MessageRead`].
    pub message: Option<ChatMessage>,
    /// The person the event is about: who joined, left, typed, was invited or updated.
    pub participant: Option<Author>,
    /// The chat's status as the vendor names it (`ongoing`, `closed`, `opened`, ...).
    pub status: Option<String>,
    /// The chat's position in its queue, for [`ChatEventKind::QueuePositionChanged`].
    pub queue_position: Option<u64>,
    /// The conversation so far, in the vendor's order, when the vendor sends it (Ebbot's
    /// `chat.close` sends the whole transcript).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transcript: Vec<ChatMessage>,
}

impl ChatEvent {
    /// An event of `kind` from `vendor`, with nothing else known yet.
    pub fn new(vendor: Vendor, kind: ChatEventKind) -> Self {
        ChatEvent {
            vendor,
            custom_vendor: None,
            kind,
            event_name: None,
            event_id: None,
            chat_id: None,
            occurred_at: None,
            message: None,
            participant: None,
            status: None,
            queue_position: None,
            transcript: Vec::new(),
        }
    }

    /// An event of `kind` from a source of your own named `source`, with
    /// [`vendor`](Self::vendor) set to [`Vendor::Custom`].
    pub fn custom(source: impl Into<String>, kind: ChatEventKind) -> Self {
        let mut event = ChatEvent::new(Vendor::Custom, kind);
        event.custom_vendor = Some(source.into());
        event
    }

    /// The source's name: the vendor's, or the custom source's.
    pub fn source(&self) -> &str {
        match (&self.vendor, &self.custom_vendor) {
            (Vendor::Custom, Some(name)) => name,
            (vendor, _) => vendor.as_str(),
        }
    }
}
