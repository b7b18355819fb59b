#!/usr/bin/env bash
# Runs the example server (release), warms it up, then fires REQUESTS mixed
# requests (default 300000) from CONCURRENCY keep-alive clients over
# loopback, checking each response against the server's own OpenAPI
# document, while sampling the server's resident memory. Fails if any
# response is wrong or if memory grows past the warmed-up figure by more
# than 10% (and 2 MiB).
#
#   bash tests/benches/load.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
REQUESTS=${REQUESTS:-300000}
CONCURRENCY=${CONCURRENCY:-32}
PORT=${PORT:-3987}
BASE=http://127.0.0.1:$PORT

cargo build -q --release -p httperror-tests --example server --example load
# An upload limit the load reaches part way: uploads are stored (201, 204),
# refused over quota (507), then throttled (429).
UPLOADS_PER_10S=${UPLOADS_PER_10S:-20000} PORT=$PORT \
  ./target/release/examples/server > /tmp/httperror-load-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2> /dev/null || true' EXIT
for _ in $(seq 50); do
  curl -s -o /dev/null "$BASE/openapi.json" && break
  sleep 0.1
done

rss() { awk '/VmRSS/ { print $2 }' /proc/$SERVER/status; }

./target/release/examples/load "$BASE" 10000 "$CONCURRENCY" > /dev/null
before=$(rss)
samples=()
./target/release/examples/load "$BASE" "$REQUESTS" "$CONCURRENCY" > /tmp/httperror-load.out &
LOAD=$!
while kill -0 $LOAD 2> /dev/null; do
  samples+=("$(rss)")
  sleep 0.5
done
wait $LOAD
after=$(rss)
cat /tmp/httperror-load.out
max=$(printf '%s\n' "${samples[@]}" "$after" | sort -n | tail -1)
echo "server RSS: ${before} KiB after warm-up, ${max} KiB at most under load, ${after} KiB after; ${#samples[@]} samples"
limit=$(( before + (before / 10 > 2048 ? before / 10 : 2048) ))
if [ "$after" -gt "$limit" ]; then
  echo "memory grew: ${after} KiB > ${limit} KiB"
  exit 1
fi
echo "memory flat: within ${limit} KiB"
