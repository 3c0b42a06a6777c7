#!/usr/bin/env bash
# Prints the peak resident memory of `settle run` at 1,000, 10,000 and 100,000 cases on two
# engines, with every report written (--json --junit --markdown --html, and the console on a pipe),
# so that a growth with the number of cases shows. Two figures per size: the peak of the whole
# process tree (/usr/bin/time -v: the largest process, a node worker may be it) and settle's own
# peak (VmHWM, read from /proc while it runs; it holds the reporters, the cases of the files being
# run and a small record of each failure: issue 15 asks that it be at most twice the 1,000-case
# figure at 100,000). The cases are generated into a temporary folder, 1,000 per file (one in ten
# fails, so the reports carry messages and observed values). It prints figures; it never fails on
# a number.
#   bench/memory.sh [ENGINE...]          (default: duktape node; JOBS=2)
#   SIZES="1000 10000" bench/memory.sh   (other sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
SETTLE=${SETTLE:-build/settle}
SIZES=${SIZES:-"1000 10000 100000"}
JOBS=${JOBS:-2}
engines=("$@")
[[ ${#engines[@]} -gt 0 ]] || engines=(duktape node)

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

# settle_hwm PID: settle's own peak RSS in KiB, sampled until it exits (VmHWM only grows).
settle_hwm() {
  local peak=0 kb
  while kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null) && [[ -n $kb ]]; do
    peak=$kb
    sleep 0.05
  done
  echo "$peak"
}

engine_flags=()
for engine in "${engines[@]}"; do engine_flags+=(-e "$engine"); done
echo "settle run ${engine_flags[*]} -j $JOBS --json --junit --markdown --html (console on a pipe)"
printf '%10s %8s %10s %16s %16s\n' cases files seconds 'peak RSS (tree)' 'settle own peak'
for size in $SIZES; do
  files=$(((size + 999) / 1000))
  corpus="$work/cases-$size/cases"
  mkdir -p "$corpus"
  for ((f = 0; f < files; f++)); do write_file "$(printf '%s/f%03d.json' "$corpus" "$f")" "$f"; done
  out="$work/report-$size"
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time-$size" "$SETTLE" run "$corpus" "${engine_flags[@]}" -j "$JOBS" \
    --json "$out.json" --junit "$out.xml" --markdown "$out.md" --html "$out.html" \
    >"$work/console-$size" 2>&1 &
  timer=$!
  sleep 0.2
  settle_pid=$(pgrep -P "$timer" -x settle | head -1 || true)
  own=0
  [[ -n $settle_pid ]] && own=$(settle_hwm "$settle_pid")
  wait "$timer" || true
  end=$(date +%s.%N)
  kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$work/time-$size")
  for report in "$out.json" "$out.xml" "$out.md" "$out.html"; do
    [[ -s $report ]] || echo "  (no $report: $(tail -1 "$work/console-$size"))" >&2
  done
  printf '%10s %8s %10.2f %12s MiB %12s MiB\n' "$size" "$files" "$(echo "$end - $start" | bc -l)" \
    "$(echo "scale=1; ${kb:-0} / 1024" | bc -l)" "$(echo "scale=1; ${own:-0} / 1024" | bc -l)"
  rm -rf "$work/cases-$size" "$out".* "$work/console-$size"
done
