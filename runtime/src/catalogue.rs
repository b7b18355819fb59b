//! An error catalogue: every machine code of an API with its status,
//! description, example body and headers, as Markdown or as an HTML page,
//! generated from the derive (the same facts as the OpenAPI document, one
//! row per code rather than per operation).
//!
//! ```
//! use httperror::HttpError;
//! use httperror::catalogue::Catalogue;
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(code_key = "code")]
//! enum FileError {
//!     /// No file has this id.
//!     #[error("file not found")]
//!     #[status(404)]
//!     NotFound,
//!     /// Too many uploads; retry later.
//!     #[error("slow down")]
//!     #[status(429)]
//!     Throttled {
//!         #[header("retry-after")]
//!         #[payload(example = 7)]
//!         retry_after: u32,
//!     },
//! }
//!
//! let catalogue = Catalogue::of::<FileError>();
//! let markdown = catalogue.to_markdown();
//! assert!(markdown.contains("| `not_found` | 404 Not Found | No file has this id. |"));
//! assert!(markdown.contains(r#"{"message":"slow down","code":"throttled","retry_after":7}"#));
//! let page = catalogue.to_html("File API errors");
//! assert!(page.contains("<code>retry-after</code>"));
//! ```

use std::fmt::Write as _;

use http::StatusCode;

use crate::HttpError;
use crate::html::Escape;

/// One machine code at one status.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Entry {
    /// The machine code.
    pub code: &'static str,
    /// The status it answers.
    pub status: StatusCode,
    /// The status's reason phrase, registered or given.
    pub reason: &'static str,
    /// The variant's doc comment, else the reason phrase.
    pub description: String,
    /// The body's media type (the type's own format); empty for a status
    /// without content.
    pub media_type: &'static str,
    /// The body as the type's own format sends it outside a request-id
    /// layer, where it is known at compile time (or given by
    /// `example = ..`).
    pub example: Option<&'static str>,
    /// The headers it sends, each with whether it is always sent.
    pub headers: Vec<(&'static str, bool)>,
}

/// Every machine code of one or more error types, sorted by status, then
/// code; an answer reached through two wrappers is listed once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    entries: Vec<Entry>,
}

impl Catalogue {
    /// An empty catalogue.
    pub fn new() -> Self {
        Catalogue::default()
    }

    /// The catalogue of `E`, the types it wraps included.
    pub fn of<E: HttpError>() -> Self {
        Catalogue::new().with::<E>()
    }

    /// With the codes of `E` too: an application lists every handler's
    /// error type.
    #[must_use]
    pub fn with<E: HttpError>(mut self) -> Self {
        for variant in E::variants() {
            let Ok(status) = StatusCode::from_u16(variant.status) else {
                continue;
            };
            // The same answer reached twice (a type wrapped twice) is
            // listed once; two types' answers under one code, both.
            let listed = self.entries.iter().any(|e| {
                e.code == variant.code && e.status == status && e.example == variant.example
            });
            if listed {
                continue;
            }
            let description = variant.docs.map_or_else(
                || status.canonical_reason().unwrap_or_default().to_owned(),
                str::to_owned,
            );
            self.entries.push(Entry {
                code: variant.code,
                status,
                reason: variant.reason,
                description,
                media_type: variant.media_type,
                example: variant.example,
                headers: variant.headers.to_vec(),
            });
        }
        self.entries
            .sort_by(|a, b| (a.status, a.code).cmp(&(b.status, b.code)));
        self
    }

