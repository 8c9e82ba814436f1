//! [`Receiver`]: the secrets and the rules, and [`Request`]: what arrived.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::clock::{Clock, ClockSlot};
use super::{Delivery, Headers, ReceiveError, Received, Secret, Verification};
use crate::auth::{Hmac, Scheme, Signed, Source};
use crate::chat::{key_part_len, KeyPart};
use crate::signature::{push_hex, query_param, sha256, QueryToken};
use crate::{parse_event_as, Event, SignatureError, ToChatEvent, Vendor};

/// A request as it arrived: the raw body, the headers, and the query string.
///
/// Its `Debug` output shows the body's length, not the headers (they carry signatures and
/// registration secrets), and the query string's parameter names only (a `token` value is a
/// credential).
pub struct Request<'a, H: ?Sized> {
    body: &'a [u8],
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
                f.write_str("\"")?;
                for (i, (name, value)) in crate::signature::query_pairs(self.0).enumerate() {
                    if i > 0 {
                        f.write_str("&")?;
                    }
                    write!(f, "{}", crate::error::Escaped(name))?;
                    if value.is_some() {
                        f.write_str("=..")?;
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

/// Where a vendor's secrets come from.
#[derive(Clone, Default)]
enum Auth {
    /// Nothing configured: every request is refused.
    #[default]
    Unset,
    /// These secrets, in the order added. Shared so that a receive holds the lock only to
    /// clone the pointer.
    Secrets(Arc<[Secret]>),
    /// The service's own store, asked on every request.
    Source(Arc<dyn SecretSource>),
    /// Explicitly not checked.
    Unverified,
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Auth::Unset => f.write_str("Unset"),
            Auth::Secrets(secrets) => f.debug_tuple("Secrets").field(secrets).finish(),
            Auth::Source(_) => f.write_str("Source(..)"),
            Auth::Unverified => f.write_str("Unverified"),
        }
    }
}

/// An open registration window: until when, and the token the handshake must carry.
#[derive(Debug, Clone)]
struct Window {
    until: DateTime<Utc>,
    token: Secret,
}

/// One vendor's settings that may change while the receiver serves.
#[derive(Debug, Default)]
struct Slot {
    auth: RwLock<Auth>,
    /// The registration window, if one is open.
    registration: Mutex<Option<Window>>,
}

/// The service's own store of a vendor's secrets (a table, a cache, a secrets manager),
/// which a [`Receiver`] asks on every request instead of holding the secrets itself.
///
/// Implement it over whatever the service already keeps, or pass a closure
/// (`Fn(Vendor) -> Result<Arc<[Secret]>, SecretSourceError>`). It is called once per
/// request of the vendor, on the receiving thread, before the signature is checked: keep it
/// to a lookup in memory. A service that keeps its secrets in a database caches them (an
/// `Arc<[Secret]>` swapped when they change; returning a clone of it costs one atomic
/// increment) and refreshes the cache on its own schedule, or when a registration
/// ([`Receiver::confirm_registration`]) or an admin change tells it to. Build each [`Secret`]
/// once, when the cache is filled: a `Secret` hashes a token when it is made, so that the
/// comparison per request is one digest.
///
/// An error answers the request with `503` ([`ReceiveError::SecretsUnavailable`]), so that the
/// vendor retries later.
///
/// ```
/// use std::sync::{Arc, RwLock};
/// use chat_webhooks::receive::{Receiver, Secret, SecretSource, SecretSourceError};
/// use chat_webhooks::Vendor;
///
/// /// The secrets as the service last read them from its table.
/// #[derive(Default)]
/// struct Cache(RwLock<Arc<[Secret]>>);
///
/// impl SecretSource for Cache {
///     fn secrets(&self, _vendor: Vendor) -> Result<Arc<[Secret]>, SecretSourceError> {
///         Ok(self.0.read().unwrap().clone())
///     }
/// }
///
/// let cache = Arc::new(Cache::default());
/// let receiver = Receiver::new().secret_source(Vendor::SuperOffice, cache.clone());
/// // Later, after the service reloads its table:
/// *cache.0.write().unwrap() = Arc::from([Secret::from("from the table")]);
/// # let _ = receiver;
/// ```
pub trait SecretSource: Send + Sync + 'static {
    /// `vendor`'s current secrets, in the order to try them.
    fn secrets(&self, vendor: Vendor) -> Result<Arc<[Secret]>, SecretSourceError>;
}

