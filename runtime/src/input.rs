//! Public messages about a rejected request, made from the deserializer's
//! errors without repeating the request: serde's messages quote the value
//! they refused (`invalid type: string "…", expected u32`), so each is
//! rewritten to what was expected, and a field path keeps only keys that
//! are plain names (the server's field names, and a map's plain keys).

use std::borrow::Cow;
use std::fmt::Write as _;

#[cfg(feature = "actix-web")]
use serde::de::DeserializeOwned;
use serde_path_to_error::{Path, Segment};

use crate::common;

/// serde_urlencoded's error with the path of the failing key.
pub(crate) type UrlencodedError = serde_path_to_error::Error<serde_urlencoded::de::Error>;

/// A JSON body read as `T`: its refusals exactly as axum's `Json`
/// rejections convert (serde_json through serde_path_to_error, then the
/// end of the input), so every framework answers one fault alike.
#[cfg(feature = "actix-web")]
pub(crate) fn json_from_slice<T: DeserializeOwned>(
    bytes: &[u8],
) -> Result<T, common::JsonRejection> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| match error
        .inner()
        .classify()
    {
        serde_json::error::Category::Data => common::JsonRejection::Invalid(invalid_body(Some(
            Refusal::new(error.path(), &json_message(error.inner())),
        ))),
        _ => malformed(error.inner()),
    })?;
    deserializer.end().map_err(|error| malformed(&error))?;
    Ok(value)
}

#[cfg(feature = "actix-web")]
fn malformed(error: &serde_json::Error) -> common::JsonRejection {
    common::JsonRejection::Malformed(common::ParseError {
        detail: Cow::Owned(json_syntax(error)),
    })
}

/// A form body read as `T`, refused as axum's `Form` refuses a body.
#[cfg(feature = "actix-web")]
pub(crate) fn form_from_slice<T: DeserializeOwned>(
    bytes: &[u8],
) -> Result<T, common::FormRejection> {
    let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(bytes));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        common::FormRejection::Invalid(invalid_body(Some(Refusal::new(
            error.path(),
            &error.inner().to_string(),
        ))))
    })
}

/// A query string read as `T`, refused as axum's `Query` is: the
/// parameter and what was expected.
#[cfg(feature = "actix-web")]
pub(crate) fn query_from_str<T: DeserializeOwned>(
    query: &str,
) -> Result<T, (Option<String>, Cow<'static, str>)> {
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| query_parameter(Some(&error)))
}

/// A body (JSON or a form) of another shape.
pub(crate) fn invalid_body(refusal: Option<Refusal>) -> common::InvalidBody {
    let refusal = refusal.unwrap_or(Refusal {
        field: None,
        reason: Cow::Borrowed("invalid value"),
    });
    let detail = match &refusal.field {
        Some(field) => format!("Invalid request body at `{field}`: {}.", refusal.reason),
        None => format!("Invalid request body: {}.", refusal.reason),
    };
    common::InvalidBody {
        field: refusal.field,
        detail: Cow::Owned(detail),
    }
}

/// A parameter's name and the public message about it.
pub(crate) fn parameter(
    location: &str,
    parameter: Option<String>,
    reason: &str,
) -> (Option<String>, Cow<'static, str>) {
    let detail = match &parameter {
        Some(name) => format!("Invalid {location} parameter `{name}`: {reason}."),
        None if location == "query" => format!("Invalid query string: {reason}."),
        None => format!("Invalid {location} parameter: {reason}."),
    };
    (parameter, Cow::Owned(detail))
}

/// A query string (or a `GET` form) refused by serde_urlencoded.
pub(crate) fn query_parameter(
    error: Option<&UrlencodedError>,
) -> (Option<String>, Cow<'static, str>) {
    match error {
        Some(error) => {
            let refusal = Refusal::new(error.path(), &error.inner().to_string());
            parameter("query", refusal.field, &refusal.reason)
        }
        None => parameter("query", None, "invalid value"),
    }
}

