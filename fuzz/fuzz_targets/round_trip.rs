//! The round-trip check of the parsing targets, shared with the crate's `tests/agreement.rs`
//! (which includes this file), so that what a fuzzer finds is pinned by an ordinary test.
//!
//! An event that parses must serialize, and the JSON must parse back to an equal event (the
//! README's promise), with an equal common model; serializing that event again must give the
//! same JSON, byte for byte.

use std::fmt::Debug;

use chat_webhooks::{Error, ToChatEvent};
use serde::Serialize;

/// Checks that `event`, read with `parse`, round-trips.
pub fn check<E>(event: &E, parse: fn(&[u8]) -> Result<E, Error>)
where
    E: Debug + PartialEq + Serialize + ToChatEvent,
{
    let chat = event.to_chat_event();
    let json = serde_json::to_vec(event).expect("an event serializes");
    let shown = String::from_utf8_lossy(&json);
    let again = match parse(&json) {
        Ok(again) => again,
        Err(err) => panic!("a serialized event parses: {err}: {shown}"),
    };
    assert_eq!(&again, event, "round trip of {shown}");
    assert_eq!(
        again.to_chat_event(),
        chat,
        "the common model after a round trip of {shown}"
    );
    let json_again = serde_json::to_vec(&again).expect("an event serializes");
    assert_eq!(
        String::from_utf8_lossy(&json_again),
        shown,
        "an event read back serializes to the same JSON"
    );
}
