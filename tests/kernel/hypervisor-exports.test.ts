/**
 * @needs-system-tools
 *
 * build-profile: hypervisor on Debian's linux-source with kvm-hv's PMU save/restore exports taken
 * out (switch_pmu_to_guest and switch_pmu_to_host built in without EXPORT_SYMBOL_GPL), the state
 * export-pmu-symbols is for. Here, in .ci/run: the action finds that state in the tree and says
 * the build would export them (build: false), leaving the given folder as it is. Compiled, with
 * the small config, where KVM_HYPERVISOR_COMPILE=1 is set (ci.yml's hypervisor-exports job; each
 * build is about 10 minutes on 2 cores): with the fix off the build fails at modpost and says so
 * as a configuration error naming the symbols; with it, the second build (through the first's
 * ccache) links kvm-hv.ko, which loads in the nested L1 and runs L2.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { prepareKernelSource } from '../../src/kernel/kconfig.js'
import { runAction } from '../support/actions.js'
import { treeDigest } from '../support/fixtures.js'
import { runBootTestGuest } from '../support/guest.js'
import {
  debianKernelTarball,
  hypervisorDistributionConfig,
  KERNEL_SOURCE_CACHE,
  PMU_PERF_FILE,
  removePmuExports,
} from '../support/kernel-source.js'

const BUILD_TIMEOUT_MS = 90 * 60_000
const compile = process.env.KVM_HYPERVISOR_COMPILE === '1'

let scratch: string
let config: string
const cacheBefore = process.env.KVM_ACTIONS_CACHE
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'hypervisor-exports-'))
  // The builds' ccache (and the CLI's cache) in this run's folder, removed with it.
  process.env.KVM_ACTIONS_CACHE = join(scratch, 'cache')
  config = await hypervisorDistributionConfig(scratch, 'small')
}, 300_000)
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
  if (cacheBefore === undefined) delete process.env.KVM_ACTIONS_CACHE
  else process.env.KVM_ACTIONS_CACHE = cacheBefore
})

const build = (inputs: Record<string, string>) =>
  runAction('build-kernel', {
    'build-profile': 'hypervisor',
    'kernel-config': config,
    'build-timeout': '90m',
    ccache: 'true',
    ...inputs,
  })

describe("the hypervisor build of Debian's linux-source without kvm-hv's PMU exports", () => {
  it('finds them built in unexported and says the build would export them, leaving the folder alone (build: false)', async () => {
    // The files the config step reads (the shared Kconfig tree), copied, exports taken out.
    const tree = join(scratch, 'kconfig-tree')
    cpSync(await prepareKernelSource(debianKernelTarball(), KERNEL_SOURCE_CACHE), tree, { recursive: true })
    removePmuExports(tree)
    const before = treeDigest(join(tree, 'arch/powerpc/kvm'))
    const prepared = await build({ 'kernel-source': tree, build: 'false' })
    expect(prepared.out).not.toMatch(/::error|Error:/)
    expect(prepared.code).toBe(0)
    expect(prepared.out).toContain(
      'PMU save/restore exports of kvm-hv: switch_pmu_to_guest, switch_pmu_to_host (built in, arch/powerpc/kvm/book3s_hv_p9_perf.c) are not exported, and kvm-hv.ko calls them; the build would export them.',
    )
    expect(treeDigest(join(tree, 'arch/powerpc/kvm'))).toEqual(before)
    rmSync(tree, { recursive: true })
  }, 300_000)

  // The compiled cases: declared only where they run (see the header), not skipped.
  if (!compile) return

  describe('compiled (small config)', () => {
    let tarball: string
    let top: string
    beforeAll(() => {
      // A tarball, as a source RPM ships one: each build unpacks it into its own scratch folder,
      // the same place relative to its build folder, so the second build hits the first's ccache.
      const unpacked = mkdtempSync(join(scratch, 'unpacked-'))
      execFileSync('tar', ['-xf', debianKernelTarball(), '-C', unpacked])
      top = readdirSync(unpacked)[0]!
      removePmuExports(join(unpacked, top))
      tarball = join(scratch, `${top}-pmu-exports-removed.tar`)
      execFileSync('tar', ['-cf', tarball, '-C', unpacked, top])
      rmSync(unpacked, { recursive: true })
    }, 600_000)

    it(
      'with export-pmu-symbols false, fails at modpost with a configuration error naming the symbols',
      async () => {
        const failed = await build({ 'kernel-source': tarball, 'export-pmu-symbols': 'false' })
        expect(failed.code).toBe(1)
        expect(failed.out).toMatch(
          /Configuration error: the KVM modules do not link: modpost finds no export in the core kernel for what they call \(arch\/powerpc\/kvm\/kvm-hv\.ko needs switch_pmu_to_(guest|host), switch_pmu_to_(guest|host)\)\. switch_pmu_to_\w+, switch_pmu_to_\w+ are kvm-hv's PMU save\/restore functions, which this tree builds in without EXPORT_SYMBOL_GPL: set export-pmu-symbols: true to export them before the build\. \(build log: \S+build\.log\)/,
        )
        // The headline is the diagnosis, not the log's last line.
        expect(failed.out).not.toMatch(/(Infrastructure|Internal) error:/)
        expect(failed.out).not.toMatch(/Configuration error: .*Makefile\.modpost/)
      },
      BUILD_TIMEOUT_MS,
    )

    it(
      'with the fix, links kvm-hv.ko, which loads in the nested L1 and runs L2',
      async () => {
        const built = await build({ 'kernel-source': tarball })
        expect(built.out).not.toMatch(/::error|Error:/)
        expect(built.code).toBe(0)
        expect(built.out).toContain(
          'PMU save/restore exports of kvm-hv: exported switch_pmu_to_guest, switch_pmu_to_host in arch/powerpc/kvm/book3s_hv_p9_perf.c, which the tree builds in without EXPORT_SYMBOL_GPL.',
        )
        // The first build's objects, from its ccache: only the fixed file and what follows it compile again.
        const [, hits, misses] = /ccache (\d+) hits, (\d+) misses/.exec(built.out) ?? []
        expect(Number(hits)).toBeGreaterThan(10 * Number(misses))
        const { vmlinux, modules } = built.outputs
        const release = built.outputs.kverrel!
        expect(readdirSync(join(modules!, 'kernel/arch/powerpc/kvm')).sort()).toEqual(['kvm-hv.ko', 'kvm.ko'])

        const booted = await runBootTestGuest({
          scenario: 'nested',
          kernel: vmlinux!,
          modules: modules!,
          cpu: 'power9',
        })
        expect(booted.out).not.toMatch(/::error/)
        expect(booted.code).toBe(0)
        const console = readFileSync(join(booted.dir, 'console.log'), 'utf8')
        expect(console).toContain(`Linux version ${release}`)
        expect(console).toContain('nested=Y')
        const results = JSON.parse(readFileSync(join(booted.dir, 'results.json'), 'utf8'))
        expect(results.timeline.l2Ready).toBeGreaterThan(results.timeline.l2Start)
        // The fix went into the build's own unpacked tree; the tarball is as it was.
        const perf = execFileSync('tar', ['-xOf', tarball, `${top}/${PMU_PERF_FILE}`], { encoding: 'utf8' })
        expect(perf).not.toContain('EXPORT_SYMBOL_GPL(switch_pmu_to_')
      },
      BUILD_TIMEOUT_MS,
    )
  })
})
