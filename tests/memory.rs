//! Peak memory of a parse, measured by a counting global allocator in this test binary of its
//! own: memory stays proportional to the body, even for a body built to make it grow.
//!
//! - Every array of every fixture of every vendor this build parses (so every typed array
//!   field a fixture shows, found by walking the fixtures: a new field is covered by its
//!   fixture, without editing this file; the one field no fixture shows is listed in
//!   [`NOT_IN_FIXTURES`]) is filled with about 128 KB of the smallest elements
//!   of each kind (`0`, `""`, `{}`, `[]`, and `{"a":{}}` for an element that must have a
//!   member, which other elements keep as an unknown member), two to eight bytes of JSON each, and parsed and converted.
//! - `unknown_members()` over bodies built of unknown members: flat, and deep inside nested
//!   Channel Talk blocks, where each member's path is long.
//!
//! Each stays at most [`LIMIT`] times the body. Run with `--nocapture` to see the tables.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use chat_webhooks::ToChatEvent;

struct Peak;

/// Bytes allocated now, and the most since the last [`measure`].
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grow(by: usize) {
    let now = CURRENT.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: defers to the system allocator; only counts.
unsafe impl GlobalAlloc for Peak {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Counted as a move: both blocks exist while the contents are copied.
        grow(new_size);
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Peak = Peak;

/// The most memory `f` held at once, over what was allocated before it ran.
fn measure<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let base = CURRENT.load(Ordering::SeqCst);
    PEAK.store(base, Ordering::SeqCst);
    let out = f();
    (PEAK.load(Ordering::SeqCst) - base, out)
}

/// The most memory a parse, a conversion or `unknown_members()` may hold at once, in bodies.
const LIMIT: usize = 32;

/// About the size of each body built.
const SIZE: usize = 128 * 1024;

/// A fixture with one of its arrays cut out: the body is `before`, the elements, `after`.
struct Case {
    what: String,
    array: String,
    before: String,
    after: String,
    element: &'static str,
}

/// `before`, then `element`s each followed by `padding` spaces up to about [`SIZE`] bytes, then
/// `after`.
fn body(case: &Case, padding: usize) -> Vec<u8> {
    let elements = SIZE / (case.element.len() + 1 + padding);
    let mut body = Vec::with_capacity(case.before.len() + SIZE + case.after.len());
    body.extend_from_slice(case.before.as_bytes());
    for i in 0..elements {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(case.element.as_bytes());
        body.resize(body.len() + padding, b' ');
    }
    body.extend_from_slice(case.after.as_bytes());
    body
}

/// An array found in a fixture's text: where its elements are, and its JSON path (indexes
/// written `[]`).
struct Array {
    inside: std::ops::Range<usize>,
    path: String,
}

/// Every array in the JSON text `text`, by a small reader of its own (the text's member order
/// and numbers are kept, which a `serde_json::Value` would not).
fn arrays(text: &[u8]) -> Vec<Array> {
    struct Reader<'a> {
        text: &'a [u8],
        at: usize,
        found: Vec<Array>,
    }

    impl Reader<'_> {
        fn space(&mut self) {
            while self.text.get(self.at).is_some_and(u8::is_ascii_whitespace) {
                self.at += 1;
            }
        }

        fn string(&mut self) -> String {
            let start = self.at;
            self.at += 1;
            while self.text[self.at] != b'"' {
                self.at += if self.text[self.at] == b'\\' { 2 } else { 1 };
            }
            self.at += 1;
            serde_json::from_slice(&self.text[start..self.at]).unwrap()
        }

        fn value(&mut self, path: &str) {
            self.space();
            match self.text[self.at] {
                b'{' => {
                    self.at += 1;
                    loop {
                        self.space();
                        match self.text[self.at] {
                            b'}' => break,
                            b',' => self.at += 1,
                            _ => {
                                let key = self.string();
                                self.space();
                                self.at += 1; // ':'
                                let path = if path.is_empty() {
                                    key
                                } else {
                                    format!("{path}.{key}")
                                };
                                self.value(&path);
                            }
                        }
                    }
                    self.at += 1;
                }
                b'[' => {
                    self.at += 1;
                    self.space();
                    let start = self.at;
                    let inner = format!("{path}[]");
                    loop {
                        self.space();
                        match self.text[self.at] {
                            b']' => break,
                            b',' => self.at += 1,
                            _ => self.value(&inner),
                        }
                    }
                    self.found.push(Array {
                        inside: start..self.at,
                        path: path.to_owned(),
                    });
                    self.at += 1;
                }
                b'"' => {
                    self.string();
                }
                _ => {
                    while !matches!(self.text.get(self.at), None | Some(b',' | b'}' | b']')) {
                        self.at += 1;
                    }
                }
            }
        }
    }

    let mut reader = Reader {
        text,
        at: 0,
        found: Vec::new(),
    };
    reader.value("");
    reader.found
}

