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

/// How much of an `Accept` is read: its first 64 media ranges, in its
/// first 4 KiB. Real clients send a few; a longer list is read no
/// further, so a hostile one costs no more than this.
const MAX_RANGES: usize = 64;
pub(crate) const MAX_BYTES: usize = 4096;

/// The format `accept` prefers among those a type offers: for each, the
/// quality of the most specific media range that matches it (`q=0`
/// excludes it); the highest wins, ties going to the type's order. An
/// absent or empty `Accept`, or one that accepts nothing offered, gets the
/// type's own format; a range that cannot be read is skipped.
pub(crate) fn choose(negotiation: Negotiation, accept: Option<&HeaderValue>) -> Format {
    let (own, other) = match negotiation {
        Negotiation::No => return Format::Own,
        Negotiation::Json => (JSON, PROBLEM),
        Negotiation::Problem => (PROBLEM, JSON),
    };
    let Some(accept) = accept else {
        return Format::Own;
    };
    let offers = [
        (Format::Own, Offer::of(own)),
        (Format::Other, Offer::of(other)),
        (Format::Html, Offer::of(HTML)),
    ];
    // Per offer, the (specificity, q) of its most specific range; 0: none.
    let mut matched = [(0u8, 0u16); 3];
    let bytes = &accept.as_bytes()[..accept.len().min(MAX_BYTES)];
    for element in split(bytes, b',').take(MAX_RANGES) {
        let Some(range) = Range::parse(element) else {
            continue;
        };
        for ((_, offer), matched) in offers.iter().zip(&mut matched) {
            let Some(specificity) = range.specificity(offer) else {
                continue;
            };
            // Of two ranges as specific, the higher weight.
            if specificity > matched.0 || (specificity == matched.0 && range.q > matched.1) {
                *matched = (specificity, range.q);
            }
        }
    }
    let mut best = (Format::Own, 0);
    for ((format, _), (_, q)) in offers.iter().zip(matched) {
        if q > best.1 {
            best = (*format, q);
        }
    }
    best.0
}

/// An offered media type: `type/subtype` and its one parameter, if any
/// (`charset=utf-8` for HTML).
struct Offer {
    kind: &'static str,
    subtype: &'static str,
    parameter: Option<(&'static str, &'static str)>,
}

impl Offer {
    fn of(media_type: &'static str) -> Offer {
        let (essence, parameter) = match media_type.split_once("; ") {
            Some((essence, parameter)) => (essence, parameter.split_once('=')),
            None => (media_type, None),
        };
        let (kind, subtype) = essence.split_once('/').unwrap_or((essence, ""));
        Offer {
            kind,
            subtype,
            parameter,
        }
    }
}

/// One media range of an `Accept` (RFC 9110 §12.5.1), borrowed from it.
struct Range<'a> {
    kind: &'a [u8],
    subtype: &'a [u8],
    /// The media type's parameters: those before `q`.
    parameters: &'a [u8],
    /// Thousandths.
    q: u16,
}

impl<'a> Range<'a> {
    /// `type/subtype *( OWS ";" OWS parameter )`, or `None` where it is
    /// not one (a range the whole list is still read past).
    fn parse(element: &'a [u8]) -> Option<Range<'a>> {
        let element = trim(element);
        let end = element
            .iter()
            .position(|&b| b == b';')
            .unwrap_or(element.len());
        let (essence, rest) = element.split_at(end);
        let slash = essence.iter().position(|&b| b == b'/')?;
        let kind = trim(&essence[..slash]);
        let subtype = trim(&essence[slash + 1..]);
        if !is_token(kind) || !is_token(subtype) || (kind == b"*" && subtype != b"*") {
            return None;
        }
        let mut q = 1000;
        let mut parameters_end = rest.len();
        // Where the parameter read next starts in `rest`, after its `;`.
        let mut offset = 0;
        for (i, parameter) in split(rest, b';').enumerate() {
            let start = offset;
            offset += parameter.len() + 1;
            if i == 0 {
                // Before the first `;`: nothing.
                continue;
            }
            let parameter = trim(parameter);
            let (name, value) = match parameter.iter().position(|&b| b == b'=') {
                Some(i) => (trim(&parameter[..i]), trim(&parameter[i + 1..])),
                None => return None,
            };
            if !is_token(name) || value.is_empty() {
                return None;
            }
            if name.eq_ignore_ascii_case(b"q") {
                q = quality(value)?;
                // What follows `q` is accept-ext, not the media type's.
                parameters_end = start - 1;
                break;
            }
        }
        Some(Range {
            kind,
            subtype,
            parameters: &rest[..parameters_end],
            q,
        })
    }

    /// How specifically this range names `offer` (4: with parameters, 3:
    /// the type, 2: `type/*`, 1: `*/*`), or `None` where it does not.
    fn specificity(&self, offer: &Offer) -> Option<u8> {
        if self.kind == b"*" {
            return Some(1);
        }
        if !self.kind.eq_ignore_ascii_case(offer.kind.as_bytes()) {
            return None;
        }
        if self.subtype == b"*" {
            return Some(2);
        }
        if !self.subtype.eq_ignore_ascii_case(offer.subtype.as_bytes()) {
            return None;
        }
        if trim(self.parameters).is_empty() {
            return Some(3);
        }
        // A range with parameters names the offer only where it has them
        // all.
        let all_offered = split(self.parameters, b';').skip(1).all(|parameter| {
            let parameter = trim(parameter);
            let Some(i) = parameter.iter().position(|&b| b == b'=') else {
                return false;
            };
            let (name, value) = (trim(&parameter[..i]), trim(&parameter[i + 1..]));
            let value = value
                .strip_prefix(b"\"")
                .and_then(|v| v.strip_suffix(b"\""))
                .unwrap_or(value);
            offer.parameter.is_some_and(|(n, v)| {
                name.eq_ignore_ascii_case(n.as_bytes()) && value.eq_ignore_ascii_case(v.as_bytes())
            })
        });
        all_offered.then_some(4)
    }
}

/// A weight in thousandths (RFC 9110 §12.4.2: `0` to `1`, at most three
/// decimals), or `None` where it is not one.
fn quality(value: &[u8]) -> Option<u16> {
    let (whole, fraction) = match value.iter().position(|&b| b == b'.') {
        Some(i) => (&value[..i], &value[i + 1..]),
        None => (value, &b""[..]),
    };
    if fraction.len() > 3 || !fraction.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let thousandths = fraction
        .iter()
        .chain(std::iter::repeat(&b'0'))
        .take(3)
        .fold(0u16, |n, &b| n * 10 + u16::from(b - b'0'));
    match whole {
        b"0" => Some(thousandths),
        b"1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// `bytes` split at each `separator` outside a quoted string.
fn split(bytes: &[u8], separator: u8) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let bytes = rest?;
        let (mut quoted, mut escaped) = (false, false);
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                _ if escaped => escaped = false,
                b'\\' if quoted => escaped = true,
                b'"' => quoted = !quoted,
                _ if b == separator && !quoted => {
                    rest = Some(&bytes[i + 1..]);
                    return Some(&bytes[..i]);
                }
                _ => {}
            }
        }
        rest = None;
        Some(bytes)
    })
}

