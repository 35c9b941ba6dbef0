import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { InfrastructureError } from '../../src/errors.js'
import { joinUrl, readUrl } from '../../src/net/download.js'
import { parseRepomd } from '../../src/repodata/repomd.js'

const REPOMD = `<?xml version="1.0" encoding="UTF-8"?>
<repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">
  <revision>1732550400</revision>
  <data type="primary">
    <checksum type="sha256">aa11</checksum>
    <open-checksum type="sha256">bb22</open-checksum>
    <location href="repodata/aa11-primary.xml.zst"/>
    <timestamp>1732550400</timestamp>
  </data>
  <data type="filelists">
    <checksum type="sha256">cc33</checksum>
    <location href="repodata/cc33-filelists.xml.gz"/>
  </data>
</repomd>
`

describe('readUrl', () => {
  let server: Server
  let base: string
  let hits = 0
  beforeAll(async () => {
    server = createServer((request, response) => {
      hits++
      if (request.url === '/flaky' && hits % 3 !== 0) {
        response.writeHead(503).end()
      } else if (request.url === '/missing') {
        response.writeHead(404).end()
      } else {
        response.writeHead(200).end(`served ${request.url}`)
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it('retries transient server errors with backoff', async () => {
    hits = 0
    expect((await readUrl(`${base}/flaky`, { backoffMs: 1 })).toString()).toBe('served /flaky')
    expect(hits).toBe(3)
  })

  it('does not retry a 404, and names the URL', async () => {
    hits = 0
    const failure = readUrl(`${base}/missing`, { backoffMs: 1 })
    await expect(failure).rejects.toBeInstanceOf(InfrastructureError)
    await expect(failure).rejects.toThrow(`download of ${base}/missing failed: HTTP 404`)
    expect(hits).toBe(1) // a 404 is final: no retry
  })

  it('gives up after the retries when the server is gone', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/x`
    await new Promise((resolve) => closed.close(resolve))
    await expect(readUrl(url, { retries: 2, backoffMs: 1 })).rejects.toThrow(`download of ${url} failed`)
  })

  it('reads file:// URLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-'))
    writeFileSync(join(dir, 'repomd.xml'), REPOMD)
    expect((await readUrl(pathToFileURL(join(dir, 'repomd.xml')).href)).toString()).toBe(REPOMD)
    await expect(readUrl(pathToFileURL(join(dir, 'nope')).href)).rejects.toThrow('cannot read file://')
  })

  it('joins base URLs with or without a trailing slash', () => {
    expect(joinUrl('https://repo/almalinux/9/BaseOS/Source', 'repodata/repomd.xml')).toBe(
      'https://repo/almalinux/9/BaseOS/Source/repodata/repomd.xml',
    )
    expect(joinUrl('file:///srv/repo/', 'repodata/repomd.xml')).toBe('file:///srv/repo/repodata/repomd.xml')
  })
})

describe('parseRepomd', () => {
  it('reads the revision and each metadata entry', () => {
    expect(parseRepomd(REPOMD)).toEqual({
      revision: '1732550400',
      entries: [
        {
          type: 'primary',
          href: 'repodata/aa11-primary.xml.zst',
          checksum: { type: 'sha256', value: 'aa11' },
        },
        {
          type: 'filelists',
          href: 'repodata/cc33-filelists.xml.gz',
          checksum: { type: 'sha256', value: 'cc33' },
        },
      ],
    })
  })

  it('refuses what is not repomd.xml', () => {
    expect(() => parseRepomd('<html>404</html>', 'https://x/repodata/repomd.xml')).toThrow(
      'https://x/repodata/repomd.xml is not a repomd.xml document',
    )
  })
})
