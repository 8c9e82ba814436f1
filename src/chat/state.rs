//! [`ChatState`]: where a chat stands, in vendor-neutral terms.

/// Where a chat stands, normalised from what the vendor says.
///
/// Set only where the vendor documents what its value means; everywhere else it is
/// [`Unknown`](Self::Unknown), and [`ChatEvent::status`](crate::ChatEvent::status) keeps the
/// vendor's own word. The mapping per vendor:
///
/// | vendor | from | state |
/// |---|---|---|
/// | Channel Talk | user chat `state` | `opened` → `Open`, `queued` → `Queued`, `snoozed` → `Snoozed`, `closed` → `Closed`; other values (the older example's `unassigned`) → `Unknown` |
/// | Ebbot | `status` | `ongoing` → `Open`, `closed` or `ended` (any case) → `Closed`; other values → `Unknown` |
/// | Inbenta | the trigger | `chats:create` → `Open`, `queues:update` → `Queued`, `invitations:accept` → `Assigned`, `chats:close` → `Closed`; other triggers → `Unknown` (HyperChat's data is "skinny": it sends no status) |
/// | Chatwoot | conversation `status` (conversation events only) | `open` → `Open`, `resolved` → `Closed`, `pending` → `Open` (an agent bot is handling the conversation: a chat going on with a bot), `snoozed` → `Snoozed`; other values → `Unknown` |
/// | SuperOffice | `FieldValues.Status` (`ChatSessionStatus`) | 4 `InQueue` → `Queued`; 5 `CustomerLast`, 6 `UserLast` and the steps before the chat (1 `PreChatForm`, 2 `Faq`, 3 `OfflineForm`) → `Open`; 7 `Finished`, 8 `Deleted`, 9 `Closed`, 11 `ClosedFromQueue` and 10 `RequestPosted` (an offline form sent as a request) → `Closed`; 0 `Invalid` and unknown numbers → `Unknown`; `status` keeps the number |
///
/// Serializes, displays and parses ([`as_str`](Self::as_str), `Display`, `FromStr`) in
/// snake_case: `open`, `queued`, `assigned`, `snoozed`, `closed`, `unknown`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChatState {
    /// The chat is going on (with a bot, or with an agent when the vendor does not say).
    Open,
    /// The chat is waiting for a free agent.
    Queued,
    /// An agent has taken the chat.
    Assigned,
    /// The chat is put aside until later.
    Snoozed,
    /// The chat has ended.
    Closed,
    /// The event does not say, or the vendor does not document what its value means.
    #[default]
    Unknown,
}

impl ChatState {
    /// Whether the state is known: anything but [`Unknown`](Self::Unknown).
    pub const fn is_known(&self) -> bool {
        !matches!(self, ChatState::Unknown)
    }
}

names! {
    enum ChatState: "chat state", exact, by_ref;
    Open => "open",
    Queued => "queued",
    Assigned => "assigned",
    Snoozed => "snoozed",
    Closed => "closed",
    Unknown => "unknown",
}
