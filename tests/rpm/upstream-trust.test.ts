/**
 * @needs-system-tools
 *
 * Nothing from upstream is trusted unchecked: the source RPM's signature must be by one of the
 * upstream keys, repository metadata must match its checksums, and a package may not be placed
 * outside its repository. Each refusal names the package or file, and nothing is built or signed.
 */
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { createHash } from 'node:crypto'
import { runCli } from '../../src/cli/main.js'
import { GpgHome } from '../../src/repo/gpg.js'
import { signRpms } from '../../src/repo/sign.js'
import { packSrpm } from '../../src/rpm/srpm.js'
import { fixtureTree } from '../support/fixtures.js'
import { makeSigningKey } from '../support/keys.js'

const scratch = mkdtempSync(join(tmpdir(), 'upstream-trust-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
let upstreamPublic: string
let unsigned: string
let signed: string
let foreign: string
let upstreamKey: string

/** A copy of srpm signed with the armored key. */
async function signedCopy(srpm: string, key: string, passphrase: string, name: string): Promise<string> {
  const copy = join(mkdtempSync(join(scratch, `${name}-`)), basename(srpm))
  copyFileSync(srpm, copy)
  const gpg = await GpgHome.create(key, passphrase, scratch)
  try {
    await signRpms([copy], gpg)
  } finally {
    await gpg.close()
  }
  return copy
}

beforeAll(async () => {
  const tree = fixtureTree('kernel-el9.4')
  unsigned = await packSrpm(tree, join(tree, 'SPECS', 'kernel.spec'), { dist: '.el9' })
  const upstream = makeSigningKey('Upstream Release', 'up')
  upstreamKey = upstream
  const gpg = await GpgHome.create(upstream, 'up', scratch)
  upstreamPublic = await gpg.exportPublicKey()
  await gpg.close()
  signed = await signedCopy(unsigned, upstream, 'up', 'signed')
  foreign = await signedCopy(unsigned, makeSigningKey('Somebody Else', 'other'), 'other', 'foreign')
}, 120_000)

async function buildKernel(inputs: Record<string, string>) {
  const out: string[] = []
  const args = [
    'build-kernel',
    '--input',
    'builder=rpmbuild',
    '--input',
    'build=false',
    '--input',
    'kconfig-check=false',
  ]
  for (const [name, value] of Object.entries(inputs)) args.push('--input', `${name}=${value}`)
  const workspace = mkdtempSync(join(scratch, 'ws-'))
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => out.push(t), cwd: workspace })
  const results = join(workspace, 'kvm-actions-results', 'build-kernel', 'kernel')
  let built: string[] = []
  try {
    built = readdirSync(join(results, 'rpms'))
  } catch {
    // nothing there
  }
  return { code, out: out.join(''), built }
}

describe('the source RPM signature', () => {
  it('passes a source RPM signed by an upstream key', async () => {
    const run = await buildKernel({ srpm: signed, 'upstream-keys': upstreamPublic })
    expect({ code: run.code, out: run.code === 0 ? '' : run.out }).toEqual({ code: 0, out: '' })
    expect(run.out).toMatch(/signed by upstream key [0-9a-f]{16}/)
  })

  it.each([
    ['another key', () => foreign, /it is signed by another key \([0-9a-f]{16}\), expected [0-9a-f]{16}/],
    ['no key at all', () => unsigned, /it is not signed/],
  ])('refuses one signed by %s, naming it, and builds nothing', async (_, srpm, problem) => {
    const run = await buildKernel({ srpm: srpm(), 'upstream-keys': upstreamPublic })
    expect(run.code).toBe(1)
    expect(run.out).toContain(`Infrastructure error: refusing the upstream source RPM ${basename(unsigned)}:`)
    expect(run.out).toMatch(problem)
    expect(run.out).toContain('nothing was built or signed')
    expect(run.built).toEqual([])
  })

  it('needs the AlmaLinux key file for the default, and says how to give keys', async () => {
    const run = await buildKernel({ srpm: signed })
    expect(run.code).toBe(1)
    expect(run.out).toContain(
      "Configuration error: Input 'upstream-keys' is 'almalinux-9', but /etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux-9 does not exist on this host (EL hosts have it); expected the key armored, a key file, or 'none'",
    )
  })

  it("skips the check only when told 'none', and warns", async () => {
    const run = await buildKernel({ srpm: unsigned, 'upstream-keys': 'none' })
    expect(run.code).toBe(0)
    expect(run.out).toContain("upstream-keys is 'none': the source RPM's signature was not checked")
  })
})

/** A file:// source repository holding the signed SRPM; edits its metadata as asked. */
function repository(edit?: { primary?: (xml: string) => string; repomd?: (xml: string) => string }): string {
  const dir = mkdtempSync(join(scratch, 'repo-'))
  mkdirSync(join(dir, 'Packages'))
  copyFileSync(signed, join(dir, 'Packages', basename(signed)))
  execFileSync('createrepo_c', ['-q', '--general-compress-type', 'gz', dir])
  const repodata = join(dir, 'repodata')
  const repomdFile = join(repodata, 'repomd.xml')
  let repomd = readFileSync(repomdFile, 'utf8')
  if (edit?.primary) {
    const name = readdirSync(repodata).find((file) => file.endsWith('-primary.xml.gz'))!
    const xml = edit.primary(gunzipSync(readFileSync(join(repodata, name))).toString('utf8'))
    const data = gzipSync(xml)
    // Only the content changes: repomd.xml still holds the old checksum, as on a tampered mirror.
    writeFileSync(join(repodata, name), data)
  }
  if (edit?.repomd) repomd = edit.repomd(repomd)
  writeFileSync(repomdFile, repomd)
  return `file://${dir}`
}

