//! `const` unions for composed types: the statuses and the machine codes
//! of a type with transparent variants, built at compile time from its own
//! lists and the wrapped types'.

/// How many distinct statuses the sorted lists hold together.
pub const fn union_len(lists: &[&[u16]]) -> usize {
    let mut len = 0;
    let mut last = 0;
    while let Some(next) = next_after(lists, last, len == 0) {
        len += 1;
        last = next;
    }
    len
}

/// The sorted, deduplicated union of sorted lists; `N` is `union_len`.
pub const fn union<const N: usize>(lists: &[&[u16]]) -> [u16; N] {
    let mut out = [0; N];
    let mut i = 0;
    let mut last = 0;
    while i < N {
        let Some(next) = next_after(lists, last, i == 0) else {
            break;
        };
        out[i] = next;
        last = next;
        i += 1;
    }
    out
}

/// The smallest status in `lists` above `last` (or at all, if `first`).
const fn next_after(lists: &[&[u16]], last: u16, first: bool) -> Option<u16> {
    let mut best: Option<u16> = None;
    let mut l = 0;
    while l < lists.len() {
        let list = lists[l];
        let mut i = 0;
        while i < list.len() {
            let code = list[i];
            if (first || code > last)
                && match best {
                    Some(b) => code < b,
                    None => true,
                }
            {
                best = Some(code);
            }
            i += 1;
        }
        l += 1;
    }
    best
}

type Code = (&'static str, u16);

/// How many distinct (code, status) pairs the lists hold together.
pub const fn codes_len(lists: &[&[Code]]) -> usize {
    let mut len = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            if first_seen(lists, l, i) {
                len += 1;
            }
            i += 1;
        }
        l += 1;
    }
    len
}

/// The distinct (code, status) pairs of the lists, in their order; `N` is
/// `codes_len`.
pub const fn codes<const N: usize>(lists: &[&[Code]]) -> [Code; N] {
    let mut out = [("", 0); N];
    let mut n = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            if first_seen(lists, l, i) && n < N {
                out[n] = lists[l][i];
                n += 1;
            }
            i += 1;
        }
        l += 1;
    }
    out
}

/// Whether `lists[l][i]` appears nowhere before it.
const fn first_seen(lists: &[&[Code]], l: usize, i: usize) -> bool {
    let (code, status) = lists[l][i];
    let mut pl = 0;
    while pl <= l {
        let end = if pl == l { i } else { lists[pl].len() };
        let mut pi = 0;
        while pi < end {
            let (other, other_status) = lists[pl][pi];
            if other_status == status && str_eq(code, other) {
                return false;
            }
            pi += 1;
        }
        pl += 1;
    }
    true
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_merge_sorted_and_distinct() {
        const LISTS: &[&[u16]] = &[&[404, 500], &[], &[401, 404, 507], &[500]];
        const N: usize = union_len(LISTS);
        const UNION: [u16; N] = union(LISTS);
        assert_eq!(UNION, [401, 404, 500, 507]);
        assert_eq!(union_len(&[]), 0);
        assert_eq!(union::<0>(&[&[]]), [0u16; 0]);
    }

    #[test]
    fn codes_keep_order_and_drop_repeats() {
        const LISTS: &[&[Code]] = &[
            &[("not_found", 404), ("backend", 500)],
            &[
                ("not_found", 404),
                ("not_found", 410),
                ("unauthorized", 401),
            ],
        ];
        const N: usize = codes_len(LISTS);
        const CODES: [Code; N] = codes(LISTS);
        assert_eq!(
            CODES,
            [
                ("not_found", 404),
                ("backend", 500),
                ("not_found", 410),
                ("unauthorized", 401)
            ]
        );
    }
}
