//! [`Receiver`]: the secrets and the rules, and [`Request`]: what arrived.

use std::time::Duration;

use chrono::{DateTime, Utc};

#[cfg(any(feature = "superoffice", feature = "inbenta"))]
use super::Handshake;
use super::{Delivery, Headers, ReceiveError, Received, Secret, Verification};
use crate::signature::{encode_hex, query_param, verify_token_bytes};
use crate::{parse_event_as, Event, SignatureError, ToChatEvent, Vendor};

/// A request as it arrived: the raw body, the headers, and the query string.
#[derive(Debug)]
pub struct Request<'a, H: ?Sized> {
    body: &'a [u8],
    #[cfg_attr(
        not(any(feature = "superoffice", feature = "inbenta")),
        allow(dead_code)
    )]
    headers: &'a H,
    query: &'a str,
}

impl<'a, H: Headers + ?Sized> Request<'a, H> {
    /// The body exactly as received, and the headers.
    pub fn new(body: &'a [u8], headers: &'a H) -> Self {
        Request {
            body,
            headers,
            query: "",
        }
    }

    /// The raw query string (the part of the URL after `?`, still percent-encoded): Channel
    /// Talk's `token`, and your Ebbot URL's `token`, are read from it.
    pub fn with_query(mut self, query: &'a str) -> Self {
        self.query = query;
        self
    }
}

#[derive(Debug, Clone, Default)]
enum Auth {
    #[default]
    Unset,
    Secrets(Vec<Secret>),
    Unverified,
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
/// the [`Delivery`] says which matched.
#[derive(Debug, Clone, Default)]
pub struct Receiver {
    auth: [Auth; 4],
    max_age: Option<Duration>,
}

fn slot(vendor: Vendor) -> Option<usize> {
    Vendor::SUPPORTED.iter().position(|v| *v == vendor)
}

impl Receiver {
    /// A receiver that trusts no vendor yet.
    pub fn new() -> Self {
        Receiver::default()
    }

    /// Adds a secret for `vendor` (see the table above). Call it again to accept several
    /// secrets while rotating. Has no effect for [`Vendor::Custom`].
    pub fn secret(mut self, vendor: Vendor, secret: impl Into<Secret>) -> Self {
        if let Some(slot) = slot(vendor) {
            match &mut self.auth[slot] {
                Auth::Secrets(secrets) => secrets.push(secret.into()),
                other => *other = Auth::Secrets(vec![secret.into()]),
            }
        }
        self
    }

    /// Parses `vendor`'s deliveries without checking them. This is an explicit opt-out, for
    /// development or for a vendor authenticated some other way (a private network, mutual
    /// TLS); without it or a secret, the vendor's requests are refused.
    pub fn without_verification(mut self, vendor: Vendor) -> Self {
        if let Some(slot) = slot(vendor) {
            self.auth[slot] = Auth::Unverified;
        }
        self
    }

    /// Refuses events whose own timestamp is more than `max` before now, or more than `max`
    /// after it (clock skew), and events that have no timestamp. Off by default.
    pub fn max_age(mut self, max: Duration) -> Self {
        self.max_age = Some(max);
        self
    }

    /// [`receive_at`](Self::receive_at) with the current time (`Utc::now()`, read through
    /// `std::time::SystemTime`): the one function of this crate that reads the clock.
    pub fn receive<H: Headers + ?Sized>(
        &self,
        vendor: Vendor,
        request: &Request<'_, H>,
    ) -> Result<Received, ReceiveError> {
        self.receive_at(
            vendor,
            request,
            DateTime::<Utc>::from(std::time::SystemTime::now()),
        )
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
            if let Some(secret) = request.headers.header(crate::inbenta::SECRET_HEADER) {
                return crate::inbenta::handshake(secret)
                    .map(|handshake| Received::Handshake(Handshake::Inbenta(handshake)))
                    .map_err(|source| ReceiveError::Unauthenticated { vendor, source });
            }
        }
        let verification = self.verify(vendor, request)?;
        let event = parse_event_as(vendor, request.body)?;
        #[cfg(feature = "superoffice")]
        if let Event::SuperOffice(crate::superoffice::Event::Test(_)) = &event {
            return Ok(Received::Handshake(Handshake::SuperOfficeTest {
                event: Box::new(event),
            }));
        }
        let chat = event.to_chat_event();
        if let Some(max) = self.max_age {
            check_age(vendor, &event, chat.occurred_at, now, max)?;
        }
        let dedup_key = match &chat.event_id {
            Some(id) => format!("{vendor}:{id}"),
            None => format!(
                "{vendor}:sha256:{}",
                encode_hex(&crate::signature::sha256(request.body))
            ),
        };
        Ok(Received::Event(Box::new(Delivery {
            event,
            chat,
            verification,
            dedup_key,
        })))
    }

    fn verify<H: Headers + ?Sized>(
        &self,
        vendor: Vendor,
        request: &Request<'_, H>,
    ) -> Result<Verification, ReceiveError> {
        let secrets = match slot(vendor).map(|slot| &self.auth[slot]) {
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
            Credential::Token(token) => {
                verify_token_bytes(secret.expose(), token.trim().as_bytes())
            }
        };
        let mut last = SignatureError::Mismatch;
        for (index, secret) in secrets.iter().enumerate() {
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
    Token(String),
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
