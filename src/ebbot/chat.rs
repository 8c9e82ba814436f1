//! [`ChatCreate`]: `data` of `chat.create`.

use serde::{Deserialize, Serialize};

use super::{ChatStatus, IntegrationType, UserInfo};
use crate::lenient::Id;

/// `data` of `chat.create`: the new chat.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChatCreate {
    /// Id of the chat (`"<epoch seconds>.<millis>.<uuid>"` in Ebbot's other examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Where the chat runs (`web`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub integration_type: Option<IntegrationType>,
    /// Status of the chat (`ongoing`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ChatStatus>,
    /// The chat user (Ebbot names anonymous visitors, as in `Identical Goat`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<UserInfo>,
}
