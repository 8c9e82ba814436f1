//! [`Headers`]: read request headers from whatever map the HTTP stack has.

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

/// Request headers, looked up by name without regard to ASCII case.
///
/// Implemented for slices, arrays and vectors of name/value pairs, for `HashMap` and
/// `BTreeMap` from names to values, and, with the `http` feature, for `http::HeaderMap`.
/// Implement it for your framework's header type if it has none of these.
///
/// ```
/// use chat_webhooks::receive::Headers;
///
/// let headers = [("Content-Type", "application/json"), ("X-Hook-Signature", "ab12")];
/// assert_eq!(headers.header("x-hook-signature"), Some("ab12"));
/// assert_eq!(headers.header("x-missing"), None);
/// ```
pub trait Headers {
    /// The value of the first header called `name` (ASCII case-insensitive), if any and if it
    /// is valid UTF-8.
    fn header(&self, name: &str) -> Option<&str>;
}

impl<H: Headers + ?Sized> Headers for &H {
    fn header(&self, name: &str) -> Option<&str> {
        (**self).header(name)
    }
}

impl<K: AsRef<str>, V: AsRef<str>> Headers for [(K, V)] {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(key, _)| key.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<str>, const N: usize> Headers for [(K, V); N] {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl<K: AsRef<str>, V: AsRef<str>> Headers for Vec<(K, V)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl<V: AsRef<str>, S: BuildHasher> Headers for HashMap<String, V, S> {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name)
            .or_else(|| {
                self.iter()
                    .find(|(key, _)| key.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v)
            })
            .map(AsRef::as_ref)
    }
}

impl<V: AsRef<str>> Headers for BTreeMap<String, V> {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name)
            .or_else(|| {
                self.iter()
                    .find(|(key, _)| key.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v)
            })
            .map(AsRef::as_ref)
    }
}

#[cfg(feature = "http")]
impl Headers for http::HeaderMap {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name)?.to_str().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_everywhere() {
        let pairs = vec![("X-Example-Signature".to_owned(), "a".to_owned())];
        assert_eq!(pairs.header("x-example-signature"), Some("a"));
        let map: HashMap<String, String> = pairs.iter().cloned().collect();
        assert_eq!(map.header("X-EXAMPLE-SIGNATURE"), Some("a"));
        let map: BTreeMap<String, &str> = [("x-hook-test".to_owned(), "true")].into();
        assert_eq!(map.header("X-Hook-Test"), Some("true"));
        assert_eq!(Headers::header(&&map, "x-other"), None);
    }

    #[cfg(feature = "http")]
    #[test]
    fn http_header_map() {
        let mut map = http::HeaderMap::new();
        map.insert("x-hook-signature", http::HeaderValue::from_static("ab"));
        map.insert("x-binary", http::HeaderValue::from_bytes(b"\xff").unwrap());
        assert_eq!(map.header("X-Hook-Signature"), Some("ab"));
        assert_eq!(map.header("x-binary"), None);
    }
}
