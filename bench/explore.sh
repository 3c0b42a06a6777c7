#!/usr/bin/env bash
# Prints what `settle explore` finds within a budget: for each target (an engine, with engine262
# as the oracle) and each fixed seed, the findings, how long each took and how many lines its case
# has; then each finding rerun through `settle run` (it must fail on the engines it names and pass
# on engine262). With `mutants`, each node mutant of tests/mutants/ as its own engine beside
# node-current, with a 2-minute budget each. It prints figures; it never fails on a time.
# With `speed`, programs per second on eight engines (seven beside engine262) and which engine
# spent the most time running them (the bound).
#   bench/explore.sh [targets|mutants|speed] [BUDGET|PROGRAMS]  (defaults: targets 5m; mutants 2m; speed 32)
# KEEP=DIR keeps each run's findings and report in DIR/<engine>-<seed> (by default they go with the
# temporary folder).
# The fixed seeds (SEEDS, default 1 2 5) are those on which each target's known deviation is found:
# seed 1 for bun, jsc and core-js, 2 for bluebird, 5 for hermes (docs/explore.md).
set -euo pipefail
cd "$(dirname "$0")/.."
SETTLE=${SETTLE:-build/settle}
MODE=${1:-targets}
[[ -x $SETTLE ]] || { echo "build settle first (make build)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
read -r -a SEEDS <<< "${SEEDS:-1 2 5}"
if [[ -n ${KEEP:-} ]]; then mkdir -p "$KEEP"; fi

summarise() {  # report.json, findings folder, engines named
  local report=$1
  node -e '
    const r = require(process.argv[1]);
    const busy = Object.entries(r.engine_seconds || {}).sort((a, b) => b[1] - a[1]);
    if (busy.length) console.log(`  engine time: ${busy.map(([e, s]) => `${e} ${s.toFixed(0)} s`).join(", ")} (slowest: ${r.slowest_engine})`);
    console.log(`  ${r.programs_run} programs in ${r.seconds.toFixed(0)} s (${r.programs_per_second.toFixed(2)}/s; running only ${(r.programs_per_running_second || 0).toFixed(2)}/s), ` +
      `${r.disagreements} disagreements, ${r.confirmed} confirmed, ${r.reduced} reduced, ${r.new} new`);
    for (const f of r.findings)
      console.log(`  after ${f.found_after_seconds.toFixed(0)} s: ${f.signature} [${f.shape}] ${f.lines} lines (program ${f.program})`);
  ' "$report"
}

verify() {  # findings folder
  # Local: the caller loops over `engine` too, and bash variables are global.
  local file engines engine oracle verdicts
  for file in "$1"/*.json; do
    [[ $(basename "$file") == report.json ]] && continue
    engines=$(node -e 'const r=require(process.argv[1]).cases[0].description.match(/ (\S+) differs in/g)||[];console.log(r.map(s=>s.split(" ")[1]).join(" "))' "$(realpath "$file")")
    "$SETTLE" run "$file" -e engine262 -j 1 -q >/dev/null && oracle=pass || oracle=FAIL
    verdicts=""
    for engine in $engines; do
      "$SETTLE" run "$file" -e "$engine" -j 1 -q >/dev/null && verdicts+=" $engine:PASSES(false finding)" || verdicts+=" $engine:fails"
    done
    # Every engine of the run that the finding does not name must pass it too.
    for engine in $(node -e 'console.log(require(process.argv[1]).engines.join(" "))' "$(realpath "$1/report.json")"); do
      [[ $engine == engine262 || " $engines " == *" $engine "* ]] && continue
      "$SETTLE" run "$file" -e "$engine" -j 1 -q >/dev/null && verdicts+=" $engine:passes" || verdicts+=" $engine:FAILS(unnamed)"
    done
    echo "  rerun $(basename "$file"): engine262 $oracle;$verdicts"
  done
}

if [[ $MODE == speed ]]; then
  PROGRAMS=${2:-32}
  out="$work/speed"
  "$SETTLE" explore -e node-current -e bun -e deno -e hermes -e jsc -e spidermonkey -e duktape \
    --programs "$PROGRAMS" --seed 5 -j ${JOBS:-2} -q --out "$out" >/dev/null || true
  echo "8 engines (7 + engine262), $PROGRAMS programs, -j 2:"
  summarise "$out/report.json"
elif [[ $MODE == targets ]]; then
  BUDGET=${2:-5m}
  for engine in ${TARGETS:-bun hermes jsc node-current+core-js duktape+bluebird}; do
    for seed in "${SEEDS[@]}"; do
      out="${KEEP:-$work}/$engine-$seed"
      echo "$engine, seed $seed, budget $BUDGET:"
      "$SETTLE" explore -e "$engine" --time "$BUDGET" --seed "$seed" -j ${JOBS:-2} -q --out "$out" >/dev/null || true
      summarise "$out/report.json"
      verify "$out"
    done
  done
else
  BUDGET=${2:-2m}
  found=0 total=0
  for mutant in tests/mutants/*.js; do
    name=$(basename "$mutant" .js)
    [[ -n ${MUTANTS:-} && " $MUTANTS " != *" $name "* ]] && continue
    profile="$work/node-$name.json"
    node -e '
      const p = require(process.argv[1]);
      p.name = "node-" + process.argv[2];
      p.preludes = (p.preludes || []).concat([process.argv[3]]);
      require("fs").writeFileSync(process.argv[4], JSON.stringify(p));
    ' "$(realpath engines/profiles/node-current.json)" "$name" "$(realpath "$mutant")" "$profile"
    out="$work/$name"
    total=$((total + 1))
    "$SETTLE" explore -e "$profile" -e node-current --time "$BUDGET" --seed 1 -j ${JOBS:-2} -q --out "$out" >/dev/null || true
    first=$(node -e '
      const r = require(process.argv[1]);
      const f = r.findings.find(f => f.signature.includes("node-" + process.argv[2]));
      console.log(f ? f.found_after_seconds.toFixed(0) + " s" : "");
    ' "$out/report.json" "$name")
    if [[ -n $first ]]; then found=$((found + 1)); echo "$name: found after $first"; else echo "$name: not found in $BUDGET"; fi
  done
  echo "mutants found: $found of $total"
fi
