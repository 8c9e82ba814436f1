//! Channel Talk events in the common model.

use super::{
    Event, EventAction, Message, MessageEvent, PersonType, Refers, UserChatEvent, UserChatState,
    UserEvent,
};
use crate::table::Envelope;
use crate::{Attachment, Author, ChatEvent, ChatEventKind, ChatMessage, Role, ToChatEvent, Vendor};

/// The mapping:
///
/// | event | kind | notes |
/// |---|---|---|
/// | `message.push`, `.create`, `.upsert`, `.update` | `MessageCreated` | `chat_id` from `chatId` (a user chat's or a group's), else `refers.userChat.id`; `message` from the entity; for `update` (possibly an edit), `occurred_at` is `updatedAt` |
/// | `message.<undocumented word>` | `Other` | `chat_id` and `message` are filled all the same |
/// | `userChat.push`, `.create`, `.upsert` | `ChatStarted` | `ChatClosed` when `state` is `closed` |
/// | `userChat.update` | `ChatUpdated` | `ChatClosed` when `state` is `closed` (how a chat closing is sent) |
/// | `userChat.<other word>` | `Other` | `ChatClosed` when `state` is `closed` |
/// | `user.<any event word>` | `UserUpdated` | `participant` is the user (role `Customer`); `chat_id` is `None` |
/// | any other `type` | `Other` | |
///
/// Always: `event_name` is `"<type>.<event>"`; `event_id` is `None`, because Channel sends no
/// delivery id (an entity's `id` and `version` identify a revision, not a delivery).
/// `occurred_at` is the entity's `updatedAt` for `update` events and for users, its
/// `createdAt` otherwise. `status` is a user chat's `state`.
///
/// For a message: the author's role from `personType`, in any letter case (`user` and `veil`
/// → `Customer`, `manager` → `Agent`, `bot` → `Bot`, other → `Unknown`), id from `personId`,
/// and name from the manager, bot, user or veil in `refers` whose `id` is the `personId`;
/// `text` from [`Message::text`] (`plainText`, else the text of the `blocks`, else the older
/// generation's `message`); `sent_at` from `createdAt`; `attachments`
/// from the `files` that have a name (Channel sends no file URL) and the `webPage` link.
/// `content_type` is `None`: Channel has no such notion.
impl ToChatEvent for Event {
    fn to_chat_event(&self) -> ChatEvent {
        match self {
            Event::Message(hook) => message_event(hook),
            Event::UserChat(hook) => user_chat_event(hook),
            Event::User(hook) => user_event(hook),
            Event::Unknown(unknown) => {
                let mut event = ChatEvent::new(Vendor::ChannelTalk, ChatEventKind::Other);
                event.event_name = Some(unknown.name().to_owned());
                event
            }
        }
    }
}

fn new_event(name: &str, kind: ChatEventKind) -> ChatEvent {
    let mut event = ChatEvent::new(Vendor::ChannelTalk, kind);
    event.event_name = Some(name.to_owned());
    event
}

fn message_event(hook: &MessageEvent) -> ChatEvent {
    let kind = match hook.action() {
        // The documented event words: `message.*` is a message. An `update` may be an edit of
        // an earlier message; `occurred_at` is then `updatedAt`.
        EventAction::Push | EventAction::Create | EventAction::Upsert | EventAction::Update => {
            ChatEventKind::MessageCreated
        }
        _ => ChatEventKind::Other,
    };
    let mut event = new_event(hook.event_name(), kind);
    event.chat_id = hook.chat_id().map(str::to_owned);
    event.occurred_at = hook.occurred_at();
    if let Some(message) = &hook.entity {
        event.message = Some(chat_message(message, hook.refers.as_ref()));
    }
    event
}

fn chat_message(message: &Message, refers: Option<&Refers>) -> ChatMessage {
    let person_type = message.person_type.as_deref();
    let role = match person_type {
        Some(PersonType::User | PersonType::Veil) => Role::Customer,
        Some(PersonType::Manager) => Role::Agent,
        Some(PersonType::Bot) => Role::Bot,
        _ => Role::Unknown,
    };
    let mut author = Author::new(role);
    author.id = message.person_id.as_ref().map(ToString::to_string);
    author.name = match (refers, &message.person_id, person_type) {
        (Some(refers), Some(person_id), Some(person_type)) => {
            let (id, name) = match person_type {
                PersonType::Manager => refers.manager.as_ref().map(|m| (&m.id, &m.name)),
                PersonType::Bot => refers.bot.as_ref().map(|b| (&b.id, &b.name)),
                PersonType::User => refers.user.as_ref().map(|u| (&u.id, &u.name)),
                PersonType::Veil => refers.veil.as_ref().map(|v| (&v.id, &v.name)),
                _ => None,
            }
            .unwrap_or((&None, &None));
            match id {
                Some(id) if id == person_id => name.clone(),
                _ => None,
            }
        }
        _ => None,
    };
    let mut out = ChatMessage::new(author);
    out.id = message.id.as_ref().map(ToString::to_string);
    out.text = message.text();
    out.sent_at = message.created_at.as_ref().map(|t| t.as_datetime());
    for file in message.files.iter().flatten() {
        if let Some(name) = &file.name {
            let mut attachment = Attachment::new(None);
            attachment.name = Some(name.clone());
            attachment.content_type = file.content_type.clone().or_else(|| file.kind.clone());
            out.attachments.push(attachment);
        }
    }
    if let Some(page) = &message.web_page {
        if page.url.is_some() {
            let mut attachment = Attachment::new(page.url.clone());
            attachment.name = page.title.clone();
            out.attachments.push(attachment);
        }
    }
    out
}

fn user_chat_event(hook: &UserChatEvent) -> ChatEvent {
    let chat = hook.entity.as_ref();
    let closed = chat.and_then(|c| c.state.as_ref()) == Some(&UserChatState::Closed);
    let kind = match hook.action() {
        _ if closed => ChatEventKind::ChatClosed,
        EventAction::Push | EventAction::Create | EventAction::Upsert => ChatEventKind::ChatStarted,
        EventAction::Update => ChatEventKind::ChatUpdated,
        _ => ChatEventKind::Other,
    };
    let mut event = new_event(hook.event_name(), kind);
    event.chat_id = hook.chat_id().map(str::to_owned);
    event.occurred_at = hook.occurred_at();
    if let Some(chat) = chat {
        event.status = chat.state.as_ref().map(|s| s.as_str().to_owned());
    }
    event
}

fn user_event(hook: &UserEvent) -> ChatEvent {
    let mut event = new_event(hook.event_name(), ChatEventKind::UserUpdated);
    if let Some(user) = &hook.entity {
        let mut participant = Author::new(Role::Customer);
        participant.id = user.id.as_ref().map(ToString::to_string);
        participant.name = user.name.clone();
        event.participant = Some(participant);
    }
    event.occurred_at = hook.occurred_at();
    event
}
