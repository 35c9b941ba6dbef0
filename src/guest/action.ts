/** boot-test-guest: boot guests under KVM on POWER (emulation elsewhere) and report like a kernel CI. */
import { createWorkDir, postCleanUp, trackProcess } from '../action/cleanup.js'
import { defineAction, input, TestFailure } from '../action/index.js'
import { defaultCacheDir } from '../fs/paths.js'
import { collectRpms } from '../rpm/collect.js'
import { rpmSetInput } from '../steps/rpm-inputs.js'
import type { BootTestRequest } from './boot-test.js'
import { validateBootTest } from './validate.js'
import { DEFAULT_IMAGE } from './image.js'
import { GUEST_QEMU_DIR } from './nested.js'
import { WORKLOAD_TOOLS_DIR } from './workloads.js'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type CloudRun, DEFAULT_IMAGE_PROPERTIES } from './launchers/openstack.js'

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
    'l2-qemu-rpms': rpmSetInput({
      description:
        'nested: patch-qemu’s ppc64le qemu-kvm RPMs (paths, globs or folders), unpacked into L1’s initramfs to run the L2 guest, so the nested test exercises the rebuilt QEMU inside the candidate kernel; the libraries it needs come from these RPMs, then from nested-qemu’s lib/. Without it, nested-qemu’s emulator runs L2.',
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
    'l2-machine-options': input.list({
      description:
        'nested: pseries options (key=value) the L2 QEMU inside L1 starts with, pinning settings its own negotiation would otherwise find (such as cap-hpt-max-page-size=4k under a 4 KiB-page L1 with nested API v2).',
      item: /^[a-z0-9-]+=[A-Za-z0-9._-]+$/,
      itemAccepted: 'key=value machine options',
    }),
    'host-mode': input.oneOf({
      description:
        '`auto`: as the probe finds the host. `lpar-nested-v2`: KVM inside a PowerVM LPAR (POWER10, FW1060+, KVM mode), whose KVM runs guests through the nested API v2. On such an LPAR (the probe recognises it) the runner is the L1 and guests run under its KVM; elsewhere scenario nested emulates it: L0 QEMU (9.0+) offers cap-nested-papr=on instead of cap-nested-hv, and L1 needs Linux 6.7+.',
      values: ['auto', 'lpar-nested-v2'],
      default: 'auto',
    }),
    checks: input.list({
      description: 'Checks run inside the guest, one per line as `name: command` (busybox sh).',
      item: /^[A-Za-z0-9_.-]+:\s*\S/,
      itemAccepted: '`name: command` entries',
    }),
    workloads: input.list({
      description:
        'Workloads run inside the guest after the checks, one per line as `name: command`: stress-ng and fio (from a read-only tools disk; fio’s target is the scratch disk $SCRATCH_DISK the action attaches). Their metrics (bogo-ops/s per stressor; IOPS and p99 latency per fio job) go to results.json, metrics.json, JUnit properties and the summary. In nested they run in L1 (before it starts L2) and in L2, with L2 ÷ L1 per metric. A kernel WARN, soft lockup, RCU stall or OOM kill while one runs fails it.',
      item: /^[A-Za-z0-9_.-]+:\s*\S/,
      itemAccepted: '`name: command` entries',
    }),
    'workload-tools': input.path({
      description:
        'A folder with ppc64le stress-ng and fio (bin/) and their libraries with ld64.so.2 (lib/).',
      mustExist: 'directory',
      default: WORKLOAD_TOOLS_DIR,
    }),
    'kernel-args': input.string({
      description: 'Appended to the guest kernel’s command line (L1’s in nested).',
      pattern: /^[^\n]*$/,
      accepted: 'kernel arguments on one line',
    }),
    'l2-kernel-args': input.string({
      description: 'nested: appended to the L2 guest kernel’s command line.',
      pattern: /^[^\n]*$/,
      accepted: 'kernel arguments on one line',
    }),
    mmu: input.oneOf({
      description:
        'The guest MMU mode: `radix`, `hash` (the kernel gets disable_radix) or `default` (the kernel chooses). The boot fails when the guest runs another.',
      values: ['default', 'radix', 'hash'],
      default: 'default',
    }),
    threads: input.integer({
      description:
        'Threads per core (SMT) of the guest: -smp <smp>,threads=<threads>; verified in the guest. 1, 2 or 4 on POWER9 (SMT4), up to 8 on POWER10 (SMT8); smp must be a multiple. Under emulation it needs QEMU 8.0 or later (QEMU 7.2 runs one thread per core; setup-host.sh unpacks QEMU 10 into /var/cache/kvm-actions/qemu10).',
      default: '1',
      min: 1,
      max: 8,
    }),
    'l2-threads': input.integer({
      description:
        'nested: threads per core of the L2 guest (one core, -smp T,threads=T inside L1); verified in L2’s own view of its CPUs.',
      default: '1',
      min: 1,
      max: 8,
    }),
    'cpu-compat': input.oneOf({
      description:
        'The generation the guest is held to (max-cpu-compat), such as power9 on a POWER10 host; `none` leaves it to the CPU model. Verified in the guest’s /proc/cpuinfo.',
      values: ['none', 'power9', 'power10'],
      default: 'none',
    }),
    qemu: input.string({ description: 'The QEMU system emulator to run.', default: 'qemu-system-ppc64' }),
    launcher: input.oneOf({
      description:
        '`qemu` runs the emulator directly; `libvirt` defines the guest as a libvirt domain the way OpenStack nova does on ppc64le (USB input devices, virtio network, capability levels as <features>) and starts it with virsh; `openstack` has nova boot it on the cloud openstack-cloud names (kernel: the kernel and initramfs as glance AKI/ARI images), the checks read through the console-log API, everything the run creates deleted after it and checked gone.',
      values: ['qemu', 'libvirt', 'openstack'],
      default: 'qemu',
    }),
    'libvirt-uri': input.string({
      description:
        'The libvirt connection for launcher: libvirt; for launcher: openstack, the compute node’s libvirt when it is local, to record the domain nova defined.',
      default: 'qemu:///system',
    }),
    'openstack-cloud': input.string({
      description:
        'launcher openstack: the cloud’s entry in clouds.yaml (passed as OS_CLOUD, never on a command line).',
      pattern: /^[A-Za-z0-9_.-]+$/,
      accepted: 'a clouds.yaml entry name such as kvm-actions-aio',
    }),
    'openstack-clouds-yaml': input.string({
      description:
        'launcher openstack: the clouds.yaml holding openstack-cloud, as a path or as its contents (from a secret; written to a private file); by default OS_CLIENT_CONFIG_FILE or the standard places (./clouds.yaml, ~/.config/openstack/, /etc/openstack/).',
    }),
    'openstack-flavor': input.string({
      description: 'launcher openstack: the flavor (name or id) of the server.',
      default: 'kvm-actions.small',
      pattern: /^[^\n]+$/,
      accepted: 'a flavor name or id',
    }),
    'openstack-network': input.string({
      description:
        'launcher openstack: the network (name or id) of the server, or `none` (the kernel scenario needs none: its results come through the console-log API).',
      default: 'none',
      pattern: /^[^\n]+$/,
      accepted: 'a network name or id, or none',
    }),
    'openstack-availability-zone': input.string({
      description: 'launcher openstack: the availability zone of the server.',
      pattern: /^[^\n]+$/,
      accepted: 'an availability zone name',
    }),
    'openstack-host': input.string({
      description:
        'launcher openstack: the compute host to place the server on (the canary that got the candidate packages; needs an admin cloud).',
      pattern: /^[^\n]+$/,
      accepted: 'a compute host name',
    }),
    'openstack-image-properties': input.list({
      description: `launcher openstack: glance properties of the image, one per line as key=value, after the defaults (\`${DEFAULT_IMAGE_PROPERTIES.join('`, `')}\`).`,
      item: /^[A-Za-z0-9_:.-]+=[^\n]*$/,
      itemAccepted: 'key=value properties',
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
    workloads:
      'JSON list of the workloads: name, guest (guest, L1 or L2), exit code, metrics, kernel messages.',
    metrics:
      'Path of metrics.json: boot time to the marker, L2 time, workload metrics, accelerator, host generation, kernel (the input of track-metrics).',
    accel: 'The accelerator used: kvm or tcg.',
    probe:
      'JSON description of the host: architecture, CPU generation, platform, /dev/kvm, kvm_hv, nested, XIVE, SMT, hugepages.',
    machine: 'The -M pseries options the guest ran with, after any capability settings QEMU asked for.',
    'l2-machine':
      'nested: the -M pseries options the L2 QEMU inside L1 ran with, after the settings it asked for there.',
    'results-dir': 'Absolute path of the results folder, ready for upload-artifact.',
  },
  validate: (inputs) =>
    validateBootTest({
      scenario: inputs.scenario,
      launcher: {
        name: inputs.launcher,
        libvirtUri: inputs.libvirtUri,
        ...(inputs.openstackCloud ? { openstackCloud: inputs.openstackCloud } : {}),
      },
      ...(inputs.kernel ? { kernel: inputs.kernel } : {}),
      kernelRpms: inputs.kernelRpms ?? [],
      l2QemuRpms: inputs.l2QemuRpms ?? [],
      workloads: inputs.workloads,
      mmu: inputs.mmu,
      threads: inputs.threads,
      smp: inputs.smp,
      cpu: inputs.cpu,
      ...(inputs.cpuCompat !== 'none' ? { cpuCompat: inputs.cpuCompat } : {}),
      hostMode: inputs.hostMode,
      l2MachineOptions: inputs.l2MachineOptions,
      l2Threads: inputs.l2Threads,
      ...(inputs.kernelArgs ? { kernelArgs: inputs.kernelArgs } : {}),
      ...(inputs.l2KernelArgs ? { l2KernelArgs: inputs.l2KernelArgs } : {}),
    }),
  async main(ctx) {
    const { inputs, setOutput, state } = ctx
    const request: BootTestRequest = {
      scenario: inputs.scenario,
      launcher: {
        name: inputs.launcher,
        libvirtUri: inputs.libvirtUri,
        ...(inputs.launcher === 'openstack'
          ? {
              openstack: {
                cloud: inputs.openstackCloud ?? '',
                ...cloudsYaml(inputs.openstackCloudsYaml ?? '', state),
                flavor: inputs.openstackFlavor,
                network: inputs.openstackNetwork,
                ...(inputs.openstackAvailabilityZone
                  ? { availabilityZone: inputs.openstackAvailabilityZone }
                  : {}),
                ...(inputs.openstackHost ? { host: inputs.openstackHost } : {}),
                imageProperties: inputs.openstackImageProperties,
              },
            }
          : {}),
      },
      ...(inputs.kernel ? { kernel: inputs.kernel } : {}),
      kernelRpms: await collectRpms(inputs.kernelRpms ?? [], ctx.workspace, 'kernel-rpms'),
      qemuRpms: await collectRpms(inputs.qemuRpms ?? [], ctx.workspace, 'qemu-rpms'),
      l2QemuRpms: await collectRpms(inputs.l2QemuRpms ?? [], ctx.workspace, 'l2-qemu-rpms'),
      ...(inputs.modules ? { modulesDir: inputs.modules } : {}),
      qemu: inputs.qemu,
      busybox: inputs.busybox,
      checks: inputs.checks,
      workloads: inputs.workloads,
      workloadTools: inputs.workloadTools,
      ...(inputs.kernelArgs ? { kernelArgs: inputs.kernelArgs } : {}),
      guestConfig: {
        ...(inputs.mmu !== 'default' ? { mmu: inputs.mmu } : {}),
        ...(inputs.threads > 1 ? { threads: inputs.threads } : {}),
        ...(inputs.cpuCompat !== 'none' ? { cpuCompat: inputs.cpuCompat } : {}),
      },
      checkTimeoutMs: inputs.checkTimeout,
      extraMarkers: inputs.readyMarkers ?? [],
      machineOptions: inputs.machineOptions,
      cpu: inputs.cpu,
      hostMode: inputs.hostMode,
      smp: inputs.smp,
      memoryMb: inputs.memory,
      accel: inputs.accel,
      nested: {
        guestQemuDir: inputs.nestedQemu,
        ...(inputs.l2Kernel ? { l2Kernel: inputs.l2Kernel } : {}),
        ...(inputs.l2KernelArgs ? { l2KernelArgs: inputs.l2KernelArgs } : {}),
        l2MachineOptions: inputs.l2MachineOptions,
        ...(inputs.l2Threads > 1 ? { l2Threads: inputs.l2Threads } : {}),
        l2TimeoutMs: inputs.l2Timeout,
      },
      image: {
        image: inputs.image,
        ...(inputs.imageChecksum ? { checksum: inputs.imageChecksum } : {}),
        ...(inputs.imageChecksumKey ? { checksumKey: inputs.imageChecksumKey } : {}),
        user: inputs.imageUser,
        cacheDir: defaultCacheDir(),
        checkTimeoutMs: inputs.checkTimeout,
      },
      bootTimeoutMs: inputs.bootTimeout,
      shutdownTimeoutMs: inputs.shutdownTimeout,
      resultsDir: inputs.resultsDir,
    }
    setOutput('results-dir', inputs.resultsDir)
    const { bootTest, checksFailure } = await import('./boot-test.js')
    try {
      const { result, failedChecks, failedWorkloads, l2Refusal } = await bootTest(request, {
        log: ctx.log,
        summary: ctx.summary,
        signal: ctx.signal,
        annotate: (kind, message, properties) => ctx.annotate(kind, message, properties),
        workDir: (prefix) => createWorkDir(state, prefix),
        trackProcess: (pid) => trackProcess(state, pid),
        onProbe: (probe, accel) => {
          setOutput('accel', accel)
          setOutput('probe', probe)
        },
        onMachine: (machine) => setOutput('machine', machine),
        onL2Machine: (machine) => setOutput('l2-machine', machine),
        trackCloudRun: (run) => state.save(CLOUD_RUNS, [...(state.get<CloudRun[]>(CLOUD_RUNS) ?? []), run]),
      })
      setOutput('checks', result.checks)
      setOutput('workloads', result.workloads)
      setOutput('metrics', join(inputs.resultsDir, 'metrics.json'))
      const failed = failedChecks.length > 0 || failedWorkloads.length > 0
      setOutput('result', failed ? 'fail' : 'pass')
      if (failed) throw checksFailure(failedChecks, failedWorkloads, l2Refusal)
    } catch (error) {
      setOutput('result', error instanceof TestFailure ? 'fail' : 'error')
      throw error
    }
  },
  // The cloud's resources first: a clouds.yaml given as contents lives in a work folder.
  async post(ctx) {
    try {
      const runs = ctx.state.get<CloudRun[]>(CLOUD_RUNS) ?? []
      if (runs.length > 0) {
        const { deleteRun } = await import('./launchers/openstack.js')
        for (const run of runs) {
          const deleted = await deleteRun(run)
          if (deleted.length > 0) ctx.log.info(`Deleted on cloud ${run.cloud}: ${deleted.join(', ')}`)
        }
      }
    } finally {
      await postCleanUp(ctx)
    }
  },
})

const CLOUD_RUNS = 'openstack-runs'

/** openstack-clouds-yaml: a path, or the file's contents (a secret) written to a private file. */
function cloudsYaml(given: string, state: Parameters<typeof createWorkDir>[0]): { configFile?: string } {
  if (!given) return {}
  if (!given.includes('\n')) return { configFile: given }
  const file = join(createWorkDir(state, 'openstack'), 'clouds.yaml')
  writeFileSync(file, given, { mode: 0o600 })
  return { configFile: file }
}
