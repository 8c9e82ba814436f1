//! The verify-then-parse entry point: authenticity per vendor, rotation, handshakes, replay
//! guard and de-duplication keys.
#![cfg(all(feature = "superoffice", feature = "inbenta"))]

mod common;

use std::collections::HashMap;
use std::time::Duration;

use chat_webhooks::receive::{
    Handshake, Headers, ReceiveError, Received, Receiver, Request, Secret, Verification,
};
use chat_webhooks::{inbenta, superoffice, ChatEventKind, SignatureError, Vendor};
use chrono::{DateTime, Utc};
use common::fixture;

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .unwrap()
        .with_timezone(&Utc)
}

/// A moment shortly after the SuperOffice fixtures were sent.
fn soon_after_superoffice() -> DateTime<Utc> {
    at("2025-03-11T09:45:00Z")
}

fn delivery(received: Received) -> Box<chat_webhooks::receive::Delivery> {
    match received {
        Received::Event(delivery) => delivery,
        other => panic!("not an event: {other:?}"),
    }
}

#[test]
fn superoffice_signature_with_rotation() {
    let body = fixture("superoffice/chatsession.created.json");
    let receiver = Receiver::new()
        .secret(Vendor::SuperOffice, "current")
        .secret(Vendor::SuperOffice, "previous");
    for (secret, index) in [("current", 0), ("previous", 1)] {
        let signature = superoffice::sign(secret.as_bytes(), &body);
        let headers = [("X-Superoffice-Signature", signature.as_str())];
        let request = Request::new(&body, &headers);
        let delivery = delivery(
            receiver
                .receive_at(Vendor::SuperOffice, &request, soon_after_superoffice())
                .unwrap(),
        );
        assert_eq!(delivery.verification, Verification::Secret { index });
        assert_eq!(delivery.secret_index(), Some(index));
        assert_eq!(
            delivery.dedup_key,
            "superoffice:chatsession.created:id:3f9c2b1e-7d4a-4c8e-9b61-2a5d8e0f4c17"
        );
        assert_eq!(delivery.chat.kind, ChatEventKind::ChatStarted);
        assert_eq!(delivery.event, chat_webhooks::parse_event(&body).unwrap());
    }

    let signature = superoffice::sign(b"retired", &body);
    let headers = [("x-superoffice-signature", signature.as_str())];
    let err = receiver
        .receive(Vendor::SuperOffice, &Request::new(&body, &headers))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "superoffice: signature does not match the body"
    );
    assert_eq!(err.status(), 401);

    let headers: [(&str, &str); 0] = [];
    let err = receiver
        .receive(Vendor::SuperOffice, &Request::new(&body, &headers))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "superoffice: missing `X-SuperOffice-Signature` header"
    );
    assert_eq!(err.status(), 401);

    let headers = [("X-SuperOffice-Signature", "!!!")];
    let err = receiver
        .receive(Vendor::SuperOffice, &Request::new(&body, &headers))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "superoffice: signature is not valid base64"
    );
}

#[test]
fn a_body_whose_check_failed_is_never_parsed() {
    // Tampered after signing: the signature fails, and the parse error it would give is not
    // reported (the body is not looked at).
    let body = fixture("superoffice/chatsession.created.json");
    let signature = superoffice::sign(b"s", &body);
    let mut tampered = body.clone();
    tampered.truncate(10);
    let headers = vec![("X-SuperOffice-Signature".to_owned(), signature)];
    let receiver = Receiver::new().secret(Vendor::SuperOffice, "s");
    let err = receiver
        .receive(Vendor::SuperOffice, &Request::new(&tampered, &headers))
        .unwrap_err();
    assert!(matches!(
        err,
        ReceiveError::Unauthenticated {
            source: SignatureError::Mismatch,
            ..
        }
    ));
}

#[test]
fn unconfigured_vendors_are_refused_unless_opted_out() {
    let body = fixture("inbenta/chats.create.json");
    let headers: HashMap<String, String> = HashMap::new();
    let request = Request::new(&body, &headers);
    let err = Receiver::new()
        .receive(Vendor::Inbenta, &request)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "inbenta is not configured: add its secret, or opt out of verification for it explicitly"
    );
    assert_eq!((err.status(), err.public_message()), (404, "not found"));
    let receiver = Receiver::new().without_verification(Vendor::Inbenta);
    let delivery = delivery(receiver.receive(Vendor::Inbenta, &request).unwrap());
    assert_eq!(delivery.verification, Verification::Skipped);
    assert_eq!(delivery.secret_index(), None);
    // No event id at Inbenta: the key is the digest of the body.
    // python3 -c "import hashlib; print(hashlib.sha256(open('fixtures/inbenta/chats.create.json','rb').read()).hexdigest())"
    assert!(
        delivery
            .dedup_key
            .starts_with("inbenta:chats%3Acreate:sha256:"),
        "{}",
        delivery.dedup_key
    );
    assert_eq!(
        delivery.dedup_key.len(),
        "inbenta:chats%3Acreate:sha256:".len() + 64
    );
    let again = delivery_key(&receiver, &body);
    assert_eq!(again, delivery.dedup_key, "stable for the same bytes");
    let mut other = body.clone();
    other.push(b'\n');
    assert_ne!(delivery_key(&receiver, &other), delivery.dedup_key);
    // Vendor::Custom has no parser and nothing to configure.
    let err = Receiver::new()
        .without_verification(Vendor::Custom)
        .receive(Vendor::Custom, &request)
        .unwrap_err();
    assert_eq!(err.status(), 404);
}

fn delivery_key(receiver: &Receiver, body: &[u8]) -> String {
    let headers: [(&str, &str); 0] = [];
    delivery(
        receiver
            .receive(Vendor::Inbenta, &Request::new(body, &headers))
            .unwrap(),
    )
    .dedup_key
}

