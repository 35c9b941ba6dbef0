#!/usr/bin/env bash
# The main job on any machine: the suite's actions through the CLI, exactly as a workflow runs
# them, on what this host offers (under emulation where it is not POWER). Exits non-zero if any
# step fails, after running them all.
set -uo pipefail
cd "$(dirname "$0")/.."
cli=(node dist/cli/index.js)
results=kvm-actions-results
failed=()

step() {
  local name=$1
  shift
  printf '\n==== %s ====\n' "$name"
  if ! "${cli[@]}" "$@"; then failed+=("$name"); fi
}

step "host probe (boot-test-guest)" boot-test-guest --input scenario=kernel --input accel=auto \
  --input results-dir="$results/boot-test-guest"

printf '\n==== main job ====\n'
if [ ${#failed[@]} -gt 0 ]; then
  printf 'failed: %s\n' "${failed[@]}"
  exit 1
fi
echo "all steps passed; results in $results/"
