//! [`Receiver`]: the secrets and the rules, and [`Request`]: what arrived.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::clock::{Clock, ClockSlot};
use super::{Delivery, Headers, ReceiveError, Received, Secret, Verification};
use crate::signature::{encode_hex, query_param, QueryToken};
use crate::{parse_event_as, Event, SignatureError, ToChatEvent, Vendor};

/// A request as it arrived: the raw body, the headers, and the query string.
///
/// Its `Debug` output shows the body's length, not the headers (they carry signatures and
/// registration secrets), and the query string's parameter names only (a `token` value is a
/// credential).
pub struct Request<'a, H: ?Sized> {
    body: &'a [u8],
    #[cfg_attr(
        not(any(feature = "superoffice", feature = "inbenta")),
        allow(dead_code)
    )]
    headers: &'a H,
    query: &'a str,
    /// The body as shared storage, when the request was built from it.
    #[cfg(feature = "http")]
    shared: Option<&'a bytes::Bytes>,
}

impl<'a, H: Headers + ?Sized> Request<'a, H> {
    /// The body exactly as received, and the headers.
    pub fn new(body: &'a [u8], headers: &'a H) -> Self {
        Request {
            body,
            headers,
            query: "",
            #[cfg(feature = "http")]
            shared: None,
        }
    }

    /// The body exactly as received, as shared storage, and the headers: the
    /// [`Delivery::body`](super::Delivery::body) then shares it instead of copying it.
    #[cfg(feature = "http")]
    pub fn from_bytes(body: &'a bytes::Bytes, headers: &'a H) -> Self {
        Request {
            shared: Some(body),
            ..Request::new(body, headers)
        }
    }

    fn body(&self) -> super::Body {
        #[cfg(feature = "http")]
        if let Some(shared) = self.shared {
            return super::Body::shared(shared);
        }
        super::Body::from(self.body)
    }

    /// The raw query string (the part of the URL after `?`, still percent-encoded): Channel
    /// Talk's `token`, and your Ebbot URL's `token`, are read from it.
    pub fn with_query(mut self, query: &'a str) -> Self {
        self.query = query;
        self
    }
}

impl<H: ?Sized> fmt::Debug for Request<'_, H> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// The query string with every value replaced by `..`.
        struct Names<'q>(&'q str);
        impl fmt::Debug for Names<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let query = self.0.strip_prefix('?').unwrap_or(self.0);
                f.write_str("\"")?;
                for (i, pair) in query.split('&').enumerate() {
                    if i > 0 {
                        f.write_str("&")?;
                    }
                    match pair.split_once('=') {
                        Some((name, _)) => write!(f, "{}=..", crate::error::Escaped(name))?,
                        None => write!(f, "{}", crate::error::Escaped(pair))?,
                    }
                }
                f.write_str("\"")
            }
        }
        f.debug_struct("Request")
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .field("headers", &format_args!("<redacted>"))
            .field("query", &Names(self.query))
            .finish()
    }
}

/// How a vendor's requests are authenticated.
#[derive(Debug, Clone, Default)]
enum Auth {
    /// Nothing configured: every request is refused.
    #[default]
    Unset,
    /// These secrets, in the order added. Shared so that a receive holds the lock only to
    /// clone the pointer.
    Secrets(Arc<[Secret]>),
    /// Explicitly not checked.
    Unverified,
}

/// One vendor's settings that may change while the receiver serves.
#[derive(Debug, Default)]
struct Slot {
    auth: RwLock<Auth>,
    /// Until when a registration handshake is accepted, if a window is open.
    registration: Mutex<Option<DateTime<Utc>>>,
}