#[test]
fn inbenta_signature() {
    let body = fixture("inbenta/messages.new.json");
    let receiver = Receiver::new().secret(Vendor::Inbenta, Secret::from("hyperchat-secret"));
    let signature = inbenta::sign(b"hyperchat-secret", &body);
    let headers = [("x-hook-signature", signature.to_uppercase())];
    let delivery = delivery(
        receiver
            .receive(Vendor::Inbenta, &Request::new(&body, &headers))
            .unwrap(),
    );
    assert_eq!(delivery.chat.kind, ChatEventKind::MessageCreated);
}

#[test]
fn inbenta_handshakes_are_refused_without_a_registration_window() {
    let receiver = Receiver::new().secret(Vendor::Inbenta, "hyperchat-secret");
    let headers = [("X-Hook-Secret", "attacker-chosen")];
    let err = receiver
        .receive(Vendor::Inbenta, &Request::new(b"", &headers))
        .unwrap_err();
    assert!(
        matches!(err, ReceiveError::HandshakeRefused { .. }),
        "{err}"
    );
    assert_eq!((err.status(), err.public_message()), (403, "forbidden"));
    assert_eq!(receiver.secret_count(Vendor::Inbenta), 1);
    // Also when the vendor is not configured at all, or not verified.
    for receiver in [
        Receiver::new(),
        Receiver::new().without_verification(Vendor::Inbenta),
    ] {
        let err = receiver
            .receive(Vendor::Inbenta, &Request::new(b"", &headers))
            .unwrap_err();
        assert!(
            matches!(err, ReceiveError::HandshakeRefused { .. }),
            "{err}"
        );
    }
}

#[test]
fn a_signed_inbenta_event_with_a_hook_secret_header_is_an_event() {
    let body = fixture("inbenta/chats.close.json");
    let receiver = Receiver::new().secret(Vendor::Inbenta, "hyperchat-secret");
    let signature = inbenta::sign(b"hyperchat-secret", &body);
    let headers = [
        ("X-Hook-Secret", "whatever"),
        ("X-Hook-Signature", signature.as_str()),
    ];
    let delivery = delivery(
        receiver
            .receive(Vendor::Inbenta, &Request::new(&body, &headers))
            .unwrap(),
    );
    assert_eq!(delivery.event.event_name(), "chats:close");
    // A wrong signature next to the header is refused, not taken for a handshake.
    let headers = [("X-Hook-Secret", "whatever"), ("X-Hook-Signature", "00")];
    let err = receiver
        .receive(Vendor::Inbenta, &Request::new(&body, &headers))
        .unwrap_err();
    assert_eq!(err.status(), 401, "{err}");
}

#[test]
fn inbenta_registration_window() {
    let now = at("2026-01-01T12:00:00Z");
    let receiver = Receiver::new();
    receiver.open_registration(Vendor::Inbenta, "one-time-9f2c", at("2026-01-01T12:05:00Z"));
    let headers = [("X-Hook-Secret", "s3cr3t-from-inbenta")];
    let request = Request::new(b"", &headers).with_query("registration=one-time-9f2c");
    // After the window: refused.
    let err = receiver
        .receive_at(Vendor::Inbenta, &request, at("2026-01-01T12:05:01Z"))
        .unwrap_err();
    assert!(matches!(err, ReceiveError::HandshakeRefused { .. }));
    // An empty secret is refused and keeps the window open.
    let blank = [("X-Hook-Secret", " ")];
    let err = receiver
        .receive_at(
            Vendor::Inbenta,
            &Request::new(b"", &blank).with_query("registration=one-time-9f2c"),
            now,
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "inbenta: secret is empty");
    // In the window, with the token: a registration, not active until confirmed.
    let Received::Handshake(Handshake::Registration(registration)) =
        receiver.receive_at(Vendor::Inbenta, &request, now).unwrap()
    else {
        panic!("a registration");
    };
    assert_eq!(registration.secret().expose(), b"s3cr3t-from-inbenta");
    assert!(!format!("{registration:?}").contains("s3cr3t"));
    assert!(!registration.is_confirmed());
    assert_eq!(receiver.secret_count(Vendor::Inbenta), 0);
    // Storing it failed: the answer makes Inbenta retry, and the window stays open.
    let retry = registration.clone().retry();
    assert_eq!(retry.status(), 503);
    assert!(retry.response_headers().is_empty());
    assert!(receiver.receive_at(Vendor::Inbenta, &request, now).is_ok());
    // Stored: confirming activates it, closes the window and gives the answer.
    let answer = receiver.confirm_registration(registration);
    assert_eq!(answer.status(), 200);
    assert_eq!(
        answer.response_headers(),
        [("X-Hook-Secret", "s3cr3t-from-inbenta".to_owned())]
    );
    assert_eq!(receiver.secret_count(Vendor::Inbenta), 1);
    // One registration per window: a second is refused.
    let other = [("X-Hook-Secret", "second")];
    let err = receiver
        .receive_at(
            Vendor::Inbenta,
            &Request::new(b"", &other).with_query("registration=one-time-9f2c"),
            now,
        )
        .unwrap_err();
    assert!(matches!(err, ReceiveError::HandshakeRefused { .. }));
    // Events signed with the secret now verify.
    let body = fixture("inbenta/chats.close.json");
    let signature = inbenta::sign(b"s3cr3t-from-inbenta", &body);
    let headers = [("X-Hook-Signature", signature.as_str())];
    let delivery = delivery(
        receiver
            .receive_at(Vendor::Inbenta, &Request::new(&body, &headers), now)
            .unwrap(),
    );
    assert_eq!(delivery.secret_index(), Some(0));
    // A closed window refuses.
    receiver.open_registration(Vendor::Inbenta, "t2", at("2026-01-01T13:00:00Z"));
    receiver.close_registration(Vendor::Inbenta);
    let request = Request::new(b"", &other).with_query("registration=t2");
    assert!(receiver.receive_at(Vendor::Inbenta, &request, now).is_err());
}

