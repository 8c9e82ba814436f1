//! Chatwoot events in the common model.

use super::{
    Contact, ContactEvent, Conversation, ConversationEvent, ConversationStatus, Event, Message,
    MessageEvent, MessageKind, Sender, SenderType, TypingEvent, Webhook, WebwidgetTriggeredEvent,
};
use crate::lenient::Id;
use crate::{
    Attachment, Author, ChatEvent, ChatEventKind, ChatMessage, ChatState, Role, ToChatEvent, Vendor,
};

/// The mapping:
///
/// | event | kind | notes |
/// |---|---|---|
/// | `message_created` | `MessageCreated`; `SystemNotice` for an `activity` message | `message`: see below |
/// | `message_updated` | `MessageUpdated`; `SystemNotice` for an `activity` message | the same [`message_key`](ChatEvent::message_key) as the message's creation; `occurred_at` is `None` (the body does not say when it changed) |
/// | `conversation_created` | `ChatStarted` | `participant`: the contact (`meta.sender`, role `Customer`) |
/// | `conversation_status_changed`, `conversation_resolved`, `conversation_opened` | `ChatUpdated` | |
/// | `conversation_updated` | `ChatUpdated` | what changed is in the vendor event's `changed_attributes` |
/// | any of the conversation events above, when `status` is `resolved` | `ChatClosed` | a closed state is always a closed chat |
/// | `webwidget_triggered` | `Other` | a visitor opened the widget: `participant` is the contact (role `Customer`); `chat_id` is their current conversation's, if any |
/// | `contact_created`, `contact_updated` | `UserUpdated` | `participant`: the contact (role `Customer`); `chat_id` is `None` |
/// | `inbox_created`, `inbox_updated` | `Other` | an inbox is a channel, not a chat |
/// | `conversation_typing_on` | `TypingStarted` | `participant`: the `user` typing, role by its `type` (below) |
/// | `conversation_typing_off` | `TypingStopped` | the same |
/// | unknown events | `Other` | `chat_id` when the body has a `conversation` |
///
/// Always: `event_name` from `event`; `event_id` `None` (the delivery id is the
/// `X-Chatwoot-Delivery` header, not in the body); `chat_id` is `"{inbox_id}:{display_id}"`,
/// the same for every event of one conversation (see the [module docs](super));
/// `occurred_at` as [`Event::occurred_at`] says.
///
/// `status` and `state` come from the conversation events only, from the conversation's
/// `status`: `open` → [`ChatState::Open`], `resolved` → `Closed`, `pending` → `Open` (a
/// pending conversation is one an agent bot is handling, and `Open` is the state of a chat
/// going on with a bot; agents see it once the bot hands it over), `snoozed` → `Snoozed`,
/// any other value → `Unknown`. Message and typing events leave them unset, even though their
/// conversation has a status: the state of a chat is what its conversation events say.
///
/// A message gives a [`ChatMessage`] with `id` from `id`, `text` from `content`,
/// `content_type` from `content_type`, `sent_at` from `created_at`, `private` from `private`
/// (an internal note the contact does not see), and one attachment per `attachments` entry
/// (`url` from `data_url`, `content_type` from `file_type`; Chatwoot sends no file name). Its
/// author, by `message_type`:
///
/// | `message_type` | author |
/// |---|---|
/// | `incoming` (`0`) | the contact, role `Customer` (the oldest shape's `contact`, else `sender`) |
/// | `outgoing` (`1`), `template` (`3`) | the `sender` by its `type`: `user` → `Agent`, `agent_bot` → `Bot`; a sender without `type` is the 2020 shape's agent → `Agent`; no sender (an automation) → `Unknown` |
/// | `activity` (`2`) | no one: role `System`, no id or name; the event's kind is `SystemNotice` |
/// | absent or unknown | the `sender` by its `type` (none: a contact → `Customer`) |
///
/// Authors' ids are Chatwoot's: contacts, users and agent bots are numbered separately, so
/// tell them apart by role as well as by id.
impl ToChatEvent for Event {
    fn to_chat_event(&self) -> ChatEvent {
        use ChatEventKind as K;
        match self {
            Event::MessageCreated(w) => message_event(w, K::MessageCreated),
            Event::MessageUpdated(w) => message_event(w, K::MessageUpdated),
            Event::ConversationCreated(w) => {
                let mut event = conversation_event(w, K::ChatStarted);
                event.participant = w
                    .meta
                    .as_ref()
                    .and_then(|meta| meta.sender.as_ref())
                    .map(contact_author);
                event
            }
            Event::ConversationStatusChanged(w) | Event::ConversationUpdated(w) => {
                conversation_event(w, K::ChatUpdated)
            }
            Event::WebwidgetTriggered(w) => webwidget_event(w),
            Event::ContactCreated(w) | Event::ContactUpdated(w) => contact_event(w),
            Event::InboxCreated(w) | Event::InboxUpdated(w) => envelope(w, K::Other),
            Event::ConversationTypingOn(w) => typing_event(w, K::TypingStarted),
            Event::ConversationTypingOff(w) => typing_event(w, K::TypingStopped),
            Event::Unknown(unknown) => unknown.to_chat_event(),
        }
    }
}

