//! `ChatRecord`: generated chats fold to the same record whatever the order and however often
//! each event comes, a stored record keeps folding, roles are resolved backwards, and every
//! vendor's fixtures fold to the chats their documentation describes.

mod common;

use chat_webhooks::{
    Author, ChatEvent, ChatEventKind, ChatKind, ChatMessage, ChatRecord, ChatState,
    MessageReaction, People, Role,
};
use chrono::{DateTime, Utc};
use proptest::prelude::*;

fn time(second: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000 + second, 0).unwrap()
}

fn fold<'a>(events: impl IntoIterator<Item = &'a ChatEvent>) -> ChatRecord {
    let mut record = ChatRecord::new();
    for event in events {
        record.apply(event);
    }
    record
}

fn event(kind: ChatEventKind, at: Option<DateTime<Utc>>) -> ChatEvent {
    let mut event = ChatEvent::custom("gen", kind);
    event.chat_id = Some("c1".into());
    event.occurred_at = at;
    event
}

fn person(id: &str, role: Role, name: Option<&str>) -> Author {
    let mut author = Author::new(role);
    author.id = Some(id.into());
    author.name = name.map(Into::into);
    author
}

// ---- generated chats -------------------------------------------------------------------

/// A time from a few seconds (so that ties happen), or none.
fn at() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    prop::option::weighted(0.8, (0i64..6).prop_map(time))
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        3 => Just(Role::Unknown),
        1 => Just(Role::Customer),
        1 => Just(Role::Agent),
        1 => Just(Role::Bot),
    ]
}

fn author() -> impl Strategy<Value = Author> {
    (
        prop::option::weighted(0.9, 0..4u8),
        role(),
        prop::option::of(prop_oneof![Just("Kim"), Just("Lee"), Just("Park")]),
    )
        .prop_map(|(id, role, name)| {
            let mut author = Author::new(role);
            author.id = id.map(|id| format!("p{id}"));
            author.name = name.map(Into::into);
            author
        })
}

fn message() -> impl Strategy<Value = ChatMessage> {
    (
        prop::option::weighted(0.85, 0..5u8),
        author(),
        prop::option::of(prop_oneof![Just("hi"), Just("hello"), Just("bye")]),
        at(),
        prop::option::of(1..4i64),
        prop::collection::vec(prop_oneof![Just("+1"), Just("heart")], 0..2),
        any::<bool>(),
    )
        .prop_map(|(id, author, text, sent_at, version, reactions, private)| {
            let mut message = ChatMessage::new(author);
            message.id = id.map(|id| format!("m{id}"));
            message.text = text.map(Into::into);
            message.sent_at = sent_at;
            message.version = version;
            message.updated_at = version.map(|v| time(10 + v));
            message.reactions = reactions.into_iter().map(MessageReaction::new).collect();
            message.private = private;
            message
        })
}

