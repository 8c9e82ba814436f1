//! [`Webhook`]: the envelope every HyperChat webhook shares.

use chrono::{DateTime, Utc};

use crate::lenient::{Id, Timestamp};
use crate::open_object::Members;
use crate::table::Envelope;

open_object! {
    /// A HyperChat webhook: `{trigger, appId, data, created_at}`, with `data` typed by `P`.
    ///
    /// Only `trigger` is required; the other members may be absent or `null` and then read as
    /// `None`. Members are written back in the order HyperChat documents them, then any other
    /// top-level member, as sent.
    ///
    /// `created_at` is documented as a "unix_timestamp" without a unit: it is read as seconds
    /// or milliseconds by magnitude (see [`Timestamp`]) and serializes back as the integer sent.
    pub struct Webhook<P = Members>("a HyperChat webhook (an object)") {
        /// The event that fired the webhook (`chats:close`), kept as sent.
        trigger: String = "trigger" (required),
        /// The app (API key, the public identifier of the HyperChat instance) the event is
        /// from. Written as `null` when `None`: with `trigger`, it is how
        /// [`parse_event`](crate::parse_event) recognises Inbenta.
        app_id: Id = "appId" (always),
        /// The event's data: "skinny", its shape depends on the trigger.
        data: P = "data",
        /// When the webhook was fired, as epoch seconds or milliseconds.
        created_at: Timestamp = "created_at",
    }
}

impl<P> Webhook<P> {
    /// A webhook for `trigger`, with every other member absent.
    pub fn new(trigger: impl Into<String>) -> Self {
        Webhook {
            trigger: trigger.into(),
            app_id: None,
            data: None,
            created_at: None,
            other: Members::new(),
        }
    }
}

/// Data that names the chat its event is about.
pub(crate) trait ChatRef {
    /// The chat's id.
    fn chat_id(&self) -> Option<&Id>;
}

impl ChatRef for Members {
    fn chat_id(&self) -> Option<&Id> {
        None
    }
}

impl<P: ChatRef> Envelope for Webhook<P> {
    fn event_name(&self) -> &str {
        &self.trigger
    }

    fn chat_id(&self) -> Option<&str> {
        self.data.as_ref()?.chat_id().map(Id::as_str)
    }

    fn occurred_at(&self) -> Option<DateTime<Utc>> {
        self.created_at.as_ref().map(Timestamp::as_datetime)
    }
}
