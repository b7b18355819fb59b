//! Content negotiation of the rendering alone, as the request-id layer
//! runs it: a type with `#[http_error(negotiate)]` answers its own JSON
//! format, the other (problem details or the JSON shape) or an HTML page
//! by the request's `Accept`, with the same status, headers and members in
//! each; a type without it answers one format whatever `Accept` says.

use httperror::__private::with_request;
use httperror::HttpError;
use serde_json::{Value, json};

#[derive(Debug, thiserror::Error)]
#[error("disk /dev/sda1 failed: SECRET-SOURCE")]
struct DiskError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(
    code_key = "code",
    negotiate,
    type_base = "https://errors.example.com/"
)]
enum FileError {
    /// No such file.
    #[error("file {id} not found")]
    #[status(404)]
    NotFound {
        #[payload]
        id: String,
    },
    /// Slow down.
    #[error("slow down")]
    #[status(429)]
    Throttled {
        #[header("retry-after")]
        #[payload]
        retry_after: u32,
    },
    /// The disk failed.
    #[error("backend")]
    #[status(500)]
    Backend(#[source] DiskError),
    /// A hostile message.
    #[error(r#"<script>alert("x")</script> & 'y'"#)]
    #[status(400)]
    Hostile,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", code_key = "code", negotiate)]
enum Problem {
    /// Out of credit.
    #[error("out of credit")]
    #[status(403)]
    OutOfCredit {
        #[payload]
        balance: i64,
    },
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum Fixed {
    /// Gone.
    #[error("gone")]
    #[status(410)]
    Gone,
}

/// Its own `vary` names `Accept` already.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(negotiate)]
#[error("moved")]
#[status(410)]
#[header("vary", "Origin, Accept")]
struct Moved;

/// An application error composed of the others: each wrapped type decides.
#[derive(Debug, thiserror::Error, HttpError)]
enum AppError {
    #[error(transparent)]
    #[http_error(transparent)]
    File(#[from] FileError),
    #[error(transparent)]
    #[http_error(transparent)]
    Fixed(#[from] Fixed),
}

struct Answer {
    status: u16,
    content_type: String,
    vary: Option<String>,
    headers: http::HeaderMap,
    body: String,
}

fn render(error: &impl HttpError, accept: Option<&str>) -> Answer {
    let response = with_request("req-1", accept, || error.to_response());
    let headers = response.headers().clone();
    Answer {
        status: response.status().as_u16(),
        content_type: headers
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default(),
        vary: headers.get("vary").map(|v| v.to_str().unwrap().to_owned()),
        headers,
        body: String::from_utf8(response.into_body().to_vec()).unwrap(),
    }
}

fn json_of(answer: &Answer) -> Value {
    serde_json::from_str(&answer.body).unwrap()
}

const JSON: &str = "application/json";
const PROBLEM: &str = "application/problem+json";
const HTML: &str = "text/html; charset=utf-8";

#[test]
fn accept_picks_the_format_and_every_format_carries_the_same_facts() {
    let error = FileError::NotFound { id: "a.txt".into() };
    for (accept, expected) in [
        (None, JSON),
        (Some("application/json"), JSON),
        (Some("*/*"), JSON),
        (Some("application/problem+json"), PROBLEM),
        (Some("text/html"), HTML),
        (
            Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            HTML,
        ),
        (Some("application/json;q=0, */*"), PROBLEM),
        (Some("image/png"), JSON),
        (Some("garbage"), JSON),
        (Some(""), JSON),
    ] {
        let answer = render(&error, accept);
        assert_eq!(answer.status, 404, "{accept:?}");
        assert_eq!(answer.content_type, expected, "{accept:?}");
        assert_eq!(answer.vary.as_deref(), Some("Accept"), "{accept:?}");
    }
    assert_eq!(
        json_of(&render(&error, Some("application/json"))),
        json!({"message": "file a.txt not found", "code": "not_found", "id": "a.txt", "request_id": "req-1"})
    );
    assert_eq!(
        render(&error, Some("application/problem+json")).body,
        r#"{"type":"https://errors.example.com/not_found","title":"Not Found","status":404,"detail":"file a.txt not found","code":"not_found","instance":"urn:request-id:req-1","id":"a.txt"}"#
    );
    let page = render(&error, Some("text/html")).body;
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.contains("<title>404 Not Found</title>"), "{page}");
    assert!(page.contains("<p>file a.txt not found</p>"), "{page}");
    assert!(page.contains("<code>not_found</code>"), "{page}");
    assert!(page.contains("<code>req-1</code>"), "{page}");
}

#[test]
fn headers_are_the_same_in_every_format() {
    let error = FileError::Throttled { retry_after: 30 };
    for accept in ["application/json", "application/problem+json", "text/html"] {
        let answer = render(&error, Some(accept));
        assert_eq!(answer.status, 429);
        assert_eq!(answer.headers["retry-after"], "30", "{accept}");
    }
    assert_eq!(
        json_of(&render(&error, Some("application/problem+json")))["retry_after"],
        30
    );
}

#[test]
fn no_format_shows_the_source_of_a_5xx() {
    let error = FileError::Backend(DiskError);
    for accept in ["application/json", "application/problem+json", "text/html"] {
        let answer = render(&error, Some(accept));
        assert_eq!(answer.status, 500);
        assert!(!answer.body.contains("SECRET-SOURCE"), "{}", answer.body);
        assert!(!answer.body.contains("sda1"), "{}", answer.body);
        assert!(
            answer.body.contains("Internal Server Error"),
            "{}",
            answer.body
        );
    }
}

#[test]
fn an_html_page_escapes_a_hostile_message() {
    let page = render(&FileError::Hostile, Some("text/html")).body;
    assert!(!page.contains("<script>"), "{page}");
    assert!(
        page.contains("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>"),
        "{page}"
    );
}

#[test]
fn a_problem_type_offers_the_json_shape_second() {
    let error = Problem::OutOfCredit { balance: -3 };
    assert_eq!(render(&error, None).content_type, PROBLEM);
    assert_eq!(render(&error, Some("*/*")).content_type, PROBLEM);
    let answer = render(&error, Some("application/json"));
    assert_eq!(answer.content_type, JSON);
    assert_eq!(
        answer.body,
        r#"{"message":"out of credit","code":"out_of_credit","balance":-3,"request_id":"req-1"}"#
    );
}

#[test]
fn a_type_that_does_not_negotiate_keeps_its_one_format() {
    for accept in [None, Some("text/html"), Some("application/problem+json")] {
        let answer = render(&Fixed::Gone, accept);
        assert_eq!(answer.content_type, JSON, "{accept:?}");
        assert_eq!(answer.vary, None);
    }
}

#[test]
fn a_composed_type_answers_as_each_wrapped_type_negotiates() {
    let file = AppError::from(FileError::NotFound { id: "b".into() });
    assert_eq!(render(&file, Some("text/html")).content_type, HTML);
    assert_eq!(
        render(&file, Some("application/problem+json")).content_type,
        PROBLEM
    );
    let fixed = AppError::from(Fixed::Gone);
    assert_eq!(render(&fixed, Some("text/html")).content_type, JSON);
}

#[test]
fn vary_names_accept_once() {
    let response = with_request("r", Some("text/html"), || Moved.to_response());
    let vary: Vec<_> = response.headers().get_all("vary").iter().collect();
    assert_eq!(vary, ["Origin, Accept"]);
    assert_eq!(response.headers()["content-type"], HTML);
    let response = with_request("r", Some("text/html"), || {
        FileError::NotFound { id: "a".into() }.to_response()
    });
    let vary: Vec<_> = response.headers().get_all("vary").iter().collect();
    assert_eq!(vary, ["Accept"]);
    let documented = Moved::openapi_responses();
    assert_eq!(
        documented["410"]["headers"]["vary"]["schema"]["enum"],
        json!(["Origin, Accept"])
    );
}

#[test]
fn outside_a_request_nothing_is_negotiated() {
    let response = FileError::NotFound { id: "a".into() }.to_response();
    assert_eq!(response.headers()["content-type"], JSON);
    assert!(response.headers().get("vary").is_none());
}

#[test]
fn every_format_is_documented_with_its_schema_and_example() {
    let responses = FileError::openapi_responses();
    let content = &responses["404"]["content"];
    let media: Vec<&str> = content
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(media, [JSON, PROBLEM, "text/html"]);
    assert_eq!(content["text/html"]["schema"], json!({"type": "string"}));
    assert_eq!(
        content[PROBLEM]["schema"]["required"],
        json!(["type", "title", "status", "detail", "code", "id"])
    );
    // The HTML example is the default page of the documented message.
    let hostile = &FileError::openapi_responses()["400"]["content"]["text/html"];
    let page = hostile["examples"]["hostile"]["value"].as_str().unwrap();
    let message = FileError::Hostile.message();
    let expected = httperror::html::default_page(&httperror::html::ErrorPage::new(
        http::StatusCode::BAD_REQUEST,
        "hostile",
        &message,
    ));
    assert_eq!(page, expected);
    assert_eq!(responses["404"]["headers"]["vary"]["required"], false);
}
