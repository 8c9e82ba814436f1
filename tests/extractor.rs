//! The receiver's clock, through `receive` and through the axum extractor, and the requests of
//! `chat_webhooks::testing` as `http` and axum requests (issue 23, points 5 and 6).
#![cfg(all(feature = "axum", feature = "testing"))]

mod common;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::FromRequest;
use chat_webhooks::chrono::{DateTime, TimeDelta, Utc};
use chat_webhooks::receive::axum::{
    ChannelTalkRoute, EbbotRoute, InbentaRoute, SuperOfficeRoute, Verified, WebhookRejection,
    WebhookRoute,
};
use chat_webhooks::receive::{ReceiveError, Received, Receiver};
use chat_webhooks::testing::vendor_request;
use chat_webhooks::{parse_event_as, Vendor};

const SECRET: &str = "s3cret+/=";

/// A fixture of `vendor`, and when it says it was sent.
fn dated(vendor: Vendor, path: &str) -> (Vec<u8>, Option<DateTime<Utc>>) {
    let body = common::fixture(path);
    let at = parse_event_as(vendor, &body).unwrap().occurred_at();
    (body, at)
}

fn receiver() -> Receiver {
    Vendor::SUPPORTED
        .into_iter()
        .filter(|vendor| vendor.is_enabled())
        .fold(Receiver::new(), |receiver, vendor| {
            receiver.secret(vendor, SECRET)
        })
        .max_age(Duration::from_secs(300))
}

async fn extract<R: WebhookRoute>(
    receiver: Receiver,
    request: axum::extract::Request,
) -> Result<Verified<R>, WebhookRejection> {
    Verified::<R>::from_request(request, &Arc::new(receiver)).await
}

/// 5: `receive` reads the receiver's clock: a fixture dated 2025 is inside the window when the
/// clock says so, and too old by the system's.
#[cfg(feature = "superoffice")]
#[test]
fn receive_reads_the_receivers_clock() {
    let (body, at) = dated(Vendor::SuperOffice, "superoffice/chatsession.created.json");
    let at = at.unwrap();
    let sent = vendor_request(Vendor::SuperOffice, &body, SECRET);
    let by_the_system = receiver().receive(Vendor::SuperOffice, &sent.request());
    assert!(
        matches!(by_the_system, Err(ReceiveError::TooOld { .. })),
        "{by_the_system:?}"
    );
    let then = at + TimeDelta::seconds(60);
    let receiver = receiver().clock(move || then);
    assert_eq!(receiver.now(), then);
    assert!(matches!(
        receiver.receive(Vendor::SuperOffice, &sent.request()),
        Ok(Received::Event(_))
    ));
    // A clone keeps the clock.
    let clone = receiver.clone();
    assert_eq!(clone.now(), then);
    // Too far ahead by the clock: the event is from its future.
    let before = at - TimeDelta::seconds(301);
    let early = self::receiver().clock(move || before);
    assert!(matches!(
        early.receive(Vendor::SuperOffice, &sent.request()),
        Err(ReceiveError::FromTheFuture { .. })
    ));
}

/// 5 and 6: the axum extractor reads the receiver's clock, for every vendor's route, with the
/// vendor's request as an axum request.
#[tokio::test]
async fn the_extractor_reads_the_receivers_clock() {
    async fn check<R: WebhookRoute>(path: &str, windowed: bool) {
        if !R::VENDOR.is_enabled() {
            return;
        }
        let (body, at) = dated(R::VENDOR, path);
        let sent = vendor_request(R::VENDOR, &body, SECRET);
        let route = format!("/webhooks/{}", R::VENDOR.as_str());
        let at = at.unwrap_or_else(|| std::time::SystemTime::now().into());
        // By a clock that agrees with the fixture: an event.
        let then = at + TimeDelta::seconds(10);
        let hook = extract::<R>(
            receiver().clock(move || then),
            sent.axum_request(&route).unwrap(),
        )
        .await
        .unwrap_or_else(|err| panic!("{path}: {err}"));
        let Received::Event(delivery) = hook.into_received() else {
            panic!("{path}: not an event");
        };
        assert_eq!(delivery.body.as_ref(), &body[..], "{path}");
        // A day later by the clock: too old, where the vendor sends a delivery time.
        let later = at + TimeDelta::days(1);
        let refused = extract::<R>(
            receiver().clock(move || later),
            sent.axum_request(&route).unwrap(),
        )
        .await;
        assert_eq!(
            matches!(
                refused,
                Err(WebhookRejection::Receive(ReceiveError::TooOld { .. }))
            ),
            windowed,
            "{path}: {:?}",
            refused.err()
        );
    }
    check::<SuperOfficeRoute>("superoffice/chatsession.created.json", true).await;
    check::<EbbotRoute>("ebbot/chat.create.json", true).await;
    check::<InbentaRoute>("inbenta/chats.close.json", true).await;
    check::<ChannelTalkRoute>("channel_talk/message.push.json", false).await;
}

/// 6: every vendor's request converts into an `http::Request` that carries it all: method,
/// path and query, headers, body; into an axum request the same way; and to `/` by `TryFrom`.
#[test]
fn vendor_requests_convert_into_http_requests() {
    for vendor in Vendor::SUPPORTED {
        let body = br#"{"any":"body"}"#;
        let sent = vendor_request(vendor, body, SECRET);
        let request = sent.http_request("/hooks/x").unwrap();
        assert_eq!(request.method(), "POST");
        assert_eq!(request.uri().path(), "/hooks/x");
        assert_eq!(request.uri().query().unwrap_or(""), sent.query, "{vendor}");
        assert_eq!(request.headers().len(), sent.headers.len(), "{vendor}");
        for (name, value) in &sent.headers {
            assert_eq!(request.headers()[*name], value.as_str(), "{vendor} {name}");
        }
        assert_eq!(request.body().as_ref(), body);
        let axum = sent.axum_request("/hooks/x").unwrap();
        assert_eq!(axum.uri(), request.uri());
        assert_eq!(axum.headers(), request.headers());
        let root: http::Request<bytes::Bytes> = sent.clone().try_into().unwrap();
        assert_eq!(root.uri().path(), "/");
        let root: axum::extract::Request = sent.try_into().unwrap();
        assert_eq!(root.uri().path(), "/");
    }
    // A path that is no URI path is an error, not a panic.
    let sent = vendor_request(Vendor::SuperOffice, b"{}", SECRET);
    assert!(sent.http_request("/a b").is_err());
    assert!(sent.axum_request("/a\nb").is_err());
}
