//! [`ChatEvent`]: one event in the common model.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Author, ChatEventKind, ChatKind, ChatMessage, ChatState};
use crate::Vendor;

/// An event from any chat vendor, in one vendor-neutral shape.
///
/// Built by [`ToChatEvent`](crate::ToChatEvent). Every field but `vendor` and `kind` is
/// optional, because no field is sent by every vendor for every event, and the conversion
/// never invents one.
///
/// To store one row per message, key it by [`message_key`](Self::message_key): a vendor may
/// deliver one message several times in different bodies (Channel Talk's `push`, `create`,
/// `upsert` and `update`), each with its own de-duplication key but the same message key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChatEvent {
    /// Who sent the webhook.
    pub vendor: Vendor,
    /// The name of the source when `vendor` is [`Vendor::Custom`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_vendor: Option<String>,
    /// What happened.
    pub kind: ChatEventKind,
    /// The vendor's own name for the event (`chatsession.created`, `chat.close`, `message.push`).
    /// A name the vendor documents is borrowed, so it costs no allocation; any other is owned.
    pub event_name: Option<Cow<'static, str>>,
    /// The vendor's id for this delivery or event, for de-duplication.
    pub event_id: Option<String>,
    /// The chat (session, conversation) the event belongs to.
    pub chat_id: Option<String>,
    /// When it happened, by the vendor's clock.
    pub occurred_at: Option<DateTime<Utc>>,
    /// The message, for [`ChatEventKind::MessageCreated`], [`ChatEventKind::MessageUpdated`]
    /// and [`ChatEventKind::MessageRead`].
    pub message: Option<ChatMessage>,
    /// The person the event is about: who joined, left, typed, was invited or updated.
    pub participant: Option<Author>,
    /// The chat's status as the vendor names it (`ongoing`, `closed`, `opened`, ...): borrowed
    /// when the vendor documents it, owned otherwise.
    pub status: Option<Cow<'static, str>>,
    /// The chat's state, normalised where the vendor documents what its status or event means;
    /// [`ChatState::Unknown`] otherwise (see [`ChatState`] for the mapping).
    #[serde(default)]
    pub state: ChatState,
    /// The chat's position in its queue, for [`ChatEventKind::QueuePositionChanged`].
    pub queue_position: Option<u64>,
    /// The conversation so far, in the vendor's order, when the vendor sends it (Ebbot's
    /// `chat.close` sends the whole transcript).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transcript: Vec<ChatMessage>,
    /// Why the chat was closed, as the vendor says it (Inbenta `inactivity`), where it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_reason: Option<String>,
    /// Whom the chat is with (a customer, or the team only), where the vendor says.
    #[serde(default, skip_serializing_if = "ChatKind::is_unknown")]
    pub chat_kind: ChatKind,
}

impl ChatEvent {
    /// An event of `kind` from `vendor`, with nothing else known yet.
    pub fn new(vendor: Vendor, kind: ChatEventKind) -> Self {
        ChatEvent {
            vendor,
            custom_vendor: None,
            kind,
            event_name: None,
            event_id: None,
            chat_id: None,
            occurred_at: None,
            message: None,
            participant: None,
            status: None,
            state: ChatState::Unknown,
            queue_position: None,
            transcript: Vec::new(),
            close_reason: None,
            chat_kind: ChatKind::Unknown,
        }
    }

    /// An event of `kind` from `vendor`, with what the payload's envelope says: the event's
    /// name, id, chat and time. Every vendor's conversion starts here, so the common model
    /// and the `Event` accessors read these facts in one place.
    #[inline]
    pub(crate) fn from_envelope(
        vendor: Vendor,
        envelope: &impl crate::table::Envelope,
        kind: ChatEventKind,
    ) -> Self {
        // Only the reads are generic; the building is one function for every envelope type.
        // Built per type, it was 25 copies of 500 to 850 bytes of code, and a conversion right
        // after a parse spends more time fetching cold code than running it.
        ChatEvent::from_parts(
            vendor,
            kind,
            envelope.event_name(),
            envelope.event_id(),
            envelope.owned_chat_id(),
            envelope.occurred_at(),
        )
    }

