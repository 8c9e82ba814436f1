//! [`ChatData`]: `data` of `chat.data.update`.

use crate::lenient::{Id, Number};

open_object! {
    /// `data` of `chat.data.update`: the chat session's properties.
    ///
    /// Ebbot describes the topic as "when the conversations property in the session is
    /// updated" and documents the members below by example only; members it adds (session
    /// variables, tracking data) are kept in [`other`](Self::other).
    pub struct ChatData("chat session data (an object)") {
        /// Id of the chat.
        id: Id = "id",
        /// Time before the chat started (`0` in the example; unit undocumented).
        time_before_start: Number = "time_before_start",
        /// The user's operating system (`Windows`).
        os: String = "os",
        /// The user's last input.
        user_last_input: String = "user_last_input",
        /// Host of the page the widget runs on.
        current_host: String = "current_host",
        /// The user's IP address.
        client_ip: String = "clientIp",
        /// The user's browser (`chrome`).
        browser: String = "browser",
        /// The widget theme in use.
        chat_theme_details: ChatThemeDetails = "chat_theme_details",
        /// The page the widget runs on.
        current_page: String = "current_page",
        /// The platform (`web`).
        platform: String = "platform",
    }
}

open_object! {
    /// `chat_theme_details` of [`ChatData`]: the widget theme.
    pub struct ChatThemeDetails("chat theme details (an object)") {
        /// Id of the theme.
        id: Id = "id",
        /// Path of the theme; `null` in the example (written back as `null`).
        path: String = "path" (always),
        /// Whether it is the bot's default theme.
        is_default: bool = "isDefault",
    }
}
