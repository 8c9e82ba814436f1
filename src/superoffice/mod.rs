//! SuperOffice CRM chat webhooks.
//!
//! SuperOffice posts a [`Notification`] (its `WebhookPayload`) for every subscribed event: a
//! shared envelope (`EventId`, `Timestamp`, `Changes`, `Event`, `PrimaryKey`, `Entity`,
//! `ContextIdentifier`, `ChangedByAssociateId`, `WebhookName`) and `FieldValues` that depend on
//! the entity.
//!
//! | `Event` | variant | payload |
//! |---|---|---|
//! | `chatsession.created` | [`Event::ChatSessionCreated`] | [`ChatSessionEvent`] |
//! | `chatsession.message` | [`Event::ChatSessionMessage`] | [`ChatSessionEvent`] |
//! | `chatsession.changed` | [`Event::ChatSessionChanged`] | [`ChatSessionEvent`] |
//! | `test` (registration, header `X-Hook-Test: true`) | [`Event::Test`] | [`TestEvent`] |
//! | `webhook.started` | [`Event::WebhookStarted`] | [`WebhookStateEvent`] |
//! | `webhook.stopped` | [`Event::WebhookStopped`] | [`WebhookStateEvent`] |
//! | `webhook.errors` | [`Event::WebhookErrors`] | [`WebhookStateEvent`] |
//! | anything else (`contact.created`, ...) | [`Event::Unknown`] | the raw JSON; read its envelope with `unknown.deserialize::<Notification>()` |
//!
//! Quirks of SuperOffice's senders and documentation that this module accepts:
//! - trailing commas (the published `chatsession.created` and `chatsession.message` examples
//!   have them);
//! - ids as numbers or numeric strings in one payload (`"ContactId": "21"`, `"ProjectId": 5`),
//!   and the number `5` for the text `CustomerAlias`;
//! - `FieldValues` keys in PascalCase (examples), camelCase (field list) or snake_case;
//! - `Timestamp` with 6 or 7 fractional digits, `FieldValues` dates with and without an offset
//!   (offset-less values are read as UTC), and the `.NET` minimum `0001-01-01T00:00:00`;
//! - the webhook state events' body names them `webhook.started` while the header says
//!   `webhook123.started`: both read as [`Event::WebhookStarted`].
//!
//! The message text of `chatsession.message` is not in the payload (only the names of the
//! changed fields are); fetch it from SuperOffice by `PrimaryKey` if you need it.
//!
//! # Authenticity
//!
//! When the webhook has a secret, SuperOffice sends `X-SuperOffice-Signature`: the base64
//! HMAC-SHA256 of the raw body. Check it with [`verify_signature`] before parsing:
//!
//! ```
//! use chat_webhooks::superoffice;
//!
//! # let secret = b"s3cr3t";
//! # let body: &[u8] = br#"{"EventId":"4b5ce038-50f2-4796-bdb2-f96908cf31c2","Event":"test","Entity":"test","PrimaryKey":0}"#;
//! # let signature_header = superoffice::sign(secret, body);
//! superoffice::verify_signature(secret, body, &signature_header)?;
//! let event = superoffice::parse(body)?;
//! assert!(matches!(event, superoffice::Event::Test(_)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod chat_session;
mod convert;
mod field_value;
mod notification;
mod signature;
mod webhook_state;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use self::chat_session::{ChatSessionFields, KeyStyle};
pub use self::field_value::{FieldValue, FieldValueError};
pub use self::notification::{Entity, FieldMap, Notification};
pub use self::signature::{sign, verify_signature, EVENT_HEADER, SIGNATURE_HEADER, TEST_HEADER};
pub use self::webhook_state::WebhookStateFields;

use crate::detect::key;
use crate::json::Prepared;
use crate::{Error, UnknownEvent, Vendor};

/// A `chatsession.*` event.
pub type ChatSessionEvent = Notification<ChatSessionFields>;

/// The `test` event sent when a webhook is registered.
pub type TestEvent = Notification<FieldMap>;

/// A `webhook.started`, `webhook.stopped` or `webhook.errors` event.
pub type WebhookStateEvent = Notification<WebhookStateFields>;

