//! `open_object!`: structs for Ebbot's open-ended objects, which keep the members they do not
//! type.

/// Declares a struct of optional typed members plus `other`, a map of every member this crate
/// does not type, with hand-written serde impls (no `#[serde(flatten)]` buffering).
///
/// Each member is written `field: Type = "json key"` and becomes `pub field: Option<Type>`.
/// Deserializing reads the typed keys into their fields (`null` reads as `None`, a repeated key
/// is an error, as with derived structs) and every other key into `other`. Serializing writes
/// the typed members that are `Some`, in declaration order, then `other`.
macro_rules! open_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
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
            /// Members this crate does not type, as sent.
            pub other: serde_json::Map<String, serde_json::Value>,
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(None)?;
                $(
                    if let Some(value) = &self.$field {
                        map.serialize_entry($key, value)?;
                    }
                )+
                for (key, value) in &self.other {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ObjectVisitor;

                impl<'de> serde::de::Visitor<'de> for ObjectVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("an object (", stringify!($name), ")"))
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<Self::Value, A::Error> {
                        let mut out = $name::default();
                        let mut seen: u64 = 0;
                        while let Some(key) = map.next_key::<String>()? {
                            let mut bit: u64 = 1;
                            let mut matched = false;
                            $(
                                if !matched && key == $key {
                                    matched = true;
                                    if seen & bit != 0 {
                                        return Err(serde::de::Error::duplicate_field($key));
                                    }
                                    seen |= bit;
                                    out.$field = map.next_value()?;
                                }
                                bit <<= 1;
                            )+
                            let _ = bit;
                            if !matched {
                                let value = map.next_value()?;
                                out.other.insert(key, value);
                            }
                        }
                        Ok(out)
                    }
                }

                deserializer.deserialize_map(ObjectVisitor)
            }
        }
    };
}
