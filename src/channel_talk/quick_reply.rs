//! [`QuickReply`]: answering a message in the webhook's own response.

/// The response header that turns the response body into a reply: `x-quick-reply: true`.
pub const QUICK_REPLY_HEADER: &str = "x-quick-reply";

/// The optional response header naming the bot the reply is posted as: `x-bot-name`.
pub const BOT_NAME_HEADER: &str = "x-bot-name";

/// The response headers of a quick reply.
///
/// When the response to a webhook carries `x-quick-reply: true`, Channel posts the response
/// body as a reply message in the same chat, as the bot named by `x-bot-name` if present.
/// Channel does not document the format of the body; this crate does not build it. Header
/// names are lowercase; HTTP matches them case-insensitively.
///
/// ```
/// use chat_webhooks::channel_talk::QuickReply;
///
/// let reply = QuickReply::with_bot_name("Support Bot")?;
/// let headers: Vec<_> = reply.headers().collect();
/// assert_eq!(headers, [("x-quick-reply", "true"), ("x-bot-name", "Support Bot")]);
/// assert_eq!(QuickReply::new().headers().count(), 1);
/// # Ok::<(), chat_webhooks::channel_talk::InvalidBotName>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct QuickReply {
    bot_name: Option<String>,
}

impl QuickReply {
    /// A quick reply posted as Channel's default bot.
    pub fn new() -> Self {
        QuickReply::default()
    }

    /// A quick reply posted as the bot named `name`.
    ///
    /// Fails if `name` is empty or holds a control character (a line break would end the
    /// header). Non-ASCII names are accepted; note that some HTTP libraries only take them as
    /// bytes (`http::HeaderValue::from_bytes`, not `from_str`).
    pub fn with_bot_name(name: impl Into<String>) -> Result<Self, InvalidBotName> {
        let name = name.into();
        if name.trim().is_empty() {
            return Err(InvalidBotName {
                reason: "the bot name is empty",
            });
        }
        if name.chars().any(char::is_control) {
            return Err(InvalidBotName {
                reason: "the bot name contains a control character",
            });
        }
        Ok(QuickReply {
            bot_name: Some(name),
        })
    }

    /// The bot's name, if one was given.
    pub fn bot_name(&self) -> Option<&str> {
        self.bot_name.as_deref()
    }

    /// The headers to set on the response, as (name, value): `x-quick-reply: true`, then
    /// `x-bot-name` when a bot name was given.
    pub fn headers(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        std::iter::once((QUICK_REPLY_HEADER, "true"))
            .chain(self.bot_name.as_deref().map(|name| (BOT_NAME_HEADER, name)))
    }
}

/// Why a bot name cannot be sent as `x-bot-name`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid x-bot-name: {reason}")]
pub struct InvalidBotName {
    reason: &'static str,
}
