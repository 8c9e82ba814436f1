//! [`Error`]: why a body could not be parsed.

use std::fmt;

use crate::Vendor;

/// Why a body could not be parsed.
///
/// The message says what was wrong and where: the vendor and event when they are known, the
/// JSON path of the failing field, and the line and column in the body.
///
/// ```text
/// superoffice chatsession.created: FieldValues.ContactId: invalid type: map, expected an id (a string or an integer) at line 15 column 17
/// expected `,` or `}` at line 3 column 5
/// no vendor matched: expected the top-level keys EventId and Event (superoffice), topic and botId (ebbot), event and entity (channel_talk), or trigger and appId (inbenta)
/// inbenta: inbenta messenger webhook, not hyperchat: its `events` are messenger tickets, ...
/// ```
///
/// Like `serde_json::Error`, it is one boxed pointer wide, and its `Debug` output is its
/// message, because `unwrap()` shows `Debug` to people.
#[derive(thiserror::Error)]
pub struct Error {
    inner: Box<ErrorImpl>,
}

struct ErrorImpl {
    kind: ErrorKind,
    vendor: Option<Vendor>,
    event: Option<String>,
    path: Option<String>,
    line: usize,
    column: usize,
}

enum ErrorKind {
    /// serde_json's message, without its position suffix.
    Json {
        message: String,
        category: Category,
    },
    NotAnObject {
        found: &'static str,
    },
    MissingDiscriminator {
        key: &'static str,
    },
    DiscriminatorType {
        key: &'static str,
        found: &'static str,
    },
    /// The keys looked for, as the message names them.
    NoVendor {
        expected: String,
    },
    VendorDisabled,
    /// A request of another kind that a vendor sends to the same URLs: the message says what
    /// it is and what to do with it.
    Foreign {
        message: &'static str,
    },
    /// The keys of two vendors, as the message names them.
    Ambiguous {
        vendors: String,
    },
}

/// The broad kind of an [`Error`], as [`Error::classify`] reports it.
///
/// Serializes, displays and parses ([`as_str`](Self::as_str), `Display`, `FromStr`) in
/// snake_case: `syntax`, `eof`, `data`, `vendor`, `foreign`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Category {
    /// The body is not valid JSON (after the tolerated deviations).
    Syntax,
    /// The body ended in the middle of a value: it was probably truncated.
    Eof,
    /// The body is valid JSON, but not a payload the vendor documents.
    Data,
    /// No supported vendor could be told from the body, or its support is not compiled in.
    Vendor,
    /// The body is a vendor's request of another kind, not a webhook this crate reads (a
    /// Channel App function call, an Inbenta Messenger webhook): the message names it.
    Foreign,
}

names! {
    enum Category: "error category", exact, by_ref;
    Syntax => "syntax",
    Eof => "eof",
    Data => "data",
    Vendor => "vendor",
    Foreign => "foreign",
}

impl Error {
    /// The broad kind of the error.
    pub fn classify(&self) -> Category {
        match &self.inner.kind {
            ErrorKind::Json { category, .. } => *category,
            ErrorKind::NotAnObject { .. }
            | ErrorKind::MissingDiscriminator { .. }
            | ErrorKind::DiscriminatorType { .. } => Category::Data,
            ErrorKind::NoVendor { .. }
            | ErrorKind::VendorDisabled
            | ErrorKind::Ambiguous { .. } => Category::Vendor,
            ErrorKind::Foreign { .. } => Category::Foreign,
        }
    }

    /// Whether the body is not valid JSON.
    pub fn is_syntax(&self) -> bool {
        self.classify() == Category::Syntax
    }

    /// Whether the body ended early.
    pub fn is_eof(&self) -> bool {
        self.classify() == Category::Eof
    }

    /// Whether the body is valid JSON but not a documented payload.
    pub fn is_data(&self) -> bool {
        self.classify() == Category::Data
    }

    /// The vendor whose payload failed, when it is known.
    pub fn vendor(&self) -> Option<Vendor> {
        self.inner.vendor
    }

    /// The vendor's name for the event that failed, when it is known.
    pub fn event(&self) -> Option<&str> {
        self.inner.event.as_deref()
    }

    /// The JSON path of the failing field (`FieldValues.ContactId`, `data.conversation[2].id`),
    /// when the error is about one field.
    pub fn path(&self) -> Option<&str> {
        self.inner.path.as_deref()
    }

    /// The one-based line of the error in the body, or 0 when the error has no position.
    pub fn line(&self) -> usize {
        self.inner.line
    }

    /// The one-based column (in bytes) of the error in the body, or 0 when it has no position.
    pub fn column(&self) -> usize {
        self.inner.column
    }

