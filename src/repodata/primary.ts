/**
 * The package list of a dnf repository: repomd.xml's `primary` entry, compressed with gzip, xz
 * or zstd, read into name, EVR, arch, location, checksum and source RPM per package. Used by
 * check-upstream, the source RPM fetch and publish-repo alike.
 */
import { createHash } from 'node:crypto'
import { InfrastructureError } from '../errors.js'
import { joinUrl, readUrl, type ReadOptions } from '../net/download.js'
import { parseRepomd } from './repomd.js'
import { RecordReader, streamInto, type XmlRecord } from './xml.js'

/** A package as primary.xml lists it; its epoch, version and release are an rpm/evr.ts Evr. */
export interface RepoPackage {
  name: string
  epoch: number
  version: string
  release: string
  arch: string
  /** Absolute URL of the package file. */
  url: string
  checksum?: { type: string; value: string }
  /** The source RPM a binary package was built from (file name), when the metadata says. */
  sourceRpm?: string
  /** The package file's size in bytes and its build time (seconds since 1970), when given. */
  size?: number
  buildTime?: number
}

/** Whether url lies inside the repository at baseUrl (a location href may not leave it). */
function insideRepository(url: string, baseUrl: string): boolean {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)
  const target = new URL(url)
  return (
    target.origin === base.origin &&
    target.protocol === base.protocol &&
    target.pathname.startsWith(base.pathname)
  )
}

function toPackage({ children }: XmlRecord, baseUrl: string, source: string): RepoPackage {
  const text = (tag: string): string => children.get(tag)?.text.trim() ?? ''
  const version = children.get('version')?.attributes ?? {}
  const location = children.get('location')?.attributes ?? {}
  const checksum = children.get('checksum')
  const sourceRpm = text('rpm:sourcerpm')
  const size = Number(children.get('size')?.attributes.package)
  const buildTime = Number(children.get('time')?.attributes.build)
  const href = location.href ?? ''
  const base = location['xml:base']
  const url = joinUrl(base ?? baseUrl, href)
  if (!insideRepository(url, baseUrl)) {
    throw new InfrastructureError(
      `${source} places ${text('name')} at ${base ? `${base} ` : ''}${href}, outside the repository ${baseUrl}; refusing the metadata`,
    )
  }
  return {
    name: text('name'),
    arch: text('arch'),
    epoch: Number(version.epoch ?? 0),
    version: version.ver ?? '',
    release: version.rel ?? '',
    url,
    ...(checksum
      ? { checksum: { type: checksum.attributes.type ?? 'sha256', value: checksum.text.trim() } }
      : {}),
    ...(sourceRpm ? { sourceRpm } : {}),
    ...(Number.isFinite(size) && size > 0 ? { size } : {}),
    ...(Number.isFinite(buildTime) && buildTime > 0 ? { buildTime } : {}),
  }
}

/**
 * Reads primary metadata (compressed by its file name's suffix) as a stream: memory stays at
 * the size of the package list, not of the XML.
 */
export async function readPrimary(
  data: Buffer,
  name: string,
  baseUrl: string,
  source = name,
): Promise<RepoPackage[]> {
  const packages: RepoPackage[] = []
  const reader = new RecordReader(
    ['package'],
    (record) => {
      if (record.attributes.type === 'rpm') packages.push(toPackage(record, baseUrl, source))
    },
    source,
  )
  await streamInto(data, name, reader)
  return packages
}

/** Every package in the repository at baseUrl (the folder that holds repodata/). */
export async function readRepository(
  baseUrl: string,
  options: ReadOptions & { checkRepomd?: (repomd: Buffer, repomdUrl: string) => Promise<void> } = {},
): Promise<RepoPackage[]> {
  const repomdUrl = joinUrl(baseUrl, 'repodata/repomd.xml')
  const repomdData = await readUrl(repomdUrl, options)
  await options.checkRepomd?.(repomdData, repomdUrl)
  const repomd = parseRepomd(repomdData.toString('utf8'), repomdUrl)
  const primary = repomd.entries.find((entry) => entry.type === 'primary')
  if (!primary) throw new InfrastructureError(`${repomdUrl} has no primary metadata`)
  const primaryUrl = joinUrl(baseUrl, primary.href)
  const data = await readUrl(primaryUrl, options)
  // The chain of trust runs repomd.xml → primary → each package's checksum → its signature.
  if (!primary.checksum) throw new InfrastructureError(`${repomdUrl} gives no checksum for ${primary.href}`)
  const algorithm = primary.checksum.type === 'sha' ? 'sha1' : primary.checksum.type
  const actual = createHash(algorithm).update(data).digest('hex')
  if (actual !== primary.checksum.value.toLowerCase()) {
    throw new InfrastructureError(
      `${primary.href} does not match repomd.xml: ${algorithm} ${actual}, repomd.xml says ${primary.checksum.value}`,
    )
  }
  return readPrimary(data, primary.href, baseUrl)
}
