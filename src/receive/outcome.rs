//! What a [`Receiver`](super::Receiver) makes of a request: [`Received`] or [`ReceiveError`].

use std::time::Duration;

use super::Body;
use super::Secret;
use crate::auth::Source;
use crate::error::Escaped;
use crate::{ChatEvent, Error, Event, SignatureError, Vendor};

/// What a request was.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Received {
    /// An event, checked (or explicitly not) and parsed: handle it, then answer `200`.
    Event(Box<Delivery>),
    /// A registration handshake: answer as it says; there is no event to handle.
    Handshake(Handshake),
}

/// An event that passed the receiver's checks.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Delivery {
    /// The event, parsed from the bytes that were checked.
    pub event: Event,
    /// The event in the common model.
    pub chat: ChatEvent,
    /// How the request was authenticated.
    pub verification: Verification,
    /// A key to de-duplicate deliveries by.
    ///
    /// `<vendor>:<event>:id:<event id>` where the vendor sends a non-empty id of the event
    /// (SuperOffice `EventId`), else `<vendor>:<event>:sha256:<hex>`, with the lowercase hex
    /// SHA-256 of the raw body, which is the same for a retried delivery of the same bytes.
    /// Ebbot's `requestId` is not used: it names the request inside Ebbot that caused the
    /// event, and several events of one topic share it. `<event>` is the vendor's event name
    /// ([`Event::event_name`]); it and the id are escaped as error messages escape body text
    /// (no line break or terminal escape reaches a logged key: `\r`, `\u{1b}`, `\\`), then
    /// `%` is written `%25` and `:` `%3A`, so that no two events share a key:
    /// `superoffice:chatsession.created:id:e87ac619`,
    /// `inbenta:chats%3Aclose:sha256:9f86d0...`.
    pub dedup_key: String,
    /// The body exactly as received (the bytes that were checked and parsed), to store or
    /// forward.
    pub body: Body,
}

impl Delivery {
    /// Which of the vendor's configured secrets matched, counting from 0 in the order they were
    /// added; `None` when verification was switched off for the vendor.
    pub fn secret_index(&self) -> Option<usize> {
        match self.verification {
            Verification::Secret { index } => Some(index),
            Verification::Skipped => None,
        }
    }
}

/// How a request was authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Verification {
    /// The signature or token matched the secret at this index (in the order added).
    Secret {
        /// The index of the matching secret.
        index: usize,
    },
    /// Not checked: the vendor was configured with
    /// [`Receiver::without_verification`](super::Receiver::without_verification).
    Skipped,
}

/// A vendor's registration handshake, and what to answer.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Handshake {
    /// The test a vendor sends when a webhook is registered (SuperOffice's `test` POST):
    /// answer `200 OK`. It is the signed body (`"Event": "test"`), authenticated like any
    /// event; the `X-Hook-Test: true` header SuperOffice adds is not signed, and neither
    /// needed nor read.
    Test {
        /// The vendor.
        vendor: Vendor,
        /// The test event.
        event: Box<Event>,
    },
    /// A secret offered at registration (Inbenta's `X-Hook-Secret`), received inside an open
    /// registration window with its token
    /// ([`Receiver::open_registration`](super::Receiver::open_registration)).
    ///
    /// It is **not active yet**: store the secret, then call
    /// [`Receiver::confirm_registration`](super::Receiver::confirm_registration) and answer
    /// with what it returns; if storing fails, answer with [`Registration::retry`].
    Registration(Registration),
}

impl Handshake {
    /// The vendor.
    pub fn vendor(&self) -> Vendor {
        match self {
            Handshake::Test { vendor, .. } => *vendor,
            Handshake::Registration(registration) => registration.vendor,
        }
    }

    /// The HTTP status to answer with: `200`, or `503` for a registration that is not
    /// confirmed (the vendor retries).
    pub fn status(&self) -> u16 {
        match self {
            Handshake::Registration(registration) if !registration.confirmed => 503,
            _ => 200,
        }
    }

