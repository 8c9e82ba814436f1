//! Ebbot's authenticity: a secret token in the webhook URL, because Ebbot signs nothing.
//!
//! Ebbot's outgoing webhooks carry no signature header and no documented token. Put a long
//! random token of your own in the URL you register with Ebbot (`https://example.com/ebbot?token=...`)
//! and check it on every request with [`verify_query_token`], or let a
//! [`Receiver`](crate::receive::Receiver) do it with the token as Ebbot's secret. The comparison
//! is constant time and an empty token never matches.

use crate::auth::{Scheme, Source, Token};
use crate::SignatureError;

/// The query parameter the crate reads the token from: register your URL with `?token=...`.
pub const TOKEN_PARAMETER: &str = "token";

/// How the requests are authenticated, for the registry: a token in [`TOKEN_PARAMETER`].
pub(crate) const SCHEME: Scheme = Scheme::Token(Token {
    source: Source::Query(TOKEN_PARAMETER),
});

/// Checks a token received in an Ebbot webhook URL against yours, in constant time.
///
/// Surrounding whitespace in `received` is ignored; an empty token never matches. Same as
/// [`crate::verify_token`].
///
/// ```
/// use chat_webhooks::{ebbot, SignatureError};
///
/// assert_eq!(ebbot::verify_token("9c0f-our-token", "9c0f-our-token"), Ok(()));
/// assert_eq!(ebbot::verify_token("9c0f-our-token", "guess"), Err(SignatureError::TokenMismatch));
/// assert_eq!(ebbot::verify_token("", ""), Err(SignatureError::EmptyToken));
/// ```
pub fn verify_token(expected: &str, received: &str) -> Result<(), SignatureError> {
    crate::verify_token(expected, received)
}

/// Finds the `token` parameter in a request's raw query string and checks it against yours.
///
/// `query` is the part of the URL after `?` (a leading `?` is allowed), still percent-encoded.
/// The token matches whether it was sent raw or percent-encoded: a `+` in it may be a literal
/// `+` (as in base64) or an encoded space, and both readings are tried.
///
/// ```
/// use chat_webhooks::{ebbot, SignatureError};
///
/// assert_eq!(ebbot::verify_query_token("ab+cd/ef==", "source=ebbot&token=ab+cd/ef=="), Ok(()));
/// assert_eq!(ebbot::verify_query_token("ab+cd/ef==", "token=ab%2Bcd%2Fef%3D%3D"), Ok(()));
/// assert_eq!(
///     ebbot::verify_query_token("ab+cd/ef==", "source=ebbot"),
///     Err(SignatureError::MissingToken { name: "token" })
/// );
/// ```
pub fn verify_query_token(expected: &str, query: &str) -> Result<(), SignatureError> {
    crate::signature::verify_query_param(expected.as_bytes(), query, TOKEN_PARAMETER)
}
