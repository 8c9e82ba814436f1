//! Inputs where this crate and serde_json must agree (issue 13): discriminators are read the
//! way serde_json reads them, every event round-trips through its JSON, and SuperOffice's
//! `"Changes": null` is no changes.
// The helpers serve tests that need several vendors: idle in single-vendor builds.
#![cfg_attr(
    not(all(
        feature = "superoffice",
        feature = "ebbot",
        feature = "channel-talk",
        feature = "inbenta"
    )),
    allow(dead_code, unused_imports)
)]

mod common;

#[path = "../fuzz/fuzz_targets/round_trip.rs"]
mod round_trip;

use chat_webhooks::{parse_event, Event, ToChatEvent};
use serde_json::Value;

/// The discriminator of `body` as serde_json reads it: the last value of `key`.
fn last_value(body: &[u8], key: &str) -> Option<String> {
    let value: Value = serde_json::from_slice(body).ok()?;
    value.get(key)?.as_str().map(str::to_owned)
}

/// Every body here either fails, or parses to the event serde_json sees: the same name as
/// the discriminator's last value, and the same ids in the common model.
#[track_caller]
fn assert_agrees(body: &str, key: &str) {
    let Ok(event) = parse_event(body.as_bytes()) else {
        return;
    };
    let name = last_value(body.as_bytes(), key);
    // Channel Talk's name is "<type>.<event>": it contains the discriminator.
    assert!(
        name.as_deref()
            .is_some_and(|name| event.event_name().contains(name)),
        "{body}: parsed as {} where serde_json reads {name:?}",
        event.event_name()
    );
}

#[track_caller]
fn error(body: &str) -> String {
    match parse_event(body.as_bytes()) {
        Ok(event) => panic!("{body}: parsed as {event:?}"),
        Err(err) => err.to_string(),
    }
}

