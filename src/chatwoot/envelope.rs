//! [`Webhook`]: a Chatwoot webhook, the model's own JSON with `event` merged in.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde::Deserialize;

use super::EventKind;
use crate::lenient::{Id, Timestamp};
use crate::open_object::{self, Found, Members, OpenObject, Path, RawJson, Walk};
use crate::table::Envelope;

/// The members the webhook listener merges into the model's JSON, in the order Chatwoot
/// writes them; the payload's members are numbered after these.
const KEYS: [&str; 3] = ["event", "changed_attributes", "event_info"];

/// How many of the 64 member indexes of an open object the envelope takes.
const OWN: usize = KEYS.len();

/// A Chatwoot webhook: the model's own JSON (`P`) with `event` merged in at the top level,
/// and `changed_attributes` or `event_info` for the events that carry them.
///
/// Chatwoot has no envelope: its webhook listener takes the model's `webhook_data` (or push
/// data) and merges `event` into it, usually as the last member. `Webhook<P>` reads that body
/// in one pass: the three members the listener adds go to the fields below, every other
/// member to the payload `P` (its typed fields, or its `other` members when it has no field
/// for them). It dereferences to the payload, so `message.content` reads the message's
/// `content` of a [`MessageEvent`](super::MessageEvent).
///
/// Only `event` is required. Serializing writes the payload's typed members, then `event`,
/// `changed_attributes` and `event_info` where present, then the members kept as sent.
pub struct Webhook<P> {
    /// The event's name (`message_created`), as sent.
    pub event: String,
    /// What changed, for `conversation_status_changed`, `conversation_updated`,
    /// `contact_updated` and `inbox_updated`: one entry per attribute.
    pub changed_attributes: Option<Vec<ChangedAttribute>>,
    /// What the widget said about the visitor, for `webwidget_triggered`.
    pub event_info: Option<EventInfo>,
    payload: P,
    /// The chat id, made from the payload the first time it is asked for.
    chat_id: OnceLock<Option<Box<str>>>,
}

impl<P> Webhook<P> {
    /// A webhook named `event` about `payload`, with no changed attributes or event info.
    pub fn new(event: impl Into<String>, payload: P) -> Self {
        Webhook {
            event: event.into(),
            changed_attributes: None,
            event_info: None,
            payload,
            chat_id: OnceLock::new(),
        }
    }

    /// The model the event is about: every member but the three the envelope reads.
    pub fn payload(&self) -> &P {
        &self.payload
    }

    /// The model, to change it.
    pub fn payload_mut(&mut self) -> &mut P {
        // The chat id is made from the payload: make it again when next asked.
        self.chat_id.take();
        &mut self.payload
    }

    /// The model, by value.
    pub fn into_payload(self) -> P {
        self.payload
    }

    /// The attribute change named `name` in `changed_attributes` (`"status"`, `"assignee_id"`).
    pub fn change(&self, name: &str) -> Option<&Change> {
        self.changed_attributes
            .as_deref()?
            .iter()
            .find(|changed| changed.attribute == name)
            .map(|changed| &changed.change)
    }
}

// `Payload` is the crate's: every payload of the event table implements it.
#[allow(private_bounds)]
impl<P: Payload> Webhook<P> {
    /// The conversation the event belongs to, as `"{inbox_id}:{display_id}"` (see the
    /// [module docs](super) for why); `None` when the body does not name both.
    pub fn chat_id(&self) -> Option<&str> {
        self.chat_id
            .get_or_init(|| self.payload.chat_key().map(String::into_boxed_str))
            .as_deref()
    }

    /// When the event happened, where the body says: see the [module docs](super).
    pub fn occurred_at(&self) -> Option<DateTime<Utc>> {
        let kind = EventKind::from_name(&self.event);
        self.payload
            .time(kind)
            .or_else(|| {
                // An update names its time in `changed_attributes` when the model has none.
                self.change("updated_at")?
                    .current_value
                    .as_ref()?
                    .deserialize::<Timestamp>()
                    .ok()
            })
            .map(|time| time.as_datetime())
    }
}

impl<P> Deref for Webhook<P> {
    type Target = P;

