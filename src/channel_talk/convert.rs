//! Channel Talk events in the common model.

use super::{
    ChatCategory, Event, Message, MessageEvent, MessageOption, PersonType, Refers, UserChatEvent,
    UserChatState, UserEvent,
};
use crate::lenient::Id;
use crate::{
    Attachment, Author, ChatEvent, ChatEventKind, ChatKind, ChatMessage, ChatState,
    MessageReaction, Role, ToChatEvent, Vendor,
};

/// The mapping:
///
/// | event | kind | notes |
/// |---|---|---|
/// | `message.push`, `.create`, `.upsert` | `MessageCreated`; `SystemNotice` for a chat-log notice (below) | `chat_id` from `chatId` (a user chat's or a group's), else `refers.userChat.id`; `message` from the entity |
/// | `message.update` | `MessageUpdated` | an edit of the message or a reaction to it: `message` as it is now, `occurred_at` is `updatedAt` |
/// | `userChat.push`, `.create`, `.upsert` | `ChatStarted` | `ChatClosed` when `state` is `closed` |
/// | `userChat.update` | `ChatUpdated` | `ChatClosed` when `state` is `closed` |
/// | `user.update` | `UserUpdated` | `participant` is the user (role `Customer`); `chat_id` is `None` |
/// | any other pair ([`Event::Unknown`]) | `Other` | `chat_id` from `entity.chatId`, else `refers.userChat.id` |
///
/// Always: `event_name` is `"<type>.<event>"`; `event_id` is `None`, because Channel sends no
/// delivery id (an entity's `id` and `version` identify a revision, not a delivery).
/// `occurred_at` is the entity's `updatedAt` for `update` events and for users, its
/// `createdAt` otherwise. `status` is a user chat's `state`, and `state` its meaning
/// (`opened` → [`ChatState::Open`], `queued` → `Queued`, `snoozed` → `Snoozed`, `closed` →
/// `Closed`, anything else `Unknown`); message and user events have state `Unknown`.
///
/// The four deliveries of one message (`push`, `create`, `upsert`, `update`) have one
/// [`message_key`](ChatEvent::message_key): `channel_talk:<chatId>:<id>`.
///
/// For a message: the author's role from `personType`, in any letter case (`user` and `veil`
/// → `Customer`, `manager` → `Agent`, `bot` → `Bot`, other → `Unknown`), id from `personId`,
/// and name from the manager, bot, user or veil in `refers` whose `id` is the `personId`;
/// `text` from [`Message::text`] (`plainText`, else the text of the `blocks`, else the older
/// generation's `message`); `sent_at` from `createdAt`; `attachments`
/// from the `files` that have a name (Channel sends no file URL) and the `webPage` link.
/// `content_type` is `None`: Channel has no such notion. `version` is the message's
/// `version` and `updated_at` its `updatedAt`, so that of two deliveries of one message the
/// later revision is told; `reactions` are its `reactions` (emoji name and person keys), apart
/// from its text, so that an update that changes only them is a reaction, not an edit;
/// `private` is whether its `options` hold `private` (visible to managers only).
///
/// `chat_kind` is [`ChatKind::Team`] for a message in a team chat (`chatType` `group`),
/// [`ChatKind::Customer`] for one in a user chat (`userChat`) and for every `userChat` event,
/// and `Unknown` otherwise.
///
/// A chat-log notice (a message with `log`, whose `plainText` is the bare action word:
/// `closed`, `opened`, `assigned`) is not someone speaking: a new one is `SystemNotice` (an
/// update of one stays `MessageUpdated`), its `message` is by [`Role::System`] (no id or name)
/// with `content_type` `log` and the action word as text, and `participant` is the person
/// whose action it records (role, id and name as for an author). The log itself
/// (`log.action`, `log.values`) is in the vendor event.
impl ToChatEvent for Event {
    fn to_chat_event(&self) -> ChatEvent {
        use ChatEventKind as K;
        match self {
            Event::MessagePush(hook) | Event::MessageCreate(hook) | Event::MessageUpsert(hook) => {
                message_event(hook, K::MessageCreated)
            }
            Event::MessageUpdate(hook) => message_event(hook, K::MessageUpdated),
            Event::UserChatPush(hook)
            | Event::UserChatCreate(hook)
            | Event::UserChatUpsert(hook) => user_chat_event(hook, K::ChatStarted),
            Event::UserChatUpdate(hook) => user_chat_event(hook, K::ChatUpdated),
            Event::UserUpdate(hook) => user_event(hook),
            Event::Unknown(unknown) => unknown.to_chat_event(),
        }
    }
}

fn message_event(hook: &MessageEvent, kind: ChatEventKind) -> ChatEvent {
    let mut event = message_envelope(hook, kind);
    if let Some(message) = &hook.entity {
        event.participant = log_person(message, hook.refers.as_ref());
        event.message = Some(chat_message(message, hook.refers.as_ref()));
    }
    event
}

/// For a chat-log notice, the person whose action it records (`personType`, `personId`, the
/// name from `refers`); `None` for any other message.
fn log_person(message: &Message, refers: Option<&Refers>) -> Option<Author> {
    if !message.is_log() {
        return None;
    }
    let mut person = Author::new(role(message.person_type.as_deref()));
    person.id = message.person_id.as_ref().map(text);
    person.name = author_name(message, refers);
    Some(person)
}

