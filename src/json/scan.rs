//! The passes over a body: top-level keys, and trailing commas.
//!
//! - [`sniff`] reads the root object's members, skipping nested values, and stops as soon as
//!   the caller has what it needs: detection rarely reads past the first few members.
//! - [`leaves`] finds the values at a few paths in JSON already known to be valid (an unknown
//!   event's raw JSON), descending only along the paths.
//! - [`trailing_commas`] looks for a comma before each `}` and `]` with `memchr`, at memory
//!   speed; only when it finds one does it locate the strings (walking just the quotes and
//!   backslashes), to keep the commas that are outside them. It runs only on a body that
//!   serde_json rejected (see [`super`]), and on `tolerant_json`'s input.
//!
//! None of them validates, and only [`leaves`] recurses (along its paths, no deeper): a
//! malformed body gives a partial answer, and serde_json reports the real error afterwards.

use std::borrow::Cow;
use std::collections::HashSet;

/// The kind of a body's root value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Root {
    /// Nothing but whitespace.
    Empty,
    /// `{`.
    Object,
    /// `[`.
    Array,
    /// A string, number, `true`, `false` or `null` (described as in [`describe`](Self::describe)),
    /// or something that is no JSON at all.
    Scalar(&'static str),
}

impl Root {
    /// For error messages: "found {describe}".
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Root::Empty => "an empty body",
            Root::Object => "an object",
            Root::Array => "an array",
            Root::Scalar(what) => what,
        }
    }
}

/// What the root object holds under one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    /// The key is not there (or was not reached).
    Absent,
    /// A string: its contents are `bytes[start..end]`, with `escaped` set when they contain a
    /// backslash escape.
    Str {
        start: usize,
        end: usize,
        escaped: bool,
    },
    /// Something other than a string, described for error messages ("a number", ...).
    Other(&'static str),
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && is_ws(bytes[i]) {
        i += 1;
    }
    i
}

/// The index of the quote that closes the string whose contents start at `start` (or
/// `bytes.len()` if it is never closed), and whether the string holds an escape.
fn string_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut i = start;
    let mut escaped = false;
    while let Some(at) = next_quote_or_backslash(bytes, i) {
        if bytes[at] == b'"' {
            return (at, escaped);
        }
        // An escape: the next byte is part of the string, whatever it is.
        escaped = true;
        i = at + 2;
    }
    (bytes.len(), escaped)
}

/// The index just past the container that opens at `i`.
///
/// Jumps from one quote or bracket to the next ([`next_quote_or_bracket`]), eight bytes at a
/// time: the indentation, numbers and literals between them are not looked at one by one.
fn skip_container(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while let Some(at) = next_quote_or_bracket(bytes, i) {
        i = at + 1;
        match bytes[at] {
            b'"' => i = string_end(bytes, i).0 + 1,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            // `Y`, `_`, `y` or DEL, which the bracket test lets through: none is JSON
            // outside a string.
            _ => {}
        }
    }
    bytes.len()
}

fn describe_value(b: u8) -> &'static str {
    match b {
        b'"' => "a string",
        b'{' => "an object",
        b'[' => "an array",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        _ => "a number",
    }
}

/// The text of a key's contents (between its quotes, escapes and all), or `None` if they do
/// not decode. Out of line: keys with escapes are rare, and the scan loop stays small.
#[cold]
#[inline(never)]
fn decode(contents: &[u8]) -> Option<String> {
    let mut quoted = Vec::with_capacity(contents.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(contents);
    quoted.push(b'"');
    serde_json::from_slice(&quoted).ok()
}

/// Where a scan that stopped early goes on from (see [`sniff`] and [`sniff_on`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Resume {
    /// Where [`member`] left the index after the last member read.
    at: usize,
    /// That member's value's first byte, for [`skip_value`].
    first: u8,
}

/// What a scan of the root object found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scan {
    /// The root's kind.
    pub(crate) root: Root,
    /// Bit `k` set for each `k` recorded in `fields`.
    pub(crate) found: u32,
    /// Where to go on, when the scan stopped because `done` held; `None` once the object has
    /// been read to its end.
    pub(crate) resume: Option<Resume>,
}

