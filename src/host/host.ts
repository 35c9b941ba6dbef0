/**
 * What an action needs from the place it runs in. Two hosts implement it: the GitHub runner
 * (github.ts, the only module that imports @actions/core) and the command line (cli.ts), so the
 * same entry code runs in a workflow and on a maintainer's own POWER machine.
 */
import type { ComponentOutcome, IssueAction } from '../report/issues.js'
import type { ArtifactCache } from '../fs/artifact-cache.js'
import type { AnnotationKind, AnnotationProperties, Log } from '../reporter.js'
import type { Summary } from '../report/summary.js'

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
