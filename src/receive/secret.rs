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
pub struct Secret(Box<[u8]>);

impl Secret {
    /// The secret's bytes (for a vendor whose secret is text, its UTF-8 bytes).
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Secret(bytes.into().into_boxed_slice())
    }

    /// The secret's bytes. Named so that every use is easy to find.
    pub fn expose(&self) -> &[u8] {
        &self.0
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
