//! The registry: the one list of the vendors this crate reads, and what each vendor's folder
//! gives it.
//!
//! [`vendors!`] holds one line per vendor. Everything that enumerates the vendors is generated
//! from that list by a macro that takes it, next to the code it belongs to:
//!
//! | generated | where |
//! |---|---|
//! | [`Vendor`], its names, features, `SUPPORTED` and `COUNT` | `vendor.rs` |
//! | the top-level [`Event`](crate::Event), its accessors, serialization and conversion | `event.rs` |
//! | the per-vendor lookups below: detection keys, parse, unknown-event envelopes, credentials, delivery times, registration tests | here |
//! | the axum route markers (`SuperOfficeRoute`, ...) | `receive/axum.rs` |
//!
//! Each vendor's folder declares its part once, as a `Spec` type that implements
//! [`VendorSpec`]: the keys it is recognised by, its parse, the envelope of its unknown events,
//! its credential scheme and whether its body carries a delivery time. The receiver keeps its
//! per-vendor state in arrays of [`Vendor::COUNT`] slots indexed by [`Vendor::index`], so a
//! new line can never index past them.
//!
//! No other file matches on the vendors: adding one is its folder, its line here, its cargo
//! feature, its fixtures and its rows in the docs (`CONTRIBUTING.md`, "Adding a vendor").

use serde_json::value::RawValue;

use crate::auth::{Scheme, SecretExchange, Source};
use crate::error::Error;
use crate::json::Prepared;
use crate::unknown::{EnvelopePaths, Hoisted};
use crate::Vendor;

/// The vendors, one line each: the `Vendor` variant, the module (also its name in messages and
/// serialization, and its fixtures folder), the cargo feature, the axum route marker, the
/// product's name, and a phrase for the docs.
///
/// Calls `$callback!` with the list.
macro_rules! vendors {
    ($callback:ident) => {
        $callback! {
            SuperOffice: superoffice, feature = "superoffice", route = SuperOfficeRoute,
                name = "SuperOffice", about = "SuperOffice CRM chat events";
            Ebbot: ebbot, feature = "ebbot", route = EbbotRoute,
                name = "Ebbot", about = "Ebbot outgoing webhooks";
            ChannelTalk: channel_talk, feature = "channel-talk", route = ChannelTalkRoute,
                name = "Channel Talk", about = "Channel Talk (Channel.io) webhooks";
            Inbenta: inbenta, feature = "inbenta", route = InbentaRoute,
                name = "Inbenta", about = "Inbenta HyperChat webhooks";
            Chatwoot: chatwoot, feature = "chatwoot", route = ChatwootRoute,
                name = "Chatwoot", about = "Chatwoot webhooks";
        }
    };
}

/// What a vendor's folder tells the rest of the crate: implemented once per vendor, by the
/// `Spec` type in its `mod.rs`.
pub(crate) trait VendorSpec {
    /// The vendor.
    const VENDOR: Vendor;

