//! The `value` of a message, one type per message `type`.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use super::JsonMap;
use crate::lenient::Id;

/// The `value` of a `text`, `text_info`, `gpt` or `button_click` message: a string, or an object
/// with a `text` member (Ebbot's own clients accept both).
#[derive(Debug, Clone, PartialEq)]
pub enum TextValue {
    /// The text itself, as the outgoing-webhooks page shows.
    Plain(String),
    /// An object: `{"text": "..."}` and whatever else came with it.
    Object(JsonMap),
}

impl TextValue {
    /// The text: the string, or the object's `text` member when it is a string.
    pub fn text(&self) -> Option<&str> {
        match self {
            TextValue::Plain(text) => Some(text),
            TextValue::Object(object) => object.get("text").and_then(|text| text.as_str()),
        }
    }
}

impl From<&str> for TextValue {
    fn from(text: &str) -> Self {
        TextValue::Plain(text.to_owned())
    }
}

impl From<String> for TextValue {
    fn from(text: String) -> Self {
        TextValue::Plain(text)
    }
}

impl Serialize for TextValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            TextValue::Plain(text) => serializer.serialize_str(text),
            TextValue::Object(object) => object.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for TextValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = TextValue;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text (a string, or an object with a `text` member)")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<TextValue, E> {
                Ok(TextValue::Plain(text.to_owned()))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<TextValue, E> {
                Ok(TextValue::Plain(text))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<TextValue, A::Error> {
                JsonMap::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(TextValue::Object)
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

/// The `value` of a `url` message: a text with buttons.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UrlValue {
    /// The text shown above the buttons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The buttons.
    #[serde(default, deserialize_with = "crate::lenient::array")]
    pub urls: Vec<Button>,
}

/// A button of a `url` message or a carousel slide (an item of `urls`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Button {
    /// Id of the button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The button's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// What the button does (`scenario`, `url`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub button_type: Option<ButtonType>,
    /// Where a `scenario` button leads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Next>,
    /// Where a `url` button leads (`https://...`, or `ebbot://reset` to restart the chat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

open_enum! {
    /// What a [`Button`] does (`type`).
    pub enum ButtonType {
        /// Moves the chat to a scenario ([`Button::next`]).
        Scenario = "scenario",
        /// Opens a link ([`Button::value`]).
        Url = "url",
    }
}

/// `next` of a [`Button`]: the scenario, and optionally the state in it, a button leads to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Next {
    /// Id of the scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Id>,
    /// Id of the state in the scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<Id>,
}

/// The `value` of a `scenario` message: the scenario (and state) the user moved to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScenarioValue {
    /// Id of the scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Id>,
    /// Id of the state in the scenario, when the move was to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<Id>,
}

/// The `value` of a `rating_request` message: the bot asks for a rating.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RatingRequestValue {
    /// The question asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

/// The `value` of a `rating` message: the user's answer to a rating request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RatingValue {
    /// The rating given (`5`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<serde_json::Number>,
}

/// The `value` of a `variable` message: a variable button the user clicked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VariableValue {
    /// Name of the variable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The value set (any JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
}

open_object! {
    /// The `value` of an `image` or `file` message: an uploaded file.
    ///
    /// Ebbot's own clients read `url`, `filename`, `key` and `size`; other members are kept in
    /// [`other`](Self::other).
    pub struct FileValue("a file or image value (an object)") {
        /// Where the file is.
        url: String = "url",
        /// The file's name.
        filename: String = "filename",
        /// The storage key of the upload.
        key: String = "key",
        /// Size in bytes.
        size: u64 = "size",
    }
}

/// The `value` of a `carousel` message: slides of cards.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CarouselValue {
    /// The slides, in order.
    #[serde(default, deserialize_with = "crate::lenient::array")]
    pub slides: Vec<Slide>,
}

/// A slide of a carousel.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Slide {
    /// The slide's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The slide's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The slide's image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The slide's buttons.
    #[serde(default, deserialize_with = "crate::lenient::array")]
    pub urls: Vec<Button>,
}
