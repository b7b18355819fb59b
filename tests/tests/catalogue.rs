//! The error catalogue: every code of a type (and of the types it wraps)
//! with its status, description, exact example body and headers, as
//! Markdown and as an HTML page with every value escaped.

use httperror::HttpError;
use httperror::catalogue::Catalogue;
use httperror::common;

#[derive(Debug, thiserror::Error)]
#[error("io")]
struct Io;

// The catalogue reads the types, never builds their values.
#[allow(dead_code)]
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum FileError {
    /// No file has this id.
    #[error("file {id} not found")]
    #[status(404)]
    #[message("file not found")]
    NotFound {
        #[payload(example = "a.txt")]
        id: String,
    },
    /// Too many uploads | retry later.
    #[error("slow down")]
    #[status(429)]
    Throttled {
        #[header("retry-after")]
        #[payload(example = 7)]
        retry_after: u32,
        #[header("x-limit")]
        limit: Option<u32>,
    },
    /// Shown as <script>alert("x")</script> & more.
    #[error("odd")]
    #[status(400)]
    Odd,
    #[error("io")]
    #[status(500)]
    Backend(#[source] Io),
    /// Its message is known only at run time.
    #[error("{0}")]
    #[status(422)]
    Invalid(String),
    /// Not modified.
    #[error("not modified")]
    #[status(304)]
    #[header("etag", "\"v1\"")]
    NotModified,
}

#[allow(dead_code)]
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem")]
enum Billing {
    /// Out of credit.
    #[error("out of credit")]
    #[status(403)]
    OutOfCredit,
}

/// Composed: the wrapped types' codes, listed once.
#[allow(dead_code)]
#[derive(Debug, thiserror::Error, HttpError)]
enum AppError {
    #[error(transparent)]
    #[http_error(transparent)]
    File(#[from] FileError),
    #[error(transparent)]
    #[http_error(transparent)]
    Billing(#[from] Billing),
}

/// Wraps `FileError` twice: once itself, once through `AppError`.
#[allow(dead_code)]
#[derive(Debug, thiserror::Error, HttpError)]
enum Outer {
    #[error(transparent)]
    #[http_error(transparent)]
    App(#[from] AppError),
    #[error(transparent)]
    #[http_error(transparent)]
    File(#[from] FileError),
}

#[test]
fn every_code_with_its_status_description_example_and_headers() {
    let catalogue = Catalogue::of::<FileError>();
    let rows: Vec<(&str, u16)> = catalogue
        .entries()
        .iter()
        .map(|e| (e.code, e.status.as_u16()))
        .collect();
    assert_eq!(
        rows,
        [
            ("not_modified", 304),
            ("odd", 400),
            ("not_found", 404),
            ("invalid", 422),
            ("throttled", 429),
            ("backend", 500),
        ]
    );
    let entry = |code: &str| catalogue.entries().iter().find(|e| e.code == code).unwrap();
    // The example is the exact body, members in their order.
    let throttled = entry("throttled");
    assert_eq!(
        throttled.example,
        Some(r#"{"message":"slow down","code":"throttled","retry_after":7}"#)
    );
    assert_eq!(
        throttled.headers,
        [("retry-after", true), ("x-limit", false)]
    );
    assert_eq!(throttled.media_type, "application/json");
    let body = FileError::Throttled {
        retry_after: 7,
        limit: None,
    }
    .to_json();
    assert_eq!(throttled.example.unwrap().as_bytes(), body.as_slice());
    // Undocumented: the reason phrase; a 5xx's example masks its source.
    assert_eq!(entry("backend").description, "Internal Server Error");
    assert_eq!(
        entry("backend").example,
        Some(r#"{"message":"Internal Server Error","code":"backend"}"#)
    );
    // A message known only at run time has no example.
    assert_eq!(entry("invalid").example, None);
    // No content: no media type, no example.
    assert_eq!(entry("not_modified").media_type, "");
    assert_eq!(entry("not_modified").example, None);
    assert_eq!(entry("not_modified").headers, [("etag", true)]);
}

#[test]
fn markdown_lists_then_describes_every_code() {
    let markdown = Catalogue::of::<FileError>().to_markdown();
    assert!(markdown.starts_with("| Code | Status | Description |\n| --- | --- | --- |\n"));
    assert!(markdown.contains("| `not_found` | 404 Not Found | No file has this id. |\n"));
    // A `|` in a description does not break the table.
    assert!(
        markdown.contains(
            "| `throttled` | 429 Too Many Requests | Too many uploads \\| retry later. |\n"
        )
    );
    assert!(markdown.contains(
        "\n## `throttled`: 429 Too Many Requests\n\nToo many uploads | retry later.\n\nHeaders: `retry-after`, `x-limit` (optional).\n\n```json\n{\"message\":\"slow down\",\"code\":\"throttled\",\"retry_after\":7}\n```\n"
    ));
}

#[test]
fn the_html_page_escapes_every_value() {
    let page = Catalogue::of::<FileError>().to_html("Errors <of> \"files\"");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<title>Errors &lt;of&gt; &quot;files&quot;</title>"));
    assert!(!page.contains("<script>"), "{page}");
    assert!(
        page.contains("Shown as &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more.")
    );
    assert!(page.contains(
        "<pre><code>{&quot;message&quot;:&quot;file not found&quot;,&quot;code&quot;:&quot;not_found&quot;,&quot;id&quot;:&quot;a.txt&quot;}</code></pre>"
    ));
    assert!(page.contains("<a href=\"#not_found-404\"><code>not_found</code></a>"));
    assert!(page.contains("<section id=\"not_found-404\">"));
    assert!(page.ends_with("</html>\n"));
}

#[test]
fn a_composed_type_lists_the_codes_it_wraps_once() {
    let catalogue = Catalogue::of::<Outer>();
    let codes: Vec<&str> = catalogue.entries().iter().map(|e| e.code).collect();
    assert_eq!(
        codes,
        [
            "not_modified",
            "odd",
            "out_of_credit",
            "not_found",
            "invalid",
            "throttled",
            "backend"
        ]
    );
    let billing = catalogue
        .entries()
        .iter()
        .find(|e| e.code == "out_of_credit")
        .unwrap();
    assert_eq!(billing.media_type, "application/problem+json");
    assert_eq!(
        billing.example,
        Some(r#"{"type":"about:blank","title":"Forbidden","status":403,"detail":"out of credit"}"#)
    );
}

#[test]
fn several_types_make_one_catalogue() {
    let catalogue = Catalogue::new()
        .with::<FileError>()
        .with::<common::JsonRejection>()
        .with::<common::NotFound>();
    let codes: Vec<(&str, u16)> = catalogue
        .entries()
        .iter()
        .map(|e| (e.code, e.status.as_u16()))
        .collect();
    assert!(codes.contains(&("parse_error", 400)));
    assert!(codes.contains(&("unsupported_media_type", 415)));
    // One code, two types, two bodies: both listed.
    let not_found: Vec<_> = catalogue
        .entries()
        .iter()
        .filter(|e| e.code == "not_found")
        .map(|e| e.example)
        .collect();
    assert_eq!(
        not_found,
        [
            Some(r#"{"message":"file not found","code":"not_found","id":"a.txt"}"#),
            Some(r#"{"message":"Not found.","code":"not_found"}"#),
        ]
    );
}
