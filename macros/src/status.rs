//! The status table: names and reason phrases of the registered codes.
//!
//! This is `http::StatusCode`'s own table (its associated constants and
//! `canonical_reason`), so `#[status(NOT_FOUND)]` resolves exactly as
//! `StatusCode::NOT_FOUND` would, and "registered" means "has a canonical
//! reason in `http`". A unit test checks the two tables agree.

/// `(code, constant name, canonical reason phrase)`, sorted by code.
pub const TABLE: &[(u16, &str, &str)] = &[
    (100, "CONTINUE", "Continue"),
    (101, "SWITCHING_PROTOCOLS", "Switching Protocols"),
    (102, "PROCESSING", "Processing"),
    (103, "EARLY_HINTS", "Early Hints"),
    (200, "OK", "OK"),
    (201, "CREATED", "Created"),
    (202, "ACCEPTED", "Accepted"),
    (
        203,
        "NON_AUTHORITATIVE_INFORMATION",
        "Non Authoritative Information",
    ),
    (204, "NO_CONTENT", "No Content"),
    (205, "RESET_CONTENT", "Reset Content"),
    (206, "PARTIAL_CONTENT", "Partial Content"),
    (207, "MULTI_STATUS", "Multi-Status"),
    (208, "ALREADY_REPORTED", "Already Reported"),
    (226, "IM_USED", "IM Used"),
    (300, "MULTIPLE_CHOICES", "Multiple Choices"),
    (301, "MOVED_PERMANENTLY", "Moved Permanently"),
    (302, "FOUND", "Found"),
    (303, "SEE_OTHER", "See Other"),
    (304, "NOT_MODIFIED", "Not Modified"),
    (305, "USE_PROXY", "Use Proxy"),
    (307, "TEMPORARY_REDIRECT", "Temporary Redirect"),
    (308, "PERMANENT_REDIRECT", "Permanent Redirect"),
    (400, "BAD_REQUEST", "Bad Request"),
    (401, "UNAUTHORIZED", "Unauthorized"),
    (402, "PAYMENT_REQUIRED", "Payment Required"),
    (403, "FORBIDDEN", "Forbidden"),
    (404, "NOT_FOUND", "Not Found"),
    (405, "METHOD_NOT_ALLOWED", "Method Not Allowed"),
    (406, "NOT_ACCEPTABLE", "Not Acceptable"),
    (
        407,
        "PROXY_AUTHENTICATION_REQUIRED",
        "Proxy Authentication Required",
    ),
    (408, "REQUEST_TIMEOUT", "Request Timeout"),
    (409, "CONFLICT", "Conflict"),
    (410, "GONE", "Gone"),
    (411, "LENGTH_REQUIRED", "Length Required"),
    (412, "PRECONDITION_FAILED", "Precondition Failed"),
    (413, "PAYLOAD_TOO_LARGE", "Payload Too Large"),
    (414, "URI_TOO_LONG", "URI Too Long"),
    (415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type"),
    (416, "RANGE_NOT_SATISFIABLE", "Range Not Satisfiable"),
    (417, "EXPECTATION_FAILED", "Expectation Failed"),
    (418, "IM_A_TEAPOT", "I'm a teapot"),
    (421, "MISDIRECTED_REQUEST", "Misdirected Request"),
    (422, "UNPROCESSABLE_ENTITY", "Unprocessable Entity"),
    (423, "LOCKED", "Locked"),
    (424, "FAILED_DEPENDENCY", "Failed Dependency"),
    (425, "TOO_EARLY", "Too Early"),
    (426, "UPGRADE_REQUIRED", "Upgrade Required"),
    (428, "PRECONDITION_REQUIRED", "Precondition Required"),
    (429, "TOO_MANY_REQUESTS", "Too Many Requests"),
    (
        431,
        "REQUEST_HEADER_FIELDS_TOO_LARGE",
        "Request Header Fields Too Large",
    ),
    (
        451,
        "UNAVAILABLE_FOR_LEGAL_REASONS",
        "Unavailable For Legal Reasons",
    ),
    (500, "INTERNAL_SERVER_ERROR", "Internal Server Error"),
    (501, "NOT_IMPLEMENTED", "Not Implemented"),
    (502, "BAD_GATEWAY", "Bad Gateway"),
    (503, "SERVICE_UNAVAILABLE", "Service Unavailable"),
    (504, "GATEWAY_TIMEOUT", "Gateway Timeout"),
    (
        505,
        "HTTP_VERSION_NOT_SUPPORTED",
        "HTTP Version Not Supported",
    ),
    (506, "VARIANT_ALSO_NEGOTIATES", "Variant Also Negotiates"),
    (507, "INSUFFICIENT_STORAGE", "Insufficient Storage"),
    (508, "LOOP_DETECTED", "Loop Detected"),
    (510, "NOT_EXTENDED", "Not Extended"),
    (
        511,
        "NETWORK_AUTHENTICATION_REQUIRED",
        "Network Authentication Required",
    ),
];

pub fn reason(code: u16) -> Option<&'static str> {
    TABLE
        .binary_search_by_key(&code, |&(c, _, _)| c)
        .ok()
        .map(|i| TABLE[i].2)
}

