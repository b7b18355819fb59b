//! The body's members, never two with one name: `#[payload(flatten)]`
//! spliced into the body, and a hand implementation's payload. The crate's members (message, code,
//! problem members) and the variant's explicit payload keys are reserved;
//! a flattened member with a reserved name, or with the name of a member an
//! earlier flattened payload wrote, is left out. JSON parsers disagree on
//! duplicate names (some keep the first, most the last), so a duplicate
//! would let a request-controlled map rewrite the public message.

use std::collections::HashSet;
use std::fmt;

use serde::Serialize;
use serde::ser::{self, Error as _, SerializeMap};

/// Past this many flattened members in one body, names are also kept in a
/// hash set: below it a linear scan over the written names is cheaper than
/// hashing, above it a large map is not quadratic.
const LINEAR: usize = 16;

/// The names one body has used so far, for its flattened payloads. Made by
/// the derive with the names it reserves; `finish` reports what was left
/// out.
pub struct Flattened {
    reserved: &'static [&'static str],
    /// Where each flattened member's name, as written, sits in the output.
    written: Vec<(usize, usize)>,
    /// The names of `written`, once there are more than `LINEAR`.
    index: Option<HashSet<Box<[u8]>>>,
    /// Names the serde view has used (it writes no bytes of its own).
    seen: HashSet<String>,
    /// How many members were left out, and the first few names, to log.
    dropped: usize,
    #[cfg(any(feature = "tracing", test))]
    dropped_names: Vec<String>,
}

/// Names kept to log per body: enough to say what collided, never a list
/// as long as a request-built map.
#[cfg(any(feature = "tracing", test))]
const LOGGED_NAMES: usize = 8;

impl Flattened {
    /// A body whose own members are `reserved`.
    pub fn new(reserved: &'static [&'static str]) -> Self {
        Flattened {
            reserved,
            written: Vec::new(),
            index: None,
            seen: HashSet::new(),
            dropped: 0,
            #[cfg(any(feature = "tracing", test))]
            dropped_names: Vec::new(),
        }
    }

    /// Reports the names left out of this body: with the `tracing` feature,
    /// one event at warn level per body, names only, never values.
    pub fn finish(self, code: &'static str) {
        if self.dropped == 0 {
            return;
        }
        #[cfg(feature = "tracing")]
        crate::report::flattened_members_dropped(code, self.dropped, &self.dropped_names);
        #[cfg(not(feature = "tracing"))]
        let _ = code;
    }

    /// The names left out so far (the first `LOGGED_NAMES`).
    #[cfg(test)]
    fn dropped(&self) -> &[String] {
        &self.dropped_names
    }

    /// Writes `,"key":` unless `key` is reserved or already written; says
    /// whether the value is to follow.
    fn admit(&mut self, out: &mut Vec<u8>, key: &str) -> bool {
        if self.reserved.contains(&key) {
            self.drop(key);
            return false;
        }
        let mark = out.len();
        out.push(b',');
        let start = out.len();
        // Escaping into a `Vec` cannot fail.
        let _ = serde_json::to_writer(&mut *out, key);
        let end = out.len();
        let name = &out[start..end];
        let duplicate = match &self.index {
            Some(index) => index.contains(name),
            None => self.written.iter().any(|&(s, e)| &out[s..e] == name),
        };
        if duplicate {
            out.truncate(mark);
            self.drop(key);
            return false;
        }
        self.written.push((start, end));
        if let Some(index) = &mut self.index {
            index.insert(name.into());
        } else if self.written.len() > LINEAR {
            self.index = Some(
                self.written
                    .iter()
                    .map(|&(s, e)| out[s..e].into())
                    .collect(),
            );
        }
        out.push(b':');
        true
    }

    /// The serde view's check: `key` is neither reserved nor used.
    fn admit_key(&mut self, key: &str) -> bool {
        if self.reserved.contains(&key) || self.seen.contains(key) {
            self.drop(key);
            return false;
        }
        self.seen.insert(key.to_owned());
        true
    }

    fn drop(&mut self, key: &str) {
        self.dropped += 1;
        #[cfg(any(feature = "tracing", test))]
        if self.dropped_names.len() < LOGGED_NAMES {
            self.dropped_names.push(key.to_owned());
        }
        #[cfg(not(any(feature = "tracing", test)))]
        let _ = key;
    }
}

