//! Reads `#[status]`, `#[message]`, `#[payload]` and `#[http_error]` into
//! plain data. Every problem is reported to the `Ctxt`, spanned on the token
//! that is wrong, and reading goes on so one compile shows all of them.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, LitInt, LitStr, Meta, Token};

use crate::case::{RULE_NAMES, RenameRule};
use crate::ctxt::Ctxt;
use crate::json::Json;
use crate::status;
use crate::suggest::closest;
use crate::template::Template;

pub struct Status<'a> {
    pub code: u16,
    /// The registered reason phrase, or the one given with `reason = ".."`.
    pub reason: String,
    /// The attribute, for errors about the status it sets.
    pub attr: &'a Attribute,
    /// `#[status(404 | 409, with = path)]`: the status is chosen at run
    /// time, by the named code, among `code` and these.
    pub chosen: Option<Chosen>,
}

/// A status chosen at run time within a declared set.
pub struct Chosen {
    /// The other statuses of the set, after `Status::code`, with their
    /// reason phrases.
    pub others: Vec<(u16, String)>,
    pub with: syn::Path,
}

/// An attribute written at most once: absent, written but unreadable (its
/// error is reported already, so nothing else complains of its absence),
/// or read.
pub enum Written<T> {
    Absent,
    Invalid,
    Valid(T),
}

impl<T> Written<T> {
    pub fn valid(&self) -> Option<&T> {
        match self {
            Written::Valid(value) => Some(value),
            Written::Absent | Written::Invalid => None,
        }
    }

    pub fn is_written(&self) -> bool {
        !matches!(self, Written::Absent)
    }
}

/// The body's format, `#[http_error(format = "..")]`.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Flask's `to_dict()` shape: `application/json`.
    #[default]
    Json,
    /// RFC 9457 problem details: `application/problem+json`.
    Problem,
    /// The public message alone: `text/plain; charset=utf-8`.
    Text,
}

impl Format {
    const NAMES: &[(&str, Format)] = &[
        ("json", Format::Json),
        ("problem", Format::Problem),
        ("text", Format::Text),
    ];
}

/// How `status_key` writes the status: `404` or `"404"` (JSON:API).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StatusAs {
    Number,
    String,
}

impl StatusAs {
    const NAMES: &[(&str, StatusAs)] =
        &[("number", StatusAs::Number), ("string", StatusAs::String)];
}

/// `envelope = ".."` (`{"error": {..}}`) or `envelope_array = ".."`
/// (`{"errors": [{..}]}`): the key the body's members go under.
pub struct Envelope {
    pub key: LitStr,
    pub array: bool,
}

/// A member every body of the type has, in the order the type declares
/// them: the message, the code, the status and each `#[member]` take their
/// places as their keys are written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Message,
    Code,
    Status,
    /// The type's `#[member]` at this index of [`Container::members`].
    Fixed(usize),
}

/// `#[member("key", value)]`: a member with a value fixed at compile time
/// (a string may name `{code}`, `{status}` and `{reason}`), a template over
/// a variant's fields, or the result of named code (`with = path`).
pub struct FixedMember {
    pub key: LitStr,
    pub value: MemberValue,
}

pub enum MemberValue {
    /// A number, a bool or `null`.
    Json(Json),
    /// A string: fixed, or, on a variant or struct, a template over its
    /// fields.
    Text(LitStr),
    /// `with = path`: the value the named code returns.
    With(syn::Path),
}

/// Options of `#[http_error(..)]` that apply to the whole type.
#[derive(Default)]
pub struct Container {
    /// `log = ".."`: the level every variant is logged at, unless its own
    /// says otherwise.
    pub log: Option<LitStr>,
    pub message_key: Option<LitStr>,
    pub code_key: Option<LitStr>,
    pub rename_all: Option<RenameRule>,
    /// `None` where no `format` is written: JSON.
    pub format: Option<Format>,
    pub type_base: Option<LitStr>,
    pub envelope: Option<Envelope>,
    pub status_key: Option<LitStr>,
    pub status_as: Option<(StatusAs, LitStr)>,
    /// `skip_message`: the body has no message member.
    pub skip_message: Option<Span>,
    /// `negotiate`: the format follows the request's `Accept`.
    pub negotiate: Option<Span>,
    /// `decode`: clients can rebuild the type's values from its responses.
    pub decode: Option<Span>,
    /// The members the type declares, in the order written.
    pub order: Vec<Slot>,
    /// The type's own `#[member]`s.
    pub members: Vec<FixedMember>,
    /// `#[message(with = path)]` on the enum: the message of every variant
    /// below 500 without one of its own.
    pub message_with: Option<syn::Path>,
    /// `rfc9110_deviation = ".."`: a required header the type's variants
    /// answer without.
    pub deviations: Vec<LitStr>,
}

impl Container {
    pub fn problem(&self) -> bool {
        self.format == Some(Format::Problem)
    }

    pub fn text(&self) -> bool {
        self.format == Some(Format::Text)
    }
}

/// `#[header(..)]`: with a fixed value on a variant or struct, without one
/// on a field.
pub struct Header {
    /// Lowercase, as `http::HeaderName` keeps it.
    pub name: String,
    pub value: Option<String>,
    /// The name's literal, for errors about the header itself.
    pub span: Span,
}

/// What a variant (or a struct, for itself) may carry.
pub struct VariantAttrs<'a> {
    pub headers: Vec<Header>,
    pub status: Written<Status<'a>>,
    pub message: Option<Template>,
    /// The `#[message]` attribute, for "not on a 204".
    pub message_attr: Option<&'a Attribute>,
    /// `#[message(with = path)]`.
    pub message_with: Option<syn::Path>,
    /// `#[message(.., example = "..")]`: the message in documented
    /// examples, where it is not known at compile time.
    pub message_example: Option<LitStr>,
    /// `log = ".."` on the variant (a struct's is the type's).
    pub log: Option<LitStr>,
    pub code: Option<LitStr>,
    /// `grpc = "ALREADY_EXISTS"`: the gRPC code, where it is not the one
    /// its status maps to; with its number.
    pub grpc: Option<(LitStr, i32)>,
    /// `#[http_error(transparent)]`: answer as the one field's error.
    pub transparent: Option<Span>,
    /// The variant's own `#[member]`s (a struct's are the type's).
    pub members: Vec<FixedMember>,
    /// The variant's own `rfc9110_deviation`s (a struct's are the type's).
    pub deviations: Vec<LitStr>,
    /// `format = "text"` on a variant: its body is its message alone.
    pub text: Option<Span>,
}

