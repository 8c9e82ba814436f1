//! [`Scheme`]: how a vendor authenticates its requests, as data that one interpreter checks.
//!
//! Every vendor's authenticity is a value of [`Scheme`], declared in its folder: an HMAC of a
//! signed string sent in a header ([`Hmac`]), or a static token sent in a header or the query
//! string ([`Token`]). The receiver ([`crate::receive::Receiver`]), the vendors'
//! `verify_signature`/`sign` functions and the `testing` helpers all read the scheme, so one
//! vendor's rule is written once.
//!
//! The schemes of this crate's vendors, and of other well-known senders for comparison (tested
//! against their published examples in this module's tests):
//!
//! | sender | algorithm | signed | signature | encoding |
//! |---|---|---|---|---|
//! | SuperOffice | HMAC-SHA256 | body | `X-SuperOffice-Signature` | base64 |
//! | Inbenta | HMAC-SHA256 | body | `X-Hook-Signature` | hex or base64 |
//! | Channel Talk, Ebbot | token | | `token` query parameter | |
//! | Intercom | HMAC-SHA1 | body | `X-Hub-Signature: sha1=` | hex |
//! | Zendesk | HMAC-SHA256 | `{timestamp}{body}` | `X-Zendesk-Webhook-Signature` | base64 |
//! | Front | HMAC-SHA256 | `{timestamp}:{body}` | `X-Front-Signature` | base64 |
//! | Standard Webhooks | HMAC-SHA256 | `{id}.{timestamp}.{body}` | `webhook-signature: v1,` (several) | base64 |
//!
//! A signed timestamp is what a replay window is checked against
//! ([`Receiver::max_age`](crate::receive::Receiver::max_age)).
//!
//! ```
//! use chat_webhooks::auth::{Algorithm, Encoding, Hmac, Part, Scheme, Signed, Source};
//!
//! // Standard Webhooks, as a scheme of your own.
//! const STANDARD: Scheme = Scheme::Hmac(Hmac {
//!     algorithm: Algorithm::Sha256,
//!     signed: &[Part::Id, Part::Text("."), Part::Timestamp, Part::Text("."), Part::Body],
//!     signature: Source::Header("webhook-signature"),
//!     timestamp: Some(Source::Header("webhook-timestamp")),
//!     id: Some(Source::Header("webhook-id")),
//!     encoding: Encoding::Base64,
//!     prefix: "v1,",
//!     separator: Some(' '),
//! });
//! let Scheme::Hmac(hmac) = &STANDARD else { unreachable!() };
//! let signed = Signed { body: b"{}", timestamp: Some("1674087231"), id: Some("msg_1") };
//! let header = hmac.sign(b"secret", &signed);
//! assert!(hmac.verify(b"secret", &signed, &format!("v1,bm90IGl0 {header}")).is_ok());
//! ```

use base64::Engine as _;
use hmac::digest::KeyInit;
use hmac::Mac;

use crate::signature::{encode_hex, SignatureError};

/// How a vendor authenticates its requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scheme {
    /// An HMAC of a signed string, in a header.
    Hmac(Hmac),
    /// A static token, in a header or the query string, compared with the configured one.
    Token(Token),
}

/// An HMAC signature: what is signed, with what, where the values come from and how the MAC
/// is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hmac {
    /// The hash the HMAC uses.
    pub algorithm: Algorithm,
    /// The signed string, in order: `[Part::Timestamp, Part::Text("."), Part::Body]` is
    /// `"{timestamp}.{body}"`.
    pub signed: &'static [Part],
    /// Where the signature is sent.
    pub signature: Source,
    /// Where the timestamp is sent, when the signed string has one.
    pub timestamp: Option<Source>,
    /// Where the message id is sent, when the signed string has one.
    pub id: Option<Source>,
    /// How the MAC is written.
    pub encoding: Encoding,
    /// What comes before each encoded MAC (`sha256=`, `v1,`); empty for nothing.
    pub prefix: &'static str,
    /// What separates several signatures in one value (Standard Webhooks sends one per
    /// secret, separated by spaces); `None` for one signature.
    pub separator: Option<char>,
}

