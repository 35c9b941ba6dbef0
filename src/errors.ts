/**
 * The three ways a step can fail. Each has its own headline so that a reader of the log, the
 * summary or a nightly issue knows at once whether to fix the workflow, the runner, or the code
 * under test.
 */
export type FailureKind = 'configuration' | 'infrastructure' | 'test'

const HEADLINES: Record<FailureKind | 'internal', string> = {
  configuration: 'Configuration error',
  infrastructure: 'Infrastructure error',
  test: 'Test failure',
  internal: 'Internal error',
}

export abstract class ActionFailure extends Error {
  abstract readonly kind: FailureKind
  get headline(): string {
    return `${HEADLINES[this.kind]}: ${this.message}`
  }
}

/** Bad or missing input: the workflow must change. */
export class ConfigurationError extends ActionFailure {
  readonly kind = 'configuration'
  override name = 'ConfigurationError'
}

/** The runner cannot do the job: a tool is missing, a download failed, /dev/kvm is absent. */
export class InfrastructureError extends ActionFailure {
  readonly kind = 'infrastructure'
  override name = 'InfrastructureError'
}

/** The thing under test is broken: a guest panicked, a check failed, an expected file is missing. */
export class TestFailure extends ActionFailure {
  readonly kind = 'test'
  override name = 'TestFailure'
}

/** One log line for any thrown value; errors that are not ActionFailures are our own bugs. */
export function failureHeadline(error: unknown): string {
  if (error instanceof ActionFailure) return error.headline
  const message = error instanceof Error ? error.message : String(error)
  return `${HEADLINES.internal}: ${message}`
}

export function failureKind(error: unknown): FailureKind | 'internal' {
  return error instanceof ActionFailure ? error.kind : 'internal'
}

/**
 * Thrown by an input's parse function (in any layer), optionally with a reason; the input
 * parser adds the input's name, value and accepted form.
 */
export class InvalidValue extends Error {}
