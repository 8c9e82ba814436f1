//! Ebbot events in the common model.

use super::{ChatStatus, Content, Event, Message, Sender, UserInfo, Webhook};
use crate::lenient::{Id, Timestamp};
use crate::table::Envelope;
use crate::{
    Attachment, Author, ChatEvent, ChatEventKind, ChatMessage, ChatState, Role, ToChatEvent, Vendor,
};

/// The mapping:
///
/// | topic | kind | notes |
/// |---|---|---|
/// | `chat.create` | `ChatStarted` | `chat_id` from `data.id`, `status`, `participant` the user |
/// | `chat.update` | `ChatUpdated`, or `ChatClosed` when the status is closed | `chat_id` from `chat.id`, `status` |
/// | `chat.data.update` | `ChatUpdated` | `chat_id` from `data.id` |
/// | `chat.user.update` | `UserUpdated` | `participant`: the user, as `Customer` |
/// | `chat.user.message`, `chat.bot.message`, `chat.agent.message`, `chat.system.message`, `chat.message` | `MessageCreated` | `message` from `data`, `chat_id` from `data.chatId` |
/// | `chat.scenario.run` | `BotFlowRun` | `chat_id` from `data.chatId` |
/// | `chat.status.change` | `ChatUpdated`, or `ChatClosed` when the status is closed | `chat_id` from `data.id`, `status` |
/// | `chat.close` | `ChatClosed` | `transcript`: the conversation in array order |
/// | others | `Other` | `chat_id` from `data.chatId` or `chat.id` when sent |
///
/// A status is closed when [`ChatStatus::is_closed`] says so (`closed` or `ended`). Where a
/// status is sent, `status` keeps it and `state` is its meaning: `ongoing` is
/// [`ChatState::Open`], a closed status [`ChatState::Closed`], any other value `Unknown`.
///
/// `chat.close`'s transcript messages carry their `id` and `sent_at` (from each entry's `id`
/// and `timestamp`), so [`ChatEvent::key_of`] gives each the same key as the message topic
/// that delivered it: `ebbot:<chat id>:<message id>`.
///
/// Always: `event_name` the topic, `event_id` from `requestId` (or `context.request_id`: the
/// request inside Ebbot that caused the event, which several events can share; the
/// receiver's `dedup_key` does not rely on it), `occurred_at` from `timestamp`.
///
/// A message's author has the role of its `sender` (`user` is [`Role::Customer`]; an unknown
/// sender is [`Role::Unknown`]), its name from `full_name` when sent, and no id, which Ebbot
/// does not send; its text is [`Content::text`] (a `button_click`'s label too), its
/// `content_type` the message `type`, and `image` and `file` messages carry their file as an
/// attachment: `url` when sent (an uploaded image's `key` is a storage key, not a URL, so it
/// is not one), name from `filename` (else `label`), and content type the file's `mimetype`,
/// else `image` or `file`. The chat client's own types (`action`, `url_click`,
/// `update_conversation_info`, `web_init`, `refresh_messages`) are messages with no text.
impl ToChatEvent for Event {
    fn to_chat_event(&self) -> ChatEvent {
        match self {
            Event::ChatCreate(w) => {
                let mut event = envelope(w, ChatEventKind::ChatStarted);
                if let Some(data) = &w.data {
                    set_status(&mut event, data.status.as_ref());
                    event.participant = data.user.as_ref().map(customer);
                }
                event
            }
            Event::ChatUpdate(w) => {
                let status = w.chat.as_ref().and_then(|chat| chat.status.as_ref());
                let mut event = ChatEvent::from_envelope(Vendor::Ebbot, &**w, status_kind(status));
                set_status(&mut event, status);
                event
            }
            Event::ChatDataUpdate(w) => envelope(w, ChatEventKind::ChatUpdated),
            Event::ChatUserUpdate(w) => {
                let mut event = envelope(w, ChatEventKind::UserUpdated);
                if let Some(data) = &w.data {
                    event.participant = data.user.as_ref().map(customer);
                }
                event
            }
            Event::ChatUserMessage(w)
            | Event::ChatBotMessage(w)
            | Event::ChatAgentMessage(w)
            | Event::ChatSystemMessage(w)
            | Event::ChatMessage(w) => {
                let mut event = envelope(w, ChatEventKind::MessageCreated);
                if let Some(message) = &w.data {
                    event.message = Some(chat_message(message));
                }
                event
            }
            Event::ChatScenarioRun(w) => envelope(w, ChatEventKind::BotFlowRun),
            Event::ChatStatusChange(w) => {
                let status = w.data.as_ref().and_then(|data| data.status.as_ref());
                let mut event = envelope(w, status_kind(status));
                set_status(&mut event, status);
                event
            }
            Event::ChatClose(w) => {
                let mut event = envelope(w, ChatEventKind::ChatClosed);
                if let Some(data) = &w.data {
                    event.transcript = data.conversation.iter().map(chat_message).collect();
                }
                event
            }
            Event::Unknown(unknown) => unknown.to_chat_event(),
        }
    }
}

