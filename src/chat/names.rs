//! Names for the common model's enums: `as_str`, `Display` and `FromStr`, in the snake_case
//! names serde uses, and [`ParseNameError`] for a name that is none of them.

use std::fmt;

/// The error for a name that is no value of an enum of the common model (a
/// [`ChatEventKind`](crate::ChatEventKind), [`Role`](crate::Role),
/// [`ChatState`](crate::ChatState), [`ChatKind`](crate::ChatKind) or
/// [`Category`](crate::Category)).
///
/// Its message names the enum and lists the names it knows; it never repeats the input, which
/// may come from anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseNameError {
    what: &'static str,
    expected: &'static [&'static str],
}

impl ParseNameError {
    pub(crate) const fn new(what: &'static str, expected: &'static [&'static str]) -> Self {
        ParseNameError { what, expected }
    }

    /// What was parsed: `chat event kind`, `role`, `chat state`, `chat kind` or
    /// `error category`.
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The names that parse.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for ParseNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {}, expected ", self.what)?;
        let last = self.expected.len().saturating_sub(1);
        for (i, name) in self.expected.iter().enumerate() {
            match i {
                0 => {}
                _ if i == last => f.write_str(" or ")?,
                _ => f.write_str(", ")?,
            }
            f.write_str(name)?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseNameError {}

/// Implements `NAMES`, `as_str`, `Display` and `FromStr` for a fieldless enum, one name per
/// variant. The names must be the ones serde uses for the enum (tests check it).
macro_rules! enum_names {
    ($name:ident, $what:literal, { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $name {
            /// Every name, in declaration order, as [`as_str`](Self::as_str) gives them.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The name, as serde writes it and [`FromStr`](std::str::FromStr) reads it.
            pub const fn as_str(&self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::chat::ParseNameError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::chat::ParseNameError::new($what, Self::NAMES)),
                }
            }
        }
    };
}

pub(crate) use enum_names;
