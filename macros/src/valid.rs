//! The rules across attributes, and the resolved model expansion works
//! from: each variant's status, code, message and payload keys, checked.

use std::collections::BTreeMap;

use syn::ext::IdentExt;
use syn::{LitStr, Member, Type};

use crate::ast::{Field, Input, Variant};
use crate::attr::{FixedMember, MemberValue, Slot, Status, StatusAs, Written, fill_member};
use crate::case::snake_case;
use crate::ctxt::Ctxt;
use crate::json::Json;
use crate::status;
use crate::template::{FieldRef, FmtTrait, Piece, Template};

pub struct Model<'a> {
    pub input: &'a syn::DeriveInput,
    pub is_enum: bool,
    pub code_key: Option<String>,
    /// The message's key; `None` with `skip_message`.
    pub message_key: Option<String>,
    /// `decode`: a `FromErrorBody` impl for clients.
    pub decode: bool,
    /// `format = "problem"`.
    pub problem: bool,
    /// `format = "text"` on the type: every body is its message alone.
    pub text: bool,
    /// The key the members go under, and whether as a one-item list.
    pub envelope: Option<Envelope>,
    /// The members of the plain 500 that replaces a body whose payload
    /// fails to serialize, in the type's shape (no code: it is none of the
    /// variants).
    pub internal_error: Vec<(String, Json)>,
    pub variants: Vec<Resolved<'a>>,
    /// `#[http_error(transparent)]` variants, which answer as their field.
    pub transparent: Vec<Transparent<'a>>,
    /// `negotiate`: the type in its other JSON format (problem details
    /// for a JSON type, the JSON shape for a problem type), its variants
    /// resolved again under that format's keys.
    pub other: Option<Box<Model<'a>>>,
}

impl Model<'_> {
    /// The media type of the type's JSON bodies.
    pub fn media_type(&self) -> &'static str {
        if self.problem {
            "application/problem+json"
        } else {
            "application/json"
        }
    }
}

/// A variant (or newtype struct) that answers exactly as the `HttpError`
/// in its one field.
#[derive(Clone)]
pub struct Transparent<'a> {
    pub ident: &'a syn::Ident,
    pub member: Member,
    pub ty: &'a Type,
}

pub struct Envelope {
    pub key: String,
    /// `envelope_array`: `{"errors": [{..}]}`.
    pub array: bool,
}

impl Envelope {
    /// The JSON text before and after the members.
    pub fn text(envelope: Option<&Envelope>) -> (String, &'static str) {
        match envelope {
            None => ("{".to_owned(), "}"),
            Some(e) if e.array => (format!("{{{}:[{{", crate::json::string(&e.key)), "}]}"),
            Some(e) => (format!("{{{}:{{", crate::json::string(&e.key)), "}}"),
        }
    }
}

/// A member of the body before the payload.
pub enum Head<'a> {
    /// The public message: static, or written at run time.
    Message,
    /// A value known at compile time: the code, the status, a problem
    /// member or a `#[member]`.
    Value(Json),
    /// A `#[member]` string over the variant's fields.
    Text {
        template: Template,
        args: Vec<TemplateArg<'a>>,
    },
    /// A `#[member(.., with = path)]`: what the named code returns.
    With(Call<'a>),
}

/// The variant at each status of its set but the 500, and the code that
/// chooses.
pub struct ChosenViews<'a> {
    pub call: Call<'a>,
    pub views: Vec<Resolved<'a>>,
    /// Every field of the variant, which the arms over the views bind.
    pub fields: Vec<Member>,
}

impl<'a> Resolved<'a> {
    /// The variant at each status it can answer: itself, or each view of a
    /// status chosen at run time (the 500 last).
    pub fn at_each_status(&self) -> Vec<&Resolved<'a>> {
        match &self.chosen {
            None => vec![self],
            Some(chosen) => chosen.views.iter().chain([self]).collect(),
        }
    }
}

/// Named code, `with = path`: called with `&self` where it is declared on
/// the type (or a struct), with the variant's fields by reference, in
/// their order, where it is declared on a variant.
pub struct Call<'a> {
    pub path: &'a syn::Path,
    /// The fields it is called with, and their types; `None`: with `self`.
    pub fields: Option<Vec<(Member, &'a Type)>>,
}

impl Call<'_> {
    pub fn members(&self) -> impl Iterator<Item = &Member> {
        self.fields.iter().flatten().map(|(member, _)| member)
    }
}

pub struct Resolved<'a> {
    pub ident: &'a syn::Ident,
    pub docs: Option<&'a str>,
    pub display: Option<&'a Template>,
    pub status: u16,
    /// The reason phrase, registered or given: a problem's `title`.
    pub reason: String,
    pub code: String,
    pub message: Message<'a>,
    /// `#[message(.., example = "..")]`: the message documented where it
    /// is not known at compile time.
    pub message_example: Option<&'a LitStr>,
    /// `log = ".."`: the variant's, else the type's; `None`: by status.
    pub log: Option<&'a LitStr>,
    /// `grpc = ".."`: the gRPC code's number, where it is not the one the
    /// status maps to.
    pub grpc: Option<i32>,
    pub payload: Vec<Payload<'a>>,
    pub headers: Vec<Header<'a>>,
    /// The members before the payload, in the declared order, under their
    /// keys.
    pub head: Vec<(String, Head<'a>)>,
    /// 1xx, 204, 205, 304: no body at all.
    pub no_body: bool,
    /// `format = "text"`: the message alone, as `text/plain`.
    pub text: bool,
    /// A status chosen at run time: the variant at the other statuses of
    /// its set (this one is its 500, answered for a status outside it).
    pub chosen: Option<ChosenViews<'a>>,
    /// The names a flattened payload may not write, known at compile time:
    /// the crate's own members (message, code, every problem member) and
    /// this variant's explicit payload keys. Empty without a flattened
    /// payload.
    pub reserved: Vec<String>,
}

pub enum Message<'a> {
    /// Known at compile time: a template without arguments, or the reason
    /// phrase of a 5xx.
    Static(String),
    Template {
        template: &'a Template,
        /// The field each argument reads, in the template's order.
        args: Vec<TemplateArg<'a>>,
    },
    /// The error's own `Display`; with thiserror's `#[error("...")]`
    /// literal, its arguments resolved to fields, so simple ones can be
    /// written without a formatter.
    Display {
        thiserror: Option<(&'a Template, Vec<TemplateArg<'a>>)>,
    },
    /// `#[message(with = path)]`: what the named code returns, displayed.
    With(Call<'a>),
}

pub struct TemplateArg<'a> {
    pub member: Member,
    pub ty: &'a Type,
    pub spec: String,
    pub fmt_trait: FmtTrait,
}

impl<'a> TemplateArg<'a> {
    fn new(field: &'a Field<'a>, spec: &str) -> Self {
        TemplateArg {
            member: field.member.clone(),
            ty: &field.original.ty,
            spec: spec.to_owned(),
            fmt_trait: FmtTrait::of_spec(spec),
        }
    }
}

pub struct Header<'a> {
    /// Lowercase.
    pub name: String,
    pub docs: Option<&'a str>,
    pub value: HeaderValue<'a>,
}

