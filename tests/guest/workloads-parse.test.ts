/** Workload output as the tools print it, and the collector that reads it off the console. */
import { ConsoleWatcher } from '../../src/guest/console.js'
import { configMismatches, configuredKernelArgs } from '../../src/guest/guest-config.js'
import {
  fioMetrics,
  metricsCommand,
  overheadRatios,
  stressNgMetrics,
  WorkloadCollector,
  workloadFailure,
} from '../../src/guest/workloads.js'

const STRESS_NG_YAML = [
  '---',
  'system-info:',
  '      stress-ng-version: 0.15.06',
  '      machine: ppc64le',
  '',
  'metrics:',
  '    - stressor: cpu',
  '      bogo-ops: 72',
  '      bogo-ops-per-second-usr-sys-time: 24.09',
  '      bogo-ops-per-second-real-time: 23.94',
  '',
  '    - stressor: vm',
  '      bogo-ops: 21410',
  '      bogo-ops-per-second-real-time: 7043.68',
  '...',
].join('\n')

const fioJson = (readIops: number, p99ns: number) =>
  JSON.stringify({
    'fio version': 'fio-3.33',
    jobs: [
      {
        jobname: 'randrw',
        read: { io_bytes: 4096, iops: readIops, clat_ns: { percentile: { '99.000000': p99ns } } },
        write: { io_bytes: 4096, iops: readIops + 1, clat_ns: { percentile: { '99.000000': p99ns * 2 } } },
        trim: { io_bytes: 0, iops: 0 },
      },
    ],
  })

describe('workload metrics', () => {
  it('reads bogo-ops/s per stressor from stress-ng --yaml', () => {
    expect(stressNgMetrics(STRESS_NG_YAML)).toEqual([
      { name: 'cpu bogo-ops/s', value: 23.94, unit: 'bogo-ops/s', better: 'higher' },
      { name: 'vm bogo-ops/s', value: 7043.68, unit: 'bogo-ops/s', better: 'higher' },
    ])
  })

  it('reads IOPS and p99 latency (µs) per job and direction from fio JSON, skipping directions without I/O', () => {
    const metrics = fioMetrics(`note: a notice first\n${fioJson(1059.6, 1515520)}`)
    expect(metrics.map((m) => `${m.name}=${m.value}`)).toEqual([
      'randrw read IOPS=1059.6',
      'randrw read p99 latency=1515.52',
      'randrw write IOPS=1060.6',
      'randrw write p99 latency=3031.04',
    ])
    expect(metrics.find((m) => m.name.endsWith('latency'))!.better).toBe('lower')
  })

  it('adds the machine-readable output flags to stress-ng and fio only', () => {
    expect(metricsCommand('stress-ng --cpu 1 --timeout 3s')).toBe(
      'stress-ng --cpu 1 --timeout 3s --metrics --yaml "$KVM_METRICS"',
    )
    expect(metricsCommand('fio --name=x')).toMatch(/--output-format=json --output="\$KVM_METRICS"$/)
    expect(metricsCommand('dd if=/dev/zero of=/dev/null count=1')).toBe(
      'dd if=/dev/zero of=/dev/null count=1',
    )
  })
})

describe('the workload collector', () => {
  function collect(lines: [string, string][], commands: Record<string, string>) {
    const watcher = new ConsoleWatcher([/^KVM-ACTIONS-READY$/])
    const collector = new WorkloadCollector(new Map(Object.entries(commands)))
    for (const [guest, line] of lines) {
      const before = watcher.findings.length
      watcher.feed(line)
      collector.feed(guest, line, watcher.findings.slice(before))
    }
    return collector.results
  }

  it('parses metrics between markers, per guest, and gives the L2 ÷ L1 ratio', () => {
    const run = (guest: string, iops: number): [string, string][] => [
      [guest, 'KVM-ACTIONS-WORKLOAD-BEGIN randrw'],
      [guest, 'Jobs: 1 (f=1): [m(1)]\rKVM-ACTIONS-METRICS-BEGIN'],
      ...fioJson(iops, 1000)
        .split('\n')
        .map((line): [string, string] => [guest, line]),
      [guest, 'KVM-ACTIONS-METRICS-END'],
      [guest, 'KVM-ACTIONS-WORKLOAD-END rc=0'],
    ]
    const results = collect([...run('L2', 50), ...run('L1', 200)], { randrw: 'fio --name=randrw' })
    expect(results.map((r) => [r.guest, r.metrics[0]!.value, workloadFailure(r)])).toEqual([
      ['L2', 50, undefined],
      ['L1', 200, undefined],
    ])
    expect(overheadRatios(results).find((row) => row.metric === 'randrw read IOPS')!.ratio).toBeCloseTo(0.25)
  })

  it('fails a workload during which the kernel printed a WARN, with the line', () => {
    const [result] = collect(
      [
        ['guest', 'KVM-ACTIONS-WORKLOAD-BEGIN warn'],
        ['guest', '[   11.43] WARNING: CPU: 0 PID: 1 at mm/slub.c:42 kmem_cache_alloc+0x10/0x20'],
        ['guest', 'KVM-ACTIONS-WORKLOAD-END rc=0'],
      ],
      { warn: 'true' },
    )
    expect(workloadFailure(result!)).toBe(
      'kernel warning while it ran: [   11.43] WARNING: CPU: 0 PID: 1 at mm/slub.c:42 kmem_cache_alloc+0x10/0x20',
    )
  })

  it('fails a stress-ng run that wrote no metrics, and an OOM kill', () => {
    const results = collect(
      [
        ['guest', 'KVM-ACTIONS-WORKLOAD-BEGIN quiet'],
        ['guest', 'KVM-ACTIONS-WORKLOAD-END rc=0'],
        ['guest', 'KVM-ACTIONS-WORKLOAD-BEGIN oom'],
        ['guest', '[   20.1] Out of memory: Killed process 120 (stress-ng-vm) total-vm:1024kB'],
        ['guest', 'KVM-ACTIONS-WORKLOAD-END rc=137'],
      ],
      { quiet: 'stress-ng --cpu 1', oom: 'stress-ng --vm 1' },
    )
    expect(results.map(workloadFailure)).toEqual([
      'stress-ng wrote no machine-readable output',
      'OOM kill while it ran: [   20.1] Out of memory: Killed process 120 (stress-ng-vm) total-vm:1024kB',
    ])
  })
})

describe('guest configuration', () => {
  it('asks a hash guest with disable_radix before the user’s arguments', () => {
    expect(configuredKernelArgs({ mmu: 'hash' }, 'quiet')).toBe('disable_radix quiet')
    expect(configuredKernelArgs({}, undefined)).toBeUndefined()
  })

  it('names each way the guest differs from the request', () => {
    const view = {
      mmu: 'hash',
      threadsPerCore: 1,
      cpu: 'POWER10 (architected), altivec supported',
      mmuLine: 'hash-mmu: Initializing hash mmu with SLB',
    }
    expect(configMismatches({ mmu: 'radix', threads: 2, cpuCompat: 'power9' }, view)).toEqual([
      'asked for a radix MMU; the guest runs hash (kernel: "hash-mmu: Initializing hash mmu with SLB")',
      'asked for 2 threads per core; the guest sees 1',
      "asked for max-cpu-compat=power9; the guest's CPU is POWER10 (architected), altivec supported",
    ])
    expect(configMismatches({ mmu: 'hash', threads: 1, cpuCompat: 'power10' }, view)).toEqual([])
  })
})
