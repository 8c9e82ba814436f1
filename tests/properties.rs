//! Property tests (bounded, part of `cargo test`): tolerance never changes a parse, no input
//! panics, generated events round-trip, and the lenient scalars accept exactly their forms.

mod common;

use chat_webhooks::{detect_vendor, parse_event, Event, Id, Timestamp};
use chrono::DateTime;
use proptest::prelude::*;
use serde_json::Value;

/// Every fixture of every enabled vendor, strict JSON (documented trailing commas removed).
fn fixtures() -> Vec<(String, Vec<u8>)> {
    let mut dirs = Vec::new();
    if cfg!(feature = "superoffice") {
        dirs.push("superoffice");
    }
    if cfg!(feature = "ebbot") {
        dirs.push("ebbot");
    }
    if cfg!(feature = "channel-talk") {
        dirs.push("channel_talk");
    }
    if cfg!(feature = "inbenta") {
        dirs.push("inbenta");
    }
    if cfg!(feature = "chatwoot") {
        dirs.push("chatwoot");
    }
    dirs.into_iter()
        .flat_map(common::fixtures)
        .map(|(path, bytes)| (path, common::strip_trailing_commas(&bytes)))
        .collect()
}

/// A small deterministic generator, so that one proptest seed drives many choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn chance(&mut self, one_in: u64) -> bool {
        self.next().is_multiple_of(one_in)
    }
}

