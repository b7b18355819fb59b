//! `#[http_error(format = "problem")]`: RFC 9457 problem details.

use httperror::HttpError;
use serde_json::json;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", type_base = "https://errors.example.com/")]
enum Problem {
    #[error("file {id} not found")]
    #[status(404)]
    NotFound {
        #[payload]
        id: String,
    },
    #[error("backend: {0}")]
    #[status(500)]
    Backend(String),
    #[error("insufficient credit")]
    #[status(403)]
    #[http_error(code = "out-of-credit")]
    #[message("Your current balance is {balance}, but that costs {cost}.")]
    OutOfCredit {
        #[payload]
        balance: u32,
        #[payload]
        cost: u32,
        #[payload]
        accounts: Vec<&'static str>,
    },
}

#[test]
fn problem_body_and_content_type() {
    let response = Problem::NotFound { id: "f1".into() }.to_response();
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(
        response.body().as_ref(),
        br#"{"type":"https://errors.example.com/not_found","title":"Not Found","status":404,"detail":"file f1 not found","id":"f1"}"#
    );
}

#[test]
fn rfc_9457_example() {
    let error = Problem::OutOfCredit {
        balance: 30,
        cost: 50,
        accounts: vec!["/account/12345"],
    };
    let body: serde_json::Value = serde_json::from_slice(&error.to_json()).unwrap();
    assert_eq!(
        body,
        json!({
            "type": "https://errors.example.com/out-of-credit",
            "title": "Forbidden",
            "status": 403,
            "detail": "Your current balance is 30, but that costs 50.",
            "balance": 30,
            "cost": 50,
            "accounts": ["/account/12345"],
        })
    );
    assert_eq!(body, serde_json::Value::Object(error.to_dict()));
    assert_eq!(serde_json::to_vec(&error.body()).unwrap(), error.to_json());
}

#[test]
fn problem_5xx_detail_is_redacted() {
    let error = Problem::Backend("password=hunter2".into());
    assert_eq!(
        error.to_json(),
        br#"{"type":"https://errors.example.com/backend","title":"Internal Server Error","status":500,"detail":"Internal Server Error"}"#
    );
}

#[derive(Debug, thiserror::Error, HttpError)]
#[error("teapot")]
#[status(599, reason = "Network Connect Timeout")]
#[http_error(format = "problem", code_key = "code")]
struct Blank;

#[test]
fn about_blank_title_and_code_extension() {
    let response = Blank.to_response();
    assert_eq!(response.status().as_u16(), 599);
    assert_eq!(
        response.body().as_ref(),
        br#"{"type":"about:blank","title":"Network Connect Timeout","status":599,"detail":"Network Connect Timeout","code":"blank"}"#
    );
}

struct Failing;

impl serde::Serialize for Failing {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("no"))
    }
}

#[derive(thiserror::Error, HttpError)]
#[error("bad")]
#[status(400)]
#[http_error(format = "problem")]
struct FailingProblem {
    #[payload]
    value: Failing,
}

impl std::fmt::Debug for FailingProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("FailingProblem")
    }
}

#[test]
fn failure_is_a_plain_500_problem() {
    let response = FailingProblem { value: Failing }.to_response();
    assert_eq!(response.status().as_u16(), 500);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(
        response.body().as_ref(),
        br#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error"}"#
    );
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(message_key = "error")]
enum CustomKey {
    #[error("bad")]
    #[status(400)]
    Bad {
        #[payload]
        value: Failing2,
    },
}

#[derive(Debug)]
struct Failing2;

impl serde::Serialize for Failing2 {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("no"))
    }
}

#[test]
fn failure_body_uses_the_type_s_message_key() {
    let response = CustomKey::Bad { value: Failing2 }.to_response();
    assert_eq!(
        response.body().as_ref(),
        br#"{"error":"Internal Server Error"}"#
    );
    assert_eq!(
        CustomKey::Bad { value: Failing2 }.to_dict()["error"],
        "Internal Server Error"
    );
}
