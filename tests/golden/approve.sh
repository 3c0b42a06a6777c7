#!/bin/sh
# Re-approves the golden files of the reports (as Catch2's approve.py does): runs the golden tests
# so that they write what the reporters now produce into tests/unit/golden/ (the fixed run's
# reports) and tests/e2e/golden/ (the JSON report of a corpus run, times and versions normalised),
# then shows the diff to review before committing it.
#   tests/golden/approve.sh [BUILD_DIR]     (default: build)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
SETTLE_APPROVE=1 "$build/tests/settle_unit_tests" --gtest_filter='ReportGoldenTest.*'
SETTLE_APPROVE=1 "$build/tests/settle_e2e_tests" --gtest_filter='CorpusReportGolden*'
git -C "$root" status --short -- tests/unit/golden tests/e2e/golden
git -C "$root" --no-pager diff --stat -- tests/unit/golden tests/e2e/golden
