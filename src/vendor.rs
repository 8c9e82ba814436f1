//! [`Vendor`]: which chat product sent a webhook. Generated from the registry's list
//! (`registry.rs`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Generates [`Vendor`] from the registry's list.
macro_rules! vendor_enum {
    ($(
        $vendor:ident: $module:ident, feature = $feature:literal, route = $route:ident,
            name = $name:literal, about = $about:literal;
    )*) => {
        /// A chat product whose webhooks this crate reads.
        ///
        /// Displays, parses and serializes as the name of its module: `superoffice`, `ebbot`,
        /// `channel_talk`, `inbenta`, `chatwoot`. [`Vendor::Custom`] marks a
        /// [`ChatEvent`](crate::ChatEvent) that a user built from a payload of their own (see
        /// [`ChatEvent::custom`](crate::ChatEvent::custom)).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Vendor {
            $(
                #[doc = concat!($about, ".")]
                $vendor,
            )*
            /// A source outside this crate: a user's own chat payload.
            Custom,
        }

        impl Vendor {
            /// How many vendors this crate can parse, whether or not their features are
            /// enabled.
            pub const COUNT: usize = [$(stringify!($vendor)),*].len();

            /// The vendors this crate can parse, whether or not their features are enabled.
            pub const SUPPORTED: [Vendor; Vendor::COUNT] = [$(Vendor::$vendor),*];

            /// The name used in messages, serialization and [`FromStr`]: the vendor's module
            /// (`superoffice`, `channel_talk`, ...), or `custom`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Vendor::$vendor => stringify!($module), )*
                    Vendor::Custom => "custom",
                }
            }

            /// The product's name, for people: `SuperOffice`, `Channel Talk`; `custom` for
            /// [`Vendor::Custom`].
            pub const fn name(self) -> &'static str {
                match self {
                    $( Vendor::$vendor => $name, )*
                    Vendor::Custom => "custom",
                }
            }

            /// The cargo feature that compiles this vendor's support in (`channel-talk`);
            /// `custom` for [`Vendor::Custom`], which no feature compiles.
            pub const fn feature(self) -> &'static str {
                match self {
                    $( Vendor::$vendor => $feature, )*
                    Vendor::Custom => "custom",
                }
            }

            /// Whether this build can parse the vendor's webhooks (its feature is enabled).
            pub const fn is_enabled(self) -> bool {
                match self {
                    $( Vendor::$vendor => cfg!(feature = $feature), )*
                    Vendor::Custom => false,
                }
            }
        }
    };
}

vendors!(vendor_enum);

impl Vendor {
    /// The vendor's position in [`Vendor::SUPPORTED`]: the index of its slot in per-vendor
    /// state. `None` for [`Vendor::Custom`].
    pub(crate) const fn index(self) -> Option<usize> {
        match self {
            Vendor::Custom => None,
            // The variants are declared in the order of `SUPPORTED` (the test below checks).
            vendor => Some(vendor as usize),
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
        f.write_str("unknown vendor, expected ")?;
        for (i, vendor) in Vendor::SUPPORTED.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(vendor.as_str())?;
        }
        f.write_str(" or custom")
    }
}

impl std::error::Error for ParseVendorError {}

impl FromStr for Vendor {
    type Err = ParseVendorError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Vendor::SUPPORTED
            .into_iter()
            .chain([Vendor::Custom])
            .find(|vendor| vendor.as_str() == s)
            .ok_or(ParseVendorError(()))
    }
}

impl Serialize for Vendor {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Vendor {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for vendor in Vendor::SUPPORTED.into_iter().chain([Vendor::Custom]) {
            assert_eq!(vendor.as_str().parse::<Vendor>(), Ok(vendor));
            let json = serde_json::to_string(&vendor).unwrap();
            assert_eq!(json, format!("\"{vendor}\""));
            assert_eq!(serde_json::from_str::<Vendor>(&json).unwrap(), vendor);
            assert_eq!(vendor.index().is_some(), vendor != Vendor::Custom);
        }
        for (i, vendor) in Vendor::SUPPORTED.into_iter().enumerate() {
            assert_eq!(vendor.index(), Some(i));
        }
        let names: Vec<&str> = Vendor::SUPPORTED.iter().map(|v| v.as_str()).collect();
        assert_eq!(
            "slack".parse::<Vendor>().unwrap_err().to_string(),
            format!("unknown vendor, expected {} or custom", names.join(", "))
        );
    }
}