pub enum HeaderValue<'a> {
    Fixed(String),
    /// A field's `Display`; `optional` for an `Option<T>` field, sent only
    /// when `Some`.
    Field {
        member: Member,
        ty: &'a Type,
        /// The type displayed: `T` of an `Option<T>` field.
        value_ty: &'a Type,
        optional: bool,
    },
}

pub struct Payload<'a> {
    pub member: Member,
    pub docs: Option<&'a str>,
    pub example: Option<&'a Json>,
    pub ty: &'a Type,
    /// The type written: `T` of an `Option<T>` field.
    pub value_ty: &'a Type,
    /// `None` for a flattened field, whose keys are its own.
    pub key: Option<String>,
    /// An `Option<T>` field: left out of the body when `None`.
    pub optional: bool,
}

/// RFC 9457 §3.1 members: no payload key may take their place.
const PROBLEM_MEMBERS: &[&str] = &["type", "title", "status", "detail", "instance"];

/// The keys every body of the type uses besides its payload.
struct Keys<'a> {
    /// `None` with `skip_message`.
    message: Option<String>,
    code: Option<String>,
    status: Option<(String, StatusAs)>,
    problem: Option<Option<String>>,
    /// The type's members in the declared order.
    order: Vec<Slot>,
    fixed: &'a [FixedMember],
    /// Whether the variants' own `#[member]`s are written: not in the
    /// other format of a negotiating type, which has none of the type's
    /// members.
    own_members: bool,
}

/// A member of the head before its values are resolved against a
/// variant: a `#[member]` whose value needs the variant's fields or code.
enum Spec<'a> {
    Message,
    Value(Json),
    Member {
        member: &'a FixedMember,
        /// On the enum: applies to every variant.
        of_type: bool,
    },
}

impl<'a> Keys<'a> {
    /// The members of a variant's body before its payload: the problem
    /// members, then the type's members in the declared order (a
    /// variant's `#[member]` of the same key in the type's place), then
    /// the variant's other `#[member]`s. Fixed values are filled in here;
    /// a `#[member]` that needs the variant's fields or code is left as a
    /// `Spec::Member` (and left out where there is no variant).
    fn head(
        &self,
        own: &'a [FixedMember],
        code: Option<&str>,
        status: u16,
        reason: &str,
    ) -> Vec<(String, Spec<'a>)> {
        let spec = |member: &'a FixedMember, of_type: bool| -> Option<Spec<'a>> {
            match &member.value {
                MemberValue::Json(value) => Some(Spec::Value(value.clone())),
                MemberValue::Text(lit) => match fill_member(&lit.value(), code, status, reason) {
                    Ok(Some(text)) => Some(Spec::Value(Json::Str(text))),
                    Ok(None) => None,
                    Err(_) => code.map(|_| Spec::Member { member, of_type }),
                },
                MemberValue::With(_) => code.map(|_| Spec::Member { member, of_type }),
            }
        };
        let mut head = Vec::new();
        if let Some(type_base) = &self.problem {
            let problem_type = match (type_base, code) {
                (Some(base), Some(code)) => format!("{base}{code}"),
                _ => "about:blank".to_owned(),
            };
            head.push(("type".to_owned(), Spec::Value(Json::Str(problem_type))));
            head.push(("title".to_owned(), Spec::Value(Json::str(reason))));
            head.push(("status".to_owned(), Spec::Value(Json::num(status))));
        }
        for slot in &self.order {
            match *slot {
                Slot::Message => {
                    if let Some(key) = &self.message {
                        head.push((key.clone(), Spec::Message));
                    }
                }
                Slot::Code => {
                    if let (Some(key), Some(code)) = (&self.code, code) {
                        head.push((key.clone(), Spec::Value(Json::str(code))));
                    }
                }
                Slot::Status => {
                    if let Some((key, status_as)) = &self.status {
                        let value = match status_as {
                            StatusAs::Number => Json::num(status),
                            StatusAs::String => Json::Str(status.to_string()),
                        };
                        head.push((key.clone(), Spec::Value(value)));
                    }
                }
                Slot::Fixed(i) => {
                    let member = &self.fixed[i];
                    let key = member.key.value();
                    let spec = match own.iter().find(|m| m.key.value() == key) {
                        Some(own) => spec(own, false),
                        None => spec(member, true),
                    };
                    if let Some(spec) = spec {
                        head.push((key, spec));
                    }
                }
            }
        }
        for member in own {
            let key = member.key.value();
            if self.fixed.iter().all(|m| m.key.value() != key)
                && let Some(spec) = spec(member, false)
            {
                head.push((key, spec));
            }
        }
        head
    }
}

pub fn check<'a>(cx: &Ctxt, input: &'a Input<'a>) -> Model<'a> {
    let container = &input.container;
    let problem = container.problem();
    if problem && let Some(lit) = &container.message_key {
        cx.error_spanned_by(
            lit,
            "with format = \"problem\", the message is the `detail` member (RFC 9457); \
             remove message_key",
        );
    }
    if let Some(lit) = &container.type_base {
        if !problem && container.negotiate.is_none() {
            cx.error_spanned_by(
                lit,
                "type_base prefixes the `type` member of a problem: it needs \
                 format = \"problem\", or `negotiate`",
            );
        }
        if lit
            .value()
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"')
        {
            cx.error_spanned_by(
                lit,
                "type_base is a URI: no spaces, quotes or control characters",
            );
        }
    }
    // An all-transparent type's options are refused as a whole below.
    let all_transparent =
        !input.variants.is_empty() && input.variants.iter().all(|v| v.attrs.transparent.is_some());
    if !all_transparent {
        shape_options(cx, container, problem);
    }
    let mut order = container.order.clone();
    if !order.contains(&Slot::Message) {
        order.insert(0, Slot::Message);
    }
    let keys = Keys {
        message: if container.skip_message.is_some() {
            None
        } else if problem {
            Some("detail".to_owned())
        } else {
            Some(
                container
                    .message_key
                    .as_ref()
                    .map_or_else(|| "message".to_owned(), syn::LitStr::value),
            )
        },
        code: container.code_key.as_ref().map(syn::LitStr::value),
        status: container.status_key.as_ref().map(|lit| {
            let status_as = container
                .status_as
                .as_ref()
                .map_or(StatusAs::Number, |(status_as, _)| *status_as);
            (lit.value(), status_as)
        }),
        problem: problem.then(|| container.type_base.as_ref().map(syn::LitStr::value)),
        order,
        fixed: &container.members,
        own_members: true,
    };
    type_key_clashes(cx, container, &keys);
    let (transparent, own): (Vec<&Variant>, Vec<&Variant>) = input
        .variants
        .iter()
        .partition(|variant| variant.attrs.transparent.is_some());
    let variants: Vec<Resolved> = own
        .iter()
        .filter_map(|variant| resolve(cx, input, variant, &keys))
        .collect();
    let transparent: Vec<Transparent> = transparent
        .into_iter()
        .filter_map(|variant| check_transparent(cx, variant))
        .collect();
    code_clashes(cx, &own);
    unused_deviations(cx, input, &variants);
    generic_transparent(cx, input, &variants, &transparent);
    transparent_struct_options(cx, input);
    if let Some(span) = container.decode {
        decode_checks(cx, container, &variants, span);
    }
    if let (Some(span), None, false, false) = (
        container.decode,
        &keys.code,
        own.is_empty(),
        container.text(),
    ) {
        cx.error_at(
            span,
            "`decode` names the variant by its machine code, which the body then carries: \
             add code_key = \"code\"",
        );
    }
    let internal_error = internal_error(&keys);
    let other = container
        .negotiate
        .and_then(|span| other_format(cx, input, &own, &transparent, &keys, span));
    Model {
        input: input.original,
        is_enum: input.is_enum,
        code_key: keys.code,
        message_key: keys.message,
        decode: container.decode.is_some(),
        problem,
        text: container.text(),
        envelope: container.envelope.as_ref().map(|e| Envelope {
            key: e.key.value(),
            array: e.array,
        }),
        internal_error,
        variants,
        transparent,
        other,
    }
}

