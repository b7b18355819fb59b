//! Writing bodies: JSON text from the macro's static fragments and the
//! dynamic values, escaped exactly as serde_json escapes.

use std::cell::Cell;
use std::fmt;

use bytes::Bytes;
use serde::Serialize;
use serde::ser::Error as _;

/// Renders a public message. A `Display` implementation that returns an
/// error leaves what it wrote so far instead of panicking as `format!` would.
pub fn format_message(args: fmt::Arguments<'_>) -> String {
    if let Some(s) = args.as_str() {
        return s.to_owned();
    }
    let mut out = String::new();
    let _ = fmt::Write::write_fmt(&mut out, args);
    out
}

/// Writes formatted text into a JSON string, escaping as it goes, without
/// an intermediate `String`.
pub fn write_fmt(out: &mut Vec<u8>, args: fmt::Arguments<'_>) -> Result<(), serde_json::Error> {
    fmt::Write::write_fmt(&mut JsonStr(out), args)
        .map_err(|_| serde_json::Error::custom("a Display implementation returned an error"))
}

/// Appends `value` as JSON.
#[inline]
pub fn write_value<T: ?Sized + Serialize>(
    out: &mut Vec<u8>,
    value: &T,
) -> Result<(), serde_json::Error> {
    serde_json::to_writer(out, value)
}

/// Writes a text/plain body: the formatted text as it is.
pub fn write_text(out: &mut Vec<u8>, args: fmt::Arguments<'_>) -> Result<(), serde_json::Error> {
    match args.as_str() {
        Some(text) => {
            out.extend_from_slice(text.as_bytes());
            Ok(())
        }
        None => fmt::Write::write_fmt(&mut Text(out), args)
            .map_err(|_| serde_json::Error::custom("a Display implementation returned an error")),
    }
}

/// Writes formatted text as it is (`std::io::Write::write_fmt` would
/// panic on a `Display` that fails).
struct Text<'a>(&'a mut Vec<u8>);

impl fmt::Write for Text<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Drops the comma at `at`: a body without a head member writes a comma
/// before each payload member, since which comes first is known only at
/// run time.
#[inline]
pub fn drop_leading_comma(out: &mut Vec<u8>, at: usize) {
    if out.get(at) == Some(&b',') {
        out.remove(at);
    }
}

/// The members inside a body's envelope, as serde sees them: the derive's
/// `serialize_body` writes `{"error": Members(self)}`.
pub struct Members<'a, E: ?Sized>(pub &'a E);

impl<E: ?Sized + crate::HttpError> Serialize for Members<'_, E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_members(serializer)
    }
}

/// Writes into a JSON string's contents, escaping exactly as serde_json
/// does, so static fragments from the macro and dynamic text read alike.
struct JsonStr<'a>(&'a mut Vec<u8>);

impl fmt::Write for JsonStr<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s);
        Ok(())
    }
}

/// Appends `s` escaped for the inside of a JSON string.
pub fn escape_into(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let escape = ESCAPE[byte as usize];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        match escape {
            b'u' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(byte >> 4) as usize],
                    HEX[(byte & 0xF) as usize],
                ]);
            }
            other => out.extend_from_slice(&[b'\\', other]),
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// For each byte: 0 if written as is, else the letter after the backslash
/// (`u` for `\u00XX`). serde_json's table.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        table[i] = b'u';
        i += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Values the derive writes without serde's serializer: integers with
/// `itoa`, strings with the escaper. Implemented through references, so a
/// field bound as `&&str` or `&u64` writes the same.
pub trait JsonValue {
    /// Appends the value as JSON.
    fn write_json(&self, out: &mut Vec<u8>);

    /// Appends the value as it reads inside a JSON string (a message).
    fn write_json_unquoted(&self, out: &mut Vec<u8>);
}

macro_rules! json_integers {
    ($($ty:ty),*) => {$(
        impl JsonValue for $ty {
            #[inline]
            fn write_json(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(itoa::Buffer::new().format(*self).as_bytes());
            }

            #[inline]
            fn write_json_unquoted(&self, out: &mut Vec<u8>) {
                self.write_json(out);
            }
        }
    )*};
}

json_integers!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

impl JsonValue for str {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        out.reserve(self.len() + 2);
        out.push(b'"');
        escape_into(out, self);
        out.push(b'"');
    }

    #[inline]
    fn write_json_unquoted(&self, out: &mut Vec<u8>) {
        escape_into(out, self);
    }
}

