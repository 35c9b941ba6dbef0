/** boot-test-guest: boot guests under KVM on POWER (emulation elsewhere) and report like a kernel CI. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { createWorkDir, postCleanUp, trackProcess } from '../action/cleanup.js'
import { ConfigurationError, defineAction, InfrastructureError, input, TestFailure } from '../action/index.js'
import { describeArgv } from '../exec/exec.js'
import { bootGuest, buildInitramfs, qemuArgv, QemuStartError, READY_MARKER } from './boot.js'
import { timelineSummary, writeResults } from './results.js'
import type { Summary } from '../report/summary.js'
import { requireTools } from '../exec/tools.js'
import { chooseAccel, probeHost } from './probe.js'
import { GUEST_QEMU_DIR, modulesBesideKernel, nestedPayload } from './nested.js'
import { type Attempt, cpuModel, machineOptions, negotiate } from './machine.js'
import { bootWithLibvirt, domainXml } from './libvirt.js'
import {
  bootImage,
  createOverlay,
  createSeed,
  DEFAULT_IMAGE,
  fetchImage,
  type ImageBoot,
  type ImageBootOptions,
  IMAGE_READY_MARKERS,
  imageQemuArgv,
  runSshKey,
} from './image.js'
import { defaultCacheDir } from '../host/paths.js'
import { freePort } from '../net/port.js'
import { collectRpms, rpmSetInput } from '../rpm/collect.js'
import { kernelFromRpms, qemuFromRpms } from './from-rpms.js'

const NESTED_L2_MEMORY_MB = 512
const NESTED_L1_MIN_MEMORY_MB = 2048

export const bootTestGuest = defineAction({
  name: 'boot-test-guest',
  title: 'Boot-test guest',
  description: 'Boot ppc64le guests under KVM on POWER (emulation elsewhere), run checks inside, and report.',
  inputs: {
    scenario: input.oneOf({
      description:
        '`kernel`: direct boot of a kernel with a generated busybox initramfs that runs the checks. `nested`: the kernel boots as an L1 hypervisor (cap-nested-hv=on), loads kvm_hv and must start an L2 guest under KVM; the checks then run in L1. `image`: a cloud disk image with a cloud-init seed; the checks run over SSH.',
      values: ['kernel', 'nested', 'image'],
      required: true,
    }),
    kernel: input.path({
      description:
        'kernel and nested: the ppc64le kernel image (vmlinux) to boot: build-kernel’s, or /var/cache/kvm-actions/guest-kernel/vmlinux-* that scripts/setup-host.sh fetches.',
      mustExist: 'file',
    }),
    'kernel-rpms': rpmSetInput({
      description:
        'kernel and nested: build-kernel’s RPMs (paths, globs or folders); kernel-core and the module packages are unpacked (not installed) and booted instead of kernel.',
    }),
    'qemu-rpms': rpmSetInput({
      description:
        'patch-qemu’s qemu-kvm RPMs (paths, globs or folders), unpacked into a private folder and run from there with their own firmware instead of qemu.',
    }),
    image: input.string({
      description:
        'image: the disk image, a URL (cached across runs by checksum) or a path; the guest always runs on a qcow2 overlay.',
      default: DEFAULT_IMAGE,
    }),
    'image-checksum': input.string({
      description:
        'image: the CHECKSUM file (GNU or BSD lines), URL or path; by default CHECKSUM beside the image URL.',
    }),
    'image-checksum-key': input.string({
      description: 'image: an armored public key; CHECKSUM.asc must then be its good signature of CHECKSUM.',
    }),
    'image-user': input.string({
      description: 'image: the user cloud-init gives this run’s SSH key (the image’s default user).',
      default: 'almalinux',
      pattern: /^[a-z_][a-z0-9_-]*$/,
      accepted: 'a user name such as almalinux',
    }),
    busybox: input.path({
      description: 'A static ppc64le busybox for the generated initramfs.',
      mustExist: 'file',
      default: '/var/cache/kvm-actions/guest-busybox/bin/busybox',
    }),
    modules: input.path({
      description:
        'nested: the kernel’s modules (such as /lib/modules/<kver>), holding kvm.ko and kvm-hv.ko; by default the modules folder setup-host.sh unpacks beside the kernel.',
      mustExist: 'directory',
    }),
    'nested-qemu': input.path({
      description:
        'nested: a ppc64le qemu-system-ppc64 with its libraries (bin/, lib/ with ld64.so.2, share/vof.bin) to run L2 inside L1.',
      mustExist: 'directory',
      default: GUEST_QEMU_DIR,
    }),
    'l2-kernel': input.path({
      description: 'nested: the L2 guest kernel; by default the same kernel.',
      mustExist: 'file',
    }),
    'l2-timeout': input.duration({
      description: 'nested: time allowed inside L1 for the L2 guest to reach its marker.',
      default: '5m',
    }),
    'ready-markers': input.custom(
      {
        description:
          'Extra regular expressions, one per line, that also mark the guest ready (added to the defaults: the generated init’s marker, or cloud-init’s final line and a login prompt).',
      },
      'regular expressions, one per line',
      (raw) =>
        raw
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((source) => {
            try {
              return new RegExp(source)
            } catch (error) {
              throw new input.InvalidValue((error as Error).message)
            }
          }),
    ),
    'machine-options': input.list({
      description:
        'Extra pseries options (key=value) applied after those derived from the host probe, such as cap-ccf-assist=off.',
      item: /^[a-z0-9-]+=[A-Za-z0-9._-]+$/,
      itemAccepted: 'key=value machine options',
    }),
    checks: input.list({
      description: 'Checks run inside the guest, one per line as `name: command` (busybox sh).',
      item: /^[A-Za-z0-9_.-]+:\s*\S/,
      itemAccepted: '`name: command` entries',
    }),
    qemu: input.string({ description: 'The QEMU system emulator to run.', default: 'qemu-system-ppc64' }),
    launcher: input.oneOf({
      description:
        '`qemu` runs the emulator directly; `libvirt` defines the guest as a libvirt domain the way OpenStack nova does on ppc64le (USB input devices, virtio network, capability levels as <features>) and starts it with virsh.',
      values: ['qemu', 'libvirt'],
      default: 'qemu',
    }),
    'libvirt-uri': input.string({
      description: 'The libvirt connection for launcher: libvirt.',
      default: 'qemu:///system',
    }),
    cpu: input.oneOf({
      description: 'The guest CPU model.',
      values: ['power9', 'power10', 'host'],
      default: 'power9',
    }),
    memory: input.integer({ description: 'Guest memory in MiB.', default: '1024', min: 256, max: 262144 }),
    smp: input.integer({ description: 'Guest CPUs.', default: '1', min: 1, max: 256 }),
    accel: input.oneOf({
      description:
        '`auto` uses KVM when usable and otherwise emulation (with a warning); `kvm` fails without KVM.',
      values: ['auto', 'kvm', 'tcg'],
      default: 'auto',
    }),
    'boot-timeout': input.duration({
      description: 'Time allowed from start to the ready marker.',
      default: '10m',
    }),
    'check-timeout': input.duration({
      description: 'Time allowed for each check inside the guest; a check that takes longer fails.',
      default: '5m',
    }),
    'shutdown-timeout': input.duration({
      description: 'Time allowed after the ready marker for the guest to power off before it is killed.',
      default: '30s',
    }),
    'results-dir': input.path({
      description: 'Where the console log, qemu command line, probe and results are written.',
      default: 'kvm-actions-results/boot-test-guest',
      insideWorkspace: true,
    }),
  },
  outputs: {
    result: 'pass, fail (the guest or a check failed) or error (the runner could not run the guest).',
    checks: 'JSON list of the checks: name, exit code, output.',
    accel: 'The accelerator used: kvm or tcg.',
    probe:
      'JSON description of the host: architecture, CPU generation, platform, /dev/kvm, kvm_hv, nested, XIVE, SMT, hugepages.',
    machine: 'The -M pseries options the guest ran with, after any capability settings QEMU asked for.',
    'results-dir': 'Absolute path of the results folder, ready for upload-artifact.',
  },
  async main(ctx) {
    const { inputs, setOutput, summary, annotate, state } = ctx
    if (inputs.scenario === 'image' && inputs.launcher === 'libvirt') {
      throw new ConfigurationError(
        "Input 'launcher' is libvirt, which boots scenarios kernel and nested; expected launcher qemu for scenario image",
      )
    }
    const tools = requireTools([
      ...(inputs.qemuRpms?.length ? ['rpm2cpio'] : [inputs.qemu]),
      'cpio',
      ...(inputs.launcher === 'libvirt' ? ['virsh'] : []),
      ...(inputs.scenario === 'image' ? ['qemu-img', 'xorriso', 'ssh', 'ssh-keygen'] : []),
    ])
    const probe = probeHost()
    const { accel, reason } = chooseAccel(inputs.accel, probe)
    if (reason && inputs.accel === 'kvm')
      throw new InfrastructureError(`accel is kvm but KVM is not usable: ${reason}`)
    if (reason)
      annotate('warning', `KVM is not usable (${reason}); guests run under emulation (TCG), much slower.`)
    const work = createWorkDir(state, 'guest')
    mkdirSync(inputs.resultsDir, { recursive: true })
    writeFileSync(join(inputs.resultsDir, 'probe.json'), JSON.stringify(probe, null, 2) + '\n')
    setOutput('accel', accel)
    setOutput('probe', probe)
    setOutput('results-dir', inputs.resultsDir)
    const checks = inputs.checks.map((entry) => {
      const colon = entry.indexOf(':')
      return {
        name: entry.slice(0, colon).trim(),
        command: entry.slice(colon + 1).trim(),
        timeoutSeconds: Math.ceil(inputs.checkTimeout / 1000),
      }
    })
    const nested = inputs.scenario === 'nested'
    const image = inputs.scenario === 'image'
    const kernelRpms = await collectRpms(inputs.kernelRpms ?? [], ctx.workspace, 'kernel-rpms')
    const unpackedKernel =
      kernelRpms.length > 0 ? await kernelFromRpms(kernelRpms, join(work, 'kernel-root'), ctx.log) : undefined
    const qemuRpms = await collectRpms(inputs.qemuRpms ?? [], ctx.workspace, 'qemu-rpms')
    const unpackedQemu =
      qemuRpms.length > 0 ? await qemuFromRpms(qemuRpms, join(work, 'qemu-root'), ctx.log) : undefined
    const kernel = unpackedKernel?.kernel ?? inputs.kernel ?? ''
    if (!image && !kernel) {
      throw new ConfigurationError(
        `Input 'kernel' (or kernel-rpms) is required for scenario ${inputs.scenario}; expected the path of a ppc64le vmlinux`,
      )
    }
    let initrd = ''
    let imageGuest: Omit<ImageBootOptions, keyof ImageBoot | 'consoleLog' | 'signal'> & {
      overlay: string
      seed: string
      sshPort: number
    }
    if (image) {
      const fetched = await fetchImage({
        image: inputs.image,
        ...(inputs.imageChecksum ? { checksum: inputs.imageChecksum } : {}),
        ...(inputs.imageChecksumKey ? { signingKey: inputs.imageChecksumKey } : {}),
        cacheDir: defaultCacheDir(),
        workDir: work,
        log: ctx.log,
        signal: ctx.signal,
      })
      const overlay = join(work, 'overlay.qcow2')
      await createOverlay(fetched.path, overlay)
      const key = await runSshKey(work)
      const seed = await createSeed(work, {
        instanceId: basename(work),
        hostname: 'kvm-actions-guest',
        user: inputs.imageUser,
        sshPublicKey: key.publicKey,
      })
      imageGuest = {
        overlay,
        seed,
        sshPort: await freePort(),
        user: inputs.imageUser,
        privateKey: key.privateKey,
        checks,
        bootTimeoutMs: inputs.bootTimeout,
        checkTimeoutMs: inputs.checkTimeout,
        shutdownTimeoutMs: inputs.shutdownTimeout,
      }
      summary.paragraph(
        `Image ${fetched.path}${fetched.cached ? ' (from the cache)' : ''}, verified; the guest writes to an overlay, SSH on 127.0.0.1:${imageGuest.sshPort}.`,
      )
    } else if (nested) {
      const modulesDir = inputs.modules ?? unpackedKernel?.modulesDir ?? modulesBesideKernel(kernel)
      if (!modulesDir) {
        throw new ConfigurationError(
          `Input 'modules' is required for scenario nested: ${kernel} has no modules folder beside it; expected the folder holding kvm.ko and kvm-hv.ko`,
        )
      }
      const payload = await nestedPayload(work, {
        guestQemuDir: inputs.nestedQemu,
        modulesDir,
        l2Kernel: inputs.l2Kernel ?? kernel,
        busybox: inputs.busybox,
        l2MemoryMb: NESTED_L2_MEMORY_MB,
        l2TimeoutSeconds: Math.ceil(inputs.l2Timeout / 1000),
      })
      initrd = await buildInitramfs(work, inputs.busybox, [...payload.checks, ...checks], '', payload.files)
    } else {
      initrd = await buildInitramfs(work, inputs.busybox, checks)
    }
    // L1 holds the L2 guest's memory and its own unpacked initramfs (the emulator and L2 kernel).
    const memoryMb = nested ? Math.max(inputs.memory, NESTED_L1_MIN_MEMORY_MB) : inputs.memory
    const request = {
      accel,
      cpu: inputs.cpu,
      nested,
      firmware: image ? ('slof' as const) : ('vof' as const),
      extra: inputs.machineOptions,
    }
    const options = {
      qemu: unpackedQemu?.qemu ?? inputs.qemu,
      ...(unpackedQemu ? { firmwareDir: unpackedQemu.firmwareDir } : {}),
      kernel,
      initrd,
      machine: machineOptions(probe, request),
      cpu: cpuModel(probe, request),
      memoryMb,
      smp: inputs.smp,
      accel,
      bootTimeoutMs: inputs.bootTimeout,
      shutdownTimeoutMs: inputs.shutdownTimeout,
      pidFile: join(work, 'qemu.pid'),
      onStart: (pid: number) => trackProcess(state, pid),
      consoleLog: join(inputs.resultsDir, 'console.log'),
      markers: [
        image ? IMAGE_READY_MARKERS : [new RegExp(`^${READY_MARKER}$`)],
        inputs.readyMarkers ?? [],
      ].flat(),
      log: ctx.log,
      signal: ctx.signal,
    } as const
    // Each attempt writes the command it runs.
    const commandFile = join(inputs.resultsDir, 'qemu-command.txt')
    const attempts: Attempt[] = []
    try {
      const { result } = await negotiate(
        options.machine,
        (machine) => {
          if (image) {
            const guest = { ...options, ...imageGuest!, machine }
            writeFileSync(commandFile, describeArgv(imageQemuArgv(guest)) + '\n')
            return bootImage(guest)
          }
          if (inputs.launcher === 'libvirt') {
            // libvirt needs the emulator's full path; the domain name is unique per guest.
            const domain = {
              ...options,
              machine,
              qemu: unpackedQemu?.qemu ?? tools[inputs.qemu]!,
              name: `kvm-actions-${basename(work)}`,
              uri: inputs.libvirtUri,
            }
            // libvirt runs qemu as its own user: the work folder (initramfs) must be readable to it.
            chmodSync(work, 0o755)
            const file = join(inputs.resultsDir, 'domain.xml')
            writeFileSync(file, domainXml(domain))
            writeFileSync(
              commandFile,
              describeArgv(['virsh', '-c', inputs.libvirtUri, 'create', file]) + '\n',
            )
            return bootWithLibvirt(domain, file)
          }
          writeFileSync(commandFile, describeArgv(qemuArgv({ ...options, machine })) + '\n')
          return bootGuest({ ...options, machine })
        },
        (error) => (error instanceof QemuStartError ? error.output : undefined),
        attempts,
      )
      setOutput('machine', attempts.at(-1)!.machine)
      if (result.shutdown === 'killed')
        annotate(
          'warning',
          `The guest did not power off within ${input.formatDuration(inputs.shutdownTimeout)}; it was killed.`,
        )
      writeResults(inputs.resultsDir, result)
      setOutput('checks', result.checks)
      const failed = result.checks.filter((check) => check.exitCode !== 0)
      setOutput('result', failed.length > 0 ? 'fail' : 'pass')
      summary.heading('Boot', 3)
      timelineSummary(summary, result.timeline)
      summary.heading('Checks', 3).table(
        ['Check', 'Exit code', 'Output'],
        result.checks.map((check) => [
          check.name,
          check.exitCode,
          check.output.trim().split('\n').slice(0, 3).join(' / '),
        ]),
      )
      for (const finding of result.findings) {
        ctx.annotate(finding.fatal ? 'error' : 'warning', `${finding.kind}: ${finding.line}`, {
          title: 'guest console',
          file: options.consoleLog,
          startLine: finding.lineNumber,
        })
      }
      if (failed.length > 0)
        throw new TestFailure(
          `guest checks failed: ${failed.map((c) => `${c.name} (exit code ${c.exitCode})`).join(', ')}`,
        )
    } catch (error) {
      if (!(error instanceof TestFailure)) setOutput('result', 'error')
      else setOutput('result', 'fail')
      throw error
    } finally {
      if (attempts.length > 1) machineSummary(summary, attempts)
    }
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
          [
            'Hugepages',
            probe.hugepages ? `${probe.hugepages.total} × ${probe.hugepages.sizeKb} KiB` : 'none',
          ],
          ['Scenario', inputs.scenario],
          ['Launcher', inputs.launcher],
          ...(nested ? [['L1 memory', `${memoryMb} MiB (L2: ${NESTED_L2_MEMORY_MB} MiB)`]] : []),
          ['Accelerator', accel + (reason ? ` (${reason})` : '')],
          ['Boot timeout', input.formatDuration(inputs.bootTimeout)],
        ],
      )
  },
  post: postCleanUp,
})

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
