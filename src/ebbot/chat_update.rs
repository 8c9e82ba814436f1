//! [`Chat`] (`chat` of `chat.update`) and [`ChatUser`].

use serde::{Deserialize, Serialize};

use super::{ChatStatus, ChatType, JsonMap, UserInfo};
use crate::lenient::{null_as_default, Id, Timestamp};

/// `chat` of `chat.update`: the whole chat record after the update.
///
/// Members the published example shows as `null` (`scenario`, `handledByAgentTimestamp`,
/// `userId`, `nps`, `rating`, `transferSkillId`) serialize as `null` when `None`, so that the
/// key survives a round trip; Ebbot does not document their non-null types, so those without an
/// obvious one are kept as JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Chat {
    /// Id of the chat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Id of the bot.
    #[serde(rename = "botId", default, skip_serializing_if = "Option::is_none")]
    pub bot_id: Option<Id>,
    /// Id of the Ebbot company (account).
    #[serde(rename = "companyId", default, skip_serializing_if = "Option::is_none")]
    pub company_id: Option<Id>,
    /// Display name of the chat (the user's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where the chat runs (`web`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_type: Option<IntegrationType>,
    /// The scenario running in the chat (`null` in the example; shape undocumented).
    #[serde(default)]
    pub scenario: Option<serde_json::Value>,
    /// What the chat last did (`close_chat`, `scenario`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub chat_type: Option<ChatType>,
    /// Status of the chat (`ongoing`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ChatStatus>,
    /// When the status last changed: decimal epoch seconds as a string.
    #[serde(
        rename = "statusTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_timestamp: Option<Timestamp>,
    /// Id of the chat user (the visitor).
    #[serde(
        rename = "chatUserId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub chat_user_id: Option<Id>,
    /// Who handles the chat now (`bot`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handled_by: Option<HandledBy>,
    /// When an agent took the chat over; `null` while the bot handles it.
    #[serde(rename = "handledByAgentTimestamp", default)]
    pub handled_by_agent_timestamp: Option<Timestamp>,
    /// Data for a transfer to an agent (`{}` in the example; members undocumented).
    #[serde(default, deserialize_with = "null_as_default")]
    pub transfer_data: JsonMap,
    /// Id of the Ebbot user (agent) assigned to the chat; `null` when none is.
    #[serde(rename = "userId", default)]
    pub user_id: Option<Id>,
    /// When the last message was sent: decimal epoch seconds as a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_message: Option<Timestamp>,
    /// Whether the chat has messages no agent has read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_messages: Option<bool>,
    /// Scenarios started and not finished (`[]` in the example; items undocumented).
    #[serde(default, deserialize_with = "crate::lenient::array")]
    pub scenarios_in_progress: Vec<serde_json::Value>,
    /// Scenarios completed (`{}` in the example; members undocumented).
    #[serde(default, deserialize_with = "null_as_default")]
    pub successful_scenarios: JsonMap,
    /// Language of the chat (`sv`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Net promoter score the user gave; `null` when none (type undocumented).
    #[serde(default)]
    pub nps: Option<serde_json::Value>,
    /// Rating the user gave; `null` when none (type undocumented).
    #[serde(default)]
    pub rating: Option<serde_json::Value>,
    /// Id of the skill the chat is to be transferred to; `null` when none.
    #[serde(rename = "transferSkillId", default)]
    pub transfer_skill_id: Option<Id>,
    /// Participants of the chat (`[]` in the example; items undocumented).
    #[serde(default, deserialize_with = "crate::lenient::array")]
    pub participants: Vec<serde_json::Value>,
    /// Agents of the chat (`[]` in the example; items undocumented).
    #[serde(default, deserialize_with = "crate::lenient::array")]
    pub agents: Vec<serde_json::Value>,
    /// When the chat was created (ISO 8601).
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When the chat record was last updated (ISO 8601).
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// The chat user (the visitor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_user: Option<ChatUser>,
    /// Whether an agent is supervising the chat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervised: Option<bool>,
}

/// `chat_user` of a [`Chat`]: the visitor's record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChatUser {
    /// Id of the chat user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The user's picture; `null` when none (a URL, presumably).
    #[serde(default)]
    pub image: Option<String>,
    /// What is known about the user. Ebbot sends it as a JSON document inside a string
    /// (`"{\"first_name\":\"Identical\",\"last_name\":\"Goat\"}"`); it is read parsed and
    /// written back as a (compact) string.
    #[serde(default, with = "json_string", skip_serializing_if = "Option::is_none")]
    pub info: Option<UserInfo>,
    /// When the user record was created (ISO 8601).
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When the user record was last updated (ISO 8601).
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// A JSON document sent inside a JSON string.
mod json_string {
    use std::fmt;

    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::{self, Serializer};

    use super::UserInfo;

    pub(super) fn serialize<S: Serializer>(
        value: &Option<UserInfo>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(info) => {
                let text = serde_json::to_string(info).map_err(ser::Error::custom)?;
                serializer.serialize_str(&text)
            }
            None => serializer.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<UserInfo>, D::Error> {
        struct InfoVisitor;

        impl<'de> Visitor<'de> for InfoVisitor {
            type Value = Option<UserInfo>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string holding a JSON object")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                serde_json::from_str(text).map(Some).map_err(|err| {
                    let full = err.to_string();
                    let suffix = format!(" at line {} column {}", err.line(), err.column());
                    let message = full.strip_suffix(&suffix).unwrap_or(&full);
                    E::custom(format_args!(
                        "invalid JSON document in the string: {message} (line {} column {} of the document)",
                        err.line(),
                        err.column()
                    ))
                })
            }

            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Self::Value, D::Error> {
                deserializer.deserialize_str(self)
            }
        }

        deserializer.deserialize_option(InfoVisitor)
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
