#!/bin/sh
# What --lower es5 costs: test262's built-ins/Promise on duktape without lowering, with lowering on
# a cold cache (an empty SETTLE_LOWERING_CACHE: Babel lowers every text) and on a warm one (the
# same cache again: Babel is never loaded). Prints seconds per run and the texts lowered; it never
# fails on a time. Needs Babel: settle engines --install babel.
# Usage: bench/lowering.sh TEST262_DIR [SETTLE]
set -eu
root=$1
settle=${2:-build/settle}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

run() {  # label, then settle's run arguments
  label=$1
  shift
  start=$(date +%s.%N)
  "$settle" run "$root/test/built-ins/Promise" --test262-dir "$root" -e duktape -j 2 -q \
    --json "$work/r.json" "$@" >/dev/null || true
  end=$(date +%s.%N)
  lowered=$(node -e 'const r = require(process.argv[1]); const l = r.lowering;
    const s = r.summary.duktape;
    console.log((l ? l.transformed + " lowered, " + l.from_cache + " from cache; " : "") +
      s.pass + " pass, " + s.fail + " fail, " + s.skip + " skip")' "$work/r.json")
  printf '%-28s %8.2f s   %s\n' "$label" "$(echo "$end - $start" | bc)" "$lowered"
}

run "no lowering"
SETTLE_LOWERING_CACHE="$work/cache" run "--lower es5, cold cache" --lower es5
SETTLE_LOWERING_CACHE="$work/cache" run "--lower es5, warm cache" --lower es5
