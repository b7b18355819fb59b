//! Statuses and headers the generated code writes.

use std::fmt;

use http::StatusCode;
use http::header::{HeaderMap, HeaderName, HeaderValue};

/// A status code the macro has already checked to be in 100..=999; called in
/// a `const` block, so it costs nothing at run time and cannot fail there.
pub const fn status(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => panic!("status code out of 100..=999"),
    }
}

/// Appends a header whose value the macro has checked.
#[inline]
pub fn append_fixed_header(headers: &mut HeaderMap, name: HeaderName, value: HeaderValue) {
    headers.append(name, value);
}

/// Appends a header whose value is a field's `Display`, unless that value
/// is not a valid header value (CR, LF, other control bytes): such a value
/// is dropped, never sent, so a field can never inject a header.
pub fn append_header<T: ?Sized + fmt::Display>(
    headers: &mut HeaderMap,
    name: HeaderName,
    value: &T,
) {
    let mut text = StackText::new();
    if fmt::Write::write_fmt(&mut text, format_args!("{value}")).is_err() {
        return;
    }
    if let Ok(value) = HeaderValue::from_bytes(text.as_bytes()) {
        headers.append(name, value);
    }
}

/// Formatted text on the stack, spilling to the heap past 64 bytes: a
/// header value costs one allocation, its own.
struct StackText {
    inline: [u8; 64],
    len: usize,
    spilled: Option<Vec<u8>>,
}

impl StackText {
    fn new() -> Self {
        StackText {
            inline: [0; 64],
            len: 0,
            spilled: None,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match &self.spilled {
            Some(spilled) => spilled,
            None => &self.inline[..self.len],
        }
    }
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if let Some(spilled) = &mut self.spilled {
            spilled.extend_from_slice(s.as_bytes());
        } else if let Some(free) = self.inline.get_mut(self.len..self.len + s.len()) {
            free.copy_from_slice(s.as_bytes());
            self.len += s.len();
        } else {
            let mut spilled = self.inline[..self.len].to_vec();
            spilled.extend_from_slice(s.as_bytes());
            self.spilled = Some(spilled);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_long_and_short() {
        let mut headers = HeaderMap::new();
        append_header(&mut headers, HeaderName::from_static("x-short"), &42u32);
        let long = "v".repeat(200);
        append_header(&mut headers, HeaderName::from_static("x-long"), &long);
        append_header(&mut headers, HeaderName::from_static("x-bad"), "a\r\nb");
        assert_eq!(headers["x-short"], "42");
        assert_eq!(headers["x-long"], long.as_str());
        assert!(headers.get("x-bad").is_none());
    }
}
