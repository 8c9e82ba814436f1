//! Chatwoot's authenticity: `X-Chatwoot-Signature`, an HMAC-SHA256 of the timestamp and the
//! raw body.
//!
//! A webhook that has a secret sends three headers:
//!
//! ```text
//! X-Chatwoot-Delivery: 0f3a6c1e-8d2b-4f1e-9a57-3c1d2b7e9f40
//! X-Chatwoot-Timestamp: 1741686137
//! X-Chatwoot-Signature: sha256=<lowercase hex of HMAC-SHA256(secret, signed string)>
//! ```
//!
//! and the **signed string is the timestamp, a dot, then the raw body**, byte for byte:
//!
//! ```text
//! 1741686137.{"id":5231,"content":"Hello",...,"event":"message_created"}
//! ```
//!
//! The timestamp prefix is easy to miss: an HMAC of the body alone never matches (Chatwoot
//! issue #13809). Pass the body as received, before any parsing, and the `X-Chatwoot-Timestamp`
//! header value as sent.
//!
//! The signature proves who sent the body, not when: also refuse a timestamp older than a few
//! minutes (Chatwoot advises 5), and de-duplicate on `X-Chatwoot-Delivery`, which retries
//! reuse. Which secret: account webhooks have one per webhook since Chatwoot v4.11.2; API-channel
//! inbox callbacks and agent bots have their own since v4.13.0. Earlier servers send no
//! signature at all; accept those only by an explicit choice, never by falling back silently.

use crate::auth::{Algorithm, Encoding, Hmac, Part, Scheme, Signed, Source};
use crate::SignatureError;

/// The header that carries the signature: `sha256=<hex>`.
pub const SIGNATURE_HEADER: &str = "X-Chatwoot-Signature";

/// The header that carries the signed timestamp, in epoch seconds.
pub const TIMESTAMP_HEADER: &str = "X-Chatwoot-Timestamp";

/// The header that carries the delivery id, a UUID that retries of one delivery reuse: the
/// key to de-duplicate deliveries on.
pub const DELIVERY_HEADER: &str = "X-Chatwoot-Delivery";

/// What every signature starts with.
pub const SIGNATURE_PREFIX: &str = "sha256=";

/// Chatwoot's signature: `sha256=` and the hex HMAC-SHA256 of `"{timestamp}.{body}"`, fed in
/// parts (the body is not copied).
const HMAC: Hmac = Hmac {
    algorithm: Algorithm::Sha256,
    signed: &[Part::Timestamp, Part::Text("."), Part::Body],
    signature: Source::Header(SIGNATURE_HEADER),
    timestamp: Some(Source::Header(TIMESTAMP_HEADER)),
    id: None,
    encoding: Encoding::Hex,
    prefix: SIGNATURE_PREFIX,
    separator: None,
};

/// How Chatwoot's requests are authenticated, for the registry.
pub(crate) const SCHEME: Scheme = Scheme::Hmac(HMAC);

/// Checks an `X-Chatwoot-Signature` header value against the `X-Chatwoot-Timestamp` header
/// value and the raw request body.
///
/// The MAC is HMAC-SHA256 keyed with the webhook's secret over `"{timestamp}.{body}"`: the
/// `X-Chatwoot-Timestamp` value, a dot, then the raw body, byte for byte (see the
/// [module docs](super#authenticity)). It is written `sha256=` and 64 hex digits; lowercase
/// is what Chatwoot sends, uppercase is accepted too. Surrounding whitespace in `signature`
/// is ignored; the comparison is constant time. This does not check the timestamp's age: do
/// that too.
///
/// Errors: [`SignatureError::EmptySecret`] for an empty or all-whitespace `secret` (anyone
/// can sign with it), [`SignatureError::Empty`] for an empty value,
/// [`SignatureError::Malformed`] for a value that is not `sha256=` and hex,
/// [`SignatureError::InvalidLength`] for hex of the wrong length, and
/// [`SignatureError::Mismatch`] when it is not the MAC of this timestamp and body.
///
/// ```
/// use chat_webhooks::chatwoot;
///
/// let body = br#"{"id":42,"inbox_id":3,"status":"open","event":"conversation_created"}"#;
/// let header = chatwoot::sign(b"whsec", "1741686137", body);
/// assert!(header.starts_with("sha256="));
/// assert!(chatwoot::verify_signature(b"whsec", "1741686137", body, &header).is_ok());
/// // Another timestamp, or the body alone, does not verify.
/// assert!(chatwoot::verify_signature(b"whsec", "1741686138", body, &header).is_err());
/// assert!(chatwoot::verify_signature(b"whsec", "", body, &header).is_err());
/// // An empty key verifies nothing, not even its own signature.
/// let empty = chatwoot::sign(b"", "1741686137", body);
/// assert!(chatwoot::verify_signature(b"", "1741686137", body, &empty).is_err());
/// ```
pub fn verify_signature(
    secret: &[u8],
    timestamp: &str,
    body: &[u8],
    signature: &str,
) -> Result<(), SignatureError> {
    let signed = Signed {
        body,
        timestamp: Some(timestamp),
        id: None,
    };
    HMAC.verify(secret, &signed, signature)
}

