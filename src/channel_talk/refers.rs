//! [`Refers`]: the models a webhook refers to, and the [`Manager`], [`Bot`] and [`Group`]
//! that only appear there.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::envelope::{Key, KeySeed};
use super::{Members, Message, User, UserChat};
use crate::lenient::{Id, Timestamp};

/// The models a webhook refers to (`refers`): for a message, its author (`manager`, `bot` or
/// `user`) and the `group` or `userChat` it was posted in; for a user chat, its `user` and
/// most recent `message`.
///
/// Members this crate does not type (`veil`, which Channel mentions without showing, or any
/// new one) are kept in [`other`](Self::other) and written back after the typed ones.
///
/// Each model is boxed: a webhook refers to one or two of them, and six inline would make every
/// `Refers` several kilobytes, copied at each step of a parse.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Refers {
    /// The manager who wrote the message.
    pub manager: Option<Box<Manager>>,
    /// The bot that wrote the message.
    pub bot: Option<Box<Bot>>,
    /// The team chat (group) the message was posted in.
    pub group: Option<Box<Group>>,
    /// The user who wrote the message, or whose chat it is.
    pub user: Option<Box<User>>,
    /// The most recent message of a user chat.
    pub message: Option<Box<Message>>,
    /// The user chat the message was posted in (`userChat`).
    pub user_chat: Option<Box<UserChat>>,
    /// Members this crate does not type, as sent.
    pub other: Members,
}

const KEYS: [&str; 6] = ["manager", "bot", "group", "user", "message", "userChat"];

impl<'de> Deserialize<'de> for Refers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RefersVisitor;

        impl<'de> Visitor<'de> for RefersVisitor {
            type Value = Refers;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the models the webhook refers to (an object)")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Refers, A::Error> {
                fn put<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
                    slot: &mut Option<T>,
                    seen: &mut bool,
                    key: &'static str,
                    map: &mut A,
                ) -> Result<(), A::Error> {
                    if std::mem::replace(seen, true) {
                        return Err(de::Error::duplicate_field(key));
                    }
                    *slot = map.next_value()?;
                    Ok(())
                }
                let mut refers = Refers::default();
                let mut seen = [false; KEYS.len()];
                while let Some(key) = map.next_key_seed(KeySeed(&KEYS))? {
                    match key {
                        Key::Known(0) => put(&mut refers.manager, &mut seen[0], KEYS[0], &mut map)?,
                        Key::Known(1) => put(&mut refers.bot, &mut seen[1], KEYS[1], &mut map)?,
                        Key::Known(2) => put(&mut refers.group, &mut seen[2], KEYS[2], &mut map)?,
                        Key::Known(3) => put(&mut refers.user, &mut seen[3], KEYS[3], &mut map)?,
                        Key::Known(4) => put(&mut refers.message, &mut seen[4], KEYS[4], &mut map)?,
                        Key::Known(_) => {
                            put(&mut refers.user_chat, &mut seen[5], KEYS[5], &mut map)?
                        }
                        Key::Other(key) => {
                            let value = map.next_value()?;
                            refers.other.insert(key, value);
                        }
                    }
                }
                Ok(refers)
            }
        }

        deserializer.deserialize_map(RefersVisitor)
    }
}

impl Serialize for Refers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        macro_rules! entry {
            ($index:expr, $field:expr) => {
                if let Some(value) = &$field {
                    map.serialize_entry(KEYS[$index], value)?;
                }
            };
        }
        entry!(0, self.manager);
        entry!(1, self.bot);
        entry!(2, self.group);
        entry!(3, self.user);
        entry!(4, self.message);
        entry!(5, self.user_chat);
        for (key, value) in &self.other {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// A manager: a human agent of the channel.
///
/// The members are those of Channel's published example (`username`, `role`, `defaultWatch`,
/// `watchOpenUserChatVia*` appear only there) and of its Open API model.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Manager {
    /// Id of the manager.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Id of the channel (the Channel Talk workspace).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Id>,
    /// Id of the manager's Channel account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<Id>,
    /// User name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description shown to users.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Mobile number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile_number: Option<String>,
    /// Role in the channel (`owner`, `manager`), as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Id of the role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_id: Option<Id>,
    /// Whether the manager was removed from the channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed: Option<bool>,
    /// When the manager was added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When the manager last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// When the manager was removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed_at: Option<Timestamp>,
    /// Default notification setting for chats (`all`, `info`, `none`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_watch: Option<String>,
    /// Whether the manager takes chats as an operator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<bool>,
    /// Operator score, as the number sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator_score: Option<serde_json::Number>,
    /// Touch score, as the number sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub touch_score: Option<serde_json::Number>,
    /// Whether new user chats are announced by email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watch_open_user_chat_via_email: Option<bool>,
    /// Whether new user chats are announced on the mobile app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watch_open_user_chat_via_mobile: Option<bool>,
    /// Whether the manager's messages show the channel's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_as_channel: Option<bool>,
    /// Status emoji.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_emoji: Option<String>,
    /// Status text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    /// Whether notifications are paused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub do_not_disturb: Option<bool>,
    /// Avatar image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
}

/// A bot of the channel. Channel's webhook documentation does not show its members; these
/// are those of its Open API.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Bot {
    /// Id of the bot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Id of the channel (the Channel Talk workspace).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Id>,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Avatar image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// Avatar colour (`#6c5ce7`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// When the bot was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
}

/// A team chat among managers.
///
/// Channel's published example misspells the key `"managerIds:` (a missing quote, so the
/// example is not JSON); the key is `managerIds`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Group {
    /// Id of the group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Id of the channel (the Channel Talk workspace).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Id>,
    /// Name of the group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Who may see it (`all`, `public`), as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Ids of its managers.
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub manager_ids: Vec<Id>,
    /// Its icon's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// Its description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_members_are_kept() {
        let json = r#"{"veil":{"id":"v1"},"group":{"managerIds":["1",2]},"zeta":null,"alpha":1}"#;
        let refers: Refers = serde_json::from_str(json).unwrap();
        assert_eq!(refers.group.as_ref().unwrap().manager_ids, ["1", "2"]);
        assert_eq!(refers.other["veil"]["id"], "v1");
        assert_eq!(
            serde_json::to_string(&refers).unwrap(),
            r#"{"group":{"managerIds":["1",2]},"alpha":1,"veil":{"id":"v1"},"zeta":null}"#
        );
    }

    #[test]
    fn duplicates_are_rejected_and_nulls_read_as_none() {
        let err = serde_json::from_str::<Refers>(r#"{"user":{},"user":{}}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "duplicate field `user` at line 1 column 17"
        );
        let refers: Refers = serde_json::from_str(r#"{"user":null,"manager":null}"#).unwrap();
        assert_eq!(refers, Refers::default());
    }
}