/// The secrets and rules for receiving webhooks; see the [module docs](super).
///
/// What a secret is, per vendor:
///
/// | vendor | secret | checked against |
/// |---|---|---|
/// | SuperOffice | the webhook's `Secret` | `X-SuperOffice-Signature` (base64 HMAC-SHA256 of the body) |
/// | Inbenta | the `X-Hook-Secret` exchanged at registration | `X-Hook-Signature` (HMAC-SHA256 of the body, hex or base64) |
/// | Channel Talk | the webhook's token | the `token` query parameter |
/// | Ebbot | a token you put in the webhook URL (`?token=...`): Ebbot signs nothing | the `token` query parameter |
///
/// Add several secrets for one vendor to rotate them: each is tried, in the order added, and
/// the [`Delivery`] says which matched. An empty secret never verifies anything: a vendor
/// whose only secrets are empty (an environment variable that is set but empty) is refused.
///
/// # Secrets that change at runtime
///
/// The builder methods ([`secret`](Self::secret), [`without_verification`](Self::without_verification))
/// configure a receiver before it serves. Once it is shared (in an `Arc`, or in a router's
/// state), [`add_secret`](Self::add_secret), [`set_secrets`](Self::set_secrets),
/// [`remove_secret`](Self::remove_secret) and [`clear_secrets`](Self::clear_secrets) change a
/// vendor's secrets through `&self`, while other threads receive. A receive sees the secrets
/// as they were when it started (each change is atomic), and
/// [`Delivery::secret_index`](super::Delivery::secret_index) counts in the order of that set.
///
/// ```
/// use std::sync::Arc;
/// use chat_webhooks::receive::Receiver;
/// use chat_webhooks::Vendor;
///
/// let receiver = Arc::new(Receiver::new().secret(Vendor::SuperOffice, "old"));
/// // Rotation, while serving: accept both, then retire the old one.
/// receiver.add_secret(Vendor::SuperOffice, "new");
/// assert_eq!(receiver.secret_count(Vendor::SuperOffice), 2);
/// receiver.set_secrets(Vendor::SuperOffice, ["new"]);
/// assert_eq!(receiver.secret_count(Vendor::SuperOffice), 1);
/// ```
///
/// # Registration handshakes
///
/// Inbenta registers a webhook by sending its secret in an `X-Hook-Secret` header, unsigned.
/// Anyone can send that header, so the receiver refuses it ([`ReceiveError::HandshakeRefused`],
/// `403`) unless you opened a registration window with
/// [`open_registration`](Self::open_registration) just before you register the webhook. The
/// first handshake in the window adds the secret to the vendor's secrets, closes the window,
/// and comes back as [`Handshake::Inbenta`](super::Handshake::Inbenta) so that you can store
/// the secret. A request that carries a valid `X-Hook-Signature` is an event, whatever other
/// headers it has.
///
/// # Replay windows
///
/// [`max_age`](Self::max_age) refuses events whose delivery time is more than the window
/// before now, or after it (clock skew); [`max_age_for`](Self::max_age_for) sets one vendor's
/// window. The time that counts is the payload's own:
///
/// | vendor | time | a delivery time? |
/// |---|---|---|
/// | SuperOffice | `Timestamp`, when the event occurred | yes |
/// | Ebbot | `timestamp`, epoch milliseconds, when the webhook was sent | yes |
/// | Inbenta | `created_at`, "the time on which the webhook was fired" | yes |
/// | Channel Talk | none: only the entity's own `createdAt`/`updatedAt`, which is old for a push about an old chat | no |
///
/// `max_age` applies only to the vendors that send a delivery time; Channel Talk's events are
/// not refused for their age unless you set its window with `max_age_for`, and then its
/// entity's time is what counts. An event without the time is refused when a window applies
/// ([`ReceiveError::NoTimestamp`]). The clock is read only by [`receive`](Self::receive) (and
/// the axum extractor, which calls it): the system's, or the one set with
/// [`clock`](Self::clock); [`receive_at`](Self::receive_at) takes `now`.
#[derive(Debug, Default)]
pub struct Receiver {
    slots: [Slot; 4],
    max_age: Option<Duration>,
    max_age_for: [Option<Duration>; 4],
    clock: ClockSlot,
}

