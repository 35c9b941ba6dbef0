/** boot-test-guest's checks between inputs, before anything is loaded or probed. */
import type { BootTestRequest } from './boot-test.js'
import { SCENARIOS } from './scenarios/index.js'

/** Problems between inputs, before any work (scenario and launcher, scenario and kernel). */
export function validateBootTest(
  request: Pick<BootTestRequest, 'scenario' | 'launcher' | 'kernel' | 'kernelRpms' | 'l2QemuRpms'>,
): string[] {
  const scenario = SCENARIOS[request.scenario]
  const problems: string[] = []
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
  const kernel = request.kernel ?? (request.kernelRpms.length > 0 ? '(from kernel-rpms)' : undefined)
  return [...problems, ...scenario.validate(kernel ? { kernel } : {})]
}
