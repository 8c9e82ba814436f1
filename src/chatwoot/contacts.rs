//! [`Contact`]: the customer a conversation is with.

use super::accounts::Account;
use crate::lenient::Id;
use crate::open_object::Members;

open_object! {
    /// A contact: the customer. The payload of `contact_created` and `contact_updated`, a
    /// conversation's `meta.sender`, and a message's `contact` in the oldest shape.
    ///
    /// `custom_attributes` and `additional_attributes` are user-defined: kept as sent, member
    /// by member. `type` is `"contact"` where Chatwoot sends it (its push data) and absent in
    /// the contact events' data.
    pub struct Contact("a Chatwoot contact (an object)") {
        /// The contact's id (in the account's contacts, not the users').
        id: Id = "id",
        /// The contact's name.
        name: String = "name",
        /// The contact's e-mail address.
        email: String = "email",
        /// The contact's phone number, in E.164 form.
        phone_number: String = "phone_number",
        /// The contact's id in your own system, where set (the widget's `setUser` identifier).
        identifier: String = "identifier",
        /// The contact's avatar.
        avatar: String = "avatar",
        /// The contact's avatar, as a thumbnail.
        thumbnail: String = "thumbnail",
        /// Whether the contact is blocked.
        blocked: bool = "blocked",
        /// `"contact"`, where sent.
        contact_type: String = "type",
        /// Attributes Chatwoot collects (city, company, social profiles, ...), as sent.
        additional_attributes: Members = "additional_attributes",
        /// Attributes your account defines, as sent.
        custom_attributes: Members = "custom_attributes",
        /// The account the contact belongs to.
        account: Account = "account",
    }
}

impl super::envelope::Payload for Contact {
    /// A contact belongs to no one conversation.
    fn chat_key(&self) -> Option<String> {
        None
    }

    /// A contact's data has no time of its own; an update's is in `changed_attributes`.
    fn time(&self, _: Option<super::EventKind>) -> Option<crate::Timestamp> {
        None
    }
}