impl Clone for Receiver {
    /// A receiver with the same settings as this one now. Later changes to either do not
    /// reach the other: share one receiver (in an `Arc`) to change it at runtime.
    fn clone(&self) -> Self {
        Receiver {
            slots: std::array::from_fn(|i| Slot {
                auth: RwLock::new(self.slots[i].auth()),
                registration: Mutex::new(*lock(&self.slots[i].registration)),
            }),
            max_age: self.max_age,
            max_age_for: self.max_age_for,
            clock: self.clock.clone(),
        }
    }
}

fn slot_index(vendor: Vendor) -> Option<usize> {
    Vendor::SUPPORTED.iter().position(|v| *v == vendor)
}

/// The guard's value even if another thread panicked while holding the lock: every write
/// replaces the whole value, so it is never half-written.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Slot {
    fn auth(&self) -> Auth {
        self.auth
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn update(&self, change: impl FnOnce(&mut Auth)) {
        change(&mut self.auth.write().unwrap_or_else(PoisonError::into_inner));
    }
}

/// Whether the vendor's payloads carry a delivery time that `max_age` is checked against.
fn has_delivery_time(vendor: Vendor) -> bool {
    !matches!(vendor, Vendor::ChannelTalk | Vendor::Custom)
}

impl Receiver {
    /// A receiver that trusts no vendor yet.
    pub fn new() -> Self {
        Receiver::default()
    }

    fn slot(&self, vendor: Vendor) -> Option<&Slot> {
        slot_index(vendor).map(|i| &self.slots[i])
    }

    /// Adds a secret for `vendor` (see the table above). Call it again to accept several
    /// secrets while rotating. Has no effect for [`Vendor::Custom`]. An empty secret is kept
    /// but never matches.
    pub fn secret(self, vendor: Vendor, secret: impl Into<Secret>) -> Self {
        self.add_secret(vendor, secret);
        self
    }

    /// Parses `vendor`'s deliveries without checking them. This is an explicit opt-out, for
    /// development or for a vendor authenticated some other way (a private network, mutual
    /// TLS); without it or a secret, the vendor's requests are refused. Adding a secret later
    /// turns verification back on.
    pub fn without_verification(self, vendor: Vendor) -> Self {
        if let Some(slot) = self.slot(vendor) {
            slot.update(|auth| *auth = Auth::Unverified);
        }
        self
    }

    /// Refuses events whose delivery time is more than `max` before now, or more than `max`
    /// after it (clock skew), and events without that time. Applies to the vendors that send a
    /// delivery time (all but Channel Talk, see the table above) unless
    /// [`max_age_for`](Self::max_age_for) sets theirs. Off by default.
    pub fn max_age(mut self, max: Duration) -> Self {
        self.max_age = Some(max);
        self
    }

    /// Sets `vendor`'s own replay window, in place of [`max_age`](Self::max_age) for it. For
    /// Channel Talk, this is the only way to get one, and its entity's time is what counts.
    pub fn max_age_for(mut self, vendor: Vendor, max: Duration) -> Self {
        if let Some(i) = slot_index(vendor) {
            self.max_age_for[i] = Some(max);
        }
        self
    }

    /// The replay window that applies to `vendor`, if any.
    pub fn max_age_of(&self, vendor: Vendor) -> Option<Duration> {
        let own = slot_index(vendor).and_then(|i| self.max_age_for[i]);
        own.or(self.max_age.filter(|_| has_delivery_time(vendor)))
    }

    /// Adds a secret for `vendor` while the receiver serves: it is tried after the ones already
    /// there. Turns verification on if it was switched off. Has no effect for
    /// [`Vendor::Custom`].
    pub fn add_secret(&self, vendor: Vendor, secret: impl Into<Secret>) {
        let secret = secret.into();
        if let Some(slot) = self.slot(vendor) {
            slot.update(|auth| {
                let mut secrets = match auth {
                    Auth::Secrets(secrets) => secrets.to_vec(),
                    _ => Vec::new(),
                };
                secrets.push(secret);
                *auth = Auth::Secrets(secrets.into());
            });
        }
    }

