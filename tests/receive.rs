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
            "superoffice:3f9c2b1e-7d4a-4c8e-9b61-2a5d8e0f4c17"
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
    assert_eq!(err.status(), 500);
    let receiver = Receiver::new().without_verification(Vendor::Inbenta);
    let delivery = delivery(receiver.receive(Vendor::Inbenta, &request).unwrap());
    assert_eq!(delivery.verification, Verification::Skipped);
    assert_eq!(delivery.secret_index(), None);
    // No event id at Inbenta: the key is the digest of the body.
    // python3 -c "import hashlib; print(hashlib.sha256(open('fixtures/inbenta/chats.create.json','rb').read()).hexdigest())"
    assert!(
        delivery.dedup_key.starts_with("inbenta:sha256:"),
        "{}",
        delivery.dedup_key
    );
    assert_eq!(delivery.dedup_key.len(), "inbenta:sha256:".len() + 64);
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
    assert_eq!(err.status(), 500);
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
fn inbenta_signature_and_handshake() {
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

    let headers = [("X-Hook-Secret", "s3cr3t-from-inbenta")];
    let Received::Handshake(handshake) = receiver
        .receive(Vendor::Inbenta, &Request::new(b"", &headers))
        .unwrap()
    else {
        panic!("a handshake");
    };
    assert_eq!(handshake.status(), 200);
    assert_eq!(
        handshake.response_headers(),
        [("X-Hook-Secret", "s3cr3t-from-inbenta".to_owned())]
    );
    let Handshake::Inbenta(inner) = handshake else {
        panic!()
    };
    assert_eq!(inner.secret(), "s3cr3t-from-inbenta");

    let headers = [("X-Hook-Secret", " ")];
    let err = receiver
        .receive(Vendor::Inbenta, &Request::new(b"", &headers))
        .unwrap_err();
    assert_eq!(err.to_string(), "inbenta: secret is empty");
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
    assert!(matches!(handshake, Handshake::SuperOfficeTest { .. }));
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
