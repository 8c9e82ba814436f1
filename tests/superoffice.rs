//! SuperOffice end to end: every fixture, round trips, tolerance, errors, signatures, mapping.
#![cfg(feature = "superoffice")]

mod common;

use chat_webhooks::superoffice::{self, ChatSessionStatus, Entity, Event as SoEvent, KeyStyle};
use chat_webhooks::{
    parse_event, parse_event_as, ChatEventKind, Event, SignatureError, ToChatEvent, Vendor,
};
use common::{check_fixture, event_name_of, fixture, fixtures, member};

fn superoffice(event: Event) -> SoEvent {
    match event {
        Event::SuperOffice(event) => event,
        #[allow(unreachable_patterns)]
        other => panic!("not a SuperOffice event: {other:?}"),
    }
}

fn variant(event: &SoEvent) -> &'static str {
    match event {
        SoEvent::ChatSessionCreated(_) => "chatsession.created",
        SoEvent::ChatSessionMessage(_) => "chatsession.message",
        SoEvent::ChatSessionChanged(_) => "chatsession.changed",
        SoEvent::Test(_) => "test",
        SoEvent::WebhookStarted(_) => "webhook.started",
        SoEvent::WebhookStopped(_) => "webhook.stopped",
        SoEvent::WebhookErrors(_) => "webhook.errors",
        SoEvent::Unknown(_) => "unknown",
        _ => "new variant",
    }
}

#[test]
fn every_fixture_parses_to_its_variant_round_trips_and_keeps_its_keys() {
    let all = fixtures("superoffice");
    assert!(all.len() >= 15, "{} fixtures", all.len());
    for (path, bytes) in all {
        let name = event_name_of(&path);
        let event = superoffice(check_fixture(&path, &bytes, &name));
        let expected = if ["contact.created", "associate.deleted"].contains(&name.as_str()) {
            "unknown"
        } else {
            name.as_str()
        };
        assert_eq!(variant(&event), expected, "{path}");
        // The vendor parse and parse_event_as agree with detection.
        assert_eq!(superoffice::parse(&bytes).unwrap(), event);
        assert_eq!(
            parse_event_as(Vendor::SuperOffice, &bytes).unwrap(),
            Event::SuperOffice(event)
        );
    }
}

#[test]
fn published_example_with_trailing_commas() {
    let bytes = fixture("superoffice/docs/chatsession.created.json");
    assert!(
        serde_json::from_slice::<serde_json::Value>(&bytes).is_err(),
        "the seed is not strict JSON"
    );
    let SoEvent::ChatSessionCreated(created) = superoffice::parse(&bytes).unwrap() else {
        panic!()
    };
    assert_eq!(
        created.event_id.as_deref(),
        Some("e87ac619-c864-4881-89eb-07ca5521ee2c")
    );
    assert_eq!(
        created.timestamp.as_ref().unwrap().to_string(),
        "2018-04-24T08:18:42.089895Z"
    );
    assert!(created.changes.is_empty());
    assert_eq!(
        created.primary_key.as_ref().unwrap().as_i64(),
        Some(178_105)
    );
    assert_eq!(created.entity, Some(Entity::ChatSession));
    assert_eq!(created.context_identifier.as_deref(), Some("Default"));
    assert_eq!(created.changed_by_associate_id.as_ref().unwrap(), "316");
    assert_eq!(created.webhook_name.as_deref(), Some("Name you provided"));
    let fields = created.field_values.as_ref().unwrap();
    assert_eq!(fields.key_style, KeyStyle::Pascal);
    assert_eq!(fields.alert_level, Some(0));
    assert_eq!(fields.chatbot_isactive, Some(false));
    assert_eq!(fields.consented, Some(false));
    assert_eq!(fields.contact_id.as_ref().unwrap().as_i64(), Some(21));
    assert!(!fields.contact_id.as_ref().unwrap().is_number());
    assert_eq!(fields.customer_alias.as_ref().unwrap(), "5");
    assert!(fields.customer_alias.as_ref().unwrap().is_number());
    assert_eq!(fields.customer_id.as_ref().unwrap(), "12");
    assert_eq!(fields.project_id.as_ref().unwrap().as_i64(), Some(5));
    assert_eq!(fields.rating, Some(0));
    assert_eq!(fields.sale_id.as_ref().unwrap(), "0");
    assert_eq!(fields.status, Some(ChatSessionStatus::Invalid));
    assert_eq!(fields.ticket_id.as_ref().unwrap(), "0");
    assert_eq!(fields.topic_id.as_ref().unwrap(), "0");
    assert_eq!(fields.user_id.as_ref().unwrap(), "0");
    assert!(fields.other.is_empty());

    let SoEvent::ChatSessionMessage(message) =
        superoffice::parse(&fixture("superoffice/docs/chatsession.message.json")).unwrap()
    else {
        panic!()
    };
    assert_eq!(message.changes.len(), 14);
    assert_eq!(message.changes[13], "chatMessage.author");
    assert_eq!(message.field_values, None);
}

