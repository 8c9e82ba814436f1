//! SuperOffice events in the common model.

use super::{ChatSessionData, Event, Webhook};
use crate::lenient::{Id, Text};
use crate::table::Envelope;
use crate::{Author, ChatEvent, ChatEventKind, ChatState, Role, ToChatEvent, Vendor};

/// The mapping:
///
/// | event | kind | notes |
/// |---|---|---|
/// | `chatsession.created` | `ChatStarted` (`ChatClosed` for a closed `Status`) | `participant`: the customer |
/// | `chatsession.message` | `MessageCreated` | `message` is `None`: the payload carries no message; `participant`: who wrote last, when `Status` says (below) |
/// | `chatsession.changed` | `ChatUpdated`; `ChatClosed` when `Status` is a closed one | fired when `Status` changes (it is the new status); `participant`: the agent handling the chat, else the customer |
/// | `test`, `webhook.*`, others | `Other` | |
///
/// Always: `event_id` from `EventId`, `occurred_at` from `Timestamp`; `chat_id` from
/// `PrimaryKey` for chat-session events (also unknown ones, by `Entity`).
///
/// For the chat-session events, `status` is `FieldValues.Status` as sent (the number, `"7"`)
/// and `state` its meaning ([`ChatSessionStatus::chat_state`](super::ChatSessionStatus::chat_state):
/// `InQueue` is `Queued`; `CustomerLast`, `UserLast` and the steps before the chat
/// (`PreChatForm`, `Faq`, `OfflineForm`) are `Open`; `Finished`, `Deleted`, `Closed`,
/// `ClosedFromQueue` and `RequestPosted` are `Closed`; `Invalid` and unknown numbers are
/// `Unknown`).
///
/// People: the customer is [`Role::Customer`] with id `CustomerId` (a person id; none when it
/// is `0`, `-1` or absent: an anonymous visitor) and name `CustomerAlias`; the agent is
/// [`Role::Agent`] with id `UserId` (an associate id), present only when `UserId` is set and
/// not `0` (a bot or nobody has the chat). `chatsession.message` names who wrote last from
/// `Status`: the customer for `CustomerLast`, the agent for `UserLast`, nobody otherwise.
/// Person ids and associate ids are different numberings: the role says which one an id is.
///
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
}

fn envelope<F>(n: &Webhook<F>, kind: ChatEventKind) -> ChatEvent
where
    Webhook<F>: Envelope,
{
    ChatEvent::from_envelope(Vendor::SuperOffice, n, kind)
}

fn chat(n: &Webhook<ChatSessionData>, kind: ChatEventKind) -> ChatEvent {
    use super::ChatSessionStatus as S;
    let mut event = envelope(n, kind);
    let Some(fields) = n.field_values.as_ref() else {
        return event;
    };
    event.status = fields.status.map(|status| {
        itoa::Buffer::new()
            .format(status.as_i64())
            .to_owned()
            .into()
    });
    event.state = fields.status.map_or(ChatState::Unknown, S::chat_state);
    // A session that is created or changes into a closed status has ended.
    if event.state == ChatState::Closed && kind != ChatEventKind::MessageCreated {
        event.kind = ChatEventKind::ChatClosed;
    }
    event.participant = match kind {
        ChatEventKind::ChatStarted => Some(customer(fields)),
        ChatEventKind::ChatUpdated => agent(fields).or_else(|| Some(customer(fields))),
        _ => match fields.status {
            Some(S::CustomerLast) => Some(customer(fields)),
            Some(S::UserLast) => agent(fields),
            _ => None,
        },
    };
    event
}

/// A SuperOffice id that names someone: not `0`, not negative, not empty.
fn set(id: Option<&Id>) -> Option<String> {
    let id = id?;
    match id.as_i64() {
        Some(number) if number <= 0 => None,
        _ if id.as_str().is_empty() => None,
        _ => Some(id.as_str().to_owned()),
    }
}

/// The customer: `CustomerId` and `CustomerAlias`.
fn customer(fields: &ChatSessionData) -> Author {
    let mut author = Author::new(Role::Customer);
    author.id = set(fields.customer_id.as_ref());
    author.name = fields
        .customer_alias
        .as_ref()
        .map(Text::as_str)
        .filter(|alias| !alias.is_empty())
        .map(str::to_owned);
    author
}

/// The agent handling the chat, when `UserId` names one.
fn agent(fields: &ChatSessionData) -> Option<Author> {
    let mut author = Author::new(Role::Agent);
    author.id = Some(set(fields.user_id.as_ref())?);
    Some(author)
}
