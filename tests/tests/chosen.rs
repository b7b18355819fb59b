//! A status chosen at run time within a declared set: `#[status(404 | 409,
//! with = path)]`. The set always holds 500; `STATUS_CODES`, `CODES` and
//! the document list every member; the body follows the chosen status; a
//! status outside the set answers a logged 500.

mod support;

use httperror::{HttpError, StatusCode};
use serde_json::json;
use support::{
    Captured, assert_body, assert_documented, assert_examples_match, assert_valid_openapi,
    document_with,
};

#[derive(Debug, Clone, Copy)]
enum Kind {
    Missing,
    Unique,
    Broken,
    Teapot,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code", status_key = "status")]
#[member("title", "{reason}")]
enum Db {
    /// The query failed; the database said why.
    #[error("database: {kind:?} in {table}")]
    #[status(404 | 409, with = db_status)]
    Query {
        kind: Kind,
        #[payload]
        table: &'static str,
    },
    /// Who may see it depends on the account.
    #[error("not for you")]
    #[status(401 | FORBIDDEN, with = auth_status)]
    #[header("www-authenticate", "Bearer")]
    Auth { known: bool },
    /// Deleted already, or never there.
    #[error("no {id}")]
    #[status(204 | 404, with = gone_status)]
    Gone { id: u32 },
    /// A message written for the variant shows at every status.
    #[error("upstream")]
    #[status(502 | 503, with = upstream_status)]
    #[message("upstream {name} failed")]
    Upstream { name: &'static str, busy: bool },
}

fn db_status(kind: &Kind, _table: &&'static str) -> StatusCode {
    match kind {
        Kind::Missing => StatusCode::NOT_FOUND,
        Kind::Unique => StatusCode::CONFLICT,
        Kind::Broken => StatusCode::INTERNAL_SERVER_ERROR,
        Kind::Teapot => StatusCode::IM_A_TEAPOT,
    }
}

fn auth_status(known: &bool) -> StatusCode {
    if *known {
        StatusCode::FORBIDDEN
    } else {
        StatusCode::UNAUTHORIZED
    }
}

fn upstream_status(_name: &&'static str, busy: &bool) -> StatusCode {
    if *busy {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::BAD_GATEWAY
    }
}

fn gone_status(id: &u32) -> StatusCode {
    if *id > 100 {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::NOT_FOUND
    }
}

#[test]
fn every_status_of_the_set_answers_by_its_own_rules() {
    let query = |kind| Db::Query {
        kind,
        table: "users",
    };
    assert_body(
        &query(Kind::Missing),
        404,
        r#"{"message":"database: Missing in users","code":"query","status":404,"title":"Not Found","table":"users"}"#,
    );
    assert_body(
        &query(Kind::Unique),
        409,
        r#"{"message":"database: Unique in users","code":"query","status":409,"title":"Conflict","table":"users"}"#,
    );
    // A 5xx shows its reason phrase, not the database's words.
    let broken = query(Kind::Broken);
    assert_eq!(broken.message(), "Internal Server Error");
    assert_body(
        &broken,
        500,
        r#"{"message":"Internal Server Error","code":"query","status":500,"title":"Internal Server Error","table":"users"}"#,
    );
    for known in [false, true] {
        let error = Db::Auth { known };
        let response = error.to_response();
        assert_eq!(response.headers()["www-authenticate"], "Bearer");
        assert_documented(&error);
    }
    assert_eq!(Db::Auth { known: false }.status(), 401);
    assert_eq!(Db::Auth { known: true }.status(), 403);
    // 204 carries no body; the same variant at 404 does.
    assert_body(&Db::Gone { id: 101 }, 204, "");
    assert_body(
        &Db::Gone { id: 7 },
        404,
        r#"{"message":"no 7","code":"gone","status":404,"title":"Not Found"}"#,
    );
    for (busy, status, title) in [
        (false, 502, "Bad Gateway"),
        (true, 503, "Service Unavailable"),
    ] {
        let error = Db::Upstream {
            name: "billing",
            busy,
        };
        assert_body(
            &error,
            status,
            &format!(
                r#"{{"message":"upstream billing failed","code":"upstream","status":{status},"title":"{title}"}}"#
            ),
        );
    }
}

#[test]
fn a_status_outside_the_set_answers_a_logged_500() {
    let captured = Captured::default();
    let subscriber = captured.subscriber();
    let error = Db::Query {
        kind: Kind::Teapot,
        table: "users",
    };
    let response = tracing::subscriber::with_default(subscriber, || error.to_response());
    assert_eq!(response.status(), 500);
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"message":"Internal Server Error","code":"query","status":500,"title":"Internal Server Error","table":"users"}"#
    );
    assert_documented(&error);
    let log = captured.text();
    assert!(log.contains("outside the variant's declared set"), "{log}");
    assert!(log.contains("status=418"), "{log}");
    assert!(log.contains("code=\"query\""), "{log}");
    // The 500 is logged as any 5xx is, with its detail, which the
    // response above never shows.
    assert!(log.contains("server error response status=500"), "{log}");
}

#[test]
fn the_set_is_in_the_lists_and_the_document() {
    assert_eq!(Db::STATUS_CODES, &[204, 401, 403, 404, 409, 500, 502, 503]);
    assert!(Db::CODES.contains(&("query", 404)));
    assert!(Db::CODES.contains(&("query", 409)));
    assert!(Db::CODES.contains(&("query", 500)));
    assert!(Db::CODES.contains(&("gone", 204)));
    let responses = Db::openapi_responses();
    assert_valid_openapi(&document_with(responses.clone()));
    assert_examples_match::<Db>();
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(
        statuses,
        ["204", "401", "403", "404", "409", "500", "502", "503"]
    );
    assert!(responses["204"].get("content").is_none());
    assert_eq!(
        responses["403"]["headers"]["www-authenticate"]["required"],
        true
    );
    // The variant at 500 shows the reason phrase; at 409 the status is 409.
    let conflict = &responses["409"]["content"]["application/json"]["schema"];
    assert_eq!(
        conflict["properties"]["status"],
        json!({"type": "integer", "enum": [409]})
    );
}