/// `clean` with trailing commas added before some `}`/`]` that follow a value, one after the
/// root value maybe, and whitespace added at some token boundaries, all outside strings.
fn messy(clean: &[u8], rng: &mut Rng) -> Vec<u8> {
    const WS: [&[u8]; 4] = [b" ", b"\n", b"\t", b"\r\n  "];
    let mut out = Vec::with_capacity(clean.len() * 2);
    let (mut in_string, mut escaped) = (false, false);
    for &b in clean {
        if in_string {
            out.push(b);
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if matches!(b, b'}' | b']') {
            let last = out.iter().rev().find(|c: &&u8| !c.is_ascii_whitespace());
            if !matches!(last, Some(b'{' | b'[' | b',')) && rng.chance(2) {
                out.push(b',');
                if rng.chance(2) {
                    out.extend_from_slice(WS[(rng.next() % 4) as usize]);
                }
            }
        }
        if matches!(b, b'{' | b'[' | b',' | b':' | b'}' | b']') && rng.chance(3) {
            out.extend_from_slice(WS[(rng.next() % 4) as usize]);
        }
        out.push(b);
        if b == b'"' {
            in_string = true;
        } else if matches!(b, b'{' | b'[' | b',' | b':') && rng.chance(3) {
            out.extend_from_slice(WS[(rng.next() % 4) as usize]);
        }
    }
    if rng.chance(2) {
        out.extend_from_slice(b",\n");
    }
    out
}

/// Two parses are the same: equal events, or (for unknown events, whose raw JSON keeps the
/// sender's whitespace) the same name and the same JSON value.
fn same(a: &Event, b: &Event) -> bool {
    a == b
        || (a.event_name() == b.event_name()
            && serde_json::to_value(a).unwrap() == serde_json::to_value(b).unwrap())
}

fn mutate_leaves(value: &mut Value, rng: &mut Rng) {
    const STRINGS: [&str; 8] = [
        "",
        "0",
        "42",
        "-1",
        "é ☃ \u{1F600}",
        "a\"b\\c",
        "2023-01-01T00:00:00Z",
        "1672531200.5",
    ];
    match value {
        Value::Object(map) => map.values_mut().for_each(|v| mutate_leaves(v, rng)),
        Value::Array(items) => items.iter_mut().for_each(|v| mutate_leaves(v, rng)),
        _ if !rng.chance(3) => {}
        Value::String(s) => *s = STRINGS[(rng.next() % 8) as usize].to_owned(),
        Value::Number(_) => *value = Value::from((rng.next() % 2_000_000_000) as i64 - 1_000_000),
        Value::Bool(b) => *b = !*b,
        Value::Null => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn trailing_commas_and_whitespace_never_change_a_parse(index in any::<prop::sample::Index>(), seed in 1u64..) {
        let fixtures = fixtures();
        let (path, clean) = &fixtures[index.index(fixtures.len())];
        let expected = parse_event(clean).unwrap();
        let body = messy(clean, &mut Rng(seed));
        let actual = parse_event(&body).unwrap_or_else(|err| panic!("{path}: {err}\n{}", String::from_utf8_lossy(&body)));
        prop_assert!(same(&expected, &actual), "{}: {}", path, String::from_utf8_lossy(&body));
    }

    #[test]
    fn random_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_event(&body);
        let _ = detect_vendor(&body);
        parse_with_every_vendor(&body);
    }

    #[test]
    fn mutated_fixtures_never_panic(index in any::<prop::sample::Index>(), seed in 1u64.., edits in 1usize..8) {
        let fixtures = fixtures();
        let mut body = fixtures[index.index(fixtures.len())].1.clone();
        let mut rng = Rng(seed);
        for _ in 0..edits {
            let at = (rng.next() as usize) % (body.len() + 1);
            match rng.next() % 4 {
                0 => body.truncate(at),
                1 if at < body.len() => body[at] = rng.next() as u8,
                2 => body.insert(at, b",{}[]\"\\:0"[(rng.next() % 9) as usize]),
                _ if at < body.len() => { body.remove(at); }
                _ => {}
            }
        }
        let _ = parse_event(&body);
        parse_with_every_vendor(&body);
    }

    #[test]
    fn a_body_reads_as_its_repaired_copy_does(index in any::<prop::sample::Index>(), seed in 1u64.., edits in 0usize..4) {
        // The body is read as sent first and repaired only when that read fails: the outcome,
        // event or error message, must be the one the repaired copy gives.
        let fixtures = fixtures();
        let mut rng = Rng(seed);
        let mut body = messy(&fixtures[index.index(fixtures.len())].1, &mut rng);
        for _ in 0..edits {
            let at = (rng.next() as usize) % (body.len() + 1);
            match rng.next() % 3 {
                0 if at < body.len() => body[at] = b",{}[]\":0a"[(rng.next() % 9) as usize],
                1 => body.insert(at, b",{}[]\":0a"[(rng.next() % 9) as usize]),
                _ => {}
            }
        }
        let repaired = chat_webhooks::tolerant_json(&body).into_owned();
        match (parse_event(&body), parse_event(&repaired)) {
            // Both read the same bytes in the end: equal events, raw members and all.
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            // The same error; in a body whose quotes are out of step, the event name it echoes
            // is read as sent, where the repair may have blanked a comma in it.
            (Err(a), Err(b)) => {
                prop_assert_eq!((a.line(), a.column(), a.classify(), a.path()), (b.line(), b.column(), b.classify(), b.path()));
                prop_assert_eq!(a.to_string().replace(',', " "), b.to_string().replace(',', " "));
            }
            (a, b) => prop_assert!(false, "{:?} vs {:?}: {}", a.map(|_| ()), b.map(|_| ()), String::from_utf8_lossy(&body)),
        }
    }

    #[test]
    fn generated_events_round_trip(index in any::<prop::sample::Index>(), seed in 1u64..) {
        let fixtures = fixtures();
        let mut value: Value = serde_json::from_slice(&fixtures[index.index(fixtures.len())].1).unwrap();
        mutate_leaves(&mut value, &mut Rng(seed));
        let body = serde_json::to_vec(&value).unwrap();
        // A mutation may make a typed field invalid (a timestamp that is no timestamp): then
        // there is nothing to round-trip. Whatever parses must round-trip.
        if let Ok(event) = parse_event(&body) {
            common::assert_round_trip(&event);
        }
    }

    #[test]
    fn timestamps_accept_every_documented_form(secs in 100_000_000i64..99_999_999_999, nanos in 0u32..1_000_000_000, digits in 0usize..=9, offset_min in -720i32..=840) {
        let instant = DateTime::from_timestamp(secs, nanos).unwrap();
        let truncate = |d: usize| {
            let unit = 10u32.pow(9 - d as u32);
            DateTime::from_timestamp(secs, nanos / unit * unit).unwrap()
        };
        let read = |json: String| serde_json::from_str::<Timestamp>(&json).unwrap_or_else(|e| panic!("{json}: {e}")).as_datetime();
        let frac = |d: usize| if d == 0 { String::new() } else { format!(".{:09}", nanos)[..=d].to_owned() };
        // RFC 3339, Z and an offset, 0 to 9 digits.
        let base = instant.format("%Y-%m-%dT%H:%M:%S").to_string();
        prop_assert_eq!(read(format!("\"{base}{}Z\"", frac(digits))), truncate(digits));
        let offset = chrono::FixedOffset::east_opt(offset_min * 60).unwrap();
        let local = instant.with_timezone(&offset);
        let text = format!("\"{}{}{}\"", local.format("%Y-%m-%dT%H:%M:%S"), frac(digits), local.format("%:z"));
        prop_assert_eq!(read(text), truncate(digits));
        // Offset-less ISO 8601 is UTC.
        prop_assert_eq!(read(format!("\"{base}{}\"", frac(digits))), truncate(digits));
        // Epoch integers, seconds and milliseconds, by magnitude.
        prop_assert_eq!(read(secs.to_string()), truncate(0));
        prop_assert_eq!(read(instant.timestamp_millis().to_string()), truncate(3));
        // Decimal strings: seconds with 9 digits, milliseconds with 6.
        prop_assert_eq!(read(format!("\"{secs}.{nanos:09}\"")), instant);
        prop_assert_eq!(read(format!("\"{}.{:06}\"", instant.timestamp_millis(), nanos % 1_000_000)), instant);
    }

    #[test]
    fn timestamps_reject_everything_else(text in "[a-zA-Z :/_+-]{0,24}", n in any::<f64>()) {
        prop_assume!(!text.is_empty() && !text.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
        prop_assert!(serde_json::from_value::<Timestamp>(Value::String(text.clone())).is_err(), "{}", text);
        for bad in [Value::Bool(true), Value::Null, serde_json::json!([]), serde_json::json!({})] {
            prop_assert!(serde_json::from_value::<Timestamp>(bad).is_err());
        }
        if !n.is_finite() {
            let quoted = format!("\"{n}\"");
            prop_assert!(serde_json::from_str::<Timestamp>(&quoted).is_err());
        }
    }

    #[test]
    fn ids_accept_integers_and_strings_only(n in any::<i64>(), u in any::<u64>(), s in ".{0,40}", f in any::<f64>()) {
        let id: Id = serde_json::from_value(Value::from(n)).unwrap();
        prop_assert_eq!(id.as_i64(), Some(n));
        prop_assert!(id.is_number());
        prop_assert_eq!(serde_json::to_value(&id).unwrap(), Value::from(n));
        let id: Id = serde_json::from_value(Value::from(u)).unwrap();
        prop_assert_eq!(id.as_u64(), Some(u));
        prop_assert_eq!(serde_json::to_value(&id).unwrap(), Value::from(u));
        let id: Id = serde_json::from_value(Value::String(s.clone())).unwrap();
        prop_assert_eq!(id.as_str(), s.as_str());
        prop_assert_eq!(serde_json::to_value(&id).unwrap(), Value::String(s));
        if f.fract() != 0.0 {
            prop_assert!(serde_json::from_value::<Id>(serde_json::json!(f)).is_err());
        }
        for bad in [Value::Bool(false), Value::Null, serde_json::json!([1]), serde_json::json!({"id": 1})] {
            prop_assert!(serde_json::from_value::<Id>(bad).is_err());
        }
    }
}

fn parse_with_every_vendor(body: &[u8]) {
    #[cfg(feature = "superoffice")]
    let _ = chat_webhooks::superoffice::parse(body);
    #[cfg(feature = "ebbot")]
    let _ = chat_webhooks::ebbot::parse(body);
    #[cfg(feature = "channel-talk")]
    let _ = chat_webhooks::channel_talk::parse(body);
    #[cfg(feature = "inbenta")]
    let _ = chat_webhooks::inbenta::parse(body);
    #[cfg(feature = "chatwoot")]
    let _ = chat_webhooks::chatwoot::parse(body);
    for vendor in chat_webhooks::Vendor::SUPPORTED {
        let _ = chat_webhooks::parse_event_as(vendor, body);
    }
}

#[test]
fn the_mess_generator_makes_mess() {
    let clean = br#"{"a": [1, {"b": "x,}"}], "c": {}}"#;
    let mut saw_comma = false;
    for seed in 1..50 {
        let body = messy(clean, &mut Rng(seed));
        saw_comma |= body
            .windows(2)
            .any(|w| w == b",]" || w == b",}" || w.starts_with(b","));
        assert!(serde_json::from_slice::<Value>(&common::strip_trailing_commas(&body)).is_ok());
    }
    assert!(saw_comma);
}
