//! Resolves who wrote an Inbenta HyperChat message with a per-chat participants book.
//!
//! HyperChat's `messages:new` names its sender by id only, so the common event's author has
//! role `Unknown`. The chat's earlier events said who is who: `chats:create` names the customer
//! and `invitations:accept` the agent. A service keeps one `Participants` book per chat, stored
//! as JSON next to the chat (here a map stands in for the database), and runs every event of
//! the chat through it.
//!
//! ```sh
//! cargo run --example participants
//! ```

use std::collections::HashMap;

use chat_webhooks::{inbenta, Participants, Role, ToChatEvent};

/// What HyperChat posts for one chat, in order: created, queued, an agent accepts and joins,
/// then two messages that name their sender by id only.
const DELIVERIES: [&str; 6] = [
    r#"{"trigger":"chats:create","appId":"hQ7cW2mZp","data":{"chatId":"c7Rk2mXq9Lw","userId":"u4Tn8bYe1Hs"},"created_at":1741686137}"#,
    r#"{"trigger":"queues:update","appId":"hQ7cW2mZp","data":{"chatId":"c7Rk2mXq9Lw","userId":"u4Tn8bYe1Hs","data":{"queuePosition":1}},"created_at":1741686141}"#,
    r#"{"trigger":"invitations:accept","appId":"hQ7cW2mZp","data":{"chatId":"c7Rk2mXq9Lw","userId":"a9Fz3kWp6Qd"},"created_at":1741686148}"#,
    r#"{"trigger":"chats:join","appId":"hQ7cW2mZp","data":{"chatId":"c7Rk2mXq9Lw","userId":"a9Fz3kWp6Qd"},"created_at":1741686149}"#,
    r#"{"trigger":"messages:new","appId":"hQ7cW2mZp","data":{"message":{"id":"m1","chat":"c7Rk2mXq9Lw","sender":"u4Tn8bYe1Hs","type":"text","message":"Where is order 48213?"}},"created_at":1741686160}"#,
    r#"{"trigger":"messages:new","appId":"hQ7cW2mZp","data":{"message":{"id":"m2","chat":"c7Rk2mXq9Lw","sender":"a9Fz3kWp6Qd","type":"text","message":"It left our warehouse yesterday."}},"created_at":1741686189}"#,
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // chat id -> the chat's book, as the JSON a service would keep in a column.
    let mut books: HashMap<String, String> = HashMap::new();
    let mut authors = Vec::new();

    for body in DELIVERIES {
        let mut event = inbenta::parse(body.as_bytes())?.into_chat_event();
        let Some(chat_id) = event.chat_id.clone() else {
            continue;
        };
        let mut book: Participants = match books.get(&chat_id) {
            Some(json) => serde_json::from_str(json)?,
            None => Participants::new(),
        };
        book.observe(&mut event); // learn from the event, then fill in what it leaves out
        books.insert(chat_id, serde_json::to_string(&book)?);

        if let Some(message) = &event.message {
            let author = &message.author;
            println!(
                "{} {}: {} says {:?}",
                event.kind,
                event
                    .message_key()
                    .map(|key| key.to_string())
                    .unwrap_or_default(),
                author.role,
                message.text.as_deref().unwrap_or_default(),
            );
            authors.push(author.role);
        } else {
            println!("{} ({})", event.kind, event.state);
        }
    }

    println!("book: {}", books["c7Rk2mXq9Lw"]);
    assert_eq!(authors, [Role::Customer, Role::Agent]);
    Ok(())
}
