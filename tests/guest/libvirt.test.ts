/**
 * @needs-system-tools
 * The libvirt launcher: the nova-shaped domain, and real boots through libvirtd and virsh. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { domainXml, machineToDomain } from '../../src/guest/libvirt.js'
import { guestKernel, runBootTestGuest } from '../support/guest.js'
import { ensureLibvirtd } from '../support/libvirt.js'

describe('the libvirt domain', () => {
  it('carries the capability levels and nested-hv as features, the rest as -machine options', () => {
    expect(
      machineToDomain('pseries,accel=kvm,kvm-type=HV,x-vof=on,cap-nested-hv=on,cap-htm=off,cap-cfpc=broken'),
    ).toEqual({
      type: 'kvm',
      features: ["<nested-hv state='on'/>", "<htm state='off'/>", "<cfpc value='broken'/>"],
      raw: ['x-vof=on'],
    })
  })

  it('is defined the way nova defines ppc64 guests', () => {
    const text = domainXml({
      name: 'kvm-actions-x',
      uri: 'qemu:///system',
      qemu: '/usr/bin/qemu-system-ppc64',
      kernel: '/k/vmlinux',
      initrd: '/k/initrd.cpio',
      machine: 'pseries,x-vof=on',
      cpu: 'power10',
      memoryMb: 2048,
      smp: 2,
      accel: 'tcg',
      bootTimeoutMs: 1000,
      consoleLog: '/r/console.log',
    })
    for (const line of [
      "<domain type='qemu'",
      "<type arch='ppc64le' machine='pseries'>hvm</type>",
      "<model fallback='forbid'>POWER10</model>",
      "<controller type='usb' model='qemu-xhci'/>",
      "<input type='keyboard' bus='usb'/>",
      "<input type='mouse' bus='usb'/>",
      "<input type='tablet' bus='usb'/>",
      "<interface type='user'><model type='virtio'/>",
      "<qemu:arg value='x-vof=on'/>",
      "<memory unit='MiB'>2048</memory>",
    ])
      expect(text).toContain(line)
  })
})

describe('booting through libvirt for real', () => {
  beforeAll(ensureLibvirtd, 60_000)

  const boot = (inputs: Record<string, string>) =>
    runBootTestGuest({ launcher: 'libvirt', kernel: guestKernel(), ...inputs })

  it('boots the guest with nova’s USB input devices and runs the same console checks', async () => {
    const run = await boot({
      scenario: 'kernel',
      checks: 'cpu: grep -m1 ^cpu /proc/cpuinfo',
    })
    expect(run.out).toMatch(/Launcher\s+libvirt/)
    expect(run.code).toBe(0)
    const results = JSON.parse(readFileSync(join(run.dir, 'results.json'), 'utf8'))
    expect(results.checks[0].output).toMatch(/^cpu\s+: POWER9/)
    expect(readFileSync(join(run.dir, 'domain.xml'), 'utf8')).toContain("<input type='tablet' bus='usb'/>")
    expect(readFileSync(join(run.dir, 'console.log'), 'utf8')).toContain('KVM-ACTIONS-READY')
  }, 120_000)

  it('runs the nested scenario through libvirt with <nested-hv state=on/>', async () => {
    const run = await boot({ scenario: 'nested' })
    expect(run.code).toBe(0)
    expect(readFileSync(join(run.dir, 'domain.xml'), 'utf8')).toContain("<nested-hv state='on'/>")
    const results = JSON.parse(readFileSync(join(run.dir, 'results.json'), 'utf8'))
    expect(results.checks.map((c: { exitCode: number }) => c.exitCode)).toEqual([0, 0, 0])
  }, 180_000)

  it('negotiates a refused capability through libvirt as well', async () => {
    const run = await boot({ scenario: 'kernel', 'machine-options': 'cap-htm=on', checks: 'ok: true' })
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/^machine=pseries,x-vof=on,cap-htm=off$/m)
    expect(readFileSync(join(run.dir, 'domain.xml'), 'utf8')).toContain("<htm state='off'/>")
  }, 120_000)
})
