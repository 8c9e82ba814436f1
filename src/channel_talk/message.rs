//! [`Message`]: the entity of `message` webhooks, and the recent message in `refers`.

use std::fmt;
use std::ops::Deref;

use serde::de::{Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::{EntityType, Members};
use crate::lenient::{Id, Number, Timestamp};
use crate::open_object::{Found, Path, Walk};

open_enum! {
    /// The kind of chat a message was posted in (`chatType`): a team chat or a user chat.
    /// (Named apart from Ebbot's `ChatType`, which says what a chat last did.)
    pub enum ChatCategory {
        /// `group`: a team chat among managers (private groups are never sent).
        Group = "group",
        /// `userChat`: a conversation with a user (a customer).
        UserChat = "userChat",
    }
}

open_enum! {
    /// Who wrote a message (`personType`). Read in any letter case through [`Spelled`]
    /// (`Bot` is [`Bot`](Self::Bot)); the spelling that arrived is written back.
    pub enum PersonType {
        /// `manager`: a human agent of the channel.
        Manager = "manager",
        /// `bot`: a bot (a workflow, a support bot, Channel's AI, or an API client's bot name).
        Bot = "bot",
        /// `user`: the customer.
        User = "user",
        /// `veil`: an anonymous visitor, the customer in the older generation of the body
        /// (sent as `Veil`), described in [`Refers::veil`](super::Refers::veil).
        Veil = "veil",
    }
}

/// A value of an open enum ([`PersonType`], [`EntityType`](super::EntityType)) read in any
/// letter case (`Bot`, `BOT` and `bot` are all [`PersonType::Bot`]) and written back in the
/// spelling that arrived.
///
/// Dereferences to the value, so `message.person_type.as_deref() == Some(&PersonType::Bot)`
/// whatever the case sent; compared with a value (`spelled == PersonType::Bot`) the spelling
/// does not count either. Two `Spelled` are equal when they hold the same value in the same
/// spelling: when they write the same JSON.
#[derive(Clone)]
pub struct Spelled<E> {
    value: E,
    /// The spelling sent, when it is not the value's own.
    sent: Option<Box<str>>,
}

impl<E> Spelled<E> {
    /// The value.
    pub fn value(&self) -> &E {
        &self.value
    }
}

impl<E> From<E> for Spelled<E> {
    fn from(value: E) -> Self {
        Spelled { value, sent: None }
    }
}

impl<E> Deref for Spelled<E> {
    type Target = E;

    fn deref(&self) -> &E {
        &self.value
    }
}

impl<E: PartialEq> PartialEq for Spelled<E> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value && self.sent == other.sent
    }
}

impl<E: PartialEq> PartialEq<E> for Spelled<E> {
    fn eq(&self, other: &E) -> bool {
        self.value == *other
    }
}

/// The [`Spelled`] impls for an open enum.
macro_rules! spelled {
    ($enum:ident) => {
        impl Spelled<$enum> {
            /// The spelling that arrived (the value's own for a value made with [`From`]).
            pub fn as_sent(&self) -> &str {
                self.sent.as_deref().unwrap_or_else(|| self.value.as_str())
            }

            fn read(text: &str) -> Self {
                if let Some(value) = $enum::from_name(text) {
                    return Spelled { value, sent: None };
                }
                let known = $enum::NAMES
                    .iter()
                    .position(|name| crate::names::is_name(name, text, true));
                match known {
                    // A documented value in another letter case: keep how it was written.
                    Some(index) => Spelled {
                        value: $enum::ALL[index].clone(),
                        sent: Some(text.into()),
                    },
                    // A value this crate does not know: kept as sent.
                    None => Spelled {
                        value: $enum::from(text),
                        sent: None,
                    },
                }
            }
        }

        impl fmt::Debug for Spelled<$enum> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match &self.sent {
                    None => self.value.fmt(f),
                    Some(sent) => write!(f, "{:?} (sent as {:?})", self.value, sent),
                }
            }
        }

        impl fmt::Display for Spelled<$enum> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_sent())
            }
        }

        impl Serialize for Spelled<$enum> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_sent())
            }
        }

        impl<'de> Deserialize<'de> for Spelled<$enum> {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct SpelledVisitor;

                impl Visitor<'_> for SpelledVisitor {
                    type Value = Spelled<$enum>;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a string")
                    }

                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
                        Ok(Spelled::<$enum>::read(text))
                    }
                }

                deserializer.deserialize_str(SpelledVisitor)
            }
        }
    };
}

