//! JSON schemas of payload and header types, known from the type's syntax
//! where it is a standard type; other types are left to the runtime, which
//! asks `utoipa::ToSchema` or `schemars::JsonSchema` when those features are
//! on, and documents an open schema otherwise.

use syn::{Expr, GenericArgument, Lit, PathArguments, Type};

use crate::json::Json;

#[derive(Default)]
pub struct Schemas<'a> {
    /// Schemas the runtime provides, by placeholder index.
    pub dynamic: Vec<Dynamic<'a>>,
}

/// A schema the runtime provides: a type's, or that of what named code
/// returns.
pub enum Dynamic<'a> {
    Type(&'a Type),
    /// An expression that calls the code (never run: only its type is
    /// read).
    Returned(proc_macro2::TokenStream),
}

/// Marks where the runtime puts the schema of `dynamic[index]`.
pub const PLACEHOLDER: &str = "$httperror_schema";
/// Marks the schemas of flattened payloads, which the runtime merges into
/// the object that holds the mark.
pub const FLATTEN: &str = "$httperror_flatten";
/// Marks an HTML example, `[status, code, message]`, which the runtime
/// renders as the default page.
pub const PAGE: &str = "$httperror_page";
/// Marks what only a negotiating response sends (the other media types,
/// `vary`): the runtime keeps it where a request-id layer can negotiate.
pub const NEGOTIATED: &str = "$httperror_negotiated";

impl<'a> Schemas<'a> {
    pub fn of(&mut self, ty: &'a Type) -> Json {
        match ty {
            Type::Reference(r) => self.of(&r.elem),
            Type::Paren(p) => self.of(&p.elem),
            Type::Group(g) => self.of(&g.elem),
            Type::Slice(s) => array(self.of(&s.elem)),
            Type::Array(a) => {
                let mut schema = array(self.of(&a.elem));
                if let Expr::Lit(expr) = &a.len
                    && let Lit::Int(len) = &expr.lit
                {
                    schema.set("minItems", Json::num(len.base10_digits()));
                    schema.set("maxItems", Json::num(len.base10_digits()));
                }
                schema
            }
            Type::Tuple(t) if t.elems.is_empty() => Json::obj([("type", Json::str("null"))]),
            Type::Tuple(t) => {
                let items: Vec<Json> = t.elems.iter().map(|e| self.of(e)).collect();
                let n = Json::num(items.len());
                Json::obj([
                    ("type", Json::str("array")),
                    ("prefixItems", Json::Arr(items)),
                    ("minItems", n.clone()),
                    ("maxItems", n),
                ])
            }
            Type::Path(p) if p.qself.is_none() => self.of_path(ty, &p.path),
            _ => self.dynamic(ty),
        }
    }

    fn of_path(&mut self, ty: &'a Type, path: &'a syn::Path) -> Json {
        let Some(last) = path.segments.last() else {
            return self.dynamic(ty);
        };
        let name = last.ident.to_string();
        let args = type_args(&last.arguments);
        match (name.as_str(), args.as_slice()) {
            ("u8", []) => integer("int32", Some("0"), Some("255")),
            ("u16", []) => integer("int32", Some("0"), Some("65535")),
            ("u32", []) => integer("int64", Some("0"), Some("4294967295")),
            ("u64" | "usize", []) => integer("int64", Some("0"), None),
            ("u128", []) => Json::obj([("type", Json::str("integer")), ("minimum", Json::num(0))]),
            ("i8", []) => integer("int32", Some("-128"), Some("127")),
            ("i16", []) => integer("int32", Some("-32768"), Some("32767")),
            ("i32", []) => integer("int32", None, None),
            ("i64" | "isize", []) => integer("int64", None, None),
            ("i128", []) => Json::obj([("type", Json::str("integer"))]),
            ("NonZeroU8" | "NonZeroU16" | "NonZeroU32" | "NonZeroU64" | "NonZeroUsize", []) => {
                integer("int64", Some("1"), None)
            }
            ("f32", []) => Json::obj([
                ("type", Json::str("number")),
                ("format", Json::str("float")),
            ]),
            ("f64", []) => Json::obj([
                ("type", Json::str("number")),
                ("format", Json::str("double")),
            ]),
            ("bool", []) => Json::obj([("type", Json::str("boolean"))]),
            ("String" | "str" | "Path" | "PathBuf" | "OsString" | "OsStr", []) => string(),
            ("Cow", [inner]) => self.of(inner),
            ("char", []) => Json::obj([
                ("type", Json::str("string")),
                ("minLength", Json::num(1)),
                ("maxLength", Json::num(1)),
            ]),
            ("Option", [inner]) => nullable(self.of(inner)),
            ("Box" | "Rc" | "Arc", [inner]) => self.of(inner),
            ("Vec" | "VecDeque" | "LinkedList" | "BinaryHeap", [inner]) => array(self.of(inner)),
            ("HashSet" | "BTreeSet" | "IndexSet", [inner, ..]) => {
                let mut schema = array(self.of(inner));
                schema.set("uniqueItems", Json::Bool(true));
                schema
            }
            ("HashMap" | "BTreeMap" | "IndexMap", [_, value, ..]) => Json::obj([
                ("type", Json::str("object")),
                ("additionalProperties", self.of(value)),
            ]),
            ("Value", []) if is_json_value(path) => Json::Obj(Vec::new()),
            _ => self.dynamic(ty),
        }
    }

