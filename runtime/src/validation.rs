//! Validation reports from `validator` and `garde`, as
//! [`ValidationFailed`]: every failure, its field path written one way for
//! both, without the value refused.

use std::borrow::Cow;

#[cfg(feature = "garde")]
use crate::common::FieldError;
use crate::common::ValidationFailed;

/// A path segment a client may have chosen (a map's key) is written `?`
/// unless it is a plain name, as in a rejected body's `field`.
fn plain(name: &str) -> &str {
    if crate::rules::is_plain_name(name) {
        name
    } else {
        "?"
    }
}

#[cfg(feature = "validator")]
impl From<validator::ValidationErrors> for ValidationFailed {
    fn from(errors: validator::ValidationErrors) -> Self {
        let mut out = Vec::new();
        collect(&errors, "", &mut out);
        ValidationFailed::new(out)
    }
}

#[cfg(feature = "validator")]
fn collect(
    errors: &validator::ValidationErrors,
    prefix: &str,
    out: &mut Vec<crate::common::FieldError>,
) {
    use validator::ValidationErrorsKind;
    for (name, kind) in errors.errors() {
        // `__all__`: the struct's own rules (`#[validate(schema(..))]`);
        // `_tmp_validator`: a collection validated at the top, whose
        // items are its only names.
        let path = match (prefix, name.as_ref()) {
            (prefix, "__all__" | "_tmp_validator") => prefix.to_owned(),
            ("", name) => plain(name).to_owned(),
            (prefix, name) => format!("{prefix}.{}", plain(name)),
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    out.push(crate::common::FieldError {
                        field: path.clone(),
                        code: error.code.clone(),
                        message: error
                            .message
                            .clone()
                            .unwrap_or_else(|| validator_message(error)),
                    });
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

/// validator's rules in words, with the rule's bounds (`min`, `max`,
/// `equal`) and never the `value` its params also carry.
#[cfg(feature = "validator")]
fn validator_message(error: &validator::ValidationError) -> Cow<'static, str> {
    let bound = |name: &str| {
        error
            .params
            .get(name)
            .filter(|value| value.is_number())
            .map(ToString::to_string)
    };
    let between = |what: &str| {
        if let Some(equal) = bound("equal") {
            return format!("{what} must be {equal}");
        }
        if let (Some(min), Some(max)) = (bound("min"), bound("max")) {
            return format!("{what} must be between {min} and {max}");
        }
        let lower = bound("min")
            .map(|min| format!("at least {min}"))
            .or_else(|| bound("exclusive_min").map(|min| format!("greater than {min}")));
        let upper = bound("max")
            .map(|max| format!("at most {max}"))
            .or_else(|| bound("exclusive_max").map(|max| format!("less than {max}")));
        match (lower, upper) {
            (Some(lower), Some(upper)) => format!("{what} must be {lower} and {upper}"),
            (Some(bound), None) | (None, Some(bound)) => format!("{what} must be {bound}"),
            (None, None) => format!("{what} is out of bounds"),
        }
    };
    Cow::Owned(match error.code.as_ref() {
        "length" => between("the length"),
        "range" => between("the value"),
        "email" => "must be an email address".to_owned(),
        "url" => "must be a URL".to_owned(),
        "required" | "required_nested" => "is required".to_owned(),
        "must_match" => "must match the other field".to_owned(),
        "contains" => "lacks a required part".to_owned(),
        "does_not_contain" => "contains a forbidden part".to_owned(),
        "regex" => "is not of the expected form".to_owned(),
        "credit_card" => "must be a credit card number".to_owned(),
        "non_control_character" => "must not contain control characters".to_owned(),
        "ip" => "must be an IP address".to_owned(),
        _ => "is invalid".to_owned(),
    })
}

#[cfg(feature = "garde")]
impl From<garde::Report> for ValidationFailed {
    /// garde names no rule: every entry's code is `invalid`; its message
    /// is garde's, which states the rule (`length is lower than 3`), not
    /// the value.
    fn from(report: garde::Report) -> Self {
        ValidationFailed::new(report.iter().map(|(path, error)| FieldError {
            field: garde_path(path),
            code: Cow::Borrowed("invalid"),
            message: Cow::Owned(error.message().to_owned()),
        }))
    }
}

/// garde's path (`items[2].size`) from its parts, read with their kinds
/// (garde's `serde` form: `[["key", "items"], ["index", "2"], ..]`), each
/// key a plain name or `?`.
#[cfg(feature = "garde")]
fn garde_path(path: &garde::Path) -> String {
    let mut out = String::new();
    let parts = serde_json::to_value(path).unwrap_or_default();
    for part in parts.as_array().into_iter().flatten() {
        let (Some(kind), Some(name)) = (part[0].as_str(), part[1].as_str()) else {
            continue;
        };
        match kind {
            "index" => {
                out.push('[');
                out.push_str(
                    if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) {
                        name
                    } else {
                        "?"
                    },
                );
                out.push(']');
            }
            "key" => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(plain(name));
            }
            _ => {}
        }
    }
    out
}
