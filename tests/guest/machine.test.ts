/**
 * @needs-system-tools
 * The machine options: derived from the probe, then negotiated with QEMU's own refusals. */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cpuModel, machineOptions, negotiate, suggestedOption } from '../../src/guest/machine.js'
import { l2Attempts, refusalSed } from '../../src/guest/nested.js'
import { execFileSync } from 'node:child_process'
import type { HostProbe } from '../../src/guest/probe.js'
import { guestKernel, runBootTestGuest } from '../support/guest.js'

const host = (generation: string, xive: boolean): HostProbe => ({
  architecture: 'ppc64le',
  generation,
  platform: 'powernv',
  kvmDevice: 'usable',
  kvmHvLoaded: true,
  xive,
})

describe('machine options from the probe', () => {
  it('runs a POWER9 guest on a POWER10 host as the host CPU in POWER9 compatibility mode', () => {
    const request = { accel: 'kvm', cpu: 'power9', nested: false, extra: [] } as const
    expect(machineOptions(host('POWER10', true), request)).toBe(
      'pseries,accel=kvm,kvm-type=HV,x-vof=on,max-cpu-compat=power9',
    )
    expect(cpuModel(host('POWER10', true), request)).toBe('host')
    expect(cpuModel(host('POWER9', true), request)).toBe('power9')
  })

  it('gives a guest XICS on a host without XIVE, and lets the user’s options win', () => {
    expect(
      machineOptions(host('POWER8', false), {
        accel: 'kvm',
        cpu: 'host',
        nested: false,
        extra: ['x-vof=off', 'cap-ccf-assist=off'],
      }),
    ).toBe('pseries,accel=kvm,kvm-type=HV,ic-mode=xics,x-vof=off,cap-ccf-assist=off')
  })

  it.each([
    [
      'qemu-system-ppc64: No Transactional Memory support in TCG\nTry appending -machine cap-htm=off',
      'cap-htm=off',
    ],
    [
      'qemu-kvm: Requested count cache flush assist capability level not supported by KVM, try appending -machine cap-ccf-assist=off',
      'cap-ccf-assist=off',
    ],
    [
      'qemu-kvm: kernel_irqchip requested but unavailable: IRQ_XIVE capability must be present for KVM',
      'kernel-irqchip=off',
    ],
    [
      "qemu-system-ppc64: Can't support 64 kiB guest pages with 4 kiB host pages with this KVM implementation",
      'cap-hpt-max-page-size=4k',
    ],
    [
      'qemu-system-ppc64: Requested safe bounds check capability level not supported by KVM\nTry appending -machine cap-sbbc=broken',
      'cap-sbbc=broken',
    ],
    ['qemu-kvm: failed to initialize kvm: Permission denied', undefined],
  ])('reads the fix QEMU suggests: %s', (output, fix) => {
    expect(suggestedOption(output)).toBe(fix)
    // L1's shell reads the same refusal with the same rules (sed -E, as busybox runs it there).
    const sed = execFileSync('sed', ['-nE', ...refusalSed()], { input: output, encoding: 'utf8' })
    expect(sed.split('\n')[0]!.toLowerCase() || undefined).toBe(fix)
  })

  it('offers PowerVM’s nested API v2 to L1 in the LPAR configuration', () => {
    expect(
      machineOptions(host('POWER10', true), {
        accel: 'tcg',
        cpu: 'power10',
        nested: true,
        nestedApi: 'v2',
        extra: [],
      }),
    ).toBe('pseries,x-vof=on,cap-nested-hv=off,cap-nested-papr=on')
  })

  it('reads L2’s attempts back from what L1 printed', () => {
    const output = [
      'KVM-ACTIONS-L2-MACHINE pseries,x-vof=on,kvm-type=HV',
      "L2| qemu-system-ppc64: Can't support 64 kiB guest pages with 4 kiB host pages with this KVM implementation",
      '[   21.1] KVM: TLB LPID invalidation hcall failed, rc=-2',
      'KVM-ACTIONS-L2-FIX cap-hpt-max-page-size=4k',
      'KVM-ACTIONS-L2-MACHINE pseries,x-vof=on,kvm-type=HV,cap-hpt-max-page-size=4k',
      'L2| qemu-system-ppc64: warning: Many guests require at least 64kiB hpt-max-page-size',
      'L2| KVM-ACTIONS-READY',
    ].join('\n')
    expect(l2Attempts(output)).toEqual([
      {
        machine: 'pseries,x-vof=on,kvm-type=HV',
        refusal:
          "qemu-system-ppc64: Can't support 64 kiB guest pages with 4 kiB host pages with this KVM implementation",
        fix: 'cap-hpt-max-page-size=4k',
      },
      { machine: 'pseries,x-vof=on,kvm-type=HV,cap-hpt-max-page-size=4k' },
    ])
  })
})