    /// Replaces all of `vendor`'s secrets at once, in the order given (index 0 first). An
    /// empty list leaves the vendor with no secret: its requests are refused.
    pub fn set_secrets<S: Into<Secret>>(
        &self,
        vendor: Vendor,
        secrets: impl IntoIterator<Item = S>,
    ) {
        let secrets: Vec<Secret> = secrets.into_iter().map(Into::into).collect();
        if let Some(slot) = self.slot(vendor) {
            slot.update(|auth| {
                *auth = if secrets.is_empty() {
                    Auth::Unset
                } else {
                    Auth::Secrets(secrets.into())
                }
            });
        }
    }

    /// Removes `vendor`'s secret at `index` (in the order added) and returns it; the secrets
    /// after it move up one index. `None` if there is no such secret.
    pub fn remove_secret(&self, vendor: Vendor, index: usize) -> Option<Secret> {
        let slot = self.slot(vendor)?;
        let mut removed = None;
        slot.update(|auth| {
            if let Auth::Secrets(secrets) = auth {
                if index < secrets.len() {
                    let mut rest = secrets.to_vec();
                    removed = Some(rest.remove(index));
                    *auth = if rest.is_empty() {
                        Auth::Unset
                    } else {
                        Auth::Secrets(rest.into())
                    };
                }
            }
        });
        removed
    }

    /// Removes all of `vendor`'s secrets, and the opt-out from verification: its requests are
    /// refused until it gets a secret again.
    pub fn clear_secrets(&self, vendor: Vendor) {
        if let Some(slot) = self.slot(vendor) {
            slot.update(|auth| *auth = Auth::Unset);
        }
    }

    /// How many secrets `vendor` has now.
    pub fn secret_count(&self, vendor: Vendor) -> usize {
        match self.slot(vendor).map(Slot::auth) {
            Some(Auth::Secrets(secrets)) => secrets.len(),
            _ => 0,
        }
    }

    /// Accepts one registration handshake from `vendor` until `until` (compared with the `now`
    /// of [`receive_at`](Self::receive_at)); see [Registration handshakes](#registration-handshakes).
    /// Only Inbenta has one (SuperOffice's `test` POST is signed like any event).
    pub fn open_registration(&self, vendor: Vendor, until: DateTime<Utc>) {
        if let Some(slot) = self.slot(vendor) {
            *lock(&slot.registration) = Some(until);
        }
    }

    /// Closes `vendor`'s registration window, if one is open.
    pub fn close_registration(&self, vendor: Vendor) {
        if let Some(slot) = self.slot(vendor) {
            *lock(&slot.registration) = None;
        }
    }