    /// The HTTP status to answer with, as an [`http::StatusCode`].
    #[cfg(feature = "http")]
    pub fn status_code(&self) -> http::StatusCode {
        http::StatusCode::from_u16(self.status()).unwrap_or(http::StatusCode::OK)
    }

    /// The headers to answer with, as an [`http::HeaderMap`]. A value that is not a valid
    /// header value (a secret with control characters) is left out.
    #[cfg(feature = "http")]
    pub fn header_map(&self) -> http::HeaderMap {
        let mut map = http::HeaderMap::new();
        for (name, value) in self.response_headers() {
            if let (Ok(name), Ok(value)) = (
                http::HeaderName::from_bytes(name.as_bytes()),
                http::HeaderValue::from_str(&value),
            ) {
                map.append(name, value);
            }
        }
        map
    }

    /// The headers to answer with: the echoed secret of a confirmed registration, else none.
    pub fn response_headers(&self) -> Vec<(&'static str, String)> {
        match self {
            Handshake::Registration(registration) if registration.confirmed => {
                match std::str::from_utf8(registration.secret.expose()) {
                    Ok(secret) => vec![(registration.echo, secret.to_owned())],
                    Err(_) => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }
}

/// A secret a vendor offered at registration: store it, then confirm it with
/// [`Receiver::confirm_registration`](super::Receiver::confirm_registration).
///
/// Its `Debug` output does not show the secret.
#[derive(Clone)]
pub struct Registration {
    vendor: Vendor,
    secret: Secret,
    /// The header the answer echoes the secret in.
    echo: &'static str,
    /// Whether the receiver has activated it.
    confirmed: bool,
}

impl Registration {
    pub(crate) fn new(vendor: Vendor, secret: Secret, echo: &'static str) -> Self {
        Registration {
            vendor,
            secret,
            echo,
            confirmed: false,
        }
    }

    pub(crate) fn confirmed(mut self) -> Self {
        self.confirmed = true;
        self
    }

    /// The vendor.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// The secret offered: store it (it signs the vendor's events from now on).
    pub fn secret(&self) -> &Secret {
        &self.secret
    }

    /// Whether the receiver has activated it.
    pub fn is_confirmed(&self) -> bool {
        self.confirmed
    }

    /// The answer when the secret could not be stored: `503`, without the echoed header, so
    /// that the vendor retries the registration (the window stays open).
    pub fn retry(self) -> Handshake {
        Handshake::Registration(Registration {
            confirmed: false,
            ..self
        })
    }
}

impl PartialEq for Registration {
    /// Two registrations are equal when they are for the same vendor, in the same state, and
    /// their secrets' digests are equal.
    fn eq(&self, other: &Self) -> bool {
        self.vendor == other.vendor
            && self.confirmed == other.confirmed
            && self.echo == other.echo
            && self.secret.same_as(&other.secret)
    }
}

impl std::fmt::Debug for Registration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registration")
            .field("vendor", &self.vendor)
            .field("secret", &self.secret)
            .field("confirmed", &self.confirmed)
            .finish()
    }
}

/// Why a request was refused.
///
/// `Display` is the detailed reason, for your logs: it names the vendor, the event and what
/// was wrong. Answer the caller with [`status`](Self::status) and
/// [`public_message`](Self::public_message) instead, which say no more than the status does.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReceiveError {
    /// The vendor has neither a secret nor an explicit opt-out: nothing it sends is trusted.
    #[error(
        "{vendor} is not configured: add its secret, or opt out of verification for it explicitly"
    )]
    NotConfigured {
        /// The vendor.
        vendor: Vendor,
    },
    /// The request lacks the header or parameter that authenticates it.
    #[error("{vendor}: missing {what}")]
    Missing {
        /// The vendor.
        vendor: Vendor,
        /// What is missing; displays as "`X-SuperOffice-Signature` header".
        what: Source,
    },
    /// The service's [`SecretSource`](super::SecretSource) could not give the vendor's
    /// secrets: answered `503`, so that the vendor retries.
    #[error("{vendor}: the secret source failed: {source}")]
    SecretsUnavailable {
        /// The vendor.
        vendor: Vendor,
        /// The source's error.
        source: super::SecretSourceError,
    },
    /// The signature or token is malformed, or matches none of the vendor's secrets.
    #[error("{vendor}: {source}")]
    Unauthenticated {
        /// The vendor.
        vendor: Vendor,
        /// What was wrong with it.
        source: SignatureError,
    },
    /// An unsigned registration handshake (Inbenta's `X-Hook-Secret`) arrived while no
    /// registration window was open, or without the window's token: anyone can send one.
    #[error(
        "{vendor}: registration handshake refused: no registration window is open, or the request lacks its token (see Receiver::open_registration)"
    )]
    HandshakeRefused {
        /// The vendor.
        vendor: Vendor,
    },
    /// The authenticated body is not a valid event.
    #[error(transparent)]
    Parse(#[from] Error),
    /// The event is older than the maximum age.
    #[error("{vendor} {}: event is {}s old, more than the {}s allowed", Escaped(event), age.as_secs(), max.as_secs())]
    TooOld {
        /// The vendor.
        vendor: Vendor,
        /// The event's name.
        event: String,
        /// How old the event is by its own timestamp.
        age: Duration,
        /// The maximum age configured.
        max: Duration,
    },
    /// The event's timestamp is further in the future than the maximum age.
    #[error("{vendor} {}: event is dated {}s in the future, more than the {}s allowed", Escaped(event), ahead.as_secs(), max.as_secs())]
    FromTheFuture {
        /// The vendor.
        vendor: Vendor,
        /// The event's name.
        event: String,
        /// How far ahead of now the event's timestamp is.
        ahead: Duration,
        /// The maximum age configured, used as the tolerance for clock skew too.
        max: Duration,
    },
    /// A maximum age is configured but the event has no timestamp to check it against.
    #[error(
        "{vendor} {}: event has no timestamp to check its age against",
        Escaped(event)
    )]
    NoTimestamp {
        /// The vendor.
        vendor: Vendor,
        /// The event's name.
        event: String,
    },
}

