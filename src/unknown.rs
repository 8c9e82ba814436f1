//! [`UnknownEvent`]: an event this crate has no type for, kept as sent.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;

use crate::chat::{ChatEvent, ChatEventKind, ToChatEvent};
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::open_object::RawJson;

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
    raw: RawJson,
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

/// A path into a JSON object: the keys from the root.
pub(crate) type Path = &'static [&'static str];

/// Where a vendor's envelope keeps what every event says, as paths into its JSON; for each
/// fact the first path present (and readable) wins. Declared once per vendor
/// ([`VendorSpec::ENVELOPE`](crate::registry::VendorSpec::ENVELOPE)) and read by
/// [`Hoisted::read`] for events of unknown names.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EnvelopePaths {
    /// The vendor's event or delivery id, read as an [`Id`](crate::Id).
    pub(crate) event_id: &'static [Path],
    /// The chat, read as an [`Id`](crate::Id).
    pub(crate) chat_id: &'static [Path],
    /// When it happened, read as a [`Timestamp`](crate::Timestamp).
    pub(crate) occurred_at: &'static [Path],
}

impl EnvelopePaths {
    /// An envelope that says nothing.
    #[allow(dead_code)] // used by the vendors whose envelope says nothing
    pub(crate) const NONE: EnvelopePaths = EnvelopePaths {
        event_id: &[],
        chat_id: &[],
        occurred_at: &[],
    };
}

impl Hoisted {
    /// Reads what `paths` point at in `raw`, each member on its own: one that is absent or
    /// cannot be read as its type leaves only its own fact `None`. Only the members on the
    /// paths are read; everything else is skipped without being kept (no `Value`, no copy),
    /// so the cost is a walk over the body and a few small allocations.
    pub(crate) fn read(raw: &RawValue, paths: &EnvelopePaths) -> Hoisted {
        Hoisted::read_with(raw, paths, &[]).0
    }

    /// [`read`](Self::read), and in the same walk, the JSON text at each of `extra` (as
    /// [`read_paths`] gives it): for a vendor whose envelope needs another member to tell
    /// what the others mean.
    pub(crate) fn read_with<'a>(
        raw: &'a RawValue,
        paths: &EnvelopePaths,
        extra: &[Path],
    ) -> (Hoisted, Vec<Option<&'a str>>) {
        let all: Vec<Path> = paths
            .event_id
            .iter()
            .chain(paths.chat_id)
            .chain(paths.occurred_at)
            .chain(extra)
            .copied()
            .collect();
        let mut leaves = read_paths(raw.get(), &all);
        let extra = leaves.split_off(all.len() - extra.len());
        let (ids, rest) = leaves.split_at(paths.event_id.len());
        let (chats, times) = rest.split_at(paths.chat_id.len());
        let id = |leaves: &[Option<&str>]| {
            leaves.iter().flatten().find_map(|leaf| {
                serde_json::from_str::<crate::Id>(leaf)
                    .ok()
                    .map(String::from)
            })
        };
        let hoisted = Hoisted {
            event_id: id(ids),
            chat_id: id(chats),
            occurred_at: times.iter().flatten().find_map(|leaf| {
                serde_json::from_str::<crate::Timestamp>(leaf)
                    .ok()
                    .map(|at| at.as_datetime())
            }),
        };
        (hoisted, extra)
    }
}

/// The JSON text at each of `paths` in `json`, which must be valid JSON (the first
/// occurrence of a key counts), or `None` where a path leads nowhere: see
/// [`crate::json::leaves`].
pub(crate) fn read_paths<'a>(json: &'a str, paths: &[Path]) -> Vec<Option<&'a str>> {
    crate::json::leaves(json, paths)
}

impl UnknownEvent {
    /// Keeps `raw` as the payload of the event named `name`.
    pub fn new(name: impl Into<String>, raw: impl Into<RawJson>) -> Self {
        UnknownEvent {
            name: name.into(),
            raw: raw.into(),
            vendor: None,
            envelope: OnceLock::new(),
        }
    }

    /// Keeps `raw`, the JSON of an event of `vendor`'s, whose envelope the accessors read.
    pub(crate) fn of_vendor(vendor: Vendor, name: &str, raw: Box<RawValue>) -> Self {
        UnknownEvent {
            name: name.to_owned(),
            raw: raw.into(),
            vendor: Some(vendor),
            envelope: OnceLock::new(),
        }
    }

    /// What the vendor's envelope in the JSON says, read once.
    fn envelope(&self) -> &Hoisted {
        self.envelope.get_or_init(|| {
            self.vendor.map_or_else(Hoisted::default, |vendor| {
                crate::registry::envelope(vendor, &self.name, self.raw.as_raw())
            })
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
    pub fn json(&self) -> &RawJson {
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

/// An event of no known name has no common meaning: [`ChatEventKind::Other`], with its name
/// and what its vendor's envelope says (the same facts its accessors give).
impl ToChatEvent for UnknownEvent {
    fn to_chat_event(&self) -> ChatEvent {
        let mut event = ChatEvent::new(self.vendor.unwrap_or(Vendor::Custom), ChatEventKind::Other);
        event.event_name = Some(self.name.clone().into());
        event.event_id = self.event_id().map(str::to_owned);
        event.chat_id = self.chat_id().map(str::to_owned);
        event.occurred_at = self.occurred_at();
        event
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_read_member_by_member() {
        let json = r#"{"a": {"b": 1, "c": [1, {"b": 2}], "b": 3}, "t": "x", "d": {"e": null},
            "deep": [[[[{"a": 1}]]]], "a2": {"b": "kept"}}"#;
        let found = read_paths(
            json,
            &[&["a", "b"], &["t"], &["d", "e"], &["a2", "b"], &["x"]],
        );
        assert_eq!(
            found,
            [
                Some("1"),
                Some("\"x\""),
                Some("null"),
                Some("\"kept\""),
                None
            ]
        );
        // One member that is not of its type does not wipe the others.
        let raw = RawValue::from_string(
            r#"{"id": {"not": "an id"}, "chat": {"id": 42}, "at": "2024-01-01T00:00:00Z"}"#
                .to_owned(),
        )
        .unwrap();
        let hoisted = Hoisted::read(
            &raw,
            &EnvelopePaths {
                event_id: &[&["id"]],
                chat_id: &[&["chat", "id"]],
                occurred_at: &[&["at"]],
            },
        );
        assert_eq!(hoisted.event_id, None);
        assert_eq!(hoisted.chat_id.as_deref(), Some("42"));
        assert!(hoisted.occurred_at.is_some());
    }
}
