#!/usr/bin/env bash
# The main job on any machine: the emulated pipeline, through the CLI and exactly the entry code a
# workflow runs, on a host without POWER hardware or network beyond the distribution mirror:
#   1. build-kernel: the KVM profile and the Kconfig assertions against the distribution's kernel
#      source, on a kernel SRPM shaped like EL9's; the full build is skipped and its command shown
#   2. boot-test-guest: the nested hypervisor scenario under emulation (L1 loads kvm_hv, L2 runs
#      under KVM inside L1)
#   3. publish-repo: the result signed with a throwaway key into a local repository, checked by dnf
# It runs every step, ends with one summary, and exits non-zero if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
cli=(node dist/cli/index.js)
results=${KVM_ACTIONS_MAIN_RESULTS:-kvm-actions-results/main-job}
rm -rf "$results"
mkdir -p "$results"
scratch=$(mktemp -d)
trap 'GNUPGHOME="$scratch/gnupg" gpgconf --kill all 2>/dev/null; rm -rf "$scratch"' EXIT

names=() verdicts=() seconds=() artifacts=()
failed=0

# step NAME ARTIFACTS CLI-ARGS...: runs one action, keeping its output for `output`.
step() {
  local name=$1 artifact=$2
  shift 2
  printf '\n==== %s ====\n' "$name"
  local start end rc
  start=$(date +%s%N)
  "${cli[@]}" "$@" | tee "$scratch/out.txt"
  rc=${PIPESTATUS[0]}
  end=$(date +%s%N)
  names+=("$name")
  artifacts+=("$artifact")
  seconds+=("$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')")
  if [ "$rc" -eq 0 ]; then verdicts+=(pass); else verdicts+=("FAIL (exit $rc)"); failed=1; fi
  return "$rc"
}
output() { sed -n "s/^$1=//p" "$scratch/out.txt" | tail -1; }
skip() { names+=("$1"); verdicts+=("not run: $2"); seconds+=(-); artifacts+=(-); failed=1; }

# A kernel source RPM shaped like EL9's (the project's kernel-el9.4 tree, packed here and so
# unsigned: upstream-keys=none, which the summary flags) and the distribution's kernel source for Kconfig.
tree="$scratch/kernel"
cp -r tests/fixtures/kernel-el9.4 "$tree"
rpmbuild -bs --define "_topdir $tree" --define 'dist .el9' "$tree/SPECS/kernel.spec" >/dev/null
srpm=$(ls "$tree"/SRPMS/kernel-*.src.rpm)
kernel_source=$(ls /usr/src/linux-source-*.tar.xz 2>/dev/null | sort -V | tail -1)
guest_kernel=${KVM_ACTIONS_GUEST_KERNEL:-$(ls /var/cache/kvm-actions/guest-kernel/vmlinux-* 2>/dev/null | sort -V | tail -1)}

rpms=''
if step 'build-kernel: KVM profile and Kconfig checks (build skipped)' "$results/build-kernel" \
  build-kernel --input srpm="$srpm" --input kernel-source="$kernel_source" --input build=false \
  --input builder=rpmbuild --input results-dir="$results/build-kernel" \
  --input upstream-keys=none; then
  rpms=$(output rpms | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).join("\n"))')
fi

step 'boot-test-guest: nested KVM (L1 with kvm_hv, L2 under KVM), emulated' "$results/boot-test-guest" \
  boot-test-guest --input scenario=nested --input kernel="$guest_kernel" \
  --input results-dir="$results/boot-test-guest" \
  --input checks="$(printf 'cpu: grep -m1 ^cpu /proc/cpuinfo\nkernel: uname -r')"

if [ -n "$rpms" ]; then
  # A throwaway signing key, made for this run only.
  passphrase=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  mkdir -m 700 "$scratch/gnupg"
  printf 'Key-Type: RSA\nKey-Length: 2048\nKey-Usage: sign\nName-Real: kvm-actions main job\nName-Email: main-job@localhost\nExpire-Date: 1d\nPassphrase: %s\n%%commit\n' "$passphrase" >"$scratch/key-params"
  GNUPGHOME="$scratch/gnupg" gpg --batch --quiet --gen-key "$scratch/key-params"
  # Secrets go through files (0600, in the scratch folder), never through the command line.
  (umask 077 && GNUPGHOME="$scratch/gnupg" gpg --batch --pinentry-mode loopback --passphrase-fd 0 \
    --armor --export-secret-keys >"$scratch/signing-key.asc" <<<"$passphrase" &&
    printf '%s' "$passphrase" >"$scratch/passphrase")
  # The landing page reports the boot test this run made, as the pipeline's does (none when it
  # wrote no results.json: a boot test that could not start).
  boot_results=()
  [ -e "$results/boot-test-guest/results.json" ] && boot_results=(--input boot-results="$results/boot-test-guest")
  step 'publish-repo: signed local repository, checked by dnf' "$results/repo" \
    publish-repo --input target="$results/repo" --input rpms="$rpms" --input channel=testing \
    --input results-dir="$results/publish-repo" "${boot_results[@]}" \
    --input-file signing-key="$scratch/signing-key.asc" --input-file passphrase="$scratch/passphrase"
else
  skip 'publish-repo: signed local repository, checked by dnf' 'build-kernel produced no RPMs'
fi

{
  echo '# Main job: the emulated pipeline'
  echo
  echo '| Step | Result | Seconds | Artifacts |'
  echo '| --- | --- | --- | --- |'
  for i in "${!names[@]}"; do
    echo "| ${names[$i]} | ${verdicts[$i]} | ${seconds[$i]} | ${artifacts[$i]} |"
  done
  echo
  echo "Not run here: the full kernel build (hours on POWER; its command is in the build-kernel step)"
  echo "and KVM on bare-metal POWER (this host has none: guests run under emulation)."
} >"$results/summary.md"
printf '\n==== main job ====\n'
cat "$results/summary.md"
if [ "$failed" -ne 0 ]; then
  echo "main job: FAILED"
  exit 1
fi
echo "main job: all steps passed; results in $results/"