/// Issue 23.2: with the window open, a handshake without the window's token (an attacker
/// racing Inbenta) is refused, and Inbenta's own handshake still gets through afterwards.
#[test]
fn registration_needs_the_window_token() {
    let now = at("2026-01-01T12:00:00Z");
    let receiver = Receiver::new();
    receiver.open_registration(Vendor::Inbenta, "one-time-9f2c", at("2026-01-01T12:05:00Z"));
    let attacker = [("X-Hook-Secret", "attacker-secret")];
    for query in [
        "",
        "registration=",
        "registration=guess",
        "registration=one-time-9f2",
        "token=one-time-9f2c",
    ] {
        let err = receiver
            .receive_at(
                Vendor::Inbenta,
                &Request::new(b"", &attacker).with_query(query),
                now,
            )
            .unwrap_err();
        assert!(
            matches!(err, ReceiveError::HandshakeRefused { .. }),
            "{query}: {err}"
        );
        assert_eq!(err.status(), 403);
    }
    assert_eq!(receiver.secret_count(Vendor::Inbenta), 0);
    let inbenta = [("X-Hook-Secret", "real-secret")];
    let request = Request::new(b"", &inbenta).with_query("registration=one-time-9f2c");
    assert!(matches!(
        receiver.receive_at(Vendor::Inbenta, &request, now),
        Ok(Received::Handshake(Handshake::Registration(_)))
    ));
    // A blank token opens nothing.
    receiver.open_registration(Vendor::Inbenta, " ", at("2026-01-01T12:05:00Z"));
    let request = Request::new(b"", &inbenta).with_query("registration=%20");
    assert!(receiver.receive_at(Vendor::Inbenta, &request, now).is_err());
}

/// Issue 23.1: secrets from the service's own store, asked per request.
#[test]
fn secrets_from_a_source() {
    use chat_webhooks::receive::{Secret, SecretSourceError};
    use std::sync::{Arc, RwLock};

    let table: Arc<RwLock<Arc<[Secret]>>> = Arc::new(RwLock::new(Arc::from([])));
    let source = {
        let table = table.clone();
        move |vendor: Vendor| -> Result<Arc<[Secret]>, SecretSourceError> {
            assert_eq!(vendor, Vendor::SuperOffice);
            Ok(table.read().unwrap().clone())
        }
    };
    let receiver = Receiver::new().secret_source(Vendor::SuperOffice, Arc::new(source));
    let body = fixture("superoffice/chatsession.created.json");
    let signature = superoffice::sign(b"from the table", &body);
    let headers = [("X-SuperOffice-Signature", signature.as_str())];
    let request = Request::new(&body, &headers);
    assert_eq!(
        receiver
            .receive(Vendor::SuperOffice, &request)
            .unwrap_err()
            .status(),
        401
    );
    *table.write().unwrap() = Arc::from([Secret::from("other"), Secret::from("from the table")]);
    assert_eq!(
        delivery(receiver.receive(Vendor::SuperOffice, &request).unwrap()).secret_index(),
        Some(1)
    );
    // A failing source answers 503: the vendor retries.
    let failing =
        |_: Vendor| -> Result<Arc<[Secret]>, SecretSourceError> { Err("database is down".into()) };
    let receiver = Receiver::new().secret_source(Vendor::SuperOffice, Arc::new(failing));
    let err = receiver.receive(Vendor::SuperOffice, &request).unwrap_err();
    assert_eq!(err.status(), 503);
    assert_eq!(
        err.to_string(),
        "superoffice: the secret source failed: database is down"
    );
}

/// Issue 23.4: a secret that is only whitespace verifies nothing, like an empty one.
#[test]
fn whitespace_secrets_verify_nothing() {
    let body = fixture("superoffice/chatsession.created.json");
    for blank in ["\n", " ", "\t\r\n"] {
        let signature = superoffice::sign(blank.as_bytes(), &body);
        let headers = [("X-SuperOffice-Signature", signature.as_str())];
        let receiver = Receiver::new().secret(Vendor::SuperOffice, blank);
        let err = receiver
            .receive(Vendor::SuperOffice, &Request::new(&body, &headers))
            .unwrap_err();
        assert_eq!(err.to_string(), "superoffice: secret is empty", "{blank:?}");
        assert!(superoffice::verify_signature(blank.as_bytes(), &body, &signature).is_err());
        // A token vendor too.
        let receiver = Receiver::new().secret(Vendor::ChannelTalk, blank);
        let body = fixture("channel_talk/message.push.json");
        let request = Request::new(&body, &headers).with_query("token=%0A");
        assert_eq!(
            receiver
                .receive(Vendor::ChannelTalk, &request)
                .unwrap_err()
                .status(),
            401
        );
    }
}

#[test]
fn superoffice_test_post_is_a_handshake() {
    let body = fixture("superoffice/test.json");
    let signature = superoffice::sign(b"s", &body);
    let headers = [
        ("X-Hook-Test", "true"),
        ("X-SuperOffice-Signature", signature.as_str()),
    ];
    let receiver = Receiver::new()
        .secret(Vendor::SuperOffice, "s")
        .max_age(Duration::from_secs(1));
    // The test event is a handshake even when it is old: there is nothing to replay.
    let Received::Handshake(handshake) = receiver
        .receive(Vendor::SuperOffice, &Request::new(&body, &headers))
        .unwrap()
    else {
        panic!("a handshake");
    };
    assert_eq!(handshake.status(), 200);
    assert!(handshake.response_headers().is_empty());
    assert!(matches!(
        handshake,
        Handshake::Test {
            vendor: Vendor::SuperOffice,
            ..
        }
    ));
}

