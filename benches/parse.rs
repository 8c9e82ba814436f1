//! Parsing and verification speed, each measured against its reference in the same run:
//!
//! - `parse_event`, the vendor's `parse`, a strict hand-written baseline (plain derived owned
//!   structs for the same payloads, `benches/baseline/`), and `serde_json::Value`, over each
//!   vendor's fixtures and over all of them, in compact and in pretty form;
//! - `parse_event` on the pretty bodies with a trailing comma after every last member
//!   (`trailing_commas`), against the same bodies clean (`parse_event` in the pretty group);
//! - `to_chat_event` on the parsed events, and the whole way from a body to the common event:
//!   `parse_event` then `to_chat_event` (`parse_to_chat_event`), against `parse_event` alone;
//! - `verify_signature` against a bare HMAC-SHA256 of the same 1 KB and 64 KB bodies.
//!
//! Run `cargo bench --bench parse`, then `python3 scripts/bench_ratios.py` for the ratio table
//! in the README.

mod baseline;
mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use chat_webhooks::{inbenta, parse_event, superoffice, Event, ToChatEvent};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use hmac::{KeyInit, Mac};
use serde_json::Value;

/// One fixture: where it is from, and its bodies.
struct Body {
    dir: &'static str,
    path: String,
    compact: Vec<u8>,
    pretty: Vec<u8>,
    pretty_commas: Vec<u8>,
}

struct Set {
    name: &'static str,
    bodies: Vec<Body>,
    parse: fn(&[u8]) -> bool,
}

fn load(name: &'static str, parse: fn(&[u8]) -> bool) -> Set {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut bodies = Vec::new();
    let dirs = chat_webhooks::Vendor::SUPPORTED
        .into_iter()
        .filter(|vendor| vendor.is_enabled())
        .map(|vendor| vendor.as_str());
    for dir in dirs.filter(|dir| name == "all" || name == *dir) {
        let paths = common::json_files(&root.join(dir));
        for path in paths {
            // The fixtures as written (in the vendor's key order, which decides how soon the
            // vendor is told), without the published examples' trailing commas.
            let pretty = common::strip_trailing_commas(&std::fs::read(&path).unwrap());
            let body = Body {
                dir,
                path: path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                compact: common::minify(&pretty),
                pretty_commas: common::add_trailing_commas(&pretty),
                pretty,
            };
            for bytes in [&body.compact, &body.pretty, &body.pretty_commas] {
                assert!(parse_event(bytes).is_ok(), "{}", body.path);
            }
            for bytes in [&body.compact, &body.pretty] {
                baseline::parse(dir, &body.path, bytes).unwrap();
            }
            bodies.push(body);
        }
    }
    Set {
        name,
        bodies,
        parse,
    }
}

#[allow(clippy::vec_init_then_push)] // each push is behind its own feature
fn sets() -> Vec<Set> {
    let mut sets = Vec::new();
    #[cfg(feature = "superoffice")]
    sets.push(load("superoffice", |b| superoffice::parse(b).is_ok()));
    #[cfg(feature = "ebbot")]
    sets.push(load("ebbot", |b| chat_webhooks::ebbot::parse(b).is_ok()));
    #[cfg(feature = "channel-talk")]
    sets.push(load("channel_talk", |b| {
        chat_webhooks::channel_talk::parse(b).is_ok()
    }));
    #[cfg(feature = "inbenta")]
    sets.push(load("inbenta", |b| inbenta::parse(b).is_ok()));
    #[cfg(feature = "chatwoot")]
    sets.push(load("chatwoot", |b| {
        chat_webhooks::chatwoot::parse(b).is_ok()
    }));
    #[cfg(all(
        feature = "superoffice",
        feature = "ebbot",
        feature = "channel-talk",
        feature = "inbenta"
    ))]
    sets.push(load("all", |b| parse_event(b).is_ok()));
    sets
}