#[test]
fn camel_case_field_values_keep_their_style() {
    let bytes = fixture("superoffice/chatsession.changed.json");
    let SoEvent::ChatSessionChanged(changed) = superoffice::parse(&bytes).unwrap() else {
        panic!()
    };
    let fields = changed.field_values.as_ref().unwrap();
    assert_eq!(fields.key_style, KeyStyle::Camel);
    assert_eq!(fields.ticket_id.as_ref().unwrap().as_i64(), Some(9921));
    assert_eq!(
        member(&fields.other, "customerEmail"),
        "maria.lindqvist@example.se"
    );
    let json = serde_json::to_value(&changed).unwrap();
    assert_eq!(json["FieldValues"]["ticketId"], 9921);
    assert!(json["FieldValues"].get("TicketId").is_none());
}

#[test]
fn webhook_state_events() {
    let SoEvent::WebhookErrors(errors) =
        superoffice::parse(&fixture("superoffice/webhook.errors.json")).unwrap()
    else {
        panic!()
    };
    let fields = errors.field_values.as_ref().unwrap();
    assert_eq!(fields.events, Some(1843));
    assert_eq!(fields.state, Some(2));
    assert_eq!(errors.entity, None);
    assert_eq!(
        fields.registered.as_ref().unwrap().to_string(),
        "2025-03-10T13:05:02.330121700Z"
    );
    // Offset-less: read as UTC.
    assert_eq!(
        fields.updated.as_ref().unwrap().to_string(),
        "2025-03-12T08:15:44Z"
    );

    // The header's spelling of the name, `webhook<id>.<state>`, reads as the same event.
    let body = br#"{"EventId": "x", "Event": "webhook123.stopped", "PrimaryKey": 123}"#;
    let event = superoffice::parse(body).unwrap();
    assert!(matches!(event, SoEvent::WebhookStopped(_)));
    assert_eq!(event.event_name(), "webhook123.stopped");
}

#[test]
fn unknown_events_keep_name_envelope_and_raw_json() {
    let bytes = fixture("superoffice/contact.created.json");
    let SoEvent::Unknown(unknown) = superoffice::parse(&bytes).unwrap() else {
        panic!()
    };
    assert_eq!(unknown.name(), "contact.created");
    assert_eq!(unknown.json().get().as_bytes(), bytes.trim_ascii_end());
    let envelope: superoffice::Webhook = unknown.deserialize().unwrap();
    assert_eq!(envelope.entity, Some(Entity::Contact));
    assert_eq!(envelope.primary_key.unwrap().as_i64(), Some(1203));
    assert_eq!(
        member(&envelope.field_values.unwrap(), "name"),
        "Nordvik Logistics AB"
    );
    assert_eq!(
        serde_json::to_vec(&unknown).unwrap(),
        bytes.trim_ascii_end()
    );

    // Unknown entities and other unknown values are kept too.
    let body = br#"{"EventId":"x","Event":"invoice.paid","Entity":"invoice","Timestamp":"2025-01-01T00:00:00Z"}"#;
    let SoEvent::Unknown(unknown) = superoffice::parse(body).unwrap() else {
        panic!()
    };
    let envelope: superoffice::Webhook = unknown.deserialize().unwrap();
    assert_eq!(envelope.entity, Some(Entity::Unknown("invoice".into())));
    assert_eq!(envelope.entity.unwrap().as_str(), "invoice");
}

