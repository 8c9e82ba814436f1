//! Inbenta HyperChat events in the common model.

use super::{
    Event, Media, Message, MessageContent, MessageNewEvent, MessageSender, SkinnyData, Webhook,
    SYSTEM_USER,
};
use crate::table::Envelope;
use chrono::{DateTime, Utc};

use crate::lenient::Id;
use crate::{
    Attachment, Author, ChatEvent, ChatEventKind, ChatMessage, ChatState, Role, ToChatEvent, Vendor,
};

/// The mapping:
///
/// | trigger | kind | notes |
/// |---|---|---|
/// | `chats:create` | `ChatStarted` | `participant`: the user who created the chat, its customer (role `Customer`); `state` `Open` |
/// | `chats:join` | `ParticipantJoined` | |
/// | `chats:leave` | `ParticipantLeft` | |
/// | `chats:close` | `ChatClosed` | `participant`: who closed it; role `System` for `"system"`; `state` `Closed`; `close_reason` from `extraData.reason` (`inactivity`) |
/// | `chats:assign` | `AssignmentRequested` | the available agents are in the vendor event |
/// | `forever:alone` | `NoAgentAvailable` | |
/// | `invitations:accept` | `InvitationAccepted` | `participant`: the agent (role `Agent`); `state` `Assigned` |
/// | `messages:new` | `MessageCreated` | `message`: see below |
/// | `messages:read` | `MessageRead` | `message` is `None`: the data carries none |
/// | `queues:update` | `QueuePositionChanged` | `queue_position` from `data.queuePosition`; `participant`: the waiting user (role `Customer`); `state` `Queued` |
/// | `system:info` | `SystemNotice` | the ticket id (`data.data.ticketId`) is in the vendor event |
/// | `users:activity` | `TypingStarted` / `TypingStopped` / `Other` | `writing` / `not-writing` or `stop-writing` / any other type (such as leaving the chat for a while) |
/// | `invitations:new` | `AssignmentRequested` | `participant`: the invited agent (role `Agent`) |
/// | `chats:toinbox` | `ChatUpdated` | the chat moved to another room's inbox |
/// | `agents:login`, `agents:logout` | `Other` | agent presence, not a chat event; `participant` role `Agent` |
/// | `invitations:reject` | `Other` | no common meaning: the chat goes on looking for an agent |
/// | `rooms:join`, `rooms:leave` | `Other` | a room is a group of agents (a department), not a chat |
/// | `users:signup` | `Other` | a user record was created; the data holds no profile to update |
/// | unknown triggers | `Other` | `chat_id` and `occurred_at` when the envelope has them |
///
/// Always: `event_name` from `trigger`, `occurred_at` from `created_at`, `event_id` `None`
/// (HyperChat sends no delivery id), `chat_id` from `data.chatId` (`data.message.chat` for
/// `messages:new`), and `participant` from `data.userId` where there is one, with role
/// `System` for the literal `"system"` and `Unknown` where the trigger does not say who it is.
///
/// `status` is always `None` (HyperChat sends no status); `state` is set only by the four
/// triggers that imply one (above) and is [`ChatState::Unknown`] for every other.
///
/// `messages:new` gives a [`ChatMessage`] with `id` from `message.id` when sent, `author`
/// from `message.sender` (its id: the id itself, or the `id` of a sender object, whose `name`,
/// else `nickname`, is the author's name; role `System` for `"system"`, else `Unknown`: the
/// data does not say whether the sender is an agent or the customer; a
/// [`People`](crate::People) directory fed with the chat's earlier events resolves it),
/// `text` for text content, verbatim (an agent's text may be HTML), one attachment (`url`
/// relative to the API root as sent, see [`media_url`](super::media_url); `name`; `type`, a
/// MIME type) for media content, `content_type` from `message.type`, and `sent_at` from
/// `created_at`. Its [`message_key`](ChatEvent::message_key) is
/// `inbenta:<chat>:<id>` when the message has an id. HyperChat sends no edits.
impl ToChatEvent for Event {
    fn to_chat_event(&self) -> ChatEvent {
        use ChatEventKind as K;
        match self {
            // The user who creates a chat is its customer, as `queues:update` says of them.
            Event::ChatsCreate(w) => {
                with_state(skinny(w, K::ChatStarted, Role::Customer), ChatState::Open)
            }
            Event::ChatsJoin(w) => skinny(w, K::ParticipantJoined, Role::Unknown),
            Event::ChatsLeave(w) => skinny(w, K::ParticipantLeft, Role::Unknown),
            Event::ChatsClose(w) => {
                let mut event = envelope(w, K::ChatClosed);
                event.state = ChatState::Closed;
                if let Some(data) = &w.data {
                    event.participant = participant(&data.user_id, Role::Unknown);
                    event.close_reason = data.reason().map(|reason| reason.as_str().to_owned());
                }
                event
            }
            Event::ChatsAssign(w) => {
                let mut event = envelope(w, K::AssignmentRequested);
                if let Some(data) = &w.data {
                    event.participant = participant(&data.user_id, Role::Unknown);
                }
                event
            }
            Event::ForeverAlone(w) => skinny(w, K::NoAgentAvailable, Role::Unknown),
            Event::InvitationsAccept(w) => with_state(
                skinny(w, K::InvitationAccepted, Role::Agent),
                ChatState::Assigned,
            ),
            Event::MessagesNew(w) => message_new(w),
            Event::MessagesRead(w) => skinny(w, K::MessageRead, Role::Unknown),
            Event::QueuesUpdate(w) => {
                let mut event = envelope(w, K::QueuePositionChanged);
                event.state = ChatState::Queued;
                if let Some(data) = &w.data {
                    event.participant = participant(&data.user_id, Role::Customer);
                    event.queue_position = data
                        .queue_position()
                        .and_then(|position| u64::try_from(position).ok());
                }
                event
            }
            Event::SystemInfo(w) => {
                let mut event = envelope(w, K::SystemNotice);
                if let Some(data) = &w.data {
                    event.participant = participant(&data.user_id, Role::Unknown);
                }
                event
            }
            Event::UsersActivity(w) => {
                let kind = match w.data.as_ref().and_then(|data| data.activity.as_ref()) {
                    Some(activity) if activity.is_typing() => K::TypingStarted,
                    Some(activity) if activity.stopped_typing() => K::TypingStopped,
                    _ => K::Other,
                };
                let mut event = envelope(w, kind);
                if let Some(data) = &w.data {
                    event.participant = participant(&data.user_id, Role::Unknown);
                }
                event
            }
            Event::AgentsLogin(w) | Event::AgentsLogout(w) => skinny(w, K::Other, Role::Agent),
            Event::ChatsToInbox(w) => skinny(w, K::ChatUpdated, Role::Unknown),
            Event::InvitationsNew(w) => skinny(w, K::AssignmentRequested, Role::Agent),
            Event::InvitationsReject(w) => skinny(w, K::Other, Role::Agent),
            Event::RoomsJoin(w) | Event::RoomsLeave(w) | Event::UsersSignup(w) => {
                skinny(w, K::Other, Role::Unknown)
            }
            Event::Unknown(unknown) => unknown.to_chat_event(),
        }
    }
}

