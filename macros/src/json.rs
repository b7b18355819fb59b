//! JSON text produced at compile time: the static fragments of a body.

/// Appends `s` as the inside of a JSON string, escaped exactly as
/// serde_json escapes it (the runtime's escaper follows the same table, so
/// static and dynamic parts of one body read alike).
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
}

/// `s` as a complete JSON string literal, quotes included.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    escape_into(&mut out, s);
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_as_serde_json_does() {
        let mut all = String::new();
        for c in (0u32..0x80).chain([0x2028, 0x2029, 0x1F600]) {
            all.push(char::from_u32(c).unwrap());
        }
        for s in [
            all.as_str(),
            "",
            "plain",
            "quote \" and \\ backslash",
            "é ✓",
        ] {
            assert_eq!(super::string(s), serde_json::to_string(s).unwrap());
        }
    }
}