#[test]
fn only_the_event_name_is_required() {
    let event = superoffice::parse(br#"{"Event": "chatsession.created"}"#).unwrap();
    let SoEvent::ChatSessionCreated(created) = &event else {
        panic!()
    };
    assert_eq!(created.event_id, None);
    assert_eq!(created.field_values, None);
    assert!(created.changes.is_empty());
    let nulls = br#"{"EventId": null, "Timestamp": null, "Changes": null, "Event": "chatsession.changed",
        "PrimaryKey": null, "Entity": null, "FieldValues": {"ContactId": null, "Consented": null}}"#;
    let SoEvent::ChatSessionChanged(changed) = superoffice::parse(nulls).unwrap() else {
        panic!()
    };
    assert_eq!(changed.primary_key, None);
    assert_eq!(changed.field_values.as_ref().unwrap().contact_id, None);
    // Detection needs EventId as well; the vendor parse does not.
    let err = parse_event(br#"{"Event": "chatsession.created"}"#).unwrap_err();
    assert_eq!(err.classify(), chat_webhooks::Category::Vendor);
}

#[test]
fn tolerated_input() {
    let clean = fixture("superoffice/chatsession.created.json");
    let expected = parse_event(&clean).unwrap();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&clean);
    assert_eq!(parse_event(&with_bom).unwrap(), expected);

    let text = String::from_utf8(clean).unwrap();
    let commas = text
        .replace("\"UserId\": 0\n", "\"UserId\": 0,\n")
        .replace("\"Changes\": []", "\"Changes\": [\"status\",]")
        .replace("\n}\n", "\n},\n");
    let event = superoffice(parse_event(commas.as_bytes()).unwrap());
    let SoEvent::ChatSessionCreated(created) = &event else {
        panic!()
    };
    assert_eq!(created.changes, ["status"]);

    // Unknown fields anywhere are ignored by typed structs.
    let body = br#"{"EventId":"x","Event":"test","Extra":{"deep":[1,2]},"Properties":{"a":"b"}}"#;
    assert!(matches!(
        superoffice::parse(body).unwrap(),
        SoEvent::Test(_)
    ));
    // Event names are matched without regard to case, and kept as sent.
    let body = br#"{"EventId":"x","Event":"ChatSession.Created"}"#;
    let event = superoffice::parse(body).unwrap();
    assert!(matches!(event, SoEvent::ChatSessionCreated(_)));
    assert_eq!(event.event_name(), "ChatSession.Created");
}