/// Why a [`SecretSource`] could not give a vendor's secrets: any error of the service's.
pub type SecretSourceError = Box<dyn std::error::Error + Send + Sync>;

impl<F> SecretSource for F
where
    F: Fn(Vendor) -> Result<Arc<[Secret]>, SecretSourceError> + Send + Sync + 'static,
{
    fn secrets(&self, vendor: Vendor) -> Result<Arc<[Secret]>, SecretSourceError> {
        self(vendor)
    }
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
/// Each vendor's rule is its [`Scheme`](crate::auth::Scheme), declared in its module: the
/// receiver interprets it. Add several secrets for one vendor to rotate them: each is tried,
/// in the order added, and the [`Delivery`] says which matched. A secret that is empty or only
/// whitespace never verifies anything: a vendor whose only secrets are such (an environment
/// variable that is set but empty) is refused.
///
/// # Secrets that change at runtime
///
/// The builder methods ([`secret`](Self::secret), [`secret_source`](Self::secret_source),
/// [`without_verification`](Self::without_verification)) configure a receiver before it
/// serves. Once it is shared (in an `Arc`, or in a router's state),
/// [`add_secret`](Self::add_secret), [`set_secrets`](Self::set_secrets),
/// [`remove_secret`](Self::remove_secret) and [`clear_secrets`](Self::clear_secrets) change a
/// vendor's secrets through `&self`, while other threads receive. A receive sees the secrets
/// as they were when it started (each change is atomic), and
/// [`Delivery::secret_index`](super::Delivery::secret_index) counts in the order of that set.
/// A service that keeps its secrets in its own store plugs it in with
/// [`secret_source`](Self::secret_source) instead, and needs no reloading.
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
/// `403`) unless two things hold: you opened a registration window with
/// [`open_registration`](Self::open_registration) just before you register the webhook, and
/// the request carries the one-time token you gave the window, in the
/// [`REGISTRATION_PARAMETER`] query parameter of the URL you registered
/// (`https://example.com/webhooks/inbenta?registration=<token>`). An attacker who races the
/// vendor does not know the token.
///
/// Such a handshake comes back as [`Handshake::Registration`](super::Handshake::Registration)
/// and is **not active yet**: store its secret, then call
/// [`confirm_registration`](Self::confirm_registration), which adds it to the vendor's secrets
/// (unless they come from a [`SecretSource`]), closes the window and gives the answer to
/// send. If storing it fails, answer with [`Registration::retry`](super::Registration::retry)
/// (`503`): the window stays open and the vendor's retry gets another chance. A request that
/// carries a signature is an event, whatever other headers it has.
///
/// # Replay windows
///
/// [`max_age`](Self::max_age) refuses events whose delivery time is more than the window
/// before now, or after it (clock skew); [`max_age_for`](Self::max_age_for) sets one vendor's
/// window. The time that counts is a signed timestamp where the vendor signs one, else the
/// payload's own:
///
/// | vendor | time | a delivery time? |
/// |---|---|---|
/// | SuperOffice | `Timestamp`, when the event occurred | yes |
/// | Ebbot | `timestamp`, epoch milliseconds, when the webhook was sent | yes |
/// | Inbenta | `created_at`, "the time on which the webhook was fired" | yes |
/// | Channel Talk | none: only the entity's own `createdAt`/`updatedAt`, which is old for a push about an old chat | no |
///
/// `max_age` applies only to the vendors that send a delivery time or sign a timestamp;
/// Channel Talk's events are not refused for their age unless you set its window with
/// `max_age_for`, and then its entity's time is what counts. An event without the time is
/// refused when a window applies ([`ReceiveError::NoTimestamp`]). The clock is read only by
/// [`receive`](Self::receive) (and the axum extractor, which calls it): the system's, or the
/// one set with [`clock`](Self::clock); [`receive_at`](Self::receive_at) takes `now`.
#[derive(Debug, Default)]
pub struct Receiver {
    slots: [Slot; Vendor::COUNT],
    max_age: Option<Duration>,
    max_age_for: [Option<Duration>; Vendor::COUNT],
    clock: ClockSlot,
}

/// The query parameter that carries a registration window's one-time token
/// ([`Receiver::open_registration`]).
pub const REGISTRATION_PARAMETER: &str = "registration";

impl Clone for Receiver {
    /// A receiver with the same settings as this one now. Later changes to either do not
    /// reach the other: share one receiver (in an `Arc`) to change it at runtime.
    fn clone(&self) -> Self {
        Receiver {
            slots: std::array::from_fn(|i| Slot {
                auth: RwLock::new(self.slots[i].auth()),
                registration: Mutex::new(lock(&self.slots[i].registration).clone()),
            }),
            max_age: self.max_age,
            max_age_for: self.max_age_for,
            clock: self.clock.clone(),
        }
    }
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

impl Receiver {
    /// A receiver that trusts no vendor yet.
    pub fn new() -> Self {
        Receiver::default()
    }

    fn slot(&self, vendor: Vendor) -> Option<&Slot> {
        vendor.index().map(|i| &self.slots[i])
    }

    /// Adds a secret for `vendor` (see the table above). Call it again to accept several
    /// secrets while rotating. Has no effect for [`Vendor::Custom`]. An empty secret is kept
    /// but never matches.
    pub fn secret(self, vendor: Vendor, secret: impl Into<Secret>) -> Self {
        self.add_secret(vendor, secret);
        self
    }

    /// Takes `vendor`'s secrets from `source`, the service's own store, on every request
    /// (see [`SecretSource`]), in place of secrets held by the receiver. Adding a secret later
    /// replaces the source with the secrets held here.
    pub fn secret_source(self, vendor: Vendor, source: Arc<dyn SecretSource>) -> Self {
        if let Some(slot) = self.slot(vendor) {
            slot.update(|auth| *auth = Auth::Source(source));
        }
        self
    }

    /// Parses `vendor`'s deliveries without checking them. This is an explicit opt-out, for
    /// development, for a vendor authenticated some other way (a private network, mutual
    /// TLS), or for a sender that signs nothing (Chatwoot servers older than v4.11.2); without
    /// it or a secret, the vendor's requests are refused. Adding a secret later turns
    /// verification back on.
    pub fn without_verification(self, vendor: Vendor) -> Self {
        if let Some(slot) = self.slot(vendor) {
            slot.update(|auth| *auth = Auth::Unverified);
        }
        self
    }

    /// Refuses events whose delivery time is more than `max` before now, or more than `max`
    /// after it (clock skew), and events without that time. Applies to the vendors that send a
    /// delivery time or sign a timestamp (all but Channel Talk, see the table above) unless
    /// [`max_age_for`](Self::max_age_for) sets theirs. Off by default.
    pub fn max_age(mut self, max: Duration) -> Self {
        self.max_age = Some(max);
        self
    }

    /// Sets `vendor`'s own replay window, in place of [`max_age`](Self::max_age) for it. For
    /// Channel Talk, this is the only way to get one, and its entity's time is what counts.
    pub fn max_age_for(mut self, vendor: Vendor, max: Duration) -> Self {
        if let Some(i) = vendor.index() {
            self.max_age_for[i] = Some(max);
        }
        self
    }

    /// The replay window that applies to `vendor`, if any.
    pub fn max_age_of(&self, vendor: Vendor) -> Option<Duration> {
        let own = vendor.index().and_then(|i| self.max_age_for[i]);
        own.or(self.max_age.filter(|_| has_delivery_time(vendor)))
    }

    /// Adds a secret for `vendor` while the receiver serves: it is tried after the ones already
    /// there. Turns verification on if it was switched off, and replaces a
    /// [`SecretSource`]. Has no effect for [`Vendor::Custom`].
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

    /// Removes all of `vendor`'s secrets, its secret source and the opt-out from verification:
    /// its requests are refused until it gets a secret again.
    pub fn clear_secrets(&self, vendor: Vendor) {
        if let Some(slot) = self.slot(vendor) {
            slot.update(|auth| *auth = Auth::Unset);
        }
    }

    /// How many secrets `vendor` has in this receiver now (a [`SecretSource`]'s are not
    /// counted).
    pub fn secret_count(&self, vendor: Vendor) -> usize {
        match self.slot(vendor).map(Slot::auth) {
            Some(Auth::Secrets(secrets)) => secrets.len(),
            _ => 0,
        }
    }

    /// Accepts `vendor`'s registration handshakes until `until` (compared with the `now` of
    /// [`receive_at`](Self::receive_at)) when they carry `token` in the
    /// [`REGISTRATION_PARAMETER`] query parameter; see
    /// [Registration handshakes](#registration-handshakes). Put a fresh, random token (16
    /// bytes or more, URL-safe) in the URL you register, and open the window just before. A
    /// token that is empty or only whitespace accepts nothing. Only vendors with a secret
    /// exchange have handshakes (Inbenta; SuperOffice's `test` POST is signed like any event).
    pub fn open_registration(
        &self,
        vendor: Vendor,
        token: impl Into<Secret>,
        until: DateTime<Utc>,
    ) {
        if let Some(slot) = self.slot(vendor) {
            *lock(&slot.registration) = Some(Window {
                until,
                token: token.into(),
            });
        }
    }

    /// Closes `vendor`'s registration window, if one is open.
    pub fn close_registration(&self, vendor: Vendor) {
        if let Some(slot) = self.slot(vendor) {
            *lock(&slot.registration) = None;
        }
    }

    /// Activates a registration the service has stored: adds its secret to the vendor's
    /// secrets (unless they come from a [`SecretSource`], which now holds it) and closes the
    /// window. Returns the handshake to answer with (`200` and the echoed header).
    pub fn confirm_registration(&self, registration: super::Registration) -> super::Handshake {
        let vendor = registration.vendor();
        if let Some(slot) = self.slot(vendor) {
            if !matches!(slot.auth(), Auth::Source(_)) {
                self.add_secret(vendor, registration.secret().clone());
            }
            *lock(&slot.registration) = None;
        }
        super::Handshake::Registration(registration.confirmed())
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
        if let Some(registration) = self.registration(vendor, request, now)? {
            return Ok(Received::Handshake(super::Handshake::Registration(
                registration,
            )));
        }
        let checked = match self.verify(vendor, request) {
            Ok(checked) => checked,
            // A request of another kind that a vendor sends to webhook URLs (an Inbenta
            // Messenger webhook, whose `X-Hook-Signature` is its raw secret; a Channel App
            // function call) fails the check: say what it is, so that its log names it.
            Err(err @ (ReceiveError::Missing { .. } | ReceiveError::Unauthenticated { .. })) => {
                let prepared =
                    crate::detect::prepare(request.body, crate::detect::Until::Vendor(vendor));
                return Err(crate::registry::foreign(&prepared).map_or(err, ReceiveError::Parse));
            }
            Err(err) => return Err(err),
        };
        let event = parse_event_as(vendor, request.body)?;
        if crate::registry::is_registration_test(&event) {
            return Ok(Received::Handshake(super::Handshake::Test {
                vendor,
                event: Box::new(event),
            }));
        }
        let chat = event.to_chat_event();
        if let Some(max) = self.max_age_of(vendor) {
            let at = checked.signed_at.or(chat.occurred_at);
            check_age(vendor, &event, at, now, max)?;
        }
        let delivery_id = crate::registry::delivery_id(vendor)
            .and_then(|source| read_source(request, source))
            .map(str::trim)
            .filter(|id| !id.is_empty());
        let event_id = chat
            .event_id
            .as_deref()
            .filter(|_| crate::registry::event_id_is_unique(vendor));
        let dedup_key = dedup_key(vendor, &event, delivery_id.or(event_id), request.body);
        Ok(Received::Event(Box::new(Delivery {
            event,
            chat,
            verification: checked.verification,
            dedup_key,
            body: request.body(),
        })))
    }

    /// A registration handshake, if the request is one: `None` when the vendor has no secret
    /// exchange, or the request has no such header, or it carries a signature (a signed
    /// request is an event).
    fn registration<H: Headers + ?Sized>(
        &self,
        vendor: Vendor,
        request: &Request<'_, H>,
        now: DateTime<Utc>,
    ) -> Result<Option<super::Registration>, ReceiveError> {
        let Some(exchange) = crate::registry::secret_exchange(vendor) else {
            return Ok(None);
        };
        let Some(offered) = read_source(request, exchange.offered) else {
            return Ok(None);
        };
        if signature_source(vendor).is_some_and(|source| read_source(request, source).is_some()) {
            return Ok(None);
        }
        let refused = ReceiveError::HandshakeRefused { vendor };
        let slot = self
            .slot(vendor)
            .ok_or(ReceiveError::NotConfigured { vendor })?;
        let window = lock(&slot.registration).clone();
        let Some(window) = window.filter(|window| now <= window.until) else {
            return Err(refused);
        };
        let token = query_param(request.query, REGISTRATION_PARAMETER).map_err(|_| refused)?;
        let token_matches = !window.token.is_blank()
            && token.readings().any(|reading| {
                window
                    .token
                    .matches_digest(&sha256(reading.trim().as_bytes()))
            });
        if !token_matches {
            return Err(ReceiveError::HandshakeRefused { vendor });
        }
        let secret = offered.trim();
        if secret.is_empty() {
            return Err(ReceiveError::Unauthenticated {
                vendor,
                source: SignatureError::EmptySecret,
            });
        }
        Ok(Some(super::Registration::new(
            vendor,
            Secret::from(secret),
            exchange.echo,
        )))
    }

    /// Checks the request's signature or token against `vendor`'s secrets, by its scheme.
    fn verify<H: Headers + ?Sized>(
        &self,
        vendor: Vendor,
        request: &Request<'_, H>,
    ) -> Result<Checked, ReceiveError> {
        let secrets = match self.slot(vendor).map(Slot::auth) {
            Some(Auth::Secrets(secrets)) => secrets,
            Some(Auth::Source(source)) => source
                .secrets(vendor)
                .map_err(|source| ReceiveError::SecretsUnavailable { vendor, source })?,
            Some(Auth::Unverified) => {
                return Ok(Checked {
                    verification: Verification::Skipped,
                    signed_at: None,
                })
            }
            Some(Auth::Unset) | None => return Err(ReceiveError::NotConfigured { vendor }),
        };
        let scheme =
            crate::registry::scheme(vendor).ok_or(ReceiveError::NotConfigured { vendor })?;
        let unauthenticated = |source| ReceiveError::Unauthenticated { vendor, source };
        let missing = |what| ReceiveError::Missing { vendor, what };
        let (index, signed_at) = match scheme {
            Scheme::Hmac(hmac) => {
                let signature =
                    read_source(request, hmac.signature).ok_or(missing(hmac.signature))?;
                let timestamp = match hmac.timestamp {
                    Some(source) => Some(read_source(request, source).ok_or(missing(source))?),
                    None => None,
                };
                let id = match hmac.id {
                    Some(source) => Some(read_source(request, source).ok_or(missing(source))?),
                    None => None,
                };
                let signed = Signed {
                    body: request.body,
                    timestamp,
                    id,
                };
                let index = first_match(&secrets, |secret| {
                    hmac.verify(secret.expose(), &signed, signature)
                })
                .map_err(unauthenticated)?;
                let signed_at = timestamp
                    .map(|text| epoch_seconds(text).ok_or(SignatureError::MalformedTimestamp))
                    .transpose()
                    .map_err(unauthenticated)?;
                (index, signed_at)
            }
            Scheme::Token(token) => {
                let received = match token.source {
                    Source::Query(name) => {
                        query_param(request.query, name).map_err(|err| match err {
                            SignatureError::MissingToken { .. } => missing(token.source),
                            other => unauthenticated(other),
                        })?
                    }
                    Source::Header(name) => QueryToken::literal(
                        request.headers.header(name).ok_or(missing(token.source))?,
                    ),
                };
                // One digest per reading of the token, compared with each secret's digest.
                // A token has at most two readings (see `QueryToken`): their digests on the
                // stack, no allocation per request.
                let mut digests = [None; 2];
                for (slot, reading) in digests.iter_mut().zip(received.readings()) {
                    let reading = reading.trim();
                    if !reading.is_empty() {
                        *slot = Some(sha256(reading.as_bytes()));
                    }
                }
                if digests.iter().all(Option::is_none) {
                    return Err(unauthenticated(SignatureError::EmptyToken));
                }
                let index = first_match(&secrets, |secret| {
                    if digests
                        .iter()
                        .flatten()
                        .any(|digest| secret.matches_digest(digest))
                    {
                        Ok(())
                    } else {
                        Err(SignatureError::TokenMismatch)
                    }
                })
                .map_err(unauthenticated)?;
                (index, None)
            }
        };
        Ok(Checked {
            verification: Verification::Secret { index },
            signed_at,
        })
    }
}

/// What verification established.
struct Checked {
    verification: Verification,
    /// The signed timestamp, where the scheme signs one.
    signed_at: Option<DateTime<Utc>>,
}

/// The index of the first secret that `check` accepts. Secrets that are empty or only
/// whitespace are skipped: they would verify anything signed with them, and a vendor whose
/// only secrets are such is refused.
fn first_match(
    secrets: &[Secret],
    check: impl Fn(&Secret) -> Result<(), SignatureError>,
) -> Result<usize, SignatureError> {
    let mut last = SignatureError::EmptySecret;
    for (index, secret) in secrets.iter().enumerate() {
        if secret.is_blank() {
            continue;
        }
        match check(secret) {
            Ok(()) => return Ok(index),
            // A mismatch may be another secret's match; anything else is about the value
            // received and the same for every secret.
            Err(err @ (SignatureError::Mismatch | SignatureError::TokenMismatch)) => last = err,
            Err(other) => return Err(other),
        }
    }
    Err(last)
}

/// The value of `source` in `request`: a header, or a query parameter's raw value.
fn read_source<'r, H: Headers + ?Sized>(
    request: &'r Request<'_, H>,
    source: Source,
) -> Option<&'r str> {
    match source {
        Source::Header(name) => request.headers.header(name),
        Source::Query(name) => crate::signature::raw_query_param(request.query, name).ok(),
    }
}

