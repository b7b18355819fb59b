//! The `utoipa` feature: every derived type is `utoipa::IntoResponses`, so
//! `#[utoipa::path(responses(..., StorageError))]` documents its errors in
//! a full `#[derive(OpenApi)]` document; payload types' schemas come from
//! `utoipa::ToSchema` or `schemars::JsonSchema`.

mod support;

use httperror::HttpError;
use httperror_tests::StorageError;
use serde::Serialize;
use serde_json::{Value, json};
use support::{assert_documented, assert_valid_openapi};
use utoipa::OpenApi;

/// Why an upload was refused.
#[derive(Debug, Serialize, utoipa::ToSchema)]
struct Refusal {
    /// What is wrong.
    reason: String,
    tries: u32,
    limits: Limits,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
struct Limits {
    max_bytes: u64,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
struct Quota {
    used: u64,
    plan: Option<String>,
}

#[derive(Debug, thiserror::Error, HttpError)]
enum UploadError {
    /// The upload was refused.
    #[error("refused")]
    #[status(422)]
    Refused {
        #[payload]
        refusal: Refusal,
    },
    /// The quota is used up.
    #[error("quota")]
    #[status(507)]
    #[message("quota used up")]
    Quota {
        #[payload(flatten)]
        quota: Quota,
    },
}

/// Get a file.
#[utoipa::path(
    get,
    path = "/files/{id}",
    params(("id" = String, Path, description = "The file id")),
    responses(
        (status = 200, description = "The file", body = String),
        StorageError,
    )
)]
#[allow(dead_code)]
fn get_file() {}

/// Upload a file.
#[utoipa::path(post, path = "/files", responses((status = 201, description = "Stored"), UploadError))]
#[allow(dead_code)]
fn upload() {}

#[derive(OpenApi)]
#[openapi(paths(get_file, upload))]
struct ApiDoc;

fn document() -> Value {
    serde_json::to_value(ApiDoc::openapi()).unwrap()
}

#[test]
fn full_document_is_valid_openapi_3_1() {
    assert_valid_openapi(&document());
}

#[test]
fn the_path_documents_every_error_status() {
    let document = document();
    let responses = document["paths"]["/files/{id}"]["get"]["responses"]
        .as_object()
        .unwrap();
    let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(statuses, ["200", "401", "404", "429", "500", "507"]);
    assert_eq!(responses["200"]["description"], "The file");
    assert_eq!(
        responses["507"]["description"],
        "The upload does not fit in the remaining quota."
    );
    assert_eq!(
        responses["401"]["headers"]["www-authenticate"]["schema"],
        json!({"type": "string", "enum": ["Bearer"]})
    );
}

#[test]
fn utoipa_keeps_what_we_document() {
    // utoipa's types read our JSON; what they cannot hold (a header's
    // `required`) is all that is lost.
    let ours = StorageError::openapi_responses();
    let document = document();
    let theirs = &document["paths"]["/files/{id}"]["get"]["responses"];
    for status in ["401", "404", "429", "500", "507"] {
        assert_eq!(
            theirs[status]["description"], ours[status]["description"],
            "{status}"
        );
        assert_eq!(
            theirs[status]["content"], ours[status]["content"],
            "{status}"
        );
        for (name, header) in ours[status]["headers"].as_object().into_iter().flatten() {
            assert_eq!(
                theirs[status]["headers"][name]["schema"], header["schema"],
                "{status} {name}"
            );
            assert_eq!(
                theirs[status]["headers"][name].get("description"),
                header.get("description")
            );
        }
    }
}

