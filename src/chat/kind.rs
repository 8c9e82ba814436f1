//! [`ChatEventKind`]: what happened, in vendor-neutral terms.

use serde::{Deserialize, Serialize};

/// What happened, in terms every vendor shares.
///
/// The kinds were chosen from all four vendors' events; which vendor event maps to which kind
/// is the table at the crate root. Serializes in snake_case (`message_created`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChatEventKind {
    /// A chat (session, conversation) began.
    ChatStarted,
    /// A chat's properties or state changed; see [`ChatEvent::status`](crate::ChatEvent::status).
    ChatUpdated,
    /// A chat ended; [`ChatEvent::transcript`](crate::ChatEvent::transcript) holds the
    /// conversation when the vendor sends it.
    ChatClosed,
    /// A message was added to a chat.
    MessageCreated,
    /// A message was received or read by its recipient (a read receipt).
    MessageRead,
    /// Someone joined a chat; [`ChatEvent::participant`](crate::ChatEvent::participant) says who.
    ParticipantJoined,
    /// Someone left a chat; [`ChatEvent::participant`](crate::ChatEvent::participant) says who.
    ParticipantLeft,
    /// A chat is waiting for an agent to be assigned (the vendor may accept the choice in the
    /// response), or an agent was invited to it.
    AssignmentRequested,
    /// An agent accepted the invitation to a chat.
    InvitationAccepted,
    /// No agent is left to invite to a chat.
    NoAgentAvailable,
    /// A chat moved in its queue; see [`ChatEvent::queue_position`](crate::ChatEvent::queue_position).
    QueuePositionChanged,
    /// Someone started typing.
    TypingStarted,
    /// Someone stopped typing.
    TypingStopped,
    /// A chat user's profile or contact details changed.
    UserUpdated,
    /// A bot flow (an Ebbot scenario) ran in a chat.
    BotFlowRun,
    /// A system notice about a chat (for example, a ticket was created when it closed).
    SystemNotice,
    /// An event with no common meaning: a vendor's test or housekeeping event, or an event this
    /// crate does not know. [`ChatEvent::event_name`](crate::ChatEvent::event_name) says which.
    Other,
}