spelled!(PersonType);
spelled!(EntityType);

impl<E> Walk for Spelled<E> {
    fn walk(&self, _: &Path<'_>, _: &mut Found) {}
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

open_object! {
    /// A Channel Talk message (`Message`): the entity of `message` webhooks.
    ///
    /// Every member may be absent or `null`. The text is in [`plain_text`](Self::plain_text) and,
    /// structured, in [`blocks`](Self::blocks); [`text`](Self::text) picks one. Members of the Open
    /// API's model whose shape the webhook documentation does not show (`form`, `thread`, `meet`,
    /// `alf`) are kept as JSON.
    pub struct Message("a message (an object)") {
        /// Key of the chat the message belongs to.
        chat_key: String = "chatKey",
        /// Id of the message.
        id: Id = "id",
        /// Key of the message in its chat's main timeline.
        main_key: String = "mainKey",
        /// Key of the thread the message belongs to.
        thread_key: String = "threadKey",
        /// Key of the call (meet) the message belongs to.
        meet_key: String = "meetKey",
        /// Key of the message in the user's (front) timeline.
        front_key: String = "frontKey",
        /// Whether the message starts a thread.
        root: bool = "root",
        /// Id of the channel (the Channel Talk workspace).
        channel_id: Id = "channelId",
        /// The kind of chat: `group` or `userChat`.
        chat_type: ChatCategory = "chatType",
        /// Id of the chat: the user chat's or the group's.
        chat_id: Id = "chatId",
        /// Who wrote it: `manager`, `bot`, `user` or `veil`, in any letter case.
        person_type: Spelled<PersonType> = "personType",
        /// Id of the manager, bot, user or veil who wrote it.
        person_id: Id = "personId",
        /// The sender's idempotency key for the message.
        request_id: String = "requestId",
        /// Language of the message (`ko`, `en`, `ja`).
        language: String = "language",
        /// When the message was written (epoch milliseconds).
        created_at: Timestamp = "createdAt",
        /// When the message last changed (epoch milliseconds).
        updated_at: Timestamp = "updatedAt",
        /// Revision of the message.
        version: i64 = "version",
        /// The content, structured: paragraphs, code and bulleted lists.
        blocks: Vec<Block> = "blocks",
        /// The content as plain text.
        plain_text: String = "plainText",
        /// The content as text, in the older generation of the body (before `plainText` and
        /// `blocks`).
        message: String = "message",
        /// The content with Channel's inline markup, in the older generation of the body.
        message_v2: String = "messageV2",
        /// How the older generation's `message` is formatted, as sent.
        format: String = "format",
        /// Buttons under the message (at most two).
        buttons: Vec<Button> = "buttons",
        /// Files attached to the message.
        files: Vec<File> = "files",
        /// The preview of a link in the message.
        web_page: WebPage = "webPage",
        /// For a system message, what happened to the chat (closed, assigned, ...).
        log: Log = "log",
        /// Emoji reactions to the message.
        reactions: Vec<Reaction> = "reactions",
        /// A form in the message (a workflow asking the user for input), as sent.
        form: Members = "form",
        /// Delivery state: `sending`, `sent`, `failed` or `removed`.
        state: MessageState = "state",
        /// Sending options (`private`, `silent`, ...).
        options: Vec<MessageOption> = "options",
        /// The marketing campaign that sent the message.
        marketing: Marketing = "marketing",
        /// The support bot step that sent the message (deprecated by Channel for workflows).
        support_bot: SupportBot = "supportBot",
        /// The workflow step that sent the message.
        workflow: MessageWorkflow = "workflow",
        /// Details of an answer by Channel's AI agent (ALF), as sent.
        alf: Members = "alf",
        /// How loudly the message notifies: `alert`, `unread` or `none`.
        alert_level: AlertLevel = "alertLevel",
        /// The thread the message starts, as sent.
        thread: Members = "thread",
        /// The call the message records, as sent.
        meet: Members = "meet",
        /// Id of the message that starts the thread this one is in.
        root_message_id: Id = "rootMessageId",
        /// Whether the message is a reply in a thread.
        thread_msg: bool = "threadMsg",
        /// Whether the message belongs to a call.
        meet_msg: bool = "meetMsg",
        /// Whether a thread reply was also posted to the chat.
        broadcasted_msg: bool = "broadcastedMsg",
        /// Whether the message is a workflow button's echo.
        workflow_button: bool = "workflowButton",
        /// Whether its writer removed the message.
        removed_by_writer: bool = "removedByWriter",
    }
}

impl Message {
    /// Whether the message is a chat-log notice (it has a [`log`](Self::log)): the platform
    /// noting what happened to the chat, with the bare action word as its `plainText`, not a
    /// person speaking.
    pub fn is_log(&self) -> bool {
        self.log.is_some()
    }

    /// The text of the message: [`plain_text`](Self::plain_text) when it is not empty, else
    /// [`Block::text_of`] the [`blocks`](Self::blocks), else the older generation's
    /// [`message`](Self::message) when it is not empty, else `None`.
    pub fn text(&self) -> Option<String> {
        match self.plain_text.as_deref() {
            Some(text) if !text.is_empty() => return Some(text.to_owned()),
            _ => {}
        }
        if let Some(text) = Block::text_of(self.blocks.as_deref().unwrap_or_default()) {
            return Some(text);
        }
        self.message.clone().filter(|text| !text.is_empty())
    }
}

open_object! {
    /// A block of a message's content: a paragraph, a code block or a bulleted list.
    pub struct Block("a block (an object)") {
        /// `text`, `code` or `bullets`.
        kind: BlockType = "type",
        /// Language of a `code` block.
        language: String = "language",
        /// The text of a `text` or `code` block.
        value: String = "value",
        /// The items of a `bullets` block.
        blocks: Vec<Block> = "blocks",
    }
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
    /// none (empty values are skipped). Values are as sent, inline markup included. Blocks of a
    /// type this crate does not know, and the items nested in them, are left out: their text is
    /// not known to be text.
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
                walk(block.blocks.as_deref().unwrap_or_default(), out);
            }
        }
        let mut parts = Vec::new();
        walk(blocks, &mut parts);
        (!parts.is_empty()).then(|| parts.join("\n"))
    }
}

