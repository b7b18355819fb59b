//! The derive never panics: thousands of generated and mutated inputs, each
//! expanded outside a proc-macro context, give tokens or a compile error.

use proptest::prelude::*;
use proptest::sample::select;

/// Arguments that `#[status(..)]` may be given, right and wrong.
const STATUS_ARGS: &[&str] = &[
    "404",
    "507",
    "204",
    "304",
    "103",
    "401",
    "405",
    "407",
    "599",
    "1000",
    "99",
    "0",
    "-1",
    "65536",
    "404u16",
    "4_04",
    "0x194",
    "NOT_FOUND",
    "NOT_FUOND",
    "not_found",
    "StatusCode::GONE",
    "http::StatusCode::CONFLICT",
    "Method::GET",
    "\"404\"",
    "",
    "404,",
    "404, reason = \"R\"",
    "599, reason = \"Network Connect Timeout\"",
    "599, reason = \"\"",
    "599, reason = \"a\\nb\"",
    "599, reasn = \"x\"",
    "599, reason",
    "599, reason = 5",
    "404 404",
    "(404)",
    "[404]",
    "'a",
    "404, reason = \"x\", reason = \"y\"",
    "404 | 409, with = choose",
    "404 | 409",
    "404, with = choose",
    "404 | 103 | 404, with = choose",
    "404 | 599, with = choose",
    "204 | 401, with = Self::choose",
    "NOT_FOUND | StatusCode::GONE, with = choose, reason = \"x\"",
    "404 |, with = choose",
];

const HTTP_ERROR_ARGS: &[&str] = &[
    "message_key = \"detail\"",
    "message_key = \"\"",
    "code_key = \"code\"",
    "code_key = \"message\"",
    "code_key = \"type\"",
    "rename_all = \"camelCase\"",
    "rename_all = \"kebab\"",
    "format = \"problem\"",
    "format = \"json\"",
    "format = \"xml\"",
    "type_base = \"https://e.com/\"",
    "type_base = \"a b\"",
    "code = \"E_X\"",
    "code = \"\"",
    "code",
    "code = 5",
    "mesage_key = \"x\"",
    "format",
    "rename_all",
    "message_key = \"detail\", message_key = \"other\"",
    "envelope = \"error\"",
    "envelope_array = \"errors\"",
    "envelope = \"error\", envelope_array = \"errors\"",
    "envelope = \"\"",
    "status_key = \"status\"",
    "status_key = \"code\", status_as = \"string\"",
    "status_as = \"number\"",
    "status_as = \"text\"",
    "skip_message",
    "skip_message = \"x\"",
    "skip_message, message_key = \"m\"",
    "format = \"text\"",
    "rfc9110_deviation = \"www-authenticate\"",
    "rfc9110_deviation = \"WWW-Authenticate\"",
    "rfc9110_deviation = \"retry-after\"",
    "= \"x\"",
    "a::b = \"c\"",
];

const MEMBER_ARGS: &[&str] = &[
    "\"object\", \"error\"",
    "\"doc\", \"https://d.example.com/#{code}\"",
    "\"t\", \"{reason} {status} {{x}}\"",
    "\"x\", \"{id}\"",
    "\"x\", \"{\"",
    "\"x\", \"}\"",
    "\"message\", 1",
    "\"code\", true",
    "\"status\", null",
    "\"type\", -2.5",
    "\"n\", 18446744073709551616",
    "\"n\", 1e400",
    "\"r\", with = reason",
    "\"r\", with = Self::reason",
    "\"r\", with = ",
    "\"r\", wiht = reason",
    "\"r\", \"payment {a} of {code}\"",
    "\"r\", \"{missing}\"",
    "\"n\", -1e-400",
    "\"n\", 123456789012345678901234567890",
    "\"n\", 1e3",
    "\"n\", -0",
    "\"\", 1",
    "\"a\\nb\", 1",
    "\"k\"",
    "\"k\", x",
    "\"k\", [1]",
    "\"k\", 1, 2",
    "k, 1",
];

