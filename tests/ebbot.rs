//! Ebbot end to end: every fixture, the published examples, message types, timestamps, errors,
//! the token practice and the common mapping.
#![cfg(feature = "ebbot")]

mod common;

use chat_webhooks::ebbot::{
    self, ButtonType, ChatStatus, ChatType, Content, Event as EbEvent, HandledBy, IntegrationType,
    Message, Sender, TextValue,
};
use chat_webhooks::{
    parse_event, parse_event_as, verify_token, Attachment, Author, ChatEventKind, ChatMessage,
    Event, Role, SignatureError, ToChatEvent, Vendor,
};
use common::{check_fixture, event_name_of, fixture, fixture_value, fixtures};
use serde_json::{json, Value};

fn ebbot(event: Event) -> EbEvent {
    match event {
        Event::Ebbot(event) => event,
        #[allow(unreachable_patterns)]
        other => panic!("not an Ebbot event: {other:?}"),
    }
}

fn variant(event: &EbEvent) -> &'static str {
    match event {
        EbEvent::ChatCreate(_) => "chat.create",
        EbEvent::ChatUpdate(_) => "chat.update",
        EbEvent::ChatDataUpdate(_) => "chat.data.update",
        EbEvent::ChatUserUpdate(_) => "chat.user.update",
        EbEvent::ChatUserMessage(_) => "chat.user.message",
        EbEvent::ChatBotMessage(_) => "chat.bot.message",
        EbEvent::ChatAgentMessage(_) => "chat.agent.message",
        EbEvent::ChatSystemMessage(_) => "chat.system.message",
        EbEvent::ChatMessage(_) => "chat.message",
        EbEvent::ChatScenarioRun(_) => "chat.scenario.run",
        EbEvent::ChatStatusChange(_) => "chat.status.change",
        EbEvent::ChatClose(_) => "chat.close",
        EbEvent::Unknown(_) => "unknown",
        _ => "new variant",
    }
}

