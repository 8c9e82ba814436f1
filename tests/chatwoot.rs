//! Chatwoot end to end: every fixture, round trips, the common model, the chat id, times,
//! detection, errors and signatures.
#![cfg(feature = "chatwoot")]

mod common;

use chat_webhooks::chatwoot::{
    self, ConversationStatus, Event as CwEvent, MessageKind, MessageType, SenderType,
};
use chat_webhooks::{
    detect_vendor, parse_event, parse_event_as, ChatEvent, ChatEventKind, ChatState, Event, Role,
    SignatureError, ToChatEvent, Vendor,
};
use common::{assert_covers, assert_round_trip, event_name_of, fixture, fixture_value, fixtures};
use serde_json::Value;

fn chatwoot(event: Event) -> CwEvent {
    match event {
        Event::Chatwoot(event) => event,
        #[allow(unreachable_patterns)]
        other => panic!("not a Chatwoot event: {other:?}"),
    }
}

fn parse(body: &[u8]) -> CwEvent {
    chatwoot::parse(body).unwrap_or_else(|err| panic!("{err}"))
}

fn chat(path: &str) -> ChatEvent {
    parse(&fixture(path)).to_chat_event()
}

/// The variant's event name, or `unknown`.
fn variant(event: &CwEvent) -> &'static str {
    match event {
        CwEvent::MessageCreated(_) => "message_created",
        CwEvent::MessageUpdated(_) => "message_updated",
        CwEvent::ConversationCreated(_) => "conversation_created",
        CwEvent::ConversationStatusChanged(_) => "conversation_status_changed",
        CwEvent::ConversationUpdated(_) => "conversation_updated",
        CwEvent::WebwidgetTriggered(_) => "webwidget_triggered",
        CwEvent::ContactCreated(_) => "contact_created",
        CwEvent::ContactUpdated(_) => "contact_updated",
        CwEvent::InboxCreated(_) => "inbox_created",
        CwEvent::InboxUpdated(_) => "inbox_updated",
        CwEvent::ConversationTypingOn(_) => "conversation_typing_on",
        CwEvent::ConversationTypingOff(_) => "conversation_typing_off",
        CwEvent::Unknown(_) => "unknown",
        _ => "new variant",
    }
}

