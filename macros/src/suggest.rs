//! "Did you mean ..?": one rule for every misspelling the derive answers
//! (attribute keys, rename rules, status names, field names, header names).
//!
//! Names are compared folded: ASCII letters and digits only, in one case,
//! so `NotFound`, `not_found` and `NOT-FOUND` are one name, and a name that
//! folds to a candidate is that candidate. Otherwise the candidate nearest
//! by Damerau–Levenshtein distance over folded names is suggested when the
//! distance is at most a quarter of the candidate's folded length, and at
//! least 1: a typo or two in a long name, one in a short one, never a
//! different word.

/// The candidate `typed` most likely meant, if any is close enough.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed = fold(typed);
    candidates
        .into_iter()
        .map(|candidate| {
            let folded = fold(candidate);
            let distance = strsim::damerau_levenshtein(&typed, &folded);
            (distance, folded.len(), candidate)
        })
        .filter(|&(distance, len, _)| distance <= (len / 4).max(1))
        .min_by_key(|&(distance, ..)| distance)
        .map(|(.., candidate)| candidate)
}

fn fold(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn one_threshold_for_every_name() {
        let keys = ["message_key", "code_key", "rename_all", "format"];
        assert_eq!(closest("renam_all", keys), Some("rename_all"));
        assert_eq!(closest("Message-Key", keys), Some("message_key"));
        assert_eq!(closest("fromat", keys), Some("format"));
        assert_eq!(closest("colour", keys), None);
        let statuses = ["NOT_FOUND", "INSUFFICIENT_STORAGE", "OK"];
        assert_eq!(closest("NotFound", statuses), Some("NOT_FOUND"));
        assert_eq!(
            closest("INSUFICIENT_STORAGE", statuses),
            Some("INSUFFICIENT_STORAGE")
        );
        assert_eq!(closest("OKK", statuses), Some("OK"));
        assert_eq!(closest("GONE", statuses), None);
        assert_eq!(
            closest("www-authenticat", ["www-authenticate"]),
            Some("www-authenticate")
        );
    }
}
