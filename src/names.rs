//! Enum ↔ name: the one mechanism behind every enum this crate reads or writes as a string
//! ([`Vendor`](crate::Vendor), each vendor's `EventKind`, the common model's enums, the
//! vendors' open enums), the one matching of names and other spellings ([`is_name`], [`is_alias`]) and the one error
//! for a name that is none of them ([`ParseNameError`]).

use std::fmt;

use crate::error::Escaped;

/// The error for a name that names no value of an enum: a [`Vendor`](crate::Vendor), a
/// vendor's `EventKind`, a [`ChatEventKind`](crate::ChatEventKind), a [`Role`](crate::Role), a
/// [`ChatState`](crate::ChatState), a [`ChatKind`](crate::ChatKind) or a
/// [`Category`](crate::Category).
///
/// Its message names the enum, repeats the name (escaped: it may come from anywhere) and lists
/// the names that parse: `unknown role "admin", expected customer, agent, bot, system or
/// unknown`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} \"{}\", expected {}", Escaped(name), OneOf(expected))]
pub struct ParseNameError {
    what: &'static str,
    name: Box<str>,
    expected: &'static [&'static str],
}

impl ParseNameError {
    pub(crate) fn new(what: &'static str, name: &str, expected: &'static [&'static str]) -> Self {
        ParseNameError {
            what,
            name: name.into(),
            expected,
        }
    }

    /// What was parsed: `vendor`, `channel_talk event name`, `chat event kind`, `role`,
    /// `chat state`, `chat kind` or `error category`.
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The name that matched nothing, as given.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The names that parse, in the enum's order.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

/// `a, b or c`.
struct OneOf<'a>(&'a [&'a str]);

impl fmt::Display for OneOf<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let last = self.0.len().saturating_sub(1);
        for (i, name) in self.0.iter().enumerate() {
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

/// Whether `name` is the name `text`: exactly, or with `any_case` in any ASCII letter case.
#[inline]
pub(crate) fn is_name(text: &str, name: &str, any_case: bool) -> bool {
    if any_case {
        text.eq_ignore_ascii_case(name)
    } else {
        text == name
    }
}

/// Whether `name` is spelled as the alias `pattern`: exactly, or with `any_case` in any ASCII
/// letter case, where a `#` in `pattern` matches one or more ASCII digits (`webhook#.started`
/// matches `webhook123.started`) and a `*` one or more ASCII letters (`message.*` matches
/// `message.push`). With [`is_name`], the one matching of names in this crate.
///
/// One walk over both names, byte by byte, that stops at the first difference: most names
/// differ from a pattern in their first byte. (Splitting the pattern at `#` with `str::split`
/// cost about 450 instructions a call.)
#[allow(dead_code)] // used by the tables that have aliases
pub(crate) fn is_alias(pattern: &str, name: &str, any_case: bool) -> bool {
    if !any_case {
        return pattern == name;
    }
    let mut name = name.as_bytes();
    for &expected in pattern.as_bytes() {
        if expected == b'#' || expected == b'*' {
            let class = if expected == b'#' {
                u8::is_ascii_digit
            } else {
                u8::is_ascii_alphabetic
            };
            let run = name.iter().take_while(|b| class(b)).count();
            if run == 0 {
                return false;
            }
            name = &name[run..];
        } else {
            match name.split_first() {
                Some((first, rest)) if first.eq_ignore_ascii_case(&expected) => name = rest,
                _ => return false,
            }
        }
    }
    name.is_empty()
}

/// Gives an enum its names: one per variant, with other spellings after `|`.
///
/// ```text
/// names! {
///     enum Role: "role", exact, by_ref;  // what errors call it; `exact` or `any_case`;
///                                        // `as_str(self)` (`by_value`) or `as_str(&self)`
///     Customer => "customer",
///     Agent => "agent" | "manager",      // read as `Agent`, written `agent`
///     Bot => (concat!("b", "ot")),       // a name that is not a literal: in parentheses
/// }
/// ```
///
/// generates `ALL` (every variant, in order), `NAMES` (their names), `as_str`, `from_name`
/// (through [`is_name`] and [`is_alias`]), `Display`, `FromStr` (with [`ParseNameError`]) and serde as the name.
/// `open_enum!` uses its `@known` and `@text` parts: `ALL`, `NAMES`, `from_name`, `Display` and
/// `Serialize`.
macro_rules! names {
    (
        enum $name:ident: $what:expr, $case:ident, $recv:ident;
        $( $variant:ident => $text:tt $(| $alias:literal)* ),+ $(,)?
    ) => {
        names!(@known $name, $case, [$( $variant => $text $(, $alias)*; )+]);
        names!(@as_str $recv $name, [$( $variant => $text; )+]);
        names!(@text $name);

        impl ::std::str::FromStr for $name {
            type Err = $crate::names::ParseNameError;

            fn from_str(name: &str) -> Result<Self, Self::Err> {
                $name::from_name(name)
                    .ok_or_else(|| $crate::names::ParseNameError::new($what, name, $name::NAMES))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct NameVisitor;

                impl ::serde::de::Visitor<'_> for NameVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        write!(f, "a {}", $what)
                    }

                    fn visit_str<E: ::serde::de::Error>(self, name: &str) -> Result<$name, E> {
                        name.parse().map_err(E::custom)
                    }
                }

                deserializer.deserialize_str(NameVisitor)
            }
        }
    };
    (@known $name:ident, $case:ident, [$( $variant:ident => $text:tt $(, $alias:tt)*; )+]) => {
        impl $name {
            /// Every value this crate names, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Their names, in the order of [`ALL`](Self::ALL).
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            #[doc = concat!(
                "The value `name` names, other spellings included",
                names!(@case_doc $case),
                "; `None` for any other name."
            )]
            #[inline]
            pub fn from_name(name: &str) -> Option<Self> {
                let any_case = names!(@any_case $case);
                // The name as written first, as the vendors send it: one length check and
                // `memcmp` a name. Folding case byte by byte took about 600 instructions a
                // Chatwoot event, whose names share long prefixes (`conversation_`).
                if any_case {
                    $(
                        if $text == name {
                            return Some($name::$variant);
                        }
                    )+
                }
                $(
                    if $crate::names::is_name($text, name, any_case)
                        $(|| $crate::names::is_alias($alias, name, any_case))*
                    {
                        return Some($name::$variant);
                    }
                )+
                None
            }
        }
    };
    (@any_case exact) => { false };
    (@any_case any_case) => { true };
    (@case_doc exact) => { ", as written (letter case included)" };
    (@case_doc any_case) => { ", in any ASCII letter case" };
    (@as_str by_value $name:ident, [$( $variant:ident => $text:tt; )+]) => {
        impl $name {
            /// The name, as `Display` and serde write it and `FromStr` reads it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }
        }
    };
    (@as_str by_ref $name:ident, [$( $variant:ident => $text:tt; )+]) => {
        impl $name {
            /// The name, as `Display` and serde write it and `FromStr` reads it.
            pub const fn as_str(&self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }
        }
    };
    (@text $name:ident) => {
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
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_in_any_case_and_hashes_match_digits() {
        let name_matches = |pattern: &str, name: &str| is_alias(pattern, name, true);
        assert!(name_matches("chats:close", "Chats:CLOSE"));
        assert!(!name_matches("chats:close", "chats:closed"));
        assert!(name_matches("webhook#.started", "webhook123.started"));
        assert!(name_matches("webhook#.started", "WEBHOOK1.Started"));
        assert!(!name_matches("webhook#.started", "webhook.started"));
        assert!(!name_matches("webhook#.started", "webhooks.started"));
        assert!(!name_matches("webhook#.started", "webhook123started"));
        assert!(!name_matches("webhook#.started", "webhook12.stopped"));
        assert!(!name_matches("webhook#.started", "webhook12.started.x"));
        assert!(!name_matches("webhook#.started", "webhook\u{661}.started"));
        assert!(!name_matches("webhook#.started", "webhook12"));
        assert!(!name_matches("webhook#.started", ""));
        assert!(name_matches("v#", "V007"));
        assert!(!name_matches("v#", "v7a"));
        assert!(name_matches("message.*", "Message.PUSH"));
        assert!(!name_matches("message.*", "message."));
        assert!(!name_matches("message.*", "message.push.x"));
        assert!(!name_matches("message.*", "message.p2"));
        assert!(name_matches("", ""));
        // A letter's case is folded in ASCII only.
        assert!(!name_matches("chats:close", "chats:cloſe"));
    }

    #[test]
    fn exact_names_match_only_as_written() {
        assert!(is_name("push", "push", false) && is_alias("push", "push", false));
        assert!(!is_name("push", "Push", false) && !is_alias("push", "Push", false));
        assert!(!is_alias("v#", "v1", false));
        assert!(is_name("push", "PUSH", true));
    }

    #[test]
    fn the_error_repeats_the_name_escaped_and_lists_the_names() {
        let err = ParseNameError::new("role", "ad\u{202e}min\n", &["customer", "agent", "bot"]);
        assert_eq!(
            err.to_string(),
            "unknown role \"ad\\u{202e}min\\n\", expected customer, agent or bot"
        );
        assert_eq!(err.name(), "ad\u{202e}min\n");
        assert_eq!(err.what(), "role");
        let one = ParseNameError::new("vendor", "", &["custom"]);
        assert_eq!(one.to_string(), "unknown vendor \"\", expected custom");
    }
}
