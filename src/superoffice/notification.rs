//! [`Notification`]: the envelope every SuperOffice webhook shares.

use serde::{Deserialize, Serialize};

use crate::lenient::{Id, Timestamp};

/// `FieldValues` of an entity this crate has no type for: the members as sent.
pub type FieldMap = serde_json::Map<String, serde_json::Value>;

/// A SuperOffice webhook notification (`WebhookPayload`): the envelope shared by every event,
/// with `FieldValues` typed by `F`.
///
/// Only `Event` is required; every other member may be absent or `null` (the state events omit
/// `Entity`, the `.message` and `.changed` chat examples omit `FieldValues`). Members are
/// written back in the order SuperOffice sends them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Notification<F = FieldMap> {
    /// Unique id of this event (a GUID); a failed delivery is retried later with a new one.
    /// Written as `null` when `None`: with `Event`, it is how
    /// [`parse_event`](crate::parse_event) recognises SuperOffice.
    #[serde(rename = "EventId", default)]
    pub event_id: Option<String>,
    /// When the event occurred (UTC).
    #[serde(rename = "Timestamp", default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Names of the fields that changed (`chatMessage.id`, `contact_id`, ...).
    #[serde(
        rename = "Changes",
        default,
        deserialize_with = "crate::lenient::array"
    )]
    pub changes: Vec<String>,
    /// The event name (`chatsession.created`).
    #[serde(rename = "Event")]
    pub event: String,
    /// Id of the affected record: the chat session id for chat events.
    #[serde(
        rename = "PrimaryKey",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub primary_key: Option<Id>,
    /// Kind of the affected record (`chatsession`, `contact`, `test`).
    #[serde(rename = "Entity", default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<Entity>,
    /// Customer id of an Online tenant (`Cust1234`); `Default` on-site.
    #[serde(
        rename = "ContextIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub context_identifier: Option<String>,
    /// Id of the associate whose change fired the event.
    #[serde(
        rename = "ChangedByAssociateId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub changed_by_associate_id: Option<Id>,
    /// Name given to the webhook when it was registered.
    #[serde(
        rename = "WebhookName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub webhook_name: Option<String>,
    /// Non-sensitive values from the affected record.
    #[serde(
        rename = "FieldValues",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_values: Option<F>,
}

impl<F> Notification<F> {
    /// A notification of the event named `event`, with every other member absent.
    pub fn new(event: impl Into<String>) -> Self {
        Notification {
            event_id: None,
            timestamp: None,
            changes: Vec::new(),
            event: event.into(),
            primary_key: None,
            entity: None,
            context_identifier: None,
            changed_by_associate_id: None,
            webhook_name: None,
            field_values: None,
        }
    }
}

open_enum! {
    /// The kind of record a SuperOffice event is about (`Entity`).
    ///
    /// To check for a value that has no variant here, use [`as_str`](Self::as_str).
    pub enum Entity {
        /// A follow-up (appointment, task).
        Activity = "activity",
        /// A user of SuperOffice.
        Associate = "associate",
        /// A chat session.
        ChatSession = "chatsession",
        /// A company.
        Contact = "contact",
        /// A document.
        Document = "document",
        /// A person at a company.
        Person = "person",
        /// A project.
        Project = "project",
        /// A member of a project.
        ProjectMember = "projectmember",
        /// A quote.
        Quote = "quote",
        /// A relation between companies or persons.
        Relation = "relation",
        /// A sale.
        Sale = "sale",
        /// A stakeholder in a sale.
        SaleStakeholder = "salestakeholder",
        /// The registration test event.
        Test = "test",
        /// A service ticket (request).
        Ticket = "ticket",
    }
}
