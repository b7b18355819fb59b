//! What `httperror` compiles, by its features: the frameworks only where
//! their feature asks for them.

use std::collections::BTreeSet;
use std::process::Command;

/// The crates `httperror` builds (normal dependencies, transitively) with
/// these cargo arguments.
fn crates(features: &[&str]) -> BTreeSet<String> {
    let output = Command::new(env!("CARGO"))
        .args([
            "tree",
            "-p",
            "httperror",
            "-e",
            "normal",
            "--prefix",
            "none",
        ])
        .args(["--format", "{p}", "--offline", "--locked"])
        .args(features)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| line.split(' ').next())
        .map(str::to_owned)
        .collect()
}

const FRAMEWORKS: &[&str] = &[
    "actix-router",
    "actix-web",
    "aide",
    "axum",
    "axum-core",
    "poem",
    "tokio",
    "tower",
    "tower-http",
    "utoipa",
    "validator",
    "garde",
];

#[test]
fn default_features_compile_no_framework() {
    let default = crates(&[]);
    assert!(default.contains("serde_json"), "{default:?}");
    for framework in FRAMEWORKS {
        assert!(
            !default.contains(*framework),
            "httperror's default features compile {framework}: {default:?}"
        );
    }
}

#[test]
fn the_axum_feature_compiles_axum_without_tower_http() {
    let with_axum = crates(&["--features", "axum"]);
    assert!(with_axum.contains("axum"), "{with_axum:?}");
    assert!(with_axum.contains("serde_path_to_error"), "{with_axum:?}");
    for absent in [
        "tower-http",
        "hyper",
        "tokio",
        "actix-web",
        "poem",
        "validator",
        "garde",
    ] {
        assert!(
            !with_axum.contains(absent),
            "the axum feature compiles {absent}: {with_axum:?}"
        );
    }
}
