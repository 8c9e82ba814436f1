//! `superoffice::parse` and `parse_event_as` on any bytes: never a panic; whatever parses
//! round-trips through the same parser and converts to the common model.
#![no_main]

use chat_webhooks::{parse_event_as, superoffice, Vendor};
use libfuzzer_sys::fuzz_target;

mod round_trip;

fuzz_target!(|body: &[u8]| {
    if let Ok(event) = superoffice::parse(body) {
        round_trip::check(&event, superoffice::parse);
    }
    for vendor in Vendor::SUPPORTED {
        let _ = parse_event_as(vendor, body);
    }
});
