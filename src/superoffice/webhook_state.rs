//! [`WebhookStateFields`]: `FieldValues` of `webhook.started`, `webhook.stopped`, `webhook.errors`.

use serde::{Deserialize, Serialize};

use crate::lenient::{Id, Timestamp};

/// `FieldValues` of the webhook state events, sent when a webhook's `State` changes.
///
/// SuperOffice's documentation disagrees with itself about `state`: its field list says
/// `0 = Active, 1 = Stopped, 2 = TooManyErrors`, the webhook reference says `Active = 1,
/// Stopped = 2, TooManyErrors = 3`, and the examples send `2` for all three events. The value
/// is kept as the number sent; the event name says what happened.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebhookStateFields {
    /// Number of events sent to the webhook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<i64>,
    /// When the webhook was registered (SuperOffice sends this with an offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered: Option<Timestamp>,
    /// Id of the associate who registered the webhook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered_associate_id: Option<Id>,
    /// The webhook's state, as the number sent (see the type's documentation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<i64>,
    /// When the webhook was last updated (`0001-01-01T00:00:00`, without offset, when never).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
    /// Id of the associate who last updated the webhook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_associate_id: Option<Id>,
}