/// `decode`: a client names a variant by its code at its status, which
/// a text/plain body does not carry, and two variants sharing both would
/// be told apart by guesswork.
fn decode_checks(
    cx: &Ctxt,
    container: &crate::attr::Container,
    variants: &[Resolved],
    span: proc_macro2::Span,
) {
    if container.text() {
        cx.error_at(
            span,
            "with format = \"text\", a body is the message alone, without the code a \
             client names the variant by; remove `decode`",
        );
        return;
    }
    let mut seen: Vec<(&str, u16, &syn::Ident)> = Vec::new();
    for v in variants.iter().flat_map(Resolved::at_each_status) {
        if let Some((_, _, other)) = seen.iter().find(|&&(code, status, other)| {
            code == v.code && status == v.status && other != v.ident
        }) {
            cx.error_spanned_by(
                v.ident,
                format!(
                    "`{}` and `{other}` both answer code \"{}\" at {}: with `decode`, a client \
                     cannot tell them apart; give one its own #[http_error(code = \"..\")]",
                    v.ident, v.code, v.status
                ),
            );
        } else {
            seen.push((&v.code, v.status, v.ident));
        }
    }
}

/// The members of the plain 500 in a format's keys.
fn internal_error(keys: &Keys) -> Vec<(String, Json)> {
    keys.head(&[], None, 500, "Internal Server Error")
        .into_iter()
        .filter_map(|(key, spec)| match spec {
            Spec::Message => Some((key, Json::str("Internal Server Error"))),
            Spec::Value(value) => Some((key, value)),
            Spec::Member { .. } => None,
        })
        .collect()
}

/// `negotiate`: the type in its other JSON format. Problem details for a
/// JSON type: `type`, `title`, `status`, `detail`, the code where the
/// type has a code key, then the payload; for a problem type, the
/// message, the code and the payload. The members that shape the type's
/// own body (an envelope, a status key, `#[member]`s) are its own
/// format's. What this format alone refuses (a payload key that is a
/// problem member) is reported where the type is otherwise sound.
fn other_format<'a>(
    cx: &Ctxt,
    input: &'a Input<'a>,
    own: &[&'a Variant<'a>],
    transparent: &[Transparent<'a>],
    keys: &Keys<'a>,
    span: proc_macro2::Span,
) -> Option<Box<Model<'a>>> {
    let container = &input.container;
    if container.text() {
        cx.error_at(
            span,
            "with format = \"text\", a body is the message alone, whatever `Accept` \
             says; remove `negotiate`",
        );
        return None;
    }
    if own.is_empty() {
        let why = if input.is_enum {
            "every variant is transparent and answers as the error it wraps"
        } else {
            "a transparent struct answers as the error it wraps"
        };
        cx.error_at(
            span,
            format!("{why}: put #[http_error(negotiate)] on the wrapped types"),
        );
        return None;
    }
    // A negotiated response varies by `Accept`: a fixed `vary` must say
    // so, as the document will.
    for header in own.iter().flat_map(|v| &v.attrs.headers) {
        if let ("vary", Some(value)) = (header.name.as_str(), &header.value)
            && !value
                .split(',')
                .any(|name| name.trim().eq_ignore_ascii_case("accept") || name.trim() == "*")
        {
            cx.error_at(
                header.span,
                format!(
                    "with `negotiate`, the response varies by `Accept` too: write \
                     #[header(\"vary\", \"{value}, Accept\")]"
                ),
            );
        }
    }
    let to_problem = keys.problem.is_none();
    let other_keys = Keys {
        message: Some(if to_problem { "detail" } else { "message" }.to_owned()),
        code: keys.code.clone(),
        status: None,
        problem: to_problem.then(|| container.type_base.as_ref().map(syn::LitStr::value)),
        order: vec![Slot::Message, Slot::Code],
        fixed: &[],
        own_members: false,
    };
    let other_cx = Ctxt::new();
    if let Some(lit) = &container.code_key {
        let taken = if to_problem {
            PROBLEM_MEMBERS.contains(&lit.value().as_str())
        } else {
            lit.value() == "message"
        };
        if taken {
            let member = if to_problem {
                format!(
                    "the `{}` member of every problem (RFC 9457 §3.1)",
                    lit.value()
                )
            } else {
                "the message member".to_owned()
            };
            other_cx.error_spanned_by(
                lit,
                format!(
                    "code_key \"{}\" would be {member}; pick another name",
                    lit.value()
                ),
            );
        }
    }
    let variants: Vec<Resolved> = own
        .iter()
        .filter_map(|variant| resolve(&other_cx, input, variant, &other_keys))
        .collect();
    let what = if to_problem {
        "with `negotiate`, the body can also be problem details (RFC 9457)"
    } else {
        "with `negotiate`, the body can also be the JSON shape, `{\"message\": ..}`"
    };
    if cx.is_empty() {
        for error in other_cx.into_errors() {
            cx.error_at(error.span(), format!("{what}: {error}"));
        }
    }
    Some(Box::new(Model {
        input: input.original,
        is_enum: input.is_enum,
        code_key: other_keys.code.clone(),
        message_key: other_keys.message.clone(),
        decode: false,
        problem: to_problem,
        text: false,
        envelope: None,
        // A body that fails to serialize answers the type's own plain 500.
        internal_error: Vec::new(),
        variants,
        transparent: transparent.to_vec(),
        other: None,
    }))
}

/// Refuses, each at its key, the options that shape a JSON body of the
/// type's own, where it has none (`why`).
fn body_options_refused(cx: &Ctxt, container: &crate::attr::Container, why: &str) {
    let envelope = container.envelope.as_ref().map(|e| {
        let name = if e.array {
            "envelope_array"
        } else {
            "envelope"
        };
        (name, e.key.clone())
    });
    let status_as = container
        .status_as
        .as_ref()
        .map(|(_, lit)| ("status_as", lit.clone()));
    let named = [
        ("message_key", &container.message_key),
        ("code_key", &container.code_key),
        ("status_key", &container.status_key),
        ("type_base", &container.type_base),
    ];
    let written = named
        .into_iter()
        .filter_map(|(name, lit)| Some((name, lit.clone()?)))
        .chain(envelope)
        .chain(status_as);
    for (name, lit) in written {
        cx.error_spanned_by(&lit, format!("{why}; remove `{name}`"));
    }
    if let Some(span) = container.skip_message {
        cx.error_at(span, format!("{why}; remove `skip_message`"));
    }
}

