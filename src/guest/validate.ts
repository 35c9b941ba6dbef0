/** boot-test-guest's checks between inputs, before anything is loaded or probed. */
import type { BootTestRequest } from './boot-test.js'
import { smtProblems } from './guest-config.js'
import { SCENARIOS } from './scenarios/index.js'

/** Problems between inputs, before any work (scenario and launcher, scenario and kernel). */
export function validateBootTest(
  request: Pick<BootTestRequest, 'scenario' | 'kernel' | 'kernelRpms' | 'l2QemuRpms' | 'workloads'> & {
    launcher: Pick<BootTestRequest['launcher'], 'name' | 'libvirtUri'> & { openstackCloud?: string }
    l2KernelArgs?: string
    kernelArgs?: string
    mmu?: string
    threads?: number
    smp?: number
    cpu?: string
    cpuCompat?: string
    hostMode?: string
    l2MachineOptions?: readonly string[]
    l2Threads?: number
  },
): string[] {
  const scenario = SCENARIOS[request.scenario]
  const problems: string[] = []
  if (request.launcher.name === 'openstack' && !request.launcher.openstackCloud)
    problems.push(
      `Input 'openstack-cloud' is required for launcher openstack; expected the cloud's entry name in clouds.yaml (such as kvm-actions-aio)`,
    )
  if (!scenario.launchers.includes(request.launcher.name)) {
    problems.push(
      `Input 'launcher' is ${request.launcher.name}, which boots scenarios ${Object.values(SCENARIOS)
        .filter((s) => s.launchers.includes(request.launcher.name))
        .map((s) => s.name)
        .join(' and ')}; expected launcher ${scenario.launchers.join(' or ')} for scenario ${scenario.name}`,
    )
  }
  if (request.l2QemuRpms.length > 0 && !scenario.nested)
    problems.push(
      `Input 'l2-qemu-rpms' runs the L2 guest of scenario nested; scenario ${scenario.name} has no L2 guest (qemu-rpms runs a candidate QEMU for the guest itself)`,
    )
  // An image boots its own kernel through SLOF, and reports no guest view line to verify against.
  if (scenario.name === 'image') {
    for (const [name, given] of [
      ['kernel-args', request.kernelArgs],
      ['mmu', request.mmu && request.mmu !== 'default' ? request.mmu : undefined],
      ['threads', request.threads && request.threads > 1 ? String(request.threads) : undefined],
    ] as const)
      if (given)
        problems.push(
          `Input '${name}' applies to the generated guests of scenarios kernel and nested; scenario image boots the image's own kernel (set it in the image)`,
        )
  }
  // Seen here: kvm_hv does not load in a hash-MMU L1 ("No such device"), and L2 ignores disable_radix.
  if (request.mmu === 'hash' && scenario.nested)
    problems.push(
      `Input 'mmu' is hash, but nested KVM-HV needs a radix L1 (kvm_hv does not load in a hash guest); expected mmu radix or default for scenario nested`,
    )
  // cpu host: the host's generation is known once probed (boot-test.ts checks it again then).
  if (request.threads && request.threads > 1 && request.cpu && request.cpu !== 'host')
    problems.push(
      ...smtProblems({
        threads: request.threads,
        smp: request.smp ?? 1,
        cpu: request.cpu,
        ...(request.cpuCompat ? { cpuCompat: request.cpuCompat } : {}),
      }),
    )
  if (request.l2MachineOptions && request.l2MachineOptions.length > 0 && !scenario.nested)
    problems.push(
      `Input 'l2-machine-options' sets the L2 QEMU of scenario nested; expected machine-options for scenario ${scenario.name}`,
    )
  if (request.l2Threads && request.l2Threads > 1 && !scenario.nested)
    problems.push(
      `Input 'l2-threads' sets the L2 guest of scenario nested; expected threads for scenario ${scenario.name}`,
    )
  if (request.l2Threads && request.l2Threads > 1 && scenario.nested)
    problems.push(
      ...smtProblems({
        threads: request.l2Threads,
        smp: request.l2Threads,
        cpu: request.cpu ?? 'power9',
        ...(request.cpuCompat ? { cpuCompat: request.cpuCompat } : {}),
      }).map((problem) => problem.replace("Input 'threads'", "Input 'l2-threads'")),
    )
  if (request.hostMode === 'lpar-nested-v2' && scenario.name === 'image')
    problems.push(
      `Input 'host-mode' lpar-nested-v2 applies to scenarios kernel and nested; scenario image boots on the host as probed (expected host-mode auto)`,
    )
  if (request.l2KernelArgs && !scenario.nested)
    problems.push(
      `Input 'l2-kernel-args' is for the L2 guest of scenario nested; expected kernel-args for scenario ${scenario.name}`,
    )
  const kernel = request.kernel ?? (request.kernelRpms.length > 0 ? '(from kernel-rpms)' : undefined)
  return [...problems, ...scenario.validate(kernel ? { kernel } : {})]
}
