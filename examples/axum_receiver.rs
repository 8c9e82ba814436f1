//! An axum service that receives every vendor's webhooks, one route each.
//!
//! The `Webhook<R>` extractor runs the `Receiver` in the router's state for the route's vendor:
//! it checks authenticity and parses the same bytes. A refused request is answered with the
//! error's public status and message (`401 unauthorized`, `400 invalid event`, ...), and the
//! detailed reason goes to the log only. An event is answered `200` with its common form as
//! JSON; a handshake as it asks.
//!
//! ```sh
//! SUPEROFFICE_SECRET=... INBENTA_SECRET=... CHANNEL_TALK_TOKEN=... EBBOT_TOKEN=... \
//!     CHATWOOT_SECRET=... cargo run --example axum_receiver --features axum
//! ```
//!
//! Listens on `127.0.0.1:3000` (or `$PORT`). A vendor whose secret is not set is refused.
//! Set `INBENTA_REGISTER=1` while you register the webhook in HyperChat: for ten minutes,
//! one `X-Hook-Secret` handshake is accepted, and its secret is used from then on (a real
//! service would also store it, to configure the receiver with it at the next start).

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use chat_webhooks::receive::axum::{
    ChannelTalkRoute, ChatwootRoute, EbbotRoute, InbentaRoute, SuperOfficeRoute, Webhook,
    WebhookRejection, WebhookRoute,
};
use chat_webhooks::receive::{Handshake, Received, Receiver};
use chat_webhooks::Vendor;

/// The routes, one per vendor.
pub fn app(receiver: Arc<Receiver>) -> Router {
    Router::new()
        .route("/webhooks/superoffice", post(handle::<SuperOfficeRoute>))
        .route("/webhooks/ebbot", post(handle::<EbbotRoute>))
        .route("/webhooks/channel-talk", post(handle::<ChannelTalkRoute>))
        .route("/webhooks/inbenta", post(handle::<InbentaRoute>))
        .route("/webhooks/chatwoot", post(handle::<ChatwootRoute>))
        .with_state(receiver)
}

async fn handle<R: WebhookRoute>(hook: Result<Webhook<R>, WebhookRejection>) -> Response {
    let vendor = R::VENDOR;
    match hook.map(Webhook::into_received) {
        Ok(Received::Event(delivery)) => {
            // A real service would store `delivery.body` under `delivery.dedup_key` (ignoring
            // a key it has seen) and queue the event.
            let chat =
                serde_json::to_string(&delivery.chat).expect("a ChatEvent always serializes");
            eprintln!("{vendor} {} {chat}", delivery.dedup_key);
            (StatusCode::OK, [("content-type", "application/json")], chat).into_response()
        }
        Ok(Received::Handshake(handshake)) => {
            if let Handshake::Inbenta(_secret) = &handshake {
                // The receiver uses the new secret from now on; store `_secret.secret()` too.
                eprintln!("{vendor} registered");
            }
            handshake.into_response()
        }
        Ok(other) => {
            // `Received` is non-exhaustive: a later version may know more outcomes.
            eprintln!("{vendor} unhandled outcome: {other:?}");
            StatusCode::OK.into_response()
        }
        Err(rejection) => {
            eprintln!("{vendor} refused: {rejection}");
            rejection.into_response()
        }
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
        (Vendor::Chatwoot, "CHATWOOT_SECRET"),
    ] {
        // A variable that is set but empty is no secret (it would never verify anything).
        if let Some(secret) = std::env::var(variable).ok().filter(|s| !s.is_empty()) {
            receiver = receiver.secret(vendor, secret);
        }
    }
    if std::env::var_os("INBENTA_REGISTER").is_some() {
        let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
        let until = now + chrono::Duration::minutes(10);
        receiver.open_registration(Vendor::Inbenta, until);
    }
    receiver
}

#[allow(dead_code)] // the integration test uses `app` only
#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    eprintln!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app(Arc::new(receiver_from_env()))).await
}