/// The options that shape the body, against each other and the format.
fn shape_options(cx: &Ctxt, container: &crate::attr::Container, problem: bool) {
    if container.text() {
        let why = "with format = \"text\", a body is the message alone";
        body_options_refused(cx, container, why);
        for member in &container.members {
            cx.error_spanned_by(&member.key, format!("{why}; remove #[member]"));
        }
        return;
    }
    if problem {
        let why = "with format = \"problem\", RFC 9457 fixes the body's members";
        if let Some(envelope) = &container.envelope {
            let name = if envelope.array {
                "envelope_array"
            } else {
                "envelope"
            };
            cx.error_spanned_by(
                &envelope.key,
                format!("{why}: a problem is never inside an envelope; remove `{name}`"),
            );
        }
        if let Some(lit) = &container.status_key {
            cx.error_spanned_by(
                lit,
                format!("{why}: the status is its `status` member already; remove `status_key`"),
            );
        }
    }
    match (&container.status_as, &container.status_key) {
        (Some((_, lit)), _) if problem => cx.error_spanned_by(
            lit,
            "with format = \"problem\", the status is the `status` member, a number \
             (RFC 9457 §3.1.3); remove `status_as`",
        ),
        (Some((_, lit)), None) => cx.error_spanned_by(
            lit,
            "status_as says how the status member is written: add status_key = \"status\"",
        ),
        _ => {}
    }
    if let (Some(_), Some(lit)) = (container.skip_message, &container.message_key) {
        cx.error_spanned_by(
            lit,
            "skip_message leaves the message out of the body: remove message_key",
        );
    }
}

/// How to resolve a member's clash with `other`: RFC 9457's members keep
/// their names.
fn rename_advice(other: &str) -> &'static str {
    if other.contains("RFC 9457") {
        "rename the member"
    } else {
        "a body names each member once: rename one of them"
    }
}

/// Two of the type's members under one key: the message, code and status
/// keys, each `#[member]`, and for a problem its RFC 9457 members.
fn type_key_clashes(cx: &Ctxt, container: &crate::attr::Container, keys: &Keys) {
    let mut seen: Vec<(String, String)> = Vec::new();
    if keys.problem.is_some() {
        seen.extend(PROBLEM_MEMBERS.iter().map(|&m| {
            (
                m.to_owned(),
                format!("the `{m}` member of every problem (RFC 9457 §3.1)"),
            )
        }));
    }
    if let Some(message) = &keys.message {
        seen.push((message.clone(), "the message key".to_owned()));
    }
    let named = [
        (&container.code_key, "code_key", "the code key"),
        (&container.status_key, "status_key", "the status key"),
    ];
    for (lit, name, what) in named {
        let Some(lit) = lit else { continue };
        match seen.iter().find(|(key, _)| *key == lit.value()) {
            Some((key, other)) => cx.error_spanned_by(
                lit,
                format!("{name} \"{key}\" is already {other}; pick another name"),
            ),
            None => seen.push((lit.value(), what.to_owned())),
        }
    }
    for member in keys.fixed {
        let key = member.key.value();
        match seen.iter().find(|(k, _)| *k == key) {
            Some((_, other)) => cx.error_spanned_by(
                &member.key,
                format!(
                    "member \"{key}\" is already {other}; {}",
                    rename_advice(other)
                ),
            ),
            None => seen.push((key.clone(), format!("the key of #[member(\"{key}\", ..)]"))),
        }
    }
}

/// Whether `v` answers without a header RFC 9110 requires of its status,
/// and which.
fn missing_required(v: &Resolved) -> Option<&'static str> {
    let &(_, name, ..) = REQUIRED_HEADERS
        .iter()
        .find(|&&(code, ..)| code == v.status)?;
    (!v.headers.iter().any(|h| h.name == name)).then_some(name)
}

/// A deviation declared where no variant answers without that header: a
/// stale opt-out would hide the next real omission.
fn unused_deviations(cx: &Ctxt, input: &Input, variants: &[Resolved]) {
    let missing: Vec<(&syn::Ident, &str)> = variants
        .iter()
        .flat_map(Resolved::at_each_status)
        .filter_map(|v| Some((v.ident, missing_required(v)?)))
        .collect();
    let message = |lit: &syn::LitStr, whom: String| {
        let name = lit.value();
        let code = REQUIRED_HEADERS
            .iter()
            .find(|&&(_, n, ..)| n == name)
            .map_or(0, |&(code, ..)| code);
        format!(
            "{whom} a {code} that answers without `{name}`: the deviation from RFC 9110 has \
             nothing to excuse; remove rfc9110_deviation = \"{name}\""
        )
    };
    // A variant whose status is wrong is reported already: what it would
    // answer is unknown.
    let resolved = |variant: &Variant| variants.iter().any(|v| v.ident == variant.ident);
    let own = input
        .variants
        .iter()
        .filter(|v| v.attrs.transparent.is_none());
    if own.clone().all(resolved) {
        for lit in &input.container.deviations {
            if !missing.iter().any(|&(_, name)| lit.value() == name) {
                let whom = if input.is_enum {
                    format!("no variant of `{}` is", input.original.ident)
                } else {
                    format!("`{}` is not", input.original.ident)
                };
                cx.error_spanned_by(lit, message(lit, whom));
            }
        }
    }
    for variant in own.filter(|v| resolved(v)) {
        for lit in &variant.attrs.deviations {
            let used = missing
                .iter()
                .any(|&(ident, name)| ident == variant.ident && lit.value() == name);
            if !used {
                cx.error_spanned_by(lit, message(lit, format!("`{}` is not", variant.ident)));
            }
        }
    }
}

/// A transparent struct, or an enum whose every variant is transparent,
/// answers as its fields do, in their formats and keys: the options that
/// shape a body of its own have nothing to shape.
fn transparent_struct_options(cx: &Ctxt, input: &Input) {
    let all_transparent =
        !input.variants.is_empty() && input.variants.iter().all(|v| v.attrs.transparent.is_some());
    let Some(span) = input.variants.first().and_then(|v| v.attrs.transparent) else {
        return;
    };
    if !all_transparent {
        return;
    }
    let c = &input.container;
    let why = if input.is_enum {
        format!(
            "every variant of `{}` is transparent and answers in its field's format and keys",
            input.original.ident
        )
    } else {
        "a transparent struct answers in its field's format and keys".to_owned()
    };
    body_options_refused(cx, c, &why);
    for member in &c.members {
        cx.error_spanned_by(&member.key, format!("{why}; remove #[member]"));
    }
    let unspanned: Vec<&str> = [
        ("`format`", c.format.is_some()),
        ("`rename_all`", c.rename_all.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, written)| written.then_some(name))
    .collect();
    if !unspanned.is_empty() {
        cx.error_at(
            span,
            format!(
                "{why}; remove {} from #[http_error]",
                unspanned.join(" and ")
            ),
        );
    }
}

