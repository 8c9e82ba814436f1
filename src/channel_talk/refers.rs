//! [`Refers`]: the models a webhook refers to, and the [`Manager`], [`Bot`], [`Group`] and
//! [`Veil`] that only appear there.

use super::{Members, Message, User, UserChat};
use crate::lenient::{Id, Number, Timestamp};

open_object! {
    /// The models a webhook refers to (`refers`): for a message, its author (`manager`, `bot`,
    /// `user` or, in the older generation of the body, `veil`) and the `group` or `userChat` it
    /// was posted in; for a user chat, its `user` (or `veil`) and most recent `message`.
    ///
    /// Members this crate does not type are kept in `other` and written back
    /// after the typed ones.
    ///
    /// Each model is boxed: a webhook refers to one or two of them, and seven inline would make
    /// every `Refers` several kilobytes, copied at each step of a parse.
    pub struct Refers("the models the webhook refers to (an object)") {
        /// The manager who wrote the message.
        manager: Box<Manager> = "manager",
        /// The bot that wrote the message.
        bot: Box<Bot> = "bot",
        /// The team chat (group) the message was posted in.
        group: Box<Group> = "group",
        /// The user who wrote the message, or whose chat it is.
        user: Box<User> = "user",
        /// The most recent message of a user chat.
        message: Box<Message> = "message",
        /// The user chat the message was posted in (`userChat`).
        user_chat: Box<UserChat> = "userChat",
        /// The anonymous visitor who wrote the message, or whose chat it is, in the older
        /// generation of the body (person type `Veil`).
        veil: Box<Veil> = "veil",
    }
}

open_object! {
    /// An anonymous visitor (`veil`), the customer in the older generation of the body. Channel
    /// no longer documents it; integrations written against that generation report these
    /// members.
    pub struct Veil("a veil (an object)") {
        /// Id of the visitor.
        id: Id = "id",
        /// Id of the channel (the Channel Talk workspace).
        channel_id: Id = "channelId",
        /// Display name.
        name: String = "name",
        /// Profile fields (`name`, `mobileNumber` and the channel's custom ones), as sent.
        profile: Members = "profile",
        /// Mobile number.
        mobile_number: String = "mobileNumber",
        /// Country code, from the IP address.
        country: String = "country",
        /// Province, from the IP address.
        province: String = "province",
        /// City, from the IP address.
        city: String = "city",
        /// Latitude, from the IP address, as the number sent.
        latitude: Number = "latitude",
        /// Longitude, from the IP address, as the number sent.
        longitude: Number = "longitude",
        /// The older generation's `ghost` flag, as sent (Channel no longer documents it).
        ghost: bool = "ghost",
        /// When the visitor was first seen.
        created_at: Timestamp = "createdAt",
        /// When the visitor last changed.
        updated_at: Timestamp = "updatedAt",
    }
}

open_object! {
    /// A manager: a human agent of the channel.
    ///
    /// The members are those of Channel's published example (`username`, `role`, `defaultWatch`,
    /// `watchOpenUserChatVia*` appear only there) and of its Open API model.
    pub struct Manager("a manager (an object)") {
        /// Id of the manager.
        id: Id = "id",
        /// Id of the channel (the Channel Talk workspace).
        channel_id: Id = "channelId",
        /// Id of the manager's Channel account.
        account_id: Id = "accountId",
        /// User name.
        username: String = "username",
        /// Display name.
        name: String = "name",
        /// Description shown to users.
        description: String = "description",
        /// Email address.
        email: String = "email",
        /// Mobile number.
        mobile_number: String = "mobileNumber",
        /// Role in the channel (`owner`, `manager`), as sent.
        role: String = "role",
        /// Id of the role.
        role_id: Id = "roleId",
        /// Whether the manager was removed from the channel.
        removed: bool = "removed",
        /// When the manager was added.
        created_at: Timestamp = "createdAt",
        /// When the manager last changed.
        updated_at: Timestamp = "updatedAt",
        /// When the manager was removed.
        removed_at: Timestamp = "removedAt",
        /// Default notification setting for chats (`all`, `info`, `none`).
        default_watch: String = "defaultWatch",
        /// Whether the manager takes chats as an operator.
        operator: bool = "operator",
        /// Operator score, as the number sent.
        operator_score: Number = "operatorScore",
        /// Touch score, as the number sent.
        touch_score: Number = "touchScore",
        /// Whether new user chats are announced by email.
        watch_open_user_chat_via_email: bool = "watchOpenUserChatViaEmail",
        /// Whether new user chats are announced on the mobile app.
        watch_open_user_chat_via_mobile: bool = "watchOpenUserChatViaMobile",
        /// Whether the manager's messages show the channel's name.
        display_as_channel: bool = "displayAsChannel",
        /// Status emoji.
        status_emoji: String = "statusEmoji",
        /// Status text.
        status_text: String = "statusText",
        /// Whether notifications are paused.
        do_not_disturb: bool = "doNotDisturb",
        /// Avatar image.
        avatar_url: String = "avatarUrl",
    }
}

