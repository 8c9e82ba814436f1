//! What every bench does to the fixtures before it measures: find them, and rewrite their
//! whitespace and trailing commas (outside strings). Included by each bench with `mod common;`
//! and by `compare/` with a `#[path]`.

#![allow(dead_code)] // each bench uses part of it

use std::path::{Path, PathBuf};

/// The `.json` files below `dir`, sorted, without those under a `refused/` folder (a vendor's
/// other requests, which are not webhooks).
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() && !path.ends_with("refused") {
                walk(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "json") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

/// Calls `keep(i, b, out)` for each byte outside strings, which pushes it or not; bytes in
/// strings are pushed as they are.
fn outside_strings(bytes: &[u8], mut keep: impl FnMut(usize, u8, &mut Vec<u8>)) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 16);
    let (mut in_string, mut escaped) = (false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            out.push(b);
        } else {
            in_string = b == b'"';
            keep(i, b, &mut out);
        }
    }
    out
}

/// Drops each `,` followed (after whitespace) by `}`, `]` or the end: the trailing commas of
/// the vendors' published examples.
pub fn strip_trailing_commas(bytes: &[u8]) -> Vec<u8> {
    outside_strings(bytes, |i, b, out| {
        let next = bytes[i + 1..].iter().find(|b| !b.is_ascii_whitespace());
        if b != b',' || !matches!(next, None | Some(b'}' | b']')) {
            out.push(b);
        }
    })
}

/// Drops whitespace: the compact form, in the sender's key order.
pub fn minify(pretty: &[u8]) -> Vec<u8> {
    outside_strings(pretty, |_, b, out| {
        if !b.is_ascii_whitespace() {
            out.push(b);
        }
    })
}

/// Adds a trailing comma after the last member of every non-empty object and array: the
/// messiest input the crate tolerates, with the same bytes otherwise.
pub fn add_trailing_commas(clean: &[u8]) -> Vec<u8> {
    outside_strings(clean, |_, b, out| {
        if b == b'}' || b == b']' {
            let last = out.iter().rev().find(|b| !b.is_ascii_whitespace());
            if !matches!(last, Some(b'{' | b'[')) {
                let blank = out
                    .iter()
                    .rev()
                    .take_while(|b| b.is_ascii_whitespace())
                    .count();
                out.insert(out.len() - blank, b',');
            }
        }
        out.push(b);
    })
}