/// `value` without its members that are `null`, at any depth: a member sent as `null` reads
/// as `None`, as if absent, and is not written back.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, member)| !member.is_null())
                .map(|(key, member)| (key, without_nulls(member)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

#[test]
fn every_fixture_parses_to_its_variant_round_trips_and_keeps_its_keys() {
    let all = fixtures("chatwoot");
    assert!(all.len() >= 33, "{} fixtures", all.len());
    let mut seen = Vec::new();
    for (path, bytes) in all {
        let name = event_name_of(&path);
        assert_eq!(detect_vendor(&bytes).unwrap(), Vendor::Chatwoot, "{path}");
        let event = parse_event(&bytes).unwrap_or_else(|err| panic!("{path}: {err}"));
        assert_eq!(event.event_name(), name, "{path}");
        assert_round_trip(&event);
        assert_covers(
            &without_nulls(fixture_value(&bytes)),
            &serde_json::to_value(&event).unwrap(),
        );
        let event = chatwoot(event);
        let expected = match name.as_str() {
            "conversation_resolved" | "conversation_opened" => "conversation_status_changed",
            "conversation_sla_missed" => "unknown",
            other => other,
        };
        assert_eq!(variant(&event), expected, "{path}");
        seen.push(variant(&event));
        // The vendor parse and parse_event_as agree with detection.
        assert_eq!(chatwoot::parse(&bytes).unwrap(), event);
        assert_eq!(
            parse_event_as(Vendor::Chatwoot, &bytes).unwrap(),
            Event::Chatwoot(event)
        );
    }
    for kind in chatwoot::EventKind::ALL {
        assert!(seen.contains(&kind.as_str()), "no fixture for {kind}");
    }
    assert_eq!(chatwoot::EventKind::ALL.len(), 12);
}

#[test]
fn every_fixture_converts_as_the_table_says() {
    use ChatEventKind as K;
    for (path, bytes) in fixtures("chatwoot") {
        let event = parse(&bytes);
        let chat = event.to_chat_event();
        let status = event_status(&bytes);
        let expected = match event.event_name() {
            "message_created" | "message_updated" if is_activity(&bytes) => K::SystemNotice,
            "message_created" => K::MessageCreated,
            "message_updated" => K::MessageUpdated,
            "conversation_created"
            | "conversation_status_changed"
            | "conversation_resolved"
            | "conversation_opened"
            | "conversation_updated"
                if status.as_deref() == Some("resolved") =>
            {
                K::ChatClosed
            }
            "conversation_created" => K::ChatStarted,
            "conversation_status_changed" | "conversation_resolved" | "conversation_opened" => {
                K::ChatUpdated
            }
            "conversation_updated" => K::ChatUpdated,
            "contact_created" | "contact_updated" => K::UserUpdated,
            "conversation_typing_on" => K::TypingStarted,
            "conversation_typing_off" => K::TypingStopped,
            _ => K::Other,
        };
        assert_eq!(chat.kind, expected, "{path}");
        assert_eq!(chat.vendor, Vendor::Chatwoot);
        assert_eq!(
            chat.event_name.as_deref(),
            Some(event.event_name()),
            "{path}"
        );
        assert_eq!(chat.event_id, None, "{path}: the delivery id is a header");
        assert_eq!(chat.chat_id.as_deref(), event.chat_id(), "{path}");
        assert_eq!(chat.occurred_at, event.occurred_at(), "{path}");
        // into_chat_event gives the same.
        assert_eq!(event.clone().into_chat_event(), chat, "{path}");
        // Status and state only from the conversation events.
        if event.event_name().starts_with("conversation_")
            && !event.event_name().starts_with("conversation_typing")
            && !matches!(event, CwEvent::Unknown(_))
        {
            assert_eq!(chat.status.as_deref(), status.as_deref(), "{path}");
            let state = match status.as_deref() {
                Some("open" | "pending") => ChatState::Open,
                Some("resolved") => ChatState::Closed,
                Some("snoozed") => ChatState::Snoozed,
                _ => ChatState::Unknown,
            };
            assert_eq!(chat.state, state, "{path}");
        } else {
            assert_eq!(
                (chat.status.as_deref(), chat.state),
                (None, ChatState::Unknown),
                "{path}"
            );
        }
    }
}

fn event_status(bytes: &[u8]) -> Option<String> {
    fixture_value(bytes)["status"].as_str().map(str::to_owned)
}

fn is_activity(bytes: &[u8]) -> bool {
    matches!(fixture_value(bytes)["message_type"], Value::String(ref t) if t == "activity")
        || fixture_value(bytes)["message_type"] == 2
}

#[test]
fn one_chat_id_for_every_event_of_a_conversation() {
    // Conversation 42 of inbox 3, whatever the event and wherever the body names it.
    for path in [
        "chatwoot/message_created.json",
        "chatwoot/message_updated.json",
        "chatwoot/conversation_created.json",
        "chatwoot/conversation_status_changed.json",
        "chatwoot/conversation_updated.json",
        "chatwoot/conversation_typing_on.json",
        "chatwoot/conversation_typing_off.json",
        "chatwoot/variants/current-conversation/webwidget_triggered.json",
        "chatwoot/variants/private-note/message_created.json",
        "chatwoot/variants/numeric-message-type/message_created.json",
        "chatwoot/variants/unknown-event/conversation_sla_missed.json",
    ] {
        let event = parse_event(&fixture(path)).unwrap();
        assert_eq!(event.chat_id(), Some("3:42"), "{path}");
        assert_eq!(
            event.to_chat_event().chat_id.as_deref(),
            Some("3:42"),
            "{path}"
        );
    }
    // The 2021 documentation's conversation 5 of inbox 1.
    for (path, bytes) in fixtures("chatwoot/variants/2021-docs") {
        assert_eq!(
            parse_event(&bytes).unwrap().chat_id(),
            Some("1:5"),
            "{path}"
        );
    }
    // No conversation, or no inbox to make its display id unique.
    for path in [
        "chatwoot/contact_created.json",
        "chatwoot/contact_updated.json",
        "chatwoot/inbox_created.json",
        "chatwoot/inbox_updated.json",
        "chatwoot/webwidget_triggered.json",
        "chatwoot/variants/2020/message_created.json",
    ] {
        assert_eq!(chat(path).chat_id, None, "{path}");
    }
    assert_eq!(
        chat("chatwoot/variants/2020-api-channel/message_created.json")
            .chat_id
            .as_deref(),
        Some("1:1")
    );
    // The same display id in another inbox is another chat.
    let other = br#"{"id": 42, "inbox_id": 4, "status": "open", "event": "conversation_created"}"#;
    assert_eq!(parse(other).chat_id(), Some("4:42"));
}

#[test]
fn messages_and_their_authors() {
    let incoming = chat("chatwoot/message_created.json");
    let message = incoming.message.as_ref().unwrap();
    assert_eq!(message.id.as_deref(), Some("5231"));
    assert_eq!(
        message.text.as_deref(),
        Some("Hi, my order #4411 has not arrived yet.")
    );
    assert_eq!(message.content_type.as_deref(), Some("text"));
    assert_eq!(
        (message.author.role, message.author.id.as_deref()),
        (Role::Customer, Some("207"))
    );
    assert_eq!(message.author.name.as_deref(), Some("Ines Moreau"));
    assert_eq!(
        message.sent_at.unwrap().to_rfc3339(),
        "2025-03-11T09:42:17.251+00:00"
    );
    assert!(!message.private);
    assert_eq!(
        incoming.message_key().unwrap().to_string(),
        "chatwoot:3%3A42:5231"
    );

    // An update has the message key of the creation.
    let body = String::from_utf8(fixture("chatwoot/message_created.json")).unwrap();
    let updated = body.replace(
        r#""event": "message_created""#,
        r#""event": "message_updated""#,
    );
    let updated = parse(updated.as_bytes()).to_chat_event();
    assert_eq!(updated.kind, ChatEventKind::MessageUpdated);
    assert_eq!(updated.message_key(), incoming.message_key());
    assert_eq!(
        updated.occurred_at, None,
        "the body does not say when it changed"
    );

    let bot = chat("chatwoot/message_updated.json");
    let author = &bot.message.as_ref().unwrap().author;
    assert_eq!(
        (author.role, author.id.as_deref(), author.name.as_deref()),
        (Role::Bot, Some("2"), Some("Order Bot"))
    );
    assert_eq!(
        bot.message.as_ref().unwrap().content_type.as_deref(),
        Some("input_select")
    );

    let note = chat("chatwoot/variants/private-note/message_created.json");
    let message = note.message.as_ref().unwrap();
    assert!(message.private);
    assert_eq!(
        (message.author.role, message.author.id.as_deref()),
        (Role::Agent, Some("12"))
    );

    let activity = chat("chatwoot/variants/activity/message_created.json");
    assert_eq!(activity.kind, ChatEventKind::SystemNotice);
    let message = activity.message.as_ref().unwrap();
    assert_eq!(
        (message.author.role, &message.author.id),
        (Role::System, &None)
    );
    assert_eq!(
        message.text.as_deref(),
        Some("Conversation was marked resolved by Jonas Berg")
    );

    let attached = chat("chatwoot/variants/attachment/message_created.json");
    let attachments = &attached.message.as_ref().unwrap().attachments;
    assert_eq!(attachments.len(), 1);
    assert!(attachments[0]
        .url
        .as_deref()
        .unwrap()
        .ends_with("/tracking.png"));
    assert_eq!(attachments[0].content_type.as_deref(), Some("image"));

    // The 2020 shape: the customer is `contact`, the time is Ruby's `Time#to_s`.
    let old = chat("chatwoot/variants/2020/message_created.json");
    let message = old.message.as_ref().unwrap();
    assert_eq!(
        (message.author.role, message.author.name.as_deref()),
        (Role::Customer, Some("contact-name"))
    );
    assert_eq!(
        old.occurred_at.unwrap().to_rfc3339(),
        "2020-03-03T13:05:57+00:00"
    );
    // The API channel's: an agent's reply.
    let api = chat("chatwoot/variants/2020-api-channel/message_created.json");
    assert_eq!(api.message.as_ref().unwrap().author.role, Role::Agent);
    // The 2021 documentation's: a user's outgoing message.
    let docs = chat("chatwoot/variants/2021-docs/message_created.json");
    assert_eq!(docs.message.as_ref().unwrap().author.role, Role::Agent);
}

#[test]
fn message_type_as_a_name_or_a_number() {
    let named = parse(&fixture("chatwoot/message_created.json"));
    let numbered = parse(&fixture(
        "chatwoot/variants/numeric-message-type/message_created.json",
    ));
    let (CwEvent::MessageCreated(named), CwEvent::MessageCreated(numbered)) = (&named, &numbered)
    else {
        panic!("message events")
    };
    assert_eq!(
        named.message_type,
        Some(MessageType::Name(MessageKind::Incoming))
    );
    assert_eq!(numbered.message_type, Some(MessageType::Number(0)));
    assert_eq!(named.kind(), numbered.kind());
    // Each serializes back in its own form.
    let json = serde_json::to_value(numbered).unwrap();
    assert_eq!(json["message_type"], 0);
    // Inside the conversation, the last message's type is a number.
    let last = &named
        .conversation
        .as_ref()
        .unwrap()
        .messages
        .as_ref()
        .unwrap()[0];
    assert_eq!(last.message_type, Some(MessageType::Number(0)));
    assert_eq!(last.kind(), Some(MessageKind::Incoming));
    for (number, kind) in [
        (1, MessageKind::Outgoing),
        (2, MessageKind::Activity),
        (3, MessageKind::Template),
    ] {
        assert_eq!(MessageType::Number(number).kind(), kind);
    }
    assert_eq!(
        MessageType::Number(9).kind(),
        MessageKind::Unknown("9".into())
    );
}

#[test]
fn senders_told_apart_by_type() {
    let kind = |path: &str| match parse(&fixture(path)) {
        CwEvent::MessageCreated(m) | CwEvent::MessageUpdated(m) => {
            m.sender.as_ref().unwrap().kind()
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(kind("chatwoot/message_created.json"), SenderType::Contact);
    assert_eq!(
        kind("chatwoot/variants/contact-sender-type/message_created.json"),
        SenderType::Contact
    );
    assert_eq!(
        kind("chatwoot/variants/private-note/message_created.json"),
        SenderType::User
    );
    assert_eq!(kind("chatwoot/message_updated.json"), SenderType::AgentBot);
    assert_eq!(
        chat("chatwoot/variants/contact-sender-type/message_created.json")
            .message
            .unwrap()
            .author
            .role,
        Role::Customer
    );
}

#[test]
fn conversation_states() {
    for (path, kind, state, status) in [
        (
            "chatwoot/conversation_created.json",
            ChatEventKind::ChatStarted,
            ChatState::Open,
            "open",
        ),
        (
            "chatwoot/conversation_status_changed.json",
            ChatEventKind::ChatClosed,
            ChatState::Closed,
            "resolved",
        ),
        (
            "chatwoot/variants/snoozed/conversation_status_changed.json",
            ChatEventKind::ChatUpdated,
            ChatState::Snoozed,
            "snoozed",
        ),
        (
            "chatwoot/variants/pending/conversation_status_changed.json",
            ChatEventKind::ChatUpdated,
            ChatState::Open,
            "pending",
        ),
        (
            "chatwoot/variants/reopened/conversation_status_changed.json",
            ChatEventKind::ChatUpdated,
            ChatState::Open,
            "open",
        ),
        (
            "chatwoot/variants/2021-docs/conversation_resolved.json",
            ChatEventKind::ChatClosed,
            ChatState::Closed,
            "resolved",
        ),
        (
            "chatwoot/variants/2021-docs/conversation_opened.json",
            ChatEventKind::ChatUpdated,
            ChatState::Open,
            "open",
        ),
    ] {
        let event = chat(path);
        assert_eq!(
            (event.kind, event.state, event.status.as_deref()),
            (kind, state, Some(status)),
            "{path}"
        );
    }
    let started = chat("chatwoot/conversation_created.json");
    let contact = started.participant.unwrap();
    assert_eq!(
        (contact.role, contact.id.as_deref()),
        (Role::Customer, Some("207"))
    );

    let CwEvent::ConversationStatusChanged(changed) =
        parse(&fixture("chatwoot/conversation_status_changed.json"))
    else {
        panic!()
    };
    assert_eq!(changed.status, Some(ConversationStatus::Resolved));
    let status = changed.change("status").unwrap();
    assert_eq!(
        status
            .previous_value
            .as_ref()
            .unwrap()
            .deserialize::<String>()
            .unwrap(),
        "open"
    );
    assert_eq!(
        status.current_value.as_ref().unwrap().get(),
        r#""resolved""#
    );
    let meta = changed.meta.as_ref().unwrap();
    assert_eq!(
        meta.assignee.as_ref().unwrap().name.as_deref(),
        Some("Jonas Berg")
    );
    assert_eq!(
        meta.sender.as_ref().unwrap().email.as_deref(),
        Some("ines.moreau@example.com")
    );
}

#[test]
fn typing_contacts_widget_and_inboxes() {
    let on = chat("chatwoot/conversation_typing_on.json");
    let who = on.participant.unwrap();
    assert_eq!(
        (on.kind, who.role, who.id.as_deref()),
        (ChatEventKind::TypingStarted, Role::Agent, Some("12"))
    );
    let off = chat("chatwoot/conversation_typing_off.json");
    let who = off.participant.unwrap();
    assert_eq!(
        (off.kind, who.role, who.id.as_deref()),
        (ChatEventKind::TypingStopped, Role::Customer, Some("207"))
    );
    let CwEvent::ConversationTypingOn(private) = parse(&fixture(
        "chatwoot/variants/private-typing/conversation_typing_on.json",
    )) else {
        panic!()
    };
    assert_eq!(private.is_private, Some(true));

    for path in [
        "chatwoot/contact_created.json",
        "chatwoot/contact_updated.json",
    ] {
        let event = chat(path);
        let who = event.participant.unwrap();
        assert_eq!(
            (event.kind, who.role, who.id.as_deref()),
            (ChatEventKind::UserUpdated, Role::Customer, Some("207")),
            "{path}"
        );
    }
    let CwEvent::ContactUpdated(contact) = parse(&fixture("chatwoot/contact_updated.json")) else {
        panic!()
    };
    // Custom attributes are kept as sent.
    let custom = contact.custom_attributes.as_ref().unwrap();
    assert_eq!(custom.get("vip").unwrap().get(), "true");
    assert_eq!(
        custom.keys().collect::<Vec<_>>(),
        ["plan", "signed_up_on", "vip"]
    );

    let widget = chat("chatwoot/webwidget_triggered.json");
    assert_eq!(widget.kind, ChatEventKind::Other);
    assert_eq!(widget.participant.unwrap().role, Role::Customer);
    let CwEvent::WebwidgetTriggered(widget) = parse(&fixture("chatwoot/webwidget_triggered.json"))
    else {
        panic!()
    };
    assert_eq!(
        widget.event_info.as_ref().unwrap().referer.as_deref(),
        Some("https://shop.example.com/orders")
    );

    let inbox = chat("chatwoot/inbox_updated.json");
    assert_eq!(
        (inbox.kind, inbox.chat_id, inbox.participant),
        (ChatEventKind::Other, None, None)
    );
}

#[test]
fn times_in_every_form() {
    let at = |path: &str| parse(&fixture(path)).occurred_at().map(|t| t.to_rfc3339());
    // ISO 8601 (a message), epoch seconds (a conversation's creation), epoch seconds with a
    // fraction (its update), the 2020 form, and a contact update's `changed_attributes`.
    assert_eq!(
        at("chatwoot/message_created.json").as_deref(),
        Some("2025-03-11T09:42:17.251+00:00")
    );
    assert_eq!(
        at("chatwoot/conversation_created.json").as_deref(),
        Some("2025-03-11T09:41:02+00:00")
    );
    assert_eq!(
        at("chatwoot/conversation_status_changed.json").as_deref(),
        Some("2025-03-11T09:55:12.508733+00:00")
    );
    assert_eq!(
        at("chatwoot/contact_updated.json").as_deref(),
        Some("2025-03-11T09:47:30.662+00:00")
    );
    assert_eq!(
        at("chatwoot/inbox_created.json").as_deref(),
        Some("2025-03-11T08:00:12.204+00:00")
    );
    assert_eq!(
        at("chatwoot/inbox_updated.json").as_deref(),
        Some("2025-03-11T10:15:48.930+00:00")
    );
    for path in [
        "chatwoot/message_updated.json",
        "chatwoot/contact_created.json",
        "chatwoot/webwidget_triggered.json",
        "chatwoot/conversation_typing_on.json",
        "chatwoot/variants/unknown-event/conversation_sla_missed.json",
    ] {
        assert_eq!(at(path), None, "{path}");
    }
    // Every form serializes back as sent.
    let json =
        serde_json::to_value(parse(&fixture("chatwoot/conversation_status_changed.json"))).unwrap();
    assert_eq!(json["updated_at"], serde_json::json!(1741686912.508733));
    assert_eq!(json["created_at"], 1741686062);
    assert_eq!(
        json["contact_inbox"]["created_at"],
        "2025-03-11T09:41:02.318Z"
    );
    let json = serde_json::to_value(parse(&fixture(
        "chatwoot/variants/2020/message_created.json",
    )))
    .unwrap();
    assert_eq!(json["created_at"], "2020-03-03 13:05:57 UTC");
}

#[test]
fn unknown_events_are_kept_raw() {
    let bytes = fixture("chatwoot/variants/unknown-event/conversation_sla_missed.json");
    let CwEvent::Unknown(unknown) = parse(&bytes) else {
        panic!("an unknown event")
    };
    assert_eq!(unknown.name(), "conversation_sla_missed");
    assert_eq!(
        unknown.json().get(),
        std::str::from_utf8(&bytes).unwrap().trim_end()
    );
    assert_eq!(unknown.chat_id(), Some("3:42"));
    // A message-like body: the chat is its conversation's.
    let body =
        br#"{"id": 9, "conversation": {"id": 7, "inbox_id": 2}, "event": "message_deleted"}"#;
    assert_eq!(parse(body).chat_id(), Some("2:7"));
    let other = br#"{"inbox": {"id": 5}, "conversation": {"id": 7}, "event": "message_deleted"}"#;
    assert_eq!(parse(other).chat_id(), Some("5:7"));
    assert_eq!(
        parse(br#"{"id": 7, "event": "contact_merged"}"#).chat_id(),
        None
    );
    let chat = parse(body).to_chat_event();
    assert_eq!(
        (chat.kind, chat.chat_id.as_deref()),
        (ChatEventKind::Other, Some("2:7"))
    );
    // Names in any letter case are the known events, kept as sent.
    let event = parse(br#"{"id": 9, "event": "Message_Created"}"#);
    assert_eq!(
        (variant(&event), event.event_name()),
        ("message_created", "Message_Created")
    );
}

#[test]
fn detection_needs_no_member_order_and_confuses_no_one() {
    // `event` first or last; a nested `entity` is not a top-level one.
    for body in [
        &br#"{"event": "message_created", "id": 1, "content": "hi"}"#[..],
        br#"{"id": 1, "content": "hi", "event": "message_created"}"#,
        br#"{"id": 1, "event": "conversation_typing_on", "user": {"entity": 1}}"#,
        br#"{"event": "some_future_event"}"#,
        br#"{"event": "message\u005fcreated"}"#,
        // Not a string: Chatwoot's parse says so.
        br#"{"event": 5, "id": 1}"#,
    ] {
        assert_eq!(
            detect_vendor(body).unwrap(),
            Vendor::Chatwoot,
            "{}",
            String::from_utf8_lossy(body)
        );
        let parsed = match parse_event(body) {
            Ok(event) => event.vendor(),
            Err(err) => err.vendor().expect("a Chatwoot error"),
        };
        assert_eq!(
            parsed,
            Vendor::Chatwoot,
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    // With `entity` it is Channel Talk's (when enabled), in any order; Channel Talk's event
    // words, a name that is not `<word>_<word>`, or an `event` that is not a string: no vendor.
    for body in [
        &br#"{"entity": {}, "event": "message_created"}"#[..],
        br#"{"event": "message_created", "type": "message", "entity": {}}"#,
        br#"{"type": "message", "event": "message_created", "entity": {"id": "1"}}"#,
    ] {
        let expected = Vendor::ChannelTalk
            .is_enabled()
            .then_some(Vendor::ChannelTalk);
        assert_eq!(detect_vendor(body).ok(), expected);
        // `parse_event` stops reading at `event` (first, or read first as the last member),
        // takes the body for Chatwoot's, and finds `entity` among the members Chatwoot's model
        // does not know: it reads the whole top level and parses the body as Channel Talk's.
        let parsed = match parse_event(body) {
            Ok(event) => Some(event.vendor()),
            Err(err) => err.vendor(),
        };
        assert_eq!(parsed, expected, "{}", String::from_utf8_lossy(body));
    }
    for body in [
        &br#"{"event": "push", "type": "message"}"#[..],
        br#"{"event": "message.created"}"#,
        br#"{"event": "_"}"#,
        br#"{"data": {"event": "message_created"}}"#,
    ] {
        let err = detect_vendor(body).unwrap_err();
        assert_eq!(err.classify(), chat_webhooks::Category::Vendor, "{err}");
    }
    // Every other vendor's fixtures still detect as their own.
    for (dir, vendor) in [
        ("superoffice", Vendor::SuperOffice),
        ("ebbot", Vendor::Ebbot),
        ("channel_talk", Vendor::ChannelTalk),
        ("inbenta", Vendor::Inbenta),
    ] {
        if !vendor.is_enabled() {
            continue;
        }
        for (path, bytes) in fixtures(dir) {
            assert_eq!(detect_vendor(&bytes).unwrap(), vendor, "{path}");
        }
    }
}

#[test]
fn errors_name_the_field() {
    let err = chatwoot::parse(br#"{"id": 1}"#).unwrap_err();
    assert_eq!(err.to_string(), "chatwoot: missing field `event`");
    let err = parse_event(br#"{"event": 7}"#).unwrap_err();
    assert!(err.to_string().starts_with("chatwoot: "), "{err}");
    assert_eq!(err.path(), Some("event"), "{err}");
    let err =
        parse_event(br#"{"id": 1, "message_type": true, "event": "message_created"}"#).unwrap_err();
    assert!(err.to_string().contains("message_type"), "{err}");
    let err = parse_event(br#"{"id": 1, "created_at": "yesterday", "event": "message_created"}"#)
        .unwrap_err();
    assert!(err.to_string().contains("created_at"), "{err}");
    let err = parse_event(
        br#"{"conversation": {"messages": [{"sender": {"id": []}}]}, "event": "message_created"}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("conversation.messages[0].sender.id"),
        "{err}"
    );
    let err = parse_event(
        br#"{"status": "open", "changed_attributes": [{}], "event": "conversation_updated"}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("changed_attributes[0]"), "{err}");
    assert!(err.to_string().contains("one member"), "{err}");
    let err = parse_event(br#"{"id": 1, "id": 2, "event": "contact_created"}"#).unwrap_err();
    assert!(err.to_string().contains("duplicate field `id`"), "{err}");
    let err =
        parse_event(br#"{"event": "contact_created", "event": "contact_updated"}"#).unwrap_err();
    assert!(err.to_string().contains("duplicate field `event`"), "{err}");
}

#[test]
fn unknown_members_are_listed() {
    let event = parse(&fixture("chatwoot/message_created.json"));
    let unknown = event.unknown_members();
    assert!(
        unknown.contains(&"conversation.messages[0].external_source_ids".to_owned()),
        "{unknown:?}"
    );
    assert!(
        !unknown
            .iter()
            .any(|path| path == "event" || path == "content"),
        "{unknown:?}"
    );
    let body = br#"{"id": 1, "brand_new": 1, "changed_attributes": [{"status": {"current_value": "open", "extra": 2}}], "event": "conversation_updated"}"#;
    assert_eq!(
        parse(body).unknown_members(),
        ["brand_new", "changed_attributes[0].status.extra"]
    );
}

const SECRET: &[u8] = b"whsec_3kF9xQ2mLp7R";

#[test]
fn signatures_cover_the_timestamp_and_the_body() {
    let body = fixture("chatwoot/message_created.json");
    let header = chatwoot::sign(SECRET, "1741686137", &body);
    assert!(header.starts_with(chatwoot::SIGNATURE_PREFIX));
    assert_eq!(header.len(), 7 + 64);
    assert_eq!(header[7..].to_lowercase(), header[7..]);
    assert_eq!(
        chatwoot::verify_signature(SECRET, "1741686137", &body, &header),
        Ok(())
    );
    assert_eq!(
        chatwoot::verify_signature(SECRET, "1741686137", &body, &header.to_uppercase()),
        Ok(())
    );
    assert_eq!(
        chatwoot::verify_signature(SECRET, "1741686138", &body, &header),
        Err(SignatureError::Mismatch)
    );
    let mut tampered = body.clone();
    tampered[10] ^= 1;
    assert_eq!(
        chatwoot::verify_signature(SECRET, "1741686137", &tampered, &header),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        chatwoot::verify_signature(
            b"",
            "1741686137",
            &body,
            &chatwoot::sign(b"", "1741686137", &body)
        ),
        Err(SignatureError::EmptySecret)
    );
    assert!(matches!(
        chatwoot::verify_signature(SECRET, "1741686137", &body, "not a signature"),
        Err(SignatureError::Prefix { .. })
    ));
    assert!(matches!(
        chatwoot::verify_signature(SECRET, "1741686137", &body, "sha256=not hex"),
        Err(SignatureError::Malformed { .. })
    ));
    assert_eq!(
        (
            chatwoot::SIGNATURE_HEADER,
            chatwoot::TIMESTAMP_HEADER,
            chatwoot::DELIVERY_HEADER
        ),
        (
            "X-Chatwoot-Signature",
            "X-Chatwoot-Timestamp",
            "X-Chatwoot-Delivery"
        )
    );
}

#[test]
fn signed_requests_verify_through_the_receiver() {
    use chat_webhooks::receive::{Received, Receiver, Request};

    let body = fixture("chatwoot/message_created.json");
    let header = chatwoot::sign(SECRET, "1741686137", &body);
    let headers = [
        ("Content-Type", "application/json"),
        (
            chatwoot::DELIVERY_HEADER,
            "0f3a6c1e-8d2b-4f1e-9a57-3c1d2b7e9f40",
        ),
        (chatwoot::TIMESTAMP_HEADER, "1741686137"),
        (chatwoot::SIGNATURE_HEADER, header.as_str()),
    ];
    let receiver = Receiver::new().secret(Vendor::Chatwoot, std::str::from_utf8(SECRET).unwrap());
    let received = receiver.receive(Vendor::Chatwoot, &Request::new(&body, &headers[..]));
    let Ok(Received::Event(delivery)) = received else {
        panic!("{received:?}")
    };
    assert_eq!(delivery.chat.chat_id.as_deref(), Some("3:42"));
    // Another timestamp than the one signed, or none: refused.
    let forged = [
        (chatwoot::TIMESTAMP_HEADER, "1741686999"),
        (chatwoot::SIGNATURE_HEADER, header.as_str()),
    ];
    assert!(receiver
        .receive(Vendor::Chatwoot, &Request::new(&body, &forged[..]))
        .is_err());
    let unsigned = [(chatwoot::SIGNATURE_HEADER, header.as_str())];
    assert!(receiver
        .receive(Vendor::Chatwoot, &Request::new(&body, &unsigned[..]))
        .is_err());
}

#[test]
fn deep_nesting_of_conversations_is_an_error_not_an_overflow() {
    // A message's conversation holds messages, which hold a conversation: a body may nest them
    // as deep as it likes, but only `MAX_NESTING` are read, on a test thread's small stack and
    // through the error path's second, path-tracking read alike.
    let body = |event: &str, depth: usize| {
        format!(
            r#"{{"event": "{event}", {}"id": 1{}}}"#,
            r#""conversation": {"messages": [{"#.repeat(depth),
            "}]}".repeat(depth)
        )
    };
    let nested = |event: &CwEvent| {
        let CwEvent::MessageCreated(message) = event else {
            panic!("{event:?}")
        };
        let mut depth = 0;
        let mut conversation = message.conversation.as_deref();
        while let Some(current) = conversation {
            depth += 1;
            conversation = current
                .messages
                .as_ref()
                .and_then(|messages| messages[0].conversation.as_deref());
        }
        depth
    };
    for depth in [1, 2, chatwoot::MAX_NESTING] {
        let event = parse(body("message_created", depth).as_bytes());
        assert_eq!(nested(&event), depth);
        assert_round_trip(&Event::Chatwoot(event));
    }
    for depth in [chatwoot::MAX_NESTING + 1, 100, 10_000] {
        let err = parse_event(body("message_created", depth).as_bytes()).unwrap_err();
        assert!(
            err.to_string()
                .contains("conversations nested more than 8 deep"),
            "{err}"
        );
        // The typing events' conversation is one more level.
        assert!(parse_event(body("conversation_typing_on", depth + 1).as_bytes()).is_err());
        assert!(
            parse_event(body("conversation_sla_missed", depth).as_bytes()).is_ok(),
            "kept raw"
        );
    }
}

#[test]
fn common_model_invariants() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<CwEvent>();
    send_sync::<chatwoot::MessageEvent>();
    for (path, bytes) in fixtures("chatwoot") {
        let chat = parse(&bytes).to_chat_event();
        // A closed state is a closed chat, and a state is only set with a chat.
        if chat.state == ChatState::Closed {
            assert_eq!(chat.kind, ChatEventKind::ChatClosed, "{path}");
        }
        if chat.state.is_known() {
            assert!(chat.chat_id.is_some(), "{path}");
        }
        // It serializes, and reads back.
        let json = serde_json::to_value(&chat).unwrap();
        assert_eq!(
            serde_json::from_value::<ChatEvent>(json).unwrap(),
            chat,
            "{path}"
        );
        // The participants book only fills in what is unknown: Chatwoot always says.
        let mut book = chat_webhooks::People::new();
        let mut after = chat.clone();
        book.observe(&mut after);
        assert_eq!(after, chat, "{path}");
    }
    // A resolved conversation's update is a closed chat too.
    let body = String::from_utf8(fixture("chatwoot/conversation_updated.json")).unwrap();
    let resolved = body.replacen(r#""status": "open""#, r#""status": "resolved""#, 1);
    let chat = parse(resolved.as_bytes()).to_chat_event();
    assert_eq!(
        (chat.kind, chat.state),
        (ChatEventKind::ChatClosed, ChatState::Closed)
    );
}
