/**
 * A folder in a cache shared by every run on the host (several runner services on one POWER box
 * are common): made once, by whichever run gets there first, and never seen half-made. The maker
 * writes into a temporary folder beside the target and renames it into place, all under the
 * suite's one lock (fs/lock.ts: it names its owner, and is taken over when that owner died).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { acquireLockWaiting } from './lock.js'

export interface InstallOnceOptions {
  /** Whether a folder already at the target is complete (a check of its content). */
  ready: (target: string) => boolean
  /** How long to wait for another run's lock before giving up. */
  waitMs?: number
}

/** Returns target, made by `make(tempDir)` unless a complete one is there already. */
export async function installOnce(
  target: string,
  make: (dir: string) => Promise<void>,
  options: InstallOnceOptions,
): Promise<string> {
  if (existsSync(target) && options.ready(target)) return target
  mkdirSync(dirname(target), { recursive: true })
  const waitMs = options.waitMs ?? 15 * 60_000
  const release = await acquireLockWaiting(`${target}.lock`, 'run filling this cache', waitMs)
  try {
    // Another run may have made it while this one waited for the lock.
    if (existsSync(target) && options.ready(target)) return target
    const partial = `${target}.partial-${process.pid}`
    rmSync(partial, { recursive: true, force: true })
    mkdirSync(partial, { recursive: true })
    try {
      await make(partial)
      rmSync(target, { recursive: true, force: true })
      renameSync(partial, target)
    } finally {
      rmSync(partial, { recursive: true, force: true })
    }
    return target
  } finally {
    release()
  }
}
