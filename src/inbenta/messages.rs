//! [`MessageNewData`], the data of `messages:new`, and the [`Message`] it carries.

use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};

use super::envelope::ChatRef;
use crate::lenient::Id;
use crate::open_object::{self, Found, Path, RawJson, VisitRaw, Walk};

open_object! {
    /// The data of `messages:new`: `{message: {chat, sender, type, message}}`.
    pub struct MessageNewData("messages:new data (an object)") {
        /// The message sent.
        message: Message = "message",
    }
}

open_object! {
    /// A chat message, as `messages:new` sends it: `{chat, sender, type, message}`.
    ///
    /// What [`message`](Self::message) holds depends on [`message_type`](Self::message_type):
    /// the text for `text`, a [`Media`] object for `media`. It is read by its JSON shape
    /// (string or object), so the members may come in any order.
    ///
    /// An agent's text may be **HTML** (Inbenta's connector strips the tags but `<img>` and
    /// `<a>`, and replaces `&nbsp;`): it is kept verbatim, markup and entities included, in
    /// the event and in the common model. Sanitise it before showing it.
    pub struct Message("a HyperChat message (an object)") {
        /// The message's id, when sent.
        id: Id = "id",
        /// The chat the message was sent to.
        chat: Id = "chat",
        /// Who sent it: a user id (`"system"` for platform messages), or the user object
        /// with its `id` and names.
        sender: MessageSender = "sender",
        /// The kind of content: `text`, `media`, ... (`type`).
        message_type: MessageType = "type",
        /// The content (`message`): text, or a media object.
        message: MessageContent = "message",
    }
}

impl Message {
    /// The text, for a text message.
    pub fn text(&self) -> Option<&str> {
        match &self.message {
            Some(MessageContent::Text(text)) => Some(text),
            _ => None,
        }
    }

    /// The media, for a media message.
    pub fn media(&self) -> Option<&Media> {
        match &self.message {
            Some(MessageContent::Media(media)) => Some(media),
            _ => None,
        }
    }
}

/// Who sent a [`Message`] (`sender`): a user id, as Inbenta's connector reads it, or the
/// user object itself, `{id, name, nickname, ...}`, as Inbenta's real-time adapter reads it
/// (the webhook side is inferred from the adapter).
///
/// Each serializes back to what was read.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MessageSender {
    /// The sender's user id (a string or a number); `"system"` for platform messages.
    Id(Id),
    /// The sender's user object.
    User(Box<SenderUser>),
}

open_object! {
    /// A message's sender sent as an object: the HyperChat user.
    pub struct SenderUser("a message sender (an object)") {
        /// The user's id: the author id.
        id: Id = "id",
        /// The user's name.
        name: String = "name",
        /// The user's nickname (the name shown in the chat).
        nickname: String = "nickname",
    }
}

impl MessageSender {
    /// The sender's user id: the id itself, or the object's `id`.
    pub fn id(&self) -> Option<&Id> {
        match self {
            MessageSender::Id(id) => Some(id),
            MessageSender::User(user) => user.id.as_ref(),
        }
    }

    /// The sender's name, for an object: its `name`, else its `nickname` (empty ones are
    /// skipped). `None` for a bare id.
    pub fn name(&self) -> Option<&str> {
        let MessageSender::User(user) = self else {
            return None;
        };
        [user.name.as_deref(), user.nickname.as_deref()]
            .into_iter()
            .flatten()
            .find(|name| !name.is_empty())
    }
}

impl From<Id> for MessageSender {
    fn from(id: Id) -> Self {
        MessageSender::Id(id)
    }
}

impl Serialize for MessageSender {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MessageSender::Id(id) => id.serialize(serializer),
            MessageSender::User(user) => user.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for MessageSender {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::IntoDeserializer;

        struct SenderVisitor;

        impl<'de> Visitor<'de> for SenderVisitor {
            type Value = MessageSender;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sender (a user id, or a user object)")
            }

            fn visit_str<E: de::Error>(self, id: &str) -> Result<MessageSender, E> {
                Id::deserialize(id.into_deserializer()).map(MessageSender::Id)
            }

            fn visit_string<E: de::Error>(self, id: String) -> Result<MessageSender, E> {
                Id::deserialize(id.into_deserializer()).map(MessageSender::Id)
            }

            fn visit_i64<E: de::Error>(self, id: i64) -> Result<MessageSender, E> {
                Id::deserialize(id.into_deserializer()).map(MessageSender::Id)
            }

            fn visit_u64<E: de::Error>(self, id: u64) -> Result<MessageSender, E> {
                Id::deserialize(id.into_deserializer()).map(MessageSender::Id)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<MessageSender, A::Error> {
                SenderUser::deserialize(MapAccessDeserializer::new(map))
                    .map(|user| MessageSender::User(Box::new(user)))
            }
        }

        deserializer.deserialize_any(SenderVisitor)
    }
}

impl Walk for MessageSender {
    fn walk(&self, path: &Path<'_>, out: &mut Found) {
        if let MessageSender::User(user) = self {
            user.walk(path, out);
        }
    }
}

