#!/usr/bin/env bash
# Runs the example server (release), warms it up, then fires REQUESTS mixed
# requests (default 300000) from CONCURRENCY keep-alive clients over
# loopback, checking each response against the server's own OpenAPI
# document and that every documented status was answered, while sampling
# the server's resident memory. Then measures the server alone with wrk
# (installed from Debian's packages when absent), on two error routes and a
# success route. Fails if any response is wrong, if a documented status was
# never answered, or if memory grows past the warmed-up figure by more than
# 10% (and 2 MiB). Only 127.0.0.1 is contacted; every step is bounded.
#
#   bash tests/benches/load.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
REQUESTS=${REQUESTS:-300000}
CONCURRENCY=${CONCURRENCY:-32}
WRK_SECONDS=${WRK_SECONDS:-5}

# The binaries wherever cargo puts them (CARGO_TARGET_DIR, a build.target-dir).
binaries=$(cargo build --release -p httperror-tests --example server --example load \
  --message-format=json | python3 -c '
import json, sys
paths = {}
for line in sys.stdin:
    message = json.loads(line)
    if message.get("reason") == "compiler-artifact" and message.get("executable"):
        paths[message["target"]["name"]] = message["executable"]
print(paths["server"], paths["load"])')
read -r server load <<< "$binaries"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$port
log=$(mktemp)
# 100 uploads per 10 s: any machine that answers 200 requests/s reaches the
# limit (429) in the first seconds, and the first over-quota upload meets
# an empty limiter (507), so every documented status is answered at any
# throughput. The limiter then holds at most 100 upload times.
UPLOADS_PER_10S=100 PORT=$port "$server" > /dev/null 2> "$log" &
SERVER=$!
trap 'kill $SERVER 2> /dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
  curl -s -o /dev/null "$BASE/openapi.json" && break
  kill -0 $SERVER 2> /dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
# The file every `GET /files/keep` reads (200).
curl -sf -o /dev/null -X PUT -H 'Authorization: Bearer demo-token' \
  --data-binary k "$BASE/files/keep"

rss() { awk '/VmRSS/ { print $2 }' /proc/$SERVER/status; }

"$load" "$BASE" 10000 "$CONCURRENCY" --warm-up > /dev/null
before=$(rss)
samples=()
out=$(mktemp)
"$load" "$BASE" "$REQUESTS" "$CONCURRENCY" > "$out" &
LOAD=$!
while kill -0 $LOAD 2> /dev/null; do
  samples+=("$(rss)")
  sleep 0.5
done
status=0
wait $LOAD || status=$?
after=$(rss)
cat "$out"
rm -f "$out"
if [ "$status" -ne 0 ]; then
  echo "the checking client failed"
  exit 1
fi
max=$(printf '%s\n' "${samples[@]}" "$after" | sort -n | tail -1)
echo "server RSS: ${before} KiB after warm-up, ${max} KiB at most under load, ${after} KiB after; ${#samples[@]} samples"
limit=$(( before + (before / 10 > 2048 ? before / 10 : 2048) ))
if [ "$after" -gt "$limit" ]; then
  echo "memory grew: ${after} KiB > ${limit} KiB"
  exit 1
fi
echo "memory flat: within ${limit} KiB"

# The server alone, under a standard load generator: no checking, so this
# is the server's rate, not the checking client's.
if ! command -v wrk > /dev/null; then
  echo "== installing wrk (Debian)"
  (apt-get install -y -qq wrk > /dev/null 2>&1 ||
    { apt-get update -qq > /dev/null && apt-get install -y -qq wrk > /dev/null; })
fi
for route in "404 FileNotFound, through DownloadError|/files/missing" \
  "401 AdminError::Unauthenticated|/admin/usage" \
  "200 a file's bytes|/files/keep"; do
  name=${route%%|*}
  path=${route#*|}
  rate=$(wrk -t2 -c"$CONCURRENCY" -d"${WRK_SECONDS}s" --timeout 2s "$BASE$path" |
    awk '/^Requests\/sec/ { print $2 }')
  echo "wrk, ${WRK_SECONDS} s, $CONCURRENCY connections, GET $path ($name): $rate requests/s"
done