open_object! {
    /// A button under a message.
    pub struct Button("a button (an object)") {
        /// The label.
        title: String = "title",
        /// The colour.
        color_variant: ButtonColor = "colorVariant",
        /// What a click does.
        action: ButtonAction = "action",
        /// The link a click opens (deprecated by Channel for `action`).
        url: String = "url",
    }
}

open_object! {
    /// What a [`Button`] does when clicked.
    pub struct ButtonAction("a button action (an object)") {
        /// The kind of action (`web`, ...).
        kind: String = "type",
        /// Its parameters (for a link, the `url`), as sent.
        attributes: Members = "attributes",
    }
}

open_object! {
    /// An emoji reaction to a message.
    pub struct Reaction("a reaction (an object)") {
        /// The emoji's name (`thumbsup`).
        emoji_name: String = "emojiName",
        /// Who reacted, as person keys (`manager-<id>`, `user-<id>`).
        person_keys: Vec<String> = "personKeys",
    }
}

open_object! {
    /// A file attached to a message. Channel sends where the file is stored (`bucket`, `key`),
    /// not a URL: fetch it through Channel's API.
    pub struct File("a file (an object)") {
        /// Id of the file.
        id: Id = "id",
        /// Channel's kind of file (`file`, `image`, `video`, `audio`).
        kind: String = "type",
        /// The file name.
        name: String = "name",
        /// Size in bytes.
        size: u64 = "size",
        /// Media type (`image/png`).
        content_type: String = "contentType",
        /// Length of audio or video, in seconds, as the number sent.
        duration: Number = "duration",
        /// Width of an image or video, in pixels.
        width: i64 = "width",
        /// Height of an image or video, in pixels.
        height: i64 = "height",
        /// EXIF orientation of an image.
        orientation: i64 = "orientation",
        /// Whether an image is animated.
        animated: bool = "animated",
        /// The storage bucket.
        bucket: String = "bucket",
        /// The storage key.
        key: String = "key",
        /// The storage key of a preview image.
        preview_key: String = "previewKey",
        /// Id of the channel.
        channel_id: Id = "channelId",
        /// The kind of chat the file was posted in.
        chat_type: ChatCategory = "chatType",
        /// Id of the chat the file was posted in.
        chat_id: Id = "chatId",
    }
}

