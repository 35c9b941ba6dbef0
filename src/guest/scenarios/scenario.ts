/**
 * A boot scenario: what is booted and how its readiness and checks are arranged. The boot test
 * (../boot-test.ts) probes the host, negotiates the machine and reports; a scenario only
 * prepares the guest. A new scenario is one new file implementing this, listed in index.ts.
 */
import type { Log } from '../../reporter.js'
import type { Summary } from '../../report/summary.js'
import type { BootOptions, BootResult } from '../boot.js'
import type { GuestCheck, GuestDisk } from '../initramfs.js'
import type { Launcher, LauncherName } from '../launchers/launcher.js'
import type { CandidateQemu } from '../nested.js'
import type { Workload } from '../workloads.js'

/** Everything a scenario may use; each scenario reads the fields it needs. */
export interface ScenarioRequest {
  /** The guest kernel (kernel and nested). */
  kernel?: string
  /** Its modules folder (nested), when known. */
  modulesDir?: string
  busybox: string
  /** The user's checks: every scenario runs them once, after its own. */
  checks: GuestCheck[]
  /** Workloads: run after the checks, in L1 and L2 in the nested scenario. */
  workloads: Workload[]
  /** The folder with ppc64le stress-ng and fio and their libraries (bin/, lib/). */
  workloadTools: string
  /** Appended to the guest's kernel command line (L1's in nested). */
  kernelArgs?: string
  memoryMb: number
  nested: {
    guestQemuDir: string
    candidateQemu?: CandidateQemu
    l2Kernel?: string
    l2KernelArgs?: string
    /** Pinned L2 -M settings (l2-machine-options), applied before L2's own negotiation. */
    l2MachineOptions?: readonly string[]
    /** Threads per core of the L2 guest (one core). */
    l2Threads?: number
    l2TimeoutMs: number
  }
  image: {
    image: string
    checksum?: string
    checksumKey?: string
    user: string
    cacheDir: string
    checkTimeoutMs: number
  }
  bootTimeoutMs: number
  shutdownTimeoutMs: number
  /** The private work folder (removed by the post step). */
  work: string
  log: Log
  signal: AbortSignal
  summary: Summary
}

export interface PreparedGuest {
  kernel: string
  initrd: string
  firmware: 'vof' | 'slof'
  memoryMb: number
  markers: RegExp[]
  /** virtio-blk disks (the workloads' tools and scratch disks). */
  disks?: GuestDisk[]
  /** Workload name → command, for parsing their metrics. */
  workloads?: ReadonlyMap<string, string>
  /** Rows for the Host table of the summary. */
  details: [string, string][]
  /** A scenario that boots its own way (a disk image with SSH checks) replaces the launcher. */
  launcher?: Launcher
}

export interface Scenario {
  name: string
  /** Whether L1 runs an L2 guest (cap-nested-hv). */
  nested: boolean
  launchers: readonly LauncherName[]
  /** Programs it runs besides the launcher's. */
  tools: readonly string[]
  /** Configuration problems of the request, one line each, before any work. */
  validate(request: Pick<ScenarioRequest, 'kernel'>): string[]
  prepare(request: ScenarioRequest): Promise<PreparedGuest>
}

export type { BootOptions, BootResult }
