#!/usr/bin/env bash
# Runs test262's Promise tests with test262-harness (one node process per test, through eshost)
# and with settle (many tests per node process, each in a fresh realm), with the same parallelism,
# times both, and compares their verdicts run by run. It prints figures; it never fails on a time.
#   bench/test262.sh TEST262_DIR [JOBS]      (JOBS default: 2)
# test262-harness 10 is npm-installed on first use into $SETTLE_BENCH_DIR (default:
# ~/.cache/settle-bench), never into this repository. TEST262_DIR is a tc39/test262 checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
SETTLE=${SETTLE:-build/settle}
T=${1:?usage: bench/test262.sh TEST262_DIR [JOBS]}
T=$(cd "$T" && pwd)
JOBS=${2:-2}
REPEATS=${REPEATS:-3}
BENCH_DIR=${SETTLE_BENCH_DIR:-$HOME/.cache/settle-bench}
SUBDIR=${SUBDIR:-test/built-ins/Promise}

[[ -x $SETTLE ]] || { echo "build settle first (make build)" >&2; exit 2; }
[[ -f $T/harness/assert.js ]] || { echo "$T is not a test262 checkout" >&2; exit 2; }
harness=$BENCH_DIR/node_modules/.bin/test262-harness
if [[ ! -x $harness ]]; then
  mkdir -p "$BENCH_DIR"
  npm install --prefix "$BENCH_DIR" --no-save --silent test262-harness@10 >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() {  # seconds a command takes, its output discarded
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

best_of() {
  local best="" t
  for ((r = 0; r < REPEATS; r++)); do
    t=$(seconds "$@")
    if [[ -z $best ]] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$t; fi
  done
  echo "$best"
}

echo "tests: $T/$SUBDIR; $JOBS jobs; $($harness --version 2>/dev/null | head -1 | sed 's/^/test262-harness /'); node $(node --version)"
harness_run() {
  "$harness" --host-type=node --host-path="$(command -v node)" --threads="$JOBS" \
    --test262-dir="$T" --reporter=json --reporter-keys=file,scenario,result \
    "$T/$SUBDIR/**/*.js" >"$work/harness.json"
}
settle_run() {
  "$SETTLE" run --test262-dir "$T" "$T/$SUBDIR" -e node -j "$JOBS" --json "$work/settle.json" -q
}
harness_seconds=$(seconds harness_run)
settle_seconds=$(best_of settle_run)
printf '%-18s %10s\n' runner seconds
printf '%-18s %10.2f\n' test262-harness "$harness_seconds" settle "$settle_seconds"
awk -v h="$harness_seconds" -v s="$settle_seconds" 'BEGIN { printf "settle is %.1fx as fast\n", h / s }'
echo
node bench/test262_parity.js "$work/harness.json" "$work/settle.json" "$T" "$work/differing.txt"

# node ends the process on an unhandled rejection, and test262-harness reports that as a failure;
# INTERPRETING.md fails a test only on an uncaught exception. Rerun the differing tests with
# node's --unhandled-rejections=none to show which differences are that alone.
if [[ -s $work/differing.txt ]]; then
  mapfile -t files <"$work/differing.txt"
  "$harness" --host-type=node --host-path="$(command -v node)" --host-args=--unhandled-rejections=none \
    --threads="$JOBS" --test262-dir="$T" --reporter=json --reporter-keys=file,scenario,result \
    "${files[@]}" >"$work/rerun.json" 2>/dev/null || true
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const passed = r.filter((x) => x.result.pass).length;
    console.log(`rerun of the ${r.length} differing runs with --unhandled-rejections=none: ${passed} pass, ${r.length - passed} fail`);' \
    "$work/rerun.json"
fi
