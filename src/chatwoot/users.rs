//! [`User`] (an agent), and [`Sender`]: a contact, a user or an agent bot, told apart by `type`.

use super::accounts::Account;
use crate::lenient::Id;
use crate::open_object::Members;

open_object! {
    /// A user of the Chatwoot account: an agent or an administrator. A conversation's
    /// `meta.assignee`.
    pub struct User("a Chatwoot user (an object)") {
        /// The user's id (in the installation's users, not the contacts').
        id: Id = "id",
        /// The user's full name.
        name: String = "name",
        /// The name shown to contacts.
        available_name: String = "available_name",
        /// The user's e-mail address.
        email: String = "email",
        /// The user's avatar.
        avatar_url: String = "avatar_url",
        /// The user's avatar, as a thumbnail.
        thumbnail: String = "thumbnail",
        /// `online`, `busy` or `offline`, as sent.
        availability_status: String = "availability_status",
        /// `"user"`, where sent.
        user_type: String = "type",
    }
}

open_enum! {
    /// What a [`Sender`] is (`type`).
    pub enum SenderType {
        /// A contact: the customer.
        Contact = "contact",
        /// A user: an agent or an administrator.
        User = "user",
        /// An agent bot.
        AgentBot = "agent_bot",
    }
}

open_object! {
    /// Who sent a message, or who is typing: a contact, a user (an agent) or an agent bot.
    ///
    /// Chatwoot sends the sender's own model, told apart by `type`: `"user"` for a user,
    /// `"agent_bot"` for an agent bot, and for a contact `"contact"` (older versions and push
    /// data) or no `type` at all (a contact's webhook data in recent versions). One type holds
    /// the members of all three; [`kind`](Self::kind) says which it is.
    pub struct Sender("a Chatwoot message sender (an object)") {
        /// The sender's id: a contact's, a user's or an agent bot's, each in its own series.
        id: Id = "id",
        /// The sender's name.
        name: String = "name",
        /// What the sender is (`type`), where sent: see [`kind`](Sender::kind).
        sender_type: SenderType = "type",
        /// The name shown to contacts (a user).
        available_name: String = "available_name",
        /// The e-mail address (a contact or a user).
        email: String = "email",
        /// The phone number (a contact).
        phone_number: String = "phone_number",
        /// The id in your own system (a contact).
        identifier: String = "identifier",
        /// The avatar (a contact's webhook data).
        avatar: String = "avatar",
        /// The avatar (a user or an agent bot).
        avatar_url: String = "avatar_url",
        /// The avatar, as a thumbnail.
        thumbnail: String = "thumbnail",
        /// `online`, `busy` or `offline` (a user).
        availability_status: String = "availability_status",
        /// Whether the contact is blocked.
        blocked: bool = "blocked",
        /// Attributes Chatwoot collects (a contact), as sent.
        additional_attributes: Members = "additional_attributes",
        /// Attributes your account defines (a contact), as sent.
        custom_attributes: Members = "custom_attributes",
        /// The account (a contact's webhook data).
        account: Account = "account",
    }
}

impl Sender {
    /// What the sender is: its `type`, with a missing `type` read as
    /// [`SenderType::Contact`] (recent versions send none for a contact).
    ///
    /// ```
    /// use chat_webhooks::chatwoot::{Sender, SenderType};
    ///
    /// let contact: Sender = serde_json::from_str(r#"{"id": 7, "name": "Ines"}"#)?;
    /// let bot: Sender = serde_json::from_str(r#"{"id": 2, "name": "Triage", "type": "agent_bot"}"#)?;
    /// assert_eq!(contact.kind(), SenderType::Contact);
    /// assert_eq!(bot.kind(), SenderType::AgentBot);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn kind(&self) -> SenderType {
        self.sender_type.clone().unwrap_or(SenderType::Contact)
    }

    /// Whether the sender is a contact (the customer).
    pub fn is_contact(&self) -> bool {
        self.kind() == SenderType::Contact
    }
}
