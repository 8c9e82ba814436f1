//! `chatwoot::parse` and `parse_event_as` on any bytes: never a panic; whatever parses
//! round-trips through the same parser and converts to the common model, and its accessors
//! agree with the conversion.
#![no_main]

use chat_webhooks::{chatwoot, parse_event_as, ToChatEvent, Vendor};
use libfuzzer_sys::fuzz_target;

mod round_trip;

fuzz_target!(|body: &[u8]| {
    if let Ok(event) = chatwoot::parse(body) {
        round_trip::check(&event, chatwoot::parse);
        let chat = event.to_chat_event();
        assert_eq!(chat.chat_id.as_deref(), event.chat_id());
        assert_eq!(chat.occurred_at, event.occurred_at());
    }
    for vendor in Vendor::SUPPORTED {
        let _ = parse_event_as(vendor, body);
    }
});
