/**
 * Workloads inside the guest: stress-ng and fio from a read-only tools disk, fio on a scratch
 * disk, their machine-readable output (stress-ng --metrics --yaml, fio --output-format=json)
 * relayed on the console between markers and parsed into metrics. A kernel WARN, soft lockup,
 * RCU stall or OOM kill printed while a workload runs fails that workload.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parse } from 'yaml'
import { ConfigurationError, InfrastructureError } from '../errors.js'
import { exec } from '../exec/exec.js'
import { shellWord } from '../exec/shell.js'
import type { GuestCheck, GuestDisk, InitramfsFile } from './initramfs.js'
import type { ConsoleFinding } from './console.js'
import { moduleClosure } from './modules.js'

/** Where scripts/setup-host.sh unpacks Debian's ppc64el stress-ng and fio with their libraries. */
export const WORKLOAD_TOOLS_DIR = '/var/cache/kvm-actions/guest-workloads'
/** The virtio-blk serials by which the guest finds its disks. */
export const TOOLS_SERIAL = 'kvm-tools'
export const SCRATCH_SERIAL = 'kvm-scratch'
/** The modules the guest loads for the disks: virtio-blk and the tools disk's ISO 9660. */
export const WORKLOAD_MODULES = ['virtio_pci', 'virtio_blk', 'isofs']
/** The kernel message classes that fail a workload they interrupt. */
export const WORKLOAD_FAILING_KINDS = new Set(['kernel warning', 'soft lockup', 'RCU stall', 'OOM kill'])

/** A `name: command` line as checks are (stress-ng and fio get their output flags added), with its timeout. */
export type Workload = Required<GuestCheck>

export interface WorkloadMetric {
  /** Such as `cpu bogo-ops/s` or `randrw read p99 latency`. */
  name: string
  value: number
  unit: string
  /** Which way is better: a trend flags the other direction. */
  better: 'higher' | 'lower'
}

export interface WorkloadResult {
  name: string
  /** Which guest ran it: `guest` (kernel scenario), `L1` or `L2` (nested). */
  guest: string
  exitCode: number
  output: string
  metrics: WorkloadMetric[]
  /** Kernel messages printed while it ran that fail it. */
  kernelMessages: ConsoleFinding[]
  /** Why its metrics could not be read, when they could not. */
  metricsError?: string
  /** Why it failed (workloadFailure), set once it ended; absent when it passed. */
  failure?: string
}

export const WORKLOAD_BEGIN = 'KVM-ACTIONS-WORKLOAD-BEGIN'
export const WORKLOAD_END = 'KVM-ACTIONS-WORKLOAD-END'
export const METRICS_BEGIN = 'KVM-ACTIONS-METRICS-BEGIN'
export const METRICS_END = 'KVM-ACTIONS-METRICS-END'
/**
 * The metrics file, in a folder of the run's own (made by workloadRuns): an image guest may be any
 * machine, and a fixed name in its /tmp would be shared with, or left for, whatever else runs there.
 */
const METRICS_FILE = '"$KVM_METRICS"'
const WORKLOAD_END_LINE = new RegExp(`^${WORKLOAD_END} rc=(\\d+)$`)

/** The tool a workload runs, when it is one whose output is parsed. */
export function workloadTool(command: string): 'stress-ng' | 'fio' | undefined {
  const program = command.trim().split(/\s+/)[0]
  return program === 'stress-ng' || program === 'fio' ? program : undefined
}

/** The command with the flags that make its tool write machine-readable output to METRICS_FILE. */
export function metricsCommand(command: string): string {
  const tool = workloadTool(command)
  if (tool === 'stress-ng')
    return `${command}${/--metrics\b/.test(command) ? '' : ' --metrics'} --yaml ${METRICS_FILE}`
  if (tool === 'fio') return `${command} --eta=never --output-format=json --output=${METRICS_FILE}`
  return command
}

/**
 * The init lines that load the disk modules, mount the tools disk and put stress-ng and fio on
 * PATH (run through the tools' own loader and libraries), with SCRATCH_DISK naming the scratch disk.
 */
