/**
 * One boot test: probe the host, choose the accelerator, let the scenario prepare the guest,
 * boot it through the launcher while negotiating the machine's capabilities, and report the
 * timeline, checks, findings and host. It takes what it uses as parameters; the action parses
 * inputs and sets outputs.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { ConfigurationError, InfrastructureError, TestFailure } from '../errors.js'
import { formatDuration } from '../report/duration.js'
import { requireTools } from '../exec/tools.js'
import type { Reporter } from '../reporter.js'
import type { Summary } from '../report/summary.js'
import { type BootResult, QemuStartError } from './boot.js'
import { firmwareBeside } from './qemu.js'
import { type GuestCheck } from './initramfs.js'
import { candidateL2Qemu, kernelFromRpms, qemuFromRpms } from './from-rpms.js'
import type { Launcher, LauncherName } from './launchers/launcher.js'
import { libvirtLauncher } from './launchers/libvirt.js'
import { type CloudRun, openstackLauncher, type OpenstackLauncherOptions } from './launchers/openstack.js'
import { qemuLauncher } from './launchers/qemu.js'
import { type Attempt, cpuModel, machineOptions, negotiate } from './machine.js'
import { l2Attempts, l2ThreadsSeen } from './nested.js'
import { type Accel, chooseAccel, type HostProbe, probeHost } from './probe.js'
import { timelineSummary, workloadSummary, writeResults } from './results.js'
import {
  configMismatches,
  configuredKernelArgs,
  type GuestConfig,
  guestViewRows,
  smtProblems,
} from './guest-config.js'
import { workloadFailure } from './workloads.js'
import { runMetrics } from './run-metrics.js'
import type { RunMetrics } from '../trends/metrics.js'
import { type ScenarioName, SCENARIOS, type ScenarioRequest } from './scenarios/index.js'

export interface BootTestRequest extends Omit<
  ScenarioRequest,
  'work' | 'log' | 'signal' | 'summary' | 'checks' | 'kernel' | 'workloads'
> {
  scenario: ScenarioName
  launcher: {
    name: LauncherName
    libvirtUri: string
    /** launcher openstack: the cloud and where on it the guest goes. */
    openstack?: Omit<OpenstackLauncherOptions, 'runId' | 'work' | 'summary' | 'remember' | 'libvirtUri'>
  }
  kernel?: string
  /** build-kernel's RPMs: kernel-core and the modules are unpacked and booted instead of kernel. */
  kernelRpms: string[]
  /** patch-qemu's RPMs: unpacked and run from there with their own firmware instead of qemu. */
  qemuRpms: string[]
  /** nested: patch-qemu's ppc64le RPMs, unpacked into L1 to run the L2 guest. */
  l2QemuRpms: string[]
  qemu: string
  /** `name: command` lines run inside the guest. */
  checks: string[]
  /** `name: command` workloads (stress-ng, fio) run after the checks; in L1 and L2 when nested. */
  workloads: string[]
  checkTimeoutMs: number
  /** MMU mode, threads per core, CPU compatibility: asked of the guest and verified. */
  guestConfig: GuestConfig
  extraMarkers: RegExp[]
  machineOptions: string[]
  cpu: 'power9' | 'power10' | 'host'
  /**
   * auto: as probed. lpar-nested-v2: KVM in a PowerVM LPAR (nested API v2); emulated by L0 QEMU's
   * cap-nested-papr in the nested scenario, recognised by the probe on a real LPAR.
   */
  hostMode: 'auto' | 'lpar-nested-v2'
  smp: number
  accel: 'auto' | Accel
  resultsDir: string
}

export interface BootTestDependencies extends Reporter {
  /** A private folder the post step removes. */
  workDir(prefix: string): string
  /** Records a guest process for the post step. */
  trackProcess(pid: number): void
  /** Told what is known as soon as it is known, so outputs exist when the boot then fails. */
  onProbe(probe: HostProbe, accel: Accel): void
  onMachine(machine: string): void
  /** nested: the -M the L2 QEMU inside L1 ran with after its own negotiation. */
  onL2Machine?(machine: string): void
  /** Records a cloud run (launcher openstack) for the post step, before anything is created. */
  trackCloudRun?(run: CloudRun): void
}

