//! The memory a `ChatRecord` holds, measured by a counting global allocator in this test binary
//! of its own: a record of a 10,000-message chat stays within three times its JSON.
//!
//! Run with `--nocapture` to see the figures.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use chat_webhooks::{Author, ChatEvent, ChatEventKind, ChatMessage, ChatRecord, Role};
use chrono::DateTime;

struct Counting;

/// Bytes allocated now.
static CURRENT: AtomicUsize = AtomicUsize::new(0);

// SAFETY: defers to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        CURRENT.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        CURRENT.fetch_add(new_size, Ordering::Relaxed);
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A chat between a customer and two agents: `n` messages, each delivered twice (a push and an
/// upsert), every tenth edited, and a role-revealing event per person.
fn chat(n: usize) -> Vec<ChatEvent> {
    let mut events = Vec::with_capacity(2 * n + 3);
    for i in 0..n {
        let sender = ["6824b6e8c1d94a7f3e52", "183214", "190402"][i % 3];
        let mut author = Author::new(if i.is_multiple_of(3) {
            Role::Customer
        } else {
            Role::Agent
        });
        author.id = Some(sender.into());
        author.name = Some(["Kim Minji", "Park Seojun", "Hannah Lee"][i % 3].into());
        let mut message = ChatMessage::new(author);
        message.id = Some(format!("6824b7{i:014x}"));
        message.text = Some(format!(
            "Message {i}: the parcel for order {} left the warehouse this morning.",
            2_025_051_398_231u64 + i as u64
        ));
        message.sent_at = DateTime::from_timestamp(1_747_210_000 + i as i64, 0);
        message.version = Some(1);
        let mut event = ChatEvent::custom("load", ChatEventKind::MessageCreated);
        event.chat_id = Some("6824b6f1a7c3e05d9b21".into());
        event.occurred_at = message.sent_at;
        event.message = Some(message.clone());
        events.push(event.clone());
        events.push(event.clone());
        if i.is_multiple_of(10) {
            message.version = Some(2);
            message.text = Some(format!("Message {i}, edited."));
            message.updated_at = DateTime::from_timestamp(1_747_300_000 + i as i64, 0);
            event.kind = ChatEventKind::MessageUpdated;
            event.message = Some(message);
            events.push(event);
        }
    }
    events
}

#[test]
fn a_10000_message_record_is_within_a_few_times_its_json() {
    let events = chat(10_000);
    let before = CURRENT.load(Ordering::SeqCst);
    let mut record = ChatRecord::new();
    for event in &events {
        record.apply(event);
    }
    let held = CURRENT.load(Ordering::SeqCst) - before;
    let json = serde_json::to_string(&record).unwrap();
    let messages_json = serde_json::to_string(record.messages()).unwrap();
    println!(
        "record of {} messages: {held} bytes held, {} bytes of JSON ({:.2}x), the messages alone {} bytes ({:.2}x)",
        record.messages().len(),
        json.len(),
        held as f64 / json.len() as f64,
        messages_json.len(),
        held as f64 / messages_json.len() as f64,
    );
    assert_eq!(record.messages().len(), 10_000);
    assert!(
        held <= 3 * json.len(),
        "{held} bytes held for {} bytes of JSON",
        json.len()
    );
    // Read back, it holds about as much.
    drop(events);
    let before = CURRENT.load(Ordering::SeqCst);
    let read: ChatRecord = serde_json::from_str(&json).unwrap();
    let held_read = CURRENT.load(Ordering::SeqCst) - before;
    assert_eq!(read, record);
    println!("read back: {held_read} bytes");
    assert!(held_read <= 3 * json.len(), "{held_read} bytes read back");
}