export function workloadSetup(moduleFiles: string[]): string {
  return [
    ...moduleFiles.map((file) => `insmod ${file} 2>/dev/null`),
    `kvm_disk() { for d in /sys/block/vd*; do [ "$(cat "$d/serial" 2>/dev/null)" = "$1" ] && echo "/dev/\${d##*/}" && return; done; }`,
    // The disks appear once virtio has probed them, shortly after insmod returns.
    `i=0; while [ -z "$(kvm_disk ${TOOLS_SERIAL})" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done`,
    'TOOLS_DISK=$(kvm_disk ' + TOOLS_SERIAL + ')',
    'export SCRATCH_DISK=$(kvm_disk ' + SCRATCH_SERIAL + ')',
    'echo "KVM-ACTIONS-DISKS tools=$TOOLS_DISK scratch=$SCRATCH_DISK"',
    'mkdir -p /opt/kvm-workloads && mount -t iso9660 -o ro "$TOOLS_DISK" /opt/kvm-workloads',
    'mkdir -p /usr/bin',
    ...['stress-ng', 'fio'].map(
      (tool) =>
        `printf '#!/bin/sh\\nexec /opt/kvm-workloads/lib/ld64.so.2 --library-path /opt/kvm-workloads/lib /opt/kvm-workloads/bin/${tool} "$@"\\n' > /usr/bin/${tool}; chmod 755 /usr/bin/${tool}`,
    ),
    'export PATH=/usr/bin:$PATH',
  ].join('\n')
}

/** The init lines that run each workload between markers and relay its metrics file. */
export function workloadRuns(workloads: Workload[]): string {
  const runs = workloads
    .flatMap((workload) => [
      `rm -f ${METRICS_FILE}; echo ${shellWord(`${WORKLOAD_BEGIN} ${workload.name}`)}`,
      `timeout ${workload.timeoutSeconds} sh -c ${shellWord(metricsCommand(workload.command))} 2>&1; rc=$?`,
      // A tool's last progress line may lack its newline: the marker starts a line of its own.
      `if [ -s ${METRICS_FILE} ]; then echo; echo ${METRICS_BEGIN}; cat ${METRICS_FILE}; echo; echo ${METRICS_END}; fi`,
      `echo "${WORKLOAD_END} rc=$rc"`,
    ])
    .join('\n')
  return [
    'kvm_metrics_dir=$(mktemp -d) && export KVM_METRICS="$kvm_metrics_dir/metrics"',
    runs,
    'rm -rf "$kvm_metrics_dir"',
  ].join('\n')
}

/**
 * One workload in an image guest over SSH: its tools from the image's own packages, as root
 * (through sudo for the image's user), with SCRATCH_DISK the scratch disk found by its serial.
 */
export function imageWorkloadScript(workload: Workload): string {
  const script = [
    `export SCRATCH_DISK=/dev/disk/by-id/virtio-${SCRATCH_SERIAL}`,
    ...(workloadTool(workload.command)
      ? [
          `command -v ${workloadTool(workload.command)} >/dev/null || echo "${workloadTool(workload.command)} is not installed in the image; install it there (on AlmaLinux 9 from EPEL) to run this workload"`,
        ]
      : []),
    workloadRuns([workload]),
  ].join('\n')
  return `if [ "$(id -u)" = 0 ]; then sh -c ${shellWord(script)}; else sudo -n sh -c ${shellWord(script)}; fi`
}

/** stress-ng's YAML: bogo-ops per second (real time) per stressor. */
export function stressNgMetrics(text: string): WorkloadMetric[] {
  const document = parse(text) as {
    metrics?: { stressor: string; 'bogo-ops-per-second-real-time': number }[]
  }
  if (!Array.isArray(document?.metrics)) throw new Error('stress-ng YAML has no metrics list')
  return document.metrics.map((entry) => ({
    name: `${entry.stressor} bogo-ops/s`,
    value: Number(entry['bogo-ops-per-second-real-time']),
    unit: 'bogo-ops/s',
    better: 'higher',
  }))
}

interface FioDirection {
  iops: number
  io_bytes: number
  clat_ns?: { percentile?: Record<string, number> }
}

