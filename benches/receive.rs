//! The receive path, wall clock, against what a user writes by hand for the same job, in the
//! same run, over the same requests, vendors interleaved as real traffic is:
//!
//! - `receiver`: `Receiver::receive_at` (verify, parse, convert to the common model, key);
//! - `by_hand`: verify with `hmac` (or compare the token), parse into `serde_json::Value`, and
//!   key by the event id where the body has one that names one event (SuperOffice's
//!   `EventId`; Ebbot's `requestId` is shared by the events of one request), else by a SHA-256
//!   of the body.
//!
//! Every fixture of every enabled vendor is one request, signed or tokenised the way its vendor
//! sends it (`testing::vendor_request_at`). Run `cargo bench --bench receive --features testing`;
//! `python3 scripts/bench_ratios.py` prints the ratio with the parse benches'.

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use base64::Engine as _;
use chat_webhooks::chrono::{DateTime, Utc};
use chat_webhooks::receive::{Received, Receiver, Request};
use chat_webhooks::testing::{vendor_request_at, VendorRequest};
use chat_webhooks::Vendor;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hmac::{KeyInit, Mac};
use serde_json::Value;
use sha2::Digest as _;

const SECRET: &str = "bench-secret-5f1c9e";

/// Every fixture as the request its vendor sends, interleaved: one of each vendor in turn.
fn requests(now: DateTime<Utc>) -> Vec<(Vendor, VendorRequest)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut per_vendor: Vec<Vec<(Vendor, VendorRequest)>> = Vendor::SUPPORTED
        .into_iter()
        .filter(|vendor| vendor.is_enabled())
        .map(|vendor| {
            common::json_files(&root.join(vendor.as_str()))
                .into_iter()
                .map(|path| {
                    // Compact, as senders send: the fixtures are pretty and some have
                    // trailing commas, which a strict `Value` parse refuses.
                    let body = std::fs::read(&path).unwrap();
                    let body = chat_webhooks::tolerant_json(&body);
                    let value: Value = serde_json::from_slice(&body).unwrap();
                    let body = serde_json::to_vec(&value).unwrap();
                    (vendor, vendor_request_at(vendor, &body, SECRET, now))
                })
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    while per_vendor.iter().any(|list| !list.is_empty()) {
        for list in &mut per_vendor {
            if !list.is_empty() {
                out.push(list.remove(0));
            }
        }
    }
    out
}

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

fn header<'a>(request: &'a VendorRequest, name: &str) -> Option<&'a str> {
    request
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// What a user writes by hand: the vendor's check, a `Value`, a key. Returns the key.
fn by_hand(request: &VendorRequest) -> Option<String> {
    let body = &request.body;
    let mac = |prefix: &[u8]| {
        let mut mac = HmacSha256::new_from_slice(SECRET.as_bytes()).unwrap();
        mac.update(prefix);
        mac.update(body);
        mac
    };
    if let Some(signature) = header(request, "X-SuperOffice-Signature") {
        let tag = base64::engine::general_purpose::STANDARD
            .decode(signature)
            .ok()?;
        mac(b"").verify_slice(&tag).ok()?;
    } else if let Some(signature) = header(request, "X-Hook-Signature") {
        mac(b"").verify_slice(&hex::decode(signature).ok()?).ok()?;
    } else if let Some(signature) = header(request, "X-Chatwoot-Signature") {
        let timestamp = header(request, "X-Chatwoot-Timestamp")?;
        let tag = hex::decode(signature.strip_prefix("sha256=")?).ok()?;
        mac(format!("{timestamp}.").as_bytes())
            .verify_slice(&tag)
            .ok()?;
    } else {
        let token = request.query.strip_prefix("token=")?;
        if token != SECRET {
            return None;
        }
    }
    let value: Value = serde_json::from_slice(body).ok()?;
    // SuperOffice's `EventId` names one event. Ebbot's `requestId` does not (several events of
    // one request share it, so keying by it would drop deliveries): its bodies are hashed, as
    // the other vendors' are, which is what the receiver does too.
    let id = value.get("EventId").and_then(Value::as_str);
    Some(match id {
        Some(id) => id.to_owned(),
        None => hex::encode(sha2::Sha256::digest(body)),
    })
}

fn receive(c: &mut Criterion) {
    let now = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
        .unwrap()
        .to_utc();
    let requests = requests(now);
    let receiver = Vendor::SUPPORTED
        .into_iter()
        .fold(Receiver::new(), |receiver, vendor| {
            receiver.secret(vendor, SECRET)
        });
    // Both sides accept every request.
    for (vendor, request) in &requests {
        assert!(by_hand(request).is_some(), "{vendor}: {request:?}");
        let received = receiver.receive_at(*vendor, &request.request(), now);
        assert!(
            matches!(
                received,
                Ok(Received::Event(_)) | Ok(Received::Handshake(_))
            ),
            "{vendor}: {received:?}"
        );
    }
    let bytes: usize = requests.iter().map(|(_, r)| r.body.len()).sum();
    let mut group = c.benchmark_group("receive-interleaved");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("receiver", |b| {
        b.iter(|| {
            for (vendor, request) in &requests {
                let request = Request::new(&request.body, request.headers.as_slice())
                    .with_query(&request.query);
                black_box(
                    receiver
                        .receive_at(*vendor, black_box(&request), now)
                        .is_ok(),
                );
            }
        })
    });
    group.bench_function("by_hand", |b| {
        b.iter(|| {
            for (_, request) in &requests {
                black_box(by_hand(black_box(request)));
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    targets = receive
}
criterion_main!(benches);
