//! The common model a service stores and queries: names of its enums, message identity, edits,
//! roles and the people directory, chat state, and the consuming conversion, over the
//! fixtures of all four vendors.
#![cfg(all(
    feature = "superoffice",
    feature = "ebbot",
    feature = "channel-talk",
    feature = "inbenta"
))]

mod common;

use std::collections::BTreeMap;
use std::str::FromStr;

use chat_webhooks::{
    parse_event, Category, ChatEvent, ChatEventKind, ChatState, Event, People, Role, ToChatEvent,
    Vendor,
};
use common::{fixture, fixtures};
use serde::Serialize;

const VENDORS: [&str; 4] = ["superoffice", "ebbot", "channel_talk", "inbenta"];

/// Every fixture of every vendor, parsed: (path, event).
fn all_events() -> Vec<(String, Event)> {
    VENDORS
        .iter()
        .flat_map(|dir| fixtures(dir))
        .map(|(path, body)| {
            let event = parse_event(&body).unwrap_or_else(|err| panic!("{path}: {err}"));
            (path, event)
        })
        .collect()
}

fn chat(path: &str) -> ChatEvent {
    parse_event(&fixture(path)).unwrap().to_chat_event()
}

/// `as_str`, `Display` and serde agree, and `FromStr` reads every name back.
fn check_names<T>(values: &[T], names: &[&str], as_str: fn(&T) -> &'static str)
where
    T: Serialize + FromStr<Err = chat_webhooks::ParseNameError> + PartialEq + std::fmt::Debug,
    T: std::fmt::Display,
{
    assert_eq!(values.len(), names.len(), "NAMES lists every value");
    for (value, name) in values.iter().zip(names) {
        assert_eq!(as_str(value), *name);
        assert_eq!(value.to_string(), *name);
        assert_eq!(serde_json::to_value(value).unwrap(), *name, "serde's name");
        assert_eq!(&T::from_str(name).unwrap(), value);
    }
}

#[test]
fn kind_names_are_serdes() {
    use ChatEventKind as K;
    let all = [
        K::ChatStarted,
        K::ChatUpdated,
        K::ChatClosed,
        K::MessageCreated,
        K::MessageUpdated,
        K::MessageRead,
        K::ParticipantJoined,
        K::ParticipantLeft,
        K::AssignmentRequested,
        K::InvitationAccepted,
        K::NoAgentAvailable,
        K::QueuePositionChanged,
        K::TypingStarted,
        K::TypingStopped,
        K::UserUpdated,
        K::BotFlowRun,
        K::SystemNotice,
        K::Other,
    ];
    check_names(&all, ChatEventKind::NAMES, ChatEventKind::as_str);
    assert_eq!(ChatEventKind::MessageUpdated.as_str(), "message_updated");
    // Every kind a fixture gives has a name that reads back.
    for (path, event) in all_events() {
        let kind = event.to_chat_event().kind;
        assert_eq!(kind.as_str().parse::<ChatEventKind>(), Ok(kind), "{path}");
    }
}

#[test]
fn role_state_and_category_names_are_serdes() {
    let roles = [
        Role::Customer,
        Role::Agent,
        Role::Bot,
        Role::System,
        Role::Unknown,
    ];
    check_names(&roles, Role::NAMES, Role::as_str);
    let states = [
        ChatState::Open,
        ChatState::Queued,
        ChatState::Assigned,
        ChatState::Snoozed,
        ChatState::Closed,
        ChatState::Unknown,
    ];
    check_names(&states, ChatState::NAMES, ChatState::as_str);
    use chat_webhooks::ChatKind;
    let chat_kinds = [ChatKind::Unknown, ChatKind::Customer, ChatKind::Team];
    check_names(&chat_kinds, ChatKind::NAMES, ChatKind::as_str);
    assert_eq!(
        "group".parse::<ChatKind>().unwrap_err().to_string(),
        "unknown chat kind \"group\", expected unknown, customer or team"
    );
    let categories = [
        Category::Syntax,
        Category::Eof,
        Category::Data,
        Category::Vendor,
        Category::Foreign,
    ];
    check_names(&categories, Category::NAMES, Category::as_str);
    // An error's category, as the error reports it.
    let err = parse_event(b"{").unwrap_err();
    assert_eq!(err.classify().to_string(), "eof");
}

#[test]
fn bad_names_are_errors_that_list_the_names() {
    let err = "MessageCreated".parse::<ChatEventKind>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown chat event kind \"MessageCreated\", expected chat_started, chat_updated, chat_closed, \
         message_created, message_updated, message_read, participant_joined, participant_left, \
         assignment_requested, invitation_accepted, no_agent_available, queue_position_changed, \
         typing_started, typing_stopped, user_updated, bot_flow_run, system_notice or other"
    );
    let err = "".parse::<Role>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown role \"\", expected customer, agent, bot, system or unknown"
    );
    assert_eq!(err.what(), "role");
    assert!(" agent".parse::<Role>().is_err());
    assert_eq!(
        "\u{1b}[31m".parse::<ChatState>().unwrap_err().to_string(),
        "unknown chat state \"\\u{1b}[31m\", expected open, queued, assigned, snoozed, closed or unknown",
        "the input is repeated escaped"
    );
    assert_eq!(
        "Syntax".parse::<Category>().unwrap_err().to_string(),
        "unknown error category \"Syntax\", expected syntax, eof, data, vendor or foreign"
    );
}

