//! Lenient scalars: the values vendors send in more than one form.
//!
//! Every vendor module reads its identifiers, number-like text and timestamps through these
//! types, so a quirk is handled once, here, and documented in one place:
//!
//! - [`Id`]: an identifier sent as a JSON integer or as a string (`"ContactId": "21"` next to
//!   `"ProjectId": 5` in the same SuperOffice payload).
//! - [`Text`]: text that sometimes arrives as a number (SuperOffice's published
//!   `"CustomerAlias": 5`, a text column).
//! - [`Number`]: a JSON number kept as the exact text it arrived as (`37.50` stays `37.50`),
//!   also when sent as a numeric string.
//! - [`Timestamp`]: an instant sent as RFC 3339, as an offset-less ISO 8601 date-time, as epoch
//!   seconds or milliseconds, or as a decimal string of either (Ebbot's
//!   `"1672531200000.397183857"`).
//!
//! Each type remembers the form it arrived in and serializes back to that form, so a parsed
//! event serializes to the JSON its vendor sent.

mod id;
mod number;
mod small;
mod text;
mod timestamp;

pub use self::id::Id;
pub use self::number::{Number, ParseNumberError};
pub use self::text::Text;
pub use self::timestamp::{Timestamp, TimestampError};
