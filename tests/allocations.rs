//! Allocations per parse, counted by a global allocator in this test binary of its own.
//!
//! Prints the count for every fixture, for the parse and for `to_chat_event` after it (run
//! with `--nocapture` to see the table), and asserts what the design promises: a clean body is
//! never copied, a body with trailing commas is copied exactly once, a parse allocates fewer
//! blocks than `serde_json::Value` does, and a conversion allocates exactly the blocks the
//! `ChatEvent` it returns owns.

mod common;

use chat_webhooks::ToChatEvent;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
/// Allocations of exactly `COPY_SIZE` bytes: copies of the body under test.
static COPIES: AtomicUsize = AtomicUsize::new(0);
static COPY_SIZE: AtomicUsize = AtomicUsize::new(usize::MAX);

thread_local! {
    /// Whether this thread's allocations are counted: only the one running [`count`]. The test
    /// harness allocates on its own thread while the test runs (its bookkeeping of the running
    /// test, at a moment the scheduler picks), and those blocks are not the parse's.
    static COUNTED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the calling thread is the one counting. `try_with`: a const thread-local without a
/// destructor, so reading it never allocates, and a thread being torn down is not counted.
fn counted() -> bool {
    COUNTED.try_with(Cell::get).unwrap_or(false)
}

// SAFETY: defers to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if counted() {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            if layout.size() == COPY_SIZE.load(Ordering::Relaxed) {
                COPIES.fetch_add(1, Ordering::Relaxed);
            }
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if counted() {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            if new_size == COPY_SIZE.load(Ordering::Relaxed) {
                COPIES.fetch_add(1, Ordering::Relaxed);
            }
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// (allocations, allocations of exactly `body_len` bytes) made by `f`, on this thread.
fn count(body_len: usize, f: impl FnOnce()) -> (usize, usize) {
    ALLOCATIONS.store(0, Ordering::SeqCst);
    COPIES.store(0, Ordering::SeqCst);
    COPY_SIZE.store(body_len, Ordering::SeqCst);
    COUNTED.with(|counted| counted.set(true));
    f();
    COUNTED.with(|counted| counted.set(false));
    COPY_SIZE.store(usize::MAX, Ordering::SeqCst);
    (
        ALLOCATIONS.load(Ordering::SeqCst),
        COPIES.load(Ordering::SeqCst),
    )
}

/// Whether the event is one the crate keeps raw (its payload is a copy of the body).
fn is_unknown(event: &chat_webhooks::Event) -> bool {
    match event {
        #[cfg(feature = "superoffice")]
        chat_webhooks::Event::SuperOffice(chat_webhooks::superoffice::Event::Unknown(_)) => true,
        #[cfg(feature = "ebbot")]
        chat_webhooks::Event::Ebbot(chat_webhooks::ebbot::Event::Unknown(_)) => true,
        #[cfg(feature = "channel-talk")]
        chat_webhooks::Event::ChannelTalk(chat_webhooks::channel_talk::Event::Unknown(_)) => true,
        #[cfg(feature = "inbenta")]
        chat_webhooks::Event::Inbenta(chat_webhooks::inbenta::Event::Unknown(_)) => true,
        #[cfg(feature = "chatwoot")]
        chat_webhooks::Event::Chatwoot(chat_webhooks::chatwoot::Event::Unknown(_)) => true,
        _ => false,
    }
}

/// The heap blocks `event` owns: one per string and per non-empty list, nested ones included.
fn owned_blocks(event: &chat_webhooks::ChatEvent) -> usize {
    fn string(text: &Option<String>) -> usize {
        text.as_ref()
            .map_or(0, |text| usize::from(text.capacity() > 0))
    }
    fn name(text: &Option<std::borrow::Cow<'static, str>>) -> usize {
        match text {
            Some(std::borrow::Cow::Owned(text)) => usize::from(text.capacity() > 0),
            _ => 0,
        }
    }
    fn list<T>(items: &[T], each: impl Fn(&T) -> usize) -> usize {
        usize::from(!items.is_empty()) + items.iter().map(each).sum::<usize>()
    }
    fn author(author: &chat_webhooks::Author) -> usize {
        string(&author.id) + string(&author.name)
    }
    fn message(message: &chat_webhooks::ChatMessage) -> usize {
        string(&message.id)
            + author(&message.author)
            + string(&message.text)
            + name(&message.content_type)
            + list(&message.attachments, |attachment| {
                string(&attachment.url)
                    + string(&attachment.name)
                    + string(&attachment.content_type)
            })
            + list(&message.reactions, |reaction| {
                usize::from(reaction.emoji.capacity() > 0)
                    + list(&reaction.people, |person| {
                        usize::from(person.capacity() > 0)
                    })
            })
    }
    string(&event.custom_vendor)
        + name(&event.event_name)
        + string(&event.event_id)
        + string(&event.chat_id)
        + event.message.as_ref().map_or(0, message)
        + event.participant.as_ref().map_or(0, author)
        + name(&event.status)
        + list(&event.transcript, message)
        + string(&event.close_reason)
}

// One test, so that no other test's allocations are counted at the same time.
#[test]
fn allocations_per_parse() {
    let mut total = (0, 0, 0);
    println!(
        "{:<60} {:>6} {:>6} {:>6} {:>6}",
        "fixture (pretty)", "bytes", "event", "value", "chat"
    );
    for dir in common::enabled_dirs() {
        for (path, bytes) in common::fixtures(dir) {
            let value = common::fixture_value(&bytes);
            let mut body = serde_json::to_vec_pretty(&value).unwrap();
            // An odd length: no boxed struct (sizes are multiples of 8) and no string inside
            // the body can be as long as the body, so an allocation of that size is a copy.
            if body.len().is_multiple_of(2) {
                body.push(b'\n');
            }
            let (event, copies) = count(body.len(), || {
                std::hint::black_box(chat_webhooks::parse_event(&body).unwrap());
            });
            let (value_allocs, _) = count(0, || {
                std::hint::black_box(serde_json::from_slice::<serde_json::Value>(&body).unwrap());
            });
            let parsed = chat_webhooks::parse_event(&body).unwrap();
            // An event whose envelope is read or composed (an unknown event's, from its JSON;
            // Chatwoot's chat id, from two members) does it once, on the first ask, and keeps
            // it: that belongs to the event, not to each conversion.
            let _ = parsed.chat_id();
            let mut converted = None;
            let (chat, _) = count(0, || {
                converted = Some(std::hint::black_box(parsed.to_chat_event()));
            });
            // The conversion allocates what it returns and nothing else: one block per string
            // and per non-empty list it holds (no intermediate `format!`, no value computed
            // twice and thrown away).
            let owned = owned_blocks(&converted.unwrap());
            assert_eq!(
                chat, owned,
                "{path}: to_chat_event allocated {chat} blocks for {owned} owned ones"
            );
            // A typed event composes nothing to keep: converted first thing after its parse,
            // it allocates just the same.
            let fresh = chat_webhooks::parse_event(&body).unwrap();
            if !is_unknown(&fresh) {
                let (first, _) = count(0, || {
                    drop(std::hint::black_box(fresh.to_chat_event()));
                });
                assert_eq!(
                    first, owned,
                    "{path}: to_chat_event, first thing, allocated {first} blocks for {owned}"
                );
            }
            println!(
                "{path:<60} {:>6} {event:>6} {value_allocs:>6} {chat:>6}",
                body.len()
            );
            total.2 += chat;
            // An unknown event's payload is its raw JSON (the body without its trailing
            // newline): that copy is the point. Anything else is parsed in place.
            if !is_unknown(&chat_webhooks::parse_event(&body).unwrap()) {
                assert_eq!(copies, 0, "{path}: a clean body is parsed in place");
            }
            total.0 += event;
            total.1 += value_allocs;

            // With trailing commas: one copy of the body, and nothing else that size. The
            // read of the body as sent fails at the comma (here at the end: a whole parse,
            // its box included, and its error), then the list of commas, the copy and the
            // parse of the copy.
            let mut messy = body.clone();
            let last = messy.iter().rposition(|&b| b == b'}').unwrap();
            messy.splice(last..last, *b", ");
            let (messy_allocs, copies) = count(messy.len(), || {
                std::hint::black_box(chat_webhooks::parse_event(&messy).unwrap());
            });
            assert_eq!(copies, 1, "{path}: the repaired body is copied once");
            assert!(
                messy_allocs <= 2 * event + 3,
                "{path}: {messy_allocs} vs {event} allocations"
            );
        }
    }
    println!(
        "total: parse_event {} allocations, serde_json::Value {}, to_chat_event {}",
        total.0, total.1, total.2
    );
    assert!(
        total.0 < total.1,
        "parse_event allocates less than Value: {total:?}"
    );
}
