//! [`assign_response`]: choosing the agent for a `chats:assign` webhook.

use std::time::Duration;

use crate::lenient::Id;

/// How long HyperChat waits for the answer to `chats:assign`: 5 seconds, which "cannot be
/// modified". Answer later and the answer is ignored.
pub const ASSIGN_TIMEOUT: Duration = Duration::from_secs(5);

/// The `Content-Type` of the body [`assign_response`] builds.
pub const ASSIGN_RESPONSE_CONTENT_TYPE: &str = "application/json";

/// The body to answer a `chats:assign` webhook with, assigning the chat to `agent_id`:
/// `{"agentId":"<id>"}`.
///
/// HyperChat assigns the chat "if a valid agent ID is returned in this webhook" within
/// [`ASSIGN_TIMEOUT`]. **The format of that answer is not documented** (Inbenta's example is
/// cut off), so this body is an assumption: a JSON object, because HyperChat sends and
/// expects JSON everywhere else, with the id under `agentId`, in the camelCase `<thing>Id`
/// style of every id HyperChat names (`appId`, `chatId`, `userId`). The id is written in the
/// form it arrived in (string or number), normally one of the
/// [`agents`](super::ChatAssignData::agents) of the webhook. If your instance expects another
/// format, build the answer yourself; this helper exists so that the assumption is written
/// down in one place.
///
/// ```
/// use chat_webhooks::{inbenta, Id};
///
/// assert_eq!(inbenta::assign_response(&Id::new("a7Kq2")), r#"{"agentId":"a7Kq2"}"#);
/// assert_eq!(inbenta::assign_response(&Id::from(42_i64)), r#"{"agentId":42}"#);
/// ```
pub fn assign_response(agent_id: &Id) -> String {
    #[derive(serde::Serialize)]
    struct Answer<'a> {
        #[serde(rename = "agentId")]
        agent_id: &'a Id,
    }
    serde_json::to_string(&Answer { agent_id }).expect("an id always serializes")
}
