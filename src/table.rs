//! What every vendor's event table (`event_enum!`, in `macros.rs`) builds on: the
//! [`Envelope`] each payload gives access to, name matching, and the error for an event name
//! that names no kind.

use std::fmt;

use chrono::{DateTime, Utc};

use crate::Vendor;

/// What every vendor's envelope says about its event, whatever the payload: the accessors of
/// each vendor's `Event` read through it. Implemented by each vendor's `Webhook<P>`.
pub(crate) trait Envelope {
    /// The vendor's name for the event, as sent.
    fn event_name(&self) -> &str;

    /// The vendor's id for this event or delivery.
    fn event_id(&self) -> Option<&str> {
        None
    }

    /// The chat the event belongs to.
    fn chat_id(&self) -> Option<&str> {
        None
    }

    /// When the event happened.
    fn occurred_at(&self) -> Option<DateTime<Utc>> {
        None
    }
}

/// Whether `name` is the alias `pattern` of an event name, in any ASCII letter case; a `#` in
/// `pattern` matches one or more ASCII digits (`webhook#.started` matches `webhook123.started`),
/// a `*` one or more ASCII letters (`message.*` matches `message.push`).
///
/// One walk over both names, byte by byte, that stops at the first difference: most names
/// differ from an alias in their first byte. (Splitting the pattern at `#` with `str::split`
/// cost about 450 instructions a call.) Canonical names are compared with
/// `eq_ignore_ascii_case` alone, without this.
#[allow(dead_code)] // used by the event tables that have aliases
pub(crate) fn alias_matches(pattern: &str, name: &str) -> bool {
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

/// The error of a vendor's `EventKind::from_str`: the name is none of its events'.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseEventKindError {
    vendor: Vendor,
    name: String,
}

impl ParseEventKindError {
    pub(crate) fn new(vendor: Vendor, name: &str) -> Self {
        ParseEventKindError {
            vendor,
            name: name.to_owned(),
        }
    }

    /// The vendor whose event kinds were searched.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// The name that matched none of them.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for ParseEventKindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} event name \"{}\"",
            self.vendor,
            crate::error::Escaped(&self.name)
        )
    }
}

impl std::error::Error for ParseEventKindError {}

#[cfg(test)]
mod tests {
    use super::alias_matches as name_matches;

    #[test]
    fn names_match_in_any_case_and_hashes_match_digits() {
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
}
