//! [`Transcript`]: `data` of `chat.close`.

use serde::{Deserialize, Serialize};

use super::Message;
use crate::lenient::Id;

/// `data` of `chat.close`: the closed chat and its whole conversation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transcript {
    /// Id of the chat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The messages, in the array's order, which is kept: their timestamps are not always
    /// increasing (Ebbot's own example's are not).
    #[serde(default, deserialize_with = "crate::lenient::array")]
    pub conversation: Vec<Message>,
}