/// A SuperOffice webhook.
///
/// Serializes to SuperOffice's JSON, which [`parse`] reads back to an equal `Event`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `chatsession.created`: a new chat session started.
    ChatSessionCreated(Box<ChatSessionEvent>),
    /// `chatsession.message`: a message was added to a chat session.
    ChatSessionMessage(Box<ChatSessionEvent>),
    /// `chatsession.changed`: a chat session changed state.
    ChatSessionChanged(Box<ChatSessionEvent>),
    /// `test`: sent when the webhook is registered; answer `200 OK` and otherwise ignore it.
    Test(Box<TestEvent>),
    /// `webhook.started`: the webhook's state was set to active.
    WebhookStarted(Box<WebhookStateEvent>),
    /// `webhook.stopped`: the webhook's state was set to stopped.
    WebhookStopped(Box<WebhookStateEvent>),
    /// `webhook.errors`: the webhook was disabled by errors (or an HTTP 410 answer).
    WebhookErrors(Box<WebhookStateEvent>),
    /// Any other event (`contact.created`, ...), kept as sent.
    Unknown(UnknownEvent),
}

impl Event {
    /// The event name as sent in `Event`.
    pub fn event_name(&self) -> &str {
        match self {
            Event::ChatSessionCreated(n)
            | Event::ChatSessionMessage(n)
            | Event::ChatSessionChanged(n) => &n.event,
            Event::Test(n) => &n.event,
            Event::WebhookStarted(n) | Event::WebhookStopped(n) | Event::WebhookErrors(n) => {
                &n.event
            }
            Event::Unknown(unknown) => unknown.name(),
        }
    }
}

/// Parses a SuperOffice webhook body.
///
/// ```
/// let body = br#"{"EventId": "e87ac619", "Event": "chatsession.created", "PrimaryKey": 178105,
///     "FieldValues": {"ContactId": "21", "CustomerAlias": 5,}}"#;
/// let chat_webhooks::superoffice::Event::ChatSessionCreated(created) = chat_webhooks::superoffice::parse(body)? else {
///     unreachable!()
/// };
/// let fields = created.field_values.unwrap();
/// assert_eq!(fields.contact_id.unwrap().as_i64(), Some(21));
/// assert_eq!(fields.customer_alias.unwrap(), "5");
/// # Ok::<(), chat_webhooks::Error>(())
/// ```
pub fn parse(body: &[u8]) -> Result<Event, Error> {
    parse_prepared(&Prepared::for_vendor(body, Vendor::SuperOffice))
}

/// Whether `name` is `webhook.<state>` or `webhook<digits>.<state>`.
fn is_webhook_state(name: &str, state: &str) -> bool {
    name.strip_prefix("webhook")
        .map(|rest| rest.trim_start_matches(|c: char| c.is_ascii_digit()))
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|rest| rest.eq_ignore_ascii_case(state))
}

pub(crate) fn parse_prepared(prepared: &Prepared<'_>) -> Result<Event, Error> {
    const VENDOR: Vendor = Vendor::SuperOffice;
    let name = prepared.discriminator(VENDOR, key::SUPEROFFICE_EVENT, "Event")?;
    let name = &*name;
    let is = |expected: &str| name.eq_ignore_ascii_case(expected);
    Ok(if is("chatsession.created") {
        Event::ChatSessionCreated(prepared.parse(VENDOR, name)?)
    } else if is("chatsession.message") {
        Event::ChatSessionMessage(prepared.parse(VENDOR, name)?)
    } else if is("chatsession.changed") {
        Event::ChatSessionChanged(prepared.parse(VENDOR, name)?)
    } else if is("test") {
        Event::Test(prepared.parse(VENDOR, name)?)
    } else if is_webhook_state(name, "started") {
        Event::WebhookStarted(prepared.parse(VENDOR, name)?)
    } else if is_webhook_state(name, "stopped") {
        Event::WebhookStopped(prepared.parse(VENDOR, name)?)
    } else if is_webhook_state(name, "errors") {
        Event::WebhookErrors(prepared.parse(VENDOR, name)?)
    } else {
        Event::Unknown(UnknownEvent::new(name, prepared.raw(VENDOR, name)?))
    })
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Event::ChatSessionCreated(n)
            | Event::ChatSessionMessage(n)
            | Event::ChatSessionChanged(n) => n.serialize(serializer),
            Event::Test(n) => n.serialize(serializer),
            Event::WebhookStarted(n) | Event::WebhookStopped(n) | Event::WebhookErrors(n) => {
                n.serialize(serializer)
            }
            Event::Unknown(unknown) => unknown.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::event::deserialize_with(deserializer, parse)
    }
}

#[cfg(test)]
mod tests {
    use super::is_webhook_state;

    #[test]
    fn webhook_state_names() {
        assert!(is_webhook_state("webhook.started", "started"));
        assert!(is_webhook_state("webhook123.started", "started"));
        assert!(!is_webhook_state("webhook123.started", "stopped"));
        assert!(!is_webhook_state("webhooks.started", "started"));
        assert!(!is_webhook_state("webhook123started", "started"));
    }
}