/// A message event without its message: kind (a new chat-log notice is
/// [`SystemNotice`](ChatEventKind::SystemNotice)), name, chat (`chatId`, else
/// `refers.userChat.id`) and time (`updatedAt` for an update, else `createdAt`).
fn message_envelope(hook: &MessageEvent, kind: ChatEventKind) -> ChatEvent {
    let log = hook.entity.as_ref().is_some_and(Message::is_log);
    // A chat-log notice is the platform noting what happened, not someone speaking.
    let kind = match kind {
        ChatEventKind::MessageCreated if log => ChatEventKind::SystemNotice,
        kind => kind,
    };
    let mut event = ChatEvent::from_envelope(Vendor::ChannelTalk, hook, kind);
    event.chat_kind = match hook.entity.as_ref().and_then(|m| m.chat_type.as_ref()) {
        Some(ChatCategory::Group) => ChatKind::Team,
        Some(ChatCategory::UserChat) => ChatKind::Customer,
        _ => ChatKind::Unknown,
    };
    event
}

/// The author's role from `personType`.
fn role(person_type: Option<&PersonType>) -> Role {
    match person_type {
        Some(PersonType::User | PersonType::Veil) => Role::Customer,
        Some(PersonType::Manager) => Role::Agent,
        Some(PersonType::Bot) => Role::Bot,
        _ => Role::Unknown,
    }
}

/// A message's author and the fields every message copies (ids and time), with no name.
fn message_head(message: &Message) -> ChatMessage {
    // A chat-log notice is written by the platform: the person who acted is the participant.
    if message.is_log() {
        let mut out = ChatMessage::new(Author::new(Role::System));
        out.id = message.id.as_ref().map(text);
        out.sent_at = message.created_at.as_ref().map(|t| t.as_datetime());
        out.content_type = Some("log".into());
        return out;
    }
    let mut author = Author::new(role(message.person_type.as_deref()));
    author.id = message.person_id.as_ref().map(text);
    let mut out = ChatMessage::new(author);
    out.id = message.id.as_ref().map(text);
    out.sent_at = message.created_at.as_ref().map(|t| t.as_datetime());
    out.updated_at = message.updated_at.as_ref().map(|t| t.as_datetime());
    out.version = message.version;
    out.private = message
        .options
        .iter()
        .flatten()
        .any(|option| *option == MessageOption::Private);
    for reaction in message.reactions.iter().flatten() {
        if let Some(emoji) = &reaction.emoji_name {
            let mut common = MessageReaction::new(emoji.clone());
            common.people = reaction.person_keys.clone().unwrap_or_default();
            out.reactions.push(common);
        }
    }
    out
}

fn chat_message(message: &Message, refers: Option<&Refers>) -> ChatMessage {
    let mut out = message_head(message);
    if !message.is_log() {
        out.author.name = author_name(message, refers);
    }
    out.text = message.text();
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

/// The author's name: that of the person in `refers` of the author's type whose `id` is the
/// `personId`.
fn author_name(message: &Message, refers: Option<&Refers>) -> Option<String> {
    let person_id = message.person_id.as_ref()?;
    let refers = refers?;
    let (id, name) = match message.person_type.as_deref()? {
        PersonType::Manager => refers.manager.as_ref().map(|m| (&m.id, &m.name)),
        PersonType::Bot => refers.bot.as_ref().map(|b| (&b.id, &b.name)),
        PersonType::User => refers.user.as_ref().map(|u| (&u.id, &u.name)),
        PersonType::Veil => refers.veil.as_ref().map(|v| (&v.id, &v.name)),
        _ => None,
    }?;
    match id {
        Some(id) if id == person_id => name.clone(),
        _ => None,
    }
}

fn user_chat_event(hook: &UserChatEvent, kind: ChatEventKind) -> ChatEvent {
    let chat = hook.entity.as_ref();
    let closed = chat.and_then(|c| c.state.as_ref()) == Some(&UserChatState::Closed);
    let kind = if closed {
        ChatEventKind::ChatClosed
    } else {
        kind
    };
    let mut event = ChatEvent::from_envelope(Vendor::ChannelTalk, hook, kind);
    event.chat_kind = ChatKind::Customer;
    if let Some(chat) = chat {
        event.status = chat.state.as_ref().map(|s| s.to_name());
        event.state = chat.state.as_ref().map_or(ChatState::Unknown, state);
    }
    event
}

fn user_event(hook: &UserEvent) -> ChatEvent {
    let mut event = ChatEvent::from_envelope(Vendor::ChannelTalk, hook, ChatEventKind::UserUpdated);
    if let Some(user) = &hook.entity {
        let mut participant = Author::new(Role::Customer);
        participant.id = user.id.as_ref().map(text);
        participant.name = user.name.clone();
        event.participant = Some(participant);
    }
    event
}

/// The documented meaning of a user chat's `state`.
fn state(state: &UserChatState) -> ChatState {
    match state {
        UserChatState::Opened => ChatState::Open,
        UserChatState::Queued => ChatState::Queued,
        UserChatState::Snoozed => ChatState::Snoozed,
        UserChatState::Closed => ChatState::Closed,
        _ => ChatState::Unknown,
    }
}

/// An id as an owned string, without going through `Display`.
fn text(id: &Id) -> String {
    id.as_str().to_owned()
}