/** fio's JSON: IOPS and p99 completion latency per job and direction that did I/O. */
export function fioMetrics(text: string): WorkloadMetric[] {
  // fio may print notices before the JSON document.
  const document = JSON.parse(text.slice(text.indexOf('{'))) as {
    jobs?: ({ jobname: string } & Record<'read' | 'write', FioDirection>)[]
  }
  if (!Array.isArray(document.jobs)) throw new Error('fio JSON has no jobs list')
  return document.jobs.flatMap((job) =>
    (['read', 'write'] as const)
      .filter((direction) => job[direction]?.io_bytes > 0)
      .flatMap((direction): WorkloadMetric[] => {
        const p99 = job[direction].clat_ns?.percentile?.['99.000000']
        return [
          {
            name: `${job.jobname} ${direction} IOPS`,
            value: job[direction].iops,
            unit: 'IOPS',
            better: 'higher',
          },
          ...(p99 !== undefined
            ? [
                {
                  name: `${job.jobname} ${direction} p99 latency`,
                  value: p99 / 1000,
                  unit: 'µs',
                  better: 'lower' as const,
                },
              ]
            : []),
        ]
      }),
  )
}

/** A workload's metrics from the output its tool wrote, or why they could not be read. */
export function parseMetrics(command: string, text: string): { metrics: WorkloadMetric[]; error?: string } {
  const tool = workloadTool(command)
  if (!tool) return { metrics: [] }
  try {
    return { metrics: tool === 'stress-ng' ? stressNgMetrics(text) : fioMetrics(text) }
  } catch (error) {
    return { metrics: [], error: `${tool} output not understood: ${(error as Error).message}` }
  }
}

/** Collects workload results from console lines (L2's without their prefix, named by guest). */
export class WorkloadCollector {
  readonly results: WorkloadResult[] = []
  private readonly current = new Map<string, { result: WorkloadResult; metrics?: string[] }>()

  constructor(private readonly commands: ReadonlyMap<string, string>) {}

  /** Feeds one line of `guest`; findings are the console classifier's for this line. */
  feed(guest: string, raw: string, findings: ConsoleFinding[]): void {
    // A progress line redrawn with carriage returns: what shows is what follows the last one.
    const line = raw.slice(raw.lastIndexOf('\r') + 1)
    const open = this.current.get(guest)
    if (line.startsWith(`${WORKLOAD_BEGIN} `)) {
      const name = line.slice(WORKLOAD_BEGIN.length + 1)
      this.current.set(guest, {
        result: { name, guest, exitCode: -1, output: '', metrics: [], kernelMessages: [] },
      })
      return
    }
    // Kernel messages print on the console whichever guest level runs the workload.
    for (const current of this.current.values())
      current.result.kernelMessages.push(...findings.filter((f) => WORKLOAD_FAILING_KINDS.has(f.kind)))
    if (!open) return
    const end = WORKLOAD_END_LINE.exec(line)
    if (line === METRICS_BEGIN) open.metrics = []
    else if (line === METRICS_END && open.metrics) {
      const parsed = parseMetrics(this.commands.get(open.result.name) ?? '', open.metrics.join('\n'))
      open.result.metrics = parsed.metrics
      if (parsed.error) open.result.metricsError = parsed.error
      open.metrics = undefined
    } else if (open.metrics) open.metrics.push(line)
    else if (end) {
      open.result.exitCode = Number(end[1])
      const tool = workloadTool(this.commands.get(open.result.name) ?? '')
      if (tool && open.result.exitCode === 0 && open.result.metrics.length === 0)
        open.result.metricsError ??= `${tool} wrote no machine-readable output`
      this.results.push(open.result)
      this.current.delete(guest)
    } else open.result.output += `${line}\n`
  }
}

/** Why a workload failed, or undefined when it passed. */
export function workloadFailure(result: WorkloadResult): string | undefined {
  if (result.kernelMessages.length > 0)
    return `${result.kernelMessages[0]!.kind} while it ran: ${result.kernelMessages[0]!.line}`
  if (result.exitCode !== 0) return `exit code ${result.exitCode}`
  return result.metricsError
}

export interface OverheadRow {
  workload: string
  metric: string
  l1: number
  l2: number
  unit: string
  /** L2 ÷ L1. */
  ratio: number
}

