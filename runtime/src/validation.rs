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
        // `__all__`: the struct's own rules (`#[validate(schema(..))]`).
        let path = match (prefix, name.as_ref()) {
            (prefix, "__all__") => prefix.to_owned(),
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
    let between = |what: &str| match (bound("equal"), bound("min"), bound("max")) {
        (Some(equal), _, _) => format!("{what} must be {equal}"),
        (None, Some(min), Some(max)) => format!("{what} must be between {min} and {max}"),
        (None, Some(min), None) => format!("{what} must be at least {min}"),
        (None, None, Some(max)) => format!("{what} must be at most {max}"),
        (None, None, None) => format!("{what} is out of bounds"),
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
            field: garde_path(&path.to_string()),
            code: Cow::Borrowed("invalid"),
            message: Cow::Owned(error.message().to_owned()),
        }))
    }
}

/// garde's path (`items[2].size`), each key a plain name or `?`.
#[cfg(feature = "garde")]
fn garde_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for (i, segment) in path.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        let (name, indexes) = segment
            .split_once('[')
            .map_or((segment, ""), |(name, rest)| (name, rest));
        if !name.is_empty() {
            out.push_str(plain(name));
        }
        if !indexes.is_empty() {
            for index in indexes.split('[') {
                let index = index.strip_suffix(']').unwrap_or(index);
                out.push('[');
                out.push_str(
                    if index.bytes().all(|b| b.is_ascii_digit()) && !index.is_empty() {
                        index
                    } else {
                        "?"
                    },
                );
                out.push(']');
            }
        }
    }
    out
}