/// Where `vendor`'s scheme sends its signature, if it signs.
fn signature_source(vendor: Vendor) -> Option<Source> {
    match crate::registry::scheme(vendor)? {
        Scheme::Hmac(hmac) => Some(hmac.signature),
        _ => None,
    }
}

/// Whether the vendor's requests carry a time that `max_age` is checked against: a signed
/// timestamp, or a delivery time in the body.
fn has_delivery_time(vendor: Vendor) -> bool {
    crate::registry::has_delivery_time(vendor)
        || matches!(
            crate::registry::scheme(vendor),
            Some(Scheme::Hmac(Hmac {
                timestamp: Some(_),
                ..
            }))
        )
}

/// A signed timestamp: whole epoch seconds, as the vendors that sign one send it.
fn epoch_seconds(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    DateTime::from_timestamp(text.parse().ok()?, 0)
}

/// Appends `text` to `out` escaped as error messages escape body text (no line breaks or
/// terminal escapes reach a log), then as a key part (`%` and `:` percent-encoded), so that
/// the key's parts cannot run into each other.
fn push_key_part(out: &mut String, text: &str) {
    use std::fmt::Write;
    // Writing to a `String` cannot fail.
    let _ = write!(KeyPart(out), "{}", crate::error::Escaped(text));
}

/// The de-duplication key; see [`Delivery::dedup_key`]. `id` is the delivery id, or the
/// event id where it names one event
/// ([`VendorSpec::EVENT_ID_IS_UNIQUE`](crate::registry::VendorSpec::EVENT_ID_IS_UNIQUE)).
/// Allocated at its exact size.
fn dedup_key(vendor: Vendor, event: &Event, id: Option<&str>, body: &[u8]) -> String {
    let name = event.event_name();
    let id = id.filter(|id| !id.trim().is_empty());
    let tail = match id {
        Some(id) => ":id:".len() + key_part_len(id),
        None => ":sha256:".len() + 64,
    };
    let mut key = String::with_capacity(vendor.as_str().len() + 1 + key_part_len(name) + tail);
    key.push_str(vendor.as_str());
    key.push(':');
    push_key_part(&mut key, name);
    match id {
        Some(id) => {
            key.push_str(":id:");
            push_key_part(&mut key, id);
        }
        None => {
            key.push_str(":sha256:");
            push_hex(&mut key, &sha256(body));
        }
    }
    key.shrink_to_fit();
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
