//! `X-SuperOffice-Signature`: base64 HMAC-SHA256 of the raw body.

use crate::auth::{Algorithm, Encoding, Hmac, Part, Scheme, Signed, Source};
use crate::SignatureError;

/// The header that carries the signature. Match header names case-insensitively: SuperOffice's
/// own examples also spell it `X-Superoffice-Signature`.
pub const SIGNATURE_HEADER: &str = "X-SuperOffice-Signature";

/// SuperOffice's signature: base64 HMAC-SHA256 of the body, in [`SIGNATURE_HEADER`].
const HMAC: Hmac = Hmac {
    algorithm: Algorithm::Sha256,
    signed: &[Part::Body],
    signature: Source::Header(SIGNATURE_HEADER),
    timestamp: None,
    id: None,
    encoding: Encoding::Base64,
    prefix: "",
    separator: None,
};

/// How SuperOffice's requests are authenticated, for the registry.
pub(crate) const SCHEME: Scheme = Scheme::Hmac(HMAC);

/// The header that names the event (`chatsession.created`, `webhook123.started`).
pub const EVENT_HEADER: &str = "X-SuperOffice-Event";

/// The header SuperOffice adds, with value `true`, to the test POST it sends when a webhook is
/// registered.
///
/// Informational: what marks the test is its body, `"Event": "test"` ([`Event::Test`](super::Event::Test)),
/// which the signature covers; a header is not signed, so the receiver neither needs nor
/// reads this one. A signed `test` body is the registration test with the header or without
/// it, and a signed event of any other name is an event even with it. Answer the test with
/// `200 OK`.
pub const TEST_HEADER: &str = "X-Hook-Test";

/// Checks an `X-SuperOffice-Signature` header value against the raw request body.
///
/// SuperOffice signs the body exactly as sent with HMAC-SHA256, keyed with the UTF-8 bytes of
/// the secret given when the webhook was registered, and sends the tag as standard base64 with
/// padding. Pass the body's bytes as received, before any parsing: whitespace is significant.
/// Surrounding whitespace in `signature` is ignored; the comparison is constant time; an empty
/// or malformed value is an error, never a match. An empty `secret` is
/// [`SignatureError::EmptySecret`] whatever the signature: anyone can sign with an empty key.
/// SuperOffice sends the header only when the webhook has a secret.
///
/// ```
/// use chat_webhooks::superoffice;
///
/// let body = br#"{"EventId":"e87ac619","Event":"test","PrimaryKey":0}"#;
/// let header = superoffice::sign(b"my secret", body);
/// assert!(superoffice::verify_signature(b"my secret", body, &header).is_ok());
/// assert!(superoffice::verify_signature(b"another secret", body, &header).is_err());
/// // An empty key verifies nothing, not even its own signature.
/// let forged = superoffice::sign(b"", body);
/// assert!(superoffice::verify_signature(b"", body, &forged).is_err());
/// ```
pub fn verify_signature(secret: &[u8], body: &[u8], signature: &str) -> Result<(), SignatureError> {
    HMAC.verify(secret, &Signed::body(body), signature)
}

/// The `X-SuperOffice-Signature` value SuperOffice would send for `body`: for tests and
/// for replaying captured requests.
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    HMAC.sign(secret, &Signed::body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_secret_never_verifies() {
        let body = br#"{"EventId":"x","Event":"test"}"#;
        assert_eq!(
            verify_signature(b"", body, &sign(b"", body)),
            Err(SignatureError::EmptySecret)
        );
        assert_eq!(
            verify_signature(b"", body, "not base64"),
            Err(SignatureError::EmptySecret)
        );
        assert_eq!(verify_signature(b"k", body, &sign(b"k", body)), Ok(()));
    }

    #[test]
    fn signature_whitespace_is_tolerated() {
        let body = b"{}";
        let signature = format!(" \t{}\r\n", sign(b"k", body));
        assert_eq!(verify_signature(b"k", body, &signature), Ok(()));
    }
}
