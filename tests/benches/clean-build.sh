#!/usr/bin/env bash
# What httperror adds to a clean dev build of a small axum + utoipa 6 +
# thiserror application: two scratch applications with the same error enum
# and the same dependencies but one, built alternately from nothing
# ($RUNS pairs), CPU time (user + system) and wall time of each build.
#
#   ours:   #[derive(Debug, thiserror::Error, HttpError)] (httperror with
#           `axum` and `utoipa`)
#   theirs: thiserror, utoipa's #[derive(IntoResponses)] and a hand-written
#           axum IntoResponse
#
#   bash tests/benches/clean-build.sh               # RUNS=3
#   HTTPERROR=/path/to/runtime bash tests/benches/clean-build.sh
#
# Both lock the same dependency versions (one Cargo.lock, copied); the
# registry's sources must be downloaded once beforehand (the first run
# fetches them). Run on a quiet machine: CPU time is steadier than wall
# time, but not immune to a busy neighbour.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-$ROOT/target/clean-build-bench}
RUNS=${RUNS:-3}
HTTPERROR=${HTTPERROR:-$ROOT/runtime}
rm -rf "$WORK"
mkdir -p "$WORK/ours/src" "$WORK/theirs/src"

common_deps='axum = "0.8"
serde = { version = "1", features = ["derive"] }
serde_json = "1"
thiserror = "2"
tokio = { version = "1", features = ["macros", "rt-multi-thread", "net"] }
utoipa = "6"'

cat > "$WORK/ours/Cargo.toml" << TOML
[package]
name = "ours"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$common_deps
httperror = { path = "$HTTPERROR", features = ["axum", "utoipa"] }

[workspace]
TOML

cat > "$WORK/theirs/Cargo.toml" << TOML
[package]
name = "theirs"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$common_deps

[workspace]
TOML

cat > "$WORK/ours/src/main.rs" << 'RS'
use axum::{Router, extract::Path, routing::get};
use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
pub enum StorageError {
    /// No file with this id exists.
    #[error("file {id} not found")]
    #[status(404)]
    NotFound { #[payload] id: String },
    /// Too many uploads in a short time; retry later.
    #[error("too many requests")]
    #[status(429)]
    Throttled { #[payload] #[header("retry-after")] retry_after: u32 },
    /// The storage backend failed.
    #[error("backend failure: {detail}")]
    #[status(500)]
    Backend { detail: String },
}

#[utoipa::path(get, path = "/files/{id}", responses((status = 200, body = String), StorageError))]
async fn get_file(Path(id): Path<String>) -> Result<String, StorageError> {
    Err(StorageError::NotFound { id })
}

#[tokio::main]
async fn main() {
    let app: Router = Router::new().route("/files/{id}", get(get_file));
    let _ = app;
}
RS

cat > "$WORK/theirs/src/main.rs" << 'RS'
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router, extract::Path, routing::get};
use serde_json::json;

#[derive(Debug, thiserror::Error, utoipa::IntoResponses)]
pub enum StorageError {
    /// No file with this id exists.
    #[error("file {id} not found")]
    #[response(status = 404)]
    NotFound { id: String },
    /// Too many uploads in a short time; retry later.
    #[error("too many requests")]
    #[response(status = 429, headers(("retry-after" = u32)))]
    Throttled { retry_after: u32 },
    /// The storage backend failed.
    #[error("backend failure: {detail}")]
    #[response(status = 500)]
    Backend { detail: String },
}

impl IntoResponse for StorageError {
    fn into_response(self) -> Response {
        let message = self.to_string();
        match self {
            StorageError::NotFound { id } => {
                (StatusCode::NOT_FOUND, Json(json!({"message": message, "id": id}))).into_response()
            }
            StorageError::Throttled { retry_after } => (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, retry_after.to_string())],
                Json(json!({"message": message, "retry_after": retry_after})),
            )
                .into_response(),
            StorageError::Backend { .. } => (
                StatusCode::INTERNAL_SERVER_ERROR,
                Json(json!({"message": "Internal Server Error"})),
            )
                .into_response(),
        }
    }
}

#[utoipa::path(get, path = "/files/{id}", responses((status = 200, body = String), StorageError))]
async fn get_file(Path(id): Path<String>) -> Result<String, StorageError> {
    Err(StorageError::NotFound { id })
}

#[tokio::main]
async fn main() {
    let app: Router = Router::new().route("/files/{id}", get(get_file));
    let _ = app;
}
RS

# One lock for both: the common dependencies resolve to the same versions.
(cd "$WORK/ours" && cargo generate-lockfile -q && cargo fetch -q)
cp "$WORK/ours/Cargo.lock" "$WORK/theirs/Cargo.lock"
(cd "$WORK/theirs" && cargo fetch -q)

build() {
  local app=$1
  rm -rf "$WORK/target-$app"
  /usr/bin/time -f "%U %S %e" -o "$WORK/time" \
    env CARGO_TARGET_DIR="$WORK/target-$app" CARGO_INCREMENTAL=0 \
    cargo build -q --manifest-path "$WORK/$app/Cargo.toml"
  read -r user sys wall < "$WORK/time"
  echo "$app $(echo "$user + $sys" | bc) $wall"
}

echo "httperror: $HTTPERROR; syn majors in ours: $(cd "$WORK/ours" && cargo tree -e normal,build 2>/dev/null | grep -o 'syn v[0-9]*' | sort -u | tr '\n' ' ')"
echo "run app cpu_s wall_s"
: > "$WORK/results"
for run in $(seq "$RUNS"); do
  for app in ours theirs; do
    line=$(build "$app") || { echo "$app failed to build"; exit 1; }
    echo "$run $line" | tee -a "$WORK/results"
  done
done
awk '{ cpu[$2] += $3; wall[$2] += $4 } END {
  printf "mean CPU: ours %.1f s, theirs %.1f s: %+.1f%%; mean wall: ours %.1f s, theirs %.1f s: %+.1f%%\n",
    cpu["ours"] / NR * 2, cpu["theirs"] / NR * 2, (cpu["ours"] / cpu["theirs"] - 1) * 100,
    wall["ours"] / NR * 2, wall["theirs"] / NR * 2, (wall["ours"] / wall["theirs"] - 1) * 100 }' "$WORK/results"
