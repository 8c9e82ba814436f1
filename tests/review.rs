//! What the hostile review of 0.2 found (issue 23, points 8 to 13, 15 and 16), one test per
//! finding, with the review's inputs. Each failed on 0.2; the second test of point 8 pins
//! that the standalone errors use the same escaping.

use chat_webhooks::{parse_event, Timestamp};
use serde_json::Value;

/// Whether `text` holds a character that the escaping must never let through.
#[cfg(feature = "superoffice")]
fn holds_raw(text: &str) -> Option<char> {
    text.chars().find(|c| {
        c.is_control()
            || matches!(
                c,
                '\u{ad}'
                    | '\u{61c}'
                    | '\u{180e}'
                    | '\u{200b}'..='\u{200f}'
                    | '\u{2028}'..='\u{202e}'
                    | '\u{2060}'..='\u{206f}'
                    | '\u{feff}'
                    | '\u{e0000}'..='\u{e007f}'
            )
    })
}

/// 8: error text escapes U+061C, U+00AD, tag characters and `\`, with the controls it did.
#[cfg(feature = "superoffice")]
#[test]
fn error_text_escapes_invisible_characters_and_backslashes() {
    // An unknown event whose name and a repeated key carry the characters.
    let body = "{\"EventId\":\"x\",\"Event\":\"a\u{61c}b\u{ad}c\u{e0041}\u{e007f}d\\\\e\\u001b\",\
                \"k\u{2066}\":1,\"EventId\":\"y\"}";
    let err = parse_event(body.as_bytes()).unwrap_err();
    let message = err.to_string();
    assert_eq!(holds_raw(&message), None, "{message:?}");
    assert!(
        message.starts_with(
            "superoffice a\\u{61c}b\\u{ad}c\\u{e0041}\\u{e007f}d\\\\e\\u{1b}: duplicate field `EventId`"
        ),
        "{message}"
    );
    // The accessor keeps the name as sent.
    assert_eq!(
        err.event(),
        Some("a\u{61c}b\u{ad}c\u{e0041}\u{e007f}d\\e\u{1b}")
    );
    // A backslash is escaped, so that no two names display alike: `\u{1b}` typed out in the
    // body is not the escape character.
    let typed_out = br#"{"EventId":"x","Event":"d\\u{1b}","EventId":"y"}"#;
    let message = parse_event(typed_out).unwrap_err().to_string();
    assert!(
        message.starts_with("superoffice d\\\\u{1b}: duplicate"),
        "{message}"
    );
}

/// 8: the standalone errors that quote body text escape it the same way.
#[cfg(feature = "superoffice")]
#[test]
fn standalone_errors_escape_the_same_way() {
    use chat_webhooks::superoffice::FieldValue;
    let err = FieldValue::parse("[I:\u{61c}\\\u{e0001}]").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid integer in \"[I:\\u{61c}\\\\\\u{e0001}]\""
    );
    let err = Timestamp::parse("2023\u{ad}\\").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid timestamp \"2023\\u{ad}\\\\\", expected"),
        "{err}"
    );
    // Inside a parse error, the text is escaped once, not twice.
    let body = "{\"EventId\":\"x\",\"Event\":\"test\",\"Timestamp\":\"2023\\n\"}";
    let message = parse_event(body.as_bytes()).unwrap_err().to_string();
    assert!(
        message.contains("Timestamp: invalid timestamp \"2023\\n\", expected"),
        "{message}"
    );
}

/// 9: CR, LF and ESC from the body do not reach the de-duplication key or the
/// `unknown_members` paths raw.
#[cfg(feature = "superoffice")]
#[test]
fn keys_and_member_paths_are_escaped() {
    use chat_webhooks::receive::{Received, Receiver, Request};
    use chat_webhooks::Vendor;

    let receiver = Receiver::new().without_verification(Vendor::SuperOffice);
    let body = "{\"EventId\":\"a\\r\\nINFO ok\\u001b[2K\\\\\",\"Event\":\"chatsession.created\",\
                \"x\\r\\ny\\u001b\":1,\"FieldValues\":{\"\\u202e\\n\":2}}";
    let headers: [(&str, &str); 0] = [];
    let Ok(Received::Event(delivery)) = receiver.receive(
        Vendor::SuperOffice,
        &Request::new(body.as_bytes(), &headers),
    ) else {
        panic!("not an event");
    };
    assert_eq!(
        delivery.dedup_key,
        "superoffice:chatsession.created:id:a\\r\\nINFO ok\\u{1b}[2K\\\\"
    );
    assert_eq!(holds_raw(&delivery.dedup_key), None);
    let paths = delivery.event.unknown_members();
    assert_eq!(paths, ["x\\r\\ny\\u{1b}", "FieldValues.\\u{202e}\\n"]);
    // An event name from the body, in the key.
    let body = "{\"EventId\":\"1\",\"Event\":\"x\\r\\n\\u001b:\"}";
    let Ok(Received::Event(delivery)) = receiver.receive(
        Vendor::SuperOffice,
        &Request::new(body.as_bytes(), &headers),
    ) else {
        panic!("not an event");
    };
    assert_eq!(delivery.dedup_key, "superoffice:x\\r\\n\\u{1b}%3A:id:1");
}