#[test]
fn public_types_are_send_sync_static_and_these_are_copy() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<Event>();
    send_sync::<ChatEvent>();
    send_sync::<ChatEventKind>();
    send_sync::<chat_webhooks::ChatMessage>();
    send_sync::<chat_webhooks::Author>();
    send_sync::<chat_webhooks::Attachment>();
    send_sync::<Role>();
    send_sync::<ChatState>();
    send_sync::<People>();
    send_sync::<chat_webhooks::Person>();
    send_sync::<chat_webhooks::ChatRecord>();
    send_sync::<chat_webhooks::ChatKind>();
    send_sync::<chat_webhooks::MessageReaction>();
    send_sync::<chat_webhooks::MessageKey<'static>>();
    send_sync::<chat_webhooks::ParseNameError>();
    send_sync::<Vendor>();
    send_sync::<chat_webhooks::Error>();
    send_sync::<Category>();
    send_sync::<chat_webhooks::SignatureError>();
    send_sync::<chat_webhooks::UnknownEvent>();
    send_sync::<chat_webhooks::Id>();
    send_sync::<chat_webhooks::Text>();
    send_sync::<chat_webhooks::Timestamp>();
    send_sync::<chat_webhooks::TimestampError>();
    send_sync::<chat_webhooks::superoffice::Event>();
    send_sync::<chat_webhooks::ebbot::Event>();
    send_sync::<chat_webhooks::channel_talk::Event>();
    send_sync::<chat_webhooks::inbenta::Event>();
    send_sync::<chat_webhooks::receive::Receiver>();
    send_sync::<chat_webhooks::receive::Received>();
    send_sync::<chat_webhooks::receive::Delivery>();
    send_sync::<chat_webhooks::receive::ReceiveError>();

    // Which are `Copy`: an inherent method (only for `T: Copy`) wins over the trait's.
    struct Probe<T>(std::marker::PhantomData<T>);
    trait NotCopy {
        fn copy(&self) -> bool {
            false
        }
    }
    impl<T> NotCopy for Probe<T> {}
    impl<T: Copy> Probe<T> {
        fn copy(&self) -> bool {
            true
        }
    }
    macro_rules! copies {
        ($($ty:ty),+) => {{
            let mut out = BTreeMap::new();
            $( out.insert(stringify!($ty), Probe::<$ty>(std::marker::PhantomData).copy()); )+
            out
        }};
    }
    let copy = copies!(
        Vendor,
        ChatEventKind,
        Role,
        ChatState,
        Category,
        chat_webhooks::MessageKey<'static>,
        chat_webhooks::ParseNameError,
        chat_webhooks::Timestamp,
        ChatEvent,
        chat_webhooks::ChatMessage,
        chat_webhooks::Author,
        People,
        chat_webhooks::ChatRecord,
        chat_webhooks::ChatKind,
        Event,
        chat_webhooks::Error,
        chat_webhooks::Id
    );
    let copy: Vec<_> = copy
        .into_iter()
        .filter(|(_, c)| *c)
        .map(|(t, _)| t)
        .collect();
    assert_eq!(
        copy,
        [
            "Category",
            "ChatEventKind",
            "ChatState",
            "Role",
            "Vendor",
            "chat_webhooks::ChatKind",
            "chat_webhooks::MessageKey<'static>",
        ]
    );
}