/// Reads the root object's members, recording in `fields[k]` (all [`Field::Absent`] on entry)
/// the value of the key that `lookup` maps to `k` (a key with escapes is decoded first), until
/// `done(found)` holds after a recorded key, `found` having bit `k` set for each recorded `k`,
/// or the object ends.
///
/// The last member is read first, from the end of the body, when its value is a string
/// ([`last_member`]): senders that add the event's name to a serialized record add it last
/// (Chatwoot's `event` follows the whole conversation or message), and the scan then stops
/// before it has walked anything. Otherwise members are read in order, and the first
/// occurrence of a key wins. A key sent twice is recorded from one of its occurrences; such a
/// body is refused by its parse anyway (a key twice is an error).
///
/// `fields` is the caller's, filled in place: [`super::Prepared`] holds it, and returning the
/// array would copy it twice per parse.
pub(crate) fn sniff<const N: usize>(
    bytes: &[u8],
    fields: &mut [Field; N],
    lookup: impl Fn(&[u8]) -> Option<usize>,
    done: impl Fn(u32) -> bool,
) -> Scan {
    const { assert!(N <= 32, "found is a u32") };
    let (root, i) = root(bytes);
    let mut found = 0u32;
    if root != Root::Object {
        return Scan {
            root,
            found,
            resume: None,
        };
    }
    if let Some(last) = last_member(bytes) {
        if let Some(k) = wanted(&last, &lookup) {
            fields[k] = last.value;
            found |= 1 << k;
            if done(found) {
                return Scan {
                    root,
                    found,
                    // Nothing read forwards yet: a string's first byte skips nothing.
                    resume: Some(Resume { at: i, first: b'"' }),
                };
            }
        }
    }
    let (found, resume) = members(bytes, i, fields, found, lookup, done);
    Scan {
        root,
        found,
        resume,
    }
}

/// Goes on with a scan that stopped early ([`Scan::resume`]), as [`sniff`] reads: `found` is
/// what it had found, and `done` is asked again after each key recorded from here on.
/// Returns the new `found` and where to go on.
pub(crate) fn sniff_on<const N: usize>(
    bytes: &[u8],
    resume: Resume,
    fields: &mut [Field; N],
    found: u32,
    lookup: impl Fn(&[u8]) -> Option<usize>,
    done: impl Fn(u32) -> bool,
) -> (u32, Option<Resume>) {
    let i = skip_value(bytes, resume.at, resume.first);
    members(bytes, i, fields, found, lookup, done)
}

/// The slot of `member`'s key, decoded if it has escapes (as serde_json matches it:
/// `"t\u0079pe"` is `type`).
#[inline(always)]
fn wanted(member: &Member<'_>, lookup: &impl Fn(&[u8]) -> Option<usize>) -> Option<usize> {
    if member.key_escaped {
        decode(member.key).and_then(|key| lookup(key.as_bytes()))
    } else {
        lookup(member.key)
    }
}

/// The forward loop of [`sniff`], from `i` (past the `{` or a value).
fn members<const N: usize>(
    bytes: &[u8],
    mut i: usize,
    fields: &mut [Field; N],
    mut found: u32,
    lookup: impl Fn(&[u8]) -> Option<usize>,
    done: impl Fn(u32) -> bool,
) -> (u32, Option<Resume>) {
    while let Some(member) = member(bytes, &mut i) {
        if let Some(k) = wanted(&member, &lookup) {
            if fields[k] == Field::Absent {
                fields[k] = member.value;
                found |= 1 << k;
                // Checked before the value is skipped: a container is never walked for nothing.
                if done(found) {
                    let first = member.first;
                    return (found, Some(Resume { at: i, first }));
                }
            }
        }
        i = skip_value(bytes, i, member.first);
    }
    (found, None)
}

/// The root object's last member, read backwards from the end of the body, when its value is
/// a string: `..., "key": "value" }`. `None` for any other shape (a value of another kind, a
/// body that does not end with `}`), which the forward scan then reads.
///
/// Reading backwards is exact for strings: a `"` closes or opens one unless an odd number of
/// backslashes precedes it.
fn last_member(bytes: &[u8]) -> Option<Member<'_>> {
    let before = |end: usize| bytes[..end].iter().rposition(|&b| !is_ws(b));
    // Past a trailing comma, as the repair blanks it (after the root, and before its `}`): a
    // body and its repaired copy are read alike, and so tell the same vendor.
    let before_comma = |end: usize| {
        let at = before(end)?;
        if bytes[at] == b',' {
            before(at)
        } else {
            Some(at)
        }
    };
    let close = before_comma(bytes.len())?;
    if bytes[close] != b'}' {
        return None;
    }
    let value_end = before_comma(close)?;
    if bytes[value_end] != b'"' {
        return None;
    }
    let value_start = opening_quote(bytes, value_end)?;
    let colon = before(value_start)?;
    if bytes[colon] != b':' {
        return None;
    }
    let key_end = before(colon)?;
    if bytes[key_end] != b'"' {
        return None;
    }
    let key_start = opening_quote(bytes, key_end)?;
    // The member must follow a `,` or the `{`: otherwise the quotes were not what they seemed.
    if !matches!(bytes[before(key_start)?], b',' | b'{') {
        return None;
    }
    let key = &bytes[key_start + 1..key_end];
    let contents = &bytes[value_start + 1..value_end];
    Some(Member {
        key,
        key_escaped: key.contains(&b'\\'),
        value: Field::Str {
            start: value_start + 1,
            end: value_end,
            escaped: contents.contains(&b'\\'),
        },
        first: b'"',
    })
}

/// The index of the quote that opens the string whose closing quote is at `close`.
fn opening_quote(bytes: &[u8], close: usize) -> Option<usize> {
    let mut end = close;
    loop {
        let at = memchr::memrchr(b'"', &bytes[..end])?;
        let backslashes = bytes[..at]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if backslashes % 2 == 0 {
            return Some(at);
        }
        end = at;
    }
}