fn id(id: Option<&Id>) -> Option<String> {
    id.map(|id| id.as_str().to_owned())
}

/// `status` as sent, and `state` its meaning where Ebbot's values say one.
fn set_status(event: &mut ChatEvent, status: Option<&ChatStatus>) {
    let Some(status) = status else {
        return;
    };
    event.status = Some(status.to_name());
    event.state = if status.is_closed() {
        ChatState::Closed
    } else if *status == ChatStatus::Ongoing {
        ChatState::Open
    } else {
        ChatState::Unknown
    };
}

fn status_kind(status: Option<&ChatStatus>) -> ChatEventKind {
    if status.is_some_and(ChatStatus::is_closed) {
        ChatEventKind::ChatClosed
    } else {
        ChatEventKind::ChatUpdated
    }
}

fn envelope<D>(w: &Webhook<D>, kind: ChatEventKind) -> ChatEvent
where
    Webhook<D>: Envelope,
{
    ChatEvent::from_envelope(Vendor::Ebbot, w, kind)
}

fn customer(user: &UserInfo) -> Author {
    let mut author = Author::new(Role::Customer);
    author.id = id(user.id.as_ref());
    author.name = user.full_name();
    author
}

fn role(sender: Option<&Sender>) -> Role {
    match sender {
        Some(Sender::User) => Role::Customer,
        Some(Sender::Bot) => Role::Bot,
        Some(Sender::Agent) => Role::Agent,
        Some(Sender::System) => Role::System,
        Some(Sender::Unknown(_)) | None => Role::Unknown,
    }
}

/// A message's author, id, content type and time: everything but its text and attachments.
fn message_head(message: &Message) -> ChatMessage {
    let mut author = Author::new(role(message.sender.as_ref()));
    author.name = message.full_name.clone().filter(|name| !name.is_empty());
    let mut out = ChatMessage::new(author);
    out.id = id(message.id.as_ref());
    out.content_type = match message.content.documented_type_name() {
        Some(name) => Some(name.into()),
        None => message
            .content
            .type_name()
            .map(|name| name.to_owned().into()),
    };
    out.sent_at = message.timestamp.as_ref().map(Timestamp::as_datetime);
    out
}

fn chat_message(message: &Message) -> ChatMessage {
    let mut out = message_head(message);
    out.text = message.content.text().map(str::to_owned);
    let file = match &message.content {
        Content::Image(file) => Some((file, "image")),
        Content::File(file) => Some((file, "file")),
        _ => None,
    };
    if let Some((file, kind)) = file {
        let mut attachment = Attachment::new(file.url.clone());
        attachment.name = file.filename.clone().or_else(|| file.label.clone());
        attachment.content_type = Some(file.mimetype.clone().unwrap_or_else(|| kind.to_owned()));
        out.attachments.push(attachment);
    }
    out
}
