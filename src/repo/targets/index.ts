/** The kinds of publish target, tried in order; the local folder is the fallback. */
import { localTarget } from './local.js'
import { sshTarget } from './ssh.js'
import type { RepositoryTarget, TargetKind, TargetRequest } from './target.js'

export type { RepositoryTarget, TargetKind, TargetRequest } from './target.js'

export const TARGET_KINDS: readonly TargetKind[] = [sshTarget, localTarget]

/** Configuration problems of the target and its credentials, one line each, before any work. */
export function targetProblems(request: Pick<TargetRequest, 'target' | 'credentials'>): string[] {
  return TARGET_KINDS.flatMap((kind) => kind.problems?.(request) ?? [])
}

export function openTarget(request: TargetRequest): RepositoryTarget {
  for (const kind of TARGET_KINDS) {
    const target = kind.open(request)
    if (target) return target
  }
  // Unreachable: the local kind accepts any path.
  throw new Error(`no target kind accepts ${request.target}`)
}

export async function releaseAbandonedLock(request: TargetRequest, owner: string): Promise<void> {
  for (const kind of TARGET_KINDS) await kind.releaseAbandonedLock?.(request, owner)
}
