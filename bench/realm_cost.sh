#!/usr/bin/env bash
# Prints what one fresh iframe realm costs each browser in CPU and in time, and the case-runs/s that
# this cost alone allows on this machine's cores (a browser profile makes one realm per case). It
# prints figures; it never fails on a time.
#   bench/realm_cost.sh [chromium] [firefox]   (default: both; N=300 realms each)
set -euo pipefail
cd "$(dirname "$0")/.."
SETTLE=${SETTLE:-build/settle}
[[ -x $SETTLE ]] || { echo "build settle first (make build)" >&2; exit 2; }
npm=$("$SETTLE" engines 2>&1 | sed -n 's/^npm-installed engines: \([^ ]*\).*/\1/p')
browsers=("$@")
[[ ${#browsers[@]} -gt 0 ]] || browsers=(chromium firefox)
# The browsers' profile folders and sockets go in a temporary folder of this run.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for browser in "${browsers[@]}"; do
  TMPDIR=$work node bench/realm_cost.js "$npm" "$browser" "${N:-300}"
done
