//! [`Event`], [`parse_event`] and [`parse_event_as`]: the entry points.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::detect::{prepare, Until};
use crate::error::Error;
use crate::json::Prepared;
use crate::{ChatEvent, ToChatEvent, Vendor};

/// Generates [`Event`] and the methods that reach into its vendor's event from the registry's
/// list.
macro_rules! event_type {
    ($(
        $vendor:ident: $module:ident, feature = $feature:literal, route = $route:ident,
            name = $name:literal, about = $about:literal;
    )*) => {
        /// A webhook from any supported vendor.
        ///
        /// Serializes to the vendor's own JSON, which [`parse_event`] reads back to an equal
        /// `Event`; deserializing detects the vendor the same way [`parse_event`] does.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $(
                #[doc = concat!("One of the ", $about, ".")]
                #[cfg(feature = $feature)]
                $vendor(crate::$module::Event),
            )*
        }

        /// Evaluates `$body` with `$inner` bound to the vendor's event.
        macro_rules! each_vendor {
            ($event:expr, $inner:ident => $body:expr) => {
                match $event {
                    $(
                        #[cfg(feature = $feature)]
                        Event::$vendor($inner) => $body,
                    )*
                    #[allow(unreachable_patterns)]
                    _ => unreachable!("no vendor feature is enabled, so no Event exists"),
                }
            };
        }

        impl Event {
            /// The vendor that sent the event.
            pub fn vendor(&self) -> Vendor {
                match self {
                    $(
                        #[cfg(feature = $feature)]
                        Event::$vendor(_) => Vendor::$vendor,
                    )*
                    #[allow(unreachable_patterns)]
                    _ => unreachable!("no vendor feature is enabled, so no Event exists"),
                }
            }
        }
    };
}

vendors!(event_type);

impl Event {
    /// The top-level members the typed model did not know; `None` for an unknown event.
    fn top_level_other(&self) -> Option<&crate::Members> {
        each_vendor!(self, inner => inner.top_level_other())
    }

    /// The vendor's own name for the event: SuperOffice `Event`, Ebbot `topic`, Inbenta
    /// `trigger`, Channel Talk `"<type>.<event>"` (e.g. `message.push`).
    pub fn event_name(&self) -> &str {
        each_vendor!(self, inner => inner.event_name())
    }

    /// The vendor's id for this event or delivery, where it sends one: SuperOffice `EventId`,
    /// Ebbot `requestId`. Channel Talk and Inbenta send none.
    pub fn event_id(&self) -> Option<&str> {
        each_vendor!(self, inner => inner.event_id())
    }

    /// The chat (session, conversation) the event belongs to, where the envelope or the
    /// payload says: SuperOffice `PrimaryKey` of a chat session, Ebbot `data.id` or
    /// `data.chatId`, Channel Talk the message's chat or the user chat, Inbenta `data.chatId`.
    pub fn chat_id(&self) -> Option<&str> {
        each_vendor!(self, inner => inner.chat_id())
    }

    /// When the event happened, by the vendor's clock: SuperOffice `Timestamp`, Ebbot
    /// `timestamp`, Channel Talk the entity's `createdAt` (`updatedAt` for an update),
    /// Inbenta `created_at`.
    pub fn occurred_at(&self) -> Option<DateTime<Utc>> {
        each_vendor!(self, inner => inner.occurred_at())
    }

    /// The JSON paths of every member the typed model did not know, over the whole event
    /// (`FieldValues.customerEmail`, `data.message.newField`), in the order they arrived.
    ///
    /// Such members are kept and written back; list them to notice when a vendor starts
    /// sending something new. An event of a name this crate does not know is kept whole and
    /// lists nothing.
    ///
    /// The list is bounded, so that a body built of unknown members can not make it take much
    /// more memory than the body: the paths may take 16 KiB, plus 4 bytes per byte of JSON
    /// their members took in the body; the first path that would go over, and every path after
    /// it, is left out. A member's path costs more than its JSON only deep in nested models
    /// (a member of `{}` 60 blocks deep has a path of 600 bytes), so real events list all of
    /// theirs.
    ///
    /// ```
    /// let body = br#"{"trigger": "chats:close", "appId": "a1", "region": "eu",
    ///     "data": {"chatId": "c1", "reason": "idle"}}"#;
    /// let event = chat_webhooks::parse_event(body)?;
    /// assert_eq!(event.unknown_members(), ["region", "data.reason"]);
    /// # Ok::<(), chat_webhooks::Error>(())
    /// ```
    pub fn unknown_members(&self) -> Vec<String> {
        each_vendor!(self, inner => inner.unknown_members())
    }
}

