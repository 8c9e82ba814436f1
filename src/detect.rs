//! Telling the vendors apart from the body alone.
//!
//! Each vendor is recognised by top-level keys that the others never send:
//!
//! | vendor | keys |
//! |---|---|
//! | SuperOffice | `EventId` and `Event` |
//! | Ebbot | `topic` and `botId` |
//! | Channel Talk | `event` and `entity` (`type` is read when present: team-chat pushes come without it) |
//! | Inbenta | `trigger` and `appId` |
//! | Chatwoot | `event` named like `message_created` (letters, digits, `_`) or not a string, and no `entity` |
//!
//! Chatwoot is the one vendor recognised by a key it does *not* send: its bodies have no
//! envelope and no key of their own but `event` (see `chatwoot::recognises`). It is tried only
//! when no other vendor's keys are complete, which means the scan has read the whole top level,
//! so the rule depends on the set of members, not on their order.
//!
//! Only the root object's members are read, and only until one vendor's keys are complete
//! ([`crate::json`]): detection costs no parse of its own and usually reads a few members.

use std::fmt;

use crate::error::Error;
use crate::json::{Field, Prepared};
use crate::Vendor;

/// The top-level keys the scan looks for; vendor modules read their discriminators by index.
pub(crate) const KEYS: [&[u8]; 9] = [
    b"EventId", b"Event", b"topic", b"botId", b"event", b"type", b"entity", b"trigger", b"appId",
];

/// The index in [`KEYS`] of `key`, by a `match` the compiler turns into a length switch.
pub(crate) fn key_index(key: &[u8]) -> Option<usize> {
    let index = match key {
        b"EventId" => 0,
        b"Event" => 1,
        b"topic" => 2,
        b"botId" => 3,
        b"event" => 4,
        b"type" => 5,
        b"entity" => 6,
        b"trigger" => 7,
        b"appId" => 8,
        _ => return None,
    };
    debug_assert_eq!(KEYS[index], key);
    Some(index)
}

/// Indexes into [`KEYS`].
#[allow(dead_code)] // each vendor feature uses its own
pub(crate) mod key {
    pub(crate) const SUPEROFFICE_EVENT_ID: usize = 0;
    pub(crate) const SUPEROFFICE_EVENT: usize = 1;
    pub(crate) const EBBOT_TOPIC: usize = 2;
    pub(crate) const EBBOT_BOT_ID: usize = 3;
    pub(crate) const CHANNEL_TALK_EVENT: usize = 4;
    pub(crate) const CHANNEL_TALK_TYPE: usize = 5;
    pub(crate) const CHANNEL_TALK_ENTITY: usize = 6;
    pub(crate) const INBENTA_TRIGGER: usize = 7;
    pub(crate) const INBENTA_APP_ID: usize = 8;
    pub(crate) const CHATWOOT_EVENT: usize = 4;
    pub(crate) const CHATWOOT_ENTITY: usize = 6;
}

/// The keys each vendor is recognised by, as indexes into [`KEYS`].
const SIGNATURES: [(Vendor, &[usize]); 4] = [
    (
        Vendor::SuperOffice,
        &[key::SUPEROFFICE_EVENT_ID, key::SUPEROFFICE_EVENT],
    ),
    (Vendor::Ebbot, &[key::EBBOT_TOPIC, key::EBBOT_BOT_ID]),
    (
        Vendor::ChannelTalk,
        &[key::CHANNEL_TALK_EVENT, key::CHANNEL_TALK_ENTITY],
    ),
    (
        Vendor::Inbenta,
        &[key::INBENTA_TRIGGER, key::INBENTA_APP_ID],
    ),
];

/// The keys the scan reads before it stops, per vendor: the keys it is recognised by, and for
/// Channel Talk also `type` (optional, so a body without it is scanned to its end).
const READ_UNTIL: [(Vendor, &[usize]); 4] = [
    SIGNATURES[0],
    SIGNATURES[1],
    (
        Vendor::ChannelTalk,
        &[
            key::CHANNEL_TALK_EVENT,
            key::CHANNEL_TALK_TYPE,
            key::CHANNEL_TALK_ENTITY,
        ],
    ),
    SIGNATURES[3],
];