/// The signed body decides, not the unsigned `X-Hook-Test` header (issue 23, point 7): a
/// `test` body is the registration test without the header, an event of another name is an
/// event with it, and the header does not spare a `test` body its signature.
#[test]
fn superoffice_test_is_told_by_the_signed_body() {
    let receiver = Receiver::new().secret(Vendor::SuperOffice, "s");
    let receive = |body: &[u8], headers: &[(&str, &str)]| {
        receiver.receive(Vendor::SuperOffice, &Request::new(body, headers))
    };
    let test = fixture("superoffice/test.json");
    let signature = superoffice::sign(b"s", &test);
    let signed = [("X-SuperOffice-Signature", signature.as_str())];
    assert!(matches!(
        receive(&test, &signed),
        Ok(Received::Handshake(Handshake::Test { .. }))
    ));
    let event = fixture("superoffice/chatsession.created.json");
    let signature = superoffice::sign(b"s", &event);
    let with_header = [
        (superoffice::TEST_HEADER, "true"),
        ("X-SuperOffice-Signature", signature.as_str()),
    ];
    assert!(matches!(
        receive(&event, &with_header),
        Ok(Received::Event(_))
    ));
    let unsigned = [(superoffice::TEST_HEADER, "true")];
    assert!(matches!(
        receive(&test, &unsigned),
        Err(ReceiveError::Missing { .. })
    ));
}