/// One event of a chat: started, a message, an edit or reaction, someone joining or leaving,
/// a close (with a reason, or a transcript), a reopening or another state, a user update with
/// no chat id.
fn chat_event() -> impl Strategy<Value = ChatEvent> {
    let state = prop_oneof![
        Just(ChatState::Unknown),
        Just(ChatState::Open),
        Just(ChatState::Queued),
        Just(ChatState::Assigned),
        Just(ChatState::Snoozed),
    ];
    let chat_kind = prop_oneof![
        3 => Just(ChatKind::Unknown),
        1 => Just(ChatKind::Customer),
        1 => Just(ChatKind::Team),
    ];
    prop_oneof![
        1 => (at(), state.clone(), chat_kind).prop_map(|(at, state, kind)| {
            let mut e = event(ChatEventKind::ChatStarted, at);
            e.state = state;
            e.chat_kind = kind;
            e
        }),
        3 => (at(), message()).prop_map(|(at, message)| {
            let mut e = event(ChatEventKind::MessageCreated, at);
            e.message = Some(message);
            e
        }),
        2 => (at(), message()).prop_map(|(at, message)| {
            let mut e = event(ChatEventKind::MessageUpdated, at);
            e.message = Some(message);
            e
        }),
        1 => (at(), author(), any::<bool>()).prop_map(|(at, who, joined)| {
            let kind = if joined {
                ChatEventKind::ParticipantJoined
            } else {
                ChatEventKind::ParticipantLeft
            };
            let mut e = event(kind, at);
            e.participant = Some(who);
            e
        }),
        1 => (at(), prop::option::of(prop_oneof![Just("inactivity"), Just("resolved")])).prop_map(
            |(at, reason)| {
                let mut e = event(ChatEventKind::ChatClosed, at);
                e.close_reason = reason.map(Into::into);
                e
            }
        ),
        1 => (at(), prop::collection::vec(message(), 0..3)).prop_map(|(at, transcript)| {
            let mut e = event(ChatEventKind::ChatClosed, at);
            e.transcript = transcript;
            e
        }),
        1 => (at(), state).prop_map(|(at, state)| {
            let mut e = event(ChatEventKind::ChatUpdated, at);
            e.state = state;
            e
        }),
        1 => (at(), author()).prop_map(|(at, who)| {
            let mut e = event(ChatEventKind::UserUpdated, at);
            e.chat_id = None;
            e.participant = Some(who);
            e
        }),
    ]
}

/// A fixed shuffle by `seed`.
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        items.swap(i, (seed >> 33) as usize % (i + 1));
    }
}

/// Everything a reader of the record sees is the same in both.
fn assert_same(a: &ChatRecord, b: &ChatRecord) {
    assert_eq!(a, b);
    assert_eq!(a.messages(), b.messages());
    assert_eq!(a.state(), b.state());
    assert_eq!(
        a.participants().collect::<Vec<_>>(),
        b.participants().collect::<Vec<_>>()
    );
    assert_eq!(
        (a.opened_at(), a.closed_at()),
        (b.opened_at(), b.closed_at())
    );
    assert_eq!(a.close_reason(), b.close_reason());
    assert_eq!(a.last_activity_at(), b.last_activity_at());
    assert_eq!(a.chat_kind(), b.chat_kind());
    assert_eq!(
        serde_json::to_string(a).unwrap(),
        serde_json::to_string(b).unwrap()
    );
}

