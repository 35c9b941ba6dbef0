/**
 * Repository metadata read as a stream with saxes: AlmaLinux's AppStream primary.xml is tens of
 * MB uncompressed, so it is never held as one string; each element is handed over as it closes.
 */
import { StringDecoder } from 'node:string_decoder'
import { createGunzip } from 'node:zlib'
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import { InfrastructureError } from '../errors.js'
import { exec } from '../exec/exec.js'

/** An element of interest, with its attributes, its own text, and its descendants by tag name. */
export interface XmlRecord {
  name: string
  attributes: Record<string, string>
  /** The element's own text (outside its children). */
  text: string
  /** Descendant element name → its attributes and text (the first of each name, at any depth). */
  children: Map<string, { attributes: Record<string, string>; text: string }>
  /** Every descendant of the names the reader was asked to keep all of (changelog entries). */
  lists: Map<string, { attributes: Record<string, string>; text: string }[]>
}

type Open = { name: string; attributes: Record<string, string>; text: string }

/**
 * Feeds text chunks to saxes and calls onRecord for every element named in recordTags (not
 * nested in another record). Namespaced names keep their prefix (rpm:sourcerpm), as the
 * metadata writes them.
 */
export class RecordReader {
  private readonly parser = new SaxesParser({ xmlns: false })
  private readonly recordTags: ReadonlySet<string>
  /** Elements open inside the current record, the record first. */
  private readonly open: Open[] = []
  private current: XmlRecord | undefined
  rootName: string | undefined

  constructor(
    recordTags: readonly string[],
    private readonly onRecord: (record: XmlRecord) => void,
    private readonly source: string,
    /** Descendant names whose every occurrence is kept, not just the first. */
    private readonly keepAll: readonly string[] = [],
  ) {
    this.recordTags = new Set(recordTags)
    this.parser.on('opentag', (tag: SaxesTagPlain) => {
      this.rootName ??= tag.name
      const element = { name: tag.name, attributes: { ...tag.attributes }, text: '' }
      if (this.current) this.open.push(element)
      else if (this.recordTags.has(tag.name)) {
        this.current = { ...element, children: new Map(), lists: new Map() }
        this.open.push(this.current)
      }
    })
    this.parser.on('text', (text) => {
      const innermost = this.open.at(-1)
      if (innermost) innermost.text += text
    })
    this.parser.on('closetag', () => {
      const element = this.open.pop()
      if (!element) return
      if (this.open.length > 0) {
        if (!this.current!.children.has(element.name)) this.current!.children.set(element.name, element)
        if (this.keepAll.includes(element.name))
          this.current!.lists.set(element.name, [...(this.current!.lists.get(element.name) ?? []), element])
        return
      }
      const record = this.current!
      this.current = undefined
      this.onRecord(record)
    })
    this.parser.on('error', (error) => {
      throw new InfrastructureError(`${this.source} is not well-formed XML: ${error.message}`)
    })
  }

  write(text: string): void {
    this.parser.write(text)
  }

  close(): void {
    this.parser.close()
  }
}

/**
 * Streams data, decompressed by its file name (.gz in-process, .xz and .zst through the xz
 * and zstd tools), into reader in chunks.
 */
export async function streamInto(data: Buffer, name: string, reader: RecordReader): Promise<void> {
  const decoder = new StringDecoder('utf8')
  const feed = (chunk: Buffer): void => reader.write(decoder.write(chunk))
  if (name.endsWith('.gz')) {
    await new Promise<void>((resolve, reject) => {
      const gunzip = createGunzip()
      gunzip.on('data', (chunk: Buffer) => {
        try {
          feed(chunk)
        } catch (error) {
          gunzip.destroy(error as Error)
        }
      })
      gunzip.on('error', (error) =>
        reject(
          error instanceof InfrastructureError
            ? error
            : new InfrastructureError(`${name} cannot be decompressed: ${error.message}`),
        ),
      )
      gunzip.on('end', resolve)
      gunzip.end(data)
    })
  } else if (name.endsWith('.xz') || name.endsWith('.zst')) {
    let failure: unknown
    await exec([name.endsWith('.xz') ? 'xz' : 'zstd', '-dc'], {
      input: data,
      captureLimitBytes: 64 * 1024,
      onStdout: (chunk) => {
        if (failure) return
        try {
          feed(chunk)
        } catch (error) {
          failure = error
        }
      },
    })
    if (failure) throw failure
  } else {
    feed(data)
  }
  reader.write(decoder.end())
  reader.close()
}