open_enum! {
    /// The kind of a message's content (`type`).
    pub enum MessageType {
        /// Text: the content is a string.
        Text = "text",
        /// A file or image: the content is a [`Media`] object.
        Media = "media",
    }
}

open_object! {
    /// A file or image sent in a chat: `{url, type, name, ...}`.
    ///
    /// `url` is **relative** to the versioned HyperChat API root
    /// (`https://hyperchat-{region}.inbenta.chat:8000/v1/`), and fetching it needs the app's
    /// credentials (the `x-hyper-appId` and `x-hyper-secret` headers), as Inbenta's connector
    /// does: [`media_url`](super::media_url) makes the absolute URL. `type` is a MIME type
    /// (`image/png`), not a kind.
    pub struct Media("a media object (an object)") {
        /// Where the content is, relative to the versioned HyperChat API root.
        url: String = "url",
        /// Its MIME type (`image/png`).
        media_type: String = "type",
        /// Its file name.
        name: String = "name",
    }
}

/// The content of a [`Message`], told apart by its JSON shape.
///
/// A string is [`Text`](Self::Text), an object is [`Media`](Self::Media), and anything else
/// is kept as sent in [`Other`](Self::Other), as its exact JSON text (`1.50` stays `1.50`).
/// Each serializes back to what was read.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MessageContent {
    /// The text of a text message.
    Text(String),
    /// The file or image of a media message.
    Media(Box<Media>),
    /// Content of another shape (a number, a boolean, an array), as sent.
    Other(RawJson),
}

impl Serialize for MessageContent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MessageContent::Text(text) => serializer.serialize_str(text),
            MessageContent::Media(media) => media.serialize(serializer),
            MessageContent::Other(raw) => raw.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for MessageContent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ContentVisitor;

        impl<'de> Visitor<'de> for ContentVisitor {
            type Value = MessageContent;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("message content (a string or a media object)")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<MessageContent, E> {
                Ok(MessageContent::Text(text.to_owned()))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<MessageContent, E> {
                Ok(MessageContent::Text(text))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<MessageContent, A::Error> {
                Media::deserialize(MapAccessDeserializer::new(map))
                    .map(|media| MessageContent::Media(Box::new(media)))
            }

            // Read from another deserializer than serde_json's (which hands over the text):
            // the value it gives, written as JSON.
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<MessageContent, A::Error> {
                let value = serde_json::Value::deserialize(SeqAccessDeserializer::new(seq))?;
                other(&value)
            }

            fn visit_bool<E: de::Error>(self, value: bool) -> Result<MessageContent, E> {
                other(&value)
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<MessageContent, E> {
                other(&value)
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<MessageContent, E> {
                other(&value)
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<MessageContent, E> {
                other(&value)
            }
        }

        fn other<E: de::Error, T: Serialize>(value: &T) -> Result<MessageContent, E> {
            RawJson::from_value(value)
                .map(MessageContent::Other)
                .map_err(E::custom)
        }

        impl VisitRaw<'_> for ContentVisitor {
            /// A string or an object is read from the text (with no copy for a string without
            /// escapes); any other value is kept as that text.
            fn visit_raw<E: de::Error>(self, raw: &str) -> Result<MessageContent, E> {
                let again = |err: serde_json::Error| E::custom(without_position(&err));
                match raw.as_bytes().first() {
                    Some(b'"') if !raw.as_bytes().contains(&b'\\') => {
                        Ok(MessageContent::Text(raw[1..raw.len() - 1].to_owned()))
                    }
                    Some(b'"') => serde_json::from_str(raw)
                        .map(MessageContent::Text)
                        .map_err(again),
                    // Read again from its text; on an error, once more to name the member
                    // inside it (`url: `).
                    Some(b'{') => match serde_json::from_str(raw) {
                        Ok(media) => Ok(MessageContent::Media(Box::new(media))),
                        Err(_) => {
                            let mut json = serde_json::Deserializer::from_str(raw);
                            match serde_path_to_error::deserialize::<_, Media>(&mut json) {
                                Ok(media) => Ok(MessageContent::Media(Box::new(media))),
                                Err(err) => {
                                    let message = without_position(err.inner());
                                    Err(match err.path().to_string().as_str() {
                                        "." => E::custom(message),
                                        path => E::custom(format_args!("{path}: {message}")),
                                    })
                                }
                            }
                        }
                    },
                    _ => serde_json::value::RawValue::from_string(raw.to_owned())
                        .map(|raw| MessageContent::Other(raw.into()))
                        .map_err(again),
                }
            }
        }

        open_object::deserialize_raw(deserializer, ContentVisitor)
    }
}

/// The message of a serde_json error without its position (`at line 1 column 8`): for an
/// error in a value read again from its own text, whose position is not the body's.
fn without_position(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    match message.strip_suffix(&suffix) {
        Some(message) if err.line() > 0 => message.to_owned(),
        _ => message,
    }
}

impl Walk for MessageContent {
    fn walk(&self, path: &Path<'_>, out: &mut Found) {
        if let MessageContent::Media(media) = self {
            media.walk(path, out);
        }
    }
}

impl ChatRef for MessageNewData {
    fn chat_id(&self) -> Option<&Id> {
        self.message.as_ref()?.chat.as_ref()
    }
}
