// @needs-system-tools
import { mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { readFile } from 'node:fs/promises'
import { InfrastructureError } from '../../src/errors.js'
import { fetchSrpm, findSourcePackage, sha256File, vaultUrl } from '../../src/rpm/fetch.js'
import { readRepository } from '../../src/repodata/primary.js'
import { helloSrpm, makeRepo } from '../support/rpms.js'

let srpms: string[]
beforeAll(async () => {
  srpms = [await helloSrpm('3'), await helloSrpm('10'), await helloSrpm('9', '.el9_5')]
})

describe('repository metadata', () => {
  it.each(['gz', 'xz', 'zst'] as const)(
    'reads %s-compressed primary metadata and picks the newest by EVR',
    async (compression) => {
      const repo = makeRepo(mkdtempSync(join(tmpdir(), 'repo-')), srpms, compression)
      const url = pathToFileURL(repo).href
      const packages = await readRepository(url)
      expect(packages.map((p) => `${p.name}-${p.version}-${p.release}.${p.arch}`).sort()).toEqual([
        'kvm-hello-1.2.0-10.el9_6.src',
        'kvm-hello-1.2.0-3.el9_6.src',
        'kvm-hello-1.2.0-9.el9_5.src',
      ])
      const newest = await findSourcePackage('kvm-hello', url)
      // 10 > 9 > 3 numerically, although "3" > "10" as text.
      expect(newest).toMatchObject({ release: '10.el9_6', checksum: { type: 'sha256' } })
      expect(newest!.url).toBe(`${url}/Packages/kvm-hello-1.2.0-10.el9_6.src.rpm`)
      expect(await findSourcePackage('kvm-hello', url, '1.2.0-9.el9_5')).toMatchObject({ release: '9.el9_5' })
      expect(await findSourcePackage('qemu-kvm', url)).toBeUndefined()
    },
  )
})

describe('fetchSrpm', () => {
  let server: Server
  let base: string
  let requests: string[] = []
  let repo: string
  beforeAll(async () => {
    repo = makeRepo(mkdtempSync(join(tmpdir(), 'repo-')), srpms, 'xz')
    server = createServer(async (request, response) => {
      requests.push(request.url!)
      try {
        response.end(await readFile(join(repo, decodeURIComponent(request.url!))))
      } catch {
        response.writeHead(404).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it('downloads the newest, verifies its checksum, and reuses the cached file next time', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'cache-'))
    requests = []
    const options = { name: 'kvm-hello', repositoryUrl: base, cacheDir }
    const first = await fetchSrpm({ kind: 'latest' }, options)
    expect(first).toMatchObject({ cached: false, url: `${base}/Packages/kvm-hello-1.2.0-10.el9_6.src.rpm` })
    expect(first.sha256).toBe(await sha256File(first.path))
    expect(first.path).toBe(join(cacheDir, 'srpms', first.sha256, 'kvm-hello-1.2.0-10.el9_6.src.rpm'))
    const second = await fetchSrpm({ kind: 'latest' }, options)
    expect(second).toMatchObject({ cached: true, path: first.path })
    // The second run read the metadata again but not the package.
    expect(requests.filter((r) => r.endsWith('.src.rpm'))).toHaveLength(1)
    const byVersion = await fetchSrpm({ kind: 'version', version: '1.2.0-3.el9_6' }, options)
    expect(byVersion.path).toMatch(/kvm-hello-1.2.0-3.el9_6.src.rpm$/)
    const byUrl = await fetchSrpm(
      { kind: 'url', url: `${base}/Packages/kvm-hello-1.2.0-3.el9_6.src.rpm` },
      options,
    )
    expect(byUrl.sha256).toBe(byVersion.sha256)
  })

  it('says where it looked for a version the repository does not have', async () => {
    const options = {
      name: 'kvm-hello',
      repositoryUrl: base,
      cacheDir: mkdtempSync(join(tmpdir(), 'cache-')),
    }
    const failure = fetchSrpm({ kind: 'version', version: '1.2.0-1' }, options)
    await expect(failure).rejects.toBeInstanceOf(InfrastructureError)
    await expect(failure).rejects.toThrow(
      `kvm-hello-1.2.0-1 is not in ${base}, and its release names no el9 minor version`,
    )
  })

  it('maps a version to its vault URL', () => {
    expect(
      vaultUrl('https://repo.almalinux.org/almalinux/9/BaseOS/Source', 'kernel', '5.14.0-503.11.1.el9_5'),
    ).toBe('https://repo.almalinux.org/vault/9.5/BaseOS/Source/Packages/kernel-5.14.0-503.11.1.el9_5.src.rpm')
    expect(
      vaultUrl('https://mirror.example/almalinux/9/AppStream/Source/', 'qemu-kvm', '9.1.0-15.el9_6'),
    ).toBe('https://mirror.example/vault/9.6/AppStream/Source/Packages/qemu-kvm-9.1.0-15.el9_6.src.rpm')
    expect(vaultUrl('file:///srv/repo', 'kernel', '5.14.0-570.el9_6')).toBeUndefined()
  })

  it('refuses a corrupt download', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'cache-'))
    const corruptRepo = makeRepo(mkdtempSync(join(tmpdir(), 'repo-')), [srpms[0]!], 'gz')
    // Swap the package for another file under the same name: the metadata's sha256 no longer fits.
    const { copyFileSync } = await import('node:fs')
    copyFileSync(srpms[1]!, join(corruptRepo, 'Packages', 'kvm-hello-1.2.0-3.el9_6.src.rpm'))
    await expect(
      fetchSrpm(
        { kind: 'latest' },
        { name: 'kvm-hello', repositoryUrl: pathToFileURL(corruptRepo).href, cacheDir },
      ),
    ).rejects.toThrow(/is corrupt: sha256 [0-9a-f]{64}, the repository says [0-9a-f]{64}/)
  })
})
