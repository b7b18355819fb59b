//! Validation reports from validator and garde as one 422: every failing
//! field and rule, sorted, paths written one way (`address.zip`,
//! `items[1].size`), no rejected value repeated, documented; through
//! axum's and actix-web's drop-in `Json` with one line in the handler.

mod support;

use httperror::HttpError;
use httperror::common::{FieldError, ValidationFailed};
use serde::Deserialize;
use support::{assert_body, assert_documented};
// validator's derive calls `validate` on nested values by name.
use validator::Validate as _;

/// In every refused value; never in a response.
const SECRET: &str = "SECRET-77aa";

#[derive(Deserialize, validator::Validate)]
struct Signup {
    #[validate(email)]
    email: String,
    #[validate(length(min = 3, max = 20))]
    name: String,
    #[validate(nested)]
    address: Address,
    #[validate(nested)]
    items: Vec<Item>,
}

#[derive(Deserialize, validator::Validate)]
struct Address {
    #[validate(length(equal = 5))]
    zip: String,
}

#[derive(Deserialize, validator::Validate)]
struct Item {
    #[validate(range(min = 1, max = 10))]
    size: u32,
}

#[derive(Deserialize, garde::Validate)]
struct GardeSignup {
    #[garde(email)]
    email: String,
    #[garde(length(min = 3, max = 20))]
    name: String,
    #[garde(dive)]
    address: GardeAddress,
    #[garde(dive)]
    items: Vec<GardeItem>,
}

#[derive(Deserialize, garde::Validate)]
struct GardeAddress {
    #[garde(length(min = 5, max = 5))]
    zip: String,
}

#[derive(Deserialize, garde::Validate)]
struct GardeItem {
    #[garde(range(min = 1, max = 10))]
    size: u32,
}

/// One body for both libraries, every value refused.
fn refused_body() -> String {
    format!(
        r#"{{"email":"{SECRET}","name":"{SECRET}-{SECRET}","address":{{"zip":"{SECRET}"}},"items":[{{"size":3}},{{"size":99}}]}}"#
    )
}

const VALIDATOR_REPORT: &str = r#"{"message":"The request failed validation.","code":"validation_failed","errors":[{"field":"address.zip","code":"length","message":"the length must be 5"},{"field":"email","code":"email","message":"must be an email address"},{"field":"items[1].size","code":"range","message":"the value must be between 1 and 10"},{"field":"name","code":"length","message":"the length must be between 3 and 20"}]}"#;

const GARDE_REPORT: &str = r#"{"message":"The request failed validation.","code":"validation_failed","errors":[{"field":"address.zip","code":"invalid","message":"length is greater than 5"},{"field":"email","code":"invalid","message":"not a valid email: value is missing `@`"},{"field":"items[1].size","code":"invalid","message":"greater than 10"},{"field":"name","code":"invalid","message":"length is greater than 20"}]}"#;

#[test]
fn validator_s_report_sorted_nested_and_without_values() {
    let signup: Signup = serde_json::from_str(&refused_body()).unwrap();
    let report = ValidationFailed::from(validator::Validate::validate(&signup).unwrap_err());
    assert_body(&report, 422, VALIDATOR_REPORT);
    assert!(!VALIDATOR_REPORT.contains(SECRET));
}

#[test]
fn garde_s_report_sorted_nested_and_without_values() {
    let signup: GardeSignup = serde_json::from_str(&refused_body()).unwrap();
    let report = ValidationFailed::from(garde::Validate::validate(&signup).unwrap_err());
    assert_body(&report, 422, GARDE_REPORT);
    assert!(!GARDE_REPORT.contains(SECRET));
}

#[test]
fn one_entry_per_field_and_rule_in_order() {
    let entry = |field: &str, code: &'static str| FieldError {
        field: field.to_owned(),
        code: code.into(),
        message: "m".into(),
    };
    let report = ValidationFailed::new([
        entry("b", "x"),
        entry("a[10]", "y"),
        entry("a", "z"),
        entry("b", "x"),
        entry("a[2]", "y"),
        entry("a", "y"),
    ]);
    let order: Vec<(&str, &str)> = report
        .errors
        .iter()
        .map(|e| (e.field.as_str(), e.code.as_ref()))
        .collect();
    assert_eq!(
        order,
        [
            ("a", "y"),
            ("a", "z"),
            ("a[2]", "y"),
            ("a[10]", "y"),
            ("b", "x")
        ]
    );
    assert_documented(&report);
}

#[derive(Deserialize, validator::Validate)]
struct Bounded {
    #[validate(range(exclusive_min = 0.0, exclusive_max = 10.0))]
    ratio: f64,
}

