/**
 * Runs one phase of an action on a host: parse inputs, call the phase, set outputs, write the
 * summary, and turn any failure into its headline and exit code 1.
 */
import type { ActionHost } from '../host/host.js'
import { Annotator } from './annotations.js'
import { Summary } from '../report/summary.js'
import type { AnyAction, OutputValue, PhaseContext } from './definition.js'
import { failureHeadline, failureKind } from '../errors.js'
import { configurationErrors, parseInputs } from './inputs.js'

export type Phase = 'main' | 'post'

const RESULT_ICON = { passed: '✅', configuration: '⚙️', infrastructure: '🛠️', test: '❌', internal: '💥' }

function phaseContext(
  host: ActionHost,
  summary: Summary,
  annotator: Annotator,
  signal: AbortSignal,
): PhaseContext {
  return {
    log: host,
    summary,
    workspace: host.workspace,
    runInfo: host.runInfo,
    cache: host.cache,
    signal,
    host: host.kind,
    annotate: (kind, message, properties) => annotator.annotate(kind, message, properties),
    setSecret: (value) => host.setSecret(value),
    rawInput: (name) => host.getInput(name),
    state: {
      save: (name, value) => host.saveState(name, JSON.stringify(value)),
      get: <T>(name: string) => {
        const raw = host.getState(name)
        return raw ? (JSON.parse(raw) as T) : undefined
      },
    },
  }
}

/** Stops the phase's work on SIGINT/SIGTERM (job cancelled); the phase decides how to wind down. */
function cancellation(host: ActionHost): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    host.warning(`Received ${signal}: stopping`)
    controller.abort(new Error(`cancelled by ${signal}`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    dispose: () => {
      process.removeListener('SIGINT', onSignal)
      process.removeListener('SIGTERM', onSignal)
    },
  }
}

export function formatOutput(value: OutputValue): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** Returns the exit code (0 or 1); the host has already been told about any failure. */
export async function runAction(action: AnyAction, host: ActionHost, phase: Phase = 'main'): Promise<number> {
  const summary = new Summary()
  const annotator = new Annotator(host)
  const { signal, dispose } = cancellation(host)
  const ctx = phaseContext(host, summary, annotator, signal)
  let outcome: keyof typeof RESULT_ICON = 'passed'
  let headline: string | undefined
  try {
    if (phase === 'post') {
      if (action.post) await action.post(ctx)
    } else {
      const declared = new Set(Object.keys(action.outputs))
      const inputs = parseInputs(action.inputs, (name) => host.getInput(name), { workspace: host.workspace })
      const problems = action.validate?.(inputs, { workspace: host.workspace }) ?? []
      if (problems.length > 0) throw configurationErrors(problems)
      await action.main({
        ...ctx,
        inputs,
        setOutput: (name: string, value: OutputValue) => {
          // The types already prevent this; the check keeps action.yml honest for untyped callers.
          if (!declared.has(name)) throw new Error(`output '${name}' is not declared by ${action.name}`)
          host.setOutput(name, formatOutput(value))
        },
      })
    }
  } catch (error) {
    outcome = failureKind(error)
    headline = failureHeadline(error)
    if (outcome === 'internal' && error instanceof Error && error.stack) host.debug(error.stack)
  } finally {
    dispose()
  }

  let component: string | undefined
  let token = ''
  if (phase === 'main') {
    component = host.getInput('failure-issue').trim() || undefined
    token = host.getInput('github-token')
  }

  const dropped = annotator.droppedNote()
  if (dropped) summary.paragraph(`_${dropped}_`)
  // The failure leads the summary so it is the first thing read.
  const verdict = headline ? (host.summaryInLog ? 'failed' : headline) : 'passed'
  const report = new Summary().heading(
    `${RESULT_ICON[outcome]} ${action.title}${phase === 'post' ? ' (cleanup)' : ''}: ${verdict}`,
  )
  if (phase === 'main' || headline || !summary.isEmpty) await host.writeSummary(report.concat(summary))
  if (component && host.reportOutcome) {
    try {
      const done = await host.reportOutcome(
        {
          component,
          result: outcome,
          ...(headline ? { headline } : {}),
          summary: report.concat(summary).toMarkdown(),
          ...(host.runInfo.runUrl ? { runUrl: host.runInfo.runUrl } : {}),
        },
        token,
      )
      if (done.action !== 'none') host.info(`Failure issue #${done.issue} ${done.action}`)
    } catch (error) {
      // Reporting never changes the step's result.
      host.warning(`Could not update the failure issue of ${component}: ${(error as Error).message}`)
    }
  }
  if (headline) {
    host.fail(headline)
    return 1
  }
  return 0
}
