//! Rules the derive applies at compile time and the runtime applies to
//! hand implementations and `Abort`, generated from the derive's own
//! definitions so the two crates cannot disagree.

httperror_macros::__runtime_rules!();

/// A name a server gives a field: letters, digits, `_` and `-`, at most 64
/// bytes. A field path repeats a key only where it is one.
#[cfg_attr(
    not(any(
        feature = "axum",
        feature = "actix-web",
        feature = "validator",
        feature = "garde"
    )),
    allow(dead_code)
)]
pub(crate) fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_escaper_agrees_with_the_macro_s() {
        assert!(JSON_ESCAPES.len() > 128);
        for (text, escaped) in JSON_ESCAPES {
            let mut out = vec![b'"'];
            crate::__private::escape_into(&mut out, text);
            out.push(b'"');
            assert_eq!(std::str::from_utf8(&out).unwrap(), *escaped, "{text:?}");
            assert_eq!(serde_json::to_string(text).unwrap(), *escaped, "{text:?}");
        }
    }

    #[test]
    fn the_rules_read_as_http_s() {
        for code in 100..=999u16 {
            let status = http::StatusCode::from_u16(code).unwrap();
            let registered = SNAKE_CASE_REASONS.binary_search_by_key(&code, |&(c, _)| c);
            assert_eq!(
                registered.is_ok(),
                status.canonical_reason().is_some(),
                "{code}"
            );
            assert_eq!(
                has_body(code),
                !(status.is_informational() || matches!(code, 204 | 205 | 304)),
                "{code}"
            );
        }
        assert_eq!(
            INTERNAL_ERROR_BODY,
            br#"{"message":"Internal Server Error"}"#
        );
    }
}