#[test]
fn common_types_are_eq() {
    fn eq<T: Eq>() {}
    eq::<ChatEvent>();
    eq::<chat_webhooks::ChatMessage>();
    eq::<chat_webhooks::Author>();
    eq::<People>();
    eq::<chat_webhooks::ChatRecord>();
    eq::<Category>();
    // Equal events are equal to themselves (no float or NaN inside).
    for (path, event) in all_events() {
        let chat = event.to_chat_event();
        assert!(chat == chat.clone(), "{path}");
    }
}

#[test]
fn channel_talk_message_update_is_an_edit_not_a_new_message() {
    assert_eq!(
        chat("channel_talk/message.update.json").kind,
        ChatEventKind::MessageUpdated
    );
    for name in ["push", "upsert"] {
        let path = format!("channel_talk/message.{name}.json");
        assert_eq!(chat(&path).kind, ChatEventKind::MessageCreated, "{path}");
    }
    // This `create` is a chat-log notice: not a message someone wrote.
    assert_eq!(
        chat("channel_talk/message.create.json").kind,
        ChatEventKind::SystemNotice
    );
    // Only Channel Talk sends edits: no other fixture maps to `MessageUpdated`.
    for (path, event) in all_events() {
        let updated = event.to_chat_event().kind == ChatEventKind::MessageUpdated;
        assert_eq!(
            updated,
            path == "channel_talk/message.update.json",
            "{path}"
        );
    }
}

/// The Channel Talk `message.push` body with `event` set to `word`.
fn channel_message_as(word: &str) -> ChatEvent {
    let mut body: serde_json::Value =
        serde_json::from_slice(&fixture("channel_talk/message.push.json")).unwrap();
    body["event"] = word.into();
    parse_event(&serde_json::to_vec(&body).unwrap())
        .unwrap()
        .to_chat_event()
}

#[test]
fn message_key_is_one_for_every_delivery_of_a_message() {
    let push = channel_message_as("push");
    let key = push.message_key().unwrap().to_string();
    assert_eq!(
        key,
        "channel_talk:6824b6f1a7c3e05d9b21:6824b7125e8fa3c41d07"
    );
    for word in ["create", "upsert", "update"] {
        let event = channel_message_as(word);
        assert_eq!(event.message_key().unwrap().to_string(), key, "{word}");
    }
    assert_eq!(
        chat("inbenta/messages.new.json")
            .message_key()
            .unwrap()
            .to_string(),
        "inbenta:c7Rk2mXq9Lw:m2Lw8tQz5Rn"
    );
    let ebbot = chat("ebbot/chat.user.message.json");
    let key = ebbot.message_key().unwrap();
    assert_eq!(key.source, "ebbot");
    assert_eq!(Some(key.chat_id), ebbot.chat_id.as_deref());
    // SuperOffice's `chatsession.message` carries no message, so no key.
    let superoffice = chat("superoffice/chatsession.message.json");
    assert_eq!(superoffice.kind, ChatEventKind::MessageCreated);
    assert!(superoffice.message_key().is_none());
}

#[test]
fn message_key_is_there_exactly_when_chat_and_message_ids_are() {
    for (path, event) in all_events() {
        let chat = event.to_chat_event();
        let expected = match (&chat.chat_id, &chat.message) {
            (Some(chat_id), Some(message)) => message
                .id
                .as_ref()
                .map(|id| format!("{}:{chat_id}:{id}", chat.vendor)),
            _ => None,
        };
        // The fixtures' ids hold no `:` or `%`, so the key is the plain join.
        assert_eq!(
            chat.message_key().map(|key| key.to_string()),
            expected,
            "{path}"
        );
    }
}

#[test]
fn message_key_parts_cannot_run_together() {
    let mut a = ChatEvent::custom("shop", ChatEventKind::MessageCreated);
    a.chat_id = Some("a:b".into());
    let mut message = chat_webhooks::ChatMessage::new(chat_webhooks::Author::new(Role::Bot));
    message.id = Some("c".into());
    a.message = Some(message.clone());
    let mut b = a.clone();
    b.chat_id = Some("a".into());
    b.message.as_mut().unwrap().id = Some("b:c".into());
    assert_eq!(a.message_key().unwrap().to_string(), "shop:a%3Ab:c");
    assert_eq!(b.message_key().unwrap().to_string(), "shop:a:b%3Ac");
    b.chat_id = Some("100%".into());
    assert_eq!(b.message_key().unwrap().to_string(), "shop:100%25:b%3Ac");
    b.chat_id = None;
    assert!(b.message_key().is_none());
}

