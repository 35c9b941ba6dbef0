/**
 * One boot test: probe the host, choose the accelerator, let the scenario prepare the guest,
 * boot it through the launcher while negotiating the machine's capabilities, and report the
 * timeline, checks, findings and host. It takes what it uses as parameters; the action parses
 * inputs and sets outputs.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { InfrastructureError, TestFailure } from '../errors.js'
import { formatDuration } from '../report/duration.js'
import { requireTools } from '../exec/tools.js'
import type { Reporter } from '../reporter.js'
import type { Summary } from '../report/summary.js'
import { type BootResult, QemuStartError } from './boot.js'
import { type GuestCheck } from './initramfs.js'
import { candidateL2Qemu, kernelFromRpms, qemuFromRpms } from './from-rpms.js'
import type { Launcher, LauncherName } from './launchers/launcher.js'
import { libvirtLauncher } from './launchers/libvirt.js'
import { type CloudRun, openstackLauncher, type OpenstackLauncherOptions } from './launchers/openstack.js'
import { qemuLauncher } from './launchers/qemu.js'
import { type Attempt, cpuModel, machineOptions, negotiate } from './machine.js'
import { type Accel, chooseAccel, type HostProbe, probeHost } from './probe.js'
import { timelineSummary, workloadSummary, writeResults } from './results.js'
import { configMismatches, configuredKernelArgs, type GuestConfig, guestViewRows } from './guest-config.js'
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
  /** Records a cloud run (launcher openstack) for the post step, before anything is created. */
  trackCloudRun?(run: CloudRun): void
}

export interface BootTestOutcome {
  result: BootResult
  /** The checks that did not exit 0: the action fails the step with them. */
  failedChecks: BootResult['checks']
  /** The workloads that failed, with why. */
  failedWorkloads: { name: string; guest: string; why: string }[]
  metrics: RunMetrics
}

/** The step's failure for checks and workloads that did not pass. */
export function checksFailure(
  failed: BootResult['checks'],
  failedWorkloads: BootTestOutcome['failedWorkloads'] = [],
): TestFailure {
  return new TestFailure(
    [
      ...(failed.length > 0
        ? [`guest checks failed: ${failed.map((c) => `${c.name} (exit code ${c.exitCode})`).join(', ')}`]
        : []),
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
  const machineRequest = {
    accel,
    cpu: request.cpu,
    nested: scenario.nested,
    firmware: guest.firmware,
    ...(request.guestConfig.cpuCompat ? { cpuCompat: request.guestConfig.cpuCompat } : {}),
    extra: request.machineOptions,
  }
  const kernelArgs = configuredKernelArgs(request.guestConfig, request.kernelArgs)
  const options = {
    qemu,
    ...(unpackedQemu ? { firmwareDir: unpackedQemu.firmwareDir } : {}),
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
  let outcome: BootTestOutcome
  try {
    const { result } = await negotiate(
      options.machine,
      (machine) => launcher.launch({ ...options, machine }, request.resultsDir),
      (error) => (error instanceof QemuStartError ? error.output : undefined),
      attempts,
    )
    deps.onMachine(attempts.at(-1)!.machine)
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
    outcome = {
      result,
      failedChecks: result.checks.filter((check) => check.exitCode !== 0),
      failedWorkloads,
      metrics,
    }
    report(result, request, deps, options.consoleLog)
    const mismatches = configMismatches(request.guestConfig, result.guestView)
    if (mismatches.length > 0)
      throw new TestFailure(`the guest did not run as asked: ${mismatches.join('; ')}`)
  } finally {
    if (attempts.length > 1) machineSummary(deps.summary, attempts)
  }
  hostSummary(deps.summary, probe, [
    ['Scenario', scenario.name],
    ['Launcher', launcher.name],
    ...guest.details,
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
  for (const finding of result.findings) {
    deps.annotate(finding.fatal ? 'error' : 'warning', `${finding.kind}: ${finding.line}`, {
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
        ...run,
      ],
    )
}

/** The machine options tried, what QEMU refused and the setting each retry added. */
function machineSummary(summary: Summary, attempts: Attempt[]): void {
  summary.heading('Machine options', 3).table(
    ['Attempt', '-M', 'QEMU said', 'Next try adds'],
    attempts.map((attempt, index) => [
      String(index + 1),
      attempt.machine,
      attempt.refusal?.split('\n').find((line) => !/warning:/.test(line)) ?? 'started',
      attempt.fix ?? '',
    ]),
  )
}
