/** `kernel`: direct boot of a kernel with a generated busybox initramfs that runs the checks. */
import { buildInitramfs, READY_MARKER } from '../boot.js'
import type { Scenario } from './scenario.js'

export const KERNEL_REQUIRED = (scenario: string): string =>
  `Input 'kernel' (or kernel-rpms) is required for scenario ${scenario}; expected the path of a ppc64le vmlinux`

export const kernelScenario: Scenario = {
  name: 'kernel',
  nested: false,
  launchers: ['qemu', 'libvirt'],
  tools: ['cpio'],
  validate: ({ kernel }) => (kernel ? [] : [KERNEL_REQUIRED('kernel')]),
  async prepare(request) {
    return {
      kernel: request.kernel!,
      initrd: await buildInitramfs(request.work, request.busybox, request.checks),
      firmware: 'vof',
      memoryMb: request.memoryMb,
      markers: [new RegExp(`^${READY_MARKER}$`)],
      details: [],
    }
  },
}
