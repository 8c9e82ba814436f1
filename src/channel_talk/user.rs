//! [`User`]: the entity of `user` webhooks, and the user in `refers`.

use super::Members;
use crate::lenient::{Id, Number, Timestamp};

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

open_object! {
    /// A Channel Talk user: a customer (a signed-in member or an anonymous lead, formerly "veil").
    ///
    /// Every member may be absent or `null`; timestamps are epoch milliseconds. `latitude` and
    /// `longitude` are [`Number`](crate::Number)s (the documentation says `Long`, senders send
    /// fractions) and are written back as sent, digit for digit (`37.50` stays `37.50`); read them with `as_f64`. `contact` appears in
    /// Channel's published example, not in its Open API model.
    pub struct User("a user (an object)") {
        /// Id of the user.
        id: Id = "id",
        /// Id of the channel (the Channel Talk workspace).
        channel_id: Id = "channelId",
        /// The site's own id for a member.
        member_id: Id = "memberId",
        /// Id of the anonymous visitor (veil) the user was.
        veil_id: Id = "veilId",
        /// Id of the unified user.
        unified_id: Id = "unifiedId",
        /// `member`, `lead` or `unified`.
        kind: UserType = "type",
        /// Display name.
        name: String = "name",
        /// Profile fields (`name`, `email`, `mobileNumber` and the channel's custom ones), as sent.
        profile: Members = "profile",
        /// Tags on the user.
        tags: Vec<String> = "tags",
        /// Number of notifications waiting for the user.
        alert: i64 = "alert",
        /// Number of unread messages.
        unread: i64 = "unread",
        /// Id of the chat shown to the user in a pop-up.
        pop_up_chat_id: Id = "popUpChatId",
        /// Whether the user is blocked.
        blocked: bool = "blocked",
        /// Whether the user refused marketing email.
        unsubscribe_email: bool = "unsubscribeEmail",
        /// When [`unsubscribe_email`](Self::unsubscribe_email) last changed.
        unsubscribe_email_updated_at: Timestamp = "unsubscribeEmailUpdatedAt",
        /// Whether the user refused marketing text messages.
        unsubscribe_texting: bool = "unsubscribeTexting",
        /// When [`unsubscribe_texting`](Self::unsubscribe_texting) last changed.
        unsubscribe_texting_updated_at: Timestamp = "unsubscribeTextingUpdatedAt",
        /// Whether the user has a chat.
        has_chat: bool = "hasChat",
        /// Id of the user's main chat.
        main_chat_id: Id = "mainChatId",
        /// Whether the user can receive push notifications.
        has_push_token: bool = "hasPushToken",
        /// The user's language (`ko`).
        language: String = "language",
        /// Country code, from the IP address.
        country: String = "country",
        /// Province, from the IP address.
        province: String = "province",
        /// City, from the IP address.
        city: String = "city",
        /// Time zone (`Asia/Seoul`).
        time_zone: String = "timeZone",
        /// Latitude, from the IP address, as the number sent.
        latitude: Number = "latitude",
        /// Longitude, from the IP address, as the number sent.
        longitude: Number = "longitude",
        /// The browser the user last came from.
        web: WebInfo = "web",
        /// The mobile app the user last came from.
        mobile: MobileInfo = "mobile",
        /// Number of sessions.
        sessions_count: i64 = "sessionsCount",
        /// When the user was last seen.
        last_seen_at: Timestamp = "lastSeenAt",
        /// When the user was created.
        created_at: Timestamp = "createdAt",
        /// When the user last changed.
        updated_at: Timestamp = "updatedAt",
        /// Revision of the user.
        version: i64 = "version",
        /// Whether the user has a name.
        named: bool = "named",
        /// Whether the user is a member (signed in).
        member: bool = "member",
        /// Whether the user left contact details (published example only).
        contact: bool = "contact",
        /// Email address.
        email: String = "email",
        /// Whether the email address was verified.
        email_qualified: bool = "emailQualified",
        /// Mobile number (`+821012345678`).
        mobile_number: String = "mobileNumber",
        /// Whether the mobile number was verified.
        mobile_number_qualified: bool = "mobileNumberQualified",
        /// Landline number.
        landline_number: String = "landlineNumber",
        /// Avatar image.
        avatar_url: String = "avatarUrl",
        /// Language of the user's device.
        system_language: String = "systemLanguage",
    }
}

open_object! {
    /// The browser a user last came from (`web`).
    pub struct WebInfo("a browser (an object)") {
        /// Device (`Mac`, `iPhone`).
        device: String = "device",
        /// Operating system with version (`Mac OS 10.15.7`).
        os: String = "os",
        /// Operating system (`Mac OS`).
        os_name: String = "osName",
        /// Browser with version (`Chrome 80.0.3987.132`).
        browser: String = "browser",
        /// Browser (`Chrome`).
        browser_name: String = "browserName",
        /// Number of web sessions.
        sessions_count: i64 = "sessionsCount",
        /// When the user was last seen on the web.
        last_seen_at: Timestamp = "lastSeenAt",
    }
}

open_object! {
    /// The mobile app a user last came from (`mobile`).
    pub struct MobileInfo("a mobile app (an object)") {
        /// Device model.
        device: String = "device",
        /// Operating system with version.
        os: String = "os",
        /// Operating system.
        os_name: String = "osName",
        /// The app's name.
        app_name: String = "appName",
        /// The app's version.
        app_version: String = "appVersion",
        /// The Channel SDK in the app.
        sdk_name: String = "sdkName",
        /// Its version.
        sdk_version: String = "sdkVersion",
        /// Number of app sessions.
        sessions_count: i64 = "sessionsCount",
        /// When the user was last seen in the app.
        last_seen_at: Timestamp = "lastSeenAt",
    }
}