    /// The top-level keys that, all present, tell this vendor's bodies from every other's.
    const DETECT: &'static [&'static str];

    /// The top-level keys its parse reads besides [`DETECT`](Self::DETECT) (Channel Talk's
    /// optional `type`): detection reads the body until these are found too.
    const ALSO_READS: &'static [&'static str] = &[];

    /// Top-level keys its bodies never have, which tell another vendor's body from its own
    /// (Chatwoot's bodies have `event` but no `entity`). Detection takes them as absent as far
    /// as it has read: it stops once a vendor is told, and [`parse_event`](crate::parse_event)
    /// reads the rest of a body only when its parse kept a top-level member it does not know
    /// that is a detection key (such as `entity` in a body read as Chatwoot's), then parses it
    /// as the vendor the whole top level tells.
    const ABSENT: &'static [&'static str] = &[];

    /// What the no-vendor message says this vendor is looked for by, when it is more than its
    /// [`DETECT`](Self::DETECT) keys.
    const DESCRIPTION: &'static str = "";

    /// Whether a body whose top-level keys tell this vendor is its own, by the values of those
    /// keys (Chatwoot: `event` named like `message_created`). Read on a prepared body.
    fn recognises(prepared: &Prepared<'_>) -> bool {
        let _ = prepared;
        true
    }

    /// How its requests are authenticated.
    const SCHEME: Scheme;

    /// A small body of a typed event, as the vendor sends it: what tests and examples that
    /// cover every vendor send.
    const EXAMPLE: &'static [u8];

    /// Whether its bodies carry the time they were sent, which a replay window can be checked
    /// against when the request carries no signed timestamp.
    const DELIVERY_TIME: bool;

    /// Whether the vendor's event id names one event, so that de-duplication can key on it.
    /// Ebbot's `requestId` does not: it names the request inside Ebbot that caused the event,
    /// and one request causes several events of one topic (a bot answering with three
    /// messages sends three `chat.bot.message` webhooks with one `requestId`).
    const EVENT_ID_IS_UNIQUE: bool = true;

    /// Where a request carries the vendor's delivery id (retries reuse it), which then keys
    /// de-duplication.
    const DELIVERY_ID: Option<Source> = None;

    /// The secret the vendor offers when a webhook is registered, if it has such a handshake.
    const SECRET_EXCHANGE: Option<SecretExchange> = None;

    /// The vendor's event.
    type Event;

    /// Parses a prepared body as this vendor's event.
    fn parse(prepared: &Prepared<'_>) -> Result<Self::Event, Error>;

    /// Where its envelope keeps the event id, the chat and the time: what an event of an
    /// unknown name is read for.
    const ENVELOPE: EnvelopePaths;

    /// What the envelope of an event of the unknown name `name` says, read from its raw JSON.
    fn envelope(name: &str, raw: &RawValue) -> Hoisted {
        let _ = name;
        Hoisted::read(raw, &Self::ENVELOPE)
    }

    /// A request of another kind that this vendor sends to webhook URLs (Channel Talk's App
    /// function calls, Inbenta's Messenger webhooks), recognised on a body no vendor matched or
    /// that lacks this vendor's discriminator, so that the error names it. Failure paths only.
    fn foreign(prepared: &Prepared<'_>) -> Option<Error> {
        let _ = prepared;
        None
    }

    /// Whether `event` is the test the vendor sends when a webhook is registered (answered with
    /// `200` and nothing else done).
    fn is_registration_test(event: &Self::Event) -> bool {
        let _ = event;
        false
    }
}

/// Compares two strings in a `const` context.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The most top-level keys detection looks for, over all vendors.
pub(crate) const MAX_KEYS: usize = crate::json::MAX_KEYS;

