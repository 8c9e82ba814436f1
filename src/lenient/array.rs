//! [`array`]: the reader of every typed array field.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

/// Reads a JSON array into a `Vec`, `null` as empty, charging each element's size to the
/// parse's memory budget (see `crate::json::budget`): a body of three-byte `{}` elements can
/// not make a parse take more than a fixed multiple of the body in memory.
///
/// Wire it into a field with `#[serde(default, deserialize_with = "array")]`.
#[allow(dead_code)] // not every vendor feature has arrays
pub(crate) fn array<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    deserializer.deserialize_option(ArrayVisitor(PhantomData))
}

struct ArrayVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ArrayVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::new();
        while let Some(element) = seq.next_element()? {
            crate::json::charge::<A::Error>(std::mem::size_of::<T>())?;
            out.push(element);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "array")]
        items: Vec<u32>,
    }

    #[test]
    fn reads_arrays_and_null_as_empty() {
        let read = |json: &str| serde_json::from_str::<Holder>(json).map(|h| h.items);
        assert_eq!(read(r#"{"items": [1, 2]}"#).unwrap(), [1, 2]);
        assert!(read(r#"{"items": null}"#).unwrap().is_empty());
        assert!(read("{}").unwrap().is_empty());
        let err = read(r#"{"items": {}}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: map, expected a sequence at line 1 column 10"
        );
    }
}
