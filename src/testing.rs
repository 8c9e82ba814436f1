//! Requests the way a vendor sends them, for testing your handlers (the `testing` feature).
//!
//! [`vendor_request`] builds, from a body and a secret, what the vendor would send: the
//! signature header for SuperOffice and Inbenta, the `token` query parameter for Channel Talk
//! and for your Ebbot URL, by each vendor's [`Scheme`]. [`registration_request`] builds a
//! registration handshake (Inbenta's).
//! Feed the result to your HTTP stack, or straight to a [`Receiver`](crate::receive::Receiver)
//! with [`VendorRequest::request`].
//!
//! ```
//! use chat_webhooks::receive::{Received, Receiver};
//! use chat_webhooks::testing::vendor_request;
//! use chat_webhooks::Vendor;
//!
//! let receiver = Receiver::new().secret(Vendor::ChannelTalk, "ab+cd/ef==");
//! let body = br#"{"event":"push","type":"message","entity":{"chatId":"1","plainText":"hi"}}"#;
//! let sent = vendor_request(Vendor::ChannelTalk, body, "ab+cd/ef==");
//! assert_eq!(sent.query, "token=ab%2Bcd%2Fef%3D%3D");
//! assert_eq!(sent.path_and_query("/webhooks/channel-talk"), "/webhooks/channel-talk?token=ab%2Bcd%2Fef%3D%3D");
//! let received = receiver.receive(Vendor::ChannelTalk, &sent.request())?;
//! assert!(matches!(received, Received::Event(_)));
//! # Ok::<(), chat_webhooks::receive::ReceiveError>(())
//! ```

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use chrono::{DateTime, Utc};

use crate::auth::{Scheme, Signed, Source};
use crate::receive::Request;
use crate::Vendor;

/// What may stay unencoded in a query value: the unreserved characters of RFC 3986.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A request as a vendor would send it: headers, query string and body.
///
/// Its `Debug` output shows header names and the body's length, not the signature or token.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VendorRequest {
    /// The headers, as the vendor spells them (`Content-Type` and the signature header).
    pub headers: Vec<(&'static str, String)>,
    /// The query string, without `?`: `token=...` for the token vendors, else empty.
    pub query: String,
    /// The body.
    pub body: Vec<u8>,
}

impl VendorRequest {
    /// A [`Request`] over this one, for [`Receiver::receive`](crate::receive::Receiver::receive).
    pub fn request(&self) -> Request<'_, [(&'static str, String)]> {
        Request::new(&self.body, self.headers.as_slice()).with_query(&self.query)
    }

    /// `path` with the query string appended, as the URL the vendor posts to.
    pub fn path_and_query(&self, path: &str) -> String {
        if self.query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{}", self.query)
        }
    }
}

impl std::fmt::Debug for VendorRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(name, _)| *name).collect();
        f.debug_struct("VendorRequest")
            .field("headers", &names)
            .field("query", &format_args!("<{} bytes>", self.query.len()))
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish()
    }
}

/// The request `vendor` would send with `body`, signed with or carrying `secret`, by the
/// vendor's [`Scheme`]:
///
/// | vendor | what is added |
/// |---|---|
/// | SuperOffice | `X-SuperOffice-Signature`: base64 HMAC-SHA256 of the body |
/// | Inbenta | `X-Hook-Signature`: lowercase hex HMAC-SHA256 of the body |
/// | Channel Talk, Ebbot | `token=<secret>` in the query string, percent-encoded |
///
/// A vendor that signs a timestamp gets `at` as that timestamp, in epoch seconds (the time
/// the replay window is checked against); see [`vendor_request`] for the Unix epoch.
/// [`Vendor::Custom`] gets no credential.
pub fn vendor_request_at(
    vendor: Vendor,
    body: &[u8],
    secret: &str,
    at: DateTime<Utc>,
) -> VendorRequest {
    let mut headers = vec![("Content-Type", "application/json".to_owned())];
    let mut query = String::new();
    let mut put = |source: Source, value: String| match source {
        Source::Header(name) => headers.push((name, value)),
        Source::Query(name) => {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(name);
            query.push('=');
            query.extend(utf8_percent_encode(&value, QUERY_VALUE));
        }
    };
    match crate::registry::scheme(vendor) {
        Some(Scheme::Hmac(hmac)) => {
            let timestamp = at.timestamp().to_string();
            let signed = Signed {
                body,
                timestamp: hmac.timestamp.map(|_| timestamp.as_str()),
                id: hmac.id.map(|_| "msg_chat_webhooks_testing"),
            };
            let signature = hmac.sign(secret.as_bytes(), &signed);
            if let (Some(source), Some(value)) = (hmac.timestamp, signed.timestamp) {
                put(source, value.to_owned());
            }
            if let (Some(source), Some(value)) = (hmac.id, signed.id) {
                put(source, value.to_owned());
            }
            put(hmac.signature, signature);
        }
        Some(Scheme::Token(token)) => put(token.source, secret.to_owned()),
        _ => {}
    }
    VendorRequest {
        headers,
        query,
        body: body.to_vec(),
    }
}

