#!/usr/bin/env bash
# Runs the libFuzzer targets that `make fuzz` built: run_fuzzers.sh BUILD_DIR SECONDS [TARGET...]
# (default: every target with a seed folder here). Each runs for SECONDS on a scratch corpus in
# BUILD_DIR/fuzz-corpus/TARGET, seeded from tests/fuzz/TARGET/, which is only read. Crashing
# inputs go to BUILD_DIR/fuzz-artifacts/TARGET/, logs to BUILD_DIR/fuzz-logs/TARGET.log.
# Exits 1 when a target found a crash, a leak or undefined behaviour.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$1"
seconds="$2"
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for dict in "$here"/*.dict; do targets+=("$(basename "$dict" .dict)"); done
fi

failed=()
summary=()
for target in "${targets[@]}"; do
  binary="$build/tests/fuzz/fuzz_$target"
  corpus="$build/fuzz-corpus/$target"
  artifacts="$build/fuzz-artifacts/$target/"
  log="$build/fuzz-logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  echo "== fuzz_$target for ${seconds}s (log: $log)"
  # The scratch corpus comes first: libFuzzer writes new inputs only into the first folder.
  "$binary" "$corpus" "$here/$target" -dict="$here/$target.dict" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts" \
    >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  line="fuzz_$target: ${runs:-?} executions, ${speed:-?} exec/s"
  if [ $status -ne 0 ]; then
    line="$line, FAILED (exit $status): see $log and $artifacts"
    failed+=("$target")
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz property)' "$log" | head -5
  fi
  echo "$line"
  summary+=("$line")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
[ ${#failed[@]} -eq 0 ]