open_object! {
    /// A bot of the channel. Channel's webhook documentation does not show its members; these
    /// are those of its Open API.
    pub struct Bot("a bot (an object)") {
        /// Id of the bot.
        id: Id = "id",
        /// Id of the channel (the Channel Talk workspace).
        channel_id: Id = "channelId",
        /// Display name.
        name: String = "name",
        /// Description.
        description: String = "description",
        /// Avatar image.
        avatar_url: String = "avatarUrl",
        /// Avatar colour (`#6c5ce7`).
        color: String = "color",
        /// When the bot was created.
        created_at: Timestamp = "createdAt",
    }
}

open_object! {
    /// A team chat among managers.
    ///
    /// Channel's published example misspells the key `"managerIds:` (a missing quote, so the
    /// example is not JSON); the key is `managerIds`.
    pub struct Group("a group (an object)") {
        /// Id of the group.
        id: Id = "id",
        /// Id of the channel (the Channel Talk workspace).
        channel_id: Id = "channelId",
        /// Name of the group.
        name: String = "name",
        /// Who may see it (`all`, `public`), as sent.
        scope: String = "scope",
        /// Ids of its managers.
        manager_ids: Vec<Id> = "managerIds",
        /// Its icon's name.
        icon: String = "icon",
        /// Its description.
        description: String = "description",
        /// When it was created.
        created_at: Timestamp = "createdAt",
        /// When it last changed.
        updated_at: Timestamp = "updatedAt",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_members_are_kept() {
        let json = r#"{"veil":{"id":"v1","ghost":false,"zz":1},"group":{"managerIds":["1",2]},"zeta":null,"alpha":1}"#;
        let refers: Refers = serde_json::from_str(json).unwrap();
        let group = refers.group.as_ref().unwrap();
        assert_eq!(group.manager_ids.as_deref().unwrap(), ["1", "2"]);
        let veil = refers.veil.as_ref().unwrap();
        assert_eq!(veil.id.as_ref().unwrap(), "v1");
        assert_eq!(veil.other.get("zz").unwrap().get(), "1");
        assert_eq!(refers.other.get("zeta").unwrap().get(), "null");
        assert_eq!(
            serde_json::to_string(&refers).unwrap(),
            r#"{"group":{"managerIds":["1",2]},"veil":{"id":"v1","ghost":false,"zz":1},"zeta":null,"alpha":1}"#
        );
    }

    #[test]
    fn duplicates_and_arrays_are_rejected_and_nulls_read_as_none() {
        let err = serde_json::from_str::<Refers>(r#"{"user":{},"user":{}}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "duplicate field `user` at line 1 column 17"
        );
        let err = serde_json::from_str::<Refers>("[]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: sequence, expected the models the webhook refers to (an object) at line 1 column 0"
        );
        let err = serde_json::from_str::<Refers>(r#"{"veil":[]}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: sequence, expected a veil (an object) at line 1 column 8"
        );
        let refers: Refers = serde_json::from_str(r#"{"user":null,"manager":null}"#).unwrap();
        assert_eq!(refers, Refers::default());
    }
}
