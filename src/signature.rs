//! The primitives under [`crate::auth`]: [`SignatureError`], digests, hex, and static tokens
//! read from a query string.
//!
//! Every comparison is constant time: MACs through [`hmac::Mac::verify_slice`] (in
//! [`crate::auth`]), tokens by comparing SHA-256 digests of both sides with
//! [`CtOutput`](sha2::digest::CtOutput). Nothing hand-rolls a byte comparison, and an empty or
//! malformed value is an error, never a match.
use sha2::Sha256;

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
        /// The length of the MAC: 32 for HMAC-SHA256, 20 for HMAC-SHA1.
        expected: usize,
        /// The decoded length.
        actual: usize,
    },
    /// The signature does not start with what the vendor puts before the MAC (`sha256=`).
    #[error("signature does not start with `{expected}`")]
    Prefix {
        /// The prefix expected.
        expected: &'static str,
    },
    /// The vendor signs a timestamp, and none was received.
    #[error("no timestamp was received to check the signature with")]
    MissingTimestamp,
    /// The vendor signs a message id, and none was received.
    #[error("no message id was received to check the signature with")]
    MissingId,
    /// The signature is well formed but is not the body's MAC under the secret.
    #[error("signature does not match the body")]
    Mismatch,
    /// The secret was empty: a key to verify a signature with, or a secret received in a
    /// registration handshake. An empty key never verifies anything, because anyone can sign
    /// with it.
    #[error("secret is empty")]
    EmptySecret,
    /// The secret is not in the encoding the vendor gives it in (Channel shows an App's
    /// signing key as hex).
    #[error("secret is not valid {expected}")]
    MalformedSecret {
        /// The encoding expected, e.g. `hex`.
        expected: &'static str,
    },
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
    /// The signed timestamp is not whole epoch seconds.
    #[error("timestamp is not whole epoch seconds")]
    MalformedTimestamp,
    /// The token received is not the expected one.
    #[error("token does not match")]
    TokenMismatch,
}

/// SHA-256 of `bytes`.
pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest as _;
    Sha256::digest(bytes).into()
}

/// Lowercase hex.
pub(crate) fn encode_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(2 * bytes.len());
    push_hex(&mut out, bytes);
    out
}

/// Appends `bytes` in lowercase hex to `out`. (`hex::encode` collects an iterator of `char`s,
/// which cost 2% of a request on the receive path.)
pub(crate) fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.reserve(2 * bytes.len());
    for &byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
}

/// Checks, in constant time, that `received` equals `expected`, both as bytes: their SHA-256
/// digests are compared with [`CtOutput`](sha2::digest::CtOutput)'s constant-time equality, so
/// the time taken depends on neither where the tokens differ nor the secret.
pub(crate) fn verify_token_bytes(expected: &[u8], received: &[u8]) -> Result<(), SignatureError> {
    use sha2::digest::CtOutput;
    if received.is_empty() || expected.is_empty() {
        return Err(SignatureError::EmptyToken);
    }
    let digest = |bytes: &[u8]| CtOutput::<Sha256>::new(sha256(bytes).into());
    if digest(expected) == digest(received) {
        Ok(())
    } else {
        Err(SignatureError::TokenMismatch)
    }
}

/// A token read from a query string, in the readings a sender may have meant.
///
/// `literal` is the value percent-decoded with `+` kept as `+` (RFC 3986, and a raw base64
/// token); `plus_as_space` is the `application/x-www-form-urlencoded` reading, where `+` is a
/// space, present only when the value has a `+`. A token matches if either reading matches.
#[derive(Clone)]
pub(crate) struct QueryToken {
    pub(crate) literal: String,
    plus_as_space: Option<String>,
}

impl QueryToken {
    /// Reads the raw (still percent-encoded) value of a query parameter.
    ///
    /// A `%` not followed by two hex digits, or bytes that are not UTF-8 once decoded, are
    /// [`SignatureError::MalformedToken`].
    pub(crate) fn parse(raw: &str) -> Result<Self, SignatureError> {
        let literal = percent_decode_strict(raw)?;
        let plus_as_space = if raw.contains('+') {
            Some(percent_decode_strict(&raw.replace('+', " "))?)
        } else {
            None
        };
        Ok(QueryToken {
            literal,
            plus_as_space,
        })
    }

    /// A token received as it is, from a header: one reading.
    pub(crate) fn literal(value: &str) -> Self {
        QueryToken {
            literal: value.to_owned(),
            plus_as_space: None,
        }
    }

    /// Each reading of the token, the literal one first.
    pub(crate) fn readings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.literal.as_str()).chain(self.plus_as_space.as_deref())
    }

    /// Checks, in constant time, that one reading of the token (surrounding whitespace ignored)
    /// equals `expected`. An empty token or an empty `expected` never matches.
    pub(crate) fn verify(&self, expected: &[u8]) -> Result<(), SignatureError> {
        match verify_token_bytes(expected, self.literal.trim().as_bytes()) {
            Err(SignatureError::TokenMismatch) => match &self.plus_as_space {
                Some(spaced) => verify_token_bytes(expected, spaced.trim().as_bytes()),
                None => Err(SignatureError::TokenMismatch),
            },
            other => other,
        }
    }
}