#[test]
fn replay_guard() {
    let body = fixture("superoffice/chatsession.created.json"); // Timestamp 2025-03-11T09:42:17.33Z
    let signature = superoffice::sign(b"s", &body);
    let headers = [("X-SuperOffice-Signature", signature.as_str())];
    let request = Request::new(&body, &headers);
    let receiver = Receiver::new()
        .secret(Vendor::SuperOffice, "s")
        .max_age(Duration::from_secs(300));
    assert!(receiver
        .receive_at(Vendor::SuperOffice, &request, at("2025-03-11T09:47:17Z"))
        .is_ok());
    let err = receiver
        .receive_at(Vendor::SuperOffice, &request, at("2025-03-11T09:47:18Z"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "superoffice chatsession.created: event is 300s old, more than the 300s allowed"
    );
    assert_eq!(err.status(), 400);
    let err = receiver
        .receive_at(Vendor::SuperOffice, &request, at("2025-03-11T09:37:17Z"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "superoffice chatsession.created: event is dated 300s in the future, more than the 300s allowed"
    );
    assert!(receiver
        .receive_at(Vendor::SuperOffice, &request, at("2025-03-11T09:37:18Z"))
        .is_ok());

    let body = br#"{"EventId":"x","Event":"chatsession.changed"}"#;
    let signature = superoffice::sign(b"s", body);
    let headers = [("X-SuperOffice-Signature", signature.as_str())];
    let err = receiver
        .receive(Vendor::SuperOffice, &Request::new(body, &headers))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "superoffice chatsession.changed: event has no timestamp to check its age against"
    );
}

#[test]
fn authenticated_but_invalid_bodies_are_bad_requests() {
    let body = br#"{"EventId":"x","Event":"chatsession.created","PrimaryKey":{}}"#;
    let signature = superoffice::sign(b"s", body);
    let headers = [("X-SuperOffice-Signature", signature.as_str())];
    let err = Receiver::new()
        .secret(Vendor::SuperOffice, "s")
        .receive(Vendor::SuperOffice, &Request::new(body, &headers))
        .unwrap_err();
    assert_eq!(err.status(), 400);
    assert!(err
        .to_string()
        .starts_with("superoffice chatsession.created: PrimaryKey: invalid type: map"));
}

#[test]
fn headers_and_secrets() {
    let pairs = vec![("Content-Type".to_owned(), "application/json".to_owned())];
    assert_eq!(pairs.header("content-type"), Some("application/json"));
    let receiver = Receiver::new().secret(Vendor::SuperOffice, "do-not-print-me");
    let debug = format!("{receiver:?}");
    assert!(!debug.contains("do-not-print-me"), "{debug}");
    assert!(debug.contains("Secret(..)"), "{debug}");
}

#[test]
fn an_empty_secret_never_delivers() {
    // A service that reads its secret from a variable that is set but empty.
    let so = fixture("superoffice/chatsession.created.json");
    let ib = fixture("inbenta/chats.close.json");
    let so_forged = superoffice::sign(b"", &so);
    let ib_forged = inbenta::sign(b"", &ib);
    let receiver = Receiver::new()
        .secret(Vendor::SuperOffice, "")
        .secret(Vendor::Inbenta, Secret::new(Vec::new()));
    let headers = [("X-SuperOffice-Signature", so_forged.as_str())];
    let err = receiver
        .receive_at(
            Vendor::SuperOffice,
            &Request::new(&so, &headers),
            soon_after_superoffice(),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "superoffice: secret is empty");
    assert_eq!(err.status(), 401);
    let headers = [("X-Hook-Signature", ib_forged.as_str())];
    let err = receiver
        .receive(Vendor::Inbenta, &Request::new(&ib, &headers))
        .unwrap_err();
    assert_eq!(err.to_string(), "inbenta: secret is empty");
    // An empty secret next to a real one: skipped, and indices still count it.
    receiver.add_secret(Vendor::SuperOffice, "real");
    let err = receiver
        .receive_at(
            Vendor::SuperOffice,
            &Request::new(&so, &[("X-SuperOffice-Signature", so_forged.as_str())]),
            soon_after_superoffice(),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "superoffice: signature does not match the body"
    );
    let real = superoffice::sign(b"real", &so);
    let delivery = delivery(
        receiver
            .receive_at(
                Vendor::SuperOffice,
                &Request::new(&so, &[("X-SuperOffice-Signature", real.as_str())]),
                soon_after_superoffice(),
            )
            .unwrap(),
    );
    assert_eq!(delivery.secret_index(), Some(1));
    // Tokens too: an empty token in the URL never matches an empty secret.
    #[cfg(feature = "channel-talk")]
    {
        let body = common::fixtures("channel_talk").remove(0).1;
        let receiver = Receiver::new().secret(Vendor::ChannelTalk, "");
        for query in ["token=", "token", "token=+", ""] {
            let headers: [(&str, &str); 0] = [];
            let request = Request::new(&body, &headers).with_query(query);
            assert!(
                receiver.receive(Vendor::ChannelTalk, &request).is_err(),
                "{query}"
            );
        }
    }
}

#[test]
fn request_debug_hides_credentials() {
    let headers = [
        ("X-Hook-Secret", "hook-secret-value"),
        ("X-Hook-Signature", "deadbeefsignature"),
        ("X-SuperOffice-Signature", "c2lnbmF0dXJl"),
    ];
    let request = Request::new(b"{\"a\":1}", &headers[..])
        .with_query("?source=channel&token=query-token-value&flag");
    let debug = format!("{request:?}");
    for secret in [
        "hook-secret-value",
        "deadbeefsignature",
        "c2lnbmF0dXJl",
        "query-token-value",
    ] {
        assert!(!debug.contains(secret), "{debug}");
    }
    assert_eq!(
        debug,
        r#"Request { body: <7 bytes>, headers: <redacted>, query: "source=..&token=..&flag" }"#
    );
}

#[test]
fn body_text_in_receive_errors_is_escaped() {
    let hostile = "push\r\n2026-01-01 INFO payment approved\u{1b}[2K";
    let body = serde_json::to_vec(&serde_json::json!({
        "EventId": "x",
        "Event": hostile,
    }))
    .unwrap();
    let signature = superoffice::sign(b"s", &body);
    let headers = [("X-SuperOffice-Signature", signature.as_str())];
    let receiver = Receiver::new()
        .secret(Vendor::SuperOffice, "s")
        .max_age(Duration::from_secs(60));
    let err = receiver
        .receive(Vendor::SuperOffice, &Request::new(&body, &headers))
        .unwrap_err();
    let message = err.to_string();
    assert_eq!(
        message,
        "superoffice push\\r\\n2026-01-01 INFO payment approved\\u{1b}[2K: event has no timestamp to check its age against"
    );
    assert!(!message.contains(['\r', '\n', '\u{1b}']));
    assert_eq!(err.public_message(), "event outside the replay window");
}

fn key_of(receiver: &Receiver, vendor: Vendor, body: &[u8]) -> String {
    let headers: [(&str, &str); 0] = [];
    delivery(
        receiver
            .receive(vendor, &Request::new(body, &headers))
            .unwrap(),
    )
    .dedup_key
}

fn unverified() -> Receiver {
    Vendor::SUPPORTED
        .into_iter()
        .fold(Receiver::new(), Receiver::without_verification)
}

#[test]
fn dedup_keys_name_the_event() {
    // SuperOffice's examples reuse one EventId for different events.
    let receiver = unverified();
    let created = br#"{"EventId":"same","Event":"chatsession.created"}"#;
    let message = br#"{"EventId":"same","Event":"chatsession.message"}"#;
    let a = key_of(&receiver, Vendor::SuperOffice, created);
    let b = key_of(&receiver, Vendor::SuperOffice, message);
    assert_eq!(a, "superoffice:chatsession.created:id:same");
    assert_ne!(a, b);
    // No two fixtures of different events share a key.
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    for (vendor, dir) in [
        (Vendor::SuperOffice, "superoffice"),
        (Vendor::Ebbot, "ebbot"),
        (Vendor::ChannelTalk, "channel_talk"),
        (Vendor::Inbenta, "inbenta"),
    ] {
        if !vendor.is_enabled() {
            continue;
        }
        for (path, body) in common::fixtures(dir) {
            if path.ends_with("test.json") && vendor == Vendor::SuperOffice {
                continue; // a handshake
            }
            let headers: [(&str, &str); 0] = [];
            let Ok(Received::Event(delivery)) =
                receiver.receive(vendor, &Request::new(&body, &headers))
            else {
                continue;
            };
            let name = delivery.event.event_name().to_owned();
            if let Some((other, other_name)) =
                seen.insert(delivery.dedup_key.clone(), (path.clone(), name.clone()))
            {
                assert_eq!(
                    name, other_name,
                    "{path} and {other} share the key {}",
                    delivery.dedup_key
                );
            }
        }
    }
}

#[test]
fn dedup_keys_keep_ids_and_digests_apart() {
    let receiver = unverified();
    // A body whose EventId looks like another body's digest key.
    let plain = br#"{"Event":"chatsession.created"}"#;
    let digest_key = key_of(&receiver, Vendor::SuperOffice, plain);
    let (_, hex) = digest_key.rsplit_once(':').unwrap();
    assert!(digest_key.starts_with("superoffice:chatsession.created:sha256:"));
    let forged = format!(r#"{{"EventId":"sha256:{hex}","Event":"chatsession.created"}}"#);
    let forged_key = key_of(&receiver, Vendor::SuperOffice, forged.as_bytes());
    assert_ne!(forged_key, digest_key);
    assert_eq!(
        forged_key,
        format!("superoffice:chatsession.created:id:sha256%3A{hex}")
    );
    // An event name with `:` cannot shift the id into the name.
    let a = key_of(
        &receiver,
        Vendor::SuperOffice,
        br#"{"EventId":"b:c","Event":"a"}"#,
    );
    let b = key_of(
        &receiver,
        Vendor::SuperOffice,
        br#"{"EventId":"c","Event":"a:id:b"}"#,
    );
    assert_ne!(a, b);
}

#[test]
fn an_empty_event_id_is_absent() {
    let receiver = unverified();
    let one = br#"{"EventId":"","Event":"chatsession.created","PrimaryKey":1}"#;
    let two = br#"{"EventId":"","Event":"chatsession.created","PrimaryKey":2}"#;
    let a = key_of(&receiver, Vendor::SuperOffice, one);
    let b = key_of(&receiver, Vendor::SuperOffice, two);
    assert!(
        a.starts_with("superoffice:chatsession.created:sha256:"),
        "{a}"
    );
    assert_ne!(a, b);
    assert_ne!(a, "superoffice:");
}

#[cfg(all(feature = "channel-talk", feature = "ebbot"))]
#[test]
fn tokens_with_a_plus_match_raw_or_encoded() {
    let token = "ab+cd/ef==";
    let receiver = Receiver::new()
        .secret(Vendor::ChannelTalk, token)
        .secret(Vendor::Ebbot, token);
    for (vendor, dir) in [
        (Vendor::ChannelTalk, "channel_talk"),
        (Vendor::Ebbot, "ebbot"),
    ] {
        let body = common::fixtures(dir).remove(0).1;
        let headers: [(&str, &str); 0] = [];
        for query in [
            "token=ab+cd/ef==",
            "token=ab%2Bcd%2Fef%3D%3D",
            "a=b&token=ab%2bcd/ef%3D=",
        ] {
            let request = Request::new(&body, &headers).with_query(query);
            assert!(
                matches!(receiver.receive(vendor, &request), Ok(Received::Event(_))),
                "{vendor} {query}"
            );
        }
        for query in ["token=ab%20cd/ef==", "token=abcd/ef=="] {
            let request = Request::new(&body, &headers).with_query(query);
            let err = receiver.receive(vendor, &request).unwrap_err();
            assert_eq!(err.to_string(), format!("{vendor}: token does not match"));
        }
    }
}

#[test]
fn duplicate_signature_headers_the_first_wins() {
    let body = fixture("superoffice/chatsession.created.json");
    let good = superoffice::sign(b"s", &body);
    let bad = superoffice::sign(b"other", &body);
    let receiver = Receiver::new().secret(Vendor::SuperOffice, "s");
    let receive = |headers: &[(&str, &str)]| {
        receiver.receive_at(
            Vendor::SuperOffice,
            &Request::new(&body, headers),
            soon_after_superoffice(),
        )
    };
    // Both spellings SuperOffice uses, in either order and case.
    for (first, second) in [
        ("X-SuperOffice-Signature", "X-Superoffice-Signature"),
        ("x-superoffice-signature", "X-SUPEROFFICE-SIGNATURE"),
    ] {
        assert!(receive(&[(first, good.as_str()), (second, bad.as_str())]).is_ok());
        assert!(receive(&[(second, bad.as_str()), (first, good.as_str())]).is_err());
    }
    // Whitespace around the value is tolerated.
    let padded = format!("  {good}\t");
    assert!(receive(&[("X-SUPEROFFICE-SIGNATURE", padded.as_str())]).is_ok());
    // Inbenta: uppercase hex with whitespace, and the first header wins.
    let body = fixture("inbenta/chats.close.json");
    let good = format!(" {} ", inbenta::sign(b"s", &body).to_uppercase());
    let bad = inbenta::sign(b"other", &body);
    let receiver = Receiver::new().secret(Vendor::Inbenta, "s");
    let headers = [
        ("x-hook-signature", good.as_str()),
        ("X-Hook-Signature", bad.as_str()),
    ];
    assert!(receiver
        .receive(Vendor::Inbenta, &Request::new(&body, &headers))
        .is_ok());
    let headers = [
        ("X-HOOK-SIGNATURE", bad.as_str()),
        ("x-hook-signature", good.as_str()),
    ];
    assert!(receiver
        .receive(Vendor::Inbenta, &Request::new(&body, &headers))
        .is_err());
}

#[cfg(feature = "http")]
#[test]
fn duplicate_signature_headers_in_a_header_map() {
    let body = fixture("superoffice/chatsession.created.json");
    let good = superoffice::sign(b"s", &body);
    let bad = superoffice::sign(b"other", &body);
    let receiver = Receiver::new().secret(Vendor::SuperOffice, "s");
    let mut map = http::HeaderMap::new();
    map.append("x-superoffice-signature", good.parse().unwrap());
    map.append("X-Superoffice-Signature", bad.parse().unwrap());
    assert!(receiver
        .receive_at(
            Vendor::SuperOffice,
            &Request::new(&body, &map),
            soon_after_superoffice()
        )
        .is_ok());
}

#[test]
fn secrets_change_while_receiving() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    let body = fixture("superoffice/chatsession.created.json");
    let stable = superoffice::sign(b"stable", &body);
    let rotating = superoffice::sign(b"rotating", &body);
    let old = superoffice::sign(b"old", &body);
    let new = superoffice::sign(b"new", &body);
    let receiver = Arc::new(Receiver::new().secret(Vendor::SuperOffice, "stable"));
    let done = Arc::new(AtomicUsize::new(0));
    let now = soon_after_superoffice();
    // Four threads receive while the main thread adds, replaces and removes other secrets,
    // always keeping `stable`: each change is atomic, so a request signed with `stable` is
    // never refused, whatever the interleaving, and its index names a real position.
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (receiver, done, body, stable, rotating) = (
                receiver.clone(),
                done.clone(),
                body.clone(),
                stable.clone(),
                rotating.clone(),
            );
            std::thread::spawn(move || {
                for _ in 0..300 {
                    let receive = |signature: &str| {
                        let headers = [("X-SuperOffice-Signature", signature)];
                        receiver.receive_at(
                            Vendor::SuperOffice,
                            &Request::new(&body, &headers),
                            now,
                        )
                    };
                    match receive(&stable) {
                        Ok(Received::Event(delivery)) => {
                            let index = delivery.secret_index().unwrap();
                            assert!(index < 3, "{index}");
                        }
                        other => panic!("`stable` refused during a rotation: {other:?}"),
                    }
                    match receive(&rotating) {
                        Ok(Received::Event(delivery)) => {
                            assert!(delivery.secret_index().unwrap() < 3);
                        }
                        Ok(other) => panic!("{other:?}"),
                        Err(err) => assert_eq!(err.status(), 401, "{err}"),
                    }
                }
                done.fetch_add(1, Ordering::Relaxed);
            })
        })
        .collect();
    let mut rotations = 0u32;
    while done.load(Ordering::Relaxed) < 4 {
        receiver.add_secret(Vendor::SuperOffice, "rotating"); // [stable, rotating]
        receiver.set_secrets(Vendor::SuperOffice, ["rotating", "other", "stable"]);
        assert!(receiver.remove_secret(Vendor::SuperOffice, 0).is_some()); // [other, stable]
        receiver.set_secrets(Vendor::SuperOffice, ["stable"]);
        assert_eq!(receiver.secret_count(Vendor::SuperOffice), 1);
        rotations += 1;
    }
    for worker in workers {
        worker.join().unwrap();
    }
    receiver.set_secrets(Vendor::SuperOffice, ["old"]);
    assert!(rotations > 0);
    // The final state: only `old`, at index 0; `new` is refused.
    let receive = |signature: &str| {
        let headers = [("X-SuperOffice-Signature", signature)];
        receiver.receive_at(Vendor::SuperOffice, &Request::new(&body, &headers), now)
    };
    assert_eq!(delivery(receive(&old).unwrap()).secret_index(), Some(0));
    assert!(receive(&new).is_err());
    // Rotation order keeps its meaning: the index is the position in the current set.
    receiver.set_secrets(Vendor::SuperOffice, ["new", "old"]);
    assert_eq!(delivery(receive(&old).unwrap()).secret_index(), Some(1));
    assert_eq!(delivery(receive(&new).unwrap()).secret_index(), Some(0));
    // Cleared: refused as unconfigured.
    receiver.clear_secrets(Vendor::SuperOffice);
    assert!(matches!(
        receive(&old),
        Err(ReceiveError::NotConfigured { .. })
    ));
    assert!(receiver.remove_secret(Vendor::SuperOffice, 0).is_none());
}

