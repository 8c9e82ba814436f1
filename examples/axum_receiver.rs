//! An axum service that receives every vendor's webhooks, one route each.
//!
//! The `Verified<R>` extractor runs the `Receiver` in the router's state for the route's vendor:
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
//! Set `INBENTA_REGISTER=<a fresh random token>` while you register the webhook in HyperChat
//! with the URL `.../webhooks/inbenta?registration=<that token>`: for ten minutes, one
//! `X-Hook-Secret` handshake that carries the token is accepted. A real service stores the
//! secret first and confirms it only then (here it is only printed), so that the receiver
//! never uses a secret nothing keeps.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use chat_webhooks::receive::axum::{
    ChannelTalkRoute, ChatwootRoute, EbbotRoute, InbentaRoute, SuperOfficeRoute, Verified,
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

async fn handle<R: WebhookRoute>(
    State(receiver): State<Arc<Receiver>>,
    hook: Result<Verified<R>, WebhookRejection>,
) -> Response {
    let vendor = R::VENDOR;
    match hook.map(Verified::into_received) {
        Ok(Received::Event(delivery)) => {
            // A real service would store `delivery.body` under `delivery.dedup_key` (ignoring
            // a key it has seen) and queue the event.
            let chat =
                serde_json::to_string(&delivery.chat).expect("a ChatEvent always serializes");
            eprintln!("{vendor} {} {chat}", delivery.dedup_key);
            (StatusCode::OK, [("content-type", "application/json")], chat).into_response()
        }
        Ok(Received::Handshake(Handshake::Registration(registration))) => {
            // A real service stores `registration.secret()` here, and answers
            // `registration.retry()` (503: the vendor retries) if that fails.
            eprintln!("{vendor} registered");
            receiver.confirm_registration(registration).into_response()
        }
        Ok(Received::Handshake(handshake)) => handshake.into_response(),
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
    if let Some(token) = std::env::var("INBENTA_REGISTER")
        .ok()
        .filter(|t| !t.is_empty())
    {
        let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
        let until = now + chrono::Duration::minutes(10);
        receiver.open_registration(Vendor::Inbenta, token, until);
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
