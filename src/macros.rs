//! The crate's declarative macros: `open_enum!` (string enums that keep values they do not
//! know), `open_object!` (typed members plus the rest) and `event_enum!` (one table per vendor
//! that gives its `Event`, its `EventKind`, the dispatch and the serialization).

/// Declares a string enum with one variant per documented value and an `Unknown(String)`
/// variant for any other, so that a vendor adding a value never breaks a parse.
///
/// The enum serializes to the string it was read from (`Unknown` values verbatim), gets
/// `as_str`, `Display`, `From<&str>` and `From<String>`, and, through `names!`, `ALL` and
/// `NAMES` (the documented values) and `from_name` (a documented value, or `None`); it is
/// `#[non_exhaustive]`. Values match as written, letter case included. Each
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

        names!(@known $name, exact, [$( $variant => $value $(, $alias)*; )+]);
        names!(@text $name);

        impl $name {
            /// The value as the vendor writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $value, )+
                    $name::Unknown(value) => value,
                }
            }

            /// [`as_str`](Self::as_str) for the common model: a known value borrowed, an
            /// unknown one owned.
            #[allow(dead_code)]
            pub(crate) fn to_name(&self) -> ::std::borrow::Cow<'static, str> {
                match self {
                    $( $name::$variant => ::std::borrow::Cow::Borrowed($value), )+
                    $name::Unknown(value) => ::std::borrow::Cow::Owned(value.clone()),
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                $name::from_name(value).unwrap_or_else(|| $name::Unknown(value.to_owned()))
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                $name::from_name(&value).unwrap_or($name::Unknown(value))
            }
        }

        impl $crate::open_object::Walk for $name {
            fn walk(&self, _: &$crate::open_object::Path<'_>, _: &mut $crate::open_object::Found) {}
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

/// Declares an open object: typed fields read from and written to the given JSON names, plus
/// `other` ([`Members`](crate::open_object::Members)) for every other member, with `Default`,
/// `Debug`, `Clone`, `PartialEq`, `Serialize` and `Deserialize` through the shared reader and
/// writer in `open_object/`, and the walk that lists unknown members. Every member is read
/// through `open_object::read_value`, which charges each element of every sequence in it to
/// the parse's memory budget, whatever the field's type.
///
/// ```text
/// open_object! {
///     /// Docs.
///     pub struct Name<P>("what it is, for error messages") {
///         /// Docs.
///         field: Type = "jsonName",              // Option<Type>, written when Some
///         name: String = "name" (required),      // String, an error when absent
///         id: Id = "botId" (always),             // Option<Id>, written as null when None
///         info: Info = "info" (with = json_string), // Option<Info>, through a module's
///                                                   // `serialize(&Info, S)` / `deserialize(D)`
///         tags: Vec<String> = "tags" (list),     // Vec<String>: null or absent reads as
///                                                // empty; written when not empty or sent
///     }
/// }
/// ```
///
/// A member sent as `null` reads as `None` (or empty) and is written back as `null` while it
/// stays so: the object's `other` remembers which members were sent.
///
/// The type parameter is optional. Fields are written in the order declared.
macro_rules! open_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident $(<$gen:ident $(= $default:ty)?>)? ($expecting:literal) {
            $(
                $(#[$fmeta:meta])*
                $field:ident: $ty:ty = $key:literal $(($mode:ident $(= $with:ident)?))?,
            )+
        }
    ) => {
        $(#[$meta])*
        #[non_exhaustive]
        pub struct $name $(<$gen $(= $default)?>)? {
            $(
                $(#[$fmeta])*
                pub $field: open_field_type!($ty $(, $mode)?),
            )+
            /// Members this crate has no field for, as sent.
            pub other: $crate::open_object::Members,
        }

        impl $(<$gen: ::std::fmt::Debug>)? ::std::fmt::Debug for $name $(<$gen>)? {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(stringify!($name))
                    $( .field(stringify!($field), &self.$field) )+
                    .field("other", &self.other)
                    .finish()
            }
        }

        impl $(<$gen: ::std::clone::Clone>)? ::std::clone::Clone for $name $(<$gen>)? {
            fn clone(&self) -> Self {
                $name {
                    $( $field: ::std::clone::Clone::clone(&self.$field), )+
                    other: ::std::clone::Clone::clone(&self.other),
                }
            }
        }

        impl $(<$gen: ::std::cmp::PartialEq>)? ::std::cmp::PartialEq for $name $(<$gen>)? {
            fn eq(&self, other: &Self) -> bool {
                $( self.$field == other.$field && )+ self.other == other.other
            }
        }

        impl $(<$gen>)? ::std::default::Default for $name $(<$gen>)? {
            fn default() -> Self {
                $name {
                    $( $field: ::std::default::Default::default(), )+
                    other: $crate::open_object::Members::new(),
                }
            }
        }

        const _: () = {
            use $crate::open_object::{Found, Members, OpenObject, Path, Walk};

            /// Each typed member's index, as a constant a `match` can use.
            #[allow(non_upper_case_globals, non_camel_case_types, dead_code)]
            mod index {
                enum Index { $( $field, )+ }
                $( pub(super) const $field: usize = Index::$field as usize; )+
            }

            const KEYS: &[&str] = &[$($key),+];
            const _: () = assert!(KEYS.len() <= 64, "an open object has at most 64 typed members");
            /// Which typed members are lists: a list sent as `null` is noted at bit `63 - i`
            /// of `Members::sent`, above the typed members' bits.
            const LISTS: &[bool] = &[$(open_field_is_list!($($mode)?)),+];
            const _: () = assert!(
                KEYS.len() <= 32 || {
                    let mut i = 0;
                    while i < LISTS.len() && !LISTS[i] {
                        i += 1;
                    }
                    i == LISTS.len()
                },
                "an open object with a (list) member has at most 32 typed members"
            );

            impl $(<$gen: ::serde::Serialize + ::serde::de::DeserializeOwned>)? OpenObject
                for $name $(<$gen>)?
            {
                const EXPECTING: &'static str = $expecting;

                fn empty() -> Self {
                    ::std::default::Default::default()
                }

                #[inline]
                fn classify(&mut self, name: &str) -> Option<usize> {
                    match name {
                        $( $key => Some(index::$field), )+
                        _ => None,
                    }
                }

                fn member_name(&self, index: usize) -> &'static str {
                    KEYS.get(index).copied().unwrap_or("")
                }

                #[inline]
                fn read_member<'de, A: ::serde::de::MapAccess<'de>>(
                    &mut self,
                    index: usize,
                    map: &mut A,
                ) -> Result<(), A::Error> {
                    match index {
                        $(
                            index::$field => {
                                open_field_read!(
                                    self.$field, self.other, index::$field, map, $ty
                                    $(, $mode $(= $with)?)?
                                );
                            }
                        )+
                        _ => {}
                    }
                    Ok(())
                }

                #[allow(unused_variables)]
                fn finish<E: ::serde::de::Error>(&mut self, seen: u64) -> Result<(), E> {
                    $( open_field_check!(seen, index::$field, $key $(, $mode)?); )+
                    Ok(())
                }

                fn write_members<M: ::serde::ser::SerializeMap>(
                    &self,
                    map: &mut M,
                ) -> Result<(), M::Error> {
                    $(
                        open_field_write!(
                            map, $key, self.$field, self.other, index::$field, $ty
                            $(, $mode $(= $with)?)?
                        );
                    )+
                    Ok(())
                }

                fn writes(&self, name: &str) -> bool {
                    matches!(name, $($key)|+)
                }

                fn other(&self) -> &Members {
                    &self.other
                }

                fn other_mut(&mut self) -> &mut Members {
                    &mut self.other
                }
            }

            impl $(<$gen: Walk>)? Walk for $name $(<$gen>)? {
                fn walk(&self, path: &Path<'_>, out: &mut Found) {
                    $crate::open_object::report(&self.other, path, out);
                    $( Walk::walk(&self.$field, &path.key($key), out); )+
                }
            }

            impl $(<$gen: ::serde::Serialize + ::serde::de::DeserializeOwned>)? ::serde::Serialize
                for $name $(<$gen>)?
            {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    $crate::open_object::serialize(self, serializer)
                }
            }

            impl<'de $(, $gen: ::serde::Serialize + ::serde::de::DeserializeOwned)?>
                ::serde::Deserialize<'de> for $name $(<$gen>)?
            {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    $crate::open_object::deserialize(deserializer)
                }
            }
        };
    };
}

