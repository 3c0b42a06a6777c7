#!/usr/bin/env bash
# Runs test262 folders with test262-harness (one node process per test, through eshost) and with
# settle (many tests per node process, each in a fresh realm), with the same parallelism, times
# both, and compares their verdicts run by run. It prints figures; it never fails on a time.
#   bench/test262.sh TEST262_DIR [FOLDER...]    (folders relative to TEST262_DIR;
#                                                default test/built-ins/Promise)
# JOBS (default 2) is both runners' parallelism; REPEATS (default 3) settle's runs, the best kept.
# test262-harness runs one folder per invocation: given many globs at once it reports only some of
# the runs. test262-harness 10 is npm-installed on first use into $SETTLE_BENCH_DIR (default:
# ~/.cache/settle-bench), never into this repository. TEST262_DIR is a tc39/test262 checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
SETTLE=${SETTLE:-build/settle}
T=${1:?usage: bench/test262.sh TEST262_DIR [FOLDER...]}
T=$(cd "$T" && pwd)
shift
FOLDERS=("$@")
[[ ${#FOLDERS[@]} -gt 0 ]] || FOLDERS=(test/built-ins/Promise)
JOBS=${JOBS:-2}
REPEATS=${REPEATS:-3}
BENCH_DIR=${SETTLE_BENCH_DIR:-$HOME/.cache/settle-bench}

[[ -x $SETTLE ]] || { echo "build settle first (make build)" >&2; exit 2; }
[[ -f $T/harness/assert.js ]] || { echo "$T is not a test262 checkout" >&2; exit 2; }
harness=$BENCH_DIR/node_modules/.bin/test262-harness
if [[ ! -x $harness ]]; then
  mkdir -p "$BENCH_DIR"
  npm install --prefix "$BENCH_DIR" --no-save --silent test262-harness@10 >/dev/null
fi
# KEEP=DIR keeps both runners' reports there, for the parity to be read again without rerunning.
work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
[[ -n ${KEEP:-} ]] || trap 'rm -rf "$work"' EXIT

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

echo "folders: ${FOLDERS[*]} in $T; $JOBS jobs; $($harness --version 2>/dev/null | head -1 | sed 's/^/test262-harness /'); node $(node --version)"
harness_run() {  # one invocation per folder; their JSON arrays joined into harness.json
  local i=0 folder
  for folder in "${FOLDERS[@]}"; do
    "$harness" --host-type=node --host-path="$(command -v node)" --threads="$JOBS" \
      --test262-dir="$T" --reporter=json --reporter-keys=file,scenario,result \
      "$T/$folder/**/*.js" >"$work/harness-$i.json" || true
    i=$((i + 1))
  done
  node -e 'const fs = require("fs");
    const runs = process.argv.slice(2).flatMap((f) => JSON.parse(fs.readFileSync(f, "utf8") || "[]"));
    fs.writeFileSync(process.argv[1], JSON.stringify(runs));' "$work/harness.json" "$work"/harness-*.json
}
settle_paths=()
for folder in "${FOLDERS[@]}"; do settle_paths+=("$T/$folder"); done
settle_run() {
  "$SETTLE" run --test262-dir "$T" "${settle_paths[@]}" -e node -j "$JOBS" --json "$work/settle.json" -q
}
harness_seconds=$(seconds harness_run)
settle_seconds=$(best_of settle_run)
printf '%-18s %10s\n' runner seconds
printf '%-18s %10.2f\n' test262-harness "$harness_seconds" settle "$settle_seconds"
awk -v h="$harness_seconds" -v s="$settle_seconds" 'BEGIN { printf "settle is %.1fx as fast\n", h / s }'
echo
node bench/test262_parity.js "$work/harness.json" "$work/settle.json" "$T" "$work/differing.txt" >/dev/null

# node ends the process on an unhandled rejection, and test262-harness reports that as a failure;
# INTERPRETING.md fails a test only on an uncaught exception. The differing tests run again with
# node's --unhandled-rejections=none, and the parity counts those that then agree by that reason.
if [[ -s $work/differing.txt ]]; then
  mapfile -t files <"$work/differing.txt"
  "$harness" --host-type=node --host-path="$(command -v node)" --host-args=--unhandled-rejections=none \
    --threads="$JOBS" --test262-dir="$T" --reporter=json --reporter-keys=file,scenario,result \
    "${files[@]}" >"$work/rerun.json" 2>/dev/null || true
fi
node bench/test262_parity.js "$work/harness.json" "$work/settle.json" "$T" "" "$work/rerun.json"
