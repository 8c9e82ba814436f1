//! [`SkinnyData`], the `{chatId, userId}` data of most triggers, and [`ChatAssignData`], the
//! data of `chats:assign`.

use crate::lenient::Id;

/// The value of `userId` when the platform itself did something (`chats:close`).
pub const SYSTEM_USER: &str = "system";

open_object! {
    /// The data of the triggers that carry a chat id and a user id: documented as
    /// `{chatId, userId}` for `chats:close` and `invitations:accept` and `{chatId}` for
    /// `forever:alone`, and undocumented (only "skinny") for the others that use it.
    ///
    /// Both ids are optional, and every other member is kept, as sent, in
    /// [`other`](Self::other): when a sender includes more than the ids, nothing is lost.
    pub struct SkinnyData("HyperChat event data (an object)") {
        /// The chat the event is about.
        chat_id: Id = "chatId",
        /// The user the event is about: who joined, left, accepted or closed. `chats:close`
        /// sends the literal `"system"` when the platform closed the chat (see
        /// [`is_system`](Self::is_system)).
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

impl super::envelope::ChatData for SkinnyData {
    fn chat_id(&self) -> Option<&Id> {
        self.chat_id.as_ref()
    }
}

impl super::envelope::ChatData for ChatAssignData {
    fn chat_id(&self) -> Option<&Id> {
        self.chat_id.as_ref()
    }
}
