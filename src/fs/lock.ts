/**
 * An exclusive lock file that names its owner from the first instant: the owner record (host,
 * pid, the process's start time) is written to a private file first and then hard-linked to the
 * lock path, which either succeeds whole or fails because the lock exists. A lock is stale only
 * when its owner is on this host and is gone (or the pid now belongs to a newer process); a lock
 * of another host, or one that cannot be read, is never broken.
 */
import { randomBytes } from 'node:crypto'
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { InfrastructureError } from '../errors.js'
import { isAlive } from '../exec/process.js'

export interface LockOwner {
  host: string
  pid: number
  /** The process's start time (/proc/<pid>/stat), so a reused pid is not mistaken for the owner. */
  started: string
}

/** When the process started, in clock ticks since boot; '' when it does not exist. */
export function processStart(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 22, counted after the parenthesised command name (which may hold spaces).
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? ''
  } catch {
    return ''
  }
}

export function currentOwner(): LockOwner {
  return { host: hostname(), pid: process.pid, started: processStart(process.pid) }
}

export function describeOwner(owner: LockOwner): string {
  return `pid ${owner.pid} on ${owner.host}`
}

function readOwner(path: string): LockOwner | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new InfrastructureError(`cannot read the lock ${path}: ${(error as Error).message}`)
  }
  try {
    const owner = JSON.parse(text) as LockOwner
    if (typeof owner.host === 'string' && Number.isInteger(owner.pid)) return owner
  } catch {
    // fall through: an unreadable owner is never taken over
  }
  throw new InfrastructureError(`the lock ${path} names no owner; remove it by hand if no publish is running`)
}

export function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false
  return !isAlive(owner.pid) || (owner.started !== '' && processStart(owner.pid) !== owner.started)
}

/** The lock is held by a live owner: waiting may help, unlike the other lock errors. */
export class LockHeldError extends InfrastructureError {
  override name = 'LockHeldError'
}

const same = (a: LockOwner, b: LockOwner): boolean =>
  a.host === b.host && a.pid === b.pid && a.started === b.started

/**
 * Takes the lock at path for `what` (named in the error when another holds it), taking over a
 * stale one; returns the release function, which removes the lock only while it is still ours.
 */
export function acquireLock(path: string, what: string): () => void {
  const owner = currentOwner()
  const draft = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`
  writeFileSync(draft, JSON.stringify(owner), { flag: 'wx' })
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(draft, path)
        return () => {
          const current = readOwnerQuietly(path)
          if (current && same(current, owner)) rmSync(path, { force: true })
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const holder = readOwner(path)
      if (!holder) continue
      if (!isStale(holder)) {
        throw new LockHeldError(
          `another ${what} (${describeOwner(holder)}) holds the lock ${path}; try again when it ends`,
        )
      }
      // Move the stale lock aside, then make sure what moved is the one judged stale.
      const aside = `${draft}.stale`
      try {
        renameSync(path, aside)
      } catch {
        continue
      }
      const moved = readOwnerQuietly(aside)
      if (moved && !same(moved, holder)) {
        // Another run took the stale lock over first: give its lock back and stand aside.
        try {
          linkSync(aside, path)
        } finally {
          rmSync(aside, { force: true })
        }
        throw new LockHeldError(
          `another ${what} (${describeOwner(moved)}) holds the lock ${path}; try again when it ends`,
        )
      }
      rmSync(aside, { force: true })
    }
    throw new InfrastructureError(`cannot take the lock ${path}: it keeps changing hands`)
  } finally {
    rmSync(draft, { force: true })
  }
}

function readOwnerQuietly(path: string): LockOwner | undefined {
  try {
    return readOwner(path)
  } catch {
    return undefined
  }
}

/**
 * acquireLock, waiting up to waitMs (checking once a second) while a live owner holds it: for
 * work that another run on the host finishes for both (a shared cache being filled).
 */
export async function acquireLockWaiting(path: string, what: string, waitMs: number): Promise<() => void> {
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      return acquireLock(path, what)
    } catch (error) {
      if (!(error instanceof LockHeldError) || Date.now() >= deadline) throw error
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, Math.max(0, deadline - Date.now()))))
  }
}
