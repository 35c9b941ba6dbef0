/**
 * @needs-system-tools
 *
 * nightly.yml and the reusable pipeline, run end to end through the local workflow runner against
 * local stand-ins: file:// upstream source repositories, a stock base repository, builds with
 * rpmbuild, the boot-test matrix under emulation, a signed publish checked by dnf, and failure
 * issues through the in-memory GitHub API. The runs follow each other as nights do.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { join } from 'node:path'
import { unattested } from '../support/attestations.js'
import { hostSeesRepository } from '../support/dnf-host.js'
import { BOOT_TEST_CELLS, createPipelineWorld, type PipelineWorld } from '../support/pipeline-stand-ins.js'
import { type Attestation, failures, type WorkflowRun } from '../support/workflow-runner/runner.js'

let world: PipelineWorld
beforeAll(async () => {
  world = await createPipelineWorld('publish')
}, 300_000)
afterAll(async () => world.close())

const nightly = () =>
  world.runner.run('.github/workflows/nightly.yml', { name: 'schedule', payload: { schedule: '17 2 * * *' } })
const results = (run: WorkflowRun) => Object.fromEntries(run.jobs.map((job) => [job.path, job.result]))
const live = () => readlinkSync(join(world.dirs.target, '9', 'testing'))
const MATRIX = BOOT_TEST_CELLS.map((cell) => cell.join(', '))
/** The attestations of the nights so far. */
const attestations: Attestation[] = []

