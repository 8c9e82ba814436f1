//! [`Body`]: the body of a delivery, as received, cheap to clone.

use std::fmt;
use std::ops::Deref;

#[cfg(feature = "http")]
type Repr = bytes::Bytes;
#[cfg(not(feature = "http"))]
type Repr = std::sync::Arc<[u8]>;

/// The raw body of a [`Delivery`](super::Delivery), exactly as received, to store or forward.
///
/// Cloning it is cheap (shared storage). With the `http` feature it is a [`bytes::Bytes`]
/// inside: a request built with [`Request::from_bytes`](super::Request::from_bytes) shares the
/// body it was given without a copy, and [`into_bytes`](Self::into_bytes) hands it back.
/// Otherwise the receiver copies the body once. It dereferences to `[u8]`; its `Debug`
/// output shows its length only.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Body(Repr);

impl Body {
    /// The body's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The body as [`bytes::Bytes`], without a copy.
    #[cfg(feature = "http")]
    pub fn into_bytes(self) -> bytes::Bytes {
        self.0
    }

    #[cfg(feature = "http")]
    pub(crate) fn shared(bytes: &bytes::Bytes) -> Self {
        Body(bytes.clone())
    }
}

impl From<&[u8]> for Body {
    fn from(bytes: &[u8]) -> Self {
        Body(Repr::from(bytes.to_vec()))
    }
}

impl From<Vec<u8>> for Body {
    fn from(bytes: Vec<u8>) -> Self {
        Body(Repr::from(bytes))
    }
}

#[cfg(feature = "http")]
impl From<bytes::Bytes> for Body {
    fn from(bytes: bytes::Bytes) -> Self {
        Body(bytes)
    }
}

impl Deref for Body {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for Body {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Body(<{} bytes>)", self.0.len())
    }
}
