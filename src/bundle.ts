/**
 * The one bundle every entry loads (dist/lib): the actions, the suite action and the CLI. The
 * entries under dist/<name>/ are two generated lines that call into it.
 */
import { runCli } from './cli/main.js'
import { dropRunnerDebugLines } from './host/cli.js'
import { currentPhase, githubHost, runOnGitHub } from './host/github.js'
import { findAction } from './actions.js'
import { runSuite } from './suite.js'

/** An action's own entry (actions/<name>/action.yml). */
export async function runActionEntry(name: string): Promise<void> {
  const action = findAction(name)
  if (!action) throw new Error(`no action named ${name} in this bundle`)
  await runOnGitHub(action)
}

/** The root action.yml: the action named by its `action` input. */
export async function runSuiteEntry(): Promise<void> {
  const host = githubHost()
  process.exitCode = await runSuite(host, currentPhase(host))
}

/** The kvm-actions command. */
export async function runCliEntry(argv: string[]): Promise<void> {
  dropRunnerDebugLines()
  process.exitCode = await runCli(argv)
}
