#!/usr/bin/env bash
# Prints case-runs per second of `settle run` on a corpus of at least MIN_RUNS case-runs, made by
# copying the shipped cases, for each engine at -j1 and -j2. It prints figures; it never fails on a
# time. Then the start-up of each engine: the time of a run of one trivial case at -j1 (for the
# browser profiles, most of it is starting the browser).
#   bench/throughput.sh [ENGINE...]       (default: duktape)
#   bench/throughput.sh all               every engine available here, the library profiles too
#   bench/throughput.sh engines           every available engine without a library
set -euo pipefail
cd "$(dirname "$0")/.."
SETTLE=${SETTLE:-build/settle}
MIN_RUNS=${MIN_RUNS:-2000}
REPEATS=${REPEATS:-3}
engines=("$@")
[[ ${#engines[@]} -gt 0 ]] || engines=(duktape)

[[ -x $SETTLE ]] || { echo "build settle first (make build)" >&2; exit 2; }
if [[ ${engines[0]} == all || ${engines[0]} == engines ]]; then
  pattern='.'
  [[ ${engines[0]} == engines ]] && pattern='^[^+]*$'
  mapfile -t engines < <("$SETTLE" engines | awk '/  available/ {print $1}' | grep -E "$pattern")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

per_copy=$("$SETTLE" list cases | wc -l)
copies=$(((MIN_RUNS + per_copy - 1) / per_copy))
for ((i = 1; i <= copies; i++)); do
  mkdir -p "$work/cases/copy$i"
  cp -r cases/. "$work/cases/copy$i/"
done
runs=$((per_copy * copies))
echo "corpus: $runs cases ($copies copies of the $per_copy shipped cases); best of $REPEATS runs"
printf '%-28s %6s %10s %14s\n' engine jobs seconds case-runs/s
for engine in "${engines[@]}"; do
  for jobs in 1 2; do
    best=""
    for ((r = 0; r < REPEATS; r++)); do
      start=$(date +%s.%N)
      "$SETTLE" run "$work/cases" -e "$engine" -j "$jobs" --quiet >/dev/null || true
      end=$(date +%s.%N)
      took=$(echo "$end - $start" | bc -l)
      if [[ -z $best ]] || (($(echo "$took < $best" | bc -l))); then best=$took; fi
    done
    printf '%-28s %6s %10.3f %14.0f\n' "$engine" "$jobs" "$best" "$(echo "$runs / $best" | bc -l)"
  done
done
mkdir -p "$work/one/cases"
echo '{"cases": [{"id": "one", "code": "1", "expect": {"returns": 1}}]}' >"$work/one/cases/one.json"
printf '%-28s %10s\n' engine start-up-s
for engine in "${engines[@]}"; do
  start=$(date +%s.%N)
  "$SETTLE" run "$work/one/cases" -e "$engine" -j 1 --quiet >/dev/null || true
  end=$(date +%s.%N)
  printf '%-28s %10.3f\n' "$engine" "$(echo "$end - $start" | bc -l)"
done
