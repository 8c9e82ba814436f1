//! [`Webhook`]: the envelope every HyperChat webhook shares.

use serde::{Deserialize, Serialize};

use super::Members;
use crate::lenient::{Id, Timestamp};

/// A HyperChat webhook: `{trigger, appId, data, created_at}`, with `data` typed by `D`.
///
/// Only `trigger` is required; the other members may be absent or `null` and then read as
/// `None`. Members are written back in the order HyperChat documents them. Top-level members
/// other than these four are not kept (none is documented).
///
/// `created_at` is documented as a "unix_timestamp" without a unit: it is read as seconds or
/// milliseconds by magnitude (see [`Timestamp`]) and serializes back as the integer sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Webhook<D = Members> {
    /// The event that fired the webhook (`chats:close`), kept as sent.
    pub trigger: String,
    /// The app (API key, the public identifier of the HyperChat instance) the event is from.
    /// Written as `null` when `None`: with `trigger`, it is how
    /// [`parse_event`](crate::parse_event) recognises Inbenta.
    #[serde(rename = "appId", default)]
    pub app_id: Option<Id>,
    /// The event's data: "skinny", its shape depends on the trigger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<D>,
    /// When the webhook was fired, as epoch seconds or milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
}

impl<D> Webhook<D> {
    /// A webhook for `trigger`, with every other member absent.
    pub fn new(trigger: impl Into<String>) -> Self {
        Webhook {
            trigger: trigger.into(),
            app_id: None,
            data: None,
            created_at: None,
        }
    }
}