/// A static token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is sent.
    pub source: Source,
}

/// A registration handshake that offers a secret (Inbenta's `X-Hook-Secret`), unsigned: the
/// receiver accepts it only inside a registration window
/// ([`Receiver::open_registration`](crate::receive::Receiver::open_registration)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecretExchange {
    /// Where the secret is offered.
    pub offered: Source,
    /// The header the answer echoes the secret in.
    pub echo: &'static str,
}

/// Where a value comes from in a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// A header, matched case-insensitively.
    Header(&'static str),
    /// A query-string parameter, percent-decoded.
    Query(&'static str),
}

/// What it is, for messages: ``"`X-Hook-Signature` header"``.
impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Header(name) => write!(f, "`{name}` header"),
            Source::Query(name) => write!(f, "`{name}` query parameter"),
        }
    }
}

/// The hash of an HMAC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Algorithm {
    /// HMAC-SHA256: 32-byte MACs.
    Sha256,
    /// HMAC-SHA1: 20-byte MACs (Intercom, Front's rule webhooks).
    Sha1,
}

/// A piece of the signed string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Part {
    /// The raw request body, byte for byte.
    Body,
    /// The timestamp, as sent.
    Timestamp,
    /// The message id, as sent.
    Id,
    /// Fixed text: a separator such as `.` or `:`.
    Text(&'static str),
}

/// How a MAC is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Encoding {
    /// Standard base64, with padding.
    Base64,
    /// Hex digits, either case (written lowercase).
    Hex,
    /// Hex digits in either case, or standard base64 (written as lowercase hex): for a vendor
    /// that does not document which. A value of the hex MAC's length that is not all hex
    /// digits is malformed, not base64.
    HexOrBase64,
}

impl Encoding {
    fn describe(self) -> &'static str {
        match self {
            Encoding::Base64 => "base64",
            Encoding::Hex => "hex",
            Encoding::HexOrBase64 => "hex or base64",
        }
    }

    /// `text` decoded into `out`; the decoded length, or `None` if malformed or longer than
    /// `out`. `mac_len` tells a mistyped hex MAC from base64 (see [`Encoding::HexOrBase64`]).
    fn decode(self, text: &str, out: &mut [u8; 64], mac_len: usize) -> Option<usize> {
        let hex = |out: &mut [u8; 64]| {
            let len = text.len() / 2;
            (text.len().is_multiple_of(2) && len <= out.len())
                .then(|| {
                    hex::decode_to_slice(text, &mut out[..len])
                        .ok()
                        .map(|()| len)
                })
                .flatten()
        };
        let base64 = |out: &mut [u8; 64]| {
            base64::engine::general_purpose::STANDARD
                .decode_slice(text, out)
                .ok()
        };
        match self {
            Encoding::Base64 => base64(out),
            Encoding::Hex => hex(out),
            // Hex digits only: hex (a 64-digit hex MAC is also valid base64, of 48 bytes). The
            // length of a hex MAC with a character that is not a hex digit: a mistyped or
            // corrupted hex value, not unpadded base64 of another length.
            Encoding::HexOrBase64 if text.bytes().all(|b| b.is_ascii_hexdigit()) => hex(out),
            Encoding::HexOrBase64 if text.len() == 2 * mac_len => None,
            Encoding::HexOrBase64 => base64(out),
        }
    }

    fn encode(self, mac: &[u8]) -> String {
        match self {
            Encoding::Base64 => base64::engine::general_purpose::STANDARD.encode(mac),
            Encoding::Hex | Encoding::HexOrBase64 => encode_hex(mac),
        }
    }
}

/// What a signature covers, as received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signed<'a> {
    /// The raw body.
    pub body: &'a [u8],
    /// The timestamp value, as sent, when the scheme signs one.
    pub timestamp: Option<&'a str>,
    /// The message id, as sent, when the scheme signs one.
    pub id: Option<&'a str>,
}

impl<'a> Signed<'a> {
    /// A body alone.
    pub fn body(body: &'a [u8]) -> Self {
        Signed {
            body,
            timestamp: None,
            id: None,
        }
    }
}