/// `STATUS_CODES` and `CODES` are `const`s: a transparent field whose type
/// uses a type or const parameter can be the type's only variant (its lists
/// are the type's), but stable Rust cannot merge its lists with others
/// (that needs generic const expressions).
fn generic_transparent(cx: &Ctxt, input: &Input, own: &[Resolved], transparent: &[Transparent]) {
    if own.is_empty() && transparent.len() <= 1 {
        return;
    }
    for t in transparent {
        if crate::generics::uses_generics(&input.original.generics, t.ty) {
            cx.error_spanned_by(
                t.ty,
                "a transparent field whose type uses a type or const parameter must be the \
                 type's only variant: its statuses cannot be merged with others in \
                 `STATUS_CODES`, a `const`, on stable Rust; wrap it alone \
                 (`struct Wrap<E>(E)`), or name a concrete type here",
            );
        }
    }
}

/// A transparent variant: exactly one field, and nothing of its own that
/// the wrapped error's answer would override.
fn check_transparent<'a>(cx: &Ctxt, variant: &'a Variant<'a>) -> Option<Transparent<'a>> {
    let span = variant.attrs.transparent?;
    let why = "a transparent variant answers exactly as the error it wraps";
    if let Written::Valid(status) = &variant.attrs.status {
        cx.error_spanned_by(
            status.attr,
            format!("{why}, with its status; remove #[status]"),
        );
    }
    if let Some(attr) = variant.attrs.message_attr {
        cx.error_spanned_by(attr, format!("{why}, with its message; remove #[message]"));
    }
    if let Some(log) = &variant.attrs.log {
        cx.error_spanned_by(
            log,
            format!("{why}, logged at its level; remove `log` here and put it on the wrapped type"),
        );
    }
    if let Some((grpc, _)) = &variant.attrs.grpc {
        cx.error_spanned_by(
            grpc,
            format!("{why}, with its gRPC code; remove `grpc` here and put it on the wrapped type"),
        );
    }
    if let Some(code) = &variant.attrs.code {
        cx.error_spanned_by(code, format!("{why}, with its machine code; remove `code`"));
    }
    for header in &variant.attrs.headers {
        cx.error_at(
            header.span,
            format!("{why}, with its headers; remove #[header]"),
        );
    }
    for member in &variant.attrs.members {
        cx.error_spanned_by(
            &member.key,
            format!("{why}, with its body; remove #[member]"),
        );
    }
    if let Some(span) = variant.attrs.text {
        cx.error_at(
            span,
            format!("{why}, in its format; remove format = \"text\""),
        );
    }
    for lit in &variant.attrs.deviations {
        cx.error_spanned_by(
            lit,
            format!("{why}, with its headers; remove rfc9110_deviation"),
        );
    }
    let [field] = variant.fields.as_slice() else {
        cx.error_at(
            span,
            format!(
                "{why}, so it holds that one error: `{}` has {} fields; keep the error alone \
                 in the variant, or wrap the fields in an error type of their own",
                variant.ident,
                variant.fields.len()
            ),
        );
        return None;
    };
    if let Some(payload) = &field.attrs.payload {
        cx.error_spanned_by(
            payload.attr,
            format!("{why}, with its body; remove #[payload]"),
        );
    }
    if field.attrs.header.is_some() {
        cx.error_spanned_by(
            field.original,
            format!("{why}, with its headers; remove #[header]"),
        );
    }
    Some(Transparent {
        ident: variant.ident,
        member: field.member.clone(),
        ty: &field.original.ty,
    })
}

fn resolve<'a>(
    cx: &Ctxt,
    input: &'a Input<'a>,
    variant: &'a Variant<'a>,
    keys: &Keys<'a>,
) -> Option<Resolved<'a>> {
    let own_or_default = match &variant.attrs.status {
        Written::Valid(status) => Some(status),
        // Its own error is reported; the default is not what was meant.
        Written::Invalid => return None,
        Written::Absent => input.default_status.valid(),
    };
    let Some(status) = own_or_default else {
        if variant.attrs.status.is_written() || input.default_status.is_written() {
            return None;
        }
        let help = if input.is_enum {
            format!(
                "variant `{}` has no status: add #[status(..)] to it, or a default \
                 #[status(..)] on the enum",
                variant.ident
            )
        } else {
            format!("`{}` has no status: add #[status(..)] to it", variant.ident)
        };
        cx.error_spanned_by(variant.ident, help);
        return None;
    };
    let Some(chosen) = &status.chosen else {
        return resolve_at(cx, input, variant, keys, status);
    };
    // Chosen at run time: the variant resolved at each status of the set
    // as at a fixed one, so each obeys the same rules and has its own body;
    // the 500 is the one answered for a status outside the set.
    let set = std::iter::once((status.code, status.reason.clone())).chain(chosen.others.clone());
    let views: Vec<Option<Resolved>> = set
        .map(|(code, reason)| {
            let fixed = Status {
                code,
                reason,
                attr: status.attr,
                chosen: None,
            };
            resolve_at(cx, input, variant, keys, &fixed)
        })
        .collect();
    // Every status checked, each problem reported, before giving up.
    let mut views: Vec<Resolved> = views.into_iter().collect::<Option<_>>()?;
    let fallback = views.iter().position(|v| v.status == 500)?;
    let mut outer = views.remove(fallback);
    let own_status = variant.attrs.status.is_written();
    outer.chosen = Some(ChosenViews {
        call: Call {
            path: &chosen.with,
            fields: (input.is_enum && own_status).then(|| call_fields(variant)),
        },
        views,
        fields: variant.fields.iter().map(|f| f.member.clone()).collect(),
    });
    Some(outer)
}

