//! `parse_event`, and `parse_event` then `to_chat_event`, of two releases of the crate in one
//! criterion run, on the same bodies: the older release's fixtures (the vendors both have), as
//! published (pretty) and without whitespace (compact). Each group runs the two builds'
//! loops one after the other, so a machine's drift over minutes moves both alike.
//!
//! Run by `scripts/compare_releases.sh [REV]`, which checks the older release out where
//! `Cargo.toml` expects it (`../target/compare/old`).

#[path = "../../benches/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Every fixture of the older release that both releases parse, in path order.
fn bodies() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/compare/old/fixtures");
    let bodies: Vec<Vec<u8>> = common::json_files(&root)
        .iter()
        .map(|path| std::fs::read(path).unwrap())
        .filter(|body| old::parse_event(body).is_ok() && new::parse_event(body).is_ok())
        .collect();
    assert!(!bodies.is_empty(), "no fixtures under {}", root.display());
    bodies
}

fn releases(c: &mut Criterion) {
    use new::ToChatEvent as _;
    use old::ToChatEvent as _;
    let pretty = bodies();
    let compact: Vec<Vec<u8>> = pretty.iter().map(|body| common::minify(body)).collect();
    for (form, bodies) in [("pretty", &pretty), ("compact", &compact)] {
        let mut group = c.benchmark_group(format!("releases-{form}"));
        group.throughput(Throughput::Bytes(
            bodies.iter().map(|body| body.len() as u64).sum(),
        ));
        group.bench_function("old/parse_event", |b| {
            b.iter(|| {
                for body in bodies {
                    black_box(old::parse_event(black_box(body)).unwrap());
                }
            })
        });
        group.bench_function("new/parse_event", |b| {
            b.iter(|| {
                for body in bodies {
                    black_box(new::parse_event(black_box(body)).unwrap());
                }
            })
        });
        group.bench_function("old/parse_to_chat_event", |b| {
            b.iter(|| {
                for body in bodies {
                    let event = black_box(old::parse_event(black_box(body)).unwrap());
                    black_box(&event.to_chat_event());
                }
            })
        });
        group.bench_function("new/parse_to_chat_event", |b| {
            b.iter(|| {
                for body in bodies {
                    let event = black_box(new::parse_event(black_box(body)).unwrap());
                    black_box(&event.to_chat_event());
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, releases);
criterion_main!(benches);