/// Appends the members of `value`, which must serialize as a map, each
/// after a comma, leaving out the names `members` forbids. On error nothing
/// is left appended.
pub fn write_flattened<T: ?Sized + Serialize>(
    out: &mut Vec<u8>,
    value: &T,
    members: &mut Flattened,
) -> Result<(), serde_json::Error> {
    let start = out.len();
    let result = value.serialize(Members { out, members });
    if result.is_err() {
        out.truncate(start);
    }
    result
}

/// The members of `value`, in its own order, as entries of `map`, leaving
/// out the names `members` forbids.
pub fn serialize_flattened<M: SerializeMap, T: ?Sized + Serialize>(
    map: &mut M,
    value: &T,
    members: &mut Flattened,
) -> Result<(), M::Error> {
    let json = serde_json::to_vec(value).map_err(M::Error::custom)?;
    let entries: Entries =
        serde_json::from_slice(&json).map_err(|_| M::Error::custom(not_a_map()))?;
    for (key, value) in &entries.0 {
        if members.admit_key(key) {
            map.serialize_entry(key, value)?;
        }
    }
    Ok(())
}

fn not_a_map() -> serde_json::Error {
    serde_json::Error::custom(
        "a #[payload(flatten)] field must serialize as a map with string keys",
    )
}

/// A JSON object's members in document order (serde_json's `Map` sorts
/// them unless its `preserve_order` feature is on).
struct Entries(Vec<(String, serde_json::Value)>);

impl<'de> serde::Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Entries, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// A serializer that accepts a map, a struct or an enum variant holding
/// one, and writes its members straight into the body: no intermediate
/// buffer, every name checked before its value is written.
struct Members<'a> {
    out: &'a mut Vec<u8>,
    members: &'a mut Flattened,
}

/// One member's value, written or skipped.
struct Member<'a> {
    out: &'a mut Vec<u8>,
    members: &'a mut Flattened,
    /// Whether the pending value is written (its name was admitted).
    admitted: bool,
    /// `}` or `]` to close a variant's inner object or array, if admitted.
    close: Option<u8>,
    /// Whether the inner object or array has an element yet.
    first: bool,
    /// serde_json's `RawValue`, whose one field is its JSON text.
    raw: bool,
}

/// The struct names by which serde_json's `RawValue` and (with
/// `arbitrary_precision`) `Number` reach a serializer.
const RAW_VALUE: &str = "$serde_json::private::RawValue";
const NUMBER: &str = "$serde_json::private::Number";

impl<'a> Members<'a> {
    fn member(self) -> Member<'a> {
        Member {
            out: self.out,
            members: self.members,
            admitted: false,
            close: None,
            first: true,
            raw: false,
        }
    }

    /// Opens `"variant":{` or `"variant":[` for an enum variant's fields.
    fn variant(self, variant: &'static str, open: u8) -> Member<'a> {
        let mut member = self.member();
        member.admitted = member.members.admit(member.out, variant);
        if member.admitted {
            member.out.push(open);
            member.close = Some(if open == b'{' { b'}' } else { b']' });
        }
        member
    }
}

impl Member<'_> {
    fn value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), serde_json::Error> {
        if self.admitted {
            serde_json::to_writer(&mut *self.out, value)?;
        }
        Ok(())
    }

    fn inner<T: ?Sized + Serialize>(
        &mut self,
        key: Option<&str>,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        if !self.admitted {
            return Ok(());
        }
        if !std::mem::take(&mut self.first) {
            self.out.push(b',');
        }
        if let Some(key) = key {
            let _ = serde_json::to_writer(&mut *self.out, key);
            self.out.push(b':');
        }
        serde_json::to_writer(&mut *self.out, value)
    }

    fn end(self) -> Result<(), serde_json::Error> {
        if let Some(close) = self.close {
            self.out.push(close);
        }
        Ok(())
    }
}

