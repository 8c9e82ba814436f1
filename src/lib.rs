#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(rust_2018_idioms, unreachable_pub)]
// A build with no vendor feature has nothing to parse: the shared machinery goes unused.
#![cfg_attr(
    not(any(
        feature = "superoffice",
        feature = "ebbot",
        feature = "channel-talk",
        feature = "inbenta",
        feature = "chatwoot"
    )),
    allow(dead_code, unused_imports, unused_macros, unused_mut, unused_variables)
)]

#[macro_use]
mod names;
#[macro_use]
mod macros;
#[macro_use]
mod registry;

mod chat;
mod detect;
mod error;
mod event;
mod json;
mod lenient;
mod open_object;
mod signature;
mod table;
mod unknown;
mod vendor;

pub mod auth;
pub mod receive;

#[cfg(feature = "cloudevents")]
pub mod cloudevents;

#[cfg(feature = "testing")]
pub mod testing;

#[cfg(feature = "superoffice")]
pub mod superoffice;

#[cfg(feature = "ebbot")]
pub mod ebbot;

#[cfg(feature = "channel-talk")]
pub mod channel_talk;

#[cfg(feature = "inbenta")]
pub mod inbenta;

#[cfg(feature = "chatwoot")]
pub mod chatwoot;

#[allow(deprecated)]
pub use crate::chat::{
    Attachment, Author, ChatEvent, ChatEventKind, ChatKind, ChatMessage, ChatRecord, ChatState,
    MessageKey, MessageReaction, Participants, People, Person, Role, ToChatEvent,
};
pub use crate::error::{Category, Error};
pub use crate::event::{detect_vendor, parse_event, parse_event_as, Event};
pub use crate::json::tolerant_json;
pub use crate::lenient::{Id, Number, ParseNumberError, Text, Timestamp, TimestampError};
pub use crate::names::ParseNameError;
pub use crate::open_object::{Members, RawJson};
pub use crate::signature::{verify_token, SignatureError};
pub use crate::unknown::UnknownEvent;
pub use crate::vendor::Vendor;

/// The error of a vendor's `EventKind::from_str`, now the one [`ParseNameError`].
#[deprecated(
    since = "0.3.0",
    note = "use ParseNameError, the one error for an unknown name"
)]
pub type ParseEventKindError = ParseNameError;

/// The error of [`Vendor::from_str`](std::str::FromStr), now the one [`ParseNameError`].
#[deprecated(
    since = "0.3.0",
    note = "use ParseNameError, the one error for an unknown name"
)]
pub type ParseVendorError = ParseNameError;

/// The `chrono` this crate's API uses (`DateTime<Utc>` in [`Timestamp`], [`ChatEvent`], the
/// receiver's windows), re-exported so that your code names the same version.
pub use chrono;
