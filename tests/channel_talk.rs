//! Channel Talk end to end: every fixture, the published examples, tolerance, errors, tokens,
//! quick replies, mapping.
#![cfg(feature = "channel-talk")]

mod common;

use chat_webhooks::channel_talk::{
    self, BlockType, ChatCategory, EntityType, Event as CtEvent, EventAction, EventKind,
    MessageEvent, MessageOption, PersonType, QuickReply, UserChatEvent, UserChatState, UserEvent,
    UserType,
};
use chat_webhooks::{
    parse_event, parse_event_as, Author, Category, ChatEvent, ChatEventKind, Event, Role,
    SignatureError, ToChatEvent, Vendor,
};
use common::{assert_round_trip, check_fixture, event_name_of, fixture, fixtures};

fn channel_talk(event: Event) -> CtEvent {
    match event {
        Event::ChannelTalk(event) => event,
        #[allow(unreachable_patterns)]
        other => panic!("not a Channel Talk event: {other:?}"),
    }
}

/// The model of a known event: its name's part before the `.`.
fn variant(event: &CtEvent) -> &'static str {
    match event.kind() {
        Some(kind) => kind.as_str().split_once('.').unwrap().0,
        None => "unknown",
    }
}

/// The webhook of a `message.*` event.
fn message_hook(event: &CtEvent) -> Option<&MessageEvent> {
    match event {
        CtEvent::MessagePush(hook)
        | CtEvent::MessageCreate(hook)
        | CtEvent::MessageUpsert(hook)
        | CtEvent::MessageUpdate(hook) => Some(hook),
        _ => None,
    }
}

/// The webhook of a `userChat.*` event.
fn user_chat_hook(event: &CtEvent) -> Option<&UserChatEvent> {
    match event {
        CtEvent::UserChatPush(hook)
        | CtEvent::UserChatCreate(hook)
        | CtEvent::UserChatUpsert(hook)
        | CtEvent::UserChatUpdate(hook) => Some(hook),
        _ => None,
    }
}

/// The webhook of a `user.*` event.
fn user_hook(event: &CtEvent) -> Option<&UserEvent> {
    match event {
        CtEvent::UserUpdate(hook) => Some(hook),
        _ => None,
    }
}

/// What happened (`event`), for a known event.
fn action(event: &CtEvent) -> Option<&EventAction> {
    message_hook(event)
        .map(|hook| &hook.event)
        .or_else(|| user_chat_hook(event).map(|hook| &hook.event))
        .or_else(|| user_hook(event).map(|hook| &hook.event))
}

fn parse(body: &str) -> CtEvent {
    channel_talk::parse(body.as_bytes()).unwrap_or_else(|err| panic!("{err}\n{body}"))
}

fn reserialized(event: &CtEvent) -> String {
    serde_json::to_string(event).unwrap()
}

#[test]
fn every_fixture_parses_to_its_variant_round_trips_and_keeps_its_keys() {
    let all = fixtures("channel_talk");
    assert!(all.len() >= 15, "{} fixtures", all.len());
    for (path, bytes) in all {
        let name = event_name_of(&path);
        let event = channel_talk(check_fixture(&path, &bytes, &name));
        let (ty, word) = name.split_once('.').unwrap();
        assert_eq!(variant(&event), ty, "{path}");
        assert_eq!(action(&event).unwrap().as_str(), word, "{path}");
        assert!(
            !matches!(action(&event), Some(EventAction::Unknown(_))),
            "{path}"
        );
        // The vendor parse, parse_event_as and serde agree with detection.
        assert_eq!(channel_talk::parse(&bytes).unwrap(), event);
        assert_eq!(
            parse_event_as(Vendor::ChannelTalk, &bytes).unwrap(),
            Event::ChannelTalk(event.clone())
        );
        let text = std::str::from_utf8(&bytes).unwrap();
        if serde_json::from_str::<serde_json::Value>(text).is_ok() {
            assert_eq!(serde_json::from_str::<CtEvent>(text).unwrap(), event);
        }
    }
}

#[test]
fn every_person_type_and_chat_type_has_a_fixture() {
    let mut seen = Vec::new();
    for (path, bytes) in fixtures("channel_talk") {
        if let Some(hook) = message_hook(&channel_talk::parse(&bytes).unwrap()) {
            let message = hook.entity.clone().unwrap();
            seen.push((
                message.person_type.unwrap().value().clone(),
                message.chat_type.unwrap(),
                path,
            ));
        }
    }
    for person in [
        PersonType::Manager,
        PersonType::Bot,
        PersonType::User,
        PersonType::Veil,
    ] {
        assert!(seen.iter().any(|(p, _, _)| *p == person), "{person}");
    }
    for chat in [ChatCategory::Group, ChatCategory::UserChat] {
        assert!(seen.iter().any(|(_, c, _)| *c == chat), "{chat}");
    }
}

#[test]
fn published_message_example() {
    let bytes = fixture("channel_talk/docs/message.push.json");
    assert!(
        serde_json::from_slice::<serde_json::Value>(&bytes).is_err(),
        "the published example keeps its trailing comma"
    );
    let event = channel_talk::parse(&bytes).unwrap();
    assert_eq!(event.kind(), Some(EventKind::MessagePush));
    let CtEvent::MessagePush(hook) = event else {
        panic!()
    };
    assert_eq!(hook.event, EventAction::Push);
    assert_eq!(
        hook.entity_type.as_ref().map(|ty| ty.as_sent()),
        Some("message")
    );
    assert_eq!(hook.entity_type.as_deref(), Some(&EntityType::Message));
    let message = hook.entity.as_ref().unwrap();
    assert_eq!(message.chat_key.as_deref(), Some("String"));
    assert_eq!(message.chat_type, Some(ChatCategory::Group));
    assert_eq!(message.person_type.as_deref(), Some(&PersonType::Manager));
    assert_eq!(
        message.created_at.as_ref().unwrap().to_string(),
        "2020-09-15T08:27:13.443Z"
    );
    assert_eq!(message.version, Some(1));
    let blocks = message.blocks.as_deref().unwrap();
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0].kind, Some(BlockType::Text));
    assert_eq!(blocks[0].value.as_deref(), Some("Hi! Webhook Test"));
    assert_eq!(message.plain_text.as_deref(), Some("Hi! Webhook Test"));

    let refers = hook.refers.as_ref().unwrap();
    let manager = refers.manager.as_ref().unwrap();
    assert_eq!(manager.removed, Some(false));
    assert_eq!(manager.operator, Some(true));
    assert_eq!(manager.operator_score.as_ref().unwrap().as_f64(), Some(0.0));
    assert_eq!(manager.watch_open_user_chat_via_mobile, Some(true));
    assert_eq!(manager.default_watch.as_deref(), Some("String"));
    assert_eq!(
        manager.created_at.as_ref().unwrap().to_string(),
        "2020-08-19T01:35:48.329Z"
    );
    // The key the example misspells `"managerIds: ` (no closing quote).
    let group = refers.group.as_ref().unwrap();
    assert_eq!(group.manager_ids.as_deref().unwrap(), ["1", "2", "3", "4"]);
    assert_eq!(group.scope.as_deref(), Some("String"));
    assert_eq!(
        group.updated_at.as_ref().unwrap().to_string(),
        "2018-05-25T00:23:22.758Z"
    );
    assert!(refers.other.is_empty());
}