impl Default for VariantAttrs<'_> {
    fn default() -> Self {
        VariantAttrs {
            headers: Vec::new(),
            status: Written::Absent,
            message: None,
            message_attr: None,
            message_with: None,
            message_example: None,
            log: None,
            code: None,
            grpc: None,
            transparent: None,
            members: Vec::new(),
            deviations: Vec::new(),
            text: None,
        }
    }
}

pub struct Payload<'a> {
    pub attr: &'a Attribute,
    pub rename: Option<LitStr>,
    pub flatten: bool,
    /// `example = ..`: the value in the documented example body.
    pub example: Option<Json>,
}

#[derive(Default)]
pub struct FieldAttrs<'a> {
    pub payload: Option<Payload<'a>>,
    pub header: Option<Header>,
}

/// Where an attribute stands, which decides the keys it may use.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Enum,
    Variant,
    Struct,
}

impl Position {
    fn allows(self, key: HttpErrorKey) -> bool {
        match self {
            Position::Enum => key.of_type(),
            Position::Variant => key.of_variant(),
            Position::Struct => true,
        }
    }

    /// The names of the `#[http_error]` keys allowed here, for messages.
    fn http_error_keys(self) -> Vec<&'static str> {
        HttpErrorKey::ALL
            .iter()
            .filter(|&&key| self.allows(key))
            .map(|key| key.name())
            .collect()
    }
}

/// The keys of `#[http_error(..)]`: one list, read by the parser, the
/// position rules and every message that names them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HttpErrorKey {
    MessageKey,
    CodeKey,
    RenameAll,
    Format,
    TypeBase,
    Envelope,
    EnvelopeArray,
    StatusKey,
    StatusAs,
    SkipMessage,
    Rfc9110Deviation,
    Code,
    Transparent,
    Log,
    Negotiate,
    Grpc,
    Decode,
}

impl HttpErrorKey {
    const ALL: [HttpErrorKey; 17] = [
        HttpErrorKey::MessageKey,
        HttpErrorKey::CodeKey,
        HttpErrorKey::RenameAll,
        HttpErrorKey::Format,
        HttpErrorKey::TypeBase,
        HttpErrorKey::Envelope,
        HttpErrorKey::EnvelopeArray,
        HttpErrorKey::StatusKey,
        HttpErrorKey::StatusAs,
        HttpErrorKey::SkipMessage,
        HttpErrorKey::Rfc9110Deviation,
        HttpErrorKey::Code,
        HttpErrorKey::Transparent,
        HttpErrorKey::Log,
        HttpErrorKey::Negotiate,
        HttpErrorKey::Grpc,
        HttpErrorKey::Decode,
    ];

    fn name(self) -> &'static str {
        match self {
            HttpErrorKey::MessageKey => "message_key",
            HttpErrorKey::CodeKey => "code_key",
            HttpErrorKey::RenameAll => "rename_all",
            HttpErrorKey::Format => "format",
            HttpErrorKey::TypeBase => "type_base",
            HttpErrorKey::Envelope => "envelope",
            HttpErrorKey::EnvelopeArray => "envelope_array",
            HttpErrorKey::StatusKey => "status_key",
            HttpErrorKey::StatusAs => "status_as",
            HttpErrorKey::SkipMessage => "skip_message",
            HttpErrorKey::Rfc9110Deviation => "rfc9110_deviation",
            HttpErrorKey::Code => "code",
            HttpErrorKey::Transparent => "transparent",
            HttpErrorKey::Log => "log",
            HttpErrorKey::Negotiate => "negotiate",
            HttpErrorKey::Grpc => "grpc",
            HttpErrorKey::Decode => "decode",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|key| key.name() == name)
    }

    /// Whether the key applies to the whole type, rather than to one
    /// variant (a struct takes both).
    fn of_type(self) -> bool {
        !matches!(
            self,
            HttpErrorKey::Code | HttpErrorKey::Transparent | HttpErrorKey::Grpc
        )
    }

    /// Whether the key may stand on a variant.
    fn of_variant(self) -> bool {
        matches!(
            self,
            HttpErrorKey::Code
                | HttpErrorKey::Grpc
                | HttpErrorKey::Transparent
                | HttpErrorKey::Rfc9110Deviation
                | HttpErrorKey::Format
                | HttpErrorKey::Log
        )
    }
}

/// Attributes of the enum or struct itself.
pub fn container<'a>(
    cx: &Ctxt,
    attrs: &'a [Attribute],
    position: Position,
) -> (Container, VariantAttrs<'a>) {
    let mut container = Container::default();
    let own = own_attrs(cx, attrs, position, &mut container);
    (container, own)
}

pub fn variant<'a>(cx: &Ctxt, attrs: &'a [Attribute]) -> VariantAttrs<'a> {
    own_attrs(cx, attrs, Position::Variant, &mut Container::default())
}

/// What a variant, a struct or an enum says of itself; container options
/// go into `container`.
fn own_attrs<'a>(
    cx: &Ctxt,
    attrs: &'a [Attribute],
    position: Position,
    container: &mut Container,
) -> VariantAttrs<'a> {
    let mut own = VariantAttrs::default();
    for attr in attrs {
        let path = attr.path();
        if path.is_ident("http_error") {
            http_error(cx, attr, position, container, &mut own);
        } else if path.is_ident("status") {
            match (parse_status(cx, attr), &own.status) {
                (_, Written::Valid(_) | Written::Invalid) => duplicate(cx, attr),
                (Some(status), _) => own.status = Written::Valid(status),
                (None, _) => own.status = Written::Invalid,
            }
        } else if path.is_ident("message") {
            message(cx, attr, position, container, &mut own);
        } else if path.is_ident("header") {
            if position == Position::Enum {
                cx.error_spanned_by(
                    attr,
                    "#[header] goes on a variant, a struct or a field, not on the enum",
                );
            } else if let Some(header) = parse_header(cx, attr, HeaderPosition::Variant) {
                own.headers.push(header);
            }
        } else if path.is_ident("member") {
            if let Some(member) = parse_member(cx, attr, position) {
                if position == Position::Variant {
                    own.members.push(member);
                } else {
                    container.order.push(Slot::Fixed(container.members.len()));
                    container.members.push(member);
                }
            }
        } else if path.is_ident("payload") {
            let on = if position == Position::Variant {
                "a variant"
            } else {
                "the type"
            };
            cx.error_spanned_by(attr, format!("#[payload] goes on a field, not on {on}"));
        }
    }
    own
}

