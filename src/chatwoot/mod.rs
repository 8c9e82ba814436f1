//! Chatwoot webhooks.
//!
//! [Chatwoot](https://www.chatwoot.com) is an open-source customer-support platform (web
//! widget, e-mail, WhatsApp, API channels, agent bots) that teams run themselves. It posts the
//! same bodies to an account's webhooks, to an API-channel inbox's callback URL and to agent
//! bots.
//!
//! Chatwoot has **no envelope**: a body is the model's own JSON (a message's, a
//! conversation's, a contact's, ...) with `event` merged in at the top level, usually as its
//! last member. [`Webhook<P>`] reads it in one pass: `event` (and `changed_attributes` or
//! `event_info` where sent) into its own fields, everything else into the payload `P`, to
//! which it dereferences.
//!
//! | `event` | variant | payload |
//! |---|---|---|
//! | `message_created` | [`Event::MessageCreated`] | [`Message`] (its webhook data) |
//! | `message_updated` | [`Event::MessageUpdated`] | [`Message`] |
//! | `conversation_created` | [`Event::ConversationCreated`] | [`Conversation`] (its push data) |
//! | `conversation_status_changed`; the older `conversation_resolved` and `conversation_opened` | [`Event::ConversationStatusChanged`] | [`Conversation`], with `changed_attributes` |
//! | `conversation_updated` | [`Event::ConversationUpdated`] | [`Conversation`], with `changed_attributes` |
//! | `webwidget_triggered` | [`Event::WebwidgetTriggered`] | [`ContactInbox`] (its webhook data), with `event_info` |
//! | `contact_created` | [`Event::ContactCreated`] | [`Contact`] |
//! | `contact_updated` | [`Event::ContactUpdated`] | [`Contact`], with `changed_attributes` |
//! | `inbox_created` | [`Event::InboxCreated`] | [`Inbox`] (its push data) |
//! | `inbox_updated` | [`Event::InboxUpdated`] | [`Inbox`], with `changed_attributes` |
//! | `conversation_typing_on` | [`Event::ConversationTypingOn`] | [`TypingData`]: `{conversation, user, is_private}` |
//! | `conversation_typing_off` | [`Event::ConversationTypingOff`] | [`TypingData`] |
//! | anything else | [`Event::Unknown`] | the raw JSON; [`Event::chat_id`] reads its `conversation` |
//!
//! Quirks accepted, because Chatwoot's versions and its own code differ:
//! - times in three forms in one body: ISO 8601 strings (a message's `created_at`), epoch
//!   seconds (a conversation's `created_at`), epoch seconds with a fraction (its
//!   `updated_at`), and in the 2020 documentation `"2020-03-03 13:05:57 UTC"`; each is a
//!   [`Timestamp`](crate::Timestamp) and serializes back as sent;
//! - `message_type` as a name (`"incoming"`, webhook data) or as its number (`0`, a
//!   conversation's `messages`): [`MessageType`];
//! - a sender that is a contact (no `type`, or `type: "contact"` in older versions), a user
//!   (`type: "user"`) or an agent bot (`type: "agent_bot"`): [`Sender::kind`];
//! - the oldest message shape (2020), with the agent in `sender`, the customer in `contact`
//!   and `conversation.display_id`;
//! - every member may be `null` (Chatwoot sends every key of the model's hash): it reads as
//!   `None`, as if absent, and is not written back; `custom_attributes` and
//!   `additional_attributes` are kept as sent, member by member;
//! - `changed_attributes` as a list of one-member objects ([`ChangedAttribute`]), whose values
//!   are of any JSON type and kept as sent ([`Change`]);
//! - conversations nested in messages at most [`MAX_NESTING`] deep (Chatwoot sends two);
//! - ids as numbers or strings, event names in any letter case (kept as sent).
//!
//! # The common model
//!
//! [`ToChatEvent`](crate::ToChatEvent) maps each event to a kind (the details, and the author
//! of each `message_type`, are in the docs of its impl for [`Event`]):
//!
//! | `event` | [`ChatEventKind`](crate::ChatEventKind) | notes |
//! |---|---|---|
//! | `message_created` | `MessageCreated`; `SystemNotice` for an `activity` message | `incoming` → author `Customer`; `outgoing`, `template` → `Agent` (`type: "user"`) or `Bot` (`type: "agent_bot"`); `activity` → `System`, no one; `private` notes marked [`ChatMessage::private`](crate::ChatMessage::private) |
//! | `message_updated` | `MessageUpdated` (`SystemNotice` for `activity`) | the same [`message_key`](crate::ChatEvent::message_key) as the message's creation |
//! | `conversation_created` | `ChatStarted` | participant: the contact |
//! | `conversation_status_changed` (and the older names) | `ChatUpdated` | |
//! | `conversation_updated` | `ChatUpdated` | |
//! | a conversation event whose `status` is `resolved` | `ChatClosed` | state `Closed` |
//! | `conversation_typing_on`, `conversation_typing_off` | `TypingStarted`, `TypingStopped` | participant: the `user`, by its `type` |
//! | `contact_created`, `contact_updated` | `UserUpdated` | participant: the contact, `Customer` |
//! | `webwidget_triggered`, `inbox_created`, `inbox_updated`, unknown events | `Other` | |
//!
//! The conversation events set `status` and `state`: `open` → `Open`, `resolved` → `Closed`,
//! `pending` → `Open` (an agent bot is handling the conversation, and `Open` is a chat going on
//! with a bot), `snoozed` → `Snoozed`.
//!
//! # One chat id per conversation
//!
//! A conversation's `id` in push data is its **display id**, the number in its URL, which
//! counts from 1 in every account: two accounts of one installation both have a conversation 1.
//! The crate therefore keys a conversation as **`"{inbox_id}:{display_id}"`**
//! ([`Event::chat_id`], [`ChatEvent::chat_id`](crate::ChatEvent::chat_id)): inbox ids are
//! unique in the installation, an inbox belongs to one account, and a conversation stays in its
//! inbox, so the pair names one conversation. The inbox was chosen over the account because
//! every event about a conversation names its inbox (`inbox_id` in the push data, a message's
//! `inbox`, the typing events' conversation), while a conversation's push data does not name
//! its account. The database id of a conversation is never sent. A body that does not name
//! both (the 2020 sample has no inbox) has no chat id. If you receive from several Chatwoot
//! installations, add the installation to the key yourself.
//!
//! # Time
//!
//! [`Event::occurred_at`] is the model's own time for the event where it has one:
//! `created_at` of a created message, conversation or inbox; `updated_at` of an updated (or
//! status-changed) conversation or inbox; for `contact_updated`, the `updated_at` in
//! `changed_attributes`. `message_updated`, `contact_created`, `webwidget_triggered` and the
//! typing events say nothing of when they happened: `None`. Chatwoot sends no event id in the
//! body ([`Event::event_id`] is `None`); its delivery id is the `X-Chatwoot-Delivery` header.
//!
//! # Authenticity
//!
//! A webhook with a secret (account webhooks since v4.11.2; API-channel inbox callbacks and
//! agent bots since v4.13.0) is sent with three headers:
//!
//! ```text
//! X-Chatwoot-Delivery: 0f3a6c1e-8d2b-4f1e-9a57-3c1d2b7e9f40
//! X-Chatwoot-Timestamp: 1741686137
//! X-Chatwoot-Signature: sha256=<lowercase hex of HMAC-SHA256(secret, signed string)>
//! ```
//!
//! and the **signed string is the timestamp, a dot, then the raw body**, byte for byte:
//!
//! ```text
//! 1741686137.{"id":5231,"content":"Hello",...,"event":"message_created"}
//! ```
//!
//! The timestamp prefix is easy to miss: an HMAC of the body alone never matches (Chatwoot
//! issue #13809). [`verify_signature`] takes the `X-Chatwoot-Timestamp` value and the body as
//! received, before any parsing; [`sign`] makes the header for tests. The signature proves who
//! sent the body, not when: also refuse a timestamp older than about 5 minutes, as Chatwoot
//! advises, and de-duplicate on `X-Chatwoot-Delivery`, which retries reuse
//! ([`DELIVERY_HEADER`]). Servers older than v4.11.2 sign nothing: accepting them must be an
//! explicit, documented choice, never a silent fallback.
//!
//! ```
//! use chat_webhooks::chatwoot;
//!
//! let body = br#"{"id": 5231, "content": "Hello", "message_type": "incoming",
//!     "conversation": {"id": 42, "inbox_id": 3}, "event": "message_created"}"#;
//! # let timestamp = "1741686137";
//! # let signature = chatwoot::sign(b"whsec", timestamp, body);
//! chatwoot::verify_signature(b"whsec", timestamp, body, &signature)?;
//! let chatwoot::Event::MessageCreated(message) = chatwoot::parse(body)? else { unreachable!() };
//! assert_eq!(message.content.as_deref(), Some("Hello"));
//! assert_eq!(message.chat_id(), Some("3:42"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod accounts;
mod auth;
mod contacts;
mod conversations;
mod convert;
mod envelope;
mod messages;
mod typing;
mod users;