/// Whether the root object may have a key twice, keys compared by their decoded text.
///
/// A quick walk over the top-level members that skips nested values without reading them; it
/// does not validate, so a malformed body may give a wrong answer. Used to spare the strict
/// check ([`super::checked`]) to the bodies that need it.
pub(crate) fn may_repeat_a_key(bytes: &[u8]) -> bool {
    // A few keys are compared in a list; a large object switches to a set.
    const LIST: usize = 16;
    let mut list: Vec<Cow<'_, [u8]>> = Vec::new();
    let mut set = HashSet::new();
    let (_, mut i) = root(bytes);
    while let Some(member) = member(bytes, &mut i) {
        let key = if member.key_escaped {
            match decode(member.key) {
                Some(decoded) => Cow::Owned(decoded.into_bytes()),
                // A key that does not decode: the strict check reports it.
                None => return true,
            }
        } else {
            Cow::Borrowed(member.key)
        };
        let repeated = if list.len() < LIST {
            let seen = list.contains(&key);
            list.push(key);
            seen
        } else {
            if set.is_empty() {
                set.extend(list.iter().cloned());
            }
            !set.insert(key)
        };
        if repeated {
            return true;
        }
        i = skip_value(bytes, i, member.first);
    }
    false
}

/// The kind of the body's root value, and the index just past its first byte.
fn root(bytes: &[u8]) -> (Root, usize) {
    let i = skip_ws(bytes, 0);
    let root = match bytes.get(i) {
        None => Root::Empty,
        Some(b'{') => Root::Object,
        Some(b'[') => Root::Array,
        Some(&other) => Root::Scalar(describe_value(other)),
    };
    (root, i + 1)
}

/// A member of the root object, as [`member`] reads it.
struct Member<'a> {
    /// The key's contents as sent, between the quotes.
    key: &'a [u8],
    /// Whether the key holds a backslash escape.
    key_escaped: bool,
    value: Field,
    /// The value's first byte.
    first: u8,
}

/// Reads the root object's member at or after `*i` (past a comma): its key and value. Leaves
/// `*i` past a string value, or at the first byte of any other value, for [`skip_value`].
/// `None` at the end of the object, or where the body stops being an object.
#[inline(always)]
fn member<'a>(bytes: &'a [u8], i: &mut usize) -> Option<Member<'a>> {
    loop {
        *i = skip_ws(bytes, *i);
        match bytes.get(*i) {
            Some(b'"') => break,
            Some(b',') => *i += 1,
            _ => return None,
        }
    }
    let (key_end, key_escaped) = string_end(bytes, *i + 1);
    let key = &bytes[*i + 1..key_end];
    *i = skip_ws(bytes, key_end + 1);
    if bytes.get(*i) != Some(&b':') {
        return None;
    }
    *i = skip_ws(bytes, *i + 1);
    let first = *bytes.get(*i)?;
    let value = match first {
        b'"' => {
            let (end, escaped) = string_end(bytes, *i + 1);
            let field = Field::Str {
                start: *i + 1,
                end,
                escaped,
            };
            *i = end + 1;
            field
        }
        _ => Field::Other(describe_value(first)),
    };
    Some(Member {
        key,
        key_escaped,
        value,
        first,
    })
}

/// The index past the value that [`member`] left `i` at.
#[inline(always)]
fn skip_value(bytes: &[u8], mut i: usize, first: u8) -> usize {
    match first {
        b'"' => {}
        b'{' | b'[' => i = skip_container(bytes, i),
        _ => {
            while i < bytes.len() && !matches!(bytes[i], b',' | b'}' | b']') && !is_ws(bytes[i]) {
                i += 1;
            }
        }
    }
    i
}

/// The JSON text of the value at each of `paths` (keys from the root object down) in `json`,
/// or `None` where a path leads nowhere; the first occurrence of a key counts.
///
/// For JSON already known to be valid (an unknown event's raw JSON, which serde_json read
/// when it was parsed): nothing is checked, the walk descends only into the objects on a path,
/// and every other value is skipped by its quotes and brackets, as detection skips them. With
/// it, converting an unknown event takes 0.6x the instructions it took with a serde_json walk
/// that ignored the same values (`benches/count.rs`, mode `event_to`, SuperOffice), and the
/// walk is the code that every parse's detection already runs.
pub(crate) fn leaves<'a>(json: &'a str, paths: &[&[&str]]) -> Vec<Option<&'a str>> {
    debug_assert!(paths.len() <= 64, "one bit per path");
    let mut found = vec![None; paths.len()];
    let (root, i) = root(json.as_bytes());
    if root == Root::Object {
        let live = u64::MAX >> (64 - paths.len().clamp(1, 64));
        leaves_in(json, i, paths, 0, live, &mut found);
    }
    found
}

