//! [`Vendor`]: which chat product sent a webhook.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A chat product whose webhooks this crate reads.
///
/// Displays, parses and serializes as the name of its module: `superoffice`, `ebbot`,
/// `channel_talk`, `inbenta`, `chatwoot`. [`Vendor::Custom`] marks a [`ChatEvent`](crate::ChatEvent) that a
/// user built from a payload of their own (see [`ChatEvent::custom`](crate::ChatEvent::custom)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Vendor {
    /// SuperOffice CRM chat events.
    #[serde(rename = "superoffice")]
    SuperOffice,
    /// Ebbot outgoing webhooks.
    Ebbot,
    /// Channel Talk (Channel.io) webhooks.
    ChannelTalk,
    /// Inbenta HyperChat webhooks.
    Inbenta,
    /// Chatwoot webhooks.
    Chatwoot,
    /// A source outside this crate: a user's own chat payload.
    Custom,
}

impl Vendor {
    /// The vendors this crate can parse, whether or not their features are enabled.
    pub const SUPPORTED: [Vendor; 5] = [
        Vendor::SuperOffice,
        Vendor::Ebbot,
        Vendor::ChannelTalk,
        Vendor::Inbenta,
        Vendor::Chatwoot,
    ];

    /// The name used in messages, serialization and [`FromStr`]: `superoffice`, `ebbot`,
    /// `channel_talk`, `inbenta`, `chatwoot`, `custom`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Vendor::SuperOffice => "superoffice",
            Vendor::Ebbot => "ebbot",
            Vendor::ChannelTalk => "channel_talk",
            Vendor::Inbenta => "inbenta",
            Vendor::Chatwoot => "chatwoot",
            Vendor::Custom => "custom",
        }
    }

    /// The cargo feature that compiles this vendor's support in.
    pub const fn feature(self) -> &'static str {
        match self {
            Vendor::ChannelTalk => "channel-talk",
            other => other.as_str(),
        }
    }

    /// Whether this build can parse the vendor's webhooks (its feature is enabled).
    pub const fn is_enabled(self) -> bool {
        match self {
            Vendor::SuperOffice => cfg!(feature = "superoffice"),
            Vendor::Ebbot => cfg!(feature = "ebbot"),
            Vendor::ChannelTalk => cfg!(feature = "channel-talk"),
            Vendor::Inbenta => cfg!(feature = "inbenta"),
            Vendor::Chatwoot => cfg!(feature = "chatwoot"),
            Vendor::Custom => false,
        }
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a name that is no [`Vendor`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseVendorError(());

impl fmt::Display for ParseVendorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown vendor, expected superoffice, ebbot, channel_talk, inbenta, chatwoot or custom")
    }
}

impl std::error::Error for ParseVendorError {}

impl FromStr for Vendor {
    type Err = ParseVendorError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Vendor::SuperOffice,
            Vendor::Ebbot,
            Vendor::ChannelTalk,
            Vendor::Inbenta,
            Vendor::Chatwoot,
            Vendor::Custom,
        ]
        .into_iter()
        .find(|vendor| vendor.as_str() == s)
        .ok_or(ParseVendorError(()))
    }
}