    fn deref(&self) -> &P {
        &self.payload
    }
}

impl<P> DerefMut for Webhook<P> {
    fn deref_mut(&mut self) -> &mut P {
        self.payload_mut()
    }
}

impl<P: fmt::Debug> fmt::Debug for Webhook<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Webhook")
            .field("event", &self.event)
            .field("changed_attributes", &self.changed_attributes)
            .field("event_info", &self.event_info)
            .field("payload", &self.payload)
            .finish()
    }
}

impl<P: Clone> Clone for Webhook<P> {
    fn clone(&self) -> Self {
        Webhook {
            event: self.event.clone(),
            changed_attributes: self.changed_attributes.clone(),
            event_info: self.event_info.clone(),
            payload: self.payload.clone(),
            chat_id: self.chat_id.clone(),
        }
    }
}

impl<P: PartialEq> PartialEq for Webhook<P> {
    fn eq(&self, other: &Self) -> bool {
        self.event == other.event
            && self.changed_attributes == other.changed_attributes
            && self.event_info == other.event_info
            && self.payload == other.payload
    }
}

/// What the envelope needs of a payload: where its conversation and its time are.
pub(crate) trait Payload: OpenObject + Walk + Serialize + DeserializeOwned {
    /// The chat key, `"{inbox_id}:{display_id}"`, of the conversation the payload is or
    /// belongs to.
    fn chat_key(&self) -> Option<String>;

    /// The payload's own time for an event of `kind`.
    fn time(&self, kind: Option<EventKind>) -> Option<Timestamp>;
}

/// `"{inbox_id}:{display_id}"` when both are known.
pub(crate) fn chat_key(inbox_id: Option<&Id>, display_id: Option<&Id>) -> Option<String> {
    let (inbox, display) = (inbox_id?.as_str(), display_id?.as_str());
    let mut key = String::with_capacity(inbox.len() + 1 + display.len());
    key.push_str(inbox);
    key.push(':');
    key.push_str(display);
    Some(key)
}

impl<P: Payload> Envelope for Webhook<P> {
    fn event_name(&self) -> &str {
        &self.event
    }

    fn chat_id(&self) -> Option<&str> {
        Webhook::chat_id(self)
    }

    /// Made from the payload, unless [`chat_id`](Webhook::chat_id) has made and kept one: a
    /// conversion neither fills the kept one nor copies it.
    fn owned_chat_id(&self) -> Option<String> {
        match self.chat_id.get() {
            Some(kept) => kept.as_deref().map(str::to_owned),
            None => self.payload.chat_key(),
        }
    }

    fn occurred_at(&self) -> Option<DateTime<Utc>> {
        Webhook::occurred_at(self)
    }
}

impl<P: Payload> OpenObject for Webhook<P> {
    const EXPECTING: &'static str = "a Chatwoot webhook (an object)";

    fn empty() -> Self {
        Webhook::new(String::new(), P::empty())
    }

    #[inline]
    fn classify(&mut self, name: &str) -> Option<usize> {
        match name {
            "event" => Some(0),
            "changed_attributes" => Some(1),
            "event_info" => Some(2),
            _ => self.payload.classify(name).map(|index| index + OWN),
        }
    }

    fn member_name(&self, index: usize) -> &'static str {
        match KEYS.get(index) {
            Some(name) => name,
            None => self.payload.member_name(index - OWN),
        }
    }

    #[inline]
    fn read_member<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match index {
            0 => self.event = open_object::read_value(map)?,
            1 => self.changed_attributes = open_object::read_value(map)?,
            2 => self.event_info = open_object::read_value(map)?,
            _ => self.payload.read_member(index - OWN, map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(&mut self, seen: u64) -> Result<(), E> {
        if seen & 1 == 0 {
            return Err(E::missing_field(KEYS[0]));
        }
        self.payload.finish(seen >> OWN)
    }

    fn write_members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        self.payload.write_members(map)?;
        map.serialize_entry(KEYS[0], &self.event)?;
        if let Some(changed) = &self.changed_attributes {
            map.serialize_entry(KEYS[1], changed)?;
        }
        if let Some(info) = &self.event_info {
            map.serialize_entry(KEYS[2], info)?;
        }
        Ok(())
    }

    fn writes(&self, name: &str) -> bool {
        KEYS.contains(&name) || self.payload.writes(name)
    }

    fn other(&self) -> &Members {
        self.payload.other()
    }

    fn other_mut(&mut self) -> &mut Members {
        self.payload.other_mut()
    }

    /// The envelope's own members are always written when set; the payload's bits are its own.
    fn set_sent(&mut self, seen: u64) {
        self.payload.set_sent(seen >> OWN);
    }
}