/// The record's invariants: messages in order, each once, authors shown as the people know
/// them.
fn assert_consistent(record: &ChatRecord) {
    let messages = record.messages();
    let ids: Vec<_> = messages.iter().filter_map(|m| m.id.as_deref()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "each message once: {ids:?}");
    for pair in messages.windows(2) {
        match (pair[0].sent_at, pair[1].sent_at) {
            (Some(a), Some(b)) => assert!(a <= b, "in the order they were sent"),
            (None, Some(_)) if pair[0].id.is_some() => {} // sorted by first-seen time
            _ => {}
        }
    }
    for message in messages {
        if let Some(id) = message.author.id.as_deref() {
            let person = record.people().get("gen", id);
            assert_eq!(
                message.author.role,
                person.map_or(Role::Unknown, |p| p.role),
                "{id}: the role the people know"
            );
            assert_eq!(
                message.author.name,
                person.and_then(|p| p.name.clone()),
                "{id}: the name the people know"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_order_and_repetition_folds_to_an_equal_record(
        events in prop::collection::vec(chat_event(), 0..14),
        repeats in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
        seed in any::<u64>(),
    ) {
        let once = fold(&events);
        let mut again = events.clone();
        if !events.is_empty() {
            again.extend(repeats.iter().map(|i| events[i.index(events.len())].clone()));
        }
        shuffle(&mut again, seed);
        let shuffled = fold(&again);
        assert_same(&once, &shuffled);
        assert_consistent(&once);
        // Everything again: nothing changes, and `apply` says so.
        let mut retried = shuffled.clone();
        for event in &events {
            prop_assert!(!retried.apply(event), "a retry changes nothing: {event:?}");
        }
        assert_same(&once, &retried);
    }

    #[test]
    fn apply_says_whether_the_record_changed(events in prop::collection::vec(chat_event(), 0..14)) {
        let mut record = ChatRecord::new();
        for event in &events {
            let before = record.clone();
            let changed = record.apply(event);
            prop_assert_eq!(changed, record != before, "{:?}", event);
            assert_consistent(&record);
        }
    }

    #[test]
    fn a_stored_record_keeps_folding(
        events in prop::collection::vec(chat_event(), 0..14),
        split in any::<prop::sample::Index>(),
    ) {
        let split = if events.is_empty() { 0 } else { split.index(events.len() + 1) };
        let whole = fold(&events);
        let stored = serde_json::to_string(&fold(&events[..split])).unwrap();
        let mut record: ChatRecord = serde_json::from_str(&stored).unwrap();
        assert_same(&record, &fold(&events[..split]));
        for event in &events[split..] {
            record.apply(event);
        }
        assert_same(&record, &whole);
        // The whole record survives a round trip too.
        let again: ChatRecord = serde_json::from_str(&serde_json::to_string(&whole).unwrap()).unwrap();
        assert_same(&again, &whole);
    }

    #[test]
    fn people_are_order_independent(
        events in prop::collection::vec(chat_event(), 0..14),
        seed in any::<u64>(),
    ) {
        let learn = |events: &[ChatEvent]| {
            let mut people = People::new();
            for event in events {
                people.learn(event);
            }
            people
        };
        let mut shuffled = events.clone();
        shuffle(&mut shuffled, seed);
        let people = learn(&events);
        prop_assert_eq!(&people, &learn(&shuffled));
        let json = serde_json::to_string(&people).unwrap();
        prop_assert_eq!(serde_json::from_str::<People>(&json).unwrap(), people);
    }
}

// ---- the rules, one by one ---------------------------------------------------------------

#[test]
fn a_role_learnt_later_applies_to_earlier_messages() {
    let mut record = ChatRecord::new();
    for (i, text) in ["Where is my order?", "Still waiting."].iter().enumerate() {
        let mut message = ChatMessage::new(person("u1", Role::Unknown, None));
        message.id = Some(format!("m{i}"));
        message.text = Some((*text).into());
        message.sent_at = Some(time(i as i64));
        let mut e = event(ChatEventKind::MessageCreated, Some(time(i as i64)));
        e.message = Some(message);
        assert!(record.apply(&e));
    }
    assert!(record
        .messages()
        .iter()
        .all(|m| m.author.role == Role::Unknown));

    // The event that tells who u1 is comes after the messages (and has no chat id).
    let mut user = event(ChatEventKind::UserUpdated, Some(time(9)));
    user.chat_id = None;
    user.participant = Some(person("u1", Role::Customer, Some("Maria")));
    assert!(record.apply(&user));
    for message in record.messages() {
        assert_eq!(message.author.role, Role::Customer);
        assert_eq!(message.author.name.as_deref(), Some("Maria"));
    }
    // Not a participant of this chat by that event alone, but known.
    assert_eq!(record.participants().count(), 1, "u1 wrote in the chat");

    // From a directory shared across chats: another chat's event named the agent.
    let mut reply = ChatMessage::new(person("a1", Role::Unknown, None));
    reply.id = Some("m9".into());
    reply.sent_at = Some(time(5));
    let mut e = event(ChatEventKind::MessageCreated, Some(time(5)));
    e.message = Some(reply);
    record.apply(&e);
    assert_eq!(record.message("m9").unwrap().author.role, Role::Unknown);
    let mut elsewhere = event(ChatEventKind::InvitationAccepted, Some(time(1)));
    elsewhere.chat_id = Some("other chat".into());
    elsewhere.participant = Some(person("a1", Role::Agent, Some("Jonas")));
    assert!(
        !record.apply(&elsewhere),
        "another chat's event is not applied"
    );
    let mut people = People::new();
    people.learn(&elsewhere);
    assert!(record.learn_people(&people));
    assert!(
        !record.learn_people(&people),
        "a second time changes nothing"
    );
    let agent = &record.message("m9").unwrap().author;
    assert_eq!(
        (agent.role, agent.name.as_deref()),
        (Role::Agent, Some("Jonas"))
    );
}

#[test]
fn a_late_delivery_does_not_reopen_a_closed_chat_and_a_reopening_does() {
    let started = event(ChatEventKind::ChatStarted, Some(time(0)));
    let mut closed = event(ChatEventKind::ChatClosed, Some(time(10)));
    closed.close_reason = Some("inactivity".into());
    let mut queued = event(ChatEventKind::ChatUpdated, Some(time(5)));
    queued.state = ChatState::Queued;
    let record = fold([&closed, &queued, &started]);
    assert_eq!(record.state(), ChatState::Closed);
    assert_eq!(record.opened_at(), Some(time(0)));
    assert_eq!(record.closed_at(), Some(time(10)));
    assert_eq!(record.close_reason(), Some("inactivity"));
    assert_eq!(record.last_activity_at(), Some(time(10)));

    let mut reopened = event(ChatEventKind::ChatUpdated, Some(time(20)));
    reopened.state = ChatState::Open;
    let record = fold([&reopened, &closed, &queued, &started]);
    assert_eq!(record.state(), ChatState::Open);
    assert_eq!(record.closed_at(), None, "not closed now");
    assert_eq!(record.close_reason(), None);

    // At the same time, the later state in a chat's life wins: the close.
    let mut open_at_close = event(ChatEventKind::ChatUpdated, Some(time(10)));
    open_at_close.state = ChatState::Open;
    assert_eq!(fold([&closed, &open_at_close]).state(), ChatState::Closed);
    assert_eq!(fold([&open_at_close, &closed]).state(), ChatState::Closed);
    // An event with no time is older than any with one.
    let mut untimed = event(ChatEventKind::ChatUpdated, None);
    untimed.state = ChatState::Assigned;
    assert_eq!(fold([&closed, &untimed]).state(), ChatState::Closed);
    assert_eq!(fold([&untimed]).state(), ChatState::Assigned);
    assert_eq!(ChatRecord::new().state(), ChatState::Unknown);
}

#[test]
fn the_latest_version_of_a_message_wins_and_a_transcript_copy_adds_nothing() {
    let mut first = ChatMessage::new(person("u1", Role::Customer, Some("Maria")));
    first.id = Some("m1".into());
    first.text = Some("The zip is 94101".into());
    first.sent_at = Some(time(1));
    first.version = Some(1);
    let mut edited = first.clone();
    edited.text = Some("The zip is 94110".into());
    edited.version = Some(2);
    edited.updated_at = Some(time(3));
    let mut reacted = edited.clone();
    reacted.version = Some(3);
    reacted.updated_at = Some(time(4));
    reacted.reactions = vec![MessageReaction::new("white_check_mark")];
    assert!(edited.differs_only_in_reactions(&reacted));
    assert!(!first.differs_only_in_reactions(&edited));

    let mut created = event(ChatEventKind::MessageCreated, Some(time(1)));
    created.message = Some(first.clone());
    let mut update = event(ChatEventKind::MessageUpdated, Some(time(3)));
    update.message = Some(edited);
    let mut reaction = event(ChatEventKind::MessageUpdated, Some(time(4)));
    reaction.message = Some(reacted.clone());
    let mut close = event(ChatEventKind::ChatClosed, Some(time(9)));
    let mut copy = first.clone();
    copy.version = None;
    close.transcript = vec![copy];

    let mut record = fold([&reaction, &close, &update, &created]);
    assert_eq!(record.messages().len(), 1);
    assert_eq!(record.messages()[0], reacted);
    assert!(!record.apply(&created), "an older version changes nothing");
    assert!(!record.apply(&close), "nor does a transcript copy");
    let json = serde_json::to_value(&record).unwrap();
    assert_eq!(
        json["messages"][0]["versions"].as_array().unwrap().len(),
        1,
        "the older versions add nothing and are not kept: {json}"
    );
}

#[test]
fn a_record_is_of_one_chat_and_one_source() {
    let mut record = fold([&event(ChatEventKind::ChatStarted, Some(time(0)))]);
    assert_eq!(
        (record.source(), record.chat_id()),
        (Some("gen"), Some("c1"))
    );
    let mut other = event(ChatEventKind::ChatClosed, Some(time(1)));
    other.chat_id = Some("c2".into());
    assert!(!record.apply(&other));
    let mut vendor = ChatEvent::custom("another", ChatEventKind::ChatClosed);
    vendor.chat_id = Some("c1".into());
    assert!(!record.apply(&vendor));
    assert_eq!(record.state(), ChatState::Open);
}

#[test]
fn a_stored_record_reads_back_and_bad_json_is_an_error() {
    let record = fold([&event(ChatEventKind::ChatStarted, Some(time(0)))]);
    let json = serde_json::to_string(&record).unwrap();
    assert_eq!(
        json,
        r#"{"source":"gen","chat_id":"c1","state":{"state":"open","at":"2023-11-14T22:13:20Z"},"opened_at":"2023-11-14T22:13:20Z","last_activity_at":"2023-11-14T22:13:20Z"}"#
    );
    assert_eq!(
        serde_json::from_str::<ChatRecord>("{}").unwrap(),
        ChatRecord::new()
    );
    let err = serde_json::from_str::<ChatRecord>(r#"{"state":{"state":"ajar"}}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(r#"unknown chat state "ajar", expected open, queued,"#),
        "{err}"
    );
    let err =
        serde_json::from_str::<ChatRecord>(r#"{"messages":[{"versions":[{}]}]}"#).unwrap_err();
    assert!(err.to_string().contains("missing field"), "{err}");
}

#[test]
fn the_transcript_displays_roles_and_names() {
    let mut message = ChatMessage::new(person("a1", Role::Agent, Some("Jonas")));
    message.id = Some("m1".into());
    message.text = Some("Hi!".into());
    message.sent_at = Some(time(0));
    let mut e = event(ChatEventKind::MessageCreated, Some(time(0)));
    e.message = Some(message);
    assert_eq!(
        fold([&e]).to_string(),
        "[2023-11-14 22:13:20] agent Jonas: Hi!\n"
    );
}

// ---- every vendor's fixtures ---------------------------------------------------------------

#[cfg(all(
    feature = "superoffice",
    feature = "ebbot",
    feature = "channel-talk",
    feature = "inbenta"
))]
mod fixtures {
    use std::collections::BTreeMap;

    use chat_webhooks::{
        parse_event, ChatEvent, ChatKind, ChatRecord, ChatState, Role, ToChatEvent,
    };

    use super::{assert_same, fold};
    use crate::common::fixtures;

    /// Every fixture's event, grouped by (source, chat id), in file order; and the events
    /// with no chat id.
    /// (source, chat id) -> the chat's events.
    type Chats = BTreeMap<(String, String), Vec<ChatEvent>>;

    fn chats() -> (Chats, Vec<ChatEvent>) {
        let mut chats: BTreeMap<_, Vec<_>> = BTreeMap::new();
        let mut chatless = Vec::new();
        for vendor in ["superoffice", "ebbot", "channel_talk", "inbenta"] {
            for (_, body) in fixtures(vendor) {
                let Ok(event) = parse_event(&body) else {
                    continue;
                };
                let event = event.into_chat_event();
                match &event.chat_id {
                    Some(chat) => chats
                        .entry((event.source().to_owned(), chat.clone()))
                        .or_default()
                        .push(event),
                    None => chatless.push(event),
                }
            }
        }
        (chats, chatless)
    }

    fn records() -> BTreeMap<(String, String), ChatRecord> {
        let (chats, _) = chats();
        chats
            .into_iter()
            .map(|(key, events)| {
                let record = fold(&events);
                // In reverse, and twice: the same record.
                assert_same(&record, &fold(events.iter().rev().chain(&events)));
                (key, record)
            })
            .collect()
    }

    fn record<'a>(
        records: &'a BTreeMap<(String, String), ChatRecord>,
        vendor: &str,
        chat: &str,
    ) -> &'a ChatRecord {
        records
            .get(&(vendor.to_owned(), chat.to_owned()))
            .unwrap_or_else(|| panic!("no chat {vendor} {chat}: {:?}", records.keys()))
    }

    fn roles(record: &ChatRecord) -> Vec<(String, Role, Option<String>)> {
        record
            .participants()
            .map(|(id, p)| (id.to_owned(), p.role, p.name.clone()))
            .collect()
    }

    #[test]
    fn channel_talk_chats() {
        let records = records();
        // A team chat (`chatType` `group`): two managers.
        let team = record(&records, "channel_talk", "2207");
        assert_eq!(team.chat_kind(), ChatKind::Team);
        assert_eq!(
            team.state(),
            ChatState::Unknown,
            "groups have no user chat state"
        );
        assert_eq!(
            roles(team),
            [
                ("183377".into(), Role::Agent, Some("Hannah Lee".into())),
                ("190402".into(), Role::Agent, Some("Minjun Park".into())),
            ]
        );
        assert_eq!(team.messages().len(), 2);
        // A customer chat that closed: `state` `closed`.
        let closed = record(&records, "channel_talk", "6824b6f1a7c3e05d9b21");
        assert_eq!(closed.chat_kind(), ChatKind::Customer);
        assert_eq!(closed.state(), ChatState::Closed);
        assert!(closed.closed_at().is_some());
        assert_eq!(
            roles(closed),
            [
                // The latest event that names the manager wins: a chat-log notice's
                // `refers.manager` (fixtures/channel_talk/variants/log/) names them so.
                ("183214".into(), Role::Agent, Some("Jiwoo Park".into())),
                (
                    "6824b6e8c1d94a7f3e52".into(),
                    Role::Customer,
                    Some("김민지".into())
                ),
            ]
        );
        // `snoozed` is snoozed.
        let snoozed = record(&records, "channel_talk", "6826a1d07e3b5c49f281");
        assert_eq!(snoozed.state(), ChatState::Snoozed);
        // The edited message (`message.update`, `version` 2) is shown once, as edited, with
        // its reaction; the bot's greeting before it.
        let edited = record(&records, "channel_talk", "6825f0a41b7d3c92e518");
        assert_eq!(edited.state(), ChatState::Open);
        let messages = edited.messages();
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[0].author.role, Role::Bot);
        let update = edited.message("6825f1c27b0e4d93a1f6").unwrap();
        assert_eq!(update.version, Some(2));
        assert_eq!(update.reactions[0].emoji, "white_check_mark");
        assert_eq!(update.reactions[0].people, ["manager-183377"]);
        assert_eq!(update.author.role, Role::Customer);
        // The user's name is in `user.update`, which has no chat id: a directory shared
        // across chats brings it in.
        let mut edited = edited.clone();
        let mut people = chat_webhooks::People::new();
        for event in chats().1 {
            people.learn(&event);
        }
        assert!(edited.learn_people(&people));
        let update = edited.message("6825f1c27b0e4d93a1f6").unwrap();
        assert_eq!(update.author.name.as_deref(), Some("Oliver Bennett"));
    }

    const EBBOT_CHAT: &str = "1741686137.482.3c1f9a52-7d4e-4b8a-9f06-2e5d8c71b4a3";

    #[test]
    fn ebbot_chats() {
        let records = records();
        let chat = record(&records, "ebbot", EBBOT_CHAT);
        // `chat.close` closes it, though it sends no status.
        assert_eq!(chat.state(), ChatState::Closed);
        assert!(chat.opened_at().unwrap() < chat.closed_at().unwrap());
        // The transcript repeats the message topics' messages: each is kept once.
        let (chats, _) = chats();
        let events = &chats[&("ebbot".to_owned(), EBBOT_CHAT.to_owned())];
        let mut ids: Vec<_> = events
            .iter()
            .flat_map(|e| e.message.iter().chain(&e.transcript))
            .filter_map(|m| m.id.as_deref())
            .collect();
        let delivered = ids.len();
        ids.sort();
        ids.dedup();
        assert!(ids.len() < delivered, "some are delivered twice");
        // Messages without an id (a `button_click` carries none) are kept apart from them.
        let with_id = chat.messages().iter().filter(|m| m.id.is_some()).count();
        assert_eq!(with_id, ids.len());
        let user = chat
            .messages()
            .iter()
            .filter(|m| m.author.role == Role::Customer)
            .count();
        assert!(user > 0);
        assert_eq!(
            roles(chat),
            [(
                "9be34d8e-ac43-451b-8157-8395ec56d6e3".into(),
                Role::Customer,
                Some("Elin Sjöberg".into())
            )]
        );
    }

    #[test]
    fn inbenta_chats() {
        let records = records();
        let chat = record(&records, "inbenta", "c7Rk2mXq9Lw");
        assert_eq!(chat.state(), ChatState::Closed);
        let people = roles(chat);
        assert!(
            people.contains(&("u4Tn8bYe1Hs".into(), Role::Customer, None)),
            "{people:?}"
        );
        assert!(
            // A sender object names the agent (fixtures/inbenta/variants/sender-object/).
            people.contains(&("a9Fz3kWp6Qd".into(), Role::Agent, Some("Jordi Puig".into()))),
            "{people:?}"
        );
        assert!(
            people.contains(&("system".into(), Role::System, None)),
            "{people:?}"
        );
        // `messages:new` names its sender by id only: the record resolves it from
        // `chats:create` and `invitations:accept`, whatever the order.
        for message in chat.messages() {
            assert_ne!(message.author.role, Role::Unknown, "{message:?}");
        }
        let queued = record(&records, "inbenta", "c5Mb1xRt8Gy");
        assert_eq!(queued.state(), ChatState::Queued);
        let assigned = record(&records, "inbenta", "90417");
        assert_eq!(assigned.state(), ChatState::Assigned);
    }

    #[test]
    fn a_channel_talk_private_note_stays_marked() {
        let push = crate::common::fixture("channel_talk/message.push.json");
        let event = parse_event(&push).unwrap().to_chat_event();
        assert!(
            !event.message.as_ref().unwrap().private,
            "`doNotSearch` is not private"
        );
        let mut body: serde_json::Value = serde_json::from_slice(&push).unwrap();
        body["entity"]["options"] = serde_json::json!(["silent", "private"]);
        let event = parse_event(body.to_string().as_bytes())
            .unwrap()
            .to_chat_event();
        assert!(event.message.as_ref().unwrap().private);
        let record = fold([&event]);
        assert!(record.messages()[0].private);
        assert!(record.to_string().contains(" (private): "), "{record}");
    }

    #[test]
    fn superoffice_chats() {
        let records = records();
        // The documentation's chat: `chatsession.created` opens it (`Status` 0 says nothing);
        // `CustomerId` is the customer, named by `CustomerAlias` as sent (a number there).
        let docs = record(&records, "superoffice", "178105");
        assert!(docs.opened_at().is_some());
        assert_eq!(docs.state(), ChatState::Open);
        assert_eq!(
            roles(docs),
            [("12".into(), Role::Customer, Some("5".into()))]
        );
        // A chat that finished (fixtures/superoffice/variants/closed/): closed, with the
        // customer by name and the agent (`UserId` 27).
        let closed = record(&records, "superoffice", "48213");
        assert_eq!(closed.state(), ChatState::Closed);
        assert_eq!(
            roles(closed),
            [
                (
                    "20452".into(),
                    Role::Customer,
                    Some("Maria Lindqvist".into())
                ),
                ("27".into(), Role::Agent, None),
            ]
        );
    }

    #[test]
    fn events_with_no_chat_id_teach_who_is_who() {
        let (_, chatless) = chats();
        assert!(!chatless.is_empty());
        let mut people = chat_webhooks::People::new();
        for event in &chatless {
            people.learn(event);
        }
        assert!(!people.is_empty());
        let mut records = records();
        for record in records.values_mut() {
            record.learn_people(&people);
            let again = record.clone();
            assert!(!record.learn_people(&people));
            assert_eq!(*record, again);
        }
    }
}
