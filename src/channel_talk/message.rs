//! [`Message`]: the entity of `message` webhooks, and the recent message in `refers`.

use serde::{Deserialize, Serialize};

use crate::lenient::{Id, Timestamp};

open_enum! {
    /// The kind of chat a message was posted in (`chatType`).
    pub enum ChatType {
        /// `group`: a team chat among managers (private groups are never sent).
        Group = "group",
        /// `userChat`: a conversation with a user (a customer).
        UserChat = "userChat",
    }
}

open_enum! {
    /// Who wrote a message (`personType`).
    pub enum PersonType {
        /// `manager`: a human agent of the channel.
        Manager = "manager",
        /// `bot`: a bot (a workflow, a support bot, Channel's AI, or an API client's bot name).
        Bot = "bot",
        /// `user`: the customer.
        User = "user",
    }
}

open_enum! {
    /// The kind of a [`Block`] (`type`).
    pub enum BlockType {
        /// `text`: a paragraph in `value`, which may hold Channel's inline markup.
        Text = "text",
        /// `code`: a code block in `value`, with an optional `language`.
        Code = "code",
        /// `bullets`: a bulleted list whose items are the nested `blocks`.
        Bullets = "bullets",
    }
}

open_enum! {
    /// Delivery state of a message (`state`).
    pub enum MessageState {
        /// `sending`: not yet stored.
        Sending = "sending",
        /// `sent`: stored and delivered.
        Sent = "sent",
        /// `failed`: could not be delivered.
        Failed = "failed",
        /// `removed`: deleted after it was sent.
        Removed = "removed",
    }
}

open_enum! {
    /// A sending option of a message (`options`).
    pub enum MessageOption {
        /// `actAsManager`: a bot message shown as the assigned manager's.
        ActAsManager = "actAsManager",
        /// `displayAsChannel`: shown with the channel's name and avatar.
        DisplayAsChannel = "displayAsChannel",
        /// `doNotPost`: not posted to the chat.
        DoNotPost = "doNotPost",
        /// `doNotSearch`: left out of search.
        DoNotSearch = "doNotSearch",
        /// `doNotSendApp`: not sent to connected messenger apps.
        DoNotSendApp = "doNotSendApp",
        /// `doNotUpdateDesk`: does not move the chat in the manager's inbox.
        DoNotUpdateDesk = "doNotUpdateDesk",
        /// `immutable`: cannot be edited or deleted.
        Immutable = "immutable",
        /// `private`: visible to managers only.
        Private = "private",
        /// `silent`: sends no notification.
        Silent = "silent",
        /// `silentToManager`: sends managers no notification.
        SilentToManager = "silentToManager",
        /// `silentToUser`: sends the user no notification.
        SilentToUser = "silentToUser",
    }
}

open_enum! {
    /// How loudly a message notifies (`alertLevel`).
    pub enum AlertLevel {
        /// `alert`: notifies.
        Alert = "alert",
        /// `unread`: counts as unread without notifying.
        Unread = "unread",
        /// `none`: neither.
        NoAlert = "none",
    }
}

open_enum! {
    /// The colour of a [`Button`] (`colorVariant`).
    pub enum ButtonColor {
        /// `cobalt`.
        Cobalt = "cobalt",
        /// `green`.
        Green = "green",
        /// `orange`.
        Orange = "orange",
        /// `red`.
        Red = "red",
        /// `black`.
        Black = "black",
        /// `pink`.
        Pink = "pink",
        /// `purple`.
        Purple = "purple",
    }
}

