//! [`ChatCloseData`]: `data` of `chat.close`.

use super::Message;
use crate::lenient::Id;

open_object! {
    /// `data` of `chat.close`: the closed chat and its whole conversation.
    pub struct ChatCloseData("a transcript (an object)") {
        /// Id of the chat.
        id: Id = "id",
        /// The messages, in the array's order, which is kept: their timestamps are not always
        /// increasing (Ebbot's own example's are not).
        conversation: Vec<Message> = "conversation" (list),
    }
}