/// Adds the keys of `keys` that `table` does not hold yet.
const fn add_keys(
    mut table: ([&'static str; MAX_KEYS], usize),
    keys: &[&'static str],
) -> ([&'static str; MAX_KEYS], usize) {
    let mut i = 0;
    while i < keys.len() {
        let mut j = 0;
        let mut found = false;
        while j < table.1 {
            if same(table.0[j], keys[i]) {
                found = true;
            }
            j += 1;
        }
        if !found {
            assert!(table.1 < MAX_KEYS, "raise json::MAX_KEYS");
            table.0[table.1] = keys[i];
            table.1 += 1;
        }
        i += 1;
    }
    table
}

/// The bits, in `table`, of `keys`.
const fn mask_of(table: &([&'static str; MAX_KEYS], usize), keys: &[&'static str]) -> u32 {
    let mut mask = 0;
    let mut i = 0;
    while i < keys.len() {
        let mut j = 0;
        while j < table.1 {
            if same(table.0[j], keys[i]) {
                mask |= 1 << j;
            }
            j += 1;
        }
        i += 1;
    }
    mask
}

const _: () = assert!(MAX_KEYS <= 32, "the key masks are u32");

/// A vendor's keys as bits of [`keys`].
#[derive(Clone, Copy)]
struct Masks {
    /// Its [`VendorSpec::DETECT`] keys.
    detect: u32,
    /// Every key its parse reads.
    reads: u32,
    /// Its [`VendorSpec::ABSENT`] keys.
    absent: u32,
}

/// Generates the lookups over the enabled vendors' specs.
macro_rules! lookups {
    ($(
        $vendor:ident: $module:ident, feature = $feature:literal, route = $route:ident,
            name = $name:literal, about = $about:literal;
    )*) => {
        // Each line's folder declares the vendor of its line.
        $(
            #[cfg(feature = $feature)]
            const _: () = assert!(matches!(
                <crate::$module::Spec as VendorSpec>::VENDOR,
                Vendor::$vendor
            ));
        )*

        /// The top-level keys of every enabled vendor ([`VendorSpec::DETECT`] and
        /// [`VendorSpec::ALSO_READS`]), each once, and how many there are.
        const KEY_TABLE: ([&str; MAX_KEYS], usize) = {
            let table = ([""; MAX_KEYS], 0);
            $(
                #[cfg(feature = $feature)]
                let table = add_keys(
                    add_keys(
                        add_keys(table, <crate::$module::Spec as VendorSpec>::DETECT),
                        <crate::$module::Spec as VendorSpec>::ALSO_READS,
                    ),
                    <crate::$module::Spec as VendorSpec>::ABSENT,
                );
            )*
            table
        };

        /// For each vendor's slot, the bits (indexes in [`keys`]) of its detection keys, of
        /// every key its parse reads, and of the keys its bodies never have; `u32::MAX`, which
        /// no set of found keys can cover, when its feature is off. Computed at compile time,
        /// so that a check during the scan is a few mask operations per vendor.
        const MASKS: [Masks; Vendor::COUNT] = {
            let off = Masks { detect: u32::MAX, reads: u32::MAX, absent: 0 };
            let mut masks = [off; Vendor::COUNT];
            $(
                #[cfg(feature = $feature)]
                {
                    let detect = mask_of(&KEY_TABLE, <crate::$module::Spec as VendorSpec>::DETECT);
                    let reads = detect
                        | mask_of(&KEY_TABLE, <crate::$module::Spec as VendorSpec>::ALSO_READS);
                    let absent = mask_of(&KEY_TABLE, <crate::$module::Spec as VendorSpec>::ABSENT);
                    masks[Vendor::$vendor as usize] = Masks { detect, reads, absent };
                }
            )*
            masks
        };

        /// Whether `vendor`'s [`VendorSpec::recognises`] accepts the body.
        fn recognises(vendor: Vendor, prepared: &Prepared<'_>) -> bool {
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => <crate::$module::Spec as VendorSpec>::recognises(prepared),
                )*
                #[allow(unreachable_patterns)]
                _ => {
                    let _ = prepared;
                    false
                }
            }
        }

        /// [`VendorSpec::DESCRIPTION`] of `vendor`.
        pub(crate) fn description(vendor: Vendor) -> &'static str {
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => <crate::$module::Spec as VendorSpec>::DESCRIPTION,
                )*
                #[allow(unreachable_patterns)]
                _ => "",
            }
        }

        /// `vendor`'s keys that tell its bodies ([`VendorSpec::DETECT`]); none when its
        /// feature is off.
        pub(crate) fn detect_keys(vendor: Vendor) -> &'static [&'static str] {
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => <crate::$module::Spec as VendorSpec>::DETECT,
                )*
                #[allow(unreachable_patterns)]
                _ => &[],
            }
        }

        /// The keys `vendor`'s parse reads besides its detection keys.
        #[cfg_attr(not(test), allow(dead_code))]
        pub(crate) fn also_reads(vendor: Vendor) -> &'static [&'static str] {
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => <crate::$module::Spec as VendorSpec>::ALSO_READS,
                )*
                #[allow(unreachable_patterns)]
                _ => &[],
            }
        }

        /// How `vendor`'s requests are authenticated; `None` when its feature is off.
        pub(crate) fn scheme(vendor: Vendor) -> Option<&'static Scheme> {
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => Some(&<crate::$module::Spec as VendorSpec>::SCHEME),
                )*
                #[allow(unreachable_patterns)]
                _ => None,
            }
        }

        /// Whether `vendor`'s bodies carry a delivery time.
        pub(crate) fn has_delivery_time(vendor: Vendor) -> bool {
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => <crate::$module::Spec as VendorSpec>::DELIVERY_TIME,
                )*
                #[allow(unreachable_patterns)]
                _ => false,
            }
        }

        /// `name`, an event name `vendor` sent, borrowed from its event table when it is one the
        /// vendor documents (spelled as documented), else owned: the common model's
        /// `event_name` then costs no allocation (10% of a conversion's time, measured).
        pub(crate) fn event_name(vendor: Vendor, name: &str) -> ::std::borrow::Cow<'static, str> {
            // One loop over the vendor's table: searching each table in its own arm unrolled
            // into 3 KB of code, and a conversion's time after a parse goes mostly to fetching
            // cold code and mispredicted branches, not to the instructions it runs.
            let names: &'static [&'static str] = match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => crate::$module::EventKind::NAMES,
                )*
                #[allow(unreachable_patterns)]
                _ => &[],
            };
            match names.iter().find(|documented| **documented == name) {
                Some(documented) => ::std::borrow::Cow::Borrowed(documented),
                None => ::std::borrow::Cow::Owned(name.to_owned()),
            }
        }

        /// `vendor`'s example body ([`VendorSpec::EXAMPLE`]); `None` when its feature is off.
        #[allow(dead_code)] // used by tests and the `testing` feature
        pub(crate) fn example(vendor: Vendor) -> Option<&'static [u8]> {
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => Some(<crate::$module::Spec as VendorSpec>::EXAMPLE),
                )*
                #[allow(unreachable_patterns)]
                _ => None,
            }
        }

        /// Where `vendor`'s requests carry a delivery id.
        pub(crate) fn delivery_id(vendor: Vendor) -> Option<Source> {
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => <crate::$module::Spec as VendorSpec>::DELIVERY_ID,
                )*
                #[allow(unreachable_patterns)]
                _ => None,
            }
        }

        /// [`VendorSpec::EVENT_ID_IS_UNIQUE`] of `vendor`.
        pub(crate) fn event_id_is_unique(vendor: Vendor) -> bool {
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => <crate::$module::Spec as VendorSpec>::EVENT_ID_IS_UNIQUE,
                )*
                #[allow(unreachable_patterns)]
                _ => false,
            }
        }

        /// `vendor`'s registration handshake, if it has one.
        pub(crate) fn secret_exchange(vendor: Vendor) -> Option<SecretExchange> {
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => <crate::$module::Spec as VendorSpec>::SECRET_EXCHANGE,
                )*
                #[allow(unreachable_patterns)]
                _ => None,
            }
        }

        /// What `vendor`'s envelope in the raw JSON of an unknown event named `name` says.
        pub(crate) fn envelope(vendor: Vendor, name: &str, raw: &RawValue) -> Hoisted {
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => <crate::$module::Spec as VendorSpec>::envelope(name, raw),
                )*
                #[allow(unreachable_patterns)]
                _ => {
                    let _ = (name, raw);
                    Hoisted::default()
                }
            }
        }

        /// Parses a prepared body as `vendor`'s event.
        #[inline]
        pub(crate) fn parse(vendor: Vendor, prepared: &Prepared<'_>) -> Result<crate::Event, Error> {
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$vendor => <crate::$module::Spec as VendorSpec>::parse(prepared)
                        .map(crate::Event::$vendor),
                )*
                #[allow(unreachable_patterns)]
                other => {
                    let _ = prepared;
                    Err(Error::vendor_disabled(other))
                }
            }
        }

        /// What an enabled vendor says a body that no vendor matched is (see
        /// [`VendorSpec::foreign`]).
        pub(crate) fn foreign(prepared: &Prepared<'_>) -> Option<Error> {
            $(
                #[cfg(feature = $feature)]
                if let Some(err) = <crate::$module::Spec as VendorSpec>::foreign(prepared) {
                    return Some(err);
                }
            )*
            let _ = prepared;
            None
        }

        /// Whether `event` is its vendor's registration test.
        pub(crate) fn is_registration_test(event: &crate::Event) -> bool {
            match event {
                $(
                    #[cfg(feature = $feature)]
                    crate::Event::$vendor(inner) => {
                        <crate::$module::Spec as VendorSpec>::is_registration_test(inner)
                    }
                )*
                #[allow(unreachable_patterns)]
                _ => false,
            }
        }
    };
}