    fn new(kind: ErrorKind, vendor: Option<Vendor>) -> Self {
        Error {
            inner: Box::new(ErrorImpl {
                kind,
                vendor,
                event: None,
                path: None,
                line: 0,
                column: 0,
            }),
        }
    }

    /// An error from serde_json, with `skipped` bytes (a byte-order mark) added back to the
    /// column of a first-line position so it points into the body as received.
    pub(crate) fn json(
        vendor: Option<Vendor>,
        event: Option<&str>,
        path: Option<String>,
        err: &serde_json::Error,
        skipped: usize,
    ) -> Self {
        let category = match err.classify() {
            serde_json::error::Category::Eof => Category::Eof,
            serde_json::error::Category::Data => Category::Data,
            _ => Category::Syntax,
        };
        let message = message_without_position(err);
        let column = err.column() + if err.line() == 1 { skipped } else { 0 };
        let mut error = Error::new(ErrorKind::Json { message, category }, vendor);
        error.inner.event = event.map(str::to_owned);
        error.inner.path = path;
        error.inner.line = err.line();
        error.inner.column = if err.line() == 0 { 0 } else { column };
        error
    }

    pub(crate) fn not_an_object(vendor: Option<Vendor>, found: &'static str) -> Self {
        Error::new(ErrorKind::NotAnObject { found }, vendor)
    }

    pub(crate) fn missing_discriminator(vendor: Vendor, key: &'static str) -> Self {
        Error::new(ErrorKind::MissingDiscriminator { key }, Some(vendor))
    }

    pub(crate) fn discriminator_type(
        vendor: Vendor,
        key: &'static str,
        found: &'static str,
    ) -> Self {
        let mut error = Error::new(ErrorKind::DiscriminatorType { key, found }, Some(vendor));
        error.inner.path = Some(key.to_owned());
        error
    }

    /// No vendor's keys were found; `expected` names the keys looked for.
    pub(crate) fn no_vendor(expected: String) -> Self {
        Error::new(ErrorKind::NoVendor { expected }, None)
    }

    /// The body holds the detection keys of two vendors; `vendors` names them.
    pub(crate) fn ambiguous(vendors: String) -> Self {
        Error::new(ErrorKind::Ambiguous { vendors }, None)
    }

    pub(crate) fn vendor_disabled(vendor: Vendor) -> Self {
        Error::new(ErrorKind::VendorDisabled, Some(vendor))
    }

    /// A `vendor`'s request that is not a webhook this crate reads; `message` (lowercase, no
    /// vendor prefix) names it and says what to do with it.
    #[allow(dead_code)] // used by the vendor features
    pub(crate) fn foreign(vendor: Vendor, message: &'static str) -> Self {
        Error::new(ErrorKind::Foreign { message }, Some(vendor))
    }
}

/// serde_json's message for `err` without the " at line L column C" it appends, so that the
/// position can be given once, where it is true.
pub(crate) fn message_without_position(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    match full.strip_suffix(&suffix) {
        Some(message) => message.to_owned(),
        None => full,
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        if let ErrorKind::VendorDisabled = inner.kind {
            let vendor = inner.vendor.expect("set by vendor_disabled");
            if vendor == Vendor::Custom {
                return f.write_str(
                    "custom sources have no parser in chat-webhooks: parse the body yourself and implement ToChatEvent for it",
                );
            }
            return write!(
                f,
                "support for {vendor} is not compiled in: enable the `{}` feature of chat-webhooks",
                vendor.feature()
            );
        }
        match (inner.vendor, &inner.event) {
            (Some(vendor), Some(event)) => write!(f, "{vendor} {}: ", Escaped(event))?,
            (Some(vendor), None) => write!(f, "{vendor}: ")?,
            (None, _) => {}
        }
        if let Some(path) = &inner.path {
            if !matches!(inner.kind, ErrorKind::DiscriminatorType { .. }) {
                write!(f, "{}: ", Escaped(path))?;
            }
        }
        match &inner.kind {
            ErrorKind::Json { message, .. } => Escaped(message).fmt(f)?,
            ErrorKind::NotAnObject { found } => {
                write!(f, "expected a json object at the top level, found {found}")?
            }
            ErrorKind::MissingDiscriminator { key } => write!(f, "missing field `{key}`")?,
            ErrorKind::DiscriminatorType { key, found } => {
                write!(f, "{key}: invalid type: {found}, expected a string")?
            }
            ErrorKind::Ambiguous { vendors } => write!(
                f,
                "the body holds the top-level keys of two vendors, {vendors}: parse it with parse_event_as and the vendor of the route it came on"
            )?,
            ErrorKind::NoVendor { expected } => {
                write!(
                    f,
                    "no vendor matched: expected the top-level keys {expected}"
                )?;
            }
            ErrorKind::Foreign { message } => f.write_str(message)?,
            ErrorKind::VendorDisabled => unreachable!("handled above"),
        }
        if inner.line > 0 {
            write!(f, " at line {} column {}", inner.line, inner.column)?;
        }
        Ok(())
    }
}

