//! HTML error pages, for browsers: the page a negotiating error answers a
//! request that prefers `text/html` with (Flask's custom `404.html`). A
//! page is made from the error's public facts only, so it can show
//! nothing the JSON body would not.

use std::fmt;

use http::StatusCode;

/// The public facts of an error an HTML page is made from: what its JSON
/// body shows, never its source. Given to the page function set with
/// [`RequestIdConfig::html_page`](crate::RequestIdConfig::html_page).
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct ErrorPage<'a> {
    /// The status answered.
    pub status: StatusCode,
    /// Its reason phrase, where it has a registered one.
    pub reason: Option<&'a str>,
    /// The machine code.
    pub code: &'a str,
    /// The public message (a 5xx's is its reason phrase unless the variant
    /// wrote one).
    pub message: &'a str,
    /// The request's id.
    pub request_id: Option<&'a str>,
}

impl<'a> ErrorPage<'a> {
    /// The facts of an error outside a request: its registered reason
    /// phrase, no request id. For tests of a page function.
    pub fn new(status: StatusCode, code: &'a str, message: &'a str) -> Self {
        ErrorPage {
            status,
            reason: status.canonical_reason(),
            code,
            message,
            request_id: None,
        }
    }

    /// With the request's id.
    #[must_use]
    pub fn with_request_id(mut self, id: &'a str) -> Self {
        self.request_id = Some(id);
        self
    }
}

/// Text escaped for HTML, in element content and in quoted attribute
/// values: `&`, `<`, `>`, `"` and `'` become character references, and
/// the control characters HTML does not allow in text (all but tab, line
/// feed and carriage return) become U+FFFD. Every fact a page shows goes
/// through it:
///
/// ```
/// use httperror::html::Escape;
///
/// let message = r#"<script>alert("x & y")</script>"#;
/// assert_eq!(
///     format!("<p>{}</p>", Escape(message)),
///     "<p>&lt;script&gt;alert(&quot;x &amp; y&quot;)&lt;/script&gt;</p>",
/// );
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Escape<'a>(pub &'a str);

impl fmt::Display for Escape<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let special = |c: char| {
            matches!(c, '&' | '<' | '>' | '"' | '\'')
                || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        };
        let mut rest = self.0;
        while let Some(at) = rest.find(special) {
            f.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            f.write_str(match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => "\u{fffd}",
            })?;
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// The page function's type: an error's public facts to a whole HTML
/// document.
pub type PageFn = fn(&ErrorPage<'_>) -> String;

/// The default page: a minimal, valid HTML document with the status and
/// reason as its title and heading, the message, the code and the
/// request's id, every value escaped.
///
/// ```
/// use httperror::html::{ErrorPage, default_page};
/// # use httperror::html::PageFn;
///
/// // A page function of the application's own, falling back on this one:
/// fn page(error: &ErrorPage<'_>) -> String {
///     if error.status == 404 {
///         return "<!DOCTYPE html><title>Not here</title><p>Try the home page.</p>".to_owned();
///     }
///     default_page(error)
/// }
/// # let _: PageFn = page;
/// ```
pub fn default_page(error: &ErrorPage<'_>) -> String {
    use fmt::Write as _;

    let status = error.status.as_u16();
    let title = match error.reason {
        Some(reason) => format!("{status} {}", Escape(reason)),
        None => status.to_string(),
    };
    let mut page = String::with_capacity(256 + error.message.len());
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n</head>\n<body>\n<h1>{title}</h1>\n<p>{}</p>\n\
         <p>Code: <code>{}</code>",
        Escape(error.message),
        Escape(error.code),
    );
    if let Some(id) = error.request_id {
        let _ = write!(page, "<br>\nRequest id: <code>{}</code>", Escape(id));
    }
    page.push_str("</p>\n</body>\n</html>\n");
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_character_that_could_end_text_or_an_attribute() {
        assert_eq!(
            Escape(r#"a&b<c>d"e'f"#).to_string(),
            "a&amp;b&lt;c&gt;d&quot;e&#39;f"
        );
        assert_eq!(Escape("plain ü").to_string(), "plain ü");
        assert_eq!(Escape("").to_string(), "");
        assert_eq!(Escape("&&").to_string(), "&amp;&amp;");
        assert_eq!(
            Escape("a\u{0}b\u{1}c\u{7f}d\u{85}e\tf\ng\rh").to_string(),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e\tf\ng\rh"
        );
    }

    #[test]
    fn the_default_page_escapes_every_fact() {
        let page = default_page(&ErrorPage {
            status: StatusCode::NOT_FOUND,
            reason: Some("Not Found"),
            code: "a<b",
            message: r#"<script>alert("1")</script> & 'x'"#,
            request_id: Some("\"><img src=x>"),
        });
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(page.contains("<title>404 Not Found</title>"));
        assert!(page.contains(
            "<p>&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;</p>"
        ));
        assert!(page.contains("<code>a&lt;b</code>"));
        assert!(page.contains("<code>&quot;&gt;&lt;img src=x&gt;</code>"));
        assert!(!page.contains("<script"));
        assert!(!page.contains("<img"));
        assert!(page.ends_with("</html>\n"));
    }

    #[test]
    fn a_status_without_a_reason_is_titled_by_its_number() {
        let page = default_page(&ErrorPage {
            status: StatusCode::from_u16(599).unwrap(),
            reason: None,
            code: "timeout",
            message: "Network Connect Timeout",
            request_id: None,
        });
        assert!(page.contains("<title>599</title>"));
        assert!(!page.contains("Request id"));
    }
}