fn parse_fixture(path: &str) -> EbEvent {
    ebbot::parse(&fixture(path)).unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// The message of a message topic, by fixture path.
fn message(path: &str) -> Message {
    match parse_fixture(path) {
        EbEvent::ChatUserMessage(w)
        | EbEvent::ChatBotMessage(w)
        | EbEvent::ChatAgentMessage(w)
        | EbEvent::ChatSystemMessage(w)
        | EbEvent::ChatMessage(w) => w.data.unwrap_or_else(|| panic!("{path}: no message")),
        _ => panic!("{path}: not a message topic"),
    }
}

const TOPICS: [&str; 12] = [
    "chat.create",
    "chat.update",
    "chat.data.update",
    "chat.user.update",
    "chat.user.message",
    "chat.bot.message",
    "chat.agent.message",
    "chat.system.message",
    "chat.message",
    "chat.scenario.run",
    "chat.status.change",
    "chat.close",
];

const CHAT: &str = "1741686137.482.3c1f9a52-7d4e-4b8a-9f06-2e5d8c71b4a3";
const CHAT_USER: &str = "9be34d8e-ac43-451b-8157-8395ec56d6e3";

#[test]
fn every_fixture_parses_to_its_variant_round_trips_and_keeps_its_keys() {
    let all = fixtures("ebbot");
    assert_eq!(all.len(), 12 + 11 + 9 + 6, "{} fixtures", all.len());
    let mut seen = std::collections::BTreeSet::new();
    for (path, bytes) in all {
        // Message variants are named after their type; their topic is inside.
        let name = if path.starts_with("ebbot/messages/") {
            fixture_value(&bytes)["topic"].as_str().unwrap().to_owned()
        } else {
            event_name_of(&path)
        };
        let event = check_fixture(&path, &bytes, &name);
        assert_eq!(event.vendor(), Vendor::Ebbot, "{path}");
        let event = ebbot(event);
        assert_eq!(variant(&event), name, "{path}");
        assert!(TOPICS.contains(&name.as_str()), "{path}");
        if !["ebbot/messages/", "ebbot/docs/", "ebbot/variants/"]
            .iter()
            .any(|folder| path.starts_with(folder))
        {
            seen.insert(name.clone());
        }
        // The vendor parse and parse_event_as agree with detection.
        assert_eq!(ebbot::parse(&bytes).unwrap(), event, "{path}");
        assert_eq!(
            parse_event_as(Vendor::Ebbot, &bytes).unwrap(),
            Event::Ebbot(event),
            "{path}"
        );
    }
    assert_eq!(seen.len(), 12, "one realistic fixture per topic: {seen:?}");
}

#[test]
fn published_examples_verbatim() {
    // The chat.user.update example ends with `},`, as published.
    let bytes = fixture("ebbot/docs/chat.user.update.json");
    assert!(bytes.ends_with(b"},\n"));
    assert!(serde_json::from_slice::<Value>(&bytes).is_err());
    let EbEvent::ChatUserUpdate(update) = ebbot::parse(&bytes).unwrap() else {
        panic!()
    };
    assert_eq!(update.bot_id.as_ref().unwrap(), "<BOT_ID>");
    let data = update.data.as_ref().unwrap();
    assert_eq!(data.id.as_ref().unwrap(), "<CHAT_ID>");
    let user = data.user.as_ref().unwrap();
    assert_eq!(user.first_name.as_deref(), Some("Name"));
    assert_eq!(user.last_name, None);
    assert_eq!(user.id.as_ref().unwrap(), "<CHAT_USER_ID>");
    let context = update.context.as_ref().unwrap();
    assert_eq!(context.company_id.as_ref().unwrap(), "");
    assert_eq!(context.user_id.as_ref().unwrap(), "");
    assert_eq!(context.impersonated_user_id.as_ref().unwrap(), "");
    assert_eq!(context.request_id.as_ref().unwrap(), "<REQUEST_ID>");
    assert_eq!(update.request_id.as_ref().unwrap(), "<REQUEST_ID>");
    assert_eq!(
        update.timestamp.as_ref().unwrap().to_string(),
        "2023-01-01T00:00:00Z"
    );

    let EbEvent::ChatCreate(create) = parse_fixture("ebbot/docs/chat.create.json") else {
        panic!()
    };
    let data = create.data.as_ref().unwrap();
    assert_eq!(data.integration_type, Some(IntegrationType::Web));
    assert_eq!(data.status, Some(ChatStatus::Ongoing));
    assert_eq!(
        data.user.as_ref().unwrap().full_name().as_deref(),
        Some("Identical Goat")
    );

    let EbEvent::ChatUpdate(update) = parse_fixture("ebbot/docs/chat.update.json") else {
        panic!()
    };
    let chat = update.chat.as_ref().unwrap();
    assert_eq!(chat.id.as_ref().unwrap(), "<CHAT_ID>");
    assert_eq!(chat.bot_id.as_ref().unwrap(), "<BOT_ID>");
    assert_eq!(chat.company_id.as_ref().unwrap(), "<COMPANY_ID>");
    assert_eq!(chat.name.as_deref(), Some("Name Goat"));
    assert_eq!(chat.integration_type, Some(IntegrationType::Web));
    assert_eq!(chat.scenario, None);
    assert_eq!(chat.chat_type, Some(ChatType::CloseChat));
    assert_eq!(chat.status, Some(ChatStatus::Ongoing));
    assert_eq!(
        chat.status_timestamp.as_ref().unwrap().to_string(),
        "2023-01-01T00:00:00.427187915Z"
    );
    assert_eq!(chat.chat_user_id.as_ref().unwrap(), "<CHAT_USER_ID>");
    assert_eq!(chat.handled_by, Some(HandledBy::Bot));
    assert_eq!(chat.handled_by_agent_timestamp, None);
    assert!(chat.transfer_data.is_empty());
    assert_eq!(chat.user_id, None);
    assert_eq!(
        chat.last_message.as_ref().unwrap().to_string(),
        "2023-01-01T00:00:00.085565643Z"
    );
    assert_eq!(chat.new_messages, Some(false.into()));
    assert!(chat.scenarios_in_progress.is_empty());
    assert!(chat.successful_scenarios.is_empty());
    assert_eq!(chat.language.as_deref(), Some("sv"));
    assert_eq!((&chat.nps, &chat.rating), (&None, &None));
    assert_eq!(chat.transfer_skill_id, None);
    assert!(chat.participants.is_empty() && chat.agents.is_empty());
    assert_eq!(
        chat.created_at.as_ref().unwrap().to_string(),
        "2023-01-01T07:34:43Z"
    );
    assert_eq!(
        chat.updated_at.as_ref().unwrap().to_string(),
        "2023-01-01T07:36:11Z"
    );
    let chat_user = chat.chat_user.as_ref().unwrap();
    assert_eq!(chat_user.id.as_ref().unwrap(), "<CHAT_USER_ID>");
    assert_eq!(chat_user.image, None);
    let info = chat_user.info.as_ref().unwrap();
    assert_eq!(info.first_name.as_deref(), Some("Identical"));
    assert_eq!(info.last_name.as_deref(), Some("Goat"));
    assert!(info.other.is_empty());
    assert_eq!(chat.supervised, Some(false));
    // The members shown as null stay null.
    let json = serde_json::to_value(&update).unwrap();
    for key in [
        "scenario",
        "handledByAgentTimestamp",
        "userId",
        "nps",
        "rating",
        "transferSkillId",
    ] {
        assert_eq!(json["chat"][key], Value::Null, "{key}");
        assert!(json["chat"].get(key).is_some(), "{key}");
    }
    assert!(json["chat"]["chat_user"].get("image").unwrap().is_null());

    let EbEvent::ChatDataUpdate(data_update) = parse_fixture("ebbot/docs/chat.data.update.json")
    else {
        panic!()
    };
    let data = data_update.data.as_ref().unwrap();
    assert_eq!(data.time_before_start.as_ref().unwrap().as_u64(), Some(0));
    assert_eq!(data.os.as_deref(), Some("Windows"));
    assert_eq!(data.user_last_input.as_deref(), Some("test"));
    assert_eq!(data.current_host.as_deref(), Some("<WEBSITE_HOST>"));
    assert_eq!(data.client_ip.as_deref(), Some("<IP_ADRESS>"));
    assert_eq!(data.browser.as_deref(), Some("chrome"));
    let theme = data.chat_theme_details.as_ref().unwrap();
    assert_eq!(theme.id.as_ref().unwrap(), "<CHAT_THEME_ID>");
    assert_eq!(
        (theme.path.as_deref(), theme.is_default),
        (None, Some(true))
    );
    assert_eq!(data.current_page.as_deref(), Some("<WEBSITE_PAGE>"));
    assert_eq!(data.platform.as_deref(), Some("web"));
    assert!(data.other.is_empty());

    let EbEvent::ChatScenarioRun(run) = parse_fixture("ebbot/docs/chat.scenario.run.json") else {
        panic!()
    };
    let data = run.data.as_ref().unwrap();
    assert_eq!(data.chat_id.as_ref().unwrap(), "<CHAT_ID>");
    let scenario = data.scenario.as_ref().unwrap();
    assert_eq!(scenario.id.as_ref().unwrap(), "<SCENARIO_ID>");
    assert_eq!(scenario.name.as_deref(), Some("<SCENARIO_NAME>"));
    assert_eq!(scenario.states, Some(1));

    let EbEvent::ChatStatusChange(change) = parse_fixture("ebbot/docs/chat.status.change.json")
    else {
        panic!()
    };
    let data = change.data.as_ref().unwrap();
    assert_eq!(data.status, Some(ChatStatus::Ongoing));
    assert_eq!(data.supervised, Some(false));
    assert_eq!(data.chat_type, Some(ChatType::Scenario));

    // Messages: value before type in the message topics.
    let user = message("ebbot/docs/chat.user.message.json");
    assert_eq!(user.chat_id.as_ref().unwrap(), "<CHAT_ID>");
    assert_eq!(user.sender, Some(Sender::User));
    assert_eq!(user.content, Content::Text(TextValue::from("<MESSAGE>")));
    assert_eq!(user.id.as_ref().unwrap(), "<USER_ID>");

    let bot = message("ebbot/docs/chat.bot.message.json");
    assert_eq!(bot.sender, Some(Sender::Bot));
    let Content::Url(url) = &bot.content else {
        panic!("{:?}", bot.content)
    };
    assert_eq!(
        url.description.as_deref(),
        Some("Didn't quite get that... Would you like human help instead?")
    );
    assert_eq!(url.urls.len(), 2);
    assert_eq!(
        url.urls[0].id.as_ref().unwrap(),
        "ef7af21c-d875-41f2-9d36-6bfe191cd58c"
    );
    assert_eq!(url.urls[0].label.as_deref(), Some("Yes"));
    assert_eq!(url.urls[0].button_type, Some(ButtonType::Scenario));
    let next = url.urls[0].next.as_ref().unwrap();
    assert_eq!(next.scenario.as_ref().unwrap(), "<SCENARIO_ID>");
    assert_eq!(
        next.state.as_ref().unwrap(),
        "fba34726-bd31-4ef2-964a-3cf9a64f5df5"
    );
    assert_eq!(url.urls[1].label.as_deref(), Some("No"));
    assert_eq!(url.urls[1].next, None);

    let agent = message("ebbot/docs/chat.agent.message.json");
    assert_eq!(agent.sender, Some(Sender::Agent));
    assert_eq!(agent.content.text(), Some("<MESSAGE>"));

    let system = message("ebbot/docs/chat.system.message.json");
    assert_eq!(system.sender, Some(Sender::System));
    assert_eq!(
        system.content,
        Content::TextInfo(TextValue::from("<MESSAGE>"))
    );

    // chat.close: type before value.
    let EbEvent::ChatClose(close) = parse_fixture("ebbot/docs/chat.close.json") else {
        panic!()
    };
    let conversation = &close.data.as_ref().unwrap().conversation;
    let types: Vec<_> = conversation
        .iter()
        .map(|m| m.content.type_name().unwrap())
        .collect();
    assert_eq!(types, ["scenario", "rating_request", "rating", "url"]);
    let Content::Scenario(scenario) = &conversation[0].content else {
        panic!()
    };
    assert_eq!(scenario.scenario.as_ref().unwrap(), "<SCENARIO_ID>");
    assert_eq!(scenario.state, None);
    let Content::RatingRequest(request) = &conversation[1].content else {
        panic!()
    };
    assert_eq!(request.question.as_deref(), Some("<MESSAGE>"));
    let Content::Rating(rating) = &conversation[2].content else {
        panic!()
    };
    assert_eq!(rating.rating.as_ref().unwrap().as_u64(), Some(5));
    let Content::Url(url) = &conversation[3].content else {
        panic!()
    };
    assert_eq!(url.urls[0].button_type, Some(ButtonType::Url));
    assert_eq!(url.urls[0].value.as_deref(), Some("ebbot://reset"));
    assert_eq!(conversation[3].chat_id, None);
}

#[test]
fn timestamps_in_every_form() {
    // Message timestamps: decimal milliseconds (user, bot, system) ...
    let user = message("ebbot/docs/chat.user.message.json");
    let ts = user.timestamp.as_ref().unwrap();
    assert_eq!(ts.as_datetime().timestamp(), 1_672_531_200);
    assert_eq!(ts.as_datetime().timestamp_subsec_nanos(), 397_183);
    assert_eq!(
        serde_json::to_value(ts).unwrap(),
        json!("1672531200000.397183857")
    );
    // ... and decimal seconds (agent, chat.close), to the nanosecond.
    let agent = message("ebbot/docs/chat.agent.message.json");
    let ts = agent.timestamp.as_ref().unwrap();
    assert_eq!(ts.as_datetime().timestamp(), 1_672_531_200);
    assert_eq!(ts.as_datetime().timestamp_subsec_nanos(), 310_412_954);
    assert_eq!(
        serde_json::to_value(ts).unwrap(),
        json!("1672531200.310412954")
    );
    let real_user = message("ebbot/chat.user.message.json");
    assert_eq!(
        real_user.timestamp.as_ref().unwrap().to_string(),
        "2025-03-11T09:42:32.004918273Z"
    );
    let real_agent = message("ebbot/chat.agent.message.json");
    assert_eq!(
        real_agent.timestamp.as_ref().unwrap().to_string(),
        "2025-03-11T09:43:21.310412954Z"
    );

    // The envelope: integer milliseconds, written back as such.
    let EbEvent::ChatAgentMessage(w) = parse_fixture("ebbot/chat.agent.message.json") else {
        panic!()
    };
    let ts = w.timestamp.as_ref().unwrap();
    assert_eq!(ts.as_datetime().timestamp_millis(), 1_741_686_201_311);
    assert_eq!(
        serde_json::to_value(ts).unwrap(),
        json!(1_741_686_201_311u64)
    );

    // The chat.close example's timestamps are not in order; the array order is kept.
    let EbEvent::ChatClose(close) = parse_fixture("ebbot/docs/chat.close.json") else {
        panic!()
    };
    let times: Vec<_> = close.data.as_ref().unwrap().conversation[1..3]
        .iter()
        .map(|m| m.timestamp.clone().unwrap())
        .collect();
    assert!(times[0] > times[1]);
}

#[test]
fn every_message_type_keeps_its_value_shape() {
    // image and file: the upload, with members this crate does not type kept.
    let image = message("ebbot/messages/image.json");
    let Content::Image(file) = &image.content else {
        panic!("{:?}", image.content)
    };
    assert_eq!(file.filename.as_deref(), Some("kvitto.jpg"));
    assert_eq!(file.key.as_deref(), Some("uploads/9f2d4c1a-kvitto.jpg"));
    assert_eq!(file.size, Some(184_233));
    assert_eq!(file.mimetype.as_deref(), Some("image/jpeg"));
    assert!(file.other.is_empty());
    assert_eq!(image.content.text(), None);

    let file_message = message("ebbot/messages/file.json");
    let Content::File(file) = &file_message.content else {
        panic!()
    };
    assert_eq!(
        file.url.as_deref(),
        Some("https://files.ebbot.app/ebt3w8n1c6vq0kz5m2xj9hr4dp7gla/uploads/3b7e0d9f-returformular.pdf")
    );
    assert!(file.other.is_empty());

    // carousel: slides with buttons; here `type` comes before `value`.
    let carousel = message("ebbot/messages/carousel.json");
    let Content::Carousel(value) = &carousel.content else {
        panic!()
    };
    assert_eq!(value.slides.len(), 2);
    assert_eq!(value.slides[0].title.as_deref(), Some("Vinterjacka Fjäll"));
    assert_eq!(
        value.slides[1].url.as_deref(),
        Some("https://www.nordvikshop.se/media/skur-byxor.jpg")
    );
    assert_eq!(value.slides[1].urls.len(), 2);
    assert_eq!(
        value.slides[1].urls[1].button_type,
        Some(ButtonType::Scenario)
    );
    assert_eq!(carousel.content.text(), None);

    let variable = message("ebbot/messages/variable.json");
    let Content::Variable(value) = &variable.content else {
        panic!()
    };
    assert_eq!(value.name.as_deref(), Some("delivery_country"));
    assert_eq!(value.value, Some(raw(json!("SE"))));

    // gpt: a string, or an object with `text`.
    let gpt = message("ebbot/chat.message.json");
    assert!(matches!(&gpt.content, Content::Gpt(TextValue::Plain(_))));
    let gpt = message("ebbot/messages/gpt_object.json");
    let Content::Gpt(TextValue::Object(object)) = &gpt.content else {
        panic!()
    };
    assert_eq!(
        gpt.content.text(),
        Some("Order 100482 beräknas levereras i morgon.")
    );
    assert!(common::member(&object.other, "sources").is_array());

    let click = message("ebbot/messages/button_click.json");
    assert_eq!(
        click.content,
        Content::ButtonClick(TextValue::from("Var är mitt paket?"))
    );

    let scenario = message("ebbot/messages/scenario.json");
    let Content::Scenario(value) = &scenario.content else {
        panic!()
    };
    assert_eq!(
        value.state.as_ref().unwrap(),
        "5c9e1a7d-3f84-4b26-a0e3-9d2f6b8c1e74"
    );

    // An unknown type keeps its type and its value as JSON.
    let unknown = message("ebbot/messages/unknown_type.json");
    assert_eq!(
        unknown.content,
        Content::Other {
            type_name: Some("input_field".into()),
            value: Some(raw(json!({
                "placeholder": "Skriv ditt ordernummer",
                "visible": true,
                "validation": "^[0-9]{6}$"
            }))),
        }
    );
    assert_eq!(unknown.content.type_name(), Some("input_field"));

    // An unknown sender is kept too.
    let configuration = message("ebbot/messages/unknown_sender.json");
    assert_eq!(
        configuration.sender,
        Some(Sender::Unknown("configuration".into()))
    );
    assert_eq!(
        configuration.sender.as_ref().unwrap().as_str(),
        "configuration"
    );
}

#[test]
fn type_and_value_in_either_order() {
    let value_first = br#"{"id": "m1", "value": {"description": "Hej", "urls": [{"label": "Ja"}]}, "type": "url"}"#;
    let type_first = br#"{"id": "m1", "type": "url", "value": {"description": "Hej", "urls": [{"label": "Ja"}]}}"#;
    let a: Message = serde_json::from_slice(value_first).unwrap();
    let b: Message = serde_json::from_slice(type_first).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.content.text(), Some("Hej"));
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        r#"{"id":"m1","type":"url","value":{"description":"Hej","urls":[{"label":"Ja"}]}}"#
    );

    // Without a type, or with a null or absent value, nothing is lost.
    for (json, content) in [
        (
            r#"{"value": "hej"}"#,
            Content::Other {
                type_name: None,
                value: Some(raw(json!("hej"))),
            },
        ),
        (
            r#"{"type": "text"}"#,
            Content::Other {
                type_name: Some("text".into()),
                value: None,
            },
        ),
        (
            r#"{"type": "text", "value": null}"#,
            Content::Other {
                type_name: Some("text".into()),
                value: Some(raw(Value::Null)),
            },
        ),
        (
            r#"{"value": null, "type": "url"}"#,
            Content::Other {
                type_name: Some("url".into()),
                value: Some(raw(Value::Null)),
            },
        ),
        ("{}", Content::default()),
    ] {
        let message: Message = serde_json::from_str(json).unwrap();
        assert_eq!(message.content, content, "{json}");
        let back = serde_json::to_value(&message).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(json).unwrap(), "{json}");
    }

    // Unknown members of a message are ignored; a repeated one is an error.
    let message: Message =
        serde_json::from_str(r#"{"type": "text", "visibility": "chat", "value": "hej"}"#).unwrap();
    assert_eq!(message.content.text(), Some("hej"));
    let err = serde_json::from_str::<Message>(r#"{"type": "text", "type": "gpt"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "duplicate field `type` at line 1 column 23"
    );
}