pub fn field<'a>(cx: &Ctxt, attrs: &'a [Attribute]) -> FieldAttrs<'a> {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        if attr.path().is_ident("payload") {
            set_once(cx, attr, &mut out.payload, parse_payload(cx, attr));
        } else if attr.path().is_ident("header") {
            set_once(
                cx,
                attr,
                &mut out.header,
                parse_header(cx, attr, HeaderPosition::Field),
            );
        } else if let Some(name) = ["status", "message", "http_error", "member"]
            .into_iter()
            .find(|name| attr.path().is_ident(name))
        {
            cx.error_spanned_by(
                attr,
                format!("#[{name}] goes on a variant or on the type, not on a field"),
            );
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum HeaderPosition {
    Variant,
    Field,
}

/// Headers httperror writes itself, or that describe the message framing,
/// which the server owns.
const RESERVED_HEADERS: &[(&str, &str)] = &[
    ("content-type", "httperror sets it from the body format"),
    ("content-length", "the server sets it from the body"),
    ("transfer-encoding", "the server sets it from the body"),
    ("connection", "it is a hop-by-hop header the server manages"),
];

/// `#[header("name")]` on a field, `#[header("name", "value")]` on a
/// variant or struct, checked as `http::HeaderName` and `HeaderValue` would.
fn parse_header(cx: &Ctxt, attr: &Attribute, position: HeaderPosition) -> Option<Header> {
    let Meta::List(list) = &attr.meta else {
        cx.error_spanned_by(
            attr,
            "expected #[header(\"name\")] or #[header(\"name\", \"value\")]",
        );
        return None;
    };
    let parsed = list.parse_args_with(|input: ParseStream| {
        let name: LitStr = input.parse()?;
        let value = if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                None
            } else {
                Some(input.parse::<LitStr>()?)
            }
        } else {
            None
        };
        if !input.is_empty() {
            return Err(
                input.error("expected at most a name and a value: #[header(\"name\", \"value\")]")
            );
        }
        Ok((name, value))
    });
    let (name_lit, value_lit) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => {
            cx.push(syn::Error::new(
                err.span(),
                "expected #[header(\"name\")] on a field, or #[header(\"name\", \"value\")] on a variant",
            ));
            return None;
        }
    };
    let name = name_lit.value().to_ascii_lowercase();
    if name.is_empty() {
        cx.error_spanned_by(&name_lit, "a header name cannot be empty");
        return None;
    }
    if let Some(bad) = name.chars().find(|&c| !is_tchar(c)) {
        cx.error_spanned_by(
            &name_lit,
            format!(
                "{bad:?} cannot appear in a header name: a name is a token of letters, digits \
                 and !#$%&'*+-.^_`|~ (RFC 9110 §5.1)"
            ),
        );
        return None;
    }
    if let Some((_, why)) = RESERVED_HEADERS
        .iter()
        .find(|(reserved, _)| *reserved == name)
    {
        cx.error_spanned_by(
            &name_lit,
            format!("`{name}` cannot be set with #[header]: {why}"),
        );
        return None;
    }
    let value = match (position, value_lit) {
        (HeaderPosition::Variant, None) => {
            cx.error_spanned_by(
                attr,
                format!(
                    "a header on a variant needs its value: #[header(\"{name}\", \"...\")]; \
                     for a value that varies, put #[header(\"{name}\")] on a field"
                ),
            );
            return None;
        }
        (HeaderPosition::Field, Some(value)) => {
            cx.error_spanned_by(
                &value,
                format!(
                    "a field's header takes its value from the field's Display: write \
                     #[header(\"{name}\")], or put #[header(\"{name}\", \"...\")] on the variant \
                     for a fixed value"
                ),
            );
            return None;
        }
        (HeaderPosition::Variant, Some(value)) => {
            let text = value.value();
            if let Some(bad) = text
                .chars()
                .find(|&c| !(c == '\t' || (' '..='~').contains(&c)))
            {
                cx.error_spanned_by(
                    &value,
                    format!(
                        "{bad:?} cannot appear in a fixed header value: use visible ASCII, \
                         spaces and tabs (RFC 9110 §5.5)"
                    ),
                );
                // Named all the same, so the name's own rules raise no
                // follow-on error.
                return Some(Header {
                    name,
                    value: None,
                    span: name_lit.span(),
                });
            }
            Some(text)
        }
        (HeaderPosition::Field, None) => None,
    };
    Some(Header {
        name,
        value,
        span: name_lit.span(),
    })
}

