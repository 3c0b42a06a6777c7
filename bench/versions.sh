#!/usr/bin/env bash
# Prints the wall time of `settle versions` sweeping Node majors over the shipped corpus, with the
# versions already installed (--installed --no-install: no registry, no download). It prints
# figures; it never fails on a time. Install the majors first, e.g.
#   build/settle engines --install node@17 node@18 ... node@26
#   bench/versions.sh [RANGE] [JOBS]      (default: node@17..26, -j 2)
set -euo pipefail
cd "$(dirname "$0")/.."
SETTLE=${SETTLE:-build/settle}
RANGE=${1:-node@17..26}
JOBS=${2:-2}
[[ -x $SETTLE ]] || { echo "build settle first (make build)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s.%N)
"$SETTLE" versions cases -e "$RANGE" --each major --installed --no-install -j "$JOBS" \
  --json "$work/table.json" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
end=$(date +%s.%N)
versions=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['versions']))" "$work/table.json")
cases=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['cases']))" "$work/table.json")
printf 'settle versions cases -e %s --each major -j %s: %s versions x %s cases in %.1f s\n' \
  "$RANGE" "$JOBS" "$versions" "$cases" "$(echo "$end - $start" | bc)"
