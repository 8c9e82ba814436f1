//! Telling the vendors apart from the body alone.
//!
//! Each vendor is recognised by top-level keys that the others never send, declared in its
//! folder ([`VendorSpec::DETECT`](crate::registry::VendorSpec::DETECT)):
//!
//! | vendor | keys |
//! |---|---|
//! | SuperOffice | `EventId` and `Event` |
//! | Ebbot | `topic` and `botId` |
//! | Channel Talk | `event` and `entity` (`type` is read when present: team-chat pushes come without it) |
//! | Inbenta | `trigger` and `appId` |
//! | Chatwoot | `event`, named like `message_created`, and no `entity` |
//!
//! Only the root object's members are read, and only until one vendor's keys are complete
//! ([`crate::json`]): detection costs no parse of its own and usually reads a few members. The
//! last member is read first when its value is a string, which is where Chatwoot puts `event`:
//! a Chatwoot body is told without walking the conversation or message before it. A vendor
//! told by a key its bodies lack (Chatwoot has no `entity`) is told on what has been read; a
//! body that holds two vendors' keys is refused whatever the order of its members, and one
//! whose top level also holds the key a vendor lacks is read as the vendor it tells (see
//! [`crate::parse_event`]).

use crate::error::Error;
use crate::json::{Keys, Prepared};
use crate::registry::{any_complete, complete, detect_keys, detected, key_index};
use crate::Vendor;

/// How far a body's root object is read before it is parsed.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Until {
    /// Until the keys of some enabled vendor are all found (detection).
    AnyVendor,
    /// Until this vendor's keys are all found.
    Vendor(Vendor),
}

/// Prepares `body` for a parse: reads as far as `until` says and checks for UTF-8.
pub(crate) fn prepare(body: &[u8], until: Until) -> Prepared<'_> {
    let until = match until {
        Until::AnyVendor => usize::MAX,
        // `Vendor::Custom` has no keys: it is complete at once, and fails as disabled.
        Until::Vendor(vendor) => vendor.index().unwrap_or(usize::MAX - 1),
    };
    Prepared::until::<Registered>(body, until)
}

/// The registry's keys, read until a vendor's keys are complete: `until` is a vendor's index,
/// or `usize::MAX` for any vendor.
struct Registered;

impl Keys for Registered {
    #[inline]
    fn index(key: &[u8]) -> Option<usize> {
        key_index(key)
    }

    #[inline]
    fn done(found: u32, until: usize) -> bool {
        match Vendor::SUPPORTED.get(until) {
            Some(vendor) => complete(*vendor, found),
            None => any_complete(found),
        }
    }
}

/// The registry's keys, read to the end of the root object.
struct Everything;

impl Keys for Everything {
    #[inline]
    fn index(key: &[u8]) -> Option<usize> {
        key_index(key)
    }

    fn done(_: u32, _: usize) -> bool {
        false
    }
}

/// The enabled vendor whose keys the body has. Members are read until one vendor's keys are
/// complete; if their values do not tell that vendor (a Channel Talk body's `event` is no
/// Chatwoot event name), the scan reads on. So a body that carried two vendors' keys would be
/// read as the vendor whose keys come first (no vendor sends another's keys at the top level;
/// [`crate::parse_event`] checks the bodies that might).
pub(crate) fn detect(prepared: &mut Prepared<'_>) -> Result<Vendor, Error> {
    prepared.expect_object(None)?;
    loop {
        let found = prepared.found();
        let vendor = Vendor::SUPPORTED
            .into_iter()
            .find(|vendor| detected(*vendor, found, prepared));
        let read_all = prepared.read_all();
        // The scan may have stopped for another vendor's keys: the vendor told must have had
        // every key its parse reads found (Channel Talk's `type`), or none left to find.
        if let Some(vendor) = vendor.filter(|vendor| read_all || complete(*vendor, found)) {
            return Ok(vendor);
        }
        if !prepared.read_on::<Registered>(usize::MAX) {
            break;
        }
    }
    Err(prepared
        .syntax_error(None)
        .or_else(|| crate::registry::foreign(prepared))
        .unwrap_or_else(|| Error::no_vendor(expected_keys())))
}

/// The one enabled vendor whose keys `body` has, read to the end of its root object: a body
/// with two vendors' keys is an error ([`Error::ambiguous`]) whatever the order of its members.
pub(crate) fn detect_all(body: &[u8]) -> Result<Vendor, Error> {
    let prepared = Prepared::sniffed::<Everything>(body, 0);
    prepared.expect_object(None)?;
    let found = prepared.found();
    let mut matched = Vendor::SUPPORTED
        .into_iter()
        .filter(|vendor| detected(*vendor, found, &prepared));
    match (matched.next(), matched.next()) {
        (Some(vendor), None) => Ok(vendor),
        (Some(first), Some(second)) => Err(Error::ambiguous(format!(
            "{} ({first}) and {} ({second})",
            describe(first),
            describe(second)
        ))),
        (None, _) => Err(prepared
            .syntax_error(None)
            .or_else(|| crate::registry::foreign(&prepared))
            .unwrap_or_else(|| Error::no_vendor(expected_keys()))),
    }
}

/// `vendor`'s detection keys, for messages: "EventId and Event".
fn describe(vendor: Vendor) -> String {
    let description = crate::registry::description(vendor);
    if !description.is_empty() {
        return description.to_owned();
    }
    let keys = detect_keys(vendor);
    let mut out = String::new();
    for (j, key) in keys.iter().enumerate() {
        if j > 0 {
            out.push_str(if j + 1 == keys.len() { " and " } else { ", " });
        }
        out.push_str(key);
    }
    out
}

/// The keys of the enabled vendors, for the no-vendor message:
/// "EventId and Event (superoffice), topic and botId (ebbot), or ...".
fn expected_keys() -> String {
    let enabled: Vec<Vendor> = Vendor::SUPPORTED
        .into_iter()
        .filter(|vendor| vendor.is_enabled())
        .collect();
    if enabled.is_empty() {
        return "of a vendor, but no vendor feature is enabled".to_owned();
    }
    let mut out = String::new();
    for (i, vendor) in enabled.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == enabled.len() {
                ", or "
            } else {
                ", "
            });
        }
        out.push_str(&describe(*vendor));
        out.push_str(" (");
        out.push_str(vendor.as_str());
        out.push(')');
    }
    out
}
