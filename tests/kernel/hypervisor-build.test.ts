/**
 * @needs-system-tools
 *
 * build-profile: hypervisor for real, then the build booted as the nested L1: Debian's
 * linux-source with a ppc64le config that has KVM switched off (as RHEL 9's has), the action's
 * profile turning it back on, cross-compiled here; the built vmlinux boots under emulation,
 * loads kvm_hv from the built modules and runs an L2 guest under KVM. Without the profile the
 * same build is no hypervisor, and the nested scenario says so as a test failure.
 *
 * The config it starts from: the small one in fixtures/hypervisor (about 10 minutes per build
 * on 2 cores), or with KVM_HYPERVISOR_CONFIG=debian Debian's own ppc64el config. Each build is
 * a whole compile (ccache cannot carry one config's objects to another: the KVM options reach
 * powerpc headers nearly every file includes), and with them the whole CI run went over 30
 * minutes. So the compiled cases run where KVM_HYPERVISOR_COMPILE=1 is set, in ci.yml's
 * hypervisor-build job on every change; .ci/run keeps the smaller variant: the same action on
 * Debian's linux-source and Debian's whole config with KVM off, with build: false, so the real
 * tree's Kconfig trims and checks the config and the make command is reported.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readConfig } from '../../src/kernel/config.js'
import { runAction } from '../support/actions.js'
import { runBootTestGuest } from '../support/guest.js'
import { debianKernelTarball, hypervisorDistributionConfig } from '../support/kernel-source.js'

const BUILD_TIMEOUT_MS = 90 * 60_000
const compile = process.env.KVM_HYPERVISOR_COMPILE === '1'
const variant = process.env.KVM_HYPERVISOR_CONFIG === 'debian' || !compile ? 'debian' : 'small'

let config: string
const cacheBefore = process.env.KVM_ACTIONS_CACHE
beforeAll(async () => {
  // The builds' ccache (and the CLI's cache) in a folder of this run, removed with it.
  process.env.KVM_ACTIONS_CACHE = mkdtempSync(join(tmpdir(), 'kvm-cache-'))
  config = await hypervisorDistributionConfig(mkdtempSync(join(tmpdir(), 'hypervisor-config-')), variant)
  expect(readConfig(readFileSync(config, 'utf8')).get('KVM_BOOK3S_64') ?? 'n').toBe('n')
}, 120_000)
afterAll(() => {
  if (cacheBefore === undefined) delete process.env.KVM_ACTIONS_CACHE
  else process.env.KVM_ACTIONS_CACHE = cacheBefore
})

const build = (inputs: Record<string, string>) =>
  runAction('build-kernel', {
    'build-profile': 'hypervisor',
    'kernel-source': debianKernelTarball(),
    'kernel-config': config,
    'build-timeout': '90m',
    ccache: 'true',
    ...inputs,
  })

describe(`the hypervisor config of Debian's linux-source (${variant} config, KVM off)`, () => {
  it('trims and checks the config with the real tree’s Kconfig, and reports the build (build: false)', async () => {
    const prepared = await build({ build: 'false' })
    expect(prepared.out).not.toMatch(/::error|Error:/)
    expect(prepared.code).toBe(0)
    expect(prepared.outputs.vmlinux).toBe('')
    const values = readConfig(readFileSync(prepared.outputs['hypervisor-config']!, 'utf8'))
    expect(values.get('KVM_BOOK3S_64_HV')).toBe('m')
    expect(values.get('KVM_XICS')).toBe('y')
    // Modules a KVM host does not need are trimmed; the ones it does are kept.
    const distribution = readConfig(readFileSync(config, 'utf8'))
    const trimmed = [...distribution].filter(([name, value]) => value === 'm' && values.get(name) !== 'm')
    if (variant === 'debian') {
      expect(trimmed.length).toBeGreaterThan(1000)
      expect(values.get('VIRTIO_BLK')).toBe('m')
    } else expect(trimmed).toEqual([])
    // No debug info in either config: where the config offers the debug-info choice (Debian's,
    // with DEBUG_KERNEL), the build picks none; allnoconfig leaves DEBUG_KERNEL off, so the choice
    // never appears there.
    expect(values.get('DEBUG_INFO') ?? 'n').toBe('n')
    if (distribution.has('DEBUG_INFO_NONE') || distribution.get('DEBUG_INFO') === 'y')
      expect(values.get('DEBUG_INFO_NONE')).toBe('y')
    else expect(values.has('DEBUG_INFO_NONE')).toBe(false)
    const diff = readFileSync(
      join(prepared.workspace, 'kvm-actions-results/build-kernel/config.diff'),
      'utf8',
    )
    expect(diff).toContain('# CONFIG_KVM_BOOK3S_64_HV is not set -> CONFIG_KVM_BOOK3S_64_HV=m')
    expect(prepared.out).toContain('Build skipped (input build is false)')
    expect(prepared.out).toMatch(
      /make -C \S+ O=\S+ ARCH=powerpc CROSS_COMPILE=powerpc64le-linux-gnu- '?CC=ccache powerpc64le-linux-gnu-gcc'? -j\d+ vmlinux modules/,
    )
    expect(prepared.out).toMatch(
      /CONFIG_KVM_BOOK3S_64_HV\s+# CONFIG_KVM_BOOK3S_64_HV is not set\s+CONFIG_KVM_BOOK3S_64_HV=m/,
    )
  }, 300_000)

  // The compiled cases: declared only where they run (see the header), not skipped.
  if (!compile) return

  it(
    'turns KVM on with the profile, and the built kernel hosts an L2 guest as the nested L1',
    async () => {
      const built = await build({})
      expect(built.out).not.toMatch(/::error|Error:/)
      expect(built.code).toBe(0)
      const { vmlinux, modules } = built.outputs
      const release = built.outputs.kverrel!
      expect(vmlinux).toBe(join(built.workspace, 'kvm-actions-results/build-kernel', `vmlinux-${release}`))
      expect(readdirSync(join(modules!, 'kernel/arch/powerpc/kvm')).sort()).toEqual(['kvm-hv.ko', 'kvm.ko'])
      const values = readConfig(readFileSync(built.outputs['hypervisor-config']!, 'utf8'))
      expect(values.get('KVM_BOOK3S_64_HV')).toBe('m')
      expect(values.get('KVM_BOOK3S_64_PR') ?? 'n').toBe('n')
      const diff = readFileSync(join(built.workspace, 'kvm-actions-results/build-kernel/config.diff'), 'utf8')
      expect(diff).toContain('# CONFIG_KVM_BOOK3S_64_HV is not set -> CONFIG_KVM_BOOK3S_64_HV=m')
      expect(built.out).toContain('A smoke build, not the release')
      expect(built.out).toMatch(
        /KVM modules built: kvm-hv\.ko, kvm\.ko|KVM modules built: kvm\.ko, kvm-hv\.ko/,
      )

      const booted = await runBootTestGuest({
        scenario: 'nested',
        kernel: vmlinux!,
        modules: modules!,
        cpu: 'power9',
      })
      expect(booted.out).not.toMatch(/::error/)
      expect(booted.code).toBe(0)
      const console = readFileSync(join(booted.dir, 'console.log'), 'utf8')
      // L1 is the kernel just built, its kvm_hv from the built modules, nested on.
      expect(console).toContain(`Linux version ${release}`)
      expect(console).toContain('nested=Y')
      const results = JSON.parse(readFileSync(join(booted.dir, 'results.json'), 'utf8'))
      expect(results.timeline.l2Ready).toBeGreaterThan(results.timeline.l2Start)
      expect(booted.out).toMatch(new RegExp(`L1 kernel\\s+${release.replace(/[.+]/g, '\\$&')} \\(vmlinux-`))
      expect(booted.out).toMatch(/L2 QEMU\s+qemu-system-ppc64 \d+\.\d+/)
    },
    BUILD_TIMEOUT_MS,
  )

  it(
    'without the profile builds no hypervisor: the nested scenario fails saying kvm_hv is missing',
    async () => {
      const built = await build({ 'kvm-profile': 'false' })
      expect(built.code).toBe(0)
      // Through the first build's ccache, restored from the cache: its statistics are reported.
      expect(built.out).toMatch(/ccache \d+ hits, [1-9]\d* misses/)
      const modules = built.outputs.modules!
      expect(existsSync(join(modules, 'kernel/arch/powerpc/kvm'))).toBe(false)
      const booted = await runBootTestGuest({
        scenario: 'nested',
        kernel: built.outputs.vmlinux!,
        modules,
        cpu: 'power9',
      })
      expect(booted.code).toBe(1)
      expect(booted.out).toContain('kvm_hv is missing')
      expect(booted.out).toMatch(/its config has # CONFIG_KVM_BOOK3S_64(_HV)? is not set/)
      expect(booted.out).not.toMatch(/timed out|did not reach/i)
    },
    BUILD_TIMEOUT_MS,
  )
})