/// A variant resolved at one fixed status.
fn resolve_at<'a>(
    cx: &Ctxt,
    input: &'a Input<'a>,
    variant: &'a Variant<'a>,
    keys: &Keys<'a>,
    status: &Status,
) -> Option<Resolved<'a>> {
    let code = variant_code(variant);

    let no_body = status::forbids_content(status.code);
    if let Some(why) = no_body {
        if let Some(attr) = &variant.attrs.message_attr {
            cx.error_spanned_by(
                attr,
                format!("#[message] on a {} response: {why}; remove it", status.code),
            );
        }
        for field in &variant.fields {
            if let Some(payload) = &field.attrs.payload {
                cx.error_spanned_by(
                    payload.attr,
                    format!("#[payload] on a {} response: {why}; remove it", status.code),
                );
            }
        }
        let members = if input.is_enum {
            &variant.attrs.members
        } else {
            &input.container.members
        };
        for member in members {
            cx.error_spanned_by(
                &member.key,
                format!("#[member] on a {} response: {why}; remove it", status.code),
            );
        }
    }
    let text = variant.attrs.text.is_some() || input.container.text();
    if text {
        text_variant(cx, input, variant);
    }
    if input.is_enum && keys.own_members {
        variant_key_clashes(cx, keys, variant);
    }
    let head = if no_body.is_some() || text {
        Vec::new()
    } else {
        let own: &[FixedMember] = if keys.own_members {
            &variant.attrs.members
        } else {
            &[]
        };
        let specs = keys.head(own, Some(&code), status.code, &status.reason);
        specs
            .into_iter()
            .filter_map(|(key, spec)| {
                let head = match spec {
                    Spec::Message => Head::Message,
                    Spec::Value(value) => Head::Value(value),
                    Spec::Member { member, of_type } => {
                        member_head(cx, input, variant, member, of_type, status)?
                    }
                };
                Some((key, head))
            })
            .collect()
    };

    // Named code on the variant (or struct), whatever the status; the
    // enum's, for variants below 500 without a message of their own.
    let named = match (&variant.attrs.message_with, &input.container.message_with) {
        (Some(path), _) => Some(Call {
            path,
            fields: input.is_enum.then(|| call_fields(variant)),
        }),
        (None, Some(path)) if variant.attrs.message.is_none() && status.code < 500 => {
            Some(Call { path, fields: None })
        }
        _ => None,
    };
    let message = if let Some(call) = named {
        Message::With(call)
    } else {
        match &variant.attrs.message {
            Some(template) => match template.static_text() {
                Some(text) => Message::Static(text),
                None => Message::Template {
                    template,
                    args: template_args(cx, variant, template),
                },
            },
            None if status.code >= 500 => Message::Static(status.reason.clone()),
            // thiserror's literal without arguments is the `Display` text.
            None if variant.display.is_none()
                && variant.attrs.message_attr.is_none()
                && variant
                    .display_lit
                    .as_ref()
                    .is_some_and(|lit| crate::template::has_pointer_spec(&lit.value())) =>
            {
                if let Some(lit) = &variant.display_lit {
                    cx.error_spanned_by(
                        lit,
                        format!(
                            "the public message of a {} is this `Display`, and its `:p` would show \
                         a memory address to every client; write the message the client \
                         sees with #[message(\"...\")]",
                            status.code
                        ),
                    );
                }
                Message::Display { thiserror: None }
            }
            None => match variant.display.as_ref() {
                Some(template) => match template.static_text() {
                    Some(text) => Message::Static(text),
                    None => Message::Display {
                        thiserror: resolve_args(variant, template).map(|args| (template, args)),
                    },
                },
                None => Message::Display { thiserror: None },
            },
        }
    };

    let message_example = variant.attrs.message_example.as_ref();
    if let (Some(example), Message::Static(_)) = (message_example, &message)
        && variant.attrs.message.is_some()
    {
        cx.error_spanned_by(
            example,
            "this message has no fields: it is its own example; remove `example = ..`",
        );
    }
    let payload = payload_keys(cx, input, variant, keys, &head);
    let reserved = reserved(keys.problem.is_some(), &head, &payload);
    let headers = headers(variant);
    required_headers(cx, input, variant, status, &headers);
    Some(Resolved {
        ident: variant.ident,
        docs: variant.docs.as_deref(),
        display: variant.display.as_ref(),
        status: status.code,
        reason: status.reason.clone(),
        code,
        message,
        message_example,
        log: variant.attrs.log.as_ref().or(input.container.log.as_ref()),
        grpc: variant.attrs.grpc.as_ref().map(|&(_, number)| number),
        payload,
        headers,
        head,
        no_body: no_body.is_some(),
        text,
        reserved,
        chosen: None,
    })
}

/// A `#[member]` whose value needs the variant: a template over its fields,
/// or named code. One the enum declares for every variant with named code
/// is left out of a 5xx, whose body shows nothing the code computes unless
/// the variant says so itself.
fn member_head<'a>(
    cx: &Ctxt,
    input: &'a Input<'a>,
    variant: &'a Variant<'a>,
    member: &'a FixedMember,
    of_type: bool,
    status: &Status,
) -> Option<Head<'a>> {
    let type_level = of_type && input.is_enum;
    match &member.value {
        MemberValue::Json(value) => Some(Head::Value(value.clone())),
        MemberValue::With(path) => {
            if type_level && status.code >= 500 {
                return None;
            }
            Some(Head::With(Call {
                path,
                fields: (!of_type && input.is_enum).then(|| call_fields(variant)),
            }))
        }
        MemberValue::Text(lit) => {
            let parsed = Template::parse(lit.clone()).ok()?;
            let mut pieces = Vec::new();
            let mut args = Vec::new();
            for piece in parsed.pieces {
                let (field, spec) = match piece {
                    Piece::Text(text) => {
                        pieces.push(Piece::Text(text));
                        continue;
                    }
                    Piece::Arg { field, spec } => (field, spec),
                };
                // `{code}`, `{status}` and `{reason}` name those facts, as
                // in a member without fields, even beside a field so named.
                let fact = match &field {
                    FieldRef::Named(name) if spec.is_empty() => match name.as_str() {
                        "code" => Some(variant_code(variant)),
                        "status" => Some(status.code.to_string()),
                        "reason" => Some(status.reason.clone()),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(text) = fact {
                    pieces.push(Piece::Text(text));
                    continue;
                }
                match find_field(variant, &field) {
                    Some(found) => {
                        args.push(TemplateArg::new(found, &spec));
                        pieces.push(Piece::Arg { field, spec });
                    }
                    None => {
                        let message = unknown_field_message(variant, &field)
                            .replace("in #[message]", "in #[member]");
                        cx.error_spanned_by(lit, message);
                        return None;
                    }
                }
            }
            let template = Template {
                lit: lit.clone(),
                pieces,
            };
            if let Some(text) = template.static_text() {
                return Some(Head::Value(Json::Str(text)));
            }
            Some(Head::Text { template, args })
        }
    }
}

/// Every field of a variant, in order, with its type: what named code
/// declared on it is called with.
fn call_fields<'a>(variant: &'a Variant<'a>) -> Vec<(Member, &'a Type)> {
    variant
        .fields
        .iter()
        .map(|f| (f.member.clone(), &f.original.ty))
        .collect()
}

/// A text/plain variant's body is its message: nothing else can go in.
fn text_variant(cx: &Ctxt, input: &Input, variant: &Variant) {
    let why = "a text/plain body is the message alone";
    for field in &variant.fields {
        if let Some(payload) = &field.attrs.payload {
            cx.error_spanned_by(
                payload.attr,
                format!(
                    "{why}: a payload has nowhere to go; remove #[payload], or answer JSON \
                     (remove format = \"text\")"
                ),
            );
        }
    }
    // A text type's own members are reported with its other options.
    let members: &[crate::attr::FixedMember] = if input.is_enum {
        &variant.attrs.members
    } else if input.container.text() {
        &[]
    } else {
        &input.container.members
    };
    for member in members {
        cx.error_spanned_by(&member.key, format!("{why}; remove #[member]"));
    }
    if let (Some(span), Some(format)) = (variant.attrs.text, input.container.format)
        && input.is_enum
        && format == crate::attr::Format::Text
    {
        cx.error_at(
            span,
            "the enum's format is \"text\" already; remove format = \"text\" here",
        );
    }
}

/// A variant's `#[member]` under a key its body has already: the message,
/// code or status key, a problem member, or its own member twice. One of
/// the type's `#[member]`s it may replace.
fn variant_key_clashes(cx: &Ctxt, keys: &Keys, variant: &Variant) {
    let mut named: Vec<(String, String)> = Vec::new();
    if keys.problem.is_some() {
        named.extend(PROBLEM_MEMBERS.iter().map(|&m| {
            (
                m.to_owned(),
                format!("the `{m}` member of every problem (RFC 9457 §3.1)"),
            )
        }));
    }
    named.extend(
        keys.message
            .iter()
            .map(|k| (k.clone(), "the message key".to_owned())),
    );
    named.extend(
        keys.code
            .iter()
            .map(|k| (k.clone(), "the code key".to_owned())),
    );
    named.extend(
        keys.status
            .iter()
            .map(|(k, _)| (k.clone(), "the status key".to_owned())),
    );
    for (i, member) in variant.attrs.members.iter().enumerate() {
        let key = member.key.value();
        let clash = named
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, what)| what.clone())
            .or_else(|| {
                variant.attrs.members[..i]
                    .iter()
                    .any(|m| m.key.value() == key)
                    .then(|| format!("the key of #[member(\"{key}\", ..)] above"))
            });
        if let Some(what) = clash {
            cx.error_spanned_by(
                &member.key,
                format!(
                    "member \"{key}\" is already {what}; {}",
                    rename_advice(&what)
                ),
            );
        }
    }
}