export interface BootTestOutcome {
  result: BootResult
  /** The checks that did not exit 0: the action fails the step with them. */
  failedChecks: BootResult['checks']
  /** The workloads that failed, with why. */
  failedWorkloads: { name: string; guest: string; why: string }[]
  /** nested: what the L2 QEMU inside L1 said when its last attempt was refused. */
  l2Refusal?: string
  metrics: RunMetrics
}

/** The step's failure for checks and workloads that did not pass. */
export function checksFailure(
  failed: BootResult['checks'],
  failedWorkloads: BootTestOutcome['failedWorkloads'] = [],
  l2Refusal?: string,
): TestFailure {
  return new TestFailure(
    [
      ...(failed.length > 0
        ? [`guest checks failed: ${failed.map((c) => `${c.name} (exit code ${c.exitCode})`).join(', ')}`]
        : []),
      ...(l2Refusal ? [`the L2 QEMU inside L1 refused to start: ${l2Refusal.replace(/\n/g, ' / ')}`] : []),
      ...failedWorkloads.map((w) => `workload ${w.name} failed in ${w.guest}: ${w.why}`),
    ].join('\n'),
  )
}

/** `name: command` lines (checks and workloads), each with the timeout. */
export function parseChecks(lines: string[], timeoutMs: number): Required<GuestCheck>[] {
  return lines.map((entry) => {
    const colon = entry.indexOf(':')
    return {
      name: entry.slice(0, colon).trim(),
      command: entry.slice(colon + 1).trim(),
      timeoutSeconds: Math.ceil(timeoutMs / 1000),
    }
  })
}

