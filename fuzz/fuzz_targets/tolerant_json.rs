//! Differential checks of the tolerant pre-pass:
//! - on input serde_json accepts, it changes nothing, and the parse is unchanged;
//! - on that input with trailing commas added, the result equals the comma-free input's;
//! - on any input, it only ever blanks commas (length and every other byte kept);
//! - on any input, `parse_event` (which reads the body as sent, and repairs it only when that
//!   fails) gives what it gives for the repaired body: the same event, or the same error.
#![no_main]

use chat_webhooks::{parse_event, tolerant_json};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// Adds a trailing comma after the last member of every non-empty object and array, outside
/// strings, and one after the root value.
fn add_trailing_commas(clean: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(clean.len() * 2);
    let (mut in_string, mut escaped) = (false, false);
    for &b in clean {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if (b == b'}' || b == b']') && !matches!(out.last(), Some(b'{' | b'[')) {
            out.push(b',');
        }
        out.push(b);
    }
    out.push(b',');
    out
}

/// What two reads of one body must agree on when they fail: everything, except that in a body
/// that is no JSON at all (its quotes out of step), the event name the error echoes is read
/// from the body as sent, where the repair may have blanked a comma in it.
fn error_parts(err: &chat_webhooks::Error) -> impl PartialEq + std::fmt::Debug {
    let blanked = |text: &str| text.replace(',', " ");
    (
        err.classify(),
        err.vendor(),
        err.path().map(str::to_owned),
        err.line(),
        err.column(),
        err.event().map(blanked),
        blanked(&err.to_string()),
    )
}

fuzz_target!(|body: &[u8]| {
    let repaired = tolerant_json(body);
    let start = body.len() - repaired.len();
    assert!(
        start == 0 || start == 3,
        "only a byte-order mark is skipped"
    );
    for (i, (&before, &after)) in body[start..].iter().zip(repaired.iter()).enumerate() {
        assert!(
            before == after || (before == b',' && after == b' '),
            "byte {i} changed"
        );
    }

    // Positions in errors count from the byte-order mark, which the repaired body lacks.
    // Both read the same bytes in the end, so the events are equal, raw members and all.
    match (parse_event(&body[start..]), parse_event(&repaired)) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(a), Err(b)) => assert_eq!(error_parts(&a), error_parts(&b)),
        (a, b) => panic!("as sent {a:?} but repaired {b:?}"),
    }

    if let Ok(value) = serde_json::from_slice::<Value>(body) {
        assert_eq!(&*repaired, body, "strict JSON is left alone");
        let clean = serde_json::to_vec(&value).unwrap();
        let messy = add_trailing_commas(&clean);
        let strict = tolerant_json(&messy);
        assert_eq!(serde_json::from_slice::<Value>(&strict).unwrap(), value);
        match (parse_event(&clean), parse_event(&messy)) {
            (Ok(a), Ok(b)) => assert_eq!(
                serde_json::to_value(&a).unwrap(),
                serde_json::to_value(&b).unwrap()
            ),
            (Err(_), Err(_)) => {}
            (a, b) => panic!("clean {a:?} but with trailing commas {b:?}"),
        }
    }
});
