import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { keptForArch } from '../../src/rpm/spec.js'
import {
  keepSlof,
  liftToolsOnly,
  passPpc64Devices,
  restoreLibvirtQemuArches,
} from '../../src/qemu/spec-edits.js'
import { FIXTURES } from '../support/fixtures.js'

const specLines = (fixture: string, spec: string) =>
  readFileSync(join(FIXTURES, fixture, 'SPECS', spec), 'utf8').split('\n')

describe('keptForArch', () => {
  const lines = ['%ifarch %{power64}', 'a', '%else', 'b', '%endif', '%ifnarch ppc64le', 'c', '%endif', 'd']
  it.each([
    [1, true, false],
    [3, false, true],
    [6, false, true],
    [8, true, true],
  ])('line %i: power64 %s, x86_64 %s', (index, power, x86) => {
    expect(keptForArch(lines, index, ['%{power64}', 'ppc64le'])).toBe(power)
    expect(keptForArch(lines, index, ['x86_64'])).toBe(x86)
  })
})

describe.each(['qemu-kvm-8', 'qemu-kvm-9'])('qemu-kvm edits on the %s spec shape', (fixture) => {
  it('lifts tools_only on power64 only', () => {
    const lines = specLines(fixture, 'qemu-kvm.spec')
    const edit = liftToolsOnly(lines, 'qemu-kvm.spec')
    expect(edit.detail).toMatch(/^set to 0 for power64/)
    const settings = lines.filter((line) => /tools_only\s+\d/.test(line)).map((line) => line.trim())
    expect(settings).toEqual(['%global tools_only 0', '%global tools_only 0'])
    expect(liftToolsOnly(lines, 'qemu-kvm.spec').detail).toBe('already enabled upstream: 0 on power64')
  })

  it('keeps slof.bin on ppc64le and lists it in qemu-kvm-core', () => {
    const lines = specLines(fixture, 'qemu-kvm.spec')
    keepSlof(lines, 'qemu-kvm.spec')
    const rm = lines.findIndex((line) => /^rm .*slof\.bin$/.test(line))
    expect(lines.slice(rm - 1, rm + 2)).toEqual([
      '%ifnarch ppc64le',
      'rm -rf %{buildroot}%{_datadir}/%{name}/slof.bin',
      '%endif',
    ])
    const core = lines.indexOf('%files -n qemu-kvm-core')
    expect(lines.slice(core + 1, core + 5)).toEqual([
      '%{_libexecdir}/qemu-kvm',
      '%ifarch ppc64le',
      '%{_datadir}/%{name}/slof.bin',
      '%endif',
    ])
    expect(keepSlof(lines, 'qemu-kvm.spec').detail).toBe('already enabled upstream: kept and packaged')
  })
})

describe('the devices option', () => {
  it('is added for power64 before the other arches’ block on the 9.1+ shape', () => {
    const lines = specLines('qemu-kvm-9', 'qemu-kvm.spec')
    passPpc64Devices(lines, 'qemu-kvm.spec')
    const at = lines.indexOf('%ifarch %{power64}', lines.indexOf('run_configure \\', lines.indexOf('%else')))
    expect(lines.slice(at, at + 5)).toEqual([
      '%ifarch %{power64}',
      '  --with-devices-ppc64=ppc64-rh-devices \\',
      '%endif',
      '%ifarch x86_64 aarch64 s390x',
      '  --with-devices-%{kvm_target}=%{kvm_target}-rh-devices \\',
    ])
  })

  it('is left alone on the 8.x shape, which passes it for every arch', () => {
    const lines = specLines('qemu-kvm-8', 'qemu-kvm.spec')
    const before = [...lines]
    expect(passPpc64Devices(lines, 'qemu-kvm.spec').detail).toBe(
      'already enabled upstream: passed on power64: --with-devices-%{kvm_target}=%{kvm_target}-rh-devices \\',
    )
    expect(lines).toEqual(before)
  })
})

describe('a spec that changed shape', () => {
  it.each([
    [
      'tools_only',
      (lines: string[]) =>
        liftToolsOnly(
          lines.filter((line) => !line.includes('tools_only')),
          'qemu-kvm.spec',
        ),
      "qemu-kvm.spec: cannot lift tools_only for power64: expected '%global tools_only 1' inside '%ifarch %{power64}'. The spec has changed shape; add an autopatch recipe for this version",
    ],
    [
      'devices option',
      (lines: string[]) =>
        passPpc64Devices(
          lines.filter((line) => !line.includes('--with-devices')),
          'qemu-kvm.spec',
        ),
      "qemu-kvm.spec: cannot pass --with-devices-ppc64=ppc64-rh-devices: expected a configure line with '--with-devices-<arch>=<arch>-rh-devices' in %build. The spec has changed shape; add an autopatch recipe for this version",
    ],
    [
      'slof removal',
      (lines: string[]) =>
        keepSlof(
          lines.filter((line) => !line.includes('slof.bin')),
          'qemu-kvm.spec',
        ),
      "qemu-kvm.spec: cannot keep slof.bin on ppc64le: expected 'rm -rf %{buildroot}%{_datadir}/%{name}/slof.bin' in %install. The spec has changed shape; add an autopatch recipe for this version",
    ],
    [
      'core %files',
      (lines: string[]) =>
        keepSlof(
          lines.map((line) => line.replace('%files -n qemu-kvm-core', '%files -n qemu-kvm-engine')),
          'qemu-kvm.spec',
        ),
      "qemu-kvm.spec: cannot package slof.bin: expected a '%files -n qemu-kvm-core' section. The spec has changed shape; add an autopatch recipe for this version",
    ],
  ])('fails naming the expected line: %s', (_name, edit, message) => {
    expect(() => edit(specLines('qemu-kvm-9', 'qemu-kvm.spec'))).toThrow(message)
  })
})

describe('libvirt', () => {
  it('puts power64 back into arches_qemu_kvm where it is missing', () => {
    const lines = specLines('libvirt', 'libvirt.spec')
    expect(restoreLibvirtQemuArches(lines, 'libvirt.spec').detail).toBe('%{power64} added (line 7)')
    expect(
      lines.filter((line) => line.includes('%define arches_qemu_kvm')).map((line) => line.trim()),
    ).toEqual([
      '%define arches_qemu_kvm         %{ix86} x86_64 %{power64} %{arm} aarch64 s390x riscv64',
      '%define arches_qemu_kvm     x86_64 aarch64 s390x %{power64}',
      '%define arches_qemu_kvm     x86_64 %{power64} aarch64 s390x',
    ])
  })

  it('fails naming the expected definition when there is none', () => {
    const lines = specLines('libvirt', 'libvirt.spec').filter((line) => !line.includes('arches_qemu_kvm '))
    expect(() => restoreLibvirtQemuArches(lines, 'libvirt.spec')).toThrow(
      "libvirt.spec: cannot build the QEMU driver on ppc64le: expected '%define arches_qemu_kvm x86_64 aarch64 s390x' (the rhel > 8 branch). The spec has changed shape; add an autopatch recipe for this version",
    )
  })
})