const TEMPLATES: &[&str] = &[
    "with = describe",
    "with = Self::describe",
    "with =",
    "wiht = describe",
    "\"static\"",
    "\"{a}\"",
    "\"{0}\"",
    "\"{1}\"",
    "\"{}\"",
    "\"{a:?}\"",
    "\"{a:>8.3}\"",
    "\"{a:Q}\"",
    "\"{a:width$}\"",
    "\"{a\"",
    "\"a}\"",
    "\"{{}}\"",
    "\"{r#type}\"",
    "\"{type}\"",
    "\"{0:x} {b:#?}\"",
    "\"{a:.}\"",
    "\"{:a}\"",
    "a",
    "",
    "\"a\", \"b\"",
    "5",
    "\"{\u{e9}}\"",
    "\"{a}{a}{a}\"",
];

const HEADER_ARGS: &[&str] = &[
    "\"retry-after\"",
    "\"www-authenticate\", \"Bearer\"",
    "\"allow\", \"GET\"",
    "\"proxy-authenticate\", \"B\"",
    "\"content-type\", \"x\"",
    "\"bad name\"",
    "\"\"",
    "\"x\", \"a\\r\\nb\"",
    "\"x\", \"\u{e9}\"",
    "retry_after",
    "\"x\", \"y\", \"z\"",
    "\"X-Upper\", \"v\"",
    "\"x\",",
];

const PAYLOAD_ARGS: &[&str] = &[
    "",
    "(rename = \"k\")",
    "(rename = \"message\")",
    "(rename = \"\")",
    "(flatten)",
    "(flatten, rename = \"x\")",
    "(renam = \"x\")",
    "(example = 5)",
    "(example = -1.5)",
    "(example = \"s\")",
    "(example = true)",
    "(example = -\"s\")",
    "(example = x)",
    "(example = 5, example = 6)",
    " = \"x\"",
    "(rename)",
    "()",
];

const TYPES: &[&str] = &[
    "u8",
    "u64",
    "i128",
    "f64",
    "bool",
    "char",
    "String",
    "&'a str",
    "Option<u8>",
    "Option<Option<T>>",
    "Vec<T>",
    "[u8; 3]",
    "[u8; N]",
    "(u8, String)",
    "()",
    "Box<dyn std::error::Error>",
    "fn()",
    "std::collections::BTreeMap<String, u8>",
    "serde_json::Value",
    "Value",
    "T",
    "Cow<'a, str>",
    "<T as Tr>::Assoc",
    "std::io::Error",
    "PhantomData<T>",
    "impl Sized",
    "Self",
    "!",
];

const GENERICS: &[&str] = &[
    "",
    "<T>",
    "<'a>",
    "<'a, T: Clone>",
    "<T, const N: usize>",
    "<T = u8>",
    "<'a, 'b: 'a, T>",
];

const WHERE: &[&str] = &[
    "",
    "where T: Clone",
    "where Self: Sized",
    "where for<'x> &'x T: Sized",
];

/// A random bracketed token soup for attribute arguments.
fn soup() -> impl Strategy<Value = String> {
    let token = select(vec![
        "a", "404", "\"s\"", "=", ",", "::", "-", "(", ")", "[", "]", "{", "}", "#", "'a",
        "reason", "rename", "flatten", "code", "1.5", "true", "r#type", "$", "?", ":",
    ]);
    prop::collection::vec(token, 0..8).prop_map(|tokens| {
        // Unbalanced delimiters do not parse as an attribute at all; keep
        // the ones that do by balancing crudely.
        let text = tokens.join(" ");
        let opens = text.matches(['(', '[', '{']).count();
        let closes = text.matches([')', ']', '}']).count();
        if opens == closes {
            text
        } else {
            text.replace(['(', ')', '[', ']', '{', '}'], "")
        }
    })
}