/// Typed arrays no fixture shows, as (vendor folder, event, path, the body cut at the array):
/// checked against the models by hand when this list was made (every `Vec` field of every
/// model is in a fixture but these).
const NOT_IN_FIXTURES: &[(&str, &str, &str, &str, &str)] = &[(
    "channel_talk",
    "message.push",
    "entity.supportBot.buttons",
    r#"{"event":"push","type":"message","entity":{"supportBot":{"buttons":["#,
    "]}}}",
)];

/// Every array of every fixture of the vendors this build parses, once per vendor, event name,
/// path and element: the fixture's text with the array's elements cut out; and the arrays of
/// [`NOT_IN_FIXTURES`].
fn array_cases() -> Vec<Case> {
    let mut seen = BTreeSet::new();
    let mut cases = Vec::new();
    let dirs = common::enabled_dirs();
    for &(dir, event, path, before, after) in NOT_IN_FIXTURES {
        if !dirs.contains(&dir) {
            continue;
        }
        for element in ["0", r#""""#, "{}", "[]", r#"{"a":{}}"#] {
            cases.push(Case {
                what: format!("{dir} {event} {path} of {element}"),
                array: format!("{dir} {event} {path}"),
                before: before.to_owned(),
                after: after.to_owned(),
                element,
            });
        }
    }
    for dir in common::enabled_dirs() {
        for (path, bytes) in common::fixtures(dir) {
            let text = String::from_utf8(common::strip_trailing_commas(&bytes)).unwrap();
            let text = text.trim_start_matches('\u{feff}');
            let event = common::event_name_of(&path);
            for array in arrays(text.as_bytes()) {
                // The smallest element of each kind: the typed field takes one of them.
                for element in ["0", r#""""#, "{}", "[]", r#"{"a":{}}"#] {
                    if !seen.insert((dir, event.clone(), array.path.clone(), element)) {
                        continue;
                    }
                    cases.push(Case {
                        what: format!("{dir} {event} {} of {element}", array.path),
                        array: format!("{dir} {event} {}", array.path),
                        before: text[..array.inside.start].to_owned(),
                        after: text[array.inside.end..].to_owned(),
                        element,
                    });
                }
            }
        }
    }
    cases
}

/// Notes `what` in `over` if `peak` is over the limit for a body of `body` bytes.
fn check(over: &mut Vec<String>, what: &str, peak: usize, body: usize) {
    if peak > LIMIT * body {
        over.push(format!(
            "{what}: {:.1}x the body",
            peak as f64 / body as f64
        ));
    }
}

// One test, so that no other test's allocations are counted at the same time.
#[test]
fn memory_stays_proportional_to_the_body() {
    let cases = array_cases();
    println!(
        "{:<70} {:>3} {:>7} {:>14}  outcome",
        "array", "pad", "parse", "+to_chat_event"
    );
    let (mut parsed, mut worst) = (BTreeSet::new(), (0.0f64, String::new()));
    let mut over = Vec::new();
    for case in &cases {
        // Unpadded, the densest body; padded, one that parses (the conversion is measured).
        let mut refused_for_size = false;
        for padding in [0, 16, 256] {
            if padding == 256 && !refused_for_size {
                break;
            }
            let body = body(case, padding);
            let (parse, outcome) = measure(|| chat_webhooks::parse_event(&body));
            let (convert, _) = measure(|| {
                chat_webhooks::parse_event(&body)
                    .ok()
                    .map(|event| event.to_chat_event())
            });
            let outcome = match outcome {
                Ok(_) => {
                    refused_for_size = false;
                    parsed.insert(&case.what);
                    "parsed".to_owned()
                }
                Err(err) => {
                    let message = err.to_string();
                    refused_for_size = message.contains("too many array elements");
                    message.chars().take(60).collect()
                }
            };
            let ratio = |peak: usize| peak as f64 / body.len() as f64;
            println!(
                "{:<70} {padding:>3} {:>6.1}x {:>13.1}x  {outcome}",
                case.what,
                ratio(parse),
                ratio(convert)
            );
            for peak in [parse, convert] {
                if ratio(peak) > worst.0 {
                    worst = (ratio(peak), case.what.clone());
                }
                check(&mut over, &case.what, peak, body.len());
            }
        }
    }
    println!("worst: {:.1}x ({})", worst.0, worst.1);
    // Each array takes elements of one kind or two: with one of them, padded, the body parses
    // and the conversion is measured.
    let arrays: BTreeSet<_> = cases.iter().map(|case| case.array.as_str()).collect();
    for dir in common::enabled_dirs() {
        assert!(
            arrays
                .iter()
                .any(|array| array.starts_with(&format!("{dir} "))),
            "no array in the fixtures of {dir}"
        );
    }
    let measured: BTreeSet<_> = cases
        .iter()
        .filter(|case| parsed.contains(&case.what))
        .map(|case| case.array.as_str())
        .collect();
    let unmeasured: Vec<_> = arrays.difference(&measured).collect();
    assert!(
        unmeasured.is_empty(),
        "parsed with no element: {unmeasured:#?}"
    );

    unknown_members_stay_proportional_to_the_body(&mut over);
    assert!(over.is_empty(), "over {LIMIT}x the body: {over:#?}");
}

