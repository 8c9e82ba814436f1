//! Tolerant JSON: the one place where the crate accepts what strict JSON does not.
//!
//! Vendors' documentation, and the senders built from it, produce JSON that serde_json rightly
//! rejects. This module accepts exactly these deviations and nothing else:
//!
//! - a UTF-8 byte-order mark before the value;
//! - a trailing comma before `}` or `]`, outside string literals (escapes are honoured), when
//!   the comma follows a value (`[1,]` is repaired, `[,]` and `[1,,]` are not);
//! - one trailing comma after the root value (the Ebbot `chat.user.update` example ends `},`).
//!
//! Detection reads only the top-level members it needs ([`scan::sniff`]). The body is then
//! parsed as sent: clean input pays for no search and no copy. Only a body that serde_json
//! rejects as malformed is searched for trailing commas ([`scan::trailing_commas`]: `memchr`
//! before each `}` and `]`, then a check for strings), and if it has any, they are replaced by
//! spaces on a copy, which is parsed instead. Each comma becomes one space, so every line and
//! column in an error still points into the original body. Searching every body first cost
//! about 4% of a parse over the fixtures (`benches/count.rs`), while a body with trailing
//! commas pays for the read that fails on the first one. The body is checked for UTF-8 once,
//! as a whole, so that serde_json reads a `str` and need not check each string.

mod budget;
mod checked;
mod scan;

use std::borrow::Cow;
use std::cell::OnceCell;

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

pub(crate) use self::budget::charge;
#[allow(unused_imports)] // used by the vendor features
pub(crate) use self::budget::{left as budget_left, restore as restore_budget};
pub(crate) use self::scan::{leaves, Field, Root};

use crate::error::Error;
use crate::Vendor;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The tolerant pre-pass that every parse applies, on its own: the body as strict JSON.
///
/// Skips a UTF-8 byte-order mark and replaces each tolerated trailing comma (before `}` or `]`,
/// and after the root value, outside strings) with a space, so every other byte keeps its
/// position. Input without either is returned borrowed, untouched. Nothing else is changed:
/// input that is not JSON for another reason stays as it is. Use it to store or forward a
/// body as strict JSON, or to hand it to another JSON parser.
///
/// ```
/// use chat_webhooks::tolerant_json;
///
/// assert_eq!(&*tolerant_json(br#"{"a": [1, 2,],}"#), br#"{"a": [1, 2 ] }"#);
/// assert!(matches!(tolerant_json(br#"{"a": 1}"#), std::borrow::Cow::Borrowed(_)));
/// assert_eq!(&*tolerant_json(b"\xEF\xBB\xBF{}"), b"{}");
/// ```
pub fn tolerant_json(body: &[u8]) -> Cow<'_, [u8]> {
    let body = body.strip_prefix(BOM).unwrap_or(body);
    blank(body, scan::trailing_commas(body))
}

/// The most top-level keys [`Prepared`] records.
pub(crate) const MAX_KEYS: usize = 12;

/// Which top-level keys [`Prepared`] records, and when it has read enough: given by the
/// caller (detection), so that this module knows no vendor. A type, not function pointers, so
/// that the scan of every body calls both inline.
pub(crate) trait Keys {
    /// The slot in [`Prepared::fields`] of a key, if it is one to record.
    fn index(key: &[u8]) -> Option<usize>;
    /// Whether the keys recorded so far (bit `k` set for slot `k`) are enough, given `until`:
    /// the scan stops there.
    fn done(found: u32, until: usize) -> bool;
}

/// The body serde_json reads: text once it is known to be UTF-8, bytes otherwise.
enum Body<'a> {
    /// Checked for UTF-8 once, as a whole: serde_json skips its check of each string.
    Text(Cow<'a, str>),
    /// Not UTF-8 (or not checked yet): serde_json reports an invalid string with its position.
    Bytes(Cow<'a, [u8]>),
}

impl Body<'_> {
    fn as_bytes(&self) -> &[u8] {
        match self {
            Body::Text(text) => text.as_bytes(),
            Body::Bytes(bytes) => bytes,
        }
    }
}