/// A Channel Talk message (`Message`): the entity of `message` webhooks.
///
/// Every member may be absent or `null`. The text is in [`plain_text`](Self::plain_text) and,
/// structured, in [`blocks`](Self::blocks); [`text`](Self::text) picks one. Members of the Open
/// API's model whose shape the webhook documentation does not show (`form`, `thread`, `meet`,
/// `alf`) are kept as JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Message {
    /// Key of the chat the message belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_key: Option<String>,
    /// Id of the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Key of the message in its chat's main timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub main_key: Option<String>,
    /// Key of the thread the message belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread_key: Option<String>,
    /// Key of the call (meet) the message belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meet_key: Option<String>,
    /// Key of the message in the user's (front) timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub front_key: Option<String>,
    /// Whether the message starts a thread.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub root: Option<bool>,
    /// Id of the channel (the Channel Talk workspace).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Id>,
    /// The kind of chat: `group` or `userChat`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_type: Option<ChatType>,
    /// Id of the chat: the user chat's or the group's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<Id>,
    /// Who wrote it: `manager`, `bot` or `user`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_type: Option<PersonType>,
    /// Id of the manager, bot or user who wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_id: Option<Id>,
    /// The sender's idempotency key for the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Language of the message (`ko`, `en`, `ja`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// When the message was written (epoch milliseconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When the message last changed (epoch milliseconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// Revision of the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// The content, structured: paragraphs, code and bulleted lists.
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub blocks: Vec<Block>,
    /// The content as plain text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plain_text: Option<String>,
    /// Buttons under the message (at most two).
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub buttons: Vec<Button>,
    /// Files attached to the message.
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub files: Vec<File>,
    /// The preview of a link in the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub web_page: Option<WebPage>,
    /// For a system message, what happened to the chat (closed, assigned, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log: Option<Log>,
    /// Emoji reactions to the message.
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub reactions: Vec<Reaction>,
    /// A form in the message (a workflow asking the user for input), as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<serde_json::Value>,
    /// Delivery state: `sending`, `sent`, `failed` or `removed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<MessageState>,
    /// Sending options (`private`, `silent`, ...).
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub options: Vec<MessageOption>,
    /// The marketing campaign that sent the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketing: Option<Marketing>,
    /// The support bot step that sent the message (deprecated by Channel for workflows).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support_bot: Option<SupportBot>,
    /// The workflow step that sent the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow: Option<MessageWorkflow>,
    /// Details of an answer by Channel's AI agent (ALF), as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alf: Option<serde_json::Value>,
    /// How loudly the message notifies: `alert`, `unread` or `none`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alert_level: Option<AlertLevel>,
    /// The thread the message starts, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread: Option<serde_json::Value>,
    /// The call the message records, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meet: Option<serde_json::Value>,
    /// Id of the message that starts the thread this one is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub root_message_id: Option<Id>,
    /// Whether the message is a reply in a thread.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread_msg: Option<bool>,
    /// Whether the message belongs to a call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meet_msg: Option<bool>,
    /// Whether a thread reply was also posted to the chat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub broadcasted_msg: Option<bool>,
    /// Whether the message is a workflow button's echo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow_button: Option<bool>,
    /// Whether its writer removed the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed_by_writer: Option<bool>,
}

impl Message {
    /// The text of the message: [`plain_text`](Self::plain_text) when it is not empty, else
    /// [`Block::text_of`] the [`blocks`](Self::blocks), else `None`.
    pub fn text(&self) -> Option<String> {
        match self.plain_text.as_deref() {
            Some(text) if !text.is_empty() => Some(text.to_owned()),
            _ => Block::text_of(&self.blocks),
        }
    }
}

/// A block of a message's content: a paragraph, a code block or a bulleted list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Block {
    /// `text`, `code` or `bullets`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<BlockType>,
    /// Language of a `code` block.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The text of a `text` or `code` block.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The items of a `bullets` block.
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub blocks: Vec<Block>,
}

impl Block {
    /// A block of `kind` holding `value`.
    pub fn new(kind: impl Into<BlockType>, value: impl Into<String>) -> Self {
        Block {
            kind: Some(kind.into()),
            value: Some(value.into()),
            ..Block::default()
        }
    }

    /// The text of `blocks`: the `value` of every `text`, `code` and `bullets` block, depth
    /// first (a list's items after the list's own value), one per line; `None` if there is
    /// none (empty values are skipped). Values are as sent, inline markup included. Blocks of a type this crate does not
    /// know, and the items nested in them, are left out: their text is not known to be text.
    pub fn text_of(blocks: &[Block]) -> Option<String> {
        fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a str>) {
            for block in blocks {
                match block.kind {
                    Some(BlockType::Text | BlockType::Code | BlockType::Bullets) => {}
                    _ => continue,
                }
                match block.value.as_deref() {
                    Some(value) if !value.is_empty() => out.push(value),
                    _ => {}
                }
                walk(&block.blocks, out);
            }
        }
        let mut parts = Vec::new();
        walk(blocks, &mut parts);
        (!parts.is_empty()).then(|| parts.join("\n"))
    }
}

/// A button under a message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Button {
    /// The label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The colour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color_variant: Option<ButtonColor>,
    /// What a click does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<ButtonAction>,
    /// The link a click opens (deprecated by Channel for `action`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// What a [`Button`] does when clicked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ButtonAction {
    /// The kind of action (`web`, ...).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Its parameters (for a link, the `url`), as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes: Option<serde_json::Value>,
}