/// What a JSON body parse failure says: serde_json's syntax messages name
/// the fault and its place (`trailing comma at line 1 column 9`) and never
/// the input; anything else is said without detail.
pub(crate) fn json_syntax(error: &serde_json::Error) -> String {
    const SYNTAX: &[&str] = &[
        "EOF while parsing a list",
        "EOF while parsing an object",
        "EOF while parsing a string",
        "EOF while parsing a value",
        "expected `:`",
        "expected `,` or `]`",
        "expected `,` or `}`",
        "expected ident",
        "expected value",
        "expected `\"`",
        "invalid escape",
        "invalid number",
        "number out of range",
        "invalid unicode code point",
        "control character (\\u0000-\\u001F) found while parsing a string",
        "key must be a string",
        "invalid value: expected key to be a number in quotes",
        "float key must be finite (got NaN or +/-inf)",
        "lone leading surrogate in hex escape",
        "trailing comma",
        "trailing characters",
        "unexpected end of hex escape",
        "recursion limit exceeded",
    ];
    let text = error.to_string();
    let fault = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(fault, _)| fault);
    if SYNTAX.contains(&fault) && error.line() > 0 {
        format!(
            "The request body is not valid JSON: {fault} at line {} column {}.",
            error.line(),
            error.column()
        )
    } else {
        "The request body is not valid JSON.".to_owned()
    }
}

/// serde_json's message without the ` at line .. column ..` it appends.
pub(crate) fn json_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let place = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&place) {
        Some(message) if error.line() > 0 => message.to_owned(),
        _ => text,
    }
}

/// A field path and the reason a value at it was refused, from a
/// deserializer's message. A missing or duplicate field extends the path
/// with the field's name.
pub(crate) struct Refusal {
    pub(crate) field: Option<String>,
    pub(crate) reason: Cow<'static, str>,
}

impl Refusal {
    pub(crate) fn new(path: &Path, message: &str) -> Self {
        let mut field = field_path(path);
        let reason = match named_field(message) {
            Some((reason, name)) => {
                let full = match field.take() {
                    Some(parent) => format!("{parent}.{name}"),
                    None => name.to_owned(),
                };
                field = Some(full);
                Cow::Borrowed(reason)
            }
            None => reason(message),
        };
        Refusal { field, reason }
    }
}

/// `items[2].size` from the deserializer's path: names joined by `.`,
/// indexes in brackets. A key that is not a plain name (a map's key with
/// spaces, quotes or markup) is written `?`: a path repeats no more of the
/// request than plain names. `None` for the body as a whole.
pub(crate) fn field_path(path: &Path) -> Option<String> {
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                let _ = write!(out, "[{index}]");
            }
            Segment::Map { key } => push_name(&mut out, key),
            Segment::Enum { variant } => push_name(&mut out, variant),
            Segment::Unknown => push_name(&mut out, "?"),
        }
    }
    (!out.is_empty()).then_some(out)
}

fn push_name(out: &mut String, name: &str) {
    if !out.is_empty() {
        out.push('.');
    }
    out.push_str(if is_plain_name(name) { name } else { "?" });
}

pub(crate) use crate::rules::is_plain_name;

/// serde's `missing field `x`` and `duplicate field `x``: the reason and
/// the field's name, which the server's type gave.
fn named_field(message: &str) -> Option<(&'static str, &str)> {
    for (prefix, reason) in [
        ("missing field `", "missing field"),
        ("duplicate field `", "duplicate field"),
    ] {
        if let Some(name) = message
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix('`'))
            .filter(|name| is_plain_name(name))
        {
            return Some((reason, name));
        }
    }
    None
}

