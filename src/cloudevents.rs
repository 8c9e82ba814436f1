//! CloudEvents 1.0: a [`ChatEvent`] as a structured-mode JSON event (`cloudevents` feature).
//!
//! [`ChatEvent::to_cloudevent`] wraps the common event in the [CloudEvents 1.0] envelope, for
//! brokers and routers that speak it. Serialize the result with serde_json and send it with
//! `Content-Type: application/cloudevents+json`.
//!
//! | attribute | value |
//! |---|---|
//! | `specversion` | `1.0` |
//! | `id` | the id you pass: the delivery's de-duplication key is a good one ([`Delivery::to_cloudevent`](crate::receive::Delivery::to_cloudevent) uses it) |
//! | `source` | the URI-reference you pass, e.g. `/webhooks/superoffice` or `https://example.com/hooks` |
//! | `type` | `chat_webhooks.` and the kind in snake_case: `chat_webhooks.chat_started`, `chat_webhooks.chat_updated`, `chat_webhooks.chat_closed`, `chat_webhooks.message_created`, `chat_webhooks.message_updated`, `chat_webhooks.message_read`, `chat_webhooks.participant_joined`, `chat_webhooks.participant_left`, `chat_webhooks.assignment_requested`, `chat_webhooks.invitation_accepted`, `chat_webhooks.no_agent_available`, `chat_webhooks.queue_position_changed`, `chat_webhooks.typing_started`, `chat_webhooks.typing_stopped`, `chat_webhooks.user_updated`, `chat_webhooks.bot_flow_run`, `chat_webhooks.system_notice`, `chat_webhooks.other` |
//! | `subject` | the chat id, when known |
//! | `time` | `occurred_at`, when known |
//! | `datacontenttype` | `application/json` |
//! | `chatvendor` (extension) | the source's name: `superoffice`, `ebbot`, `channel_talk`, `inbenta`, `chatwoot`, or a custom source's |
//! | `data` | the [`ChatEvent`] as JSON |
//!
//! [CloudEvents 1.0]: https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md
//!
//! ```
//! use chat_webhooks::{ChatEvent, ChatEventKind, Vendor};
//!
//! let mut event = ChatEvent::new(Vendor::Inbenta, ChatEventKind::ChatClosed);
//! event.chat_id = Some("7Kq2".into());
//! let cloud = event.to_cloudevent("/webhooks/inbenta", "inbenta:sha256:9f86d0");
//! let json = serde_json::to_value(&cloud).unwrap();
//! assert_eq!(json["specversion"], "1.0");
//! assert_eq!(json["type"], "chat_webhooks.chat_closed");
//! assert_eq!(json["subject"], "7Kq2");
//! assert_eq!(json["data"]["kind"], "chat_closed");
//! ```

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ChatEvent;

/// The prefix of every `type` this crate produces.
pub const TYPE_PREFIX: &str = "chat_webhooks.";

/// A CloudEvents 1.0 event in structured mode, carrying a [`ChatEvent`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CloudEvent {
    /// Always `1.0`.
    pub specversion: String,
    /// Identifies the event; with `source`, unique per distinct event.
    pub id: String,
    /// The context in which the event happened (a URI-reference).
    pub source: String,
    /// `chat_webhooks.<kind>`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The chat the event belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// When it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<DateTime<Utc>>,
    /// Always `application/json`.
    pub datacontenttype: String,
    /// The vendor or custom source (a CloudEvents extension attribute).
    pub chatvendor: String,
    /// The common event.
    pub data: ChatEvent,
}

impl ChatEvent {
    /// The event as a CloudEvents 1.0 structured-mode event with the given `source` and `id`.
    pub fn to_cloudevent(&self, source: &str, id: &str) -> CloudEvent {
        CloudEvent {
            specversion: "1.0".to_owned(),
            id: id.to_owned(),
            source: source.to_owned(),
            kind: format!("{TYPE_PREFIX}{}", self.kind.as_str()),
            subject: self.chat_id.clone(),
            time: self.occurred_at,
            datacontenttype: "application/json".to_owned(),
            chatvendor: self.source().to_owned(),
            data: self.clone(),
        }
    }
}

impl crate::receive::Delivery {
    /// The delivery's common event as a CloudEvents 1.0 event from `source`, identified by the
    /// de-duplication key.
    pub fn to_cloudevent(&self, source: &str) -> CloudEvent {
        self.chat.to_cloudevent(source, &self.dedup_key)
    }
}
