//! The accessors every `Event` has (`event_id`, `chat_id`, `occurred_at`, `event_name`), on
//! every fixture, against what the fixture's JSON says; and each vendor's `EventKind`.

mod common;

use chat_webhooks::{parse_event, Event, Timestamp};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// A string or a number, as text.
fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// A timestamp member, read the way the crate documents it.
fn time(value: Option<&Value>) -> Option<DateTime<Utc>> {
    let value = value.filter(|value| !value.is_null())?;
    let timestamp: Timestamp = serde_json::from_value(value.clone()).unwrap();
    Some(timestamp.as_datetime())
}

/// What the fixture's JSON says the accessors give, by the vendor's documented rules.
fn expected(
    event: &Event,
    json: &Value,
) -> (Option<String>, Option<String>, Option<DateTime<Utc>>) {
    let at = |pointer: &str| json.pointer(pointer);
    match event.vendor() {
        chat_webhooks::Vendor::SuperOffice => {
            let chat = at("/Entity").and_then(Value::as_str) == Some("chatsession")
                || event.event_name().starts_with("chatsession.");
            (
                text(at("/EventId")),
                text(at("/PrimaryKey")).filter(|_| chat),
                time(at("/Timestamp")),
            )
        }
        chat_webhooks::Vendor::Ebbot => (
            text(at("/requestId")).or_else(|| text(at("/context/request_id"))),
            text(at("/chat/id"))
                .or_else(|| text(at("/data/chatId")))
                .or_else(|| text(at("/data/id"))),
            time(at("/timestamp")),
        ),
        chat_webhooks::Vendor::Inbenta => (
            None,
            text(at("/data/chatId")).or_else(|| text(at("/data/message/chat"))),
            time(at("/created_at")),
        ),
        chat_webhooks::Vendor::ChannelTalk => {
            let update = at("/event").and_then(Value::as_str) == Some("update");
            let entity_time = if update {
                time(at("/entity/updatedAt")).or_else(|| time(at("/entity/createdAt")))
            } else {
                time(at("/entity/createdAt"))
            };
            let model = at("/type")
                .and_then(Value::as_str)
                .map(str::to_ascii_lowercase);
            let chat = match model.as_deref() {
                Some("userchat") => text(at("/entity/id")),
                Some("message") | None => {
                    text(at("/entity/chatId")).or_else(|| text(at("/refers/userChat/id")))
                }
                _ => None,
            };
            (None, chat, entity_time)
        }
        chat_webhooks::Vendor::Chatwoot => {
            // The chat is `"{inbox_id}:{display_id}"` of the conversation the body is or
            // names; the time is the model's own for the event.
            let key = |conversation: &Value, inbox: Option<&Value>| {
                let inbox = text(conversation.get("inbox_id")).or_else(|| text(inbox))?;
                let display = text(conversation.get("id"))
                    .or_else(|| text(conversation.get("display_id")))?;
                Some(format!("{inbox}:{display}"))
            };
            let chat = if let Some(conversation) = at("/conversation").filter(|c| c.is_object()) {
                key(conversation, at("/inbox/id"))
            } else if let Some(current) = at("/current_conversation").filter(|c| c.is_object()) {
                key(current, at("/inbox/id"))
            } else if at("/messages").is_some() {
                key(json, None)
            } else {
                None
            };
            let changed_updated_at = || {
                json.get("changed_attributes")?
                    .as_array()?
                    .iter()
                    .find_map(|change| change.pointer("/updated_at/current_value"))
            };
            let time = match event.event_name() {
                "message_created" | "conversation_created" | "inbox_created" => {
                    time(at("/created_at"))
                }
                "conversation_status_changed"
                | "conversation_resolved"
                | "conversation_opened"
                | "conversation_updated"
                | "inbox_updated" => time(at("/updated_at")),
                "contact_updated" => time(changed_updated_at()),
                _ => None,
            };
            (None, chat, time)
        }
        other => panic!("no rule for {other}"),
    }
}

