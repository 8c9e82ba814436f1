//! [`SkinnyData`], the `{chatId, userId}` data of most triggers, [`ChatCloseData`] (the data
//! of `chats:close`), [`SystemInfoData`] (of `system:info`) and [`ChatAssignData`] (of
//! `chats:assign`).

use crate::lenient::Id;

/// The value of `userId` when the platform itself did something (`chats:close`).
pub const SYSTEM_USER: &str = "system";

open_object! {
    /// The data of the triggers that carry a chat id and a user id: documented as
    /// `{chatId, userId}` for `invitations:accept` and `{chatId}` for `forever:alone`, and
    /// undocumented (only "skinny") for the others that use it. (`chats:close` and
    /// `system:info` have their own: [`ChatCloseData`], [`SystemInfoData`].)
    ///
    /// Both ids are optional, and every other member is kept, as sent, in
    /// [`other`](Self::other): when a sender includes more than the ids, nothing is lost.
    pub struct SkinnyData("HyperChat event data (an object)") {
        /// The chat the event is about.
        chat_id: Id = "chatId",
        /// The user the event is about: who joined, left or accepted; the literal `"system"`
        /// when the platform did it (see [`is_system`](Self::is_system)).
        user_id: Id = "userId",
    }
}

impl SkinnyData {
    /// Whether `userId` is the literal `"system"`: the platform, not a person, did it.
    pub fn is_system(&self) -> bool {
        self.user_id.as_ref().is_some_and(|id| id == SYSTEM_USER)
    }
}

open_object! {
    /// The data of `chats:close`: `{chatId, userId, extraData}`. `userId` is the literal
    /// `"system"` when the platform closed the chat, and then `extraData.reason` may say why
    /// (`inactivity`), as Inbenta's connector reads it.
    pub struct ChatCloseData("chats:close data (an object)") {
        /// The chat that was closed.
        chat_id: Id = "chatId",
        /// Who closed it: a user id, or `"system"` (see [`is_system`](Self::is_system)).
        user_id: Id = "userId",
        /// More about the close, when sent.
        extra_data: CloseDetails = "extraData",
    }
}

open_object! {
    /// `extraData` of `chats:close`.
    pub struct CloseDetails("chats:close extra data (an object)") {
        /// Why the chat was closed (`inactivity`).
        reason: CloseReason = "reason",
    }
}

open_enum! {
    /// Why a chat was closed (`extraData.reason` of `chats:close`). Other values are kept as
    /// sent.
    pub enum CloseReason {
        /// Nobody wrote for too long: the platform closed the chat.
        Inactivity = "inactivity",
    }
}

impl ChatCloseData {
    /// Whether `userId` is the literal `"system"`: the platform, not a person, closed it.
    pub fn is_system(&self) -> bool {
        self.user_id.as_ref().is_some_and(|id| id == SYSTEM_USER)
    }

    /// `extraData.reason`, when sent.
    pub fn reason(&self) -> Option<&CloseReason> {
        self.extra_data.as_ref()?.reason.as_ref()
    }
}

open_object! {
    /// The data of `system:info`: a system event about a chat, such as a ticket created when
    /// it closed, with its details nested in `data` (`data.data.ticketId`), as Inbenta's
    /// connector reads it.
    pub struct SystemInfoData("system:info data (an object)") {
        /// The chat the event is about.
        chat_id: Id = "chatId",
        /// The user the event is about, when sent.
        user_id: Id = "userId",
        /// The event's details.
        data: SystemInfoDetails = "data",
    }
}

open_object! {
    /// `data` of [`SystemInfoData`].
    pub struct SystemInfoDetails("system:info details (an object)") {
        /// The ticket created for the chat.
        ticket_id: Id = "ticketId",
    }
}

impl SystemInfoData {
    /// Whether `userId` is the literal `"system"`.
    pub fn is_system(&self) -> bool {
        self.user_id.as_ref().is_some_and(|id| id == SYSTEM_USER)
    }

    /// `data.ticketId`, when sent.
    pub fn ticket_id(&self) -> Option<&Id> {
        self.data.as_ref()?.ticket_id.as_ref()
    }
}

open_object! {
    /// The data of `chats:assign`: the agents available for the chat.
    ///
    /// Inbenta's example shows `{"agents": [{"capacity": 2, ...}], ...}` ("data about available
    /// agents and the Agent Chat session"), truncated; the members it elides are kept in
    /// [`other`](Self::other). Answer within
    /// [`ASSIGN_TIMEOUT`](super::ASSIGN_TIMEOUT) with [`assign_response`](super::assign_response).
    pub struct ChatAssignData("chats:assign data (an object)") {
        /// The chat looking for an agent.
        chat_id: Id = "chatId",
        /// The user the event is about, when sent.
        user_id: Id = "userId",
        /// The agents the chat may be assigned to.
        agents: Vec<AvailableAgent> = "agents",
    }
}

open_object! {
    /// An agent available to take a chat, in [`ChatAssignData::agents`].
    pub struct AvailableAgent("an available agent (an object)") {
        /// The agent's user id: the value to answer with.
        id: Id = "id",
        /// The agent's chat capacity, as sent (Inbenta's description of it is cut off in
        /// the published example).
        capacity: i64 = "capacity",
    }
}

impl super::envelope::ChatRef for SkinnyData {
    fn chat_id(&self) -> Option<&Id> {
        self.chat_id.as_ref()
    }
}

impl super::envelope::ChatRef for ChatAssignData {
    fn chat_id(&self) -> Option<&Id> {
        self.chat_id.as_ref()
    }
}

impl super::envelope::ChatRef for ChatCloseData {
    fn chat_id(&self) -> Option<&Id> {
        self.chat_id.as_ref()
    }
}

impl super::envelope::ChatRef for SystemInfoData {
    fn chat_id(&self) -> Option<&Id> {
        self.chat_id.as_ref()
    }
}