impl<P: Walk> Walk for Webhook<P> {
    fn walk(&self, path: &Path<'_>, out: &mut Found) {
        self.payload.walk(path, out);
        self.changed_attributes.walk(&path.key(KEYS[1]), out);
        self.event_info.walk(&path.key(KEYS[2]), out);
    }
}

impl<P: Payload> Serialize for Webhook<P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        open_object::serialize(self, serializer)
    }
}

impl<'de, P: Payload> Deserialize<'de> for Webhook<P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        open_object::deserialize(deserializer)
    }
}

/// One entry of `changed_attributes`: a one-member object, the attribute's name and its
/// [`Change`] (`{"status": {"previous_value": "open", "current_value": "resolved"}}`).
///
/// The first member is the change; should an entry have more members (Chatwoot's never do),
/// they are kept in `other`, as sent.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ChangedAttribute {
    /// The attribute's name (`status`, `assignee_id`, `label_list`, `updated_at`, ...).
    pub attribute: String,
    /// Its value before and after.
    pub change: Change,
    /// Members after the first, as sent.
    pub other: Members,
}

impl ChangedAttribute {
    /// The change of `attribute`.
    pub fn new(attribute: impl Into<String>, change: Change) -> Self {
        ChangedAttribute {
            attribute: attribute.into(),
            change,
            other: Members::new(),
        }
    }
}

open_object! {
    /// An attribute's value before and after a change. The values are the model's own and of
    /// any JSON type (a status, an id, a list of labels, a pair of times), so they are kept
    /// as sent: read one with [`RawJson::deserialize`].
    pub struct Change("a Chatwoot attribute change (an object)") {
        /// The value before.
        previous_value: RawJson = "previous_value",
        /// The value after.
        current_value: RawJson = "current_value",
    }
}

impl Serialize for ChangedAttribute {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(&self.attribute, &self.change)?;
        for (name, value) in &self.other {
            if name != self.attribute {
                map.serialize_entry(name, value)?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ChangedAttribute {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ChangedVisitor;

        impl<'de> Visitor<'de> for ChangedVisitor {
            type Value = ChangedAttribute;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a changed attribute (an object of one member)")
            }

            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<ChangedAttribute, A::Error> {
                let Some(attribute) = map.next_key::<String>()? else {
                    return Err(de::Error::invalid_length(0, &self));
                };
                let change = map.next_value()?;
                let mut other = Members::new();
                while let Some(name) = map.next_key::<String>()? {
                    if name == attribute {
                        return Err(de::Error::custom(format_args!(
                            "duplicate field `{attribute}`"
                        )));
                    }
                    other.push(name, map.next_value()?)?;
                }
                Ok(ChangedAttribute {
                    attribute,
                    change,
                    other,
                })
            }
        }

        deserializer.deserialize_map(ChangedVisitor)
    }
}

impl Walk for ChangedAttribute {
    fn walk(&self, path: &Path<'_>, out: &mut Found) {
        self.change.walk(&path.key(&self.attribute), out);
        open_object::report(&self.other, path, out);
    }
}

open_object! {
    /// What the web widget said about the visitor (`event_info` of `webwidget_triggered`).
    pub struct EventInfo("Chatwoot widget event info (an object)") {
        /// The page the widget was opened on.
        referer: String = "referer",
        /// When the visit began: `{timestamp}`, the browser's own date text, as sent.
        initiated_at: Members = "initiated_at",
        /// The widget's language.
        widget_language: String = "widget_language",
        /// The browser's language.
        browser_language: String = "browser_language",
        /// The browser, device and platform, as sent.
        browser: Members = "browser",
    }
}
