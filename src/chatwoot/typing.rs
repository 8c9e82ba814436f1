//! [`TypingData`]: the payload of `conversation_typing_on` and `conversation_typing_off`.

use super::conversations::Conversation;
use super::users::Sender;

open_object! {
    /// Someone started or stopped typing in a conversation: `{conversation, user, is_private}`.
    pub struct TypingData("Chatwoot typing data (an object)") {
        /// The conversation (its push data).
        conversation: Conversation = "conversation",
        /// Who is typing: an agent (`type: "user"`) or the contact (a contact's webhook data).
        user: Sender = "user",
        /// Whether an agent is typing a private note.
        is_private: bool = "is_private",
    }
}

impl super::envelope::Payload for TypingData {
    fn chat_key(&self) -> Option<String> {
        self.conversation.as_ref()?.chat_key()
    }

    /// Typing is sent as it happens, with no time of its own.
    fn time(&self, _: Option<super::EventKind>) -> Option<crate::Timestamp> {
        None
    }
}
