//! Doc comments, as OpenAPI descriptions: utoipa-gen's rules (common
//! indent stripped, `#[doc(hidden)]` skipped), paragraphs kept as
//! CommonMark.

use syn::{Attribute, Expr, Lit, Meta};

/// The doc text of an item; `None` if it has none or is `#[doc(hidden)]`.
pub fn docs(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        match &attr.meta {
            Meta::NameValue(nv) => {
                if let Expr::Lit(expr) = &nv.value
                    && let Lit::Str(lit) = &expr.lit
                {
                    lines.extend(lit.value().split('\n').map(str::to_owned));
                }
            }
            Meta::List(list) if list.tokens.to_string() == "hidden" => return None,
            _ => {}
        }
    }
    let indent = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start().len())
        .min()?;
    let text = lines
        .iter()
        .map(|line| line.get(indent..).unwrap_or("").trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    let text = text.trim_matches('\n').to_owned();
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::docs;

    fn attrs(tokens: proc_macro2::TokenStream) -> Vec<syn::Attribute> {
        let item: syn::DeriveInput = syn::parse2(quote::quote!(#tokens struct S;)).unwrap();
        item.attrs
    }

    #[test]
    fn strips_common_indent_and_keeps_paragraphs() {
        let a = attrs(quote::quote! {
            /// First line.
            ///   indented
            ///
            /// Second paragraph.
        });
        assert_eq!(
            docs(&a).unwrap(),
            "First line.\n  indented\n\nSecond paragraph."
        );
        let block = attrs(quote::quote!(#[doc = "\n    Block doc.\n      more\n    "]));
        assert_eq!(docs(&block).unwrap(), "Block doc.\n  more");
    }

    #[test]
    fn hidden_and_empty() {
        assert!(
            docs(&attrs(quote::quote!(#[doc(hidden)] /// text
            )))
            .is_none()
        );
        assert!(
            docs(&attrs(quote::quote!(///
            )))
            .is_none()
        );
        assert!(docs(&attrs(quote::quote!())).is_none());
    }
}
