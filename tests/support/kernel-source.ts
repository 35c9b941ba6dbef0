import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian's linux-source tarball (scripts/setup-host.sh installs it): a real kernel tree. */
export function debianKernelTarball(): string {
  const tarball = readdirSync('/usr/src').find((name) => /^linux-source-[\d.]+\.tar\.xz$/.test(name))
  if (!tarball) throw new Error('no /usr/src/linux-source-*.tar.xz: run scripts/setup-host.sh')
  return join('/usr/src', tarball)
}

/** One unpacked tree shared by every test file of a run (prepareKernelSource reuses it). */
export const KERNEL_SOURCE_CACHE = join(tmpdir(), 'kvm-actions-test-kernel-source')
