/**
 * Which upstream source packages the published repository has not rebuilt yet. The published
 * repository is the state: a package counts as rebuilt when the repository holds a build of the
 * same version whose release sorts from the upstream one up to (not including) the next stock
 * update, which is exactly the range the rebuild's suffix or buildid puts it in.
 */
import { compareEvr, formatEvr } from '../rpm/evr.js'
import { nextStockRelease } from '../rpm/release.js'
import type { RepoPackage } from '../repodata/primary.js'

export interface PackageStatus {
  name: string
  /** Newest upstream source NEVR, or null when upstream has no such package. */
  upstream: string | null
  url?: string
  sha256?: string
  /** The published rebuild of that upstream version, or null. */
  published: string | null
  changed: boolean
}

/** name, EVR of a source RPM file name (name-version-release.src.rpm). */
export function parseSourceRpm(file: string): { name: string; version: string; release: string } | undefined {
  const match = /^(.+)-([^-]+)-([^-]+)\.src\.rpm$/.exec(file)
  return match ? { name: match[1]!, version: match[2]!, release: match[3]! } : undefined
}

/** The source packages (name, EVR) the published repository holds, from its SRPMs or binaries' sourcerpm. */
export function publishedSources(
  packages: RepoPackage[],
): { name: string; epoch: number; version: string; release: string }[] {
  return packages.flatMap((pkg) => {
    if (pkg.arch === 'src')
      return [{ name: pkg.name, epoch: pkg.epoch, version: pkg.version, release: pkg.release ?? '' }]
    const source = pkg.sourceRpm ? parseSourceRpm(pkg.sourceRpm) : undefined
    return source ? [{ ...source, epoch: pkg.epoch }] : []
  })
}

export function comparePackages(
  names: string[],
  upstream: RepoPackage[],
  published: RepoPackage[],
  force: boolean,
): PackageStatus[] {
  const sources = publishedSources(published)
  return names.map((name) => {
    const candidates = upstream.filter((pkg) => pkg.name === name && pkg.arch === 'src')
    const newest = candidates.reduce<RepoPackage | undefined>(
      (best, pkg) => (!best || compareEvr(pkg, best) > 0 ? pkg : best),
      undefined,
    )
    if (!newest) return { name, upstream: null, published: null, changed: false }
    const next = { ...newest, release: nextStockRelease(newest.release ?? '') }
    const ours = sources.filter((s) => s.name === name).sort((a, b) => compareEvr(b, a))
    // A rebuild of the newest upstream, or something published past it (upstream went back):
    // either way, rebuilding upstream's would not reach hosts.
    const rebuild =
      ours.find((s) => compareEvr(s, newest) >= 0 && compareEvr(s, next) < 0) ??
      ours.find((s) => compareEvr(s, next) >= 0)
    return {
      name,
      upstream: `${name}-${formatEvr(newest)}`,
      url: newest.url,
      ...(newest.checksum?.type === 'sha256' ? { sha256: newest.checksum.value } : {}),
      published: rebuild ? `${name}-${formatEvr({ ...rebuild })}` : null,
      changed: force || !rebuild,
    }
  })
}
