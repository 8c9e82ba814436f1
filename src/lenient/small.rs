//! [`SmallStr`]: text stored inline when short, so that ids and timestamps cost no allocation.

use std::fmt::{self, Write as _};

/// Strings up to this many bytes are stored inline: every id and timestamp the vendors send
/// but SuperOffice's offset date-times (33 bytes) and long opaque ids.
const INLINE: usize = 30;

/// An immutable string, stored inline up to [`INLINE`] bytes and on the heap beyond.
#[derive(Clone)]
pub(crate) enum SmallStr {
    Inline { len: u8, buf: [u8; INLINE] },
    Heap(Box<str>),
}

impl SmallStr {
    pub(crate) fn new(text: &str) -> Self {
        if text.len() <= INLINE {
            let mut buf = [0; INLINE];
            buf[..text.len()].copy_from_slice(text.as_bytes());
            SmallStr::Inline {
                len: text.len() as u8,
                buf,
            }
        } else {
            SmallStr::Heap(text.into())
        }
    }

    pub(crate) fn from_string(text: String) -> Self {
        if text.len() <= INLINE {
            SmallStr::new(&text)
        } else {
            SmallStr::Heap(text.into_boxed_str())
        }
    }

    /// The decimal text of an integer, written into the inline buffer (an `i128` has at most
    /// 40 digits and a sign, but every id this crate reads fits the 30 bytes; longer ones go
    /// through `display`).
    pub(crate) fn integer(value: i128) -> Self {
        let mut digits = [0u8; 40];
        let mut at = digits.len();
        let mut rest = value.unsigned_abs();
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if value < 0 {
            at -= 1;
            digits[at] = b'-';
        }
        let text = &digits[at..];
        if text.len() > INLINE {
            return SmallStr::display(value);
        }
        let mut buf = [0; INLINE];
        buf[..text.len()].copy_from_slice(text);
        SmallStr::Inline {
            len: text.len() as u8,
            buf,
        }
    }

    /// The `Display` text of `value`, formatted without allocating when it fits inline.
    pub(crate) fn display(value: impl fmt::Display) -> Self {
        struct Buf {
            len: usize,
            buf: [u8; INLINE],
        }
        impl fmt::Write for Buf {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                let end = self.len + s.len();
                if end > INLINE {
                    return Err(fmt::Error);
                }
                self.buf[self.len..end].copy_from_slice(s.as_bytes());
                self.len = end;
                Ok(())
            }
        }
        let mut inline = Buf {
            len: 0,
            buf: [0; INLINE],
        };
        if write!(inline, "{value}").is_ok() {
            SmallStr::Inline {
                len: inline.len as u8,
                buf: inline.buf,
            }
        } else {
            SmallStr::from_string(value.to_string())
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            SmallStr::Inline { len, buf } => {
                std::str::from_utf8(&buf[..usize::from(*len)]).expect("only ever filled from a str")
            }
            SmallStr::Heap(text) => text,
        }
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
            SmallStr::Inline { .. }
        ));
        assert!(matches!(SmallStr::new(&"x".repeat(31)), SmallStr::Heap(_)));
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
