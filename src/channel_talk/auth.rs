//! Channel Talk's authenticity: the `token` query parameter, its only mechanism for webhooks,
//! and the `x-signature` of Channel App function calls.

use crate::auth::{Algorithm, Encoding, Hmac, Part, Scheme, Signed, Source, Token};
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

/// The header of a Channel App function call that carries its signature.
pub const APP_SIGNATURE_HEADER: &str = "x-signature";

/// Checks the `x-signature` header of a **Channel App function call** (not a webhook).
///
/// Channel signs the calls it makes to an App's function endpoint (`PUT <endpoint>/v1`, body
/// `{method, params, context, systemVersion}`): the header is the standard base64 of the
/// HMAC-SHA256 of the exact body, keyed with the App's signing key **decoded from hex**, as
/// Channel's app SDKs check it. `signing_key` is the key as Channel shows it (hex); `signature`
/// the header value as received (surrounding whitespace ignored). Webhooks carry no signature:
/// check their [`verify_query_token`] instead. The comparison is constant time; an empty key is
/// [`SignatureError::EmptySecret`], a key that is not hex [`SignatureError::MalformedSecret`].
///
/// [`parse`](super::parse) and [`parse_event`](crate::parse_event) refuse the call's body with
/// an error of category [`Foreign`](crate::Category::Foreign): handle it in your App.
///
/// ```
/// use chat_webhooks::{channel_talk, SignatureError};
///
/// let key = "6368616e6e656c2d6170702d7369676e696e672d6b6579"; // hex, as Channel shows it
/// let body = br#"{"method":"tutorial","params":{},"context":{"caller":{"type":"manager","id":"1"},"channel":{"id":"2"}}}"#;
/// let signature = channel_talk::sign_app_call(key, body)?; // the x-signature Channel sends
/// channel_talk::verify_app_signature(key, body, &signature)?;
/// assert_eq!(
///     channel_talk::verify_app_signature("not hex", body, &signature),
///     Err(SignatureError::MalformedSecret { expected: "hex" })
/// );
/// # Ok::<(), SignatureError>(())
/// ```
pub fn verify_app_signature(
    signing_key: &str,
    body: &[u8],
    signature: &str,
) -> Result<(), SignatureError> {
    APP_HMAC.verify(&app_key(signing_key)?, &Signed::body(body), signature)
}

/// The `x-signature` Channel would send with `body` under `signing_key` (hex): for tests of
/// an App's function endpoint.
pub fn sign_app_call(signing_key: &str, body: &[u8]) -> Result<String, SignatureError> {
    Ok(APP_HMAC.sign(&app_key(signing_key)?, &Signed::body(body)))
}

/// A Channel App function call's signature: base64 HMAC-SHA256 of the body, keyed with the
/// App's signing key decoded from hex, in [`APP_SIGNATURE_HEADER`].
const APP_HMAC: Hmac = Hmac {
    algorithm: Algorithm::Sha256,
    signed: &[Part::Body],
    signature: Source::Header(APP_SIGNATURE_HEADER),
    timestamp: None,
    id: None,
    encoding: Encoding::Base64,
    prefix: "",
    separator: None,
};

/// The App's signing key, decoded from hex.
fn app_key(signing_key: &str) -> Result<Vec<u8>, SignatureError> {
    let signing_key = signing_key.trim();
    crate::auth::require_key(signing_key.as_bytes())?;
    hex::decode(signing_key).map_err(|_| SignatureError::MalformedSecret { expected: "hex" })
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

#[cfg(test)]
mod app_tests {
    use super::*;

    #[test]
    fn app_signatures() {
        // HMAC-SHA256 keyed with the bytes the hex decodes to, not with the hex text.
        let key = "00ff10";
        let body = br#"{"method":"m","params":{},"context":{}}"#;
        let signature = sign_app_call(key, body).unwrap();
        let expected = APP_HMAC.sign(&[0x00, 0xff, 0x10], &Signed::body(body));
        assert_eq!(signature, expected);
        assert_eq!(verify_app_signature(key, body, &signature), Ok(()));
        assert_eq!(
            verify_app_signature("00FF10", body, &format!(" {signature} ")),
            Ok(())
        );
        let as_text = APP_HMAC.sign(key.as_bytes(), &Signed::body(body));
        assert_eq!(
            verify_app_signature(key, body, &as_text),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify_app_signature(key, b"{}", &signature),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify_app_signature("", body, &signature),
            Err(SignatureError::EmptySecret)
        );
        assert_eq!(
            verify_app_signature("0g", body, &signature),
            Err(SignatureError::MalformedSecret { expected: "hex" })
        );
        assert_eq!(
            verify_app_signature(key, body, "  "),
            Err(SignatureError::Empty)
        );
        assert_eq!(
            verify_app_signature(key, body, "%%%"),
            Err(SignatureError::Malformed { expected: "base64" })
        );
        assert_eq!(
            verify_app_signature(key, body, "AAAA"),
            Err(SignatureError::InvalidLength {
                expected: 32,
                actual: 3
            })
        );
    }
}