#[test]
fn ebbot_transcript_messages_carry_ids_times_and_keys() {
    let close = chat("ebbot/chat.close.json");
    assert_eq!(close.kind, ChatEventKind::ChatClosed);
    assert!(close.transcript.len() > 3);
    let mut keys = Vec::new();
    for message in &close.transcript {
        assert!(message.id.is_some(), "{message:?}");
        assert!(message.sent_at.is_some(), "{message:?}");
        keys.push(close.key_of(message).unwrap().to_string());
    }
    let first = &close.transcript[0];
    assert_eq!(
        keys[0],
        format!(
            "ebbot:{}:{}",
            close.chat_id.as_deref().unwrap(),
            first.id.as_deref().unwrap()
        )
    );
    assert_eq!(
        first.sent_at.unwrap().to_rfc3339(),
        "2025-03-11T09:42:18.511284913+00:00"
    );
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), close.transcript.len(), "one key per message");
}

#[test]
fn the_user_who_creates_an_inbenta_chat_is_its_customer() {
    let created = chat("inbenta/chats.create.json");
    let queued = chat("inbenta/queues.update.json");
    let customer = created.participant.unwrap();
    assert_eq!(customer.role, Role::Customer);
    assert_eq!(
        customer,
        queued.participant.unwrap(),
        "the same in both events"
    );
    let millis = chat("inbenta/variants/millis/chats.create.json");
    assert_eq!(millis.participant.unwrap().role, Role::Customer);
}

#[test]
fn the_directory_resolves_an_inbenta_message_author() {
    let mut book = People::new();
    let mut message = chat("inbenta/messages.new.json");
    assert_eq!(message.message.as_ref().unwrap().author.role, Role::Unknown);
    for path in [
        "inbenta/chats.create.json",
        "inbenta/queues.update.json",
        "inbenta/chats.join.json",
        "inbenta/invitations.accept.json",
    ] {
        let mut event = chat(path);
        book.observe(&mut event);
        // A service stores the book between events: it survives the round trip.
        let json = serde_json::to_string(&book).unwrap();
        book = serde_json::from_str(&json).unwrap();
    }
    assert_eq!(book.role_of("inbenta", "u4Tn8bYe1Hs"), Role::Customer);
    assert_eq!(book.role_of("inbenta", "a9Fz3kWp6Qd"), Role::Agent);
    assert_eq!(book.role_of("inbenta", "nobody"), Role::Unknown);
    assert_eq!(
        book.role_of("ebbot", "u4Tn8bYe1Hs"),
        Role::Unknown,
        "keyed by source"
    );
    assert_eq!(book.len(), 2);
    book.observe(&mut message);
    let author = &message.message.as_ref().unwrap().author;
    assert_eq!(author.role, Role::Agent);
    assert_eq!(author.id.as_deref(), Some("a9Fz3kWp6Qd"));
    // The chats:join participant is filled in too.
    let mut join = chat("inbenta/chats.join.json");
    assert_eq!(join.participant.as_ref().unwrap().role, Role::Unknown);
    book.resolve(&mut join);
    assert_eq!(join.participant.unwrap().role, Role::Agent);
    // The system stays the system.
    let mut system = chat("inbenta/variants/system-message/messages.new.json");
    book.observe(&mut system);
    assert_eq!(system.message.unwrap().author.role, Role::System);
    assert_eq!(
        serde_json::to_value(&book).unwrap()["inbenta"]["u4Tn8bYe1Hs"]["role"],
        "customer"
    );
}