#[test]
fn chat_user_info_is_a_json_document_in_a_string() {
    let bytes = fixture("ebbot/chat.update.json");
    let EbEvent::ChatUpdate(update) = ebbot::parse(&bytes).unwrap() else {
        panic!()
    };
    let chat_user = update.chat.as_ref().unwrap().chat_user.as_ref().unwrap();
    let info = chat_user.info.as_ref().unwrap();
    assert_eq!(info.first_name.as_deref(), Some("Elin"));
    assert_eq!(info.last_name.as_deref(), Some("Sjöberg"));
    assert_eq!(
        common::member(&info.other, "email"),
        "elin.sjoberg@example.se"
    );
    assert_eq!(info.full_name().as_deref(), Some("Elin Sjöberg"));
    // Written back as a string, byte for byte.
    let json = serde_json::to_value(&update).unwrap();
    assert_eq!(
        json["chat"]["chat_user"]["info"],
        fixture_value(&bytes)["chat"]["chat_user"]["info"]
    );
    assert_eq!(
        json["chat"]["chat_user"]["info"],
        r#"{"first_name":"Elin","last_name":"Sjöberg","email":"elin.sjoberg@example.se"}"#
    );

    // A changed info is written back as a string too.
    let mut update = update;
    let chat = update.chat.as_mut().unwrap();
    let info = chat.chat_user.as_mut().unwrap().info.as_mut().unwrap();
    info.first_name = Some("Eli".into());
    let json = serde_json::to_value(&update).unwrap();
    assert_eq!(
        json["chat"]["chat_user"]["info"],
        r#"{"first_name":"Eli","last_name":"Sjöberg","email":"elin.sjoberg@example.se"}"#
    );

    let body = br#"{"topic": "chat.update", "chat": {"chat_user": {"info": null}}}"#;
    let EbEvent::ChatUpdate(update) = ebbot::parse(body).unwrap() else {
        panic!()
    };
    assert_eq!(update.chat.unwrap().chat_user.unwrap().info, None);
}

