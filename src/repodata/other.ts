/** other.xml: each package's changelog entries, as createrepo_c copies them from the headers. */
import { RecordReader, streamInto } from './xml.js'

export interface ChangelogEntry {
  /** "Name <email> - version-release", as the spec's entry header has it. */
  author: string
  /** Seconds since 1970 (the entry's day). */
  date: number
  text: string
}

export interface PackageChangelog {
  name: string
  arch: string
  version: string
  release: string
  /** Newest first. */
  entries: ChangelogEntry[]
}

/** Reads other.xml (compressed by its file name's suffix) as a stream. */
export async function readChangelogs(data: Buffer, name: string): Promise<PackageChangelog[]> {
  const packages: PackageChangelog[] = []
  const reader = new RecordReader(
    ['package'],
    ({ attributes, children, lists }) => {
      const version = children.get('version')?.attributes ?? {}
      packages.push({
        name: attributes.name ?? '',
        arch: attributes.arch ?? '',
        version: version.ver ?? '',
        release: version.rel ?? '',
        entries: (lists.get('changelog') ?? [])
          .map((entry) => ({
            author: entry.attributes.author ?? '',
            date: Number(entry.attributes.date ?? 0),
            text: entry.text.trim(),
          }))
          .sort((a, b) => b.date - a.date),
      })
    },
    name,
    ['changelog'],
  )
  await streamInto(data, name, reader)
  return packages
}