/// The event's name, chat and time.
fn envelope<P: super::envelope::Payload>(w: &Webhook<P>, kind: ChatEventKind) -> ChatEvent {
    ChatEvent::from_envelope(Vendor::Chatwoot, w, kind)
}

fn id_text(id: Option<&Id>) -> Option<String> {
    id.map(|id| id.as_str().to_owned())
}

/// The common state of a conversation's `status`.
fn state(status: &ConversationStatus) -> ChatState {
    match status {
        ConversationStatus::Open | ConversationStatus::Pending => ChatState::Open,
        ConversationStatus::Resolved => ChatState::Closed,
        ConversationStatus::Snoozed => ChatState::Snoozed,
        _ => ChatState::Unknown,
    }
}

/// A conversation event of `kind`, or `ChatClosed` when the conversation is resolved.
fn conversation_event(w: &ConversationEvent, kind: ChatEventKind) -> ChatEvent {
    let kind = match w.status {
        Some(ConversationStatus::Resolved) => ChatEventKind::ChatClosed,
        _ => kind,
    };
    let mut event = envelope(w, kind);
    set_status(&mut event, w.payload());
    event
}

fn set_status(event: &mut ChatEvent, conversation: &Conversation) {
    if let Some(status) = &conversation.status {
        event.status = Some(status.to_name());
        event.state = state(status);
    }
}

/// An author of `role` with the sender's id and name.
fn author(sender: &Sender, role: Role) -> Author {
    let mut author = Author::new(role);
    author.id = id_text(sender.id.as_ref());
    author.name.clone_from(&sender.name);
    author
}

/// The role a sender's `type` says.
fn role_of(sender: &Sender) -> Role {
    match sender.kind() {
        SenderType::Contact => Role::Customer,
        SenderType::User => Role::Agent,
        SenderType::AgentBot => Role::Bot,
        _ => Role::Unknown,
    }
}

fn contact_author(contact: &Contact) -> Author {
    let mut author = Author::new(Role::Customer);
    author.id = id_text(contact.id.as_ref());
    author.name.clone_from(&contact.name);
    author
}

/// Who wrote `message`, by its `message_type` (see the table above).
fn message_author(message: &Message) -> Author {
    let sender = message.sender.as_ref();
    match message.kind() {
        Some(MessageKind::Activity) => Author::new(Role::System),
        Some(MessageKind::Incoming) => match message.contact.as_ref().or(sender) {
            Some(contact) => author(contact, Role::Customer),
            None => Author::new(Role::Customer),
        },
        Some(MessageKind::Outgoing | MessageKind::Template) => match sender {
            // Without `type`, the 2020 shape's agent: a contact never sends outgoing messages.
            Some(sender) if sender.sender_type.is_none() => author(sender, Role::Agent),
            Some(sender) => author(sender, role_of(sender)),
            None => Author::new(Role::Unknown),
        },
        _ => match sender {
            Some(sender) => author(sender, role_of(sender)),
            None => Author::new(Role::Unknown),
        },
    }
}

fn chat_message(message: &Message) -> ChatMessage {
    let mut out = ChatMessage::new(message_author(message));
    out.id = id_text(message.id.as_ref());
    out.text.clone_from(&message.content);
    out.content_type = message
        .content_type
        .as_ref()
        .map(|content_type| content_type.to_name());
    out.sent_at = message.created_at.as_ref().map(|at| at.as_datetime());
    out.private = message.is_private();
    out.attachments = message
        .attachments
        .iter()
        .flatten()
        .map(|file| {
            let mut attachment = Attachment::new(file.data_url.clone());
            attachment.content_type = file.file_type.as_ref().map(|t| t.as_str().to_owned());
            attachment
        })
        .collect();
    out
}

fn message_event(w: &MessageEvent, kind: ChatEventKind) -> ChatEvent {
    let kind = match w.kind() {
        Some(MessageKind::Activity) => ChatEventKind::SystemNotice,
        _ => kind,
    };
    let mut event = envelope(w, kind);
    event.message = Some(chat_message(w.payload()));
    event
}

fn webwidget_event(w: &WebwidgetTriggeredEvent) -> ChatEvent {
    let mut event = envelope(w, ChatEventKind::Other);
    event.participant = w.contact.as_ref().map(contact_author);
    event
}

fn contact_event(w: &ContactEvent) -> ChatEvent {
    let mut event = envelope(w, ChatEventKind::UserUpdated);
    event.participant = Some(contact_author(w.payload()));
    event
}

fn typing_event(w: &TypingEvent, kind: ChatEventKind) -> ChatEvent {
    let mut event = envelope(w, kind);
    event.participant = w.user.as_ref().map(|user| author(user, role_of(user)));
    event
}
