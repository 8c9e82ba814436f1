//! Strict hand-written baseline for the parse benchmark.
//!
//! For each vendor, the plain owned `#[derive(Deserialize)]` structs a user would write by
//! hand, parsed with `serde_json::from_slice`: what `parse_event` is measured against. The
//! event is known up front from the fixture's file name, so there is no detection and no
//! dispatch on the body; the structs are deliberately not tolerant (no trailing commas, no
//! ids in either form unless the examples send both, required members where every example
//! has them).

#![allow(dead_code)]

pub mod channel_talk;
pub mod chatwoot;
pub mod ebbot;
pub mod inbenta;
pub mod superoffice;

use serde::de::DeserializeOwned;

fn parse_as<T: DeserializeOwned>(body: &[u8]) -> Result<(), serde_json::Error> {
    serde_json::from_slice::<T>(body).map(|v| {
        std::hint::black_box(v);
    })
}

/// Parses `body`, the fixture at `path` (relative to `fixtures/`, such as
/// `ebbot/docs/chat.close.json`) of the vendor folder `dir`, into the baseline struct for the
/// event its file stem names.
///
/// Event names a vendor does not document parse into that vendor's generic envelope. Ebbot's
/// `messages/` fixtures are named after the message type (`carousel.json`), not the topic:
/// they are all message topics and parse as [`ebbot::MessageEvent`].
///
/// # Panics
///
/// If `dir` is not one of `superoffice`, `ebbot`, `channel_talk`, `inbenta`, `chatwoot`.
pub fn parse(dir: &str, path: &str, body: &[u8]) -> Result<(), serde_json::Error> {
    let file = path.rsplit('/').next().unwrap_or(path);
    let event = file.strip_suffix(".json").unwrap_or(file);
    match dir {
        "superoffice" => superoffice(event, body),
        "ebbot" if path.starts_with("ebbot/messages/") => parse_as::<ebbot::MessageEvent>(body),
        "ebbot" => ebbot(event, body),
        "channel_talk" => channel_talk(event, body),
        "inbenta" => inbenta(event, body),
        "chatwoot" => chatwoot(event, body),
        _ => panic!("no baseline for vendor folder `{dir}`"),
    }
}

fn superoffice(event: &str, body: &[u8]) -> Result<(), serde_json::Error> {
    use superoffice::*;
    match event {
        "chatsession.created" | "chatsession.message" | "chatsession.changed" => {
            parse_as::<ChatSessionEvent>(body)
        }
        "webhook.started" | "webhook.stopped" | "webhook.errors" => {
            parse_as::<WebhookStateEvent>(body)
        }
        // `test` carries no `FieldValues`; any other event is not a chat event.
        _ => parse_as::<GenericEvent>(body),
    }
}

fn ebbot(event: &str, body: &[u8]) -> Result<(), serde_json::Error> {
    use ebbot::*;
    match event {
        "chat.create" => parse_as::<ChatCreateEvent>(body),
        "chat.update" => parse_as::<ChatUpdateEvent>(body),
        "chat.data.update" => parse_as::<ChatDataUpdateEvent>(body),
        "chat.user.update" => parse_as::<ChatUserUpdateEvent>(body),
        "chat.user.message"
        | "chat.bot.message"
        | "chat.agent.message"
        | "chat.system.message"
        | "chat.message" => parse_as::<MessageEvent>(body),
        "chat.scenario.run" => parse_as::<ScenarioRunEvent>(body),
        "chat.status.change" => parse_as::<StatusChangeEvent>(body),
        "chat.close" => parse_as::<ChatCloseEvent>(body),
        _ => parse_as::<GenericEvent>(body),
    }
}

fn channel_talk(event: &str, body: &[u8]) -> Result<(), serde_json::Error> {
    use channel_talk::*;
    // `<type>.<event>`: the entity type picks the struct, whatever the action.
    match event.split('.').next().unwrap_or(event) {
        "message" => parse_as::<MessageEvent>(body),
        "userChat" => parse_as::<UserChatEvent>(body),
        "user" => parse_as::<UserEvent>(body),
        _ => parse_as::<GenericEvent>(body),
    }
}

fn chatwoot(event: &str, body: &[u8]) -> Result<(), serde_json::Error> {
    use chatwoot::*;
    match event {
        "message_created" | "message_updated" => parse_as::<MessageEvent>(body),
        "conversation_created"
        | "conversation_status_changed"
        | "conversation_resolved"
        | "conversation_opened"
        | "conversation_updated" => parse_as::<ConversationEvent>(body),
        "contact_created" | "contact_updated" => parse_as::<ContactEvent>(body),
        "inbox_created" | "inbox_updated" => parse_as::<InboxEvent>(body),
        "webwidget_triggered" => parse_as::<WebwidgetEvent>(body),
        "conversation_typing_on" | "conversation_typing_off" => parse_as::<TypingEvent>(body),
        _ => parse_as::<GenericEvent>(body),
    }
}

fn inbenta(event: &str, body: &[u8]) -> Result<(), serde_json::Error> {
    use inbenta::*;
    match event {
        "chats.create" | "chats.join" | "chats.leave" | "chats.close" | "chats.toinbox"
        | "forever.alone" | "invitations.accept" | "invitations.new" | "invitations.reject"
        | "messages.read" | "system.info" | "agents.login" | "agents.logout" | "rooms.join"
        | "rooms.leave" | "users.signup" => parse_as::<SkinnyEvent>(body),
        "chats.assign" => parse_as::<ChatAssignEvent>(body),
        "messages.new" => parse_as::<MessageNewEvent>(body),
        "queues.update" => parse_as::<QueueUpdateEvent>(body),
        "users.activity" => parse_as::<UserActivityEvent>(body),
        _ => parse_as::<GenericEvent>(body),
    }
}