/// The reason a value was refused, from serde's message, without the
/// value: `expected u32, found a string`. A message of serde's own forms
/// keeps what the server's type expected; one of the standard library's
/// parse errors is kept as it is (none quotes its input); any other
/// (a `Deserialize` impl's own words) becomes `invalid value`.
pub(crate) fn reason(message: &str) -> Cow<'static, str> {
    const PARSE_ERRORS: &[&str] = &[
        "cannot parse integer from empty string",
        "invalid digit found in string",
        "number too large to fit in target type",
        "number too small to fit in target type",
        "number would be zero for non-zero type",
        "cannot parse float from empty string",
        "invalid float literal",
        "provided string was not `true` or `false`",
        "cannot parse char from empty string",
        "too many characters in string",
    ];
    if let Some(known) = PARSE_ERRORS.iter().find(|known| **known == message) {
        return Cow::Borrowed(known);
    }
    // serde's forms for a type with nothing to expect end in a fixed
    // phrase, whatever the quoted name held.
    for (prefix, ending, reason) in [
        (
            "unknown field `",
            "`, there are no fields",
            "unknown field, there are no fields",
        ),
        (
            "unknown variant `",
            "`, there are no variants",
            "unknown variant, there are no variants",
        ),
    ] {
        if message.starts_with(prefix) && message.ends_with(ending) {
            return Cow::Borrowed(reason);
        }
    }
    // serde's forms end in `, expected <what the type expects>`: the last
    // such separator is serde's, whatever the quoted value held.
    let Some((refused, expected)) = message.rsplit_once(", expected ") else {
        return Cow::Borrowed("invalid value");
    };
    let expected = expected_text(expected);
    if let Some(unexpected) = refused.strip_prefix("invalid type: ") {
        return match found(unexpected) {
            Some(kind) => Cow::Owned(format!("expected {expected}, found {kind}")),
            None => Cow::Owned(format!("expected {expected}")),
        };
    }
    for (prefix, what) in [
        ("invalid value: ", "invalid value"),
        ("invalid length ", "invalid length"),
        ("unknown variant `", "unknown variant"),
        ("unknown field `", "unknown field"),
    ] {
        if refused.starts_with(prefix) {
            return Cow::Owned(format!("{what}, expected {expected}"));
        }
    }
    Cow::Borrowed("invalid value")
}

/// What the type expected, as its `Deserialize` impl says it, cut to a
/// sentence's length and to printable characters.
fn expected_text(expected: &str) -> String {
    let mut printable = expected.chars().filter(|c| !c.is_control());
    let mut text: String = printable.by_ref().take(120).collect();
    if printable.next().is_some() {
        text.push('…');
    }
    text
}

/// The kind of value serde's `Unexpected` names (`string "…"` is a
/// string), without the value.
fn found(unexpected: &str) -> Option<&'static str> {
    const KINDS: &[(&str, &str)] = &[
        ("boolean", "a boolean"),
        ("integer", "an integer"),
        ("floating point", "a number"),
        ("character", "a character"),
        ("string", "a string"),
        ("byte array", "bytes"),
        ("unit value", "null"),
        ("null", "null"),
        ("Option value", "an optional value"),
        ("newtype struct", "a value"),
        ("sequence", "an array"),
        ("map", "an object"),
        ("enum", "an enum"),
        ("unit variant", "a variant"),
        ("newtype variant", "a variant"),
        ("tuple variant", "a variant"),
        ("struct variant", "a variant"),
    ];
    KINDS.iter().find_map(|(word, kind)| {
        let rest = unexpected.strip_prefix(word)?;
        (rest.is_empty() || rest.starts_with(' ')).then_some(*kind)
    })
}

