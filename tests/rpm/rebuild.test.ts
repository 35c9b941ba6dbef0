/**
 * @needs-system-tools
 * The rebuild engine end to end with real rpm tools: fetch, recipe, release, rpmbuild, verify, avoid. */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError, TestFailure } from '../../src/errors.js'
import { folderCache } from '../../src/host/cli.js'
import type { Log } from '../../src/reporter.js'
import { BuildFailure } from '../../src/rpm/builder.js'
import { rebuildPackage, type RebuildOptions } from '../../src/rpm/rebuild.js'
import { writeTree } from '../support/fixtures.js'
import { helloSrpm } from '../support/rpms.js'

const quiet: Log = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: (_, fn) => fn(),
}

const RECIPE = `actions:
  - add_files:
    - type: patch
      name: 0002-kvm-mode.patch
  - changelog_entry:
    - name: KVM Builder
      email: kvm@example.org
      line:
        - Add the KVM mode
`
const PATCH = `--- a/hello.conf
+++ b/hello.conf
@@ -1,2 +1,3 @@
 greeting=Hello
 volume=loud
+mode=kvm
`

let stock: string
beforeAll(async () => {
  stock = await helloSrpm()
})

function options(overrides: Partial<RebuildOptions> = {}): RebuildOptions {
  const recipeDir = writeTree({ 'config.yaml': RECIPE, 'files/0002-kvm-mode.patch': PATCH }, 'recipe-')
  const scratch = mkdtempSync(join(tmpdir(), 'rebuild-'))
  return {
    package: 'kvm-hello',
    source: { kind: 'path', path: stock },
    repositoryUrl: 'file:///nonexistent',
    recipes: [{ config: join(recipeDir, 'config.yaml') }],
    release: { kind: 'buildid', value: '.kvm1' },
    builder: 'rpmbuild',
    mockConfig: 'almalinux-9-ppc64le',
    workDir: join(scratch, 'work'),
    resultsDir: join(scratch, 'results'),
    expectations: [
      {
        package: 'kvm-hello',
        files: ['/usr/bin/kvm-hello', '/etc/kvm-hello.conf'],
        provides: ['kvm-hello', 'config(kvm-hello)'],
      },
      { package: 'kvm-hello-extras', files: ['/usr/share/kvm-hello/*.txt'] },
    ],
    downloadCacheDir: join(scratch, 'downloads'),
    cache: folderCache(join(scratch, 'cache'), scratch),
    log: quiet,
    ...overrides,
  }
}

