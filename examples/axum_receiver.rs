//! An axum service that receives all four vendors' webhooks, one route each.
//!
//! Every route hands the request as it arrived (raw body, headers, query string) to one
//! `Receiver`, which checks the vendor's authenticity and parses the same bytes. The service
//! answers `200` with the common event as JSON, the status a handshake asks for, `401` for an
//! unauthenticated request and `400` for an authenticated body it cannot accept.
//!
//! ```sh
//! SUPEROFFICE_SECRET=... INBENTA_SECRET=... CHANNEL_TALK_TOKEN=... EBBOT_TOKEN=... \
//!     cargo run --example axum_receiver --all-features
//! ```
//!
//! Listens on `127.0.0.1:3000` (or `$PORT`). A vendor whose secret is not set is refused.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use chat_webhooks::receive::{Received, Receiver, Request};
use chat_webhooks::Vendor;

/// The routes, one per vendor.
pub fn app(receiver: Receiver) -> Router {
    let receiver = Arc::new(receiver);
    let route = |vendor: Vendor| {
        post(
            move |State(receiver): State<Arc<Receiver>>,
                  uri: Uri,
                  headers: HeaderMap,
                  body: Bytes| async move {
                receive(&receiver, vendor, &uri, &headers, &body)
            },
        )
    };
    Router::new()
        .route("/webhooks/superoffice", route(Vendor::SuperOffice))
        .route("/webhooks/ebbot", route(Vendor::Ebbot))
        .route("/webhooks/channel-talk", route(Vendor::ChannelTalk))
        .route("/webhooks/inbenta", route(Vendor::Inbenta))
        .with_state(receiver)
}

fn receive(
    receiver: &Receiver,
    vendor: Vendor,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Response {
    let request = Request::new(body, headers).with_query(uri.query().unwrap_or(""));
    match receiver.receive(vendor, &request) {
        Ok(Received::Event(delivery)) => {
            let chat =
                serde_json::to_string(&delivery.chat).expect("a ChatEvent always serializes");
            // A real service would de-duplicate on `delivery.dedup_key` and queue the event.
            eprintln!("{vendor} {} {chat}", delivery.dedup_key);
            (StatusCode::OK, [("content-type", "application/json")], chat).into_response()
        }
        Ok(Received::Handshake(handshake)) => {
            eprintln!("{vendor} handshake");
            let mut response = StatusCode::from_u16(handshake.status())
                .unwrap_or(StatusCode::OK)
                .into_response();
            for (name, value) in handshake.response_headers() {
                if let Ok(value) = HeaderValue::from_str(&value) {
                    response
                        .headers_mut()
                        .insert(HeaderName::from_static_lowercase(name), value);
                }
            }
            response
        }
        Ok(other) => {
            // `Received` is non-exhaustive: a later version may know more outcomes.
            eprintln!("{vendor} unhandled outcome: {other:?}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(err) => {
            eprintln!("{vendor} refused: {err}");
            let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::BAD_REQUEST);
            (status, err.to_string()).into_response()
        }
    }
}

/// `HeaderName::from_static` needs lowercase; the crate's header names are written as the
/// vendors spell them.
trait FromStaticLowercase {
    fn from_static_lowercase(name: &str) -> HeaderName;
}

impl FromStaticLowercase for HeaderName {
    fn from_static_lowercase(name: &str) -> HeaderName {
        HeaderName::from_bytes(name.to_ascii_lowercase().as_bytes()).expect("a valid header name")
    }
}

/// The receiver, configured from the environment.
pub fn receiver_from_env() -> Receiver {
    let mut receiver = Receiver::new();
    for (vendor, variable) in [
        (Vendor::SuperOffice, "SUPEROFFICE_SECRET"),
        (Vendor::Ebbot, "EBBOT_TOKEN"),
        (Vendor::ChannelTalk, "CHANNEL_TALK_TOKEN"),
        (Vendor::Inbenta, "INBENTA_SECRET"),
    ] {
        if let Ok(secret) = std::env::var(variable) {
            receiver = receiver.secret(vendor, secret);
        }
    }
    receiver
}

#[allow(dead_code)] // the integration test uses `app` only
#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    eprintln!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app(receiver_from_env())).await
}
