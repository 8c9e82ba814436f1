//! Instruction counts: a fixed loop of one kind of work, to run under
//! `valgrind --tool=callgrind`. `scripts/instruction_ratios.sh` builds it, runs every mode and
//! prints the README's tables; counts do not depend on the machine's load.
//!
//! `count <mode> <pretty|compact> [vendor]`, where mode is `none` (setup only), `event`
//! (`parse_event`), `commas` (`parse_event` on the trailing-comma twins), `strict` (the
//! hand-written baseline), `value` (`serde_json::Value`), `chat` (`to_chat_event` of an event
//! parsed beforehand) or `event_to` (`parse_event`, then `to_chat_event`, both dropped); or
//! `ratios` (the wall-clock ratios, measured in this one process: see [`ratios`]); or
//! `per_fixture` (each fixture's conversion and parse, in ns: see [`per_fixture`]); or
//! `count sign <none|hmac|superoffice|inbenta|chatwoot> <bytes>`. Run by `cargo bench`, it does nothing.

#[path = "baseline/mod.rs"]
mod baseline;
mod common;

use std::hint::black_box;
use std::path::Path;

use chat_webhooks::{parse_event, ToChatEvent};
use hmac::{KeyInit, Mac};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(mode) = args.first().filter(|mode| !mode.starts_with("--")) else {
        return; // run by `cargo bench`
    };
    if mode == "sign" {
        return sign(&args[1], args[2].parse().unwrap());
    }
    let compact = args.get(1).is_some_and(|form| form == "compact");
    // `CHAT_WEBHOOKS_FIXTURES` points another build's fixtures folder at this one, so that two
    // builds run on the same bodies (scripts/ab_wallclock.sh).
    let root = std::env::var_os("CHAT_WEBHOOKS_FIXTURES")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"));
    let mut bodies = Vec::new();
    for vendor in chat_webhooks::Vendor::SUPPORTED {
        let dir = vendor.as_str();
        if !vendor.is_enabled() || !root.join(dir).is_dir() {
            continue;
        }
        if args.get(2).is_some_and(|only| only != dir) {
            continue;
        }
        for path in common::json_files(&root.join(dir)) {
            let clean = common::strip_trailing_commas(&std::fs::read(&path).unwrap());
            let body = if compact {
                common::minify(&clean)
            } else {
                clean
            };
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            bodies.push((dir, rel, common::add_trailing_commas(&body), body));
        }
    }
    let events: Vec<_> = bodies
        .iter()
        .map(|(_, _, _, body)| parse_event(body).unwrap())
        .collect();
    // `COUNT_ROUNDS` lengthens the loop for wall-clock timing (scripts/ab_wallclock.sh).
    let rounds: usize = std::env::var("COUNT_ROUNDS")
        .ok()
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(200);
    // One loop per mode, the mode chosen outside it: a loop times its work and nothing else.
    let run = |mode: &str, rounds: usize| match mode {
        "event" => each(&bodies, rounds, |_, (_, _, _, body)| {
            drop(black_box(parse_event(black_box(body)).unwrap()))
        }),
        "commas" => each(&bodies, rounds, |_, (_, _, messy, _)| {
            drop(black_box(parse_event(black_box(messy)).unwrap()))
        }),
        "strict" => each(&bodies, rounds, |_, (dir, path, _, body)| {
            baseline::parse(dir, path, black_box(body))
                .unwrap_or_else(|err| panic!("{path}: {err}"))
        }),
        "value" => each(&bodies, rounds, |_, (_, _, _, body)| {
            drop(black_box(
                serde_json::from_slice::<serde_json::Value>(black_box(body)).unwrap(),
            ))
        }),
        "chat" => each(&bodies, rounds, |i, _| {
            black_box(&black_box(&events[i]).to_chat_event());
        }),
        "event_to" => each(&bodies, rounds, |_, (_, _, _, body)| {
            let event = black_box(parse_event(black_box(body)).unwrap());
            black_box(&event.to_chat_event());
            drop(event);
        }),
        _ => {}
    };
    if mode == "per_fixture" {
        return per_fixture(&bodies, &events, rounds);
    }
    if mode == "ratios" {
        return ratios(run, rounds);
    }
    run(mode, rounds);
}

