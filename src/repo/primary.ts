/**
 * The package list of a dnf repository: repomd.xml's `primary` entry, compressed with gzip, xz
 * or zstd, read into name, EVR, arch, location and checksum per package.
 */
import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { InfrastructureError } from '../action/errors.js'
import { exec } from '../exec/exec.js'
import { joinUrl, readUrl, type ReadOptions } from '../net/download.js'
import type { Evr } from '../rpm/evr.js'
import { parseRepomd } from './repomd.js'

export interface RepoPackage extends Evr {
  name: string
  arch: string
  /** Absolute URL of the package file. */
  url: string
  checksum?: { type: string; value: string }
  /** The source RPM a binary package was built from (file name), when the metadata says. */
  sourceRpm?: string
}

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1]
const unescape = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

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

export function parsePrimary(xml: string, baseUrl: string, source = 'primary.xml'): RepoPackage[] {
  return [...xml.matchAll(/<package\s+type="rpm"\s*>([\s\S]*?)<\/package>/g)].map(([, body]) => {
    const text = (tag: string): string =>
      unescape(new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(body!)?.[1] ?? '')
    const version = /<version\s[^>]*>/.exec(body!)?.[0] ?? ''
    const location = /<location\s[^>]*>/.exec(body!)?.[0] ?? ''
    const checksum = /<checksum\s+([^>]*)>([^<]+)<\/checksum>/.exec(body!)
    const href = unescape(attribute(location, 'href') ?? '')
    const sourceRpm = /<rpm:sourcerpm>([^<]+)<\/rpm:sourcerpm>/.exec(body!)?.[1]
    const base = attribute(location, 'xml:base')
    const url = joinUrl(base ?? baseUrl, href)
    if (!insideRepository(url, baseUrl)) {
      throw new InfrastructureError(
        `${source} places ${text('name')} at ${base ? `${base} ` : ''}${href}, outside the repository ${baseUrl}; refusing the metadata`,
      )
    }
    return {
      name: text('name'),
      arch: text('arch'),
      epoch: Number(attribute(version, 'epoch') ?? 0),
      version: attribute(version, 'ver') ?? '',
      release: attribute(version, 'rel') ?? '',
      url,
      ...(checksum
        ? { checksum: { type: attribute(checksum[1]!, 'type') ?? 'sha256', value: checksum[2]!.trim() } }
        : {}),
      ...(sourceRpm ? { sourceRpm } : {}),
    }
  })
}

/** Decompresses metadata by its file name: .gz in-process, .xz and .zst with the xz and zstd tools. */
export async function decompress(data: Buffer, name: string): Promise<string> {
  if (name.endsWith('.gz')) return gunzipSync(data).toString('utf8')
  const tool = name.endsWith('.xz') ? 'xz' : name.endsWith('.zst') ? 'zstd' : undefined
  if (!tool) return data.toString('utf8')
  const result = await exec([tool, '-dc'], { input: data, captureLimitBytes: 2 ** 31 - 1 })
  return result.stdout
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
  return parsePrimary(await decompress(data, primary.href), baseUrl, primary.href)
}