pub fn by_name(name: &str) -> Option<u16> {
    TABLE
        .iter()
        .find(|&&(_, n, _)| n == name)
        .map(|&(c, _, _)| c)
}

/// The registered name closest to a misspelled one, if any is close enough
/// to be what the user meant (`crate::suggest`'s rule).
pub fn suggest(name: &str) -> Option<&'static str> {
    crate::suggest::closest(name, TABLE.iter().map(|&(_, n, _)| n))
}

/// Statuses that cannot carry content (RFC 9110 §15.2, §15.3.5, §15.3.6,
/// §15.4.5): inclusive ranges, with the reason for the diagnostic. The
/// runtime's `has_body` is generated from this list (`crate::rules`).
pub const NO_CONTENT: &[(u16, u16, &str)] = &[
    (
        100,
        199,
        "RFC 9110 §15.2: a 1xx (informational) response cannot carry content",
    ),
    (
        204,
        204,
        "RFC 9110 §15.3.5: a 204 (No Content) response cannot carry content",
    ),
    (
        205,
        205,
        "RFC 9110 §15.3.6: a 205 (Reset Content) response cannot carry content",
    ),
    (
        304,
        304,
        "RFC 9110 §15.4.5: a 304 (Not Modified) response cannot carry content",
    ),
];

/// Why `code` cannot carry content, if it cannot.
pub fn forbids_content(code: u16) -> Option<&'static str> {
    NO_CONTENT
        .iter()
        .find(|&&(low, high, _)| (low..=high).contains(&code))
        .map(|&(.., why)| why)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_http_s_table() {
        for code in 100..=999u16 {
            let ours = reason(code);
            let theirs = http::StatusCode::from_u16(code).unwrap().canonical_reason();
            assert_eq!(ours, theirs, "reason of {code}");
        }
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0), "sorted by code");
    }

    #[test]
    fn names_resolve_like_http_constants() {
        assert_eq!(
            by_name("NOT_FOUND"),
            Some(http::StatusCode::NOT_FOUND.as_u16())
        );
        assert_eq!(
            by_name("INSUFFICIENT_STORAGE"),
            Some(http::StatusCode::INSUFFICIENT_STORAGE.as_u16())
        );
        assert_eq!(by_name("NOT_A_STATUS"), None);
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("NOT_FUOND"), Some("NOT_FOUND"));
        assert_eq!(suggest("INSUFICIENT_STORAGE"), Some("INSUFFICIENT_STORAGE"));
        assert_eq!(suggest("NotFound"), Some("NOT_FOUND"));
        assert_eq!(suggest("too_many_requests"), Some("TOO_MANY_REQUESTS"));
        assert_eq!(suggest("BANANA"), None);
    }
}