/// `#[member("key", value)]`: a string (which may name `{code}`,
/// `{status}` and `{reason}`), a number, a bool or `null`.
fn parse_member(cx: &Ctxt, attr: &Attribute, position: Position) -> Option<FixedMember> {
    const EXPECTED: &str = "expected #[member(\"key\", value)] with a string, a number, a bool or \
                            null: #[member(\"object\", \"error\")]";
    let Meta::List(list) = &attr.meta else {
        cx.error_spanned_by(attr, EXPECTED);
        return None;
    };
    let parsed = list.parse_args_with(|input: ParseStream| {
        let expected = |err: syn::Error| syn::Error::new(err.span(), EXPECTED);
        let key: LitStr = input.parse().map_err(expected)?;
        if input.is_empty() {
            return Ok((key, None, Span::call_site()));
        }
        input.parse::<Token![,]>().map_err(expected)?;
        let span = input.span();
        let value = if input.peek(syn::Ident) && input.peek2(Token![=]) {
            let ident: syn::Ident = input.parse()?;
            if ident != "with" {
                return Err(syn::Error::new(
                    ident.span(),
                    format!("unknown key `{ident}` in #[member]: expected `with = path`"),
                ));
            }
            input.parse::<Token![=]>()?;
            MemberValue::With(input.parse()?)
        } else if input.peek(syn::Ident) {
            let ident: syn::Ident = input.parse()?;
            if ident != "null" {
                return Err(syn::Error::new(
                    ident.span(),
                    format!(
                        "a member's value is a literal, null, or named code (`with = path`), \
                         not `{ident}`"
                    ),
                ));
            }
            MemberValue::Json(Json::Null)
        } else if input.peek(LitStr) {
            MemberValue::Text(input.parse()?)
        } else {
            MemberValue::Json(parse_literal(
                input,
                "a member's value is a literal: a string, a number, a bool or null",
            )?)
        };
        input.parse::<Option<Token![,]>>()?;
        if !input.is_empty() {
            return Err(input.error("expected a key and one value: #[member(\"key\", value)]"));
        }
        Ok((key, Some(value), span))
    });
    let (key, value, span) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => {
            cx.push(err);
            return None;
        }
    };
    if let Err(err) = check_key(&key, "a member key") {
        cx.push(err);
        return None;
    }
    let Some(value) = value else {
        cx.error_spanned_by(
            attr,
            format!(
                "a member needs its value: #[member(\"{}\", \"...\")]; a value that varies is \
                 a field with #[payload]",
                key.value().escape_default()
            ),
        );
        return None;
    };
    if let MemberValue::Text(lit) = &value {
        // On the enum, only the facts every variant has; on a variant or a
        // struct, its fields too, checked when the fields are known.
        let checked = if position == Position::Enum {
            fill_member(&lit.value(), Some(""), 0, "").map(drop)
        } else {
            Template::parse(lit.clone())
                .map(drop)
                .map_err(|err| err.to_string().replace("#[message]", "#[member]"))
        };
        if let Err(message) = checked {
            cx.error_at(span, message);
            return None;
        }
    }
    Some(FixedMember { key, value })
}

/// A fixed member's text with `{code}`, `{status}` and `{reason}` filled
/// in (`{{` and `}}` stand for braces); `None` where it names `{code}` and
/// there is none (the plain 500); the reason it cannot be, for any other
/// placeholder.
pub fn fill_member(
    text: &str,
    code: Option<&str>,
    status: u16,
    reason: &str,
) -> Result<Option<String>, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let brace = rest.as_bytes()[i];
        rest = &rest[i + 1..];
        if rest.as_bytes().first() == Some(&brace) {
            out.push(brace as char);
            rest = &rest[1..];
            continue;
        }
        if brace == b'}' {
            return Err("an unmatched `}` in a member's value: write `}}` for a brace".to_owned());
        }
        let Some(end) = rest.find('}') else {
            return Err("an unclosed `{` in a member's value: write `{{` for a brace".to_owned());
        };
        match &rest[..end] {
            "code" => match code {
                Some(code) => out.push_str(code),
                None => return Ok(None),
            },
            "status" => out.push_str(&status.to_string()),
            "reason" => out.push_str(reason),
            other => {
                return Err(format!(
                    "`{{{other}}}` in a member's value: a fixed member can name `{{code}}`, \
                     `{{status}}` and `{{reason}}` (write `{{{{` and `}}}}` for braces); a \
                     member on the enum has no fields to name: put it on the variant to name \
                     the variant's fields"
                ));
            }
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(Some(out))
}

/// A body member's key: a non-empty line of text.
pub fn check_key(lit: &LitStr, what: &str) -> syn::Result<()> {
    let key = lit.value();
    if key.is_empty() {
        return Err(syn::Error::new(
            lit.span(),
            format!("{what} cannot be empty"),
        ));
    }
    if let Some(c) = key.chars().find(|c| c.is_control()) {
        return Err(syn::Error::new(
            lit.span(),
            format!("{what} cannot contain the control character {c:?}: a key is a line of text"),
        ));
    }
    Ok(())
}

/// RFC 9110 §5.6.2 `tchar`; uppercase letters are lowered before this.
fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// Keeps the first of a repeated attribute and reports the others.
fn set_once<T>(cx: &Ctxt, attr: &Attribute, slot: &mut Option<T>, value: Option<T>) {
    let Some(value) = value else { return };
    if slot.is_some() {
        duplicate(cx, attr);
    } else {
        *slot = Some(value);
    }
}

fn duplicate(cx: &Ctxt, attr: &Attribute) {
    let name = attr
        .path()
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default();
    cx.error_spanned_by(attr, format!("duplicate #[{name}] attribute; keep one"));
}