#[test]
fn payload_schemas_come_from_to_schema_and_json_schema() {
    let responses = UploadError::openapi_responses();
    let refused =
        &responses["422"]["content"]["application/json"]["schema"]["properties"]["refusal"];
    assert_eq!(refused["type"], "object");
    assert_eq!(refused["description"], "Why an upload was refused.");
    assert_eq!(refused["properties"]["reason"]["type"], "string");
    assert_eq!(
        refused["properties"]["reason"]["description"],
        "What is wrong."
    );
    // The nested type is inlined: the response stands alone, no dangling $ref.
    assert_eq!(
        refused["properties"]["limits"]["properties"]["max_bytes"]["type"],
        "integer"
    );
    assert!(!responses.to_string().contains("$ref"));

    // Flattened, from schemars: its properties merged into the body's.
    let quota = &responses["507"]["content"]["application/json"]["schema"];
    assert_eq!(quota["properties"]["used"]["type"], "integer");
    let required: Vec<&str> = quota["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(required, ["message", "used"]);

    assert_valid_openapi(&document());
    assert_documented(&UploadError::Refused {
        refusal: Refusal {
            reason: "virus".into(),
            tries: 2,
            limits: Limits { max_bytes: 10 },
        },
    });
    assert_documented(&UploadError::Quota {
        quota: Quota {
            used: 3,
            plan: None,
        },
    });
    assert_documented(&UploadError::Quota {
        quota: Quota {
            used: 3,
            plan: Some("pro".into()),
        },
    });
}

/// JSON:API's shape, through utoipa's types.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(envelope_array = "errors", status_key = "status", status_as = "string")]
#[http_error(code_key = "code")]
#[member("object", "error")]
#[member("param", null)]
#[member("retryable", false)]
enum Shaped {
    #[error("gone")]
    #[status(410)]
    Gone,
    #[error("taken")]
    #[status(409)]
    Taken,
    #[error("also taken")]
    #[status(409)]
    AlsoTaken {
        #[payload]
        name: String,
    },
}

#[test]
fn utoipa_keeps_envelopes_and_fixed_members() {
    #[utoipa::path(get, path = "/shaped", responses(Shaped))]
    #[allow(dead_code)]
    fn shaped() {}

    #[derive(OpenApi)]
    #[openapi(paths(shaped))]
    struct Doc;

    let document = serde_json::to_value(Doc::openapi()).unwrap();
    assert_valid_openapi(&document);
    let theirs = &document["paths"]["/shaped"]["get"]["responses"];
    let ours = Shaped::openapi_responses();
    for status in ["409", "410"] {
        assert_eq!(
            theirs[status]["content"], ours[status]["content"],
            "{status}"
        );
    }
    let errors = &theirs["409"]["content"]["application/json"]["schema"]["properties"]["errors"];
    assert_eq!(errors["maxItems"], 1);
    assert_eq!(errors["items"]["discriminator"]["propertyName"], "code");
    assert_documented(&Shaped::AlsoTaken { name: "a".into() });
    assert_documented(&Shaped::Taken);
    assert_documented(&Shaped::Gone);
}

/// A payload whose type documents no schema.
#[derive(Debug, Serialize)]
struct Opaque {
    anything: u8,
}

#[derive(Debug, thiserror::Error, HttpError)]
enum OpaqueError {
    /// Refused, with a payload of no known schema.
    #[error("refused")]
    #[status(409)]
    Refused {
        #[payload]
        detail: Opaque,
    },
}

/// An open schema (`{}`: any value) reaches utoipa's document as any value,
/// never as a response without its body.
#[test]
fn an_open_payload_schema_survives_utoipa() {
    use utoipa::IntoResponses;
    let responses = serde_json::to_value(OpaqueError::responses()).unwrap();
    let schema = &responses["409"]["content"]["application/json"]["schema"];
    assert_eq!(
        schema["required"],
        json!(["message", "detail"]),
        "{responses:#}"
    );
    assert_eq!(
        schema["properties"]["detail"]["type"],
        json!(["array", "boolean", "null", "number", "object", "string"])
    );
    let read_back = &responses["409"]["content"]["application/json"]["schema"];
    let body = serde_json::to_value(
        OpaqueError::Refused {
            detail: Opaque { anything: 7 },
        }
        .body(),
    )
    .unwrap();
    assert!(
        jsonschema::validator_for(read_back)
            .unwrap()
            .is_valid(&body),
        "{body} against {read_back:#}"
    );
}