/// Two variants with one machine code by accident: codes derived from
/// names that meet after snake_case conversion, or an explicit code equal
/// to another variant's derived one. Codes each variant declares are
/// shared on purpose (one `internal` code for two 500s) and compile.
fn code_clashes(cx: &Ctxt, variants: &[&Variant]) {
    let mut seen: Vec<(String, &Variant)> = Vec::new();
    for &variant in variants {
        let code = variant_code(variant);
        if let Some((_, first)) = seen.iter().find(|(c, _)| *c == code) {
            let declared = |v: &Variant| v.attrs.code.is_some();
            if declared(first) && declared(variant) {
                continue;
            }
            let clash = match (declared(first), declared(variant)) {
                (false, false) => format!(
                    "variants `{}` and `{}` both derive the machine code \"{code}\" from their \
                     names",
                    first.ident, variant.ident
                ),
                (first_declares, _) => {
                    let (declares, derives) = if first_declares {
                        (*first, variant)
                    } else {
                        (variant, *first)
                    };
                    format!(
                        "`{}` declares the machine code \"{code}\", which `{}` derives from \
                         its name",
                        declares.ident, derives.ident
                    )
                }
            };
            let message = format!(
                "{clash}: a client cannot tell them apart; give one another \
                 #[http_error(code = \"...\")], or, to share the code on purpose, declare \
                 #[http_error(code = \"{code}\")] on both"
            );
            match &variant.attrs.code {
                Some(lit) => cx.error_spanned_by(lit, message),
                None => cx.error_spanned_by(variant.ident, message),
            }
        } else {
            seen.push((code, variant));
        }
    }
}

/// The machine code: declared, or the variant name in snake_case.
fn variant_code(variant: &Variant) -> String {
    variant.attrs.code.as_ref().map_or_else(
        || snake_case(&variant.ident.unraw().to_string()),
        syn::LitStr::value,
    )
}

/// See [`Resolved::reserved`].
fn reserved(problem: bool, head: &[(String, Head)], payload: &[Payload]) -> Vec<String> {
    if payload.iter().all(|p| p.key.is_some()) {
        return Vec::new();
    }
    let mut reserved: Vec<String> = Vec::new();
    if problem {
        // `instance` too, which the crate does not send.
        reserved.extend(PROBLEM_MEMBERS.iter().map(|&k| k.to_owned()));
    }
    reserved.extend(head.iter().map(|(key, _)| key.clone()));
    reserved.extend(payload.iter().filter_map(|p| p.key.clone()));
    let mut seen = std::collections::HashSet::new();
    reserved.retain(|key| seen.insert(key.clone()));
    reserved
}

/// The fields a template's arguments read; `None` if one is not a field.
fn resolve_args<'a>(
    variant: &'a Variant<'a>,
    template: &'a Template,
) -> Option<Vec<TemplateArg<'a>>> {
    template
        .args()
        .map(|(reference, spec)| Some(TemplateArg::new(find_field(variant, reference)?, spec)))
        .collect()
}

fn find_field<'a>(variant: &'a Variant<'a>, reference: &FieldRef) -> Option<&'a Field<'a>> {
    variant
        .fields
        .iter()
        .find(|field| reference.names(&field.member))
}

fn template_args<'a>(
    cx: &Ctxt,
    variant: &'a Variant<'a>,
    template: &'a Template,
) -> Vec<TemplateArg<'a>> {
    let mut args = Vec::new();
    for (reference, spec) in template.args() {
        match find_field(variant, reference) {
            Some(field) => args.push(TemplateArg::new(field, spec)),
            None => cx.error_spanned_by(&template.lit, unknown_field_message(variant, reference)),
        }
    }
    args
}

fn unknown_field_message(variant: &Variant, reference: &FieldRef) -> String {
    let names: Vec<String> = variant
        .fields
        .iter()
        .map(|f| match &f.member {
            Member::Named(ident) => ident.unraw().to_string(),
            Member::Unnamed(index) => index.index.to_string(),
        })
        .collect();
    let has = if names.is_empty() {
        format!("`{}` has no fields", variant.ident)
    } else {
        let list: Vec<String> = names.iter().map(|n| format!("`{{{n}}}`")).collect();
        format!("its fields are {}", list.join(", "))
    };
    let hint = match reference {
        FieldRef::Named(name) => crate::suggest::closest(name, names.iter().map(String::as_str))
            .map(|n| format!("; did you mean `{{{n}}}`?"))
            .unwrap_or_default(),
        FieldRef::Index(_) => String::new(),
    };
    format!(
        "`{{{reference}}}` in #[message] is not a field of `{}`: {has}{hint}",
        variant.ident
    )
}

