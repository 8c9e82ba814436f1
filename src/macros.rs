//! `open_enum!`: string enums that keep values they do not know.

/// Declares a string enum with one variant per documented value and an `Unknown(String)`
/// variant for any other, so that a vendor adding a value never breaks a parse.
///
/// The enum serializes to the string it was read from (`Unknown` values verbatim), gets
/// `as_str`, `Display`, `From<&str>` and `From<String>`, and is `#[non_exhaustive]`. Each
/// variant lists the value it is written as and, after `|`, other spellings that read as it
/// (they serialize as the first). Construct values with `From`: `Unknown("known")` built by
/// hand is not equal to the known variant.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $value:literal $(| $alias:literal)*
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
            /// A value this crate does not know, kept as sent.
            Unknown(String),
        }

        impl $name {
            /// The value as the vendor writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $value, )+
                    $name::Unknown(value) => value,
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $value $(| $alias)* => $name::$variant, )+
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match $name::from(value.as_str()) {
                    $name::Unknown(_) => $name::Unknown(value),
                    known => known,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct OpenVisitor;

                impl ::serde::de::Visitor<'_> for OpenVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str("a string")
                    }

                    fn visit_str<E: ::serde::de::Error>(self, value: &str) -> Result<$name, E> {
                        Ok($name::from(value))
                    }

                    fn visit_string<E: ::serde::de::Error>(self, value: String) -> Result<$name, E> {
                        Ok($name::from(value))
                    }
                }

                deserializer.deserialize_str(OpenVisitor)
            }
        }
    };
}

/// Declares an open object: typed `Option` fields read from and written to the given JSON
/// names, plus `other` for every other member, with `Default`, `Debug`, `Clone`, `PartialEq`,
/// `Serialize` and `Deserialize` through the shared reader and writer in `open_object.rs`.
///
/// ```text
/// open_object! {
///     /// Docs.
///     pub struct Name("what it is, for error messages") {
///         /// Docs.
///         field: Type = "jsonName",
///     }
/// }
/// ```
#[allow(unused_macros)] // used by the vendors with open objects (Ebbot, Inbenta)
macro_rules! open_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident($expecting:literal) {
            $(
                $(#[$fmeta:meta])*
                $field:ident: $ty:ty = $key:literal,
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[$fmeta])*
                pub $field: Option<$ty>,
            )+
            /// Members this crate has no field for, as sent.
            pub other: ::serde_json::Map<String, ::serde_json::Value>,
        }

        impl $crate::open_object::OpenObject for $name {
            const EXPECTING: &'static str = $expecting;
            const KEYS: &'static [&'static str] = &[$($key),+];

            fn read_member<'de, A: ::serde::de::MapAccess<'de>>(
                &mut self,
                index: usize,
                map: &mut A,
            ) -> Result<(), A::Error> {
                match <Self as $crate::open_object::OpenObject>::KEYS[index] {
                    $( $key => self.$field = map.next_value()?, )+
                    _ => unreachable!("index comes from KEYS"),
                }
                Ok(())
            }

            fn write_members<M: ::serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> Result<(), M::Error> {
                $(
                    if let Some(value) = &self.$field {
                        map.serialize_entry($key, value)?;
                    }
                )+
                Ok(())
            }

            fn other(&self) -> &::serde_json::Map<String, ::serde_json::Value> {
                &self.other
            }

            fn other_mut(&mut self) -> &mut ::serde_json::Map<String, ::serde_json::Value> {
                &mut self.other
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::open_object::serialize(self, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::open_object::deserialize(deserializer)
            }
        }
    };
}