describe('nightly.yml through the local runner', () => {
  it('checks upstream, builds, boot-tests on POWER9 and POWER10, publishes, and a host installs from it', async () => {
    const run = await nightly()
    expect({ result: run.result, jobs: results(run), failures: failures(run) }).toEqual({
      result: 'success',
      jobs: {
        'pipeline/upstream': 'success',
        'pipeline/build': 'success',
        ...Object.fromEntries(MATRIX.map((cell) => [`pipeline/boot-test (${cell})`, 'success'])),
        'pipeline/hypervisor': 'success',
        'pipeline/trends': 'success',
        'pipeline/publish': 'success',
        pipeline: 'success',
      },
      failures: [],
    })
    expect(run.dangling).toEqual([])
    expect(world.github.unknown).toEqual([])
    expect(world.github.issues).toEqual([])

    // Runner labels: builds and boots on the POWER runners, publishing on its own runner.
    const runnerOf = (path: string) => run.jobs.find((job) => job.path === path)!.runner
    expect(runnerOf('pipeline/upstream')).toBe('hosted')
    expect(runnerOf('pipeline/build')).toBe('power9')
    expect(runnerOf('pipeline/boot-test (power10, nested, radix)')).toBe('power10')
    // Every boot's metrics.json in the history kept with the repository, charted.
    const history = readFileSync(join(world.dirs.target, 'history', 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
    expect(
      history.map((line) => (JSON.parse(line) as { config: { mmu?: string } }).config.mmu ?? 'none').sort(),
    ).toEqual(['hash', 'hash', 'none', 'radix', 'radix', 'radix', 'radix'])
    const trends = run.jobs.find((job) => job.path === 'pipeline/trends')!
    expect(trends.summary).toContain('7 run(s) appended to')
    expect(trends.summary).toContain('xychart-beta')
    expect(readdirSync(join(world.dirs.target, 'history', 'charts'))).toEqual(
      expect.arrayContaining([
        'x86-64-nested-cpu-power10-mmu-radix-boot-time-to-l2-ready-marker.svg',
        'x86-64-kernel-cpu-power9-mmu-hash-boot-time-to-ready-marker.svg',
      ]),
    )
    expect(runnerOf('pipeline/publish')).toBe('publisher')

    // The candidate kernel as the hypervisor, on a hosted runner: the source RPM's tree (its
    // %prep patch applied) and config with the profile, built, then booted as the nested L1.
    const hypervisor = run.jobs.find((job) => job.path === 'pipeline/hypervisor')!
    expect(hypervisor.runner).toBe('hosted')
    expect(hypervisor.summary).toContain('A smoke build, not the release: vmlinux and modules of 6.1.0-')
    expect(hypervisor.summary).toContain('from kernel-5.14.0-570.12.1.el9 with kernel-ppc64le-rhel.config')
    expect(hypervisor.summary).toMatch(
      /\| CONFIG_KVM_BOOK3S_64_HV \| # CONFIG_KVM_BOOK3S_64_HV is not set \| CONFIG_KVM_BOOK3S_64_HV=m \|/,
    )
    expect(hypervisor.summary).toMatch(
      /\| L1 kernel \| 6\.1\.0-[^|]+\(vmlinux-6\.1\.0-[^|]+\), config sha256 [0-9a-f]{16}… \|/,
    )
    expect(hypervisor.summary).toMatch(/\| L2 QEMU \| qemu-system-ppc64 \d+\.\d+/)
    const gated = run.timeline.findIndex((e) => e.kind === 'job-started' && e.job === 'pipeline/publish')
    expect(
      run.timeline.findIndex((e) => e.kind === 'job-finished' && e.job === 'pipeline/hypervisor'),
    ).toBeLessThan(gated)

    // The signing secrets reach the publish step only, through the publish environment.
    const withKey = run.jobs.flatMap((job) =>
      job.steps
        .filter((step) => step.secrets.length > 0)
        .map((step) => `${job.path}: ${step.name} (${step.phase})`),
    )
    expect(withKey).toEqual([
      'pipeline/publish: ./.kvm-actions/actions/publish-repo (main)',
      'pipeline/publish: Post ./.kvm-actions/actions/publish-repo (post)',
    ])
    const gate = run.timeline.findIndex(
      (entry) => entry.kind === 'environment-approved' && entry.job === 'pipeline/publish',
    )
    expect(run.timeline[gate]!.detail).toBe('publish')
    expect(gate).toBeLessThan(
      run.timeline.findIndex((e) => e.kind === 'job-started' && e.job === 'pipeline/publish'),
    )

    // The non-interference table: the rebuilds sit between the stock build and its next update.
    const publish = run.jobs.find((job) => job.path === 'pipeline/publish')!
    expect(publish.summary).toContain('Non-interference with the base repositories (ppc64le)')
    expect(publish.summary).toMatch(
      /\| kernel-kvm\.ppc64le \| 5\.14\.0-570\.12\.1\.kvm1\.el9 \| — \| ✅ new subpackage of kernel \|/,
    )
    expect(publish.summary).toMatch(
      /\| kernel-core\.ppc64le \| 5\.14\.0-570\.12\.1\.kvm1\.el9 \| 5\.14\.0-570\.12\.1\.el9 \| ✅ above the base, below 5\.14\.0-570\.12\.2\.el9 \|/,
    )
    // The rest of the stack the pipeline rebuilds is judged against its stock build too.
    expect(publish.summary).toMatch(
      /\| virtiofsd\.ppc64le \| 1\.10\.1-1\.el9\.kvm1 \| 1\.10\.1-1\.el9 \| ✅ above the base, below 1\.10\.1-2\.el9 \|/,
    )
    expect(publish.summary).toMatch(
      /\| libguestfs\.ppc64le \| 1:1\.54\.0-3\.el9\.kvm1 \| 1:1\.54\.0-3\.el9 \| ✅ above the base/,
    )
    expect(publish.summary).toContain(
      'dnf repoclosure: published and base together resolve every dependency.',
    )

    const host = await hostSeesRepository(world.dirs.target, 'testing', world.scratch)
    expect(host.installed).toContain('kvm-power-release')
    expect(host.visible).toEqual(
      expect.arrayContaining([
        'kernel-kvm-0:5.14.0-570.12.1.kvm1.el9.ppc64le',
        'kernel-core-0:5.14.0-570.12.1.kvm1.el9.ppc64le',
        'qemu-kvm-core-17:9.1.0-15.el9.kvm1.ppc64le',
        'libvirt-daemon-kvm-0:10.10.0-7.el9.kvm1.ppc64le',
        'virtiofsd-0:1.10.1-1.el9.kvm1.ppc64le',
        'libguestfs-1:1.54.0-3.el9.kvm1.ppc64le',
      ]),
    )
    // The landing page switched in with the packages reports the night's four boot tests.
    const page = readFileSync(join(live(), 'index.html'), 'utf8')
    for (const name of [...BOOT_TEST_CELLS.map((cell) => cell.join('-')), 'hypervisor-nested'])
      expect(page).toMatch(new RegExp(`<strong>boot-test-${name}</strong>: pass: \\d+ checks`))
    expect(page).toContain('kernel-kvm-0:5.14.0-570.12.1.kvm1.el9.ppc64le')

    // Build provenance: the publish job attested every RPM and repomd.xml it published, signed,
    // as SLSA provenance; the page says how to verify one.
    expect(run.attestations.map((a) => `${a.job} ${a.predicateType}`)).toEqual([
      'pipeline/publish https://slsa.dev/provenance/v1',
    ])
    const provenance = unattested(live(), run.attestations)
    expect(provenance.published).toBeGreaterThan(10)
    expect(provenance.missing).toEqual([])
    expect(page).toMatch(/gh attestation verify \S+\.rpm --repo kvm-power\/kvm-power-actions/)
    attestations.push(...run.attestations)
  }, 900_000)

  it('ends after check-upstream when upstream has nothing new', async () => {
    const before = live()
    const run = await nightly()
    expect({ result: run.result, jobs: results(run) }).toEqual({
      result: 'success',
      jobs: {
        'pipeline/upstream': 'success',
        'pipeline/build': 'skipped',
        'pipeline/boot-test': 'skipped',
        'pipeline/hypervisor': 'skipped',
        'pipeline/trends': 'skipped',
        'pipeline/publish': 'skipped',
        pipeline: 'success',
      },
    })
    expect(live()).toBe(before)
  }, 300_000)

  it('publishes nothing when a boot test fails and opens an issue, which the next passing night closes', async () => {
    const before = live()
    await world.releaseKernel('570.13.1', { brokenKvmHv: true })
    const failed = await nightly()
    expect({ result: failed.result, jobs: results(failed) }).toEqual({
      result: 'failure',
      jobs: {
        'pipeline/upstream': 'success',
        'pipeline/build': 'success',
        'pipeline/boot-test (power9, kernel, radix)': 'success',
        'pipeline/boot-test (power9, nested, radix)': 'failure',
        'pipeline/boot-test (power10, kernel, radix)': 'success',
        'pipeline/boot-test (power10, nested, radix)': 'failure',
        'pipeline/boot-test (power9, kernel, hash)': 'success',
        'pipeline/boot-test (power10, kernel, hash)': 'success',
        'pipeline/hypervisor': 'success',
        'pipeline/trends': 'success',
        'pipeline/publish': 'skipped',
        pipeline: 'failure',
      },
    })
    expect(live()).toBe(before)
    const open = world.github.issues.filter((issue) => issue.state === 'open').map((issue) => issue.title)
    expect(open.sort()).toEqual([
      'kvm-actions: boot-test-guest power10 nested radix is failing',
      'kvm-actions: boot-test-guest power9 nested radix is failing',
    ])

    await world.releaseKernel('570.14.1')
    const passed = await nightly()
    expect({ result: passed.result, failures: failures(passed) }).toEqual({ result: 'success', failures: [] })
    expect(world.github.issues.map((issue) => `${issue.title}: ${issue.state}`).sort()).toEqual([
      'kvm-actions: boot-test-guest power10 nested radix is failing: closed',
      'kvm-actions: boot-test-guest power9 nested radix is failing: closed',
    ])
    const host = await hostSeesRepository(world.dirs.target, 'testing', world.scratch)
    expect(host.visible).toEqual(expect.arrayContaining(['kernel-core-0:5.14.0-570.14.1.kvm1.el9.ppc64le']))
    // The night that failed attested nothing; this one attested what it added, so every file
    // of the channel has its attestation from the night that published it.
    expect(failed.attestations).toEqual([])
    expect(passed.attestations.length).toBe(1)
    expect(unattested(live(), [...attestations, ...passed.attestations]).missing).toEqual([])
    expect(host.visible.filter((nevra) => nevra.startsWith('kernel-core-0:5.14.0-570.13.1'))).toEqual([])
  }, 900_000)
})