#[cfg(feature = "channel-talk")]
#[test]
fn replay_windows_per_vendor() {
    // Channel Talk sends no delivery time: `max_age` does not apply to it.
    let (path, body) = common::fixtures("channel_talk").remove(0);
    let headers: [(&str, &str); 0] = [];
    let request = Request::new(&body, &headers);
    let far_future = at("2040-01-01T00:00:00Z");
    let receiver = unverified().max_age(Duration::from_secs(300));
    assert_eq!(receiver.max_age_of(Vendor::ChannelTalk), None);
    assert_eq!(
        receiver.max_age_of(Vendor::SuperOffice),
        Some(Duration::from_secs(300))
    );
    assert!(
        receiver
            .receive_at(Vendor::ChannelTalk, &request, far_future)
            .is_ok(),
        "{path}"
    );
    // Unless asked to: then the entity's time counts.
    let receiver = receiver.max_age_for(Vendor::ChannelTalk, Duration::from_secs(3600));
    let err = receiver
        .receive_at(Vendor::ChannelTalk, &request, far_future)
        .unwrap_err();
    assert!(matches!(err, ReceiveError::TooOld { .. }), "{err}");
    // Another vendor's own window replaces the default.
    let body = fixture("superoffice/chatsession.created.json"); // 2025-03-11T09:42:17.33Z
    let receiver = unverified()
        .max_age(Duration::from_secs(300))
        .max_age_for(Vendor::SuperOffice, Duration::from_secs(3600));
    let request = Request::new(&body, &headers);
    assert!(receiver
        .receive_at(Vendor::SuperOffice, &request, at("2025-03-11T10:42:17Z"))
        .is_ok());
    let err = receiver
        .receive_at(Vendor::SuperOffice, &request, at("2025-03-11T10:42:18Z"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "superoffice chatsession.created: event is 3600s old, more than the 3600s allowed"
    );
}

#[test]
fn a_delivery_keeps_the_body() {
    let body = fixture("superoffice/chatsession.created.json");
    let signature = superoffice::sign(b"s", &body);
    let headers = [("X-SuperOffice-Signature", signature.as_str())];
    let receiver = Receiver::new().secret(Vendor::SuperOffice, "s");
    let delivery = delivery(
        receiver
            .receive_at(
                Vendor::SuperOffice,
                &Request::new(&body, &headers),
                soon_after_superoffice(),
            )
            .unwrap(),
    );
    assert_eq!(delivery.body.as_bytes(), &body[..]);
    assert_eq!(
        format!("{:?}", delivery.body),
        format!("Body(<{} bytes>)", body.len())
    );
    // From shared storage, the body is shared, not copied.
    #[cfg(feature = "http")]
    {
        let shared = bytes::Bytes::from(body.clone());
        let delivery = match receiver
            .receive_at(
                Vendor::SuperOffice,
                &Request::from_bytes(&shared, &headers),
                soon_after_superoffice(),
            )
            .unwrap()
        {
            Received::Event(delivery) => delivery,
            other => panic!("{other:?}"),
        };
        let kept = delivery.body.clone().into_bytes();
        assert_eq!(kept.as_ptr(), shared.as_ptr());
    }
}

/// Chatwoot through the receiver: the signature covers `"{X-Chatwoot-Timestamp}.{body}"`, the
/// replay window is checked against that signed timestamp (Chatwoot advises 5 minutes), the
/// delivery id keys de-duplication, and an unsigned request is accepted only by the explicit
/// opt-in for servers older than v4.11.2.
#[cfg(feature = "chatwoot")]
#[test]
fn chatwoot_signed_timestamps_and_deliveries() {
    use chat_webhooks::chatwoot;

    let body = fixture("chatwoot/message_created.json");
    let sent = at("2026-01-01T12:00:00Z");
    let timestamp = sent.timestamp().to_string();
    let signature = chatwoot::sign(b"whsec_cw", &timestamp, &body);
    let headers = [
        (chatwoot::SIGNATURE_HEADER, signature.as_str()),
        (chatwoot::TIMESTAMP_HEADER, timestamp.as_str()),
        (chatwoot::DELIVERY_HEADER, "7d9c0a4e-delivery"),
    ];
    let request = Request::new(&body, &headers);
    let receiver = Receiver::new()
        .secret(Vendor::Chatwoot, "whsec_cw")
        .max_age(Duration::from_secs(300));
    let first = delivery(
        receiver
            .receive_at(Vendor::Chatwoot, &request, at("2026-01-01T12:04:00Z"))
            .unwrap(),
    );
    assert_eq!(
        first.dedup_key,
        "chatwoot:message_created:id:7d9c0a4e-delivery"
    );
    assert_eq!(first.chat.kind, ChatEventKind::MessageCreated);
    // Stale by its signed timestamp, whatever the body's own times say.
    let err = receiver
        .receive_at(Vendor::Chatwoot, &request, at("2026-01-01T12:06:00Z"))
        .unwrap_err();
    assert!(matches!(err, ReceiveError::TooOld { .. }), "{err}");
    // A timestamp that is not the signed one fails the signature.
    let moved = [
        (chatwoot::SIGNATURE_HEADER, signature.as_str()),
        (chatwoot::TIMESTAMP_HEADER, "1767268801"),
    ];
    let err = receiver
        .receive_at(Vendor::Chatwoot, &Request::new(&body, &moved), sent)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "chatwoot: signature does not match the body"
    );
    // The body alone signed (the mistake of Chatwoot's issue #13809) does not verify.
    let body_only = [
        (chatwoot::SIGNATURE_HEADER, "sha256=00"),
        (chatwoot::TIMESTAMP_HEADER, timestamp.as_str()),
    ];
    assert_eq!(
        receiver
            .receive_at(Vendor::Chatwoot, &Request::new(&body, &body_only), sent)
            .unwrap_err()
            .status(),
        401
    );
    // Without the timestamp header: refused, saying what is missing.
    let no_timestamp = [(chatwoot::SIGNATURE_HEADER, signature.as_str())];
    let err = receiver
        .receive_at(Vendor::Chatwoot, &Request::new(&body, &no_timestamp), sent)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "chatwoot: missing `X-Chatwoot-Timestamp` header"
    );
    // Unsigned (an old server): refused unless opted out explicitly.
    let none: [(&str, &str); 0] = [];
    let unsigned = Request::new(&body, &none[..]);
    assert_eq!(
        receiver
            .receive_at(Vendor::Chatwoot, &unsigned, sent)
            .unwrap_err()
            .status(),
        401
    );
    let old_server = Receiver::new().without_verification(Vendor::Chatwoot);
    let opted_out = delivery(
        old_server
            .receive_at(Vendor::Chatwoot, &unsigned, sent)
            .unwrap(),
    );
    assert_eq!(opted_out.secret_index(), None);
    assert!(opted_out
        .dedup_key
        .starts_with("chatwoot:message_created:sha256:"));
    // The testing helper signs the same way.
    #[cfg(feature = "testing")]
    {
        let made =
            chat_webhooks::testing::vendor_request_at(Vendor::Chatwoot, &body, "whsec_cw", sent);
        assert!(receiver
            .receive_at(Vendor::Chatwoot, &made.request(), sent)
            .is_ok());
    }
}

