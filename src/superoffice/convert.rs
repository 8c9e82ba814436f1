//! SuperOffice events in the common model.

use super::{Event, Webhook};
use crate::table::Envelope;
use crate::{ChatEvent, ChatEventKind, ToChatEvent, Vendor};

/// The mapping:
///
/// | event | kind | notes |
/// |---|---|---|
/// | `chatsession.created` | `ChatStarted` | |
/// | `chatsession.message` | `MessageCreated` | `message` is `None`: the payload carries no message |
/// | `chatsession.changed` | `ChatUpdated` | `status` from `FieldValues.Status` (also for the other chat-session events) |
/// | `test`, `webhook.*`, others | `Other` | |
///
/// Always: `event_id` from `EventId`, `occurred_at` from `Timestamp`; `chat_id` from
/// `PrimaryKey` for chat-session events (also unknown ones, by `Entity`).
///
/// `state` is always [`ChatState::Unknown`](crate::ChatState::Unknown): `FieldValues.Status` is
/// a number whose values SuperOffice does not document (its `ChatSessionStatus` enum page lists
/// none), so the crate keeps it in `status` as sent and does not guess its meaning.
/// `chatsession.message` carries no message, so it has no
/// [`message_key`](ChatEvent::message_key) either.
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
            Event::Unknown(unknown) => unknown.to_chat_event(),
        }
    }

    /// The same as [`to_chat_event`](ToChatEvent::to_chat_event), moving the event name and
    /// id out of a chat-session event instead of copying them.
    fn into_chat_event(self) -> ChatEvent {
        let (n, kind) = match self {
            Event::ChatSessionCreated(n) => (n, ChatEventKind::ChatStarted),
            Event::ChatSessionMessage(n) => (n, ChatEventKind::MessageCreated),
            Event::ChatSessionChanged(n) => (n, ChatEventKind::ChatUpdated),
            other => return other.to_chat_event(),
        };
        let mut n = *n;
        let name = std::mem::take(&mut n.event);
        let id = n.event_id.take();
        let mut event = chat(&n, kind);
        event.event_name = Some(name);
        event.event_id = id;
        event
    }
}

fn envelope<F>(n: &Webhook<F>, kind: ChatEventKind) -> ChatEvent
where
    Webhook<F>: Envelope,
{
    ChatEvent::from_envelope(Vendor::SuperOffice, n, kind)
}

fn chat(n: &Webhook<super::ChatSessionData>, kind: ChatEventKind) -> ChatEvent {
    let mut event = envelope(n, kind);
    event.status = n
        .field_values
        .as_ref()
        .and_then(|fields| fields.status)
        .map(|status| status.to_string());
    event
}
