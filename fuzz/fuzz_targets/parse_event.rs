//! `parse_event` on any bytes: `Ok` or `Err`, never a panic; whatever parses round-trips and
//! converts to the common model.
#![no_main]

use chat_webhooks::{parse_event, ToChatEvent};
use libfuzzer_sys::fuzz_target;

mod round_trip;

fuzz_target!(|body: &[u8]| {
    let _ = chat_webhooks::detect_vendor(body);
    if let Ok(event) = parse_event(body) {
        let chat = event.to_chat_event();
        let _ = chat.to_cloudevent("/fuzz", "id");
        round_trip::check(&event, parse_event);
    }
});
