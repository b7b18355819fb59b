//! The `aide` feature: every derived type is an `aide::OperationOutput`, so
//! an `ApiRouter` documents each handler's errors with exactly the
//! responses `openapi_responses()` gives.

mod support;

use aide::axum::ApiRouter;
use aide::axum::routing::{get, put};
use aide::openapi::OpenApi;
use httperror::HttpError;
use httperror_tests::StorageError;
use serde_json::Value;
use support::assert_valid_openapi;

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

fn document() -> Value {
    aide::generate::on_error(|error| panic!("aide: {error}"));
    aide::generate::infer_responses(true);
    let mut api = OpenApi::default();
    let _app: axum::Router = ApiRouter::new()
        .api_route("/files/{id}", get(get_file).put(put_file))
        .api_route("/uploads/{id}", put(put_file))
        .api_route("/app", get(composed))
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
    assert_same_responses::<UploadError>(&document, "/uploads/{id}", "put");
    // And the bodies are what is documented.
    for error in [
        UploadError::Taken { name: "a".into() },
        UploadError::Stale,
        UploadError::Legacy,
        UploadError::Throttled { retry_after: 3 },
    ] {
        support::assert_documented(&error);
    }
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
fn one_status_is_an_operation_response() {
    use aide::OperationOutput;
    aide::generate::in_context(|ctx| {
        let mut operation = aide::openapi::Operation::default();
        // Several statuses fit no single response.
        assert!(StorageError::operation_response(ctx, &mut operation).is_none());
        let one = httperror::common::NotFound::operation_response(ctx, &mut operation)
            .expect("one status");
        assert_eq!(
            normalized(serde_json::to_value(&one).unwrap()),
            normalized(httperror::common::NotFound::openapi_responses()["404"].clone())
        );
    });
}