/// Checks `body` for UTF-8 once, with `simdutf8`.
///
/// That one vectorised check costs about 1% of a parse; without it serde_json would check
/// each string on its own, which costs about 15%.
fn check_utf8(body: &[u8]) -> Body<'_> {
    match simdutf8::basic::from_utf8(body) {
        Ok(text) => Body::Text(Cow::Borrowed(text)),
        Err(_) => Body::Bytes(Cow::Borrowed(body)),
    }
}

/// `body` with its tolerated trailing commas blanked, on a copy; `None` if it has none.
fn repair(body: &Body<'_>) -> Option<Body<'static>> {
    let commas = scan::trailing_commas(body.as_bytes());
    if commas.is_empty() {
        return None;
    }
    Some(match body {
        Body::Text(text) => {
            // A comma is one ASCII byte, so every offset is a character boundary.
            let mut owned = String::with_capacity(text.len());
            let mut from = 0;
            for at in commas {
                owned.push_str(&text[from..at]);
                owned.push(' ');
                from = at + 1;
            }
            owned.push_str(&text[from..]);
            Body::Text(Cow::Owned(owned))
        }
        Body::Bytes(bytes) => Body::Bytes(Cow::Owned(blank(bytes, commas).into_owned())),
    })
}

/// The line and column (from 1, in bytes) of `at` in `bytes`, as serde_json counts them.
fn position(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, at - start + 1)
}

/// An error for a body that is not UTF-8 where serde_json's own could not be had.
fn not_utf8() -> serde_json::Error {
    serde::de::Error::custom("the body is not UTF-8")
}

/// Replaces the bytes at `commas` with spaces, on a copy only when there are any.
fn blank(body: &[u8], commas: Vec<usize>) -> Cow<'_, [u8]> {
    if commas.is_empty() {
        return Cow::Borrowed(body);
    }
    let mut owned = body.to_vec();
    for at in commas {
        owned[at] = b' ';
    }
    Cow::Owned(owned)
}

/// A body ready for serde_json: byte-order mark skipped, checked for UTF-8, and the top-level
/// keys of interest located. Trailing commas are blanked on a copy the first time a read fails
/// ([`Prepared::repaired`]).
pub(crate) struct Prepared<'a> {
    body: Body<'a>,
    /// The body with its trailing commas blanked, once a read has needed it; `None` inside if
    /// it has none.
    repaired: OnceCell<Option<Body<'static>>>,
    /// Bytes skipped before `body` on the first line (a byte-order mark).
    skipped: usize,
    root: Root,
    fields: [Field; MAX_KEYS],
    /// The bits of the recorded keys (bit `k` for slot `k`).
    found: u32,
    /// Where the scan stopped, if before the end of the root object (see [`read_on`](Self::read_on)).
    resume: Option<scan::Resume>,
    /// The slot of each recorded key (see [`Keys::index`]).
    key_index: fn(&[u8]) -> Option<usize>,
    /// Only sniffed, not checked for UTF-8 (see [`Prepared::sniffed`]): not for parsing.
    sniffed: bool,
}

impl<'a> Prepared<'a> {
    /// Skips a byte-order mark, reads the root object's members as far as `keys` says, and
    /// checks for UTF-8.
    pub(crate) fn until<K: Keys>(body: &'a [u8], until: usize) -> Self {
        Prepared::scanned::<K>(body, until, true)
    }

    /// Reads the root object's members as far as `keys` says, and no more: enough to tell the
    /// vendor. Such a body is not for parsing, only for [`syntax_error`](Self::syntax_error).
    pub(crate) fn sniffed<K: Keys>(body: &'a [u8], until: usize) -> Self {
        Prepared::scanned::<K>(body, until, false)
    }

