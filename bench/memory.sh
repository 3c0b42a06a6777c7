#!/usr/bin/env bash
# Prints the peak resident memory of `settle run` (from /usr/bin/time -v) at 1,000, 10,000 and
# 100,000 cases, with the JSON and JUnit reports written, so that a growth with the number of cases
# shows. The cases are generated into a temporary folder, 1,000 per file (one in ten fails, so the
# reports carry messages and observed values). It prints figures; it never fails on a number.
#   bench/memory.sh [ENGINE] [JOBS]       (default: duktape, 2)
#   SIZES="1000 10000" bench/memory.sh    (other sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
SETTLE=${SETTLE:-build/settle}
SIZES=${SIZES:-"1000 10000 100000"}
engine=${1:-duktape}
jobs=${2:-2}

[[ -x $SETTLE ]] || { echo "build settle first (make build)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# write_file FILE INDEX: 1,000 cases; one in ten expects the wrong value.
write_file() {
  awk -v file="$2" 'BEGIN {
    printf "{\n  \"suite\": \"memory %d\",\n  \"cases\": [\n", file
    for (i = 0; i < 1000; i++) {
      expected = (i % 10 == 9) ? i + 2 : i + 1
      printf "    {\"id\": \"c%04d\", \"description\": \"case %d of file %d\",", i, i, file
      printf " \"code\": \"Promise.resolve(%d).then(function (v) { $log(v); return v + 1; })\",", i
      printf " \"expect\": {\"fulfilled\": %d, \"log\": [%d]}}%s\n", expected, i, (i < 999 ? "," : "")
    }
    printf "  ]\n}\n"
  }' >"$1"
}

echo "settle run -e $engine -j $jobs --json --junit, peak RSS from /usr/bin/time -v"
printf '%10s %8s %10s %12s\n' cases files seconds 'peak RSS'
for size in $SIZES; do
  files=$(((size + 999) / 1000))
  corpus="$work/cases-$size/cases"
  mkdir -p "$corpus"
  for ((f = 0; f < files; f++)); do write_file "$(printf '%s/f%03d.json' "$corpus" "$f")" "$f"; done
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time-$size" "$SETTLE" run "$corpus" -e "$engine" -j "$jobs" --quiet \
    --json "$work/report-$size.json" --junit "$work/report-$size.xml" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$work/time-$size")
  printf '%10s %8s %10.2f %9s MiB\n' "$size" "$files" "$(echo "$end - $start" | bc -l)" \
    "$(echo "scale=1; ${kb:-0} / 1024" | bc -l)"
  rm -rf "$work/cases-$size" "$work/report-$size.json" "$work/report-$size.xml"
done
