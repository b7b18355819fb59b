#!/usr/bin/env bash
# Compile time of one 300-variant error enum, written two ways:
#   ours:   #[derive(Debug, thiserror::Error, HttpError)]  (httperror with its
#           `axum` and `utoipa` features: it replaces all three below)
#   theirs: thiserror + utoipa's #[derive(IntoResponses)] + a hand-written
#           axum IntoResponse
#   composed: ours, as five module enums of a fifth of the variants each,
#           composed into one with #[http_error(transparent)]
# Both crates depend on axum and utoipa, as the application would.
#
# Measures, medians of $RUNS runs: the clean release build of each
# dependency tree; after touching the crate's source, its release rebuild,
# dev rebuild and `cargo check`; and whether building the OpenAPI responses
# fits in a 64 KiB thread stack in a debug build.
#
#   bash tests/benches/compile-time.sh          # VARIANTS=300 RUNS=3
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-$ROOT/target/compile-bench}
N=${VARIANTS:-300}
RUNS=${RUNS:-3}
mkdir -p "$WORK"

variant_ours() {
  local i=$1
  case $((i % 5)) in
    0) printf '    /// No item with this id exists (%d).\n    #[error("item {id} not found")]\n    #[status(404)]\n    V%d { #[payload] id: String },\n' "$i" "$i" ;;
    1) printf '    /// Over quota (%d).\n    #[error("quota {used} of {limit}")]\n    #[status(507)]\n    #[message("quota exceeded: {used} of {limit}")]\n    V%d { #[payload] used: u64, #[payload] limit: u64 },\n' "$i" "$i" ;;
    2) printf '    /// Slow down (%d).\n    #[error("too many requests")]\n    #[status(429)]\n    V%d { #[payload] #[header("retry-after")] retry_after: u32 },\n' "$i" "$i" ;;
    3) printf '    /// A token is required (%d).\n    #[error("authentication required")]\n    #[status(401)]\n    #[header("www-authenticate", "Bearer")]\n    V%d,\n' "$i" "$i" ;;
    4) printf '    /// The backend failed (%d).\n    #[error("backend failure: {detail}")]\n    #[status(500)]\n    V%d { detail: String },\n' "$i" "$i" ;;
  esac
}

variant_theirs() {
  local i=$1
  case $((i % 5)) in
    0) printf '    /// No item with this id exists (%d).\n    #[error("item {id} not found")]\n    #[response(status = 404)]\n    V%d { id: String },\n' "$i" "$i" ;;
    1) printf '    /// Over quota (%d).\n    #[error("quota {used} of {limit}")]\n    #[response(status = 507)]\n    V%d { used: u64, limit: u64 },\n' "$i" "$i" ;;
    2) printf '    /// Slow down (%d).\n    #[error("too many requests")]\n    #[response(status = 429, headers(("retry-after" = u32)))]\n    V%d { retry_after: u32 },\n' "$i" "$i" ;;
    3) printf '    /// A token is required (%d).\n    #[error("authentication required")]\n    #[response(status = 401, headers(("www-authenticate" = String)))]\n    V%d,\n' "$i" "$i" ;;
    4) printf '    /// The backend failed (%d).\n    #[error("backend failure: {detail}")]\n    #[response(status = 500)]\n    V%d { detail: String },\n' "$i" "$i" ;;
  esac
}

arm_theirs() {
  local i=$1
  case $((i % 5)) in
    0) printf '            E::V%d { id } => (StatusCode::NOT_FOUND, Json(json!({"message": message, "id": id}))).into_response(),\n' "$i" ;;
    1) printf '            E::V%d { used, limit } => (StatusCode::INSUFFICIENT_STORAGE, Json(json!({"message": format!("quota exceeded: {used} of {limit}"), "used": used, "limit": limit}))).into_response(),\n' "$i" ;;
    2) printf '            E::V%d { retry_after } => (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, retry_after.to_string())], Json(json!({"message": message, "retry_after": retry_after}))).into_response(),\n' "$i" ;;
    3) printf '            E::V%d => (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, "Bearer")], Json(json!({"message": message}))).into_response(),\n' "$i" ;;
    4) printf '            E::V%d { .. } => (StatusCode::INTERNAL_SERVER_ERROR, Json(json!({"message": "Internal Server Error"}))).into_response(),\n' "$i" ;;
  esac
}

# A thread with a 64 KiB stack builds the responses; a frame over that
# overflows and kills the process.
stack_probe() {
  cat <<RS
fn main() {
    let stack = std::env::var("STACK").ok().and_then(|s| s.parse().ok()).unwrap_or(64 * 1024);
    let handle = std::thread::Builder::new().stack_size(stack).spawn(|| $1).unwrap();
    let n = handle.join().unwrap();
    println!("responses: {n}");
}
RS
}

