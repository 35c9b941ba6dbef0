/**
 * @needs-system-tools
 * The matrix a workflow runs: CPU generations and guest sizes, and several guests at once on one runner. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { guestKernel, runBootTestGuest } from '../support/guest.js'

async function boot(inputs: Record<string, string>) {
  const run = await runBootTestGuest({ scenario: 'kernel', kernel: guestKernel(), ...inputs })
  const file = join(run.dir, 'results.json')
  const results = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { checks: [] }) as {
    checks: { name: string; exitCode: number; output: string }[]
  }
  return { ...run, checks: results.checks }
}

describe('the guest matrix', () => {
  it.each([
    ['power9', '1', '1024'],
    ['power10', '2', '2048'],
  ])(
    'boots a %s guest with %s CPUs and %s MiB',
    async (cpu, smp, memory) => {
      const run = await boot({
        cpu,
        smp,
        memory,
        checks:
          'cpu: grep -m1 ^cpu /proc/cpuinfo\ncpus: grep -c ^processor /proc/cpuinfo\nmemory: grep MemTotal /proc/meminfo',
      })
      expect(run.code).toBe(0)
      const [model, cpus, mem] = run.checks
      expect(model!.output).toMatch(new RegExp(`^cpu\\s+: ${cpu.toUpperCase()}`))
      expect(cpus!.output.trim()).toBe(smp)
      const kb = Number(/(\d+) kB/.exec(mem!.output)![1])
      expect(kb).toBeGreaterThan(Number(memory) * 1024 * 0.8)
      expect(kb).toBeLessThanOrEqual(Number(memory) * 1024)
    },
    120_000,
  )

  it('takes extra ready markers, and names a bad one', async () => {
    const run = await boot({ 'ready-markers': 'Linux version \\d', checks: 'ok: true' })
    expect(run.code).toBe(0)
    const results = JSON.parse(
      readFileSync(join(run.workspace, 'kvm-actions-results/boot-test-guest/results.json'), 'utf8'),
    ) as { timeline: { ready: number; userspace: number } }
    expect(results.timeline.ready).toBeLessThan(results.timeline.userspace)
    const bad = await boot({ 'ready-markers': 'login: (' })
    expect(bad.code).toBe(1)
    expect(bad.out).toContain('Configuration error: Input \'ready-markers\' has an invalid value "login: ("')
  }, 120_000)

  it('runs several guests at once, each with its own folders, without collisions', async () => {
    const runs = await Promise.all(
      ['one', 'two', 'three'].map((name) => boot({ checks: `name: echo ${name}` })),
    )
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0])
    expect(runs.map((run) => run.checks[0]!.output.trim())).toEqual(['one', 'two', 'three'])
    expect(new Set(runs.map((run) => run.workspace)).size).toBe(3)
  }, 120_000)
})