/// Percent-decodes `text` with the `percent-encoding` crate, after checking that every `%`
/// starts a valid escape (the crate passes a stray `%` through, which would make `%zz` and
/// `%25zz` the same token). The result must be UTF-8.
fn percent_decode_strict(text: &str) -> Result<String, SignatureError> {
    let bytes = text.as_bytes();
    let escapes_valid = bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || bytes
                .get(i + 1..i + 3)
                .is_some_and(|pair| pair.iter().all(u8::is_ascii_hexdigit))
    });
    if !escapes_valid {
        return Err(SignatureError::MalformedToken);
    }
    percent_encoding::percent_decode(bytes)
        .decode_utf8()
        .map(|decoded| decoded.into_owned())
        .map_err(|_| SignatureError::MalformedToken)
}

/// The raw (still percent-encoded) value of the first parameter called `name` in a raw query
/// string.
///
/// `query` is the part of the URL after `?` (a leading `?` is allowed). Parameters are
/// separated by `&`; a name without `=` has an empty value. A name matches as written or once
/// percent-decoded (`tok%65n`). No such parameter is [`SignatureError::MissingToken`].
pub(crate) fn raw_query_param<'q>(
    query: &'q str,
    name: &'static str,
) -> Result<&'q str, SignatureError> {
    for (key, value) in query_pairs(query) {
        let value = value.unwrap_or("");
        let matches = key == name
            || (key.contains('%') && percent_decode_strict(key).is_ok_and(|key| key == name));
        if matches {
            return Ok(value);
        }
    }
    Err(SignatureError::MissingToken { name })
}

/// The `(name, value)` pairs of a raw query string, still percent-encoded, in order: the one
/// splitting of a query in this crate. `query` is the part of the URL after `?` (a leading `?`
/// is allowed); pairs are separated by `&`; a pair without `=` has no value (`None`).
pub(crate) fn query_pairs(query: &str) -> impl Iterator<Item = (&str, Option<&str>)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').map(|pair| match pair.split_once('=') {
        Some((name, value)) => (name, Some(value)),
        None => (pair, None),
    })
}

/// The first parameter called `name` in a raw query string, in both readings of a `+`.
pub(crate) fn query_param(query: &str, name: &'static str) -> Result<QueryToken, SignatureError> {
    QueryToken::parse(raw_query_param(query, name)?)
}

/// Finds the parameter `name` in a raw query string and checks it against `expected`.
#[allow(dead_code)] // used by the token vendors' `verify_query_token`
pub(crate) fn verify_query_param(
    expected: &[u8],
    query: &str,
    name: &'static str,
) -> Result<(), SignatureError> {
    query_param(query, name)?.verify(expected)
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
    fn hex_is_lowercase() {
        assert_eq!(encode_hex(&[0, 255, 160]), "00ffa0");
    }

    fn literal(query: &str) -> Result<String, SignatureError> {
        query_param(query, "token").map(|token| token.literal)
    }

    #[test]
    fn query_parameters() {
        assert_eq!(literal("token=abc").unwrap(), "abc");
        assert_eq!(literal("?a=1&&token=a+b%2Fc&b").unwrap(), "a+b/c");
        assert_eq!(literal("tok%65n=k%C3%A4se&token=second").unwrap(), "käse");
        assert_eq!(literal("token").unwrap(), "");
        assert_eq!(literal("token=a=b").unwrap(), "a=b");
        for missing in ["", "?", "tokens=abc", "Token=abc", "x=token", "%zz=token"] {
            assert_eq!(
                literal(missing),
                Err(SignatureError::MissingToken { name: "token" }),
                "{missing}"
            );
        }
        for bad in ["%", "%2", "%g0", "%0g", "abc%", "%ff", "%c3", "%+1"] {
            assert_eq!(
                literal(&format!("token={bad}")),
                Err(SignatureError::MalformedToken),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_plus_in_a_token_matches_raw_or_encoded() {
        // A base64-like token: `+` is itself when sent raw, `%2B` when encoded.
        let expected = b"ab+cd/ef==";
        for query in [
            "token=ab+cd/ef==",
            "token=ab%2Bcd%2Fef%3D%3D",
            "x=1&token=ab%2bcd/ef%3d=",
        ] {
            assert_eq!(
                verify_query_param(expected, query, "token"),
                Ok(()),
                "{query}"
            );
        }
        // A token with a space still matches when the space was sent as `+` or `%20`.
        for query in ["token=a+b", "token=a%20b"] {
            assert_eq!(
                verify_query_param(b"a b", query, "token"),
                Ok(()),
                "{query}"
            );
        }
        for query in ["token=ab cd/ef==", "token=ab%20cd/ef==", "token=abcd/ef=="] {
            assert_eq!(
                verify_query_param(expected, query, "token"),
                Err(SignatureError::TokenMismatch),
                "{query}"
            );
        }
        assert_eq!(
            verify_query_param(b"", "token=", "token"),
            Err(SignatureError::EmptyToken)
        );
        assert_eq!(
            verify_query_param(b"", "token=+", "token"),
            Err(SignatureError::EmptyToken)
        );
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
