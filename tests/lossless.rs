//! Nothing the sender sent is lost: an unknown member added to any object of any fixture is
//! kept with its value through parse, serialize and parse, the event stays equal, and
//! `unknown_members` lists it wherever a typed model met it.

mod common;

use chat_webhooks::{parse_event, Event};
use serde_json::{json, Value};

/// A JSON path in the crate's notation (`a.b[0].c`) and a pointer to the same place.
#[derive(Clone, Default)]
struct Place {
    path: String,
    pointer: String,
}

impl Place {
    fn key(&self, key: &str) -> Place {
        Place {
            path: if self.path.is_empty() {
                key.to_owned()
            } else {
                format!("{}.{key}", self.path)
            },
            pointer: format!(
                "{}/{}",
                self.pointer,
                key.replace('~', "~0").replace('/', "~1")
            ),
        }
    }

    fn index(&self, index: usize) -> Place {
        Place {
            path: format!("{}[{index}]", self.path),
            pointer: format!("{}/{index}", self.pointer),
        }
    }
}

/// Every object in `value`, with its place.
fn objects(value: &Value, place: Place, out: &mut Vec<Place>) {
    match value {
        Value::Object(map) => {
            out.push(place.clone());
            for (key, member) in map {
                objects(member, place.key(key), out);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                objects(item, place.index(index), out);
            }
        }
        _ => {}
    }
}

/// Members a vendor documents as free-form, kept whole as sent by design: objects inside them
/// are kept, but not counted against the share of objects a typed model meets. Chatwoot's
/// `custom_attributes` are defined by each account, `additional_attributes` and
/// `content_attributes` vary by channel and content type, `external_source_ids`, `sentiment`
/// and `auto_assignment_config` are internal, and a change's values are the model's own.
const FREE_FORM: &[(&str, &[&str])] = &[(
    "chatwoot",
    &[
        "custom_attributes",
        "additional_attributes",
        "content_attributes",
        "external_source_ids",
        "sentiment",
        "auto_assignment_config",
        "previous_value",
        "current_value",
    ],
)];

/// Whether `place` is inside a member `dir`'s vendor documents as free-form.
fn free_form(dir: &str, place: &Place) -> bool {
    FREE_FORM.iter().any(|(vendor, keys)| {
        *vendor == dir
            && place
                .pointer
                .split('/')
                .any(|segment| keys.contains(&segment))
    })
}

const NAME: &str = "zz_probe";

/// A value that would change if it were re-encoded: `-0`, trailing zeros, escapes.
const PROBE: &str = r#"{"n": -0, "f": 1.50, "s": "\u00e9\n", "a": [true, null, {}]}"#;

fn parse(bytes: &[u8]) -> Event {
    parse_event(bytes).unwrap_or_else(|err| panic!("{err}\n{}", String::from_utf8_lossy(bytes)))
}

/// Whether `event` is kept whole (an event name the crate has no variant for): no typed model
/// meets what is inside it, so its members do not count towards the share of those that are.
fn kept_whole(event: &Event) -> bool {
    match event {
        #[cfg(feature = "superoffice")]
        Event::SuperOffice(event) => event.kind().is_none(),
        #[cfg(feature = "ebbot")]
        Event::Ebbot(event) => event.kind().is_none(),
        #[cfg(feature = "channel-talk")]
        Event::ChannelTalk(event) => event.kind().is_none(),
        #[cfg(feature = "inbenta")]
        Event::Inbenta(event) => event.kind().is_none(),
        #[allow(unreachable_patterns)]
        _ => false,
    }
}

#[test]
fn an_unknown_member_in_any_object_of_any_fixture_is_kept() {
    let probe: Value = serde_json::from_str(PROBE).unwrap();
    let (mut total, mut listed, mut whole, mut exempt) = (0, 0, 0, 0);
    for dir in common::enabled_dirs() {
        for (path, bytes) in common::fixtures(dir) {
            let original = common::fixture_value(&bytes);
            let before = parse(&serde_json::to_vec(&original).unwrap()).unknown_members();
            let mut places = Vec::new();
            objects(&original, Place::default(), &mut places);
            for place in places {
                // The probe goes in as raw text, so that its exact form is what is sent.
                let mut sent = original.clone();
                sent.pointer_mut(&place.pointer)
                    .and_then(Value::as_object_mut)
                    .unwrap()
                    .insert(NAME.to_owned(), json!(null));
                let sent = serde_json::to_string(&sent).unwrap().replacen(
                    &format!(r#""{NAME}":null"#),
                    &format!(r#""{NAME}":{PROBE}"#),
                    1,
                );
                let event = parse(sent.as_bytes());
                let written = serde_json::to_string(&event).unwrap();
                assert!(
                    written.contains(&format!(r#""{NAME}":{PROBE}"#)),
                    "{path} at `{}`: the member was lost or re-encoded:\n{written}",
                    place.path
                );
                let again = parse(written.as_bytes());
                assert_eq!(again, event, "{path} at `{}`", place.path);
                let read: Value = serde_json::from_str(&written).unwrap();
                assert_eq!(
                    read.pointer(&format!("{}/{NAME}", place.pointer)),
                    Some(&probe),
                    "{path} at `{}`",
                    place.path
                );
                // Listed where a typed model met it; inside a member kept whole, the whole is
                // what is kept, and nothing more is listed.
                let after = event.unknown_members();
                let member = place.key(NAME).path;
                if after.contains(&member) {
                    listed += 1;
                    assert_eq!(after.len(), before.len() + 1, "{path}: {after:?}");
                } else {
                    assert_eq!(after, before, "{path} at `{}`", place.path);
                    if free_form(dir, &place) {
                        exempt += 1;
                        continue;
                    }
                }
                whole += usize::from(kept_whole(&event));
                total += 1;
            }
        }
    }
    assert!(total > 0);
    eprintln!(
        "{} added members kept; {listed} met by a typed model and listed; {whole} in events kept whole; {exempt} in free-form members",
        total + exempt
    );
    assert!(
        listed * 10 >= (total - whole) * 9,
        "only {listed} of {} added members outside events kept whole were met by a typed model",
        total - whole
    );
}
