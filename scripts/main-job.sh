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

kernel=$(ls /var/cache/kvm-actions/guest-kernel/vmlinux-* 2>/dev/null | sort -V | tail -1)
step "boot a ppc64le kernel (boot-test-guest)" boot-test-guest --input scenario=kernel --input accel=auto \
  --input kernel="$kernel" --input results-dir="$results/boot-test-guest" \
  --input checks="$(printf 'cpu: grep -m1 ^cpu /proc/cpuinfo\nkvm-device: ls -l /dev/kvm || true\nkernel: uname -r')"

printf '\n==== main job ====\n'
if [ ${#failed[@]} -gt 0 ]; then
  printf 'failed: %s\n' "${failed[@]}"
  exit 1
fi
echo "all steps passed; results in $results/"