/** repomd.xml with the primary entry's checksum recomputed, so only the href is wrong. */
function consistentPrimary(url: string): void {
  const dir = url.slice('file://'.length)
  const repodata = join(dir, 'repodata')
  const name = readdirSync(repodata).find((file) => file.endsWith('-primary.xml.gz'))!
  const sha = createHash('sha256')
    .update(readFileSync(join(repodata, name)))
    .digest('hex')
  const file = join(repodata, 'repomd.xml')
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      /(<data type="primary">[\s\S]*?<checksum type="sha256">)[0-9a-f]+(<\/checksum>)/,
      `$1${sha}$2`,
    ),
  )
}

describe('the repository metadata', () => {
  it('reads an intact repository and its signed package', async () => {
    const run = await buildKernel({
      srpm: 'latest',
      'repository-url': repository(),
      'upstream-keys': upstreamPublic,
    })
    expect({ code: run.code, out: run.code === 0 ? '' : run.out }).toEqual({ code: 0, out: '' })
  })

  it('refuses a primary.xml that does not match repomd.xml, naming the file', async () => {
    const url = repository({
      primary: (xml) => xml.replace(/<summary>[^<]*<\/summary>/, '<summary>tampered</summary>'),
    })
    const run = await buildKernel({ srpm: 'latest', 'repository-url': url, 'upstream-keys': upstreamPublic })
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /Infrastructure error: \S+-primary\.xml\.gz does not match repomd\.xml: sha256 [0-9a-f]{64}, repomd\.xml says [0-9a-f]{64}/,
    )
    expect(run.built).toEqual([])
  })

  it('refuses a repomd.xml whose primary checksum is wrong', async () => {
    const url = repository({
      repomd: (xml) =>
        xml.replace(/(<data type="primary">[\s\S]*?<checksum type="sha256">)[0-9a-f]{8}/, '$1deadbeef'),
    })
    const run = await buildKernel({ srpm: 'latest', 'repository-url': url, 'upstream-keys': upstreamPublic })
    expect(run.code).toBe(1)
    expect(run.out).toMatch(/-primary\.xml\.gz does not match repomd\.xml/)
  })

  it('refuses a package placed outside the repository (location href="../../x")', async () => {
    const url = repository({
      primary: (xml) => xml.replace(/<location href="[^"]+"/, '<location href="../../x.src.rpm"'),
    })
    consistentPrimary(url)
    const run = await buildKernel({ srpm: 'latest', 'repository-url': url, 'upstream-keys': upstreamPublic })
    expect(run.code).toBe(1)
    expect(run.out).toContain('places kernel at ../../x.src.rpm, outside the repository')
    expect(run.built).toEqual([])
  })

  it('needs a signature or a sha256 for a URL download', async () => {
    const url = `file://${signed}`
    const refused = await buildKernel({ srpm: url, 'upstream-keys': 'none' })
    expect(refused.code).toBe(1)
    expect(refused.out).toContain(
      `Configuration error: Input 'srpm' is a URL and upstream-keys is 'none'; expected upstream keys to check its signature, or the file's sha256 as ${url}#sha256=<64 hex digits>`,
    )
    const sha = createHash('sha256').update(readFileSync(signed)).digest('hex')
    const pinned = await buildKernel({ srpm: `${url}#sha256=${sha}`, 'upstream-keys': 'none' })
    expect({ code: pinned.code, out: pinned.code === 0 ? '' : pinned.out }).toEqual({ code: 0, out: '' })
    const wrong = await buildKernel({ srpm: `${url}#sha256=${'0'.repeat(64)}`, 'upstream-keys': 'none' })
    expect(wrong.code).toBe(1)
    expect(wrong.out).toContain(`download of ${url} is corrupt`)
  })
})

describe('check-upstream and signed metadata', () => {
  async function checkUpstream(url: string) {
    const out: string[] = []
    const published = mkdtempSync(join(scratch, 'published-'))
    const code = await runCli(
      [
        'check-upstream',
        '--input',
        `upstream-url=${url}`,
        '--input',
        `published-url=file://${published}`,
        '--input',
        'packages=kernel',
        '--input',
        `upstream-keys=${upstreamPublic}`,
      ],
      { out: (t) => out.push(t), err: (t) => out.push(t), cwd: scratch },
    )
    return { code, out: out.join('') }
  }

  /** Signs the repository's repomd.xml (repomd.xml.asc) with the upstream key. */
  async function signMetadata(url: string): Promise<string> {
    const repomd = join(url.slice('file://'.length), 'repodata', 'repomd.xml')
    const gpg = await GpgHome.create(upstreamKey, 'up', scratch)
    try {
      await gpg.detachSign(repomd)
    } finally {
      await gpg.close()
    }
    return repomd
  }

  it('accepts repomd.xml signed by an upstream key, and says when a repository signs nothing', async () => {
    const signedRepo = repository()
    await signMetadata(signedRepo)
    const run = await checkUpstream(signedRepo)
    expect({ code: run.code, out: run.code === 0 ? '' : run.out }).toEqual({ code: 0, out: '' })
    expect(run.out).not.toContain('No repomd.xml.asc')
    const unsignedRepo = await checkUpstream(repository())
    expect(unsignedRepo.code).toBe(0)
    expect(unsignedRepo.out).toContain('No repomd.xml.asc at')
  })

  it('refuses repomd.xml changed after it was signed', async () => {
    const url = repository()
    const repomd = await signMetadata(url)
    writeFileSync(repomd, readFileSync(repomd, 'utf8').replace('<revision>', '<revision>1'))
    const run = await checkUpstream(url)
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /Infrastructure error: \S+\/repodata\/repomd\.xml does not verify with upstream-keys: .*BAD signature/,
    )
  })
})
