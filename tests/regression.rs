//! Inputs that once failed, found by fuzzing (`fuzz/`), kept as files in `tests/regression/`.

use chat_webhooks::parse_event;

fn input(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/regression")
            .join(name),
    )
    .unwrap()
}

/// A discriminator whose string value has an escape and is never closed: reading it sliced one
/// byte past the end of the body. Now a syntax error.
#[cfg(feature = "superoffice")]
#[test]
fn unterminated_escaped_discriminator() {
    let body = input("unterminated-escaped-discriminator.bin");
    let err = parse_event(&body).unwrap_err();
    assert!(err.is_syntax() || err.is_eof(), "{err}");
    assert!(parse_event(br#"{"EventId": "x", "Event": "a\"#)
        .unwrap_err()
        .is_eof());
    assert!(chat_webhooks::superoffice::parse(br#"{"Event": "\u00"#).is_err());
}

/// A body whose quotes are out of step (`"EventId": :42.089895Z",`): the trailing-comma search
/// and the top-level reader disagree on where its strings are, so the repair blanks a comma in
/// what the reader takes for the event name. The body is read as sent first, so the error
/// echoes the name as sent; otherwise it is the error of the repaired copy.
#[cfg(feature = "superoffice")]
#[test]
fn quotes_out_of_step() {
    let body = input("out-of-step-quotes.bin");
    let err = parse_event(&body).unwrap_err();
    let repaired = parse_event(&chat_webhooks::tolerant_json(&body)).unwrap_err();
    assert!(err.is_syntax(), "{err}");
    assert_eq!(err.event(), Some("chatsessi 0,\n  }\n}8d2f07b3e915"));
    assert_eq!(repaired.event(), Some("chatsessi 0 \n  }\n}8d2f07b3e915"));
    assert_eq!(
        (err.line(), err.column(), err.classify()),
        (repaired.line(), repaired.column(), repaired.classify())
    );
    assert_eq!(
        err.to_string(),
        "superoffice chatsessi 0,\\n  }\\n}8d2f07b3e915: expected value at line 2 column 14"
    );
}

/// A float kept in an untyped member changed in its last digit on a round trip: serde_json's
/// default float parsing is not exact. The crate enables serde_json's `float_roundtrip`.
#[cfg(feature = "channel-talk")]
#[test]
fn floats_round_trip_exactly() {
    let body = input("float-round-trip.bin");
    let event = chat_webhooks::channel_talk::parse(&body).unwrap();
    let json = serde_json::to_vec(&event).unwrap();
    assert_eq!(chat_webhooks::channel_talk::parse(&json).unwrap(), event);
    let value: serde_json::Value = serde_json::from_str("1.6001584331584933e+22").unwrap();
    assert_eq!(value.to_string(), "1.6001584331584933e+22");
}

/// A trailing comma after a root value that is not a container (`7,`) was not blanked, while
/// one after an object was: the pre-pass now treats every root value alike.
#[test]
fn trailing_comma_after_a_scalar_root() {
    let body = input("scalar-root-trailing-comma.bin");
    assert_eq!(&*chat_webhooks::tolerant_json(&body), &body[..]);
    assert_eq!(&*chat_webhooks::tolerant_json(b"7,"), b"7 ");
    assert_eq!(&*chat_webhooks::tolerant_json(b"\"a\",\n"), b"\"a\" \n");
    let err = parse_event(b"7,").unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected a json object at the top level, found a number"
    );
}

/// A detection key sent as `null` (`"botId": null`) read as `None`, and `None` was not written
/// back, so the serialized event matched no vendor. Every vendor's detection keys are now
/// written, as `null` when `None`.
#[test]
fn null_detection_keys_round_trip() {
    #[allow(unused_mut)]
    let mut bodies: Vec<Vec<u8>> = Vec::new();
    #[cfg(feature = "ebbot")]
    {
        bodies.push(input("null-detection-key.bin"));
        bodies.push(br#"{"topic": "chat.create", "botId": null}"#.to_vec());
    }
    #[cfg(feature = "superoffice")]
    bodies.push(br#"{"EventId": null, "Event": "test"}"#.to_vec());
    #[cfg(feature = "channel-talk")]
    bodies.push(br#"{"event": "push", "type": "message", "entity": null}"#.to_vec());
    #[cfg(feature = "inbenta")]
    bodies.push(br#"{"trigger": "chats:close", "appId": null}"#.to_vec());
    for body in bodies {
        let event = parse_event(&body).unwrap();
        let json = serde_json::to_vec(&event).unwrap();
        let again = parse_event(&json)
            .unwrap_or_else(|err| panic!("{}: {err}", String::from_utf8_lossy(&json)));
        assert_eq!(again, event, "{}", String::from_utf8_lossy(&json));
    }
}

/// A Channel Talk body without `type` whose entity had a user chat's `userId` as `null` and a
/// user's `mobileNumber` twice: it was told a user chat (keeping both numbers), but `userId`
/// was not written back, so the JSON written back was told a user and refused the repeated
/// member. A `null` member no longer tells the model: the body is a user, and a repeated
/// typed member is an error, as serde_json would have it.
#[cfg(feature = "channel-talk")]
#[test]
fn null_members_do_not_tell_the_model() {
    let body = input("null-shape-member.bin");
    let err = parse_event(&body).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("channel_talk user.update: entity: duplicate field `mobileNumber`"),
        "{err}"
    );
    // Without the repeated member, it reads and round-trips as a user.
    let text = String::from_utf8(body).unwrap();
    let once = text.replacen(r#""mobileNumber": "+14155550143","#, "", 1);
    let event = parse_event(once.as_bytes()).unwrap();
    assert_eq!(event.event_name(), "user.update");
    let json = serde_json::to_vec(&event).unwrap();
    assert_eq!(parse_event(&json).unwrap(), event);
}