#[test]
fn the_directory_joins_roles_and_names_by_time_and_never_overrides_an_event() {
    let at = |secs: i64| chrono::DateTime::from_timestamp(secs, 0);
    let person = |role: Role, name: Option<&str>| {
        let mut author = chat_webhooks::Author::new(role);
        author.id = Some("p1".into());
        author.name = name.map(Into::into);
        author
    };
    let mut book = People::new();
    assert!(book.learn_author("x", &person(Role::Agent, None), at(10)));
    assert!(book.learn_author("x", &person(Role::Unknown, Some("Kim")), at(10)));
    assert!(
        !book.learn_author("x", &person(Role::Customer, None), at(10)),
        "at the same time, Agent comes before Customer"
    );
    assert!(
        !book.learn_author("x", &person(Role::Customer, None), None),
        "no time is oldest"
    );
    let known = book.get("x", "p1").unwrap();
    assert_eq!(known.role, Role::Agent);
    assert_eq!(
        known.name.as_deref(),
        Some("Kim"),
        "a missing name is filled in"
    );
    assert_eq!(known.role_learnt_at(), at(10));
    // A later event's role and name win: a rename is kept.
    assert!(book.learn_author("x", &person(Role::Customer, Some("Kim Lee")), at(20)));
    assert!(
        !book.learn_author("x", &person(Role::Customer, Some("Kim Lee")), at(20)),
        "a retry"
    );
    assert_eq!(book.role_of("x", "p1"), Role::Customer);
    let mut agent = person(Role::Agent, None);
    book.resolve_author("x", &mut agent);
    assert_eq!(agent.role, Role::Agent, "the event's own role is kept");
    assert_eq!(agent.name.as_deref(), Some("Kim Lee"));
    let mut anonymous = chat_webhooks::Author::new(Role::Customer);
    assert!(!book.learn_author("x", &anonymous, at(30)));
    book.resolve_author("x", &mut anonymous);
    assert_eq!(book.len(), 1, "no id, nothing learnt");
    assert_eq!(anonymous.role, Role::Customer);
}

#[test]
fn the_directory_learns_from_every_vendor_and_only_fills_unknowns() {
    let mut learnt = BTreeMap::new();
    for vendor in VENDORS {
        let mut book = People::new();
        for (path, body) in fixtures(vendor) {
            let before = parse_event(&body).unwrap().to_chat_event();
            let mut after = before.clone();
            book.observe(&mut after);
            // Only roles and names that were unknown change.
            let pairs = before
                .participant
                .iter()
                .zip(after.participant.iter())
                .chain(
                    before
                        .message
                        .iter()
                        .zip(after.message.iter())
                        .map(|(b, a)| (&b.author, &a.author)),
                );
            for (b, a) in pairs {
                assert!(b.role == Role::Unknown || b.role == a.role, "{path}");
                assert!(b.name.is_none() || b.name == a.name, "{path}");
                assert_eq!(b.id, a.id, "{path}");
            }
        }
        learnt.insert(
            vendor,
            book.iter()
                .filter(|(_, _, person)| person.role != Role::Unknown)
                .count(),
        );
    }
    // Every vendor's events name people: SuperOffice's the customer (`CustomerId`) and the
    // agent (`UserId`).
    assert!(learnt["superoffice"] > 0, "{learnt:?}");
    assert!(learnt["ebbot"] > 0, "{learnt:?}");
    assert!(learnt["channel_talk"] > 0, "{learnt:?}");
    assert!(learnt["inbenta"] > 0, "{learnt:?}");
}

#[test]
fn the_directory_names_a_channel_talk_author_from_refers() {
    let push = chat("channel_talk/message.push.json");
    let author = push.message.as_ref().unwrap().author.clone();
    assert!(author.name.is_some() && author.role != Role::Unknown);
    let mut book = People::new();
    book.learn(&push);
    let mut bare = author.clone();
    bare.role = Role::Unknown;
    bare.name = None;
    book.resolve_author("channel_talk", &mut bare);
    assert_eq!(bare, author);
}

