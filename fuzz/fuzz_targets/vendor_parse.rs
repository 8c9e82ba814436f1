//! Each vendor's `parse` and `parse_event_as` on any bytes: never a panic; whatever parses
//! round-trips through that vendor's parser.
#![no_main]

use chat_webhooks::{
    channel_talk, ebbot, inbenta, parse_event_as, superoffice, ToChatEvent, Vendor,
};
use libfuzzer_sys::fuzz_target;

macro_rules! check {
    ($module:ident, $body:expr) => {
        if let Ok(event) = $module::parse($body) {
            let _ = event.to_chat_event();
            let json = serde_json::to_vec(&event).expect("an event serializes");
            assert_eq!(
                $module::parse(&json).expect("a serialized event parses"),
                event
            );
        }
    };
}

fuzz_target!(|body: &[u8]| {
    check!(superoffice, body);
    check!(ebbot, body);
    check!(channel_talk, body);
    check!(inbenta, body);
    for vendor in Vendor::SUPPORTED {
        let _ = parse_event_as(vendor, body);
    }
});