use serde_json::value::RawValue;

pub use self::accounts::{Account, Inbox, Team};
pub use self::auth::{
    sign, verify_signature, DELIVERY_HEADER, SIGNATURE_HEADER, SIGNATURE_PREFIX, TIMESTAMP_HEADER,
};
pub use self::contacts::Contact;
pub use self::conversations::{
    ContactInbox, Conversation, ConversationMeta, ConversationStatus, Priority,
};
pub use self::envelope::{Change, ChangedAttribute, EventInfo, Webhook};
pub use self::messages::{
    Attachment, ContentType, FileType, Message, MessageKind, MessageStatus, MessageType,
    MAX_NESTING,
};
pub use self::typing::TypingData;
pub use self::users::{Sender, SenderType, User};
pub use crate::open_object::Members;

use crate::json::Prepared;
use crate::lenient::Id;
use crate::unknown::{EnvelopePaths, Hoisted};
use crate::{Error, Vendor};

/// A `message_created` or `message_updated` event.
pub type MessageEvent = Webhook<Message>;

/// A `conversation_created`, `conversation_status_changed` or `conversation_updated` event.
pub type ConversationEvent = Webhook<Conversation>;

/// A `webwidget_triggered` event.
pub type WebwidgetTriggeredEvent = Webhook<ContactInbox>;

