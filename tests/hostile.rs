//! The hostile-input catalogue: what arrives at a public endpoint when it is not a webhook, and
//! the exact error each input gets. Nothing here may panic, hang or overflow the stack.

mod common;

use chat_webhooks::{parse_event, Category, Error};
use serde_json::Value;

#[track_caller]
fn expect(body: &[u8], category: Category, message: &str) -> Error {
    let err = parse_event(body).expect_err("hostile input must be rejected");
    assert_eq!(err.to_string(), message);
    assert_eq!(err.classify(), category, "{message}");
    err
}

/// The no-vendor message for this build's features.
fn no_vendor() -> String {
    let mut parts = Vec::new();
    if cfg!(feature = "superoffice") {
        parts.push("EventId and Event (superoffice)");
    }
    if cfg!(feature = "ebbot") {
        parts.push("topic and botId (ebbot)");
    }
    if cfg!(feature = "channel-talk") {
        parts.push("event and entity (channel_talk)");
    }
    if cfg!(feature = "inbenta") {
        parts.push("trigger and appId (inbenta)");
    }
    if cfg!(feature = "chatwoot") {
        parts.push("event named like message_created, without entity (chatwoot)");
    }
    let list = match parts.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{}, or {last}", rest.join(", ")),
        None => return "no vendor matched: expected the top-level keys of a vendor, but no vendor feature is enabled".into(),
    };
    format!("no vendor matched: expected the top-level keys {list}")
}

#[test]
fn empty_and_blank_bodies() {
    expect(
        b"",
        Category::Eof,
        "EOF while parsing a value at line 1 column 0",
    );
    expect(
        b" \t\r\n",
        Category::Eof,
        "EOF while parsing a value at line 2 column 0",
    );
    expect(
        b"\xEF\xBB\xBF",
        Category::Eof,
        "EOF while parsing a value at line 1 column 3",
    );
}

#[test]
fn roots_that_are_not_objects() {
    let cases: [(&[u8], &str); 6] = [
        (b"[]", "an array"),
        (b"\"chat\"", "a string"),
        (b"42", "a number"),
        (b"true", "a boolean"),
        (b"null", "null"),
        (b"[{\"EventId\": \"x\", \"Event\": \"test\"}]", "an array"),
    ];
    for (body, found) in cases {
        expect(
            body,
            Category::Data,
            &format!("expected a json object at the top level, found {found}"),
        );
    }
}

