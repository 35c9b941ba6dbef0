/** publish-repo's target: remote only in the two SSH forms, never a local folder by accident. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { parseSshTarget } from '../../src/repo/ssh.js'

describe('parseSshTarget', () => {
  it.each([
    [
      'deploy@repo.example.org:/srv/repo/',
      { user: 'deploy', host: 'repo.example.org', path: '/srv/repo', port: 22 },
    ],
    [
      'ssh://deploy@10.0.0.5:2222/srv/repo',
      { user: 'deploy', host: '10.0.0.5', path: '/srv/repo', port: 2222 },
    ],
    ['ssh://deploy@repo/srv', { user: 'deploy', host: 'repo', path: '/srv', port: 22 }],
  ])('%s is remote', (target, parsed) => expect(parseSshTarget(target, 22)).toEqual(parsed))

  it.each(['repo', './out/repo', '/srv/repo', 'out/with:colon-after-slash'])(
    '%s is a local folder',
    (target) => expect(parseSshTarget(target, 22)).toBeUndefined(),
  )

  it.each([
    'deploy@repo_host:/srv/repo',
    'deploy@host:srv/repo',
    'deploy@-oProxyCommand=x:/srv/repo',
    'ssh://deploy@-host/srv',
    'host:/srv/repo',
    'ssh://repo.example.org/srv',
    'ssh://deploy@host:99999/srv',
  ])('%s is refused, naming the input and the forms', (target) => {
    expect(() => parseSshTarget(target, 22)).toThrow(/Input 'target' (is|has port)/)
  })
})

describe('publish-repo with a malformed SSH target', () => {
  it.each(['deploy@repo_host:/srv/repo', 'deploy@host:srv/repo', 'deploy@-oProxyCommand=touch:/srv'])(
    '%s: a configuration error, and nothing created',
    async (target) => {
      const workspace = mkdtempSync(join(tmpdir(), 'ssh-target-'))
      try {
        const out: string[] = []
        const code = await runCli(
          ['publish-repo', '--input', `target=${target}`, '--input', 'rpms=missing.rpm'],
          { out: (t) => out.push(t), err: (t) => out.push(t), cwd: workspace },
        )
        expect(code).toBe(1)
        // Reported with the run's other input problems (here: no signing secrets), before any work.
        expect(out.join('')).toMatch(/Configuration error: 2 problems with the inputs:\n/)
        expect(out.join('')).toContain(
          `  - Input 'target' is '${target}', which looks remote but is not a valid SSH target; expected user@host:/absolute/path or ssh://user@host[:port]/absolute/path`,
        )
        // Only the CLI's own state and results folders: no repository tree.
        expect(
          readdirSync(workspace).filter((name) => !['.kvm-actions', 'kvm-actions-results'].includes(name)),
        ).toEqual([])
      } finally {
        rmSync(workspace, { recursive: true, force: true })
      }
    },
  )
})
