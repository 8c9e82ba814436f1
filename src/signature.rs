//! Authenticity checks shared by the vendors: HMAC-SHA256 and static tokens.
//!
//! Every comparison here is constant time: MACs through [`hmac::Mac::verify_slice`], tokens by
//! comparing HMACs of both sides. Nothing hand-rolls a byte comparison, and an empty or
//! malformed value is an error, never a match.

use std::fmt;

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The length of an HMAC-SHA256 tag in bytes.
pub(crate) const MAC_LEN: usize = 32;

/// Why a signature or token was not accepted.
///
/// The messages say what was wrong with the value received, never what was expected: no
/// secret, MAC or token byte is ever part of an error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// The signature header was empty or only whitespace.
    #[error("signature is empty")]
    Empty,
    /// The signature is not in an encoding the vendor uses.
    #[error("signature is not valid {expected}")]
    Malformed {
        /// The encodings accepted, e.g. `base64` or `hex or base64`.
        expected: &'static str,
    },
    /// The signature decoded to the wrong number of bytes.
    #[error("signature is {actual} bytes long, expected {expected}")]
    InvalidLength {
        /// The length of an HMAC-SHA256 tag: 32.
        expected: usize,
        /// The decoded length.
        actual: usize,
    },
    /// The signature is well formed but is not the body's MAC under the secret.
    #[error("signature does not match the body")]
    Mismatch,
    /// The shared secret received (in a registration handshake) was empty.
    #[error("secret is empty")]
    EmptySecret,
    /// The token received was empty.
    #[error("token is empty")]
    EmptyToken,
    /// The token is not valid percent-encoded UTF-8.
    #[error("token is not valid percent-encoded UTF-8")]
    MalformedToken,
    /// No token was found where the vendor sends it.
    #[error("no `{name}` parameter in the query string")]
    MissingToken {
        /// The query parameter looked for.
        name: &'static str,
    },
    /// The token received is not the expected one.
    #[error("token does not match")]
    TokenMismatch,
}

/// HMAC-SHA256 of `body` keyed with `secret`.
pub(crate) fn hmac_sha256(secret: &[u8], body: &[u8]) -> [u8; MAC_LEN] {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(body);
    mac.finalize().into_bytes().into()
}

/// Checks, in constant time, that `tag` is the HMAC-SHA256 of `body` under `secret`.
pub(crate) fn verify_hmac_sha256(
    secret: &[u8],
    body: &[u8],
    tag: &[u8],
) -> Result<(), SignatureError> {
    if tag.len() != MAC_LEN {
        return Err(SignatureError::InvalidLength {
            expected: MAC_LEN,
            actual: tag.len(),
        });
    }
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(body);
    mac.verify_slice(tag).map_err(|_| SignatureError::Mismatch)
}

/// The header value with surrounding whitespace removed; an error if nothing is left.
#[cfg_attr(
    not(any(feature = "superoffice", feature = "inbenta")),
    allow(dead_code)
)]
pub(crate) fn trim_signature(value: &str) -> Result<&str, SignatureError> {
    match value.trim() {
        "" => Err(SignatureError::Empty),
        trimmed => Ok(trimmed),
    }
}

/// SHA-256 of `bytes`.
pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest as _;
    Sha256::digest(bytes).into()
}

/// Standard base64, with padding.
#[cfg_attr(not(feature = "superoffice"), allow(dead_code))]
pub(crate) fn encode_base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Standard base64 with canonical padding, or `None`.
#[cfg_attr(
    not(any(feature = "superoffice", feature = "inbenta")),
    allow(dead_code)
)]
pub(crate) fn decode_base64(text: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD.decode(text).ok()
}

/// Lowercase hex.
pub(crate) fn encode_hex(bytes: &[u8]) -> String {
    use fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

/// Hex digits in either case, or `None`.
pub(crate) fn decode_hex(text: &str) -> Option<Vec<u8>> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|pair| Some(nibble(pair[0])? << 4 | nibble(pair[1])?))
        .collect()
}

/// Checks, in constant time, that `received` equals `expected`, both as bytes.
pub(crate) fn verify_token_bytes(expected: &[u8], received: &[u8]) -> Result<(), SignatureError> {
    const KEY: &[u8] = b"chat-webhooks token comparison";
    if received.is_empty() || expected.is_empty() {
        return Err(SignatureError::EmptyToken);
    }
    let expected_tag = hmac_sha256(KEY, expected);
    verify_hmac_sha256(KEY, received, &expected_tag).map_err(|_| SignatureError::TokenMismatch)
}

