/**
 * Direct kernel boot of a ppc64le guest to a readiness marker: a generated busybox initramfs runs
 * the checks and prints delimited results on the console, which is parsed live. A fatal console
 * line, or no marker in time, is a test failure; a QEMU that cannot start is an infrastructure
 * error.
 */
import { InfrastructureError, TestFailure } from '../errors.js'
import { formatDuration } from '../report/duration.js'
import { Qemu } from './qemu.js'

export { QemuStartError } from './qemu.js'
import { exec } from '../exec/exec.js'
import type { Log } from '../reporter.js'
import { type ConsoleFinding, ConsoleWatcher } from './console.js'
import { WorkloadCollector, type WorkloadResult } from './workloads.js'
import { type CheckResult, type GuestDisk, GUEST_VIEW_PATTERN, L2_PREFIX, READY_MARKER } from './initramfs.js'

/** What the guest said it runs on (the GUEST_VIEW line and the kernel's MMU line). */
export interface GuestView {
  mmu?: string
  threadsPerCore?: number
  /** uname -r. */
  release?: string
  cpu?: string
  /** The kernel's own line naming its MMU. */
  mmuLine?: string
}

export interface BootOptions {
  qemu: string
  kernel: string
  initrd: string
  /** The kernel command line after console=hvc0 panic=-1. */
  kernelArgs?: string
  disks?: GuestDisk[]
  /** More devices and their backends, as QEMU arguments. */
  devices?: string[]
  /** Workload name → command, to parse each workload's metrics; nested: L1 and L2 label them. */
  workloads?: ReadonlyMap<string, string>
  nested?: boolean
  machine: string
  cpu: string
  memoryMb: number
  smp: number
  /** Threads per core (SMT); the cores are smp ÷ threads. */
  threads?: number
  accel: 'kvm' | 'tcg'
  bootTimeoutMs: number
  consoleLog: string
  markers?: RegExp[]
  /** After the ready marker, time for the guest to power itself off before it is killed. */
  shutdownTimeoutMs?: number
  /** Where qemu finds its firmware (-L): an unpacked qemu-kvm RPM's own. */
  firmwareDir?: string
  /** qemu writes its pid here (-pidfile), for the post step. */
  pidFile?: string
  /** Called with qemu's pid once it runs. */
  onStart?: (pid: number) => void
  log?: Log
  signal?: AbortSignal
}

export interface BootResult {
  argv: string[]
  checks: CheckResult[]
  workloads: WorkloadResult[]
  guestView: GuestView
  findings: ConsoleFinding[]
  /** clean: the guest powered itself off; killed: it did not within the shutdown timeout. */
  shutdown: 'clean' | 'killed'
  /** ms from start to: first kernel line, userspace, ready marker. */
  timeline: {
    kernel?: number
    userspace?: number
    ready?: number
    /** nested: the first line of the L2 guest and its marker, as L1 relays them. */
    l2Start?: number
    l2Ready?: number
    end: number
  }
}

export function qemuArgv(options: BootOptions): string[] {
  return new Qemu(options.qemu).directBootArgv(options)
}

/**
 * One guest's console, line by line, whatever runs the guest (qemu or libvirt): the timeline,
 * the checks' delimited results, the classifier, and when to stop (fatal line, or the shutdown
 * timeout after the ready marker).
 */
export class ConsoleSession {
  readonly watcher: ConsoleWatcher
  readonly timeline: BootResult['timeline'] = { end: 0 }
  readonly checks: CheckResult[] = []
  readonly guestView: GuestView = {}
  readonly workloads: WorkloadCollector
  sawKernel = false
  killedAtShutdown = false
  private current: CheckResult | undefined
  private shutdownTimer: NodeJS.Timeout | undefined
  private readonly started = performance.now()

  constructor(
    private readonly options: Pick<BootOptions, 'markers' | 'shutdownTimeoutMs' | 'workloads' | 'nested'> & {
      /** Called at the ready marker; with holdShutdown the shutdown timer waits for startShutdown(). */
      onReady?: () => void
      holdShutdown?: boolean
    },
    private readonly stop: () => void,
  ) {
    this.watcher = new ConsoleWatcher(options.markers ?? [new RegExp(`^${READY_MARKER}$`)])
    this.workloads = new WorkloadCollector(options.workloads ?? new Map())
  }