open_object! {
    /// The preview of a link in a message.
    pub struct WebPage("a link preview (an object)") {
        /// Id of the preview.
        id: Id = "id",
        /// The link.
        url: String = "url",
        /// The page's title.
        title: String = "title",
        /// The page's description.
        description: String = "description",
        /// The page's image.
        image_url: String = "imageUrl",
        /// The page's video.
        video_url: String = "videoUrl",
        /// The site's publisher.
        publisher: String = "publisher",
        /// The page's author.
        author: String = "author",
        /// Width of the preview image, in pixels.
        width: i64 = "width",
        /// Height of the preview image, in pixels.
        height: i64 = "height",
        /// The storage bucket of the preview image.
        bucket: String = "bucket",
        /// The storage key of the preview image.
        preview_key: String = "previewKey",
        /// The site's logo.
        logo: String = "logo",
        /// The site's name.
        name: String = "name",
    }
}

open_object! {
    /// What a chat-log notice records: a message with a `log` is the platform noting that
    /// the chat was closed, opened, assigned, ..., and its `plainText` is the bare action word
    /// (`closed`), not something a person wrote.
    pub struct Log("a system message log (an object)") {
        /// What happened: `close`, `autoClose`, `open`, `assign`, `unassign`, `snooze`,
        /// `join`, `leave`, `addTags`, ... (about thirty words; others kept as sent).
        action: LogAction = "action",
        /// Its arguments (the tags added, the manager assigned, ...).
        values: Vec<String> = "values",
        /// The kind of person or process that did it (`manager`, `bot`, `user`, `workflow`).
        trigger_type: String = "triggerType",
        /// Its id.
        trigger_id: Id = "triggerId",
    }
}

open_enum! {
    /// What a chat-log notice records ([`Log::action`]). The words Channel's model lists
    /// beyond these (tags, priorities, ...) are kept as sent.
    pub enum LogAction {
        /// The chat was opened.
        Open = "open",
        /// The chat was closed.
        Close = "close",
        /// The chat was closed automatically.
        AutoClose = "autoClose",
        /// The chat was assigned to a manager.
        Assign = "assign",
        /// The chat's assignee was removed.
        Unassign = "unassign",
        /// The chat was snoozed.
        Snooze = "snooze",
        /// A manager joined the chat.
        Join = "join",
        /// A manager left the chat.
        Leave = "leave",
    }
}