describe('negotiation', () => {
  const refusing = (refusals: Record<string, string>) => async (machine: string) => {
    const refusal = Object.entries(refusals).find(([needed]) => !machine.includes(needed))
    if (refusal) throw Object.assign(new Error('refused'), { output: refusal[1] })
    return machine
  }
  const outputOf = (error: unknown) => (error as { output?: string }).output

  it('retries with each suggested setting until QEMU starts, and records every attempt', async () => {
    const start = refusing({
      'cap-cfpc=broken':
        'Requested safe cache capability level not supported by KVM, try appending -machine cap-cfpc=broken',
      'cap-ccf-assist=off': 'try appending -machine cap-ccf-assist=off',
    })
    const { result, attempts } = await negotiate('pseries,accel=kvm', start, outputOf)
    expect(result).toBe('pseries,accel=kvm,cap-cfpc=broken,cap-ccf-assist=off')
    expect(attempts.map((a) => a.fix)).toEqual(['cap-cfpc=broken', 'cap-ccf-assist=off', undefined])
  })

  it('gives up on a refusal without a suggestion, or one that does not help', async () => {
    await expect(
      negotiate('pseries', refusing({ never: 'failed to initialize kvm' }), outputOf),
    ).rejects.toThrow('refused')
    const attempts: unknown[] = []
    const stubborn = async () => {
      throw Object.assign(new Error('still refused'), { output: 'try appending -machine cap-htm=off' })
    }
    await expect(negotiate('pseries', stubborn, outputOf, attempts as never)).rejects.toThrow('still refused')
    expect(attempts).toHaveLength(2)
  })
})

describe('negotiation with QEMU for real', () => {
  const boot = (inputs: Record<string, string>) =>
    runBootTestGuest({ scenario: 'kernel', kernel: guestKernel(), ...inputs })

  it('boots after QEMU refuses cap-htm=on under TCG and suggests cap-htm=off', async () => {
    const run = await boot({ 'machine-options': 'cap-htm=on', checks: 'ok: true' })
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/^machine=pseries,x-vof=on,cap-htm=off$/m)
    expect(run.out).toMatch(
      /1\s+pseries,x-vof=on,cap-htm=on\s+qemu-system-ppc64: No Transactional Memory support in TCG\s+cap-htm=off/,
    )
    const command = readFileSync(
      join(run.workspace, 'kvm-actions-results/boot-test-guest/qemu-command.txt'),
      'utf8',
    )
    expect(command).toContain('pseries,x-vof=on,cap-htm=off')
  }, 60_000)

  it('follows a chain of KVM refusals (a stand-in qemu that refuses like KVM, then runs the real one)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-qemu-'))
    const fake = join(dir, 'qemu-kvm-like')
    writeFileSync(
      fake,
      [
        '#!/bin/bash',
        'machine=$(printf "%s\\n" "$@" | grep -A1 -x -- -M | tail -1)',
        'case "$machine" in',
        '  *cap-cfpc=broken*) ;;',
        '  *) echo "qemu-kvm: Requested safe cache capability level not supported by KVM" >&2',
        '     echo "Try appending -machine cap-cfpc=broken" >&2; exit 1;;',
        'esac',
        'case "$machine" in',
        '  *kernel-irqchip=off*) ;;',
        '  *) echo "qemu-kvm: kernel_irqchip requested but unavailable: IRQ_XIVE capability must be present for KVM" >&2; exit 1;;',
        'esac',
        'exec qemu-system-ppc64 "$@"',
        '',
      ].join('\n'),
    )
    chmodSync(fake, 0o755)
    const run = await boot({ qemu: fake, checks: 'ok: true' })
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/^machine=pseries,x-vof=on,cap-cfpc=broken,kernel-irqchip=off$/m)
  }, 60_000)
})