/// The `X-Chatwoot-Signature` value for `body` sent at `timestamp` (the
/// `X-Chatwoot-Timestamp` value): `sha256=` and lowercase hex. For tests and for replaying
/// captured requests.
pub fn sign(secret: &[u8], timestamp: &str, body: &[u8]) -> String {
    let signed = Signed {
        body,
        timestamp: Some(timestamp),
        id: None,
    };
    HMAC.sign(secret, &signed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Known answers computed independently (Python's `hmac` module):
    /// `hmac.new(b"whsec_test", b"1741686137." + body, "sha256").hexdigest()`.
    const BODY: &[u8] = br#"{"id":5231,"content":"Hello","event":"message_created"}"#;

    #[test]
    fn known_answers() {
        let expected = "sha256=8dcdfc3f5c536fbdc499800ad52e534a2ca71779ff3b265a2124c87c39f67ad2";
        assert_eq!(sign(b"whsec_test", "1741686137", BODY), expected);
        assert_eq!(
            verify_signature(b"whsec_test", "1741686137", BODY, expected),
            Ok(())
        );
        // An empty body still has the dot: `hmac.new(b"Jefe", b"what do ya want for nothing?.",
        // "sha256")`.
        assert_eq!(
            sign(b"Jefe", "what do ya want for nothing?", b""),
            "sha256=38c6c848e5a2f57451f5095df6370d5c9b83175b99df46422b34960c28def6ae"
        );
    }

    #[test]
    fn accepted_forms() {
        let header = sign(b"whsec_test", "1741686137", BODY);
        for value in [
            header.clone(),
            header.to_uppercase(),
            format!("  {header}\r\n"),
            format!("SHA256={}", &header[7..]),
        ] {
            assert_eq!(
                verify_signature(b"whsec_test", "1741686137", BODY, &value),
                Ok(()),
                "{value}"
            );
        }
    }

    #[test]
    fn rejected_forms() {
        let header = sign(b"whsec_test", "1741686137", BODY);
        let hex = &header[7..];
        let malformed = Err(SignatureError::Malformed { expected: "hex" });
        let no_prefix = Err(SignatureError::Prefix {
            expected: "sha256=",
        });
        let check = |value: &str| verify_signature(b"whsec_test", "1741686137", BODY, value);
        assert_eq!(check(""), Err(SignatureError::Empty));
        assert_eq!(check(" \t"), Err(SignatureError::Empty));
        assert_eq!(check(hex), no_prefix, "no prefix");
        assert_eq!(check("sha1=abcd"), no_prefix);
        assert_eq!(check("sha256="), malformed);
        assert_eq!(check(&format!("sha256={}g", &hex[1..])), malformed);
        assert_eq!(check(&format!("sha256= {hex}")), malformed);
        assert_eq!(check("sha256=é"), malformed);
        assert_eq!(
            check(&format!("sha256={hex}00")),
            Err(SignatureError::InvalidLength {
                expected: 32,
                actual: 33
            })
        );
        let mut flipped = hex.to_owned();
        flipped.replace_range(..1, if hex.starts_with('0') { "1" } else { "0" });
        assert_eq!(
            check(&format!("sha256={flipped}")),
            Err(SignatureError::Mismatch)
        );
        // The body alone, without the timestamp, is not what is signed.
        let body_only = Hmac {
            signed: &[Part::Body],
            ..HMAC
        }
        .sign(b"whsec_test", &Signed::body(BODY));
        assert_eq!(check(&body_only), Err(SignatureError::Mismatch));
        // Empty and blank secrets never verify.
        for secret in [&b""[..], b" ", b"\t\n"] {
            let own = sign(secret, "1741686137", BODY);
            assert_eq!(
                verify_signature(secret, "1741686137", BODY, &own),
                Err(SignatureError::EmptySecret)
            );
        }
    }
}