open_object! {
    /// The marketing campaign that sent a message.
    pub struct Marketing("a marketing campaign (an object)") {
        /// The kind of campaign (`campaign`, `oneTimeMsg`).
        kind: String = "type",
        /// Id of the campaign.
        id: Id = "id",
        /// Whether it is advertising.
        advertising: bool = "advertising",
        /// Whether it is also sent by text message to offline users.
        send_to_offline_xms: bool = "sendToOfflineXms",
        /// Whether it is also sent by email to offline users.
        send_to_offline_email: bool = "sendToOfflineEmail",
        /// How it is shown (`fullScreen`).
        exposure_type: String = "exposureType",
    }
}

open_object! {
    /// The support bot step that sent a message.
    pub struct SupportBot("a support bot step (an object)") {
        /// Id of the support bot.
        id: Id = "id",
        /// Id of its revision.
        revision_id: Id = "revisionId",
        /// Id of the section.
        section_id: Id = "sectionId",
        /// Index of the step in the section.
        step_index: i64 = "stepIndex",
        /// The buttons offered.
        buttons: Vec<SupportBotButton> = "buttons",
        /// Index of the button the user pressed.
        submit_button_index: i64 = "submitButtonIndex",
    }
}

open_object! {
    /// A button of a support bot step.
    pub struct SupportBotButton("a support bot button (an object)") {
        /// The label.
        text: String = "text",
        /// The section it leads to.
        next_section_id: Id = "nextSectionId",
    }
}

open_object! {
    /// The workflow step that sent a message.
    pub struct MessageWorkflow("a workflow step (an object)") {
        /// Id of the workflow.
        id: Id = "id",
        /// Id of its revision.
        revision_id: Id = "revisionId",
        /// Id of the section.
        section_id: Id = "sectionId",
        /// Index of the action in the section.
        action_index: i64 = "actionIndex",
        /// Id of the button the user pressed.
        submit_button_id: String = "submitButtonId",
        /// Whether the message is the bot's answer to a button.
        button_bot_message: bool = "buttonBotMessage",
    }
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
    fn plain_text_wins_unless_empty_then_blocks_then_message() {
        let mut message = Message {
            plain_text: Some("plain".into()),
            blocks: Some(vec![Block::new("text", "block")]),
            message: Some("older".into()),
            ..Message::default()
        };
        assert_eq!(message.text().as_deref(), Some("plain"));
        message.plain_text = Some(String::new());
        assert_eq!(message.text().as_deref(), Some("block"));
        message.blocks = Some(Vec::new());
        assert_eq!(message.text().as_deref(), Some("older"));
        message.message = Some(String::new());
        assert_eq!(message.text(), None);
    }

    #[test]
    fn person_types_read_in_any_case_and_write_back_as_sent() {
        for (sent, value) in [
            ("bot", PersonType::Bot),
            ("Bot", PersonType::Bot),
            ("MANAGER", PersonType::Manager),
            ("Veil", PersonType::Veil),
            ("user", PersonType::User),
        ] {
            let json = format!("{sent:?}");
            let read: Spelled<PersonType> = serde_json::from_str(&json).unwrap();
            assert_eq!(read, value, "{sent}");
            assert_eq!(read.as_sent(), sent);
            assert_eq!(serde_json::to_string(&read).unwrap(), json);
        }
        let other: Spelled<PersonType> = serde_json::from_str(r#""Workflow""#).unwrap();
        assert_eq!(*other, PersonType::from("Workflow"));
        assert_eq!(other.as_sent(), "Workflow");
        let made = Spelled::from(PersonType::Bot);
        assert_eq!(made.as_sent(), "bot");
        assert_eq!(
            format!("{:?}", Spelled::<PersonType>::read("Bot")),
            r#"Bot (sent as "Bot")"#
        );
    }

    #[test]
    fn arrays_in_place_of_objects_are_errors() {
        let err = serde_json::from_str::<Message>(r#"{"webPage":[]}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: sequence, expected a link preview (an object) at line 1 column 11"
        );
        let err = serde_json::from_str::<Message>("[]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: sequence, expected a message (an object) at line 1 column 0"
        );
    }
}
