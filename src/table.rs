//! What every vendor's event table (`event_enum!`, in `macros.rs`) builds on: the
//! [`Envelope`] each payload gives access to. (Its names come from `names!`, in `names.rs`.)

use chrono::{DateTime, Utc};

/// What every vendor's envelope says about its event, whatever the payload: the accessors of
/// each vendor's `Event` read through it. Implemented by each vendor's `Webhook<P>`.
pub(crate) trait Envelope {
    /// The vendor's name for the event, as sent.
    fn event_name(&self) -> &str;

    /// The vendor's id for this event or delivery.
    fn event_id(&self) -> Option<&str> {
        None
    }

    /// The chat the event belongs to.
    fn chat_id(&self) -> Option<&str> {
        None
    }

    /// The chat the event belongs to, as a string of its own: what a conversion keeps.
    /// An envelope that composes its chat id overrides it, to make the string once rather
    /// than keep one for [`chat_id`](Self::chat_id) and copy it.
    #[inline]
    fn owned_chat_id(&self) -> Option<String> {
        self.chat_id().map(str::to_owned)
    }

    /// When the event happened.
    fn occurred_at(&self) -> Option<DateTime<Utc>> {
        None
    }
}
