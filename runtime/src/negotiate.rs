//! Content negotiation of an error's body (RFC 9110 §12.5.1): which of the
//! formats a type offers the request's `Accept` prefers. An error never
//! fails negotiation: where nothing offered is acceptable, or `Accept`
//! cannot be read, the type's own format answers, never a 406 in place of
//! the error.

use http::HeaderValue;

/// The formats a negotiating type offers, by preference: its own JSON
/// format first, then the other, then an HTML page. Which JSON format is
/// its own.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Negotiation {
    /// One format, whatever `Accept` says.
    No,
    /// `application/json` first, then problem details, then HTML.
    Json,
    /// `application/problem+json` first, then JSON, then HTML.
    Problem,
}

/// The format chosen for one response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
// Only the request-id layer reads a request's `Accept`.
#[cfg_attr(not(feature = "request-id"), allow(dead_code))]
pub(crate) enum Format {
    /// The type's own format.
    Own,
    /// The other JSON format: problem details for a JSON type, the JSON
    /// shape for a problem type.
    Other,
    /// An HTML page.
    Html,
}

pub(crate) const JSON: &str = "application/json";
pub(crate) const PROBLEM: &str = "application/problem+json";
pub(crate) const HTML: &str = "text/html; charset=utf-8";

impl Negotiation {
    /// The media type of a format.
    pub(crate) fn media_type(self, format: Format) -> HeaderValue {
        let problem_first = self == Negotiation::Problem;
        HeaderValue::from_static(match format {
            Format::Html => HTML,
            Format::Own if problem_first => PROBLEM,
            Format::Own => JSON,
            Format::Other if problem_first => JSON,
            Format::Other => PROBLEM,
        })
    }
}

/// The format `accept` prefers among those a type offers: for each, the
/// quality of the most specific media range that matches it (`q=0`
/// excludes it); the highest wins, ties going to the type's order. An
/// absent, empty or unreadable `Accept`, or one that accepts nothing
/// offered, gets the type's own format.
#[cfg(not(feature = "request-id"))]
pub(crate) fn choose(_: Negotiation, _: Option<&HeaderValue>) -> Format {
    Format::Own
}

/// See above.
#[cfg(feature = "request-id")]
pub(crate) fn choose(negotiation: Negotiation, accept: Option<&HeaderValue>) -> Format {
    let Some(accept) = accept.and_then(|accept| accept.to_str().ok()) else {
        return Format::Own;
    };
    let (own, other) = match negotiation {
        Negotiation::No => return Format::Own,
        Negotiation::Json => (JSON, PROBLEM),
        Negotiation::Problem => (PROBLEM, JSON),
    };
    let offered = [
        (Format::Own, own),
        (Format::Other, other),
        (Format::Html, "text/html"),
    ];
    let ranges: Vec<(mime::Mime, u16)> = mime::MimeIter::new(accept)
        .filter_map(Result::ok)
        .filter_map(|range| {
            let q = quality(&range)?;
            Some((range, q))
        })
        .collect();
    let mut best = (Format::Own, 0);
    for (format, media_type) in offered {
        let (kind, subtype) = media_type.split_once('/').unwrap_or_default();
        let q = ranges
            .iter()
            .filter_map(|(range, q)| {
                // `essence_str`, not `subtype`: mime reads `problem+json`
                // as the subtype `problem` with the suffix `json`.
                let essence = range.essence_str();
                let (t, s) = essence.split_once('/').unwrap_or_default();
                let specificity = match (t, s) {
                    ("*", "*") => 0,
                    (t, "*") if t == kind => 1,
                    (t, s) if t == kind && s == subtype => 2,
                    _ => return None,
                };
                Some((specificity, *q))
            })
            .max_by_key(|&(specificity, _)| specificity)
            .map_or(0, |(_, q)| q);
        if q > best.1 {
            best = (format, q);
        }
    }
    best.0
}

