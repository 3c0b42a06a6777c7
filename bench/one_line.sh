#!/usr/bin/env bash
# Prints how long `settle list` takes to load CASES cases (default 60,000) written one per line, and
# the same cases written on one line: loading is linear in the file's size however its lines fall
# (issue 21: 60,000 cases on one line took 33 s). It prints figures; it never fails on a time.
#   bench/one_line.sh [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
SETTLE=${SETTLE:-build/settle}
CASES=${1:-60000}
[[ -x $SETTLE ]] || { echo "build settle first (make build)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/multi" "$work/single"
node -e '
  const n = Number(process.argv[1]);
  const cases = [];
  for (let i = 0; i < n; i++) {
    cases.push({ id: "c" + i, code: "Promise.resolve(" + i + ")", expect: { fulfilled: i } });
  }
  const fs = require("fs");
  fs.writeFileSync(process.argv[2], "{\"cases\": [\n" + cases.map((c) => JSON.stringify(c)).join(",\n") + "\n]}\n");
  fs.writeFileSync(process.argv[3], JSON.stringify({ cases }));
' "$CASES" "$work/multi/cases.json" "$work/single/cases.json"
for layout in multi single; do
  start=$(date +%s.%N)
  listed=$("$SETTLE" list "$work/$layout" | wc -l)
  end=$(date +%s.%N)
  printf '%-6s %d cases listed in %.2f s\n' "$layout" "$listed" "$(echo "$end - $start" | bc)"
done
