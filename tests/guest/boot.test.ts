/**
 * @needs-system-tools
 * Real boots of Debian's ppc64le kernel under qemu-system-ppc64 (TCG, VOF), with a busybox initramfs. */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InfrastructureError, TestFailure } from '../../src/errors.js'
import { bootGuest, type BootOptions } from '../../src/guest/boot.js'
import { buildInitramfs, type GuestCheck } from '../../src/guest/initramfs.js'
import { ConsoleWatcher } from '../../src/guest/console.js'
import { GUEST_BUSYBOX, guestKernel } from '../support/guest.js'

async function boot(checks: GuestCheck[], overrides: Partial<BootOptions> = {}, extraInit = '') {
  const dir = mkdtempSync(join(tmpdir(), 'boot-'))
  const initrd = await buildInitramfs(dir, GUEST_BUSYBOX, { checks, setup: extraInit })
  return {
    dir,
    run: bootGuest({
      qemu: 'qemu-system-ppc64',
      kernel: guestKernel(),
      initrd,
      machine: 'pseries,x-vof=on',
      cpu: 'power9',
      memoryMb: 1024,
      smp: 1,
      accel: 'tcg',
      bootTimeoutMs: 60_000,
      consoleLog: join(dir, 'console.log'),
      ...overrides,
    }),
  }
}

describe('booting a ppc64le guest', () => {
  it('boots to the marker and records each check with its exit code', async () => {
    const { dir, run } = await boot([
      { name: 'cpu', command: 'grep -m1 "^cpu" /proc/cpuinfo' },
      { name: 'platform', command: 'grep -m1 "^platform" /proc/cpuinfo' },
      { name: 'no-such-file', command: 'cat /nonexistent' },
    ])
    const result = await run
    expect(result.checks.map((c) => [c.name, c.exitCode])).toEqual([
      ['cpu', 0],
      ['platform', 0],
      ['no-such-file', 1],
    ])
    expect(result.checks[0]!.output).toMatch(/^cpu\s+: POWER9/)
    expect(result.checks[1]!.output).toMatch(/^platform\s+: pSeries/)
    expect(result.timeline.kernel).toBeLessThan(result.timeline.userspace!)
    expect(result.timeline.userspace).toBeLessThan(result.timeline.ready!)
    expect(readFileSync(join(dir, 'console.log'), 'utf8')).toContain('KVM-ACTIONS-READY')
  }, 120_000)

  it('stops a check at its timeout and goes on with the next one', async () => {
    const { run } = await boot([
      { name: 'stuck', command: 'sleep 60', timeoutSeconds: 1 },
      { name: 'after', command: 'echo still here', timeoutSeconds: 5 },
    ])
    const result = await run
    expect(result.checks.map((c) => c.name)).toEqual(['stuck', 'after'])
    expect(result.checks[0]!.exitCode).not.toBe(0)
    expect(result.checks[1]).toMatchObject({ exitCode: 0, output: 'still here\n' })
    expect(result.shutdown).toBe('clean')
  }, 120_000)

  it('kills a guest that does not power off within the shutdown timeout', async () => {
    // The ready marker comes from a check that then hangs, so init never reaches poweroff.
    const { run } = await boot([{ name: 'ready-then-hang', command: 'echo KVM-ACTIONS-READY; sleep 600' }], {
      shutdownTimeoutMs: 1000,
    })
    const result = await run
    expect(result.timeline.ready).toBeDefined()
    expect(result.shutdown).toBe('killed')
    expect(result.timeline.end - result.timeline.ready!).toBeLessThan(5000)
  }, 120_000)

  it('reports a guest that panics as a test failure naming the panic line', async () => {
    const { run } = await boot([], {}, 'echo c > /proc/sysrq-trigger')
    await expect(run).rejects.toBeInstanceOf(TestFailure)
    await expect(run).rejects.toThrow(
      /^guest kernel panic at console line \d+: .*Kernel panic - not syncing: sysrq triggered crash/,
    )
  }, 120_000)

  it('fails a guest that never reaches its marker in time', async () => {
    const { run } = await boot([], { bootTimeoutMs: 8_000 }, 'sleep 600')
    await expect(run).rejects.toThrow('guest did not reach its ready marker within 8s')
  }, 120_000)

  it('reports a QEMU that cannot start as an infrastructure error', async () => {
    const { run } = await boot([], { machine: 'no-such-machine' })
    await expect(run).rejects.toBeInstanceOf(InfrastructureError)
    await expect(run).rejects.toThrow(
      /could not start the guest: qemu-system-ppc64: unsupported machine type/,
    )
  })
})

describe('the console classifier', () => {
  it.each([
    ['[    1.234567] Kernel panic - not syncing: VFS: Unable to mount root fs', 'kernel panic', 'fatal'],
    ['[    2.0] Oops: Kernel access of bad area, sig: 11 [#1]', 'oops', 'fatal'],
    ['[    3.0] kernel BUG at mm/slub.c:426!', 'kernel BUG', 'fatal'],
    ['[    3.0] BUG: unable to handle kernel data access', 'kernel BUG', 'fatal'],
    ['[   60.0] rcu: INFO: rcu_sched self-detected stall on CPU', 'RCU stall', undefined],
    ['[   30.0] watchdog: BUG: soft lockup - CPU#0 stuck for 22s!', 'soft lockup', undefined],
    [
      '[    4.0] WARNING: CPU: 0 PID: 1 at kernel/fork.c:123 copy_process+0x1/0x2',
      'kernel warning',
      undefined,
    ],
    ['dracut: Refusing to continue', 'emergency shell', 'fatal'],
    ['E3404: Not a bootable device!', 'SLOF error', 'fatal'],
    ["Couldn't negotiate a suitable PVR during CAS", 'CAS negotiation failure', 'fatal'],
    ['qemu-system-ppc64: Stopped as the VM requested "exit"', 'guest stopped', 'fatal'],
    [
      'qemu-system-ppc64: Requested safe cache capability level not supported by KVM',
      'QEMU error',
      undefined,
    ],
  ])('classifies %j', (line, kind, verdict) => {
    const watcher = new ConsoleWatcher([/READY/])
    expect(watcher.feed(line)).toBe(verdict)
    expect(watcher.findings[0]).toMatchObject({ kind, line: line.trim(), lineNumber: 1 })
  })

  it('sees the marker and ignores ordinary lines', () => {
    const watcher = new ConsoleWatcher([/^login: $/, /Cloud-init v\. \S+ finished/])
    expect(watcher.feed('[    0.0] Linux version 6.1.0')).toBeUndefined()
    expect(watcher.feed('Cloud-init v. 23.4 finished at Wed, 25 Nov 2026')).toBe('ready')
    expect(watcher.markerLine).toBe(2)
  })
})
