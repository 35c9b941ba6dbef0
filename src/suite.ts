/** The root action.yml: one Marketplace entry that runs any action of the suite by name. */
import { ConfigurationError } from './errors.js'
import { type Phase, runAction } from './action/run.js'
import { ACTIONS, findAction } from './actions.js'
import type { ActionHost } from './host/host.js'

export async function runSuite(host: ActionHost, phase: Phase): Promise<number> {
  const name = host.getInput('action').trim()
  const action = findAction(name)
  if (!action) {
    const error = new ConfigurationError(
      name
        ? `Input 'action' has an invalid value ${JSON.stringify(name)}; expected one of ${ACTIONS.map((a) => a.name).join(', ')}.`
        : `Input 'action' is required but was not given; expected one of ${ACTIONS.map((a) => a.name).join(', ')}.`,
    )
    // The post phase of an unknown action has nothing to clean up; main already reported it.
    if (phase === 'post') return 0
    host.fail(error.headline)
    return 1
  }
  return runAction(action, host, phase)
}