vendors!(lookups);

/// The top-level keys of every enabled vendor, each once.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn keys() -> &'static [&'static str] {
    KEY_TABLE.0.split_at(KEY_TABLE.1).0
}

/// Where a key lands in [`KEY_SLOTS`]: its length, first and last bytes, mixed.
const fn slot(len: usize, first: u8, last: u8) -> usize {
    (len.wrapping_mul(31) ^ (first as usize).wrapping_mul(7) ^ (last as usize)) & 63
}

/// The keys by [`slot`]: each key's index plus one, 0 for none. Built at compile time, and
/// checked to hold no two keys in one slot: a lookup is one hash, one load and one comparison.
const KEY_SLOTS: [u8; 64] = {
    let mut slots = [0u8; 64];
    let mut i = 0;
    while i < KEY_TABLE.1 {
        let key = KEY_TABLE.0[i].as_bytes();
        assert!(!key.is_empty(), "a detection key is empty");
        let at = slot(key.len(), key[0], key[key.len() - 1]);
        assert!(
            slots[at] == 0,
            "two detection keys share a slot: change `slot`"
        );
        slots[at] = i as u8 + 1;
        i += 1;
    }
    slots
};

/// The index of `key` in [`keys`]: where [`Prepared`] records its value. Called for every
/// top-level member the scan reads, so it is one table lookup (see [`KEY_SLOTS`]) and at most
/// one comparison.
#[inline]
pub(crate) fn key_index(key: &[u8]) -> Option<usize> {
    let (&first, &last) = (key.first()?, key.last()?);
    let i = usize::from(KEY_SLOTS[slot(key.len(), first, last)]).checked_sub(1)?;
    (KEY_TABLE.0[i].as_bytes() == key).then_some(i)
}

