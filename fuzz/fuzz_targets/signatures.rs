//! Signature and token checks on any input: never a panic, never a match for a value that was
//! not produced for that body and secret, always a match for one that was.
#![no_main]

use chat_webhooks::receive::{Received, Receiver, Request};
use chat_webhooks::{inbenta, superoffice, verify_token, Vendor};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&[u8], &[u8], &str)| {
    let (secret, body, signature) = input;
    let so = superoffice::sign(secret, body);
    let ib = inbenta::sign(secret, body);
    assert!(superoffice::verify_signature(secret, body, &so).is_ok());
    assert!(inbenta::verify_signature(secret, body, &ib).is_ok());
    assert!(inbenta::verify_signature(secret, body, &ib.to_uppercase()).is_ok());
    if signature.trim() != so {
        assert!(superoffice::verify_signature(secret, body, signature).is_err());
    }
    let _ = inbenta::verify_signature(secret, body, signature);
    if let Ok(text) = std::str::from_utf8(secret) {
        let matches = verify_token(text, signature).is_ok();
        assert_eq!(matches, !text.is_empty() && signature.trim() == text);
    }
    // The receiver on arbitrary headers and query strings.
    let receiver = Receiver::new()
        .secret(Vendor::SuperOffice, secret)
        .secret(Vendor::Inbenta, secret)
        .secret(Vendor::ChannelTalk, secret)
        .secret(Vendor::Ebbot, secret);
    let headers = [
        ("X-SuperOffice-Signature", signature),
        ("X-Hook-Signature", signature),
    ];
    for vendor in Vendor::SUPPORTED {
        let request = Request::new(body, &headers).with_query(signature);
        if let Ok(Received::Event(delivery)) =
            receiver.receive_at(vendor, &request, Default::default())
        {
            assert!(delivery.secret_index() == Some(0));
        }
    }
});