macro_rules! not_a_map {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$ok, serde_json::Error> {
            Err(not_a_map())
        }
    )*};
}

impl<'a> ser::Serializer for Members<'a> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = ser::Impossible<(), serde_json::Error>;
    type SerializeTuple = ser::Impossible<(), serde_json::Error>;
    type SerializeTupleStruct = ser::Impossible<(), serde_json::Error>;
    type SerializeTupleVariant = Member<'a>;
    type SerializeMap = Member<'a>;
    type SerializeStruct = Member<'a>;
    type SerializeStructVariant = Member<'a>;

    not_a_map! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_i64(i64) -> ();
        serialize_i128(i128) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_u64(u64) -> ();
        serialize_u128(u128) -> ();
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_char(char) -> ();
        serialize_str(&str) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), serde_json::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        let mut member = self.member();
        member.admitted = member.members.admit(member.out, variant);
        member.value(value)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Member<'a>, serde_json::Error> {
        Ok(self.variant(variant, b'['))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Member<'a>, serde_json::Error> {
        Ok(self.member())
    }

    fn serialize_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> Result<Member<'a>, serde_json::Error> {
        if name == NUMBER {
            return Err(not_a_map());
        }
        let mut member = self.member();
        member.raw = name == RAW_VALUE;
        Ok(member)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Member<'a>, serde_json::Error> {
        Ok(self.variant(variant, b'{'))
    }
}

impl SerializeMap for Member<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), serde_json::Error> {
        self.admitted = key.serialize(Key {
            out: self.out,
            members: self.members,
        })?;
        Ok(())
    }

    fn serialize_value<T: ?Sized + Serialize>(
        &mut self,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        self.value(value)
    }

    fn end(self) -> Result<(), serde_json::Error> {
        Member::end(self)
    }
}

impl ser::SerializeStruct for Member<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        if self.raw {
            // The raw JSON text: its members, each admitted by name.
            let text = value.serialize(KeyString)?;
            let entries: Entries = serde_json::from_str(&text).map_err(|_| not_a_map())?;
            for (key, value) in &entries.0 {
                self.admitted = self.members.admit(self.out, key);
                self.value(value)?;
            }
            return Ok(());
        }
        self.admitted = self.members.admit(self.out, key);
        self.value(value)
    }

    fn end(self) -> Result<(), serde_json::Error> {
        Member::end(self)
    }
}

impl ser::SerializeStructVariant for Member<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        self.inner(Some(key), value)
    }

    fn end(self) -> Result<(), serde_json::Error> {
        Member::end(self)
    }
}

impl ser::SerializeTupleVariant for Member<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        self.inner(None, value)
    }

    fn end(self) -> Result<(), serde_json::Error> {
        Member::end(self)
    }
}

/// A map key, as serde_json accepts one: a string, or a number, boolean
/// or char written as one. Admits or refuses the name; `Ok(true)` means
/// the value is to be written. A string key is checked where it lies; other
/// keys are first made text by [`KeyString`].
struct Key<'a> {
    out: &'a mut Vec<u8>,
    members: &'a mut Flattened,
}

/// Forwards every `Serializer` method but the listed ones to
/// [`KeyString`], then admits the text.
macro_rules! through_key_string {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method(self, $($arg: $ty),*) -> Result<bool, serde_json::Error> {
            let key = ser::Serializer::$method(KeyString, $($arg),*)?;
            Ok(self.members.admit(self.out, &key))
        }
    )*};
}

/// The methods of a key serializer that refuse what is not a key.
macro_rules! not_a_key {
    ($ok:ty; $($method:ident($($ty:ty),*) -> $ret:ty;)*) => {$(
        fn $method(self, $(_: $ty),*) -> Result<$ret, serde_json::Error> {
            Err(key_must_be_a_string())
        }
    )*};
}

