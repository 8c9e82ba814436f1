//! [`read_value`]: every member an open object reads goes through a deserializer that charges
//! each element of every sequence in it to the parse's memory budget (`crate::json::budget`).
//!
//! So a typed array is charged whatever its declaration (`Vec<Id>`, `Option<Vec<String>>`, a
//! `(list)`, a sequence read by a field type's own `Deserialize`, an array inside an array):
//! a body of `[{},{},...]` or `["","",...]` can not make a parse take more than a fixed
//! multiple of the body in memory. The wrapper only intercepts sequences, options, newtypes,
//! tuples and `deserialize_any` (the ways to reach a sequence); everything else is forwarded
//! as it is, and an open object met inside a member reads its own members the same way.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{
    Deserialize, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor,
};

/// Reads the next member's value as `T`, charging every sequence element in it.
#[inline]
pub(crate) fn read_value<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    map: &mut A,
) -> Result<T, A::Error> {
    map.next_value_seed(Seed(PhantomData::<T>))
}

/// `T`, read through [`Charged`].
struct Seed<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Seed<T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize(Charged(deserializer))
    }
}

/// Another seed, whose value is read through [`Charged`].
struct ChargedSeed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for ChargedSeed<S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Charged(deserializer))
    }
}

/// A deserializer whose sequences charge each element they hand out.
struct Charged<D>(D);

/// Forwards `deserialize_*` methods as they are.
macro_rules! forward {
    ($($method:ident),+ $(,)?) => {
        $(
            #[inline]
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.0.$method(visitor)
            }
        )+
    };
}

/// Forwards `deserialize_*` methods with the visitor wrapped in [`ChargedVisitor`].
macro_rules! wrap {
    ($($method:ident),+ $(,)?) => {
        $(
            #[inline]
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.0.$method(ChargedVisitor(visitor))
            }
        )+
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Charged<D> {
    type Error = D::Error;

    wrap!(deserialize_any, deserialize_option, deserialize_seq);

    forward!(
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_unit,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    #[inline]
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, visitor)
    }

    #[inline]
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_newtype_struct(name, ChargedVisitor(visitor))
    }

    #[inline]
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, ChargedVisitor(visitor))
    }

    #[inline]
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_tuple_struct(name, len, ChargedVisitor(visitor))
    }

    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_struct(name, fields, visitor)
    }

    #[inline]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A visitor whose sequence, `Some` and newtype contents are read through [`Charged`].
struct ChargedVisitor<V>(V);

/// Forwards `visit_*` methods of one argument as they are.
macro_rules! visit {
    ($($method:ident($ty:ty)),+ $(,)?) => {
        $(
            #[inline]
            fn $method<E: serde::de::Error>(self, value: $ty) -> Result<V::Value, E> {
                self.0.$method(value)
            }
        )+
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for ChargedVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    #[inline]
    fn visit_none<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    #[inline]
    fn visit_unit<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Charged(deserializer))
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Charged(deserializer))
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(ChargedSeq::new(seq))
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(map)
    }

    #[inline]
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(data)
    }
}

/// A sequence that charges each element's place in the `Vec` (less what reading the element
/// charged itself), and reads each element through [`Charged`].
///
/// The place is charged before the element is read, and what the element's own reading
/// covered is given back when the next one is asked for (or the sequence is dropped): so the
/// element is returned as it was read, without another move, and an element that charges its
/// own reading (an open object charges its size) is not charged twice. An element that is
/// itself an array is so charged at least half of what it takes. The end of the sequence is
/// checked for room for one more element.
struct ChargedSeq<A> {
    seq: A,
    /// The budget left once the last element's place was charged.
    charged: usize,
    /// The last element's place; 0 when none is to be settled.
    place: usize,
}

impl<A> ChargedSeq<A> {
    fn new(seq: A) -> Self {
        ChargedSeq {
            seq,
            charged: 0,
            place: 0,
        }
    }

