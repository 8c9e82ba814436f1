//! The single pass over a body: trailing commas and top-level keys.

/// What one pass over a body found.
#[derive(Debug)]
pub(crate) struct Scan {
    /// The kind of the root value.
    pub(crate) root: Root,
    /// For each key asked for, what the root object holds under it.
    pub(crate) fields: Vec<Field>,
    /// Offsets of the commas that [`super`] repairs.
    pub(crate) trailing_commas: Vec<usize>,
}

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
    /// The key is not there.
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
    while let Some(offset) = memchr::memchr2(b'"', b'\\', &bytes[i..]) {
        let at = i + offset;
        if bytes[at] == b'"' {
            return (at, escaped);
        }
        escaped = true;
        i = at + 2;
        if i >= bytes.len() {
            break;
        }
    }
    (bytes.len(), escaped)
}

fn describe_value(b: u8) -> &'static str {
    match b {
        b'{' => "an object",
        b'[' => "an array",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        _ => "a number",
    }
}

/// Walks `bytes` once, without recursion (any depth is fine), and without validating: a
/// malformed body gives a partial scan, and serde_json reports the real error afterwards.
pub(crate) fn scan(bytes: &[u8], keys: &[&[u8]]) -> Scan {
    let mut out = Scan {
        root: Root::Empty,
        fields: vec![Field::Absent; keys.len()],
        trailing_commas: Vec::new(),
    };
    let len = bytes.len();
    let mut i = skip_ws(bytes, 0);
    let Some(&first) = bytes.get(i) else {
        return out;
    };
    out.root = match first {
        b'{' => Root::Object,
        b'[' => Root::Array,
        other => {
            out.root = Root::Scalar(match other {
                b'"' => "a string",
                other => describe_value(other),
            });
            return out;
        }
    };
    let object = out.root == Root::Object;

    let mut depth = 0usize;
    // At depth 1 of the root object: the next string is a key.
    let mut expect_key = false;
    // At depth 1 of the root object: the key just read is asked for, at this index.
    let mut pending: Option<usize> = None;
    // The last significant token ended a value, so a comma after it separates values.
    let mut after_value = false;

    while i < len {
        match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'"' => {
                let start = i + 1;
                let (end, escaped) = string_end(bytes, start);
                if depth == 1 && object {
                    if expect_key {
                        expect_key = false;
                        pending = keys.iter().position(|key| *key == &bytes[start..end]);
                        match pending {
                            Some(k) if out.fields[k] == Field::Absent => {
                                out.fields[k] = Field::Other("a string");
                            }
                            _ => pending = None, // not asked for, or a duplicate: first wins
                        }
                        after_value = false;
                    } else {
                        if let Some(k) = pending.take() {
                            out.fields[k] = Field::Str {
                                start,
                                end,
                                escaped,
                            };
                        }
                        after_value = true;
                    }
                } else {
                    after_value = true;
                }
                i = end + 1;
            }
            open @ (b'{' | b'[') => {
                if depth == 1 {
                    if let Some(k) = pending.take() {
                        out.fields[k] = Field::Other(describe_value(open));
                    }
                }
                depth += 1;
                expect_key = depth == 1 && object;
                after_value = false;
                i += 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                after_value = true;
                i += 1;
                if depth == 0 {
                    // After the root value: one trailing comma, then only whitespace.
                    let comma = skip_ws(bytes, i);
                    if bytes.get(comma) == Some(&b',') && skip_ws(bytes, comma + 1) == len {
                        out.trailing_commas.push(comma);
                    }
                    break;
                }
            }
            b',' => {
                if after_value {
                    let next = skip_ws(bytes, i + 1);
                    if matches!(bytes.get(next), Some(b'}' | b']')) {
                        out.trailing_commas.push(i);
                    }
                }
                if depth == 1 && object {
                    expect_key = true;
                    pending = None;
                }
                after_value = false;
                i += 1;
            }
            b':' => {
                after_value = false;
                i += 1;
            }
            other => {
                // A number or a literal: skip to the next delimiter.
                if depth == 1 {
                    if let Some(k) = pending.take() {
                        out.fields[k] = Field::Other(describe_value(other));
                    }
                }
                while i < len
                    && !matches!(
                        bytes[i],
                        b' ' | b'\t'
                            | b'\n'
                            | b'\r'
                            | b','
                            | b'}'
                            | b']'
                            | b':'
                            | b'"'
                            | b'{'
                            | b'['
                    )
                {
                    i += 1;
                }
                after_value = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: [&[u8]; 3] = [b"Event", b"topic", b"nested"];

    #[test]
    fn finds_top_level_keys_only() {
        let body = br#"{"data": {"Event": "inner", "topic": "x"}, "Event" : "chatsession.created", "nested": [1], "topic": 5}"#;
        let scan = scan(body, &KEYS);
        assert_eq!(scan.root, Root::Object);
        let Field::Str {
            start,
            end,
            escaped,
        } = scan.fields[0]
        else {
            panic!("{:?}", scan.fields[0]);
        };
        assert_eq!(&body[start..end], b"chatsession.created");
        assert!(!escaped);
        assert_eq!(scan.fields[1], Field::Other("a number"));
        assert_eq!(scan.fields[2], Field::Other("an array"));
    }

    #[test]
    fn strings_with_escapes_and_keys_inside_values() {
        let body = br#"{"a": "\"Event\": \"x\"", "Event": "a\"b"}"#;
        let scan = scan(body, &KEYS);
        let Field::Str {
            start,
            end,
            escaped,
        } = scan.fields[0]
        else {
            panic!();
        };
        assert_eq!(&body[start..end], br#"a\"b"#);
        assert!(escaped);
    }

    #[test]
    fn roots_that_are_not_objects() {
        assert_eq!(scan(b"", &KEYS).root, Root::Empty);
        assert_eq!(scan(b"  \n", &KEYS).root, Root::Empty);
        assert_eq!(scan(b"[]", &KEYS).root, Root::Array);
        assert_eq!(scan(b"\"Event\"", &KEYS).root, Root::Scalar("a string"));
        assert_eq!(scan(b" 12", &KEYS).root, Root::Scalar("a number"));
        assert_eq!(scan(br#"[{"Event": "x"}]"#, &KEYS).fields[0], Field::Absent);
    }

    #[test]
    fn deep_nesting_and_truncation_do_not_panic() {
        let deep = "[".repeat(200_000);
        assert_eq!(scan(deep.as_bytes(), &KEYS).root, Root::Array);
        let body = br#"{"Event": "chatsession.created", "a": [1, {"b": "\"#;
        for cut in 0..body.len() {
            let _ = scan(&body[..cut], &KEYS);
        }
    }
}