/// A `contact_created` or `contact_updated` event.
pub type ContactEvent = Webhook<Contact>;

/// An `inbox_created` or `inbox_updated` event.
pub type InboxEvent = Webhook<Inbox>;

/// A `conversation_typing_on` or `conversation_typing_off` event.
pub type TypingEvent = Webhook<TypingData>;

const VENDOR: Vendor = Vendor::Chatwoot;

event_enum! {
    vendor: VENDOR;
    /// A Chatwoot webhook, by its `event`.
    events {
    /// `message_created`: a message was sent in a conversation (by the contact, an agent, a
    /// bot, or Chatwoot itself for an activity message).
    MessageCreated(MessageEvent) = "message_created",
    /// `message_updated`: a message changed (its content, its status, a form's submitted
    /// values).
    MessageUpdated(MessageEvent) = "message_updated",
    /// `conversation_created`: a conversation began.
    ConversationCreated(ConversationEvent) = "conversation_created",
    /// `conversation_status_changed`: a conversation was resolved, reopened, set pending or
    /// snoozed. The older `conversation_resolved` and `conversation_opened` ("to be deprecated
    /// in favour of `conversation_status_changed`") read as it, their name kept.
    ConversationStatusChanged(ConversationEvent) = "conversation_status_changed"
        | "conversation_resolved"
        | "conversation_opened",
    /// `conversation_updated`: a conversation's attributes changed (assignee, labels, ...).
    ConversationUpdated(ConversationEvent) = "conversation_updated",
    /// `webwidget_triggered`: a visitor opened the web widget.
    WebwidgetTriggered(WebwidgetTriggeredEvent) = "webwidget_triggered",
    /// `contact_created`: a contact was created.
    ContactCreated(ContactEvent) = "contact_created",
    /// `contact_updated`: a contact's details changed.
    ContactUpdated(ContactEvent) = "contact_updated",
    /// `inbox_created` (newer versions): an inbox was created.
    InboxCreated(InboxEvent) = "inbox_created",
    /// `inbox_updated` (newer versions): an inbox's settings changed.
    InboxUpdated(InboxEvent) = "inbox_updated",
    /// `conversation_typing_on` (newer versions): someone started typing.
    ConversationTypingOn(TypingEvent) = "conversation_typing_on",
    /// `conversation_typing_off` (newer versions): someone stopped typing.
    ConversationTypingOff(TypingEvent) = "conversation_typing_off",
    }
}

