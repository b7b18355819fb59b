//! Tests over whole expansions: each is read back as Rust items, not
//! searched as text, and the OpenAPI text it carries is parsed as JSON (the
//! run time would turn malformed text into an empty document without a
//! word).

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::{Item, ItemImpl, Stmt};

/// What an expansion is.
#[derive(Debug)]
pub enum Outcome {
    /// One `HttpError` impl, no error, and OpenAPI text that is a JSON
    /// object.
    Impl,
    /// `compile_error!`s, with at most the fallback impl.
    Errors,
    Malformed(String),
}

impl Outcome {
    pub fn of(tokens: &TokenStream) -> Outcome {
        let file: syn::File = match syn::parse2(tokens.clone()) {
            Ok(file) => file,
            Err(err) => return Outcome::Malformed(format!("not Rust items: {err}")),
        };
        let errors = file
            .items
            .iter()
            .filter(|item| matches!(item, Item::Macro(m) if last_is(&m.mac.path, "compile_error")))
            .count();
        let impls: Vec<&ItemImpl> = file
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Impl(imp)
                    if imp
                        .trait_
                        .as_ref()
                        .is_some_and(|(path, _)| last_is(path, "HttpError")) =>
                {
                    Some(imp)
                }
                _ => None,
            })
            .collect();
        match (errors, impls.as_slice()) {
            (0, [imp]) => match openapi_text(imp) {
                Ok(()) => Outcome::Impl,
                Err(problem) => Outcome::Malformed(problem),
            },
            (1.., [] | [_]) => Outcome::Errors,
            (errors, impls) => {
                Outcome::Malformed(format!("{errors} errors and {} impls", impls.len()))
            }
        }
    }
}

fn last_is(path: &syn::Path, name: &str) -> bool {
    path.segments.last().is_some_and(|s| s.ident == name)
}

/// The text given to `openapi::assemble`, parsed as a JSON object.
fn openapi_text(imp: &ItemImpl) -> Result<(), String> {
    let text = find_assembled(imp.to_token_stream()).ok_or("no OpenAPI text")?;
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(serde_json::Value::Object(_)) => Ok(()),
        Ok(other) => Err(format!("OpenAPI text is not an object: {other}")),
        Err(err) => Err(format!("OpenAPI text is not JSON ({err}): {text}")),
    }
}

fn find_assembled(tokens: TokenStream) -> Option<String> {
    let mut after_assemble = false;
    for tree in tokens {
        match tree {
            TokenTree::Ident(ident) => after_assemble = ident == "assemble",
            TokenTree::Group(group) => {
                if after_assemble
                    && let Some(TokenTree::Literal(lit)) = group.stream().into_iter().next()
                    && let Ok(lit) = syn::parse2::<syn::LitStr>(lit.into_token_stream())
                {
                    return Some(lit.value());
                }
                if let Some(text) = find_assembled(group.stream()) {
                    return Some(text);
                }
                after_assemble = false;
            }
            TokenTree::Punct(_) | TokenTree::Literal(_) => after_assemble = false,
        }
    }
    None
}

/// Every `#[derive(HttpError)]` type in `items`, at any depth of modules
/// and function bodies.
fn derived(items: &[Item], out: &mut Vec<syn::DeriveInput>) {
    for item in items {
        match item {
            Item::Struct(s) if derives(&s.attrs) => out.push(s.clone().into()),
            Item::Enum(e) if derives(&e.attrs) => out.push(e.clone().into()),
            Item::Mod(m) => derived(m.content.as_ref().map_or(&[][..], |c| &c.1), out),
            Item::Fn(f) => {
                let items: Vec<Item> = f
                    .block
                    .stmts
                    .iter()
                    .filter_map(|stmt| match stmt {
                        Stmt::Item(item) => Some(item.clone()),
                        _ => None,
                    })
                    .collect();
                derived(&items, out);
            }
            _ => {}
        }
    }
}

fn derives(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("derive")
            && attr
                .meta
                .to_token_stream()
                .into_iter()
                .any(|t| matches!(t, TokenTree::Group(g) if g.stream().to_string().contains("HttpError")))
    })
}

/// The types the repository itself derives: the passing ui cases, the
/// tests' and the example's types, the runtime's common errors. Each
/// expands to an impl whose OpenAPI text is a JSON object.
#[test]
fn the_repository_s_types_expand_to_well_formed_impls() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let folders = [
        "ui-tests/pass",
        "tests/src",
        "tests/tests",
        "tests/tests/support",
        "tests/examples",
        "tests/benches",
        "tests/benches/cases",
        "tests/fuzz/fuzz_targets",
        "runtime/src",
    ];
    let mut types = Vec::new();
    for folder in folders {
        let mut files: Vec<_> = std::fs::read_dir(format!("{root}/{folder}"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "rs"))
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
            let before = types.len();
            derived(&file.items, &mut types);
            for input in &types[before..] {
                let outcome = Outcome::of(&crate::derive(input));
                assert!(
                    matches!(outcome, Outcome::Impl),
                    "{path:?}, {}: {outcome:?}",
                    input.ident
                );
            }
        }
    }
    assert!(types.len() >= 50, "only {} types found", types.len());
}

#[test]
fn malformed_expansions_are_told_apart() {
    let tokens: TokenStream = "impl ::httperror::HttpError for E { fn openapi_responses() { \
        ::httperror::__private::openapi::assemble(\"{\\\"a\\\":\", __schemas) } }"
        .parse()
        .unwrap();
    assert!(matches!(Outcome::of(&tokens), Outcome::Malformed(m) if m.contains("not JSON")));
    let tokens: TokenStream = "impl Other for E {}".parse().unwrap();
    assert!(matches!(Outcome::of(&tokens), Outcome::Malformed(_)));
    let tokens: TokenStream = "struct 1;".parse().unwrap();
    assert!(matches!(Outcome::of(&tokens), Outcome::Malformed(_)));
}
