//! [`ChatEventKind`]: what happened, in vendor-neutral terms.

/// What happened, in terms every vendor shares.
///
/// The kinds were chosen from every vendor's events; which vendor event maps to which kind
/// is the table at the crate root. Serializes, displays and parses ([`as_str`](Self::as_str),
/// `Display`, `FromStr`) in snake_case: `message_created`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// A message already in a chat changed: its text was edited, or a reaction was added or
    /// removed. [`ChatEvent::message`](crate::ChatEvent::message) holds it as it is now; its
    /// [`message_key`](crate::ChatEvent::message_key) is the one of the message it updates.
    MessageUpdated,
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

names! {
    enum ChatEventKind: "chat event kind", exact, by_ref;
    ChatStarted => "chat_started",
    ChatUpdated => "chat_updated",
    ChatClosed => "chat_closed",
    MessageCreated => "message_created",
    MessageUpdated => "message_updated",
    MessageRead => "message_read",
    ParticipantJoined => "participant_joined",
    ParticipantLeft => "participant_left",
    AssignmentRequested => "assignment_requested",
    InvitationAccepted => "invitation_accepted",
    NoAgentAvailable => "no_agent_available",
    QueuePositionChanged => "queue_position_changed",
    TypingStarted => "typing_started",
    TypingStopped => "typing_stopped",
    UserUpdated => "user_updated",
    BotFlowRun => "bot_flow_run",
    SystemNotice => "system_notice",
    Other => "other",
}
