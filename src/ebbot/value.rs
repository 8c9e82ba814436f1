//! The `value` of a message, one type per message `type`.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::lenient::{Id, Number, Text};
use crate::open_object::{Found, Path, RawJson, Walk};

/// The `value` of a `text`, `text_info`, `gpt` or `button_click` message: a string, or an object
/// with a `text` member (Ebbot's own clients accept both).
#[derive(Debug, Clone, PartialEq)]
pub enum TextValue {
    /// The text itself, as the outgoing-webhooks page shows.
    Plain(String),
    /// An object: `{"text": "..."}` and whatever else came with it.
    Object(TextObject),
}

open_object! {
    /// The object form of a [`TextValue`]: `{"text": "..."}`.
    pub struct TextObject("a text object") {
        /// The text.
        text: Text = "text",
    }
}

impl TextValue {
    /// The text: the string, or the object's `text` member.
    pub fn text(&self) -> Option<&str> {
        match self {
            TextValue::Plain(text) => Some(text),
            TextValue::Object(object) => object.text.as_ref().map(Text::as_str),
        }
    }
}

impl Walk for TextValue {
    fn walk(&self, path: &Path<'_>, out: &mut Found) {
        if let TextValue::Object(object) = self {
            object.walk(path, out);
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
                TextObject::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(TextValue::Object)
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

open_object! {
    /// The `value` of a `url` message: a text with buttons.
    pub struct UrlValue("a url value (an object)") {
        /// The text shown above the buttons.
        description: String = "description",
        /// The buttons.
        urls: Vec<Button> = "urls" (list),
    }
}

open_object! {
    /// A button of a `url` message or a carousel slide (an item of `urls`).
    pub struct Button("a button (an object)") {
        /// Id of the button.
        id: Id = "id",
        /// The button's text.
        label: String = "label",
        /// What the button does (`scenario`, `url`).
        button_type: ButtonType = "type",
        /// Where a `scenario` button leads.
        next: Next = "next",
        /// Where a `url` button leads (`https://...`, or `ebbot://reset` to restart the chat).
        value: String = "value",
    }
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

open_object! {
    /// `next` of a [`Button`]: the scenario, and optionally the state in it, a button leads to.
    pub struct Next("a next (an object)") {
        /// Id of the scenario.
        scenario: Id = "scenario",
        /// Id of the state in the scenario.
        state: Id = "state",
    }
}

open_object! {
    /// The `value` of a `scenario` message: the scenario (and state) the user moved to.
    pub struct ScenarioValue("a scenario value (an object)") {
        /// Id of the scenario.
        scenario: Id = "scenario",
        /// Id of the state in the scenario, when the move was to one.
        state: Id = "state",
    }
}

open_object! {
    /// The `value` of a `rating_request` message: the bot asks for a rating.
    pub struct RatingRequestValue("a rating request value (an object)") {
        /// The question asked.
        question: String = "question",
    }
}

open_object! {
    /// The `value` of a `rating` message: the user's answer to a rating request.
    pub struct RatingValue("a rating value (an object)") {
        /// The rating given (`5`).
        rating: Number = "rating",
    }
}

open_object! {
    /// The `value` of a `variable` message: a variable button the user clicked.
    pub struct VariableValue("a variable value (an object)") {
        /// Name of the variable.
        name: String = "name",
        /// The value set (any JSON).
        value: RawJson = "value",
    }
}

open_object! {
    /// The `value` of an `image` or `file` message: an uploaded file.
    ///
    /// Ebbot's own clients read `url`, `filename`, `key` and `size`; an image the chat client
    /// uploads is `{filename, key, label, mimetype, size}`, without `url`: its `key` is a
    /// storage key, not a URL. Other members are kept in [`other`](Self::other).
    pub struct FileValue("a file or image value (an object)") {
        /// Where the file is, when sent.
        url: String = "url",
        /// The file's name.
        filename: String = "filename",
        /// The storage key of the upload (not a URL).
        key: String = "key",
        /// The name shown for the file.
        label: String = "label",
        /// Its MIME type (`image/png`).
        mimetype: String = "mimetype",
        /// Size in bytes.
        size: u64 = "size",
    }
}

open_object! {
    /// The `value` of a `carousel` message: slides of cards.
    pub struct CarouselValue("a carousel value (an object)") {
        /// The slides, in order.
        slides: Vec<Slide> = "slides" (list),
    }
}

open_object! {
    /// A slide of a carousel.
    pub struct Slide("a slide (an object)") {
        /// The slide's title.
        title: String = "title",
        /// The slide's text.
        description: String = "description",
        /// The slide's image.
        url: String = "url",
        /// The slide's buttons.
        urls: Vec<Button> = "urls" (list),
    }
}