#[test]
fn objects_of_no_vendor() {
    expect(b"{}", Category::Vendor, &no_vendor());
    expect(br#"{"type": "message"}"#, Category::Vendor, &no_vendor());
    expect(
        br#"{"data": {"topic": "chat.create", "botId": "b"}}"#,
        Category::Vendor,
        &no_vendor(),
    );
    expect(
        br#"{"event_id": 1, "EVENT": "x"}"#,
        Category::Vendor,
        &no_vendor(),
    );
}

#[test]
fn not_json_at_all() {
    expect(
        b"hello",
        Category::Syntax,
        "expected value at line 1 column 1",
    );
    expect(
        b"<xml/>",
        Category::Syntax,
        "expected value at line 1 column 1",
    );
    expect(
        b"{'a': 1}",
        Category::Syntax,
        "key must be a string at line 1 column 2",
    );
    expect(
        b"{\"a\": 1} {\"b\": 2}",
        Category::Syntax,
        "trailing characters at line 1 column 10",
    );
    expect(
        b"{\"a\": 1}},",
        Category::Syntax,
        "trailing characters at line 1 column 9",
    );
    expect(
        b"{\"a\": 1,,}",
        Category::Syntax,
        "key must be a string at line 1 column 9",
    );
    expect(
        b"{\"a\": NaN}",
        Category::Syntax,
        "expected value at line 1 column 7",
    );
    expect(
        b"{\"a\": Infinity}",
        Category::Syntax,
        "expected value at line 1 column 7",
    );
    expect(
        b"{\"a\": -Infinity}",
        Category::Syntax,
        "invalid number at line 1 column 8",
    );
}

#[test]
fn invalid_utf8_and_lone_surrogates() {
    // Where no vendor is recognised, the string is never read: the body is simply no webhook.
    expect(b"{\"a\": \"\xff\xfe\"}", Category::Vendor, &no_vendor());
    expect(
        b"\xff{}",
        Category::Syntax,
        "expected value at line 1 column 1",
    );
    #[cfg(feature = "superoffice")]
    {
        expect(
            b"{\"EventId\": \"x\", \"Event\": \"test\", \"WebhookName\": \"\xff\xfe\"}",
            Category::Syntax,
            "superoffice test: invalid unicode code point at line 1 column 51",
        );
        expect(
            br#"{"EventId": "x", "Event": "test", "WebhookName": "\ud800"}"#,
            Category::Syntax,
            "superoffice test: unexpected end of hex escape at line 1 column 57",
        );
        expect(
            br#"{"EventId": "x", "Event": "test", "WebhookName": "\udc00x"}"#,
            Category::Syntax,
            "superoffice test: lone leading surrogate in hex escape at line 1 column 56",
        );
        // An unknown event keeps its body as text, so it must be UTF-8 throughout.
        expect(
            b"{\"EventId\": \"x\", \"Event\": \"contact.created\", \"x\": \"\xff\"}",
            Category::Syntax,
            "superoffice contact.created: invalid unicode code point at line 1 column 52",
        );
    }
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    // Unclosed, and closed: read without recursion.
    expect(
        "[".repeat(100_000).as_bytes(),
        Category::Eof,
        "EOF while parsing a list at line 1 column 100000",
    );
    let closed = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    expect(
        closed.as_bytes(),
        Category::Data,
        "expected a json object at the top level, found an array",
    );
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    #[cfg(feature = "superoffice")]
    {
        // A member kept as sent is scanned without recursion, so its depth costs nothing;
        // serializing writes the same bytes back.
        for body in [
            format!(r#"{{"EventId":"x","Changes":[],"Event":"test","Extra":{deep}}}"#),
            format!(
                r#"{{"EventId":"x","Changes":[],"Event":"test","FieldValues":{{"a":{deep}}}}}"#
            ),
        ] {
            let event = parse_event(body.as_bytes()).expect("kept raw at any depth");
            assert_eq!(serde_json::to_string(&event).unwrap(), body);
        }
        let body = format!(
            r#"{{"EventId": "x", "Event": "contact.created", "FieldValues": {{"a": {deep}}}}}"#
        );
        assert!(
            parse_event(body.as_bytes()).is_ok(),
            "an unknown event keeps any depth raw"
        );
    }
    let _ = deep;
}

#[test]
fn huge_values() {
    // A 10 MB string: read in time linear in its size (the scan and serde_json are single
    // passes); nothing is tried per byte that depends on the rest of the body.
    let big = "x".repeat(10 * 1024 * 1024);
    let body = format!(r#"{{"note": "{big}"}}"#);
    expect(body.as_bytes(), Category::Vendor, &no_vendor());
    #[cfg(feature = "superoffice")]
    {
        let body = format!(r#"{{"EventId": "x", "Event": "test", "WebhookName": "{big}"}}"#);
        let event = parse_event(body.as_bytes()).unwrap();
        let json = serde_json::to_value(&event).unwrap();
        assert_eq!(json["WebhookName"].as_str().map(str::len), Some(big.len()));
        // Numbers beyond any integer are floats to serde_json, and no id.
        let number = "9".repeat(400);
        let body = format!(r#"{{"EventId": "x", "Event": "test", "PrimaryKey": {number}}}"#);
        expect(
            body.as_bytes(),
            Category::Syntax,
            "superoffice test: number out of range at line 1 column 448",
        );
        let body = format!(
            r#"{{"EventId": "x", "Event": "test", "PrimaryKey": 1{}.5}}"#,
            "0".repeat(30)
        );
        expect(
            body.as_bytes(),
            Category::Data,
            "superoffice test: PrimaryKey: invalid type: floating point `1e+30`, expected an id (a string or an integer) at line 1 column 81",
        );
    }
}

#[test]
fn truncation_at_every_byte() {
    for dir in common::enabled_dirs() {
        let (path, bytes) = common::fixtures(dir).into_iter().next().unwrap();
        let bytes = common::strip_trailing_commas(&bytes);
        let end = bytes.trim_ascii_end().len();
        for cut in 0..end {
            let err = parse_event(&bytes[..cut]).expect_err("a truncated body is rejected");
            assert!(err.is_eof(), "{path} cut at {cut}: {err}");
            assert!(
                err.to_string().contains("EOF while parsing"),
                "{path} cut at {cut}: {err}"
            );
        }
        assert!(parse_event(&bytes[..end]).is_ok(), "{path}");
    }
}

#[test]
fn duplicate_keys_in_typed_payloads() {
    #[cfg(feature = "superoffice")]
    expect(
        br#"{"EventId": "x", "Event": "test", "PrimaryKey": 1, "PrimaryKey": 2}"#,
        Category::Data,
        "superoffice test: duplicate field `PrimaryKey` at line 1 column 63",
    );
    // The discriminator is read from one occurrence: the first, or the last member when the
    // body ends with it as a string (detection reads that one first). Either way serde_json
    // then rejects the duplicate.
    #[cfg(feature = "superoffice")]
    expect(
        br#"{"EventId": "x", "Event": "test", "Event": "chatsession.created", "PrimaryKey": 1}"#,
        Category::Data,
        "superoffice test: duplicate field `Event` at line 1 column 41",
    );
    #[cfg(feature = "superoffice")]
    expect(
        br#"{"EventId": "x", "Event": "test", "Event": "chatsession.created"}"#,
        Category::Data,
        "superoffice chatsession.created: duplicate field `Event` at line 1 column 41",
    );
}

/// Every leaf and container of `value`, with its path as `serde_path_to_error` writes it.
fn paths(value: &Value, path: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                out.push((child_path.clone(), child.clone()));
                paths(child, child_path, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let child_path = format!("{path}[{i}]");
                out.push((child_path.clone(), child.clone()));
                paths(child, child_path, out);
            }
        }
        _ => {}
    }
}

fn set(value: &mut Value, path: &str, new: Value) {
    let mut target = value;
    let mut rest = path;
    while !rest.is_empty() {
        let (segment, tail) = match rest.find(['.', '[']) {
            Some(0) if rest.starts_with('[') => {
                let close = rest.find(']').unwrap();
                let index: usize = rest[1..close].parse().unwrap();
                target = &mut target[index];
                rest = rest[close + 1..].trim_start_matches('.');
                continue;
            }
            Some(at) => (&rest[..at], rest[at..].trim_start_matches('.')),
            None => (rest, ""),
        };
        target = &mut target[segment];
        rest = tail;
    }
    *target = new;
}

/// A value of the wrong JSON type for whatever `value` is.
fn wrong_type(value: &Value) -> Value {
    match value {
        Value::Object(_) | Value::Array(_) => Value::from(true),
        _ => serde_json::json!({"unexpected": [1]}),
    }
}

fn get<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    let pointer: String = path
        .split('.')
        .flat_map(|segment| {
            let mut parts = segment.split('[');
            let head = parts.next().unwrap().to_owned();
            std::iter::once(head).chain(parts.map(|index| index.trim_end_matches(']').to_owned()))
        })
        .filter(|part| !part.is_empty())
        .map(|part| format!("/{}", part.replace('~', "~0").replace('/', "~1")))
        .collect();
    value.pointer(&pointer)
}

/// Wrong JSON types in every field of one fixture per vendor: a typed field is an error that
/// names its path; an untyped field (documented as free-form) keeps the value as sent. Nothing
/// is silently dropped.
#[test]
fn wrong_types_in_every_field() {
    for dir in common::enabled_dirs() {
        let (path, bytes) = common::fixtures(dir).into_iter().next().unwrap();
        let original = common::fixture_value(&bytes);
        let name = parse_event(&common::strip_trailing_commas(&bytes))
            .unwrap()
            .event_name()
            .to_owned();
        let mut all = Vec::new();
        paths(&original, String::new(), &mut all);
        let (mut typed, mut untyped) = (0, 0);
        for (field, value) in all {
            let mut body = original.clone();
            let wrong = wrong_type(&value);
            set(&mut body, &field, wrong.clone());
            let json = serde_json::to_vec(&body).unwrap();
            match parse_event(&json) {
                Err(err) => {
                    typed += 1;
                    let message = err.to_string();
                    assert!(message.contains(&field), "{path} {field}: {message}");
                    assert_eq!(err.path(), Some(field.as_str()), "{path}: {message}");
                    assert!(message.contains("invalid type"), "{path}: {message}");
                    // The event is named unless the field is the event name itself.
                    if let Some(event) = err.event() {
                        assert_eq!(event, name, "{path}: {message}");
                    }
                }
                Ok(event) => {
                    untyped += 1;
                    let back = serde_json::to_value(&event).unwrap();
                    assert_eq!(
                        get(&back, &field),
                        Some(&wrong),
                        "{path} {field}: the value sent was dropped"
                    );
                }
            }
        }
        assert!(
            typed > untyped,
            "{path}: {typed} typed, {untyped} untyped fields"
        );
    }
}
