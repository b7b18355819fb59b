#!/usr/bin/env bash
# The example's OpenAPI document judged by tools this project did not write:
# starts the example server on a free loopback port, then runs
#
#   - Redocly CLI `lint` (its `recommended` rules, no configuration): any
#     error or warning fails;
#   - schemathesis `run --checks all` (all but `not_a_server_error`: the
#     example's 500 is on purpose, and `status_code_conformance` still fails
#     any 5xx its operation does not document), once without credentials and
#     once with the bearer token: any failure fails.
#
#   bash tests/contract.sh
#
# The tools are installed when absent, pinned, into `<target dir>/contract-tools`
# (npm and Python's venv; about a minute the first time). Only 127.0.0.1 is
# contacted, with a bounded number of examples per operation.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
REDOCLY_VERSION=2.77.0
SCHEMATHESIS_VERSION=4.32.5
MAX_EXAMPLES=${MAX_EXAMPLES:-30}

target_dir=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
TOOLS=$target_dir/contract-tools
mkdir -p "$TOOLS"

redocly=$TOOLS/npm/node_modules/.bin/redocly
if ! "$redocly" --version 2> /dev/null | grep -qx "$REDOCLY_VERSION"; then
  echo "== installing @redocly/cli $REDOCLY_VERSION"
  npm install --silent --no-fund --no-audit --prefix "$TOOLS/npm" "@redocly/cli@$REDOCLY_VERSION" > /dev/null
fi
schemathesis=$TOOLS/venv/bin/schemathesis
if ! "$schemathesis" --version 2> /dev/null | grep -q "version $SCHEMATHESIS_VERSION"; then
  echo "== installing schemathesis $SCHEMATHESIS_VERSION"
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

echo "== building the example"
server=$(cargo build -p httperror-tests --example server --message-format=json |
  python3 -c '
import json, sys
for line in sys.stdin:
    message = json.loads(line)
    if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "server" and message.get("executable"):
        print(message["executable"])')

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
log=$TOOLS/server.log
PORT=$port "$server" > /dev/null 2> "$log" &
SERVER=$!
trap 'kill $SERVER 2> /dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf -o "$TOOLS/openapi.json" "$base/openapi.json" && break
  kill -0 $SERVER 2> /dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
echo "== the example on $base"

echo "== redocly lint $base/openapi.json"
"$redocly" lint --format=json "$TOOLS/openapi.json" > "$TOOLS/redocly.json" 2> /dev/null || true
python3 - "$TOOLS/redocly.json" << 'PY'
import json, sys
report = json.load(open(sys.argv[1]))
totals = report["totals"]
for problem in report["problems"]:
    where = ", ".join(l.get("pointer", "") for l in problem.get("location", []))
    print(f'  {problem["severity"]}: {problem["ruleId"]}: {problem["message"]} at {where}')
print(f'redocly: {totals["errors"]} errors, {totals["warnings"]} warnings')
sys.exit(1 if totals["errors"] or totals["warnings"] else 0)
PY

for auth in "" "Authorization: Bearer demo-token"; do
  label="without credentials"
  [ -n "$auth" ] && label="with the bearer token"
  echo "== schemathesis run $base/openapi.json, $label"
  # From the tools' folder: schemathesis keeps its caches in the working
  # directory.
  (cd "$TOOLS" && "$schemathesis" run "$base/openapi.json" --url "$base" \
    --checks all --exclude-checks not_a_server_error \
    --max-examples "$MAX_EXAMPLES" --workers 1 --seed 1 --request-timeout 5 \
    --no-color ${auth:+-H "$auth"}) > "$TOOLS/schemathesis.out" 2>&1 && status=0 || status=$?
  sed -n '/^=* \(FAILURES\|SUMMARY\) =*$/,$p' "$TOOLS/schemathesis.out"
  if [ "$status" -ne 0 ]; then
    echo "schemathesis failed (exit $status)"
    exit 1
  fi
done
echo "contract: redocly 0 problems, schemathesis 0 failures"