/// Every kind of key except strings and what forwards to them.
macro_rules! not_a_key_all {
    ($ok:ty) => {
        not_a_key! { $ok;
            serialize_bytes(&[u8]) -> $ok;
            serialize_none() -> $ok;
            serialize_unit() -> $ok;
            serialize_unit_struct(&'static str) -> $ok;
            serialize_seq(Option<usize>) -> Self::SerializeSeq;
            serialize_tuple(usize) -> Self::SerializeTuple;
            serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
            serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
            serialize_map(Option<usize>) -> Self::SerializeMap;
            serialize_struct(&'static str, usize) -> Self::SerializeStruct;
            serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
        }

        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<$ok, serde_json::Error> {
            Err(key_must_be_a_string())
        }

        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            value: &T,
        ) -> Result<$ok, serde_json::Error> {
            value.serialize(self)
        }
    };
}

fn key_must_be_a_string() -> serde_json::Error {
    serde_json::Error::custom(
        "a map key in an error body must be a string, an integer, a finite float, a bool or a char",
    )
}

/// A finite float key, in serde_json's text for it.
fn float_key(
    value: f64,
    text: Result<String, serde_json::Error>,
) -> Result<String, serde_json::Error> {
    if value.is_finite() {
        text
    } else {
        Err(serde_json::Error::custom("a float map key must be finite"))
    }
}

impl ser::Serializer for Key<'_> {
    type Ok = bool;
    type Error = serde_json::Error;
    type SerializeSeq = ser::Impossible<bool, serde_json::Error>;
    type SerializeTuple = ser::Impossible<bool, serde_json::Error>;
    type SerializeTupleStruct = ser::Impossible<bool, serde_json::Error>;
    type SerializeTupleVariant = ser::Impossible<bool, serde_json::Error>;
    type SerializeMap = ser::Impossible<bool, serde_json::Error>;
    type SerializeStruct = ser::Impossible<bool, serde_json::Error>;
    type SerializeStructVariant = ser::Impossible<bool, serde_json::Error>;

    fn serialize_str(self, v: &str) -> Result<bool, serde_json::Error> {
        Ok(self.members.admit(self.out, v))
    }

    through_key_string! {
        serialize_char(v: char);
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<bool, serde_json::Error> {
        value.serialize(self)
    }

    not_a_key_all!(bool);
}

/// `KeyString`'s integer keys: their decimal text.
macro_rules! integer_keys {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<String, serde_json::Error> {
            Ok(itoa::Buffer::new().format(v).to_owned())
        }
    )*};
}

/// A map key as text, the way serde_json writes one: a string as it is,
/// an integer, boolean or char as its text, a unit variant as its name.
struct KeyString;

impl ser::Serializer for KeyString {
    type Ok = String;
    type Error = serde_json::Error;
    type SerializeSeq = ser::Impossible<String, serde_json::Error>;
    type SerializeTuple = ser::Impossible<String, serde_json::Error>;
    type SerializeTupleStruct = ser::Impossible<String, serde_json::Error>;
    type SerializeTupleVariant = ser::Impossible<String, serde_json::Error>;
    type SerializeMap = ser::Impossible<String, serde_json::Error>;
    type SerializeStruct = ser::Impossible<String, serde_json::Error>;
    type SerializeStructVariant = ser::Impossible<String, serde_json::Error>;

    fn serialize_str(self, v: &str) -> Result<String, serde_json::Error> {
        Ok(v.to_owned())
    }
    fn serialize_char(self, v: char) -> Result<String, serde_json::Error> {
        Ok(v.to_string())
    }
    fn serialize_bool(self, v: bool) -> Result<String, serde_json::Error> {
        Ok(v.to_string())
    }
    integer_keys!(
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
    );
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, serde_json::Error> {
        Ok(variant.to_owned())
    }
    fn serialize_f32(self, v: f32) -> Result<String, serde_json::Error> {
        float_key(f64::from(v), serde_json::to_string(&v))
    }
    fn serialize_f64(self, v: f64) -> Result<String, serde_json::Error> {
        float_key(v, serde_json::to_string(&v))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<String, serde_json::Error> {
        value.serialize(self)
    }

    not_a_key_all!(String);
}

/// The default body of a hand implementation: `{"message": ..}` and then
/// its payload, where a member named `message` or named twice is left out.
pub fn serialize_default_body<E, S>(error: &E, serializer: S) -> Result<S::Ok, S::Error>
where
    E: ?Sized + crate::HttpError,
    S: ser::Serializer,
{
    if !crate::rules::has_body(error.status().as_u16()) {
        return serializer.serialize_map(Some(0))?.end();
    }
    let mut map = serializer.serialize_map(None)?;
    map.serialize_entry("message", &*error.message())?;
    let mut members = Flattened::new(&["message"]);
    error.serialize_payload(&mut Unique {
        map: &mut map,
        members: &mut members,
        key: None,
    })?;
    // Under a request-id layer, the request's id, unless the payload has
    // its key.
    if let Some(context) = crate::context::current() {
        let key = context.config.member.as_ref();
        if key != "message" && !members.seen.contains(key) {
            map.serialize_entry(key, context.id.as_str())?;
        }
    }
    members.finish(error.code());
    map.end()
}

/// A map that passes on each entry whose name the body does not have yet.
struct Unique<'a, M> {
    map: &'a mut M,
    members: &'a mut Flattened,
    /// The admitted name whose value comes next.
    key: Option<String>,
}

