//! One envelope: the `Event` accessors (`event_name`, `event_id`, `chat_id`, `occurred_at`)
//! and the common model (`to_chat_event`, `into_chat_event`) say the same, on every fixture
//! and on generated events of unknown names, whose envelopes are read from their raw JSON.

mod common;

use chat_webhooks::{parse_event, parse_event_as, Event, ToChatEvent, Vendor};
use proptest::prelude::*;

#[track_caller]
fn assert_agree(what: &str, event: &Event) {
    let chat = event.to_chat_event();
    assert_eq!(chat.vendor, event.vendor(), "{what}: vendor");
    assert_eq!(
        chat.event_name.as_deref(),
        Some(event.event_name()),
        "{what}: event_name"
    );
    assert_eq!(
        chat.event_id.as_deref(),
        event.event_id(),
        "{what}: event_id"
    );
    assert_eq!(chat.chat_id.as_deref(), event.chat_id(), "{what}: chat_id");
    assert_eq!(chat.occurred_at, event.occurred_at(), "{what}: occurred_at");
    assert_eq!(
        event.clone().into_chat_event(),
        chat,
        "{what}: into_chat_event"
    );
}

#[test]
fn accessors_and_the_common_model_agree_on_every_fixture() {
    let mut checked = 0;
    for dir in common::enabled_dirs() {
        for (path, bytes) in common::fixtures(dir) {
            let event = parse_event(&bytes).unwrap_or_else(|err| panic!("{path}: {err}"));
            assert_agree(&path, &event);
            checked += 1;
        }
    }
    assert!(checked > 0 || common::enabled_dirs().is_empty());
}

/// The issue's case: an unknown Ebbot topic with its chat in `chat.id`.
#[cfg(feature = "ebbot")]
#[test]
fn an_unknown_topic_reads_its_chat_like_its_conversion() {
    let event =
        parse_event(br#"{"topic":"chat.new.thing","botId":"b","chat":{"id":"c2"}}"#).unwrap();
    assert_eq!(event.chat_id(), Some("c2"));
    assert_agree("chat.new.thing", &event);
}

/// An id: a string, a number, or something that is no id (then `None`, and only that).
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9-]{1,12}".prop_map(|s| format!("\"{s}\"")),
        (0u64..1_000_000).prop_map(|n| n.to_string()),
        Just("{\"no\": \"id\"}".to_owned()),
        Just("null".to_owned()),
        Just("[1, 2]".to_owned()),
    ]
}

/// A time in one of the forms the vendors send, or something that is no time.
fn time() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"2024-05-01T10:00:00Z\"".to_owned()),
        Just("1714557600".to_owned()),
        Just("1714557600123".to_owned()),
        Just("\"yesterday\"".to_owned()),
        Just("true".to_owned()),
    ]
}

/// A member or nothing.
fn member(
    key: &'static str,
    value: impl Strategy<Value = String>,
) -> impl Strategy<Value = String> {
    prop::option::of(value)
        .prop_map(move |v| v.map(|v| format!(",\"{key}\":{v}")).unwrap_or_default())
}

/// A body of `vendor`'s with an event name it does not know and envelope members in random
/// forms, some unreadable.
fn unknown_body(vendor: Vendor) -> BoxedStrategy<String> {
    let name = "[a-z]{1,6}\\.[a-z]{1,6}\\.(later|new)";
    match vendor.as_str() {
        "superoffice" => (name, member("EventId", id()), member("Timestamp", time()), member("PrimaryKey", id()), prop::bool::ANY)
            .prop_map(|(name, event_id, at, key, chat)| {
                let name = if chat { format!("chatsession.{name}") } else { name };
                format!("{{\"Event\":\"{name}\"{event_id}{at}{key}}}")
            })
            .boxed(),
        "ebbot" => (name, member("requestId", id()), member("timestamp", time()), id(), id(), prop::bool::ANY)
            .prop_map(|(name, request, at, chat, data, nested)| {
                let data = if nested { format!(",\"data\":{{\"chatId\":{data},\"x\":[{{\"chatId\":1}}]}}") } else { format!(",\"data\":{{\"id\":{data}}}") };
                format!("{{\"topic\":\"{name}\",\"botId\":\"b\"{request}{at},\"chat\":{{\"id\":{chat}}}{data}}}")
            })
            .boxed(),
        "inbenta" => (name, member("created_at", time()), id())
            .prop_map(|(name, at, chat)| {
                let name = name.replace('.', ":");
                format!("{{\"trigger\":\"{name}\",\"appId\":\"a\"{at},\"data\":{{\"chatId\":{chat}}}}}")
            })
            .boxed(),
        "channel_talk" => ("[a-z]{3,8}", id())
            .prop_map(|(model, chat)| {
                format!("{{\"event\":\"push\",\"type\":\"{model}x\",\"entity\":{{\"chatId\":{chat}}}}}")
            })
            .boxed(),
        "chatwoot" => ("[a-z]{1,6}_[a-z]{1,6}_later", id(), id(), prop::option::of(id()), prop::bool::ANY)
            .prop_map(|(name, inbox, display, body_inbox, nested)| {
                let inbox_member = body_inbox.map(|i| format!(",\"inbox\":{{\"id\":{i}}}")).unwrap_or_default();
                if nested {
                    format!("{{\"conversation\":{{\"inbox_id\":{inbox},\"id\":{display}}}{inbox_member},\"event\":\"{name}\"}}")
                } else {
                    format!("{{\"id\":{display},\"inbox_id\":{inbox},\"messages\":[]{inbox_member},\"event\":\"{name}\"}}")
                }
            })
            .boxed(),
        other => panic!("tests/envelope.rs has no unknown-event generator for {other}: add one"),
    }
}

/// Any enabled vendor's body of an unknown event.
fn any_unknown() -> impl Strategy<Value = (Vendor, String)> {
    prop::sample::select(common::enabled_vendors().collect::<Vec<_>>())
        .prop_flat_map(|vendor| unknown_body(vendor).prop_map(move |body| (vendor, body)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn accessors_and_the_common_model_agree_on_unknown_events((vendor, body) in any_unknown()) {
        let event = parse_event_as(vendor, body.as_bytes()).unwrap_or_else(|err| panic!("{body}: {err}"));
        prop_assert_eq!(event.to_chat_event().kind, chat_webhooks::ChatEventKind::Other);
        assert_agree(&body, &event);
    }
}
