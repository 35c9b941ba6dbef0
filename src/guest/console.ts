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
  /** A known message of a configuration that is harmless there: why. */
  harmless?: string
}

interface Pattern {
  kind: string
  fatal: boolean
  pattern: RegExp
  harmless?: string
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
  // KVM-HV in a partition (nested API v2: PowerVM, or QEMU's cap-nested-papr). Seen in L1 while
  // L2 reached its marker: listed as harmless, never dropped.
  {
    kind: 'nested v2: LPID flush',
    fatal: false,
    pattern: /KVM: TLB LPID invalidation hcall failed, rc=-2\b/,
    harmless:
      'L1 flushes the new guest’s LPID with H_TLB_INVALIDATE, a nested API v1 call that an API v2 parent does not implement (H_FUNCTION); under v2 the parent manages L2’s translations',
  },
  {
    kind: 'nested v2: L2 VPA',
    fatal: false,
    pattern: /KVM-NESTEDv2: couldn't register the L2 VPA \(rc=-56\)/,
    harmless:
      'QEMU’s API v2 parent rejects the L2 VPA address L1 passes before L2 registered one (H_P3); L2 runs to its marker regardless',
  },
  // The parent would not create L2 or its vCPUs: no nested guest can run.
  {
    kind: 'nested v2: guest creation',
    fatal: true,
    pattern: /KVM: Create Guest hcall failed, rc=/,
  },
  {
    kind: 'nested v2 unavailable',
    fatal: false,
    pattern: /kvm-hv: nestedv2 get capabilities hcall failed, falling back to nestedv1/,
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
    for (const { kind, fatal, pattern, harmless } of CONSOLE_PATTERNS) {
      if (pattern.test(line)) {
        this.findings.push({
          kind,
          fatal,
          line: line.trim(),
          lineNumber: this.lineNumber,
          ...(harmless ? { harmless } : {}),
        })
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