/// Whether the keys in `found` (and the values `prepared` holds for them) tell `vendor`: all
/// its [`VendorSpec::DETECT`] keys, none of its [`VendorSpec::ABSENT`] keys (as far as the scan
/// has read), and its [`VendorSpec::recognises`]. Never for a vendor whose feature is off, or
/// [`Vendor::Custom`].
pub(crate) fn detected(vendor: Vendor, found: u32, prepared: &Prepared<'_>) -> bool {
    vendor.index().is_some_and(|i| {
        let masks = MASKS[i];
        found & masks.detect == masks.detect
            && found & masks.absent == 0
            && recognises(vendor, prepared)
    })
}

/// Whether the keys in `found` are every key some enabled vendor's parse reads: the scan of
/// [`parse_event`](crate::parse_event) stops there, and goes on if those keys do not tell
/// that vendor after all (see [`crate::detect::detect`]).
#[inline]
pub(crate) fn any_complete(found: u32) -> bool {
    MASKS.iter().any(|masks| found & masks.reads == masks.reads)
}

/// Whether the keys in `found` are every key `vendor`'s parse reads, so that the scan of a body
/// parsed as `vendor` (the vendor known, not detected) can stop. A vendor's
/// [`VendorSpec::ABSENT`] keys tell it apart from the others in detection only: a parse as that
/// vendor does not look for them, so a Chatwoot body is not walked to its end on its own route.
pub(crate) fn complete(vendor: Vendor, found: u32) -> bool {
    vendor.index().is_some_and(|i| {
        let masks = MASKS[i];
        found & masks.reads == masks.reads
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // With no vendor enabled `Event` has no value, and the code after a parse is unreachable.
    #[allow(unreachable_code)]
    fn documented_event_names_are_borrowed() {
        use std::borrow::Cow;
        for vendor in Vendor::SUPPORTED.into_iter().filter(|v| v.is_enabled()) {
            let example = example(vendor).expect("an enabled vendor has an example");
            let event = crate::parse_event(example).unwrap();
            let name = event_name(vendor, event.event_name());
            assert!(matches!(name, Cow::Borrowed(_)), "{vendor}: {name}");
            assert_eq!(name, event.event_name());
            // A name the vendor does not document, or spelled otherwise, is kept as sent.
            let name = event_name(vendor, "not.documented");
            assert!(matches!(name, Cow::Owned(_)), "{vendor}: {name}");
            let upper = event.event_name().to_uppercase();
            assert_eq!(event_name(vendor, &upper), upper.as_str());
        }
    }

    #[test]
    fn every_enabled_vendor_has_its_keys_in_the_table() {
        for vendor in Vendor::SUPPORTED {
            for key in detect_keys(vendor).iter().chain(also_reads(vendor)) {
                assert!(key_index(key.as_bytes()).is_some(), "{vendor}: {key}");
            }
            assert_eq!(detect_keys(vendor).is_empty(), !vendor.is_enabled());
            assert_eq!(scheme(vendor).is_some(), vendor.is_enabled());
        }
        let keys = keys();
        for (i, key) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(key), "{key} twice");
        }
    }
}
