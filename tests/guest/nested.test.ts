/**
 * @needs-system-tools
 *
 * The nested scenario for real: Debian's ppc64le kernel boots as L1 under TCG with
 * cap-nested-hv=on, loads kvm_hv, and runs an L2 guest with KVM using Debian's ppc64el
 * qemu-system-ppc64 that setup-host.sh unpacks.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { bootGuest } from '../../src/guest/boot.js'
import { buildInitramfs } from '../../src/guest/initramfs.js'
import { GUEST_BUSYBOX, guestKernel, GUEST_KERNELS, runBootTestGuest } from '../support/guest.js'
import { machineOptions } from '../../src/guest/machine.js'
import {
  GUEST_QEMU_DIR,
  kvmModules,
  libraryClosure,
  l2Command,
  nestedPayload,
} from '../../src/guest/nested.js'
import { moduleDepends, modulesBesideKernel } from '../../src/guest/modules.js'
import { writeTree } from '../support/fixtures.js'
import { ConfigurationError, TestFailure } from '../../src/errors.js'
import { standInRpm } from '../support/stand-in-rpms.js'

const modinfo = (depends: string) =>
  Buffer.from(`\0license=GPL\0depends=${depends}\0vermagic=6.1\0`, 'latin1')

describe('the nested scenario’s parts', () => {
  it('offers nested KVM-HV to L1 and runs L2 with KVM through L1’s own loader', () => {
    const power9 = {
      architecture: 'ppc64le',
      generation: 'POWER9',
      platform: 'powernv',
      kvmDevice: 'usable',
      kvmHvLoaded: true,
      xive: true,
    } as const
    const request = { cpu: 'power9', nested: true, extra: [] }
    expect(machineOptions(power9, { ...request, accel: 'tcg' })).toBe('pseries,x-vof=on,cap-nested-hv=on')
    expect(machineOptions(power9, { ...request, accel: 'kvm' })).toBe(
      'pseries,accel=kvm,kvm-type=HV,x-vof=on,cap-nested-hv=on',
    )
    expect(l2Command({ l2MemoryMb: 512, l2TimeoutSeconds: 300 })).toEqual([
      'timeout',
      '300',
      '/lib64/ld64.so.2',
      '--library-path',
      '/usr/lib/kvm-actions-qemu',
      '/usr/bin/qemu-system-ppc64',
      '-L',
      '/usr/share/qemu',
      '-M',
      'pseries,x-vof=on,kvm-type=HV',
      '-accel',
      'kvm',
      '-m',
      '512',
      '-nographic',
      '-no-reboot',
      '-nodefaults',
      '-serial',
      'stdio',
      '-kernel',
      '/l2/vmlinux',
      '-initrd',
      '/l2/initramfs.cpio',
      '-append',
      'console=hvc0 panic=-1',
    ])
  })

  it('finds the modules, decompresses them and loads dependencies first', async () => {
    const tree = writeTree({}, 'modules-')
    const kvmDir = join(tree, 'kernel/arch/powerpc/kvm')
    execFileSync('mkdir', ['-p', kvmDir, join(tree, 'kernel/lib')])
    writeFileSync(join(kvmDir, 'kvm-hv.ko'), modinfo('kvm,helper'))
    writeFileSync(join(kvmDir, 'kvm.ko'), modinfo(''))
    writeFileSync(join(tree, 'kernel/lib/helper.ko'), modinfo('kvm'))
    execFileSync('xz', [join(kvmDir, 'kvm.ko')])
    const out = mkdtempSync(join(tmpdir(), 'plain-'))
    const modules = await kvmModules(tree, out)
    expect(modules.map((file) => basename(file))).toEqual(['kvm.ko', 'helper.ko', 'kvm-hv.ko'])
    expect(moduleDepends(readFileSync(modules[0]!))).toEqual([])
    expect(modulesBesideKernel(guestKernel())).toBe(
      join(GUEST_KERNELS, 'modules', basename(guestKernel()).replace('vmlinux-', '')),
    )
  })

  it('fails the test, naming the folder and the config, when the kernel has no kvm modules', async () => {
    const root = writeTree(
      {
        'modules/lib/modules/6.1.0-test/kernel/drivers/virtio.ko': 'x',
        'config-6.1.0-test': '# CONFIG_KVM_BOOK3S_64_HV is not set\n',
      },
      'modules-',
    )
    const modules = join(root, 'modules/lib/modules/6.1.0-test')
    const failure = kvmModules(modules, mkdtempSync(join(tmpdir(), 'plain-')))
    await expect(failure).rejects.toBeInstanceOf(TestFailure)
    await expect(failure).rejects.toThrow(
      `kvm_hv is missing: the L1 kernel's modules (${modules}) have no kvm-hv.ko, so it cannot host a KVM guest (its config has # CONFIG_KVM_BOOK3S_64_HV is not set); build it with CONFIG_KVM_BOOK3S_64_HV=m, as build-kernel's KVM profile sets it`,
    )
  })

  it('takes modules built into the kernel as present', async () => {
    const modules = writeTree(
      {
        'kernel/arch/powerpc/kvm/kvm.ko': modinfo(''),
        'modules.builtin': 'kernel/arch/powerpc/kvm/kvm-hv.ko\n',
      },
      'modules-',
    )
    const loaded = await kvmModules(modules, mkdtempSync(join(tmpdir(), 'plain-')))
    expect(loaded.map((file) => basename(file))).toEqual(['kvm.ko'])
  })
})

describe('nested KVM for real', () => {
  it('boots L1, loads kvm_hv with nested=Y and reaches the L2 marker under KVM inside L1', async () => {
    const { code, out, dir } = await runBootTestGuest({
      scenario: 'nested',
      kernel: guestKernel(),
      checks: 'kvm-version: cat /sys/module/kvm_hv/parameters/nested',
    })
    expect(out).toContain('L2 guest  ')
    expect(code).toBe(0)
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))
    expect(results.checks.map((c: { name: string; exitCode: number }) => [c.name, c.exitCode])).toEqual([
      ['kvm_hv loads', 0],
      ['/dev/kvm', 0],
      ['L2 guest under KVM', 0],
      ['kvm-version', 0],
    ])
    expect(results.checks[2].output).toContain('L2| KVM-ACTIONS-READY')
    expect(results.timeline.l2Ready).toBeGreaterThan(results.timeline.l2Start)
    const command = readFileSync(join(dir, 'qemu-command.txt'), 'utf8')
    expect(command).toContain('pseries,x-vof=on,cap-nested-hv=on')
    expect(command).toContain('-m 2048')
    expect(out).toMatch(/L2 QEMU\s+qemu-system-ppc64 7\.\d+\.\d+ \(Debian [^)]+\) from /)
  }, 180_000)

  it('negotiates a refusal inside L1 instead of failing: a pinned cap-htm=on becomes off for L2', async () => {
    // L1's KVM (on an emulated POWER9 without transactional memory) cannot give L2 HTM; its QEMU
    // says which setting to use.
    const { code, out, dir } = await runBootTestGuest({
      scenario: 'nested',
      kernel: guestKernel(),
      'l2-machine-options': 'cap-htm=on',
    })
    expect(code).toBe(0)
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))
    const l2 = results.checks.find((c: { name: string }) => c.name === 'L2 guest under KVM')
    expect(l2.exitCode).toBe(0)
    expect(l2.output).toContain('KVM-ACTIONS-L2-FIX cap-htm=off')
    expect(out).toMatch(
      /L2 \(inside L1\)\s+1\s+pseries,x-vof=on,kvm-type=HV,cap-htm=on\s+.*Transactional Memory.*cap-htm=off/,
    )
    expect(out).toMatch(/L2 \(inside L1\)\s+2\s+pseries,x-vof=on,kvm-type=HV,cap-htm=off\s+started/)
    expect(out).toContain('l2-machine=pseries,x-vof=on,kvm-type=HV,cap-htm=off')
  }, 180_000)

  it('still fails, with QEMU’s own words, when no setting can help the L2 QEMU inside L1', async () => {
    const { code, out, dir } = await runBootTestGuest({
      scenario: 'nested',
      kernel: guestKernel(),
      'l2-machine-options': 'cap-hpt-max-page-size=2k',
    })
    expect(code).toBe(1)
    expect(out).toContain('Test failure: guest checks failed: L2 guest under KVM (exit code 1)')
    expect(out).toMatch(
      /the L2 QEMU inside L1 refused to start: qemu-system-ppc64: .*Require at least 4kiB hpt-max-page-size/,
    )
    expect(out).toContain('l2-machine=pseries,x-vof=on,kvm-type=HV,cap-hpt-max-page-size=2k')
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))
    expect(results.checks.map((c: { name: string; exitCode: number }) => [c.name, c.exitCode])).toEqual([
      ['kvm_hv loads', 0],
      ['/dev/kvm', 0],
      ['L2 guest under KVM', 1],
    ])
  }, 180_000)

  it('runs L2 with the candidate qemu-kvm from its RPMs, and says so', async () => {
    // A stand-in qemu-kvm-core: its /usr/libexec/qemu-kvm is Debian's ppc64el emulator, as the
    // pipeline's stand-in kernel is Debian's kernel; its libraries come from nested-qemu's lib/.
    const rpm = standInRpm(
      'qemu-kvm-core',
      [
        {
          path: '/usr/libexec/qemu-kvm',
          from: join(GUEST_QEMU_DIR, 'bin', 'qemu-system-ppc64'),
          mode: 0o755,
        },
      ],
      '9.1.0',
      '15.el9.kvm1',
    )
    const { code, out, dir } = await runBootTestGuest({
      scenario: 'nested',
      kernel: guestKernel(),
      'l2-qemu-rpms': rpm,
    })
    expect(code).toBe(0)
    expect(out).toMatch(/L2 QEMU\s+qemu-kvm-core-9\.1\.0-15\.el9\.kvm1 \(the candidate, from l2-qemu-rpms\)/)
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))
    expect(results.checks[2].output).toContain('L2| KVM-ACTIONS-READY')
  }, 180_000)

  it('names every library the candidate needs that no folder has', async () => {
    const lonely = writeTree({}, 'libs-')
    const failure = libraryClosure(join(GUEST_QEMU_DIR, 'bin', 'qemu-system-ppc64'), [lonely])
    await expect(failure).rejects.toBeInstanceOf(ConfigurationError)
    await expect(failure).rejects.toThrow(
      new RegExp(`qemu-system-ppc64 needs .*libglib-2\\.0\\.so\\.0.*, found in none of ${lonely}`),
    )
  })

  it('refuses l2-qemu-rpms outside the nested scenario', async () => {
    const { code, out } = await runBootTestGuest({
      scenario: 'kernel',
      kernel: guestKernel(),
      'l2-qemu-rpms': 'nothing/',
    })
    expect(code).toBe(1)
    expect(out).toContain(
      "Input 'l2-qemu-rpms' runs the L2 guest of scenario nested; scenario kernel has no L2 guest",
    )
  })

  it('refuses l2-machine-options outside the nested scenario, SMT8 for a POWER9 L2, and host-mode lpar-nested-v2 for a disk image', async () => {
    const l2 = await runBootTestGuest({
      scenario: 'kernel',
      kernel: guestKernel(),
      'l2-machine-options': 'cap-hpt-max-page-size=4k',
    })
    expect(l2.code).toBe(1)
    expect(l2.out).toContain(
      "Input 'l2-machine-options' sets the L2 QEMU of scenario nested; expected machine-options for scenario kernel",
    )
    const threads = await runBootTestGuest({ scenario: 'nested', kernel: guestKernel(), 'l2-threads': '8' })
    expect(threads.code).toBe(1)
    expect(threads.out).toContain("Input 'l2-threads' is 8, but POWER9 runs 1, 2, 4 threads per core (SMT4)")
    const image = await runBootTestGuest({ scenario: 'image', 'host-mode': 'lpar-nested-v2' })
    expect(image.code).toBe(1)
    expect(image.out).toContain("Input 'host-mode' lpar-nested-v2 applies to scenarios kernel and nested")
  })

  it('does not pass an L1 without nested support: kvm_hv fails, /dev/kvm appears anyway, L2 never starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nested-'))
    const payload = await nestedPayload(dir, {
      guestQemuDir: GUEST_QEMU_DIR,
      modulesDir: modulesBesideKernel(guestKernel())!,
      l2Kernel: guestKernel(),
      busybox: GUEST_BUSYBOX,
      l2MemoryMb: 512,
      l2TimeoutSeconds: 60,
    })
    const initrd = await buildInitramfs(dir, GUEST_BUSYBOX, { checks: payload.checks, files: payload.files })
    const result = await bootGuest({
      qemu: 'qemu-system-ppc64',
      kernel: guestKernel(),
      initrd,
      machine: 'pseries,x-vof=on', // no cap-nested-hv
      cpu: 'power9',
      memoryMb: 2048,
      smp: 1,
      accel: 'tcg',
      bootTimeoutMs: 120_000,
      consoleLog: join(dir, 'console.log'),
    })
    const byName = Object.fromEntries(result.checks.map((check) => [check.name, check]))
    expect(byName['kvm_hv loads']!.exitCode).not.toBe(0)
    expect(byName['/dev/kvm']!.exitCode).toBe(0)
    expect(byName['L2 guest under KVM']!.exitCode).not.toBe(0)
    expect(result.timeline.l2Ready).toBeUndefined()
    expect(readFileSync(join(dir, 'console.log'), 'utf8')).toMatch(/does not support nesting|nested/i)
  }, 180_000)
})
