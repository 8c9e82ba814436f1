//! Helpers shared by the integration tests: fixtures, round trips, key coverage.
#![allow(dead_code)] // each test binary uses its own subset

use std::path::{Path, PathBuf};

use chat_webhooks::{parse_event, Event};
use serde_json::Value;

/// The fixtures folder.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The vendors this build parses, from the crate's registry (`Vendor::SUPPORTED`): a new
/// vendor is picked up by every test that loops over them.
pub fn enabled_vendors() -> impl Iterator<Item = chat_webhooks::Vendor> {
    chat_webhooks::Vendor::SUPPORTED
        .into_iter()
        .filter(|vendor| vendor.is_enabled())
}

/// The fixture folders of the vendors this build parses: `fixtures/<vendor module>`.
pub fn enabled_dirs() -> Vec<&'static str> {
    enabled_vendors().map(|vendor| vendor.as_str()).collect()
}

/// The bytes of `fixtures/<path>`.
pub fn fixture(path: &str) -> Vec<u8> {
    let full = fixtures_dir().join(path);
    std::fs::read(&full).unwrap_or_else(|err| panic!("{}: {err}", full.display()))
}

/// Every `*.json` under `fixtures/<dir>`, recursively, as (path relative to `fixtures/`, bytes),
/// sorted by path; folders named `refused` are left out (see [`refused`]).
pub fn fixtures(dir: &str) -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() && path.ends_with("refused") {
                continue;
            }
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "json") {
                out.push(path);
            }
        }
    }
    let root = fixtures_dir();
    let mut paths = Vec::new();
    walk(&root.join(dir), &mut paths);
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures under fixtures/{dir}");
    paths
        .into_iter()
        .map(|path| {
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(&path).unwrap();
            (rel, bytes)
        })
        .collect()
}

/// The bodies under `fixtures/<dir>/variants/refused/`: requests a vendor sends that are not
/// webhooks this crate reads (a Channel App function call, an Inbenta Messenger webhook), each
/// to be refused with an error that names it. As (path relative to `fixtures/`, bytes).
pub fn refused(dir: &str) -> Vec<(String, Vec<u8>)> {
    let folder = fixtures_dir().join(dir).join("variants/refused");
    let mut out: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|err| panic!("{}: {err}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let rel = path
                .strip_prefix(fixtures_dir())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(&path).unwrap())
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no bodies under {}", folder.display());
    out
}

/// The vendor's event name a fixture file is named after: `chats.close.json` is `chats.close`.
/// (Inbenta's `:` is written as `.` in file names; callers map it back.)
pub fn event_name_of(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap();
    file.strip_suffix(".json").unwrap().to_owned()
}

/// Test-side oracle for the tolerated trailing commas: drops each `,` whose next non-whitespace
/// byte is `}` or `]` or the end of input. Fixtures hold no such sequence inside strings.
pub fn strip_trailing_commas(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b',' {
            let next = bytes[i + 1..].iter().find(|b| !b.is_ascii_whitespace());
            if matches!(next, None | Some(b'}') | Some(b']')) {
                continue;
            }
        }
        out.push(b);
    }
    out
}

/// The fixture as a `serde_json::Value`, trailing commas removed.
pub fn fixture_value(bytes: &[u8]) -> Value {
    serde_json::from_slice(&strip_trailing_commas(bytes))
        .expect("fixture is JSON but for trailing commas")
}

/// Serialize → parse gives an equal event, compact and pretty, through `parse_event` and
/// through `Event`'s own `Deserialize`.
#[track_caller]
pub fn assert_round_trip(event: &Event) {
    let compact = serde_json::to_vec(event).unwrap();
    let pretty = serde_json::to_vec_pretty(event).unwrap();
    for json in [&compact, &pretty] {
        let again = parse_event(json)
            .unwrap_or_else(|err| panic!("{err}\n{}", String::from_utf8_lossy(json)));
        assert_eq!(&again, event);
        let via_serde: Event = serde_json::from_slice(json).unwrap();
        assert_eq!(&via_serde, event);
    }
}

/// Every key of the fixture survives serialization with its value: the serialized event is a
/// superset of the fixture, member by member (`expected` ⊆ `actual`).
#[track_caller]
pub fn assert_covers(expected: &Value, actual: &Value) {
    fn walk(expected: &Value, actual: &Value, path: &mut String, problems: &mut Vec<String>) {
        match (expected, actual) {
            (Value::Object(want), Value::Object(got)) => {
                for (key, value) in want {
                    let len = path.len();
                    path.push('.');
                    path.push_str(key);
                    match got.get(key) {
                        Some(found) => walk(value, found, path, problems),
                        None => problems.push(format!("{path}: missing")),
                    }
                    path.truncate(len);
                }
            }
            (Value::Array(want), Value::Array(got)) if want.len() == got.len() => {
                for (i, (w, g)) in want.iter().zip(got).enumerate() {
                    let len = path.len();
                    path.push_str(&format!("[{i}]"));
                    walk(w, g, path, problems);
                    path.truncate(len);
                }
            }
            _ if expected == actual => {}
            _ => problems.push(format!("{path}: expected {expected}, got {actual}")),
        }
    }
    let mut problems = Vec::new();
    walk(expected, actual, &mut String::new(), &mut problems);
    assert!(
        problems.is_empty(),
        "serialization lost or changed:\n{}",
        problems.join("\n")
    );
}

/// Parses a fixture and checks what every fixture must satisfy: it parses, its event name is
/// `name`, it round-trips, and every key survives serialization.
#[track_caller]
pub fn check_fixture(path: &str, bytes: &[u8], name: &str) -> Event {
    let event = parse_event(bytes).unwrap_or_else(|err| panic!("{path}: {err}"));
    assert_eq!(event.event_name(), name, "{path}");
    assert_round_trip(&event);
    assert_covers(
        &fixture_value(bytes),
        &serde_json::to_value(&event).unwrap(),
    );
    event
}

/// The member `name` of kept members, as a JSON value (`Value::Null` when absent).
#[allow(dead_code)]
pub fn member(members: &chat_webhooks::Members, name: &str) -> Value {
    members
        .get_as(name)
        .map(|value| value.expect("kept members are JSON"))
        .unwrap_or(Value::Null)
}
