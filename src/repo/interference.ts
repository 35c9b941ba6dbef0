/**
 * Non-interference with the distribution (the RFC's compatibility goal): a host with both the
 * published repository and AlmaLinux's BaseOS/AppStream enabled must get the rebuilds now and the
 * next stock update later. So every published binary package either has no namesake in the base
 * repositories or sorts above the newest base version and below that version's next update; no
 * package name comes from a source the distribution does not ship (beyond the -release
 * package); and published plus base resolve every dependency (dnf repoclosure).
 */
import { compareEvr, type Evr, formatEvr } from '../rpm/evr.js'
import { nextStockRelease } from '../rpm/release.js'
import type { Log } from '../reporter.js'
import { type DnfRepo, dnfQuery, dnfUnresolved } from './dnf-check.js'

export interface RepoPackage extends Evr {
  name: string
  arch: string
  release: string
  /** The source package's name (from the sourcerpm header). */
  source: string
}

export interface InterferenceRow {
  package: string
  published: string
  base: string
  verdict: string
  ok: boolean
}

export interface InterferenceReport {
  rows: InterferenceRow[]
  unresolved: string[]
  problems: string[]
}

const FIELDS = '%{name}|%{epoch}|%{version}|%{release}|%{arch}|%{sourcerpm}'

function parseLine(line: string): RepoPackage {
  const [name, epoch, version, release, arch, sourcerpm] = line.split('|')
  // name-version-release.src.rpm: the name is what precedes the last two hyphens.
  const source = (sourcerpm ?? '')
    .replace(/\.src\.rpm$/, '')
    .split('-')
    .slice(0, -2)
    .join('-')
  return { name: name!, epoch: Number(epoch) || 0, version: version!, release: release!, arch: arch!, source }
}

/** The verdicts on published packages against the base, without dnf: the rules themselves. */
export function judge(published: RepoPackage[], base: RepoPackage[], releaseName: string): InterferenceRow[] {
  const baseSources = new Set(base.map((pkg) => pkg.source))
  const rows: InterferenceRow[] = []
  for (const pkg of published.filter((p) => p.arch !== 'src').sort((a, b) => a.name.localeCompare(b.name))) {
    const label = `${pkg.name}.${pkg.arch}`
    const evr = formatEvr(pkg)
    const namesakes = base.filter(
      (b) => b.name === pkg.name && (b.arch === pkg.arch || b.arch === 'noarch' || pkg.arch === 'noarch'),
    )
    const newestBase = namesakes.sort((a, b) => compareEvr(b, a))[0]
    if (!newestBase) {
      const ok = pkg.name === releaseName || baseSources.has(pkg.source)
      rows.push({
        package: label,
        published: evr,
        base: '—',
        verdict: ok
          ? pkg.name === releaseName
            ? 'the repository’s -release package'
            : `new subpackage of ${pkg.source}`
          : `adds a name from ${pkg.source}, a source the base does not ship`,
        ok,
      })
      continue
    }
    const next: Evr = { ...newestBase, release: nextStockRelease(newestBase.release) }
    const above = compareEvr(pkg, newestBase) > 0
    const below = compareEvr(pkg, next) < 0
    rows.push({
      package: label,
      published: evr,
      base: formatEvr(newestBase),
      verdict: !above
        ? `not above the base ${formatEvr(newestBase)}: the stock package wins`
        : !below
          ? `not below the next stock update ${formatEvr(next)}: it would hold stock updates back`
          : `above the base, below ${formatEvr(next)}`,
      ok: above && below,
    })
  }
  return rows
}

export interface InterferenceOptions {
  /** The staged package folder (file:// URL) and its signing key. */
  published: DnfRepo
  baseUrls: string[]
  arch: string
  releaseName: string
  log?: Log
}

export async function checkInterference(options: InterferenceOptions): Promise<InterferenceReport> {
  const base: DnfRepo[] = options.baseUrls.map((baseUrl, i) => ({ id: `base${i}`, baseUrl }))
  const repos = [options.published, ...base]
  const publishedPackages = (
    await dnfQuery([options.published], options.arch, FIELDS, [options.published.id])
  ).map(parseLine)
  const basePackages = (
    await dnfQuery(
      base,
      options.arch,
      FIELDS,
      base.map((repo) => repo.id),
    )
  ).map(parseLine)
  const rows = judge(publishedPackages, basePackages, options.releaseName)
  const unresolved = await dnfUnresolved(repos, options.arch, [options.published.id], options.log)
  const problems = [
    ...rows.filter((row) => !row.ok).map((row) => `${row.package} ${row.published}: ${row.verdict}`),
    ...unresolved.map((line) => `unresolved: ${line}`),
  ]
  return { rows, unresolved, problems }
}
