//! [`Message`], its [`MessageType`] (a name or a number) and its [`Attachment`]s.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use super::accounts::{Account, Inbox};
use super::conversations::Conversation;
use super::users::Sender;
use crate::lenient::{Id, Timestamp};
use crate::open_object::{Found, Members, Path, Walk};

open_object! {
    /// A message: the payload of `message_created` and `message_updated` (the message's
    /// webhook data), and each entry of a conversation's `messages` (its push data).
    ///
    /// The two shapes differ: the webhook data has `sender`, `inbox {id, name}`, `account
    /// {id, name}` and the whole `conversation`, with `message_type` a name and `created_at`
    /// an ISO 8601 string; the push data has `account_id`, `inbox_id`, `conversation_id` (the
    /// display id), `sender_type`, `sender_id`, `status` and `updated_at`, with
    /// `message_type` a number and `created_at` epoch seconds. The oldest shape (2020) had the
    /// agent in `sender` and the customer in `contact`. Every member is optional here.
    pub struct Message("a Chatwoot message (an object)") {
        /// The message's id, unique within the installation.
        id: Id = "id",
        /// The text (for an e-mail, its plain-text part).
        content: String = "content",
        /// The kind of content: `text`, `input_select`, `cards`, `form`, ... (`content_type`).
        content_type: ContentType = "content_type",
        /// The content's structured parts (`items`, `submitted_values`, `in_reply_to`,
        /// `deleted`, ...), as sent.
        content_attributes: Members = "content_attributes",
        /// Incoming, outgoing, activity or template: a name, or its number in push data.
        message_type: MessageType = "message_type",
        /// Whether the message is a private note, which the contact does not see.
        private: bool = "private",
        /// The message's id in the channel it came through (an e-mail's Message-ID, ...).
        source_id: String = "source_id",
        /// When the message was created: ISO 8601, or epoch seconds in push data.
        created_at: Timestamp = "created_at",
        /// When the message was last updated (push data).
        updated_at: Timestamp = "updated_at",
        /// Channel-specific attributes (an e-mail's `cc`, ...), as sent.
        additional_attributes: Members = "additional_attributes",
        /// Who sent it: a contact, a user or an agent bot. Absent for messages Chatwoot sends
        /// itself (activity messages, automations).
        sender: Sender = "sender",
        /// The contact of the conversation, in the oldest shape (where `sender` was the agent).
        contact: Sender = "contact",
        /// The inbox the message belongs to: `{id, name}`.
        inbox: Inbox = "inbox",
        /// The conversation the message belongs to (its push data; in a conversation's own
        /// `messages`, a short summary; in the oldest shape, `{display_id, additional_attributes}`).
        /// At most [`MAX_NESTING`] conversations deep (Chatwoot sends two).
        conversation: Box<Conversation> = "conversation" (with = nested),
        /// The account: `{id, name}`.
        account: Account = "account",
        /// The files attached (sent only when there are some).
        attachments: Vec<Attachment> = "attachments",
        /// The account's id (push data).
        account_id: Id = "account_id",
        /// The inbox's id (push data).
        inbox_id: Id = "inbox_id",
        /// The conversation's display id (push data).
        conversation_id: Id = "conversation_id",
        /// `sent`, `delivered`, `read` or `failed` (push data).
        status: MessageStatus = "status",
        /// `Contact`, `User` or `AgentBot` (push data).
        sender_type: String = "sender_type",
        /// The sender's id (push data).
        sender_id: Id = "sender_id",
    }
}

/// How many conversations deep a message's `conversation` may be read: a message's
/// conversation holds its last message, which holds a summary of the conversation, so Chatwoot
/// sends two. A deeper body is an error, not a recursion as deep as the body asks for.
pub const MAX_NESTING: usize = 8;

/// Reads a message's `conversation`, counting how deep conversations are nested on this thread.
mod nested {
    use std::cell::Cell;

    use serde::de::{Deserialize, Deserializer, Error};
    use serde::ser::{Serialize, Serializer};