/// Issue 21.14: an Inbenta Messenger webhook posted to the HyperChat route is named, even when
/// its `X-Hook-Signature` (the Messenger's raw secret, not an HMAC) fails the check.
#[cfg(feature = "inbenta")]
#[test]
fn a_messenger_webhook_on_the_hyperchat_route_is_named() {
    let body = fixture("inbenta/variants/refused/messenger.ticket.json");
    let headers = [("X-Hook-Signature", "the-messenger-secret")];
    let receiver = Receiver::new().secret(Vendor::Inbenta, "hyperchat-secret");
    let err = receiver
        .receive_at(
            Vendor::Inbenta,
            &Request::new(&body, &headers),
            at("2026-01-01T12:00:00Z"),
        )
        .unwrap_err();
    assert!(err.to_string().contains("messenger"), "{err}");
    assert_eq!(
        err.status(),
        400,
        "not a webhook of this route: retrying is pointless"
    );
    // A HyperChat body with a bad signature is still plainly unauthenticated.
    let body = fixture("inbenta/chats.close.json");
    let err = receiver
        .receive_at(
            Vendor::Inbenta,
            &Request::new(&body, &headers),
            at("2026-01-01T12:00:00Z"),
        )
        .unwrap_err();
    assert_eq!(err.status(), 401, "{err}");
}

/// A Channel App function call posted to the Channel Talk webhook route (it carries no
/// `token`) is named, not only refused.
#[cfg(feature = "channel-talk")]
#[test]
fn an_app_function_call_on_the_webhook_route_is_named() {
    let body = fixture("channel_talk/variants/refused/app.function.json");
    let headers = [("x-signature", "c2lnbmVk")];
    let receiver = Receiver::new().secret(Vendor::ChannelTalk, "webhook-token");
    let err = receiver
        .receive_at(
            Vendor::ChannelTalk,
            &Request::new(&body, &headers),
            at("2026-01-01T12:00:00Z"),
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("channel app function call"),
        "{err}"
    );
    assert_eq!(err.status(), 400);
}
