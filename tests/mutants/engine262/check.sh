#!/bin/sh
# Kill check of the engine262 mutants: builds each one (make_mutant.js), runs the async corpus on it
# and on the unmutated copy ("none"), and lists the cases that fail on the mutant but pass on the
# copy. A mutant that no case kills makes the script exit 1.
#
#   tests/mutants/engine262/check.sh [MUTANT...]
#   env: SETTLE (default build/settle), SETTLE_NPM_DIR (default build/engines/node_modules),
#        MUTANT_DIR (default a fresh temporary folder), CASES (default the five async folders and combinators/)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
settle=${SETTLE:-$root/build/settle}
npm=${SETTLE_NPM_DIR:-$root/build/engines/node_modules}
work=${MUTANT_DIR:-$(mktemp -d)}
cases=${CASES:-"cases/await cases/async-function cases/async-generator cases/for-await cases/fromAsync cases/combinators"}
cd "$root"
if [ $# -eq 0 ]; then set -- $(node "$here/make_mutant.js" --list | cut -f1 | grep -vx none); fi

run() { # NAME -> $work/NAME.report.json
  node "$here/make_mutant.js" "$1" "$work/$1" --npm "$npm" >/dev/null
  "$settle" run $cases -e "$work/$1/engine262-$1.json" -j "${JOBS:-4}" -q --json "$work/$1.report.json" >/dev/null || true
}
fails() { # REPORT -> ids that did not pass or skip, one a line
  node -e 'const r = require(process.argv[1]); for (const x of r.results) if (x.status !== "pass" && x.status !== "skip") console.log(x.id);' "$1" | sort
}

run none
fails "$work/none.report.json" > "$work/none.fails"
status=0
printf '%-38s %6s  %s\n' mutant killed 'first cases that fail only on the mutant'
for m in "$@"; do
  run "$m"
  fails "$work/$m.report.json" > "$work/$m.fails"
  killed=$(comm -13 "$work/none.fails" "$work/$m.fails")
  n=$(printf '%s' "$killed" | grep -c . || true)
  if [ "$n" -eq 0 ]; then status=1; fi
  printf '%-38s %6s  %s\n' "$m" "$n" "$(printf '%s\n' "$killed" | head -3 | tr '\n' ' ')"
done
exit $status
