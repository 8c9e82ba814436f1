//! Lenient scalars: the values vendors send in more than one form.
//!
//! Every vendor module reads its identifiers, number-like text and timestamps through these
//! types, so a quirk is handled once, here, and documented in one place:
//!
//! - [`Id`]: an identifier sent as a JSON integer or as a string (`"ContactId": "21"` next to
//!   `"ProjectId": 5` in the same SuperOffice payload).
//! - [`Text`]: text that sometimes arrives as a number (SuperOffice's published
//!   `"CustomerAlias": 5`, a text column).
//! - [`Timestamp`]: an instant sent as RFC 3339, as an offset-less ISO 8601 date-time, as epoch
//!   seconds or milliseconds, or as a decimal string of either (Ebbot's
//!   `"1672531200000.397183857"`).
//!
//! Each type remembers the form it arrived in and serializes back to that form, so a parsed
//! event serializes to the JSON its vendor sent.

mod array;
mod id;
mod small;
mod text;
mod timestamp;

#[allow(unused_imports)] // not every vendor feature has arrays
pub(crate) use self::array::array;
pub use self::id::Id;
pub use self::text::Text;
pub use self::timestamp::{Timestamp, TimestampError};

/// Deserializes `null` as the type's default value: a `null` collection reads as empty.
#[allow(dead_code)] // not every vendor feature has collections
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de> + Default,
{
    use serde::Deserialize;
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}
