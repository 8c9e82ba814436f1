//! [`Secret`]: a shared secret that never shows up in logs.

use std::fmt;

/// A shared secret or token: a webhook signing secret, or a token in a webhook URL.
///
/// Its `Debug` output never shows the secret, so a `Receiver` can be logged or put in a
/// `#[derive(Debug)]` state. It has no `Display` and no `PartialEq`, so that it cannot be printed
/// or compared by accident; the crate compares secrets in constant time.
///
/// ```
/// use chat_webhooks::receive::Secret;
///
/// let secret = Secret::from("NKP5mEzu9vqxGBeXSmHQ");
/// assert_eq!(format!("{secret:?}"), "Secret(..)");
/// assert_eq!(secret.expose(), b"NKP5mEzu9vqxGBeXSmHQ");
/// ```
#[derive(Clone)]
pub struct Secret {
    bytes: Box<[u8]>,
    /// SHA-256 of the bytes with surrounding whitespace removed, computed once: a token
    /// received is compared with it in constant time, one digest per request instead of one
    /// MAC per secret.
    digest: [u8; 32],
}

impl Secret {
    /// The secret's bytes (for a vendor whose secret is text, its UTF-8 bytes).
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        let bytes = bytes.into().into_boxed_slice();
        let digest = crate::signature::sha256(bytes.trim_ascii());
        Secret { bytes, digest }
    }

    /// The secret's bytes. Named so that every use is easy to find.
    pub fn expose(&self) -> &[u8] {
        &self.bytes
    }

    /// Whether the secret is empty or only whitespace: such a secret verifies nothing.
    pub fn is_blank(&self) -> bool {
        self.bytes.trim_ascii().is_empty()
    }

    /// Whether two secrets are the same, compared by digest in constant time.
    pub(crate) fn same_as(&self, other: &Secret) -> bool {
        self.bytes.len() == other.bytes.len() && self.matches_digest(&other.digest)
    }

    /// Whether `digest` is the SHA-256 of this secret (surrounding whitespace removed),
    /// compared in constant time.
    pub(crate) fn matches_digest(&self, digest: &[u8; 32]) -> bool {
        use sha2::digest::CtOutput;
        CtOutput::<sha2::Sha256>::new(self.digest.into()) == CtOutput::new((*digest).into())
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<&[u8]> for Secret {
    fn from(value: &[u8]) -> Self {
        Secret::new(value)
    }
}

impl From<Vec<u8>> for Secret {
    fn from(value: Vec<u8>) -> Self {
        Secret::new(value)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(..)")
    }
}