fn attr_args(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![4 => select(list).prop_map(str::to_owned), 1 => soup()]
}

fn attribute() -> impl Strategy<Value = String> {
    prop_oneof![
        attr_args(STATUS_ARGS).prop_map(|a| format!("#[status({a})]")),
        Just("#[status]".to_owned()),
        Just("#[status = 404]".to_owned()),
        attr_args(HTTP_ERROR_ARGS).prop_map(|a| format!("#[http_error({a})]")),
        attr_args(TEMPLATES).prop_map(|a| format!("#[message({a})]")),
        Just("#[message]".to_owned()),
        attr_args(HEADER_ARGS).prop_map(|a| format!("#[header({a})]")),
        attr_args(MEMBER_ARGS).prop_map(|a| format!("#[member({a})]")),
        Just("#[member]".to_owned()),
        attr_args(PAYLOAD_ARGS).prop_map(|a| format!("#[payload{a}]")),
        Just("/// doc\n///\n///   more".to_owned()),
        Just("#[doc(hidden)]".to_owned()),
        Just("#[error(\"e {a}\")]".to_owned()),
        Just("#[deprecated]".to_owned()),
    ]
}

fn attributes() -> impl Strategy<Value = String> {
    prop::collection::vec(attribute(), 0..4).prop_map(|a| a.join("\n"))
}

fn field(named: bool) -> impl Strategy<Value = String> {
    let name = select(vec![
        "a", "b", "message", "code", "r#type", "id", "status", "detail",
    ]);
    (attributes(), name, select(TYPES)).prop_map(move |(attrs, name, ty)| {
        if named {
            format!("{attrs} {name}: {ty}")
        } else {
            format!("{attrs} {ty}")
        }
    })
}

fn fields() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        prop::collection::vec(field(false), 0..4).prop_map(|f| format!("({})", f.join(", "))),
        prop::collection::vec(field(true), 0..4).prop_map(|f| format!("{{ {} }}", f.join(", "))),
    ]
}

/// Attributes that are right, so that many inputs reach the expansion.
fn good_attribute() -> impl Strategy<Value = String> {
    select(vec![
        "#[status(404)]",
        "#[status(507)]",
        "#[status(TOO_MANY_REQUESTS)]",
        "#[status(304)]",
        "#[status(599, reason = \"Timeout\")]",
        "#[http_error(code = \"E\")]",
        "#[message(\"static\")]",
        "#[status(401)] #[header(\"www-authenticate\", \"Bearer\")]",
        "#[member(\"object\", \"error\")]",
        "/// docs",
        "#[error(\"e\")]",
    ])
    .prop_map(str::to_owned)
}

fn good_field(named: bool) -> impl Strategy<Value = String> {
    let name = select(vec!["a", "b", "r#type", "id", "count"]);
    let attrs = select(vec![
        "#[payload]",
        "#[payload(example = 3)]",
        "#[header(\"x-a\")]",
        "",
        "/// a field",
        "#[payload(flatten)]",
    ]);
    let ty = select(vec![
        "u8",
        "String",
        "Option<u64>",
        "Vec<T>",
        "&'a str",
        "std::collections::BTreeMap<String, u8>",
    ]);
    (attrs, name, ty).prop_map(move |(attrs, name, ty)| {
        let attrs = if !named && attrs == "#[payload]" {
            "#[payload(rename = \"k\")]"
        } else {
            attrs
        };
        if named {
            format!("{attrs} {name}: {ty}")
        } else {
            format!("{attrs} {ty}")
        }
    })
}

fn variant() -> impl Strategy<Value = String> {
    let name = select(vec!["A", "NotFound", "HTTPVersion", "r#Type", "B"]);
    prop_oneof![
        1 => (attributes(), name.clone(), fields()).prop_map(|(attrs, name, fields)| format!("{attrs} {name} {fields}")),
        2 => good_variant(),
    ]
}

