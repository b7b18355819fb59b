//! The derive input as typed data, each part keeping its original syntax
//! for spans.

use syn::{Data, DeriveInput, Fields, Ident, Member};

use crate::attr::{self, Container, FieldAttrs, Position, Status, VariantAttrs, Written};
use crate::ctxt::Ctxt;
use crate::doc;
use crate::template::Template;

pub struct Input<'a> {
    pub original: &'a DeriveInput,
    pub container: Container,
    /// `#[status]` on the enum: the status of variants without one.
    pub default_status: Written<Status<'a>>,
    /// The variants of an enum; for a struct, the struct itself.
    pub variants: Vec<Variant<'a>>,
    pub is_enum: bool,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub docs: Option<String>,
    /// thiserror's `#[error("...")]`, when it is a lone literal: the
    /// `Display` text, for documented examples only.
    pub display: Option<Template>,
    /// thiserror's `#[error("...")]` literal, as written.
    pub display_lit: Option<syn::LitStr>,
    pub attrs: VariantAttrs<'a>,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub original: &'a syn::Field,
    pub docs: Option<String>,
    pub member: Member,
    pub attrs: FieldAttrs<'a>,
}

impl<'a> Input<'a> {
    /// The input as typed data; a union, which no response can be made
    /// from, is the one input refused here.
    pub fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> syn::Result<Self> {
        match &input.data {
            Data::Enum(data) => {
                let (container, own) = attr::container(cx, &input.attrs, Position::Enum);
                let variants = data
                    .variants
                    .iter()
                    .map(|v| Variant {
                        ident: &v.ident,
                        docs: doc::docs(&v.attrs),
                        display: display_template(&v.attrs),
                        display_lit: display_lit(&v.attrs),
                        attrs: attr::variant(cx, &v.attrs),
                        fields: fields(cx, &v.fields),
                    })
                    .collect();
                Ok(Input {
                    original: input,
                    container,
                    default_status: own.status,
                    variants,
                    is_enum: true,
                })
            }
            Data::Struct(data) => {
                let (container, own) = attr::container(cx, &input.attrs, Position::Struct);
                let body = Variant {
                    ident: &input.ident,
                    docs: doc::docs(&input.attrs),
                    display: display_template(&input.attrs),
                    display_lit: display_lit(&input.attrs),
                    attrs: own,
                    fields: fields(cx, &data.fields),
                };
                Ok(Input {
                    original: input,
                    container,
                    default_status: Written::Absent,
                    variants: vec![body],
                    is_enum: false,
                })
            }
            Data::Union(data) => Err(syn::Error::new_spanned(
                data.union_token,
                "HttpError cannot be derived for a union: a response needs to know which \
                     field is set; use an enum",
            )),
        }
    }
}

fn fields<'a>(cx: &Ctxt, fields: &'a Fields) -> Vec<Field<'a>> {
    fields
        .iter()
        .enumerate()
        .map(|(i, field)| Field {
            original: field,
            docs: doc::docs(&field.attrs),
            member: match &field.ident {
                Some(ident) => Member::Named(ident.clone()),
                None => Member::Unnamed(i.into()),
            },
            attrs: attr::field(cx, &field.attrs),
        })
        .collect()
}

fn display_template(attrs: &[syn::Attribute]) -> Option<Template> {
    Template::parse(display_lit(attrs)?).ok()
}

fn display_lit(attrs: &[syn::Attribute]) -> Option<syn::LitStr> {
    let attr = attrs.iter().find(|attr| attr.path().is_ident("error"))?;
    attr.parse_args().ok()
}
