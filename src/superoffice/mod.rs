//! SuperOffice CRM chat webhooks.
//!
//! SuperOffice posts a [`Webhook`] (its `WebhookPayload`) for every subscribed event: a
//! shared envelope (`EventId`, `Timestamp`, `Changes`, `Event`, `PrimaryKey`, `Entity`,
//! `ContextIdentifier`, `ChangedByAssociateId`, `WebhookName`) and `FieldValues` that depend on
//! the entity.
//!
//! | `Event` | variant | payload |
//! |---|---|---|
//! | `chatsession.created` | [`Event::ChatSessionCreated`] | [`ChatSessionEvent`] |
//! | `chatsession.message` | [`Event::ChatSessionMessage`] | [`ChatSessionEvent`] |
//! | `chatsession.changed` | [`Event::ChatSessionChanged`] | [`ChatSessionEvent`] |
//! | `test` (the registration test: signed like any event; SuperOffice adds an unsigned `X-Hook-Test: true`, which is not needed) | [`Event::Test`] | [`TestEvent`] |
//! | `webhook.started` (also `webhook<n>.started`) | [`Event::WebhookStarted`] | [`WebhookStateEvent`] |
//! | `webhook.stopped` (also `webhook<n>.stopped`) | [`Event::WebhookStopped`] | [`WebhookStateEvent`] |
//! | `webhook.errors` (also `webhook<n>.errors`) | [`Event::WebhookErrors`] | [`WebhookStateEvent`] |
//! | anything else (`contact.created`, ...) | [`Event::Unknown`] | the raw JSON; read its envelope with `unknown.deserialize::<Webhook>()`; [`Event::event_id`], [`Event::chat_id`] (for `chatsession` entities) and [`Event::occurred_at`] read it too |
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
//! changed fields are); fetch it from SuperOffice by `PrimaryKey` if you need it. The three
//! chat events are the webhook side of SuperOffice's CRMScript chat triggers (new session,
//! status changed, message saved): `FieldValues.Status` is the documented
//! [`ChatSessionStatus`] (the new status, for `chatsession.changed`), `CustomerId` the
//! customer (a person), `CustomerAlias` their name and `UserId` the agent (an associate; `0`
//! while a bot or nobody has the chat). `chatsession.message`'s `Changes` is the trigger's
//! fixed list of input names: it says nothing about what changed.
//!
//! `.deleted` events of any entity carry a top-level `Values` object, read by the envelope
//! ([`Webhook::values`]) of the unknown event.
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

mod auth;
mod chat_session;
mod convert;
mod envelope;
mod field_value;
mod status;
mod webhook_state;

use serde_json::value::RawValue;

pub use self::auth::{sign, verify_signature, EVENT_HEADER, SIGNATURE_HEADER, TEST_HEADER};
pub use self::chat_session::{ChatSessionData, KeyStyle};
pub use self::envelope::{Entity, Webhook};
pub use self::field_value::{FieldValue, FieldValueError};
pub use self::status::ChatSessionStatus;
pub use self::webhook_state::WebhookStateData;
pub use crate::open_object::Members;

use crate::json::Prepared;
use crate::unknown::{EnvelopePaths, Hoisted};
use crate::{Error, Vendor};

const VENDOR: Vendor = Vendor::SuperOffice;

/// A `chatsession.*` event.
pub type ChatSessionEvent = Webhook<ChatSessionData>;

/// The `test` event sent when a webhook is registered.
pub type TestEvent = Webhook<Members>;

/// A `webhook.started`, `webhook.stopped` or `webhook.errors` event.
pub type WebhookStateEvent = Webhook<WebhookStateData>;

event_enum! {
    vendor: VENDOR;
    /// A SuperOffice webhook, by its `Event`.
    events {
        /// `chatsession.created`: a new chat session started.
        ChatSessionCreated(ChatSessionEvent) = "chatsession.created",
        /// `chatsession.message`: a message was added to a chat session.
        ChatSessionMessage(ChatSessionEvent) = "chatsession.message",
        /// `chatsession.changed`: a chat session changed state.
        ChatSessionChanged(ChatSessionEvent) = "chatsession.changed",
        /// `test`: sent when the webhook is registered; answer `200 OK` and otherwise ignore
        /// it.
        Test(TestEvent) = "test",
        /// `webhook.started`: the webhook's state was set to active. The header names it
        /// `webhook<id>.started`, which is read the same.
        WebhookStarted(WebhookStateEvent) = "webhook.started" | "webhook#.started",
        /// `webhook.stopped`: the webhook's state was set to stopped.
        WebhookStopped(WebhookStateEvent) = "webhook.stopped" | "webhook#.stopped",
        /// `webhook.errors`: the webhook was disabled by errors (or an HTTP 410 answer).
        WebhookErrors(WebhookStateEvent) = "webhook.errors" | "webhook#.errors",
    }
}

/// What the registry (`registry.rs`) knows of SuperOffice: recognised by the `EventId` and `Event` keys; delivery
/// time `Timestamp`, when the event occurred.
pub(crate) struct Spec;

impl crate::registry::VendorSpec for Spec {
    const VENDOR: Vendor = Vendor::SuperOffice;
    const DETECT: &'static [&'static str] = &["EventId", "Event"];
    const SCHEME: crate::auth::Scheme = auth::SCHEME;
    const EXAMPLE: &'static [u8] =
        br#"{"EventId":"1","Event":"chatsession.created","PrimaryKey":7,"Timestamp":"2024-01-01T00:00:00Z"}"#;
    const ENVELOPE: EnvelopePaths = EnvelopePaths {
        event_id: &[&["EventId"]],
        chat_id: &[&["PrimaryKey"]],
        occurred_at: &[&["Timestamp"]],
    };
    const DELIVERY_TIME: bool = true;

    type Event = Event;

    fn parse(prepared: &Prepared<'_>) -> Result<Event, Error> {
        parse_prepared(prepared)
    }

    /// `PrimaryKey` is the chat only for a `chatsession` entity (`Entity`, or the event's
    /// name): for `contact.created` it is the contact.
    fn envelope(name: &str, raw: &RawValue) -> Hoisted {
        let (mut hoisted, entity) = Hoisted::read_with(raw, &Self::ENVELOPE, &[&["Entity"]]);
        let chat_session = match entity[0] {
            Some(entity) => entity.eq_ignore_ascii_case("\"chatsession\""),
            None => name
                .get(.."chatsession.".len())
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case("chatsession.")),
        };
        if !chat_session {
            hoisted.chat_id = None;
        }
        hoisted
    }

    fn is_registration_test(event: &Event) -> bool {
        matches!(event, Event::Test(_))
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
    parse_prepared(&crate::detect::prepare(
        body,
        crate::detect::Until::Vendor(Vendor::SuperOffice),
    ))
}

fn parse_prepared(prepared: &Prepared<'_>) -> Result<Event, Error> {
    let name = prepared.discriminator(VENDOR, "Event")?;
    dispatch(prepared, &name, &name)
}
