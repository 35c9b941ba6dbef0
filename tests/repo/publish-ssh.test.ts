/**
 * @needs-system-tools
 * publish-repo over SSH against a real sshd on loopback, host key pinned. */
import { existsSync, mkdirSync, mkdtempSync, readlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { dnfVisibleNevras } from '../../src/repo/dnf-check.js'
import { makeSigningKey } from '../support/keys.js'
import { helloRpms } from '../support/rpms.js'
import { startSshd, type TestSshd } from '../support/sshd.js'
import { treeDigest } from '../support/fixtures.js'

let sshd: TestSshd
let key: string
let v3: string[]
let v4: string[]
const cacheBefore = process.env.KVM_ACTIONS_CACHE
beforeAll(async () => {
  sshd = await startSshd()
  key = makeSigningKey('KVM Repo', 'pass phrase')
  v3 = await helloRpms('3')
  v4 = await helloRpms('4')
  process.env.KVM_ACTIONS_CACHE = mkdtempSync(join(tmpdir(), 'cache-'))
}, 60_000)
afterAll(async () => {
  await sshd.stop()
  if (cacheBefore === undefined) delete process.env.KVM_ACTIONS_CACHE
  else process.env.KVM_ACTIONS_CACHE = cacheBefore
})

async function publishOverSsh(remote: string, inputs: Record<string, string>, extraArgs: string[] = []) {
  const all = {
    target: `${sshd.user}@127.0.0.1:${remote}`,
    'ssh-port': String(sshd.port),
    'ssh-key': sshd.clientKey,
    'ssh-known-hosts': sshd.knownHosts,
    'signing-key': key,
    passphrase: 'pass phrase',
    ...inputs,
  }
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(
    ['publish-repo', ...Object.entries(all).flatMap(([n, v]) => ['--input', `${n}=${v}`]), ...extraArgs],
    {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      cwd: mkdtempSync(join(tmpdir(), 'ws-')),
    },
  )
  return { code, out: out.join(''), err: err.join('') }
}

const seen = (remote: string) =>
  dnfVisibleNevras(
    [
      {
        id: 'ssh',
        baseUrl: `file://${remote}/9/testing/ppc64le`,
        gpgKeyUrl: `file://${remote}/9/testing/RPM-GPG-KEY-kvm-power`,
      },
    ],
    'ppc64le',
  )

describe('publish-repo over SSH', () => {
  it('publishes, republishes incrementally and rolls back on the remote tree', async () => {
    const remote = mkdtempSync(join(tmpdir(), 'remote-'))
    const first = await publishOverSsh(remote, { rpms: JSON.stringify(v3) })
    expect(first.err).toBe('')
    expect(first.code).toBe(0)
    expect(await seen(remote)).toEqual([
      'kvm-hello-0:1.2.0-3.el9.noarch',
      'kvm-hello-extras-0:1.2.0-3.el9.noarch',
      'kvm-power-release-0:9-1.noarch',
    ])
    const firstState = readlinkSync(join(remote, '9', 'testing'))

    const second = await publishOverSsh(remote, { rpms: JSON.stringify(v4) })
    expect(second.code).toBe(0)
    expect(await seen(remote)).toContain('kvm-hello-0:1.2.0-4.el9.noarch')
    expect(readlinkSync(join(remote, '.states', '9-testing.previous'))).toBe(firstState)

    const back = await publishOverSsh(remote, { rollback: 'true' })
    expect(back.code).toBe(0)
    expect(readlinkSync(join(remote, '9', 'testing'))).toBe(firstState)
    expect(await seen(remote)).not.toContain('kvm-hello-0:1.2.0-4.el9.noarch')
  }, 120_000)

  it('refuses a host whose key is not the pinned one, changing nothing', async () => {
    const remote = mkdtempSync(join(tmpdir(), 'remote-'))
    expect((await publishOverSsh(remote, { rpms: JSON.stringify(v3) })).code).toBe(0)
    const before = treeDigest(join(remote, '9', 'testing/'))
    const otherKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGwD1H2h8h3s0vO4lq4lq4lq4lq4lq4lq4lq4lq4lq4l'
    const run = await publishOverSsh(remote, {
      rpms: JSON.stringify(v4),
      'ssh-known-hosts': `[127.0.0.1]:${sshd.port} ${otherKey}`,
    })
    expect(run.code).toBe(1)
    expect(run.err).toMatch(
      /^Infrastructure error: ssh to .*@127\.0\.0\.1:\d+ failed: Host key verification failed\.$/m,
    )
    expect(treeDigest(join(remote, '9', 'testing/'))).toEqual(before)
  }, 120_000)

  it('needs the SSH key and the pinned host key', async () => {
    const run = await publishOverSsh('/srv/repo', { rpms: JSON.stringify(v3), 'ssh-known-hosts': '' })
    expect(run.err).toBe(
      "Configuration error: Inputs 'ssh-key' and 'ssh-known-hosts' are required for an SSH target; expected the private key and the pinned host key line\n",
    )
  })

  describe('the remote lock, a lease', () => {
    const plant = (remote: string, owner: string) => {
      mkdirSync(join(remote, '.lock'), { recursive: true })
      writeFileSync(join(remote, '.lock', 'owner'), owner)
    }
    const epoch = (offsetMs: number) => Math.round((Date.now() + offsetMs) / 1000)

    it('is taken over, with a warning, once the lease of a killed run has expired', async () => {
      const remote = mkdtempSync(join(tmpdir(), 'remote-'))
      plant(remote, `gone-runner:4242:${epoch(-60_000)}`)
      const run = await publishOverSsh(remote, { rpms: JSON.stringify(v3) })
      expect(run.code).toBe(0)
      expect(run.out + run.err).toContain(
        `Took over the lock on 127.0.0.1:${remote} from pid 4242 on gone-runner: its lease expired.`,
      )
      expect(existsSync(join(remote, '.lock'))).toBe(false)
    }, 120_000)

    it('is respected while the lease runs, naming its holder and expiry', async () => {
      const remote = mkdtempSync(join(tmpdir(), 'remote-'))
      const expires = epoch(3_600_000)
      plant(remote, `busy-runner:4242:${expires}`)
      const run = await publishOverSsh(remote, { rpms: JSON.stringify(v3) })
      expect(run.code).toBe(1)
      expect(run.err).toContain(
        `Infrastructure error: another publish (pid 4242 on busy-runner, lease until ${new Date(expires * 1000).toISOString()}) holds the lock on 127.0.0.1:${remote}`,
      )
      expect(existsSync(join(remote, '9'))).toBe(false)
    }, 120_000)

    it('is released by the post step when main was killed holding it, and only if it is still its own', async () => {
      const remote = mkdtempSync(join(tmpdir(), 'remote-'))
      const stateFile = join(mkdtempSync(join(tmpdir(), 'state-')), 'state.json')
      const owner = `killed-runner:77:${epoch(3_600_000)}`
      writeFileSync(stateFile, JSON.stringify({ 'remote-lock': JSON.stringify(owner) }))
      plant(remote, `someone-else:88:${epoch(3_600_000)}`)
      expect((await publishOverSsh(remote, {}, ['--phase', 'post', '--state-file', stateFile])).code).toBe(0)
      expect(existsSync(join(remote, '.lock'))).toBe(true)
      plant(remote, owner)
      const post = await publishOverSsh(remote, {}, ['--phase', 'post', '--state-file', stateFile])
      expect(post.code).toBe(0)
      expect(post.out).toContain(`Released the remote lock main held (${owner}).`)
      expect(existsSync(join(remote, '.lock'))).toBe(false)
    }, 120_000)
  })
})
