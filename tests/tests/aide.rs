//! The `aide` feature: every derived type is an `aide::OperationOutput`, so
//! an `ApiRouter` documents each handler's errors with exactly the
//! responses `openapi_responses()` gives.

mod support;

use aide::axum::ApiRouter;
use aide::axum::routing::{get, get_with, put};
use aide::openapi::OpenApi;
use httperror::{Abort, HttpError};
use httperror_tests::{Cache, StorageError};
use serde_json::Value;
use support::assert_valid_openapi;

/// A payload documented the way aide users document theirs: schemars 0.9.
#[derive(Debug, serde::Serialize, schemars09::JsonSchema)]
struct Limits {
    max_bytes: u64,
    plan: Option<String>,
}

/// RFC 9457 problems with a payload whose schema only schemars 0.9 knows.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem")]
enum QuotaError {
    /// Over the plan's limit.
    #[error("over quota")]
    #[status(507)]
    #[message("over quota")]
    Over {
        #[payload]
        limits: Limits,
    },
}

/// Two variants at one status, a text variant beside them, a header.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum UploadError {
    /// The name is taken.
    #[error("taken")]
    #[status(409)]
    Taken {
        #[payload(example = "a.txt")]
        name: String,
    },
    /// The upload changed under us.
    #[error("stale")]
    #[status(409)]
    Stale,
    /// The legacy endpoint answers in text.
    #[error("legacy conflict")]
    #[status(409)]
    #[http_error(format = "text")]
    Legacy,
    /// Slow down.
    #[error("slow down")]
    #[status(429)]
    Throttled {
        #[header("retry-after")]
        retry_after: u32,
    },
}

