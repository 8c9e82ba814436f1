//! `X-Hook-Signature`: HMAC-SHA256 of the raw body, hex or base64.

use crate::signature::{
    decode_base64, decode_hex, encode_hex, hmac_sha256, trim_signature, verify_hmac_sha256, MAC_LEN,
};
use crate::SignatureError;

/// The header that carries the signature of every event notification.
pub const SIGNATURE_HEADER: &str = "X-Hook-Signature";

/// The header that carries the secret in the registration handshake, and in its answer.
pub const SECRET_HEADER: &str = "X-Hook-Secret";

/// The encodings [`verify_signature`] accepts, as its errors name them.
const EXPECTED: &str = "hex or base64";

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
/// ```
pub fn verify_signature(secret: &[u8], body: &[u8], signature: &str) -> Result<(), SignatureError> {
    let signature = trim_signature(signature)?;
    let malformed = SignatureError::Malformed { expected: EXPECTED };
    let tag = if signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        decode_hex(signature).ok_or(malformed)?
    } else if signature.len() == 2 * MAC_LEN {
        // The length of a hex tag with a character that is not a hex digit: a typo'd or
        // corrupted hex value, not 48 bytes of unpadded base64.
        return Err(malformed);
    } else {
        decode_base64(signature).ok_or(malformed)?
    };
    verify_hmac_sha256(secret, body, &tag)
}

/// The `X-Hook-Signature` value for `body`, as lowercase hex: for tests and for replaying
/// captured requests.
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    encode_hex(&hmac_sha256(secret, body))
}