    use super::{Conversation, MAX_NESTING};

    thread_local! {
        static DEPTH: Cell<usize> = const { Cell::new(0) };
    }

    /// Leaves one level when dropped, on success, error or unwinding alike.
    struct Level;

    impl Drop for Level {
        fn drop(&mut self) {
            DEPTH.with(|depth| depth.set(depth.get().saturating_sub(1)));
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Box<Conversation>, D::Error> {
        let entered = DEPTH.with(|depth| {
            let next = depth.get() + 1;
            depth.set(next);
            next
        });
        let _level = Level;
        if entered > MAX_NESTING {
            return Err(D::Error::custom(format_args!(
                "conversations nested more than {MAX_NESTING} deep"
            )));
        }
        <Box<Conversation>>::deserialize(deserializer)
    }

    pub(super) fn serialize<S: Serializer>(
        conversation: &Conversation,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        conversation.serialize(serializer)
    }
}

impl Message {
    /// What kind of message this is, whichever form `message_type` was sent in.
    pub fn kind(&self) -> Option<MessageKind> {
        self.message_type.as_ref().map(MessageType::kind)
    }

    /// Whether this is a private note (`private: true`).
    pub fn is_private(&self) -> bool {
        self.private == Some(true)
    }
}

open_enum! {
    /// Who a message is from, by its `message_type`.
    pub enum MessageKind {
        /// From the contact (number `0`).
        Incoming = "incoming",
        /// From an agent or a bot (number `1`).
        Outgoing = "outgoing",
        /// A notice from Chatwoot itself, such as "Conversation was resolved by John" (number
        /// `2`).
        Activity = "activity",
        /// A template (a message with structured content, such as a WhatsApp template) sent to
        /// the contact (number `3`).
        Template = "template",
    }
}

impl MessageKind {
    /// The kind for Chatwoot's number: `0` to `3`; any other number is kept as its text.
    pub fn from_number(number: i64) -> MessageKind {
        match number {
            0 => MessageKind::Incoming,
            1 => MessageKind::Outgoing,
            2 => MessageKind::Activity,
            3 => MessageKind::Template,
            other => MessageKind::Unknown(other.to_string()),
        }
    }
}

/// A message's `message_type`, in the form it was sent: a name in webhook data
/// (`"incoming"`), a number in push data (`0`). Serializes back to that form.
///
/// ```
/// use chat_webhooks::chatwoot::{MessageKind, MessageType};
///
/// let name: MessageType = serde_json::from_str(r#""outgoing""#)?;
/// let number: MessageType = serde_json::from_str("1")?;
/// assert_eq!(name.kind(), number.kind());
/// assert_eq!(number.kind(), MessageKind::Outgoing);
/// assert_eq!(serde_json::to_string(&number)?, "1");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MessageType {
    /// Sent as a name.
    Name(MessageKind),
    /// Sent as a number.
    Number(i64),
}

impl MessageType {
    /// The kind, whichever form it was sent in.
    pub fn kind(&self) -> MessageKind {
        match self {
            MessageType::Name(kind) => kind.clone(),
            MessageType::Number(number) => MessageKind::from_number(*number),
        }
    }
}

impl From<MessageKind> for MessageType {
    fn from(kind: MessageKind) -> Self {
        MessageType::Name(kind)
    }
}

impl Serialize for MessageType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MessageType::Name(kind) => kind.serialize(serializer),
            MessageType::Number(number) => serializer.serialize_i64(*number),
        }
    }
}

