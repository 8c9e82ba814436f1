//! [`ChatMessage`], [`Author`] and [`Role`]: who said what.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A message in a chat, in vendor-neutral terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChatMessage {
    /// The vendor's id for the message.
    pub id: Option<String>,
    /// Who sent it.
    pub author: Author,
    /// The text of the message, when it has text: never made up from non-text content.
    pub text: Option<String>,
    /// The vendor's name for the kind of content (`text`, `url`, `media`, ...): borrowed when
    /// the vendor documents it, owned otherwise.
    pub content_type: Option<Cow<'static, str>>,
    /// When it was sent.
    pub sent_at: Option<DateTime<Utc>>,
    /// Files, images and links attached to it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// An internal note that the customer does not see (Chatwoot `private`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    /// The message's revision, where the vendor numbers them (Channel Talk `version`): a higher
    /// one is a later state of the same message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// When the message last changed (an edit, or a reaction where the vendor does not tell
    /// them apart), by the vendor's clock (Channel Talk `updatedAt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Emoji reactions to the message as they are now, apart from its text (Channel Talk
    /// `reactions`): a change here with the same text is a reaction, not an edit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reactions: Vec<MessageReaction>,
}

impl ChatMessage {
    /// A message by `author` with nothing else known yet.
    pub fn new(author: Author) -> Self {
        ChatMessage {
            id: None,
            author,
            text: None,
            content_type: None,
            sent_at: None,
            attachments: Vec::new(),
            private: false,
            version: None,
            updated_at: None,
            reactions: Vec::new(),
        }
    }

    /// Whether `other` is the same message as this one with only its reactions (or its
    /// revision and change time) different: a reaction rather than an edit.
    ///
    /// ```
    /// use chat_webhooks::{Author, ChatMessage, MessageReaction, Role};
    ///
    /// let mut before = ChatMessage::new(Author::new(Role::Customer));
    /// before.text = Some("Thanks!".into());
    /// let mut after = before.clone();
    /// after.reactions.push(MessageReaction::new("heart"));
    /// assert!(before.differs_only_in_reactions(&after));
    /// after.text = Some("Thanks a lot!".into());
    /// assert!(!before.differs_only_in_reactions(&after));
    /// ```
    pub fn differs_only_in_reactions(&self, other: &ChatMessage) -> bool {
        self.id == other.id
            && self.author == other.author
            && self.text == other.text
            && self.content_type == other.content_type
            && self.sent_at == other.sent_at
            && self.attachments == other.attachments
            && self.private == other.private
    }
}

/// An emoji reaction to a message, and who reacted with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageReaction {
    /// The emoji, as the vendor names it (`thumbsup`, `white_check_mark`).
    pub emoji: String,
    /// Who reacted, as the vendor identifies them (Channel Talk person keys: `manager-<id>`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
}

impl MessageReaction {
    /// A reaction with `emoji`, by no one known yet.
    pub fn new(emoji: impl Into<String>) -> Self {
        MessageReaction {
            emoji: emoji.into(),
            people: Vec::new(),
        }
    }
}

/// A file, image or link attached to a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attachment {
    /// Where the content is.
    pub url: Option<String>,
    /// Its file name or title.
    pub name: Option<String>,
    /// Its media type or the vendor's kind for it (`image`, `file`, `image/png`).
    pub content_type: Option<String>,
}

impl Attachment {
    /// An attachment at `url`.
    pub fn new(url: Option<String>) -> Self {
        Attachment {
            url,
            name: None,
            content_type: None,
        }
    }
}

/// Who sent a message or is the subject of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Author {
    /// Their part in the chat.
    pub role: Role,
    /// The vendor's id for them.
    pub id: Option<String>,
    /// Their display name.
    pub name: Option<String>,
}

impl Author {
    /// Someone in `role`, with no id or name known yet.
    pub fn new(role: Role) -> Self {
        Author {
            role,
            id: None,
            name: None,
        }
    }
}

/// A participant's part in a chat.
///
/// Serializes, displays and parses ([`as_str`](Self::as_str), `Display`, `FromStr`) in
/// snake_case: `customer`, `agent`, `bot`, `system`, `unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// The person the chat is with: a website visitor, user or customer.
    Customer,
    /// A human agent or manager.
    Agent,
    /// A chatbot.
    Bot,
    /// The platform itself.
    System,
    /// The vendor did not say, or said something this crate does not know.
    Unknown,
}

names! {
    enum Role: "role", exact, by_ref;
    Customer => "customer",
    Agent => "agent",
    Bot => "bot",
    System => "system",
    Unknown => "unknown",
}
