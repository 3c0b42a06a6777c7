#!/usr/bin/env bash
# The steps of action.yml, as a script: it reads the action's inputs from SETTLE_* variables and
# writes its outputs to $GITHUB_OUTPUT. settle itself writes the annotations (stdout) and the job
# summary ($GITHUB_STEP_SUMMARY). SETTLE_BINARY names a settle to use instead of building one from
# this repository ($GITHUB_ACTION_PATH); the script exits with settle's status.
set -euo pipefail
action_dir=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set: run this in GitHub Actions, or set it to a file}"

# Debian packages need root: a container job has it, a GitHub-hosted runner gives sudo. Everything
# else (the build, npm packages in the user's cache) runs as the user.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo env DEBIAN_FRONTEND=noninteractive "$@"; fi
}

settle=${SETTLE_BINARY:-}
if [[ -z $settle ]]; then
  echo "::group::Build settle"
  command -v make >/dev/null || { as_root apt-get update -qq && as_root apt-get install -y -qq make; }
  as_root make -C "$action_dir" deps
  make -C "$action_dir" settle
  settle=$action_dir/build/settle
  echo "::endgroup::"
fi

read -ra engines <<<"${SETTLE_ENGINES:-duktape}"
read -ra paths <<<"${SETTLE_PATHS:-cases}"
read -ra extra <<<"${SETTLE_ARGS:-}"

# npm packages as the user; what settle then says to apt-get install, as root.
install_engines() {
  if [[ $(id -u) -eq 0 ]]; then
    "$settle" engines --install "${engines[@]}" --yes >/dev/null
    return
  fi
  local said apt_line
  said=$(mktemp)
  if "$settle" engines --install "${engines[@]}" >/dev/null 2>"$said"; then
    cat "$said" >&2
    return
  fi
  cat "$said" >&2
  apt_line=$(grep -o 'apt-get install -y --no-install-recommends.*' "$said" || true)
  [[ -n $apt_line ]] || return 3
  read -ra apt <<<"$apt_line"
  as_root "${apt[@]}" || { as_root apt-get update -qq && as_root "${apt[@]}"; }
  "$settle" engines --install "${engines[@]}" >/dev/null
}
echo "::group::Install engines: ${engines[*]}"
install_engines
echo "::endgroup::"

reports=${SETTLE_REPORT_DIR:-settle-reports}
mkdir -p "$reports"
args=(run "${paths[@]}" --github
  --json "$reports/settle.json" --junit "$reports/settle.xml"
  --markdown "$reports/settle.md" --html "$reports/settle.html")
for engine in "${engines[@]}"; do args+=(-e "$engine"); done
[[ -n ${SETTLE_EXPECTATIONS:-} ]] && args+=(--expectations "$SETTLE_EXPECTATIONS")
[[ -n ${SETTLE_BASELINE:-} ]] && args+=(--baseline "$SETTLE_BASELINE")
[[ -n ${SETTLE_SHARD:-} ]] && args+=(--shard "$SETTLE_SHARD")
args+=("${extra[@]}")

status=0
"$settle" "${args[@]}" || status=$?
{
  echo "json=$reports/settle.json"
  echo "junit=$reports/settle.xml"
  echo "markdown=$reports/settle.md"
  echo "html=$reports/settle.html"
  echo "exit-code=$status"
} >>"$GITHUB_OUTPUT"
exit "$status"
