/**
 * @needs-system-tools
 * The non-interference rules, and publish-repo applying them against a stand-in base repository. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { judge, type RepoPackage } from '../../src/repo/interference.js'
import { nextStockRelease } from '../../src/rpm/release.js'
import { makeSigningKey } from '../support/keys.js'
import { addToRepo, stockRpms } from '../support/pipeline-stand-ins.js'

const pkg = (name: string, evr: string, source = 'kernel', arch = 'ppc64le'): RepoPackage => {
  const [epoch, rest] = evr.includes(':') ? evr.split(':') : ['0', evr]
  const [version, release] = rest!.split('-')
  return { name, epoch: Number(epoch), version: version!, release: release!, arch, source }
}

describe('nextStockRelease', () => {
  it.each([
    ['570.12.1.el9_6', '570.12.2.el9_6'],
    ['15.el9', '16.el9'],
    ['7.el9_5.2', '8.el9_5.2'],
    ['el9', 'el9.1'],
    // A rebuild of our own rebuild: upstream's next update, not our next buildid.
    ['570.12.1.kvm1.el9_6', '570.12.2.kvm1.el9_6'],
  ])('%s → %s', (release, next) => expect(nextStockRelease(release)).toBe(next))
})

describe('judge', () => {
  const base = [
    pkg('kernel-core', '5.14.0-570.12.1.el9_6'),
    pkg('kernel-core', '5.14.0-503.40.1.el9_5'),
    pkg('qemu-kvm-core', '17:9.1.0-15.el9', 'qemu-kvm'),
  ]
  const verdicts = (published: RepoPackage[]) =>
    judge(published, base, 'kvm-power-release').map((row) => [row.package, row.ok, row.verdict])

  it('passes rebuilds between the stock build and its next update, new subpackages and the -release package', () => {
    expect(
      verdicts([
        pkg('kernel-core', '5.14.0-570.12.1.kvm1.el9_6'),
        pkg('kernel-kvm', '5.14.0-570.12.1.kvm1.el9_6'),
        pkg('qemu-kvm-core', '17:9.1.0-15.el9.kvm1', 'qemu-kvm'),
        pkg('kvm-power-release', '9-1', 'kvm-power-release', 'noarch'),
        pkg('kernel', '5.14.0-570.12.1.kvm1.el9_6', 'kernel', 'src'),
      ]),
    ).toEqual([
      ['kernel-core.ppc64le', true, 'above the base, below 5.14.0-570.12.2.el9_6'],
      ['kernel-kvm.ppc64le', true, 'new subpackage of kernel'],
      ['kvm-power-release.noarch', true, 'the repository’s -release package'],
      ['qemu-kvm-core.ppc64le', true, 'above the base, below 17:9.1.0-16.el9'],
    ])
  })

  it('fails a rebuild the stock package outranks, one that outranks the next stock update, and a foreign name', () => {
    expect(
      verdicts([
        pkg('kernel-core', '5.14.0-503.40.1.kvm1.el9_5'),
        pkg('qemu-kvm-core', '17:9.1.0-16.el9.kvm1', 'qemu-kvm'),
        pkg('qemu-kvm-core', '9.1.0-15.el9.kvm1', 'qemu-kvm', 'noarch'),
        pkg('hello', '1-1.el9', 'hello'),
      ]),
    ).toEqual([
      ['hello.ppc64le', false, 'adds a name from hello, a source the base does not ship'],
      ['kernel-core.ppc64le', false, 'not above the base 5.14.0-570.12.1.el9_6: the stock package wins'],
      [
        'qemu-kvm-core.ppc64le',
        false,
        'not below the next stock update 17:9.1.0-16.el9: it would hold stock updates back',
      ],
      ['qemu-kvm-core.noarch', false, 'not above the base 17:9.1.0-15.el9: the stock package wins'],
    ])
  })
})

describe('judge, when the base itself ships kernel-kvm (AlmaLinux 9.6+)', () => {
  // AlmaLinux's kvm kernel variant: kernel-kvm and its own core and modules packages, in BaseOS.
  const base = [
    pkg('kernel-core', '5.14.0-570.12.1.el9_6'),
    pkg('kernel-kvm', '5.14.0-570.12.1.el9_6'),
    pkg('kernel-kvm-core', '5.14.0-570.12.1.el9_6'),
    pkg('kernel-kvm-modules', '5.14.0-570.12.1.el9_6'),
  ]
  const verdicts = (published: RepoPackage[]) =>
    judge(published, base, 'kvm-power-release').map((row) => [row.package, row.ok, row.verdict])

  it('holds our kernel-kvm to the same rule as every rebuild: above the base’s, below its next update', () => {
    expect(
      verdicts([
        pkg('kernel-kvm', '5.14.0-570.12.1.kvm1.el9_6'),
        pkg('kernel-kvm-core', '5.14.0-570.12.1.kvm1.el9_6'),
        pkg('kernel-kvm-modules', '5.14.0-570.12.2.el9_6'),
      ]),
    ).toEqual([
      ['kernel-kvm.ppc64le', true, 'above the base, below 5.14.0-570.12.2.el9_6'],
      ['kernel-kvm-core.ppc64le', true, 'above the base, below 5.14.0-570.12.2.el9_6'],
      [
        'kernel-kvm-modules.ppc64le',
        false,
        'not below the next stock update 5.14.0-570.12.2.el9_6: it would hold stock updates back',
      ],
    ])
    // A kernel-kvm of an older rebuild loses to the base's own, as any stock package would win.
    expect(verdicts([pkg('kernel-kvm', '5.14.0-503.40.1.kvm1.el9_5')])).toEqual([
      ['kernel-kvm.ppc64le', false, 'not above the base 5.14.0-570.12.1.el9_6: the stock package wins'],
    ])
  })
})

describe('publish-repo with base-urls', () => {
  const PASSPHRASE = 'interference test'
  let scratch: string
  let key: string
  let rebuilt: string[]
  let base: string
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'interference-'))
    key = makeSigningKey('Interference Test', PASSPHRASE)
    rebuilt = stockRpms(scratch, {
      name: 'kernel',
      version: '5.14.0',
      release: '570.12.1.kvm1.el9',
      packages: ['kernel-core', 'kernel-kvm'],
    })
    // A base that already ships a newer kernel than the rebuild.
    base = join(scratch, 'base')
    addToRepo(
      base,
      stockRpms(scratch, {
        name: 'kernel',
        version: '5.14.0',
        release: '570.13.1.el9',
        packages: ['kernel-core'],
      }),
    )
  }, 60_000)
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  async function publish(channel: string) {
    const target = join(scratch, `target-${channel}`)
    const out: string[] = []
    const args = ['publish-repo']
    const inputs = {
      rpms: JSON.stringify(rebuilt),
      target,
      channel,
      'base-urls': `file://${base}`,
      'signing-key': key,
      passphrase: PASSPHRASE,
    }
    for (const [name, value] of Object.entries(inputs)) args.push('--input', `${name}=${value}`)
    const code = await runCli(args, { out: (t) => out.push(t), err: (t) => out.push(t), cwd: scratch })
    return { code, out: out.join(''), target }
  }

  it('blocks stable when the base already ships a newer kernel, and says why', async () => {
    const run = await publish('stable')
    expect(run.code).toBe(1)
    expect(run.out).toContain(
      'The packages would interfere with the base repositories, so nothing was published to stable: kernel-core.ppc64le 5.14.0-570.12.1.kvm1.el9: not above the base 5.14.0-570.13.1.el9: the stock package wins',
    )
    expect(run.out).toMatch(
      /kernel-core\.ppc64le\s+5\.14\.0-570\.12\.1\.kvm1\.el9\s+5\.14\.0-570\.13\.1\.el9\s+❌ not above the base/,
    )
    expect(existsSync(join(run.target, '9', 'stable'))).toBe(false)
  }, 120_000)

  it('publishes to testing with a warning naming the same problem', async () => {
    const run = await publish('testing')
    // The output comes with a failure, so the reason shows in the test report.
    expect({ code: run.code, out: run.code === 0 ? '' : run.out }).toEqual({ code: 0, out: '' })
    expect(run.out).toContain(
      'Published to testing although: kernel-core.ppc64le 5.14.0-570.12.1.kvm1.el9: not above the base',
    )
    expect(run.out).toMatch(/interference=\{"checked":true,"ok":false,"problems":\[/)
    expect(existsSync(join(run.target, '9', 'testing'))).toBe(true)
  }, 120_000)
})