/// `#[message("template")]` on a variant or struct, or
/// `#[message(with = path)]` there or on the enum.
fn message<'a>(
    cx: &Ctxt,
    attr: &'a Attribute,
    position: Position,
    container: &mut Container,
    own: &mut VariantAttrs<'a>,
) {
    const EXPECTED: &str = "expected a template, #[message(\"quota exceeded: {used}\")], or \
                            named code, #[message(with = Self::describe)]";
    let Meta::List(list) = &attr.meta else {
        cx.error_spanned_by(attr, EXPECTED);
        return;
    };
    // `"template"` or `with = path`, then `example = ".."`.
    let parsed = list.parse_args_with(|input: ParseStream| {
        let source = if input.peek(LitStr) {
            MessageSource::Template(input.parse::<LitStr>()?)
        } else if input.peek(syn::Ident) && input.peek2(Token![=]) {
            let key: syn::Ident = input.parse()?;
            if key != "with" {
                let hint = closest(&key.to_string(), ["with"])
                    .map(|k| format!("; did you mean `{k}`?"))
                    .unwrap_or_default();
                return Err(syn::Error::new(
                    key.span(),
                    format!("unknown key `{key}` in #[message]: expected `with = path`{hint}"),
                ));
            }
            input.parse::<Token![=]>()?;
            MessageSource::With(input.parse::<syn::Path>()?)
        } else {
            return Err(input.error(EXPECTED));
        };
        let mut example = None;
        if input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
            let key: syn::Ident = input.parse()?;
            if key != "example" {
                let hint = closest(&key.to_string(), ["example"])
                    .map(|k| format!("; did you mean `{k}`?"))
                    .unwrap_or_default();
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "unknown key `{key}` in #[message]: after the message, only \
                         `example = \"..\"`, the message documented in OpenAPI{hint}"
                    ),
                ));
            }
            input.parse::<Token![=]>()?;
            example = Some(input.parse::<LitStr>()?);
            input.parse::<Option<Token![,]>>()?;
        }
        if !input.is_empty() {
            return Err(input.error(match source {
                MessageSource::With(_) => {
                    "expected one path, then `example = \"..\"` if any: \
                     #[message(with = Self::describe, example = \"..\")]"
                }
                MessageSource::Template(_) => {
                    "expected one template, then `example = \"..\"` if any: \
                     #[message(\"{detail}\", example = \"..\")]"
                }
            }));
        }
        Ok((source, example))
    });
    let (source, example) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => {
            cx.push(err);
            return;
        }
    };
    if let Some(example) = &example {
        if position == Position::Enum {
            // A template on the enum is refused below, example and all.
            if matches!(source, MessageSource::With(_)) {
                cx.error_spanned_by(
                    example,
                    "an example message belongs to one variant: put \
                     #[message(.., example = \"..\")] on the variant whose message it shows",
                );
            }
        } else {
            set_once(cx, attr, &mut own.message_example, Some(example.clone()));
        }
    }
    let template = match source {
        MessageSource::With(path) => {
            let slot = if position == Position::Enum {
                &mut container.message_with
            } else {
                own.message_attr.get_or_insert(attr);
                &mut own.message_with
            };
            if slot.is_some() || own.message.is_some() {
                duplicate(cx, attr);
            } else {
                *slot = Some(path);
            }
            return;
        }
        MessageSource::Template(template) => template,
    };
    if position == Position::Enum {
        cx.error_spanned_by(
            attr,
            "a template goes on a variant: each variant has its own fields; on the enum, \
             name code that writes every variant's message: #[message(with = Self::describe)]",
        );
        return;
    }
    own.message_attr.get_or_insert(attr);
    if own.message_with.is_some() {
        duplicate(cx, attr);
        return;
    }
    match Template::parse(template) {
        Ok(template) => set_once(cx, attr, &mut own.message, Some(template)),
        Err(err) => cx.push(err),
    }
}

/// What a `#[message]` names first.
enum MessageSource {
    Template(LitStr),
    With(syn::Path),
}

fn parse_status<'a>(cx: &Ctxt, attr: &'a Attribute) -> Option<Status<'a>> {
    let result = match &attr.meta {
        Meta::List(list) if !list.tokens.is_empty() => {
            list.parse_args_with(|input: ParseStream| parse_status_args(cx, input, attr))
        }
        _ => Err(syn::Error::new_spanned(
            attr,
            "expected a status code: #[status(404)] or #[status(NOT_FOUND)]",
        )),
    };
    result.unwrap_or_else(|err| {
        cx.push(err);
        None
    })
}

/// One status of `#[status(..)]`: `404`, `NOT_FOUND` or
/// `StatusCode::NOT_FOUND`. `Ok(None)` for a problem already reported.
fn parse_code(cx: &Ctxt, input: ParseStream) -> syn::Result<Option<(u16, Span)>> {
    let code: Option<(u16, Span)> = if input.peek(LitInt) {
        let lit: LitInt = input.parse()?;
        match lit.base10_parse::<u16>() {
            Ok(code @ 100..=999) => Some((code, lit.span())),
            _ => {
                cx.error_at(
                    lit.span(),
                    format!(
                        "status code {} is out of range: an HTTP status code has three \
                         digits, 100..=999",
                        lit.base10_digits()
                    ),
                );
                None
            }
        }
    } else if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        let help = match lit.value().parse::<u16>() {
            Ok(n) => format!("; write #[status({n})]"),
            Err(_) => String::new(),
        };
        cx.error_at(
            lit.span(),
            format!("expected a status code as an integer or a constant name, not a string{help}"),
        );
        None
    } else if input.peek(syn::Ident) || input.peek(Token![::]) {
        let path: syn::Path = input.parse()?;
        let name = path
            .segments
            .last()
            .map_or_else(|| path.span(), |s| s.ident.span());
        resolve_status_path(cx, &path).map(|code| (code, name))
    } else {
        return Err(input
            .error("expected a status code: an integer such as 404, or a name such as NOT_FOUND"));
    };

    Ok(code)
}

fn parse_status_args<'a>(
    cx: &Ctxt,
    input: ParseStream,
    attr: &'a Attribute,
) -> syn::Result<Option<Status<'a>>> {
    let code = parse_code(cx, input)?;
    // `404 | 409 | 500`: a set the named code chooses from.
    let mut others: Vec<Option<(u16, Span)>> = Vec::new();
    while input.peek(Token![|]) {
        input.parse::<Token![|]>()?;
        others.push(parse_code(cx, input)?);
    }
    let mut reason: Option<LitStr> = None;
    let mut with: Option<syn::Path> = None;
    while input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            break;
        }
        let key: syn::Ident = input.parse()?;
        input.parse::<Token![=]>()?;
        if key == "reason" {
            let lit: LitStr = input.parse()?;
            if reason.replace(lit).is_some() {
                return Err(syn::Error::new(key.span(), "duplicate `reason`"));
            }
        } else if key == "with" {
            let path: syn::Path = input.parse()?;
            if with.replace(path).is_some() {
                return Err(syn::Error::new(key.span(), "duplicate `with`"));
            }
        } else {
            return Err(syn::Error::new(
                key.span(),
                format!(
                    "unknown key `{key}` in #[status]; expected `reason = \"...\"`, or \
                     `with = path` after a set of statuses"
                ),
            ));
        }
    }

    if others.is_empty() {
        if let Some(path) = &with {
            cx.error_spanned_by(
                path,
                "`with` chooses the status at run time among a set: write the set, \
                 #[status(404 | 409, with = path)] (500 is always in it)",
            );
            return Ok(None);
        }
        let Some((code, span)) = code else {
            return Ok(None);
        };
        let Some(reason) = reason_of(cx, code, span, reason) else {
            return Ok(None);
        };
        return Ok(Some(Status {
            code,
            reason,
            attr,
            chosen: None,
        }));
    }

    // A set: every member a status of its own, with a registered reason.
    if let Some(lit) = &reason {
        cx.error_spanned_by(
            lit,
            "a set of statuses takes no `reason`: each status of the set needs a registered \
             reason phrase",
        );
    }
    let Some(with) = with else {
        cx.error_spanned_by(
            attr,
            "a set of statuses is chosen from at run time: name the code that chooses, \
             #[status(404 | 409, with = path)]",
        );
        return Ok(None);
    };
    let mut codes: Vec<(u16, String)> = Vec::new();
    let mut valid = true;
    for (code, span) in std::iter::once(code).chain(others).flatten() {
        if codes.iter().any(|&(c, _)| c == code) {
            cx.error_at(span, format!("{code} is in the set twice; keep one"));
            valid = false;
            continue;
        }
        if status::reason(code).is_none() && !(100..=199).contains(&code) {
            cx.error_at(
                span,
                format!(
                    "{code} has no registered reason phrase, which a status chosen at run \
                     time needs; pick a registered status"
                ),
            );
            valid = false;
            continue;
        }
        match reason_of(cx, code, span, None) {
            Some(reason) => codes.push((code, reason)),
            None => valid = false,
        }
    }
    if !valid || codes.is_empty() {
        return Ok(None);
    }
    if !codes.iter().any(|&(c, _)| c == 500) {
        codes.push((500, "Internal Server Error".to_owned()));
    }
    let (code, reason) = codes.remove(0);
    Ok(Some(Status {
        code,
        reason,
        attr,
        chosen: Some(Chosen {
            others: codes,
            with,
        }),
    }))
}