fn good_variant() -> impl Strategy<Value = String> {
    let name = select(vec!["A", "NotFound", "HTTPVersion", "r#Type", "B"]);
    let status = select(vec![
        "#[status(404)]",
        "#[status(507)]",
        "#[status(TOO_MANY_REQUESTS)]",
        "#[status(599, reason = \"T\")]",
    ]);
    let fields = prop_oneof![
        Just(String::new()),
        prop::collection::vec(good_field(false), 1..3).prop_map(|f| format!("({})", f.join(", "))),
        prop::collection::vec(good_field(true), 1..3)
            .prop_map(|f| format!("{{ {} }}", f.join(", "))),
    ];
    (
        status,
        prop::collection::vec(good_attribute(), 0..2),
        name,
        fields,
    )
        .prop_map(|(status, attrs, name, fields)| {
            format!("{status} {} {name} {fields}", attrs.join(" "))
        })
}

/// Source text of a derive input: enums (empty ones too), structs, unions.
fn input() -> impl Strategy<Value = String> {
    let generics = (select(GENERICS), select(WHERE));
    let good_container = select(vec![
        "",
        "",
        "#[http_error(code_key = \"code\")]",
        "#[http_error(format = \"problem\")]",
        "#[http_error(envelope = \"error\", status_key = \"status\")] #[member(\"doc\", \"#{code}\")]",
        "#[http_error(envelope_array = \"errors\", skip_message)] #[member(\"n\", null)]",
    ]);
    prop_oneof![
        (
            good_container,
            generics.clone(),
            prop::collection::vec(good_variant(), 0..4)
        )
            .prop_map(|(attrs, (g, w), variants)| format!(
                "{attrs} enum E{g} {w} {{ {} }}",
                variants.join(",\n")
            )),
        (
            attributes(),
            generics.clone(),
            prop::collection::vec(variant(), 0..5)
        )
            .prop_map(|(attrs, (g, w), variants)| format!(
                "{attrs} enum E{g} {w} {{ {} }}",
                variants.join(",\n")
            )),
        (attributes(), generics.clone(), fields()).prop_map(|(attrs, (g, w), fields)| {
            if fields.starts_with('(') {
                format!("{attrs} struct S{g} {fields} {w};")
            } else if fields.is_empty() {
                format!("{attrs} struct S{g} {w};")
            } else {
                format!("{attrs} struct S{g} {w} {fields}")
            }
        }),
        (attributes(), generics)
            .prop_map(|(attrs, (g, w))| format!("{attrs} union U{g} {w} {{ a: u8 }}")),
    ]
}

/// Derives `src`, which must parse; the expansion must not panic and must
/// be an impl or a compile error.
fn derive_does_not_panic(src: &str) -> Result<(), TestCaseError> {
    let Ok(input) = syn::parse_str::<syn::DeriveInput>(src) else {
        return Ok(());
    };
    let expanded = std::panic::catch_unwind(|| crate::derive(&input));
    let tokens =
        expanded.map_err(|_| TestCaseError::fail(format!("derive panicked on:\n{src}")))?;
    let outcome = crate::expansion::Outcome::of(&tokens);
    prop_assert!(
        !matches!(outcome, crate::expansion::Outcome::Malformed(_)),
        "{outcome:?} for:\n{src}\n{tokens}"
    );
    Ok(())
}

