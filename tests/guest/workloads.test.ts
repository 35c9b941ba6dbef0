/**
 * @needs-system-tools
 * Workloads and guest configurations in real emulated guests: stress-ng and fio in a kernel
 * guest and in nested L1 and L2, a planted kernel WARN, radix and hash guests, and a request the
 * guest did not honour.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { guestKernel, runBootTestGuest, type GuestRun } from '../support/guest.js'

const made: string[] = []
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

async function boot(inputs: Record<string, string>): Promise<GuestRun> {
  const run = await runBootTestGuest({ kernel: guestKernel(), ...inputs })
  made.push(run.workspace)
  return run
}

const STRESS = 'cpu-vm: stress-ng --cpu 1 --vm 1 --vm-bytes 48M --timeout 2s'
const FIO =
  'randrw: fio --name=randrw --filename=$SCRATCH_DISK --rw=randrw --bs=4k --size=32M --runtime=2 --time_based --direct=1'
// Debian's kernel has no lkdtm to provoke a real WARN: the workload writes one through /dev/kmsg,
// which the kernel prints on the console exactly as it prints its own.
const WARN = 'warn: echo "<4>WARNING: CPU: 0 PID: 1 at kvm-actions/planted.c:7 planted+0x0/0x10" > /dev/kmsg'

const metricNames = (run: GuestRun, guest: string) =>
  (
    JSON.parse(readFileSync(`${run.dir}/results.json`, 'utf8')) as {
      workloads: { guest: string; metrics: { name: string; value: number }[] }[]
    }
  ).workloads
    .filter((w) => w.guest === guest)
    .flatMap((w) => w.metrics.filter((m) => m.value > 0).map((m) => m.name))

describe('workloads in the guest', () => {
  it('runs stress-ng cpu/vm and fio randrw in a hash-MMU kernel guest, parses their metrics, and fails the workload that made a WARN', async () => {
    const run = await boot({
      scenario: 'kernel',
      mmu: 'hash',
      'kernel-args': 'printk.time=1',
      workloads: [STRESS, FIO, WARN].join('\n'),
    })
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /Test failure: workload warn failed in guest: kernel warning while it ran: \[\s*[\d.]+\] WARNING: CPU: 0 PID: 1 at kvm-actions\/planted\.c:7 planted\+0x0\/0x10\n/,
    )
    expect(metricNames(run, 'guest')).toEqual([
      'cpu bogo-ops/s',
      'vm bogo-ops/s',
      'randrw read IOPS',
      'randrw read p99 latency',
      'randrw write IOPS',
      'randrw write p99 latency',
    ])
    // What the guest saw, in the summary; the command line carried the request.
    expect(run.out).toMatch(/MMU\s+hash\s+hash: hash-mmu: Initializing hash mmu/)
    expect(readFileSync(`${run.dir}/qemu-command.txt`, 'utf8')).toContain(
      'console=hvc0 panic=-1 disable_radix printk.time=1',
    )
    const junit = readFileSync(`${run.dir}/junit.xml`, 'utf8')
    expect(junit).toMatch(/<property name="cpu bogo-ops\/s \(bogo-ops\/s\)" value="[\d.]+"\/>/)
    expect(junit).toMatch(
      /<testcase classname="boot-test-guest.workload.guest" name="warn">\n\s+<failure message="kernel warning while it ran/,
    )
    const metrics = JSON.parse(readFileSync(`${run.dir}/metrics.json`, 'utf8')) as {
      config: Record<string, string>
      metrics: { name: string }[]
    }
    expect(metrics.config).toEqual({ cpu: 'power9', mmu: 'hash' })
    expect(metrics.metrics.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'boot: time to ready marker',
        'guest cpu-vm: cpu bogo-ops/s',
        'guest randrw: randrw write IOPS',
      ]),
    )
  }, 300_000)

  it('runs the same workloads in nested L1 and L2 and reports L2 ÷ L1 per metric', async () => {
    const run = await boot({ scenario: 'nested', workloads: [STRESS, FIO].join('\n') })
    expect(run.code).toBe(0)
    expect(metricNames(run, 'L1')).toContain('randrw read IOPS')
    expect(metricNames(run, 'L2')).toEqual(metricNames(run, 'L1'))
    expect(run.out).toContain('Virtualization overhead (L2 ÷ L1)')
    expect(run.out).toMatch(/cpu-vm\s+cpu bogo-ops\/s\s+[\d.]+ bogo-ops\/s\s+[\d.]+ bogo-ops\/s\s+\d+\.\d\d/)
    expect(run.out).toMatch(/randrw\s+randrw write p99 latency\s+[\d.]+ µs\s+[\d.]+ µs\s+\d+\.\d\d/)
    expect(run.out).toMatch(/MMU\s+\(default\)\s+radix: lpar: Using radix MMU under hypervisor/)
  }, 300_000)
})

describe('guest configurations', () => {
  it('boots a radix guest held to power9 on a power10 CPU, and reports what it saw', async () => {
    const run = await boot({ scenario: 'kernel', mmu: 'radix', cpu: 'power10', 'cpu-compat': 'power9' })
    expect(run.code).toBe(0)
    expect(readFileSync(`${run.dir}/qemu-command.txt`, 'utf8')).toContain('max-cpu-compat=power9')
    expect(run.out).toMatch(/CPU\s+max-cpu-compat=power9\s+POWER9 \(architected\)/)
    expect(run.out).toMatch(/Threads per core\s+\(default\)\s+1/)
  }, 120_000)

  it('fails a boot whose guest did not honour the request, naming what it ran', async () => {
    // radix asked, but the kernel arguments turn it off: the guest runs hash.
    const run = await boot({ scenario: 'kernel', mmu: 'radix', 'kernel-args': 'disable_radix' })
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /Test failure: the guest did not run as asked: asked for a radix MMU; the guest runs hash \(kernel: "hash-mmu: Initializing hash mmu/,
    )
    expect(existsSync(`${run.dir}/metrics.json`)).toBe(true)
  }, 120_000)

  it('refuses a hash L1 for nested and kernel settings for the image scenario before any work', async () => {
    const run = await boot({ scenario: 'nested', mmu: 'hash' })
    expect(run.code).toBe(1)
    expect(run.out).toContain("Input 'mmu' is hash, but nested KVM-HV needs a radix L1")
    const image = await runBootTestGuest({ scenario: 'image', mmu: 'hash', 'kernel-args': 'quiet' })
    made.push(image.workspace)
    expect(image.code).toBe(1)
    expect(image.out).toContain(
      "Input 'kernel-args' applies to the generated guests of scenarios kernel and nested; scenario image boots the image's own kernel",
    )
    expect(image.out).toContain("Input 'mmu' applies to the generated guests")
  }, 60_000)
})
