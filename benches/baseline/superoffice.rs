//! Strict hand-written baseline for the parse benchmark: SuperOffice webhooks.
//!
//! These are the plain owned `#[derive(Deserialize)]` structs a user would write by hand from
//! SuperOffice's documentation and example payloads, parsed with `serde_json::from_slice`.
//! They are deliberately not tolerant: members every example sends are required, ids are typed
//! as they arrive, there is no trailing-comma handling, no case-insensitive names and no
//! leniency beyond `Option` and the `alias` a user needs for the two key styles SuperOffice
//! actually sends. They exist only to measure `parse_event` against.

#![allow(dead_code)]

use serde::Deserialize;
use serde_json::Value;

/// The envelope every SuperOffice webhook shares (`WebhookPayload`), with `FieldValues`
/// typed by `F`.
#[derive(Debug, Deserialize)]
pub struct Notification<F> {
    #[serde(rename = "EventId")]
    pub event_id: String,
    #[serde(rename = "Timestamp")]
    pub timestamp: String,
    #[serde(rename = "Changes")]
    pub changes: Vec<String>,
    #[serde(rename = "Event")]
    pub event: String,
    #[serde(rename = "PrimaryKey")]
    pub primary_key: i64,
    /// Absent from the `webhook.*` events.
    #[serde(rename = "Entity")]
    pub entity: Option<String>,
    #[serde(rename = "ContextIdentifier")]
    pub context_identifier: String,
    #[serde(rename = "ChangedByAssociateId")]
    pub changed_by_associate_id: i64,
    #[serde(rename = "WebhookName")]
    pub webhook_name: String,
    /// Absent from the `test` event and the documented `.message` and `.changed` examples.
    #[serde(rename = "FieldValues")]
    pub field_values: Option<F>,
}

/// `FieldValues` of the `chatsession.*` events.
///
/// SuperOffice sends these keys in PascalCase in one example and camelCase in another, so each
/// field takes both. `ContactId`, `CustomerId` and `CustomerAlias` arrive both as strings and
/// as numbers, hence `Value`. Every member is optional: the variants built from SuperOffice's
/// other pages send a subset.
#[derive(Debug, Deserialize)]
pub struct ChatSessionFields {
    #[serde(rename = "AlertLevel", alias = "alertLevel")]
    pub alert_level: Option<i64>,
    #[serde(rename = "ChatbotIsactive", alias = "chatbotIsactive")]
    pub chatbot_isactive: Option<bool>,
    #[serde(rename = "Consented", alias = "consented")]
    pub consented: Option<bool>,
    #[serde(rename = "ContactId", alias = "contactId")]
    pub contact_id: Option<Value>,
    #[serde(rename = "CustomerAlias", alias = "customerAlias")]
    pub customer_alias: Option<Value>,
    #[serde(rename = "CustomerId", alias = "customerId")]
    pub customer_id: Option<Value>,
    #[serde(rename = "ProjectId", alias = "projectId")]
    pub project_id: Option<i64>,
    #[serde(rename = "Rating", alias = "rating")]
    pub rating: Option<i64>,
    #[serde(rename = "SaleId", alias = "saleId")]
    pub sale_id: Option<i64>,
    #[serde(rename = "Status", alias = "status")]
    pub status: Option<i64>,
    #[serde(rename = "TicketId", alias = "ticketId")]
    pub ticket_id: Option<i64>,
    #[serde(rename = "TopicId", alias = "topicId")]
    pub topic_id: Option<i64>,
    #[serde(rename = "UserId", alias = "userId")]
    pub user_id: Option<i64>,
}

/// `FieldValues` of `webhook.started`, `webhook.stopped` and `webhook.errors`.
#[derive(Debug, Deserialize)]
pub struct WebhookStateFields {
    pub events: i64,
    pub registered: String,
    pub registered_associate_id: i64,
    pub state: i64,
    pub updated: String,
    pub updated_associate_id: i64,
}

/// `chatsession.created`, `chatsession.message`, `chatsession.changed`.
pub type ChatSessionEvent = Notification<ChatSessionFields>;

/// `webhook.started`, `webhook.stopped`, `webhook.errors`.
pub type WebhookStateEvent = Notification<WebhookStateFields>;

/// `test`, and any event SuperOffice does not document for chat (`contact.created`, ...):
/// the envelope with `FieldValues` as sent.
pub type GenericEvent = Notification<Value>;
