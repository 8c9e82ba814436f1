//! [`Walk`]: listing the members a typed model did not know, with their JSON paths.

use std::fmt;

use serde_json::value::RawValue;

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
pub(crate) trait Walk {
    /// Pushes the path of each unknown member at or below `path` onto `out`.
    fn walk(&self, path: &Path<'_>, out: &mut Vec<String>);
}

/// Reports the members of an open object's `other`.
pub(crate) fn report(other: &Members, path: &Path<'_>, out: &mut Vec<String>) {
    for key in other.keys() {
        out.push(path.key(key).to_string());
    }
}

impl<T: Walk> Walk for Option<T> {
    fn walk(&self, path: &Path<'_>, out: &mut Vec<String>) {
        if let Some(value) = self {
            value.walk(path, out);
        }
    }
}

impl<T: Walk + ?Sized> Walk for Box<T> {
    fn walk(&self, path: &Path<'_>, out: &mut Vec<String>) {
        (**self).walk(path, out);
    }
}

impl<T: Walk> Walk for Vec<T> {
    fn walk(&self, path: &Path<'_>, out: &mut Vec<String>) {
        for (index, value) in self.iter().enumerate() {
            value.walk(&Path::Index(path, index), out);
        }
    }
}

/// Values that hold no open object: nothing to report.
macro_rules! leaves {
    ($($ty:ty),+ $(,)?) => {
        $(
            impl Walk for $ty {
                fn walk(&self, _: &Path<'_>, _: &mut Vec<String>) {}
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
    RawValue,
    // A member documented only as "an object": its members are not unknown, just untyped.
    Members,
    RawJson,
    crate::Id,
    crate::Number,
    crate::Text,
    crate::Timestamp,
);
