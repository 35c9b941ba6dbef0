/**
 * @needs-system-tools
 *
 * KVM inside a PowerVM LPAR (host-mode lpar-nested-v2), emulated: L0 is QEMU 10 with
 * cap-nested-papr=on (PowerVM's nested API v2) instead of cap-nested-hv, L1 is Debian's Linux 6.12
 * (the API v2 is Linux 6.7+), and the L2 QEMU 10 inside L1 is negotiated like L0. Each such boot
 * takes a minute or more under emulation: those cases run where KVM_NESTED_LPAR=1 is set (ci.yml's
 * nested-lpar job); .ci/run keeps the refusals that need no L2.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { l2ThreadsSeen } from '../../src/guest/nested.js'
import { GUEST_QEMU10_DIR, guestKernel, guestKernel612, QEMU10, runBootTestGuest } from '../support/guest.js'

const lpar = process.env.KVM_NESTED_LPAR === '1'
const LPAR = {
  scenario: 'nested',
  'host-mode': 'lpar-nested-v2',
  qemu: QEMU10,
  'nested-qemu': GUEST_QEMU10_DIR,
  accel: 'tcg',
}

function results(dir: string) {
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as {
    checks: { name: string; exitCode: number; output: string }[]
    guestView: { threadsPerCore?: number; release?: string }
    findings: { kind: string; harmless?: string }[]
  }
}

describe('the LPAR configuration’s refusals', () => {
  it('needs a QEMU with the nested API v2: QEMU 7.2 is a configuration error naming the input', async () => {
    const run = await runBootTestGuest({ ...LPAR, qemu: 'qemu-system-ppc64', kernel: guestKernel612() })
    expect(run.code).toBe(1)
    expect(run.out).toContain(
      "Configuration error: Input 'host-mode' is lpar-nested-v2, but qemu-system-ppc64 has no cap-nested-papr",
    )
  }, 60_000)

  it('fails an L1 kernel without the nested API v2 (Linux 6.1): kvm_hv cannot load, and the log says why', async () => {
    const run = await runBootTestGuest({ ...LPAR, kernel: guestKernel() })
    expect(run.code).toBe(1)
    const { checks, findings } = results(run.dir)
    expect(checks[0]).toMatchObject({ name: 'kvm_hv loads' })
    expect(checks[0]!.exitCode).not.toBe(0)
    const console = readFileSync(join(run.dir, 'console.log'), 'utf8')
    expect(console).toMatch(/Parent hypervisor does not support nesting/)
    expect(findings.some((f) => f.kind === 'nested v2: LPID flush')).toBe(false)
  }, 180_000)
})

describe('KVM in a PowerVM LPAR, emulated', () => {
  // Declared only where they run (see the header), not skipped.
  if (!lpar) return

  it('L2 reaches its marker under KVM inside a Linux 6.12 L1 once the negotiation inside L1 added L2’s settings', async () => {
    const run = await runBootTestGuest({ ...LPAR, kernel: guestKernel612() })
    expect(run.code).toBe(0)
    expect(readFileSync(join(run.dir, 'qemu-command.txt'), 'utf8')).toContain(
      'pseries,x-vof=on,cap-nested-hv=off,cap-nested-papr=on',
    )
    const { checks, findings, guestView } = results(run.dir)
    expect(guestView.release).toMatch(/^6\.12\./)
    expect(checks.map((c) => [c.name, c.exitCode])).toEqual([
      ['kvm_hv loads', 0],
      ['/dev/kvm', 0],
      ['L2 guest under KVM', 0],
    ])
    expect(checks[2]!.output).toContain('L2| KVM-ACTIONS-READY')
    // Debian's 4 KiB-page L1 under the API v2: QEMU refuses 64 KiB guest pages, names the host's.
    expect(run.out).toMatch(
      /L2 \(inside L1\)\s+1\s+pseries,x-vof=on,kvm-type=HV\s+.*64 kiB guest pages.*cap-hpt-max-page-size=4k/,
    )
    expect(run.out).toMatch(
      /L2 \(inside L1\)\s+2\s+pseries,x-vof=on,kvm-type=HV,cap-hpt-max-page-size=4k\s+started/,
    )
    expect(run.out).toContain('l2-machine=pseries,x-vof=on,kvm-type=HV,cap-hpt-max-page-size=4k')
    // The mode's known messages: listed as harmless, not dropped.
    expect(findings.filter((f) => f.harmless).map((f) => f.kind)).toContain('nested v2: LPID flush')
    expect(run.out).toContain('Known harmless messages')
    expect(run.out).toMatch(/Configuration\s+lpar-nested-v2, emulated: L0 offers PowerVM’s nested API v2/)
  }, 600_000)

  it('with SMT in L1 and in L2 (POWER10, 2 threads per core each) and L2’s setting pinned by l2-machine-options', async () => {
    const run = await runBootTestGuest({
      ...LPAR,
      kernel: guestKernel612(),
      cpu: 'power10',
      smp: '2',
      threads: '2',
      'l2-threads': '2',
      'l2-machine-options': 'cap-hpt-max-page-size=4k',
    })
    expect(run.code).toBe(0)
    const { checks, guestView } = results(run.dir)
    expect(guestView.threadsPerCore).toBe(2)
    // L2's own view, relayed by L1 (the action fails the boot when it differs from l2-threads).
    expect(l2ThreadsSeen(checks[2]!.output)).toBe(2)
    expect(checks[2]!.output).toMatch(/^L2\| .*CPU maps initialized for 2 threads per core$/m)
    expect(checks[2]!.output).toContain('L2| KVM-ACTIONS-READY')
    // Pinned: the first attempt starts.
    expect(checks[2]!.output).not.toContain('KVM-ACTIONS-L2-FIX')
    expect(run.out).toMatch(
      /L2 \(inside L1\)\s+1\s+pseries,x-vof=on,kvm-type=HV,cap-hpt-max-page-size=4k\s+started/,
    )
  }, 600_000)

  it('Linux 6.12 is an L1 in the nested API v1 configuration too (QEMU 7.2, cap-nested-hv)', async () => {
    const run = await runBootTestGuest({ scenario: 'nested', kernel: guestKernel612(), accel: 'tcg' })
    expect(run.code).toBe(0)
    const { checks } = results(run.dir)
    expect(checks[2]!.output).toContain('L2| KVM-ACTIONS-READY')
  }, 600_000)
})
