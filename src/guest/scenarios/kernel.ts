/** `kernel`: direct boot of a kernel with a generated busybox initramfs that runs the checks. */
import { buildInitramfs, READY_MARKER } from '../initramfs.js'
import { modulesBesideKernel } from '../modules.js'
import { workloadDisks, workloadGuest } from '../workloads.js'
import type { Scenario } from './scenario.js'

export const KERNEL_REQUIRED = (scenario: string): string =>
  `Input 'kernel' (or kernel-rpms) is required for scenario ${scenario}; expected the path of a ppc64le vmlinux`

export const kernelScenario: Scenario = {
  name: 'kernel',
  nested: false,
  launchers: ['qemu', 'libvirt', 'openstack'],
  tools: ['cpio'],
  validate: ({ kernel }) => (kernel ? [] : [KERNEL_REQUIRED('kernel')]),
  async prepare(request) {
    const kernel = request.kernel!
    const workloads =
      request.workloads.length > 0
        ? await workloadGuest(
            request.work,
            request.modulesDir ?? modulesBesideKernel(kernel),
            request.workloads,
          )
        : undefined
    return {
      kernel,
      initrd: await buildInitramfs(request.work, request.busybox, {
        checks: request.checks,
        ...(workloads ? { setup: workloads.setup, after: workloads.runs, files: workloads.files } : {}),
      }),
      ...(workloads
        ? {
            disks: await workloadDisks(request.work, request.workloadTools, request.workloads),
            workloads: workloads.commands,
          }
        : {}),
      firmware: 'vof',
      memoryMb: request.memoryMb,
      markers: [new RegExp(`^${READY_MARKER}$`)],
      details: [],
    }
  },
}
