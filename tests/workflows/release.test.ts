/**
 * @needs-system-tools
 *
 * release.yml through the local runner: the pipeline from pinned versions, publishing to stable
 * only after the `release` environment's gate, then a GitHub release (in-memory API) whose body
 * lists the rebuilt NEVRs and the boot-test results.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { unattested } from '../support/attestations.js'
import { hostSeesRepository } from '../support/dnf-host.js'
import { BOOT_TEST_CELLS, createPipelineWorld, type PipelineWorld } from '../support/pipeline-stand-ins.js'
import { failures } from '../support/workflow-runner/runner.js'

let world: PipelineWorld
const gates: { environment: string; job: string; stableExisted: boolean }[] = []
beforeAll(async () => {
  world = await createPipelineWorld('release', {
    approve: (environment, job) => {
      gates.push({ environment, job, stableExisted: existsSync(join(world.dirs.target, '9', 'stable')) })
    },
  })
}, 300_000)
afterAll(async () => world.close())

describe('release.yml through the local runner', () => {
  it('publishes to stable only after the environment gate, then releases with the NEVRs and results', async () => {
    const run = await world.runner.run('.github/workflows/release.yml', {
      name: 'workflow_dispatch',
      inputs: {
        'kernel-version': '5.14.0-570.12.1.el9',
        'qemu-version': '9.1.0-15.el9',
        channel: 'stable',
        'dry-run': false,
      },
    })
    expect({ result: run.result, failures: failures(run) }).toEqual({ result: 'success', failures: [] })
    expect(run.jobs.map((job) => job.path)).toEqual(
      expect.arrayContaining(['pipeline/publish', 'github-release']),
    )
    expect(run.dangling).toEqual([])

    // The gate: recorded once, for the publish job, before anything existed in stable.
    expect(gates).toEqual([{ environment: 'release', job: 'pipeline/publish', stableExisted: false }])
    const approved = run.timeline.findIndex((entry) => entry.kind === 'environment-approved')
    const publishStarted = run.timeline.findIndex(
      (entry) => entry.kind === 'job-started' && entry.job === 'pipeline/publish',
    )
    expect(approved).toBeGreaterThanOrEqual(0)
    expect(approved).toBeLessThan(publishStarted)

    expect(world.github.unknown).toEqual([])
    expect(world.github.releases).toHaveLength(1)
    const release = world.github.releases[0]!
    expect(release.tag_name).toBe('kvm-5.14.0-570.12.1.kvm1.el9')
    expect(release.body).toContain('Published to the stable channel.')
    for (const nvr of [
      'kernel-5.14.0-570.12.1.kvm1.el9',
      'qemu-kvm-9.1.0-15.el9.kvm1',
      'libvirt-10.10.0-7.el9.kvm1',
    ])
      expect(release.body).toContain(`- ${nvr}\n`)
    for (const cell of BOOT_TEST_CELLS.map((c) => c.join('-')))
      expect(release.body).toMatch(new RegExp(`- boot-test-${cell}: .*=0`))
    expect(release.assets.map((asset) => asset.name)).toEqual(['boot-test-results.tar.gz'])
    expect(release.assets[0]!.size).toBeGreaterThan(0)

    // Build provenance for every RPM and repomd.xml published to stable, after signing.
    expect(run.attestations.map((a) => `${a.job} ${a.predicateType}`)).toEqual([
      'pipeline/publish https://slsa.dev/provenance/v1',
    ])
    const provenance = unattested(join(world.dirs.target, '9', 'stable'), run.attestations)
    expect(provenance.published).toBeGreaterThan(10)
    expect(provenance.missing).toEqual([])

    const host = await hostSeesRepository(world.dirs.target, 'stable', world.scratch)
    expect(host.visible).toEqual(expect.arrayContaining(['kernel-kvm-0:5.14.0-570.12.1.kvm1.el9.ppc64le']))
  }, 900_000)
})
