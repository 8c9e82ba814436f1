//! The `axum` feature: an extractor that runs the [`Receiver`] in the router's state, and
//! [`IntoResponse`] for its answers.
//!
//! Put the receiver in the router's state as an `Arc<Receiver>` (or in a state it can be
//! taken from with [`FromRef`]), and give each vendor's route a handler that takes
//! [`Verified<R>`](Verified), where `R` names the route's vendor: [`SuperOfficeRoute`],
//! [`EbbotRoute`], [`ChannelTalkRoute`] or [`InbentaRoute`]. The extractor reads the body,
//! the headers and the query string, and yields what the receiver made of them; a refused
//! request is answered with [`ReceiveError`]'s public status and message, without calling the
//! handler. Take `Result<Verified<R>, WebhookRejection>` to log refusals yourself.
//!
//! ```
//! use std::sync::Arc;
//! use axum::response::{IntoResponse, Response};
//! use axum::routing::post;
//! use axum::Router;
//! use chat_webhooks::receive::axum::{ChannelTalkRoute, SuperOfficeRoute, Verified, WebhookRoute};
//! use chat_webhooks::receive::{Received, Receiver};
//! use chat_webhooks::Vendor;
//!
//! async fn handle<R: WebhookRoute>(hook: Verified<R>) -> Response {
//!     match hook.into_received() {
//!         Received::Event(delivery) => {
//!             // Store `delivery.body` under `delivery.dedup_key`, handle `delivery.chat`...
//!             axum::http::StatusCode::OK.into_response()
//!         }
//!         Received::Handshake(handshake) => handshake.into_response(),
//!         _ => axum::http::StatusCode::OK.into_response(),
//!     }
//! }
//!
//! let receiver = Arc::new(Receiver::new().secret(Vendor::SuperOffice, "secret"));
//! let app: Router = Router::new()
//!     .route("/webhooks/superoffice", post(handle::<SuperOfficeRoute>))
//!     .route("/webhooks/channel-talk", post(handle::<ChannelTalkRoute>))
//!     .with_state(receiver);
//! ```

use std::marker::PhantomData;
use std::sync::Arc;

use axum_core::extract::rejection::BytesRejection;
use axum_core::extract::{FromRef, FromRequest};
use axum_core::response::{IntoResponse, Response};
use bytes::Bytes;

use super::{Handshake, ReceiveError, Received, Receiver, Request};
use crate::Vendor;

/// The vendor a route receives from: a type parameter of [`Verified`].
pub trait WebhookRoute: Send + Sync + 'static {
    /// The vendor.
    const VENDOR: Vendor;
}

/// Generates the route markers from the registry's list.
macro_rules! routes {
    ($(
        $vendor:ident: $module:ident, feature = $feature:literal, route = $route:ident,
            name = $name:literal, about = $about:literal;
    )*) => {$(
        #[doc = concat!("The route that receives ", $about, ".")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $route;

        impl WebhookRoute for $route {
            const VENDOR: Vendor = Vendor::$vendor;
        }
    )*};
}

vendors!(routes);

/// An extractor: the request, checked and parsed by the [`Receiver`] in the router's state
/// for the vendor `R`.
pub struct Verified<R> {
    /// What the request was: an event or a handshake.
    pub received: Received,
    route: PhantomData<fn() -> R>,
}

impl<R> Verified<R> {
    /// What the request was.
    pub fn into_received(self) -> Received {
        self.received
    }
}

impl<R: WebhookRoute> std::fmt::Debug for Verified<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verified")
            .field("vendor", &R::VENDOR)
            .field("received", &self.received)
            .finish()
    }
}

/// The extractor, now [`Verified`]: a vendor's `Webhook<P>` is its envelope.
#[deprecated(
    since = "0.3.0",
    note = "renamed Verified: every vendor's Webhook<P> is its envelope"
)]
pub type Webhook<R> = Verified<R>;

/// Why [`Verified`] refused a request. `Display` is the detailed reason, for logs; the
/// response it turns into says no more than the status.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookRejection {
    /// The body could not be read (too large, or the connection failed).
    #[error("could not read the body: {0}")]
    Body(BytesRejection),
    /// The receiver refused the request.
    #[error(transparent)]
    Receive(#[from] ReceiveError),
}

impl IntoResponse for WebhookRejection {
    fn into_response(self) -> Response {
        match self {
            WebhookRejection::Body(rejection) => rejection.into_response(),
            WebhookRejection::Receive(err) => err.into_response(),
        }
    }
}

impl<S, R> FromRequest<S> for Verified<R>
where
    Arc<Receiver>: FromRef<S>,
    S: Send + Sync,
    R: WebhookRoute,
{
    type Rejection = WebhookRejection;

    async fn from_request(
        mut request: axum_core::extract::Request,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let receiver = Arc::<Receiver>::from_ref(state);
        let headers = std::mem::take(request.headers_mut());
        let query = request.uri().query().unwrap_or("").to_owned();
        let body = Bytes::from_request(request, state)
            .await
            .map_err(WebhookRejection::Body)?;
        let request = Request::from_bytes(&body, &headers).with_query(&query);
        let received = receiver.receive(R::VENDOR, &request)?;
        Ok(Verified {
            received,
            route: PhantomData,
        })
    }
}

/// Answers with [`status`](ReceiveError::status) and
/// [`public_message`](ReceiveError::public_message): no detail reaches the caller.
impl IntoResponse for ReceiveError {
    fn into_response(self) -> Response {
        (self.status_code(), self.public_message()).into_response()
    }
}

/// Answers with the handshake's status and headers.
impl IntoResponse for Handshake {
    fn into_response(self) -> Response {
        (self.status_code(), self.header_map()).into_response()
    }
}
