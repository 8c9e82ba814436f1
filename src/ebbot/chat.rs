//! [`ChatCreateData`]: `data` of `chat.create`.

use super::{ChatStatus, IntegrationType, UserInfo};
use crate::lenient::Id;

open_object! {
    /// `data` of `chat.create`: the new chat.
    pub struct ChatCreateData("a chat create (an object)") {
        /// Id of the chat (`"<epoch seconds>.<millis>.<uuid>"` in Ebbot's other examples).
        id: Id = "id",
        /// Where the chat runs (`web`).
        integration_type: IntegrationType = "type",
        /// Status of the chat (`ongoing`).
        status: ChatStatus = "status",
        /// The chat user (Ebbot names anonymous visitors, as in `Identical Goat`).
        user: UserInfo = "user",
    }
}