/// An emoji reaction to a message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Reaction {
    /// The emoji's name (`thumbsup`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emoji_name: Option<String>,
    /// Who reacted, as person keys (`manager-<id>`, `user-<id>`).
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub person_keys: Vec<String>,
}

/// A file attached to a message. Channel sends where the file is stored (`bucket`, `key`),
/// not a URL: fetch it through Channel's API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct File {
    /// Id of the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Channel's kind of file (`file`, `image`, `video`, `audio`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The file name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Size in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// Media type (`image/png`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Length of audio or video, in seconds, as the number sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<serde_json::Number>,
    /// Width of an image or video, in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<i64>,
    /// Height of an image or video, in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<i64>,
    /// EXIF orientation of an image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orientation: Option<i64>,
    /// Whether an image is animated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub animated: Option<bool>,
    /// The storage bucket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket: Option<String>,
    /// The storage key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The storage key of a preview image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview_key: Option<String>,
    /// Id of the channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Id>,
    /// The kind of chat the file was posted in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_type: Option<ChatType>,
    /// Id of the chat the file was posted in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<Id>,
}

/// The preview of a link in a message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct WebPage {
    /// Id of the preview.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The page's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The page's description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The page's image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// The page's video.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video_url: Option<String>,
    /// The site's publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The page's author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Width of the preview image, in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<i64>,
    /// Height of the preview image, in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<i64>,
    /// The storage bucket of the preview image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket: Option<String>,
    /// The storage key of the preview image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview_key: Option<String>,
    /// The site's logo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// The site's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// What a system message records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Log {
    /// What happened: `close`, `autoClose`, `open`, `assign`, `unassign`, `snooze`,
    /// `addTags`, ... (about thirty words, kept as sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Its arguments (the tags added, the manager assigned, ...).
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub values: Vec<String>,
    /// The kind of person or process that did it (`manager`, `bot`, `user`, `workflow`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger_type: Option<String>,
    /// Its id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger_id: Option<Id>,
}

/// The marketing campaign that sent a message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Marketing {
    /// The kind of campaign (`campaign`, `oneTimeMsg`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Id of the campaign.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Whether it is advertising.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advertising: Option<bool>,
    /// Whether it is also sent by text message to offline users.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_to_offline_xms: Option<bool>,
    /// Whether it is also sent by email to offline users.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_to_offline_email: Option<bool>,
    /// How it is shown (`fullScreen`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exposure_type: Option<String>,
}

/// The support bot step that sent a message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SupportBot {
    /// Id of the support bot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Id of its revision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_id: Option<Id>,
    /// Id of the section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section_id: Option<Id>,
    /// Index of the step in the section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step_index: Option<i64>,
    /// The buttons offered.
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub buttons: Vec<SupportBotButton>,
    /// Index of the button the user pressed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submit_button_index: Option<i64>,
}

/// A button of a support bot step.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SupportBotButton {
    /// The label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The section it leads to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_section_id: Option<Id>,
}

/// The workflow step that sent a message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct MessageWorkflow {
    /// Id of the workflow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Id of its revision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_id: Option<Id>,
    /// Id of the section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section_id: Option<Id>,
    /// Index of the action in the section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action_index: Option<i64>,
    /// Id of the button the user pressed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submit_button_id: Option<String>,
    /// Whether the message is the bot's answer to a button.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub button_bot_message: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(json: &str) -> Vec<Block> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn text_of_blocks() {
        let nested = blocks(
            r#"[{"type":"text","value":"Steps:"},
                {"type":"bullets","blocks":[{"type":"text","value":"one"},{"type":"text","value":"two"}]},
                {"type":"code","language":"sh","value":"cargo test"},
                {"type":"image","value":"not text","blocks":[{"type":"text","value":"hidden"}]}]"#,
        );
        assert_eq!(
            Block::text_of(&nested).as_deref(),
            Some("Steps:\none\ntwo\ncargo test")
        );
        assert_eq!(Block::text_of(&[]), None);
        assert_eq!(Block::text_of(&blocks(r#"[{"type":"bullets"}]"#)), None);
        assert_eq!(Block::text_of(&[Block::new(BlockType::Text, "")]), None);
    }

    #[test]
    fn plain_text_wins_unless_empty() {
        let mut message = Message {
            plain_text: Some("plain".into()),
            blocks: vec![Block::new("text", "block")],
            ..Message::default()
        };
        assert_eq!(message.text().as_deref(), Some("plain"));
        message.plain_text = Some(String::new());
        assert_eq!(message.text().as_deref(), Some("block"));
        message.blocks.clear();
        assert_eq!(message.text(), None);
    }
}