impl<M: SerializeMap> SerializeMap for Unique<'_, M> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), M::Error> {
        let key = key.serialize(KeyString).map_err(M::Error::custom)?;
        self.key = self.members.admit_key(&key).then_some(key);
        Ok(())
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), M::Error> {
        match self.key.take() {
            Some(key) => self.map.serialize_entry(&key, value),
            None => Ok(()),
        }
    }

    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serializer;

    use super::*;

    const RESERVED: &[&str] = &["message", "code", "id"];

    fn write<T: Serialize>(values: &[&T]) -> (String, Vec<String>) {
        let mut out = b"{\"message\":\"m\"".to_vec();
        let mut members = Flattened::new(RESERVED);
        for value in values {
            write_flattened(&mut out, *value, &mut members).unwrap();
        }
        out.push(b'}');
        (String::from_utf8(out).unwrap(), members.dropped().to_vec())
    }

    #[test]
    fn members_are_spliced_in_order() {
        let map: BTreeMap<&str, u8> = [("a", 1), ("b", 2)].into();
        let empty = BTreeMap::<&str, u8>::new();
        assert_eq!(write(&[&map, &empty]).0, r#"{"message":"m","a":1,"b":2}"#);
    }

    #[test]
    fn reserved_and_repeated_names_are_left_out() {
        let first: BTreeMap<&str, u8> = [("code", 8), ("message", 7), ("x", 1)].into();
        let second: BTreeMap<&str, u8> = [("id", 3), ("x", 2), ("y", 4)].into();
        let (body, dropped) = write(&[&first, &second]);
        assert_eq!(body, r#"{"message":"m","x":1,"y":4}"#);
        assert_eq!(dropped, ["code", "message", "id", "x"]);
    }

    #[test]
    fn structs_variants_and_non_string_keys() {
        #[derive(Serialize)]
        struct S {
            message: u8,
            a: u8,
            #[serde(rename = "a")]
            again: u8,
        }
        #[derive(Serialize)]
        enum E {
            V { message: u8, b: u8 },
            T(u8, u8),
            N(u8),
        }
        assert_eq!(
            write(&[&S {
                message: 1,
                a: 2,
                again: 3
            }])
            .0,
            r#"{"message":"m","a":2}"#
        );
        assert_eq!(
            write(&[&E::V { message: 1, b: 2 }, &E::T(1, 2), &E::N(3)]).0,
            r#"{"message":"m","V":{"message":1,"b":2},"T":[1,2],"N":3}"#
        );
        let numbers: BTreeMap<i32, bool> = [(-1, true), (2, false)].into();
        assert_eq!(
            write(&[&numbers]).0,
            r#"{"message":"m","-1":true,"2":false}"#
        );
    }

    #[test]
    fn a_large_map_and_a_repeat_past_the_linear_scan() {
        let map: BTreeMap<String, usize> = (0..100).map(|i| (format!("k{i}"), i)).collect();
        let again: BTreeMap<String, usize> = [("k99".to_owned(), 0), ("new".to_owned(), 1)].into();
        let (body, dropped) = write(&[&map, &again]);
        let parsed: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&body).unwrap();
        assert_eq!(parsed.len(), 102);
        assert_eq!(parsed["k99"], 99);
        assert!(body.ends_with(r#""k99":99,"new":1}"#));
        assert_eq!(dropped, ["k99"]);
    }

    #[test]
    fn a_non_map_fails_and_leaves_nothing() {
        let mut out = b"{\"message\":\"m\"".to_vec();
        let mut members = Flattened::new(RESERVED);
        assert!(write_flattened(&mut out, &5, &mut members).is_err());
        assert!(write_flattened(&mut out, "text", &mut members).is_err());
        assert!(write_flattened(&mut out, &[1, 2], &mut members).is_err());
        assert!(
            write_flattened(&mut out, &Option::<BTreeMap<u8, u8>>::None, &mut members).is_err()
        );
        let nested: BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        assert!(write_flattened(&mut out, &nested, &mut members).is_err());
        assert_eq!(out, b"{\"message\":\"m\"");
    }

    /// Keys of every kind serde_json takes, written as serde_json writes
    /// them, by both paths.
    #[test]
    fn keys_as_serde_json_writes_them() {
        struct Keys;
        impl Serialize for Keys {
            fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                map.serialize_entry(&1.5f64, &1)?;
                map.serialize_entry(&-2.0f32, &2)?;
                map.serialize_entry(&Some("s"), &3)?;
                map.serialize_entry(&'c', &4)?;
                map.serialize_entry(&true, &5)?;
                map.serialize_entry(&-3i8, &6)?;
                map.serialize_entry(&u128::MAX, &7)?;
                map.end()
            }
        }
        let whole = serde_json::to_string(&Keys).unwrap();
        let expected = format!("{{\"message\":\"m\",{}", &whole[1..]);
        assert_eq!(write(&[&Keys]).0, expected);
        let mut members = Flattened::new(RESERVED);
        let mut map = serde_json::value::Serializer.serialize_map(None).unwrap();
        serialize_flattened(&mut map, &Keys, &mut members).unwrap();
        let value = SerializeMap::end(map).unwrap();
        assert_eq!(
            value,
            serde_json::from_str::<serde_json::Value>(&whole).unwrap()
        );

        struct NotFinite;
        impl Serialize for NotFinite {
            fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                map.serialize_entry(&f64::NAN, &1)?;
                map.end()
            }
        }
        let mut out = Vec::new();
        assert!(write_flattened(&mut out, &NotFinite, &mut Flattened::new(RESERVED)).is_err());
        assert!(out.is_empty());
    }

    /// serde_json's `RawValue` is its JSON text, not a struct with a field.
    #[test]
    fn a_raw_value_is_its_members() {
        let raw = serde_json::value::RawValue::from_string(
            r#"{"message":1,"a":[1,2],"b":{"c":true}}"#.to_owned(),
        )
        .unwrap();
        assert_eq!(
            write(&[&raw]).0,
            r#"{"message":"m","a":[1,2],"b":{"c":true}}"#
        );
        let number = serde_json::value::RawValue::from_string("5".to_owned()).unwrap();
        let mut out = Vec::new();
        assert!(write_flattened(&mut out, &number, &mut Flattened::new(RESERVED)).is_err());
    }

    #[test]
    fn the_serde_view_leaves_out_the_same_names() {
        let first: BTreeMap<&str, u8> = [("code", 8), ("message", 7), ("x", 1)].into();
        let second: BTreeMap<&str, u8> = [("id", 3), ("x", 2), ("y", 4)].into();
        let mut members = Flattened::new(RESERVED);
        let mut map = serde_json::value::Serializer.serialize_map(None).unwrap();
        map.serialize_entry("message", "m").unwrap();
        serialize_flattened(&mut map, &first, &mut members).unwrap();
        serialize_flattened(&mut map, &second, &mut members).unwrap();
        let value = SerializeMap::end(map).unwrap();
        assert_eq!(value, serde_json::json!({"message": "m", "x": 1, "y": 4}));
        assert_eq!(members.dropped(), ["code", "message", "id", "x"]);
    }
}