impl ReceiveError {
    /// The HTTP status to answer with, chosen so that the vendor does not retry in vain (most
    /// retry on `5xx`): `401` when the request is not authenticated, `403` for a registration
    /// handshake outside a registration window, `400` when an authenticated body is not
    /// acceptable (not an event, or outside the replay window), and `404` when the receiver
    /// has no secret for the vendor (the route is not served).
    pub fn status(&self) -> u16 {
        match self {
            ReceiveError::NotConfigured { .. } => 404,
            ReceiveError::Missing { .. } | ReceiveError::Unauthenticated { .. } => 401,
            ReceiveError::HandshakeRefused { .. } => 403,
            ReceiveError::SecretsUnavailable { .. } => 503,
            ReceiveError::Parse(_)
            | ReceiveError::TooOld { .. }
            | ReceiveError::FromTheFuture { .. }
            | ReceiveError::NoTimestamp { .. } => 400,
        }
    }

    /// The HTTP status to answer with, as an [`http::StatusCode`]; see [`status`](Self::status).
    #[cfg(feature = "http")]
    pub fn status_code(&self) -> http::StatusCode {
        http::StatusCode::from_u16(self.status()).unwrap_or(http::StatusCode::BAD_REQUEST)
    }

    /// A short body to answer the caller with, which tells no more than the status: no
    /// vendor, configuration, event or parse detail. Log the `Display` form for those.
    pub fn public_message(&self) -> &'static str {
        match self {
            ReceiveError::NotConfigured { .. } => "not found",
            ReceiveError::Missing { .. } | ReceiveError::Unauthenticated { .. } => "unauthorized",
            ReceiveError::HandshakeRefused { .. } => "forbidden",
            ReceiveError::SecretsUnavailable { .. } => "unavailable",
            ReceiveError::Parse(_) => "invalid event",
            ReceiveError::TooOld { .. }
            | ReceiveError::FromTheFuture { .. }
            | ReceiveError::NoTimestamp { .. } => "event outside the replay window",
        }
    }
}
