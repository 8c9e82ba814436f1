//! [`MessageNewData`], the data of `messages:new`, and the [`Message`] it carries.

use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use serde_json::Value;

use super::envelope::ChatData;
use crate::lenient::Id;
use crate::open_object::{Path, Walk};

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
    pub struct Message("a HyperChat message (an object)") {
        /// The message's id, when sent.
        id: Id = "id",
        /// The chat the message was sent to.
        chat: Id = "chat",
        /// The user who sent it (`"system"` for platform messages).
        sender: Id = "sender",
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
    /// `url` is relative to the HyperChat API (Inbenta's connector prefixes the versioned
    /// server URI and authenticates the download with the app id and secret).
    pub struct Media("a media object (an object)") {
        /// Where the content is, relative to the HyperChat API.
        url: String = "url",
        /// Its media type (`image/png`).
        media_type: String = "type",
        /// Its file name.
        name: String = "name",
    }
}

/// The content of a [`Message`], told apart by its JSON shape.
///
/// A string is [`Text`](Self::Text), an object is [`Media`](Self::Media), and anything else
/// is kept as sent in [`Other`](Self::Other). Each serializes back to what was read.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MessageContent {
    /// The text of a text message.
    Text(String),
    /// The file or image of a media message.
    Media(Box<Media>),
    /// Content of another shape (a number, a boolean, an array), as sent.
    Other(Value),
}

impl Serialize for MessageContent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MessageContent::Text(text) => serializer.serialize_str(text),
            MessageContent::Media(media) => media.serialize(serializer),
            MessageContent::Other(value) => value.serialize(serializer),
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

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<MessageContent, A::Error> {
                Value::deserialize(SeqAccessDeserializer::new(seq)).map(MessageContent::Other)
            }

            fn visit_bool<E: de::Error>(self, value: bool) -> Result<MessageContent, E> {
                Ok(MessageContent::Other(value.into()))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<MessageContent, E> {
                Ok(MessageContent::Other(value.into()))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<MessageContent, E> {
                Ok(MessageContent::Other(value.into()))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<MessageContent, E> {
                Ok(MessageContent::Other(value.into()))
            }
        }

        deserializer.deserialize_any(ContentVisitor)
    }
}

impl Walk for MessageContent {
    fn walk(&self, path: &Path<'_>, out: &mut Vec<String>) {
        if let MessageContent::Media(media) = self {
            media.walk(path, out);
        }
    }
}

impl ChatData for MessageNewData {
    fn chat_id(&self) -> Option<&Id> {
        self.message.as_ref()?.chat.as_ref()
    }
}
