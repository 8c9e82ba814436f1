//! [`ChatKind`]: whom a chat is with.

/// Whom a chat is with: a customer, or only the team (an internal chat among agents).
///
/// Set only where the vendor says: Channel Talk's message `chatType` (`userChat` is
/// [`Customer`](Self::Customer), `group` is [`Team`](Self::Team)) and its user chats
/// (`Customer`). The other vendors send no chat type, so their events have
/// [`Unknown`](Self::Unknown).
///
/// Serializes, displays and parses ([`as_str`](Self::as_str), `Display`, `FromStr`) in
/// snake_case: `customer`, `team`, `unknown`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ChatKind {
    /// The event does not say.
    #[default]
    Unknown,
    /// A conversation with a customer (a user, visitor or contact).
    Customer,
    /// A chat among the team only (Channel Talk's team chats, its `group`s).
    Team,
}

impl ChatKind {
    /// Whether the kind is [`Unknown`](Self::Unknown).
    pub const fn is_unknown(&self) -> bool {
        matches!(self, ChatKind::Unknown)
    }
}

names! {
    enum ChatKind: "chat kind", exact, by_ref;
    Unknown => "unknown",
    Customer => "customer",
    Team => "team",
}