/// Text from a body, displayed so that it cannot forge or hide anything where it is written:
/// the one escaping of body text in this crate, used by error messages, de-duplication keys
/// and [`unknown_members`](crate::Event::unknown_members) paths.
///
/// Escaped: `\` as `\\`; `\r`, `\n` and `\t` as such; every other control character
/// (C0, DEL, C1: `\u{1b}`) and every invisible or format character that reorders, hides or
/// smuggles text, as `\u{..}`: bidirectional marks, embeddings, overrides and isolates
/// (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), zero-width and invisible
/// characters (U+00AD, U+034F, U+115F, U+1160, U+17B4, U+17B5, U+180B to U+180F, U+200B to
/// U+200D, U+2060 to U+2064, U+206A to U+206F, U+3164, U+FEFF, U+FFA0), line and paragraph
/// separators (U+2028, U+2029), the other format characters (U+0600 to U+0605, U+06DD,
/// U+070F, U+0890, U+0891, U+08E2, U+110BD, U+110CD, U+13430 to U+1343F, U+1BCA0 to U+1BCA3,
/// U+1D173 to U+1D17A, U+FFF9 to U+FFFB), variation selectors (U+FE00 to U+FE0F, U+E0100 to
/// U+E01EF) and tag characters (U+E0000 to U+E007F), with the rest of Unicode's
/// default-ignorable code points (U+FFF0 to U+FFF8, up to U+E0FFF). Since `\` is escaped too,
/// two different texts never escape to the same text. Printable text and quotes are written
/// as they are, so ordinary messages read as before.
pub(crate) struct Escaped<'a>(pub(crate) &'a str);

impl Escaped<'_> {
    /// Whether `c` is written escaped.
    fn needs_escape(c: char) -> bool {
        if c.is_ascii() {
            return c.is_ascii_control() || c == '\\';
        }
        c.is_control()
            || matches!(
                c,
                '\u{ad}'
                    | '\u{34f}'
                    | '\u{600}'..='\u{605}'
                    | '\u{61c}'
                    | '\u{6dd}'
                    | '\u{70f}'
                    | '\u{890}'..='\u{891}'
                    | '\u{8e2}'
                    | '\u{115f}'..='\u{1160}'
                    | '\u{17b4}'..='\u{17b5}'
                    | '\u{180b}'..='\u{180f}'
                    | '\u{200b}'..='\u{200f}'
                    | '\u{2028}'..='\u{202e}'
                    | '\u{2060}'..='\u{206f}'
                    | '\u{3164}'
                    | '\u{fe00}'..='\u{fe0f}'
                    | '\u{feff}'
                    | '\u{ffa0}'
                    | '\u{fff0}'..='\u{fffb}'
                    | '\u{110bd}'
                    | '\u{110cd}'
                    | '\u{13430}'..='\u{1343f}'
                    | '\u{1bca0}'..='\u{1bca3}'
                    | '\u{1d173}'..='\u{1d17a}'
                    | '\u{e0000}'..='\u{e0fff}'
            )
    }
}

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some((at, c)) = rest.char_indices().find(|(_, c)| Self::needs_escape(*c)) {
            f.write_str(&rest[..at])?;
            match c {
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c => write!(f, "{}", c.escape_unicode())?,
            }
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({:?})", self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_text_is_escaped() {
        let text = "push\r\n2026-01-01 INFO payment approved\u{1b}[2K\u{202e}\t\"`é\\";
        assert_eq!(
            Escaped(text).to_string(),
            "push\\r\\n2026-01-01 INFO payment approved\\u{1b}[2K\\u{202e}\\t\"`é\\\\"
        );
        assert_eq!(Escaped("plain").to_string(), "plain");
    }

    #[test]
    fn errors_escape_the_event_the_path_and_the_message() {
        let json_error = serde_json::from_str::<u8>("\"x\"").unwrap_err();
        let error = Error::json(
            Some(Vendor::Custom),
            Some("push\r\nINFO payment approved\u{1b}[2K"),
            Some("FieldValues.a\nb".to_owned()),
            &json_error,
            0,
        );
        let message = error.to_string();
        assert!(!message.contains(['\r', '\n', '\u{1b}']), "{message}");
        assert!(
            message.starts_with(
                "custom push\\r\\nINFO payment approved\\u{1b}[2K: FieldValues.a\\nb: invalid type"
            ),
            "{message}"
        );
    }
}
