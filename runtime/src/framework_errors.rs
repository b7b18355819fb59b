//! The framework's own errors in an OpenAPI document, by one rule.

use serde_json::{Map, Value};

use crate::HttpError;
use crate::common;

/// Documents the answers the framework gives before or around a handler,
/// on every operation of an OpenAPI document, by one rule:
///
/// | the operation has | documented |
/// | --- | --- |
/// | a JSON request body (`application/json`, `*/*+json`) | the `Json` extractor's rejections: 400, 413, 415, 422 |
/// | a form request body (`application/x-www-form-urlencoded`) | the `Form` extractor's: 400, 413, 415, 422 |
/// | a request body of any other media type | the `Bytes` and `Text` extractors': 400, 413 |
/// | path parameters (declared, or `{..}` in the path) | the `Path` extractor's: 400, and 500 for a route that does not match its handler |
/// | query parameters | the `Query` extractor's: 400 |
/// | (every operation) | the 500 of a panicking handler ([`httperror::axum::panic_response`](crate#the-frameworks-own-errors)) |
///
/// Each is merged into the response the operation already documents at
/// that status, never replacing it: descriptions joined, body schemas as
/// `anyOf` alternatives, examples side by side.
///
/// By default the answers are [`common`]'s, the bodies of
/// `httperror::axum`'s drop-in extractors; an application whose
/// extractors answer in its own type names it, for example
/// `FrameworkErrors::new().json::<ApiError>()`. With the `utoipa` (or
/// `utoipa5`) feature it is a `utoipa::Modify`; utoipa's `modifiers(..)`
/// names a constant:
///
/// ```
/// # #[cfg(feature = "utoipa")] {
/// use httperror::FrameworkErrors;
/// use utoipa::OpenApi;
///
/// #[utoipa::path(put, path = "/files/{id}", params(("id" = String, Path)),
///     request_body(content = String, content_type = "application/json"),
///     responses((status = 204, description = "Stored")))]
/// async fn put_file() {}
///
/// const FRAMEWORK_ERRORS: FrameworkErrors = FrameworkErrors::new();
///
/// #[derive(OpenApi)]
/// #[openapi(paths(put_file), modifiers(&FRAMEWORK_ERRORS))]
/// struct ApiDoc;
///
/// let document = serde_json::to_value(ApiDoc::openapi()).unwrap();
/// let responses = &document["paths"]["/files/{id}"]["put"]["responses"];
/// for status in ["204", "400", "413", "415", "422", "500"] {
///     assert!(responses.get(status).is_some(), "{status}");
/// }
/// # }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct FrameworkErrors {
    json: fn() -> Value,
    form: fn() -> Value,
    body: fn() -> Value,
    path: fn() -> Value,
    query: fn() -> Value,
    panic: fn() -> Value,
}

impl Default for FrameworkErrors {
    fn default() -> Self {
        FrameworkErrors::new()
    }
}

impl FrameworkErrors {
    /// The rule with [`common`]'s answers: [`common::JsonRejection`],
    /// [`common::FormRejection`], [`common::BodyRejection`],
    /// [`common::PathRejection`], [`common::InvalidParameter`] and
    /// [`common::InternalServerError`].
    pub const fn new() -> Self {
        FrameworkErrors {
            json: common::JsonRejection::openapi_responses,
            form: common::FormRejection::openapi_responses,
            body: common::BodyRejection::openapi_responses,
            path: common::PathRejection::openapi_responses,
            query: common::InvalidParameter::openapi_responses,
            panic: common::InternalServerError::openapi_responses,
        }
    }

    /// JSON bodies' rejections answer `E`.
    #[must_use]
    pub const fn json<E: HttpError>(mut self) -> Self {
        self.json = E::openapi_responses;
        self
    }

    /// Form bodies' rejections answer `E`.
    #[must_use]
    pub const fn form<E: HttpError>(mut self) -> Self {
        self.form = E::openapi_responses;
        self
    }

    /// Other bodies' rejections (bytes, text) answer `E`.
    #[must_use]
    pub const fn body<E: HttpError>(mut self) -> Self {
        self.body = E::openapi_responses;
        self
    }

    /// Path parameters' rejections answer `E`.
    #[must_use]
    pub const fn path<E: HttpError>(mut self) -> Self {
        self.path = E::openapi_responses;
        self
    }

    /// Query parameters' rejections answer `E`.
    #[must_use]
    pub const fn query<E: HttpError>(mut self) -> Self {
        self.query = E::openapi_responses;
        self
    }

    /// A panicking handler answers `E` (as
    /// [`panic_response_as`](crate#the-frameworks-own-errors) does).
    #[must_use]
    pub const fn panic<E: HttpError>(mut self) -> Self {
        self.panic = E::openapi_responses;
        self
    }

