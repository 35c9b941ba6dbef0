/**
 * @needs-system-tools
 * Booting build-kernel's and patch-qemu's outputs straight from their RPMs, unpacked, not installed. */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { guestKernel, guestKernelVersion, guestKvmModules, runBootTestGuest } from '../support/guest.js'
import { standInRpm } from '../support/stand-in-rpms.js'

/** A folder of RPMs laid out as EL's kernel-core and kernel-kvm, holding Debian's ppc64le kernel and KVM modules. */
function kernelRpmFolder(): string {
  const kver = guestKernelVersion()
  const kvmDir = guestKvmModules()
  const dir = mkdtempSync(join(tmpdir(), 'kernel-rpms-'))
  const rpms = [
    standInRpm('kernel-core', [{ path: `/lib/modules/${kver}/vmlinuz`, from: guestKernel(), mode: 0o755 }]),
    standInRpm('kernel-kvm', [
      { path: `/lib/modules/${kver}/kernel/arch/powerpc/kvm/kvm.ko`, from: join(kvmDir, 'kvm.ko') },
      { path: `/lib/modules/${kver}/kernel/arch/powerpc/kvm/kvm-hv.ko`, from: join(kvmDir, 'kvm-hv.ko') },
    ]),
  ]
  for (const rpm of rpms) copyFileSync(rpm, join(dir, basename(rpm)))
  return dir
}

const boot = runBootTestGuest

describe('guests from RPMs', () => {
  it('boots the kernel from its RPMs as the nested hypervisor, modules included', async () => {
    const run = await boot({ scenario: 'nested', 'kernel-rpms': kernelRpmFolder() })
    expect(run.code).toBe(0)
    const command = readFileSync(join(run.dir, 'qemu-command.txt'), 'utf8')
    expect(command).toMatch(
      new RegExp(
        `-kernel \\S+/kernel-root/lib/modules/${guestKernelVersion().replace(/\./g, '\\.')}/vmlinuz`,
      ),
    )
    const results = JSON.parse(readFileSync(join(run.dir, 'results.json'), 'utf8'))
    expect(results.checks.map((c: { exitCode: number }) => c.exitCode)).toEqual([0, 0, 0])
  }, 180_000)

  it('runs the emulator from qemu-kvm RPMs with their own firmware folder', async () => {
    const qemu = standInRpm('qemu-kvm-core', [
      // Stands in for the POWER build of qemu-kvm: the x86 emulator of this host.
      { path: '/usr/libexec/qemu-kvm', content: '#!/bin/sh\nexec qemu-system-ppc64 "$@"\n', mode: 0o755 },
      { path: '/usr/share/qemu-kvm/vof.bin', from: '/usr/share/qemu/vof.bin' },
    ])
    const run = await boot({
      scenario: 'kernel',
      kernel: guestKernel(),
      'qemu-rpms': qemu,
      checks: 'ok: true',
    })
    expect(run.code).toBe(0)
    const command = readFileSync(join(run.dir, 'qemu-command.txt'), 'utf8')
    expect(command).toMatch(
      /^\S+\/qemu-root\/usr\/libexec\/qemu-kvm -L \S+\/qemu-root\/usr\/share\/qemu-kvm /,
    )
  }, 120_000)

  it('names kernel RPMs without a kernel image', async () => {
    const rpm = standInRpm('kernel-modules', [
      { path: `/lib/modules/${guestKernelVersion()}/modules.order`, content: '' },
    ])
    const run = await boot({ scenario: 'kernel', 'kernel-rpms': rpm })
    expect(run.code).toBe(1)
    expect(run.out).toContain(
      "Configuration error: Input 'kernel-rpms' holds no kernel image (1 kernel package(s) unpacked); expected kernel-core with /lib/modules/<kver>/vmlinuz",
    )
  }, 60_000)
})