/// The reason phrase of `code`: registered, or given with `reason`; `None`
/// (reported) for a 1xx, or an unregistered code without one.
fn reason_of(cx: &Ctxt, code: u16, span: Span, reason: Option<LitStr>) -> Option<String> {
    if (100..=199).contains(&code) {
        cx.error_at(
            span,
            format!(
                "{code} is an interim (1xx) status: it announces a response, it is never an \
                 error's answer (RFC 9110 §15.2); pick a 4xx or a 5xx"
            ),
        );
        return None;
    }
    let reason = match (status::reason(code), reason) {
        (Some(registered), None) => registered.to_owned(),
        (Some(registered), Some(lit)) => {
            cx.error_at(
                lit.span(),
                format!(
                    "{code} already has the registered reason phrase \"{registered}\"; \
                     remove `reason`"
                ),
            );
            registered.to_owned()
        }
        (None, Some(lit)) => {
            let text = lit.value();
            if text.trim().is_empty() || text.chars().any(char::is_control) {
                cx.error_at(
                    lit.span(),
                    "a reason phrase is a non-empty line of text without control characters",
                );
            }
            text
        }
        (None, None) => {
            cx.error_at(
                span,
                format!(
                    "{code} has no registered reason phrase; name one: \
                     #[status({code}, reason = \"...\")]"
                ),
            );
            return None;
        }
    };
    Some(reason)
}

fn resolve_status_path(cx: &Ctxt, path: &syn::Path) -> Option<u16> {
    let segments: Vec<_> = path.segments.iter().collect();
    let last = segments.last()?;
    if segments.len() > 1 && segments[segments.len() - 2].ident != "StatusCode" {
        cx.error_spanned_by(
            path,
            "expected a `StatusCode` constant: NOT_FOUND or StatusCode::NOT_FOUND",
        );
        return None;
    }
    let name = last.ident.to_string();
    if let Some(code) = status::by_name(&name) {
        return Some(code);
    }
    let message = match status::suggest(&name) {
        Some(close) => format!("unknown status name `{name}`; did you mean `{close}`?"),
        None => format!(
            "unknown status name `{name}`: expected an integer in 100..=999 or an \
             `http::StatusCode` constant such as NOT_FOUND"
        ),
    };
    cx.error_at(last.ident.span(), message);
    None
}

fn parse_payload<'a>(cx: &Ctxt, attr: &'a Attribute) -> Option<Payload<'a>> {
    let mut payload = Payload {
        attr,
        rename: None,
        flatten: false,
        example: None,
    };
    match &attr.meta {
        Meta::Path(_) => return Some(payload),
        Meta::NameValue(_) => {
            cx.error_spanned_by(
                attr,
                "expected #[payload], #[payload(rename = \"key\")] or #[payload(flatten)]",
            );
            return None;
        }
        Meta::List(_) => {}
    }
    let result = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("rename") {
            let lit: LitStr = meta.value()?.parse()?;
            check_key(&lit, "a payload key")?;
            if payload.rename.replace(lit).is_some() {
                return Err(meta.error("duplicate `rename`"));
            }
            Ok(())
        } else if meta.path.is_ident("example") {
            let example = parse_literal(
                meta.value()?,
                "an example is a literal: a string, a number or a bool",
            )?;
            if payload.example.replace(example).is_some() {
                return Err(meta.error("duplicate `example`"));
            }
            Ok(())
        } else if meta.path.is_ident("flatten") {
            if payload.flatten {
                return Err(meta.error("duplicate `flatten`"));
            }
            payload.flatten = true;
            Ok(())
        } else {
            Err(unknown_key(
                &meta,
                "#[payload]",
                &["rename", "flatten", "example"],
            ))
        }
    });
    if let Err(err) = result {
        cx.push(err);
        return None;
    }
    if payload.flatten
        && let Some(rename) = &payload.rename
    {
        cx.error_at(
            rename.span(),
            "`rename` and `flatten` exclude each other: a flattened field's keys are its own",
        );
    }
    Some(payload)
}

