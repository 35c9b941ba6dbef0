/**
 * What an action needs from the place it runs in. Two hosts implement it: the GitHub runner
 * (github.ts, the only module that imports @actions/core) and the command line (cli.ts), so the
 * same entry code runs in a workflow and on a maintainer's own POWER machine.
 */
import type { ComponentOutcome, IssueAction } from '../report/issues.js'
import type { Summary } from '../report/summary.js'

export interface Log {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  /** Runs fn inside a collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
}

export type AnnotationKind = 'error' | 'warning' | 'notice'

export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
}

/** A directory cache keyed by string: @actions/cache on GitHub, a local folder on the CLI. */
export interface ArtifactCache {
  /** Restores paths saved under key (or the newest key starting with one of restoreKeys); returns the key hit. */
  restore(paths: string[], key: string, restoreKeys?: string[]): Promise<string | undefined>
  save(paths: string[], key: string): Promise<void>
}

/**
 * What a library function reports through and is stopped by: the log, the step summary,
 * annotations and the cancellation signal. A phase context is one; library functions take it
 * (or the part they use) as a parameter.
 */
export interface Reporter {
  log: Log
  summary: Summary
  /** Aborted on SIGINT/SIGTERM: stop guests and builds within seconds. */
  signal: AbortSignal
  annotate(kind: AnnotationKind, message: string, properties?: AnnotationProperties): void
}

export interface RunInfo {
  repository?: string
  runUrl?: string
  sha?: string
}

export interface ActionHost extends Log {
  readonly kind: 'github' | 'cli'
  readonly workspace: string
  readonly runInfo: RunInfo
  readonly cache: ArtifactCache
  /**
   * Whether writeSummary prints into the same log as fail(): then the summary's heading leaves
   * the failure line to fail(), so it is printed once.
   */
  readonly summaryInLog: boolean
  getInput(name: string): string
  setOutput(name: string, value: string): void
  /** Masks the value in every later log line. */
  setSecret(value: string): void
  annotate(kind: AnnotationKind, message: string, properties?: AnnotationProperties): void
  writeSummary(summary: Summary): Promise<void>
  saveState(name: string, value: string): void
  getState(name: string): string
  /** Marks the step failed; the headline is the first error line of the step. */
  fail(headline: string): void
  /** Opens, updates or closes the component's failure issue (GitHub only). */
  reportOutcome?(outcome: ComponentOutcome, token: string): Promise<IssueAction>
}