/// Mutations of a valid input: tokens deleted, duplicated or swapped.
fn mutated() -> impl Strategy<Value = String> {
    let base = "#[http_error(code_key = \"code\", rename_all = \"camelCase\")] \
        enum E<'a, T: Clone> where T: Sized { \
        /// d\n #[error(\"x {a}\")] #[status(404)] #[message(\"m {a} {b:?}\")] \
        A { #[payload(rename = \"k\", example = 1)] #[header(\"x-a\")] a: u8, #[payload] b: Option<&'a T> }, \
        #[error(\"y\")] #[status(401)] #[header(\"www-authenticate\", \"Bearer\")] B(#[payload(flatten)] T) }";
    let tokens: Vec<String> = base
        .parse::<proc_macro2::TokenStream>()
        .map(flatten_tokens)
        .unwrap_or_default();
    let n = tokens.len();
    prop::collection::vec((0..n, 0..n, 0..3u8), 1..6).prop_map(move |edits| {
        let mut tokens = tokens.clone();
        for (i, j, kind) in edits {
            if tokens.is_empty() {
                break;
            }
            let (i, j) = (i % tokens.len(), j % tokens.len());
            match kind {
                0 => {
                    tokens.remove(i);
                }
                1 => {
                    let t = tokens[j].clone();
                    tokens.insert(i, t);
                }
                _ => tokens.swap(i, j),
            }
        }
        tokens.join(" ")
    })
}

/// Leaf tokens, with delimiters as their own tokens, so mutations can
/// break groups too.
fn flatten_tokens(stream: proc_macro2::TokenStream) -> Vec<String> {
    let mut out = Vec::new();
    for tree in stream {
        match tree {
            proc_macro2::TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    proc_macro2::Delimiter::Parenthesis => ("(", ")"),
                    proc_macro2::Delimiter::Bracket => ("[", "]"),
                    proc_macro2::Delimiter::Brace => ("{", "}"),
                    proc_macro2::Delimiter::None => ("", ""),
                };
                out.push(open.to_owned());
                out.extend(flatten_tokens(group.stream()));
                out.push(close.to_owned());
            }
            other => out.push(other.to_string()),
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn generated_inputs(src in input()) {
        derive_does_not_panic(&src)?;
    }

    #[test]
    fn mutated_inputs(src in mutated()) {
        derive_does_not_panic(&src)?;
    }
}

#[test]
fn every_listed_argument_alone() {
    for (list, make) in [
        (
            STATUS_ARGS,
            (|a: &str| format!("#[status({a})]")) as fn(&str) -> String,
        ),
        (HTTP_ERROR_ARGS, |a| format!("#[http_error({a})]")),
        (TEMPLATES, |a| format!("#[message({a})]")),
        (HEADER_ARGS, |a| format!("#[header({a})]")),
        (MEMBER_ARGS, |a| format!("#[member({a})]")),
        (PAYLOAD_ARGS, |a| format!("#[payload{a}]")),
    ] {
        for arg in list {
            let attr = make(arg);
            for src in [
                format!("#[status(400)] {attr} struct S {{ #[payload] a: u8 }}"),
                format!(
                    "enum E {{ {attr} A {{ {attr} a: u8 }}, #[status(500)] B(#[payload(rename = \"x\")] u8) }}"
                ),
            ] {
                derive_does_not_panic(&src).unwrap();
            }
        }
    }
}

/// The generator is only worth something if most inputs parse and reach
/// both outcomes: an impl, and compile errors.
#[test]
fn the_generator_reaches_both_outcomes() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = input();
    let (mut parsed, mut impls, mut errors) = (0, 0, 0);
    for _ in 0..1000 {
        let src = strategy.new_tree(&mut runner).unwrap().current();
        let Ok(input) = syn::parse_str::<syn::DeriveInput>(&src) else {
            continue;
        };
        parsed += 1;
        match crate::expansion::Outcome::of(&crate::derive(&input)) {
            crate::expansion::Outcome::Errors => errors += 1,
            crate::expansion::Outcome::Impl => impls += 1,
            outcome @ crate::expansion::Outcome::Malformed(_) => panic!("{outcome:?}: {src}"),
        }
    }
    assert!(parsed > 600, "only {parsed} of 1000 inputs parse");
    assert!(impls > 50, "only {impls} inputs expand without error");
    assert!(errors > 50, "only {errors} inputs are rejected");
}
