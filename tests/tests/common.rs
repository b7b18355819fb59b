//! The common API errors: statuses, the headers HTTP requires, exact bodies.

use http::Method;
use httperror::HttpError;
use httperror::common::*;

fn check<E: HttpError>(error: &E, status: u16, body: &str, headers: &[(&str, &str)]) {
    let response = error.to_response();
    assert_eq!(response.status().as_u16(), status, "{error}");
    assert_eq!(std::str::from_utf8(response.body()).unwrap(), body);
    assert_eq!(response.headers()["content-type"], "application/json");
    for (name, value) in headers {
        assert_eq!(response.headers()[*name], *value, "{name}");
    }
    assert_eq!(
        response.headers().len(),
        headers.len() + 1,
        "{error}: no other header"
    );
    assert_eq!(error.message(), error.to_string());
}

#[test]
fn every_common_error() {
    check(
        &BadRequest::new("name must not be empty"),
        400,
        r#"{"message":"name must not be empty","code":"bad_request"}"#,
        &[],
    );
    check(
        &ParseError::default(),
        400,
        r#"{"message":"Malformed request body.","code":"parse_error"}"#,
        &[],
    );
    check(
        &Unauthenticated::bearer(),
        401,
        r#"{"message":"Authentication credentials were not provided.","code":"unauthenticated"}"#,
        &[("www-authenticate", "Bearer")],
    );
    check(
        &AuthenticationFailed::invalid_bearer_token(),
        401,
        r#"{"message":"Incorrect authentication credentials.","code":"authentication_failed"}"#,
        &[("www-authenticate", "Bearer error=\"invalid_token\"")],
    );
    check(
        &PermissionDenied,
        403,
        r#"{"message":"You do not have permission to perform this action.","code":"permission_denied"}"#,
        &[],
    );
    check(
        &NotFound,
        404,
        r#"{"message":"Not found.","code":"not_found"}"#,
        &[],
    );
    check(
        &MethodNotAllowed::new(Method::DELETE, [Method::GET, Method::HEAD, Method::PUT]),
        405,
        r#"{"message":"Method \"DELETE\" not allowed.","code":"method_not_allowed"}"#,
        &[("allow", "GET, HEAD, PUT")],
    );
    check(
        &NotAcceptable,
        406,
        r#"{"message":"Could not satisfy the request Accept header.","code":"not_acceptable"}"#,
        &[],
    );
    check(
        &UnsupportedMediaType::new("text/xml"),
        415,
        r#"{"message":"Unsupported media type \"text/xml\" in request.","code":"unsupported_media_type"}"#,
        &[],
    );
    check(
        &Throttled::new(42),
        429,
        r#"{"message":"Request was throttled; retry in 42 seconds.","code":"throttled","retry_after":42}"#,
        &[("retry-after", "42")],
    );
    check(
        &Conflict::new("the name is taken"),
        409,
        r#"{"message":"the name is taken","code":"conflict"}"#,
        &[],
    );
    check(
        &Gone,
        410,
        r#"{"message":"The resource is gone and will not come back.","code":"gone"}"#,
        &[],
    );
    check(
        &PayloadTooLarge::default(),
        413,
        r#"{"message":"Request body is too large.","code":"payload_too_large"}"#,
        &[],
    );
    check(
        &PayloadTooLarge::with_limit(2_097_152),
        413,
        r#"{"message":"Request body is too large.","code":"payload_too_large","limit":2097152}"#,
        &[],
    );
    check(
        &UnprocessableContent::new("the end date is before the start"),
        422,
        r#"{"message":"the end date is before the start","code":"unprocessable_content"}"#,
        &[],
    );
    check(
        &InternalServerError,
        500,
        r#"{"message":"Internal Server Error","code":"internal_server_error"}"#,
        &[],
    );
    check(
        &ServiceUnavailable::default(),
        503,
        r#"{"message":"Service Unavailable","code":"service_unavailable"}"#,
        &[],
    );
    check(
        &ServiceUnavailable::retry_after(120),
        503,
        r#"{"message":"Service Unavailable","code":"service_unavailable","retry_after":120}"#,
        &[("retry-after", "120")],
    );
}

#[test]
fn a_challenge_with_a_newline_is_dropped() {
    let response = Unauthenticated::new("Bearer\r\nSet-Cookie: x=1").to_response();
    assert!(response.headers().get("www-authenticate").is_none());
    assert!(response.headers().get("set-cookie").is_none());
}

/// Common errors compose into a user's own enum through `#[payload(flatten)]`
/// or by delegating; here, as sources of a derived error.
#[derive(Debug, thiserror::Error, httperror::HttpError)]
enum Api {
    #[error(transparent)]
    #[status(404)]
    #[message("Not found.")]
    Missing(#[from] NotFound),
}

#[test]
fn composes() {
    let error: Api = NotFound.into();
    assert_eq!(error.to_json(), br#"{"message":"Not found."}"#);
}

/// The OpenAPI description of each common error says what happened, not
/// only its reason phrase.
#[test]
fn documented_with_real_descriptions() {
    fn description<E: HttpError>() -> String {
        let responses = E::openapi_responses();
        let (status, response) = responses.as_object().unwrap().iter().next().unwrap();
        let text = response["description"].as_str().unwrap().to_owned();
        let reason = http::StatusCode::from_bytes(status.as_bytes())
            .unwrap()
            .canonical_reason()
            .unwrap();
        assert!(!text.contains(reason), "{status}: {text}");
        text
    }
    assert_eq!(
        description::<PermissionDenied>(),
        "The credentials are valid but do not allow this action."
    );
    for text in [
        description::<BadRequest>(),
        description::<ParseError>(),
        description::<Unauthenticated>(),
        description::<AuthenticationFailed>(),
        description::<NotFound>(),
        description::<MethodNotAllowed>(),
        description::<NotAcceptable>(),
        description::<UnsupportedMediaType>(),
        description::<Throttled>(),
        description::<Conflict>(),
        description::<Gone>(),
        description::<PayloadTooLarge>(),
        description::<UnprocessableContent>(),
        description::<InternalServerError>(),
        description::<ServiceUnavailable>(),
    ] {
        assert!(text.ends_with('.') && text.len() > 20, "{text}");
    }
}