fn bench_parse(c: &mut Criterion) {
    for set in sets() {
        for form in ["compact", "pretty"] {
            let bodies: Vec<(&Body, &[u8])> = set
                .bodies
                .iter()
                .map(|b| {
                    (
                        b,
                        if form == "compact" {
                            &b.compact[..]
                        } else {
                            &b.pretty[..]
                        },
                    )
                })
                .collect();
            // Parsed before any loop runs, so that every loop of the group runs on the same
            // heap (a loop's allocations cost more or less with what else is allocated).
            let events: Vec<Event> = bodies
                .iter()
                .map(|(_, body)| parse_event(body).unwrap())
                .collect();
            let mut group = c.benchmark_group(format!("{}-{form}", set.name));
            group.throughput(Throughput::Bytes(
                bodies.iter().map(|(_, b)| b.len() as u64).sum(),
            ));
            group.bench_function("parse_event", |b| {
                b.iter(|| {
                    for (_, body) in &bodies {
                        black_box(parse_event(black_box(body)).unwrap());
                    }
                })
            });
            group.bench_function("vendor_parse", |b| {
                b.iter(|| {
                    for (_, body) in &bodies {
                        assert!((set.parse)(black_box(body)));
                    }
                })
            });
            group.bench_function("strict", |b| {
                b.iter(|| {
                    for (fixture, body) in &bodies {
                        baseline::parse(fixture.dir, &fixture.path, black_box(body)).unwrap();
                    }
                })
            });
            group.bench_function("value", |b| {
                b.iter(|| {
                    for (_, body) in &bodies {
                        black_box(serde_json::from_slice::<Value>(black_box(body)).unwrap());
                    }
                })
            });
            if form == "pretty" {
                group.bench_function("trailing_commas", |b| {
                    b.iter(|| {
                        for fixture in &set.bodies {
                            black_box(parse_event(black_box(&fixture.pretty_commas)).unwrap());
                        }
                    })
                });
            }
            group.bench_function("to_chat_event", |b| {
                b.iter(|| {
                    for event in &events {
                        black_box(&black_box(event).to_chat_event());
                    }
                })
            });
            group.bench_function("parse_to_chat_event", |b| {
                b.iter(|| {
                    for (_, body) in &bodies {
                        let event = black_box(parse_event(black_box(body)).unwrap());
                        black_box(&event.to_chat_event());
                    }
                })
            });
            group.finish();
        }
    }
}

fn bench_signatures(c: &mut Criterion) {
    const SECRET: &[u8] = b"NKP5mEzu9vqxGBeXSmHQ";
    let mut group = c.benchmark_group("signature");
    for size in [1024usize, 64 * 1024] {
        let body: Vec<u8> = (0..size).map(|i| b"{\"a\": [1, 2, 3]} "[i % 17]).collect();
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(BenchmarkId::new("hmac_sha256", size), &body, |b, body| {
            b.iter(|| {
                let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET).unwrap();
                mac.update(black_box(body));
                black_box(mac.finalize().into_bytes())
            })
        });
        #[cfg(feature = "superoffice")]
        {
            let header = superoffice::sign(SECRET, &body);
            group.bench_with_input(BenchmarkId::new("superoffice", size), &body, |b, body| {
                b.iter(|| superoffice::verify_signature(SECRET, black_box(body), &header).unwrap())
            });
        }
        #[cfg(feature = "inbenta")]
        {
            let header = inbenta::sign(SECRET, &body);
            group.bench_with_input(BenchmarkId::new("inbenta", size), &body, |b, body| {
                b.iter(|| inbenta::verify_signature(SECRET, black_box(body), &header).unwrap())
            });
        }
        #[cfg(feature = "chatwoot")]
        {
            use chat_webhooks::chatwoot;
            let header = chatwoot::sign(SECRET, "1741686137", &body);
            group.bench_with_input(BenchmarkId::new("chatwoot", size), &body, |b, body| {
                b.iter(|| {
                    chatwoot::verify_signature(SECRET, "1741686137", black_box(body), &header)
                        .unwrap()
                })
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench_parse, bench_signatures
}
criterion_main!(benches);