/// A type's name as `std::any::type_name` gives it, without module paths:
/// `Option<u32>` for `core::option::Option<u32>`.
#[cfg(feature = "axum")]
pub(crate) fn short_type_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word = String::new();
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            word.clear();
        } else {
            out.push_str(&word);
            word.clear();
            out.push(c);
        }
    }
    out.push_str(&word);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_lose_the_value() {
        for (message, expected) in [
            (
                r#"invalid type: string "SECRET", expected u32"#,
                "expected u32, found a string",
            ),
            (
                r#"invalid type: string "SECRET, expected HACK", expected u32"#,
                "expected u32, found a string",
            ),
            (
                "invalid value: integer `-7`, expected u8",
                "invalid value, expected u8",
            ),
            (
                "invalid length 3, expected a tuple of size 2",
                "invalid length, expected a tuple of size 2",
            ),
            (
                "unknown variant `SECRET`, expected `small` or `large`",
                "unknown variant, expected `small` or `large`",
            ),
            (
                "unknown field `SECRET`, expected `name` or `size`",
                "unknown field, expected `name` or `size`",
            ),
            (
                "unknown field `SECRET`, there are no fields",
                "unknown field, there are no fields",
            ),
            (
                "unknown field `a, expected <img src=x>`, there are no fields",
                "unknown field, there are no fields",
            ),
            (
                "unknown variant `a, expected <b>`, there are no variants",
                "unknown variant, there are no variants",
            ),
            (
                "unknown field `a, expected <b>`, expected `name`",
                "unknown field, expected `name`",
            ),
            (
                "invalid type: character `S`, expected u8",
                "expected u8, found a character",
            ),
            (
                "invalid digit found in string",
                "invalid digit found in string",
            ),
            ("input contains SECRET characters", "invalid value"),
            ("invalid type: SECRET", "invalid value"),
        ] {
            assert_eq!(reason(message), expected, "{message}");
        }
    }

    #[test]
    fn a_long_expectation_is_cut_once() {
        let long = "x".repeat(130);
        let with_controls = format!("{}{}", "y".repeat(100), "\u{7}".repeat(30));
        assert_eq!(expected_text(&long), format!("{}…", "x".repeat(120)));
        assert_eq!(expected_text(&with_controls), "y".repeat(100));
    }

    #[test]
    fn a_missing_field_extends_the_path() {
        let error = serde_json::from_str::<Vec<Item>>(r#"[{"size": 1}, {}]"#).unwrap_err();
        assert_eq!(
            error.to_string(),
            "missing field `size` at line 1 column 16"
        );
        let mut deserializer =
            serde_json::Deserializer::from_str(r#"{"items": [{"size": 1}, {}]}"#);
        let error = serde_path_to_error::deserialize::<_, Order>(&mut deserializer).unwrap_err();
        let refusal = Refusal::new(error.path(), &json_message(error.inner()));
        assert_eq!(refusal.field.as_deref(), Some("items[1].size"));
        assert_eq!(refusal.reason, "missing field");
    }

    #[test]
    fn keys_the_client_chose_are_not_repeated() {
        let mut deserializer =
            serde_json::Deserializer::from_str(r#"{"tags": {"SECRET <b>": "x", "ok_key": "y"}}"#);
        let error = serde_path_to_error::deserialize::<_, Tagged>(&mut deserializer).unwrap_err();
        assert_eq!(field_path(error.path()).as_deref(), Some("tags.?"));
    }

    #[test]
    fn syntax_messages_keep_their_place() {
        let error = serde_json::from_str::<serde_json::Value>(r#"{"a": "SECRET",}"#).unwrap_err();
        assert_eq!(
            json_syntax(&error),
            "The request body is not valid JSON: trailing comma at line 1 column 16."
        );
        let error = serde_json::from_str::<serde_json::Value>("").unwrap_err();
        assert_eq!(
            json_syntax(&error),
            "The request body is not valid JSON: EOF while parsing a value at line 1 column 0."
        );
    }

    #[cfg(feature = "axum")]
    #[test]
    fn type_names_lose_their_modules() {
        assert_eq!(
            short_type_name("core::option::Option<alloc::string::String>"),
            "Option<String>"
        );
        assert_eq!(short_type_name("u32"), "u32");
        assert_eq!(short_type_name("(u32, my_app::Id)"), "(u32, Id)");
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        size: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Order {
        items: Vec<Item>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Tagged {
        tags: std::collections::BTreeMap<String, u32>,
    }
}