/// A keyed MAC of either algorithm, fed the signed string.
#[derive(Clone)]
enum Keyed {
    Sha256(hmac::Hmac<sha2::Sha256>),
    Sha1(hmac::Hmac<sha1::Sha1>),
}

impl Keyed {
    fn new(algorithm: Algorithm, secret: &[u8]) -> Self {
        match algorithm {
            Algorithm::Sha256 => {
                Keyed::Sha256(KeyInit::new_from_slice(secret).expect("HMAC takes any key"))
            }
            Algorithm::Sha1 => {
                Keyed::Sha1(KeyInit::new_from_slice(secret).expect("HMAC takes any key"))
            }
        }
    }

    fn update(&mut self, bytes: &[u8]) {
        match self {
            Keyed::Sha256(mac) => mac.update(bytes),
            Keyed::Sha1(mac) => mac.update(bytes),
        }
    }

    fn len(&self) -> usize {
        match self {
            Keyed::Sha256(_) => 32,
            Keyed::Sha1(_) => 20,
        }
    }

    /// Checks `tag` in constant time (`hmac::Mac::verify_slice`).
    fn verify(self, tag: &[u8]) -> bool {
        match self {
            Keyed::Sha256(mac) => mac.verify_slice(tag).is_ok(),
            Keyed::Sha1(mac) => mac.verify_slice(tag).is_ok(),
        }
    }

    fn finish(self) -> Vec<u8> {
        match self {
            Keyed::Sha256(mac) => mac.finalize().into_bytes().to_vec(),
            Keyed::Sha1(mac) => mac.finalize().into_bytes().to_vec(),
        }
    }
}

/// [`SignatureError::EmptySecret`] for a secret that is empty or only whitespace: a MAC under
/// it proves nothing (anyone can sign with it), and a whitespace-only secret is a
/// configuration mistake (an environment variable holding a newline).
pub(crate) fn require_key(secret: &[u8]) -> Result<(), SignatureError> {
    if secret.iter().all(u8::is_ascii_whitespace) {
        return Err(SignatureError::EmptySecret);
    }
    Ok(())
}

impl Hmac {
    /// The MAC of `signed` under `secret`, keyed and fed.
    fn mac(&self, secret: &[u8], signed: &Signed<'_>) -> Result<Keyed, SignatureError> {
        let mut mac = Keyed::new(self.algorithm, secret);
        for part in self.signed {
            match part {
                Part::Body => mac.update(signed.body),
                Part::Text(text) => mac.update(text.as_bytes()),
                Part::Timestamp => mac.update(
                    signed
                        .timestamp
                        .ok_or(SignatureError::MissingTimestamp)?
                        .as_bytes(),
                ),
                Part::Id => mac.update(signed.id.ok_or(SignatureError::MissingId)?.as_bytes()),
            }
        }
        Ok(mac)
    }

    /// Checks `signature` (the value as received; surrounding whitespace ignored) against
    /// `signed` under `secret`, in constant time. With a [`separator`](Self::separator), any
    /// one of the signatures may match. An empty or whitespace-only secret, an empty or
    /// malformed signature, or a missing timestamp or id is an error, never a match.
    pub fn verify(
        &self,
        secret: &[u8],
        signed: &Signed<'_>,
        signature: &str,
    ) -> Result<(), SignatureError> {
        require_key(secret)?;
        let mac = self.mac(secret, signed)?;
        let separator = self.separator;
        let values = signature.split(|c| Some(c) == separator);
        let mut result = Err(SignatureError::Empty);
        for value in values {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let outcome = self.check_one(mac.clone(), value);
            match (&result, outcome) {
                (_, Ok(())) => return Ok(()),
                // The most telling failure: a mismatch over a malformed value over none.
                (Err(SignatureError::Mismatch), Err(_)) => {}
                (_, Err(err)) => result = Err(err),
            }
        }
        result
    }

