//! Keeps one `ChatRecord` per chat in memory and prints each chat's transcript.
//!
//! A service that stores chats receives every vendor's events in whatever order they come,
//! some of them twice. Here the bundled fixtures stand in for the deliveries: each is parsed,
//! turned into the common model and folded into the record of its chat, keyed by vendor and
//! chat id (a map stands in for the database, the record's JSON for its column). Events with no
//! chat id (a Channel Talk `user.update`, an Inbenta `agents:login`) feed a `People`
//! directory shared across chats, from which every record then learns who is who.
//!
//! ```sh
//! cargo run --example chat_record            # every fixture
//! cargo run --example chat_record -- inbenta # one vendor's
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chat_webhooks::{parse_event, ChatRecord, People, ToChatEvent};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let only = std::env::args().nth(1);
    let mut files = Vec::new();
    walk(&root, &mut files)?;
    files.sort();

    // (vendor, chat id) -> the chat's record as stored: JSON, as a database column holds it.
    let mut rows: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut people = People::new();
    let mut deliveries = 0;
    for path in files {
        let relative = path.strip_prefix(&root)?.display().to_string();
        if only
            .as_deref()
            .is_some_and(|vendor| !relative.starts_with(vendor))
        {
            continue;
        }
        let body = std::fs::read(&path)?;
        let Ok(event) = parse_event(&body) else {
            continue; // a fixture of a shape that must be refused
        };
        let event = event.into_chat_event();
        deliveries += 1;
        people.learn(&event);
        let Some(chat_id) = event.chat_id.clone() else {
            continue;
        };
        let key = (event.source().to_owned(), chat_id);
        // Read the row, fold the event in, write it back when it changed.
        let mut record: ChatRecord = match rows.get(&key) {
            Some(json) => serde_json::from_str(json)?,
            None => ChatRecord::new(),
        };
        if record.apply(&event) {
            rows.insert(key, serde_json::to_string(&record)?);
        }
    }

    println!(
        "{deliveries} deliveries, {} chats, {} people\n",
        rows.len(),
        people.len()
    );
    for ((vendor, chat_id), json) in &rows {
        let mut record: ChatRecord = serde_json::from_str(json)?;
        record.learn_people(&people);
        println!(
            "== {vendor} chat {chat_id}: {} ({}), {} messages",
            record.state(),
            record.chat_kind(),
            record.messages().len()
        );
        if let Some(reason) = record.close_reason() {
            println!("   closed: {reason}");
        }
        for (id, person) in record.participants() {
            let name = person.name.as_deref().unwrap_or("-");
            println!("   {id}: {} {name}", person.role);
        }
        print!("{record}");
        println!();
    }
    Ok(())
}

/// Every `*.json` file under `dir`.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "json") {
            out.push(path);
        }
    }
    Ok(())
}
