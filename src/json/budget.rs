//! The memory budget of a parse: memory stays proportional to the body.
//!
//! An array element can be three bytes of JSON (`{},`) and hundreds of bytes once typed, so a
//! body made of empty elements would take hundreds of times its size in memory. Every parse
//! that [`Prepared`](super::Prepared) runs therefore has a budget of
//! [`BYTES_PER_BODY_BYTE`] bytes per byte of body, plus [`BYTES_PER_BODY`] for the event's own
//! models, and every element of a typed array (and every open object) is charged its size as
//! it is read; a body that would go over is an
//! error, "too many array elements for the body's size". Real webhook bodies stay far below:
//! an element that carries data takes about as many bytes of JSON as it takes in memory.
//!
//! The budget lives in a thread-local, set around one serde_json read and restored after it,
//! so that the `Deserialize` impls need no extra parameter. Outside a parse of this crate (a
//! model read with `serde_json::from_str` directly) there is no budget.

use std::cell::Cell;

use serde::de;

/// The bytes every parse may hold whatever the body's size: the models of one event (a
/// Channel Talk message and the models it refers to are a few kilobytes), so that a short
/// body is never refused for the size of its types.
pub(crate) const BYTES_PER_BODY: usize = 64 * 1024;

/// The bytes of typed elements a parse may hold per byte of body.
///
/// A `Vec` holds up to twice its elements while it grows (three times, counting the copy when
/// it moves), so a parse peaks at about `3 *` this many bytes per byte of body.
pub(crate) const BYTES_PER_BODY_BYTE: usize = 8;

thread_local! {
    /// Bytes left to the parse running on this thread; `usize::MAX` outside one.
    static LEFT: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// The budget of one parse of a `body_len`-byte body, until dropped (then the budget before it
/// is back: parses nest when an `Event` is read from inside another value).
pub(crate) struct Budget {
    previous: usize,
}

impl Budget {
    /// Sets the budget for a body of `body_len` bytes.
    pub(crate) fn for_body(body_len: usize) -> Self {
        let bytes = body_len
            .saturating_mul(BYTES_PER_BODY_BYTE)
            .saturating_add(BYTES_PER_BODY);
        Budget {
            previous: LEFT.with(|left| left.replace(bytes)),
        }
    }
}

impl Drop for Budget {
    fn drop(&mut self) {
        LEFT.with(|left| left.set(self.previous));
    }
}

/// What is left of the running parse's budget: [`restore`] it to read a value again (on a
/// failure path, to name the failing field) without charging it twice.
#[allow(dead_code)] // used by a vendor that reads a value before its type
pub(crate) fn left() -> usize {
    LEFT.with(Cell::get)
}

/// Sets what is left of the running parse's budget back to what [`left`] returned.
#[allow(dead_code)] // used by a vendor that reads a value before its type
pub(crate) fn restore(left: usize) {
    LEFT.with(|cell| cell.set(left));
}

/// Charges `bytes` to the running parse's budget: an error once it is spent.
pub(crate) fn charge<E: de::Error>(bytes: usize) -> Result<(), E> {
    LEFT.with(|left| match left.get().checked_sub(bytes) {
        Some(rest) => {
            left.set(rest);
            Ok(())
        }
        None => Err(E::custom(format_args!(
            "too many array elements for the body's size (more than {BYTES_PER_BODY_BYTE} bytes of parsed elements per byte of body)"
        ))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charges_until_spent_and_restores() {
        let outer = Budget::for_body(4);
        assert!(charge::<serde_json::Error>(BYTES_PER_BODY + 30).is_ok());
        {
            let _inner = Budget::for_body(1);
            assert!(charge::<serde_json::Error>(BYTES_PER_BODY + 8).is_ok());
            let err = charge::<serde_json::Error>(1).unwrap_err();
            assert!(
                err.to_string().starts_with("too many array elements"),
                "{err}"
            );
        }
        assert!(charge::<serde_json::Error>(2).is_ok());
        assert!(charge::<serde_json::Error>(1).is_err());
        drop(outer);
        assert!(charge::<serde_json::Error>(usize::MAX / 2).is_ok());
    }
}
