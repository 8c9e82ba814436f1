//! The cost of folding a chat: `ChatRecord::apply` per event, and the `People` directory with
//! 1,000, 10,000 and 100,000 senders. Criterion reports the time per event (the throughput is
//! one element per event), so a flat figure across sizes is linear growth.
//!
//! ```sh
//! cargo bench --bench record
//! ```

use std::hint::black_box;
use std::time::Duration;

use chat_webhooks::{Author, ChatEvent, ChatEventKind, ChatMessage, ChatRecord, People, Role};
use chrono::DateTime;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};

/// Message `i` of a chat, by sender `sender` (role unknown: the payload does not say), sent
/// at second `i`.
fn message(i: usize, sender: usize) -> ChatEvent {
    let mut author = Author::new(Role::Unknown);
    author.id = Some(format!("user-{sender}"));
    let mut message = ChatMessage::new(author);
    message.id = Some(format!("m{i}"));
    message.text = Some(format!(
        "Message number {i} of the chat, about order {}.",
        40_000 + i
    ));
    message.sent_at = DateTime::from_timestamp(1_700_000_000 + i as i64, 0);
    let mut event = ChatEvent::custom("bench", ChatEventKind::MessageCreated);
    event.chat_id = Some("c1".into());
    event.occurred_at = message.sent_at;
    event.message = Some(message);
    event
}

/// An event that tells sender `sender`'s role and name (an Inbenta `invitations:accept`, a
/// Channel Talk `user.update`), with no chat id.
fn reveal(sender: usize) -> ChatEvent {
    let mut person = Author::new(if sender.is_multiple_of(2) {
        Role::Customer
    } else {
        Role::Agent
    });
    person.id = Some(format!("user-{sender}"));
    person.name = Some(format!("Person {sender}"));
    let mut event = ChatEvent::custom("bench", ChatEventKind::UserUpdated);
    event.occurred_at = DateTime::from_timestamp(1_800_000_000, 0);
    event.participant = Some(person);
    event
}

/// A fixed shuffle (a linear congruential generator), so that every run folds the same order.
fn shuffled<T>(mut items: Vec<T>) -> Vec<T> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for i in (1..items.len()).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        items.swap(i, (state >> 33) as usize % (i + 1));
    }
    items
}

fn fold(events: &[ChatEvent]) -> ChatRecord {
    let mut record = ChatRecord::new();
    for event in events {
        record.apply(event);
    }
    record
}

fn apply(c: &mut Criterion) {
    let mut group = c.benchmark_group("apply");
    for n in [1_000, 10_000] {
        // Two senders, as in a customer chat.
        let events: Vec<_> = (0..n).map(|i| message(i, i % 2)).collect();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("in_order", n), &events, |b, events| {
            b.iter(|| fold(black_box(events)))
        });
        let mixed = shuffled(events.clone());
        group.bench_with_input(BenchmarkId::new("shuffled", n), &mixed, |b, events| {
            b.iter(|| fold(black_box(events)))
        });
        let record = fold(&events);
        group.bench_with_input(BenchmarkId::new("retry", n), &events, |b, events| {
            b.iter_batched_ref(
                || record.clone(),
                |record| {
                    for event in events {
                        black_box(record.apply(event));
                    }
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

fn senders(c: &mut Criterion) {
    let mut group = c.benchmark_group("senders");
    for n in [1_000, 10_000, 100_000] {
        // One message from each of n senders, then an event that tells each one's role.
        let events: Vec<_> = (0..n)
            .map(|i| message(i, i))
            .chain((0..n).map(reveal))
            .collect();
        group.throughput(Throughput::Elements(events.len() as u64));
        group.bench_with_input(BenchmarkId::new("people", n), &events, |b, events| {
            b.iter(|| {
                let mut people = People::new();
                for event in events {
                    people.learn(black_box(event));
                }
                people
            })
        });
        group.bench_with_input(BenchmarkId::new("record", n), &events, |b, events| {
            b.iter(|| fold(black_box(events)))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = apply, senders
}
criterion_main!(benches);
