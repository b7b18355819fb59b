//! Instructions (callgrind) and heap allocations per response, for each
//! variant of the design's `StorageError` and each way of answering it, in
//! one run: `cargo bench -p httperror-tests --bench instructions`.
//!
//! Instructions are counted by running this binary under
//! `valgrind --tool=callgrind` twice per case, with 0 and with N responses:
//! the difference over N is the cost of one response, whatever the process
//! does at start. Unlike time, the count is the same on a loaded machine.

mod cases;

use std::alloc::{GlobalAlloc, Layout, System};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::Bytes;
use cases::{App, Enveloped, FixedMembers, Flat, VARIANTS, WAYS, error, shaped, transparent};
use http::Response;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A reallocation is an allocation as far as the allocator's work goes.
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const CASE: &str = "HTTPERROR_BENCH_CASE";
const ITERATIONS: usize = 2000;

/// The ways measured: the three of `cases::WAYS`, the derive through a
/// transparent variant, and the same values in three body shapes, each
/// type derived in this crate.
const TRANSPARENT: &str = "derived, transparent";
const FLAT: &str = "shape: flat";
const ENVELOPE: &str = "shape: envelope";
const FIXED: &str = "shape: fixed members";
const REQUEST_ID: &str = "derived, under a request id";
const DERIVED_MORE: [&str; 5] = [TRANSPARENT, FLAT, ENVELOPE, FIXED, REQUEST_ID];

/// Each framework's ways, in its table's columns: its floor (an empty
/// response with one static header), the hand-tuned floor, the derive,
/// the careful hand-written response and the common way, each through the
/// framework with the body collected.
const THROUGH: [(&str, [(&str, cases::Case); 5]); 2] = [
    (
        "axum",
        [
            ("axum's floor", cases::axum_floor),
            (
                "hand-tuned floor, through axum",
                cases::hand_tuned_through_axum,
            ),
            ("derived, through axum", cases::derived_through_axum),
            (
                "hand-written, through axum",
                cases::hand_written_through_axum,
            ),
            ("common way, through axum", cases::common_way),
        ],
    ),
    (
        "actix-web",
        [
            ("actix-web's floor", cases::actix_floor),
            (
                "hand-tuned floor, through actix-web",
                cases::hand_tuned_through_actix,
            ),
            ("derived, through actix-web", cases::derived_through_actix),
            (
                "hand-written, through actix-web",
                cases::hand_written_through_actix,
            ),
            (
                "common way, through actix-web",
                cases::common_way_through_actix,
            ),
        ],
    ),
];

/// The derived response as the request-id layer has it rendered: a
/// request's context made (as the layer makes one per request) and
/// visible, so the body carries its id and the response the error's facts.
fn under_request_id(error: &httperror_tests::StorageError) -> Response<Bytes> {
    httperror::__private::with_request_id("0190b6a2-7c1e-7f3a-9d4b-2c8e5f6a1b3d", || {
        httperror::HttpError::to_response(error)
    })
}

/// `respond` to `error` `iterations` times, after one response first, so
/// one-time costs (a thread's scratch buffer, lazy statics) are not
/// counted as the cost of every response; the allocations counted over
/// them.
fn repeat<E>(error: E, respond: fn(&E) -> Response<Bytes>, iterations: usize) -> usize {
    std::hint::black_box(respond(std::hint::black_box(&error)));
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    for _ in 0..iterations {
        std::hint::black_box(respond(std::hint::black_box(&error)));
    }
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

fn run(way: &str, variant: &str, iterations: usize) -> usize {
    match way {
        TRANSPARENT => repeat(App::from(error(variant)), transparent, iterations),
        FLAT => repeat(Flat::from(error(variant)), shaped, iterations),
        ENVELOPE => repeat(Enveloped::from(error(variant)), shaped, iterations),
        FIXED => repeat(FixedMembers::from(error(variant)), shaped, iterations),
        REQUEST_ID => repeat(error(variant), under_request_id, iterations),
        _ => {
            let through = THROUGH.iter().flat_map(|(_, ways)| ways);
            let (_, case) = WAYS
                .iter()
                .chain(through)
                .find(|(name, _)| *name == way)
                .expect("a known way");
            repeat(error(variant), *case, iterations)
        }
    }
}

fn allocations(way: &str, variant: &str) -> f64 {
    run(way, variant, 1000) as f64 / 1000.0
}

/// Instructions callgrind counts for `iterations` responses of one case.
fn callgrind(way: &str, variant: &str, iterations: usize) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let output = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(exe)
        .env(CASE, format!("{way}/{variant}/{iterations}"))
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    stderr
        .lines()
        .find_map(|line| line.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse().ok())
}

fn main() {
    if let Ok(case) = std::env::var(CASE) {
        let mut parts = case.split('/');
        let (Some(way), Some(variant), Some(n)) = (parts.next(), parts.next(), parts.next()) else {
            return;
        };
        run(way, variant, n.parse().unwrap_or(0));
        return;
    }
    let valgrind = Command::new("valgrind").arg("--version").output().is_ok();
    if !valgrind {
        println!("valgrind not found: instruction counts are skipped, allocations follow");
    }
    let instructions = |way: &str, variant: &str| -> Option<u64> {
        if !valgrind {
            return None;
        }
        let base = callgrind(way, variant, 0)?;
        let total = callgrind(way, variant, ITERATIONS)?;
        Some(total.saturating_sub(base) / ITERATIONS as u64)
    };
    let shown = |n: Option<u64>| n.map_or_else(|| "n/a".to_owned(), |n| n.to_string());
    // `HTTPERROR_BENCH_ONLY=actix`: the ways whose name has it, alone.
    let only = std::env::var("HTTPERROR_BENCH_ONLY").ok();
    let instructions = |way: &str, variant: &str| match &only {
        Some(only) if !way.contains(only.as_str()) => None,
        _ => instructions(way, variant),
    };
    println!("`to_response()` alone:\n");
    println!("| variant | way | instructions / response | allocations / response |");
    println!("| --- | --- | ---: | ---: |");
    for variant in VARIANTS {
        let ways = WAYS.iter().map(|(way, _)| *way).chain(DERIVED_MORE);
        for way in ways {
            println!(
                "| {variant} | {way} | {} | {} |",
                shown(instructions(way, variant)),
                allocations(way, variant)
            );
        }
    }
    for (framework, ways) in THROUGH {
        println!(
            "\nThrough {framework} (body collected), instructions / allocations per response:\n"
        );
        let names: Vec<&str> = ways.iter().map(|(way, _)| *way).collect();
        println!(
            "| variant | {} | derived / hand-tuned | hand-written / derived |",
            names.join(" | ")
        );
        println!("| --- |{} ---: | ---: |", " ---: |".repeat(names.len()));
        for variant in VARIANTS {
            let counts: Vec<Option<u64>> =
                names.iter().map(|way| instructions(way, variant)).collect();
            let cells: Vec<String> = names
                .iter()
                .zip(&counts)
                .map(|(way, n)| format!("{} / {}", shown(*n), allocations(way, variant)))
                .collect();
            let ratio = |a: Option<u64>, b: Option<u64>| match (a, b) {
                (Some(a), Some(b)) if b > 0 => format!("{:.2}", a as f64 / b as f64),
                _ => "n/a".to_owned(),
            };
            println!(
                "| {variant} | {} | {} | {} |",
                cells.join(" | "),
                ratio(counts[2], counts[1]),
                ratio(counts[3], counts[2])
            );
        }
    }
}
