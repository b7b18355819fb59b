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
/// | a request body of another media type (not `multipart/*`, which axum's own `Multipart` reads) | the `Bytes` and `Text` extractors': 400, 413 |
/// | path parameters (declared, or `{..}` in the path) | the `Path` extractor's: 400, and 500 for a route that does not match its handler |
/// | query parameters | the `Query` extractor's: 400 |
/// | (every operation) | the 500 of a panicking handler ([`httperror::axum::panic_response`](crate#the-frameworks-own-errors)) |
///
/// Each is merged into the response the operation already documents at
/// that status, never replacing it: descriptions joined, body schemas as
/// `anyOf` alternatives, examples side by side. A response given by
/// reference is merged as what it refers to where a rule adds to its
/// status; one whose reference does not resolve is left as it is.
///
/// By default the answers are [`common`]'s, the rejections of
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
///
/// Any other document (aide's, serialized; one written by hand) is
/// completed as JSON by [`complete_document`](Self::complete_document).
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

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

impl FrameworkErrors {
    /// The rule with [`common`]'s answers: [`common::JsonRejection`],
    /// [`common::FormRejection`], [`common::BodyRejection`],
    /// [`common::PathRejection`], [`common::QueryRejection`] and
    /// [`common::InternalServerError`].
    pub const fn new() -> Self {
        FrameworkErrors {
            json: common::JsonRejection::openapi_responses,
            form: common::FormRejection::openapi_responses,
            body: common::BodyRejection::openapi_responses,
            path: common::PathRejection::openapi_responses,
            query: common::QueryRejection::openapi_responses,
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

    /// Completes a whole OpenAPI document given as JSON: every operation
    /// of every path gets the rule's responses.
    pub fn complete_document(&self, document: &mut Value) {
        let components = document.get("components").cloned().unwrap_or(Value::Null);
        let Some(Value::Object(paths)) = document.get_mut("paths") else {
            return;
        };
        for (path, item) in paths {
            let path_parameters = item.get("parameters").cloned();
            for method in METHODS {
                let Some(operation) = item.get_mut(method) else {
                    continue;
                };
                let completed =
                    self.completed(path, path_parameters.as_ref(), operation, &components);
                let Some(operation) = operation.as_object_mut() else {
                    continue;
                };
                if let Value::Object(responses) = operation
                    .entry("responses")
                    .or_insert_with(|| Value::Object(Map::new()))
                {
                    responses.extend(completed);
                }
            }
        }
    }

    /// The rule's answers for one operation (as JSON), each merged with
    /// what the operation documents at its status: the responses to set.
    fn completed(
        &self,
        path: &str,
        path_parameters: Option<&Value>,
        operation: &Value,
        components: &Value,
    ) -> Map<String, Value> {
        let answers = crate::openapi::merge(
            Value::Object(Map::new()),
            self.answers(path, path_parameters, operation, components),
        );
        let Value::Object(answers) = answers else {
            return Map::new();
        };
        let existing = &operation["responses"];
        let mut completed = Map::new();
        for (status, answer) in answers {
            let merged = match existing.get(&status) {
                None => answer,
                Some(current) => {
                    let current = match current.get("$ref") {
                        None => current,
                        Some(_) => match resolve(current, components) {
                            Some(resolved) => resolved,
                            // Not ours to read: left as it is.
                            None => continue,
                        },
                    };
                    let mut own = Map::new();
                    own.insert(status.clone(), current.clone());
                    let mut theirs = Map::new();
                    theirs.insert(status.clone(), answer);
                    let Value::Object(mut merged) =
                        crate::openapi::merge(Value::Object(own), vec![Value::Object(theirs)])
                    else {
                        continue;
                    };
                    match merged.remove(&status) {
                        Some(merged) => merged,
                        None => continue,
                    }
                }
            };
            completed.insert(status, merged);
        }
        completed
    }

    /// The responses documents the rule gives one operation.
    fn answers(
        &self,
        path: &str,
        path_parameters: Option<&Value>,
        operation: &Value,
        components: &Value,
    ) -> Vec<Value> {
        let mut answers = Vec::new();
        let locations: Vec<&str> = path_parameters
            .into_iter()
            .chain(operation.get("parameters"))
            .filter_map(Value::as_array)
            .flatten()
            .filter_map(|parameter| {
                resolve(parameter, components).unwrap_or(parameter)["in"].as_str()
            })
            .collect();
        if path.contains('{') || locations.contains(&"path") {
            answers.push((self.path)());
        }
        if locations.contains(&"query") {
            answers.push((self.query)());
        }
        if let Some(body) = operation.get("requestBody") {
            let body = resolve(body, components).unwrap_or(body);
            let media: Vec<String> = body["content"]
                .as_object()
                .map(|content| {
                    content
                        .keys()
                        .map(|media| {
                            media
                                .split(';')
                                .next()
                                .unwrap_or_default()
                                .trim()
                                .to_ascii_lowercase()
                        })
                        .collect()
                })
                .unwrap_or_default();
            let json = |m: &&String| *m == "application/json" || m.ends_with("+json");
            let form = |m: &&String| *m == "application/x-www-form-urlencoded";
            let multipart = |m: &&String| m.starts_with("multipart/");
            if media.iter().any(|m| json(&m)) {
                answers.push((self.json)());
            }
            if media.iter().any(|m| form(&m)) {
                answers.push((self.form)());
            }
            if media.is_empty()
                || media
                    .iter()
                    .any(|m| !json(&m) && !form(&m) && !multipart(&m))
            {
                answers.push((self.body)());
            }
        }
        answers.push((self.panic)());
        answers
    }
}

/// What a `$ref` to `#/components/..` refers to; `None` for a value that
/// is not a reference, or one that does not resolve.
fn resolve<'a>(value: &'a Value, components: &'a Value) -> Option<&'a Value> {
    value
        .get("$ref")?
        .as_str()?
        .strip_prefix("#/components/")
        .and_then(|pointer| components.pointer(&format!("/{pointer}")))
}

/// The operations of a utoipa path item, whichever utoipa it is.
#[cfg(any(feature = "utoipa", feature = "utoipa5"))]
macro_rules! operations {
    ($item:expr) => {
        [
            &mut $item.get,
            &mut $item.put,
            &mut $item.post,
            &mut $item.delete,
            &mut $item.options,
            &mut $item.head,
            &mut $item.patch,
            &mut $item.trace,
        ]
        .into_iter()
        .flatten()
    };
}

/// `utoipa::Modify` of one utoipa major version: each operation's
/// responses completed in utoipa's own types. Only the statuses the rule
/// adds to are written back; one utoipa cannot read back (a schema its
/// model does not hold) is left as the operation had it.
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
                    let path_parameters = item
                        .parameters
                        .as_ref()
                        .and_then(|parameters| serde_json::to_value(parameters).ok());
                    for operation in operations!(item) {
                        let Ok(json) = serde_json::to_value(&*operation) else {
                            continue;
                        };
                        let completed =
                            self.completed(path, path_parameters.as_ref(), &json, &components);
                        for (status, mut response) in completed {
                            crate::openapi::readable_by_utoipa(&mut response);
                            if let Ok(response) = serde_json::from_value(response) {
                                operation
                                    .responses
                                    .responses
                                    .insert(status, $utoipa::openapi::RefOr::T(response));
                            }
                        }
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

    /// utoipa reads no schema without a type; an open one is written with
    /// every type, and reads back as it was written.
    #[cfg(feature = "utoipa")]
    #[test]
    fn utoipa_reads_an_open_schema() {
        let open = json!({"description": "d", "content": {"application/json": {"schema": {
            "type": "object",
            "properties": {"any": {}, "list": {"type": "array", "items": {"description": "x"}}}
        }}}});
        assert!(serde_json::from_value::<utoipa::openapi::Response>(open.clone()).is_err());
        let mut readable = open;
        crate::openapi::readable_by_utoipa(&mut readable);
        let every = json!(["array", "boolean", "null", "number", "object", "string"]);
        let schema = &readable["content"]["application/json"]["schema"];
        assert_eq!(schema["properties"]["any"]["type"], every);
        assert_eq!(schema["properties"]["list"]["items"]["type"], every);
        assert_eq!(schema["type"], "object");
        let read: utoipa::openapi::Response = serde_json::from_value(readable.clone()).unwrap();
        assert_eq!(serde_json::to_value(read).unwrap(), readable);
    }

    #[test]
    fn the_request_id_member_is_documented_inside_envelopes_and_problems() {
        let object = |properties: Value| json!({"type": "object", "properties": properties});
        let mut document = json!({"paths": {"/a": {"get": {"responses": {
            "200": {"content": {"application/json": {"schema": object(json!({"ok": {}}))}}},
            "404": {"content": {"application/json": {"schema": object(json!({
                "error": object(json!({"message": {"type": "string"}}))
            }))}}},
            "409": {"content": {"application/json": {"schema": {"anyOf": [
                object(json!({"errors": {"type": "array", "items": object(json!({"code": {}}))}})),
                object(json!({"message": {}, "request_id": {"type": "integer"}}))
            ]}}}},
            "403": {"content": {"application/problem+json": {"schema": object(json!({"type": {}}))}}}
        }}}}});
        crate::RequestIdConfig::new().complete_document(&mut document);
        let responses = &document["paths"]["/a"]["get"]["responses"];
        let json = |status: &str| &responses[status]["content"]["application/json"]["schema"];
        // No error, no member.
        assert!(json("200")["properties"].get("request_id").is_none());
        // Inside an envelope, and an array envelope's item.
        assert_eq!(
            json("404")["properties"]["error"]["properties"]["request_id"]["type"],
            "string"
        );
        assert_eq!(
            json("409")["anyOf"][0]["properties"]["errors"]["items"]["properties"]["request_id"]["type"],
            "string"
        );
        // A body with a member of that key keeps its own.
        assert_eq!(
            json("409")["anyOf"][1]["properties"]["request_id"]["type"],
            "integer"
        );
        assert_eq!(
            responses["403"]["content"]["application/problem+json"]["schema"]["properties"]["instance"]
                ["type"],
            "string"
        );
    }

    #[test]
    fn the_rule_by_what_an_operation_takes() {
        let mut document = json!({"paths": {
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
        }, "components": {
            "parameters": {"Id": {"name": "id", "in": "path"}},
            "requestBodies": {"Copy": {"content": {"application/merge-patch+json": {}}}},
            "responses": {"Refused": {"description": "Refused by the handler."}}
        }});
        FrameworkErrors::new().complete_document(&mut document);
        let paths = &document["paths"];
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

/// The request-id layers' members in an OpenAPI document: every JSON
/// error body (status 400 and up) gets the id member, optional (a body
/// with a member of that key keeps its own), and every problem body
/// `instance`; inside an envelope where there is one.
impl crate::RequestIdConfig {
    /// Adds the layer's members to every error response of a document
    /// given as JSON; `utoipa::Modify` does the same for utoipa's.
    pub fn complete_document(&self, document: &mut Value) {
        let Some(Value::Object(paths)) = document.get_mut("paths") else {
            return;
        };
        for item in paths.values_mut() {
            for method in METHODS {
                if let Some(Value::Object(responses)) = item
                    .get_mut(method)
                    .and_then(|operation| operation.get_mut("responses"))
                {
                    for (status, response) in responses.iter_mut() {
                        self.complete_response(status, response);
                    }
                }
            }
        }
    }

    fn complete_response(&self, status: &str, response: &mut Value) {
        // `4XX`, `5XX` and every status from 400: an error's; not
        // `default`, which may be a success.
        if !matches!(status.as_bytes().first(), Some(b'4' | b'5')) {
            return;
        }
        let Some(Value::Object(content)) = response.get_mut("content") else {
            return;
        };
        for (media, body) in content.iter_mut() {
            let Some(schema) = body.get_mut("schema") else {
                continue;
            };
            if media == "application/problem+json" {
                add_member(
                    schema,
                    "instance",
                    "A URI for this occurrence: the request's id.",
                    0,
                );
            } else if media == "application/json" {
                add_member(
                    schema,
                    &self.member,
                    "The request's id, as in the response's request-id header.",
                    0,
                );
            }
        }
    }
}

/// Adds an optional string member to an object body, through its
/// alternatives, and inside an envelope (an object of one member holding
/// the body, or a one-item array of it).
fn add_member(schema: &mut Value, key: &str, description: &str, depth: usize) {
    if depth > 8 {
        return;
    }
    let Value::Object(map) = schema else { return };
    for alternatives in ["anyOf", "oneOf", "allOf"] {
        if let Some(Value::Array(list)) = map.get_mut(alternatives) {
            for alternative in list {
                add_member(alternative, key, description, depth + 1);
            }
        }
    }
    let Some(Value::Object(properties)) = map.get_mut("properties") else {
        return;
    };
    if properties.len() == 1 {
        let inner = properties.values_mut().next().expect("one member");
        let nested = inner.get("properties").is_some()
            || inner
                .get("items")
                .is_some_and(|items| items.get("properties").is_some());
        if nested {
            let target = match inner.get_mut("items") {
                Some(items) => items,
                None => inner,
            };
            return add_member(target, key, description, depth + 1);
        }
    }
    if !properties.contains_key(key) {
        properties.insert(
            key.to_owned(),
            serde_json::json!({"type": "string", "description": description}),
        );
    }
}

macro_rules! modify_request_id {
    ($feature:literal, $utoipa:ident) => {
        #[cfg(feature = $feature)]
        impl $utoipa::Modify for crate::RequestIdConfig {
            fn modify(&self, openapi: &mut $utoipa::openapi::OpenApi) {
                for item in openapi.paths.paths.values_mut() {
                    for operation in operations!(item) {
                        for (status, response) in operation.responses.responses.iter_mut() {
                            let $utoipa::openapi::RefOr::T(typed) = response else {
                                continue;
                            };
                            let Ok(mut json) = serde_json::to_value(&*typed) else {
                                continue;
                            };
                            self.complete_response(status, &mut json);
                            crate::openapi::readable_by_utoipa(&mut json);
                            if let Ok(completed) = serde_json::from_value(json) {
                                *typed = completed;
                            }
                        }
                    }
                }
            }
        }
    };
}

modify_request_id!("utoipa", utoipa);
modify_request_id!("utoipa5", utoipa5);
