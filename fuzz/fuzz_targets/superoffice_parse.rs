//! `superoffice::parse` and `parse_event_as` on any bytes: never a panic; whatever parses
//! round-trips through the same parser and converts to the common model.
#![no_main]

use chat_webhooks::{parse_event_as, superoffice, ToChatEvent, Vendor};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    if let Ok(event) = superoffice::parse(body) {
        let _ = event.to_chat_event();
        let json = serde_json::to_vec(&event).expect("an event serializes");
        let again = superoffice::parse(&json).expect("a serialized event parses");
        assert_eq!(
            again,
            event,
            "round trip of {}",
            String::from_utf8_lossy(&json)
        );
    }
    for vendor in Vendor::SUPPORTED {
        let _ = parse_event_as(vendor, body);
    }
});