    /// Gives back what the last element's own reading charged for its place (all of the
    /// place at the end of the sequence, where no element was read).
    #[inline]
    fn settle(&mut self, end: bool) {
        if self.place != 0 {
            let left = crate::json::budget_left();
            let spent = self.charged.saturating_sub(left);
            let back = if end && spent == 0 {
                self.place
            } else {
                spent.min(self.place)
            };
            crate::json::restore_budget(left.saturating_add(back));
            self.place = 0;
        }
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for ChargedSeq<A> {
    type Error = A::Error;

    #[inline]
    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        self.settle(false);
        let place = std::mem::size_of::<S::Value>();
        let left = crate::json::budget_left();
        if left < place {
            // Over the budget: the error it gives.
            crate::json::charge::<A::Error>(place)?;
        }
        self.charged = left - place;
        self.place = place;
        crate::json::restore_budget(self.charged);
        self.seq.next_element_seed(ChargedSeed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.seq.size_hint()
    }
}

impl<A> Drop for ChargedSeq<A> {
    fn drop(&mut self) {
        self.settle(true);
    }
}

#[cfg(test)]
mod tests {
    use serde::de::MapAccess;

    use super::read_value;
    use crate::json::{budget_left, restore_budget};

    /// `{"v": ...}` read as `T` through [`read_value`].
    fn read<T: serde::de::DeserializeOwned>(json: &str) -> serde_json::Result<T> {
        struct One<T>(T);
        impl<'de, T: serde::de::DeserializeOwned> serde::Deserialize<'de> for One<T> {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V<T>(std::marker::PhantomData<T>);
                impl<'de, T: serde::de::DeserializeOwned> serde::de::Visitor<'de> for V<T> {
                    type Value = One<T>;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("an object")
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<One<T>, A::Error> {
                        map.next_key::<String>()?;
                        read_value(&mut map).map(One)
                    }
                }
                d.deserialize_map(V(std::marker::PhantomData))
            }
        }
        serde_json::from_str::<One<T>>(json).map(|one| one.0)
    }

    #[test]
    fn every_sequence_is_charged() {
        let elements =
            |element: &str, n: usize| format!("{{\"v\":[{}]}}", vec![element; n].join(","));
        // (element, how many fit in 96 bytes, what is left then, how many do not fit): a
        // `String` or a `Vec` is 24 bytes, and the end of a sequence is checked for room for
        // one more. An inner array's place in the outer one is covered by its elements
        // (charged at least half of what it takes).
        type Read = fn(&str) -> serde_json::Result<()>;
        let cases: [(&str, usize, usize, usize, Read); 5] = [
            ("\"\"", 3, 24, 4, |json| read::<Vec<String>>(json).map(drop)),
            ("\"\"", 3, 24, 4, |json| {
                read::<Option<Vec<String>>>(json).map(drop)
            }),
            ("[\"\"]", 2, 48, 3, |json| {
                read::<Vec<Vec<String>>>(json).map(drop)
            }),
            ("[\"\",\"\"]", 1, 48, 2, |json| {
                read::<Vec<Vec<String>>>(json).map(drop)
            }),
            ("\"\"", 3, 24, 4, |json| {
                read::<Option<Option<Vec<String>>>>(json).map(drop)
            }),
        ];
        let outside = budget_left();
        for (element, fit, left, too_many, read) in cases {
            restore_budget(96);
            read(&elements(element, fit)).unwrap();
            assert_eq!(budget_left(), left, "{element}");
            restore_budget(96);
            let err = read(&elements(element, too_many)).unwrap_err();
            assert!(
                err.to_string().starts_with("too many array elements"),
                "{err}"
            );
        }
        restore_budget(outside);
        // Outside a parse of this crate there is no budget.
        assert_eq!(read::<Vec<u8>>(r#"{"v":[1,2]}"#).unwrap(), [1, 2]);
        assert_eq!(
            read::<Option<crate::Number>>(r#"{"v":1.50}"#)
                .unwrap()
                .unwrap(),
            "1.50"
        );
    }
}
