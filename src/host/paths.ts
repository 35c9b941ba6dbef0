/** Where the suite keeps downloads and local caches on a machine (kept between runs on self-hosted runners). */
import { homedir } from 'node:os'
import { join } from 'node:path'

export function defaultCacheDir(): string {
  return (
    process.env.KVM_ACTIONS_CACHE ||
    join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kvm-actions')
  )
}