generate() {
  local dir=$WORK/ours
  mkdir -p "$dir/src"
  cat > "$dir/Cargo.toml" <<TOML
[package]
name = "ours"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
axum = "0.8"
httperror = { path = "$ROOT/runtime", features = ["axum", "utoipa"] }
thiserror = "2"
utoipa = "6"

[workspace]
TOML
  {
    echo 'use httperror::HttpError;'
    echo
    echo '#[derive(Debug, thiserror::Error, HttpError)]'
    echo 'pub enum E {'
    for ((i = 0; i < N; i++)); do variant_ours "$i"; done
    echo '}'
  } > "$dir/src/lib.rs"
  stack_probe 'ours::E::openapi_responses().as_object().map_or(0, |m| m.len())' > "$dir/src/main.rs"
  sed -i '1i use httperror::HttpError;' "$dir/src/main.rs"

  dir=$WORK/theirs
  mkdir -p "$dir/src"
  cat > "$dir/Cargo.toml" <<TOML
[package]
name = "theirs"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
axum = "0.8"
serde_json = "1"
thiserror = "2"
utoipa = "6"

[workspace]
TOML
  {
    echo 'use axum::Json;'
    echo 'use axum::http::{StatusCode, header};'
    echo 'use axum::response::{IntoResponse, Response};'
    echo 'use serde_json::json;'
    echo
    echo '#[derive(Debug, thiserror::Error, utoipa::IntoResponses)]'
    echo 'pub enum E {'
    for ((i = 0; i < N; i++)); do variant_theirs "$i"; done
    echo '}'
    echo
    echo 'impl IntoResponse for E {'
    echo '    fn into_response(self) -> Response {'
    echo '        let message = self.to_string();'
    echo '        match self {'
    for ((i = 0; i < N; i++)); do arm_theirs "$i"; done
    echo '        }'
    echo '    }'
    echo '}'
  } > "$dir/src/lib.rs"
  stack_probe '<theirs::E as utoipa::IntoResponses>::responses().len()' > "$dir/src/main.rs"

  # The same variants in five module enums, composed into one application
  # error with #[http_error(transparent)].
  dir=$WORK/composed
  mkdir -p "$dir/src"
  sed 's/^name = "ours"/name = "composed"/' "$WORK/ours/Cargo.toml" > "$dir/Cargo.toml"
  {
    echo 'use httperror::HttpError;'
    for ((m = 0; m < 5; m++)); do
      echo
      echo '#[derive(Debug, thiserror::Error, HttpError)]'
      echo "pub enum M$m {"
      for ((i = m * N / 5; i < (m + 1) * N / 5; i++)); do variant_ours "$i"; done
      echo '}'
    done
    echo
    echo '#[derive(Debug, thiserror::Error, HttpError)]'
    echo 'pub enum E {'
    for ((m = 0; m < 5; m++)); do
      printf '    #[error(transparent)]\n    #[http_error(transparent)]\n    M%d(#[from] M%d),\n' "$m" "$m"
    done
    echo '}'
  } > "$dir/src/lib.rs"
  stack_probe 'composed::E::openapi_responses().as_object().map_or(0, |m| m.len())' > "$dir/src/main.rs"
  sed -i '1i use httperror::HttpError;' "$dir/src/main.rs"
}

# Seconds taken by a command, to the millisecond.
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.2f\n", ns / 1e9 }'
}

median() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}

measure() {
  local name=$1 dir=$WORK/$1
  cd "$dir"
  cargo fetch -q
  rm -rf target
  local clean
  clean=$(seconds cargo build --release -q)
  local release=() dev=() check=()
  cargo build -q
  cargo check -q
  for ((r = 0; r < RUNS; r++)); do
    touch src/lib.rs
    release+=("$(seconds cargo build --release -q)")
    touch src/lib.rs
    dev+=("$(seconds cargo build -q)")
    touch src/lib.rs
    check+=("$(seconds cargo check -q)")
  done
  local stack
  if STACK=$((64 * 1024)) ./target/debug/$name > /dev/null 2>&1; then
    stack="fits in 64 KiB"
  elif STACK=$((2 * 1024 * 1024)) ./target/debug/$name > /dev/null 2>&1; then
    stack="over 64 KiB, fits in 2 MiB"
  else
    stack="over 2 MiB"
  fi
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$clean" \
    "$(median "${release[@]}")" "$(median "${dev[@]}")" "$(median "${check[@]}")" "$stack"
}

generate
echo "$N variants, medians of $RUNS runs, $(nproc) cores, $(rustc --version)"
echo
echo "| crate | clean release build of the tree (s) | release rebuild (s) | dev rebuild (s) | cargo check (s) | debug openapi stack |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
measure ours
measure theirs
measure composed