/// A literal as JSON: `"f-42"`, `10`, `-1.5`, `true`; `expected` is the
/// error for anything else. A number is written as serde_json writes the
/// value it holds (`1e3` is `1000.0`, `-0` is `0`), so every path to the
/// body writes the same text; one that no `i64`, `u64` or finite `f64`
/// holds is refused.
fn parse_literal(input: ParseStream, expected: &str) -> syn::Result<Json> {
    let negative = input.parse::<Option<Token![-]>>()?.is_some();
    let lit: syn::Lit = input
        .parse()
        .map_err(|err| syn::Error::new(err.span(), expected))?;
    let sign = if negative { "-" } else { "" };
    let json = match &lit {
        syn::Lit::Str(s) if !negative => Json::Str(s.value()),
        syn::Lit::Bool(b) if !negative => Json::Bool(b.value),
        syn::Lit::Int(i) => {
            let text = format!("{sign}{}", i.base10_digits());
            match (text.parse::<i64>(), text.parse::<u64>()) {
                (Ok(n), _) => Json::num(n),
                (_, Ok(n)) => Json::num(n),
                _ => {
                    return Err(syn::Error::new(
                        lit.span(),
                        "this integer does not fit in an i64 or a u64, which is what a JSON \
                         number read by serde_json holds; write it as a string",
                    ));
                }
            }
        }
        syn::Lit::Float(f) => match format!("{sign}{}", f.base10_digits()).parse::<f64>() {
            Ok(n) if n.is_finite() => Json::Num(ryu::Buffer::new().format_finite(n).to_owned()),
            _ => {
                return Err(syn::Error::new(
                    lit.span(),
                    "this number is beyond a finite f64, which is what a JSON number read by \
                     serde_json holds; write it as a string",
                ));
            }
        },
        _ => return Err(syn::Error::new(lit.span(), expected)),
    };
    Ok(json)
}

fn http_error(
    cx: &Ctxt,
    attr: &Attribute,
    position: Position,
    container: &mut Container,
    own: &mut VariantAttrs,
) {
    let result = attr.parse_nested_meta(|meta| {
        let name = meta
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        let key = match HttpErrorKey::from_name(&name) {
            Some(key) if position.allows(key) => key,
            key => return Err(misplaced_or_unknown(&meta, &name, key, position)),
        };
        if matches!(
            key,
            HttpErrorKey::Transparent
                | HttpErrorKey::SkipMessage
                | HttpErrorKey::Negotiate
                | HttpErrorKey::Decode
        ) {
            if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                return Err(meta.error(format!("`{name}` takes no value: #[http_error({name})]")));
            }
            let slot = match key {
                HttpErrorKey::Transparent => &mut own.transparent,
                HttpErrorKey::SkipMessage => &mut container.skip_message,
                HttpErrorKey::Decode => &mut container.decode,
                _ => &mut container.negotiate,
            };
            if slot.replace(meta.path.span()).is_some() {
                return Err(meta.error(format!("duplicate `{name}`")));
            }
            return Ok(());
        }
        let lit: LitStr = meta.value()?.parse()?;
        if matches!(
            key,
            HttpErrorKey::MessageKey
                | HttpErrorKey::CodeKey
                | HttpErrorKey::StatusKey
                | HttpErrorKey::Envelope
                | HttpErrorKey::EnvelopeArray
        ) {
            check_key(&lit, &format!("`{name}`"))?;
        } else if lit.value().is_empty() {
            return Err(syn::Error::new(
                lit.span(),
                format!("`{name}` cannot be empty"),
            ));
        }
        let mut slot = |slot: Slot| {
            if !container.order.contains(&slot) {
                container.order.push(slot);
            }
        };
        let duplicate = match key {
            HttpErrorKey::MessageKey => {
                slot(Slot::Message);
                container.message_key.replace(lit).is_some()
            }
            HttpErrorKey::CodeKey => {
                slot(Slot::Code);
                container.code_key.replace(lit).is_some()
            }
            HttpErrorKey::StatusKey => {
                slot(Slot::Status);
                container.status_key.replace(lit).is_some()
            }
            HttpErrorKey::TypeBase => container.type_base.replace(lit).is_some(),
            HttpErrorKey::Envelope | HttpErrorKey::EnvelopeArray => {
                let array = key == HttpErrorKey::EnvelopeArray;
                if let Some(first) = &container.envelope {
                    if first.array != array {
                        return Err(syn::Error::new(
                            lit.span(),
                            "a body has one envelope: keep `envelope` (an object, \
                             {\"error\": {..}}) or `envelope_array` (a list, \
                             {\"errors\": [{..}]})",
                        ));
                    }
                    true
                } else {
                    container.envelope = Some(Envelope { key: lit, array });
                    false
                }
            }
            HttpErrorKey::StatusAs => {
                let status_as = StatusAs::NAMES
                    .iter()
                    .find(|(name, _)| *name == lit.value())
                    .map(|&(_, status_as)| status_as)
                    .ok_or_else(|| {
                        syn::Error::new(
                            lit.span(),
                            format!(
                                "unknown status_as \"{}\": expected \"number\" (404, the \
                                 default) or \"string\" (\"404\", as JSON:API writes it)",
                                lit.value()
                            ),
                        )
                    })?;
                container.status_as.replace((status_as, lit)).is_some()
            }
            HttpErrorKey::Rfc9110Deviation => {
                // Header names are case-insensitive; kept lowercase.
                let value = lit.value().to_ascii_lowercase();
                let lit = LitStr::new(&value, lit.span());
                let names = crate::valid::REQUIRED_HEADERS
                    .iter()
                    .map(|&(_, name, ..)| name);
                if !names.clone().any(|name| name == value) {
                    let list = names
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(", ");
                    return Err(syn::Error::new(
                        lit.span(),
                        format!(
                            "rfc9110_deviation names a header RFC 9110 requires and this API \
                             answers without: one of {list}"
                        ),
                    ));
                }
                let list = if position == Position::Variant {
                    &mut own.deviations
                } else {
                    &mut container.deviations
                };
                let duplicate = list.iter().any(|l| l.value() == value);
                list.push(lit);
                duplicate
            }
            HttpErrorKey::Code => own.code.replace(lit).is_some(),
            HttpErrorKey::Grpc => {
                let Some(number) = grpc_code(&lit.value()) else {
                    let names = GRPC_CODES.iter().skip(1).map(|&(name, _)| name);
                    let message = if lit.value() == "OK" {
                        "an error is never \"OK\": name the gRPC code it answers, such as \
                         \"ALREADY_EXISTS\""
                            .to_owned()
                    } else if let Some(name) = closest(&lit.value(), names.clone()) {
                        format!(
                            "unknown gRPC code \"{}\"; did you mean \"{name}\"?",
                            lit.value()
                        )
                    } else {
                        let names: Vec<String> = names.map(|name| format!("\"{name}\"")).collect();
                        format!(
                            "unknown gRPC code \"{}\": expected one of google.rpc.Code's names: {}",
                            lit.value(),
                            names.join(", ")
                        )
                    };
                    return Err(syn::Error::new(lit.span(), message));
                };
                own.grpc.replace((lit, number)).is_some()
            }
            HttpErrorKey::Log => {
                if !LOG_LEVELS.contains(&lit.value().as_str()) {
                    let hint = closest(&lit.value(), LOG_LEVELS)
                        .map(|level| format!("; did you mean \"{level}\"?"))
                        .unwrap_or_default();
                    return Err(syn::Error::new(
                        lit.span(),
                        format!(
                            "unknown log level \"{}\": expected \"off\", \"error\", \"warn\", \
                             \"info\", \"debug\" or \"trace\"{hint}",
                            lit.value()
                        ),
                    ));
                }
                if position == Position::Variant {
                    own.log.replace(lit).is_some()
                } else {
                    container.log.replace(lit).is_some()
                }
            }
            HttpErrorKey::Transparent
            | HttpErrorKey::SkipMessage
            | HttpErrorKey::Negotiate
            | HttpErrorKey::Decode => false,
            HttpErrorKey::Format => {
                let format = Format::NAMES
                    .iter()
                    .find(|(name, _)| *name == lit.value())
                    .map(|&(_, format)| format)
                    .ok_or_else(|| unknown_format(&lit))?;
                if position == Position::Variant {
                    if format != Format::Text {
                        return Err(syn::Error::new(
                            lit.span(),
                            "a variant's format can only be \"text\" (its message alone, as \
                             text/plain); the JSON format is the type's: put \
                             #[http_error(format = \"..\")] on the enum",
                        ));
                    }
                    own.text.replace(lit.span()).is_some()
                } else {
                    container.format.replace(format).is_some()
                }
            }
            HttpErrorKey::RenameAll => {
                let rule =
                    RenameRule::from_name(&lit.value()).ok_or_else(|| unknown_rename_rule(&lit))?;
                container.rename_all.replace(rule).is_some()
            }
        };
        if duplicate {
            return Err(meta.error(format!("duplicate `{name}`")));
        }
        Ok(())
    });
    if let Err(err) = result {
        cx.push(err);
    }
}

