//! Parsing speed: `parse_event` against `serde_json::Value` on the same bytes, the vendor
//! parse, and trailing-comma input against its clean twin.
//!
//! Each benchmark parses a whole set of bodies: one vendor's fixtures, or all of them
//! (`all`), in compact and in pretty form. Run `cargo bench --bench parse`, then
//! `python3 scripts/bench_ratios.py` for the ratio table in the README.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde_json::Value;

struct Set {
    name: &'static str,
    compact: Vec<Vec<u8>>,
    pretty: Vec<Vec<u8>>,
    pretty_commas: Vec<Vec<u8>>,
    parse: fn(&[u8]) -> bool,
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "json") {
            out.push(path);
        }
    }
}

/// Drops each `,` followed (after whitespace) by `}` or `]`: the fixtures' trailing commas.
fn strip_trailing_commas(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b',' {
            let next = bytes[i + 1..].iter().find(|b| !b.is_ascii_whitespace());
            if matches!(next, None | Some(b'}' | b']')) {
                continue;
            }
        }
        out.push(b);
    }
    out
}

/// Adds a trailing comma after the last member of every non-empty object and array (outside
/// strings): the messiest input the crate tolerates, with the same bytes otherwise.
fn add_trailing_commas(clean: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(clean.len() + clean.len() / 16);
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
        } else if b == b'}' || b == b']' {
            let last = out.iter().rev().find(|b: &&u8| !b.is_ascii_whitespace());
            if !matches!(last, Some(b'{' | b'[')) {
                let at = out.len()
                    - out
                        .iter()
                        .rev()
                        .take_while(|b| b.is_ascii_whitespace())
                        .count();
                out.insert(at, b',');
            }
        }
        out.push(b);
    }
    out
}

fn load(name: &'static str, parse: fn(&[u8]) -> bool) -> Set {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths = Vec::new();
    json_files(
        &if name == "all" { root } else { root.join(name) },
        &mut paths,
    );
    paths.sort();
    let values: Vec<Value> = paths
        .iter()
        .map(|path| {
            serde_json::from_slice(&strip_trailing_commas(&std::fs::read(path).unwrap())).unwrap()
        })
        .collect();
    let compact: Vec<_> = values
        .iter()
        .map(|v| serde_json::to_vec(v).unwrap())
        .collect();
    let pretty: Vec<_> = values
        .iter()
        .map(|v| serde_json::to_vec_pretty(v).unwrap())
        .collect();
    let pretty_commas = pretty.iter().map(|b| add_trailing_commas(b)).collect();
    for body in compact.iter().chain(&pretty) {
        assert!(
            chat_webhooks::parse_event(body).is_ok(),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    Set {
        name,
        compact,
        pretty,
        pretty_commas,
        parse,
    }
}

#[allow(clippy::vec_init_then_push)] // each push is behind its own feature
fn sets() -> Vec<Set> {
    let mut sets = Vec::new();
    #[cfg(feature = "superoffice")]
    sets.push(load("superoffice", |b| {
        chat_webhooks::superoffice::parse(b).is_ok()
    }));
    #[cfg(feature = "ebbot")]
    sets.push(load("ebbot", |b| chat_webhooks::ebbot::parse(b).is_ok()));
    #[cfg(feature = "channel-talk")]
    sets.push(load("channel_talk", |b| {
        chat_webhooks::channel_talk::parse(b).is_ok()
    }));
    #[cfg(feature = "inbenta")]
    sets.push(load("inbenta", |b| {
        chat_webhooks::inbenta::parse(b).is_ok()
    }));
    #[cfg(all(
        feature = "superoffice",
        feature = "ebbot",
        feature = "channel-talk",
        feature = "inbenta"
    ))]
    sets.push(load("all", |b| chat_webhooks::parse_event(b).is_ok()));
    sets
}

fn bench_parse(c: &mut Criterion) {
    for set in sets() {
        for (form, bodies) in [("compact", &set.compact), ("pretty", &set.pretty)] {
            let mut group = c.benchmark_group(format!("{}-{form}", set.name));
            group.throughput(Throughput::Bytes(
                bodies.iter().map(|b| b.len() as u64).sum(),
            ));
            group.bench_function("parse_event", |b| {
                b.iter(|| {
                    for body in bodies {
                        black_box(chat_webhooks::parse_event(black_box(body)).unwrap());
                    }
                })
            });
            group.bench_function("vendor_parse", |b| {
                b.iter(|| {
                    for body in bodies {
                        assert!((set.parse)(black_box(body)));
                    }
                })
            });
            group.bench_function("value", |b| {
                b.iter(|| {
                    for body in bodies {
                        black_box(serde_json::from_slice::<Value>(black_box(body)).unwrap());
                    }
                })
            });
            if form == "pretty" {
                group.bench_function("trailing_commas", |b| {
                    b.iter(|| {
                        for body in &set.pretty_commas {
                            black_box(chat_webhooks::parse_event(black_box(body)).unwrap());
                        }
                    })
                });
            }
            group.finish();
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench_parse
}
criterion_main!(benches);