    /// [`until`](Self::until) when `check` is set, else [`sniffed`](Self::sniffed): one
    /// function that builds the `Prepared` where it is returned, where `until` adjusting what
    /// `sniffed` returned copied its 400 bytes once more per parse.
    #[inline(always)]
    fn scanned<K: Keys>(body: &'a [u8], until: usize, check: bool) -> Self {
        let (body, skipped) = match body.strip_prefix(BOM) {
            Some(rest) => (rest, BOM.len()),
            None => (body, 0),
        };
        let mut fields = [Field::Absent; MAX_KEYS];
        let scan = scan::sniff(body, &mut fields, K::index, |found| K::done(found, until));
        Prepared {
            body: if check {
                check_utf8(body)
            } else {
                Body::Bytes(Cow::Borrowed(body))
            },
            repaired: OnceCell::new(),
            skipped,
            root: scan.root,
            fields,
            found: scan.found,
            resume: scan.resume,
            key_index: K::index,
            sniffed: !check,
        }
    }

    /// Whether the scan has read the whole root object (or found it is not one).
    pub(crate) fn read_all(&self) -> bool {
        self.resume.is_none()
    }

    /// Reads on where the scan stopped, as [`until`](Self::until) read (`K` and `until` are
    /// the same), to the next point where `K` is done or to the end of the root object.
    /// `false` when the scan had already read the whole root object.
    pub(crate) fn read_on<K: Keys>(&mut self, until: usize) -> bool {
        let Some(resume) = self.resume else {
            return false;
        };
        let bytes = self.body.as_bytes();
        (self.found, self.resume) = scan::sniff_on(
            bytes,
            resume,
            &mut self.fields,
            self.found,
            K::index,
            |found| K::done(found, until),
        );
        true
    }

