//! Peak memory of a parse, measured by a counting global allocator in this test binary of its
//! own: memory stays proportional to the body, even for a body built to make it grow (an
//! array of `{}` elements in a typed array field, three bytes of JSON for each element).
//!
//! Run with `--nocapture` to see the table.

use std::alloc::{GlobalAlloc, Layout, System};
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
fn measure(f: impl FnOnce()) -> usize {
    let base = CURRENT.load(Ordering::SeqCst);
    PEAK.store(base, Ordering::SeqCst);
    f();
    PEAK.load(Ordering::SeqCst) - base
}

/// About 1 MB: `{},{},...,{}` (or another `element`), each element followed by `padding`
/// spaces, to stand where `@` is in `template`. With no padding the body is refused (too many
/// elements for its size); with enough, it parses, and the conversion to the common model is
/// measured too.
fn body(template: &str, element: &str, padding: usize) -> Vec<u8> {
    let elements = 1_000_000 / (element.len() + 1 + padding);
    let (before, after) = template.split_once('@').expect("a template has an @");
    let mut body = Vec::with_capacity(before.len() + 1_000_000 + after.len());
    body.extend_from_slice(before.as_bytes());
    for i in 0..elements {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(element.as_bytes());
        body.resize(body.len() + padding, b' ');
    }
    body.extend_from_slice(after.as_bytes());
    body
}

/// Every typed array field, in a body of its vendor: (what, template), with `{}` elements.
fn cases() -> Vec<(&'static str, &'static str)> {
    let mut cases = Vec::new();
    if cfg!(feature = "channel-talk") {
        let message = |what, template| (what, template);
        cases.extend([
            message(
                "channel talk entity.files",
                r#"{"event":"push","type":"message","entity":{"files":[@]}}"#,
            ),
            message(
                "channel talk entity.buttons",
                r#"{"event":"push","type":"message","entity":{"buttons":[@]}}"#,
            ),
            message(
                "channel talk entity.blocks",
                r#"{"event":"push","type":"message","entity":{"blocks":[@]}}"#,
            ),
            message(
                "channel talk entity.blocks[].blocks",
                r#"{"event":"push","type":"message","entity":{"blocks":[{"blocks":[@]}]}}"#,
            ),
            message(
                "channel talk entity.reactions",
                r#"{"event":"push","type":"message","entity":{"reactions":[@]}}"#,
            ),
            message(
                "channel talk entity.supportBot.buttons",
                r#"{"event":"push","type":"message","entity":{"supportBot":{"buttons":[@]}}}"#,
            ),
        ]);
    }
    if cfg!(feature = "ebbot") {
        cases.extend([
            (
                "ebbot chat.close conversation",
                r#"{"topic":"chat.close","botId":"b","data":{"conversation":[@]}}"#,
            ),
            (
                "ebbot carousel slides",
                r#"{"topic":"chat.bot.message","botId":"b","data":{"type":"carousel","value":{"slides":[@]}}}"#,
            ),
            (
                "ebbot carousel slides[].urls",
                r#"{"topic":"chat.bot.message","botId":"b","data":{"type":"carousel","value":{"slides":[{"urls":[@]}]}}}"#,
            ),
            (
                "ebbot url urls",
                r#"{"topic":"chat.bot.message","botId":"b","data":{"type":"url","value":{"urls":[@]}}}"#,
            ),
        ]);
    }
    if cfg!(feature = "inbenta") {
        cases.push((
            "inbenta chats:assign agents",
            r#"{"trigger":"chats:assign","appId":"a","data":{"agents":[@]}}"#,
        ));
    }
    cases
}

/// Arrays of ids, strings and untyped values, with the smallest element each takes.
fn scalar_cases() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut cases = Vec::new();
    if cfg!(feature = "channel-talk") {
        cases.extend([
            (
                "channel talk userChat managerIds",
                r#"{"event":"push","type":"userChat","entity":{"managerIds":[@]}}"#,
                "0",
            ),
            (
                "channel talk userChat tags",
                r#"{"event":"push","type":"userChat","entity":{"tags":[@]}}"#,
                r#""""#,
            ),
        ]);
    }
    if cfg!(feature = "ebbot") {
        cases.push((
            "ebbot chat.update participants",
            r#"{"topic":"chat.update","botId":"b","chat":{"participants":[@]}}"#,
            "0",
        ));
    }
    if cfg!(feature = "superoffice") {
        cases.push((
            "superoffice Changes",
            r#"{"EventId":"x","Event":"chatsession.changed","Changes":[@]}"#,
            r#""""#,
        ));
    }
    cases
}

/// The most memory a parse may hold at once, in bodies.
const LIMIT: usize = 32;

// One test, so that no other test's allocations are counted at the same time.
#[test]
fn memory_stays_proportional_to_the_body() {
    let mut worst = (0.0f64, "");
    let mut parsed = 0;
    println!(
        "{:<40} {:>4} {:>8} {:>8} {:>14}  outcome",
        "field", "pad", "bytes", "parse", "+to_chat_event"
    );
    let all = cases()
        .into_iter()
        .map(|(what, template)| (what, template, "{}"))
        .chain(scalar_cases());
    for ((what, template, element), padding) in
        all.flat_map(|case| [0, 16, 64, 256].map(|padding| (case, padding)))
    {
        let body = body(template, element, padding);
        let parse = measure(|| {
            std::hint::black_box(chat_webhooks::parse_event(&body).ok());
        });
        let convert = measure(|| {
            if let Ok(event) = chat_webhooks::parse_event(&body) {
                std::hint::black_box(event.to_chat_event());
            }
        });
        let outcome = match chat_webhooks::parse_event(&body) {
            Ok(_) => {
                parsed += 1;
                "parsed".to_owned()
            }
            Err(err) => {
                let message = err.to_string();
                message.chars().take(70).collect()
            }
        };
        let ratio = |peak: usize| peak as f64 / body.len() as f64;
        println!(
            "{what:<40} {padding:>4} {:>8} {:>7.1}x {:>13.1}x  {outcome}",
            body.len(),
            ratio(parse),
            ratio(convert)
        );
        for peak in [parse, convert] {
            if ratio(peak) > worst.0 {
                worst = (ratio(peak), what);
            }
            assert!(
                peak <= LIMIT * body.len(),
                "{what}: {:.1}x the body",
                ratio(peak)
            );
        }
    }
    println!("worst: {:.1}x ({})", worst.0, worst.1);
    // The padded bodies parse, so the conversion is measured for every field.
    assert!(
        parsed >= cases().len() + scalar_cases().len(),
        "only {parsed} bodies parsed"
    );
}
