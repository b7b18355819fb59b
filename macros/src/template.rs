//! `#[message("...")]` templates: `format!` syntax over the fields.
//!
//! The template is parsed here so that every `{name}` can be checked
//! against the fields (a spanned error instead of rustc's "cannot find
//! value"), and then re-emitted as a `format_args!` whose arguments are the
//! bound fields.

use syn::LitStr;

pub struct Template {
    pub lit: LitStr,
    pub pieces: Vec<Piece>,
}

pub enum Piece {
    /// Literal text, `{{` and `}}` already unescaped.
    Text(String),
    Arg {
        field: FieldRef,
        spec: String,
    },
}

#[derive(Clone, PartialEq, Eq)]
pub enum FieldRef {
    Named(String),
    Index(usize),
}

impl FieldRef {
    /// Whether this reference names `member` (`{r#type}` and `{type}` both
    /// name the field `r#type`).
    pub fn names(&self, member: &syn::Member) -> bool {
        use syn::ext::IdentExt;
        match (member, self) {
            (syn::Member::Named(ident), FieldRef::Named(name)) => ident.unraw() == name,
            (syn::Member::Unnamed(index), FieldRef::Index(i)) => index.index as usize == *i,
            _ => false,
        }
    }
}

impl std::fmt::Display for FieldRef {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            FieldRef::Named(name) => f.write_str(name),
            FieldRef::Index(i) => write!(f, "{i}"),
        }
    }
}

/// The formatting trait a `{x:spec}` needs, for bounds on generic fields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FmtTrait {
    Display,
    Debug,
    LowerHex,
    UpperHex,
    Octal,
    Binary,
    LowerExp,
    UpperExp,
}

impl FmtTrait {
    pub fn of_spec(spec: &str) -> Self {
        if spec.ends_with('?') {
            return FmtTrait::Debug;
        }
        match spec.chars().last() {
            Some('x') => FmtTrait::LowerHex,
            Some('X') => FmtTrait::UpperHex,
            Some('o') => FmtTrait::Octal,
            Some('b') => FmtTrait::Binary,
            Some('e') => FmtTrait::LowerExp,
            Some('E') => FmtTrait::UpperExp,
            _ => FmtTrait::Display,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            FmtTrait::Display => "Display",
            FmtTrait::Debug => "Debug",
            FmtTrait::LowerHex => "LowerHex",
            FmtTrait::UpperHex => "UpperHex",
            FmtTrait::Octal => "Octal",
            FmtTrait::Binary => "Binary",
            FmtTrait::LowerExp => "LowerExp",
            FmtTrait::UpperExp => "UpperExp",
        }
    }
}

impl Template {
    pub fn parse(lit: LitStr) -> syn::Result<Self> {
        let text = lit.value();
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    literal.push('}');
                }
                '}' => {
                    return Err(syn::Error::new(
                        lit.span(),
                        "unmatched `}` in #[message]; write `}}` for a literal brace",
                    ));
                }
                '{' => {
                    let mut inner = String::new();
                    let mut closed = false;
                    for c in chars.by_ref() {
                        if c == '}' {
                            closed = true;
                            break;
                        }
                        inner.push(c);
                    }
                    if !closed {
                        return Err(syn::Error::new(
                            lit.span(),
                            "unclosed `{` in #[message]; write `{{` for a literal brace",
                        ));
                    }
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    pieces.push(parse_arg(&lit, &inner)?);
                }
                c => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        Ok(Template { lit, pieces })
    }

    /// The whole text when the template has no arguments.
    pub fn static_text(&self) -> Option<String> {
        let mut text = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(t) => text.push_str(t),
                Piece::Arg { .. } => return None,
            }
        }
        Some(text)
    }

    pub fn args(&self) -> impl Iterator<Item = (&FieldRef, &str)> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Arg { field, spec } => Some((field, spec.as_str())),
            Piece::Text(_) => None,
        })
    }
}