/// The Rust type of an `open_object!` field: `Option<T>`, or `T` for a required one or a list.
macro_rules! open_field_type {
    ($ty:ty) => { Option<$ty> };
    ($ty:ty, with) => { Option<$ty> };
    ($ty:ty, list) => { $ty };
    ($ty:ty, always) => { Option<$ty> };
    ($ty:ty, required) => { $ty };
}

/// Whether an `open_object!` field's mode is `(list)`.
macro_rules! open_field_is_list {
    (list) => {
        true
    };
    ($($mode:ident)?) => {
        false
    };
}

/// Reads an `open_object!` field: by its type's `Deserialize`, or for `(with = module)` by
/// `module::deserialize` (`null` reads as `None` without calling it), or for `(list)` by
/// [`List::read`](crate::open_object::List) (`null` reads as empty, and is noted in `other`).
macro_rules! open_field_read {
    ($slot:expr, $other:expr, $index:expr, $map:ident, $ty:ty, list) => {{
        struct List($ty);
        impl<'de> ::serde::Deserialize<'de> for List {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                <$ty as $crate::open_object::List>::read(deserializer).map(List)
            }
        }
        match $crate::open_object::read_value::<Option<List>, _>(&mut *$map)? {
            Some(list) => $slot = list.0,
            None => {
                $slot = ::std::default::Default::default();
                $other.set_null_list($index);
            }
        }
    }};
    ($slot:expr, $other:expr, $index:expr, $map:ident, $ty:ty, required) => {
        $slot = $crate::open_object::read_value(&mut *$map)?;
    };
    ($slot:expr, $other:expr, $index:expr, $map:ident, $ty:ty $(, $mode:ident)?) => {{
        #[allow(unused_imports)]
        use $crate::open_object::{ReadByValue as _, ReadInPlace as _};
        (&mut $crate::open_object::Slot(&mut $slot)).read_slot(&mut *$map)?;
    }};
    ($slot:expr, $other:expr, $index:expr, $map:ident, $ty:ty, with = $with:ident) => {{
        struct With($ty);
        impl<'de> ::serde::Deserialize<'de> for With {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                $with::deserialize(deserializer).map(With)
            }
        }
        $slot = $crate::open_object::read_value::<Option<With>, _>(&mut *$map)?.map(|with| with.0);
    }};
}

