//! [`UnknownEvent`]: an event this crate has no type for, kept as sent.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::Vendor;

/// An event whose name this crate does not know, kept whole: its name and its raw JSON.
///
/// Vendors add events faster than libraries follow, so an unknown name is never an error.
/// The payload is kept byte for byte (after the tolerated repairs: trailing commas removed) and
/// serializes back to exactly that JSON. Read it with [`json`](Self::json) or into a type of
/// your own with [`deserialize`](Self::deserialize).
///
/// ```
/// let body = br#"{"EventId": "e87ac619", "Event": "contact.created", "PrimaryKey": 18}"#;
/// let event = chat_webhooks::parse_event(body).unwrap();
/// let chat_webhooks::Event::SuperOffice(chat_webhooks::superoffice::Event::Unknown(unknown)) = event else {
///     panic!("contact.created has no dedicated type");
/// };
/// assert_eq!(unknown.name(), "contact.created");
/// assert_eq!(unknown.json().get(), std::str::from_utf8(body).unwrap());
/// ```
#[derive(Debug, Clone)]
pub struct UnknownEvent {
    name: String,
    raw: Box<RawValue>,
    /// The vendor whose envelope the JSON is, when the event came from its parser.
    vendor: Option<Vendor>,
    /// What the envelope says, read from `raw` the first time it is asked for: an event
    /// nobody asks costs no second parse.
    envelope: OnceLock<Hoisted>,
}

/// What the vendor's envelope says about an unknown event, read once when it is parsed.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hoisted {
    pub(crate) event_id: Option<String>,
    pub(crate) chat_id: Option<String>,
    pub(crate) occurred_at: Option<DateTime<Utc>>,
}

impl UnknownEvent {
    /// Keeps `raw` as the payload of the event named `name`.
    pub fn new(name: impl Into<String>, raw: Box<RawValue>) -> Self {
        UnknownEvent {
            name: name.into(),
            raw,
            vendor: None,
            envelope: OnceLock::new(),
        }
    }

    /// Keeps `raw`, the JSON of an event of `vendor`'s, whose envelope the accessors read.
    pub(crate) fn of_vendor(vendor: Vendor, name: &str, raw: Box<RawValue>) -> Self {
        UnknownEvent {
            name: name.to_owned(),
            raw,
            vendor: Some(vendor),
            envelope: OnceLock::new(),
        }
    }

    /// What the vendor's envelope in the JSON says, read once.
    fn envelope(&self) -> &Hoisted {
        self.envelope.get_or_init(|| {
            self.vendor
                .map_or_else(Hoisted::default, |vendor| hoist(vendor, &self.raw))
        })
    }

    /// The vendor's event or delivery id, when the vendor's envelope in the payload has one
    /// (SuperOffice `EventId`, Ebbot `requestId`). `None` for an event made with
    /// [`new`](Self::new).
    pub fn event_id(&self) -> Option<&str> {
        self.envelope().event_id.as_deref()
    }

    /// The chat the event belongs to, when the vendor's envelope in the payload says.
    pub fn chat_id(&self) -> Option<&str> {
        self.envelope().chat_id.as_deref()
    }

    /// When the event happened, when the vendor's envelope in the payload says.
    pub fn occurred_at(&self) -> Option<DateTime<Utc>> {
        self.envelope().occurred_at
    }

    /// The vendor's name for the event.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole payload as received.
    pub fn json(&self) -> &RawValue {
        &self.raw
    }

    /// Reads the payload as `T`.
    pub fn deserialize<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.raw.get())
    }
}

/// Two unknown events are equal when their names and JSON texts are: what the envelope says
/// is read from the JSON.
impl PartialEq for UnknownEvent {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.raw.get() == other.raw.get()
    }
}

impl Serialize for UnknownEvent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(serializer)
    }
}

/// What `vendor`'s envelope in `raw` says; nothing where it cannot be read.
#[allow(unused_variables)] // without vendor features
fn hoist(vendor: Vendor, raw: &RawValue) -> Hoisted {
    match vendor {
        #[cfg(feature = "superoffice")]
        Vendor::SuperOffice => crate::superoffice::hoist(raw),
        #[cfg(feature = "ebbot")]
        Vendor::Ebbot => crate::ebbot::hoist(raw),
        #[cfg(feature = "channel-talk")]
        Vendor::ChannelTalk => crate::channel_talk::hoist(raw),
        #[cfg(feature = "inbenta")]
        Vendor::Inbenta => crate::inbenta::hoist(raw),
        #[cfg(feature = "chatwoot")]
        Vendor::Chatwoot => crate::chatwoot::hoist(raw),
        _ => Hoisted::default(),
    }
}
