//! [`User`]: the entity of `user` webhooks, and the user in `refers`.

use serde::{Deserialize, Serialize};

use super::Members;
use crate::lenient::{Id, Timestamp};

open_enum! {
    /// The kind of user (`type`).
    pub enum UserType {
        /// `member`: identified by the site with a `memberId`.
        Member = "member",
        /// `lead`: an anonymous visitor.
        Lead = "lead",
        /// `unified`: a member merged across channels.
        Unified = "unified",
    }
}

/// A Channel Talk user: a customer (a signed-in member or an anonymous lead, formerly "veil").
///
/// Every member may be absent or `null`; timestamps are epoch milliseconds. `latitude` and
/// `longitude` are [`serde_json::Number`]s (the documentation says `Long`, senders send
/// fractions) and are written back as sent; read them with `as_f64`. `contact` appears in
/// Channel's published example, not in its Open API model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct User {
    /// Id of the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Id of the channel (the Channel Talk workspace).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Id>,
    /// The site's own id for a member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member_id: Option<Id>,
    /// Id of the anonymous visitor (veil) the user was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub veil_id: Option<Id>,
    /// Id of the unified user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unified_id: Option<Id>,
    /// `member`, `lead` or `unified`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<UserType>,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Profile fields (`name`, `email`, `mobileNumber` and the channel's custom ones), as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<Members>,
    /// Tags on the user.
    #[serde(
        deserialize_with = "crate::lenient::array",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<String>,
    /// Number of notifications waiting for the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alert: Option<i64>,
    /// Number of unread messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unread: Option<i64>,
    /// Id of the chat shown to the user in a pop-up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pop_up_chat_id: Option<Id>,
    /// Whether the user is blocked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked: Option<bool>,
    /// Whether the user refused marketing email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsubscribe_email: Option<bool>,
    /// When [`unsubscribe_email`](Self::unsubscribe_email) last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsubscribe_email_updated_at: Option<Timestamp>,
    /// Whether the user refused marketing text messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsubscribe_texting: Option<bool>,
    /// When [`unsubscribe_texting`](Self::unsubscribe_texting) last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsubscribe_texting_updated_at: Option<Timestamp>,
    /// Whether the user has a chat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_chat: Option<bool>,
    /// Id of the user's main chat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub main_chat_id: Option<Id>,
    /// Whether the user can receive push notifications.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_push_token: Option<bool>,
    /// The user's language (`ko`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Country code, from the IP address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Province, from the IP address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// City, from the IP address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Time zone (`Asia/Seoul`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Latitude, from the IP address, as the number sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<serde_json::Number>,
    /// Longitude, from the IP address, as the number sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<serde_json::Number>,
    /// The browser the user last came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub web: Option<WebInfo>,
    /// The mobile app the user last came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile: Option<MobileInfo>,
    /// Number of sessions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sessions_count: Option<i64>,
    /// When the user was last seen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen_at: Option<Timestamp>,
    /// When the user was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When the user last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// Revision of the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// Whether the user has a name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub named: Option<bool>,
    /// Whether the user is a member (signed in).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<bool>,
    /// Whether the user left contact details (published example only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<bool>,
    /// Email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Whether the email address was verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_qualified: Option<bool>,
    /// Mobile number (`+821012345678`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile_number: Option<String>,
    /// Whether the mobile number was verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile_number_qualified: Option<bool>,
    /// Landline number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub landline_number: Option<String>,
    /// Avatar image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// Language of the user's device.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system_language: Option<String>,
}

/// The browser a user last came from (`web`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct WebInfo {
    /// Device (`Mac`, `iPhone`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// Operating system with version (`Mac OS 10.15.7`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    /// Operating system (`Mac OS`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os_name: Option<String>,
    /// Browser with version (`Chrome 80.0.3987.132`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub browser: Option<String>,
    /// Browser (`Chrome`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub browser_name: Option<String>,
    /// Number of web sessions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sessions_count: Option<i64>,
    /// When the user was last seen on the web.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen_at: Option<Timestamp>,
}

/// The mobile app a user last came from (`mobile`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct MobileInfo {
    /// Device model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// Operating system with version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    /// Operating system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os_name: Option<String>,
    /// The app's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_name: Option<String>,
    /// The app's version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
    /// The Channel SDK in the app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sdk_name: Option<String>,
    /// Its version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sdk_version: Option<String>,
    /// Number of app sessions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sessions_count: Option<i64>,
    /// When the user was last seen in the app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen_at: Option<Timestamp>,
}
