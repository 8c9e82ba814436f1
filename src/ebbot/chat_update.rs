//! [`Chat`] (`chat` of `chat.update`) and [`ChatUser`].

use super::{ChatStatus, ChatType, UserInfo};
use crate::lenient::{Id, Timestamp};
use crate::open_object::{Members, RawJson};

open_object! {
    /// `chat` of `chat.update`: the whole chat record after the update.
    ///
    /// Members the published example shows as `null` (`scenario`, `handledByAgentTimestamp`,
    /// `userId`, `nps`, `rating`, `transferSkillId`) serialize as `null` when `None`, so that the
    /// key survives a round trip; Ebbot does not document their non-null types, so those without an
    /// obvious one are kept as JSON.
    pub struct Chat("a chat (an object)") {
        /// Id of the chat.
        id: Id = "id",
        /// Id of the bot.
        bot_id: Id = "botId",
        /// Id of the Ebbot company (account).
        company_id: Id = "companyId",
        /// Display name of the chat (the user's name).
        name: String = "name",
        /// Where the chat runs (`web`).
        integration_type: IntegrationType = "integration_type",
        /// The scenario running in the chat (`null` in the example; shape undocumented).
        scenario: RawJson = "scenario" (always),
        /// What the chat last did (`close_chat`, `scenario`).
        chat_type: ChatType = "type",
        /// Status of the chat (`ongoing`).
        status: ChatStatus = "status",
        /// When the status last changed: decimal epoch seconds as a string.
        status_timestamp: Timestamp = "statusTimestamp",
        /// Id of the chat user (the visitor).
        chat_user_id: Id = "chatUserId",
        /// Who handles the chat now (`bot`).
        handled_by: HandledBy = "handled_by",
        /// When an agent took the chat over; `null` while the bot handles it.
        handled_by_agent_timestamp: Timestamp = "handledByAgentTimestamp" (always),
        /// Data for a transfer to an agent (`{}` in the example; members undocumented).
        transfer_data: Members = "transfer_data" (list),
        /// Id of the Ebbot user (agent) assigned to the chat; `null` when none is.
        user_id: Id = "userId" (always),
        /// When the last message was sent: decimal epoch seconds as a string.
        last_message: Timestamp = "last_message",
        /// Whether the chat has messages no agent has read: a bool, as documented, or a count
        /// (Ebbot's chat client once typed it as one), kept as sent.
        new_messages: NewMessages = "new_messages",
        /// Scenarios started and not finished (`[]` in the example; items undocumented).
        scenarios_in_progress: Vec<RawJson> = "scenarios_in_progress" (list),
        /// Scenarios completed (`{}` in the example; members undocumented).
        successful_scenarios: Members = "successful_scenarios" (list),
        /// Language of the chat (`sv`).
        language: String = "language",
        /// Net promoter score the user gave; `null` when none (type undocumented).
        nps: RawJson = "nps" (always),
        /// Rating the user gave; `null` when none (type undocumented).
        rating: RawJson = "rating" (always),
        /// Id of the skill the chat is to be transferred to; `null` when none.
        transfer_skill_id: Id = "transferSkillId" (always),
        /// Participants of the chat (`[]` in the example; items undocumented).
        participants: Vec<RawJson> = "participants" (list),
        /// Agents of the chat (`[]` in the example; items undocumented).
        agents: Vec<RawJson> = "agents" (list),
        /// When the chat was created (ISO 8601).
        created_at: Timestamp = "createdAt",
        /// When the chat record was last updated (ISO 8601).
        updated_at: Timestamp = "updatedAt",
        /// The chat user (the visitor).
        chat_user: ChatUser = "chat_user",
        /// Whether an agent is supervising the chat.
        supervised: bool = "supervised",
    }
}

