//! [`Webhook`]: the envelope every SuperOffice webhook shares (its `WebhookPayload`).

use chrono::{DateTime, Utc};

use super::ChatSessionData;
use crate::lenient::{Id, Timestamp};
use crate::open_object::Members;
use crate::table::Envelope;

open_object! {
    /// A SuperOffice webhook (`WebhookPayload`): the envelope shared by every event, with
    /// `FieldValues` typed by `P`.
    ///
    /// Only `Event` is required; every other member may be absent or `null` (the state events
    /// omit `Entity`, the `.message` and `.changed` chat examples omit `FieldValues`). Members
    /// are written back in the order SuperOffice sends them, then any other top-level member,
    /// as sent.
    pub struct Webhook<P = Members>("a SuperOffice webhook (an object)") {
        /// Unique id of this event (a GUID); a failed delivery is retried later with a new
        /// one. Written as `null` when `None`: with `Event`, it is how
        /// [`parse_event`](crate::parse_event) recognises SuperOffice.
        event_id: String = "EventId" (always),
        /// When the event occurred (UTC).
        timestamp: Timestamp = "Timestamp",
        /// Names of the fields that changed (`chatMessage.id`, `contact_id`, ...); empty when
        /// absent or `null`.
        changes: Vec<String> = "Changes" (list),
        /// The record's values as they were, on `.deleted` events (of any entity: ordinary
        /// ones such as `associate.deleted` and custom tables alike); `{}` when SuperOffice
        /// sends it empty. Kept as sent.
        values: Members = "Values",
        /// The event name (`chatsession.created`).
        event: String = "Event" (required),
        /// Id of the affected record: the chat session id for chat events.
        primary_key: Id = "PrimaryKey",
        /// Kind of the affected record (`chatsession`, `contact`, `test`).
        entity: Entity = "Entity",
        /// Customer id of an Online tenant (`Cust1234`); `Default` on-site.
        context_identifier: String = "ContextIdentifier",
        /// Id of the associate whose change fired the event.
        changed_by_associate_id: Id = "ChangedByAssociateId",
        /// Name given to the webhook when it was registered.
        webhook_name: String = "WebhookName",
        /// Non-sensitive values from the affected record.
        field_values: P = "FieldValues",
    }
}

impl<P> Webhook<P> {
    /// A webhook of the event named `event`, with every other member absent.
    pub fn new(event: impl Into<String>) -> Self {
        Webhook {
            event_id: None,
            timestamp: None,
            changes: Vec::new(),
            values: None,
            event: event.into(),
            primary_key: None,
            entity: None,
            context_identifier: None,
            changed_by_associate_id: None,
            webhook_name: None,
            field_values: None,
            other: Members::new(),
        }
    }
}

/// What a `FieldValues` type says about the record: whether it is a chat session.
pub(crate) trait FieldValues {
    /// Whether the record is a chat session, whose `PrimaryKey` is the chat's id.
    const CHAT_SESSION: bool = false;
}

impl FieldValues for ChatSessionData {
    const CHAT_SESSION: bool = true;
}

impl FieldValues for Members {}

impl FieldValues for crate::RawJson {}

impl FieldValues for super::WebhookStateData {}

impl<P: FieldValues> Envelope for Webhook<P> {
    fn event_name(&self) -> &str {
        &self.event
    }

    fn event_id(&self) -> Option<&str> {
        self.event_id.as_deref()
    }

    fn chat_id(&self) -> Option<&str> {
        let chat = P::CHAT_SESSION || self.entity == Some(Entity::ChatSession);
        self.primary_key.as_ref().filter(|_| chat).map(Id::as_str)
    }

    fn occurred_at(&self) -> Option<DateTime<Utc>> {
        self.timestamp.as_ref().map(Timestamp::as_datetime)
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
