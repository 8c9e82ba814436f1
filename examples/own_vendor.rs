//! A service that handles its own in-house chat payload in the same pipeline as the vendors.
//!
//! The in-house widget posts `AcmeWebhook` JSON on `/hooks/acme`; SuperOffice (and any other
//! supported vendor) posts on `/hooks/vendor`. Both become `ChatEvent`s through `ToChatEvent`,
//! and one handler deals with them.
//!
//! ```sh
//! cargo run --example own_vendor
//! ```

use chat_webhooks::{
    parse_event, Author, ChatEvent, ChatEventKind, ChatMessage, Role, ToChatEvent,
};
use serde::Deserialize;

/// The in-house widget's webhook.
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum AcmeWebhook {
    ConversationOpened {
        conversation: u64,
        at_ms: i64,
    },
    Message {
        conversation: u64,
        message_id: String,
        from: AcmeParticipant,
        body: String,
        at_ms: i64,
    },
    ConversationClosed {
        conversation: u64,
        at_ms: i64,
    },
}

#[derive(Debug, Deserialize)]
struct AcmeParticipant {
    id: String,
    display_name: Option<String>,
    staff: bool,
}

impl ToChatEvent for AcmeWebhook {
    fn to_chat_event(&self) -> ChatEvent {
        let (kind, conversation, at_ms) = match self {
            AcmeWebhook::ConversationOpened {
                conversation,
                at_ms,
            } => (ChatEventKind::ChatStarted, conversation, at_ms),
            AcmeWebhook::Message {
                conversation,
                at_ms,
                ..
            } => (ChatEventKind::MessageCreated, conversation, at_ms),
            AcmeWebhook::ConversationClosed {
                conversation,
                at_ms,
            } => (ChatEventKind::ChatClosed, conversation, at_ms),
        };
        let mut event = ChatEvent::custom("acme", kind);
        event.chat_id = Some(conversation.to_string());
        event.occurred_at = chrono::DateTime::from_timestamp_millis(*at_ms);
        if let AcmeWebhook::Message {
            message_id,
            from,
            body,
            at_ms,
            ..
        } = self
        {
            let mut author = Author::new(if from.staff {
                Role::Agent
            } else {
                Role::Customer
            });
            author.id = Some(from.id.clone());
            author.name = from.display_name.clone();
            let mut message = ChatMessage::new(author);
            message.id = Some(message_id.clone());
            message.text = Some(body.clone());
            message.content_type = Some("text".into());
            message.sent_at = chrono::DateTime::from_timestamp_millis(*at_ms);
            event.message = Some(message);
        }
        event
    }
}

/// Receives a body on a route and turns it into the common model.
fn receive(route: &str, body: &[u8]) -> Result<ChatEvent, Box<dyn std::error::Error>> {
    match route {
        "/hooks/acme" => Ok(serde_json::from_slice::<AcmeWebhook>(body)?.to_chat_event()),
        "/hooks/vendor" => Ok(parse_event(body)?.to_chat_event()),
        other => Err(format!("no route {other}").into()),
    }
}

/// The one handler every source ends up in.
fn handle(event: &ChatEvent) {
    let chat = event.chat_id.as_deref().unwrap_or("-");
    match (&event.kind, &event.message) {
        (ChatEventKind::MessageCreated, Some(message)) => println!(
            "[{}] chat {chat}: {:?} {} says {:?}",
            event.source(),
            message.author.role,
            message.author.id.as_deref().unwrap_or("someone"),
            message.text.as_deref().unwrap_or("(no text)")
        ),
        (kind, _) => println!("[{}] chat {chat}: {kind:?}", event.source()),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let deliveries: [(&str, &[u8]); 4] = [
        ("/hooks/acme", br#"{"kind": "conversation_opened", "conversation": 981, "at_ms": 1741686000000}"#),
        (
            "/hooks/acme",
            br#"{"kind": "message", "conversation": 981, "message_id": "m-1", "at_ms": 1741686004000,
                 "from": {"id": "visitor-17", "display_name": "Maria", "staff": false}, "body": "Hi, my order is late"}"#,
        ),
        ("/hooks/vendor", include_bytes!("../fixtures/superoffice/chatsession.created.json")),
        ("/hooks/vendor", include_bytes!("../fixtures/superoffice/chatsession.message.json")),
    ];
    for (route, body) in deliveries {
        let event = receive(route, body)?;
        handle(&event);
    }
    Ok(())
}