/** The virtualization overhead: each metric L1 and L2 both report, as L2 ÷ L1. */
export function overheadRatios(results: WorkloadResult[]): OverheadRow[] {
  const rows: OverheadRow[] = []
  for (const l1 of results.filter((result) => result.guest === 'L1')) {
    const l2 = results.find((result) => result.guest === 'L2' && result.name === l1.name)
    for (const metric of l1.metrics) {
      const other = l2?.metrics.find((m) => m.name === metric.name)
      if (!other || metric.value === 0) continue
      rows.push({
        workload: l1.name,
        metric: metric.name,
        l1: metric.value,
        l2: other.value,
        unit: metric.unit,
        ratio: other.value / metric.value,
      })
    }
  }
  return rows
}

/** Inside the guest. */
const GUEST_MODULES = '/lib/kvm-workloads'
const SCRATCH_MB = 512

/** What a guest's initramfs needs to run workloads: the disk modules and init lines, the runs. */
export interface WorkloadGuest {
  files: InitramfsFile[]
  setup: string
  runs: string
  /** Workload name → command, for parsing metrics. */
  commands: Map<string, string>
}

/** The tools disk (an ISO 9660 image of the tools folder, read only as pages are used) and a scratch disk. */
export async function workloadDisks(
  work: string,
  toolsDir: string,
  workloads: Workload[],
): Promise<GuestDisk[]> {
  for (const tool of new Set(workloads.map((w) => workloadTool(w.command)).filter(Boolean))) {
    if (!existsSync(join(toolsDir, 'bin', tool!)) || !existsSync(join(toolsDir, 'lib', 'ld64.so.2')))
      throw new InfrastructureError(
        `${toolsDir} has no ppc64le ${tool} with its libraries (bin/${tool}, lib/ld64.so.2); run scripts/setup-host.sh, which unpacks Debian's stress-ng and fio into ${WORKLOAD_TOOLS_DIR}`,
      )
  }
  const tools = join(work, 'workload-tools.iso')
  await exec(['genisoimage', '-quiet', '-R', '-o', tools, toolsDir])
  return [await scratchDisk(work), { file: tools, serial: TOOLS_SERIAL, readOnly: true }]
}

/** The workloads' scratch disk (sparse, raw), which the guest finds by its serial. */
export async function scratchDisk(work: string): Promise<GuestDisk> {
  const file = join(work, 'scratch.img')
  await exec(['qemu-img', 'create', '-q', '-f', 'raw', file, `${SCRATCH_MB}M`])
  return { file, serial: SCRATCH_SERIAL, readOnly: false }
}

/** The modules, init lines and parse table of a guest that runs `workloads` from its disks. */
export async function workloadGuest(
  work: string,
  modulesDir: string | undefined,
  workloads: Workload[],
): Promise<WorkloadGuest> {
  if (!modulesDir)
    throw new ConfigurationError(
      `Input 'modules' is required for workloads: the guest loads ${WORKLOAD_MODULES.join(', ')} for its disks; expected the kernel's modules folder (such as /lib/modules/<kver>)`,
    )
  const outDir = join(work, `workload-modules-${basename(modulesDir)}`)
  mkdirSync(outDir, { recursive: true })
  const modules = await moduleClosure(
    modulesDir,
    WORKLOAD_MODULES,
    outDir,
    (name) =>
      new ConfigurationError(
        `${modulesDir} has no ${name}.ko and the kernel does not build it in (modules.builtin); workloads need it for their disks`,
      ),
  )
  return {
    files: modules.map((module) => ({ source: module, target: `${GUEST_MODULES}/${basename(module)}` })),
    setup: workloadSetup(modules.map((module) => `${GUEST_MODULES}/${basename(module)}`)),
    runs: workloadRuns(workloads),
    commands: new Map(workloads.map((workload) => [workload.name, workload.command])),
  }
}

/** L2's disks inside L1: L1's own tools and scratch disks passed through (shell words expanded in L1). */
export const L2_DISK_ARGS = [
  '-drive',
  '"file=$SCRATCH_DISK,if=none,id=scratch,format=raw"',
  '-device',
  `virtio-blk-pci,drive=scratch,serial=${SCRATCH_SERIAL}`,
  '-drive',
  '"file=$TOOLS_DISK,if=none,id=tools,format=raw,readonly=on"',
  '-device',
  `virtio-blk-pci,drive=tools,serial=${TOOLS_SERIAL}`,
]
