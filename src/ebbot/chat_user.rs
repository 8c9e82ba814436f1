//! [`ChatUserUpdateData`] (`data` of `chat.user.update`) and [`UserInfo`].

use crate::lenient::Id;

open_object! {
    /// What Ebbot knows about a chat user: `user` in `chat.create` and `chat.user.update`, and
    /// the document inside `chat_user.info` of `chat.update`.
    ///
    /// Ebbot documents `first_name`, `last_name` and `id`; the info a widget or scenario
    /// collects (an email, a phone number, ...) is kept in [`other`](Self::other).
    pub struct UserInfo("user info (an object)") {
        /// First name (Ebbot names anonymous visitors with an adjective, as in `Identical`).
        first_name: String = "first_name",
        /// Last name (an animal for anonymous visitors, as in `Goat`).
        last_name: String = "last_name",
        /// Id of the chat user (`chatUserId` in `chat.update`).
        id: Id = "id",
    }
}

impl UserInfo {
    /// The first and last name joined by a space, or the one that is present.
    pub fn full_name(&self) -> Option<String> {
        let first = self.first_name.as_deref().filter(|part| !part.is_empty());
        let last = self.last_name.as_deref().filter(|part| !part.is_empty());
        match (first, last) {
            (Some(first), Some(last)) => {
                let mut name = String::with_capacity(first.len() + 1 + last.len());
                name.push_str(first);
                name.push(' ');
                name.push_str(last);
                Some(name)
            }
            (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
            (None, None) => None,
        }
    }
}

open_object! {
    /// `data` of `chat.user.update`: the chat and its updated user.
    pub struct ChatUserUpdateData("a chat user update (an object)") {
        /// Id of the chat.
        id: Id = "id",
        /// The user as it is after the update.
        user: UserInfo = "user",
    }
}