#[test]
fn only_the_topic_is_required() {
    for topic in TOPICS {
        let body = format!(r#"{{"topic": "{topic}"}}"#);
        let event = ebbot::parse(body.as_bytes()).unwrap();
        assert_eq!(variant(&event), topic);
        assert_eq!(event.event_name(), topic);
        // `botId` is written even when absent: with it, `parse_event` recognises the JSON.
        let json = serde_json::to_string(&event).unwrap();
        assert_eq!(json, format!(r#"{{"topic":"{topic}","botId":null}}"#));
        assert_eq!(
            chat_webhooks::parse_event(json.as_bytes()).unwrap(),
            chat_webhooks::Event::Ebbot(event)
        );
    }
    let nulls =
        br#"{"topic": "chat.close", "botId": null, "data": {"id": null, "conversation": null},
        "context": null, "requestId": null, "timestamp": null}"#;
    let EbEvent::ChatClose(close) = ebbot::parse(nulls).unwrap() else {
        panic!()
    };
    assert_eq!(close.bot_id, None);
    assert!(close.data.as_ref().unwrap().conversation.is_empty());
    let nulls = br#"{"topic": "chat.update", "chat": {"transfer_data": null, "participants": null, "status": null}}"#;
    let EbEvent::ChatUpdate(update) = ebbot::parse(nulls).unwrap() else {
        panic!()
    };
    let chat = update.chat.unwrap();
    assert!(chat.transfer_data.is_empty() && chat.participants.is_empty());
    assert_eq!(chat.status, None);
    // Detection needs botId as well; the vendor parse does not.
    let err = parse_event(br#"{"topic": "chat.create"}"#).unwrap_err();
    assert_eq!(err.classify(), chat_webhooks::Category::Vendor);
}

#[test]
fn tolerated_input() {
    let clean = fixture("ebbot/chat.create.json");
    let expected = parse_event(&clean).unwrap();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&clean);
    assert_eq!(parse_event(&with_bom).unwrap(), expected);

    let text = String::from_utf8(clean).unwrap();
    let commas = text
        .replace("\"Otter\"\n", "\"Otter\",\n")
        .replace(
            "\"timestamp\": 1741686137482\n",
            "\"timestamp\": 1741686137482,\n",
        )
        .replace("\n}\n", "\n},\n");
    assert_ne!(commas, text);
    assert_eq!(parse_event(commas.as_bytes()).unwrap(), expected);

    // Ids as numbers; unknown enum values and members kept or ignored; topic case.
    let body = br#"{"topic": "Chat.Status.Change", "botId": 42, "data": {"id": 1741686137,
        "status": "queued", "type": "transfer", "priority": 3}}"#;
    let event = ebbot(parse_event(body).unwrap());
    assert_eq!(event.event_name(), "Chat.Status.Change");
    let EbEvent::ChatStatusChange(change) = &event else {
        panic!()
    };
    assert_eq!(change.bot_id.as_ref().unwrap().as_i64(), Some(42));
    let data = change.data.as_ref().unwrap();
    assert_eq!(data.id.as_ref().unwrap().as_i64(), Some(1_741_686_137));
    assert_eq!(data.status, Some(ChatStatus::Unknown("queued".into())));
    assert_eq!(data.chat_type.as_ref().unwrap().as_str(), "transfer");
    let json = serde_json::to_value(&event).unwrap();
    assert_eq!(json["botId"], 42);
    assert_eq!(json["data"]["status"], "queued");
}

