//! Verify, then parse: webhooks straight from the HTTP request.
//!
//! A [`Receiver`] holds each vendor's secrets and answers one question per request: what is
//! this, and may I trust it? Give it the vendor the route belongs to and the request as it
//! arrived (the raw body, the headers, and the query string), and it
//!
//! 1. recognises a registration handshake (Inbenta's unsigned `X-Hook-Secret` exchange), which
//!    it accepts only inside a registration window you open with a one-time token
//!    ([`Receiver::open_registration`]), and hands you the secret to store before it is used
//!    ([`Receiver::confirm_registration`]);
//! 2. checks the vendor's authenticity by its [`Scheme`](crate::auth::Scheme) (SuperOffice,
//!    Inbenta and Chatwoot signatures, Channel Talk's `token` query parameter, a token you put
//!    in your Ebbot webhook URL) against every secret configured for it, or given by your
//!    [`SecretSource`], so secrets can be rotated without downtime;
//! 3. parses the very bytes it checked, never a re-serialized copy;
//! 4. recognises SuperOffice's registration `test` POST as a handshake;
//! 5. optionally refuses events older (or further in the future) than a maximum age, measured
//!    against a signed timestamp (Chatwoot) or the payload's own delivery time, with a window
//!    per vendor and a [`Clock`] you can set;
//! 6. hands back the event, its common form, which secret matched, a de-duplication key, and
//!    the body as received.
//!
//! A refused request is a [`ReceiveError`]: log its `Display`, which says exactly what was
//! wrong, and answer the caller with [`ReceiveError::status`] and
//! [`ReceiveError::public_message`], which say no more than the status. An empty or
//! whitespace-only secret never verifies anything, and secrets can be added, rotated and removed while the receiver serves
//! ([`Receiver::add_secret`], [`Receiver::set_secrets`]). With the `axum` feature,
//! `receive::axum::Verified` does all of this in an extractor.
//!
//! A vendor with no secret configured is refused, unless you said explicitly that its
//! deliveries are to be parsed unverified ([`Receiver::without_verification`]). The vendor is
//! taken from the route, never guessed from the body: a body must not choose its own check.
//!
//! ```
//! use chat_webhooks::receive::{Received, Receiver, Request};
//! use chat_webhooks::{superoffice, Vendor};
//!
//! let receiver = Receiver::new()
//!     .secret(Vendor::SuperOffice, "new-secret")
//!     .secret(Vendor::SuperOffice, "old-secret"); // still accepted while rotating
//!
//! let body = br#"{"EventId":"e87ac619","Event":"chatsession.created","PrimaryKey":178105}"#;
//! let signature = superoffice::sign(b"old-secret", body);
//! let headers = [("x-superoffice-signature", signature.as_str())];
//!
//! let Received::Event(delivery) = receiver.receive(Vendor::SuperOffice, &Request::new(body, &headers[..]))? else {
//!     unreachable!("not a handshake");
//! };
//! assert_eq!(delivery.secret_index(), Some(1));
//! assert_eq!(delivery.dedup_key, "superoffice:chatsession.created:id:e87ac619");
//! assert_eq!(delivery.chat.chat_id.as_deref(), Some("178105"));
//! # Ok::<(), chat_webhooks::receive::ReceiveError>(())
//! ```

#[cfg(feature = "axum")]
pub mod axum;
mod body;
mod clock;
mod headers;
mod outcome;
mod receiver;
mod secret;

pub use self::body::Body;
pub use self::clock::{Clock, SystemClock};
pub use self::headers::Headers;
pub use self::outcome::{Delivery, Handshake, ReceiveError, Received, Registration, Verification};
pub use self::receiver::{
    Receiver, Request, SecretSource, SecretSourceError, REGISTRATION_PARAMETER,
};
pub use self::secret::Secret;