#[cfg(feature = "superoffice")]
#[test]
fn duplicate_discriminators_are_errors_for_unknown_events_too() {
    for (body, key) in [
        (
            r#"{"EventId":"x","Event":"contact.created","Event":"chatsession.created"}"#,
            "Event",
        ),
        (
            r#"{"EventId":"x","Event":"chatsession.created","Event":"contact.created"}"#,
            "Event",
        ),
        (
            r#"{"EventId":"x","Event":"contact.created","PrimaryKey":1,"Ev\u0065nt":"contact.deleted"}"#,
            "Event",
        ),
    ] {
        assert_agrees(body, key);
        let message = error(body);
        assert!(message.contains("duplicate field `Event`"), "{message}");
    }
    // Any top-level key, not only the discriminator.
    let message =
        error(r#"{"EventId":"x","Event":"contact.created","PrimaryKey":1,"PrimaryKey":2}"#);
    assert_eq!(
        message,
        "superoffice contact.created: duplicate field `PrimaryKey` at line 1 column 68"
    );
    // Nested objects are the sender's business.
    let event =
        parse_event(br#"{"EventId":"x","Event":"contact.created","Data":{"a":1,"a":2}}"#).unwrap();
    assert_eq!(event.event_name(), "contact.created");
}

#[cfg(feature = "ebbot")]
#[test]
fn unknown_topics_do_not_mix_first_and_last_members() {
    // The name came from the first `topic`, the event id from the last `requestId`.
    for body in [
        r#"{"topic":"chat.new","botId":"b","requestId":"first","requestId":"last"}"#,
        r#"{"topic":"chat.new","botId":"b","topic":"chat.old","requestId":"r"}"#,
        r#"{"topic":"chat.create","botId":"b","topic":"chat.new"}"#,
    ] {
        assert_agrees(body, "topic");
        let message = error(body);
        assert!(message.contains("duplicate field"), "{message}");
    }
    let event = parse_event(br#"{"topic":"chat.new","botId":"b","requestId":"r"}"#).unwrap();
    assert_eq!(event.to_chat_event().event_id.as_deref(), Some("r"));
}

#[cfg(all(feature = "inbenta", feature = "channel-talk"))]
#[test]
fn duplicate_discriminators_of_the_other_vendors() {
    for (body, key) in [
        (
            r#"{"trigger":"rooms:new","appId":"a","trigger":"chats:close"}"#,
            "trigger",
        ),
        (
            r#"{"event":"push","type":"Bot","entity":{},"type":"message"}"#,
            "type",
        ),
        (
            r#"{"event":"push","type":"message","entity":{},"type":"Bot"}"#,
            "type",
        ),
    ] {
        assert_agrees(body, key);
        let message = error(body);
        assert!(message.contains("duplicate field"), "{message}");
    }
}

#[cfg(all(
    feature = "superoffice",
    feature = "ebbot",
    feature = "channel-talk",
    feature = "inbenta"
))]
#[test]
fn keys_with_escapes_are_matched_by_their_text() {
    for (body, name) in [
        (
            r#"{"EventId":"x","Ev\u0065nt":"contact.created"}"#,
            "contact.created",
        ),
        (
            r#"{"\u0045ventId":"x","Event":"test","PrimaryKey":0}"#,
            "test",
        ),
        (
            r#"{"t\u006fpic":"chat.create","botId":"b","data":{}}"#,
            "chat.create",
        ),
        (
            r#"{"t\u0079pe":"message","event":"push","entity":{"chatId":"c1"}}"#,
            "message.push",
        ),
        (
            r#"{"trigger":"chats:close","\u0061ppId":"a"}"#,
            "chats:close",
        ),
    ] {
        let event = parse_event(body.as_bytes()).unwrap_or_else(|err| panic!("{body}: {err}"));
        assert_eq!(event.event_name(), name, "{body}");
        round_trip::check(&event, parse_event);
    }
    let event =
        parse_event(br#"{"t\u0079pe":"message","event":"push","entity":{"chatId":"c1"}}"#).unwrap();
    assert_eq!(event.to_chat_event().chat_id.as_deref(), Some("c1"));
}

#[cfg(all(feature = "superoffice", feature = "ebbot"))]
#[test]
fn a_lone_surrogate_fails_the_parse_rather_than_reading_as_none() {
    for body in [
        // Kept raw, then read by the common model: the id would be `None`.
        r#"{"topic":"chat.new","botId":"b","requestId":"\ud800"}"#,
        r#"{"topic":"chat.new","botId":"b","data":{"chatId":"\udfff x"}}"#,
        r#"{"EventId":"\ud800","Event":"contact.created"}"#,
        r#"{"EventId":"x","Event":"contact.created","Entity":"\ud800"}"#,
        r#"{"EventId":"x","Event":"contact.created","\ud800":1}"#,
        // Typed events already failed.
        r#"{"EventId":"\ud800","Event":"test"}"#,
        r#"{"topic":"chat.create","botId":"b","requestId":"\ud800"}"#,
    ] {
        let message = error(body);
        assert!(message.contains("escape"), "{body}: {message}");
    }
    // A pair is a character.
    let event =
        parse_event(br#"{"topic":"chat.new","botId":"b","requestId":"\ud83d\ude00"}"#).unwrap();
    assert_eq!(event.to_chat_event().event_id.as_deref(), Some("\u{1F600}"));
}

/// `"CustomerAlias": -0` read as the text "-0", was written as `0`, and read back as "0".
#[cfg(feature = "superoffice")]
#[test]
fn negative_zero_round_trips() {
    for alias in ["-0", "-0.0", "-0e0", "1.50", "1e400"] {
        let body = format!(
            r#"{{"EventId":"x","Event":"chatsession.created","FieldValues":{{"CustomerAlias":{alias}}}}}"#
        );
        let event = match parse_event(body.as_bytes()) {
            Ok(event) => event,
            // `1e400` is out of range for serde_json: an error, not a panic.
            Err(err) => {
                assert_eq!(alias, "1e400", "{err}");
                continue;
            }
        };
        round_trip::check(&event, parse_event);
        #[cfg(feature = "superoffice")]
        round_trip::check(
            &chat_webhooks::superoffice::parse(body.as_bytes()).unwrap(),
            chat_webhooks::superoffice::parse,
        );
    }
}

/// The fuzz targets' check, on every fixture.
#[test]
fn every_fixture_round_trips() {
    for (dir, enabled) in [
        ("superoffice", cfg!(feature = "superoffice")),
        ("ebbot", cfg!(feature = "ebbot")),
        ("channel_talk", cfg!(feature = "channel-talk")),
        ("inbenta", cfg!(feature = "inbenta")),
        ("chatwoot", cfg!(feature = "chatwoot")),
    ] {
        if !enabled {
            continue;
        }
        for (path, bytes) in common::fixtures(dir) {
            let event: Event = parse_event(&bytes).unwrap_or_else(|err| panic!("{path}: {err}"));
            round_trip::check(&event, parse_event);
        }
    }
}

#[cfg(feature = "superoffice")]
#[test]
fn superoffice_changes_null_is_no_changes() {
    use chat_webhooks::superoffice;

    for changes in [r#""Changes": null,"#, ""] {
        let body =
            format!(r#"{{"EventId":"x",{changes}"Event":"chatsession.changed","PrimaryKey":7}}"#);
        let event = superoffice::parse(body.as_bytes()).unwrap();
        let superoffice::Event::ChatSessionChanged(changed) = &event else {
            panic!("{event:?}");
        };
        assert!(changed.changes.is_empty(), "{body}");
        round_trip::check(&event, superoffice::parse);
    }
    // Through the other events' envelopes too.
    for name in ["test", "webhook.started", "contact.created"] {
        let body = format!(r#"{{"EventId":"x","Changes":null,"Event":"{name}"}}"#);
        let event = parse_event(body.as_bytes()).unwrap();
        assert_eq!(event.event_name(), name);
    }
    let body = br#"{"EventId":"x","Changes":{},"Event":"chatsession.changed"}"#;
    let err = superoffice::parse(body).unwrap_err();
    assert!(err.to_string().contains("Changes"), "{err}");
}
