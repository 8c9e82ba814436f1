//! [`UserActivityData`]: the data of `users:activity`.

use crate::lenient::Id;

open_object! {
    /// The data of `users:activity`: `{chatId, type}`, sent when a user starts or stops
    /// writing, or leaves the chat for a while (disconnected, and the platform waits for them
    /// to come back).
    pub struct UserActivityData("users:activity data (an object)") {
        /// The chat the activity happened in.
        chat_id: Id = "chatId",
        /// The user who did it, when sent.
        user_id: Id = "userId",
        /// What the user did (`type`).
        activity: ActivityType = "type",
    }
}

open_enum! {
    /// What a user did, in `users:activity` (`type`).
    ///
    /// The value Inbenta sends when a user leaves the chat for a while is not documented; it
    /// reads as [`Unknown`](Self::Unknown), kept as sent. [`is_typing`](Self::is_typing) and
    /// [`stopped_typing`](Self::stopped_typing) say what a value means.
    pub enum ActivityType {
        /// The user started writing.
        Writing = "writing",
        /// The user stopped writing.
        NotWriting = "not-writing",
        /// The user stopped writing: the same as [`NotWriting`](Self::NotWriting), in the
        /// spelling Inbenta's real-time adapter also handles (the webhook side is inferred).
        StopWriting = "stop-writing",
    }
}

impl super::envelope::ChatRef for UserActivityData {
    fn chat_id(&self) -> Option<&Id> {
        self.chat_id.as_ref()
    }
}

impl ActivityType {
    /// Whether the user started writing (`writing`).
    pub fn is_typing(&self) -> bool {
        matches!(self, ActivityType::Writing)
    }

    /// Whether the user stopped writing (`not-writing` or `stop-writing`).
    pub fn stopped_typing(&self) -> bool {
        matches!(self, ActivityType::NotWriting | ActivityType::StopWriting)
    }
}
