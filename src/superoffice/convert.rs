//! SuperOffice events in the common model.

use super::{Entity, Event, Webhook};
use crate::{ChatEvent, ChatEventKind, ToChatEvent, Vendor};

/// The mapping:
///
/// | event | kind | notes |
/// |---|---|---|
/// | `chatsession.created` | `ChatStarted` | |
/// | `chatsession.message` | `MessageCreated` | `message` is `None`: the payload carries no message |
/// | `chatsession.changed` | `ChatUpdated` | `status` from `FieldValues.Status` |
/// | `test`, `webhook.*`, others | `Other` | |
///
/// Always: `event_id` from `EventId`, `occurred_at` from `Timestamp`; `chat_id` from
/// `PrimaryKey` for chat-session events (also unknown ones, by `Entity`).
impl ToChatEvent for Event {
    fn to_chat_event(&self) -> ChatEvent {
        match self {
            Event::ChatSessionCreated(n) => chat(n, ChatEventKind::ChatStarted),
            Event::ChatSessionMessage(n) => chat(n, ChatEventKind::MessageCreated),
            Event::ChatSessionChanged(n) => chat(n, ChatEventKind::ChatUpdated),
            Event::Test(n) => envelope(n, ChatEventKind::Other),
            Event::WebhookStarted(n) | Event::WebhookStopped(n) | Event::WebhookErrors(n) => {
                envelope(n, ChatEventKind::Other)
            }
            Event::Unknown(unknown) => {
                match unknown.deserialize::<Webhook<Box<serde_json::value::RawValue>>>() {
                    Ok(n) => {
                        let mut event = envelope(&n, ChatEventKind::Other);
                        if n.entity == Some(Entity::ChatSession) {
                            event.chat_id = n.primary_key.as_ref().map(ToString::to_string);
                        }
                        event
                    }
                    Err(_) => {
                        let mut event = ChatEvent::new(Vendor::SuperOffice, ChatEventKind::Other);
                        event.event_name = Some(unknown.name().to_owned());
                        event
                    }
                }
            }
        }
    }
}

fn envelope<F>(n: &Webhook<F>, kind: ChatEventKind) -> ChatEvent {
    let mut event = ChatEvent::new(Vendor::SuperOffice, kind);
    event.event_name = Some(n.event.clone());
    event.event_id = n.event_id.clone();
    event.occurred_at = n.timestamp.as_ref().map(|t| t.as_datetime());
    event
}

fn chat(n: &Webhook<super::ChatSessionData>, kind: ChatEventKind) -> ChatEvent {
    let mut event = envelope(n, kind);
    event.chat_id = n.primary_key.as_ref().map(ToString::to_string);
    event.status = n
        .field_values
        .as_ref()
        .and_then(|fields| fields.status)
        .map(|status| status.to_string());
    event
}