    /// Reads the time from `clock` instead of the system's: the time that
    /// [`receive`](Self::receive), and so the axum extractor, check events and registration
    /// windows against. For tests of the replay window over HTTP, or a service with its own
    /// clock. See [`Clock`].
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = ClockSlot::new(clock);
        self
    }

    /// The time by the receiver's [`clock`](Self::clock): the system's unless one was set. Use
    /// it for the `until` of [`open_registration`](Self::open_registration).
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// [`receive_at`](Self::receive_at) with the time by the receiver's
    /// [`clock`](Self::clock) (the system's, `std::time::SystemTime`, unless one was set): the
    /// one function of this crate that reads the clock.
    pub fn receive<H: Headers + ?Sized>(
        &self,
        vendor: Vendor,
        request: &Request<'_, H>,
    ) -> Result<Received, ReceiveError> {
        self.receive_at(vendor, request, self.now())
    }

    /// Checks a request that arrived on `vendor`'s route at time `now`, then parses it.
    pub fn receive_at<H: Headers + ?Sized>(
        &self,
        vendor: Vendor,
        request: &Request<'_, H>,
        now: DateTime<Utc>,
    ) -> Result<Received, ReceiveError> {
        #[cfg(feature = "inbenta")]
        if vendor == Vendor::Inbenta {
            if let Some(handshake) = self.inbenta_handshake(request, now)? {
                return Ok(handshake);
            }
        }
        let verification = self.verify(vendor, request)?;
        let event = parse_event_as(vendor, request.body)?;
        #[cfg(feature = "superoffice")]
        if let Event::SuperOffice(crate::superoffice::Event::Test(_)) = &event {
            return Ok(Received::Handshake(super::Handshake::SuperOfficeTest {
                event: Box::new(event),
            }));
        }
        let chat = event.to_chat_event();
        if let Some(max) = self.max_age_of(vendor) {
            check_age(vendor, &event, chat.occurred_at, now, max)?;
        }
        let dedup_key = dedup_key(vendor, &event, chat.event_id.as_deref(), request.body);
        Ok(Received::Event(Box::new(Delivery {
            event,
            chat,
            verification,
            dedup_key,
            body: request.body(),
        })))
    }

    /// Inbenta's `X-Hook-Secret` registration: `None` when the request is not one (no such
    /// header, or a signature to check: a signed request is an event).
    #[cfg(feature = "inbenta")]
    fn inbenta_handshake<H: Headers + ?Sized>(
        &self,
        request: &Request<'_, H>,
        now: DateTime<Utc>,
    ) -> Result<Option<Received>, ReceiveError> {
        let vendor = Vendor::Inbenta;
        let Some(secret) = request.headers.header(crate::inbenta::SECRET_HEADER) else {
            return Ok(None);
        };
        if request
            .headers
            .header(crate::inbenta::SIGNATURE_HEADER)
            .is_some()
        {
            return Ok(None);
        }
        let slot = self.slot(vendor).expect("Inbenta is a supported vendor");
        let mut window = lock(&slot.registration);
        if !window.is_some_and(|until| now <= until) {
            return Err(ReceiveError::HandshakeRefused { vendor });
        }
        let hook_secret = crate::inbenta::handshake(secret)
            .map_err(|source| ReceiveError::Unauthenticated { vendor, source })?;
        *window = None;
        drop(window);
        self.add_secret(vendor, hook_secret.secret());
        Ok(Some(Received::Handshake(super::Handshake::Inbenta(
            hook_secret,
        ))))
    }

    fn verify<H: Headers + ?Sized>(
        &self,
        vendor: Vendor,
        request: &Request<'_, H>,
    ) -> Result<Verification, ReceiveError> {
        let secrets = match self.slot(vendor).map(Slot::auth) {
            Some(Auth::Secrets(secrets)) => secrets,
            Some(Auth::Unverified) => return Ok(Verification::Skipped),
            Some(Auth::Unset) | None => return Err(ReceiveError::NotConfigured { vendor }),
        };
        let unauthenticated = |source| ReceiveError::Unauthenticated { vendor, source };
        let missing = |what| ReceiveError::Missing { vendor, what };
        let credential = match vendor {
            #[cfg(feature = "superoffice")]
            Vendor::SuperOffice => Credential::Signature {
                value: request
                    .headers
                    .header(crate::superoffice::SIGNATURE_HEADER)
                    .ok_or(missing("`X-SuperOffice-Signature` header"))?,
                verify: crate::superoffice::verify_signature,
            },
            #[cfg(feature = "inbenta")]
            Vendor::Inbenta => Credential::Signature {
                value: request
                    .headers
                    .header(crate::inbenta::SIGNATURE_HEADER)
                    .ok_or(missing("`X-Hook-Signature` header"))?,
                verify: crate::inbenta::verify_signature,
            },
            _ => Credential::Token(query_param(request.query, "token").map_err(
                |err| match err {
                    SignatureError::MissingToken { .. } => missing("`token` query parameter"),
                    other => unauthenticated(other),
                },
            )?),
        };
        let check = |secret: &Secret| match &credential {
            Credential::Signature { value, verify } => verify(secret.expose(), request.body, value),
            Credential::Token(token) => token.verify(secret.expose()),
        };
        // An empty secret is skipped: it would verify anything signed with it, and a vendor
        // whose only secrets are empty is refused.
        let mut last = SignatureError::EmptySecret;
        for (index, secret) in secrets.iter().enumerate() {
            if secret.expose().is_empty() {
                continue;
            }
            match check(secret) {
                Ok(()) => return Ok(Verification::Secret { index }),
                // A mismatch may be another secret's match; anything else is about the value
                // received and the same for every secret.
                Err(err @ (SignatureError::Mismatch | SignatureError::TokenMismatch)) => last = err,
                Err(other) => return Err(unauthenticated(other)),
            }
        }
        Err(unauthenticated(last))
    }
}