/// Writes an `open_object!` field: when present (`null` when it was sent but is `None`: it
/// was sent as `null`), always (`null` for `None`), as it is (a required field), for a list
/// when it holds something or was sent (`null` when sent as `null`), or for `(with = module)`
/// through `module::serialize`.
macro_rules! open_field_write {
    ($map:ident, $key:expr, $value:expr, $other:expr, $index:expr, $ty:ty) => {
        if let Some(value) = &$value {
            $map.serialize_entry($key, value)?;
        } else if $other.was_sent($index) {
            $map.serialize_entry($key, &())?;
        }
    };
    ($map:ident, $key:expr, $value:expr, $other:expr, $index:expr, $ty:ty, always) => {
        $map.serialize_entry($key, &$value)?;
    };
    ($map:ident, $key:expr, $value:expr, $other:expr, $index:expr, $ty:ty, required) => {
        $map.serialize_entry($key, &$value)?;
    };
    ($map:ident, $key:expr, $value:expr, $other:expr, $index:expr, $ty:ty, list) => {
        if !$crate::open_object::List::is_empty_list(&$value) {
            $map.serialize_entry($key, &$value)?;
        } else if $other.null_list($index) {
            $map.serialize_entry($key, &())?;
        } else if $other.was_sent($index) {
            $map.serialize_entry($key, &$value)?;
        }
    };
    ($map:ident, $key:expr, $value:expr, $other:expr, $index:expr, $ty:ty, with = $with:ident) => {
        if let Some(value) = &$value {
            struct With<'a>(&'a $ty);
            impl ::serde::Serialize for With<'_> {
                fn serialize<S: ::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    $with::serialize(self.0, serializer)
                }
            }
            $map.serialize_entry($key, &With(value))?;
        } else if $other.was_sent($index) {
            $map.serialize_entry($key, &())?;
        }
    };
}

/// Checks that a required `open_object!` field was present.
macro_rules! open_field_check {
    ($seen:ident, $index:expr, $key:expr) => {};
    ($seen:ident, $index:expr, $key:expr, with) => {};
    ($seen:ident, $index:expr, $key:expr, list) => {};
    ($seen:ident, $index:expr, $key:expr, always) => {};
    ($seen:ident, $index:expr, $key:expr, required) => {
        if $seen & (1u64 << $index) == 0 {
            return Err(::serde::de::Error::missing_field($key));
        }
    };
}