/// Parses a Chatwoot webhook body.
///
/// ```
/// let body = br#"{"id": 42, "inbox_id": 3, "status": "resolved", "created_at": 1741686000,
///     "updated_at": 1741686137.251, "changed_attributes": [{"status":
///     {"previous_value": "open", "current_value": "resolved"}}],
///     "event": "conversation_status_changed"}"#;
/// let chat_webhooks::chatwoot::Event::ConversationStatusChanged(changed) = chat_webhooks::chatwoot::parse(body)? else {
///     unreachable!()
/// };
/// assert_eq!(changed.status, Some(chat_webhooks::chatwoot::ConversationStatus::Resolved));
/// let status = changed.change("status").unwrap();
/// assert_eq!(status.previous_value.as_ref().unwrap().get(), r#""open""#);
/// assert_eq!(changed.occurred_at().unwrap().to_string(), "2025-03-11 09:42:17.251 UTC");
/// # Ok::<(), chat_webhooks::Error>(())
/// ```
pub fn parse(body: &[u8]) -> Result<Event, Error> {
    parse_prepared(&crate::detect::prepare(
        body,
        crate::detect::Until::Vendor(VENDOR),
    ))
}

fn parse_prepared(prepared: &Prepared<'_>) -> Result<Event, Error> {
    let name = prepared.discriminator(VENDOR, "event")?;
    dispatch(prepared, &name, &name)
}

/// What the registry (`registry.rs`) knows of Chatwoot: its bodies have `event`, named like
/// `message_created`, and no `entity` ([`recognises`]); no delivery time in the body, but a
/// signed timestamp and a delivery id in the headers.
pub(crate) struct Spec;

impl crate::registry::VendorSpec for Spec {
    const VENDOR: Vendor = VENDOR;
    const DETECT: &'static [&'static str] = &["event"];
    const ABSENT: &'static [&'static str] = &["entity"];
    const DESCRIPTION: &'static str = "event named like message_created, without entity";
    const SCHEME: crate::auth::Scheme = auth::SCHEME;
    const EXAMPLE: &'static [u8] = br#"{"id":42,"inbox_id":3,"status":"open","created_at":1741686000,"event":"conversation_created"}"#;
    // Read by `envelope` below: the chat is two members, the inbox and the display id.
    const ENVELOPE: EnvelopePaths = EnvelopePaths::NONE;
    const DELIVERY_TIME: bool = false;
    const DELIVERY_ID: Option<crate::auth::Source> =
        Some(crate::auth::Source::Header(auth::DELIVERY_HEADER));

    type Event = Event;

    fn parse(prepared: &Prepared<'_>) -> Result<Event, Error> {
        parse_prepared(prepared)
    }

    fn recognises(prepared: &Prepared<'_>) -> bool {
        // An `event` that is not a string is read as Chatwoot's, whose parse names it.
        let event = prepared.string_field(VENDOR, "event");
        recognises(event.as_ref().ok().and_then(|e| e.as_deref()), false)
    }

    fn envelope(_name: &str, raw: &RawValue) -> Hoisted {
        hoist(raw)
    }
}