#[test]
fn exact_error_messages() {
    let cases: &[(&[u8], &str)] = &[
        (
            br#"{"topic": "chat.close", "data": {"conversation": [{"timestamp": "1672531200.1"}, {"timestamp": true}]}}"#,
            "ebbot chat.close: data.conversation[1].timestamp: invalid type: boolean `true`, expected a timestamp (RFC 3339, ISO 8601, or epoch seconds or milliseconds) at line 1 column 99",
        ),
        (
            br#"{"topic": "chat.close", "data": {"conversation": [{"id": "a"}, {"timestamp": "yesterday"}]}}"#,
            "ebbot chat.close: data.conversation[1].timestamp: invalid timestamp \"yesterday\", expected RFC 3339, an ISO 8601 date-time, or epoch seconds or milliseconds at line 1 column 88",
        ),
        // `type` first: the value is read in place and the path goes into it.
        (
            br#"{"topic": "chat.bot.message", "data": {"type": "url", "value": {"urls": [{"label": 5}]}}}"#,
            "ebbot chat.bot.message: data.value.urls[0].label: invalid type: integer `5`, expected a string at line 1 column 84",
        ),
        // `value` first (as Ebbot sends it): the path inside the value is in the message.
        (
            br#"{"topic": "chat.bot.message", "data": {"value": {"urls": [{"label": 5}]}, "type": "url"}}"#,
            "ebbot chat.bot.message: data: value.urls[0].label: invalid type: integer `5`, expected a string at line 1 column 88",
        ),
        (
            br#"{"topic": "chat.user.message", "data": {"value": 5, "type": "text"}}"#,
            "ebbot chat.user.message: data: value: invalid type: integer `5`, expected text (a string, or an object with a `text` member) at line 1 column 67",
        ),
        (
            br#"{"topic": "chat.update", "chat": {"chat_user": {"info": "{\"first_name\": }"}}}"#,
            "ebbot chat.update: chat.chat_user.info: invalid JSON document in the string: expected value (line 1 column 16 of the document) at line 1 column 76",
        ),
        (
            br#"{"topic": "chat.create", "data": {"status": 1}}"#,
            "ebbot chat.create: data.status: invalid type: integer `1`, expected a string at line 1 column 45",
        ),
        (
            br#"{"topic": 5, "botId": "x"}"#,
            "ebbot: topic: invalid type: a number, expected a string",
        ),
        (
            b"{\"topic\": \"chat.create\",\n \"botId\": \"x\"\n \"data\": {}}",
            "ebbot chat.create: expected `,` or `}` at line 3 column 2",
        ),
    ];
    let mut wrong = Vec::new();
    for (body, message) in cases {
        let err = ebbot::parse(body).unwrap_err();
        if err.to_string() != *message {
            wrong.push(format!("{}\n  got: {err}", String::from_utf8_lossy(body)));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let err = ebbot::parse(br#"{"botId": "x"}"#).unwrap_err();
    assert_eq!(err.to_string(), "ebbot: missing field `topic`");
    assert!(err.is_data());

    let err = parse_event(
        br#"{"topic": "chat.close", "botId": "x", "data": {"conversation": [{}, {"timestamp": []}]}}"#,
    )
    .unwrap_err();
    assert_eq!(err.vendor(), Some(Vendor::Ebbot));
    assert_eq!(err.event(), Some("chat.close"));
    assert_eq!(err.path(), Some("data.conversation[1].timestamp"));
}

#[test]
fn unknown_topics_are_kept_raw() {
    let body = br#"{"topic":"chat.transfer","botId":"ebq7m2x9k4tz1wv8c3hn5rd0pj6fys","data":{"chatId":"1741686137.482.3c1f9a52-7d4e-4b8a-9f06-2e5d8c71b4a3","skill":{"id":7,"name":"Leveranser"}},"context":{"company_id":"","user_id":"","impersonated_user_id":"","request_id":"d1e5f9a3-6b27-4c84-8e0d-3a7f2b9c5e61"},"requestId":"d1e5f9a3-6b27-4c84-8e0d-3a7f2b9c5e61","timestamp":1741686300125}"#;
    let event = parse_event(body).unwrap();
    assert_eq!(event.event_name(), "chat.transfer");
    let EbEvent::Unknown(unknown) = ebbot(event.clone()) else {
        panic!()
    };
    assert_eq!(unknown.name(), "chat.transfer");
    assert_eq!(unknown.json().get().as_bytes(), body);
    assert_eq!(serde_json::to_vec(&event).unwrap(), body);
    common::assert_round_trip(&event);
    // Its envelope can still be read.
    let envelope: ebbot::Webhook<Value> = unknown.deserialize().unwrap();
    assert_eq!(envelope.data.unwrap()["skill"]["name"], "Leveranser");

    let chat = event.to_chat_event();
    assert_eq!(chat.kind, ChatEventKind::Other);
    assert_eq!(chat.event_name.as_deref(), Some("chat.transfer"));
    assert_eq!(
        chat.event_id.as_deref(),
        Some("d1e5f9a3-6b27-4c84-8e0d-3a7f2b9c5e61")
    );
    assert_eq!(chat.chat_id.as_deref(), Some(CHAT));
    assert_eq!(
        chat.occurred_at.unwrap().to_rfc3339(),
        "2025-03-11T09:45:00.125+00:00"
    );
    assert_eq!((chat.message, chat.participant), (None, None));

    // With a payload that is not an object, only the name is known.
    let event =
        parse_event(br#"{"topic": "chat.ping", "botId": "x", "data": 5, "timestamp": "soon"}"#)
            .unwrap();
    let chat = event.to_chat_event();
    assert_eq!(chat.event_name.as_deref(), Some("chat.ping"));
    assert_eq!(
        (chat.event_id, chat.chat_id, chat.occurred_at),
        (None, None, None)
    );
}

#[test]
fn secret_token_in_the_webhook_url() {
    // Ebbot signs nothing: put a random token in the webhook URL and check it on receipt.
    const TOKEN: &str = "7f3c9a1e5b2d48c6a0e4f8b1d3c5e7a9";
    let url_path = format!("/hooks/ebbot/{TOKEN}");
    let received = url_path.rsplit('/').next().unwrap();
    assert_eq!(verify_token(TOKEN, received), Ok(()));
    let query = format!("token={TOKEN}&x=1");
    let received = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
        .unwrap();
    assert_eq!(verify_token(TOKEN, received), Ok(()));
    assert_eq!(
        verify_token(TOKEN, "7f3c9a1e5b2d48c6a0e4f8b1d3c5e7a8"),
        Err(SignatureError::TokenMismatch)
    );
    assert_eq!(verify_token(TOKEN, ""), Err(SignatureError::EmptyToken));
}

fn chat_message(
    role: Role,
    id: &str,
    text: Option<&str>,
    content_type: &str,
    sent_at: &str,
) -> ChatMessage {
    let mut message = ChatMessage::new(Author::new(role));
    message.id = Some(id.into());
    message.text = text.map(Into::into);
    message.content_type = Some(content_type.to_owned().into());
    message.sent_at = Some(sent_at.parse().unwrap());
    message
}

#[test]
fn common_mapping() {
    let chat = |path: &str| parse_event(&fixture(path)).unwrap().to_chat_event();

    let created = chat("ebbot/chat.create.json");
    assert_eq!(created.vendor, Vendor::Ebbot);
    assert_eq!(created.kind, ChatEventKind::ChatStarted);
    assert_eq!(created.event_name.as_deref(), Some("chat.create"));
    assert_eq!(
        created.event_id.as_deref(),
        Some("37623a98-711f-40c6-be8d-69ac9153d35f")
    );
    assert_eq!(created.chat_id.as_deref(), Some(CHAT));
    assert_eq!(
        created.occurred_at.unwrap().to_rfc3339(),
        "2025-03-11T09:42:17.482+00:00"
    );
    assert_eq!(created.status.as_deref(), Some("ongoing"));
    let participant = created.participant.unwrap();
    assert_eq!(participant.role, Role::Customer);
    assert_eq!(participant.name.as_deref(), Some("Curious Otter"));
    assert_eq!(participant.id, None);
    assert_eq!(created.message, None);

    let updated = chat("ebbot/chat.update.json");
    assert_eq!(updated.kind, ChatEventKind::ChatUpdated);
    assert_eq!(updated.event_name.as_deref(), Some("chat.update"));
    assert_eq!(
        updated.event_id.as_deref(),
        Some("7f40c00c-80ec-49ed-ad81-4a65cc1db5ee")
    );
    assert_eq!(updated.chat_id.as_deref(), Some(CHAT));
    assert_eq!(updated.status.as_deref(), Some("ongoing"));
    assert_eq!(
        updated.occurred_at.unwrap().to_rfc3339(),
        "2025-03-11T09:43:22.018+00:00"
    );
    assert_eq!((updated.participant, updated.message), (None, None));

    let data = chat("ebbot/chat.data.update.json");
    assert_eq!(data.kind, ChatEventKind::ChatUpdated);
    assert_eq!(data.chat_id.as_deref(), Some(CHAT));
    assert_eq!(data.status, None);

    let user = chat("ebbot/chat.user.update.json");
    assert_eq!(user.kind, ChatEventKind::UserUpdated);
    assert_eq!(user.chat_id.as_deref(), Some(CHAT));
    let participant = user.participant.unwrap();
    assert_eq!(participant.role, Role::Customer);
    assert_eq!(participant.id.as_deref(), Some(CHAT_USER));
    assert_eq!(participant.name.as_deref(), Some("Elin Sjöberg"));
    // The published example: a first name only.
    let docs_user = chat("ebbot/docs/chat.user.update.json");
    let participant = docs_user.participant.unwrap();
    assert_eq!(participant.name.as_deref(), Some("Name"));
    assert_eq!(participant.id.as_deref(), Some("<CHAT_USER_ID>"));

    for (path, topic, role, id, text, content_type, sent_at) in [
        (
            "ebbot/chat.user.message.json",
            "chat.user.message",
            Role::Customer,
            "29656693-b801-4c35-8b22-794dba827ba0",
            Some("Var är mitt paket? Ordernummer 100482"),
            "text",
            "2025-03-11T09:42:32.004918273Z",
        ),
        (
            "ebbot/chat.bot.message.json",
            "chat.bot.message",
            Role::Bot,
            "2638033e-3ed5-42ba-a529-e0748d74d771",
            Some("Hej och välkommen till Nordvik! Vad kan jag hjälpa dig med?"),
            "url",
            "2025-03-11T09:42:18.511284913Z",
        ),
        (
            "ebbot/chat.agent.message.json",
            "chat.agent.message",
            Role::Agent,
            "14eb2c1d-c8c7-46c0-9143-ee1d8f3586e6",
            Some("Hej Elin! Jag ser att paketet ligger på terminalen i Jönköping. Det körs ut i morgon förmiddag."),
            "text",
            "2025-03-11T09:43:21.310412954Z",
        ),
        (
            "ebbot/chat.system.message.json",
            "chat.system.message",
            Role::System,
            "d838a9c3-5564-4aea-931e-8ab61fb02940",
            Some("Jonas har anslutit till chatten."),
            "text_info",
            "2025-03-11T09:43:10.066730145Z",
        ),
        (
            "ebbot/chat.message.json",
            "chat.message",
            Role::Bot,
            "c47e992c-1dec-4fee-9e32-444546b4eab7",
            Some("Order 100482 skickades i går med PostNord och beräknas levereras i morgon. Vill du att en kollega tittar närmare på den?"),
            "gpt",
            "2025-03-11T09:42:34.720553190Z",
        ),
        (
            "ebbot/messages/unknown_sender.json",
            "chat.message",
            Role::Unknown,
            "7e3b1f9a-5c28-4d60-9a4e-1b8d2f6c3a97",
            Some("Hej! Vi svarar vanligtvis inom några minuter."),
            "text",
            "2025-03-11T09:42:17.910226501Z",
        ),
        (
            "ebbot/messages/carousel.json",
            "chat.bot.message",
            Role::Bot,
            "6a2d8f4c-0b19-4e73-9d5a-3c8e1f7b2a64",
            None,
            "carousel",
            "2025-03-11T09:42:19.033905127Z",
        ),
        (
            "ebbot/messages/unknown_type.json",
            "chat.bot.message",
            Role::Bot,
            "f2a7c9e4-1b36-4d58-8e0f-6c3d9a2b7e15",
            None,
            "input_field",
            "2025-03-11T09:42:26.501774019Z",
        ),
        (
            "ebbot/messages/gpt_object.json",
            "chat.bot.message",
            Role::Bot,
            "e4b8d1f3-7a26-4c95-b0e7-3f9a2c6d1e58",
            Some("Order 100482 beräknas levereras i morgon."),
            "gpt",
            "2025-03-11T09:42:34.720553190Z",
        ),
        (
            "ebbot/messages/button_click.json",
            "chat.user.message",
            Role::Customer,
            "1d7c5a3e-9b82-4f64-a0d1-8e3b6f9c2a47",
            Some("Var är mitt paket?"),
            "button_click",
            "2025-03-11T09:42:21.889402716Z",
        ),
        (
            "ebbot/messages/variable.json",
            "chat.user.message",
            Role::Customer,
            "b5c2e8a1-6d39-4f07-9e4b-2a7f1c3d8e60",
            None,
            "variable",
            "2025-03-11T09:42:25.275018364Z",
        ),
        (
            "ebbot/messages/scenario.json",
            "chat.user.message",
            Role::Customer,
            "a26e0e7c-67aa-4364-9f80-f8ed0afcd5d0",
            None,
            "scenario",
            "2025-03-11T09:42:40.112907345Z",
        ),
    ] {
        let event = chat(path);
        assert_eq!(event.kind, ChatEventKind::MessageCreated, "{path}");
        assert_eq!(event.event_name.as_deref(), Some(topic), "{path}");
        assert_eq!(event.chat_id.as_deref(), Some(CHAT), "{path}");
        assert!(event.event_id.is_some() && event.occurred_at.is_some());
        assert_eq!(
            event.message,
            Some(chat_message(role, id, text, content_type, sent_at)),
            "{path}"
        );
    }

    // Files become attachments; no text is made up for them.
    let image = chat("ebbot/messages/image.json");
    let message = image.message.unwrap();
    assert_eq!(message.text, None);
    assert_eq!(message.content_type.as_deref(), Some("image"));
    let mut attachment = Attachment::new(Some(
        "https://files.ebbot.app/ebt3w8n1c6vq0kz5m2xj9hr4dp7gla/uploads/9f2d4c1a-kvitto.jpg".into(),
    ));
    attachment.name = Some("kvitto.jpg".into());
    attachment.content_type = Some("image/jpeg".into()); // the MIME type, not the kind
    assert_eq!(message.attachments, [attachment]);
    let file = chat("ebbot/messages/file.json").message.unwrap();
    assert_eq!(file.author.role, Role::Agent);
    assert_eq!(file.attachments.len(), 1);
    assert_eq!(
        file.attachments[0].name.as_deref(),
        Some("returformular.pdf")
    );
    assert_eq!(file.attachments[0].content_type.as_deref(), Some("file"));

    let run = chat("ebbot/chat.scenario.run.json");
    assert_eq!(run.kind, ChatEventKind::BotFlowRun);
    assert_eq!(run.chat_id.as_deref(), Some(CHAT));
    assert_eq!(
        run.event_id.as_deref(),
        Some("aa39b5f2-f6ec-4fec-9a84-5a962898e1a2")
    );

    let status = chat("ebbot/chat.status.change.json");
    assert_eq!(status.kind, ChatEventKind::ChatUpdated);
    assert_eq!(status.chat_id.as_deref(), Some(CHAT));
    assert_eq!(status.status.as_deref(), Some("ongoing"));

    let closed = chat("ebbot/chat.close.json");
    assert_eq!(closed.kind, ChatEventKind::ChatClosed);
    assert_eq!(closed.chat_id.as_deref(), Some(CHAT));
    assert_eq!(
        closed.event_id.as_deref(),
        Some("3c47746a-76c7-4b76-806e-876667fbb53b")
    );
    assert_eq!(
        closed.occurred_at.unwrap().to_rfc3339(),
        "2025-03-11T09:44:23.870+00:00"
    );
    assert_eq!(closed.message, None);
    let transcript: Vec<_> = closed
        .transcript
        .iter()
        .map(|m| {
            (
                m.author.role,
                m.content_type.as_deref().unwrap(),
                m.text.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        transcript,
        [
            (
                Role::Bot,
                "url",
                Some("Hej och välkommen till Nordvik! Vad kan jag hjälpa dig med?")
            ),
            (
                Role::Customer,
                "text",
                Some("Var är mitt paket? Ordernummer 100482")
            ),
            (
                Role::Bot,
                "gpt",
                Some("Order 100482 skickades i går med PostNord och beräknas levereras i morgon. Vill du att en kollega tittar närmare på den?")
            ),
            (Role::Customer, "scenario", None),
            (
                Role::System,
                "text_info",
                Some("Jonas har anslutit till chatten.")
            ),
            (
                Role::Agent,
                "text",
                Some("Hej Elin! Jag ser att paketet ligger på terminalen i Jönköping. Det körs ut i morgon förmiddag.")
            ),
            (
                Role::Bot,
                "rating_request",
                None
            ),
            (Role::Customer, "rating", None),
        ]
    );
    assert_eq!(
        closed.transcript[7],
        chat_message(
            Role::Customer,
            "937ee6b7-e18c-4cea-a6da-4b9b7891ecf6",
            None,
            "rating",
            "2025-03-11T09:44:22.575724287Z"
        )
    );

    // A closed status closes the chat; an unknown one leaves it open.
    for (status, kind) in [
        ("closed", ChatEventKind::ChatClosed),
        ("Ended", ChatEventKind::ChatClosed),
        ("ongoing", ChatEventKind::ChatUpdated),
        ("queued", ChatEventKind::ChatUpdated),
    ] {
        let body = format!(
            r#"{{"topic": "chat.status.change", "botId": "x", "data": {{"id": "c1", "status": "{status}"}}}}"#
        );
        let event = parse_event(body.as_bytes()).unwrap().to_chat_event();
        assert_eq!((event.kind, event.status.as_deref()), (kind, Some(status)));
        let body = format!(
            r#"{{"topic": "chat.update", "botId": "x", "chat": {{"id": "c1", "status": "{status}"}}}}"#
        );
        let event = parse_event(body.as_bytes()).unwrap().to_chat_event();
        assert_eq!(event.kind, kind);
        assert_eq!(event.chat_id.as_deref(), Some("c1"));
    }

    // Nothing is invented: an empty webhook gives only its kind and name.
    let event = ebbot::parse(br#"{"topic": "chat.agent.message"}"#)
        .unwrap()
        .to_chat_event();
    assert_eq!(event.kind, ChatEventKind::MessageCreated);
    assert_eq!(event.event_name.as_deref(), Some("chat.agent.message"));
    assert_eq!(
        (
            event.event_id,
            event.chat_id,
            event.occurred_at,
            event.message
        ),
        (None, None, None, None)
    );
    // requestId falls back to context.request_id.
    let event = ebbot::parse(br#"{"topic": "chat.create", "context": {"request_id": "r-1"}}"#)
        .unwrap()
        .to_chat_event();
    assert_eq!(event.event_id.as_deref(), Some("r-1"));

    // The vendor event converts the same way as the crate-level one.
    let vendor = ebbot::parse(&fixture("ebbot/chat.close.json")).unwrap();
    assert_eq!(vendor.to_chat_event(), chat("ebbot/chat.close.json"));
}

/// A JSON value as kept raw.
fn raw(value: Value) -> chat_webhooks::RawJson {
    chat_webhooks::RawJson::from_value(&value).unwrap()
}
