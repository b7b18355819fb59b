//! Wall time and heap allocations per response, for each variant of the
//! design's `StorageError`, derived against the two hand-written ways, in
//! one run: `cargo bench -p httperror-tests --bench responses`.

mod cases;

use cases::{VARIANTS, common_way, derived, error, hand_written};

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    // The three ways answer the same; a benchmark of different answers
    // would measure nothing.
    for variant in VARIANTS {
        let error = error(variant);
        let ours = derived(&error);
        let json = |body: &[u8]| serde_json::from_slice::<serde_json::Value>(body).unwrap();
        for theirs in [hand_written(&error), common_way(&error)] {
            assert_eq!(ours.status(), theirs.status(), "{variant}");
            assert_eq!(ours.headers(), theirs.headers(), "{variant}");
            // `json!` orders keys alphabetically: equal as JSON.
            assert_eq!(json(ours.body()), json(theirs.body()), "{variant}");
        }
        assert_eq!(
            ours.body(),
            hand_written(&error).body(),
            "{variant}: same bytes"
        );
    }
    divan::main();
}

#[divan::bench(args = VARIANTS)]
fn derive(bencher: divan::Bencher, variant: &str) {
    let error = error(variant);
    bencher.bench_local(|| derived(divan::black_box(&error)));
}

#[divan::bench(args = VARIANTS)]
fn careful_hand_written(bencher: divan::Bencher, variant: &str) {
    let error = error(variant);
    bencher.bench_local(|| hand_written(divan::black_box(&error)));
}

#[divan::bench(args = VARIANTS)]
fn json_macro_and_axum_json(bencher: divan::Bencher, variant: &str) {
    let error = error(variant);
    bencher.bench_local(|| common_way(divan::black_box(&error)));
}
