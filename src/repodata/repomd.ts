/** repodata/repomd.xml: the index of a dnf repository's metadata files. */
import { InfrastructureError } from '../errors.js'
import { RecordReader } from './xml.js'

export interface RepomdEntry {
  type: string
  href: string
  checksum?: { type: string; value: string }
}

export interface Repomd {
  revision?: string
  entries: RepomdEntry[]
}

export function parseRepomd(xml: string, source = 'repomd.xml'): Repomd {
  const entries: RepomdEntry[] = []
  let revision: string | undefined
  const reader = new RecordReader(
    ['revision', 'data'],
    ({ name, attributes, text, children }) => {
      if (name === 'revision') {
        revision = text.trim()
        return
      }
      const type = attributes.type ?? ''
      const href = children.get('location')?.attributes.href
      if (!href) throw new InfrastructureError(`${source}: the ${type} entry has no location`)
      const checksum = children.get('checksum')
      entries.push({
        type,
        href,
        ...(checksum
          ? { checksum: { type: checksum.attributes.type ?? 'sha256', value: checksum.text.trim() } }
          : {}),
      })
    },
    source,
  )
  reader.write(xml)
  reader.close()
  if (reader.rootName !== 'repomd') throw new InfrastructureError(`${source} is not a repomd.xml document`)
  return { ...(revision !== undefined ? { revision } : {}), entries }
}