/// Whether a body that has a top-level `event` is Chatwoot's, from its top level alone:
/// `event` (decoded; `None` when it is not a string) is named the way Chatwoot names its
/// events, and there is no `entity` member.
///
/// Chatwoot names every webhook event after the listener method that sends it,
/// `<model>_<action>` (`message_created`, `conversation_typing_on`): ASCII letters and digits
/// with at least one `_` and one letter. Channel Talk also sends `event`, but always with
/// `entity`, and its event words (`push`, `upsert`) have no `_`; no other vendor sends
/// `event`. An `event` that is not a string is no vendor's valid body: it is read as
/// Chatwoot's, whose parse then names the member and its type. The rule reads the set of
/// top-level members, not their order, so the caller must have seen them all.
pub(crate) fn recognises(event: Option<&str>, has_entity: bool) -> bool {
    !has_entity && event.is_none_or(is_event_name)
}

/// `<word>_<word>...`: ASCII letters, digits and `_`, with at least one `_` and one letter.
fn is_event_name(name: &str) -> bool {
    name.contains('_')
        && name.bytes().any(|b| b.is_ascii_alphabetic())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The conversation of an unknown event: its `conversation` (a message or typing body), its
/// `current_conversation` (a contact inbox), or the body itself when it is a conversation's
/// push data (`inbox_id` and `messages`); the inbox where the conversation does not name one
/// is the body's `inbox`. Only these members are read (no model, no copy of the body).
fn hoist(raw: &RawValue) -> Hoisted {
    const PATHS: &[crate::unknown::Path] = &[
        &["conversation", "inbox_id"],
        &["conversation", "id"],
        &["conversation", "display_id"],
        &["current_conversation", "inbox_id"],
        &["current_conversation", "id"],
        &["current_conversation", "display_id"],
        &["inbox", "id"],
        &["inbox_id"],
        &["id"],
        &["messages"],
    ];
    let found = crate::unknown::read_paths(raw.get(), PATHS);
    let id = |i: usize| -> Option<Id> {
        found[i].and_then(|leaf| serde_json::from_str::<Id>(leaf).ok())
    };
    let body_inbox = id(6);
    let chat_id = if found[0].is_some() || found[1].is_some() || found[2].is_some() {
        envelope::chat_key(
            id(0).or(body_inbox).as_ref(),
            id(1).or_else(|| id(2)).as_ref(),
        )
    } else if found[3].is_some() || found[4].is_some() || found[5].is_some() {
        envelope::chat_key(
            id(3).or(body_inbox).as_ref(),
            id(4).or_else(|| id(5)).as_ref(),
        )
    } else if found[9].is_some() {
        envelope::chat_key(id(7).as_ref(), id(8).as_ref())
    } else {
        None
    };
    Hoisted {
        chat_id,
        ..Hoisted::default()
    }
}

#[cfg(test)]
mod tests {
    use super::recognises;

    #[test]
    fn recognised_by_a_snake_case_event_without_entity() {
        for name in [
            "message_created",
            "conversation_typing_on",
            "CONVERSATION_RESOLVED",
            "sla_missed_2",
        ] {
            assert!(recognises(Some(name), false), "{name}");
            assert!(!recognises(Some(name), true), "{name} with entity");
        }
        for name in [
            "push",
            "upsert",
            "",
            "_",
            "1_2",
            "message.created",
            "message created",
            "é_x",
        ] {
            assert!(!recognises(Some(name), false), "{name:?}");
        }
        // Not a string: Chatwoot's parse reports it, unless `entity` says Channel Talk.
        assert!(recognises(None, false));
        assert!(!recognises(None, true));
    }
}
