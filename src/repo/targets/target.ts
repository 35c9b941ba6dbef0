/**
 * Where a published repository lives. publish() always builds and verifies a new state in a
 * local tree (`root`); a target brings that tree up to date first and makes the new state live
 * afterwards. A new kind of target (object storage, say) is one new file implementing this,
 * listed in targets/index.ts.
 */
import type { Log } from '../../reporter.js'

export interface RepositoryTarget {
  /** The local tree publish() works in: the target itself, or a mirror of it. */
  readonly root: string
  /** The target as users name it, for messages and the repo-path output. */
  readonly shown: string
  /** The base URL hosts use when publish-repo is not given one. */
  readonly defaultBaseUrl: string
  /** Keeps other publishers out until the returned release runs; its owner lets a post step release it. */
  lock(): Promise<{ owner?: string; release(): Promise<void> }>
  /** Brings each channel's live state into root. */
  stage(releasever: string, channels: string[]): Promise<void>
  /** Makes a verified local state live (previous: the local state it was built from). */
  switch(releasever: string, channel: string, state: string, previous: string | undefined): Promise<void>
  /** Switches the channel back to its previous state. */
  rollback(releasever: string, channel: string): Promise<{ from: string; to: string }>
  /** Removes credentials and closes connections; called once, whatever happened. */
  dispose(): void
}

/** What opening a target needs: its text, credentials, and the run's folders and log. */
export interface TargetRequest {
  target: string
  workspace: string
  /** The tool's own cache (mirrors of remote trees live there). */
  cacheDir: string
  credentials: { sshKey?: string; sshKnownHosts?: string; sshPort: number }
  lockTimeoutMs: number
  /** A private folder removed by the post step. */
  workDir(prefix: string): string
  setSecret(value: string): void
  log: Log
}

/** One kind of target: recognises its `target` text and opens it. */
export interface TargetKind {
  /** The accepted form, for the error that lists them all. */
  form: string
  /** Undefined when target is not of this kind; throws when it is but is malformed. */
  open(request: TargetRequest): RepositoryTarget | undefined
  /** Configuration problems of the target text and its credentials, one line each, before any work. */
  problems?(request: Pick<TargetRequest, 'target' | 'credentials'>): string[]
  /** Post phase: releases a lock a killed main held (owner as lock() returned it). */
  releaseAbandonedLock?(request: TargetRequest, owner: string): Promise<void>
}
