/** repodata/repomd.xml: the index of a dnf repository's metadata files. */
import { InfrastructureError } from '../action/errors.js'

export interface RepomdEntry {
  type: string
  href: string
  checksum?: { type: string; value: string }
}

export interface Repomd {
  revision?: string
  entries: RepomdEntry[]
}

/** repomd.xml has a fixed, flat shape; a small reader avoids an XML dependency in every bundle. */
export function parseRepomd(xml: string, source = 'repomd.xml'): Repomd {
  if (!/<repomd[\s>]/.test(xml)) throw new InfrastructureError(`${source} is not a repomd.xml document`)
  const revision = /<revision>([^<]*)<\/revision>/.exec(xml)?.[1]
  const entries = [...xml.matchAll(/<data\s+type="([^"]+)"\s*>([\s\S]*?)<\/data>/g)].map(([, type, body]) => {
    const href = /<location\s+[^>]*href="([^"]+)"/.exec(body!)?.[1]
    if (!href) throw new InfrastructureError(`${source}: the ${type} entry has no location`)
    const checksum = /<checksum\s+type="([^"]+)"\s*>([^<]+)<\/checksum>/.exec(body!)
    return {
      type: type!,
      href,
      ...(checksum ? { checksum: { type: checksum[1]!, value: checksum[2]!.trim() } } : {}),
    }
  })
  return { ...(revision !== undefined ? { revision } : {}), entries }
}
