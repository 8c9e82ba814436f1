//! [`Walk`]: listing the members a typed model did not know, with their JSON paths.

use std::fmt;

use super::{Members, RawJson};
use crate::error::Escaped;

/// Where a value is in the event's JSON: `entity.files[2].name`.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    /// The event's root object.
    Root,
    /// A member of the object at the parent path.
    Key(&'a Path<'a>, &'a str),
    /// An element of the array at the parent path.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The member `key` of the object here.
    pub(crate) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }
}

/// Keys are written [`Escaped`]: a key from the body cannot put a line break or a terminal
/// escape into a logged path.
impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => Escaped(key).fmt(f),
            Path::Key(parent, key) => write!(f, "{parent}.{}", Escaped(key)),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A value that may hold open objects: it reports the path of every member they kept because
/// the typed model did not know it.
///
/// `open_object!` implements it for its models, and every type of a field of one must
/// implement it: a type that holds no open object with `leaves!` below (or an empty `walk`),
/// one that holds some by walking them (see `CONTRIBUTING.md`, "Adding a vendor").
pub(crate) trait Walk {
    /// Reports the path of each unknown member at or below `path` to `out`.
    fn walk(&self, path: &Path<'_>, out: &mut Found);
}

/// The paths of the unknown members a walk found, in the order it found them, bounded so that
/// a body built of unknown members can not make the list take much more memory than the body
/// (an unknown member three levels deep in 60 levels of nested blocks has a path of 600 bytes
/// for six bytes of JSON).
///
/// The paths may take [`ALLOWANCE`] bytes, plus [`EARNED_PER_BYTE`] bytes per byte of JSON the
/// members found took in the body (at least their name, their value and `"":,`); a path that
/// would go over is not listed, and neither is any after it.
pub(crate) struct Found {
    paths: Vec<String>,
    /// Bytes the listed paths take: their text and their `String`.
    used: usize,
    /// Bytes they may take.
    earned: usize,
    /// Whether a path was left out: none is listed after it.
    full: bool,
}

/// The bytes the paths may take whatever the body (about 300 paths of 30 bytes).
pub(crate) const ALLOWANCE: usize = 16 * 1024;

/// The bytes the paths may take per byte of body their members took. With the list's own
/// growth, the list peaks under four times this per byte of body (plus the allowance).
pub(crate) const EARNED_PER_BYTE: usize = 4;

impl Found {
    /// Nothing found yet.
    pub(crate) fn new() -> Self {
        Found {
            paths: Vec::new(),
            used: 0,
            earned: ALLOWANCE,
            full: false,
        }
    }

    /// The paths.
    pub(crate) fn into_paths(self) -> Vec<String> {
        self.paths
    }
}

/// Reports the members of an open object's `other`.
pub(crate) fn report(other: &Members, path: &Path<'_>, out: &mut Found) {
    if out.full || other.is_empty() {
        return;
    }
    // The object's own path, once for all its members.
    let prefix = path.to_string();
    for (key, value) in other.iter() {
        out.earned = out
            .earned
            .saturating_add(EARNED_PER_BYTE * (key.len() + value.get().len() + 4));
        let member = if prefix.is_empty() {
            Escaped(key).to_string()
        } else {
            format!("{prefix}.{}", Escaped(key))
        };
        let cost = std::mem::size_of::<String>() + member.len();
        if out.used + cost > out.earned {
            out.full = true;
            return;
        }
        out.used += cost;
        out.paths.push(member);
    }
}

impl<T: Walk> Walk for Option<T> {
    fn walk(&self, path: &Path<'_>, out: &mut Found) {
        if let Some(value) = self {
            value.walk(path, out);
        }
    }
}

impl<T: Walk + ?Sized> Walk for Box<T> {
    fn walk(&self, path: &Path<'_>, out: &mut Found) {
        (**self).walk(path, out);
    }
}

impl<T: Walk> Walk for Vec<T> {
    fn walk(&self, path: &Path<'_>, out: &mut Found) {
        for (index, value) in self.iter().enumerate() {
            if out.full {
                return;
            }
            value.walk(&Path::Index(path, index), out);
        }
    }
}

/// Values that hold no open object: nothing to report.
macro_rules! leaves {
    ($($ty:ty),+ $(,)?) => {
        $(
            impl Walk for $ty {
                fn walk(&self, _: &Path<'_>, _: &mut Found) {}
            }
        )+
    };
}

leaves!(
    String,
    bool,
    i64,
    u64,
    f64,
    // A member documented only as "an object": its members are not unknown, just untyped.
    Members,
    RawJson,
    crate::Id,
    crate::Number,
    crate::Text,
    crate::Timestamp,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_bounded_by_the_members_they_list() {
        let members: Members = serde_json::from_str(r#"{"a":1,"b\nc":"x"}"#).unwrap();
        let parent = Path::Root;
        let deep = Path::Index(&parent, 7);
        let mut out = Found::new();
        report(&members, &parent.key("data"), &mut out);
        report(&members, &deep, &mut out);
        assert_eq!(
            out.into_paths(),
            ["data.a", "data.b\\nc", "[7].a", "[7].b\\nc"]
        );

        // A path far longer than its member: listed while the allowance lasts, then nothing.
        let long = "k".repeat(1000);
        let path = Path::Root;
        let path = path.key(&long);
        let member: Members = serde_json::from_str(r#"{"x":0}"#).unwrap();
        let mut out = Found::new();
        let mut reported = 0;
        while !out.full {
            report(&member, &path, &mut out);
            reported += 1;
        }
        let listed = out.paths.len();
        assert_eq!(listed, reported - 1);
        assert!(out.used <= out.earned && out.earned < ALLOWANCE + 4 * 8 * reported);
        // Full: a short path after it is not listed either.
        report(&member, &Path::Root, &mut out);
        assert_eq!(out.into_paths().len(), listed);
    }
}
