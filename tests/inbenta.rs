//! Inbenta HyperChat end to end: every fixture, round trips, tolerance, errors, signatures,
//! handshake, the chats:assign answer, mapping.
#![cfg(feature = "inbenta")]

mod common;

use chat_webhooks::inbenta::{
    self, ActivityType, ChatCloseData, Event as InEvent, MessageContent, MessageType, SkinnyData,
    Webhook,
};
use chat_webhooks::{
    parse_event, parse_event_as, Attachment, ChatEvent, ChatEventKind, Event, Id, Role,
    SignatureError, ToChatEvent, Vendor,
};
use common::{check_fixture, event_name_of, fixture, fixtures, member};

fn inbenta(event: Event) -> InEvent {
    match event {
        Event::Inbenta(event) => event,
        #[allow(unreachable_patterns)]
        other => panic!("not an Inbenta event: {other:?}"),
    }
}

/// The trigger a fixture is named after: `chats.close` is `chats:close`.
fn trigger_of(path: &str) -> String {
    event_name_of(path).replacen('.', ":", 1)
}

fn variant(event: &InEvent) -> &'static str {
    match event {
        InEvent::ChatsCreate(_) => "chats:create",
        InEvent::ChatsJoin(_) => "chats:join",
        InEvent::ChatsLeave(_) => "chats:leave",
        InEvent::ChatsClose(_) => "chats:close",
        InEvent::ChatsAssign(_) => "chats:assign",
        InEvent::ForeverAlone(_) => "forever:alone",
        InEvent::InvitationsAccept(_) => "invitations:accept",
        InEvent::MessagesNew(_) => "messages:new",
        InEvent::MessagesRead(_) => "messages:read",
        InEvent::QueuesUpdate(_) => "queues:update",
        InEvent::SystemInfo(_) => "system:info",
        InEvent::UsersActivity(_) => "users:activity",
        InEvent::AgentsLogin(_) => "agents:login",
        InEvent::AgentsLogout(_) => "agents:logout",
        InEvent::ChatsToInbox(_) => "chats:toinbox",
        InEvent::InvitationsNew(_) => "invitations:new",
        InEvent::InvitationsReject(_) => "invitations:reject",
        InEvent::RoomsJoin(_) => "rooms:join",
        InEvent::RoomsLeave(_) => "rooms:leave",
        InEvent::UsersSignup(_) => "users:signup",
        InEvent::Unknown(_) => "unknown",
        _ => "new variant",
    }
}

fn parse(body: &[u8]) -> InEvent {
    inbenta::parse(body).unwrap_or_else(|err| panic!("{err}"))
}

fn close(event: &InEvent) -> &Webhook<ChatCloseData> {
    match event {
        InEvent::ChatsClose(w) => w,
        other => panic!("not chats:close: {other:?}"),
    }
}

fn skinny(event: &InEvent) -> &Webhook<SkinnyData> {
    match event {
        InEvent::ChatsCreate(w)
        | InEvent::ChatsJoin(w)
        | InEvent::ChatsLeave(w)
        | InEvent::ForeverAlone(w)
        | InEvent::InvitationsAccept(w)
        | InEvent::MessagesRead(w)
        | InEvent::AgentsLogin(w)
        | InEvent::AgentsLogout(w)
        | InEvent::ChatsToInbox(w)
        | InEvent::InvitationsNew(w)
        | InEvent::InvitationsReject(w)
        | InEvent::RoomsJoin(w)
        | InEvent::RoomsLeave(w)
        | InEvent::UsersSignup(w) => w,
        other => panic!("not a skinny event: {other:?}"),
    }
}

#[test]
fn every_fixture_parses_to_its_variant_round_trips_and_keeps_its_keys() {
    let all = fixtures("inbenta");
    assert!(all.len() >= 29, "{} fixtures", all.len());
    let mut seen = Vec::new();
    for (path, bytes) in all {
        let name = trigger_of(&path);
        let event = inbenta(check_fixture(&path, &bytes, &name));
        let expected = if name == "chats:transfer" {
            "unknown"
        } else {
            name.as_str()
        };
        assert_eq!(variant(&event), expected, "{path}");
        seen.push(variant(&event));
        // The vendor parse and parse_event_as agree with detection.
        assert_eq!(inbenta::parse(&bytes).unwrap(), event);
        assert_eq!(
            parse_event_as(Vendor::Inbenta, &bytes).unwrap(),
            Event::Inbenta(event)
        );
    }
    for kind in inbenta::EventKind::ALL {
        assert!(seen.contains(&kind.as_str()), "no fixture for {kind}");
    }
    assert_eq!(inbenta::EventKind::ALL.len(), 20);
}