fn envelope<D>(w: &Webhook<D>, kind: ChatEventKind) -> ChatEvent
where
    Webhook<D>: Envelope,
{
    ChatEvent::from_envelope(Vendor::Inbenta, w, kind)
}

/// An event whose data is [`SkinnyData`]; `role` is the user's role unless they are `"system"`.
fn skinny(w: &Webhook<SkinnyData>, kind: ChatEventKind, role: Role) -> ChatEvent {
    let mut event = envelope(w, kind);
    if let Some(data) = &w.data {
        event.participant = participant(&data.user_id, role);
    }
    event
}

fn with_state(mut event: ChatEvent, state: ChatState) -> ChatEvent {
    event.state = state;
    event
}

fn id_text(id: &Option<Id>) -> Option<String> {
    id.as_ref().map(|id| id.as_str().to_owned())
}

/// The author for a user id: `System` for `"system"`, else `role`.
fn author(id: &Id, role: Role) -> Author {
    let id = id.as_str();
    let mut author = Author::new(if id == SYSTEM_USER {
        Role::System
    } else {
        role
    });
    author.id = Some(id.to_owned());
    author
}

fn participant(id: &Option<Id>, role: Role) -> Option<Author> {
    id.as_ref().map(|id| author(id, role))
}

fn message_new(w: &MessageNewEvent) -> ChatEvent {
    let mut event = envelope(w, ChatEventKind::MessageCreated);
    if let Some(message) = w.data.as_ref().and_then(|data| data.message.as_ref()) {
        event.message = Some(chat_message(message, w));
    }
    event
}

/// A message's author, id, content type and time: everything but its content.
fn message_head(message: &Message, sent_at: Option<DateTime<Utc>>) -> ChatMessage {
    let mut author = match message.sender.as_ref().and_then(MessageSender::id) {
        Some(sender) => author(sender, Role::Unknown),
        None => Author::new(Role::Unknown),
    };
    author.name = message
        .sender
        .as_ref()
        .and_then(MessageSender::name)
        .map(str::to_owned);
    let mut out = ChatMessage::new(author);
    out.id = id_text(&message.id);
    out.content_type = message.message_type.as_ref().map(|t| t.to_name());
    out.sent_at = sent_at;
    out
}

fn chat_message(message: &Message, w: &MessageNewEvent) -> ChatMessage {
    let mut out = message_head(message, w.created_at.as_ref().map(|t| t.as_datetime()));
    match &message.message {
        Some(MessageContent::Text(text)) => out.text = Some(text.clone()),
        Some(MessageContent::Media(media)) => out.attachments.push(attachment(media)),
        Some(MessageContent::Other(_)) | None => {}
    }
    out
}

fn attachment(media: &Media) -> Attachment {
    let mut attachment = Attachment::new(media.url.clone());
    attachment.name = media.name.clone();
    attachment.content_type = media.media_type.clone();
    attachment
}