#[test]
// With no vendor enabled `Event` has no value, and the loop's body after a parse is unreachable.
#[allow(unreachable_code, unused_mut, clippy::never_loop)]
fn accessors_on_every_fixture() {
    let mut checked = 0;
    for dir in common::enabled_dirs() {
        for (path, bytes) in common::fixtures(dir) {
            let event = parse_event(&bytes).unwrap_or_else(|err| panic!("{path}: {err}"));
            let json = common::fixture_value(&bytes);
            let (event_id, chat_id, occurred_at) = expected(&event, &json);
            assert_eq!(
                event.event_id().map(str::to_owned),
                event_id,
                "{path}: event_id"
            );
            assert_eq!(
                event.chat_id().map(str::to_owned),
                chat_id,
                "{path}: chat_id"
            );
            assert_eq!(event.occurred_at(), occurred_at, "{path}: occurred_at");
            // The vendor's own Event answers the same.
            match &event {
                #[cfg(feature = "superoffice")]
                Event::SuperOffice(inner) => {
                    assert_eq!(inner.event_id(), event.event_id());
                    assert_eq!(inner.chat_id(), event.chat_id());
                    assert_eq!(inner.occurred_at(), event.occurred_at());
                }
                #[cfg(feature = "ebbot")]
                Event::Ebbot(inner) => {
                    assert_eq!(inner.event_id(), event.event_id());
                    assert_eq!(inner.chat_id(), event.chat_id());
                    assert_eq!(inner.occurred_at(), event.occurred_at());
                }
                #[cfg(feature = "channel-talk")]
                Event::ChannelTalk(inner) => {
                    assert_eq!(inner.event_id(), event.event_id());
                    assert_eq!(inner.chat_id(), event.chat_id());
                    assert_eq!(inner.occurred_at(), event.occurred_at());
                }
                #[cfg(feature = "inbenta")]
                Event::Inbenta(inner) => {
                    assert_eq!(inner.event_id(), event.event_id());
                    assert_eq!(inner.chat_id(), event.chat_id());
                    assert_eq!(inner.occurred_at(), event.occurred_at());
                }
                #[cfg(feature = "chatwoot")]
                Event::Chatwoot(inner) => {
                    assert_eq!(inner.event_id(), event.event_id());
                    assert_eq!(inner.chat_id(), event.chat_id());
                    assert_eq!(inner.occurred_at(), event.occurred_at());
                }
                _ => unreachable!(),
            }
            checked += 1;
        }
    }
    let any_vendor = chat_webhooks::Vendor::SUPPORTED
        .into_iter()
        .any(|vendor| vendor.is_enabled());
    assert!(checked > 0 || !any_vendor);
}

/// Each vendor's `EventKind`: every kind parses back from its name in any case, displays as
/// it, and an unknown name is an error that names it, escaped.
macro_rules! kinds {
    ($test:ident, $feature:literal, $module:ident, $vendor:literal, $alias:expr) => {
        #[cfg(feature = $feature)]
        #[test]
        fn $test() {
            use chat_webhooks::$module::EventKind;
            assert!(!EventKind::ALL.is_empty());
            for kind in EventKind::ALL {
                assert_eq!(kind.as_str().parse::<EventKind>().unwrap(), *kind);
                assert_eq!(
                    kind.as_str()
                        .to_ascii_uppercase()
                        .parse::<EventKind>()
                        .unwrap(),
                    *kind
                );
                assert_eq!(kind.to_string(), kind.as_str());
            }
            for (alias, kind) in $alias {
                assert_eq!(
                    alias.parse::<EventKind>().unwrap().as_str(),
                    kind,
                    "{alias}"
                );
            }
            let err = "no.such\r\nevent".parse::<EventKind>().unwrap_err();
            let names: Vec<&str> = EventKind::ALL.iter().map(|kind| kind.as_str()).collect();
            assert_eq!(err.expected(), names);
            assert_eq!(err.name(), "no.such\r\nevent");
            let (last, rest) = names.split_last().unwrap();
            let expected = match rest {
                [] => last.to_string(),
                _ => format!("{} or {last}", rest.join(", ")),
            };
            assert_eq!(
                err.to_string(),
                format!(
                    concat!(
                        "unknown ",
                        $vendor,
                        r#" event name "no.such\r\nevent", expected {}"#
                    ),
                    expected
                )
            );
            for kind in EventKind::ALL {
                let json = serde_json::to_string(kind).unwrap();
                assert_eq!(json, format!("\"{kind}\""));
                assert_eq!(serde_json::from_str::<EventKind>(&json).unwrap(), *kind);
            }
            assert!(serde_json::from_str::<EventKind>("\"no.such\"").is_err());
        }
    };
}

kinds!(
    superoffice_kinds,
    "superoffice",
    superoffice,
    "superoffice",
    [
        ("webhook123.started", "webhook.started"),
        ("webhook7.Errors", "webhook.errors")
    ]
);
kinds!(
    ebbot_kinds,
    "ebbot",
    ebbot,
    "ebbot",
    [("CHAT.CLOSE", "chat.close")]
);
kinds!(
    inbenta_kinds,
    "inbenta",
    inbenta,
    "inbenta",
    [("Chats:Close", "chats:close")]
);
kinds!(
    chatwoot_kinds,
    "chatwoot",
    chatwoot,
    "chatwoot",
    [
        ("conversation_resolved", "conversation_status_changed"),
        ("Conversation_Opened", "conversation_status_changed")
    ]
);
kinds!(
    channel_talk_kinds,
    "channel-talk",
    channel_talk,
    "channel_talk",
    [
        ("UserChat.Push", "userChat.push"),
        ("MESSAGE.UPSERT", "message.upsert"),
        ("USERCHAT.update", "userChat.update"),
        ("user.Update", "user.update")
    ]
);

#[test]
fn the_kind_of_an_event() {
    #[cfg(feature = "inbenta")]
    {
        let event = chat_webhooks::inbenta::parse(br#"{"trigger":"CHATS:close"}"#).unwrap();
        assert_eq!(
            event.kind(),
            Some(chat_webhooks::inbenta::EventKind::ChatsClose)
        );
        assert_eq!(event.event_name(), "CHATS:close", "kept as sent");
        let event = chat_webhooks::inbenta::parse(br#"{"trigger":"chats:new"}"#).unwrap();
        assert_eq!(event.kind(), None);
    }
}
