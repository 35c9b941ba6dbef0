/**
 * GitHub shows at most 10 annotations of each kind per step (50 per job) and drops the rest
 * silently; this keeps the first ten and counts what it held back, so the summary can say so.
 */
import type { ActionHost } from '../host/host.js'
import type { AnnotationKind, AnnotationProperties } from '../reporter.js'

export const ANNOTATIONS_PER_KIND = 10

export class Annotator {
  private readonly shown: Record<AnnotationKind, number> = { error: 0, warning: 0, notice: 0 }
  private readonly held: Record<AnnotationKind, number> = { error: 0, warning: 0, notice: 0 }

  constructor(
    private readonly host: Pick<ActionHost, 'annotate' | 'info'>,
    private readonly limit = ANNOTATIONS_PER_KIND,
  ) {}

  annotate(kind: AnnotationKind, message: string, properties?: AnnotationProperties): void {
    if (this.shown[kind] < this.limit) {
      this.shown[kind]++
      this.host.annotate(kind, message, properties)
    } else {
      this.held[kind]++
      // Still in the log, just not as an annotation.
      this.host.info(`[${kind}, not annotated] ${message}`)
    }
  }

  /** "3 errors and 1 warning not annotated (GitHub shows 10 of each kind per step)", or undefined. */
  droppedNote(): string | undefined {
    const parts = (Object.keys(this.held) as AnnotationKind[])
      .filter((kind) => this.held[kind] > 0)
      .map((kind) => `${this.held[kind]} ${kind}${this.held[kind] === 1 ? '' : 's'}`)
    if (parts.length === 0) return undefined
    return `${parts.join(' and ')} not annotated (GitHub shows ${this.limit} of each kind per step); see the log.`
  }
}