impl ToChatEvent for Event {
    fn to_chat_event(&self) -> ChatEvent {
        each_vendor!(self, inner => inner.to_chat_event())
    }

    fn into_chat_event(self) -> ChatEvent {
        each_vendor!(self, inner => inner.into_chat_event())
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        each_vendor!(self, inner => inner.serialize(serializer))
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <Box<RawValue>>::deserialize(deserializer)?;
        parse_event(raw.get().as_bytes()).map_err(serde::de::Error::custom)
    }
}

/// Reads a vendor's event from JSON, for the vendor `Event` types' `Deserialize` impls.
#[allow(dead_code)] // unused when no vendor feature is enabled
pub(crate) fn deserialize_with<'de, D, T>(
    deserializer: D,
    parse: fn(&[u8]) -> Result<T, Error>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let raw = <Box<RawValue>>::deserialize(deserializer)?;
    parse(raw.get().as_bytes()).map_err(serde::de::Error::custom)
}

/// Detects the vendor from the body and parses the event.
///
/// The body is the raw request body. The vendor is told by top-level keys that only it sends
/// (table in the crate docs), read in one short pass over the first members, so detection
/// costs no second parse. A body is read as sent, and only one that serde_json rejects is
/// searched for tolerated trailing commas and, if it has any, read again repaired. Trailing
/// commas, a byte-order mark, numeric ids sent as strings, unknown fields (kept, see
/// [`Event::unknown_members`]), unknown event names and unknown enum values are all accepted;
/// anything else that is not what the vendor documents is an [`Error`] that names the vendor,
/// the event and the failing field.
///
/// ```
/// let body = br#"{
///   "EventId": "e87ac619-c864-4881-89eb-07ca5521ee2c",
///   "Timestamp": "2018-04-24T08:18:42.089895Z",
///   "Changes": [],
///   "Event": "chatsession.changed",
///   "PrimaryKey": 178105,
/// }"#;
/// let event = chat_webhooks::parse_event(body)?;
/// assert_eq!(event.vendor(), chat_webhooks::Vendor::SuperOffice);
/// assert_eq!(event.event_name(), "chatsession.changed");
/// # Ok::<(), chat_webhooks::Error>(())
/// ```
pub fn parse_event(body: &[u8]) -> Result<Event, Error> {
    let mut prepared = prepare(body, Until::AnyVendor);
    let vendor = crate::detect::detect(&mut prepared)?;
    let event = parse_prepared(vendor, &prepared)?;
    // Detection stops at the first vendor whose keys are complete. A body that also holds
    // another vendor's keys (never a real one: no vendor sends another's keys at the top level)
    // would be read by member order; such a body is refused whatever the order. It can only be
    // one whose top-level members the model did not know include a detection key, or an event
    // of an unknown name: only those are read again, to their end. The whole top level may
    // also tell another vendor than the members read first did (a key Chatwoot's bodies never
    // have, `entity`, after an `event` named like Chatwoot's): the body is that vendor's.
    let may_hold_another = match event.top_level_other() {
        Some(other) => other
            .keys()
            .any(|key| crate::registry::key_index(key.as_bytes()).is_some()),
        None => true,
    };
    if may_hold_another {
        let told = crate::detect::detect_all(body)?;
        if told != vendor {
            return parse_event_as(told, body);
        }
    }
    Ok(event)
}

/// Tells which vendor sent `body`, without parsing it.
///
/// Reads the top-level members (skipping their values), and no more. A body that holds the
/// keys of two vendors is an error, whatever the order of its members. Use it to route or log a
/// body; then parse with [`parse_event_as`]. For authenticity, give each vendor its own route
/// rather than trusting the body to say which check applies (see [`crate::receive`]).
///
/// ```
/// use chat_webhooks::{detect_vendor, Vendor};
///
/// let body = br#"{"EventId": "e87ac619", "Event": "test", "PrimaryKey": 0}"#;
/// assert_eq!(detect_vendor(body)?, Vendor::SuperOffice);
/// # Ok::<(), chat_webhooks::Error>(())
/// ```
pub fn detect_vendor(body: &[u8]) -> Result<Vendor, Error> {
    crate::detect::detect_all(body)
}

/// Parses the event as `vendor`'s, without detection.
///
/// Use it when the route or a header already says who sent the body, or when a body could
/// match more than one vendor. Fails if `vendor`'s feature is not enabled, or for
/// [`Vendor::Custom`], which has no parser.
pub fn parse_event_as(vendor: Vendor, body: &[u8]) -> Result<Event, Error> {
    parse_prepared(vendor, &prepare(body, Until::Vendor(vendor)))
}

fn parse_prepared(vendor: Vendor, prepared: &Prepared<'_>) -> Result<Event, Error> {
    crate::registry::parse(vendor, prepared)
}