fn has_all(fields: &[Field], keys: &[usize]) -> bool {
    keys.iter().all(|&k| fields[k] != Field::Absent)
}

/// Whether `fields` hold all the keys `vendor`'s parse reads.
pub(crate) fn complete(vendor: Vendor, fields: &[Field]) -> bool {
    if vendor == Vendor::Chatwoot {
        return fields[key::CHATWOOT_EVENT] != Field::Absent;
    }
    READ_UNTIL
        .iter()
        .any(|(v, keys)| *v == vendor && has_all(fields, keys))
}

/// Whether the body, whose top level has been read to its end, is Chatwoot's.
#[cfg(feature = "chatwoot")]
fn is_chatwoot(prepared: &Prepared<'_>) -> bool {
    let entity = prepared.fields()[key::CHATWOOT_ENTITY] != Field::Absent;
    match prepared.fields()[key::CHATWOOT_EVENT] {
        Field::Absent => false,
        Field::Other(_) => crate::chatwoot::recognises(None, entity),
        Field::Str { .. } => {
            match prepared.string_field(Vendor::Chatwoot, key::CHATWOOT_EVENT, "event") {
                Ok(Some(event)) => crate::chatwoot::recognises(Some(&event), entity),
                _ => false,
            }
        }
    }
}

#[cfg(not(feature = "chatwoot"))]
fn is_chatwoot(_: &Prepared<'_>) -> bool {
    false
}

/// Whether `fields` hold all the keys that some enabled vendor's parse reads.
pub(crate) fn any_complete(fields: &[Field]) -> bool {
    READ_UNTIL
        .iter()
        .any(|(vendor, keys)| vendor.is_enabled() && has_all(fields, keys))
}

/// The enabled vendor whose keys the body has. Members are read in order until one vendor's
/// keys are complete, so a body that carried two vendors' keys would be read as the vendor
/// whose keys come first; no vendor sends another's keys at the top level.
pub(crate) fn detect(prepared: &Prepared<'_>) -> Result<Vendor, Error> {
    prepared.expect_object(None)?;
    let fields = prepared.fields();
    SIGNATURES
        .iter()
        .find(|(vendor, keys)| vendor.is_enabled() && has_all(fields, keys))
        .map(|(vendor, _)| *vendor)
        // No other vendor's keys are complete, so the scan read the whole top level.
        .or_else(|| is_chatwoot(prepared).then_some(Vendor::Chatwoot))
        .ok_or_else(|| prepared.syntax_error(None).unwrap_or_else(Error::no_vendor))
}

/// Writes the keys of the enabled vendors, for the no-vendor message:
/// "EventId and Event (superoffice), topic and botId (ebbot), or ...".
pub(crate) fn describe_keys(f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut enabled: Vec<_> = SIGNATURES
        .iter()
        .filter(|(vendor, _)| vendor.is_enabled())
        .collect();
    // Chatwoot's rule is not a list of keys: written as one.
    const CHATWOOT: (Vendor, &[usize]) = (Vendor::Chatwoot, &[]);
    if Vendor::Chatwoot.is_enabled() {
        enabled.push(&CHATWOOT);
    }
    if enabled.is_empty() {
        return f.write_str("of a vendor, but no vendor feature is enabled");
    }
    for (i, (vendor, keys)) in enabled.iter().enumerate() {
        if i > 0 {
            f.write_str(if i + 1 == enabled.len() {
                ", or "
            } else {
                ", "
            })?;
        }
        if *vendor == Vendor::Chatwoot {
            f.write_str("event named like message_created, without entity")?;
        }
        for (j, &k) in keys.iter().enumerate() {
            if j > 0 {
                f.write_str(if j + 1 == keys.len() { " and " } else { ", " })?;
            }
            f.write_str(std::str::from_utf8(KEYS[k]).expect("keys are ASCII"))?;
        }
        write!(f, " ({vendor})")?;
    }
    Ok(())
}