#[test]
fn exact_error_messages() {
    let cases: &[(&[u8], &str)] = &[
        (
            br#"{"EventId": "x", "Event": "chatsession.created", "FieldValues": {"ContactId": {"a": 1}}}"#,
            "superoffice chatsession.created: FieldValues.ContactId: invalid type: map, expected an id (a string or an integer) at line 1 column 79",
        ),
        (
            b"{\"EventId\": \"x\",\n \"Event\": \"test\"\n \"PrimaryKey\": 0}",
            "superoffice test: expected `,` or `}` at line 3 column 2",
        ),
        (
            br#"{"EventId": "x", "Event": "test", "Timestamp": "yesterday"}"#,
            "superoffice test: Timestamp: invalid timestamp \"yesterday\", expected RFC 3339, an ISO 8601 date-time, or epoch seconds or milliseconds at line 1 column 58",
        ),
        (
            br#"{"EventId": "x", "Event": "test", "Changes": ["a", 5]}"#,
            "superoffice test: Changes[1]: invalid type: integer `5`, expected a string at line 1 column 52",
        ),
        (
            br#"{"EventId": "x", "Event": 5}"#,
            "superoffice: Event: invalid type: a number, expected a string",
        ),
        (b"", "EOF while parsing a value at line 1 column 0"),
        (b"  \n ", "EOF while parsing a value at line 2 column 1"),
        (b"[1, 2]", "expected a json object at the top level, found an array"),
        (b"\"chatsession.created\"", "expected a json object at the top level, found a string"),
        (br#"{"EventId": "x", "Event": "test""#, "superoffice test: EOF while parsing an object at line 1 column 32"),
        (b"\xEF\xBB\xBF{\"EventId\" 1}", "expected `:` at line 1 column 15"),
    ];
    for (body, message) in cases {
        let err = parse_event(body).unwrap_err();
        assert_eq!(
            err.to_string(),
            *message,
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    let err = superoffice::parse(br#"{"EventId": "x"}"#).unwrap_err();
    assert_eq!(err.to_string(), "superoffice: missing field `Event`");
    assert!(err.is_data());
    assert_eq!(err.vendor(), Some(Vendor::SuperOffice));

    let err = parse_event(
        br#"{"EventId": "x", "Event": "chatsession.created", "FieldValues": {"Rating": "high"}}"#,
    )
    .unwrap_err();
    assert_eq!(err.path(), Some("FieldValues.Rating"));
    assert_eq!(err.event(), Some("chatsession.created"));
    assert_eq!((err.line(), err.column()), (1, 81));
    assert_eq!(format!("{err:?}"), format!("Error({:?})", err.to_string()));

    let err = parse_event_as(Vendor::Custom, b"{}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "custom sources have no parser in chat-webhooks: parse the body yourself and implement ToChatEvent for it"
    );
}

#[test]
fn no_vendor_says_what_it_looked_for() {
    let err = parse_event(br#"{"hello": "world"}"#).unwrap_err();
    assert_eq!(err.classify(), chat_webhooks::Category::Vendor);
    let message = err.to_string();
    assert!(
        message.starts_with(
            "no vendor matched: expected the top-level keys EventId and Event (superoffice)"
        ),
        "{message}"
    );
    // Keys nested below the top level do not count.
    assert!(parse_event(br#"{"data": {"EventId": "x", "Event": "test"}}"#).is_err());
}

// Vectors computed independently with Python's hmac module:
//   python3 -c "import hmac,hashlib,base64,sys; print(base64.b64encode(hmac.new(KEY, BODY, hashlib.sha256).digest()).decode())"
// with KEY = b'NKP5mEzu9vqxGBeXSmHQ' and BODY = open('fixtures/superoffice/chatsession.created.json','rb').read(),
// BODY = b'' and, keyed with 'hemlig nyckel å'.encode(), BODY = b'{"Event":"test"}'.
const SECRET: &[u8] = b"NKP5mEzu9vqxGBeXSmHQ";
const CREATED_SIGNATURE: &str = "vS191bsnVRGAT5HKBdNCRGTEyRlA2s0NXzAb1horW/E=";
const EMPTY_SIGNATURE: &str = "ziZGe319synGrCAuAYBeZqXYzKKpGfiG5csROln5H0s=";
const DOCS_CREATED_SIGNATURE: &str = "oJswrITgMBsNectvKE7fH61O7IIfqQtp369nOlcGm4U=";

#[test]
fn signature_vectors() {
    let body = fixture("superoffice/chatsession.created.json");
    assert_eq!(superoffice::sign(SECRET, &body), CREATED_SIGNATURE);
    assert_eq!(
        superoffice::verify_signature(SECRET, &body, CREATED_SIGNATURE),
        Ok(())
    );
    assert_eq!(superoffice::sign(SECRET, b""), EMPTY_SIGNATURE);
    assert_eq!(
        superoffice::verify_signature(SECRET, b"", EMPTY_SIGNATURE),
        Ok(())
    );
    let docs = fixture("superoffice/docs/chatsession.created.json");
    assert_eq!(
        superoffice::verify_signature(SECRET, &docs, DOCS_CREATED_SIGNATURE),
        Ok(())
    );
    let secret = "hemlig nyckel å".as_bytes();
    assert_eq!(
        superoffice::sign(secret, br#"{"Event":"test"}"#),
        "w/vT+Mvax5+2LmH8q0lgOimhdw5MotBCV8SPndXCNjo="
    );
}

#[test]
fn signature_rejections() {
    let body = fixture("superoffice/chatsession.created.json");
    let verify = |signature: &str| superoffice::verify_signature(SECRET, &body, signature);
    assert_eq!(verify(&format!("  {CREATED_SIGNATURE}\r\n")), Ok(()));
    assert_eq!(verify(""), Err(SignatureError::Empty));
    assert_eq!(verify("   "), Err(SignatureError::Empty));
    assert_eq!(
        verify("not base64!"),
        Err(SignatureError::Malformed { expected: "base64" })
    );
    assert_eq!(
        verify(CREATED_SIGNATURE.trim_end_matches('=')),
        Err(SignatureError::Malformed { expected: "base64" })
    );
    assert_eq!(
        verify("AAAA"),
        Err(SignatureError::InvalidLength {
            expected: 32,
            actual: 3
        })
    );
    assert_eq!(verify(EMPTY_SIGNATURE), Err(SignatureError::Mismatch));
    assert_eq!(
        superoffice::verify_signature(b"wrong secret", &body, CREATED_SIGNATURE),
        Err(SignatureError::Mismatch)
    );
    let mut flipped = body.clone();
    flipped[10] ^= 1;
    assert_eq!(
        superoffice::verify_signature(SECRET, &flipped, CREATED_SIGNATURE),
        Err(SignatureError::Mismatch)
    );
    // The MAC of the same event re-serialized is not the MAC of the body that was sent.
    let reserialized = serde_json::to_vec(&parse_event(&body).unwrap()).unwrap();
    assert_eq!(
        superoffice::verify_signature(SECRET, &reserialized, CREATED_SIGNATURE),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        SignatureError::Mismatch.to_string(),
        "signature does not match the body"
    );
}

#[test]
fn common_mapping() {
    let chat = |path: &str| parse_event(&fixture(path)).unwrap().to_chat_event();

    let created = chat("superoffice/chatsession.created.json");
    assert_eq!(created.vendor, Vendor::SuperOffice);
    assert_eq!(created.kind, ChatEventKind::ChatStarted);
    assert_eq!(created.event_name.as_deref(), Some("chatsession.created"));
    assert_eq!(
        created.event_id.as_deref(),
        Some("3f9c2b1e-7d4a-4c8e-9b61-2a5d8e0f4c17")
    );
    assert_eq!(created.chat_id.as_deref(), Some("48213"));
    assert_eq!(
        created.occurred_at.unwrap().to_rfc3339(),
        "2025-03-11T09:42:17.331820400+00:00"
    );
    assert_eq!(created.status.as_deref(), Some("1"));

    let message = chat("superoffice/chatsession.message.json");
    assert_eq!(message.kind, ChatEventKind::MessageCreated);
    assert_eq!(message.chat_id.as_deref(), Some("48213"));
    assert_eq!(
        message.message, None,
        "SuperOffice sends no message content: none is invented"
    );

    let changed = chat("superoffice/chatsession.changed.json");
    assert_eq!(changed.kind, ChatEventKind::ChatUpdated);
    assert_eq!(changed.status.as_deref(), Some("3"));

    for path in [
        "superoffice/test.json",
        "superoffice/webhook.started.json",
        "superoffice/webhook.stopped.json",
        "superoffice/webhook.errors.json",
        "superoffice/contact.created.json",
    ] {
        let event = chat(path);
        assert_eq!(event.kind, ChatEventKind::Other, "{path}");
        assert_eq!(event.chat_id, None, "{path}");
        assert!(
            event.event_id.is_some() && event.occurred_at.is_some(),
            "{path}"
        );
        assert_eq!(event.message, None);
    }
    // An unknown chat-session event still belongs to its chat.
    let body =
        br#"{"EventId":"x","Event":"chatsession.deleted","Entity":"chatsession","PrimaryKey":7}"#;
    let event = parse_event(body).unwrap().to_chat_event();
    assert_eq!(
        (event.kind, event.chat_id.as_deref()),
        (ChatEventKind::Other, Some("7"))
    );
    assert_eq!(event.event_name.as_deref(), Some("chatsession.deleted"));

    // The vendor event converts the same way as the crate-level one.
    let so = superoffice::parse(&fixture("superoffice/chatsession.created.json")).unwrap();
    assert_eq!(so.to_chat_event(), created);
}
