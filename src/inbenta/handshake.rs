//! [`handshake`]: answering the registration request.

use std::fmt;

use super::SECRET_HEADER;
use crate::SignatureError;

/// What to answer HyperChat's registration handshake with, and the secret to store.
///
/// Built by [`handshake`]. Answer with [`status`](Self::status) and
/// [`response_headers`](Self::response_headers), and keep [`secret`](Self::secret): it keys
/// the `X-Hook-Signature` of every later event. `Debug` does not show the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Handshake {
    secret: String,
}

impl Handshake {
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

impl fmt::Debug for Handshake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handshake")
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
pub fn handshake(x_hook_secret: &str) -> Result<Handshake, SignatureError> {
    match x_hook_secret.trim() {
        "" => Err(SignatureError::EmptySecret),
        secret => Ok(Handshake {
            secret: secret.to_owned(),
        }),
    }
}
