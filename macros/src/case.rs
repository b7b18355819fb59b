//! Case conversions: the machine code from a variant name, and
//! `rename_all` for payload keys (serde's rules, so a payload key reads as
//! the same field would under `#[serde(rename_all = ..)]`).

/// `QuotaExceeded` → `quota_exceeded`; `HTTPVersion` → `http_version`;
/// `Error2FA` → `error2_fa`. A new word starts at an uppercase letter that
/// follows a lowercase letter or digit, or that precedes a lowercase letter
/// inside a run of capitals.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = prev.is_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_uppercase() && next_is_lower);
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

pub const RULE_NAMES: &[(&str, RenameRule)] = &[
    ("lowercase", RenameRule::Lower),
    ("UPPERCASE", RenameRule::Upper),
    ("PascalCase", RenameRule::Pascal),
    ("camelCase", RenameRule::Camel),
    ("snake_case", RenameRule::Snake),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
    ("kebab-case", RenameRule::Kebab),
    ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
];

impl RenameRule {
    pub fn from_name(name: &str) -> Option<Self> {
        RULE_NAMES.iter().find(|(n, _)| *n == name).map(|&(_, r)| r)
    }

    /// Applies the rule to a field name, which Rust style writes in
    /// snake_case.
    pub fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => {
                let mut pascal = String::with_capacity(field.len());
                let mut capitalize = true;
                for c in field.chars() {
                    if c == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(c.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(c);
                    }
                }
                pascal
            }
            RenameRule::Camel => {
                let pascal = RenameRule::Pascal.apply_to_field(field);
                let mut chars = pascal.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => pascal,
                }
            }
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.replace('_', "-").to_ascii_uppercase(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_of_variant_names() {
        for (name, expected) in [
            ("NotFound", "not_found"),
            ("QuotaExceeded", "quota_exceeded"),
            ("Unauthorized", "unauthorized"),
            ("HTTPVersion", "http_version"),
            ("IOError", "io_error"),
            ("Error2FA", "error2_fa"),
            ("A", "a"),
            ("already_snake", "already_snake"),
            ("Über", "über"),
        ] {
            assert_eq!(snake_case(name), expected, "{name}");
        }
    }

    #[test]
    fn rename_rules_match_serde() {
        let cases = [
            ("lowercase", "retry_after"),
            ("UPPERCASE", "RETRY_AFTER"),
            ("PascalCase", "RetryAfter"),
            ("camelCase", "retryAfter"),
            ("snake_case", "retry_after"),
            ("SCREAMING_SNAKE_CASE", "RETRY_AFTER"),
            ("kebab-case", "retry-after"),
            ("SCREAMING-KEBAB-CASE", "RETRY-AFTER"),
        ];
        for (rule, expected) in cases {
            let rule = RenameRule::from_name(rule).unwrap();
            assert_eq!(rule.apply_to_field("retry_after"), expected);
        }
        assert_eq!(RenameRule::from_name("camelcase"), None);
    }
}