/// Declares a vendor's event table: one line per event, with the variant, its payload and the
/// event name (with its aliases), from which it generates
///
/// - `Event`, with one `Variant(Box<Payload>)` per line and `Unknown(UnknownEvent)`;
/// - `EventKind`, a `Copy` enum of the lines, with its names (`names!`: `as_str`, `from_name`,
///   `Display`, `FromStr`, serde, `ALL`, `NAMES`), matched in any ASCII letter case;
/// - `Event::kind`, `event_name`, `event_id`, `chat_id`, `occurred_at` (through each payload's
///   [`Envelope`](crate::table::Envelope) impl) and `unknown_members`;
/// - `dispatch`, the case-insensitive choice of the typed parse for a name;
/// - `Serialize` (the vendor's JSON, an unknown event's raw JSON) and `Deserialize`.
///
/// An alias may hold `#`, which matches one or more ASCII digits (`"webhook#.started"`), and
/// `*`, which matches one or more ASCII letters (`"message.*"`).
macro_rules! event_enum {
    (
        vendor: $vendor:expr;
        $(#[$meta:meta])*
        events {
            $(
                $(#[$vmeta:meta])*
                $variant:ident($payload:ty) = $name:literal $(| $alias:literal)*,
            )+
        }
    ) => {
        $(#[$meta])*
        ///
        /// Serializes to the vendor's own JSON, which [`parse`] reads back to an equal `Event`.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $(
                $(#[$vmeta])*
                $variant(Box<$payload>),
            )+
            /// An event this crate has no variant for, kept as sent.
            Unknown($crate::UnknownEvent),
        }

        /// Which event an [`Event`] is, without its data: one variant per line of the event
        /// table. `as_str` is the vendor's name for it, as `Display` and serde write it;
        /// parsing one (`FromStr`, `from_name`, serde) also accepts the other spellings the
        /// vendor uses, in any letter case.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum EventKind {
            $(
                $(#[$vmeta])*
                $variant,
            )+
        }

        names! {
            enum EventKind: $vendor.event_names(), any_case, by_value;
            $( $variant => $name $(| $alias)* ),+
        }

        impl Event {
            /// Which event this is; `None` for [`Event::Unknown`].
            pub fn kind(&self) -> Option<EventKind> {
                match self {
                    $( Event::$variant(_) => Some(EventKind::$variant), )+
                    Event::Unknown(_) => None,
                }
            }

            /// The vendor's name for the event, as sent.
            pub fn event_name(&self) -> &str {
                match self {
                    $( Event::$variant(event) => $crate::table::Envelope::event_name(&**event), )+
                    Event::Unknown(unknown) => unknown.name(),
                }
            }

            /// The vendor's id for this event or delivery, where it sends one.
            pub fn event_id(&self) -> Option<&str> {
                match self {
                    $( Event::$variant(event) => $crate::table::Envelope::event_id(&**event), )+
                    Event::Unknown(unknown) => unknown.event_id(),
                }
            }

            /// The chat (session, conversation) the event belongs to, where it says.
            pub fn chat_id(&self) -> Option<&str> {
                match self {
                    $( Event::$variant(event) => $crate::table::Envelope::chat_id(&**event), )+
                    Event::Unknown(unknown) => unknown.chat_id(),
                }
            }

            /// When the event happened, by the vendor's clock, where it says.
            pub fn occurred_at(&self) -> Option<::chrono::DateTime<::chrono::Utc>> {
                match self {
                    $( Event::$variant(event) => $crate::table::Envelope::occurred_at(&**event), )+
                    Event::Unknown(unknown) => unknown.occurred_at(),
                }
            }

            /// The top-level members the typed model did not know, as sent; `None` for an
            /// unknown event, which is kept whole.
            #[allow(dead_code)] // used by `parse_event`, with any vendor feature
            pub(crate) fn top_level_other(&self) -> Option<&$crate::Members> {
                match self {
                    $( Event::$variant(event) => Some($crate::open_object::OpenObject::other(&**event)), )+
                    Event::Unknown(_) => None,
                }
            }

            /// The JSON paths of the members the typed model did not know (`data.newField`),
            /// over the whole event, in the order they arrived; empty for an unknown event,
            /// which is kept whole. Log them to notice when a vendor starts sending a new field.
            ///
            /// The list is bounded by the size of the members it lists (see
            /// [`Event::unknown_members`](crate::Event::unknown_members)).
            pub fn unknown_members(&self) -> Vec<String> {
                let mut out = $crate::open_object::Found::new();
                match self {
                    $(
                        Event::$variant(event) => $crate::open_object::Walk::walk(
                            &**event,
                            &$crate::open_object::Path::Root,
                            &mut out,
                        ),
                    )+
                    Event::Unknown(_) => {}
                }
                out.into_paths()
            }
        }

        /// The one typed parse of the body for the event `key` names; `name` is the event's
        /// name for errors and for an unknown event.
        fn dispatch(
            prepared: &$crate::json::Prepared<'_>,
            key: &str,
            name: &str,
        ) -> Result<Event, $crate::Error> {
            match EventKind::from_name(key) {
                $( Some(EventKind::$variant) => prepared
                    .parse::<$crate::open_object::Boxed<$payload>>($vendor, name)
                    .map(|boxed| Event::$variant(boxed.0)), )+
                // Kept raw; its accessors read the envelope in it through the vendor's `hoist`.
                None => prepared
                    .raw($vendor, name)
                    .map(|raw| Event::Unknown($crate::UnknownEvent::of_vendor($vendor, name, raw))),
            }
        }

        impl ::serde::Serialize for Event {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Event::$variant(event) => event.serialize(serializer), )+
                    Event::Unknown(unknown) => unknown.serialize(serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for Event {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::event::deserialize_with(deserializer, parse)
            }
        }
    };
}