/// The decoded value of the first parameter called `name` in a raw query string.
///
/// `query` is the part of the URL after `?` (a leading `?` is allowed), still percent-encoded.
/// Parameters are separated by `&`; a name without `=` has an empty value. Names and values are
/// decoded as `application/x-www-form-urlencoded`: `+` is a space and `%XX` a byte, and the
/// result must be UTF-8. No such parameter is [`SignatureError::MissingToken`]; a value that is
/// not valid percent-encoded UTF-8 is [`SignatureError::MalformedToken`].
pub(crate) fn query_param(query: &str, name: &'static str) -> Result<String, SignatureError> {
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let matches =
            key == name || (key.contains(['%', '+']) && form_decode(key).as_deref() == Some(name));
        if matches {
            return form_decode(value).ok_or(SignatureError::MalformedToken);
        }
    }
    Err(SignatureError::MissingToken { name })
}

/// Decodes `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte. `None` for
/// a `%` not followed by two hex digits or for bytes that are not UTF-8.
fn form_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let pair = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(decode_hex(pair)?[0]);
                i += 3;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Checks, in constant time, that a token received from a sender equals the expected one.
///
/// Use it for vendors that authenticate with a static token rather than a signature: Channel
/// Talk's `token` query parameter, or a secret you put in an Ebbot webhook URL yourself.
/// Both sides are hashed with HMAC-SHA256 and the tags compared with
/// [`hmac::Mac::verify_slice`], so the time taken does not depend on where the tokens differ.
/// Surrounding whitespace in `received` is ignored; an empty token never matches.
///
/// ```
/// use chat_webhooks::{verify_token, SignatureError};
///
/// assert!(verify_token("s3cr3t-token", "s3cr3t-token").is_ok());
/// assert_eq!(verify_token("s3cr3t-token", "guess"), Err(SignatureError::TokenMismatch));
/// assert_eq!(verify_token("s3cr3t-token", " "), Err(SignatureError::EmptyToken));
/// ```
pub fn verify_token(expected: &str, received: &str) -> Result<(), SignatureError> {
    verify_token_bytes(expected.as_bytes(), received.trim().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        assert_eq!(decode_hex("00ffA0"), Some(vec![0, 255, 160]));
        assert_eq!(encode_hex(&[0, 255, 160]), "00ffa0");
        assert_eq!(decode_hex("0"), None);
        assert_eq!(decode_hex("zz"), None);
        assert_eq!(decode_hex("é1"), None);
    }

    #[test]
    fn base64_is_strict() {
        assert_eq!(decode_base64("AAE="), Some(vec![0, 1]));
        assert_eq!(decode_base64("AAE"), None);
        assert_eq!(decode_base64("AA-_"), None);
    }

    #[test]
    fn query_parameters() {
        assert_eq!(query_param("token=abc", "token").unwrap(), "abc");
        assert_eq!(
            query_param("?a=1&&token=a+b%2Fc&b", "token").unwrap(),
            "a b/c"
        );
        assert_eq!(
            query_param("tok%65n=k%C3%A4se&token=second", "token").unwrap(),
            "käse"
        );
        assert_eq!(query_param("token", "token").unwrap(), "");
        assert_eq!(query_param("token=a=b", "token").unwrap(), "a=b");
        for missing in ["", "?", "tokens=abc", "Token=abc", "x=token", "%zz=token"] {
            assert_eq!(
                query_param(missing, "token"),
                Err(SignatureError::MissingToken { name: "token" }),
                "{missing}"
            );
        }
        for bad in ["%", "%2", "%g0", "%0g", "abc%", "%ff", "%c3", "%+1"] {
            assert_eq!(
                query_param(&format!("token={bad}"), "token"),
                Err(SignatureError::MalformedToken),
                "{bad}"
            );
        }
    }

    #[test]
    fn token_comparison() {
        assert_eq!(verify_token("abc", "abc "), Ok(()));
        assert_eq!(
            verify_token("abc", "abcd"),
            Err(SignatureError::TokenMismatch)
        );
        assert_eq!(
            verify_token("abc", "ab"),
            Err(SignatureError::TokenMismatch)
        );
        assert_eq!(verify_token("", ""), Err(SignatureError::EmptyToken));
        assert_eq!(verify_token("", "abc"), Err(SignatureError::EmptyToken));
    }
}