    /// One path item of a document (as JSON), its operations' responses
    /// completed by the rule. `components` resolves `$ref`s to parameters,
    /// request bodies and responses.
    fn complete(&self, path: &str, item: &mut Value, components: &Value) {
        let path_parameters = item.get("parameters").cloned();
        let Value::Object(item) = item else {
            return;
        };
        for method in [
            "get", "put", "post", "delete", "options", "head", "patch", "trace",
        ] {
            let Some(Value::Object(operation)) = item.get_mut(method) else {
                continue;
            };
            let mut answers = Vec::new();
            let locations: Vec<String> = path_parameters
                .iter()
                .chain(operation.get("parameters"))
                .filter_map(Value::as_array)
                .flatten()
                .filter_map(|parameter| resolve(parameter, components)["in"].as_str())
                .map(str::to_owned)
                .collect();
            if path.contains('{') || locations.iter().any(|l| l == "path") {
                answers.push((self.path)());
            }
            if locations.iter().any(|l| l == "query") {
                answers.push((self.query)());
            }
            if let Some(body) = operation.get("requestBody") {
                let body = resolve(body, components);
                let media: Vec<&str> = body["content"]
                    .as_object()
                    .map(|content| content.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                let json = |m: &&str| {
                    let m = m.split(';').next().unwrap_or("").trim();
                    m == "application/json" || m.ends_with("+json")
                };
                let form = |m: &&str| m.starts_with("application/x-www-form-urlencoded");
                if media.iter().any(json) {
                    answers.push((self.json)());
                }
                if media.iter().any(form) {
                    answers.push((self.form)());
                }
                if media.is_empty() || media.iter().any(|m| !json(m) && !form(m)) {
                    answers.push((self.body)());
                }
            }
            answers.push((self.panic)());
            let responses = operation
                .entry("responses")
                .or_insert_with(|| Value::Object(Map::new()));
            // A response given by reference is merged as what it refers to.
            if let Value::Object(responses) = responses {
                for response in responses.values_mut() {
                    if response.get("$ref").is_some() {
                        *response = resolve(response, components).clone();
                    }
                }
            }
            *responses = crate::openapi::merge(std::mem::take(responses), answers);
        }
    }

    /// Every path item of a document (as JSON) completed by the rule.
    #[cfg(test)]
    fn complete_paths(&self, paths: &mut Map<String, Value>, components: &Value) {
        for (path, item) in paths {
            self.complete(path, item, components);
        }
    }
}

/// What a `$ref` to `#/components/..` refers to; anything else as it is.
fn resolve<'a>(value: &'a Value, components: &'a Value) -> &'a Value {
    let Some(reference) = value.get("$ref").and_then(Value::as_str) else {
        return value;
    };
    reference
        .strip_prefix("#/components/")
        .and_then(|pointer| components.pointer(&format!("/{pointer}")))
        .unwrap_or(value)
}

/// `utoipa::Modify` of one utoipa major version.
macro_rules! modify {
    ($feature:literal, $utoipa:ident) => {
        #[cfg(feature = $feature)]
        impl $utoipa::Modify for FrameworkErrors {
            fn modify(&self, openapi: &mut $utoipa::openapi::OpenApi) {
                let components = openapi
                    .components
                    .as_ref()
                    .and_then(|components| serde_json::to_value(components).ok())
                    .unwrap_or(Value::Null);
                for (path, item) in openapi.paths.paths.iter_mut() {
                    let Ok(mut value) = serde_json::to_value(&*item) else {
                        continue;
                    };
                    self.complete(path, &mut value, &components);
                    if let Ok(completed) = serde_json::from_value(value) {
                        *item = completed;
                    }
                }
            }
        }
    };
}

modify!("utoipa", utoipa);
modify!("utoipa5", utoipa5);

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_rule_by_what_an_operation_takes() {
        let mut paths = json!({
            "/files/{id}": {
                "parameters": [{"$ref": "#/components/parameters/Id"}],
                "get": {"responses": {"200": {"description": "ok"}}},
                "put": {
                    "requestBody": {"content": {"application/octet-stream": {}}},
                    "responses": {"400": {"$ref": "#/components/responses/Refused"}}
                },
                "post": {
                    "requestBody": {"$ref": "#/components/requestBodies/Copy"},
                    "responses": {}
                }
            },
            "/search": {
                "get": {
                    "parameters": [{"name": "q", "in": "query"}],
                    "responses": {}
                }
            },
            "/login": {
                "post": {
                    "requestBody": {"content": {"application/x-www-form-urlencoded": {}}},
                    "responses": {}
                }
            }
        });
        let components = json!({
            "parameters": {"Id": {"name": "id", "in": "path"}},
            "requestBodies": {"Copy": {"content": {"application/merge-patch+json": {}}}},
            "responses": {"Refused": {"description": "Refused by the handler."}}
        });
        let Value::Object(paths_map) = &mut paths else {
            unreachable!()
        };
        FrameworkErrors::new().complete_paths(paths_map, &components);
        let statuses = |path: &str, method: &str| -> Vec<String> {
            paths[path][method]["responses"]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect()
        };
        assert_eq!(statuses("/files/{id}", "get"), ["200", "400", "500"]);
        assert_eq!(statuses("/files/{id}", "put"), ["400", "413", "500"]);
        assert_eq!(
            statuses("/files/{id}", "post"),
            ["400", "413", "415", "422", "500"]
        );
        assert_eq!(statuses("/search", "get"), ["400", "500"]);
        assert_eq!(
            statuses("/login", "post"),
            ["400", "413", "415", "422", "500"]
        );
        // The handler's own 400, given by reference, is kept beside the
        // rejections'.
        let put_400 = paths["/files/{id}"]["put"]["responses"]["400"]["description"]
            .as_str()
            .unwrap();
        assert!(
            put_400.starts_with("Refused by the handler.\n\n"),
            "{put_400}"
        );
        assert_eq!(
            paths["/files/{id}"]["get"]["responses"]["200"],
            json!({"description": "ok"})
        );
    }
}