/// A list validated at the top, exclusive bounds, garde's map keys: every
/// path is written alike and every message is true.
#[test]
fn top_level_lists_bounds_and_map_keys() {
    let items: Vec<Item> = serde_json::from_str(r#"[{"size": 3}, {"size": 0}]"#).unwrap();
    let report = ValidationFailed::from(items.validate().unwrap_err());
    assert_eq!(
        report.to_json(),
        br#"{"message":"The request failed validation.","code":"validation_failed","errors":[{"field":"[1].size","code":"range","message":"the value must be between 1 and 10"}]}"#
    );

    let bounded = Bounded { ratio: 10.0 };
    let report = ValidationFailed::from(bounded.validate().unwrap_err());
    assert_eq!(
        report.errors[0].message,
        "the value must be greater than 0.0 and less than 10.0"
    );

    #[derive(garde::Validate)]
    struct Tagged {
        #[garde(dive)]
        tags: std::collections::BTreeMap<String, GardeItem>,
    }
    let tags = [
        (format!("<b>{SECRET}</b>"), GardeItem { size: 0 }),
        ("a.b".to_owned(), GardeItem { size: 0 }),
        ("plain".to_owned(), GardeItem { size: 0 }),
    ];
    let report = ValidationFailed::from(
        garde::Validate::validate(&Tagged {
            tags: tags.into_iter().collect(),
        })
        .unwrap_err(),
    );
    let fields: Vec<&str> = report.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["tags.?.size", "tags.plain.size"]);
    assert_eq!(report.errors[0].message, "lower than 1");
    assert!(
        !String::from_utf8(report.to_json())
            .unwrap()
            .contains(SECRET)
    );
}

/// A problem+json application: the list is an extension member.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem")]
enum Problem {
    /// The request breaks the API's rules.
    #[error("invalid")]
    #[status(422)]
    #[message("The request failed validation.")]
    Invalid {
        #[payload]
        errors: Vec<FieldError>,
    },
}

impl From<ValidationFailed> for Problem {
    fn from(report: ValidationFailed) -> Self {
        Problem::Invalid {
            errors: report.errors,
        }
    }
}

#[test]
fn in_problem_details_the_list_is_an_extension_member() {
    let signup: Signup = serde_json::from_str(&refused_body()).unwrap();
    let report = ValidationFailed::from(validator::Validate::validate(&signup).unwrap_err());
    let problem = Problem::from(report);
    let errors = VALIDATOR_REPORT
        .split_once(r#""errors":"#)
        .map(|(_, list)| list.strip_suffix('}').unwrap())
        .unwrap();
    assert_body(
        &problem,
        422,
        &format!(
            r#"{{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"The request failed validation.","errors":{errors}}}"#
        ),
    );
}

/// What a handler returns: the drop-in's rejections and the report.
#[derive(Debug, thiserror::Error, HttpError)]
enum SignupError {
    #[error(transparent)]
    #[http_error(transparent)]
    Invalid(#[from] ValidationFailed),
}

mod on_axum {
    use axum::Router;
    use axum::routing::post;
    use httperror::axum::Json;
    use validator::Validate;

    use super::{Signup, SignupError, ValidationFailed};

    async fn signup(Json(signup): Json<Signup>) -> Result<String, SignupError> {
        signup.validate().map_err(ValidationFailed::from)?;
        Ok(signup.name)
    }

    pub async fn start() -> std::net::SocketAddr {
        let app = Router::new().route("/signup", post(signup));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        addr
    }
}

mod on_actix {
    use actix_web::{App, HttpServer, web};
    use garde::Validate;
    use httperror::actix::Json;

    use super::{GardeSignup, SignupError, ValidationFailed};

    async fn signup(Json(signup): Json<GardeSignup>) -> Result<String, SignupError> {
        signup.validate().map_err(ValidationFailed::from)?;
        Ok(signup.name)
    }

    pub fn start() -> std::net::SocketAddr {
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server =
                    HttpServer::new(|| App::new().route("/signup", web::post().to(signup)))
                        .workers(1)
                        .bind(("127.0.0.1", 0))
                        .unwrap();
                sender.send(server.addrs()[0]).unwrap();
                server.run().await.unwrap();
            });
        });
        receiver.recv().unwrap()
    }
}

#[tokio::test]
async fn a_handler_answers_the_report_on_both_frameworks() {
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    for (addr, expected) in [
        (on_axum::start().await, VALIDATOR_REPORT),
        (on_actix::start(), GARDE_REPORT),
    ] {
        let response = client
            .post(format!("http://{addr}/signup"))
            .header("content-type", "application/json")
            .body(refused_body())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 422);
        assert_eq!(response.headers()["content-type"], "application/json");
        let body = response.text().await.unwrap();
        assert_eq!(body, expected);
        assert!(!body.contains(SECRET));
        let documented = SignupError::openapi_responses();
        let schema = &documented["422"]["content"]["application/json"]["schema"];
        let value: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert!(
            jsonschema::validator_for(schema).unwrap().is_valid(&value),
            "{body} against {schema:#}"
        );
    }
}
