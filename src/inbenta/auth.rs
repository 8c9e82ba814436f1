//! Inbenta HyperChat's authenticity: the `X-Hook-Secret` registration handshake, and
//! `X-Hook-Signature`, an HMAC-SHA256 of the raw body, hex or base64.

use std::fmt;

use crate::auth::{Algorithm, Encoding, Hmac, Part, Scheme, SecretExchange, Signed, Source};
use crate::SignatureError;

/// The header that carries the signature of every event notification.
pub const SIGNATURE_HEADER: &str = "X-Hook-Signature";

/// The header that carries the secret in the registration handshake, and in its answer.
pub const SECRET_HEADER: &str = "X-Hook-Secret";

/// The encodings [`verify_signature`] accepts, as its errors name them.
/// Inbenta's signature: HMAC-SHA256 of the body, in [`SIGNATURE_HEADER`], hex or base64.
const HMAC: Hmac = Hmac {
    algorithm: Algorithm::Sha256,
    signed: &[Part::Body],
    signature: Source::Header(SIGNATURE_HEADER),
    timestamp: None,
    id: None,
    encoding: Encoding::HexOrBase64,
    prefix: "",
    separator: None,
};

/// How Inbenta's requests are authenticated, for the registry.
pub(crate) const SCHEME: Scheme = Scheme::Hmac(HMAC);

/// Inbenta's registration handshake, for the registry: the secret in [`SECRET_HEADER`], echoed
/// in the same header.
pub(crate) const SECRET_EXCHANGE: SecretExchange = SecretExchange {
    offered: Source::Header(SECRET_HEADER),
    echo: SECRET_HEADER,
};

/// Checks an `X-Hook-Signature` header value against the raw request body.
///
/// HyperChat sends "an HMAC (sha256) of the event data using the webhook secret exchanged
/// before" (the `X-Hook-Secret` of the [handshake](super::handshake)). Inbenta does not
/// document the tag's encoding, so both common ones are accepted, told apart by shape: a value
/// made only of hex digits is hex, in either case (64 digits for a valid tag); anything else
/// must be standard base64 with padding (44 characters). The MAC is computed over the body
/// exactly as received, keyed with the secret's bytes: pass the body before any parsing.
///
/// Surrounding whitespace in `signature` is ignored; the comparison is constant time. Errors:
/// [`SignatureError::EmptySecret`] for an empty `secret` (anyone can sign with it),
/// [`SignatureError::Empty`] for an empty value, [`SignatureError::Malformed`] (`hex or
/// base64`) for one in neither encoding, [`SignatureError::InvalidLength`] for a well-formed
/// value of the wrong length, and [`SignatureError::Mismatch`] when it is not the body's MAC.
///
/// ```
/// use chat_webhooks::inbenta;
///
/// let body = br#"{"trigger":"chats:close","appId":"gAb5UV4ty","data":{"chatId":"a1","userId":"system"}}"#;
/// let header = inbenta::sign(b"my secret", body);
/// assert!(inbenta::verify_signature(b"my secret", body, &header).is_ok());
/// assert!(inbenta::verify_signature(b"my secret", body, &header.to_uppercase()).is_ok());
/// assert!(inbenta::verify_signature(b"another secret", body, &header).is_err());
/// // An empty key verifies nothing, not even its own signature.
/// assert!(inbenta::verify_signature(b"", body, &inbenta::sign(b"", body)).is_err());
/// ```
pub fn verify_signature(secret: &[u8], body: &[u8], signature: &str) -> Result<(), SignatureError> {
    HMAC.verify(secret, &Signed::body(body), signature)
}

/// The `X-Hook-Signature` value for `body`, as lowercase hex: for tests and for replaying
/// captured requests.
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    HMAC.sign(secret, &Signed::body(body))
}

/// What to answer HyperChat's registration handshake with, and the secret to store.
///
/// Built by [`handshake`]. Answer with [`status`](Self::status) and
/// [`response_headers`](Self::response_headers), and keep [`secret`](Self::secret): it keys
/// the `X-Hook-Signature` of every later event. `Debug` does not show the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct HookSecret {
    secret: String,
}

impl HookSecret {
    /// The status to answer with: `200`.
    pub fn status(&self) -> u16 {
        200
    }

    /// The headers to answer with: `X-Hook-Secret` with the value received.
    pub fn response_headers(&self) -> [(&'static str, &str); 1] {
        [(SECRET_HEADER, &self.secret)]
    }

    /// The secret to store, for [`verify_signature`](super::verify_signature).
    pub fn secret(&self) -> &str {
        &self.secret
    }

    /// The secret to store, by value.
    pub fn into_secret(self) -> String {
        self.secret
    }
}

impl fmt::Debug for HookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HookSecret")
            .field("secret", &"<redacted>")
            .finish()
    }
}

/// Answers the handshake HyperChat performs when a webhook is registered.
///
/// The handshake "also serves as an exchange of security keys": HyperChat sends a request
/// with an `X-Hook-Secret` header, and the target must "respond with a 200 status and the
/// X-Hook-Secret it received". Pass the header's value; the result says what to answer and
/// holds the secret to store. Surrounding whitespace is ignored; an empty value is
/// [`SignatureError::EmptySecret`].
///
/// Whether the handshake request has a body (and a `trigger`) is not documented. Inbenta's
/// own connector treats any request that has the `X-Hook-Secret` header as the handshake and
/// does not read its body; do the same: check for the header before parsing.
///
/// ```
/// use chat_webhooks::inbenta;
///
/// let answer = inbenta::handshake("3c1e7a0b9f")?;
/// assert_eq!(answer.status(), 200);
/// assert_eq!(answer.response_headers(), [("X-Hook-Secret", "3c1e7a0b9f")]);
/// assert_eq!(answer.secret(), "3c1e7a0b9f");
/// # Ok::<(), chat_webhooks::SignatureError>(())
/// ```
pub fn handshake(x_hook_secret: &str) -> Result<HookSecret, SignatureError> {
    match x_hook_secret.trim() {
        "" => Err(SignatureError::EmptySecret),
        secret => Ok(HookSecret {
            secret: secret.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The base64 form of a hex MAC.
    fn to_base64(hex: &str) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(hex::decode(hex).unwrap())
    }

    #[test]
    fn an_empty_secret_never_verifies() {
        let body = br#"{"trigger":"chats:close"}"#;
        let hex = sign(b"", body);
        let base64 = to_base64(&hex);
        for signature in [hex.as_str(), &hex.to_uppercase(), &base64] {
            assert_eq!(
                verify_signature(b"", body, signature),
                Err(SignatureError::EmptySecret),
                "{signature}"
            );
        }
    }

    #[test]
    fn whitespace_and_uppercase_hex_are_tolerated() {
        let body = b"{}";
        let signature = sign(b"k", body);
        for value in [
            format!(" {signature} "),
            format!("\t{}\n", signature.to_uppercase()),
            to_base64(&signature),
        ] {
            assert_eq!(verify_signature(b"k", body, &value), Ok(()), "{value:?}");
        }
        assert_eq!(
            verify_signature(b"k", body, "a b"),
            Err(SignatureError::Malformed {
                expected: "hex or base64"
            })
        );
    }
}
