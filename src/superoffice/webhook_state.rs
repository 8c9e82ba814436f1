//! [`WebhookStateData`]: `FieldValues` of `webhook.started`, `webhook.stopped`, `webhook.errors`.

use crate::lenient::{Id, Timestamp};

open_object! {
    /// `FieldValues` of the webhook state events, sent when a webhook's `State` changes.
    ///
    /// SuperOffice's documentation disagrees with itself about `state`: its field list says
    /// `0 = Active, 1 = Stopped, 2 = TooManyErrors`, the webhook reference says `Active = 1,
    /// Stopped = 2, TooManyErrors = 3`, and the examples send `2` for all three events. The
    /// value is kept as the number sent; the event name says what happened.
    pub struct WebhookStateData("webhook state field values (an object)") {
        /// Number of events sent to the webhook.
        events: i64 = "events",
        /// When the webhook was registered (SuperOffice sends this with an offset).
        registered: Timestamp = "registered",
        /// Id of the associate who registered the webhook.
        registered_associate_id: Id = "registered_associate_id",
        /// The webhook's state, as the number sent (see the type's documentation).
        state: i64 = "state",
        /// When the webhook was last updated (`0001-01-01T00:00:00`, without offset, when
        /// never).
        updated: Timestamp = "updated",
        /// Id of the associate who last updated the webhook.
        updated_associate_id: Id = "updated_associate_id",
    }
}
