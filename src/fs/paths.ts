/** Where the suite keeps downloads and local caches on a machine (kept between runs on self-hosted runners), and its scratch space. */
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'

export function defaultCacheDir(): string {
  return (
    process.env.KVM_ACTIONS_CACHE ||
    join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kvm-actions')
  )
}

/** Scratch space: the runner's own temp folder when there is one (cleaned per job), else the system's. */
export function scratchDir(): string {
  return process.env.RUNNER_TEMP || tmpdir()
}