    fn check_one(&self, mac: Keyed, value: &str) -> Result<(), SignatureError> {
        // The prefix in any ASCII case (`SHA256=`); nothing may come between it and the MAC.
        let encoded = value
            .get(..self.prefix.len())
            .filter(|prefix| prefix.eq_ignore_ascii_case(self.prefix))
            .map(|_| &value[self.prefix.len()..])
            .ok_or(SignatureError::Prefix {
                expected: self.prefix,
            })?;
        let malformed = SignatureError::Malformed {
            expected: self.encoding.describe(),
        };
        if encoded.is_empty() {
            return Err(malformed);
        }
        let mut tag = [0u8; 64];
        let len = self
            .encoding
            .decode(encoded, &mut tag, mac.len())
            .ok_or(malformed)?;
        if len != mac.len() {
            return Err(SignatureError::InvalidLength {
                expected: mac.len(),
                actual: len,
            });
        }
        if mac.verify(&tag[..len]) {
            Ok(())
        } else {
            Err(SignatureError::Mismatch)
        }
    }

    /// The signature value the sender would send for `signed` under `secret`: the prefix and
    /// the encoded MAC. For tests and for replaying captured requests. Empty when the scheme
    /// signs a timestamp or an id that `signed` lacks: no sender signs without them.
    pub fn sign(&self, secret: &[u8], signed: &Signed<'_>) -> String {
        let Ok(mac) = self.mac(secret, signed) else {
            return String::new();
        };
        let encoded = self.encoding.encode(&mac.finish());
        let mut out = String::with_capacity(self.prefix.len() + encoded.len());
        out.push_str(self.prefix);
        out.push_str(&encoded);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn hmac(
        algorithm: Algorithm,
        signed: &'static [Part],
        encoding: Encoding,
        prefix: &'static str,
    ) -> Hmac {
        Hmac {
            algorithm,
            signed,
            signature: Source::Header("sig"),
            timestamp: None,
            id: None,
            encoding,
            prefix,
            separator: None,
        }
    }

    /// Standard Webhooks' published example (its specification's test vector).
    #[test]
    fn standard_webhooks_known_answer() {
        let scheme = Hmac {
            separator: Some(' '),
            ..hmac(
                Algorithm::Sha256,
                &[
                    Part::Id,
                    Part::Text("."),
                    Part::Timestamp,
                    Part::Text("."),
                    Part::Body,
                ],
                Encoding::Base64,
                "v1,",
            )
        };
        let secret = base64::engine::general_purpose::STANDARD
            .decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            .unwrap();
        let signed = Signed {
            body: br#"{"test": 2432232314}"#,
            timestamp: Some("1614265330"),
            id: Some("msg_p5jXN8AQM9LWM0D4loKWxJek"),
        };
        let expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assert_eq!(scheme.sign(&secret, &signed), expected);
        assert_eq!(scheme.verify(&secret, &signed, expected), Ok(()));
        // Several signatures: any one may match, in any position.
        let several = format!("v1,Zm9v {expected} v2,other");
        assert_eq!(scheme.verify(&secret, &signed, &several), Ok(()));
        let other = Signed {
            timestamp: Some("1614265331"),
            ..signed
        };
        assert_eq!(
            scheme.verify(&secret, &other, expected),
            Err(SignatureError::Mismatch)
        );
    }

    /// Intercom's `X-Hub-Signature`: `sha1=` and hex HMAC-SHA1 of the body.
    #[test]
    fn hmac_sha1_hex_with_prefix() {
        let scheme = hmac(Algorithm::Sha1, &[Part::Body], Encoding::Hex, "sha1=");
        // RFC 2202 test case 2: HMAC-SHA1("Jefe", "what do ya want for nothing?").
        let signed = Signed::body(b"what do ya want for nothing?");
        let expected = "sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";
        assert_eq!(scheme.sign(b"Jefe", &signed), expected);
        assert_eq!(scheme.verify(b"Jefe", &signed, expected), Ok(()));
        assert_eq!(
            scheme.verify(
                b"Jefe",
                &signed,
                &expected.to_uppercase().replace("SHA1", "sha1")
            ),
            Ok(())
        );
        assert_eq!(
            scheme.verify(b"Jefe", &signed, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
            Err(SignatureError::Prefix { expected: "sha1=" })
        );
        assert_eq!(
            scheme.verify(b"Jefe", &signed, "sha1=effc"),
            Err(SignatureError::InvalidLength {
                expected: 20,
                actual: 2
            })
        );
    }

    /// Zendesk (`{timestamp}{body}`) and Front (`{timestamp}:{body}`): base64 HMAC-SHA256.
    #[test]
    fn timestamp_before_the_body_with_and_without_a_separator() {
        // RFC 4231 test case 2 ("Jefe", "what do ya want for nothing?"), split between the
        // timestamp and the body.
        let expected = "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=";
        let zendesk = Hmac {
            timestamp: Some(Source::Header("X-Zendesk-Webhook-Signature-Timestamp")),
            ..hmac(
                Algorithm::Sha256,
                &[Part::Timestamp, Part::Body],
                Encoding::Base64,
                "",
            )
        };
        let signed = Signed {
            body: b" do ya want for nothing?",
            timestamp: Some("what"),
            id: None,
        };
        assert_eq!(zendesk.sign(b"Jefe", &signed), expected);
        assert_eq!(zendesk.verify(b"Jefe", &signed, expected), Ok(()));

        let front = hmac(
            Algorithm::Sha256,
            &[Part::Timestamp, Part::Text(":"), Part::Body],
            Encoding::Base64,
            "",
        );
        let signed = Signed {
            body: b"do ya want for nothing?",
            timestamp: Some("what"),
            id: None,
        };
        // "what" + ":" + ... is not "what " + ...: a different MAC.
        assert_eq!(
            front.verify(b"Jefe", &signed, expected),
            Err(SignatureError::Mismatch)
        );
        let front_signature = front.sign(b"Jefe", &signed);
        assert_eq!(front.verify(b"Jefe", &signed, &front_signature), Ok(()));
        // The timestamp is required when the scheme signs it.
        assert_eq!(
            front.verify(b"Jefe", &Signed::body(b"x"), &front_signature),
            Err(SignatureError::MissingTimestamp)
        );
    }

    #[test]
    fn empty_and_whitespace_secrets_verify_nothing() {
        let scheme = hmac(Algorithm::Sha256, &[Part::Body], Encoding::Hex, "");
        let signed = Signed::body(b"{}");
        for secret in [&b""[..], b"\n", b" \t\r\n"] {
            let forged = scheme.sign(secret, &signed);
            assert_eq!(
                scheme.verify(secret, &signed, &forged),
                Err(SignatureError::EmptySecret)
            );
        }
        assert_eq!(
            scheme.verify(b"k", &signed, "  "),
            Err(SignatureError::Empty)
        );
        assert_eq!(
            scheme.verify(b"k", &signed, "zz"),
            Err(SignatureError::Malformed { expected: "hex" })
        );
    }

    #[test]
    fn hex_or_base64_reads_both() {
        let scheme = hmac(Algorithm::Sha256, &[Part::Body], Encoding::HexOrBase64, "");
        let signed = Signed::body(b"body");
        let hex = scheme.sign(b"k", &signed);
        let raw = hex::decode(&hex).unwrap();
        let b64 = base64::engine::general_purpose::STANDARD.encode(raw);
        assert_eq!(scheme.verify(b"k", &signed, &hex), Ok(()));
        assert_eq!(scheme.verify(b"k", &signed, &hex.to_uppercase()), Ok(()));
        assert_eq!(scheme.verify(b"k", &signed, &b64), Ok(()));
        // Base64 is strict: no missing padding, no URL-safe alphabet.
        let base64 = hmac(Algorithm::Sha256, &[Part::Body], Encoding::Base64, "");
        let malformed = Err(SignatureError::Malformed { expected: "base64" });
        assert_eq!(
            base64.verify(b"k", &signed, b64.trim_end_matches('=')),
            malformed
        );
        assert_eq!(
            base64
                .verify(b"k", &signed, &b64.replace('+', "-").replace('/', "_"))
                .is_ok(),
            b64 == b64.replace('+', "-").replace('/', "_")
        );
    }
}