/// 10: Ebbot events that share one `requestId` (one request inside Ebbot, several messages)
/// get different de-duplication keys; a retry of the same bytes gets the same key.
#[cfg(feature = "ebbot")]
#[test]
fn ebbot_events_sharing_a_request_id_keep_apart() {
    use chat_webhooks::receive::{Received, Receiver, Request};
    use chat_webhooks::Vendor;

    let receiver = Receiver::new().without_verification(Vendor::Ebbot);
    let key = |body: &str| {
        let headers: [(&str, &str); 0] = [];
        match receiver.receive(Vendor::Ebbot, &Request::new(body.as_bytes(), &headers)) {
            Ok(Received::Event(delivery)) => delivery.dedup_key,
            other => panic!("{other:?}"),
        }
    };
    let message = |id: &str, text: &str| {
        format!(
            r#"{{"topic":"chat.bot.message","botId":"b","requestId":"r-1","timestamp":1741686137482,
            "data":{{"chatId":"c","id":"{id}","sender":"bot","type":"text","value":"{text}"}}}}"#
        )
    };
    let first = key(&message("m1", "Hello"));
    let second = key(&message("m2", "How can I help?"));
    assert_ne!(first, second);
    assert_eq!(
        key(&message("m1", "Hello")),
        first,
        "a retry of the same bytes"
    );
    assert!(
        first.starts_with("ebbot:chat.bot.message:sha256:"),
        "{first}"
    );
}

/// 11: offsets beyond `±23:59` are no timestamp.
#[test]
fn timestamp_offsets_out_of_range_are_errors() {
    for text in [
        "2023-01-01T00:00:00+99:99",
        "2023-01-01T00:00:00+24:00",
        "2023-01-01T00:00:00+00:60",
        "2023-01-01T00:00:00-24:00",
        "2023-01-01T00:00:00.5-00:99",
    ] {
        assert!(Timestamp::parse(text).is_err(), "{text}");
        let json = format!("\"{text}\"");
        assert!(serde_json::from_str::<Timestamp>(&json).is_err(), "{text}");
    }
    let edge = Timestamp::parse("2023-01-01T00:00:00+23:59").unwrap();
    assert_eq!(edge.to_string(), "2022-12-31T00:01:00Z");
    assert_eq!(
        Timestamp::parse("2023-01-01T00:00:00-00:59")
            .unwrap()
            .to_string(),
        "2023-01-01T00:59:00Z"
    );
}

/// 12: a `[F:...]` beyond `f64` is an error, not infinity; money keeps its digits.
#[cfg(feature = "superoffice")]
#[test]
fn field_value_float_overflow_is_an_error() {
    use chat_webhooks::superoffice::FieldValue;
    let big = format!("1{}", "0".repeat(400));
    for text in [
        format!("[F:{big}]"),
        format!("[F:-{big}]"),
        format!("[F:{big}.5]"),
    ] {
        let err = FieldValue::parse(&text).unwrap_err();
        assert_eq!(err.to_string(), format!("invalid number in \"{text}\""));
    }
    assert_eq!(
        FieldValue::parse(&format!("[M:{big}]")).unwrap(),
        FieldValue::Money(big.clone())
    );
    assert_eq!(
        FieldValue::parse("[F:1.7976931348623157e308]").ok(),
        None,
        "no exponent"
    );
    assert_eq!(
        FieldValue::parse(&format!("[F:0.{}1]", "0".repeat(400))).unwrap(),
        FieldValue::Float(0.0)
    );
}

