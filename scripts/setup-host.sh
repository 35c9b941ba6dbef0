#!/usr/bin/env bash
# Installs the system packages the suite and its tests need. Idempotent: packages already present
# are left alone, and the script prints what it installed.
#   Debian/Ubuntu: apt-get, plus the ppc64el foreign architecture for ppc64le guest kernels.
#   AlmaLinux/Fedora/RHEL: dnf.
set -euo pipefail

debian_packages=(
  qemu-system-ppc qemu-utils
  rpm rpm2cpio createrepo-c dnf dnf-plugins-core
  # the workflows' run steps (release notes, API calls)
  jq curl
  # a real web server the tests serve a published repository with (started and stopped by them)
  nginx
  gnupg cpio xorriso genisoimage
  openssh-client openssh-server
  patch git file binutils zstd xz-utils
  # Kconfig assertions and build-kernel's hypervisor build (cross-compiled, through ccache)
  make bison flex bc gcc gcc-powerpc64le-linux-gnu linux-source libssl-dev libelf-dev kmod ccache
  # rpmbuild --target ppc64le strips with the cross binutils
  binutils-powerpc64le-linux-gnu
  libvirt-daemon-system libvirt-clients
  # the guest workloads (their ppc64el builds go into guest images; the host's copies map
  # libraries to packages)
  stress-ng fio
  # the landing page, rendered in a real browser; virt-xml-validate's schemas use xmllint
  chromium libxml2-utils
)
dnf_packages=(
  qemu-system-ppc-core qemu-img
  rpm-build rpm-sign createrepo_c dnf dnf-plugins-core mock jq curl nginx
  gnupg2 cpio xorriso genisoimage
  openssh-clients openssh-server
  patch git file binutils zstd xz
  make bison flex bc gcc openssl-devel elfutils-libelf-devel kmod ccache
  libvirt-daemon libvirt-client
  stress-ng fio
  # chromium comes from EPEL on EL hosts
  chromium libxml2
)