  feed(raw: string): void {
    const line = raw.replace(/\r$/, '')
    const at = performance.now() - this.started
    const { timeline } = this
    if (!this.sawKernel && /Linux version|Using pSeries machine description/.test(line)) {
      this.sawKernel = true
      timeline.kernel = at
    }
    if (line === 'KVM-ACTIONS-USERSPACE') timeline.userspace = at
    const l2 = line.startsWith(L2_PREFIX)
    if (l2) {
      timeline.l2Start ??= at
      if (line === `${L2_PREFIX}${READY_MARKER}`) timeline.l2Ready = at
    } else this.observe(line)
    const begin = /^KVM-ACTIONS-CHECK-BEGIN (.+)$/.exec(line)
    const end = /^KVM-ACTIONS-CHECK-END rc=(\d+)$/.exec(line)
    if (begin) this.current = { name: begin[1]!, exitCode: -1, output: '' }
    else if (end && this.current) {
      this.current.exitCode = Number(end[1])
      this.checks.push(this.current)
      this.current = undefined
    } else if (this.current) this.current.output += `${line}\n`
    const seen = this.watcher.findings.length
    const verdict = this.watcher.feed(line)
    this.workloads.feed(
      l2 ? 'L2' : this.options.nested ? 'L1' : 'guest',
      l2 ? line.slice(L2_PREFIX.length) : line,
      this.watcher.findings.slice(seen),
    )
    if (verdict === 'ready' && timeline.ready === undefined) {
      timeline.ready = at
      if (!this.options.holdShutdown) this.startShutdown()
      this.options.onReady?.()
    }
    if (verdict === 'fatal') this.stop()
  }

  /** The guest's own account of its MMU, threads and CPU, and the kernel's MMU line. */
  private observe(line: string): void {
    const view = GUEST_VIEW_PATTERN.exec(line)
    if (view) {
      if (view[1]) this.guestView.mmu = view[1].toLowerCase()
      if (view[2]) this.guestView.threadsPerCore = Number(view[2])
      if (view[3]) this.guestView.release = view[3]
      if (view[4]) this.guestView.cpu = view[4]
    }
    if (!this.guestView.mmuLine && /Using radix MMU|Initializing hash mmu|Using hash MMU/i.test(line))
      this.guestView.mmuLine = line.replace(/^\[[\s\d.]+\]\s*/, '')
  }

  /** From now on the guest has shutdownTimeoutMs to power off before it is killed. */
  startShutdown(): void {
    if (this.shutdownTimer) return
    this.shutdownTimer = setTimeout(() => {
      this.killedAtShutdown = true
      this.stop()
    }, this.options.shutdownTimeoutMs ?? 30_000)
  }

  /** Ends the session: a fatal line or no ready marker throws; otherwise the result. */
  finish(argv: string[], notReady: () => Error): BootResult {
    clearTimeout(this.shutdownTimer)
    this.timeline.end = performance.now() - this.started
    const fatal = this.watcher.fatal
    if (fatal) throw new TestFailure(`guest ${fatal.kind} at console line ${fatal.lineNumber}: ${fatal.line}`)
    if (this.timeline.ready === undefined) throw notReady()
    return {
      argv,
      checks: this.checks,
      workloads: this.workloads.results,
      guestView: this.guestView,
      findings: this.watcher.findings,
      shutdown: this.killedAtShutdown ? 'killed' : 'clean',
      timeline: this.timeline,
    }
  }
}

export async function bootGuest(options: BootOptions): Promise<BootResult> {
  const argv = qemuArgv(options)
  const stop = new AbortController()
  options.signal?.addEventListener('abort', () => stop.abort(), { once: true })
  const session = new ConsoleSession(options, () => stop.abort())
  const result = await exec(argv as [string, ...string[]], {
    ...(options.onStart ? { onSpawn: options.onStart } : {}),
    timeoutMs: options.bootTimeoutMs,
    killGraceMs: 2000,
    allowFailure: true,
    logFile: options.consoleLog,
    signal: stop.signal,
    onLine: (line) => session.feed(line),
  })
  if (options.signal?.aborted) throw new InfrastructureError('cancelled: the guest was stopped')
  return session.finish(argv, () => {
    if (!session.sawKernel && result.exitCode !== null && result.exitCode !== 0 && !result.timedOut) {
      return new Qemu(options.qemu).startFailure(
        result.stderr + result.stdout,
        session.watcher.findings.find((f) => f.kind === 'QEMU error')?.line,
      )
    }
    return new TestFailure(
      result.timedOut
        ? `guest did not reach its ready marker within ${formatDuration(options.bootTimeoutMs)}`
        : `guest stopped before its ready marker (exit code ${result.exitCode})`,
    )
  })
}
