//! Every error a user can get, reached from a test, with its exact message: each says what
//! was wrong, and where there is something to do, what.

use chat_webhooks::{parse_event, parse_event_as, Category, SignatureError, Timestamp, Vendor};

#[track_caller]
fn message(err: impl std::fmt::Display) -> String {
    err.to_string()
}

#[test]
fn parse_errors() {
    let err = parse_event(b"{").unwrap_err();
    assert_eq!(
        (err.classify(), message(&err).as_str()),
        (
            Category::Eof,
            "EOF while parsing an object at line 1 column 1"
        )
    );
    let err = parse_event(b"{x").unwrap_err();
    assert_eq!(
        (err.classify(), message(&err).as_str()),
        (Category::Syntax, "key must be a string at line 1 column 2")
    );
    let err = parse_event(b"[]").unwrap_err();
    assert_eq!(
        (err.classify(), message(&err).as_str()),
        (
            Category::Data,
            "expected a json object at the top level, found an array"
        )
    );
    let err = parse_event(b"{\"a\": 1}").unwrap_err();
    assert_eq!(err.classify(), Category::Vendor);
    assert!(
        message(&err).starts_with("no vendor matched: expected the top-level keys "),
        "{err}"
    );
    let err = parse_event_as(Vendor::Custom, b"{}").unwrap_err();
    assert_eq!(
        message(&err),
        "custom sources have no parser in chat-webhooks: parse the body yourself and implement ToChatEvent for it"
    );
    assert_eq!(
        (err.line(), err.column(), err.path(), err.event()),
        (0, 0, None, None)
    );
}