#[test]
fn published_user_chat_example() {
    let bytes = fixture("channel_talk/docs/userChat.push.json");
    let CtEvent::UserChatPush(hook) = channel_talk::parse(&bytes).unwrap() else {
        panic!()
    };
    assert_eq!(hook.event_name(), "userChat.push");
    let chat = hook.entity.as_ref().unwrap();
    assert_eq!(chat.id.as_ref().unwrap(), "5fe42885827ca5464ceb");
    assert_eq!(chat.channel_id.as_ref().unwrap().as_i64(), Some(7));
    assert!(!chat.channel_id.as_ref().unwrap().is_number());
    assert_eq!(
        chat.state_key.as_deref(),
        Some("unassigned-5fe428889e3401787d6f")
    );
    // Not a state of the current model, but what Channel's own example sends.
    assert_eq!(chat.state, Some(UserChatState::Unassigned));
    assert_eq!(chat.state.as_ref().unwrap().as_str(), "unassigned");
    assert_eq!(chat.name.as_deref(), Some("Koala 205"));
    assert_eq!(chat.plugin_id.as_ref().unwrap(), "4");
    assert_eq!(
        chat.source_url.as_deref(),
        Some("https://lmevr.channel.io/")
    );
    assert_eq!(
        chat.first_opened_at.as_ref().unwrap().to_string(),
        "2020-12-24T05:35:04.648Z"
    );
    assert_eq!(
        chat.created_at
            .as_ref()
            .unwrap()
            .as_datetime()
            .timestamp_millis(),
        1_608_788_101_534
    );
    assert_eq!(
        chat.desk_message_id.as_ref().unwrap(),
        "5fe428889e3407ca2d56"
    );
    assert_eq!(chat.version, Some(3));
    assert!(chat.manager_ids.is_none());

    let refers = hook.refers.as_ref().unwrap();
    let message = refers.message.as_ref().unwrap();
    assert_eq!(message.chat_type, Some(ChatCategory::UserChat));
    assert_eq!(message.person_type.as_deref(), Some(&PersonType::User));
    assert_eq!(
        message.updated_at.as_ref().unwrap().to_string(),
        "2020-12-24T05:35:04.649Z"
    );
    let user = refers.user.as_ref().unwrap();
    assert_eq!(user.alert, Some(1));
    assert_eq!(user.has_chat, Some(true));
    assert_eq!(user.latitude.as_ref().unwrap().as_f64(), Some(37.5665));
    assert_eq!(user.longitude.as_ref().unwrap().as_f64(), Some(126.978));
    let web = user.web.as_ref().unwrap();
    assert_eq!(web.browser.as_deref(), Some("Chrome 80.0.3987.132"));
    assert_eq!(web.browser_name.as_deref(), Some("Chrome"));
    assert_eq!(web.sessions_count, Some(5));
    assert_eq!(
        web.last_seen_at.as_ref().unwrap().to_string(),
        "2020-03-20T03:07:37.636Z"
    );
    assert_eq!(user.member, Some(false));
    assert_eq!(user.contact, Some(false));
    assert_eq!(user.system_language.as_deref(), Some("String"));
}

#[test]
fn published_examples_as_printed_are_rejected_with_their_position() {
    // Channel's pages print placeholder words and a broken key where values belong; the
    // fixtures replace exactly those. Put back, each is a syntax error at its own position.
    let message = String::from_utf8(fixture("channel_talk/docs/message.push.json")).unwrap();
    let chat = String::from_utf8(fixture("channel_talk/docs/userChat.push.json")).unwrap();
    let cases = [
        (
            message.replacen("\"removed\":false", "\"removed\":Boolean", 1),
            "channel_talk message.push: expected value at line 33 column 11",
        ),
        (
            message.replacen("\"managerIds\": [", "\"managerIds: [", 1),
            "channel_talk message.push: expected `:` at line 47 column 16",
        ),
        (
            chat.replacen("\"latitude\": 37.5665", "\"latitude\": Long", 1),
            "channel_talk userChat.push: expected value at line 60 column 13",
        ),
    ];
    for (body, expected) in cases {
        let err = channel_talk::parse(body.as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), expected);
        assert!(err.is_syntax());
    }
}

