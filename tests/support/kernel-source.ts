import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { applyOptions } from '../../src/kernel/config.js'
import { prepareKernelSource } from '../../src/kernel/kconfig.js'
import { FIXTURES } from './fixtures.js'
import { GUEST_KERNELS } from './guest.js'

/** Debian's linux-source tarball (scripts/setup-host.sh installs it): a real kernel tree. */
export function debianKernelTarball(): string {
  const tarball = readdirSync('/usr/src').find((name) => /^linux-source-[\d.]+\.tar\.xz$/.test(name))
  if (!tarball) throw new Error('no /usr/src/linux-source-*.tar.xz: run scripts/setup-host.sh')
  return join('/usr/src', tarball)
}

/** One unpacked tree shared by every test file of a run (prepareKernelSource reuses it). */
export const KERNEL_SOURCE_CACHE = join(tmpdir(), 'kvm-actions-test-kernel-source')

/** The file of Debian's tree (Linux 6.1) that defines and exports kvm-hv's PMU save/restore functions. */
export const PMU_PERF_FILE = 'arch/powerpc/kvm/book3s_hv_p9_perf.c'

/**
 * Takes the PMU save/restore exports out of a Debian tree, leaving the functions built in
 * without EXPORT_SYMBOL_GPL: the state export-pmu-symbols is for. Returns the file's original text.
 */
export function removePmuExports(tree: string): string {
  const file = join(tree, PMU_PERF_FILE)
  const original = readFileSync(file, 'utf8')
  const exports = /^EXPORT_SYMBOL_GPL\(switch_pmu_to_(guest|host)\);\n/gm
  if ((original.match(exports) ?? []).length !== 2)
    throw new Error(`${file} does not export switch_pmu_to_guest and switch_pmu_to_host as Linux 6.1 does`)
  writeFileSync(file, original.replace(exports, ''))
  return original
}

/**
 * A distribution ppc64le config with KVM off (as RHEL 9's is), written into dir: `small`, the
 * allnoconfig of Debian's tree with fixtures/hypervisor/small-ppc64le.fragment (about 10 minutes
 * per build on 2 cores), or `debian`, Debian's own ppc64el config.
 */
export async function hypervisorDistributionConfig(
  dir: string,
  variant: 'small' | 'debian',
): Promise<string> {
  const file = join(dir, `kernel-ppc64le-${variant}.config`)
  if (variant === 'debian') {
    const debian = readdirSync(GUEST_KERNELS).find((name) => name.startsWith('config-'))
    if (!debian) throw new Error(`no Debian config in ${GUEST_KERNELS}: run scripts/setup-host.sh`)
    const off = ['KVM_BOOK3S_64', 'KVM_BOOK3S_64_HV', 'KVM_BOOK3S_64_PR'].map((name) => ({
      name,
      value: 'n',
    }))
    writeFileSync(file, applyOptions(readFileSync(join(GUEST_KERNELS, debian), 'utf8'), off).text)
    return file
  }
  const tree = await prepareKernelSource(debianKernelTarball(), KERNEL_SOURCE_CACHE)
  const out = mkdtempSync(join(dir, 'allnoconfig-'))
  execFileSync('make', [
    '-s',
    '-C',
    tree,
    `O=${out}`,
    'ARCH=powerpc',
    'CROSS_COMPILE=powerpc64le-linux-gnu-',
    `KCONFIG_ALLCONFIG=${join(FIXTURES, 'hypervisor', 'small-ppc64le.fragment')}`,
    'allnoconfig',
  ])
  writeFileSync(file, readFileSync(join(out, '.config')))
  return file
}
