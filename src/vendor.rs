//! [`Vendor`]: which chat product sent a webhook. Generated from the registry's list
//! (`registry.rs`).

/// Generates [`Vendor`] from the registry's list.
macro_rules! vendor_enum {
    ($(
        $vendor:ident: $module:ident, feature = $feature:literal, route = $route:ident,
            name = $name:literal, about = $about:literal;
    )*) => {
        /// A chat product whose webhooks this crate reads.
        ///
        /// Displays, parses and serializes as the name of its module ([`as_str`](Self::as_str)):
        /// `superoffice`, `ebbot`, `channel_talk`, `inbenta`, `chatwoot`; `custom`. [`Vendor::Custom`] marks a
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

        names! {
            enum Vendor: "vendor", exact, by_value;
            $( $vendor => (stringify!($module)), )*
            Custom => "custom",
        }

        impl Vendor {
            /// How many vendors this crate can parse, whether or not their features are
            /// enabled.
            pub const COUNT: usize = [$(stringify!($vendor)),*].len();

            /// The vendors this crate can parse, whether or not their features are enabled.
            pub const SUPPORTED: [Vendor; Vendor::COUNT] = [$(Vendor::$vendor),*];

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

            /// What a parse error of the vendor's `EventKind` calls it: `channel_talk event
            /// name`.
            pub(crate) const fn event_names(self) -> &'static str {
                match self {
                    $( Vendor::$vendor => concat!(stringify!($module), " event name"), )*
                    Vendor::Custom => "custom event name",
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
            format!(
                "unknown vendor \"slack\", expected {} or custom",
                names.join(", ")
            )
        );
        assert_eq!(Vendor::ALL.len(), Vendor::COUNT + 1);
        // Names are the wire names, exactly: a product name in other letters is none.
        for vendor in Vendor::SUPPORTED {
            let shouted = vendor.as_str().to_ascii_uppercase();
            assert_eq!(shouted.parse::<Vendor>().unwrap_err().name(), shouted);
        }
    }
}
