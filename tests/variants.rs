//! The third round of real senders (issue 21): shapes from the vendors' own SDKs, clients,
//! connectors and reference pages. Each variant fixture parses to its variant, maps to the
//! common model as documented, and round-trips byte for byte; the bodies that are not
//! webhooks (`variants/refused/`) are refused with an error that names them.

// The helpers serve the four vendors of the third round: idle in a build with none of them.
#![cfg_attr(
    not(any(
        feature = "superoffice",
        feature = "ebbot",
        feature = "channel-talk",
        feature = "inbenta"
    )),
    allow(dead_code, unused_imports)
)]

mod common;

#[cfg(any(feature = "channel-talk", feature = "inbenta"))]
use chat_webhooks::Category;
use chat_webhooks::{parse_event, ChatEvent, Event, ToChatEvent};

/// `bytes` without the whitespace outside strings: the compact form serde_json writes.
fn minify(bytes: &[u8]) -> String {
    let text = std::str::from_utf8(bytes).unwrap();
    let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Parses the fixture, checks what every fixture must satisfy (its name, round trips, every
/// key kept) and that it is written back byte for byte in compact form; returns the event and
/// its common-model event, checked equal through `into_chat_event`.
#[track_caller]
fn exact(path: &str, name: &str) -> (Event, ChatEvent) {
    let bytes = common::fixture(path);
    let event = common::check_fixture(path, &bytes, name);
    // The compact body is written back as it came: typed members in the vendor's order, kept
    // ones as sent.
    let compact = minify(&bytes);
    let again = parse_event(compact.as_bytes()).unwrap();
    assert_eq!(again, event, "{path}");
    assert_eq!(
        serde_json::to_string(&again).unwrap(),
        compact,
        "{path}: not written back byte for byte"
    );
    let chat = event.to_chat_event();
    assert_eq!(event.clone().into_chat_event(), chat, "{path}");
    (event, chat)
}

/// Every refused body of `dir`: an error of category `foreign` whose message is `message`,
/// from `parse_event`, from `detect_vendor` and from the vendor's own parse.
#[cfg(any(feature = "channel-talk", feature = "inbenta"))]
#[track_caller]
fn refused(dir: &str, message: &str, vendor_parse: fn(&[u8]) -> Result<(), chat_webhooks::Error>) {
    for (path, bytes) in common::refused(dir) {
        for err in [
            parse_event(&bytes).unwrap_err(),
            chat_webhooks::detect_vendor(&bytes).unwrap_err(),
            vendor_parse(&bytes).unwrap_err(),
        ] {
            assert_eq!(err.to_string(), message, "{path}");
            assert_eq!(err.classify(), Category::Foreign, "{path}");
            assert_eq!(err.classify().as_str(), "foreign");
        }
    }
}

#[cfg(feature = "superoffice")]
mod superoffice {
    use super::*;
    use chat_webhooks::superoffice::{self, ChatSessionData, ChatSessionStatus, Webhook};
    use chat_webhooks::{Author, ChatEventKind, ChatState, People, Role};

    fn fields(event: &Event) -> &ChatSessionData {
        match event {
            Event::SuperOffice(
                superoffice::Event::ChatSessionCreated(n)
                | superoffice::Event::ChatSessionMessage(n)
                | superoffice::Event::ChatSessionChanged(n),
            ) => n.field_values.as_ref().unwrap(),
            other => panic!("not a chat-session event: {other:?}"),
        }
    }

    fn person(role: Role, id: Option<&str>, name: Option<&str>) -> Author {
        let mut author = Author::new(role);
        author.id = id.map(str::to_owned);
        author.name = name.map(str::to_owned);
        author
    }

    #[test]
    fn a_closed_status_closes_the_chat_and_names_the_agent() {
        let path = "superoffice/variants/closed/chatsession.changed.json";
        let (event, chat) = exact(path, "chatsession.changed");
        let fields = fields(&event);
        assert_eq!(fields.status, Some(ChatSessionStatus::Closed));
        assert_eq!(fields.status.unwrap().name(), Some("Closed"));
        assert_eq!(chat.kind, ChatEventKind::ChatClosed);
        assert_eq!(chat.state, ChatState::Closed);
        assert_eq!(chat.status.as_deref(), Some("9"), "the number as sent");
        assert_eq!(chat.chat_id.as_deref(), Some("48213"));
        assert_eq!(
            chat.participant,
            Some(person(Role::Agent, Some("27"), None)),
            "UserId: the agent handling the chat"
        );
    }

    #[test]
    fn in_queue_is_queued_and_without_an_agent_the_customer_is_named() {
        let path = "superoffice/variants/queued/chatsession.changed.json";
        let (event, chat) = exact(path, "chatsession.changed");
        assert_eq!(fields(&event).status, Some(ChatSessionStatus::InQueue));
        assert_eq!(chat.kind, ChatEventKind::ChatUpdated);
        assert_eq!(
            (chat.state, chat.status.as_deref()),
            (ChatState::Queued, Some("4"))
        );
        // `UserId` 0: a bot or nobody has it; `CustomerId` -1: an anonymous visitor.
        assert_eq!(
            chat.participant,
            Some(person(Role::Customer, None, Some("Maria Lindqvist")))
        );
    }

    #[test]
    fn customer_last_names_the_customer_as_the_writer() {
        let path = "superoffice/variants/customer-last/chatsession.message.json";
        let (event, chat) = exact(path, "chatsession.message");
        assert_eq!(fields(&event).status, Some(ChatSessionStatus::CustomerLast));
        assert_eq!(chat.kind, ChatEventKind::MessageCreated);
        assert_eq!(chat.state, ChatState::Open);
        assert_eq!(chat.message, None, "the payload carries no message");
        assert_eq!(
            chat.participant,
            Some(person(
                Role::Customer,
                Some("20452"),
                Some("Maria Lindqvist")
            ))
        );
        // The book learns the customer's role and name from it, and the agent from the close.
        let mut book = People::new();
        book.learn(&chat);
        let closed = parse_event(&common::fixture(
            "superoffice/variants/closed/chatsession.changed.json",
        ))
        .unwrap()
        .to_chat_event();
        book.learn(&closed);
        assert_eq!(book.role_of("superoffice", "20452"), Role::Customer);
        assert_eq!(book.role_of("superoffice", "27"), Role::Agent);
        assert_eq!(
            book.get("superoffice", "20452").unwrap().name.as_deref(),
            Some("Maria Lindqvist")
        );
    }

    #[test]
    fn an_unknown_status_is_kept_as_sent() {
        let path = "superoffice/variants/unknown-status/chatsession.changed.json";
        let (event, chat) = exact(path, "chatsession.changed");
        let status = fields(&event).status.unwrap();
        assert_eq!(status, ChatSessionStatus::Unknown(12));
        assert_eq!((status.as_i64(), status.name()), (12, None));
        assert_eq!(chat.kind, ChatEventKind::ChatUpdated);
        assert_eq!(
            (chat.state, chat.status.as_deref()),
            (ChatState::Unknown, Some("12"))
        );
    }

    #[test]
    fn values_of_a_deleted_entity_are_read_by_the_envelope() {
        let path = "superoffice/variants/deleted/associate.deleted.json";
        let bytes = common::fixture(path);
        let event = common::check_fixture(path, &bytes, "associate.deleted");
        let Event::SuperOffice(superoffice::Event::Unknown(unknown)) = &event else {
            panic!("{event:?}")
        };
        // Kept whole, and written back as sent.
        assert_eq!(
            serde_json::to_string(&event).unwrap(),
            String::from_utf8(bytes.clone()).unwrap().trim_end()
        );
        let envelope: Webhook = unknown.deserialize().unwrap();
        let values = envelope.values.as_ref().unwrap();
        assert_eq!(common::member(values, "person_id"), 20987);
        assert_eq!(common::member(values, "name"), "JOHANS");
        assert!(envelope.other.is_empty(), "Values is not left over");
        assert_eq!(serde_json::to_string(&envelope).unwrap(), minify(&bytes));
        let chat = event.to_chat_event();
        assert_eq!(chat.kind, ChatEventKind::Other);
        assert_eq!(chat.chat_id, None, "not a chat session");
        assert_eq!(
            chat.event_id.as_deref(),
            Some("9b47d2e0-31c8-4f6a-85d9-e2a0c71b4f38")
        );
    }
}

#[cfg(feature = "ebbot")]
mod ebbot {
    use super::*;
    use chat_webhooks::ebbot::{self, ActionValue, Content, Message, NewMessages, TextValue};
    use chat_webhooks::{Attachment, ChatEventKind, Role};

    const CHAT: &str = "1741686137.482.3c1f9a52-7d4e-4b8a-9f06-2e5d8c71b4a3";

    fn message(event: &Event) -> &Message {
        match event {
            Event::Ebbot(ebbot::Event::ChatUserMessage(w)) => w.data.as_ref().unwrap(),
            other => panic!("not chat.user.message: {other:?}"),
        }
    }

    #[test]
    fn a_button_click_has_a_button_a_label_and_no_id() {
        let path = "ebbot/variants/button-click/chat.user.message.json";
        let (event, chat) = exact(path, "chat.user.message");
        let message = message(&event);
        assert_eq!(
            message.content,
            Content::ButtonClick(TextValue::from("Var är mitt paket?"))
        );
        assert_eq!(message.id, None);
        assert_eq!(
            message.button_id.as_ref().unwrap(),
            "e0678b76-842f-4304-aebf-cc23cd6d48e5"
        );
        assert_eq!(message.label.as_deref(), Some("Var är mitt paket?"));
        assert_eq!(message.finished, Some(true));
        assert_eq!(message.username.as_deref(), Some(CHAT));
        assert_eq!(message.full_name.as_deref(), Some("Elin Sjöberg"));
        assert!(message.other.is_empty());
        assert!(event.unknown_members().is_empty());

        assert_eq!(chat.kind, ChatEventKind::MessageCreated);
        let out = chat.message.as_ref().unwrap();
        assert_eq!(out.author.role, Role::Customer);
        assert_eq!(
            out.author.name.as_deref(),
            Some("Elin Sjöberg"),
            "full_name"
        );
        assert_eq!(out.text.as_deref(), Some("Var är mitt paket?"));
        assert_eq!(out.content_type.as_deref(), Some("button_click"));
        assert_eq!(out.id, None);
        assert_eq!(chat.message_key(), None, "no id, no key");
        assert_eq!(
            out.sent_at.unwrap().to_rfc3339(),
            "2025-08-12T12:02:03.456+00:00",
            "seconds with nine decimals"
        );
    }

    #[test]
    fn closing_the_widget_is_an_action_that_stops() {
        let path = "ebbot/variants/close-widget/chat.user.message.json";
        let (event, chat) = exact(path, "chat.user.message");
        let message = message(&event);
        assert_eq!(message.content, Content::Action(ActionValue::CloseChat));
        assert_eq!(message.content.type_name(), Some("action"));
        assert_eq!(ActionValue::CloseChat.as_str(), "action_close_chat");
        assert_eq!(message.stop, Some(true));
        let out = chat.message.as_ref().unwrap();
        assert_eq!(
            (out.text.as_deref(), out.content_type.as_deref()),
            (None, Some("action"))
        );
        assert_eq!(
            out.sent_at.unwrap().to_rfc3339(),
            "2024-07-11T10:01:01.402+00:00",
            "an integer of epoch milliseconds"
        );
    }

    #[test]
    fn an_uploaded_image_has_a_key_not_a_url_and_a_mime_type() {
        let path = "ebbot/variants/image-upload/chat.user.message.json";
        let (event, chat) = exact(path, "chat.user.message");
        let Content::Image(file) = &message(&event).content else {
            panic!()
        };
        assert_eq!(file.url, None);
        assert_eq!(
            file.key.as_deref(),
            Some("chat-uploads/ebq7m2x9k4tz1wv8c3hn5rd0pj6fys/c47a1e9d-kvitto.png")
        );
        assert_eq!(file.label.as_deref(), Some("kvitto.png"));
        assert_eq!(file.mimetype.as_deref(), Some("image/png"));
        assert_eq!(file.size, Some(48213));
        let out = chat.message.as_ref().unwrap();
        let mut attachment = Attachment::new(None); // the key is no URL
        attachment.name = Some("kvitto.png".into());
        attachment.content_type = Some("image/png".into());
        assert_eq!(out.attachments, [attachment]);
        assert_eq!(out.content_type.as_deref(), Some("image"));
    }

    #[test]
    fn the_clients_types_and_both_id_spellings_in_a_transcript() {
        let path = "ebbot/variants/client-types/chat.close.json";
        let (event, chat) = exact(path, "chat.close");
        let Event::Ebbot(ebbot::Event::ChatClose(close)) = &event else {
            panic!()
        };
        let conversation = &close.data.as_ref().unwrap().conversation;
        let types: Vec<_> = conversation
            .iter()
            .map(|m| m.content.type_name().unwrap())
            .collect();
        assert_eq!(
            types,
            [
                "web_init",
                "update_conversation_info",
                "button_click",
                "text",
                "variable",
                "url_click",
                "refresh_messages",
                "action"
            ]
        );
        assert_eq!(conversation[0].content, Content::WebInit(None));
        let Content::UpdateConversationInfo(info) = &conversation[1].content else {
            panic!()
        };
        assert_eq!(common::member(info, "platform"), "web");
        assert_eq!(conversation[1].stop, Some(true));
        let Content::Variable(variable) = &conversation[4].content else {
            panic!()
        };
        assert_eq!(variable.name.as_deref(), Some("ordernummer"));
        assert_eq!(
            conversation[5].content,
            Content::UrlClick("https://www.nordvikshop.se/kundservice/oppettider".into())
        );
        assert_eq!(conversation[6].content, Content::RefreshMessages(None));
        assert_eq!(
            conversation[7].content,
            Content::Action(ActionValue::CloseChat)
        );
        // Both spellings are different keys, kept as sent: no duplicate.
        for entry in conversation {
            assert_eq!(entry.chat_id.as_ref().unwrap(), CHAT);
            assert_eq!(common::member(&entry.other, "chat_id"), CHAT);
        }
        assert_eq!(
            common::member(&conversation[0].other, "bot_id"),
            common::member(&conversation[0].other, "botId")
        );
        assert_eq!(
            common::member(&conversation[3].other, "scenario_id"),
            common::member(&conversation[3].other, "scenarioId")
        );
        // The common model: one transcript message per entry, the user's named.
        assert_eq!(chat.kind, ChatEventKind::ChatClosed);
        assert_eq!(chat.transcript.len(), 8);
        assert_eq!(chat.transcript[2].id, None, "a button_click has no id");
        assert_eq!(chat.transcript[3].author.role, Role::Bot);
        for (i, message) in chat.transcript.iter().enumerate() {
            if i != 3 {
                assert_eq!(message.author.name.as_deref(), Some("Elin Sjöberg"), "{i}");
            }
        }
        assert_eq!(
            chat.transcript[2].text.as_deref(),
            Some("Var är mitt paket?")
        );
        assert_eq!(chat.transcript[5].text, None, "a url_click is no text");
    }

    #[test]
    fn new_messages_as_a_count_is_kept() {
        let path = "ebbot/variants/new-messages-count/chat.update.json";
        let (event, chat) = exact(path, "chat.update");
        let Event::Ebbot(ebbot::Event::ChatUpdate(update)) = &event else {
            panic!()
        };
        let count = update.chat.as_ref().unwrap().new_messages.unwrap();
        assert_eq!(count, NewMessages::Count(1));
        assert!(count.any());
        assert!(!NewMessages::Count(0).any() && NewMessages::from(true).any());
        assert_eq!(chat.kind, ChatEventKind::ChatUpdated);
        let err =
            ebbot::parse(br#"{"topic":"chat.update","botId":"b","chat":{"new_messages":"1"}}"#)
                .unwrap_err();
        assert_eq!(
            err.to_string(),
            "ebbot chat.update: chat.new_messages: invalid type: string \"1\", expected a boolean or a count at line 1 column 61"
        );
    }

    #[test]
    fn an_integer_beyond_u64_keeps_every_digit() {
        let path = "ebbot/variants/exact-numbers/chat.data.update.json";
        let (event, _) = exact(path, "chat.data.update");
        let Event::Ebbot(ebbot::Event::ChatDataUpdate(update)) = &event else {
            panic!("{event:?}")
        };
        let time = update
            .data
            .as_ref()
            .unwrap()
            .time_before_start
            .as_ref()
            .unwrap();
        assert_eq!(time.as_str(), "123456789012345678901234567890");
        assert_eq!((time.as_u64(), time.as_i64()), (None, None));
    }
}

#[cfg(feature = "channel-talk")]
mod channel_talk {
    use super::*;
    use chat_webhooks::channel_talk::{self, LogAction, MediumType};
    use chat_webhooks::{Author, ChatEventKind, Role, SignatureError};

    #[test]
    fn a_chat_log_notice_is_a_system_notice_not_the_customer_speaking() {
        let path = "channel_talk/variants/chat_log/message.push.json";
        let (event, chat) = exact(path, "message.push");
        let Event::ChannelTalk(channel_talk::Event::MessagePush(hook)) = &event else {
            panic!()
        };
        let message = hook.entity.as_ref().unwrap();
        assert!(message.is_log());
        let log = message.log.as_ref().unwrap();
        assert_eq!(log.action, Some(LogAction::Close));
        assert_eq!(log.action.as_ref().unwrap().as_str(), "close");
        // `refers.online` is not typed: kept, and listed.
        let refers = hook.refers.as_ref().unwrap();
        assert_eq!(
            common::member(&refers.other, "online")["personId"],
            "183214"
        );
        assert_eq!(event.unknown_members(), ["refers.online"]);

        assert_eq!(chat.kind, ChatEventKind::SystemNotice);
        let out = chat.message.as_ref().unwrap();
        assert_eq!(out.author, Author::new(Role::System));
        assert_eq!(
            out.text.as_deref(),
            Some("closed"),
            "the action word, as sent"
        );
        assert_eq!(out.content_type.as_deref(), Some("log"));
        assert_eq!(
            chat.message_key().unwrap().to_string(),
            "channel_talk:6824b6f1a7c3e05d9b21:6824c7d29e1b4a05f3c8"
        );
        let mut manager = Author::new(Role::Agent);
        manager.id = Some("183214".into());
        manager.name = Some("Jiwoo Park".into());
        assert_eq!(chat.participant, Some(manager), "who closed it");
    }

    #[test]
    fn a_chat_log_update_stays_an_update() {
        let bytes = common::fixture("channel_talk/variants/chat_log/message.push.json");
        let body = String::from_utf8(bytes).unwrap().replacen(
            r#""event": "push""#,
            r#""event": "update""#,
            1,
        );
        let chat = parse_event(body.as_bytes()).unwrap().to_chat_event();
        assert_eq!(chat.kind, ChatEventKind::MessageUpdated);
        assert_eq!(chat.message.unwrap().author.role, Role::System);
    }

    #[test]
    fn the_medium_type_is_typed() {
        let path = "channel_talk/variants/medium/userChat.push.json";
        let (event, chat) = exact(path, "userChat.push");
        let Event::ChannelTalk(channel_talk::Event::UserChatPush(hook)) = &event else {
            panic!()
        };
        let source = hook.entity.as_ref().unwrap().source.as_ref().unwrap();
        let medium = source.medium.as_ref().unwrap();
        assert_eq!(medium.medium_type, Some(MediumType::App));
        assert_eq!(
            common::member(&source.other, "page"),
            "https://shop.example.com/orders/88104"
        );
        assert_eq!(MediumType::from("native"), MediumType::Native);
        assert_eq!(chat.kind, ChatEventKind::ChatStarted);
    }

    #[test]
    fn an_app_function_call_is_refused_by_name() {
        refused(
            "channel_talk",
            "channel_talk: channel app function call, not a webhook: a body of `method`, \
             `params` and `context` is a call to your channel app's function endpoint, which \
             chat-webhooks does not read; answer it there (its x-signature is checked by \
             channel_talk::verify_app_signature)",
            |body| channel_talk::parse(body).map(drop),
        );
        // A body that only looks a little like one is still no vendor.
        let err = parse_event(br#"{"method":"tutorial"}"#).unwrap_err();
        assert_eq!(err.classify(), Category::Vendor, "{err}");
    }

    #[test]
    fn the_app_signature_is_checked_with_the_hex_decoded_key() {
        let (_, body) = common::refused("channel_talk").remove(0);
        let key = "6368616e6e656c2d6170702d7369676e696e672d6b6579";
        let signature = channel_talk::sign_app_call(key, &body).unwrap();
        assert_eq!(
            channel_talk::verify_app_signature(key, &body, &signature),
            Ok(())
        );
        let mut tampered = body.clone();
        tampered[2] ^= 1;
        assert_eq!(
            channel_talk::verify_app_signature(key, &tampered, &signature),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(channel_talk::APP_SIGNATURE_HEADER, "x-signature");
    }

    #[test]
    fn numbers_are_written_back_as_sent() {
        let path = "channel_talk/variants/exact_numbers/message.push.json";
        let (event, _) = exact(path, "message.push");
        let Event::ChannelTalk(channel_talk::Event::MessagePush(push)) = &event else {
            panic!("{event:?}")
        };
        let file = &push.entity.as_ref().unwrap().files.as_ref().unwrap()[0];
        let duration = file.duration.as_ref().unwrap();
        assert_eq!(
            (duration.as_str(), duration.as_f64()),
            ("1e5", Some(100000.0))
        );
        let refers = push.refers.as_ref().unwrap();
        let manager = refers.manager.as_ref().unwrap();
        let score = manager.operator_score.as_ref().unwrap();
        assert_eq!((score.as_str(), score.as_f64()), ("1.50", Some(1.5)));
        let touch = manager.touch_score.as_ref().unwrap();
        assert_eq!(touch.as_str(), "-0.0");
        assert!(touch.as_f64().unwrap().is_sign_negative());
        let user = refers.user.as_ref().unwrap();
        assert_eq!(user.latitude.as_ref().unwrap().as_str(), "37.50");
        assert_eq!(user.longitude.as_ref().unwrap().as_str(), "126.97800");
    }
}

#[cfg(feature = "inbenta")]
mod inbenta {
    use super::*;
    use chat_webhooks::inbenta::{
        self, ActivityType, ApiRoot, CloseReason, MessageSender, SYSTEM_USER,
    };
    use chat_webhooks::{Attachment, Author, ChatEventKind, ChatState, Role};

    fn message(event: &Event) -> &inbenta::Message {
        match event {
            Event::Inbenta(inbenta::Event::MessagesNew(w)) => {
                w.data.as_ref().unwrap().message.as_ref().unwrap()
            }
            other => panic!("not messages:new: {other:?}"),
        }
    }

    #[test]
    fn a_sender_object_gives_the_author_id_and_name_and_html_is_kept() {
        let path = "inbenta/variants/sender-object/messages.new.json";
        let (event, chat) = exact(path, "messages:new");
        let sender = message(&event).sender.as_ref().unwrap();
        assert!(matches!(sender, MessageSender::User(_)));
        assert_eq!(sender.id().unwrap(), "a9Fz3kWp6Qd");
        assert_eq!(sender.name(), Some("Jordi Puig"));
        let out = chat.message.as_ref().unwrap();
        let mut author = Author::new(Role::Unknown); // the data does not say who they are
        author.id = Some("a9Fz3kWp6Qd".into());
        author.name = Some("Jordi Puig".into());
        assert_eq!(out.author, author);
        assert_eq!(
            out.text.as_deref(),
            Some("<p>Hi Maria,&nbsp;your order <b>#48213</b> is on its way: <a href=\"https://track.example.com/48213\">track it here</a>.</p>"),
            "HTML, verbatim"
        );
        // A nickname stands in for a missing name; a bare id has none.
        let body = br#"{"trigger":"messages:new","appId":"a","data":{"message":{"chat":"c","sender":{"id":7,"nickname":"Jo"},"type":"text","message":"x"}}}"#;
        let chat = parse_event(body).unwrap().to_chat_event();
        let author = chat.message.unwrap().author;
        assert_eq!(
            (author.id.as_deref(), author.name.as_deref()),
            (Some("7"), Some("Jo"))
        );
        assert_eq!(
            MessageSender::from(chat_webhooks::Id::from(SYSTEM_USER)).name(),
            None
        );
    }

    #[test]
    fn stop_writing_is_typing_stopped() {
        let path = "inbenta/variants/stop-writing/users.activity.json";
        let (event, chat) = exact(path, "users:activity");
        let Event::Inbenta(inbenta::Event::UsersActivity(w)) = &event else {
            panic!()
        };
        let activity = w.data.as_ref().unwrap().activity.as_ref().unwrap();
        assert_eq!(activity, &ActivityType::StopWriting);
        assert!(activity.stopped_typing() && !activity.is_typing());
        assert_eq!(chat.kind, ChatEventKind::TypingStopped);
    }

    #[test]
    fn the_close_reason_is_carried() {
        let path = "inbenta/variants/close-reason/chats.close.json";
        let (event, chat) = exact(path, "chats:close");
        let Event::Inbenta(inbenta::Event::ChatsClose(w)) = &event else {
            panic!()
        };
        let data = w.data.as_ref().unwrap();
        assert!(data.is_system());
        assert_eq!(data.reason(), Some(&CloseReason::Inactivity));
        assert_eq!(chat.kind, ChatEventKind::ChatClosed);
        assert_eq!(chat.state, ChatState::Closed);
        assert_eq!(chat.close_reason.as_deref(), Some("inactivity"));
        assert_eq!(chat.participant.unwrap().role, Role::System);
        // Another reason is kept as sent; no reason, none.
        let body = br#"{"trigger":"chats:close","appId":"a","data":{"chatId":"c","userId":"system","extraData":{"reason":"agentTimeout"}}}"#;
        assert_eq!(
            parse_event(body)
                .unwrap()
                .to_chat_event()
                .close_reason
                .as_deref(),
            Some("agentTimeout")
        );
        let none = common::fixture("inbenta/chats.close.json");
        assert_eq!(
            parse_event(&none).unwrap().to_chat_event().close_reason,
            None
        );
    }

    #[test]
    fn the_ticket_of_system_info_is_typed() {
        let path = "inbenta/variants/ticket-info/system.info.json";
        let (event, chat) = exact(path, "system:info");
        let Event::Inbenta(inbenta::Event::SystemInfo(w)) = &event else {
            panic!()
        };
        let ticket = w.data.as_ref().unwrap().ticket_id().unwrap();
        assert_eq!(ticket.as_i64(), Some(90412));
        assert_eq!(chat.kind, ChatEventKind::SystemNotice);
        assert_eq!(chat.chat_id.as_deref(), Some("c7Rk2mXq9Lw"));
        assert_eq!(chat.participant, None);
    }

    #[test]
    fn a_queue_update_without_a_user_still_works() {
        let path = "inbenta/variants/queue-without-user/queues.update.json";
        let (_, chat) = exact(path, "queues:update");
        assert_eq!(chat.kind, ChatEventKind::QueuePositionChanged);
        assert_eq!(
            (chat.queue_position, chat.state),
            (Some(2), ChatState::Queued)
        );
        assert_eq!(chat.participant, None);
    }

    #[test]
    fn a_relative_media_url_is_made_absolute_without_io() {
        let path = "inbenta/variants/relative-media/messages.new.json";
        let (event, chat) = exact(path, "messages:new");
        let media = message(&event).media().unwrap();
        assert_eq!(media.media_type.as_deref(), Some("image/png"));
        let url = media.url.as_deref().unwrap();
        assert_eq!(
            inbenta::media_url(ApiRoot::Region("eu"), url).unwrap(),
            "https://hyperchat-eu.inbenta.chat:8000/v1/chats/c7Rk2mXq9Lw/files/5e1f0a9c/damaged-box.png"
        );
        assert_eq!(
            inbenta::media_url(ApiRoot::Base("https://hyperchat-us.inbenta.chat:8000/v1/"), url)
                .unwrap(),
            "https://hyperchat-us.inbenta.chat:8000/v1/chats/c7Rk2mXq9Lw/files/5e1f0a9c/damaged-box.png"
        );
        // The common model keeps the URL as sent, and the MIME type.
        let mut attachment = Attachment::new(Some(url.to_owned()));
        attachment.content_type = Some("image/png".into());
        assert_eq!(chat.message.unwrap().attachments, [attachment]);
    }

    #[test]
    fn a_messenger_webhook_is_refused_by_name() {
        refused(
            "inbenta",
            "inbenta: inbenta messenger webhook, not hyperchat: its `events` are messenger \
             tickets, which chat-webhooks does not read; its x-hook-signature is the messenger \
             secret itself, not an hmac (check it with verify_token)",
            |body| inbenta::parse(body).map(drop),
        );
        // On the HyperChat route of a receiver too, once past verification.
        use chat_webhooks::receive::{ReceiveError, Receiver, Request};
        let (_, body) = common::refused("inbenta").remove(0);
        let headers: [(&str, &str); 0] = [];
        let err = Receiver::new()
            .without_verification(chat_webhooks::Vendor::Inbenta)
            .receive(
                chat_webhooks::Vendor::Inbenta,
                &Request::new(&body, &headers),
            )
            .unwrap_err();
        let ReceiveError::Parse(parse) = &err else {
            panic!("{err}")
        };
        assert_eq!(parse.classify(), Category::Foreign);
        assert!(err
            .to_string()
            .starts_with("inbenta: inbenta messenger webhook, not hyperchat"));
        // An empty list, or events of another shape, say nothing: no vendor.
        for body in [&br#"{"events":[]}"#[..], br#"{"events":[{"id":1}]}"#] {
            let err = parse_event(body).unwrap_err();
            assert_eq!(err.classify(), Category::Vendor, "{err}");
        }
    }

    #[test]
    fn content_of_another_shape_keeps_its_numbers() {
        let path = "inbenta/variants/exact-numbers/messages.new.json";
        let (event, chat) = exact(path, "messages:new");
        assert_eq!(
            message(&event).message,
            Some(inbenta::MessageContent::Other(
                serde_json::value::RawValue::from_string(
                    "[1.50, -0.0, 1e5, 18446744073709551616]".to_owned()
                )
                .unwrap()
                .into()
            ))
        );
        let Some(inbenta::MessageContent::Other(raw)) = &message(&event).message else {
            unreachable!()
        };
        assert_eq!(raw.get(), "[1.50, -0.0, 1e5, 18446744073709551616]");
        // Not text, not media: the common model's message has neither.
        let message = chat.message.unwrap();
        assert_eq!((message.text, message.attachments.len()), (None, 0));
    }
}