/// A composed application error.
#[derive(Debug, thiserror::Error, HttpError)]
enum AppError {
    #[error(transparent)]
    #[http_error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    #[http_error(transparent)]
    Upload(#[from] UploadError),
}

async fn get_file() -> Result<String, StorageError> {
    Err(StorageError::Unauthorized)
}

async fn put_file() -> Result<String, UploadError> {
    Err(UploadError::Stale)
}

async fn composed() -> Result<String, AppError> {
    Err(AppError::Upload(UploadError::Stale))
}

async fn quota() -> Result<String, QuotaError> {
    Err(QuotaError::Over {
        limits: Limits {
            max_bytes: 10,
            plan: None,
        },
    })
}

async fn cache() -> Result<String, Cache> {
    Err(Cache::Deleted)
}

async fn aborted() -> Result<String, Abort> {
    Err(Abort::new(httperror::StatusCode::CONFLICT))
}

fn document() -> Value {
    aide::generate::on_error(|error| panic!("aide: {error}"));
    aide::generate::infer_responses(true);
    let mut api = OpenApi::default();
    let _app: axum::Router = ApiRouter::new()
        .api_route("/files/{id}", get(get_file).put(put_file))
        .api_route("/uploads/{id}", put(put_file))
        .api_route("/app", get(composed))
        .api_route("/quota", get(quota))
        .api_route("/cache", get(cache))
        .api_route("/abort", get(aborted))
        .finish_api(&mut api);
    serde_json::to_value(&api).unwrap()
}

/// What aide's model writes differently but means the same: a header's
/// default `style`, and `required: false`.
fn normalized(mut response: Value) -> Value {
    if let Some(Value::Object(headers)) = response.get_mut("headers") {
        for header in headers.values_mut() {
            let Value::Object(header) = header else {
                continue;
            };
            if header.get("style").and_then(Value::as_str) == Some("simple") {
                header.remove("style");
            }
            if header.get("required") == Some(&Value::Bool(false)) {
                header.remove("required");
            }
        }
    }
    response
}

/// `error`'s response is what `operation` documents in aide's document:
/// its status, media type and headers, and a body that validates against
/// the schema there.
fn assert_answer_documented<E: HttpError>(operation: &Value, error: &E) {
    let response = error.to_response();
    let status = response.status().as_u16().to_string();
    let documented = &operation["responses"][&status];
    assert!(documented.is_object(), "{status} is not documented");
    for name in response.headers().keys() {
        if name != "content-type" {
            assert!(documented["headers"].get(name.as_str()).is_some(), "{name}");
        }
    }
    if response.body().is_empty() {
        assert!(documented.get("content").is_none());
        return;
    }
    let content_type = response.headers()["content-type"].to_str().unwrap();
    let media_type = content_type.split(';').next().unwrap().trim();
    let schema = &documented["content"][media_type]["schema"];
    let body = if media_type == "text/plain" {
        Value::from(std::str::from_utf8(response.body()).unwrap())
    } else {
        serde_json::from_slice(response.body()).unwrap()
    };
    let validator = jsonschema::validator_for(schema).unwrap();
    assert!(validator.is_valid(&body), "{body} against {schema:#}");
}

fn assert_same_responses<E: HttpError>(document: &Value, path: &str, method: &str) {
    let theirs = &document["paths"][path][method]["responses"];
    let ours = E::openapi_responses();
    for (status, response) in ours.as_object().unwrap() {
        assert_eq!(
            normalized(theirs[status].clone()),
            normalized(response.clone()),
            "{method} {path} {status}"
        );
    }
    // The handler's own 200, and nothing else.
    let statuses: Vec<&String> = theirs.as_object().unwrap().keys().collect();
    let mut expected: Vec<String> = ours.as_object().unwrap().keys().cloned().collect();
    expected.push("200".to_owned());
    expected.sort();
    let mut statuses: Vec<String> = statuses.into_iter().cloned().collect();
    statuses.sort();
    assert_eq!(statuses, expected, "{method} {path}");
}

#[test]
fn an_api_router_documents_each_handlers_errors_exactly() {
    let document = document();
    assert_valid_openapi(&document);
    assert_same_responses::<StorageError>(&document, "/files/{id}", "get");
    assert_same_responses::<UploadError>(&document, "/files/{id}", "put");
    assert_same_responses::<AppError>(&document, "/app", "get");
    assert_same_responses::<QuotaError>(&document, "/quota", "get");
    assert_same_responses::<Cache>(&document, "/cache", "get");
    // `Abort` can answer anything: it documents nothing.
    let aborted = &document["paths"]["/abort"]["get"]["responses"];
    assert_eq!(
        aborted.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["200"]
    );
    // Real bodies validate against the schemas in aide's document.
    let operation = |path: &str, method: &str| document["paths"][path][method].clone();
    assert_answer_documented(
        &operation("/files/{id}", "put"),
        &UploadError::Taken { name: "a".into() },
    );
    assert_answer_documented(&operation("/files/{id}", "put"), &UploadError::Legacy);
    assert_answer_documented(
        &operation("/files/{id}", "put"),
        &UploadError::Throttled { retry_after: 3 },
    );
    assert_answer_documented(
        &operation("/app", "get"),
        &AppError::Storage(StorageError::Unauthorized),
    );
    assert_answer_documented(
        &operation("/quota", "get"),
        &QuotaError::Over {
            limits: Limits {
                max_bytes: 10,
                plan: Some("pro".into()),
            },
        },
    );
    assert_answer_documented(&operation("/cache", "get"), &Cache::Deleted);
    // The schemars-0.9 schema, not an open one.
    let limits = &document["paths"]["/quota"]["get"]["responses"]["507"]["content"]["application/problem+json"]
        ["schema"]["properties"]["limits"];
    assert_eq!(limits["properties"]["max_bytes"]["type"], "integer");
    assert_eq!(limits["required"], serde_json::json!(["max_bytes"]));
    let conflict = &document["paths"]["/files/{id}"]["put"]["responses"]["409"];
    assert_eq!(
        conflict["content"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["application/json", "text/plain"]
    );
    assert!(
        conflict["description"]
            .as_str()
            .unwrap()
            .contains("**Taken**: The name is taken.")
    );
    assert_eq!(
        conflict["content"]["application/json"]["examples"]["taken"]["value"]["name"],
        "a.txt"
    );
}

#[test]
fn with_inference_off_responses_documents_every_status() {
    aide::generate::on_error(|error| panic!("aide: {error}"));
    aide::generate::infer_responses(false);
    let mut api = OpenApi::default();
    let _app: axum::Router = ApiRouter::new()
        .api_route(
            "/files/{id}",
            get_with(get_file, httperror::aide::responses::<StorageError>),
        )
        .finish_api(&mut api);
    aide::generate::infer_responses(true);
    let document = serde_json::to_value(&api).unwrap();
    assert_valid_openapi(&document);
    let theirs = &document["paths"]["/files/{id}"]["get"]["responses"];
    let ours = StorageError::openapi_responses();
    let statuses: Vec<&String> = theirs.as_object().unwrap().keys().collect();
    let expected: Vec<&String> = ours.as_object().unwrap().keys().collect();
    assert_eq!(statuses, expected, "every status, and no inferred 200");
    for status in expected {
        assert_eq!(
            normalized(theirs[status].clone()),
            normalized(ours[status].clone())
        );
    }
}

#[test]
fn one_status_is_an_operation_response() {
    use aide::OperationOutput;
    let said = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = said.clone();
    aide::generate::on_error(move |error| sink.borrow_mut().push(error.to_string()));
    aide::generate::in_context(|ctx| {
        let mut operation = aide::openapi::Operation::default();
        // Several statuses fit no single response: `None`, and said.
        assert!(StorageError::operation_response(ctx, &mut operation).is_none());
        assert!(
            said.borrow()[0].contains("httperror::aide::responses"),
            "{said:?}"
        );
        let one = httperror::common::NotFound::operation_response(ctx, &mut operation)
            .expect("one status");
        assert_eq!(
            normalized(serde_json::to_value(&one).unwrap()),
            normalized(httperror::common::NotFound::openapi_responses()["404"].clone())
        );
    });
}

/// A copy request, documented with schemars 0.9 as aide users do.
#[derive(serde::Deserialize, schemars09::JsonSchema)]
#[schemars(crate = "schemars09")]
struct CopyRequest {
    #[allow(dead_code)]
    to: String,
}

async fn copy(
    httperror::axum::Path(_id): httperror::axum::Path<String>,
    httperror::axum::Json(_copy): httperror::axum::Json<CopyRequest>,
) -> Result<String, StorageError> {
    Err(StorageError::Unauthorized)
}

/// `httperror::axum`'s drop-in extractors document the request as axum's
/// own do; `FrameworkErrors` adds their rejections, merged with the
/// handler's errors, to the finished document.
#[test]
fn drop_in_extractors_and_their_rejections_are_documented() {
    aide::generate::on_error(|error| panic!("aide: {error}"));
    aide::generate::infer_responses(true);
    let mut api = OpenApi::default();
    let _app: axum::Router = ApiRouter::new()
        .api_route("/files/{id}/copy", aide::axum::routing::post(copy))
        .finish_api(&mut api);
    let mut document = serde_json::to_value(&api).unwrap();
    httperror::FrameworkErrors::new().complete_document(&mut document);
    assert_valid_openapi(&document);
    let operation = &document["paths"]["/files/{id}/copy"]["post"];
    let body = &operation["requestBody"]["content"]["application/json"]["schema"];
    assert_eq!(body["$ref"], "#/components/schemas/CopyRequest", "{body}");
    let statuses: Vec<&str> = operation["responses"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // aide's 200, the handler's (StorageError: 401, 404, 429, 500, 507),
    // the path's 400 and 500, the JSON body's 400, 413, 415 and 422, a
    // panic's 500.
    assert_eq!(
        statuses,
        [
            "200", "400", "401", "404", "413", "415", "422", "429", "500", "507"
        ]
    );
    let invalid = httperror::common::JsonRejection::Invalid(httperror::common::InvalidBody {
        field: Some("to".into()),
        detail: "Invalid request body at `to`: expected a string, found an integer.".into(),
    });
    let malformed = httperror::common::JsonRejection::Malformed(Default::default());
    let path = httperror::common::PathRejection::Invalid {
        parameter: Some("id".into()),
        detail: "Invalid path parameter `id`: not valid UTF-8.".into(),
    };
    assert_answer_documented(operation, &invalid);
    assert_answer_documented(operation, &malformed);
    assert_answer_documented(operation, &path);
    assert_answer_documented(operation, &StorageError::Unauthorized);
    assert_answer_documented(operation, &httperror::common::InternalServerError);
}
