/**
 * @needs-system-tools
 *
 * SMT for real: QEMU 10 (bookworm-backports, unpacked by setup-host.sh) emulates threads per core
 * on pseries; the guest's own view is checked and a workload runs on every thread. QEMU 7.2 runs
 * one thread per core, and says so: the action turns that into a configuration error.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { smtProblems } from '../../src/guest/guest-config.js'
import { guestKernel, QEMU10, runBootTestGuest } from '../support/guest.js'

describe('SMT limits', () => {
  it('accepts the modes each generation runs and names the input and the accepted values otherwise', () => {
    expect(smtProblems({ threads: 4, smp: 8, cpu: 'power9' })).toEqual([])
    expect(smtProblems({ threads: 8, smp: 8, cpu: 'power10' })).toEqual([])
    expect(smtProblems({ threads: 8, smp: 8, cpu: 'power9' })).toEqual([
      "Input 'threads' is 8, but POWER9 runs 1, 2, 4 threads per core (SMT4); expected threads 1, 2, 4, or cpu power10 for SMT8",
    ])
    // Held to POWER9 on a POWER10 CPU: POWER9's limit.
    expect(smtProblems({ threads: 8, smp: 8, cpu: 'power10', cpuCompat: 'power9' })[0]).toContain('SMT4')
    // cpu host: the probed generation's.
    expect(smtProblems({ threads: 8, smp: 8, cpu: 'host', hostGeneration: 'POWER10' })).toEqual([])
    expect(smtProblems({ threads: 3, smp: 6, cpu: 'power10' })[0]).toContain('expected threads 1, 2, 4, 8')
    expect(smtProblems({ threads: 4, smp: 6, cpu: 'power9' })).toEqual([
      "Input 'smp' is 6, which is not a whole number of 4-thread cores; expected a multiple of threads (4)",
    ])
  })

  it('refuses SMT8 on POWER9 before anything boots, exit code 1', async () => {
    const run = await runBootTestGuest({
      scenario: 'kernel',
      kernel: guestKernel(),
      qemu: QEMU10,
      cpu: 'power9',
      smp: '8',
      threads: '8',
    })
    expect(run.code).toBe(1)
    expect(run.out).toContain(
      "Configuration error: Input 'threads' is 8, but POWER9 runs 1, 2, 4 threads per core",
    )
    expect(run.out).not.toMatch(/\n\s+at /)
  })
})

describe('SMT guests for real', () => {
  it.each([
    ['power9', '2', '2'],
    ['power9', '4', '4'],
    ['power10', '8', '8'],
  ])(
    'QEMU 10: a %s guest with %s CPUs, %s threads per core, a workload on every thread',
    async (cpu, smp, threads) => {
      const run = await runBootTestGuest({
        scenario: 'kernel',
        kernel: guestKernel(),
        qemu: QEMU10,
        accel: 'tcg',
        cpu,
        smp,
        threads,
        checks: 'siblings: cat /sys/devices/system/cpu/cpu0/topology/thread_siblings_list',
        workloads: `cpu: stress-ng --cpu ${smp} --cpu-method fft --timeout 3s --metrics-brief`,
      })
      expect(run.code).toBe(0)
      const results = JSON.parse(readFileSync(join(run.dir, 'results.json'), 'utf8'))
      // The guest's own view (the action fails a boot whose view differs from the request).
      expect(results.guestView.threadsPerCore).toBe(Number(threads))
      expect(results.checks[0].output.trim()).toBe(`0-${Number(threads) - 1}`)
      expect(run.out).toMatch(new RegExp(`Threads per core\\s+${threads}\\s+${threads}`))
      // -L: QEMU 10's own firmware, not the system QEMU's.
      expect(readFileSync(join(run.dir, 'qemu-command.txt'), 'utf8')).toContain(
        `-L /var/cache/kvm-actions/qemu10/share/qemu`,
      )
      const [workload] = results.workloads
      expect(workload.exitCode).toBe(0)
      // stress-ng ran one instance per thread ("dispatching hogs: N cpu").
      expect(workload.output).toMatch(new RegExp(`dispatching hogs: ${smp} cpu`))
      expect(workload.metrics.length).toBeGreaterThan(0)
    },
    180_000,
  )

  it('QEMU 7.2: threads 2 is a configuration error naming the input and the QEMU that emulates SMT', async () => {
    const run = await runBootTestGuest({
      scenario: 'kernel',
      kernel: guestKernel(),
      accel: 'tcg',
      smp: '2',
      threads: '2',
    })
    expect(run.code).toBe(1)
    expect(run.out).toContain(
      'Configuration error: Input \'threads\' is 2, but qemu-system-ppc64 emulates at most 1 thread(s) per core under TCG ("TCG cannot support more than 1 thread/core")',
    )
    expect(run.out).toContain(QEMU10)
  }, 60_000)
})