fn parse_arg(lit: &LitStr, inner: &str) -> syn::Result<Piece> {
    let (name, spec) = match inner.split_once(':') {
        Some((name, spec)) => (name.trim(), spec.to_owned()),
        None => (inner.trim(), String::new()),
    };
    if spec.contains('$') || spec.contains('*') {
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "`{{{inner}}}` in #[message]: width and precision taken from arguments \
                 (`$`, `*`) are not supported; write the number in the template"
            ),
        ));
    }
    if let Err(problem) = check_spec(&spec) {
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "`{{{inner}}}` in #[message]: {problem}; a spec is `format!`'s: \
                 [[fill]align][sign][#][0][width][.precision][type], as in `{{{name}:>8}}`, \
                 `{{{name}:.2}}`, `{{{name}:?}}`, `{{{name}:x}}`"
            ),
        ));
    }
    if spec.ends_with('p') {
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "`{{{inner}}}` in #[message] would show a memory address to every client: \
                 a public message has no use for one; write `{{{name}}}` or `{{{name}:?}}`"
            ),
        ));
    }
    let field = if name.is_empty() {
        return Err(syn::Error::new(
            lit.span(),
            "`{}` in #[message] names no field; write the field, as `{id}`, or its \
             position in a tuple variant, as `{0}`",
        ));
    } else if let Ok(index) = name.parse::<usize>() {
        FieldRef::Index(index)
    } else if is_identifier(name) {
        FieldRef::Named(name.strip_prefix("r#").unwrap_or(name).to_owned())
    } else {
        return Err(syn::Error::new(
            lit.span(),
            format!("`{{{inner}}}` in #[message] is not a field name or a tuple index"),
        ));
    };
    Ok(Piece::Arg { field, spec })
}

/// Checks a format spec here rather than leaving it to `format_args!`:
/// the literal it is re-emitted in differs from the source text, so
/// rustc's own error would point at the wrong characters.
fn check_spec(spec: &str) -> Result<(), String> {
    let chars: Vec<char> = spec.chars().collect();
    let is_align = |c: Option<&char>| matches!(c, Some('<' | '^' | '>'));
    let mut i = 0;
    if is_align(chars.get(1)) {
        i = 2;
    } else if is_align(chars.first()) {
        i = 1;
    }
    if matches!(chars.get(i), Some('+' | '-')) {
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        i += 1;
    }
    while chars.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        let digits = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        if i == digits {
            return Err("a `.` precision needs a number".to_owned());
        }
    }
    let kind: String = chars[i..].iter().collect();
    match kind.as_str() {
        "" | "?" | "x?" | "X?" | "e" | "E" | "o" | "p" | "b" | "x" | "X" => Ok(()),
        _ => Err(format!("`{kind}` is not a format trait")),
    }
}

/// Whether a format string has an argument with the `p` (pointer) spec,
/// `{x:p}` or `{0:#p}`, by its braces alone.
pub fn has_pointer_spec(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '{' {
            if chars.peek() == Some(&'{') {
                chars.next();
                continue;
            }
            let inner: String = chars.by_ref().take_while(|&c| c != '}').collect();
            if inner
                .split_once(':')
                .is_some_and(|(_, spec)| spec.ends_with('p'))
            {
                return true;
            }
        }
    }
    false
}

fn is_identifier(s: &str) -> bool {
    let s = s.strip_prefix("r#").unwrap_or(s);
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> syn::Result<Template> {
        Template::parse(LitStr::new(s, proc_macro2::Span::call_site()))
    }

    #[test]
    fn pieces() {
        let t = parse("quota {{exceeded}}: {used} of {limit:>5} ({0:?})").unwrap();
        let args: Vec<_> = t
            .args()
            .map(|(f, s)| (f.to_string(), s.to_owned()))
            .collect();
        assert_eq!(
            args,
            [
                ("used".to_owned(), String::new()),
                ("limit".to_owned(), ">5".to_owned()),
                ("0".to_owned(), "?".to_owned()),
            ]
        );
        assert!(t.static_text().is_none());
        assert_eq!(
            parse("a {{b}} c").unwrap().static_text().unwrap(),
            "a {b} c"
        );
    }

    #[test]
    fn errors() {
        for bad in [
            "{", "}", "{}", "{:?}", "{a:1$}", "{a b}", "x {y", "{a:Q}", "{a:.}", "{a:>>>}",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn specs_rust_accepts() {
        for spec in [
            "", "?", "#?", ">8", "*^9", "+", "#x", "08.3", "<5.2e", "x?", "-#010X", "p",
        ] {
            assert!(check_spec(spec).is_ok(), "{spec}");
        }
    }

    #[test]
    fn fmt_traits() {
        assert!(FmtTrait::of_spec("") == FmtTrait::Display);
        assert!(FmtTrait::of_spec("#?") == FmtTrait::Debug);
        assert!(FmtTrait::of_spec("x?") == FmtTrait::Debug);
        assert!(FmtTrait::of_spec("08x") == FmtTrait::LowerHex);
    }
}