    /// The entries, by status, then code.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// As Markdown: a table of every code, then a section per code with
    /// its description (Markdown already: a doc comment), headers and
    /// example body, in code spans and fences no backtick of theirs can
    /// close.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("| Code | Status | Description |\n| --- | --- | --- |\n");
        for e in &self.entries {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                table_cell(&code_span(e.code)),
                status_text(e.status, e.reason),
                table_cell(&e.description)
            );
        }
        for e in &self.entries {
            let _ = write!(
                out,
                "\n## {}: {}\n\n{}\n",
                code_span(e.code),
                status_text(e.status, e.reason),
                e.description
            );
            if !e.headers.is_empty() {
                let headers: Vec<String> = e
                    .headers
                    .iter()
                    .map(|&(name, always)| {
                        if always {
                            code_span(name)
                        } else {
                            format!("{} (optional)", code_span(name))
                        }
                    })
                    .collect();
                let _ = write!(out, "\nHeaders: {}.\n", headers.join(", "));
            }
            if let Some(example) = e.example {
                let language = if e.media_type.ends_with("json") {
                    "json"
                } else {
                    "text"
                };
                let fence = fence(example);
                let _ = write!(out, "\n{fence}{language}\n{example}\n{fence}\n");
            }
        }
        out
    }

    /// As a whole HTML page titled `title`: the same table and sections,
    /// every value escaped.
    pub fn to_html(&self, title: &str) -> String {
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{0}</title>\n</head>\n<body>\n<h1>{0}</h1>\n<table>\n\
             <thead><tr><th>Code</th><th>Status</th><th>Description</th></tr></thead>\n<tbody>\n",
            Escape(title)
        );
        for e in &self.entries {
            let _ = writeln!(
                out,
                "<tr><td><a href=\"#{0}-{1}\"><code>{0}</code></a></td><td>{2}</td><td>{3}</td></tr>",
                Escape(e.code),
                e.status.as_u16(),
                Escape(&status_text(e.status, e.reason)),
                Escape(&e.description)
            );
        }
        out.push_str("</tbody>\n</table>\n");
        for e in &self.entries {
            let _ = write!(
                out,
                "<section id=\"{0}-{1}\">\n<h2><code>{0}</code>: {2}</h2>\n<p>{3}</p>\n",
                Escape(e.code),
                e.status.as_u16(),
                Escape(&status_text(e.status, e.reason)),
                Escape(&e.description)
            );
            if !e.headers.is_empty() {
                out.push_str("<p>Headers:");
                for (i, &(name, always)) in e.headers.iter().enumerate() {
                    let separator = if i == 0 { " " } else { ", " };
                    let optional = if always { "" } else { " (optional)" };
                    let _ = write!(out, "{separator}<code>{}</code>{optional}", Escape(name));
                }
                out.push_str(".</p>\n");
            }
            if let Some(example) = e.example {
                let _ = write!(
                    out,
                    "<p><code>{}</code></p>\n<pre><code>{}</code></pre>\n",
                    Escape(e.media_type),
                    Escape(example)
                );
            }
            out.push_str("</section>\n");
        }
        out.push_str("</body>\n</html>\n");
        out
    }
}

/// `404 Not Found`.
fn status_text(status: StatusCode, reason: &str) -> String {
    if reason.is_empty() {
        status.as_u16().to_string()
    } else {
        format!("{} {reason}", status.as_u16())
    }
}

/// `text` as Markdown inline code, whatever backticks it holds.
fn code_span(text: &str) -> String {
    let ticks = "`".repeat(longest_backtick_run(text) + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// A fence longer than any run of backticks in `text`.
fn fence(text: &str) -> String {
    "`".repeat((longest_backtick_run(text) + 1).max(3))
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Text for one Markdown table cell: one line, `|` escaped.
fn table_cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_cells_are_one_line_without_a_bare_pipe() {
        assert_eq!(table_cell("a | b\n\nc"), "a \\| b c");
    }

    #[test]
    fn statuses_read_with_their_reason() {
        assert_eq!(
            status_text(StatusCode::NOT_FOUND, "Not Found"),
            "404 Not Found"
        );
        assert_eq!(status_text(StatusCode::from_u16(599).unwrap(), ""), "599");
    }

    #[test]
    fn backticks_never_end_code_early() {
        assert_eq!(code_span("not_found"), "`not_found`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(fence("{}"), "```");
        assert_eq!(fence("say ```hi```"), "````");
    }
}
