//! [`StatusChangeData`] (`data` of `chat.status.change`), [`ChatStatus`] and [`ChatType`].

use crate::lenient::Id;

open_object! {
    /// `data` of `chat.status.change`: the chat's new status.
    pub struct StatusChangeData("a status change (an object)") {
        /// Id of the chat.
        id: Id = "id",
        /// The new status (`ongoing`).
        status: ChatStatus = "status",
        /// Whether an agent is supervising the chat.
        supervised: bool = "supervised",
        /// What the chat last did (`scenario`).
        chat_type: ChatType = "type",
    }
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