/// Without the spaces and tabs around it (RFC 9110's OWS).
fn trim(bytes: &[u8]) -> &[u8] {
    let is_ows = |b: &u8| *b == b' ' || *b == b'\t';
    let start = bytes.iter().position(|b| !is_ows(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !is_ows(b))
        .map_or(start, |i| i + 1);
    &bytes[start..end]
}

/// RFC 9110's `token`: one or more tchars.
fn is_token(bytes: &[u8]) -> bool {
    !bytes.is_empty()
        && bytes
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
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
            // Whitespace around `;`, spaces or tabs.
            ("text/html ;q=0, application/json;q=0.5", Own),
            ("text/html;\tq=0, */*;q=0.1", Own),
            (
                "text/html\t; q=0.5 ,\tapplication/problem+json ; q=0.9",
                Other,
            ),
            // A range with parameters names only an offer that has them.
            ("text/html;level=1", Own),
            ("text/html, text/html;level=1;q=0", Html),
            ("text/html;level=1;q=0, text/html", Html),
            ("text/html;charset=utf-8", Html),
            ("text/html;charset=\"UTF-8\"", Html),
            ("text/html;charset=utf-8;q=0, text/html", Own),
            // What follows `q` is accept-ext.
            ("text/html;q=0.5;level=1, application/json;q=0.4", Html),
            // Not ranges: skipped.
            ("*/json, text/html", Html),
            ("text/html;q=\"1\"", Own),
            ("text/html;level", Own),
            ("/html, text/, text/html", Html),
            // A quoted comma does not end a range.
            ("text/html;a=\"x,y\";q=0, application/problem+json", Other),
            // Of two ranges as specific, the higher weight.
            (
                "application/problem+json;q=0.2, application/problem+json;q=0.9, application/json;q=0.5",
                Other,
            ),
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
        // One unreadable range leaves the others.
        let one_bad = HeaderValue::from_bytes(b"text/\xffhtml, application/problem+json").unwrap();
        assert_eq!(choose(Negotiation::Json, Some(&one_bad)), Format::Other);
    }

    #[test]
    fn a_long_accept_is_read_no_further_than_its_first_ranges() {
        let within = format!("{}text/html", "a/b, ".repeat(MAX_RANGES - 1));
        assert_eq!(chosen(Negotiation::Json, &within), Format::Html);
        let beyond = format!("{}text/html", "a/b, ".repeat(MAX_RANGES));
        assert_eq!(chosen(Negotiation::Json, &beyond), Format::Own);
        let long = format!(
            "text/html;a=\"{}\", application/problem+json",
            "x".repeat(MAX_BYTES)
        );
        assert_eq!(chosen(Negotiation::Json, &long), Format::Own);
        let huge = "a/b,".repeat(100_000);
        assert_eq!(chosen(Negotiation::Json, &huge), Format::Own);
    }

    #[test]
    fn weights_are_read_as_rfc_9110_writes_them() {
        let q = |s: &str| Range::parse(s.as_bytes()).map(|range| range.q);
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
        assert_eq!(q("a/b;Q=0.5"), Some(500));
        assert_eq!(q("a/b ; q = 0.25 "), Some(250));
        assert_eq!(q("a/b;q=1."), Some(1000));
        assert_eq!(q("a/b;q=0.0001"), None);
    }
}