log() { printf 'setup-host: %s\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then exec sudo -E bash "$0" "$@"; fi
  log "must run as root (or with sudo available)"; exit 1
fi

missing_debian() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

if command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  if ! dpkg --print-foreign-architectures | grep -qx ppc64el; then
    dpkg --add-architecture ppc64el
    log "enabled foreign architecture ppc64el"
  fi
  # bookworm-backports (QEMU 10, Linux 6.12) and the source packages (QEMU's and the kernel's
  # trees), from the one archive these machines reach. Backports stay at apt's default priority
  # 100, so nothing is taken from there unless a package is asked for with -t.
  sources=/etc/apt/sources.list.d/kvm-actions.sources
  if [ -f /etc/debian_version ] && grep -q '^12' /etc/debian_version && [ ! -f "$sources" ]; then
    cat >"$sources" <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    apt-get update -qq || log "apt-get update reported errors; checking the packages resolve anyway"
    log "added bookworm-backports and the source archives ($sources)"
  fi
  mapfile -t need < <(missing_debian "${debian_packages[@]}")
  if [ ${#need[@]} -eq 0 ]; then
    log "nothing to install: all ${#debian_packages[@]} packages present"
  else
    # A foreign-arch index mid-sync on the mirror makes apt-get update exit 100:
    # tolerate it, then check that what we need resolves.
    apt-get update -qq || log "apt-get update reported errors; checking the packages resolve anyway"
    for p in "${need[@]}"; do
      # Captured first: grep -q closing the pipe early would fail the pipeline under pipefail.
      policy=$(apt-cache policy "$p" 2>/dev/null)
      grep -q 'Candidate: [^(]' <<<"$policy" || { log "package $p cannot be resolved"; exit 1; }
    done
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    log "installed: ${need[*]}"
  fi
  # A static ppc64le busybox for guest initramfs images, unpacked (not installed: it would
  # replace the host's own /bin/busybox).
  if [ ! -x /var/cache/kvm-actions/guest-busybox/bin/busybox ]; then
    tmp=$(mktemp -d)
    (cd "$tmp" && apt-get download -qq busybox-static:ppc64el && dpkg-deb -x ./*.deb root)
    mkdir -p /var/cache/kvm-actions/guest-busybox/bin
    cp -a "$tmp"/root/bin/busybox /var/cache/kvm-actions/guest-busybox/bin/
    rm -rf "$tmp"
    log "installed ppc64le busybox into /var/cache/kvm-actions/guest-busybox"
  fi
  # The ppc64le guest kernel: newest linux-image-*-powerpc64le for ppc64el.
  # Its config too: the hypervisor build test starts from it (with KVM switched off).
  if ! ls /var/cache/kvm-actions/guest-kernel/config-* >/dev/null 2>&1; then
    candidates=$(apt-cache search --names-only '^linux-image-[0-9.]+-[0-9]+-powerpc64le$')
    kpkg=$(awk '{print $1}' <<<"$candidates" | sort -V | tail -1)
    [ -n "$kpkg" ] || { log "no linux-image-*-powerpc64le package found for ppc64el"; exit 1; }
    tmp=$(mktemp -d)
    (cd "$tmp" && apt-get download -qq "$kpkg:ppc64el" && dpkg-deb -x ./*.deb root)
    rm -rf /var/cache/kvm-actions/guest-kernel
    mkdir -p /var/cache/kvm-actions/guest-kernel
    cp -a "$tmp"/root/boot/vmlinux-* "$tmp"/root/boot/config-* /var/cache/kvm-actions/guest-kernel/
    cp -a "$tmp"/root/lib/modules /var/cache/kvm-actions/guest-kernel/
    rm -rf "$tmp"
    log "installed guest kernel $kpkg into /var/cache/kvm-actions/guest-kernel"
  fi
  # ppc64el programs for guest initramfs images, each with every shared library it needs: found
  # from the ELF NEEDED entries and mapped to packages through the host's own copies (the same
  # package names exist for amd64, which is why the programs are also host packages above).
  # unpack_with_libraries DEST PACKAGE... -- PROGRAM...: DEST/bin/PROGRAM, DEST/lib/ (+ ld64.so.2).
  unpack_with_libraries() {
    local dest=$1 tmp root stage file so lib owner
    shift
    local packages=() programs=()
    while [ "$1" != -- ]; do packages+=("$1"); shift; done
    shift
    programs=("$@")
    tmp=$(mktemp -d)
    chmod 755 "$tmp"
    root="$tmp/root"
    # apt-get download loads the two-architecture package cache each time (about 2 s of CPU):
    # every package of one level of the closure is fetched in one call.
    # UNPACK_RELEASE (such as bookworm-backports) takes the packages from that release.
    fetch() {
      (cd "$tmp" && apt-get download -qq ${UNPACK_RELEASE:+-t "$UNPACK_RELEASE"} "${@/%/:ppc64el}" 2>/dev/null &&
        for deb in ./*_ppc64el.deb; do dpkg-deb -x "$deb" "$root" && rm -f "$deb"; done)
    }
    needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
    # Libraries may sit in a private folder below the multiarch one (ceph/, found through RUNPATH).
    find_lib() {
      local d
      for d in lib/powerpc64le-linux-gnu usr/lib/powerpc64le-linux-gnu; do
        [ -d "$root/$d" ] && find "$root/$d" -name "$1" \( -type f -o -type l \) -print -quit
      done | head -1
    }
    fetch "${packages[@]}" libc6
    local queue=() next=() pending=() owners=()
    for p in "${programs[@]}"; do queue+=("$root/usr/bin/$p"); done
    declare -A seen=()
    while [ ${#queue[@]} -gt 0 ]; do
      next=() pending=() owners=()
      for file in "${queue[@]}"; do
        for so in $(needed "$file"); do
          [ -n "${seen[$so]:-}" ] && continue
          seen[$so]=1
          lib=$(find_lib "$so")
          if [ -n "$lib" ]; then next+=("$(readlink -f "$lib")"); continue; fi
          owner=$( (dpkg -S "/lib/x86_64-linux-gnu/$so" "/usr/lib/x86_64-linux-gnu/$so" 2>/dev/null ||
            dpkg -S "/usr/lib/x86_64-linux-gnu/*/$so" 2>/dev/null || true) | head -1 | cut -d: -f1)
          [ -n "$owner" ] || { log "no package found for $so, needed by $(basename "$file")"; exit 1; }
          pending+=("$so")
          owners+=("$owner")
        done
      done
      if [ ${#owners[@]} -gt 0 ]; then
        mapfile -t owners < <(printf '%s\n' "${owners[@]}" | sort -u)
        fetch "${owners[@]}"
        for so in "${pending[@]}"; do
          lib=$(find_lib "$so")
          [ -n "$lib" ] || { log "none of ${owners[*]} (ppc64el) provides $so"; exit 1; }
          next+=("$(readlink -f "$lib")")
        done
      fi
      queue=("${next[@]}")
    done
    stage="$dest.new"
    rm -rf "$stage"
    mkdir -p "$stage/bin" "$stage/lib" "$stage/share"
    for p in "${programs[@]}"; do cp -L "$root/usr/bin/$p" "$stage/bin/"; done
    for so in "${!seen[@]}"; do cp -L "$(find_lib "$so")" "$stage/lib/$so"; done
    cp -L "$root/lib/powerpc64le-linux-gnu/ld64.so.2" "$stage/lib/ld64.so.2"
    rm -rf "$dest" "$tmp"
    mv "$stage" "$dest"
    log "installed ppc64le ${programs[*]} and ${#seen[@]} libraries into $dest"
  }
  # The nested scenario runs an L2 guest inside the emulated L1: Debian's ppc64el
  # qemu-system-ppc64 (dynamic; no static build exists).
  if [ ! -x /var/cache/kvm-actions/guest-qemu/bin/qemu-system-ppc64 ]; then
    unpack_with_libraries /var/cache/kvm-actions/guest-qemu qemu-system-ppc -- qemu-system-ppc64
    mkdir -p /var/cache/kvm-actions/guest-qemu/share
    cp /usr/share/qemu/vof.bin /var/cache/kvm-actions/guest-qemu/share/
  fi
  # QEMU 10 beside the system's 7.2 (an EL10 user's QEMU: SMT under emulation, cap-nested-papr
  # for PowerVM's nested API v2): bookworm-backports' amd64 packages unpacked, not installed. QEMU
  # finds share/qemu beside its bin/; boot-test-guest passes -L share/qemu as well.
  qemu10=/var/cache/kvm-actions/qemu10
  if [ ! -x "$qemu10/bin/qemu-system-ppc64" ]; then
    tmp=$(mktemp -d)
    chmod 755 "$tmp"
    (cd "$tmp" && apt-get download -qq -t bookworm-backports qemu-system-ppc qemu-system-common \
      qemu-system-data 2>/dev/null && for deb in ./*.deb; do dpkg-deb -x "$deb" root; done)
    "$tmp/root/usr/bin/qemu-system-ppc64" --version | grep -q 'version 1[0-9]\.' ||
      { log "bookworm-backports' qemu-system-ppc is not QEMU 10 or later"; exit 1; }
    rm -rf "$qemu10"
    mkdir -p "$qemu10"
    cp -a "$tmp/root/usr/bin" "$tmp/root/usr/share" "$qemu10/"
    rm -rf "$tmp"
    log "installed $("$qemu10/bin/qemu-system-ppc64" --version | head -1) into $qemu10"
  fi
  # ... and its ppc64el build for L2 inside L1, like guest-qemu.
  if [ ! -x /var/cache/kvm-actions/guest-qemu10/bin/qemu-system-ppc64 ]; then
    UNPACK_RELEASE=bookworm-backports unpack_with_libraries /var/cache/kvm-actions/guest-qemu10 \
      qemu-system-ppc -- qemu-system-ppc64
    cp "$qemu10/share/qemu/vof.bin" /var/cache/kvm-actions/guest-qemu10/share/
  fi
  # Linux 6.12 from bookworm-backports as an L1 hypervisor with the nested API v2 (Linux 6.7+),
  # unpacked like guest-kernel with its modules.
  if ! ls /var/cache/kvm-actions/guest-kernel-6.12/config-* >/dev/null 2>&1; then
    candidates=$(apt-cache search --names-only '^linux-image-6\.12\.[0-9]+\+deb12-powerpc64le$')
    kpkg=$(awk '{print $1}' <<<"$candidates" | sort -V | tail -1)
    [ -n "$kpkg" ] || { log "no linux-image-6.12.*-powerpc64le package found for ppc64el"; exit 1; }
    tmp=$(mktemp -d)
    (cd "$tmp" && apt-get download -qq "$kpkg:ppc64el" 2>/dev/null && dpkg-deb -x ./*.deb root)
    rm -rf /var/cache/kvm-actions/guest-kernel-6.12
    mkdir -p /var/cache/kvm-actions/guest-kernel-6.12
    cp -a "$tmp"/root/boot/vmlinux-* "$tmp"/root/boot/config-* /var/cache/kvm-actions/guest-kernel-6.12/
    cp -a "$tmp"/root/lib/modules /var/cache/kvm-actions/guest-kernel-6.12/
    rm -rf "$tmp"
    log "installed guest kernel $kpkg into /var/cache/kvm-actions/guest-kernel-6.12"
  fi
  # The workloads boot-test-guest runs inside guests: stress-ng and fio.
  if [ ! -x /var/cache/kvm-actions/guest-workloads/bin/fio ]; then
    unpack_with_libraries /var/cache/kvm-actions/guest-workloads stress-ng fio -- stress-ng fio
  fi
  # patch-qemu's device build check configures (and in ci.yml compiles) real QEMU for
  # ppc64-softmmu with no default devices: what that configure needs, not the whole build-dep.
  # QEMU 10 wants meson >= 1.5 and pycotap, both in bookworm-backports (7.2 takes them too).
  mapfile -t need < <(missing_debian ninja-build python3-venv libglib2.0-dev libpixman-1-dev libfdt-dev zlib1g-dev)
  if [ ${#need[@]} -gt 0 ]; then
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    log "installed for the QEMU device build: ${need[*]}"
  fi
  if ! dpkg --compare-versions "$(dpkg-query -W -f='${Version}' meson 2>/dev/null || echo 0)" ge 1.5 ||
    [ -n "$(missing_debian python3-pycotap)" ]; then
    apt-get install -y -qq --no-install-recommends -t bookworm-backports meson python3-pycotap >/dev/null
    log "installed meson and python3-pycotap from bookworm-backports"
  fi
  # QEMU's release sources, cached by upstream version: Debian's orig tarballs (upstream's tree
  # without the prebuilt firmware), 7.2 from bookworm and 10.0 from bookworm-backports.
  for series in 7.2 10.0; do
    version=$(apt-cache showsrc qemu 2>/dev/null | sed -n 's/^Version: //p' | grep "^1:$series[.+]" | sort -V | tail -1)
    [ -n "$version" ] || { log "no qemu $series source package in the apt sources"; exit 1; }
    upstream=${version#1:}
    upstream=${upstream%%+*}
    dest=/var/cache/kvm-actions/qemu-source/$upstream
    [ -f "$dest/qemu-$upstream.tar.xz" ] && continue
    tmp=$(mktemp -d)
    chmod 755 "$tmp"
    # Only the orig tarball is needed; the mirror may lack the .dsc of a backport (apt then fails).
    (cd "$tmp" && apt-get source -qq --download-only "qemu=$version" >/dev/null 2>&1) || true
    orig=$(ls "$tmp"/qemu_*.orig.tar.xz 2>/dev/null | head -1)
    [ -n "$orig" ] || { rm -rf "$tmp"; log "could not fetch the qemu $version source tarball"; exit 1; }
    mkdir -p "$dest"
    mv "$orig" "$dest/qemu-$upstream.tar.xz"
    rm -rf "$tmp"
    log "cached QEMU $upstream source ($version) in $dest"
  done
elif command -v dnf >/dev/null 2>&1; then
  need=()
  for p in "${dnf_packages[@]}"; do rpm -q "$p" >/dev/null 2>&1 || need+=("$p"); done
  if [ ${#need[@]} -eq 0 ]; then
    log "nothing to install: all ${#dnf_packages[@]} packages present"
  else
    dnf install -y -q "${need[@]}"
    log "installed: ${need[*]}"
  fi
  # patch-qemu's device build: what QEMU's configure for ppc64-softmmu needs (the release
  # sources the tests configure come from Debian's archive, cached by the apt branch above).
  need=()
  for p in meson ninja-build glib2-devel pixman-devel libfdt-devel zlib-devel; do
    rpm -q "$p" >/dev/null 2>&1 || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    dnf install -y -q "${need[@]}"
    log "installed for the QEMU device build: ${need[*]}"
  fi
else
  log "unsupported host: neither apt-get nor dnf found (accepted: Debian/Ubuntu or AlmaLinux/Fedora/RHEL)"
  exit 1
fi