    /// The body as serde_json reads it once it has failed to read as sent: with trailing
    /// commas blanked, if it has any. Blanked once, on the first call.
    fn repaired(&self) -> Option<&Body<'static>> {
        self.repaired.get_or_init(|| repair(&self.body)).as_ref()
    }

    /// The body as a read that fails is reported on: repaired, if it has trailing commas.
    fn body_for_errors(&self) -> &Body<'_> {
        match self.repaired() {
            Some(repaired) => repaired,
            None => &self.body,
        }
    }

    /// Runs `read` on the body as sent, and on a syntax error, again on the repaired body if it
    /// has trailing commas. Only a body that is UTF-8 is read (see [`utf8_error`](Self::utf8_error)
    /// for one that is not), so that every model is compiled for one reader, `&str`.
    fn tolerant<R>(&self, read: impl Fn(&str) -> serde_json::Result<R>) -> serde_json::Result<R> {
        let Body::Text(text) = &self.body else {
            return Err(self.utf8_error().unwrap_or_else(not_utf8));
        };
        match read(text) {
            Err(err) if err.is_syntax() => match self.repaired() {
                Some(Body::Text(repaired)) => read(repaired),
                _ => Err(err),
            },
            done => done,
        }
    }

    /// For a body that is not UTF-8, the error serde_json reports when it reads it as bytes:
    /// a syntax error before the first byte that is not UTF-8, else "invalid unicode code
    /// point" at that byte's line and column (the byte is in a string; elsewhere it is a
    /// syntax error). `None` for a UTF-8 body. Failure path only.
    fn utf8_error(&self) -> Option<serde_json::Error> {
        let Body::Bytes(_) = &self.body else {
            return None;
        };
        let bytes = self.body_for_errors().as_bytes();
        let bad = std::str::from_utf8(bytes).err()?.valid_up_to();
        let (line, column) = position(bytes, bad);
        if let Err(err) = serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
            if (err.line(), err.column()) <= (line, column) {
                return Some(err);
            }
        }
        // The string the byte is in, read after the body before it blanked (newlines kept),
        // from the byte before it: serde_json's own error, at the byte's position.
        let mut text: Vec<u8> = bytes[..bad]
            .iter()
            .map(|&b| if b == b'\n' { b'\n' } else { b' ' })
            .collect();
        match text.last_mut() {
            Some(last) if *last != b'\n' => *last = b'"',
            _ => return Some(not_utf8()),
        }
        text.extend_from_slice(&bytes[bad..]);
        Some(
            serde_json::from_slice::<String>(&text)
                .err()
                .unwrap_or_else(not_utf8),
        )
    }

    /// The body as serde_json will read it (repaired if it has trailing commas).
    #[cfg(test)]
    pub(crate) fn bytes(&self) -> &[u8] {
        self.body_for_errors().as_bytes()
    }

    /// What the root object holds under each recorded key (see [`Keys::index`]), as far as it
    /// was read.
    #[allow(dead_code)] // the scan's record, for tests and failure paths
    pub(crate) fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// The bits of the recorded keys (bit `k` for slot `k`, see [`Keys::index`]).
    pub(crate) fn found(&self) -> u32 {
        self.found
    }

    /// Whether the body needs repair (it has trailing commas).
    #[cfg(test)]
    pub(crate) fn needs_repair(&self) -> bool {
        self.repaired().is_some()
    }

    /// The string value of the top-level key `name`, one of the keys recorded (see
    /// [`Keys::index`]).
    ///
    /// `Ok(None)` when the key is absent; an error naming `name` when its value is not a string.
    pub(crate) fn string_field(
        &self,
        vendor: Vendor,
        name: &'static str,
    ) -> Result<Option<Cow<'_, str>>, Error> {
        let invalid = |found: &'static str| {
            self.syntax_error(Some(vendor))
                .unwrap_or_else(|| Error::discriminator_type(vendor, name, found))
        };
        let Some(index) = (self.key_index)(name.as_bytes()) else {
            debug_assert!(false, "{name} is not a recorded key");
            return Ok(None);
        };
        match self.fields[index] {
            Field::Absent => Ok(None),
            Field::Other(found) => Err(invalid(found)),
            Field::Str {
                start,
                end,
                escaped,
            } => {
                // `end` is the closing quote, or the end of the body for an unterminated string.
                let text = match (&self.body, escaped) {
                    (Body::Text(text), false) => text.get(start..end).map(Cow::Borrowed),
                    (Body::Text(text), true) => text
                        .get(start - 1..=end)
                        .and_then(|quoted| serde_json::from_str::<String>(quoted).ok())
                        .map(Cow::Owned),
                    (Body::Bytes(bytes), false) => bytes
                        .get(start..end)
                        .and_then(|raw| std::str::from_utf8(raw).ok())
                        .map(Cow::Borrowed),
                    (Body::Bytes(bytes), true) => bytes
                        .get(start - 1..=end)
                        .and_then(|quoted| serde_json::from_slice::<String>(quoted).ok())
                        .map(Cow::Owned),
                };
                text.map(Some)
                    .ok_or_else(|| invalid("a string that is not valid UTF-8 JSON"))
            }
        }
    }

    /// Like [`string_field`](Self::string_field), but the key must be present: the body must be
    /// a JSON object that has it.
    pub(crate) fn discriminator(
        &self,
        vendor: Vendor,
        name: &'static str,
    ) -> Result<Cow<'_, str>, Error> {
        self.expect_object(Some(vendor))?;
        match self.string_field(vendor, name)? {
            Some(value) => Ok(value),
            None => Err(self
                .syntax_error(Some(vendor))
                .unwrap_or_else(|| Error::missing_discriminator(vendor, name))),
        }
    }

    /// An error unless the root value is a JSON object (a syntax error takes precedence).
    pub(crate) fn expect_object(&self, vendor: Option<Vendor>) -> Result<(), Error> {
        match self.root {
            Root::Object => Ok(()),
            found => Err(self
                .syntax_error(vendor)
                .unwrap_or_else(|| Error::not_an_object(vendor, found.describe()))),
        }
    }

    /// Parses the whole body as `T`, an event of `vendor` named `event`.
    ///
    /// The fast path is one serde_json read ([`read`](Self::read)). Only when it fails is the
    /// body read again through `serde_path_to_error`, so that the error names the failing field.
    pub(crate) fn parse<T: DeserializeOwned>(
        &self,
        vendor: Vendor,
        event: &str,
    ) -> Result<T, Error> {
        debug_assert!(!self.sniffed, "a sniffed body is not for parsing");
        self.read()
            .map_err(|err| self.data_error::<T>(vendor, event, err))
    }

    /// One `serde_json` read of the body (two if it has trailing commas, see
    /// [`tolerant`](Self::tolerant)), as `str` (see [`check_utf8`]). Every model is read
    /// through this one reader: reading a body that is not UTF-8 as bytes compiled each model
    /// a second time (a release binary held two copies of every model's reader) for bodies
    /// that fail anyway, since JSON is UTF-8 and every kept member is text.
    fn read<T: DeserializeOwned>(&self) -> serde_json::Result<T> {
        self.tolerant(|text| {
            let _budget = budget::Budget::for_body(text.len());
            serde_json::from_str(text)
        })
    }

    /// Reads the body as [`checked::Checked`], as [`read`](Self::read) reads it.
    fn check(&self, seed: checked::CheckedSeed) -> serde_json::Result<()> {
        use serde::de::DeserializeSeed;
        self.tolerant(|text| {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            seed.deserialize(&mut deserializer)?;
            deserializer.end()
        })
    }

    /// Keeps the whole body as raw JSON: the payload of an event this crate does not know.
    ///
    /// The body is first read the way a typed parse reads one ([`checked`]): a top-level key
    /// sent twice, or a string that does not decode, is an error rather than a member that
    /// reads differently, or as nothing, later.
    pub(crate) fn raw(&self, vendor: Vendor, event: &str) -> Result<Box<RawValue>, Error> {
        debug_assert!(!self.sniffed, "a sniffed body is not for parsing");
        let error = |err| Error::json(Some(vendor), Some(event), None, &err, self.skipped);
        // Two quick searches spare the strict read to the bodies that may fail it.
        let bytes = self.body.as_bytes();
        let surrogates = checked::may_hold_surrogates(bytes);
        if surrogates || scan::may_repeat_a_key(bytes) {
            self.check(checked::CheckedSeed).map_err(error)?;
        }
        if surrogates {
            // The body is JSON (the check read it): its strings can be told apart.
            if let Some((open, close)) = checked::lone_surrogate(bytes) {
                return Err(error(self.string_error(open, close)));
            }
        }
        self.read().map_err(error)
    }

    /// serde_json's error for the string at `open..=close` of the body, which does not decode,
    /// at its line and column in the body: the string is read after the body before it,
    /// blanked (newlines kept).
    fn string_error(&self, open: usize, close: usize) -> serde_json::Error {
        let bytes = self.body.as_bytes();
        let mut text: Vec<u8> = bytes[..open]
            .iter()
            .map(|&b| if b == b'\n' { b'\n' } else { b' ' })
            .collect();
        text.extend_from_slice(&bytes[open..=close]);
        match serde_json::from_slice::<String>(&text) {
            Err(err) => err,
            // Not reached: `lone_surrogate` found a string that does not decode.
            Ok(_) => serde::de::Error::custom("a string does not decode"),
        }
    }

    fn data_error<T: DeserializeOwned>(
        &self,
        vendor: Vendor,
        event: &str,
        err: serde_json::Error,
    ) -> Error {
        if !err.is_data() {
            return Error::json(Some(vendor), Some(event), None, &err, self.skipped);
        }
        // Failure path only: parse again, tracking the path to the failing field. Should the
        // second run not fail (it always does, on the same bytes), the first error still stands.
        let Body::Text(text) = self.body_for_errors() else {
            return Error::json(Some(vendor), Some(event), None, &err, self.skipped);
        };
        let _budget = budget::Budget::for_body(text.len());
        let tracked =
            serde_path_to_error::deserialize::<_, T>(&mut serde_json::Deserializer::from_str(text));
        match tracked {
            Err(tracked) => {
                let path = tracked.path().to_string();
                let path = (path != ".").then_some(path);
                Error::json(
                    Some(vendor),
                    Some(event),
                    path,
                    tracked.inner(),
                    self.skipped,
                )
            }
            Ok(_) => Error::json(Some(vendor), Some(event), None, &err, self.skipped),
        }
    }

    /// The body read as `T`, or `None` if it does not read as one: a probe of its shape, for
    /// failure paths only (a vendor's recognition of a foreign request, `detect::foreign`).
    #[allow(dead_code)] // used by the vendor features
    pub(crate) fn probe<T: DeserializeOwned>(&self) -> Option<T> {
        let bytes = self.body_for_errors().as_bytes();
        let _budget = budget::Budget::for_body(bytes.len());
        serde_json::from_slice(bytes).ok()
    }

    /// A syntax error in the body, if there is one. Used on failure paths only, so that a
    /// malformed body is reported as malformed rather than as, say, missing a key.
    pub(crate) fn syntax_error(&self, vendor: Option<Vendor>) -> Option<Error> {
        // A sniffed body is the bytes as sent: repaired the same way, as bytes.
        let bytes = self.body_for_errors().as_bytes();
        match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
            Ok(_) => None,
            Err(err) => Some(Error::json(vendor, None, None, &err, self.skipped)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records no key: reads the root object to its end.
    struct NoKeys;

    impl Keys for NoKeys {
        fn index(_: &[u8]) -> Option<usize> {
            None
        }

        fn done(_: u32, _: usize) -> bool {
            false
        }
    }

    fn repaired(input: &str) -> String {
        let prepared = Prepared::until::<NoKeys>(input.as_bytes(), 0);
        String::from_utf8(prepared.bytes().to_vec()).unwrap()
    }

    #[test]
    fn detection_only_sniffs() {
        let body = br#"{"EventId": "x", "Event": "test", "Changes": [1,],}"#;
        let sniffed = Prepared::sniffed::<NoKeys>(body, 0);
        assert!(
            matches!(sniffed.body, Body::Bytes(Cow::Borrowed(_))),
            "no repair for detection"
        );
        // Failure paths still see the tolerated commas as tolerated.
        let err = crate::detect_vendor(br#"{"a": [1,],}"#).unwrap_err();
        assert_eq!(err.classify(), crate::Category::Vendor, "{err}");
        let err = crate::detect_vendor(br#"{"a": [1,,]}"#).unwrap_err();
        assert!(err.is_syntax(), "{err}");
    }

    #[test]
    fn clean_input_is_borrowed() {
        let body = br#"{"a": [1, 2], "b": "x,]"}"#;
        let prepared = Prepared::until::<NoKeys>(body, 0);
        assert!(!prepared.needs_repair());
        assert_eq!(prepared.bytes(), body);
    }

    #[test]
    fn trailing_commas_become_spaces() {
        assert_eq!(
            repaired(r#"{"a": [1, 2,], "b": 1,}"#),
            r#"{"a": [1, 2 ], "b": 1 }"#
        );
        assert_eq!(
            repaired("{\"a\": {\"b\": 1,\n}\n,\n}"),
            "{\"a\": {\"b\": 1 \n}\n \n}"
        );
        assert_eq!(repaired("{\"a\": 1},\n"), "{\"a\": 1} \n");
        assert_eq!(repaired(r#"[{"a":true,},]"#), r#"[{"a":true } ]"#);
        // Text with multi-byte characters is repaired as text: every offset is a byte offset.
        assert_eq!(
            repaired("{\"é\": [\"\u{1F600}\",], \"b\": \"ü\",}"),
            "{\"é\": [\"\u{1F600}\" ], \"b\": \"ü\" }"
        );
        let prepared = Prepared::until::<NoKeys>("{\"é\": 1,}".as_bytes(), 0);
        assert!(matches!(prepared.body, Body::Text(Cow::Borrowed(_))));
        assert!(matches!(
            prepared.repaired(),
            Some(Body::Text(Cow::Owned(_)))
        ));
        let prepared = Prepared::until::<NoKeys>(b"{\"\xff\": 1,}", 0);
        assert!(matches!(
            prepared.repaired(),
            Some(Body::Bytes(Cow::Owned(_)))
        ));
        assert_eq!(prepared.bytes(), b"{\"\xff\": 1 }");
    }

    #[test]
    fn commas_inside_strings_are_left_alone() {
        for input in [
            r#"{"a": "x,}"}"#,
            r#"{"a": "quote \", ]"}"#,
            r#"{"a": "backslash \\", "b": 1}"#,
            r#"{"a,": 1}"#,
        ] {
            assert_eq!(repaired(input), input);
        }
        assert_eq!(repaired(r#"{"a": "\\",}"#), r#"{"a": "\\" }"#);
    }

    #[test]
    fn nothing_else_is_repaired() {
        for input in [
            "[,]",
            "[1,,]",
            "{,}",
            r#"{"a":1,,}"#,
            r#"{"a":,}"#,
            "{} ,, ",
            "{}, {}",
            "[1 2]",
        ] {
            assert_eq!(repaired(input), input, "{input}");
        }
    }

    #[test]
    fn only_one_byte_order_mark_is_skipped() {
        let twice = b"\xEF\xBB\xBF\xEF\xBB\xBF{}";
        assert_eq!(&*tolerant_json(twice), &twice[3..]);
        let err = crate::parse_event(twice).unwrap_err();
        assert!(err.is_syntax(), "{err}");
    }

    #[test]
    fn bodies_that_are_not_utf8_fail_with_serde_json_s_error() {
        let prepared = Prepared::until::<NoKeys>(b"{\"a\": 1, \"b\": \"\xff\"}", 0);
        // Every read fails, with the error serde_json::from_slice gives at the byte.
        for err in [
            prepared.read::<serde::de::IgnoredAny>().unwrap_err(),
            prepared.read::<serde_json::Value>().unwrap_err(),
        ] {
            assert_eq!(
                err.to_string(),
                "invalid unicode code point at line 1 column 16"
            );
        }
        // On a later line, and after a syntax error, which comes first.
        let prepared = Prepared::until::<NoKeys>(b"{\"a\": 1,\n \"b\": \"x\xff\"}", 0);
        assert_eq!(
            prepared
                .read::<serde_json::Value>()
                .unwrap_err()
                .to_string(),
            "invalid unicode code point at line 2 column 9"
        );
        let prepared = Prepared::until::<NoKeys>(b"{\"a\" 1, \"b\": \"\xff\"}", 0);
        assert_eq!(
            prepared
                .read::<serde_json::Value>()
                .unwrap_err()
                .to_string(),
            "expected `:` at line 1 column 6"
        );
        let prepared = Prepared::until::<NoKeys>("{\"b\": \"\u{e9}\u{1F600}\"}".as_bytes(), 0);
        let value: serde_json::Value = prepared.read().unwrap();
        assert_eq!(value["b"], "\u{e9}\u{1F600}");
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        let prepared = Prepared::until::<NoKeys>(b"\xEF\xBB\xBF{\"a\":1}", 0);
        assert_eq!(prepared.bytes(), br#"{"a":1}"#);
        assert!(!prepared.needs_repair());
    }
}