#[cfg(feature = "superoffice")]
#[test]
fn discriminator_errors() {
    let err = chat_webhooks::superoffice::parse(b"{}").unwrap_err();
    assert_eq!(
        (err.classify(), message(&err).as_str()),
        (Category::Data, "superoffice: missing field `Event`")
    );
    let err = chat_webhooks::superoffice::parse(br#"{"Event": ["x"]}"#).unwrap_err();
    assert_eq!(
        message(&err),
        "superoffice: Event: invalid type: an array, expected a string"
    );
    assert_eq!(err.path(), Some("Event"));
}

#[test]
fn disabled_vendors_say_which_feature_to_enable() {
    for vendor in Vendor::SUPPORTED
        .into_iter()
        .filter(|vendor| !vendor.is_enabled())
    {
        let err = parse_event_as(vendor, b"{}").unwrap_err();
        assert_eq!(err.classify(), Category::Vendor);
        assert_eq!(
            message(&err),
            format!(
                "support for {vendor} is not compiled in: enable the `{}` feature of chat-webhooks",
                vendor.feature()
            )
        );
    }
}

#[test]
fn scalar_errors() {
    assert_eq!(
        message(Timestamp::parse("next tuesday").unwrap_err()),
        "invalid timestamp \"next tuesday\", expected RFC 3339, an ISO 8601 date-time, or epoch seconds or milliseconds"
    );
    assert_eq!(
        message("zendesk".parse::<Vendor>().unwrap_err()),
        "unknown vendor \"zendesk\", expected superoffice, ebbot, channel_talk, inbenta, chatwoot or custom"
    );
    assert_eq!("channel_talk".parse::<Vendor>(), Ok(Vendor::ChannelTalk));
}

#[test]
fn signature_errors() {
    assert_eq!(message(SignatureError::Empty), "signature is empty");
    assert_eq!(
        message(chat_webhooks::verify_token("expected", "").unwrap_err()),
        "token is empty"
    );
    assert_eq!(
        message(chat_webhooks::verify_token("expected", "guess").unwrap_err()),
        "token does not match"
    );
    #[cfg(feature = "superoffice")]
    {
        use chat_webhooks::superoffice::{sign, verify_signature};
        let body = br#"{"EventId":"x","Event":"test"}"#;
        let good = sign(b"secret", body);
        let verify = |signature: &str| verify_signature(b"secret", body, signature).unwrap_err();
        assert_eq!(verify(""), SignatureError::Empty);
        assert_eq!(message(verify("¿qué?")), "signature is not valid base64");
        // Truncated, over-long, and the right MAC in the wrong encoding (hex, Inbenta's).
        assert_eq!(
            message(verify(&good[..40])),
            "signature is 30 bytes long, expected 32"
        );
        assert_eq!(
            message(verify(&good[..43])),
            "signature is not valid base64"
        );
        assert_eq!(
            message(verify("AAAA")),
            "signature is 3 bytes long, expected 32"
        );
        // 35 bytes of base64: one MAC with bytes to spare.
        let long = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        assert_eq!(
            message(verify(long)),
            "signature is 35 bytes long, expected 32"
        );
        #[cfg(feature = "inbenta")]
        assert_eq!(
            message(verify(&chat_webhooks::inbenta::sign(b"secret", body))),
            "signature is 48 bytes long, expected 32"
        );
        assert_eq!(
            message(verify(&sign(b"other secret", body))),
            "signature does not match the body"
        );
    }
    #[cfg(feature = "inbenta")]
    {
        use chat_webhooks::inbenta::{handshake, verify_signature};
        let body = br#"{"trigger":"chats:close","appId":"a"}"#;
        let verify = |signature: &str| verify_signature(b"secret", body, signature).unwrap_err();
        assert_eq!(
            message(verify("xyz!")),
            "signature is not valid hex or base64"
        );
        assert_eq!(
            message(verify("abcd")),
            "signature is 2 bytes long, expected 32"
        );
        assert_eq!(message(handshake(" ").unwrap_err()), "secret is empty");
    }
    #[cfg(feature = "channel-talk")]
    {
        use chat_webhooks::channel_talk::{query_token, verify_query_token};
        assert_eq!(
            message(query_token("a=1").unwrap_err()),
            "no `token` parameter in the query string"
        );
        assert_eq!(
            message(query_token("token=%zz").unwrap_err()),
            "token is not valid percent-encoded UTF-8"
        );
        assert_eq!(
            message(verify_query_token("t", "token=u").unwrap_err()),
            "token does not match"
        );
        assert_eq!(
            message(chat_webhooks::channel_talk::QuickReply::with_bot_name("").unwrap_err()),
            "invalid x-bot-name: the bot name is empty"
        );
        assert_eq!(
            message(chat_webhooks::channel_talk::QuickReply::with_bot_name("a\nb").unwrap_err()),
            "invalid x-bot-name: the bot name contains a control character"
        );
    }
}

/// `ReceiveError`'s variants are each asserted with their exact message in `tests/receive.rs`
/// (not configured, missing header or parameter, unauthenticated, parse, too old, from the
/// future, no timestamp); this checks the statuses they map to.
#[cfg(feature = "superoffice")]
#[test]
fn receive_errors_map_to_statuses() {
    use chat_webhooks::receive::{Receiver, Request};
    let body = br#"{"EventId":"x","Event":"chatsession.created"}"#;
    let none: [(&str, &str); 0] = [];
    let status = |receiver: Receiver, headers: &[(&str, &str)]| {
        receiver
            .receive(Vendor::SuperOffice, &Request::new(body, headers))
            .unwrap_err()
            .status()
    };
    assert_eq!(status(Receiver::new(), &none), 404);
    assert_eq!(
        status(Receiver::new().secret(Vendor::SuperOffice, "s"), &none),
        401
    );
    let signature = chat_webhooks::superoffice::sign(b"s", b"{}");
    assert_eq!(
        status(
            Receiver::new().secret(Vendor::SuperOffice, "s"),
            &[("X-SuperOffice-Signature", &signature)]
        ),
        401
    );
}

/// Issue 23.14: a body with two vendors' keys is refused whatever the order of its members,
/// by `parse_event` and `detect_vendor` alike; a Channel Talk body without `type` is no
/// exception.
#[cfg(all(feature = "superoffice", feature = "channel-talk", feature = "ebbot"))]
#[test]
fn detection_does_not_depend_on_member_order() {
    use chat_webhooks::{detect_vendor, Category};
    let members = [
        r#""event":"push""#,
        r#""entity":{"chatId":"1","plainText":"hi"}"#,
        r#""EventId":"e1""#,
        r#""Event":"chatsession.created""#,
    ];
    // Every order of the four members.
    let mut orders = Vec::new();
    for a in 0..4 {
        for b in 0..4 {
            for c in 0..4 {
                for d in 0..4 {
                    let order = [a, b, c, d];
                    if (0..4).all(|i| order.contains(&i)) {
                        orders.push(order);
                    }
                }
            }
        }
    }
    assert_eq!(orders.len(), 24);
    for order in orders {
        let body = format!("{{{}}}", order.map(|i| members[i]).join(","));
        for err in [
            parse_event(body.as_bytes()).unwrap_err(),
            detect_vendor(body.as_bytes()).unwrap_err(),
        ] {
            assert_eq!(err.classify(), Category::Vendor, "{body}: {err}");
            assert_eq!(
                err.to_string(),
                "the body holds the top-level keys of two vendors, EventId and Event (superoffice) and event and entity (channel_talk): parse it with parse_event_as and the vendor of the route it came on",
                "{body}"
            );
        }
    }
    // Ebbot's keys after a complete Channel Talk body: refused too.
    let body = br#"{"event":"push","type":"message","entity":{"chatId":"1"},"topic":"chat.create","botId":"b"}"#;
    assert_eq!(parse_event(body).unwrap_err().classify(), Category::Vendor);
    // One vendor's keys, in any order: its event.
    for body in [
        &br#"{"entity":{"chatId":"1"},"event":"push"}"#[..],
        br#"{"event":"push","entity":{"chatId":"1"},"type":"message"}"#,
    ] {
        assert_eq!(
            parse_event(body).unwrap().vendor(),
            chat_webhooks::Vendor::ChannelTalk
        );
        assert_eq!(
            detect_vendor(body).unwrap(),
            chat_webhooks::Vendor::ChannelTalk
        );
    }
}
