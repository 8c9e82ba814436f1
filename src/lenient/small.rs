//! [`SmallStr`]: text stored inline when short, so that ids and timestamps cost no allocation.
//!
//! Why not an established small-string crate (`compact_str`, `smol_str`): `compact_str`'s
//! `CompactString` stores 24 bytes inline in 24 bytes and has no spare bit, so `Id` and `Text`
//! (which carry an "arrived as a number" flag) would still be 32 bytes, with 24 bytes inline
//! instead of 30. The 25 to 30-byte texts the vendors send would then allocate on every parse:
//! SuperOffice's `Timestamp` in every event (`2018-04-24T08:18:42.089895Z`, 27 bytes; 28 with
//! its 7-digit form), Ebbot's `botId` (30), Channel Talk's `chatKey` (29). `smol_str` allocates
//! beyond 23 bytes.
//!
//! The inline text is a `heapless::String` with a one-byte length: 31 bytes, so the enum's tag
//! (which also holds the flag) makes 32. Its `as_str` is free; a byte array of our own (this
//! crate forbids `unsafe`) had to be checked as UTF-8 on every read, which was a fifth of the
//! instructions of a conversion to the common model (an id read 130 instructions, measured).

use std::fmt::{self, Write as _};

/// Strings up to this many bytes are stored inline: every id and timestamp the vendors send
/// but SuperOffice's offset date-times (33 bytes) and long opaque ids.
const INLINE: usize = 30;

/// Inline text: up to [`INLINE`] bytes and a one-byte length.
type Inline = heapless::String<INLINE, u8>;

/// An immutable string, stored inline up to [`INLINE`] bytes and on the heap beyond, with one
/// bit for its owner (`Id` and `Text`: "arrived as a number"), kept in the variant. 32 bytes,
/// as is an `Option<SmallStr>`: the bit costs no padding.
#[derive(Clone)]
pub(crate) enum SmallStr {
    /// Inline, flag unset.
    Inline(Inline),
    /// Inline, flag set.
    InlineFlagged(Inline),
    /// On the heap, flag unset.
    Heap(Box<str>),
    /// On the heap, flag set.
    HeapFlagged(Box<str>),
}

const _: () = assert!(std::mem::size_of::<Option<SmallStr>>() == 32);

impl SmallStr {
    pub(crate) fn new(text: &str) -> Self {
        match Inline::try_from(text) {
            Ok(inline) => SmallStr::Inline(inline),
            Err(_) => SmallStr::Heap(text.into()),
        }
    }

    pub(crate) fn from_string(text: String) -> Self {
        if text.len() <= INLINE {
            SmallStr::new(&text)
        } else {
            SmallStr::Heap(text.into_boxed_str())
        }
    }

    /// The same text, with the flag set to `flag`.
    pub(crate) fn flagged(self, flag: bool) -> Self {
        match (self, flag) {
            (SmallStr::Inline(text) | SmallStr::InlineFlagged(text), true) => {
                SmallStr::InlineFlagged(text)
            }
            (SmallStr::Inline(text) | SmallStr::InlineFlagged(text), false) => {
                SmallStr::Inline(text)
            }
            (SmallStr::Heap(text) | SmallStr::HeapFlagged(text), true) => {
                SmallStr::HeapFlagged(text)
            }
            (SmallStr::Heap(text) | SmallStr::HeapFlagged(text), false) => SmallStr::Heap(text),
        }
    }

    /// The flag (see [`flagged`](Self::flagged)); unset unless set.
    pub(crate) fn flag(&self) -> bool {
        matches!(self, SmallStr::InlineFlagged(_) | SmallStr::HeapFlagged(_))
    }

    /// The text as a `String`, reusing the heap allocation if there is one.
    pub(crate) fn into_string(self) -> String {
        match self {
            SmallStr::Heap(text) | SmallStr::HeapFlagged(text) => text.into(),
            inline => inline.as_str().to_owned(),
        }
    }

    /// The `Display` text of `value`, formatted without allocating when it fits inline.
    pub(crate) fn display(value: impl fmt::Display) -> Self {
        let mut inline = Inline::new();
        if write!(inline, "{value}").is_ok() {
            SmallStr::Inline(inline)
        } else {
            SmallStr::from_string(value.to_string())
        }
    }

    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        match self {
            SmallStr::Inline(text) | SmallStr::InlineFlagged(text) => text.as_str(),
            SmallStr::Heap(text) | SmallStr::HeapFlagged(text) => text,
        }
    }
}

/// The decimal text of an integer, inline: 20 digits and a sign fit the 30 bytes.
impl From<i64> for SmallStr {
    fn from(value: i64) -> Self {
        SmallStr::new(itoa::Buffer::new().format(value))
    }
}

/// The decimal text of an integer, inline.
impl From<u64> for SmallStr {
    fn from(value: u64) -> Self {
        SmallStr::new(itoa::Buffer::new().format(value))
    }
}

impl fmt::Debug for SmallStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_and_heap() {
        for text in [
            "",
            "21",
            "é",
            &"x".repeat(30),
            &"y".repeat(31),
            "1672531200000.397183857",
        ] {
            assert_eq!(SmallStr::new(text).as_str(), text);
            assert_eq!(SmallStr::from_string(text.to_owned()).as_str(), text);
        }
        assert!(matches!(
            SmallStr::new(&"x".repeat(30)),
            SmallStr::Inline(_)
        ));
        assert!(matches!(SmallStr::new(&"x".repeat(31)), SmallStr::Heap(_)));
        for text in ["", "21", &"x".repeat(30), &"y".repeat(31)] {
            let flagged = SmallStr::new(text).flagged(true);
            assert!(flagged.flag());
            assert_eq!(flagged.as_str(), text);
            let unflagged = flagged.clone().flagged(false);
            assert!(!unflagged.flag());
            assert_eq!(unflagged.as_str(), text);
            assert_eq!(flagged.into_string(), text);
        }
        assert!(!SmallStr::from(5i64).flag());
        for value in [0, 7, -7, i64::MIN, i64::MAX] {
            assert_eq!(SmallStr::from(value).as_str(), value.to_string());
        }
        for value in [0, 7, u64::MAX] {
            assert_eq!(SmallStr::from(value).as_str(), value.to_string());
        }
        assert_eq!(
            SmallStr::display(-9_223_372_036_854_775_808i64).as_str(),
            "-9223372036854775808"
        );
        assert_eq!(
            SmallStr::display(format_args!("{}", "z".repeat(40))).as_str(),
            "z".repeat(40)
        );
    }
}
