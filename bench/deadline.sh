#!/usr/bin/env bash
# Prints, per engine, how far past its timeout each case of tests/e2e/deadline_bombs.json ended
# (long native calls, loops, job and timer loops; 1 s timeout each) and the longest overrun. The
# contract is at most 1 s; this prints figures and never fails on a time.
#   bench/deadline.sh [ENGINE...]       (default: duktape node)
set -euo pipefail
cd "$(dirname "$0")/.."
SETTLE=${SETTLE:-build/settle}
engines=("$@")
[[ ${#engines[@]} -gt 0 ]] || engines=(duktape node)
[[ -x $SETTLE ]] || { echo "build settle first (make build)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/cases"
cp tests/e2e/deadline_bombs.json "$work/cases/deadline.json"
for engine in "${engines[@]}"; do
  "$SETTLE" run "$work/cases" -e "$engine" -j 1 --quiet --json "$work/$engine.json" >/dev/null || true
  node -e '
    const report = require(process.argv[1]);
    let longest = -Infinity, where = "";
    const rows = [];
    for (const r of report.results) {
      if (r.id.endsWith("-next")) continue;
      const over = r.duration_ms - 1000;
      rows.push(`  ${r.id.padEnd(32)} ${r.status.padEnd(8)} ${r.duration_ms.toFixed(0).padStart(6)} ms  (${over >= 0 ? "+" : ""}${over.toFixed(0)} ms)`);
      if (over > longest) { longest = over; where = r.id; }
    }
    console.log(`${process.argv[2]}: longest overrun past the timeout ${longest.toFixed(0)} ms (${where})`);
    console.log(rows.join("\n"));
  ' "$work/$engine.json" "$engine"
done