/// The members of the object whose first member is at or after `i`, at `depth` on the paths
/// marked in `live`: records the values where a path ends and descends where one goes on.
/// Returns the index past the object's `}`, or `None` once every path has its value: the first
/// occurrence counts, so the rest of the body cannot change what was found, and the walk
/// stops (an envelope's members usually come before the large ones).
fn leaves_in<'a>(
    json: &'a str,
    mut i: usize,
    paths: &[&[&str]],
    depth: usize,
    live: u64,
    found: &mut [Option<&'a str>],
) -> Option<usize> {
    let bytes = json.as_bytes();
    while let Some(member) = member(bytes, &mut i) {
        let decoded = member.key_escaped.then(|| decode(member.key));
        let key = match &decoded {
            None => Some(member.key),
            Some(decoded) => decoded.as_ref().map(|key| key.as_bytes()),
        };
        let Some(key) = key else {
            // A key that does not decode is on no path.
            i = skip_value(bytes, i, member.first);
            continue;
        };
        let (mut ends, mut goes_on) = (0u64, 0u64);
        for (bit, path) in paths.iter().enumerate().take(64) {
            if live & (1 << bit) != 0 && path.get(depth).map(|k| k.as_bytes()) == Some(key) {
                if path.len() == depth + 1 {
                    ends |= 1 << bit;
                } else {
                    goes_on |= 1 << bit;
                }
            }
        }
        let start = match member.value {
            // `i` is past the closing quote: the value's text starts at the opening one.
            Field::Str { start, .. } => start - 1,
            Field::Absent | Field::Other(_) => i,
        };
        i = if goes_on != 0 && member.first == b'{' {
            leaves_in(json, i + 1, paths, depth + 1, goes_on, found)?
        } else {
            skip_value(bytes, i, member.first)
        };
        if ends != 0 {
            let text = json.get(start..i);
            for (bit, slot) in found.iter_mut().enumerate().take(64) {
                if ends & (1 << bit) != 0 && slot.is_none() {
                    *slot = text;
                }
            }
            if found.iter().all(Option::is_some) {
                return None;
            }
        }
    }
    // `member` stopped at the object's `}`.
    Some((i + 1).min(bytes.len()))
}

const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
const BACKSLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);

/// The bytes of `word` that are zero, as the high bit of each (exact for every byte, so the
/// result can be counted).
fn zero_bytes(word: u64) -> u64 {
    const LOWS: u64 = u64::from_ne_bytes([0x7F; 8]);
    // Per byte: the low seven bits plus 0x7F carry into the high bit unless they are all zero,
    // and no byte carries into the next.
    !(((word & LOWS) + LOWS) | word | LOWS)
}

/// The index of the first `"` or `\\` at or after `from`, eight bytes at a time: the strings
/// in webhook bodies are short, and a plain word-at-a-time scan beats setting up a vectorised
/// search for each of them.
fn next_quote_or_backslash(bytes: &[u8], mut from: usize) -> Option<usize> {
    while let Some(chunk) = bytes.get(from..from + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let found = zero_bytes(word ^ QUOTES) | zero_bytes(word ^ BACKSLASHES);
        if found != 0 {
            return Some(from + (found.trailing_zeros() / 8) as usize);
        }
        from += 8;
    }
    let rest = bytes.get(from..)?;
    rest.iter()
        .position(|&b| b == b'"' || b == b'\\')
        .map(|at| from + at)
}

/// Setting these bits makes each of `{`, `}`, `[` and `]` (and only `Y`, `_`, `y` and DEL
/// besides) `0x7F`.
const BRACKET_BITS: u64 = u64::from_ne_bytes([0x26; 8]);
const SEVEN_F: u64 = u64::from_ne_bytes([0x7F; 8]);

/// The index of the first `"`, `{`, `}`, `[` or `]` at or after `from`, eight bytes at a time,
/// as [`next_quote_or_backslash`] searches; it may also stop at a `Y`, `_`, `y` or DEL, which
/// the caller passes over.
fn next_quote_or_bracket(bytes: &[u8], mut from: usize) -> Option<usize> {
    while let Some(chunk) = bytes.get(from..from + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let found = zero_bytes(word ^ QUOTES) | zero_bytes((word | BRACKET_BITS) ^ SEVEN_F);
        if found != 0 {
            return Some(from + (found.trailing_zeros() / 8) as usize);
        }
        from += 8;
    }
    let rest = bytes.get(from..)?;
    rest.iter()
        .position(|&b| b == b'"' || b | 0x26 == 0x7F)
        .map(|at| from + at)
}

