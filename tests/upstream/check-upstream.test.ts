/**
 * @needs-system-tools
 * check-upstream against repositories made in the test with createrepo_c. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runCli } from '../../src/cli/main.js'
import { helloRpms, helloSrpm, makeRepo } from '../support/rpms.js'

let upstreamSrpms: string[]
beforeAll(async () => {
  upstreamSrpms = [await helloSrpm('3'), await helloSrpm('10')]
}, 60_000)

const repo = (files: string[], compression: 'gz' | 'xz' | 'zst' = 'gz'): string =>
  pathToFileURL(makeRepo(mkdtempSync(join(tmpdir(), 'repo-')), files, compression)).href

async function check(upstream: string, published: string, extra: Record<string, string> = {}) {
  const inputs = {
    packages: 'kvm-hello, qemu-kvm',
    'upstream-url': upstream,
    'published-url': published,
    ...extra,
  }
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(
    [
      'check-upstream',
      // Made here, unsigned: tests/rpm/upstream-trust.test.ts checks signed metadata.
      ...Object.entries({ 'upstream-keys': 'none', ...inputs }).flatMap(([n, v]) => ['--input', `${n}=${v}`]),
    ],
    {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      cwd: mkdtempSync(join(tmpdir(), 'ws-')),
    },
  )
  const text = out.join('')
  return {
    code,
    err: err.join(''),
    changed: /^changed=(.*)$/m.exec(text)?.[1],
    packages: JSON.parse(/^packages=(.*)$/m.exec(text)?.[1] ?? '[]') as {
      name: string
      upstream: string | null
      published: string | null
      changed: boolean
    }[],
  }
}

describe('check-upstream', () => {
  it.each(['gz', 'xz', 'zst'] as const)(
    'sees nothing to do when the newest upstream is rebuilt (%s metadata)',
    async (compression) => {
      const run = await check(repo(upstreamSrpms, compression), repo(await helloRpms('10.kvm1', '.el9_6')))
      expect(run.code).toBe(0)
      expect(run.changed).toBe('false')
      expect(run.packages[0]).toMatchObject({
        name: 'kvm-hello',
        upstream: 'kvm-hello-1.2.0-10.el9_6',
        published: 'kvm-hello-1.2.0-10.kvm1.el9_6',
        changed: false,
      })
      expect(run.packages[1]).toEqual({ name: 'qemu-kvm', upstream: null, published: null, changed: false })
      expect(run.err).toMatch(/^warning: qemu-kvm is not in the upstream repositories/m)
    },
    60_000,
  )

  it('reports a newer upstream than the published rebuild', async () => {
    const run = await check(repo(upstreamSrpms), repo(await helloRpms('3.kvm1', '.el9_6')))
    expect(run.changed).toBe('true')
    expect(run.packages[0]).toMatchObject({
      upstream: 'kvm-hello-1.2.0-10.el9_6',
      published: null,
      changed: true,
    })
  }, 60_000)

  it('does not ask for a rebuild when the published repository is ahead of upstream', async () => {
    const run = await check(repo([upstreamSrpms[0]!]), repo(await helloRpms('10.kvm1', '.el9_6')))
    expect(run.changed).toBe('false')
    expect(run.packages[0]).toMatchObject({
      upstream: 'kvm-hello-1.2.0-3.el9_6',
      published: 'kvm-hello-1.2.0-10.kvm1.el9_6',
    })
  }, 60_000)

  it('treats a repository not published yet as empty, and honours force', async () => {
    const missing = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'none-')), 'repo')).href
    const run = await check(repo(upstreamSrpms), missing)
    expect(run.changed).toBe('true')
    expect(run.err).toMatch(/^warning: The published repository cannot be read/m)
    const forced = await check(repo(upstreamSrpms), repo(await helloRpms('10.kvm1', '.el9_6')), {
      force: 'true',
    })
    expect(forced.changed).toBe('true')
  }, 60_000)
})
