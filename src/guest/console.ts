/**
 * The guest console read as a kernel CI reads it: readiness markers, and a classifier for the
 * lines that mean a guest is broken. A fatal match ends the boot at once as a test failure.
 */
export interface ConsoleFinding {
  kind: string
  fatal: boolean
  line: string
  /** 1-based line number in the console log. */
  lineNumber: number
}

interface Pattern {
  kind: string
  fatal: boolean
  pattern: RegExp
}

/** Kernel, firmware and QEMU messages worth detecting, as LAVA and kola classify boot logs. */
export const CONSOLE_PATTERNS: readonly Pattern[] = [
  { kind: 'kernel panic', fatal: true, pattern: /Kernel panic - not syncing/ },
  { kind: 'oops', fatal: true, pattern: /\bOops: / },
  { kind: 'kernel BUG', fatal: true, pattern: /kernel BUG at |^\s*(\[[\s\d.]+\]\s*)?BUG: / },
  {
    kind: 'RCU stall',
    fatal: false,
    pattern: /rcu: INFO: rcu_\w+ (self-)?detected stall|rcu_sched self-detected stall/,
  },
  { kind: 'soft lockup', fatal: false, pattern: /watchdog: BUG: soft lockup/ },
  { kind: 'kernel warning', fatal: false, pattern: /WARNING: CPU: \d+ PID: \d+ at / },
  { kind: 'OOM kill', fatal: false, pattern: /Out of memory: Killed process \d+|\boom-kill:/ },
  {
    kind: 'emergency shell',
    fatal: true,
    pattern: /dracut: Refusing to continue|Entering emergency mode|You are in emergency mode/,
  },
  { kind: 'SLOF error', fatal: true, pattern: /\bE340[0-9]: / },
  { kind: 'CAS negotiation failure', fatal: true, pattern: /Couldn't negotiate a suitable PVR during CAS/ },
  // QEMU's own errors end QEMU itself; warnings (such as TCG lacking a capability) are only reported.
  // The firmware client interface's exit (prom_init giving up, such as a kernel built without
  // PPC_OF_BOOT_TRAMPOLINE under VOF): QEMU pauses the guest, which would never print again.
  {
    kind: 'guest stopped',
    fatal: true,
    pattern: /^(qemu-system-\S+|qemu-kvm): Stopped as the VM requested "exit"/,
  },
  { kind: 'QEMU error', fatal: false, pattern: /^(qemu-system-\S+|qemu-kvm): (?!warning:)/ },
]

export class ConsoleWatcher {
  readonly findings: ConsoleFinding[] = []
  private lineNumber = 0
  markerLine?: number

  constructor(private readonly markers: readonly RegExp[]) {}

  /** Feeds one console line; returns 'ready', 'fatal' or undefined. */
  feed(line: string): 'ready' | 'fatal' | undefined {
    this.lineNumber++
    for (const { kind, fatal, pattern } of CONSOLE_PATTERNS) {
      if (pattern.test(line)) {
        this.findings.push({ kind, fatal, line: line.trim(), lineNumber: this.lineNumber })
        if (fatal) return 'fatal'
      }
    }
    if (this.markers.some((marker) => marker.test(line))) {
      this.markerLine = this.lineNumber
      return 'ready'
    }
    return undefined
  }

  get fatal(): ConsoleFinding | undefined {
    return this.findings.find((finding) => finding.fatal)
  }
}