/// `unknown_members()` of bodies built of unknown members: its list stays within the limit.
fn unknown_members_stay_proportional_to_the_body(over: &mut Vec<String>) {
    let mut bodies: Vec<(String, Vec<u8>)> = Vec::new();
    // Flat: `"k0":0,"k1":0,...` in the first fixture of each vendor.
    for dir in common::enabled_dirs() {
        let (_, bytes) = common::fixtures(dir).swap_remove(0);
        let text = String::from_utf8(common::strip_trailing_commas(&bytes)).unwrap();
        let open = text.find('{').unwrap() + 1;
        let mut body = text[..open].to_owned();
        let mut i = 0;
        while body.len() < SIZE {
            body.push_str(&format!("\"k{i}\":0,"));
            i += 1;
        }
        body.push_str(&text[open..]);
        bodies.push((format!("{dir}: {i} members at the root"), body.into_bytes()));
    }
    if cfg!(feature = "channel-talk") {
        // Deep: blocks nested as deep as a parse allows, the members in the deepest.
        let nested = |depth: usize, members: &str| {
            let mut body = String::from(r#"{"event":"push","type":"message","entity":{"blocks":["#);
            body.push_str(&r#"{"blocks":["#.repeat(depth));
            body.push('{');
            body.push_str(members);
            body.push('}');
            body.push_str(&"]}".repeat(depth));
            body.push_str("]}}");
            body
        };
        let members = |n: usize| {
            (0..n)
                .map(|i| format!("\"k{i}\":0"))
                .collect::<Vec<_>>()
                .join(",")
        };
        let depth = (1..=200)
            .rev()
            .find(|&depth| chat_webhooks::parse_event(nested(depth, "").as_bytes()).is_ok())
            .expect("nested blocks parse");
        let n = SIZE / 8;
        bodies.push((
            format!("channel talk: {n} members in blocks nested {depth} deep"),
            nested(depth, &members(n)).into_bytes(),
        ));
        // Many chains of nested blocks, one member at each level.
        let chain = {
            let mut chain = String::new();
            // A name long enough for the blocks to fit the parse's budget.
            let member = format!(r#""{}":0"#, "k".repeat(40));
            for _ in 0..depth - 1 {
                chain.push_str(&format!(r#"{{{member},"blocks":["#));
            }
            chain.push_str(&format!("{{{member}}}"));
            chain.push_str(&"]}".repeat(depth - 1));
            chain
        };
        let chains = vec![chain.as_str(); SIZE / chain.len()].join(",");
        bodies.push((
            format!("channel talk: chains of blocks {depth} deep, a member at each level"),
            format!(r#"{{"event":"push","type":"message","entity":{{"blocks":[{chains}]}}}}"#)
                .into_bytes(),
        ));
    }
    println!(
        "\n{:<70} {:>8} {:>8}",
        "unknown_members()", "listed", "peak"
    );
    for (what, body) in bodies {
        let event = chat_webhooks::parse_event(&body).unwrap_or_else(|err| panic!("{what}: {err}"));
        let (peak, listed) = measure(|| event.unknown_members());
        println!(
            "{what:<70} {:>8} {:>7.1}x",
            listed.len(),
            peak as f64 / body.len() as f64
        );
        assert!(!listed.is_empty(), "{what}");
        check(over, &what, peak, body.len());
    }
}