/// A vendor's `verify_signature`: secret, body, header value.
type VerifySignature = fn(&[u8], &[u8], &str) -> Result<(), SignatureError>;

/// What authenticates a request: a signature header to check against the body, or a token.
enum Credential<'a> {
    #[allow(dead_code)] // without the signing vendors' features
    Signature {
        value: &'a str,
        verify: VerifySignature,
    },
    Token(QueryToken),
}

/// Appends `text` to `out` [`Escaped`](crate::error::Escaped) (no line break or terminal
/// escape from a body reaches a logged key), then with `%` and `:` percent-encoded, so that
/// the key's parts cannot run into each other.
fn push_key_part(out: &mut String, text: &str) {
    use std::fmt::Write;
    /// Percent-encodes `%` and `:` on the way into the key.
    struct KeyPart<'a>(&'a mut String);
    impl Write for KeyPart<'_> {
        fn write_str(&mut self, text: &str) -> fmt::Result {
            for c in text.chars() {
                match c {
                    '%' => self.0.push_str("%25"),
                    ':' => self.0.push_str("%3A"),
                    c => self.0.push(c),
                }
            }
            Ok(())
        }
    }
    // Writing to a `String` cannot fail.
    let _ = write!(KeyPart(out), "{}", crate::error::Escaped(text));
}

/// Whether `vendor`'s event id names one event, so that the de-duplication key can be built
/// from it. Ebbot's `requestId` does not: it is the id of the request inside Ebbot that
/// caused the event (its `context` names that request's company and user), and one request
/// causes several events of one topic (a bot answering with three messages sends three
/// `chat.bot.message` webhooks with one `requestId`).
fn event_id_names_one_event(vendor: Vendor) -> bool {
    vendor != Vendor::Ebbot
}

/// The de-duplication key; see [`Delivery::dedup_key`].
fn dedup_key(vendor: Vendor, event: &Event, event_id: Option<&str>, body: &[u8]) -> String {
    let mut key = String::with_capacity(96);
    key.push_str(vendor.as_str());
    key.push(':');
    push_key_part(&mut key, event.event_name());
    let event_id = event_id.filter(|id| event_id_names_one_event(vendor) && !id.trim().is_empty());
    match event_id {
        Some(id) => {
            key.push_str(":id:");
            push_key_part(&mut key, id);
        }
        None => {
            key.push_str(":sha256:");
            key.push_str(&encode_hex(&crate::signature::sha256(body)));
        }
    }
    key
}

fn check_age(
    vendor: Vendor,
    event: &Event,
    occurred_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    max: Duration,
) -> Result<(), ReceiveError> {
    let event_name = || event.event_name().to_owned();
    let Some(at) = occurred_at else {
        return Err(ReceiveError::NoTimestamp {
            vendor,
            event: event_name(),
        });
    };
    let elapsed = now.signed_duration_since(at);
    match elapsed.to_std() {
        Ok(age) if age > max => Err(ReceiveError::TooOld {
            vendor,
            event: event_name(),
            age,
            max,
        }),
        Ok(_) => Ok(()),
        Err(_) => match (-elapsed).to_std() {
            Ok(ahead) if ahead > max => Err(ReceiveError::FromTheFuture {
                vendor,
                event: event_name(),
                ahead,
                max,
            }),
            _ => Ok(()),
        },
    }
}