#[test]
fn envelope_members() {
    let event = parse(&fixture("inbenta/chats.close.json"));
    assert_eq!(event.event_name(), "chats:close");
    assert_eq!(event.app_id().unwrap(), "hQ7cW2mZp");
    assert_eq!(
        event.occurred_at().unwrap().to_rfc3339(),
        "2025-03-11T09:44:40+00:00"
    );
    let closed = close(&event);
    assert_eq!(closed.trigger, "chats:close");
    let data = closed.data.as_ref().unwrap();
    assert_eq!(data.chat_id.as_ref().unwrap(), "c7Rk2mXq9Lw");
    assert_eq!(data.user_id.as_ref().unwrap(), "a9Fz3kWp6Qd");
    assert!(!data.is_system());
    assert!(data.other.is_empty());

    let event = parse(&fixture(
        "inbenta/variants/closed-by-system/chats.close.json",
    ));
    assert!(close(&event).data.as_ref().unwrap().is_system());
}

#[test]
fn created_at_in_seconds_and_in_milliseconds() {
    let seconds = parse(br#"{"trigger":"chats:create","appId":"a1","created_at":1741686137}"#);
    let millis = parse(br#"{"trigger":"chats:create","appId":"a1","created_at":1741686137000}"#);
    assert_eq!(seconds, millis, "same instant");
    assert_eq!(seconds.occurred_at().unwrap().timestamp(), 1_741_686_137);
    // Each serializes back as the integer sent.
    assert_eq!(
        serde_json::to_string(&seconds).unwrap(),
        r#"{"trigger":"chats:create","appId":"a1","created_at":1741686137}"#
    );
    assert_eq!(
        serde_json::to_string(&millis).unwrap(),
        r#"{"trigger":"chats:create","appId":"a1","created_at":1741686137000}"#
    );
    let event = parse(&fixture("inbenta/variants/millis/chats.create.json"));
    let at = event.occurred_at().unwrap();
    assert_eq!(at.to_rfc3339(), "2025-03-11T09:42:17.452+00:00");
}

#[test]
fn numeric_and_string_ids() {
    let event = parse(&fixture(
        "inbenta/variants/numeric-ids/invitations.accept.json",
    ));
    let data = skinny(&event).data.as_ref().unwrap();
    let chat = data.chat_id.as_ref().unwrap();
    assert!(chat.is_number());
    assert_eq!(chat.as_i64(), Some(90417));
    assert_eq!(data.user_id.as_ref().unwrap(), "2201");
    let json = serde_json::to_value(&event).unwrap();
    assert_eq!(json["data"]["chatId"], 90417);

    let strings =
        parse(br#"{"trigger":"invitations:accept","data":{"chatId":"90417","userId":"2201"}}"#);
    let data = skinny(&strings).data.as_ref().unwrap();
    assert!(!data.chat_id.as_ref().unwrap().is_number());
    assert_eq!(data.chat_id.as_ref().unwrap(), &Id::from(90417_i64));
    // appId too.
    let event = parse(br#"{"trigger":"chats:create","appId":1234}"#);
    assert_eq!(event.app_id().unwrap().as_i64(), Some(1234));
}

#[test]
fn text_and_media_messages_in_either_order() {
    let InEvent::MessagesNew(text) = parse(&fixture("inbenta/messages.new.json")) else {
        panic!()
    };
    let message = text.data.as_ref().unwrap().message.as_ref().unwrap();
    assert_eq!(message.id.as_ref().unwrap(), "m2Lw8tQz5Rn");
    assert_eq!(message.chat.as_ref().unwrap(), "c7Rk2mXq9Lw");
    assert_eq!(
        message.sender.as_ref().unwrap().id().unwrap(),
        "a9Fz3kWp6Qd"
    );
    assert_eq!(message.message_type, Some(MessageType::Text));
    assert_eq!(
        message.text(),
        Some("Hi Maria, order #48213 left our warehouse yesterday. Anything else I can help with?")
    );
    assert_eq!(message.media(), None);

    let InEvent::MessagesNew(media) =
        parse(&fixture("inbenta/variants/media-message/messages.new.json"))
    else {
        panic!()
    };
    let message = media.data.as_ref().unwrap().message.as_ref().unwrap();
    assert_eq!(message.message_type, Some(MessageType::Media));
    assert_eq!(message.text(), None);
    let file = message.media().unwrap();
    assert_eq!(
        file.url.as_deref(),
        Some("/media/c7Rk2mXq9Lw/8f3b1e2a/delivery-note.pdf")
    );
    assert_eq!(file.media_type.as_deref(), Some("application/pdf"));
    assert_eq!(file.name.as_deref(), Some("delivery-note.pdf"));
    assert_eq!(member(&file.other, "size"), 48211);

    // The content is told by its shape, whatever the order of `type` and `message`.
    let orders: [(&[u8], &[u8]); 2] = [
        (
            br#"{"trigger":"messages:new","data":{"message":{"type":"text","message":"hej"}}}"#,
            br#"{"trigger":"messages:new","data":{"message":{"message":"hej","type":"text"}}}"#,
        ),
        (
            br#"{"trigger":"messages:new","data":{"message":{"type":"media","message":{"url":"/m/1","type":"image/png"}}}}"#,
            br#"{"trigger":"messages:new","data":{"message":{"message":{"type":"image/png","url":"/m/1"},"type":"media"}}}"#,
        ),
    ];
    for (type_first, content_first) in orders {
        assert_eq!(parse(type_first), parse(content_first));
    }
    let InEvent::MessagesNew(w) = parse(orders[1].1) else {
        panic!()
    };
    let message = w.data.unwrap().message.unwrap();
    assert!(
        matches!(&message.message, Some(MessageContent::Media(m)) if m.url.as_deref() == Some("/m/1"))
    );

    // Other shapes and unknown types are kept.
    let body =
        br#"{"trigger":"messages:new","appId":"a1","data":{"message":{"type":"carousel","message":[1,2]}}}"#;
    let InEvent::MessagesNew(w) = parse(body) else {
        panic!()
    };
    let message = w.data.as_ref().unwrap().message.as_ref().unwrap();
    assert_eq!(
        message.message_type,
        Some(MessageType::Unknown("carousel".into()))
    );
    assert_eq!(
        message.message,
        Some(MessageContent::Other(
            chat_webhooks::RawJson::from_value(&serde_json::json!([1, 2])).unwrap()
        ))
    );
    assert_eq!(serde_json::to_vec(&w).unwrap(), body);
}

#[test]
fn unknown_trigger_is_kept_raw() {
    let bytes = fixture("inbenta/variants/unknown-trigger/chats.transfer.json");
    let InEvent::Unknown(unknown) = parse(&bytes) else {
        panic!()
    };
    assert_eq!(unknown.name(), "chats:transfer");
    assert_eq!(unknown.json().get().as_bytes(), bytes.trim_ascii_end());
    assert_eq!(
        serde_json::to_vec(&unknown).unwrap(),
        bytes.trim_ascii_end()
    );
    let envelope: Webhook = unknown.deserialize().unwrap();
    assert_eq!(member(&envelope.data.unwrap(), "targetRoomId"), 7);

    let body = br#"{"trigger" : "bots:handover",  "appId":"x", "data": [1, 2] }"#;
    let event = parse_event(body).unwrap();
    assert_eq!(event.event_name(), "bots:handover");
    assert_eq!(serde_json::to_vec(&event).unwrap(), body);
}

#[test]
fn unknown_members_of_skinny_payloads_are_kept() {
    let event = parse(&fixture("inbenta/rooms.join.json"));
    let data = skinny(&event).data.as_ref().unwrap();
    assert_eq!(data.user_id.as_ref().unwrap(), "a2Jd7sLc4Vx");
    assert_eq!(data.chat_id, None);
    assert_eq!(member(&data.other, "roomId"), 3);

    let body = br#"{"trigger":"system:info","appId":"hQ7cW2mZp","data":{"chatId":"c1","ticket":{"id":4821,"status":"open"},"userId":"system"}}"#;
    let event = parse(body);
    let InEvent::SystemInfo(info) = &event else {
        panic!("{event:?}")
    };
    let data = info.data.as_ref().unwrap();
    assert_eq!(member(&data.other, "ticket")["id"], 4821);
    assert!(data.is_system());
    let back = serde_json::to_value(&event).unwrap();
    assert_eq!(
        back,
        serde_json::from_slice::<serde_json::Value>(body).unwrap()
    );

    let InEvent::ChatsAssign(assign) = parse(&fixture("inbenta/chats.assign.json")) else {
        panic!()
    };
    let data = assign.data.as_ref().unwrap();
    assert_eq!(data.chat_id.as_ref().unwrap(), "c7Rk2mXq9Lw");
    let agents = data.agents.as_ref().unwrap();
    assert_eq!(agents.len(), 2);
    assert_eq!(agents[0].id.as_ref().unwrap(), "a9Fz3kWp6Qd");
    assert_eq!(agents[0].capacity, Some(2));
    assert_eq!(member(&agents[1].other, "nickname"), "Elin");

    let InEvent::QueuesUpdate(update) = parse(&fixture("inbenta/queues.update.json")) else {
        panic!()
    };
    assert_eq!(update.data.as_ref().unwrap().queue_position(), Some(2));

    let InEvent::UsersActivity(activity) = parse(&fixture(
        "inbenta/variants/unknown-activity/users.activity.json",
    )) else {
        panic!()
    };
    let activity = activity.data.unwrap().activity.unwrap();
    assert_eq!(activity, ActivityType::Unknown("away".into()));
    assert_eq!(activity.as_str(), "away");
}

#[test]
fn only_the_trigger_is_required() {
    let event = parse(br#"{"trigger": "chats:close"}"#);
    let closed = close(&event);
    assert_eq!(
        (&closed.app_id, &closed.data, &closed.created_at),
        (&None, &None, &None)
    );
    let nulls = br#"{"trigger":"messages:new","appId":null,"data":{"message":{"chat":null,"sender":null,"type":null,"message":null}},"created_at":null}"#;
    let InEvent::MessagesNew(w) = parse(nulls) else {
        panic!()
    };
    let message = w.data.as_ref().unwrap().message.as_ref().unwrap();
    assert_eq!((&message.chat, &message.message), (&None, &None));
    for body in [
        &br#"{"trigger":"queues:update","data":{"data":null}}"#[..],
        br#"{"trigger":"chats:assign","data":{"agents":[{}]}}"#,
        br#"{"trigger":"users:activity","data":{}}"#,
        br#"{"trigger":"messages:new","data":{}}"#,
    ] {
        parse(body);
    }
    // Detection needs appId as well; the vendor parse does not.
    let err = parse_event(br#"{"trigger": "chats:close"}"#).unwrap_err();
    assert_eq!(err.classify(), chat_webhooks::Category::Vendor);
}

#[test]
fn tolerated_input() {
    let clean = fixture("inbenta/queues.update.json");
    let expected = parse_event(&clean).unwrap();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&clean);
    assert_eq!(parse_event(&with_bom).unwrap(), expected);

    // Trigger names in another case read as the same event and are kept as sent.
    let event = parse(br#"{"trigger":"Chats:Close","appId":"x"}"#);
    assert_eq!(variant(&event), "chats:close");
    assert_eq!(event.event_name(), "Chats:Close");

    // Unknown top-level members are ignored by the typed envelope.
    let event = parse(br#"{"trigger":"chats:join","appId":"x","retry":2}"#);
    assert_eq!(variant(&event), "chats:join");
}

#[test]
fn the_documented_envelope_template_is_not_json() {
    // Inbenta's published envelope, verbatim: a template, rejected with a position
    // (serde_json reads the `t` of the unquoted `trigger` as the start of `true`).
    let template = "trigger: {{event_name}},\nappId: {{app_id}},\ndata: {{object}}, // each event has different data\ncreated_at: {{unix_timestamp}}, // the time on which the webhook was fired\n";
    let err = inbenta::parse(template.as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "inbenta: expected ident at line 1 column 3"
    );
    assert!(err.is_syntax());
}

#[test]
fn exact_error_messages() {
    let cases: &[(&[u8], &str)] = &[
        (
            br#"{"trigger":"messages:new","appId":"x","data":{"message":{"chat":"c1","sender":[1]}}}"#,
            "inbenta messages:new: data.message.sender: invalid type: sequence, expected a sender (a user id, or a user object) at line 1 column 79",
        ),
        (
            br#"{"trigger":"queues:update","appId":"x","data":{"chatId":"c1","data":{"queuePosition":"third"}}}"#,
            "inbenta queues:update: data.data.queuePosition: invalid type: string \"third\", expected i64 at line 1 column 92",
        ),
        (
            br#"{"trigger":"chats:assign","appId":"x","data":{"agents":{"id":"a1"}}}"#,
            "inbenta chats:assign: data.agents: invalid type: map, expected a sequence at line 1 column 55",
        ),
        (
            br#"{"trigger":"chats:close","appId":"x","data":"c1"}"#,
            "inbenta chats:close: data: invalid type: string \"c1\", expected chats:close data (an object) at line 1 column 48",
        ),
        (
            br#"{"trigger":"chats:close","appId":"x","created_at":"yesterday"}"#,
            "inbenta chats:close: created_at: invalid timestamp \"yesterday\", expected RFC 3339, an ISO 8601 date-time, or epoch seconds or milliseconds at line 1 column 61",
        ),
        (
            br#"{"trigger":"chats:close","appId":"x","data":{"chatId":"c1","chatId":"c2"}}"#,
            "inbenta chats:close: data: duplicate field `chatId` at line 1 column 67",
        ),
        (
            br#"{"trigger":7,"appId":"x"}"#,
            "inbenta: trigger: invalid type: a number, expected a string",
        ),
        (
            b"{\"trigger\":\"chats:close\",\n\"appId\":\"x\"\n\"data\":{}}",
            "inbenta chats:close: expected `,` or `}` at line 3 column 1",
        ),
    ];
    for (body, message) in cases {
        let err = parse_event(body).unwrap_err();
        assert_eq!(
            err.to_string(),
            *message,
            "{}",
            String::from_utf8_lossy(body)
        );
        assert_eq!(err.vendor(), Some(Vendor::Inbenta));
    }
    let err = inbenta::parse(br#"{"appId":"x"}"#).unwrap_err();
    assert_eq!(err.to_string(), "inbenta: missing field `trigger`");
    assert!(err.is_data());
    let err = parse_event(cases[0].0).unwrap_err();
    assert_eq!(err.path(), Some("data.message.sender"));
    assert_eq!(err.event(), Some("messages:new"));
}

#[test]
fn detection_by_trigger_and_app_id() {
    let bytes = fixture("inbenta/users.activity.json");
    let event = parse_event(&bytes).unwrap();
    assert_eq!(event.vendor(), Vendor::Inbenta);
    assert_eq!(event.event_name(), "users:activity");
    assert_eq!(event, parse_event_as(Vendor::Inbenta, &bytes).unwrap());
    let via_serde: Event = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(via_serde, event);
    let via_vendor: InEvent = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(Event::Inbenta(via_vendor), event);
    // Keys nested below the top level do not count.
    assert!(parse_event(br#"{"data":{"trigger":"chats:close","appId":"x"}}"#).is_err());
}

// Vectors computed independently with Python's hmac module:
//   python3 -c "import hmac,hashlib,base64; d=hmac.new(KEY, BODY, hashlib.sha256); print(d.hexdigest(), base64.b64encode(d.digest()).decode())"
// with KEY = b'wH9x2Lq7Zr4Tb1Nc' and BODY = open('fixtures/inbenta/messages.new.json','rb').read(),
// BODY = b'' and, keyed with 'clé secrète'.encode(), BODY = b'{"trigger":"chats:close"}'.
const SECRET: &[u8] = b"wH9x2Lq7Zr4Tb1Nc";
const MESSAGE_HEX: &str = "eeec35d2f9b3660e2f6c7fa026f6facb7d724c8f3b7aa69c4e7ff2d85d71447e";
const MESSAGE_BASE64: &str = "7uw10vmzZg4vbH+gJvb6y31yTI87eqacTn/y2F1xRH4=";
const EMPTY_HEX: &str = "5fd34db7a840d4cbd618cce7b47ac9dfa412e90de784f748f631c81b1c852293";

#[test]
fn signature_vectors() {
    let body = fixture("inbenta/messages.new.json");
    assert_eq!(inbenta::sign(SECRET, &body), MESSAGE_HEX);
    for signature in [
        MESSAGE_HEX.to_owned(),
        MESSAGE_HEX.to_uppercase(),
        MESSAGE_BASE64.to_owned(),
        format!("  {MESSAGE_HEX}\r\n"),
        format!("\t{MESSAGE_BASE64} "),
    ] {
        assert_eq!(
            inbenta::verify_signature(SECRET, &body, &signature),
            Ok(()),
            "{signature:?}"
        );
    }
    assert_eq!(inbenta::sign(SECRET, b""), EMPTY_HEX);
    assert_eq!(inbenta::verify_signature(SECRET, b"", EMPTY_HEX), Ok(()));
    let secret = "clé secrète".as_bytes();
    let body = br#"{"trigger":"chats:close"}"#;
    assert_eq!(
        inbenta::sign(secret, body),
        "b789faf80b17bdcfd83439caf2c2f4d967c56613279367278fecc9c86ddf17e3"
    );
    assert_eq!(
        inbenta::verify_signature(secret, body, "t4n6+AsXvc/YNDnK8sL02WfFZhMnk2cnj+zJyG3fF+M="),
        Ok(())
    );
    assert_eq!(inbenta::SIGNATURE_HEADER, "X-Hook-Signature");
    assert_eq!(inbenta::SECRET_HEADER, "X-Hook-Secret");
}

#[test]
fn signature_rejections() {
    let body = fixture("inbenta/messages.new.json");
    let verify = |signature: &str| inbenta::verify_signature(SECRET, &body, signature);
    let malformed = Err(SignatureError::Malformed {
        expected: "hex or base64",
    });
    assert_eq!(verify(""), Err(SignatureError::Empty));
    assert_eq!(verify(" \t "), Err(SignatureError::Empty));
    // Truncated and over-long.
    assert_eq!(
        verify(&MESSAGE_HEX[..62]),
        Err(SignatureError::InvalidLength {
            expected: 32,
            actual: 31
        })
    );
    assert_eq!(
        verify(&format!("{MESSAGE_HEX}00")),
        Err(SignatureError::InvalidLength {
            expected: 32,
            actual: 33
        })
    );
    assert_eq!(
        verify(&MESSAGE_HEX[..63]),
        malformed,
        "odd number of hex digits"
    );
    assert_eq!(verify(MESSAGE_BASE64.trim_end_matches('=')), malformed);
    assert_eq!(
        verify("7uw10vmzZg4vbH+gJvb6y31yTI87eqac"),
        Err(SignatureError::InvalidLength {
            expected: 32,
            actual: 24
        })
    );
    // Wrong alphabet: base64url, a non-hex digit in a hex tag, a prefix.
    assert_eq!(
        verify(&MESSAGE_BASE64.replace('+', "-").replace('/', "_")),
        malformed
    );
    assert_eq!(verify(&MESSAGE_HEX.replacen('e', "g", 1)), malformed);
    assert_eq!(verify(&format!("sha256={MESSAGE_HEX}")), malformed);
    // Wrong secret, another body's MAC, a flipped body byte.
    assert_eq!(
        inbenta::verify_signature(b"wrong secret", &body, MESSAGE_HEX),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(verify(EMPTY_HEX), Err(SignatureError::Mismatch));
    let mut flipped = body.clone();
    flipped[20] ^= 1;
    assert_eq!(
        inbenta::verify_signature(SECRET, &flipped, MESSAGE_HEX),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        inbenta::verify_signature(SECRET, &flipped, MESSAGE_BASE64),
        Err(SignatureError::Mismatch)
    );
    // The MAC of the same event re-serialized is not the MAC of the body that was sent.
    let reserialized = serde_json::to_vec(&parse_event(&body).unwrap()).unwrap();
    assert_eq!(
        inbenta::verify_signature(SECRET, &reserialized, MESSAGE_HEX),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        SignatureError::Malformed {
            expected: "hex or base64"
        }
        .to_string(),
        "signature is not valid hex or base64"
    );
}

#[test]
fn handshake() {
    let answer = inbenta::handshake(" 9b2f4e1c7a0d3f58 ").unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(
        answer.response_headers(),
        [("X-Hook-Secret", "9b2f4e1c7a0d3f58")]
    );
    assert_eq!(answer.secret(), "9b2f4e1c7a0d3f58");
    assert_eq!(
        format!("{answer:?}"),
        r#"HookSecret { secret: "<redacted>" }"#
    );
    let secret = answer.into_secret();
    // The stored secret verifies later events.
    let body = fixture("inbenta/chats.close.json");
    let header = inbenta::sign(secret.as_bytes(), &body);
    assert_eq!(
        inbenta::verify_signature(secret.as_bytes(), &body, &header),
        Ok(())
    );
    assert_eq!(inbenta::handshake(""), Err(SignatureError::EmptySecret));
    assert_eq!(inbenta::handshake("  "), Err(SignatureError::EmptySecret));
}

#[test]
fn assign_response() {
    let InEvent::ChatsAssign(assign) = parse(&fixture("inbenta/chats.assign.json")) else {
        panic!()
    };
    let chosen = assign.data.as_ref().unwrap().agents.as_ref().unwrap()[1]
        .id
        .clone()
        .unwrap();
    assert_eq!(
        inbenta::assign_response(&chosen),
        r#"{"agentId":"a2Jd7sLc4Vx"}"#
    );
    assert_eq!(
        inbenta::assign_response(&Id::from(17_u64)),
        r#"{"agentId":17}"#
    );
    assert_eq!(
        inbenta::assign_response(&Id::new("quote\"d")),
        r#"{"agentId":"quote\"d"}"#
    );
    assert_eq!(inbenta::ASSIGN_TIMEOUT, std::time::Duration::from_secs(5));
    assert_eq!(inbenta::ASSIGN_RESPONSE_CONTENT_TYPE, "application/json");
}

fn chat(path: &str) -> ChatEvent {
    parse_event(&fixture(&format!("inbenta/{path}")))
        .unwrap()
        .to_chat_event()
}

fn author(role: Role, id: &str) -> Option<chat_webhooks::Author> {
    let mut author = chat_webhooks::Author::new(role);
    author.id = Some(id.to_owned());
    Some(author)
}

#[test]
fn common_mapping_of_skinny_triggers() {
    const CHAT: &str = "c7Rk2mXq9Lw";
    const CUSTOMER: &str = "u4Tn8bYe1Hs";
    const AGENT: &str = "a9Fz3kWp6Qd";
    const AGENT2: &str = "a2Jd7sLc4Vx";
    use ChatEventKind as K;
    // (fixture, kind, chat id, participant role and id, seconds after 1741686137)
    type Case<'a> = (&'a str, K, Option<&'a str>, Option<(Role, &'a str)>, i64);
    let cases: &[Case<'_>] = &[
        (
            "chats.create.json",
            K::ChatStarted,
            Some(CHAT),
            Some((Role::Customer, CUSTOMER)),
            0,
        ),
        (
            "chats.join.json",
            K::ParticipantJoined,
            Some(CHAT),
            Some((Role::Unknown, AGENT)),
            12,
        ),
        (
            "chats.leave.json",
            K::ParticipantLeft,
            Some(CHAT),
            Some((Role::Unknown, CUSTOMER)),
            140,
        ),
        (
            "chats.close.json",
            K::ChatClosed,
            Some(CHAT),
            Some((Role::Unknown, AGENT)),
            143,
        ),
        (
            "variants/closed-by-system/chats.close.json",
            K::ChatClosed,
            Some("c3Hv6nPw1Ty"),
            Some((Role::System, "system")),
            311,
        ),
        (
            "chats.assign.json",
            K::AssignmentRequested,
            Some(CHAT),
            None,
            2,
        ),
        (
            "forever.alone.json",
            K::NoAgentAvailable,
            Some("c3Hv6nPw1Ty"),
            None,
            310,
        ),
        (
            "invitations.accept.json",
            K::InvitationAccepted,
            Some(CHAT),
            Some((Role::Agent, AGENT)),
            11,
        ),
        (
            "variants/numeric-ids/invitations.accept.json",
            K::InvitationAccepted,
            Some("90417"),
            Some((Role::Agent, "2201")),
            11,
        ),
        (
            "messages.read.json",
            K::MessageRead,
            Some(CHAT),
            Some((Role::Unknown, CUSTOMER)),
            55,
        ),
        (
            "queues.update.json",
            K::QueuePositionChanged,
            Some(CHAT),
            Some((Role::Customer, CUSTOMER)),
            4,
        ),
        ("system.info.json", K::SystemNotice, Some(CHAT), None, 144),
        (
            "users.activity.json",
            K::TypingStarted,
            Some(CHAT),
            Some((Role::Unknown, AGENT)),
            30,
        ),
        (
            "variants/not-writing/users.activity.json",
            K::TypingStopped,
            Some(CHAT),
            Some((Role::Unknown, AGENT)),
            33,
        ),
        (
            "variants/unknown-activity/users.activity.json",
            K::Other,
            Some(CHAT),
            Some((Role::Unknown, CUSTOMER)),
            90,
        ),
        (
            "agents.login.json",
            K::Other,
            None,
            Some((Role::Agent, AGENT)),
            -3600,
        ),
        (
            "agents.logout.json",
            K::Other,
            None,
            Some((Role::Agent, AGENT)),
            28800,
        ),
        (
            "chats.toinbox.json",
            K::ChatUpdated,
            Some("c3Hv6nPw1Ty"),
            Some((Role::Unknown, AGENT2)),
            200,
        ),
        (
            "invitations.new.json",
            K::AssignmentRequested,
            Some(CHAT),
            Some((Role::Agent, AGENT)),
            3,
        ),
        (
            "invitations.reject.json",
            K::Other,
            Some(CHAT),
            Some((Role::Agent, AGENT2)),
            9,
        ),
        (
            "rooms.join.json",
            K::Other,
            None,
            Some((Role::Unknown, AGENT2)),
            -3500,
        ),
        (
            "rooms.leave.json",
            K::Other,
            None,
            Some((Role::Unknown, AGENT2)),
            28700,
        ),
        (
            "users.signup.json",
            K::Other,
            None,
            Some((Role::Unknown, CUSTOMER)),
            -2,
        ),
        (
            "variants/unknown-trigger/chats.transfer.json",
            K::Other,
            Some(CHAT),
            None,
            150,
        ),
    ];
    for (path, kind, chat_id, who, after) in cases {
        let event = chat(path);
        let trigger = trigger_of(path);
        assert_eq!(event.vendor, Vendor::Inbenta, "{path}");
        assert_eq!(event.kind, *kind, "{path}");
        assert_eq!(
            event.event_name.as_deref(),
            Some(trigger.as_str()),
            "{path}"
        );
        assert_eq!(event.event_id, None, "{path}: Inbenta sends no delivery id");
        assert_eq!(event.chat_id.as_deref(), *chat_id, "{path}");
        assert_eq!(
            event.participant,
            who.and_then(|(role, id)| author(role, id)),
            "{path}"
        );
        assert_eq!(
            event.occurred_at.unwrap().timestamp(),
            1_741_686_137 + after,
            "{path}"
        );
        assert_eq!(event.message, None, "{path}");
        assert_eq!(event.status, None, "{path}");
        let expected_position = (*kind == K::QueuePositionChanged).then_some(2);
        assert_eq!(event.queue_position, expected_position, "{path}");
        assert!(event.transcript.is_empty());
    }
    // The trailing-comma variant of queues:update.
    let event = chat("variants/trailing-commas/queues.update.json");
    assert_eq!(
        (event.kind, event.queue_position, event.chat_id.as_deref()),
        (K::QueuePositionChanged, Some(1), Some("c5Mb1xRt8Gy"))
    );
    // A negative position is not a position.
    let event = parse(br#"{"trigger":"queues:update","data":{"data":{"queuePosition":-1}}}"#)
        .to_chat_event();
    assert_eq!(event.queue_position, None);
    // Nothing is invented when data is absent.
    let event = parse(br#"{"trigger":"chats:close"}"#).to_chat_event();
    assert_eq!(
        (
            event.kind,
            event.chat_id,
            event.participant,
            event.occurred_at
        ),
        (K::ChatClosed, None, None, None)
    );
    // An unknown trigger whose data is not an object still converts.
    let event =
        parse(br#"{"trigger":"bots:handover","data":[1],"created_at":1741686137}"#).to_chat_event();
    assert_eq!(
        (
            event.kind,
            event.chat_id,
            event.occurred_at.map(|t| t.timestamp())
        ),
        (K::Other, None, Some(1_741_686_137))
    );
    let event = parse(br#"{"trigger":"bots:handover","created_at":"soon"}"#).to_chat_event();
    assert_eq!(
        (event.kind, event.event_name.as_deref(), event.occurred_at),
        (K::Other, Some("bots:handover"), None)
    );
}

#[test]
fn common_mapping_of_messages() {
    let text = chat("messages.new.json");
    assert_eq!(text.kind, ChatEventKind::MessageCreated);
    assert_eq!(text.chat_id.as_deref(), Some("c7Rk2mXq9Lw"));
    assert_eq!(text.participant, None);
    assert_eq!(
        text.occurred_at.unwrap().to_rfc3339(),
        "2025-03-11T09:43:09+00:00"
    );
    let message = text.message.unwrap();
    assert_eq!(message.id.as_deref(), Some("m2Lw8tQz5Rn"));
    assert_eq!(
        Some(message.author.clone()),
        author(Role::Unknown, "a9Fz3kWp6Qd")
    );
    assert_eq!(
        message.text.as_deref(),
        Some("Hi Maria, order #48213 left our warehouse yesterday. Anything else I can help with?")
    );
    assert_eq!(message.content_type.as_deref(), Some("text"));
    assert_eq!(message.sent_at, text.occurred_at);
    assert!(message.attachments.is_empty());

    let media = chat("variants/media-message/messages.new.json");
    let message = media.message.unwrap();
    assert_eq!(message.id, None);
    assert_eq!(
        Some(message.author.clone()),
        author(Role::Unknown, "u4Tn8bYe1Hs")
    );
    assert_eq!(message.text, None, "no text is made up for media");
    assert_eq!(message.content_type.as_deref(), Some("media"));
    let mut expected =
        Attachment::new(Some("/media/c7Rk2mXq9Lw/8f3b1e2a/delivery-note.pdf".into()));
    expected.name = Some("delivery-note.pdf".into());
    expected.content_type = Some("application/pdf".into());
    assert_eq!(message.attachments, [expected]);

    let system = chat("variants/system-message/messages.new.json");
    let message = system.message.unwrap();
    assert_eq!(Some(message.author), author(Role::System, "system"));
    assert_eq!(message.content_type.as_deref(), Some("system"));
    assert_eq!(
        message.text.as_deref(),
        Some("Jonas joined the conversation")
    );

    // A message without content or sender converts without inventing either.
    let event =
        parse(br#"{"trigger":"messages:new","data":{"message":{"chat":5}}}"#).to_chat_event();
    assert_eq!(event.chat_id.as_deref(), Some("5"));
    let message = event.message.unwrap();
    assert_eq!(message.author, chat_webhooks::Author::new(Role::Unknown));
    assert_eq!((message.text, message.sent_at), (None, None));
    let event = parse(br#"{"trigger":"messages:new","data":{}}"#).to_chat_event();
    assert_eq!(
        (event.kind, event.message),
        (ChatEventKind::MessageCreated, None)
    );

    // The vendor event converts the same way as the crate-level one.
    let vendor = inbenta::parse(&fixture("inbenta/messages.new.json")).unwrap();
    assert_eq!(vendor.to_chat_event(), chat("messages.new.json"));
}

/// The variant fixtures, each for the case it stands for.
#[test]
fn variant_fixtures() {
    // `not-writing` is the end of typing.
    let chat = parse_event(&fixture("inbenta/variants/not-writing/users.activity.json"))
        .unwrap()
        .to_chat_event();
    assert_eq!(chat.kind, ChatEventKind::TypingStopped);
    assert_eq!(chat.chat_id.as_deref(), Some("c7Rk2mXq9Lw"));

    // A system message is a message from the system.
    let chat = parse_event(&fixture(
        "inbenta/variants/system-message/messages.new.json",
    ))
    .unwrap()
    .to_chat_event();
    assert_eq!(chat.kind, ChatEventKind::MessageCreated);
    let message = chat.message.unwrap();
    assert_eq!(
        message.text.as_deref(),
        Some("Jonas joined the conversation")
    );
    assert_eq!(message.content_type.as_deref(), Some("system"));

    // Trailing commas everywhere parse like the same body without them.
    let messy = fixture("inbenta/variants/trailing-commas/queues.update.json");
    assert!(serde_json::from_slice::<serde_json::Value>(&messy).is_err());
    let clean = common::strip_trailing_commas(&messy);
    assert_eq!(parse_event(&messy).unwrap(), parse_event(&clean).unwrap());
    assert_eq!(
        parse_event(&messy).unwrap().to_chat_event().queue_position,
        Some(1)
    );
}

#[test]
fn a_media_content_error_names_its_path_and_the_body_position() {
    let body = br#"{"trigger":"messages:new","appId":"a1","data":{"message":{"type":"media","message":{"url":5}}}}"#;
    let err = chat_webhooks::parse_event(body).unwrap_err().to_string();
    assert_eq!(
        err,
        "inbenta messages:new: data.message.message: url: invalid type: integer `5`, expected a string at line 1 column 93"
    );
}