describe('rebuildPackage', () => {
  it('rebuilds with the recipe and a buildid, checks the output, and avoids the second build', async () => {
    const first = options()
    const built = await rebuildPackage(first)
    expect(built).toMatchObject({
      sourceNvr: 'kvm-hello-1.2.0-3.el9_6',
      builtNvr: 'kvm-hello-1.2.0-3.kvm1.el9_6',
      cacheHit: false,
      release: { stock: '1.2.0-3.el9_6', rebuilt: '1.2.0-3.kvm1.el9_6', nextStock: '1.2.0-4.el9_6' },
    })
    expect(built.rpms.map((rpm) => rpm.nevra).sort()).toEqual([
      'kvm-hello-1.2.0-3.kvm1.el9_6.noarch',
      'kvm-hello-1.2.0-3.kvm1.el9_6.src',
      'kvm-hello-extras-1.2.0-3.kvm1.el9_6.noarch',
    ])
    expect(built.edits.map((edit) => edit.type)).toEqual(['add_files', 'changelog_entry'])
    // The recipe's patch really went into the binary package.
    const rpm = built.rpms.find((r) => r.nevra === 'kvm-hello-1.2.0-3.kvm1.el9_6.noarch')!.path
    const conf = execFileSync(
      'sh',
      ['-c', 'rpm2cpio "$0" | cpio -i --quiet --to-stdout ./etc/kvm-hello.conf', rpm],
      { encoding: 'utf8' },
    )
    expect(conf).toBe('greeting=Hello\nvolume=loud\nmode=kvm\n')
    const changelog = execFileSync('rpm', ['-qp', '--changelog', rpm], { encoding: 'utf8' })
    expect(changelog.split('\n')[0]).toMatch(
      /^\* \w{3} \w{3} \d{2} \d{4} KVM Builder <kvm@example.org> - 1.2.0-3.kvm1$/,
    )
    expect(readFileSync(built.logFile!, 'utf8')).toContain('Wrote:')

    // Same inputs, same cache: the RPMs come back without building.
    // A fresh runner: no results, no work tree, only the cache.
    rmSync(first.resultsDir, { recursive: true, force: true })
    rmSync(first.workDir, { recursive: true, force: true })
    const again = await rebuildPackage(first)
    expect(again).toMatchObject({
      cacheHit: true,
      cacheKey: built.cacheKey,
      builtNvr: 'kvm-hello-1.2.0-3.kvm1.el9_6',
      edits: [],
    })
    expect(again.rpms.map((r) => r.nevra).sort()).toEqual(built.rpms.map((r) => r.nevra).sort())

    // A different release bump is a different build.
    rmSync(first.workDir, { recursive: true, force: true })
    const other = await rebuildPackage({ ...first, release: { kind: 'suffix', value: '.kvm2' } })
    expect(other).toMatchObject({ cacheHit: false, builtNvr: 'kvm-hello-1.2.0-3.el9_6.kvm2' })
    expect(other.cacheKey).not.toBe(built.cacheKey)
  })

  it('keeps the ccache directory in the cache between builds', async () => {
    const run = options({ ccache: true })
    const saved: string[] = []
    const restored: string[][] = []
    const cache = {
      restore: async (paths: string[], key: string, restoreKeys?: string[]) => {
        restored.push([key, ...(restoreKeys ?? [])])
        return run.cache.restore(paths, key, restoreKeys)
      },
      save: async (paths: string[], key: string) => {
        saved.push(`${key} ${paths.map((p) => p.split('/').at(-1)).join(',')}`)
        return run.cache.save(paths, key)
      },
    }
    const built = await rebuildPackage({ ...run, cache })
    expect(saved).toEqual([
      `${built.cacheKey} rpms`,
      // At a fixed path, <cache>/ccache/<package>: the cache restores to the path it saved.
      `kvm-actions-ccache-kvm-hello.el9_6-${built.cacheKey} kvm-hello`,
    ])
    // The ccache restore falls back to any earlier ccache of the same package and dist.
    expect(restored[1]).toEqual([
      `kvm-actions-ccache-kvm-hello.el9_6-${built.cacheKey}`,
      'kvm-actions-ccache-kvm-hello.el9_6-',
    ])
  })

  it('refuses a release that would not replace the stock package', async () => {
    const failure = rebuildPackage(options({ release: { kind: 'buildid', value: '.a1' } }))
    await expect(failure).rejects.toBeInstanceOf(ConfigurationError)
    await expect(failure).rejects.toThrow(
      'the rebuilt kvm-hello-1.2.0-3.a1.el9_6 does not sort above the stock kvm-hello-1.2.0-3.el9_6',
    )
  })

  it('fails when the output misses what is expected', async () => {
    const failure = rebuildPackage(
      options({ expectations: [{ package: 'kvm-hello', files: ['/usr/lib/modules/*/kvm-hv.ko*'] }] }),
    )
    await expect(failure).rejects.toBeInstanceOf(TestFailure)
    await expect(failure).rejects.toThrow(
      'kvm-hello-1.2.0-3.kvm1.el9_6.noarch does not contain /usr/lib/modules/*/kvm-hv.ko*',
    )
  })

  it('reports a failing build with its log and first error line', async () => {
    const recipeDir = writeTree({
      'config.yaml':
        'actions:\n  - add_line:\n    - target: spec\n      section: build\n      location: bottom\n      content: "false"\n',
    })
    const run = options({ recipes: [{ config: join(recipeDir, 'config.yaml') }] })
    const failure = await rebuildPackage(run).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(BuildFailure)
    const build = failure as BuildFailure
    expect(build.message).toMatch(
      /^rpmbuild failed \(exit code 1\): error: Bad exit status from .* \(%build\)$/,
    )
    expect(build.errorLine).toMatch(/^error: Bad exit status/)
    expect(build.tail).toContain('+ false')
    expect(existsSync(build.logFile)).toBe(true)
  })
})