open_object! {
    /// `chat_user` of a [`Chat`]: the visitor's record.
    pub struct ChatUser("a chat user (an object)") {
        /// Id of the chat user.
        id: Id = "id",
        /// The user's picture; `null` when none (a URL, presumably).
        image: String = "image" (always),
        /// What is known about the user. Ebbot sends it as a JSON document inside a string
        /// (`"{\"first_name\":\"Identical\",\"last_name\":\"Goat\"}"`); it is read parsed and
        /// written back as a (compact) string.
        info: UserInfo = "info" (with = json_string),
        /// When the user record was created (ISO 8601).
        created_at: Timestamp = "createdAt",
        /// When the user record was last updated (ISO 8601).
        updated_at: Timestamp = "updatedAt",
    }
}

/// A JSON document sent inside a JSON string: `chat_user.info`.
mod json_string {
    use std::fmt;

    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::{self, Serializer};

    use super::UserInfo;

    pub(super) fn serialize<S: Serializer>(
        info: &UserInfo,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let text = serde_json::to_string(info).map_err(ser::Error::custom)?;
        serializer.serialize_str(&text)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<UserInfo, D::Error> {
        struct InfoVisitor;

        impl Visitor<'_> for InfoVisitor {
            type Value = UserInfo;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string holding a JSON object")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<UserInfo, E> {
                serde_json::from_str(text).map_err(|err| {
                    let message = crate::error::message_without_position(&err);
                    E::custom(format_args!(
                        "invalid JSON document in the string: {message} (line {} column {} of the document)",
                        err.line(),
                        err.column()
                    ))
                })
            }
        }

        deserializer.deserialize_str(InfoVisitor)
    }
}

open_enum! {
    /// Where a chat runs (`integration_type` in `chat.update`, `type` in `chat.create`).
    ///
    /// Ebbot documents only `web`; other channels read as [`Unknown`](Self::Unknown).
    pub enum IntegrationType {
        /// The web chat widget.
        Web = "web",
    }
}

open_enum! {
    /// Who handles a chat (`handled_by`).
    ///
    /// Ebbot's example shows `bot`; `agent` is inferred from `handledByAgentTimestamp`.
    pub enum HandledBy {
        /// The chatbot.
        Bot = "bot",
        /// A human agent.
        Agent = "agent",
    }
}

/// `new_messages` of a [`Chat`]: documented as a bool, but a count may arrive instead (Ebbot's
/// chat client once typed it as an integer). Kept as sent, and written back the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NewMessages {
    /// `true` or `false`, as documented.
    Flag(bool),
    /// A count of new messages.
    Count(u64),
}

impl NewMessages {
    /// Whether there are new messages: the flag, or a count above zero.
    pub fn any(self) -> bool {
        match self {
            NewMessages::Flag(flag) => flag,
            NewMessages::Count(count) => count > 0,
        }
    }
}

impl From<bool> for NewMessages {
    fn from(flag: bool) -> Self {
        NewMessages::Flag(flag)
    }
}

impl serde::Serialize for NewMessages {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            NewMessages::Flag(flag) => serializer.serialize_bool(flag),
            NewMessages::Count(count) => serializer.serialize_u64(count),
        }
    }
}

impl<'de> serde::Deserialize<'de> for NewMessages {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NewMessagesVisitor;

        impl serde::de::Visitor<'_> for NewMessagesVisitor {
            type Value = NewMessages;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a boolean or a count")
            }

            fn visit_bool<E: serde::de::Error>(self, flag: bool) -> Result<NewMessages, E> {
                Ok(NewMessages::Flag(flag))
            }

            fn visit_u64<E: serde::de::Error>(self, count: u64) -> Result<NewMessages, E> {
                Ok(NewMessages::Count(count))
            }
        }

        deserializer.deserialize_any(NewMessagesVisitor)
    }
}

impl crate::open_object::Walk for NewMessages {
    fn walk(&self, _: &crate::open_object::Path<'_>, _: &mut crate::open_object::Found) {}
}
