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
        for theirs in [hand_written(&error), common_way(&error)] {
            assert_eq!(ours.status(), theirs.status(), "{variant}");
            assert_eq!(ours.headers(), theirs.headers(), "{variant}");
            assert_eq!(ours.body(), theirs.body(), "{variant}");
        }
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
