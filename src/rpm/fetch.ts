/**
 * Turns an SrpmSource into a local file: a path as it is; a URL, an exact version or `latest`
 * downloaded (with retries) into a cache keyed by the file's sha256, so a second run reuses it.
 * `latest` and exact versions come from the repository metadata, which also gives the checksum.
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { InfrastructureError } from '../errors.js'
import type { Log } from '../reporter.js'
import { readUrl } from '../net/download.js'
import { readRepository, type RepoPackage } from '../repodata/primary.js'
import { compareEvr, formatEvr, newest } from './evr.js'
import type { SrpmSource } from './source.js'

export interface FetchedSrpm {
  path: string
  sha256: string
  url?: string
  /** Whether the file came from the download cache. */
  cached: boolean
}

export interface FetchOptions {
  /** The source package name, for `latest` and exact versions. */
  name: string
  /** The source repository (the folder holding repodata/). */
  repositoryUrl: string
  cacheDir: string
  signal?: AbortSignal
  log?: Log
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * Older minor releases move to the vault: .../almalinux/9/BaseOS/Source becomes
 * .../vault/9.6/BaseOS/Source for a release tagged el9_6.
 */
export function vaultUrl(repositoryUrl: string, name: string, version: string): string | undefined {
  const minor = /\.el9_(\d+)/.exec(version)?.[1]
  const match = /^(.*)\/almalinux\/9\/(.*?)\/?$/.exec(repositoryUrl)
  if (!minor || !match) return undefined
  return `${match[1]}/vault/9.${minor}/${match[2]}/Packages/${name}-${version}.src.rpm`
}

async function download(
  url: string,
  expectedSha: string | undefined,
  options: FetchOptions,
): Promise<FetchedSrpm> {
  const dir = join(options.cacheDir, 'srpms')
  const index = join(dir, 'urls.json')
  const urls: Record<string, string> = existsSync(index) ? JSON.parse(readFileSync(index, 'utf8')) : {}
  const known = expectedSha ?? urls[url]
  const name = basename(new URL(url).pathname) || 'package.src.rpm'
  // A cached file is hashed again: the cache folder is not trusted more than the network.
  if (known && existsSync(join(dir, known, name)) && (await sha256File(join(dir, known, name))) === known) {
    options.log?.info(`Using cached ${name} (sha256 ${known.slice(0, 12)}…, checked)`)
    return { path: join(dir, known, name), sha256: known, url, cached: true }
  }
  options.log?.info(`Downloading ${url}`)
  const data = await readUrl(url, options.signal ? { signal: options.signal } : {})
  const sha256 = createHash('sha256').update(data).digest('hex')
  if (expectedSha && sha256 !== expectedSha) {
    throw new InfrastructureError(
      `download of ${url} is corrupt: sha256 ${sha256}, the repository says ${expectedSha}`,
    )
  }
  mkdirSync(join(dir, sha256), { recursive: true })
  const path = join(dir, sha256, name)
  // Written beside, then renamed: a killed run never leaves a truncated file under the final name.
  // The partial name is the writer's own: two runs filling the cache at once never share one.
  const partial = `${path}.partial-${process.pid}-${Math.random().toString(36).slice(2)}`
  writeFileSync(partial, data)
  renameSync(partial, path)
  writeFileSync(index, JSON.stringify({ ...urls, [url]: sha256 }, null, 2))
  return { path, sha256, url, cached: false }
}

function sha256Of(pkg: RepoPackage): string | undefined {
  return pkg.checksum?.type === 'sha256' ? pkg.checksum.value : undefined
}

/** The newest source package called name in the repository, or the one with that version. */
export async function findSourcePackage(
  name: string,
  repositoryUrl: string,
  version?: string,
  signal?: AbortSignal,
) {
  const packages = (await readRepository(repositoryUrl, signal ? { signal } : {})).filter(
    (pkg) => pkg.name === name && pkg.arch === 'src',
  )
  if (version === undefined) return newest(packages, (pkg) => pkg)
  return packages.find(
    (pkg) => compareEvr(pkg, version.includes(':') ? version : `${pkg.epoch}:${version}`) === 0,
  )
}

export async function fetchSrpm(source: SrpmSource, options: FetchOptions): Promise<FetchedSrpm> {
  switch (source.kind) {
    case 'path':
      return { path: source.path, sha256: await sha256File(source.path), cached: false }
    case 'url':
      return download(source.url, source.sha256, options)
    case 'latest': {
      const pkg = await findSourcePackage(options.name, options.repositoryUrl, undefined, options.signal)
      if (!pkg)
        throw new InfrastructureError(
          `the repository ${options.repositoryUrl} has no source package ${options.name}`,
        )
      options.log?.info(`Newest ${options.name} in ${options.repositoryUrl}: ${formatEvr(pkg)}`)
      return download(pkg.url, sha256Of(pkg), options)
    }
    case 'version': {
      const pkg = await findSourcePackage(options.name, options.repositoryUrl, source.version, options.signal)
      if (pkg) return download(pkg.url, sha256Of(pkg), options)
      const vault = vaultUrl(options.repositoryUrl, options.name, source.version)
      if (!vault) {
        throw new InfrastructureError(
          `${options.name}-${source.version} is not in ${options.repositoryUrl}, and its release names no el9 minor version to find it in the vault`,
        )
      }
      return download(vault, undefined, options)
    }
  }
}