/// 15: a message `value` sent before its `type` is reported for its own fault, as it is when
/// sent after: never as the memory budget, however many elements it holds.
#[cfg(feature = "ebbot")]
#[test]
fn a_value_before_its_type_names_the_real_fault() {
    let body = |slides: usize, value_first: bool| {
        let mut list = vec!["{}"; slides];
        list.push(r#"{"title": 5}"#);
        let value = format!(r#""value": {{"slides": [{}]}}"#, list.join(","));
        let ty = r#""type": "carousel""#;
        let (a, b) = if value_first {
            (value.as_str(), ty)
        } else {
            (ty, value.as_str())
        };
        format!(r#"{{"topic":"chat.bot.message","botId":"b","data":{{{a}, {b}}}}}"#)
    };
    let mut budget_errors = 0;
    for slides in (0..4000).step_by(50) {
        let after = parse_event(body(slides, false).as_bytes()).unwrap_err();
        let before = parse_event(body(slides, true).as_bytes()).unwrap_err();
        let after_message = after.to_string();
        let before_message = before.to_string();
        let budget = "too many array elements";
        if after_message.contains(budget) {
            budget_errors += 1;
            assert!(
                before_message.contains(budget),
                "{slides}: {before_message}"
            );
            continue;
        }
        assert!(
            before_message.contains(&format!(
                "data: value.slides[{slides}].title: invalid type: integer `5`, expected a string"
            )),
            "{slides} slides: {before_message}"
        );
    }
    assert!(budget_errors > 0, "the range reaches the budget");
}
/// 13: one depth rule for every body: a deep value inside an unknown event is kept whether or
/// not the body also holds a surrogate escape, and a lone surrogate is refused at any depth
/// with the surrogate error.
#[cfg(feature = "superoffice")]
#[test]
fn one_depth_rule_for_every_body() {
    let deep = |depth: usize| format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    for depth in [10, 127, 128, 129, 200, 10_000] {
        for extra in ["\"plain\"", "\"\\ud83d\\ude00\"", "\"\\\\ud800\""] {
            let body = format!(
                r#"{{"EventId":"x","Event":"contact.created","Deep":{},"Extra":{extra}}}"#,
                deep(depth)
            );
            let event = parse_event(body.as_bytes())
                .unwrap_or_else(|err| panic!("depth {depth}, {extra}: {err}"));
            assert!(matches!(event, chat_webhooks::Event::SuperOffice(_)));
            assert_eq!(serde_json::to_string(&event).unwrap(), body);
        }
        // A lone surrogate is the error, whatever the depth.
        let body = format!(
            r#"{{"EventId":"x","Event":"contact.created","Deep":{},"Bad":"\udc00"}}"#,
            deep(depth)
        );
        let message = parse_event(body.as_bytes()).unwrap_err().to_string();
        assert!(
            message.starts_with("superoffice contact.created: lone leading surrogate")
                || message.contains("surrogate"),
            "depth {depth}: {message}"
        );
        assert!(!message.contains("recursion"), "depth {depth}: {message}");
    }
    // The position is the surrogate's, as serde_json gives it.
    let body = "{\"EventId\":\"x\",\n\"Event\":\"contact.created\",\n\"Bad\":\"ab\\udc00\"}";
    let err = parse_event(body.as_bytes()).unwrap_err();
    let strict = serde_json::from_str::<Value>(body).unwrap_err();
    assert_eq!((err.line(), err.column()), (strict.line(), strict.column()));
    assert_eq!(
        err.to_string(),
        format!("superoffice contact.created: {strict}")
    );
}

/// 13: the envelope of an unknown Ebbot topic is read whatever the depth of its other members.
#[cfg(feature = "ebbot")]
#[test]
fn an_unknown_topic_keeps_its_envelope_at_any_depth() {
    use chat_webhooks::ToChatEvent;
    for depth in [1, 200] {
        let body = format!(
            r#"{{"topic":"chat.new.thing","botId":"b","requestId":"r-9","timestamp":1741686137482,
            "data":{{"chatId":"c-1","deep":{}1{}}}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let event = parse_event(body.as_bytes()).unwrap();
        let chat = event.to_chat_event();
        assert_eq!(chat.event_id.as_deref(), Some("r-9"), "depth {depth}");
        assert_eq!(chat.chat_id.as_deref(), Some("c-1"), "depth {depth}");
        assert!(chat.occurred_at.is_some(), "depth {depth}");
    }
}
/// 16: leftovers are lossless: a member keeps its spelling (`user_id` among PascalCase keys)
/// and a typed member sent as `null` is written back as `null`.
#[test]
fn leftovers_are_lossless() {
    let mut bodies = Vec::new();
    if cfg!(feature = "superoffice") {
        bodies.extend([
            r#"{"EventId":"x","Event":"chatsession.created","FieldValues":{"Rating":1,"user_id":5,"contactId":"2","TOPICID":3}}"#,
            r#"{"EventId":"x","Event":"chatsession.created","FieldValues":{"rating":1,"UserId":5}}"#,
            r#"{"EventId":"x","Event":"chatsession.created","Timestamp":null,"Entity":null,"FieldValues":{"ContactId":null,"Rating":2}}"#,
            r#"{"EventId":"x","Event":"chatsession.created","Changes":null}"#,
            r#"{"EventId":"x","Event":"chatsession.created"}"#,
        ]);
    }
    if cfg!(feature = "ebbot") {
        bodies.extend([
            r#"{"topic":"chat.create","botId":"b","requestId":null,"data":{"id":"c","type":null,"user":null}}"#,
            r#"{"topic":"chat.bot.message","botId":"b","data":{"chatId":null,"type":null,"value":null,"timestamp":null}}"#,
            r#"{"topic":"chat.bot.message","botId":"b","data":{"value":"hi","type":null}}"#,
        ]);
    }
    if cfg!(feature = "channel-talk") {
        bodies.push(
            r#"{"event":"push","type":"message","entity":{"chatId":"1","plainText":null},"refers":null}"#,
        );
    }
    if cfg!(feature = "inbenta") {
        bodies.push(
            r#"{"trigger":"chats:close","appId":"a","created_at":null,"data":{"chatId":null}}"#,
        );
    }
    for body in bodies {
        let event = parse_event(body.as_bytes()).unwrap_or_else(|err| panic!("{body}: {err}"));
        let back = serde_json::to_value(&event).unwrap();
        let sent: Value = serde_json::from_str(body).unwrap();
        assert_eq!(back, sent, "{body}");
        assert!(event.unknown_members().is_empty(), "{body}");
    }
}
