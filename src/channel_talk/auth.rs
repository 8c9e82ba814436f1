//! Channel Talk's authenticity: the `token` query parameter, its only mechanism.

use crate::auth::{Scheme, Source, Token};
use crate::SignatureError;

/// The query parameter Channel appends to the webhook URL: `POST /PATH?token=TOKEN_VALUE`.
pub const TOKEN_PARAMETER: &str = "token";

/// How the requests are authenticated, for the registry: a token in [`TOKEN_PARAMETER`].
pub(crate) const SCHEME: Scheme = Scheme::Token(Token {
    source: Source::Query(TOKEN_PARAMETER),
});

/// Checks a token received from Channel Talk against the webhook's token, in constant time.
///
/// Channel signs nothing: it appends the webhook's static token to the URL it posts to, as
/// the `token` query parameter. Pass the parameter's decoded value, or use
/// [`verify_query_token`] on the raw query string. Surrounding whitespace in `received` is
/// ignored; an empty token never matches. Same as [`crate::verify_token`].
///
/// ```
/// use chat_webhooks::{channel_talk, SignatureError};
///
/// assert_eq!(channel_talk::verify_token("5f8a0c2e9d", "5f8a0c2e9d"), Ok(()));
/// assert_eq!(channel_talk::verify_token("5f8a0c2e9d", "5f8a0c2e9e"), Err(SignatureError::TokenMismatch));
/// ```
pub fn verify_token(expected: &str, received: &str) -> Result<(), SignatureError> {
    crate::verify_token(expected, received)
}

/// Finds the `token` parameter in a request's raw query string and checks it with
/// [`verify_token`].
///
/// `query` is the part of the URL after `?` (a leading `?` is allowed), still percent-encoded.
/// See [`query_token`] for how it is read. The token matches whether it was sent raw or
/// percent-encoded: a `+` may be a literal `+` (as in a base64 token) or an encoded space, and
/// both readings are tried.
///
/// ```
/// use chat_webhooks::{channel_talk, SignatureError};
///
/// assert_eq!(channel_talk::verify_query_token("ab+cd/ef==", "token=ab+cd/ef=="), Ok(()));
/// assert_eq!(channel_talk::verify_query_token("ab+cd/ef==", "token=ab%2Bcd%2Fef%3D%3D"), Ok(()));
/// assert_eq!(channel_talk::verify_query_token("a b/c", "?source=channel&token=a+b%2Fc"), Ok(()));
/// assert_eq!(
///     channel_talk::verify_query_token("a b/c", "source=channel"),
///     Err(SignatureError::MissingToken { name: "token" })
/// );
/// ```
pub fn verify_query_token(expected: &str, query: &str) -> Result<(), SignatureError> {
    crate::signature::verify_query_param(expected.as_bytes(), query, TOKEN_PARAMETER)
}

/// The decoded value of the first `token` parameter in a raw query string.
///
/// Parameters are separated by `&`; a name without `=` has an empty value. The value is
/// percent-decoded (`%XX` is a byte) and must be UTF-8; a `+` is kept as `+`, because tokens
/// are often base64 and senders do not always encode them ([`verify_query_token`] also tries
/// `+` as a space). A query with no `token` parameter is
/// [`SignatureError::MissingToken`]; a token that is not valid percent-encoded UTF-8 is
/// [`SignatureError::MalformedToken`]. Other parameters are not looked at beyond their names.
///
/// ```
/// use chat_webhooks::channel_talk::query_token;
///
/// assert_eq!(query_token("token=k%C3%A4se&token=second").unwrap(), "käse");
/// assert_eq!(query_token("token=ab+cd%2F").unwrap(), "ab+cd/");
/// assert!(query_token("token=%zz").is_err());
/// ```
pub fn query_token(query: &str) -> Result<String, SignatureError> {
    crate::signature::query_param(query, TOKEN_PARAMETER).map(|token| token.literal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_the_token() {
        assert_eq!(query_token("token=abc").unwrap(), "abc");
        assert_eq!(query_token("?token=abc").unwrap(), "abc");
        assert_eq!(query_token("a=1&&token=abc&b").unwrap(), "abc");
        assert_eq!(query_token("tok%65n=abc").unwrap(), "abc");
        assert_eq!(query_token("token").unwrap(), "");
        assert_eq!(query_token("token=a=b").unwrap(), "a=b");
        assert_eq!(query_token("x=%zz&token=abc").unwrap(), "abc");
        for missing in ["", "?", "tokens=abc", "Token=abc", "x=token", "%zz=token"] {
            assert_eq!(
                query_token(missing),
                Err(SignatureError::MissingToken { name: "token" }),
                "{missing}"
            );
        }
    }
}