/// The levels `#[http_error(log = "..")]` takes.
pub const LOG_LEVELS: [&str; 6] = ["off", "error", "warn", "info", "debug", "trace"];

/// google.rpc.Code's names and numbers (code.proto).
const GRPC_CODES: [(&str, i32); 17] = [
    ("OK", 0),
    ("CANCELLED", 1),
    ("UNKNOWN", 2),
    ("INVALID_ARGUMENT", 3),
    ("DEADLINE_EXCEEDED", 4),
    ("NOT_FOUND", 5),
    ("ALREADY_EXISTS", 6),
    ("PERMISSION_DENIED", 7),
    ("RESOURCE_EXHAUSTED", 8),
    ("FAILED_PRECONDITION", 9),
    ("ABORTED", 10),
    ("OUT_OF_RANGE", 11),
    ("UNIMPLEMENTED", 12),
    ("INTERNAL", 13),
    ("UNAVAILABLE", 14),
    ("DATA_LOSS", 15),
    ("UNAUTHENTICATED", 16),
];

/// The number of an error's gRPC code by name: any but `OK`.
fn grpc_code(name: &str) -> Option<i32> {
    GRPC_CODES
        .iter()
        .skip(1)
        .find(|&&(n, _)| n == name)
        .map(|&(_, number)| number)
}

fn unknown_format(lit: &LitStr) -> syn::Error {
    syn::Error::new(
        lit.span(),
        format!(
            "unknown format \"{}\": expected \"json\" (the default, Flask's to_dict shape), \
             \"problem\" (RFC 9457) or \"text\" (the message alone, as text/plain)",
            lit.value()
        ),
    )
}

fn misplaced_or_unknown(
    meta: &ParseNestedMeta,
    name: &str,
    key: Option<HttpErrorKey>,
    position: Position,
) -> syn::Error {
    match (key, position) {
        (Some(HttpErrorKey::Code), Position::Enum) => meta.error(
            "`code` names one variant's machine code: put #[http_error(code = \"...\")] on the variant",
        ),
        (Some(HttpErrorKey::Grpc), Position::Enum) => meta.error(
            "`grpc` names one variant's gRPC code: put #[http_error(grpc = \"...\")] on the \
             variant (the others follow their status)",
        ),
        (Some(HttpErrorKey::Transparent), Position::Enum) => meta.error(
            "`transparent` makes one variant answer as the error it wraps: put \
             #[http_error(transparent)] on a one-field variant",
        ),
        (
            Some(key @ (HttpErrorKey::SkipMessage | HttpErrorKey::Negotiate | HttpErrorKey::Decode)),
            Position::Variant,
        ) => {
            meta.error(format!(
                "`{0}` applies to the whole type: put #[http_error({0})] on the enum",
                key.name()
            ))
        }
        (Some(_), Position::Variant) => meta.error(format!(
            "`{name}` applies to the whole type: put #[http_error({name} = \"...\")] on the enum"
        )),
        _ => unknown_key(meta, "#[http_error]", &position.http_error_keys()),
    }
}

fn unknown_key(meta: &ParseNestedMeta, attribute: &str, valid: &[&str]) -> syn::Error {
    let key = meta
        .path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_else(|| quote::ToTokens::to_token_stream(&meta.path).to_string());
    let list = valid
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = closest(&key, valid.iter().copied())
        .map(|k| format!("; did you mean `{k}`?"))
        .unwrap_or_default();
    meta.error(format!(
        "unknown key `{key}` in {attribute}: expected one of {list}{hint}"
    ))
}

fn unknown_rename_rule(lit: &LitStr) -> syn::Error {
    let value = lit.value();
    let list = RULE_NAMES
        .iter()
        .map(|(n, _)| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = closest(&value, RULE_NAMES.iter().map(|(n, _)| *n))
        .map(|k| format!("; did you mean \"{k}\"?"))
        .unwrap_or_default();
    syn::Error::new(
        lit.span(),
        format!("unknown rename_all rule \"{value}\": expected one of {list}{hint}"),
    )
}
