/**
 * What a library reports through and is stopped by, as interfaces the hosts implement: the log,
 * annotations, the step summary and the cancellation signal. On the ground floor, so that
 * processes and domain libraries take them as parameters without knowing any host.
 */
import type { Summary } from './report/summary.js'

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