/// [`vendor_request_at`] at the Unix epoch: for the vendors that sign no timestamp, or for a
/// receiver without a replay window.
pub fn vendor_request(vendor: Vendor, body: &[u8], secret: &str) -> VendorRequest {
    vendor_request_at(vendor, body, secret, DateTime::UNIX_EPOCH)
}

/// The request as the [`http`] crate's, posted to `path` (with the query string), with the
/// headers and the body: to drive your own HTTP stack. `Err` when `path` is no URI path, or
/// a header value cannot be sent (a registration secret with a line break).
#[cfg(feature = "http")]
impl VendorRequest {
    /// An `http::Request` posting this request to `path` (`/webhooks/superoffice`); the body
    /// as [`bytes::Bytes`].
    ///
    /// ```
    /// use chat_webhooks::testing::vendor_request;
    /// use chat_webhooks::Vendor;
    ///
    /// let sent = vendor_request(Vendor::ChannelTalk, br#"{"event":"push"}"#, "s3cret");
    /// let request = sent.http_request("/webhooks/channel-talk")?;
    /// assert_eq!(request.method(), "POST");
    /// assert_eq!(request.uri(), "/webhooks/channel-talk?token=s3cret");
    /// assert_eq!(request.headers()["content-type"], "application/json");
    /// assert_eq!(request.body().as_ref(), br#"{"event":"push"}"#);
    /// # Ok::<(), http::Error>(())
    /// ```
    pub fn http_request(&self, path: &str) -> Result<http::Request<bytes::Bytes>, http::Error> {
        self.http_request_with(path, bytes::Bytes::from(self.body.clone()))
    }

    /// The request with `body` for its body.
    fn http_request_with<B>(&self, path: &str, body: B) -> Result<http::Request<B>, http::Error> {
        let mut builder = http::Request::builder()
            .method(http::Method::POST)
            .uri(self.path_and_query(path));
        for (name, value) in &self.headers {
            builder = builder.header(*name, value.as_str());
        }
        builder.body(body)
    }
}

/// An `http::Request` posting the request to `/`; see [`VendorRequest::http_request`] for
/// another path.
#[cfg(feature = "http")]
impl TryFrom<VendorRequest> for http::Request<bytes::Bytes> {
    type Error = http::Error;

    fn try_from(sent: VendorRequest) -> Result<Self, http::Error> {
        sent.http_request("/")
    }
}

/// The request for an axum `Router` (`router.oneshot(request)`) or the
/// [`Webhook`](crate::receive::axum::Webhook) extractor, with an axum body.
#[cfg(feature = "axum")]
impl VendorRequest {
    /// An axum request posting this request to `path`: an `http::Request` with an
    /// [`axum_core::body::Body`] (`axum::body::Body`).
    pub fn axum_request(&self, path: &str) -> Result<axum_core::extract::Request, http::Error> {
        self.http_request_with(path, axum_core::body::Body::from(self.body.clone()))
    }
}

/// An axum request posting the request to `/`; see [`VendorRequest::axum_request`] for
/// another path.
#[cfg(feature = "axum")]
impl TryFrom<VendorRequest> for axum_core::extract::Request {
    type Error = http::Error;

    fn try_from(sent: VendorRequest) -> Result<Self, http::Error> {
        sent.axum_request("/")
    }
}

/// The registration handshake `vendor` would send to offer `secret` (Inbenta's unsigned
/// `X-Hook-Secret` with an empty body), to the URL you registered with `token` in its
/// [`REGISTRATION_PARAMETER`](crate::receive::REGISTRATION_PARAMETER) query parameter. A
/// receiver accepts it only inside a registration window opened with that token
/// ([`Receiver::open_registration`](crate::receive::Receiver::open_registration)). `None` for a
/// vendor without such a handshake.
pub fn registration_request(vendor: Vendor, secret: &str, token: &str) -> Option<VendorRequest> {
    let exchange = crate::registry::secret_exchange(vendor)?;
    let mut request = VendorRequest {
        headers: Vec::new(),
        query: format!(
            "{}={}",
            crate::receive::REGISTRATION_PARAMETER,
            utf8_percent_encode(token, QUERY_VALUE)
        ),
        body: Vec::new(),
    };
    match exchange.offered {
        Source::Header(name) => request.headers.push((name, secret.to_owned())),
        Source::Query(name) => {
            request.query.push('&');
            request.query.push_str(name);
            request.query.push('=');
            request
                .query
                .extend(utf8_percent_encode(secret, QUERY_VALUE));
        }
    }
    Some(request)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::receive::{Received, Receiver};

    #[test]
    fn every_vendor_verifies() {
        let receiver = Vendor::SUPPORTED
            .into_iter()
            .fold(Receiver::new(), |r, v| r.secret(v, "s e+c/r=t"));
        for vendor in Vendor::SUPPORTED {
            let Some(body) = crate::registry::example(vendor) else {
                continue;
            };
            let sent = vendor_request(vendor, body, "s e+c/r=t");
            let debug = format!("{sent:?}");
            assert!(
                !debug.contains("token=") && !debug.contains(&sent.headers.last().unwrap().1),
                "{debug}"
            );
            let received = receiver.receive_at(vendor, &sent.request(), DateTime::UNIX_EPOCH);
            assert!(
                matches!(received, Ok(Received::Event(_))),
                "{vendor}: {received:?}"
            );
        }
    }
}