fn payload_keys<'a>(
    cx: &Ctxt,
    input: &'a Input<'a>,
    variant: &'a Variant<'a>,
    keys: &Keys,
    head: &[(String, Head)],
) -> Vec<Payload<'a>> {
    let message_key = keys.message.as_deref();
    let code_key = keys.code.as_deref();
    let status_key = keys.status.as_ref().map(|(key, _)| key.as_str());
    let mut seen: BTreeMap<String, &Field> = BTreeMap::new();
    let mut payload = Vec::new();
    for field in &variant.fields {
        let Some(attr) = &field.attrs.payload else {
            continue;
        };
        let key = if attr.flatten {
            let ty = option_inner(&field.original.ty).unwrap_or(&field.original.ty);
            if let Some(what) = not_an_object(ty) {
                cx.error_spanned_by(
                    ty,
                    format!(
                        "#[payload(flatten)] merges a struct's or a map's own keys into the body, \
                         and serde writes {what}, which has none: every response would fail; \
                         write #[payload] (with rename = \"...\" on a tuple field) to send it \
                         under a key"
                    ),
                );
            }
            None
        } else if let Some(rename) = &attr.rename {
            Some((rename.value(), rename.span()))
        } else if let Some(ident) = &field.original.ident {
            let name = ident.unraw().to_string();
            let key = match input.container.rename_all {
                Some(rule) => rule.apply_to_field(&name),
                None => name,
            };
            Some((key, ident.span()))
        } else {
            cx.error_spanned_by(
                attr.attr,
                "a tuple field has no name to use as its JSON key: write \
                 #[payload(rename = \"key\")], or #[payload(flatten)] to merge its own keys",
            );
            continue;
        };
        if let Some((key, span)) = &key {
            if keys.problem.is_some() && PROBLEM_MEMBERS.contains(&key.as_str()) {
                cx.error_at(
                    *span,
                    format!(
                        "payload key \"{key}\" collides with the `{key}` member of every \
                         problem (RFC 9457 §3.1); rename the field with \
                         #[payload(rename = \"...\")]"
                    ),
                );
            } else if Some(key.as_str()) == message_key {
                // The other format of a negotiating type has its fixed
                // message key.
                let or_the_message = if keys.own_members {
                    " or the message with #[http_error(message_key = \"...\")]"
                } else {
                    ""
                };
                cx.error_at(
                    *span,
                    format!(
                        "payload key \"{key}\" collides with the message key; rename the \
                         field with #[payload(rename = \"...\")]{or_the_message}"
                    ),
                );
            } else if Some(key.as_str()) == code_key {
                cx.error_at(
                    *span,
                    format!(
                        "payload key \"{key}\" collides with the code key; rename the field \
                         with #[payload(rename = \"...\")]"
                    ),
                );
            } else if Some(key.as_str()) == status_key {
                cx.error_at(
                    *span,
                    format!(
                        "payload key \"{key}\" collides with the status key; rename the field \
                         with #[payload(rename = \"...\")]"
                    ),
                );
            } else if head.iter().any(|(k, _)| k == key) {
                cx.error_at(
                    *span,
                    format!(
                        "payload key \"{key}\" collides with #[member(\"{key}\", ..)]; rename \
                         the field with #[payload(rename = \"...\")], or the member"
                    ),
                );
            } else if let Some(other) = seen.get(key) {
                let other = match &other.member {
                    Member::Named(ident) => format!("field `{}`", ident.unraw()),
                    Member::Unnamed(index) => format!("field {}", index.index),
                };
                cx.error_at(
                    *span,
                    format!("payload key \"{key}\" is already the key of {other}"),
                );
            } else {
                seen.insert(key.clone(), field);
            }
        }
        payload.push(Payload {
            member: field.member.clone(),
            docs: field.docs.as_deref(),
            example: attr.example.as_ref(),
            ty: &field.original.ty,
            value_ty: option_inner(&field.original.ty).unwrap_or(&field.original.ty),
            key: key.map(|(key, _)| key),
            optional: option_inner(&field.original.ty).is_some(),
        });
    }
    payload
}

/// What serde writes for a type that can never be a JSON object, known by
/// its syntax: numbers, booleans, chars, strings, sequences, tuples.
fn not_an_object(ty: &Type) -> Option<&'static str> {
    match ungroup(ty) {
        Type::Reference(r) => not_an_object(&r.elem),
        Type::Slice(_) | Type::Array(_) => Some("a sequence as an array"),
        Type::Tuple(t) if t.elems.is_empty() => Some("`()` as null"),
        Type::Tuple(_) => Some("a tuple as an array"),
        Type::Path(p) if p.qself.is_none() => {
            // A standard type: a name alone (the prelude's or a primitive)
            // or a path from std, core or alloc; a user's own type may be
            // named `String`, and the `Direct` writers honour that.
            let first = p.path.segments.first()?;
            let standard = p.path.segments.len() == 1
                || ["std", "core", "alloc"].iter().any(|c| first.ident == c);
            if !standard {
                return None;
            }
            let last = p.path.segments.last()?;
            let bare = matches!(last.arguments, syn::PathArguments::None);
            match last.ident.to_string().as_str() {
                "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64"
                | "i128" | "isize" | "f32" | "f64"
                    if bare =>
                {
                    Some("a number")
                }
                "bool" if bare => Some("a boolean"),
                "char" | "str" | "String" if bare => Some("a string"),
                "Vec" | "VecDeque" | "HashSet" | "BTreeSet" if !bare => {
                    Some("a sequence as an array")
                }
                "Option" if !bare => option_inner(ty).and_then(not_an_object),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `T` of `Option<T>`, recognized by its last path segment as serde's
/// `skip_serializing_if` users write it (a type alias to an `Option` is
/// serialized as `null`): such a field is sent only when `Some`.
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ungroup(ty) else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let segment = path.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    match (segment.ident == "Option", args.args.first()) {
        (true, Some(syn::GenericArgument::Type(inner))) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// The type inside the invisible group a `macro_rules!` `$t:ty` fragment
/// arrives in, and inside parentheses (serde_derive's `ungroup`).
pub fn ungroup(mut ty: &Type) -> &Type {
    loop {
        match ty {
            Type::Group(group) => ty = &group.elem,
            Type::Paren(paren) => ty = &paren.elem,
            _ => return ty,
        }
    }
}

fn headers<'a>(variant: &'a Variant<'a>) -> Vec<Header<'a>> {
    let fixed = variant.attrs.headers.iter().filter_map(|header| {
        let value = header.value.clone()?;
        Some(Header {
            name: header.name.clone(),
            docs: None,
            value: HeaderValue::Fixed(value),
        })
    });
    let fields = variant.fields.iter().filter_map(|field| {
        let header = field.attrs.header.as_ref()?;
        Some(Header {
            name: header.name.clone(),
            docs: field.docs.as_deref(),
            value: HeaderValue::Field {
                member: field.member.clone(),
                ty: &field.original.ty,
                value_ty: option_inner(&field.original.ty).unwrap_or(&field.original.ty),
                optional: option_inner(&field.original.ty).is_some(),
            },
        })
    });
    fixed.chain(fields).collect()
}

/// RFC 9110's MUSTs: the header a status cannot be sent without, with the
/// section that says so and a typical value.
pub const REQUIRED_HEADERS: &[(u16, &str, &str, &str)] = &[
    (401, "www-authenticate", "§11.6.1", "Bearer"),
    (405, "allow", "§10.2.1", "GET, HEAD"),
    (
        407,
        "proxy-authenticate",
        "§11.7.1",
        "Basic realm=\"proxy\"",
    ),
];

fn required_headers(
    cx: &Ctxt,
    input: &Input,
    variant: &Variant,
    status: &Status,
    headers: &[Header],
) {
    let Some(&(code, name, section, example)) = REQUIRED_HEADERS
        .iter()
        .find(|&&(code, ..)| code == status.code)
    else {
        return;
    };
    let written = variant
        .attrs
        .headers
        .iter()
        .map(|h| h.name.as_str())
        .chain(headers.iter().map(|h| h.name.as_str()));
    let written: Vec<&str> = written.collect();
    if written.contains(&name) {
        return;
    }
    let deviates = |list: &[syn::LitStr]| list.iter().any(|lit| lit.value() == name);
    if deviates(&variant.attrs.deviations) || deviates(&input.container.deviations) {
        return;
    }
    let near = crate::suggest::closest(name, written.iter().copied());
    let example = example.replace('"', "\\\"");
    let near = near
        .map(|n| format!(" (is `{n}` a misspelling of `{name}`?)"))
        .unwrap_or_default();
    let message = format!(
        "a {code} response must send `{name}` (RFC 9110 {section}){near}: add \
         #[header(\"{name}\", \"{example}\")] to `{variant}`, or #[header(\"{name}\")] on \
         a field whose Display is the value; an API that has always answered without it \
         can say so with #[http_error(rfc9110_deviation = \"{name}\")]",
        variant = variant.ident,
    );
    if variant.attrs.status.is_written() || !input.is_enum {
        cx.error_spanned_by(status.attr, message);
    } else {
        cx.error_spanned_by(variant.ident, message);
    }
}
