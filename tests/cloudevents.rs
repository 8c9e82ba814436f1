//! `ChatEvent::to_cloudevent` against the CloudEvents 1.0 specification's attribute rules.
#![cfg(feature = "cloudevents")]

mod common;

use chat_webhooks::cloudevents::{CloudEvent, TYPE_PREFIX};
use chat_webhooks::{parse_event, ChatEvent, ChatEventKind, ToChatEvent, Vendor};
use serde_json::Value;

/// The context attributes of CloudEvents 1.0: required ones present, non-empty strings;
/// optional ones well formed; extension names lowercase alphanumeric; `data` present.
#[track_caller]
fn assert_valid(json: &Value) {
    let object = json.as_object().expect("an event is a JSON object");
    for required in ["specversion", "id", "source", "type"] {
        let value = object
            .get(required)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{required} missing: {json}"));
        assert!(!value.is_empty(), "{required} is empty");
    }
    assert_eq!(object["specversion"], "1.0");
    assert!(
        !object["source"]
            .as_str()
            .unwrap()
            .contains(char::is_whitespace),
        "source is a URI-reference"
    );
    if let Some(subject) = object.get("subject") {
        assert!(!subject.as_str().unwrap().is_empty());
    }
    if let Some(time) = object.get("time") {
        chrono::DateTime::parse_from_rfc3339(time.as_str().unwrap()).expect("time is RFC 3339");
    }
    assert_eq!(object["datacontenttype"], "application/json");
    const CORE: [&str; 9] = [
        "specversion",
        "id",
        "source",
        "type",
        "subject",
        "time",
        "datacontenttype",
        "dataschema",
        "data",
    ];
    for (name, value) in object {
        assert!(
            name.len() <= 20
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
            "attribute name {name:?}"
        );
        if !CORE.contains(&name.as_str()) {
            assert!(value.is_string(), "extension {name} is a string");
        }
    }
    assert!(object["data"].is_object());
}

#[test]
fn every_fixture_makes_a_valid_cloudevent() {
    let dirs = [
        ("superoffice", cfg!(feature = "superoffice")),
        ("ebbot", cfg!(feature = "ebbot")),
        ("channel_talk", cfg!(feature = "channel-talk")),
        ("inbenta", cfg!(feature = "inbenta")),
        ("chatwoot", cfg!(feature = "chatwoot")),
    ];
    for (dir, _) in dirs.into_iter().filter(|(_, on)| *on) {
        for (path, bytes) in common::fixtures(dir) {
            let chat = parse_event(&bytes).unwrap().to_chat_event();
            let cloud = chat.to_cloudevent(&format!("/webhooks/{dir}"), &format!("{dir}:{path}"));
            let json = serde_json::to_value(&cloud).unwrap();
            assert_valid(&json);
            assert!(json["type"].as_str().unwrap().starts_with(TYPE_PREFIX));
            assert_eq!(json["chatvendor"], chat.vendor.as_str(), "{path}");
            assert_eq!(json["data"], serde_json::to_value(&chat).unwrap());
            assert_eq!(
                serde_json::from_value::<CloudEvent>(json).unwrap(),
                cloud,
                "{path}"
            );
        }
    }
}

#[test]
fn type_names_and_optional_attributes() {
    let mut event = ChatEvent::custom("acme", ChatEventKind::QueuePositionChanged);
    let cloud =
        serde_json::to_value(event.to_cloudevent("https://example.com/hooks", "d-1")).unwrap();
    assert_valid(&cloud);
    assert_eq!(cloud["type"], "chat_webhooks.queue_position_changed");
    assert_eq!(cloud["chatvendor"], "acme");
    assert!(cloud.get("subject").is_none() && cloud.get("time").is_none());

    event.chat_id = Some("c-9".into());
    event.occurred_at = chrono::DateTime::from_timestamp(1_700_000_000, 0);
    let cloud = serde_json::to_value(event.to_cloudevent("/hooks", "d-2")).unwrap();
    assert_valid(&cloud);
    assert_eq!(cloud["subject"], "c-9");
    assert_eq!(cloud["time"], "2023-11-14T22:13:20Z");
    assert_eq!(
        serde_json::to_value(
            ChatEvent::new(Vendor::Ebbot, ChatEventKind::BotFlowRun).to_cloudevent("/e", "1")
        )
        .unwrap()["type"],
        "chat_webhooks.bot_flow_run"
    );
}