    /// [`from_envelope`](Self::from_envelope)'s event, from the envelope's reads.
    #[inline(never)]
    fn from_parts(
        vendor: Vendor,
        kind: ChatEventKind,
        event_name: &str,
        event_id: Option<&str>,
        chat_id: Option<String>,
        occurred_at: Option<DateTime<Utc>>,
    ) -> Self {
        // One struct expression, so the event is built where the caller keeps it: filling a
        // `ChatEvent::new` and returning it copied all 480 bytes once more per conversion.
        ChatEvent {
            event_name: Some(crate::registry::event_name(vendor, event_name)),
            event_id: event_id.map(str::to_owned),
            chat_id,
            occurred_at,
            ..ChatEvent::new(vendor, kind)
        }
    }

    /// An event of `kind` from a source of your own named `source`, with
    /// [`vendor`](Self::vendor) set to [`Vendor::Custom`].
    pub fn custom(source: impl Into<String>, kind: ChatEventKind) -> Self {
        let mut event = ChatEvent::new(Vendor::Custom, kind);
        event.custom_vendor = Some(source.into());
        event
    }

    /// The key of [`message`](Self::message) across deliveries: the source, the chat and the
    /// message id. `None` when the event has no message, or no chat id or message id.
    ///
    /// Every delivery about one message (Channel Talk's `push`, `upsert` and `update` of it, an
    /// Ebbot message topic and the same message in the `chat.close` transcript) gives the same
    /// key, so a store can upsert one row per message with it.
    pub fn message_key(&self) -> Option<MessageKey<'_>> {
        self.key_of(self.message.as_ref()?)
    }

    /// The key of `message` (this event's [`message`](Self::message), or one of its
    /// [`transcript`](Self::transcript)) in this event's chat: see
    /// [`message_key`](Self::message_key).
    pub fn key_of<'a>(&'a self, message: &'a ChatMessage) -> Option<MessageKey<'a>> {
        Some(MessageKey {
            source: self.source(),
            chat_id: self.chat_id.as_deref()?,
            message_id: message.id.as_deref()?,
        })
    }

    /// The source's name: the vendor's, or the custom source's.
    pub fn source(&self) -> &str {
        match (&self.vendor, &self.custom_vendor) {
            (Vendor::Custom, Some(name)) => name,
            (vendor, _) => vendor.as_str(),
        }
    }
}

/// Identifies one message across deliveries: the source, the chat and the message id.
///
/// Made by [`ChatEvent::message_key`] and [`ChatEvent::key_of`]. `Display` writes
/// `<source>:<chat id>:<message id>`, each part with `%` written `%25` and `:` written `%3A`,
/// so that two different keys never display the same: a string key for a database column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct MessageKey<'a> {
    /// The vendor's name ([`Vendor::as_str`]) or the custom source's.
    pub source: &'a str,
    /// The chat the message belongs to.
    pub chat_id: &'a str,
    /// The vendor's id for the message.
    pub message_id: &'a str,
}

impl fmt::Display for MessageKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write;
        KeyPart(&mut *f).write_str(self.source)?;
        f.write_str(":")?;
        KeyPart(&mut *f).write_str(self.chat_id)?;
        f.write_str(":")?;
        KeyPart(&mut *f).write_str(self.message_id)
    }
}

/// A writer that writes one part of a `:`-separated key ([`MessageKey`], the receiver's
/// de-duplication key) with `%` written `%25` and `:` written `%3A`, so that the parts cannot
/// run into each other: the one key escaping in this crate.
pub(crate) struct KeyPart<W>(pub(crate) W);

impl<W: fmt::Write> fmt::Write for KeyPart<W> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut rest = text;
        while let Some(at) = rest.find(['%', ':']) {
            self.0.write_str(&rest[..at])?;
            self.0.write_str(if rest.as_bytes()[at] == b'%' {
                "%25"
            } else {
                "%3A"
            })?;
            rest = &rest[at + 1..];
        }
        self.0.write_str(rest)
    }
}

/// The length of `text` once written through a [`KeyPart`].
pub(crate) fn key_part_len(text: &str) -> usize {
    text.len() + 2 * text.bytes().filter(|b| matches!(b, b'%' | b':')).count()
}
