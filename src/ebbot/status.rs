//! [`StatusChange`] (`data` of `chat.status.change`), [`ChatStatus`] and [`ChatType`].

use serde::{Deserialize, Serialize};

use crate::lenient::Id;

/// `data` of `chat.status.change`: the chat's new status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StatusChange {
    /// Id of the chat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The new status (`ongoing`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ChatStatus>,
    /// Whether an agent is supervising the chat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervised: Option<bool>,
    /// What the chat last did (`scenario`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub chat_type: Option<ChatType>,
}

open_enum! {
    /// Status of a chat (`status`).
    ///
    /// Ebbot documents only `ongoing`. [`is_closed`](Self::is_closed) says which values mean
    /// the chat has ended.
    pub enum ChatStatus {
        /// The chat is open.
        Ongoing = "ongoing",
        /// The chat has ended (not in Ebbot's examples, which show only `ongoing`).
        Closed = "closed",
    }
}

impl ChatStatus {
    /// Whether the status means the chat has ended: `closed` or `ended`, in any case.
    ///
    /// Ebbot documents no status but `ongoing`; these two are the values read as an end, and
    /// every other value (`ongoing`, `queued`, ...) as an open chat.
    pub fn is_closed(&self) -> bool {
        let value = self.as_str();
        value.eq_ignore_ascii_case("closed") || value.eq_ignore_ascii_case("ended")
    }
}

open_enum! {
    /// What a chat last did (`type` in `chat.update` and `chat.status.change`).
    ///
    /// Ebbot documents the two values its examples show and not their meaning; note that its
    /// `chat.update` example has `close_chat` with status `ongoing`.
    pub enum ChatType {
        /// `close_chat`.
        CloseChat = "close_chat",
        /// `scenario`: a scenario ran.
        Scenario = "scenario",
    }
}