/// `count ratios <pretty|compact>`: the wall-clock ratios in one process.
///
/// Each ratio comes from its own two loops and nothing else: they take turns in blocks of
/// `COUNT_ROUNDS` rounds, `COUNT_BLOCKS` turns (default 40), one way round and then the other
/// within a turn (A B B A), and the ratio is the median over the turns of the two loops' times
/// in that turn, with the quartiles in brackets. The machine's load drifts over seconds, and
/// two blocks a fraction of a second apart see the same machine.
///
/// Why pairs, and both ways round: a loop runs faster or slower after another, from the heap
/// and the caches the other leaves. When all four loops took turns in one fixed order
/// (`strict`, `value`, `event`, `event_to`), the parse ran 10% slower than on its own and the
/// conversion's ratio read 1.12× / 1.13× (pretty / compact); the two loops alone, A B B A, read
/// 1.14× / 1.16× on the same build, and whole processes of each loop 1.14× / 1.17×.
fn ratios(run: impl Fn(&str, usize), rounds: usize) {
    let blocks: usize = std::env::var("COUNT_BLOCKS")
        .ok()
        .and_then(|blocks| blocks.parse().ok())
        .unwrap_or(40)
        .max(1);
    let pairs = [
        ("parse_event / strict baseline", "event", "strict"),
        ("parse_event / serde_json::Value", "event", "value"),
        (
            "parse_event then to_chat_event / parse_event",
            "event_to",
            "event",
        ),
    ];
    // `COUNT_ONLY=event_to` measures only the conversion's pair, and so on.
    let only = std::env::var("COUNT_ONLY").ok();
    for (name, a, b) in pairs {
        if only.as_deref().is_some_and(|only| only != a) {
            continue;
        }
        let mut times = Vec::with_capacity(blocks);
        for _ in 0..blocks {
            let mut turn = [0.0; 2];
            for (slot, mode) in [(0, a), (1, b), (1, b), (0, a)] {
                let started = std::time::Instant::now();
                run(mode, rounds);
                turn[slot] += started.elapsed().as_secs_f64();
            }
            times.push(turn);
        }
        let mut ratios: Vec<f64> = times.iter().map(|turn| turn[0] / turn[1]).collect();
        ratios.sort_by(f64::total_cmp);
        let at = |q: usize| ratios[(ratios.len() - 1) * q / 4];
        println!("{name}: {:.3} ({:.3}–{:.3})", at(2), at(1), at(3));
        // Each loop's median time a round, for reading a ratio against its parts.
        for (slot, mode) in [a, b].into_iter().enumerate() {
            let mut all: Vec<f64> = times.iter().map(|turn| turn[slot]).collect();
            all.sort_by(f64::total_cmp);
            let round = all[all.len() / 2] / (2 * rounds) as f64;
            println!("  {mode}, a round: {:.1} µs", round * 1e6);
        }
    }
}

/// One fixture: its vendor folder, its path, its trailing-comma twin and its body.
type Fixture<'a> = (&'a str, String, Vec<u8>, Vec<u8>);

/// Runs `work` on every fixture, `rounds` times.
fn each(bodies: &[Fixture], rounds: usize, mut work: impl FnMut(usize, &Fixture)) {
    for _ in 0..rounds {
        for (i, fixture) in bodies.iter().enumerate() {
            work(i, fixture);
        }
    }
}

/// `count per_fixture <pretty|compact> [vendor]`: for each fixture, the time of one
/// `to_chat_event` of its parsed event and of one `parse_event` of its body, each loop run
/// `COUNT_ROUNDS` times over that fixture alone (so with warm caches: the conversion's cost
/// after a parse of other bodies is several times this). Slowest conversion first, in ns.
fn per_fixture(bodies: &[Fixture], events: &[chat_webhooks::Event], rounds: usize) {
    let time = |work: &dyn Fn()| {
        let started = std::time::Instant::now();
        for _ in 0..rounds {
            work();
        }
        started.elapsed().as_nanos() as f64 / rounds.max(1) as f64
    };
    let mut rows: Vec<(f64, f64, &str, usize)> = bodies
        .iter()
        .zip(events)
        .map(|((_, path, _, body), event)| {
            let chat = time(&|| {
                black_box(&black_box(event).to_chat_event());
            });
            let parse = time(&|| drop(black_box(parse_event(black_box(body)).unwrap())));
            (chat, parse, path.as_str(), body.len())
        })
        .collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("to_chat_event parse_event  bytes  fixture");
    for (chat, parse, path, len) in rows {
        println!("{chat:13.0} {parse:11.0} {len:6}  {path}");
    }
}

fn sign(mode: &str, size: usize) {
    const SECRET: &[u8] = b"NKP5mEzu9vqxGBeXSmHQ";
    let body: Vec<u8> = (0..size).map(|i| b"{\"a\": [1, 2, 3]} "[i % 17]).collect();
    let superoffice = chat_webhooks::superoffice::sign(SECRET, &body);
    let inbenta = chat_webhooks::inbenta::sign(SECRET, &body);
    #[cfg(feature = "chatwoot")]
    let chatwoot = chat_webhooks::chatwoot::sign(SECRET, "1741686137", &body);
    for _ in 0..(5_000_000 / size.max(1)).max(100) {
        match mode {
            "hmac" => {
                let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET).unwrap();
                mac.update(black_box(&body));
                black_box(mac.finalize().into_bytes());
            }
            "superoffice" => {
                chat_webhooks::superoffice::verify_signature(SECRET, black_box(&body), &superoffice)
                    .unwrap()
            }
            "inbenta" => {
                chat_webhooks::inbenta::verify_signature(SECRET, black_box(&body), &inbenta)
                    .unwrap()
            }
            #[cfg(feature = "chatwoot")]
            "chatwoot" => chat_webhooks::chatwoot::verify_signature(
                SECRET,
                "1741686137",
                black_box(&body),
                &chatwoot,
            )
            .unwrap(),
            _ => {}
        }
    }
}
