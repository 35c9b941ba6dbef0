// @needs-system-tools
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Log } from '../../src/reporter.js'
import { GpgHome } from '../../src/repo/gpg.js'
import { publish, rollback, channelFiles } from '../../src/repo/publish.js'
import { dnfVisibleNevras } from '../../src/repo/dnf-check.js'
import { makeSigningKey } from '../support/keys.js'
import { helloRpms, helloSrpm } from '../support/rpms.js'

const quiet: Log = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: (_, fn) => fn(),
}
let key: string
let v3: string[]
let v4: string[]
beforeAll(async () => {
  key = makeSigningKey('KVM Repo', 'correct horse')
  v3 = [...(await helloRpms('3')), await helloSrpm('3', '.el9')]
  v4 = await helloRpms('4')
}, 60_000)

async function visible(target: string, channel: string): Promise<string[]> {
  const live = join(target, '9', channel)
  return dnfVisibleNevras(
    [{ id: 'check', baseUrl: `file://${live}/ppc64le`, gpgKeyUrl: `file://${live}/RPM-GPG-KEY-kvm-power` }],
    'ppc64le',
  )
}

describe('publish', () => {
  it('publishes, republishes, prunes, promotes and rolls back', async () => {
    const target = mkdtempSync(join(tmpdir(), 'repo-'))
    const gpg = await GpgHome.create(key, 'correct horse')
    try {
      const base = {
        target,
        releasever: '9',
        channel: 'testing',
        name: 'kvm-power',
        arches: ['ppc64le'],
        retention: 2,
        gpg,
        publicKey: await gpg.exportPublicKey(),
        dryRun: false,
        log: quiet,
      }
      const first = await publish({ ...base, rpms: v3 })
      expect(first.added.sort()).toEqual([
        'kvm-hello-0:1.2.0-3.el9.noarch',
        'kvm-hello-0:1.2.0-3.el9.src',
        'kvm-hello-extras-0:1.2.0-3.el9.noarch',
        'kvm-power-release-0:9-1.noarch',
      ])
      expect(await visible(target, 'testing')).toEqual([
        'kvm-hello-0:1.2.0-3.el9.noarch',
        'kvm-hello-extras-0:1.2.0-3.el9.noarch',
        'kvm-power-release-0:9-1.noarch',
      ])
      const second = await publish({ ...base, rpms: v4 })
      expect(second.added.sort()).toEqual([
        'kvm-hello-0:1.2.0-4.el9.noarch',
        'kvm-hello-extras-0:1.2.0-4.el9.noarch',
      ])
      expect(second.pruned).toEqual([])
      const third = await publish({ ...base, rpms: v4, retention: 1 })
      expect(third.added).toEqual([])
      expect(third.pruned.sort()).toEqual([
        'kvm-hello-0:1.2.0-3.el9.noarch',
        'kvm-hello-extras-0:1.2.0-3.el9.noarch',
      ])
      expect(await visible(target, 'testing')).toEqual([
        'kvm-hello-0:1.2.0-4.el9.noarch',
        'kvm-hello-extras-0:1.2.0-4.el9.noarch',
        'kvm-power-release-0:9-1.noarch',
      ])
      const promoted = await channelFiles(target, '9', 'testing', ['ppc64le'], 'kvm-power', [
        'kvm-hello-1.2.0-4.el9.noarch',
      ])
      await publish({ ...base, channel: 'stable', rpms: promoted })
      expect(await visible(target, 'stable')).toEqual([
        'kvm-hello-0:1.2.0-4.el9.noarch',
        'kvm-power-release-0:9-1.noarch',
      ])
      expect(readFileSync(join(target, '9', 'stable', 'kvm-power.repo'), 'utf8')).toContain(
        '[kvm-power-stable]',
      )
      rollback(target, '9', 'testing')
      expect(await visible(target, 'testing')).toContain('kvm-hello-0:1.2.0-3.el9.noarch')
    } finally {
      await gpg.close()
    }
    execFileSync('ls', [target])
  }, 120_000)
})