    fn dynamic(&mut self, ty: &'a Type) -> Json {
        self.placeholder(Dynamic::Type(ty))
    }

    /// The schema of what `call` returns.
    pub fn returned(&mut self, call: proc_macro2::TokenStream) -> Json {
        self.placeholder(Dynamic::Returned(call))
    }

    fn placeholder(&mut self, dynamic: Dynamic<'a>) -> Json {
        let index = self.dynamic.len();
        self.dynamic.push(dynamic);
        Json::obj([(PLACEHOLDER, Json::num(index))])
    }
}

fn type_args(arguments: &PathArguments) -> Vec<&Type> {
    match arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `Value` alone or `serde_json::Value`.
fn is_json_value(path: &syn::Path) -> bool {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    matches!(segments.as_slice(), [v] if v == "Value")
        || segments.ends_with(&["serde_json".to_owned(), "Value".to_owned()])
}

fn integer(format: &str, minimum: Option<&str>, maximum: Option<&str>) -> Json {
    let mut schema = Json::obj([
        ("type", Json::str("integer")),
        ("format", Json::str(format)),
    ]);
    if let Some(minimum) = minimum {
        schema.set("minimum", Json::num(minimum));
    }
    if let Some(maximum) = maximum {
        schema.set("maximum", Json::num(maximum));
    }
    schema
}

pub fn string() -> Json {
    Json::obj([("type", Json::str("string"))])
}

fn array(items: Json) -> Json {
    Json::obj([("type", Json::str("array")), ("items", items)])
}

/// `T` or `null`: `"type": [.., "null"]` where the schema has one type,
/// else `anyOf`.
pub fn nullable(schema: Json) -> Json {
    match schema.get("type") {
        Some(Json::Str(t)) => {
            let mut schema = schema.clone();
            let t = t.clone();
            schema.set("type", Json::Arr(vec![Json::Str(t), Json::str("null")]));
            schema
        }
        _ if schema == Json::Obj(Vec::new()) => schema,
        _ => Json::obj([(
            "anyOf",
            Json::Arr(vec![schema, Json::obj([("type", Json::str("null"))])]),
        )]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(ty: &str) -> (String, usize) {
        let ty: Type = syn::parse_str(ty).unwrap();
        let mut schemas = Schemas::default();
        let json = schemas.of(&ty).to_text();
        (json, schemas.dynamic.len())
    }

    #[test]
    fn standard_types() {
        let cases = [
            ("u64", r#"{"type":"integer","format":"int64","minimum":0}"#),
            (
                "u8",
                r#"{"type":"integer","format":"int32","minimum":0,"maximum":255}"#,
            ),
            ("i32", r#"{"type":"integer","format":"int32"}"#),
            ("f64", r#"{"type":"number","format":"double"}"#),
            ("bool", r#"{"type":"boolean"}"#),
            ("&'a str", r#"{"type":"string"}"#),
            ("Cow<'static, str>", r#"{"type":"string"}"#),
            ("std::string::String", r#"{"type":"string"}"#),
            ("char", r#"{"type":"string","minLength":1,"maxLength":1}"#),
            (
                "Option<u32>",
                r#"{"type":["integer","null"],"format":"int64","minimum":0,"maximum":4294967295}"#,
            ),
            (
                "Vec<String>",
                r#"{"type":"array","items":{"type":"string"}}"#,
            ),
            (
                "&[i64]",
                r#"{"type":"array","items":{"type":"integer","format":"int64"}}"#,
            ),
            (
                "[bool; 3]",
                r#"{"type":"array","items":{"type":"boolean"},"minItems":3,"maxItems":3}"#,
            ),
            (
                "BTreeSet<char>",
                r#"{"type":"array","items":{"type":"string","minLength":1,"maxLength":1},"uniqueItems":true}"#,
            ),
            (
                "HashMap<String, f32>",
                r#"{"type":"object","additionalProperties":{"type":"number","format":"float"}}"#,
            ),
            ("serde_json::Value", "{}"),
            ("Option<serde_json::Value>", "{}"),
            ("Arc<Box<str>>", r#"{"type":"string"}"#),
            (
                "(u8, String)",
                r#"{"type":"array","prefixItems":[{"type":"integer","format":"int32","minimum":0,"maximum":255},{"type":"string"}],"minItems":2,"maxItems":2}"#,
            ),
            ("()", r#"{"type":"null"}"#),
        ];
        for (ty, expected) in cases {
            assert_eq!(schema(ty), (expected.to_owned(), 0), "{ty}");
        }
    }

    #[test]
    fn other_types_are_left_to_the_runtime() {
        assert_eq!(
            schema("Extra"),
            (r#"{"$httperror_schema":0}"#.to_owned(), 1)
        );
        assert_eq!(
            schema("Option<Extra>"),
            (
                r#"{"anyOf":[{"$httperror_schema":0},{"type":"null"}]}"#.to_owned(),
                1
            )
        );
        assert_eq!(schema("Vec<T>").1, 1);
    }
}
