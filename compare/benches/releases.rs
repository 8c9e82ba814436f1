//! `parse_event`, and `parse_event` then `to_chat_event`, of two releases of the crate in one
//! criterion run, on the same bodies: the older release's fixtures (the vendors both have), as
//! published (pretty) and without whitespace (compact). Each group runs the two builds'
//! loops one after the other, so a machine's drift over minutes moves both alike.
//!
//! Run by `scripts/compare_releases.sh [REV]`, which checks the older release out where
//! `Cargo.toml` expects it (`../target/compare/old`).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        // `refused/` holds bodies that are not webhooks (a vendor's other requests).
        if path.is_dir() && !path.ends_with("refused") {
            walk(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "json") {
            out.push(path);
        }
    }
}

/// Drops whitespace outside strings.
fn minify(pretty: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(pretty.len());
    let (mut in_string, mut escaped) = (false, false);
    for &b in pretty {
        if in_string {
            out.push(b);
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
            out.push(b);
        } else if !b.is_ascii_whitespace() {
            out.push(b);
        }
    }
    out
}

/// Every fixture of the older release that both releases parse, in path order.
fn bodies() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/compare/old/fixtures");
    let mut paths = Vec::new();
    walk(&root, &mut paths);
    paths.sort();
    let bodies: Vec<Vec<u8>> = paths
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
    let compact: Vec<Vec<u8>> = pretty.iter().map(|body| minify(body)).collect();
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
                    black_box(event.to_chat_event());
                }
            })
        });
        group.bench_function("new/parse_to_chat_event", |b| {
            b.iter(|| {
                for body in bodies {
                    let event = black_box(new::parse_event(black_box(body)).unwrap());
                    black_box(event.to_chat_event());
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, releases);
criterion_main!(benches);
