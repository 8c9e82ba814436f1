//! What a [`Receiver`](super::Receiver) makes of a request: [`Received`] or [`ReceiveError`].

use std::time::Duration;

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
    /// A key to de-duplicate deliveries by: `<vendor>:<event id>` where the vendor sends an
    /// event id (SuperOffice `EventId`, Ebbot `requestId`), else `<vendor>:sha256:<hex>`, the
    /// SHA-256 of the raw body, which is the same for a retried delivery of the same bytes.
    pub dedup_key: String,
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
    /// SuperOffice's `test` POST when a webhook is registered (`X-Hook-Test: true`): answer
    /// `200 OK`. It was authenticated like any event.
    #[cfg(feature = "superoffice")]
    SuperOfficeTest {
        /// The test event.
        event: Box<Event>,
    },
    /// Inbenta's `X-Hook-Secret` exchange: answer `200` with the same header, and store the
    /// secret to verify later signatures. Anyone can send this header: accept a new secret
    /// only while you are registering the webhook.
    #[cfg(feature = "inbenta")]
    Inbenta(crate::inbenta::Handshake),
}

impl Handshake {
    /// The HTTP status to answer with.
    pub fn status(&self) -> u16 {
        200
    }

    /// The headers to answer with.
    pub fn response_headers(&self) -> Vec<(&'static str, String)> {
        match self {
            #[cfg(feature = "superoffice")]
            Handshake::SuperOfficeTest { .. } => Vec::new(),
            #[cfg(feature = "inbenta")]
            Handshake::Inbenta(handshake) => handshake
                .response_headers()
                .iter()
                .map(|(name, value)| (*name, (*value).to_owned()))
                .collect(),
            #[allow(unreachable_patterns)]
            _ => Vec::new(),
        }
    }
}

/// Why a request was refused.
///
/// [`status`](Self::status) gives the HTTP status to answer with.
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
        /// What is missing, e.g. "`X-SuperOffice-Signature` header".
        what: &'static str,
    },
    /// The signature or token is malformed, or matches none of the vendor's secrets.
    #[error("{vendor}: {source}")]
    Unauthenticated {
        /// The vendor.
        vendor: Vendor,
        /// What was wrong with it.
        source: SignatureError,
    },
    /// The authenticated body is not a valid event.
    #[error(transparent)]
    Parse(#[from] Error),
    /// The event is older than the maximum age.
    #[error("{vendor} {event}: event is {}s old, more than the {}s allowed", age.as_secs(), max.as_secs())]
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
    #[error("{vendor} {event}: event is dated {}s in the future, more than the {}s allowed", ahead.as_secs(), max.as_secs())]
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
    #[error("{vendor} {event}: event has no timestamp to check its age against")]
    NoTimestamp {
        /// The vendor.
        vendor: Vendor,
        /// The event's name.
        event: String,
    },
}

impl ReceiveError {
    /// The HTTP status to answer with: `401` when the request is not authenticated, `400` when
    /// an authenticated body is not acceptable, `500` when the receiver is not configured for
    /// the vendor.
    pub fn status(&self) -> u16 {
        match self {
            ReceiveError::NotConfigured { .. } => 500,
            ReceiveError::Missing { .. } | ReceiveError::Unauthenticated { .. } => 401,
            ReceiveError::Parse(_)
            | ReceiveError::TooOld { .. }
            | ReceiveError::FromTheFuture { .. }
            | ReceiveError::NoTimestamp { .. } => 400,
        }
    }
}