/// Strings and pointers write what they dereference to.
macro_rules! json_through_deref {
    ($(impl [$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<$($generics)*> JsonValue for $ty {
            #[inline]
            fn write_json(&self, out: &mut Vec<u8>) {
                (**self).write_json(out);
            }

            #[inline]
            fn write_json_unquoted(&self, out: &mut Vec<u8>) {
                (**self).write_json_unquoted(out);
            }
        }
    )*};
}

json_through_deref!(
    impl[] String,
    impl['a] std::borrow::Cow<'a, str>,
    impl[T: ?Sized + JsonValue] &T,
    impl[T: ?Sized + JsonValue] Box<T>,
    impl[T: ?Sized + JsonValue] std::rc::Rc<T>,
    impl[T: ?Sized + JsonValue] std::sync::Arc<T>,
);

/// A field the derive writes into a body, by [`JsonValue`] where its type
/// has it, else by serde (a value) or `Display` (text in a message). The
/// derive picks the direct way for integers and strings by their syntax;
/// method resolution (`(&&Direct(v)).write_value(out)`: the `&Direct`
/// impls are tried first) makes that safe for a user's own type that
/// happens to be named `String` or `u64`.
pub struct Direct<'a, T: ?Sized>(pub &'a T);

/// [`Direct`]'s first choice for a value.
pub trait ValueViaJson {
    fn write_value(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error>;
}

impl<T: ?Sized + JsonValue> ValueViaJson for &Direct<'_, T> {
    #[inline]
    fn write_value(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        self.0.write_json(out);
        Ok(())
    }
}

/// [`Direct`]'s second choice for a value.
pub trait ValueViaSerde {
    fn write_value(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error>;
}

impl<T: ?Sized + Serialize> ValueViaSerde for Direct<'_, T> {
    #[inline]
    fn write_value(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        write_value(out, self.0)
    }
}

/// [`Direct`]'s first choice for text in a message.
pub trait TextViaJson {
    fn write_text(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error>;
}

impl<T: ?Sized + JsonValue> TextViaJson for &Direct<'_, T> {
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        self.0.write_json_unquoted(out);
        Ok(())
    }
}

/// [`Direct`]'s second choice for text in a message.
pub trait TextViaDisplay {
    fn write_text(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error>;
}

impl<T: ?Sized + fmt::Display> TextViaDisplay for Direct<'_, T> {
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        write_fmt(out, format_args!("{}", self.0))
    }
}

/// A dynamic body as `Bytes` with one allocation: written into a reused
/// per-thread buffer, then copied into an allocation of exactly its size
/// (`Bytes` from a `Vec` with spare capacity would allocate again).
/// The error's body as [`HttpError::write_json`](crate::HttpError::write_json)
/// writes it, through [`json_body`]'s buffer: one instance per type, called
/// from every arm of a derived `json_body` that writes its body.
pub fn written_json_body<E: crate::HttpError + ?Sized>(
    error: &E,
) -> Result<Bytes, serde_json::Error> {
    json_body(|out| error.write_json(out))
}

pub fn json_body(
    write: impl FnOnce(&mut Vec<u8>) -> Result<(), serde_json::Error>,
) -> Result<Bytes, serde_json::Error> {
    thread_local! {
        static SCRATCH: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    }
    /// Past this, the buffer is given back instead of kept for the thread.
    const KEEP: usize = 16 * 1024;
    // Taken out while in use: a payload whose `Serialize` renders another
    // error's body finds the slot empty and writes into a buffer of its own.
    let mut buffer = SCRATCH.try_with(Cell::take).unwrap_or_default();
    buffer.clear();
    let result = write(&mut buffer).map(|()| Bytes::copy_from_slice(&buffer));
    if buffer.capacity() <= KEEP {
        let _ = SCRATCH.try_with(|slot| slot.set(buffer));
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_matches_serde_json() {
        let mut all = String::new();
        for c in (0u32..0x80).chain([0x2028, 0x2029, 0x1F600, 0xE9]) {
            all.push(char::from_u32(c).unwrap());
        }
        for s in [all.as_str(), "", "plain", "a\"b\\c\nd"] {
            let mut out = vec![b'"'];
            escape_into(&mut out, s);
            out.push(b'"');
            assert_eq!(out, serde_json::to_vec(s).unwrap());
        }
    }

    #[test]
    fn direct_writers_match_serde_json() {
        fn direct<T: JsonValue + ?Sized>(value: &T) -> Vec<u8> {
            let mut out = Vec::new();
            value.write_json(&mut out);
            out
        }
        assert_eq!(direct(&u64::MAX), serde_json::to_vec(&u64::MAX).unwrap());
        assert_eq!(direct(&i64::MIN), serde_json::to_vec(&i64::MIN).unwrap());
        assert_eq!(direct(&u128::MAX), serde_json::to_vec(&u128::MAX).unwrap());
        assert_eq!(direct(&0u8), b"0");
        let s = "q\"\\\n\u{1}\u{2028}😀";
        assert_eq!(direct(s), serde_json::to_vec(s).unwrap());
        assert_eq!(direct(&&&String::from(s)), serde_json::to_vec(s).unwrap());
        assert_eq!(
            direct(&std::sync::Arc::<str>::from(s)),
            serde_json::to_vec(s).unwrap()
        );
    }

    #[test]
    fn json_body_is_exact_and_reentrant() {
        let body = json_body(|out| {
            out.extend_from_slice(b"{\"a\":");
            // Another body rendered from inside this one uses its own buffer.
            let inner = json_body(|out| {
                out.extend_from_slice(b"1");
                Ok(())
            })?;
            out.extend_from_slice(&inner);
            out.push(b'}');
            Ok(())
        })
        .unwrap();
        assert_eq!(body.as_ref(), b"{\"a\":1}");
        assert!(json_body(|_| Err(serde_json::Error::custom("no"))).is_err());
        let big = json_body(|out| {
            out.resize(100_000, b' ');
            Ok(())
        })
        .unwrap();
        assert_eq!(big.len(), 100_000);
    }

    #[test]
    fn broken_display_does_not_panic() {
        struct Broken;
        impl fmt::Display for Broken {
            fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("partial")?;
                Err(fmt::Error)
            }
        }
        assert_eq!(format_message(format_args!("{}", Broken)), "partial");
        assert!(write_fmt(&mut Vec::new(), format_args!("{}", Broken)).is_err());
    }
}
