//! The benchmarks compare like with like: every way of answering a
//! `StorageError` (the derive, the careful hand-written response, the
//! hand-tuned floor, the common way; alone and through axum and
//! actix-web) sends the same status and the same body bytes.

#[path = "../benches/cases/mod.rs"]
mod cases;

use cases::{VARIANTS, error};

#[test]
fn every_way_answers_the_same_status_and_body() {
    let ways: [(&str, cases::Case); 12] = [
        ("hand-written", cases::hand_written),
        ("hand-tuned", cases::hand_tuned),
        ("common way", cases::common_way),
        ("derived, through axum", cases::derived_through_axum),
        (
            "hand-written, through axum",
            cases::hand_written_through_axum,
        ),
        ("hand-tuned, through axum", cases::hand_tuned_through_axum),
        ("derived, through actix-web", cases::derived_through_actix),
        (
            "hand-written, through actix-web",
            cases::hand_written_through_actix,
        ),
        (
            "hand-tuned, through actix-web",
            cases::hand_tuned_through_actix,
        ),
        (
            "common way, through actix-web",
            cases::common_way_through_actix,
        ),
        ("derived, transparent", |e| {
            cases::transparent(&cases::App::from(clone(e)))
        }),
        ("derived, flat", |e| {
            cases::shaped(&cases::Flat::from(clone(e)))
        }),
    ];
    for variant in VARIANTS {
        let expected = cases::derived(&error(variant));
        for (way, respond) in ways {
            let response = respond(&error(variant));
            assert_eq!(response.status(), expected.status(), "{variant}, {way}");
            if way.starts_with("common way") {
                // `json!` orders its keys: the same members.
                let members =
                    |body: &[u8]| serde_json::from_slice::<serde_json::Value>(body).unwrap();
                assert_eq!(
                    members(response.body()),
                    members(expected.body()),
                    "{variant}, {way}"
                );
                continue;
            }
            assert_eq!(
                response.body(),
                expected.body(),
                "{variant}, {way}: {:?}",
                std::str::from_utf8(response.body())
            );
        }
        // The ways with their headers kept: the same headers too.
        for respond in [
            cases::hand_written,
            cases::hand_tuned,
            cases::hand_written_through_axum,
            cases::hand_tuned_through_axum,
        ] {
            assert_eq!(
                respond(&error(variant)).headers(),
                expected.headers(),
                "{variant}"
            );
        }
    }
}

/// A `StorageError` again (its `io::Error` is not `Clone`).
fn clone(error: &httperror_tests::StorageError) -> httperror_tests::StorageError {
    use httperror_tests::StorageError as S;
    match error {
        S::NotFound { id } => S::NotFound { id: id.clone() },
        S::QuotaExceeded { used, limit } => S::QuotaExceeded {
            used: *used,
            limit: *limit,
        },
        S::Throttled { retry_after } => S::Throttled {
            retry_after: *retry_after,
        },
        S::Unauthorized => S::Unauthorized,
        S::Backend(source) => S::Backend(std::io::Error::new(source.kind(), source.to_string())),
    }
}

#[test]
fn the_floors_are_empty() {
    for floor in [cases::axum_floor, cases::actix_floor] {
        let response = floor(&error("Unauthorized"));
        assert_eq!(response.status(), 200);
        assert!(response.body().is_empty());
    }
}