impl<'de> Deserialize<'de> for MessageType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TypeVisitor;

        impl Visitor<'_> for TypeVisitor {
            type Value = MessageType;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a message type (a name such as \"incoming\", or a number 0 to 3)")
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<MessageType, E> {
                Ok(MessageType::Name(MessageKind::from(value)))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<MessageType, E> {
                Ok(MessageType::Name(MessageKind::from(value)))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<MessageType, E> {
                Ok(MessageType::Number(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<MessageType, E> {
                i64::try_from(value)
                    .map(MessageType::Number)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
            }
        }

        deserializer.deserialize_any(TypeVisitor)
    }
}

impl Walk for MessageType {
    fn walk(&self, _: &Path<'_>, _: &mut Found) {}
}

open_enum! {
    /// The kind of a message's content (`content_type`).
    pub enum ContentType {
        /// Plain text.
        Text = "text",
        /// A text input the bot asks the contact to fill.
        InputText = "input_text",
        /// A multi-line text input.
        InputTextarea = "input_textarea",
        /// An e-mail input.
        InputEmail = "input_email",
        /// A choice of options (`content_attributes.items`).
        InputSelect = "input_select",
        /// Cards.
        Cards = "cards",
        /// A form.
        Form = "form",
        /// A help-center article.
        Article = "article",
        /// An e-mail received.
        IncomingEmail = "incoming_email",
        /// A customer-satisfaction survey.
        InputCsat = "input_csat",
        /// An integration's message (a video call, ...).
        Integrations = "integrations",
        /// A sticker.
        Sticker = "sticker",
    }
}

open_enum! {
    /// A message's delivery status (`status`, push data).
    pub enum MessageStatus {
        /// Sent.
        Sent = "sent",
        /// Delivered to the contact's channel.
        Delivered = "delivered",
        /// Read by the contact.
        Read = "read",
        /// Not delivered.
        Failed = "failed",
    }
}

open_object! {
    /// A file attached to a message (`attachments`): the attachment's push data.
    ///
    /// Location, contact-card and fallback attachments add their own members (`coordinates_lat`,
    /// `fallback_title`, ...), kept as sent.
    pub struct Attachment("a Chatwoot attachment (an object)") {
        /// The attachment's id.
        id: Id = "id",
        /// The message it is attached to.
        message_id: Id = "message_id",
        /// `image`, `audio`, `video`, `file`, `location`, ... (`file_type`).
        file_type: FileType = "file_type",
        /// The account's id.
        account_id: Id = "account_id",
        /// The file's extension, where known.
        extension: String = "extension",
        /// Where to download the file.
        data_url: String = "data_url",
        /// Where to download a thumbnail.
        thumb_url: String = "thumb_url",
        /// The file's size in bytes.
        file_size: u64 = "file_size",
        /// An image's or a video's width, where known.
        width: u64 = "width",
        /// An image's or a video's height, where known.
        height: u64 = "height",
    }
}

open_enum! {
    /// The kind of an [`Attachment`] (`file_type`).
    pub enum FileType {
        /// An image.
        Image = "image",
        /// An audio recording.
        Audio = "audio",
        /// A video.
        Video = "video",
        /// Any other file.
        File = "file",
        /// A location.
        Location = "location",
        /// Content Chatwoot cannot show (a fallback).
        Fallback = "fallback",
        /// A shared post.
        Share = "share",
        /// An Instagram story mention.
        StoryMention = "story_mention",
        /// A contact card.
        Contact = "contact",
        /// An Instagram reel.
        IgReel = "ig_reel",
    }
}

impl super::envelope::Payload for Message {
    fn chat_key(&self) -> Option<String> {
        let conversation = self.conversation.as_deref();
        let inbox_id = conversation
            .and_then(|conversation| conversation.inbox_id.as_ref())
            .or_else(|| self.inbox.as_ref()?.id.as_ref())
            .or(self.inbox_id.as_ref());
        let display_id = conversation
            .and_then(Conversation::display_id)
            .or(self.conversation_id.as_ref());
        super::envelope::chat_key(inbox_id, display_id)
    }

    fn time(&self, kind: Option<super::EventKind>) -> Option<Timestamp> {
        // An update does not say when the message changed: its `created_at` is the creation's.
        match kind {
            Some(super::EventKind::MessageUpdated) => None,
            _ => self.created_at.clone(),
        }
    }
}