/// The offsets of the trailing commas the crate repairs: a `,` outside strings that follows a
/// value and is followed, whitespace aside, by `}` or `]`, or by the end of the body (after
/// the root value). `[,]`, `[1,,]` and `{"a":,}` are left alone.
///
/// A body without one costs one `memchr` pass over `}` and `]`, looking back from each for a
/// comma.
/// Only when a candidate turns up are strings located, by walking just the quotes and
/// backslashes (again with `memchr`), to drop candidates inside strings.
pub(crate) fn trailing_commas(bytes: &[u8]) -> Vec<usize> {
    let previous = |end: usize| bytes[..end].iter().rposition(|&b| !is_ws(b));
    let mut candidates: Vec<usize> = memchr::memchr2_iter(b'}', b']', bytes)
        .filter_map(|at| previous(at).filter(|&comma| bytes[comma] == b','))
        .collect();
    // A comma at the very end is a trailing comma only after the root value, at depth 0: the
    // walk below counts brackets outside strings for it (that case only).
    let final_comma = previous(bytes.len()).filter(|&last| bytes[last] == b',');
    candidates.extend(final_comma);
    if candidates.is_empty() {
        return candidates;
    }
    // Keep, in place, the candidates (in increasing order) outside strings after a value. The
    // string state is carried forward from the start, eight bytes at a time where a word holds
    // no backslash: then only the parity of its quotes matters. Brackets are counted, byte by
    // byte, only for a final comma (the one case where depth decides).
    let track_depth = final_comma.is_some();
    let mut kept = 0;
    let mut in_string = false;
    let mut escaped = false;
    let mut depth = 0isize;
    let mut i = 0;
    for next in 0..candidates.len() {
        let comma = candidates[next];
        while i < comma {
            if !track_depth && !escaped {
                if let Some(chunk) = bytes.get(i..i + 8).filter(|_| i + 8 <= comma) {
                    let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                    if zero_bytes(word ^ BACKSLASHES) == 0 {
                        in_string ^= zero_bytes(word ^ QUOTES).count_ones() % 2 == 1;
                        i += 8;
                        continue;
                    }
                }
            }
            match bytes[i] {
                _ if escaped => escaped = false,
                b'\\' if in_string => escaped = true,
                b'"' => in_string = !in_string,
                b'{' | b'[' if !in_string => depth += 1,
                b'}' | b']' if !in_string => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        let after_value =
            previous(comma).is_some_and(|b| !matches!(bytes[b], b'[' | b'{' | b',' | b':'));
        let at_root = Some(comma) != final_comma || depth == 0;
        if !in_string && after_value && at_root {
            candidates[kept] = comma;
            kept += 1;
        }
    }
    candidates.truncate(kept);
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: [&[u8]; 3] = [b"Event", b"topic", b"nested"];

    fn lookup(key: &[u8]) -> Option<usize> {
        KEYS.iter().position(|k| *k == key)
    }

    fn sniff_all(bytes: &[u8]) -> (Root, [Field; 3]) {
        let mut fields = [Field::Absent; 3];
        let scan = sniff(bytes, &mut fields, lookup, |_| false);
        assert_eq!(scan.resume, None, "read to the end");
        (scan.root, fields)
    }

    #[test]
    fn finds_top_level_keys_only() {
        let body = br#"{"data": {"Event": "inner", "topic": "x"}, "Event" : "chatsession.created", "nested": [1, "]"], "topic": 5}"#;
        let (root, fields) = sniff_all(body);
        assert_eq!(root, Root::Object);
        let Field::Str {
            start,
            end,
            escaped,
        } = fields[0]
        else {
            panic!("{:?}", fields[0]);
        };
        assert_eq!(&body[start..end], b"chatsession.created");
        assert!(!escaped);
        assert_eq!(fields[1], Field::Other("a number"));
        assert_eq!(fields[2], Field::Other("an array"));
    }

    /// Goes on with a scan that stopped early, to the end of the root object.
    fn read_to_end(body: &[u8], scan: Scan, fields: &mut [Field; 3]) -> (u32, Option<Resume>) {
        sniff_on(
            body,
            scan.resume.unwrap(),
            fields,
            scan.found,
            lookup,
            |_| false,
        )
    }

    #[test]
    fn stops_when_done() {
        let body = br#"{"Event": "a", "topic": 5}"#;
        let mut fields = [Field::Absent; 3];
        let scan = sniff(body, &mut fields, lookup, |found| found & 1 != 0);
        assert_eq!(scan.found, 1);
        assert_eq!(fields[1], Field::Absent);
        // Read on, to the end.
        let (found, resume) = read_to_end(body, scan, &mut fields);
        assert_eq!((found, resume), (0b11, None));
        assert_eq!(fields[1], Field::Other("a number"));
    }

    #[test]
    fn the_last_member_is_read_first_when_it_is_a_string() {
        let value = |body: &[u8], field: Field| match field {
            Field::Str {
                start,
                end,
                escaped,
            } => (body[start..end].to_vec(), escaped),
            other => panic!("{other:?}"),
        };
        // Found without reading forwards: the scan is done at once, and reads on from the top.
        let body = br#"{"data": {"topic": "inner"}, "nested": [1], "Event": "chat.close"} "#;
        let mut fields = [Field::Absent; 3];
        let scan = sniff(body, &mut fields, lookup, |found| found & 1 != 0);
        assert_eq!(scan.found, 1);
        assert_eq!(value(body, fields[0]), (b"chat.close".to_vec(), false));
        assert_eq!(fields[2], Field::Absent);
        let (found, resume) = read_to_end(body, scan, &mut fields);
        assert_eq!((found, resume), (0b101, None));
        assert_eq!(fields[2], Field::Other("an array"));
        // Escapes, in the value and in the key, and quotes inside the value.
        let body = br#"{"a": 1,"Ev\u0065nt" :"x\"y\\\"z\\"}"#;
        let (_, fields) = sniff_all(body);
        assert_eq!(value(body, fields[0]), (br#"x\"y\\\"z\\"#.to_vec(), true));
        // Other shapes are read forwards: a value that is not a string, quotes that are not
        // a member's, a single member, a trailing comma after the root.
        let event = |body: &[u8]| {
            let (root, fields) = sniff_all(body);
            assert_eq!(root, Root::Object);
            match fields[0] {
                Field::Str { start, end, .. } => {
                    String::from_utf8_lossy(&body[start..end]).into_owned()
                }
                other => format!("{other:?}"),
            }
        };
        assert_eq!(
            event(br#"{"topic": "t", "Event": 5}"#),
            r#"Other("a number")"#
        );
        assert_eq!(
            event(br#"{"topic": "t", "Event": ["a", "b"]}"#),
            r#"Other("an array")"#
        );
        assert_eq!(event(br#"{"Event": "e", "topic": "a" "b"}"#), "e");
        assert_eq!(event(br#"{"topic": "a", "x": "Event": "b"}"#), "Absent");
        assert_eq!(event(br#"{"Event": "e"}"#), "e");
        assert_eq!(event(br#"{"Event": "e", "topic": "t"},"#), "e");
        // Trailing commas, as the repair would blank them: read backwards all the same.
        for body in [
            &br#"{"topic": {}, "Event": "e",}"#[..],
            br#"{"topic": {}, "Event": "e" , } , "#,
            br#"{"topic": {}, "Event": "e"},"#,
        ] {
            let mut fields = [Field::Absent; 3];
            let scan = sniff(body, &mut fields, lookup, |found| found & 1 != 0);
            assert_eq!((scan.found, value(body, fields[0]).0), (1, b"e".to_vec()));
        }
    }

    #[test]
    fn strings_with_escapes_and_keys_inside_values() {
        let body = br#"{"a": "\"Event\": \"x\"", "Event": "a\"b\\"}"#;
        let (_, fields) = sniff_all(body);
        let Field::Str {
            start,
            end,
            escaped,
        } = fields[0]
        else {
            panic!();
        };
        assert_eq!(&body[start..end], br#"a\"b\\"#);
        assert!(escaped);
    }

    #[test]
    fn keys_with_escapes_are_decoded() {
        let body = br#"{"\u0045vent": "a", "t\u006fpic": "b", "Ev\u0065nt": "c", "nest\"ed": 1}"#;
        let (_, fields) = sniff_all(body);
        let Field::Str { start, end, .. } = fields[0] else {
            panic!("{:?}", fields[0]);
        };
        assert_eq!(&body[start..end], b"a");
        assert!(matches!(fields[1], Field::Str { .. }));
        assert_eq!(fields[2], Field::Absent);
        // A key that does not decode matches nothing.
        assert_eq!(sniff_all(br#"{"Ev\ud800ent": "a"}"#).1[0], Field::Absent);
    }

    #[test]
    fn repeated_keys() {
        for (body, repeated) in [
            (
                r#"{"a": 1, "b": {"a": 2}, "c": [{"a": 1}], "d": "a"}"#,
                false,
            ),
            (r#"{"a": 1, "b": 2, "a": 3}"#, true),
            (r#"{"type": 1, "t\u0079pe": 2}"#, true),
            (r#"{"a\"": 1, "a": 2}"#, false),
            (r#"{"\ud800": 1}"#, true),
            ("[1, 1]", false),
            // Truncated: the walk stops, and the strict read reports the body.
            (r#"{"a": 1, "a"#, false),
        ] {
            assert_eq!(may_repeat_a_key(body.as_bytes()), repeated, "{body}");
        }
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        assert!(!may_repeat_a_key(
            format!("{{{}}}", many.join(",")).as_bytes()
        ));
        let many = format!("{{{}, \"k39\": 0}}", many.join(","));
        assert!(may_repeat_a_key(many.as_bytes()));
    }

    #[test]
    fn roots_that_are_not_objects() {
        assert_eq!(sniff_all(b"").0, Root::Empty);
        assert_eq!(sniff_all(b"  \n").0, Root::Empty);
        assert_eq!(sniff_all(b"[]").0, Root::Array);
        assert_eq!(sniff_all(b"\"Event\"").0, Root::Scalar("a string"));
        assert_eq!(sniff_all(b" 12").0, Root::Scalar("a number"));
        assert_eq!(sniff_all(br#"[{"Event": "x"}]"#).1[0], Field::Absent);
    }

    #[test]
    fn trailing_comma_detection() {
        for (input, commas) in [
            (r#"{"a": [1, 2,], "b": 1,}"#, vec![11, 21]),
            ("{\"a\": 1},\n", vec![8]),
            (r#"{"a": "x,}", "b": "\\",}"#, vec![22]),
            (r#"[{"a":true,},]"#, vec![10, 12]),
            ("[,]", vec![]),
            ("[1,,]", vec![]),
            (r#"{"a":,}"#, vec![]),
            ("{}, {}", vec![]),
            ("{} ,, ", vec![]),
            ("7,", vec![1]),
            ("\"a\" ,\n", vec![4]),
            ("7,,", vec![]),
            ("1 2,", vec![3]),
            (r#"{"a": 1, "#, vec![]),
            (r#"{"a": [1, "#, vec![]),
            (r#"[1],"#, vec![3]),
            (r#"{"a": "]"},"#, vec![10]),
        ] {
            assert_eq!(trailing_commas(input.as_bytes()), commas, "{input}");
        }
        assert!(trailing_commas(br#"{"a": [1, 2], "b": "x"}"#).is_empty());
        // Candidates inside strings are dropped, escapes and all.
        assert!(trailing_commas(br#"{"a": "x,}", "b": "y\",]"}"#).is_empty());
        assert_eq!(trailing_commas(br#"{"a": "\\", "b": [1,],}"#), vec![19, 21]);
    }

    /// The plain byte-by-byte reading that [`trailing_commas`] must agree with.
    fn reference_commas(bytes: &[u8]) -> Vec<usize> {
        let non_ws = |b: &&u8| !is_ws(**b);
        let (mut in_string, mut escaped, mut depth) = (false, false, 0isize);
        let mut commas = Vec::new();
        for (i, &b) in bytes.iter().enumerate() {
            if in_string {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth -= 1,
                b',' => {
                    let before = bytes[..i].iter().rev().find(non_ws);
                    let after = bytes[i + 1..].iter().find(non_ws);
                    let after_value = before.is_some_and(|b| !b"[{,:".contains(b));
                    let closes = match after {
                        Some(b'}' | b']') => true,
                        None => depth == 0,
                        Some(_) => false,
                    };
                    if after_value && closes {
                        commas.push(i);
                    }
                }
                _ => {}
            }
        }
        commas
    }

    #[test]
    fn trailing_commas_agree_with_a_plain_reading() {
        const ALPHABET: &[u8] = b"\"\\,]}[{ a:";
        let check = |body: &[u8]| {
            assert_eq!(
                trailing_commas(body),
                reference_commas(body),
                "{:?}",
                String::from_utf8_lossy(body)
            );
        };
        // Every body of up to five bytes over the characters that matter.
        let mut body = Vec::new();
        for len in 0..=5u32 {
            for mut n in 0..ALPHABET.len().pow(len) {
                body.clear();
                for _ in 0..len {
                    body.push(ALPHABET[n % ALPHABET.len()]);
                    n /= ALPHABET.len();
                }
                check(&body);
            }
        }
        // Longer bodies, mostly letters, so that whole words are skipped between the rest.
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            body.clear();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 64) as usize;
            for k in 0..len {
                let pick = (seed.rotate_left(k as u32 * 5) % 32) as usize;
                body.push(*ALPHABET.get(pick).unwrap_or(&b'a'));
            }
            check(&body);
        }
    }

    #[test]
    fn word_at_a_time_search_agrees_with_a_plain_one() {
        let text = br#"{"a": "b\"c", "ddddddddddddddd": [1, 2, 3, "\\"], "e": 0}"#;
        for from in 0..=text.len() + 1 {
            let plain = text
                .get(from..)
                .and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\'))
                .map(|at| from + at);
            assert_eq!(next_quote_or_backslash(text, from), plain, "from {from}");
        }
        for byte in 0..=255u8 {
            let mut text = [b'x'; 20];
            text[13] = byte;
            let expected = matches!(byte, b'"' | b'\\').then_some(13);
            assert_eq!(next_quote_or_backslash(&text, 0), expected, "{byte}");
        }
    }

    #[test]
    fn bracket_search_agrees_with_a_plain_one() {
        let stops = |b: u8| {
            matches!(
                b,
                b'"' | b'{' | b'}' | b'[' | b']' | b'Y' | b'_' | b'y' | 0x7F
            )
        };
        for byte in 0..=255u8 {
            for at in [0, 5, 13, 19] {
                let mut text = [b' '; 20];
                text[at] = byte;
                let expected = stops(byte).then_some(at);
                assert_eq!(next_quote_or_bracket(&text, 0), expected, "{byte} at {at}");
            }
        }
        let text = br#"{"a": [1, {"b": "]"}], "c": {"d": "\"{"}}"#;
        for from in 0..=text.len() + 1 {
            let plain = text
                .get(from..)
                .and_then(|rest| rest.iter().position(|&b| stops(b)))
                .map(|at| from + at);
            assert_eq!(next_quote_or_bracket(text, from), plain, "from {from}");
        }
        assert_eq!(skip_container(text, 0), text.len());
        assert_eq!(skip_container(text, 6), 21);
    }

    #[test]
    fn deep_nesting_and_truncation_do_not_panic() {
        let deep = "[".repeat(200_000);
        assert_eq!(sniff_all(deep.as_bytes()).0, Root::Array);
        assert!(trailing_commas(deep.as_bytes()).is_empty());
        let deep_object = format!("{{\"a\":{}", "{\"b\":".repeat(100_000));
        let _ = sniff_all(deep_object.as_bytes());
        let body = br#"{"Event": "chatsession.created", "a": [1, {"b": "\"#;
        for cut in 0..body.len() {
            let _ = sniff_all(&body[..cut]);
            let _ = trailing_commas(&body[..cut]);
        }
    }

    #[test]
    fn leaves_are_read_along_their_paths() {
        let json = r#"{"a": {"b": 1, "c": [1, {"b": 2}], "b": 3}, "t": "x\"}{", "d": {"e": null},
            "deep": [[[[{"a": 1}]]]], "a2": {"b": "kept", "n": -1.5e3}, "a": {"b": "second"},
            "k\u0065y": true, "o": {"p": {"q": [1, "]"]}}, "s": "}", "z": 7}"#;
        let paths: &[&[&str]] = &[
            &["a", "b"],
            &["t"],
            &["d", "e"],
            &["a2", "b"],
            &["a2", "n"],
            &["x"],
            &["key"],
            &["o", "p", "q"],
            &["o", "p"],
            &["t", "u"],
            &["deep", "a"],
            &["z"],
        ];
        assert_eq!(
            leaves(json, paths),
            [
                // The first occurrence counts; nested `b`s under other keys do not.
                Some("1"),
                Some(r#""x\"}{""#),
                Some("null"),
                Some(r#""kept""#),
                Some("-1.5e3"),
                None,
                // Keys are compared decoded.
                Some("true"),
                Some(r#"[1, "]"]"#),
                // A path that ends where another goes on gets the whole object.
                Some(r#"{"q": [1, "]"]}"#),
                // Through a string or an array, a path leads nowhere.
                None,
                None,
                Some("7"),
            ]
        );
        for root in ["[1, 2]", "\"a\"", "7", "", "  "] {
            assert_eq!(leaves(root, &[&["a"]]), [None], "{root:?}");
        }
        // JSON that is not valid gives a partial answer, never a panic.
        for cut in 0..json.len() {
            let _ = leaves(&json[..cut], paths);
        }
        assert_eq!(leaves("{}", &[]), Vec::<Option<&str>>::new());
    }

    #[test]
    fn the_walk_stops_once_every_path_is_found() {
        let json = r#"{"a": 1, "b": {"c": 2, "d": 3}, "rest": [1, 2, 3]}"#;
        let (_, start) = root(json.as_bytes());
        let mut found = vec![None; 2];
        let paths: &[&[&str]] = &[&["a"], &["b", "c"]];
        assert_eq!(leaves_in(json, start, paths, 0, 0b11, &mut found), None);
        assert_eq!(found, [Some("1"), Some("2")]);
        // A path that ends where another goes on still gets the whole object.
        let mut found = vec![None; 2];
        let paths: &[&[&str]] = &[&["b", "c"], &["b"]];
        assert_eq!(leaves_in(json, start, paths, 0, 0b11, &mut found), None);
        assert_eq!(found, [Some("2"), Some(r#"{"c": 2, "d": 3}"#)]);
        // With a path absent, the walk reads the object to its end.
        let mut found = vec![None; 2];
        let paths: &[&[&str]] = &[&["a"], &["z"]];
        assert_eq!(
            leaves_in(json, start, paths, 0, 0b11, &mut found),
            Some(json.len())
        );
        assert_eq!(found, [Some("1"), None]);
    }

    /// Every member of every fixture, at every depth, is found where `serde_json::Value`
    /// finds it.
    #[test]
    fn leaves_agree_with_a_value_on_every_fixture() {
        fn visit(value: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
            if let serde_json::Value::Object(map) = value {
                for (key, member) in map {
                    path.push(key.clone());
                    out.push(path.clone());
                    visit(member, path, out);
                    path.pop();
                }
            }
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut stack = vec![dir];
        let mut checked = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let file = entry.unwrap().path();
                if file.is_dir() {
                    stack.push(file);
                    continue;
                }
                let text = std::fs::read_to_string(&file).unwrap();
                let clean = crate::tolerant_json(text.as_bytes());
                let clean = std::str::from_utf8(&clean).unwrap();
                let Ok(value) = serde_json::from_str::<serde_json::Value>(clean) else {
                    continue;
                };
                let mut all = Vec::new();
                visit(&value, &mut Vec::new(), &mut all);
                for path in all {
                    let keys: Vec<&str> = path.iter().map(String::as_str).collect();
                    let found = leaves(clean, &[&keys])[0].expect("a member found");
                    let expected = keys.iter().fold(&value, |value, key| &value[key]);
                    let found: serde_json::Value = serde_json::from_str(found).unwrap();
                    assert_eq!(&found, expected, "{}: {keys:?}", file.display());
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked} members");
    }
}
