/** Every action of the suite, in the order a pipeline runs them. */
import type { AnyAction } from './action/definition.js'
import { bootTestGuest } from './guest/action.js'
import { buildKernel } from './kernel/action.js'
import { patchQemu } from './qemu/action.js'
import { publishRepo } from './repo/action.js'
import { trackMetrics } from './trends/action.js'
import { checkUpstream } from './upstream/action.js'

export const ACTIONS: readonly AnyAction[] = [
  checkUpstream,
  buildKernel,
  patchQemu,
  bootTestGuest,
  publishRepo,
  trackMetrics,
]

export function findAction(name: string): AnyAction | undefined {
  return ACTIONS.find((action) => action.name === name)
}