#[test]
fn chat_state_only_where_the_vendor_documents_it() {
    let state = |path: &str| {
        let event = chat(path);
        (event.state, event.status)
    };
    // Channel Talk: the user chat's documented `state`.
    assert_eq!(
        state("channel_talk/chat_states/snoozed/userChat.update.json"),
        (ChatState::Snoozed, Some("snoozed".into()))
    );
    assert_eq!(
        state("channel_talk/userChat.push.json").0,
        match state("channel_talk/userChat.push.json").1.as_deref() {
            Some("opened") => ChatState::Open,
            Some("closed") => ChatState::Closed,
            Some("queued") => ChatState::Queued,
            other => panic!("{other:?}"),
        }
    );
    // Ebbot: `ongoing` is open.
    for path in [
        "ebbot/chat.create.json",
        "ebbot/chat.update.json",
        "ebbot/chat.status.change.json",
    ] {
        assert_eq!(
            state(path),
            (ChatState::Open, Some("ongoing".into())),
            "{path}"
        );
    }
    // Inbenta: the triggers that imply a state.
    assert_eq!(state("inbenta/chats.create.json").0, ChatState::Open);
    assert_eq!(state("inbenta/queues.update.json").0, ChatState::Queued);
    assert_eq!(
        state("inbenta/invitations.accept.json").0,
        ChatState::Assigned
    );
    assert_eq!(state("inbenta/chats.close.json").0, ChatState::Closed);
    assert_eq!(state("inbenta/chats.join.json").0, ChatState::Unknown);
    // SuperOffice: `Status` is the documented `ChatSessionStatus`, kept as sent in `status`.
    assert_eq!(
        state("superoffice/chatsession.changed.json"),
        (ChatState::Open, Some("3".into())),
        "3 OfflineForm: before the chat, not ended"
    );
    assert_eq!(
        state("superoffice/docs/chatsession.created.json"),
        (ChatState::Unknown, Some("0".into())),
        "0 Invalid"
    );
    for (path, event) in all_events() {
        let chat = event.to_chat_event();
        // A closed state is a closed chat, and a state is only set with a chat.
        if chat.state == ChatState::Closed {
            assert_eq!(chat.kind, ChatEventKind::ChatClosed, "{path}");
        }
        if chat.state.is_known() {
            assert!(chat.chat_id.is_some(), "{path}");
        }
        // It serializes, and reads back.
        let json = serde_json::to_value(&chat).unwrap();
        assert_eq!(json["state"], chat.state.as_str(), "{path}");
        assert_eq!(serde_json::from_value::<ChatEvent>(json).unwrap(), chat);
    }
}

#[test]
fn an_older_chat_event_without_state_reads_as_unknown() {
    let mut json = serde_json::to_value(chat("inbenta/chats.close.json")).unwrap();
    json.as_object_mut().unwrap().remove("state");
    let event: ChatEvent = serde_json::from_value(json).unwrap();
    assert_eq!(event.state, ChatState::Unknown);
}

#[test]
fn into_chat_event_equals_to_chat_event_for_every_fixture() {
    let mut count = BTreeMap::new();
    for (path, event) in all_events() {
        let borrowed = event.to_chat_event();
        let vendor_owned = match event.clone() {
            Event::SuperOffice(inner) => inner.into_chat_event(),
            Event::Ebbot(inner) => inner.into_chat_event(),
            Event::ChannelTalk(inner) => inner.into_chat_event(),
            Event::Inbenta(inner) => inner.into_chat_event(),
            _ => unreachable!(),
        };
        assert_eq!(vendor_owned, borrowed, "{path}");
        assert_eq!(event.into_chat_event(), borrowed, "{path}");
        *count.entry(borrowed.vendor).or_insert(0) += 1;
    }
    assert_eq!(count.len(), 4);
    // Also for the edited and the other Channel Talk words.
    for word in ["create", "upsert", "update", "archive"] {
        let mut body: serde_json::Value =
            serde_json::from_slice(&fixture("channel_talk/message.push.json")).unwrap();
        body["event"] = word.into();
        let event = parse_event(&serde_json::to_vec(&body).unwrap()).unwrap();
        assert_eq!(
            event.to_chat_event(),
            event.clone().into_chat_event(),
            "{word}"
        );
    }
}

#[test]
fn a_users_own_type_gets_into_chat_event() {
    struct Mine(String);
    impl ToChatEvent for Mine {
        fn to_chat_event(&self) -> ChatEvent {
            ChatEvent::custom(self.0.clone(), ChatEventKind::Other)
        }
    }
    let event = Mine("in-house".into()).into_chat_event();
    assert_eq!(event.source(), "in-house");
}

#[cfg(feature = "cloudevents")]
#[test]
fn cloudevent_types_are_the_kind_names() {
    for name in ChatEventKind::NAMES {
        let kind: ChatEventKind = name.parse().unwrap();
        let cloud = ChatEvent::new(Vendor::Ebbot, kind).to_cloudevent("/hooks", "1");
        assert_eq!(cloud.kind, format!("chat_webhooks.{name}"));
    }
    let update = chat("channel_talk/message.update.json").to_cloudevent("/hooks", "1");
    assert_eq!(update.kind, "chat_webhooks.message_updated");
}
