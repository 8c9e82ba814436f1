//! Inputs that once failed, found by fuzzing (`fuzz/`), kept as files in `tests/regression/`.

use chat_webhooks::parse_event;

fn input(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/regression")
            .join(name),
    )
    .unwrap()
}

/// A discriminator whose string value has an escape and is never closed: reading it sliced one
/// byte past the end of the body. Now a syntax error.
#[cfg(feature = "superoffice")]
#[test]
fn unterminated_escaped_discriminator() {
    let body = input("unterminated-escaped-discriminator.bin");
    let err = parse_event(&body).unwrap_err();
    assert!(err.is_syntax() || err.is_eof(), "{err}");
    assert!(parse_event(br#"{"EventId": "x", "Event": "a\"#)
        .unwrap_err()
        .is_eof());
    assert!(chat_webhooks::superoffice::parse(br#"{"Event": "\u00"#).is_err());
}

/// A float kept in an untyped member changed in its last digit on a round trip: serde_json's
/// default float parsing is not exact. The crate enables serde_json's `float_roundtrip`.
#[cfg(feature = "channel-talk")]
#[test]
fn floats_round_trip_exactly() {
    let body = input("float-round-trip.bin");
    let event = chat_webhooks::channel_talk::parse(&body).unwrap();
    let json = serde_json::to_vec(&event).unwrap();
    assert_eq!(chat_webhooks::channel_talk::parse(&json).unwrap(), event);
    let value: serde_json::Value = serde_json::from_str("1.6001584331584933e+22").unwrap();
    assert_eq!(value.to_string(), "1.6001584331584933e+22");
}