#[test]
fn capitalised_types_read_and_write_back_as_sent() {
    for (ty, name, variant_name) in [
        ("Message", "message.push", "message"),
        ("UserChat", "userChat.push", "userChat"),
        ("User", "user.update", "user"),
    ] {
        let word = name.split_once('.').unwrap().1;
        let body = format!(
            r#"{{"event":"{word}","type":"{ty}","entity":{{"id":"5fe42885827ca5464ceb"}}}}"#
        );
        let event = channel_talk(parse_event(body.as_bytes()).unwrap());
        assert_eq!(variant(&event), variant_name);
        assert_eq!(
            event.event_name(),
            name,
            "the name uses the examples' spelling"
        );
        assert_eq!(
            reserialized(&event),
            body,
            "the type is written back as sent"
        );
        assert_round_trip(&Event::ChannelTalk(event.clone()));
        let lower = body.replace(ty, variant_name);
        let lower_event = parse(&lower);
        assert_eq!(lower_event.event_name(), name);
        assert_ne!(lower_event, event, "the spelling is part of the event");
    }
    // Any letter case is the same type, written back as sent (a lowercase `userchat` was an
    // unknown type with no chat id before).
    for ty in ["USERCHAT", "userchat"] {
        let body = format!(r#"{{"event":"update","type":"{ty}","entity":{{"id":"c1"}}}}"#);
        let event = parse(&body);
        assert_eq!(variant(&event), "userChat", "{ty}");
        assert_eq!(event.event_name(), "userChat.update");
        assert_eq!(event.chat_id(), Some("c1"));
        assert_eq!(reserialized(&event), body);
        assert_round_trip(&Event::ChannelTalk(event));
    }
}

#[test]
fn unknown_types_are_kept_raw() {
    let body = r#"{"event":"upsert","type":"lead","entity":{"id":"6826b0117c2e","name":"Ines"},"refers":{}}"#;
    let CtEvent::Unknown(unknown) = parse(body) else {
        panic!()
    };
    assert_eq!(unknown.name(), "lead.upsert");
    assert_eq!(unknown.json().get(), body);
    let event = channel_talk(parse_event(body.as_bytes()).unwrap());
    assert_eq!(event.event_name(), "lead.upsert");
    assert_eq!(action(&event), None);
    assert_eq!(event.refers(), None);
    assert_eq!(reserialized(&event), body);
    assert_round_trip(&Event::ChannelTalk(event));
    let chat = parse_event(body.as_bytes()).unwrap().to_chat_event();
    assert_eq!(chat.kind, ChatEventKind::Other);
    assert_eq!(chat.event_name.as_deref(), Some("lead.upsert"));
    assert_eq!((chat.chat_id, chat.message), (None, None));
}

#[test]
fn unknown_event_words_are_kept() {
    let body = r#"{"event":"remove","type":"message","entity":{"id":"6826b2a4","chatType":"userChat","chatId":"6826b1f0","personType":"manager","createdAt":1747340000000,"state":"removed"}}"#;
    // A pair of a known model and a word no line of the table has is an unknown event, kept
    // as sent, named in the example spelling of its model.
    let event = parse(&body.replace(r#""type":"message""#, r#""type":"Message""#));
    let CtEvent::Unknown(unknown) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(unknown.name(), "message.remove");
    let event = parse(body);
    assert_eq!(event.event_name(), "message.remove");
    assert_eq!(event.kind(), None);
    assert_eq!(reserialized(&event), body);
    assert_eq!(
        "message.remove".parse::<EventKind>().unwrap_err().name(),
        "message.remove"
    );
    // Not a new message: no common meaning; the chat is read where a message names it.
    assert_eq!(event.chat_id(), Some("6826b1f0"));
    let chat = event.to_chat_event();
    assert_eq!(chat.kind, ChatEventKind::Other);
    assert_eq!(chat.chat_id.as_deref(), Some("6826b1f0"));
    assert_eq!(chat.message, None);

    let event =
        parse(r#"{"event":"delete","type":"userChat","entity":{"id":"c1","state":"opened"}}"#);
    assert!(matches!(event, CtEvent::Unknown(_)));
    let chat = event.to_chat_event();
    assert_eq!(chat.kind, ChatEventKind::Other);
    assert_eq!(chat.event_name.as_deref(), Some("userChat.delete"));
    assert_eq!(chat.status, None);
}

#[test]
fn unknown_enum_values_are_kept() {
    let body = r#"{"event":"push","type":"message","entity":{"chatType":"directChat","personType":"workflow","blocks":[{"type":"image","value":"banner.png","blocks":[{"type":"text","value":"caption"}]}],"buttons":[{"title":"Go","colorVariant":"teal"}],"state":"edited","options":["pinned"],"alertLevel":"loud"}}"#;
    let CtEvent::MessagePush(hook) = parse(body) else {
        panic!()
    };
    let message = hook.entity.as_ref().unwrap();
    assert_eq!(message.chat_type, Some(ChatCategory::from("directChat")));
    assert_eq!(message.chat_type.as_ref().unwrap().as_str(), "directChat");
    assert_eq!(
        message.person_type.as_deref(),
        Some(&PersonType::Unknown("workflow".into()))
    );
    assert_eq!(
        message.blocks.as_deref().unwrap()[0].kind,
        Some(BlockType::from("image"))
    );
    assert_eq!(message.state.as_ref().unwrap().as_str(), "edited");
    assert_eq!(
        message.options.as_deref().unwrap(),
        [MessageOption::from("pinned")]
    );
    assert_eq!(
        message.buttons.as_deref().unwrap()[0]
            .color_variant
            .as_ref()
            .unwrap()
            .as_str(),
        "teal"
    );
    // A block type this crate does not know is not taken for text.
    assert_eq!(message.text(), None);
    assert_eq!(reserialized(&CtEvent::MessagePush(hook.clone())), body);

    let body =
        r#"{"event":"update","type":"userChat","entity":{"state":"holding","priority":"urgent"}}"#;
    let event = parse(body);
    let CtEvent::UserChatUpdate(hook) = &event else {
        panic!()
    };
    let chat = hook.entity.as_ref().unwrap();
    assert_eq!(chat.state, Some(UserChatState::Unknown("holding".into())));
    assert_eq!(chat.priority.as_ref().unwrap().as_str(), "urgent");
    assert_eq!(reserialized(&event), body);
    assert_eq!(event.to_chat_event().status.as_deref(), Some("holding"));

    let body = r#"{"event":"update","type":"user","entity":{"type":"guest"}}"#;
    let CtEvent::UserUpdate(hook) = parse(body) else {
        panic!()
    };
    assert_eq!(
        hook.entity.as_ref().unwrap().kind,
        Some(UserType::Unknown("guest".into()))
    );
    assert_eq!(reserialized(&CtEvent::UserUpdate(hook)), body);
}

#[test]
fn refers_are_typed_and_unknown_ones_kept() {
    let event = parse_event(&fixture("channel_talk/chat_types/group/message.push.json")).unwrap();
    let refers = channel_talk(event).refers().unwrap().clone();
    let group = refers.group.as_ref().unwrap();
    assert_eq!(
        group.manager_ids.as_deref().unwrap(),
        ["183214", "183377", "190402"]
    );
    assert_eq!(group.name.as_deref(), Some("dev-oncall"));
    assert_eq!(
        refers.manager.as_ref().unwrap().id.as_ref().unwrap(),
        "183377"
    );

    let event = parse_event(&fixture("channel_talk/message.push.json")).unwrap();
    let refers = channel_talk(event).refers().unwrap().clone();
    let user = refers.user.as_ref().unwrap();
    let web = user.web.as_ref().unwrap();
    assert_eq!(web.os_name.as_deref(), Some("iOS"));
    assert_eq!(web.sessions_count, Some(14));
    assert_eq!(user.kind, Some(UserType::Member));
    assert_eq!(
        common::member(user.profile.as_ref().unwrap(), "membershipLevel"),
        "gold"
    );
    assert_eq!(user.latitude.as_ref().unwrap().to_string(), "37.5665");
    assert_eq!(
        refers.user_chat.as_ref().unwrap().state,
        Some(UserChatState::Opened)
    );

    // `veil` (the older generation's visitor) is typed; anything new stays as sent.
    let body = r#"{"event":"push","type":"userChat","entity":{"id":"c1"},"refers":{"session":[1,2],"veil":{"id":"v1","name":"Koala 205"}},"apiVersion":"v5"}"#;
    let CtEvent::UserChatPush(hook) = parse(body) else {
        panic!()
    };
    let refers = hook.refers.as_ref().unwrap();
    let veil = refers.veil.as_ref().unwrap();
    assert_eq!(veil.name.as_deref(), Some("Koala 205"));
    assert!(!refers.other.contains_key("veil"));
    assert_eq!(common::member(&refers.other, "session")[1], 2);
    assert_eq!(common::member(&hook.other, "apiVersion"), "v5");
    // Typed members are written first, then the kept ones.
    assert_eq!(
        reserialized(&CtEvent::UserChatPush(hook)),
        body.replace(
            r#""session":[1,2],"veil":{"id":"v1","name":"Koala 205"}"#,
            r#""veil":{"id":"v1","name":"Koala 205"},"session":[1,2]"#
        )
    );
}

#[test]
fn only_event_entity_and_type_are_required() {
    let event = parse(r#"{"event":"push","type":"message"}"#);
    let CtEvent::MessagePush(hook) = &event else {
        panic!()
    };
    assert_eq!((&hook.entity, &hook.refers), (&None, &None));
    // `entity` is written even when absent: with it, `parse_event` recognises the JSON.
    assert_eq!(
        reserialized(&event),
        r#"{"event":"push","type":"message","entity":null}"#
    );
    assert_eq!(
        chat_webhooks::parse_event(reserialized(&event).as_bytes()).unwrap(),
        chat_webhooks::Event::ChannelTalk(event.clone())
    );
    let chat = event.to_chat_event();
    assert_eq!(chat.kind, ChatEventKind::MessageCreated);
    assert_eq!((chat.chat_id, chat.message), (None, None));

    let nulls = r#"{"event":"push","type":"userChat","entity":{"id":null,"state":null,"managerIds":null,"tags":null,"createdAt":null,"profile":null},"refers":{"user":null,"message":null}}"#;
    let CtEvent::UserChatPush(hook) = parse(nulls) else {
        panic!()
    };
    let chat = hook.entity.as_ref().unwrap();
    assert_eq!((&chat.id, &chat.state), (&None, &None));
    assert!(chat.manager_ids.is_none() && chat.tags.is_none());
    assert_eq!(hook.refers.as_ref().unwrap(), &Default::default());

    let event = parse(r#"{"event":"update","type":"user","entity":null,"refers":null}"#);
    // Written back as sent: `refers` was sent as `null`.
    assert_eq!(
        reserialized(&event),
        r#"{"event":"update","type":"user","entity":null,"refers":null}"#
    );
    let chat = event.to_chat_event();
    assert_eq!(
        (chat.kind, chat.participant),
        (ChatEventKind::UserUpdated, None)
    );

    // Detection needs `entity` as well; the vendor parse does not.
    let err = parse_event(br#"{"event":"push","type":"message"}"#).unwrap_err();
    assert_eq!(err.classify(), Category::Vendor);
    let err = channel_talk::parse(br#"{"type":"message","entity":{}}"#).unwrap_err();
    assert_eq!(err.to_string(), "channel_talk: missing field `event`");
    let err = channel_talk::parse(br#"{"event":"push","entity":{}}"#).unwrap_err();
    assert_eq!(err.to_string(), "channel_talk: missing field `type`");
    assert_eq!(err.vendor(), Some(Vendor::ChannelTalk));
}

#[test]
fn tolerated_input() {
    let clean = fixture("channel_talk/user.update.json");
    let expected = parse_event(&clean).unwrap();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&clean);
    assert_eq!(parse_event(&with_bom).unwrap(), expected);

    let text = String::from_utf8(clean).unwrap();
    let commas = text
        .replace("\"plan\": \"premium\"\n", "\"plan\": \"premium\",\n")
        .replace(
            "\"systemLanguage\": \"en\"\n",
            "\"systemLanguage\": \"en\",\n",
        )
        .replace("\n}\n", "\n},\n");
    assert_ne!(commas, text);
    assert_eq!(parse_event(commas.as_bytes()).unwrap(), expected);

    // Ids as numbers or strings, written back as sent; unknown members of typed models are
    // kept and written back after the typed ones; timestamps in other forms are read too.
    let body = r#"{"event":"push","type":"message","entity":{"id":"6826","channelId":104532,"chatId":6826,"personId":"183214","createdAt":"2025-05-14T08:23:46.518Z","futureField":{"a":[1]},"blocks":[{"type":"text","value":"hi","style":"bold"}]}}"#;
    let CtEvent::MessagePush(hook) = parse(body) else {
        panic!()
    };
    let message = hook.entity.as_ref().unwrap();
    assert!(message.channel_id.as_ref().unwrap().is_number());
    assert_eq!(message.channel_id.as_ref().unwrap(), "104532");
    assert_eq!(
        message
            .created_at
            .as_ref()
            .unwrap()
            .as_datetime()
            .timestamp_millis(),
        1_747_211_026_518
    );
    assert_eq!(
        reserialized(&CtEvent::MessagePush(hook)),
        r#"{"event":"push","type":"message","entity":{"id":"6826","channelId":104532,"chatId":6826,"personId":"183214","createdAt":"2025-05-14T08:23:46.518Z","blocks":[{"type":"text","value":"hi","style":"bold"}],"futureField":{"a":[1]}}}"#
    );
}

#[test]
fn exact_error_messages() {
    let cases: &[(&[u8], &str)] = &[
        (
            br#"{"event":"push","type":"message","entity":{"createdAt":"yesterday"}}"#,
            "channel_talk message.push: entity.createdAt: invalid timestamp \"yesterday\", expected RFC 3339, an ISO 8601 date-time, or epoch seconds or milliseconds at line 1 column 66",
        ),
        (
            br#"{"event":"push","type":"message","entity":{"blocks":{"type":"text"}}}"#,
            "channel_talk message.push: entity.blocks: invalid type: map, expected a sequence at line 1 column 52",
        ),
        (
            br#"{"event":"push","type":"message","entity":{"blocks":[{"type":"bullets","blocks":[{"value":7}]}]}}"#,
            "channel_talk message.push: entity.blocks[0].blocks[0].value: invalid type: integer `7`, expected a string at line 1 column 91",
        ),
        (
            br#"{"event":"push","type":"message","entity":"Hi! Webhook Test"}"#,
            "channel_talk message.push: entity: invalid type: string \"Hi! Webhook Test\", expected a message (an object) at line 1 column 60",
        ),
        (
            br#"{"event":"update","type":"userChat","entity":{"managerIds":["1",{"id":2}]}}"#,
            "channel_talk userChat.update: entity.managerIds[1]: invalid type: map, expected an id (a string or an integer) at line 1 column 65",
        ),
        (
            br#"{"event":"update","type":"user","entity":{"web":{"sessionsCount":"five"}}}"#,
            "channel_talk user.update: entity.web.sessionsCount: invalid type: string \"five\", expected i64 at line 1 column 71",
        ),
        (
            br#"{"event":"push","type":"message","entity":{},"refers":{"group":{"managerIds":"1,2"}}}"#,
            "channel_talk message.push: refers.group.managerIds: invalid type: string \"1,2\", expected a sequence at line 1 column 82",
        ),
        (
            br#"{"event":"push","type":"message","entity":{},"refers":[]}"#,
            "channel_talk message.push: refers: invalid type: sequence, expected the models the webhook refers to (an object) at line 1 column 54",
        ),
        (
            br#"{"event":"push","event":"update","type":"message","entity":{}}"#,
            "channel_talk message.push: duplicate field `event` at line 1 column 23",
        ),
        (
            br#"{"event":"push","type":7,"entity":{}}"#,
            "channel_talk: type: invalid type: a number, expected a string",
        ),
        (
            b"{\"event\":\"push\",\n\"type\":\"message\"\n\"entity\":{}}",
            "channel_talk message.push: expected `,` or `}` at line 3 column 1",
        ),
    ];
    let mismatches: Vec<String> = cases
        .iter()
        .filter_map(|(body, message)| {
            let got = match parse_event(body) {
                Ok(event) => format!("Ok({})", serde_json::to_string(&event).unwrap()),
                Err(err) => err.to_string(),
            };
            (got != *message).then(|| {
                format!(
                    "{}\n  got:      {got}\n  expected: {message}",
                    String::from_utf8_lossy(body)
                )
            })
        })
        .collect();
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    let err = parse_event(br#"{"event":"push","type":"message","entity":{"personId":true}}"#)
        .unwrap_err();
    assert_eq!(err.path(), Some("entity.personId"));
    assert_eq!(err.event(), Some("message.push"));
    assert_eq!(err.vendor(), Some(Vendor::ChannelTalk));
    assert!(err.is_data());
}

#[test]
fn token_verification() {
    const TOKEN: &str = "c4d1f0e9a27b4e6b9f3e";
    assert_eq!(channel_talk::verify_token(TOKEN, TOKEN), Ok(()));
    assert_eq!(
        channel_talk::verify_token(TOKEN, "c4d1f0e9a27b4e6b9f3f"),
        Err(SignatureError::TokenMismatch)
    );
    assert_eq!(
        channel_talk::verify_token(TOKEN, ""),
        Err(SignatureError::EmptyToken)
    );

    let verify = |query: &str| channel_talk::verify_query_token(TOKEN, query);
    assert_eq!(verify("token=c4d1f0e9a27b4e6b9f3e"), Ok(()));
    assert_eq!(verify("?token=c4d1f0e9a27b4e6b9f3e"), Ok(()));
    assert_eq!(verify("shop=kr&token=c4d1f0e9a27b4e6b9f3e&retry=2"), Ok(()));
    assert_eq!(verify("token=%63%34d1f0e9a27b4e6b9f3e"), Ok(()));
    assert_eq!(verify("token=c4d1f0e9a27b4e6b9f3e&token=other"), Ok(()));
    assert_eq!(
        verify("shop=kr"),
        Err(SignatureError::MissingToken { name: "token" })
    );
    assert_eq!(
        verify(""),
        Err(SignatureError::MissingToken { name: "token" })
    );
    assert_eq!(verify("token="), Err(SignatureError::EmptyToken));
    assert_eq!(verify("token"), Err(SignatureError::EmptyToken));
    assert_eq!(verify("token=+"), Err(SignatureError::EmptyToken));
    assert_eq!(
        verify("token=c4d1f0e9a27b4e6b9f3"),
        Err(SignatureError::TokenMismatch)
    );
    assert_eq!(
        verify("token=other&token=c4d1f0e9a27b4e6b9f3e"),
        Err(SignatureError::TokenMismatch),
        "only the first token counts"
    );
    for malformed in ["token=c4d1%zz", "token=%", "token=abc%4", "token=%ff%fe"] {
        assert_eq!(
            verify(malformed),
            Err(SignatureError::MalformedToken),
            "{malformed}"
        );
    }

    // Tokens with reserved and non-ASCII characters, encoded as a URL carries them.
    let token = "a+b c/ä&=";
    assert_eq!(
        channel_talk::verify_query_token(token, "token=a%2Bb+c%2F%C3%A4%26%3D"),
        Ok(())
    );
    assert_eq!(
        channel_talk::query_token("token=a%2Bb%20c%2F%C3%A4%26%3D").unwrap(),
        token
    );
    assert_eq!(
        channel_talk::verify_query_token(token, "token=a+b+c%2F%C3%A4%26%3D"),
        Err(SignatureError::TokenMismatch),
        "`+` is a space, not a plus"
    );
    assert_eq!(
        SignatureError::MissingToken { name: "token" }.to_string(),
        "no `token` parameter in the query string"
    );
}

#[test]
fn quick_reply_headers() {
    let reply = QuickReply::new();
    assert_eq!(
        reply.headers().collect::<Vec<_>>(),
        [("x-quick-reply", "true")]
    );
    assert_eq!(reply.bot_name(), None);

    let reply = QuickReply::with_bot_name("배송 도우미").unwrap();
    assert_eq!(
        reply.headers().collect::<Vec<_>>(),
        [("x-quick-reply", "true"), ("x-bot-name", "배송 도우미")]
    );
    assert_eq!(reply.bot_name(), Some("배송 도우미"));
    assert_eq!(channel_talk::QUICK_REPLY_HEADER, "x-quick-reply");
    assert_eq!(channel_talk::BOT_NAME_HEADER, "x-bot-name");

    for (bad, message) in [
        ("", "invalid x-bot-name: the bot name is empty"),
        ("  ", "invalid x-bot-name: the bot name is empty"),
        (
            "Bot\r\nSet-Cookie: x=1",
            "invalid x-bot-name: the bot name contains a control character",
        ),
    ] {
        assert_eq!(
            QuickReply::with_bot_name(bad).unwrap_err().to_string(),
            message
        );
    }
}

fn chat(path: &str) -> ChatEvent {
    let event = parse_event(&fixture(path)).unwrap();
    let chat = event.to_chat_event();
    // The vendor event converts the same way as the crate-level one.
    assert_eq!(channel_talk(event).to_chat_event(), chat);
    assert_eq!(chat.vendor, Vendor::ChannelTalk);
    assert_eq!(chat.event_id, None, "Channel sends no delivery id");
    chat
}

fn rfc3339(chat: &ChatEvent) -> String {
    chat.occurred_at.unwrap().to_rfc3339()
}

#[test]
fn mapping_of_messages() {
    let user = chat("channel_talk/message.push.json");
    assert_eq!(user.kind, ChatEventKind::MessageCreated);
    assert_eq!(user.event_name.as_deref(), Some("message.push"));
    assert_eq!(user.chat_id.as_deref(), Some("6824b6f1a7c3e05d9b21"));
    assert_eq!(rfc3339(&user), "2025-05-14T08:23:46.518+00:00");
    assert_eq!((&user.status, &user.participant), (&None, &None));
    let message = user.message.unwrap();
    assert_eq!(message.id.as_deref(), Some("6824b7125e8fa3c41d07"));
    assert_eq!(message.author.role, Role::Customer);
    assert_eq!(message.author.id.as_deref(), Some("6824b6e8c1d94a7f3e52"));
    assert_eq!(message.author.name.as_deref(), Some("김민지"));
    assert_eq!(
        message.text.as_deref(),
        Some(
            "안녕하세요, 어제 주문한 상품 배송 조회 부탁드립니다. 주문번호는 2025051398231 입니다."
        )
    );
    assert_eq!(message.content_type, None);
    assert_eq!(
        message.sent_at.unwrap().to_rfc3339(),
        "2025-05-14T08:23:46.518+00:00"
    );
    assert_eq!(message.attachments.len(), 1);
    assert_eq!(
        message.attachments[0].url, None,
        "Channel sends no file URL"
    );
    assert_eq!(message.attachments[0].name.as_deref(), Some("주문내역.png"));
    assert_eq!(
        message.attachments[0].content_type.as_deref(),
        Some("image/png")
    );

    let manager = chat("channel_talk/person_types/manager/message.push.json");
    assert_eq!(manager.kind, ChatEventKind::MessageCreated);
    assert_eq!(manager.chat_id.as_deref(), Some("6824b6f1a7c3e05d9b21"));
    assert_eq!(rfc3339(&manager), "2025-05-14T08:26:16.081+00:00");
    let message = manager.message.unwrap();
    assert_eq!(message.author.role, Role::Agent);
    assert_eq!(message.author.id.as_deref(), Some("183214"));
    assert_eq!(message.author.name.as_deref(), Some("박서준"));
    assert_eq!(
        message.text.as_deref(),
        Some("김민지 고객님, 주문하신 상품은 오늘 오후 2시에 출고되었습니다.\n아래 버튼으로 배송 상황을 확인하실 수 있어요.")
    );
    assert!(message.attachments.is_empty());

    let bot = chat("channel_talk/person_types/bot/message.push.json");
    assert_eq!(bot.kind, ChatEventKind::MessageCreated);
    assert_eq!(bot.chat_id.as_deref(), Some("6825f0a41b7d3c92e518"));
    let message = bot.message.unwrap();
    assert_eq!(message.author.role, Role::Bot);
    assert_eq!(message.author.id.as_deref(), Some("48211"));
    assert_eq!(message.author.name.as_deref(), Some("Shop Assistant"));
    assert_eq!(
        message.text.as_deref(),
        Some("Hi Oliver! What can we help you with today?")
    );

    let group = chat("channel_talk/chat_types/group/message.push.json");
    assert_eq!(group.kind, ChatEventKind::MessageCreated);
    assert_eq!(group.chat_id.as_deref(), Some("2207"), "the group's id");
    assert_eq!(rfc3339(&group), "2025-05-15T07:12:32.093+00:00");
    let message = group.message.unwrap();
    assert_eq!(message.author.role, Role::Agent);
    assert_eq!(message.author.name.as_deref(), Some("Hannah Lee"));
    assert_eq!(
        message.text.as_deref(),
        Some("Checkout errors since the 10:40 deploy:\ncard payments time out after 30s\nPayPal works\nkubectl rollout undo deployment/checkout -n shop")
    );
    assert_eq!(message.attachments.len(), 1);
    assert_eq!(
        message.attachments[0].url.as_deref(),
        Some("https://status.example.com/incidents/4471")
    );
    assert_eq!(
        message.attachments[0].name.as_deref(),
        Some("Incident 4471: elevated checkout latency")
    );

    // A chat-log notice (a `log`) is the platform noting what a manager did: a system
    // notice, by the system, about the manager; this one has no text.
    let log = chat("channel_talk/message.create.json");
    assert_eq!(log.kind, ChatEventKind::SystemNotice);
    assert_eq!(log.event_name.as_deref(), Some("message.create"));
    assert_eq!(rfc3339(&log), "2025-05-14T09:23:39.402+00:00");
    let message = log.message.unwrap();
    assert_eq!(message.text, None);
    assert_eq!(message.author, Author::new(Role::System));
    assert_eq!(message.content_type.as_deref(), Some("log"));
    let manager = log.participant.unwrap();
    assert_eq!(manager.role, Role::Agent);
    assert_eq!(manager.id.as_deref(), Some("183214"));
    assert_eq!(manager.name, None, "no manager in refers");

    // Files only: no text is made up from them.
    let files = chat("channel_talk/message.upsert.json");
    assert_eq!(files.kind, ChatEventKind::MessageCreated);
    assert_eq!(files.chat_id.as_deref(), Some("6826a1d07e3b5c49f281"));
    assert_eq!(rfc3339(&files), "2025-05-15T19:43:49.180+00:00");
    let message = files.message.unwrap();
    assert_eq!(message.text, None);
    assert_eq!(message.author.role, Role::Customer);
    assert_eq!(message.author.name, None);
    let attachments: Vec<_> = message
        .attachments
        .iter()
        .map(|a| {
            (
                a.url.as_deref(),
                a.name.as_deref(),
                a.content_type.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        attachments,
        [
            (None, Some("返品申請書_90233.pdf"), Some("application/pdf")),
            (None, Some("開封動画.mp4"), Some("video/mp4")),
        ]
    );

    // `message.update` is an edit of a message (or a reaction), not a new one; it happened at
    // `updatedAt`.
    let update = chat("channel_talk/message.update.json");
    assert_eq!(update.kind, ChatEventKind::MessageUpdated);
    assert_eq!(update.event_name.as_deref(), Some("message.update"));
    assert_eq!(update.chat_id.as_deref(), Some("6825f0a41b7d3c92e518"));
    assert_eq!(rfc3339(&update), "2025-05-15T07:04:48.105+00:00");
    let message = update.message.unwrap();
    assert_eq!(
        message.sent_at.unwrap().to_rfc3339(),
        "2025-05-15T07:03:30.774+00:00"
    );
    assert_eq!(message.author.role, Role::Customer);

    // The published example's placeholder ids still match each other.
    let docs = chat("channel_talk/docs/message.push.json");
    assert_eq!(docs.chat_id.as_deref(), Some("String"));
    assert_eq!(rfc3339(&docs), "2020-09-15T08:27:13.443+00:00");
    let message = docs.message.unwrap();
    assert_eq!(message.author.role, Role::Agent);
    assert_eq!(message.author.name.as_deref(), Some("String"));
    assert_eq!(message.text.as_deref(), Some("Hi! Webhook Test"));
}

#[test]
fn mapping_of_chats_and_users() {
    let started = chat("channel_talk/userChat.push.json");
    assert_eq!(started.kind, ChatEventKind::ChatStarted);
    assert_eq!(started.event_name.as_deref(), Some("userChat.push"));
    assert_eq!(started.chat_id.as_deref(), Some("6825f0a41b7d3c92e518"));
    assert_eq!(rfc3339(&started), "2025-05-15T06:58:44.907+00:00");
    assert_eq!(started.status.as_deref(), Some("opened"));
    assert_eq!((&started.message, &started.participant), (&None, &None));

    let created = chat("channel_talk/userChat.create.json");
    assert_eq!(created.kind, ChatEventKind::ChatStarted);
    assert_eq!(created.status.as_deref(), Some("queued"));
    assert_eq!(rfc3339(&created), "2025-05-15T19:34:40.114+00:00");

    let upserted = chat("channel_talk/userChat.upsert.json");
    assert_eq!(upserted.kind, ChatEventKind::ChatStarted);
    assert_eq!(upserted.chat_id.as_deref(), Some("6826a1d07e3b5c49f281"));
    assert_eq!(upserted.status.as_deref(), Some("opened"));
    assert_eq!(rfc3339(&upserted), "2025-05-15T19:34:40.114+00:00");

    let closed = chat("channel_talk/userChat.update.json");
    assert_eq!(closed.kind, ChatEventKind::ChatClosed);
    assert_eq!(closed.event_name.as_deref(), Some("userChat.update"));
    assert_eq!(closed.chat_id.as_deref(), Some("6824b6f1a7c3e05d9b21"));
    assert_eq!(closed.status.as_deref(), Some("closed"));
    assert_eq!(rfc3339(&closed), "2025-05-14T09:23:39.430+00:00");

    let snoozed = chat("channel_talk/chat_states/snoozed/userChat.update.json");
    assert_eq!(snoozed.kind, ChatEventKind::ChatUpdated);
    assert_eq!(snoozed.status.as_deref(), Some("snoozed"));
    assert_eq!(rfc3339(&snoozed), "2025-05-15T19:55:02.115+00:00");

    let docs = chat("channel_talk/docs/userChat.push.json");
    assert_eq!(docs.kind, ChatEventKind::ChatStarted);
    assert_eq!(docs.chat_id.as_deref(), Some("5fe42885827ca5464ceb"));
    assert_eq!(docs.status.as_deref(), Some("unassigned"));
    assert_eq!(rfc3339(&docs), "2020-12-24T05:35:01.534+00:00");

    let user = chat("channel_talk/user.update.json");
    assert_eq!(user.kind, ChatEventKind::UserUpdated);
    assert_eq!(user.event_name.as_deref(), Some("user.update"));
    assert_eq!(user.chat_id, None);
    assert_eq!(user.status, None);
    assert_eq!(rfc3339(&user), "2025-05-15T09:08:42.980+00:00");
    let participant = user.participant.unwrap();
    assert_eq!(participant.role, Role::Customer);
    assert_eq!(participant.id.as_deref(), Some("6825f09e2c8b17d4a053"));
    assert_eq!(participant.name.as_deref(), Some("Oliver Bennett"));

    // A closed chat is closed whatever the event word.
    let event =
        parse(r#"{"event":"push","type":"userChat","entity":{"id":"c1","state":"closed"}}"#);
    assert_eq!(event.to_chat_event().kind, ChatEventKind::ChatClosed);
}

#[test]
fn author_names_come_only_from_the_matching_person() {
    let body = r#"{"event":"push","type":"message","entity":{"personType":"manager","personId":"1"},"refers":{"manager":{"id":"2","name":"Someone Else"},"user":{"id":"1","name":"A User"}}}"#;
    let message = parse(body).to_chat_event().message.unwrap();
    assert_eq!(message.author.role, Role::Agent);
    assert_eq!(message.author.id.as_deref(), Some("1"));
    assert_eq!(message.author.name, None);

    let body = r#"{"event":"push","type":"message","entity":{"personType":"user","personId":7},"refers":{"user":{"id":"7","name":"Numeric Id"}}}"#;
    let message = parse(body).to_chat_event().message.unwrap();
    assert_eq!(message.author.name.as_deref(), Some("Numeric Id"));

    let body =
        r#"{"event":"push","type":"message","entity":{"personType":"workflow","personId":"1"}}"#;
    let message = parse(body).to_chat_event().message.unwrap();
    assert_eq!(message.author.role, Role::Unknown);
}

#[test]
fn event_values_round_trip_through_serde() {
    for (path, bytes) in fixtures("channel_talk") {
        let event = channel_talk::parse(&bytes).unwrap();
        let json = serde_json::to_value(&event).unwrap();
        let again: CtEvent = serde_json::from_value(json).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(again, event, "{path}");
    }
}

#[test]
fn team_chat_pushes_without_type_are_told_by_the_entity() {
    let path = "channel_talk/variants/no_type/message.push.json";
    let bytes = fixture(path);
    let event = channel_talk(parse_event(&bytes).unwrap());
    let CtEvent::MessagePush(hook) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(hook.entity_type, None);
    assert_eq!(event.event_name(), "message.push");
    assert_eq!(event.chat_id(), Some("2207"));
    assert_eq!(
        event.occurred_at().unwrap().to_rfc3339(),
        "2025-05-15T08:47:12.170+00:00"
    );
    let json: serde_json::Value = serde_json::from_str(&reserialized(&event)).unwrap();
    assert!(json.get("type").is_none(), "written back without a type");
    assert_round_trip(&Event::ChannelTalk(event.clone()));
    let chat = event.to_chat_event();
    assert_eq!(chat.kind, ChatEventKind::MessageCreated);
    let message = chat.message.unwrap();
    assert_eq!(message.author.role, Role::Agent);
    assert_eq!(message.author.name.as_deref(), Some("Minjun Park"));

    // The other models by their members; a `type` after `entity` is still read.
    for (body, name) in [
        (
            r#"{"event":"update","entity":{"id":"c1","state":"closed"}}"#,
            "userChat.update",
        ),
        (
            r#"{"event":"update","entity":{"id":"u1","memberId":"m1"}}"#,
            "user.update",
        ),
        (
            r#"{"event":"push","entity":{"id":"c1","personType":"user"},"type":"userChat"}"#,
            "userChat.push",
        ),
    ] {
        let event = channel_talk(parse_event(body.as_bytes()).unwrap());
        assert_eq!(event.event_name(), name, "{body}");
        let back: serde_json::Value = serde_json::from_str(&reserialized(&event)).unwrap();
        assert_eq!(
            back,
            serde_json::from_str::<serde_json::Value>(body).unwrap()
        );
        assert_eq!(channel_talk::parse(body.as_bytes()).unwrap(), event);
    }
    // An entity that shows no model's members leaves the model unknown: `type` is missing.
    let err = parse_event(br#"{"event":"push","entity":{"id":"x"}}"#).unwrap_err();
    assert_eq!(err.to_string(), "channel_talk: missing field `type`");
    let err = parse_event(br#"{"event":"push","entity":null}"#).unwrap_err();
    assert_eq!(err.to_string(), "channel_talk: missing field `type`");
}

#[test]
fn types_and_person_types_in_any_case_keep_their_spelling() {
    let path = "channel_talk/variants/capitalised_types/message.push.json";
    let event = channel_talk(parse_event(&fixture(path)).unwrap());
    let CtEvent::MessagePush(hook) = &event else {
        panic!()
    };
    assert_eq!(
        hook.entity_type.as_ref().map(|ty| ty.as_sent()),
        Some("Message")
    );
    let message = hook.entity.as_ref().unwrap();
    let person = message.person_type.as_ref().unwrap();
    assert_eq!(*person, PersonType::Bot);
    assert_eq!(person.as_sent(), "Bot");
    let json = reserialized(&event);
    assert!(json.contains(r#""type":"Message""#), "{json}");
    assert!(json.contains(r#""personType":"Bot""#), "{json}");
    let chat = event.to_chat_event();
    let author = chat.message.unwrap().author;
    assert_eq!(author.role, Role::Bot);
    assert_eq!(author.name.as_deref(), Some("Shop Assistant"));

    let path = "channel_talk/variants/lowercase_type/userChat.update.json";
    let event = channel_talk(parse_event(&fixture(path)).unwrap());
    let CtEvent::UserChatUpdate(hook) = &event else {
        panic!("a lowercase `userchat` is a user chat: {event:?}")
    };
    assert_eq!(
        hook.entity_type.as_ref().map(|ty| ty.as_sent()),
        Some("userchat")
    );
    assert_eq!(event.chat_id(), Some("6826117e3b5a4f20c9d8"));
    let chat = event.to_chat_event();
    assert_eq!(chat.kind, ChatEventKind::ChatUpdated);
    assert_eq!(chat.chat_id.as_deref(), Some("6826117e3b5a4f20c9d8"));
    assert!(reserialized(&event).contains(r#""type":"userchat""#));

    for (sent, role) in [
        ("MANAGER", Role::Agent),
        ("User", Role::Customer),
        ("veil", Role::Customer),
    ] {
        let body =
            format!(r#"{{"event":"push","type":"message","entity":{{"personType":"{sent}"}}}}"#);
        let event = parse(&body);
        assert_eq!(event.to_chat_event().message.unwrap().author.role, role);
        assert_eq!(reserialized(&event), body);
    }
}

#[test]
fn the_older_generation_of_the_body() {
    let path = "channel_talk/variants/older_body/message.push.json";
    let event = channel_talk(parse_event(&fixture(path)).unwrap());
    let CtEvent::MessagePush(hook) = &event else {
        panic!()
    };
    let message = hook.entity.as_ref().unwrap();
    assert_eq!(
        message.message.as_deref(),
        Some("Hello, is the blue jacket back in stock?")
    );
    assert_eq!(
        message.message_v2.as_deref(),
        Some("Hello, is the <b>blue jacket</b> back in stock?")
    );
    assert_eq!(message.format.as_deref(), Some("text"));
    assert_eq!(message.person_type.as_deref(), Some(&PersonType::Veil));
    let refers = hook.refers.as_ref().unwrap();
    let veil = refers.veil.as_ref().unwrap();
    assert_eq!(veil.name.as_deref(), Some("Visitor 4417"));
    assert_eq!(veil.mobile_number.as_deref(), Some("+821055501234"));
    assert_eq!(veil.country.as_deref(), Some("KR"));
    assert_eq!(veil.ghost, Some(false));
    assert_eq!(
        common::member(veil.profile.as_ref().unwrap(), "mobileNumber"),
        "+821055501234"
    );
    let user_chat = refers.user_chat.as_ref().unwrap();
    assert_eq!(user_chat.state_v2, Some(UserChatState::Unassigned));
    // The chat id lives only in `refers.userChat.id` here.
    assert_eq!(message.chat_id, None);
    assert_eq!(event.chat_id(), Some("5c3f1a1f9d2e8b0014aa7711"));
    // What the user chat in `refers` carries beyond its model is kept, and listed.
    assert_eq!(
        event.unknown_members(),
        ["refers.userChat.personType", "refers.userChat.personId"]
    );

    let chat = event.to_chat_event();
    assert_eq!(chat.kind, ChatEventKind::MessageCreated);
    assert_eq!(chat.chat_id.as_deref(), Some("5c3f1a1f9d2e8b0014aa7711"));
    let message = chat.message.unwrap();
    assert_eq!(
        message.text.as_deref(),
        Some("Hello, is the blue jacket back in stock?")
    );
    assert_eq!(message.author.role, Role::Customer);
    assert_eq!(message.author.name.as_deref(), Some("Visitor 4417"));
    assert_eq!(
        message.author.id.as_deref(),
        Some("5c3f19e07a1b2c0013de56f0")
    );
}

#[test]
fn a_user_chat_closing() {
    let path = "channel_talk/variants/chat_closed/userChat.update.json";
    let event = channel_talk(parse_event(&fixture(path)).unwrap());
    assert_eq!(event.event_name(), "userChat.update");
    assert_eq!(event.chat_id(), Some("6826117e3b5a4f20c9d8"));
    assert_eq!(
        event.occurred_at().unwrap().timestamp_millis(),
        1_747_302_245_518
    );
    let chat = event.to_chat_event();
    assert_eq!(chat.kind, ChatEventKind::ChatClosed);
    assert_eq!(chat.chat_id.as_deref(), Some("6826117e3b5a4f20c9d8"));
    assert_eq!(chat.status.as_deref(), Some("closed"));
    assert_eq!(chat.occurred_at, event.occurred_at());
}

#[test]
fn arrays_where_objects_are_documented_are_errors() {
    let cases: &[(&[u8], &str)] = &[
        (
            br#"{"event":"push","type":"message","entity":[]}"#,
            "channel_talk message.push: entity: invalid type: sequence, expected a message (an object) at line 1 column 42",
        ),
        (
            br#"{"event":"push","type":"userChat","entity":{},"refers":[]}"#,
            "channel_talk userChat.push: refers: invalid type: sequence, expected the models the webhook refers to (an object) at line 1 column 55",
        ),
        (
            br#"{"event":"push","type":"message","entity":{"webPage":[]}}"#,
            "channel_talk message.push: entity.webPage: invalid type: sequence, expected a link preview (an object) at line 1 column 53",
        ),
        (
            br#"{"event":"push","type":"message","entity":{},"refers":{"veil":[]}}"#,
            "channel_talk message.push: refers.veil: invalid type: sequence, expected a veil (an object) at line 1 column 62",
        ),
        (
            br#"{"event":"push","entity":[]}"#,
            "channel_talk push: entity: invalid type: sequence, expected a JSON object at line 1 column 25",
        ),
    ];
    for (body, expected) in cases {
        let err = channel_talk::parse(body).unwrap_err();
        assert_eq!(
            err.to_string(),
            *expected,
            "{}",
            String::from_utf8_lossy(body)
        );
        assert_eq!(parse_event(body).unwrap_err().to_string(), *expected);
    }
}

#[test]
fn uniform_accessors_on_every_fixture() {
    for (path, bytes) in fixtures("channel_talk") {
        let event = channel_talk::parse(&bytes).unwrap();
        assert_eq!(event.event_id(), None, "{path}");
        assert_eq!(
            event.kind().map(|kind| kind.as_str()),
            Some(event.event_name())
        );
        let update = action(&event) == Some(&EventAction::Update);
        let (chat_id, at) = if let Some(hook) = message_hook(&event) {
            let message = hook.entity.as_ref().unwrap();
            let in_refers = hook
                .refers
                .as_ref()
                .and_then(|refers| refers.user_chat.as_ref())
                .and_then(|chat| chat.id.as_ref());
            let at = if update {
                &message.updated_at
            } else {
                &message.created_at
            };
            (message.chat_id.as_ref().or(in_refers), at.clone())
        } else if let Some(hook) = user_chat_hook(&event) {
            let chat = hook.entity.as_ref().unwrap();
            let at = if update {
                &chat.updated_at
            } else {
                &chat.created_at
            };
            (chat.id.as_ref(), at.clone())
        } else {
            let hook = user_hook(&event).unwrap_or_else(|| panic!("{path}"));
            (None, hook.entity.as_ref().unwrap().updated_at.clone())
        };
        assert_eq!(event.chat_id(), chat_id.map(|id| id.as_str()), "{path}");
        assert_eq!(event.occurred_at(), at.map(|at| at.as_datetime()), "{path}");
        assert!(event.occurred_at().is_some(), "{path}");
        let chat = event.to_chat_event();
        assert_eq!(chat.chat_id.as_deref(), event.chat_id(), "{path}");
        assert_eq!(chat.occurred_at, event.occurred_at(), "{path}");
    }
}

#[test]
fn every_unknown_member_of_every_object_is_kept() {
    use serde_json::Value;

    /// The JSON pointer of every object in `value`.
    fn objects(value: &Value, at: String, out: &mut Vec<String>) {
        match value {
            Value::Object(members) => {
                out.push(at.clone());
                for (key, member) in members {
                    objects(member, format!("{at}/{key}"), out);
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    objects(item, format!("{at}/{index}"), out);
                }
            }
            _ => {}
        }
    }

    let added = serde_json::json!({"n": [1, -1.5, "x"], "t": true});
    let mut count = 0;
    for (path, bytes) in fixtures("channel_talk") {
        let clean = common::fixture_value(&bytes);
        let mut pointers = Vec::new();
        objects(&clean, String::new(), &mut pointers);
        // Members kept whole, as JSON pointers: what is inside them is not listed on its own.
        let kept: Vec<String> = channel_talk::parse(&bytes)
            .unwrap()
            .unknown_members()
            .iter()
            .map(|p| format!("/{}", p.replace(['.', '['], "/").replace(']', "")))
            .collect();
        for pointer in pointers {
            let mut body = clean.clone();
            body.pointer_mut(&pointer)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .insert("zzNew".into(), added.clone());
            let text = serde_json::to_string(&body).unwrap();
            let event = channel_talk::parse(text.as_bytes())
                .unwrap_or_else(|err| panic!("{path} {pointer}: {err}"));
            let back: Value = serde_json::from_str(&reserialized(&event)).unwrap();
            assert_eq!(
                back.pointer(&format!("{pointer}/zzNew")),
                Some(&added),
                "{path} {pointer}"
            );
            assert_eq!(
                channel_talk::parse(reserialized(&event).as_bytes()).unwrap(),
                event,
                "{path} {pointer}"
            );
            // Members typed as an open map (`profile`, `form`, ...) or kept whole hold no
            // typed member to miss; elsewhere the new member is listed.
            let listed = event.unknown_members();
            let untyped = ["/profile", "/form", "/alf", "/thread", "/meet", "/handling"]
                .iter()
                .chain(&["/attributes"])
                .any(|name| pointer.contains(name))
                || kept.iter().any(|kept| pointer.starts_with(kept.as_str()));
            assert_eq!(
                listed.iter().any(|p| p.ends_with("zzNew")),
                !untyped,
                "{path} {pointer}: {listed:?}"
            );
            count += 1;
        }
    }
    assert!(count > 100, "{count} objects");
}
