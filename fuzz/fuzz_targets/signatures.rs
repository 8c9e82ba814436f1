//! Signature and token checks on any input: never a panic, never a match for a value that was
//! not produced for that body and secret, always a match for one that was, and never a match
//! at all for an empty key or token.
#![no_main]

use chat_webhooks::receive::{Received, Receiver, Request};
use chat_webhooks::{
    channel_talk, chatwoot, inbenta, superoffice, verify_token, SignatureError, Vendor,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&[u8], &[u8], &str, bool)| {
    let (fuzzed_secret, body, signature, empty_key) = input;
    // Half the runs use an empty key: it must never verify, not even its own signatures.
    let secret: &[u8] = if empty_key { b"" } else { fuzzed_secret };
    let so = superoffice::sign(secret, body);
    let ib = inbenta::sign(secret, body);
    if secret.is_empty() {
        for (value, result) in [
            (&so, superoffice::verify_signature(secret, body, &so)),
            (&so, superoffice::verify_signature(secret, body, signature)),
            (&ib, inbenta::verify_signature(secret, body, &ib)),
            (&ib, inbenta::verify_signature(secret, body, signature)),
        ] {
            assert_eq!(result, Err(SignatureError::EmptySecret), "{value}");
        }
        assert!(verify_token("", signature).is_err());
        assert!(channel_talk::verify_query_token("", signature).is_err());
    } else {
        assert!(superoffice::verify_signature(secret, body, &so).is_ok());
        assert!(inbenta::verify_signature(secret, body, &ib).is_ok());
        assert!(inbenta::verify_signature(secret, body, &ib.to_uppercase()).is_ok());
        if signature.trim() != so {
            assert!(superoffice::verify_signature(secret, body, signature).is_err());
        }
        let _ = inbenta::verify_signature(secret, body, signature);
    }
    // Chatwoot, with the fuzzed string as the timestamp: a blank key never verifies; any other
    // verifies its own signature in either case and no other value.
    let cw = chatwoot::sign(secret, signature, body);
    if secret.iter().all(u8::is_ascii_whitespace) {
        assert_eq!(
            chatwoot::verify_signature(secret, signature, body, &cw),
            Err(SignatureError::EmptySecret)
        );
    } else {
        assert!(chatwoot::verify_signature(secret, signature, body, &cw).is_ok());
        assert!(chatwoot::verify_signature(secret, signature, body, &cw.to_uppercase()).is_ok());
        if !signature.trim().eq_ignore_ascii_case(&cw) {
            assert!(chatwoot::verify_signature(secret, signature, body, signature).is_err());
        }
    }
    if let Ok(text) = std::str::from_utf8(secret) {
        let matches = verify_token(text, signature).is_ok();
        assert_eq!(matches, !text.is_empty() && signature.trim() == text);
        // A token's `+` may be literal or a space: the raw and the encoded forms both match.
        if !text.trim().is_empty() && text.trim() == text {
            let raw = format!("token={}", text.replace(['%', '&', '#'], "_"));
            let expected = text.replace(['%', '&', '#'], "_");
            assert!(
                channel_talk::verify_query_token(&expected, &raw).is_ok(),
                "{raw}"
            );
        }
    }
    // The receiver on arbitrary headers and query strings: with an empty key (alone, or next
    // to the fuzzed one) nothing signed with the empty key gets through.
    let receiver = Vendor::SUPPORTED
        .into_iter()
        .fold(Receiver::new(), |receiver, vendor| {
            receiver.secret(vendor, secret)
        });
    let forged = [
        ("X-SuperOffice-Signature", so.as_str()),
        ("X-Hook-Signature", ib.as_str()),
    ];
    let fuzzed = [
        ("X-SuperOffice-Signature", signature),
        ("X-Hook-Signature", signature),
        ("X-Hook-Secret", signature),
    ];
    for vendor in Vendor::SUPPORTED {
        for headers in [&forged[..], &fuzzed[..]] {
            let request = Request::new(body, headers).with_query(signature);
            let result = receiver.receive_at(vendor, &request, Default::default());
            if secret.is_empty() {
                assert!(result.is_err(), "{vendor}: an empty key delivered");
            }
            if let Ok(Received::Event(delivery)) = result {
                assert_eq!(delivery.secret_index(), Some(0));
                assert_eq!(delivery.body.as_bytes(), body);
            }
        }
    }
    // An unsigned handshake is refused: no registration window is open.
    let handshake = [("X-Hook-Secret", signature)];
    let request = Request::new(body, &handshake[..]);
    assert!(receiver
        .receive_at(Vendor::Inbenta, &request, Default::default())
        .is_err());
});
