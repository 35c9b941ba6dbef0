/**
 * `nested`: the kernel boots as an L1 hypervisor (cap-nested-hv=on), loads kvm_hv and starts an
 * L2 guest under KVM; the user's checks then run in L1.
 */
import { ConfigurationError } from '../../errors.js'
import { buildInitramfs, READY_MARKER } from '../initramfs.js'
import { modulesBesideKernel } from '../modules.js'
import { withOption } from '../machine.js'
import { describeL1Kernel, describeL2Qemu, L2_MACHINE, nestedPayload } from '../nested.js'
import { workloadDisks, workloadGuest } from '../workloads.js'
import { KERNEL_REQUIRED } from './kernel.js'
import type { Scenario } from './scenario.js'

const L2_MEMORY_MB = 512
/** L1 holds the L2 guest's memory and its own unpacked initramfs (the emulator and L2 kernel). */
const L1_MIN_MEMORY_MB = 2048

export const nestedScenario: Scenario = {
  name: 'nested',
  nested: true,
  launchers: ['qemu', 'libvirt'],
  tools: ['cpio'],
  validate: ({ kernel }) => (kernel ? [] : [KERNEL_REQUIRED('nested')]),
  async prepare(request) {
    const kernel = request.kernel!
    const modulesDir = request.modulesDir ?? modulesBesideKernel(kernel)
    if (!modulesDir) {
      throw new ConfigurationError(
        `Input 'modules' is required for scenario nested: ${kernel} has no modules folder beside it; expected the folder holding kvm.ko and kvm-hv.ko`,
      )
    }
    const l2Kernel = request.nested.l2Kernel ?? kernel
    const workloads = request.workloads.length > 0
    const l1Workloads = workloads
      ? await workloadGuest(request.work, modulesDir, request.workloads)
      : undefined
    // The same kernel in L2 loads the same modules: prepared once.
    const l2Workloads =
      workloads && l2Kernel !== kernel
        ? await workloadGuest(request.work, modulesBesideKernel(l2Kernel), request.workloads)
        : l1Workloads
    const payload = await nestedPayload(request.work, {
      guestQemuDir: request.nested.guestQemuDir,
      ...(request.nested.candidateQemu ? { candidateQemu: request.nested.candidateQemu } : {}),
      modulesDir,
      l2Kernel,
      ...(request.nested.l2KernelArgs ? { l2KernelArgs: request.nested.l2KernelArgs } : {}),
      ...(l2Workloads ? { l2Workloads } : {}),
      busybox: request.busybox,
      l2Machine: (request.nested.l2MachineOptions ?? []).reduce(withOption, L2_MACHINE),
      ...(request.nested.l2Threads ? { l2Threads: request.nested.l2Threads } : {}),
      l2MemoryMb: L2_MEMORY_MB,
      l2TimeoutSeconds: Math.ceil(request.nested.l2TimeoutMs / 1000),
    })
    const memoryMb = Math.max(request.memoryMb, L1_MIN_MEMORY_MB)
    return {
      kernel,
      initrd: await buildInitramfs(request.work, request.busybox, {
        checks: [...payload.checks, ...request.checks],
        files: [...payload.files, ...(l1Workloads?.files ?? [])],
        // L1's workloads run before it hosts L2: once L2 has run, the emulated L1 runs memory-heavy
        // work hundreds of times slower (stress-ng vm: 4,612 bogo-ops/s before, 17.9 after, here).
        ...(l1Workloads ? { setup: `${l1Workloads.setup}\n${l1Workloads.runs}` } : {}),
      }),
      ...(l1Workloads
        ? {
            disks: await workloadDisks(request.work, request.workloadTools, request.workloads),
            workloads: l1Workloads.commands,
          }
        : {}),
      firmware: 'vof',
      memoryMb,
      markers: [new RegExp(`^${READY_MARKER}$`)],
      details: [
        ['L1 kernel', describeL1Kernel(kernel, modulesDir)],
        ['L2 QEMU', describeL2Qemu(request.nested.guestQemuDir, request.nested.candidateQemu)],
        ['L1 memory', `${memoryMb} MiB (L2: ${L2_MEMORY_MB} MiB)`],
      ],
    }
  },
}