/// A range's `q` in thousandths (RFC 9110 §12.4.2: `0` to `1`, at most
/// three decimals); 1000 where it has none; `None` where it is not a
/// valid weight, which leaves the range out.
#[cfg(feature = "request-id")]
fn quality(range: &mime::Mime) -> Option<u16> {
    let Some(q) = range.get_param("q") else {
        return Some(1000);
    };
    let q = q.as_str();
    let (whole, fraction) = q.split_once('.').unwrap_or((q, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |n, b| n * 10 + u16::from(b - b'0'));
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(all(test, feature = "request-id"))]
mod tests {
    use super::*;

    fn chosen(negotiation: Negotiation, accept: &str) -> Format {
        choose(negotiation, Some(&HeaderValue::from_str(accept).unwrap()))
    }

    #[test]
    fn prefers_what_accept_weighs_highest() {
        use Format::*;
        let json = Negotiation::Json;
        for (accept, expected) in [
            ("application/json", Own),
            ("application/problem+json", Other),
            ("text/html", Html),
            ("*/*", Own),
            ("application/*", Own),
            ("text/*", Html),
            ("TEXT/HTML", Html),
            // A browser's.
            (
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                Html,
            ),
            ("application/json;q=0.5, application/problem+json", Other),
            ("application/json, application/problem+json;q=0.9", Own),
            // Equal weights: the type's order.
            ("text/html, application/problem+json", Other),
            ("text/html, application/json", Own),
            // The most specific range decides an offer's weight.
            (
                "application/*;q=0.1, application/problem+json;q=0.6, */*;q=0.5",
                Other,
            ),
            ("*/*;q=0.5, text/html;q=0.4", Own),
            // `q=0` excludes.
            ("application/json;q=0, */*", Other),
            (
                "application/json;q=0, application/problem+json;q=0, */*",
                Html,
            ),
            ("*/*, application/*;q=0", Html),
            // Nothing offered is acceptable: the type's own format.
            ("application/json;q=0", Own),
            ("image/png", Own),
            ("application/xml", Own),
            // Unreadable: the type's own format.
            ("", Own),
            ("garbage", Own),
            (";;;,,,", Own),
            ("text/html;q=2", Own),
            ("text/html;q=0.1234", Own),
            ("text/html;q=abc", Own),
            // A bad range is skipped, the rest still counts.
            ("nonsense, text/html", Html),
            ("text/html;q=0.5x, application/problem+json", Other),
            ("text/html; q=1.000", Html),
            ("text/html;level=1", Html),
        ] {
            assert_eq!(chosen(json, accept), expected, "Accept: {accept}");
        }
    }

    #[test]
    fn a_problem_type_offers_problem_details_first() {
        let problem = Negotiation::Problem;
        assert_eq!(chosen(problem, "*/*"), Format::Own);
        assert_eq!(chosen(problem, "application/*"), Format::Own);
        assert_eq!(chosen(problem, "application/json"), Format::Other);
        assert_eq!(chosen(problem, "application/problem+json"), Format::Own);
        assert_eq!(chosen(problem, "garbage"), Format::Own);
        assert_eq!(problem.media_type(Format::Own), PROBLEM);
        assert_eq!(problem.media_type(Format::Other), JSON);
        assert_eq!(Negotiation::Json.media_type(Format::Own), JSON);
        assert_eq!(Negotiation::Json.media_type(Format::Other), PROBLEM);
        assert_eq!(problem.media_type(Format::Html), HTML);
    }

    #[test]
    fn no_accept_or_no_negotiation_is_the_own_format() {
        assert_eq!(choose(Negotiation::Json, None), Format::Own);
        assert_eq!(chosen(Negotiation::No, "text/html"), Format::Own);
        let not_text = HeaderValue::from_bytes(b"text/html\xff").unwrap();
        assert_eq!(choose(Negotiation::Json, Some(&not_text)), Format::Own);
    }

    #[test]
    fn weights_are_read_as_rfc_9110_writes_them() {
        let q = |s: &str| quality(&s.parse::<mime::Mime>().unwrap());
        assert_eq!(q("a/b"), Some(1000));
        assert_eq!(q("a/b;q=1"), Some(1000));
        assert_eq!(q("a/b;q=1.0"), Some(1000));
        assert_eq!(q("a/b;q=0"), Some(0));
        assert_eq!(q("a/b;q=0.5"), Some(500));
        assert_eq!(q("a/b;q=0.05"), Some(50));
        assert_eq!(q("a/b;q=0.001"), Some(1));
        assert_eq!(q("a/b;q=1.5"), None);
        assert_eq!(q("a/b;q=2"), None);
        assert_eq!(q("a/b;q=-1"), None);
        assert_eq!(q("a/b;q=.5"), None);
    }
}