export async function bootTest(
  request: BootTestRequest,
  deps: BootTestDependencies,
): Promise<BootTestOutcome> {
  const scenario = SCENARIOS[request.scenario]
  const usesRpms = request.qemuRpms.length > 0
  const tools = requireTools([
    ...(usesRpms ? ['rpm2cpio'] : request.launcher.name === 'openstack' ? [] : [request.qemu]),
    ...scenario.tools,
    ...(request.launcher.name === 'libvirt' ? ['virsh'] : []),
    ...(request.launcher.name === 'openstack' ? ['openstack'] : []),
  ])
  const probe = probeHost()
  const { accel, reason } = chooseAccel(request.accel, probe)
  if (reason && request.accel === 'kvm')
    throw new InfrastructureError(`accel is kvm but KVM is not usable: ${reason}`)
  if (reason)
    deps.annotate('warning', `KVM is not usable (${reason}); guests run under emulation (TCG), much slower.`)
  const threads = request.guestConfig.threads ?? 1
  const smt = smtProblems({
    threads,
    smp: request.smp,
    cpu: request.cpu,
    ...(request.guestConfig.cpuCompat ? { cpuCompat: request.guestConfig.cpuCompat } : {}),
    ...(probe.generation ? { hostGeneration: probe.generation } : {}),
  })
  if (smt.length > 0) throw new ConfigurationError(smt.join('\n'))
  const lpar = request.hostMode === 'lpar-nested-v2'
  // On a real LPAR the runner's kernel is the L1: PowerVM runs no hypervisor in its guests' guests.
  if (lpar && scenario.nested && accel === 'kvm' && probe.hostMode === 'lpar-nested-v2')
    throw new ConfigurationError(
      `Input 'host-mode' is lpar-nested-v2 and this runner is such an LPAR (KVM through PowerVM's nested API v2): its own kernel is the L1, and PowerVM runs no hypervisor one level further down; expected scenario kernel here, or accel tcg to emulate the LPAR in the nested scenario`,
    )
  if (lpar && accel === 'kvm' && probe.hostMode !== 'lpar-nested-v2')
    throw new InfrastructureError(
      `Input 'host-mode' is lpar-nested-v2, but this host is ${probe.hostMode ?? probe.platform} (platform ${probe.platform}, kvm_hv ${probe.kvmHvLoaded ? 'loaded' : 'not loaded'}); expected a PowerVM LPAR in KVM mode with kvm_hv loaded, or accel tcg to emulate one`,
    )
  const work = deps.workDir('guest')
  mkdirSync(request.resultsDir, { recursive: true })
  writeFileSync(join(request.resultsDir, 'probe.json'), JSON.stringify(probe, null, 2) + '\n')
  deps.onProbe(probe, accel)

  const unpackedKernel =
    request.kernelRpms.length > 0
      ? await kernelFromRpms(request.kernelRpms, join(work, 'kernel-root'), deps.log)
      : undefined
  const unpackedQemu = usesRpms
    ? await qemuFromRpms(request.qemuRpms, join(work, 'qemu-root'), deps.log)
    : undefined
  const candidateQemu =
    request.l2QemuRpms.length > 0
      ? await candidateL2Qemu(request.l2QemuRpms, join(work, 'l2-qemu-root'), deps.log)
      : undefined
  const kernel = unpackedKernel?.kernel ?? request.kernel
  const modulesDir = request.modulesDir ?? unpackedKernel?.modulesDir
  const guest = await scenario.prepare({
    ...request,
    ...(kernel ? { kernel } : {}),
    ...(modulesDir ? { modulesDir } : {}),
    checks: parseChecks(request.checks, request.checkTimeoutMs),
    workloads: parseChecks(request.workloads, request.checkTimeoutMs),
    nested: { ...request.nested, ...(candidateQemu ? { candidateQemu } : {}) },
    work,
    log: deps.log,
    signal: deps.signal,
    summary: deps.summary,
  })
  const qemu = unpackedQemu?.qemu ?? request.qemu
  const cloud = request.launcher.name === 'openstack' ? request.launcher.openstack : undefined
  const launcher: Launcher =
    guest.launcher ??
    (cloud
      ? openstackLauncher({
          ...cloud,
          runId: basename(work),
          work,
          libvirtUri: request.launcher.libvirtUri,
          summary: deps.summary,
          remember: (run) => deps.trackCloudRun?.(run),
        })
      : request.launcher.name === 'libvirt'
        ? libvirtLauncher({
            uri: request.launcher.libvirtUri,
            emulator: unpackedQemu?.qemu ?? tools[request.qemu]!,
            work,
          })
        : qemuLauncher(qemu))
  const firmwareDir = unpackedQemu?.firmwareDir ?? firmwareBeside(qemu)
  const machineRequest = {
    accel,
    cpu: request.cpu,
    nested: scenario.nested,
    ...(lpar ? { nestedApi: 'v2' as const } : {}),
    firmware: guest.firmware,
    ...(request.guestConfig.cpuCompat ? { cpuCompat: request.guestConfig.cpuCompat } : {}),
    extra: request.machineOptions,
  }
  const kernelArgs = configuredKernelArgs(request.guestConfig, request.kernelArgs)
  const options = {
    qemu,
    ...(firmwareDir ? { firmwareDir } : {}),
    kernel: guest.kernel,
    initrd: guest.initrd,
    ...(kernelArgs ? { kernelArgs } : {}),
    ...(guest.disks ? { disks: guest.disks } : {}),
    ...(guest.workloads ? { workloads: guest.workloads } : {}),
    nested: scenario.nested,
    machine: machineOptions(probe, machineRequest),
    cpu: cpuModel(probe, machineRequest),
    memoryMb: guest.memoryMb,
    smp: request.smp,
    ...(request.guestConfig.threads ? { threads: request.guestConfig.threads } : {}),
    accel,
    bootTimeoutMs: request.bootTimeoutMs,
    shutdownTimeoutMs: request.shutdownTimeoutMs,
    pidFile: join(work, 'qemu.pid'),
    onStart: (pid: number) => deps.trackProcess(pid),
    consoleLog: join(request.resultsDir, 'console.log'),
    markers: [...guest.markers, ...request.extraMarkers],
    log: deps.log,
    signal: deps.signal,
  }

  const attempts: Attempt[] = []
  let l2: Attempt[] = []
  let outcome: BootTestOutcome
  try {
    const { result } = await negotiate(
      options.machine,
      (machine) => launcher.launch({ ...options, machine }, request.resultsDir),
      (error) => (error instanceof QemuStartError ? error.output : undefined),
      attempts,
    ).catch((error: unknown) => {
      throw refusalExplained(error, request, qemu)
    })
    deps.onMachine(attempts.at(-1)!.machine)
    const l2Check = scenario.nested ? result.checks.find((c) => c.name === 'L2 guest under KVM') : undefined
    l2 = l2Check ? l2Attempts(l2Check.output) : []
    if (l2.length > 0) deps.onL2Machine?.(l2.at(-1)!.machine)
    // Decided once here; results.json, JUnit, the summary and the landing page read `failure`.
    for (const workload of result.workloads) {
      const why = workloadFailure(workload)
      if (why) workload.failure = why
    }
    const failedWorkloads = result.workloads.flatMap(({ name, guest, failure }) =>
      failure ? [{ name, guest, why: failure }] : [],
    )
    const metrics = runMetrics(result, {
      scenario: scenario.name,
      hostGeneration: probe.generation ?? probe.architecture,
      accel,
      kernel: unpackedKernel?.kverrel ?? result.guestView.release ?? basename(kernel ?? 'unknown'),
      config: { cpu: request.cpu, ...request.guestConfig },
    })
    writeFileSync(join(request.resultsDir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n')
    const l2Refusal = l2Check && l2Check.exitCode !== 0 ? l2.at(-1)?.refusal : undefined
    outcome = {
      result,
      failedChecks: result.checks.filter((check) => check.exitCode !== 0),
      failedWorkloads,
      metrics,
      ...(l2Refusal ? { l2Refusal } : {}),
    }
    report(result, request, deps, options.consoleLog)
    const l2Threads = request.nested.l2Threads
    const l2Seen = l2Check && l2Threads && l2Threads > 1 ? l2ThreadsSeen(l2Check.output) : undefined
    const mismatches = [
      ...configMismatches(request.guestConfig, result.guestView),
      ...(l2Threads && l2Threads > 1 && l2Check?.exitCode === 0 && l2Seen !== l2Threads
        ? [`asked for ${l2Threads} threads per core in L2; L2 sees ${l2Seen ?? 'an unreported number'}`]
        : []),
    ]
    if (mismatches.length > 0)
      throw new TestFailure(`the guest did not run as asked: ${mismatches.join('; ')}`)
  } finally {
    if (attempts.length > 1 || l2.length > 0) machineSummary(deps.summary, attempts, l2)
  }
  hostSummary(deps.summary, probe, [
    ['Scenario', scenario.name],
    ['Launcher', launcher.name],
    ...guest.details,
    ...(request.hostMode === 'lpar-nested-v2'
      ? [
          [
            'Configuration',
            probe.hostMode === 'lpar-nested-v2'
              ? 'lpar-nested-v2: this runner is the LPAR'
              : scenario.nested
                ? 'lpar-nested-v2, emulated: L0 offers PowerVM’s nested API v2 (cap-nested-papr)'
                : 'lpar-nested-v2 asked; this host is no such LPAR, the guest runs as probed',
          ] as [string, string],
        ]
      : []),
    ['Accelerator', accel + (reason ? ` (${reason})` : '')],
    ['Boot timeout', formatDuration(request.bootTimeoutMs)],
  ])
  return outcome
}

function report(
  result: BootResult,
  request: BootTestRequest,
  deps: BootTestDependencies,
  consoleLog: string,
): void {
  if (result.shutdown === 'killed')
    deps.annotate(
      'warning',
      `The guest did not power off within ${formatDuration(request.shutdownTimeoutMs)}; it was killed.`,
    )
  writeResults(request.resultsDir, result)
  deps.summary.heading('Boot', 3)
  timelineSummary(deps.summary, result.timeline)
  deps.summary.heading('Checks', 3).table(
    ['Check', 'Exit code', 'Output'],
    result.checks.map((check) => [
      check.name,
      check.exitCode,
      check.output.trim().split('\n').slice(0, 3).join(' / '),
    ]),
    'results.json in the results folder',
  )
  deps.summary
    .heading('Guest', 3)
    .table(['Property', 'Asked', 'The guest saw'], guestViewRows(request.guestConfig, result.guestView))
  if (result.workloads.length > 0) workloadSummary(deps.summary, result.workloads)
  const known = result.findings.filter((finding) => finding.harmless)
  if (known.length > 0)
    deps.summary.heading('Known harmless messages', 3).table(
      ['Message', 'Line', 'Why it is harmless here'],
      known.map((finding) => [finding.line, String(finding.lineNumber), finding.harmless!]),
    )
  for (const finding of result.findings) {
    const kind = finding.fatal ? 'error' : finding.harmless ? 'notice' : 'warning'
    const label = finding.harmless ? `known harmless (${finding.kind})` : finding.kind
    deps.annotate(kind, `${label}: ${finding.line}`, {
      title: 'guest console',
      file: consoleLog,
      startLine: finding.lineNumber,
    })
  }
}

function hostSummary(summary: Summary, probe: HostProbe, run: [string, string][]): void {
  summary
    .heading('Host', 3)
    .table(
      ['Property', 'Value'],
      [
        ['Architecture', probe.architecture],
        ['CPU', probe.cpu ?? 'n/a'],
        ['Platform', probe.platform],
        ['/dev/kvm', probe.kvmDevice],
        [
          'kvm_hv',
          probe.kvmHvLoaded
            ? `loaded${probe.nested !== undefined ? `, nested=${probe.nested}` : ''}`
            : 'not loaded',
        ],
        ['XIVE', probe.xive === undefined ? 'n/a' : probe.xive ? 'yes' : 'no'],
        ['SMT', probe.smt === undefined ? 'n/a' : probe.smt ? 'on' : 'off'],
        ['Hugepages', probe.hugepages ? `${probe.hugepages.total} × ${probe.hugepages.sizeKb} KiB` : 'none'],
        ['Host mode', probe.hostMode ?? 'n/a (kvm_hv not loaded)'],
        ...run,
      ],
    )
}

/** The machine options tried at each level, what QEMU refused and the setting each retry added. */
function machineSummary(summary: Summary, attempts: Attempt[], l2: Attempt[]): void {
  const rows = (level: string, tried: Attempt[]) =>
    tried.map((attempt, index) => [
      level,
      String(index + 1),
      attempt.machine,
      attempt.refusal?.split('\n').find((line) => !/warning:/.test(line)) ??
        (index === tried.length - 1 ? 'started' : ''),
      attempt.fix ?? '',
    ])
  summary
    .heading('Machine options', 3)
    .table(
      ['QEMU', 'Attempt', '-M', 'QEMU said', 'Next try adds'],
      [...rows(l2.length > 0 ? 'L0' : 'guest', attempts), ...rows('L2 (inside L1)', l2)],
    )
}

/**
 * Refusals no machine setting can answer, as configuration errors naming the input: a QEMU that
 * emulates fewer threads per core than asked (QEMU 7.2 under TCG: one), or one without PowerVM's
 * nested API v2 (cap-nested-papr, QEMU 9.0+). Anything else stays QEMU's own error.
 */
export function refusalExplained(
  error: unknown,
  request: Pick<BootTestRequest, 'guestConfig' | 'hostMode'>,
  qemu: string,
): unknown {
  if (!(error instanceof QemuStartError)) return error
  const threads = /TCG cannot support more than (\d+) threads?\/core/.exec(error.output)
  if (threads && request.guestConfig.threads)
    return new ConfigurationError(
      `Input 'threads' is ${request.guestConfig.threads}, but ${qemu} emulates at most ${threads[1]} thread(s) per core under TCG ("${threads[0]}"); expected threads ${threads[1]}, or input 'qemu' set to a QEMU that emulates SMT (8.0 or later, such as /var/cache/kvm-actions/qemu10/bin/qemu-system-ppc64 from setup-host.sh), or KVM`,
    )
  if (request.hostMode === 'lpar-nested-v2' && /cap-nested-papr/.test(error.output))
    return new ConfigurationError(
      `Input 'host-mode' is lpar-nested-v2, but ${qemu} has no cap-nested-papr (PowerVM's nested API v2, QEMU 9.0 or later): ${error.message}; expected input 'qemu' set to such a QEMU, such as /var/cache/kvm-actions/qemu10/bin/qemu-system-ppc64 from setup-host.sh`,
    )
  return error
}
