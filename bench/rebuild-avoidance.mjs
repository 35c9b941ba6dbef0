#!/usr/bin/env node
// Build avoidance: wall time of build-kernel when an identical build is cached, divided by the
// same action doing the real build, both measured here in this run through the bundled CLI.
// The package is the kernel-shaped test fixture with real compile work added to %build by an
// autopatch recipe (so the recipe, like any input, is part of the cache key). Target: < 0.05.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const scratch = mkdtempSync(join(tmpdir(), 'bench-avoid-'))
const files = Number(process.env.BENCH_C_FILES ?? 1500)

const tree = join(scratch, 'kernel')
cpSync(join(root, 'tests', 'fixtures', 'kernel-el9.4'), tree, { recursive: true })
const packed = execFileSync(
  'rpmbuild',
  ['-bs', '--define', `_topdir ${tree}`, '--define', 'dist .el9_6', join(tree, 'SPECS', 'kernel.spec')],
  {
    encoding: 'utf8',
  },
)
const srpm = /Wrote: (\S+)/.exec(packed)[1]

const recipe = join(scratch, 'recipe')
mkdirSync(recipe)
writeFileSync(
  join(recipe, 'config.yaml'),
  `actions:
  - add_line:
    - target: spec
      section: build
      location: bottom
      content: |
        mkdir -p bench && cd bench
        for i in $(seq 1 ${files}); do
          printf 'int f%d(int n){int s=0;for(int j=0;j<n;j++)s+=(j*%d)^(s>>3);return s;}\\n' $i $i > f$i.c
        done
        ls f*.c | xargs -P2 -n20 gcc -O2 -c
        cd ..
`,
)

const workspace = join(scratch, 'workspace')
mkdirSync(workspace)
const env = { ...process.env, KVM_ACTIONS_CACHE: join(scratch, 'cache') }
function run(expectHit) {
  const started = performance.now()
  const out = execFileSync(
    'node',
    [
      join(root, 'dist', 'cli', 'index.js'),
      'build-kernel',
      '--input',
      `srpm=${srpm}`,
      '--input',
      'builder=rpmbuild',
      // The source RPM is packed here, so it carries no upstream signature to check.
      '--input',
      'upstream-keys=none',
      '--input',
      `autopatch=${recipe}`,
    ],
    { cwd: workspace, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  )
  const seconds = (performance.now() - started) / 1000
  if (!out.includes(`cache-hit=${expectHit}`)) throw new Error(`expected cache-hit=${expectHit}:\n${out}`)
  return seconds
}

const build = run(false)
// A fresh runner: no results, only the cache.
rmSync(join(workspace, 'kvm-actions-results'), { recursive: true, force: true })
const cached = run(true)
rmSync(scratch, { recursive: true, force: true })
console.log(`build-kernel real build: ${build.toFixed(2)} s`)
console.log(`build-kernel cached:     ${cached.toFixed(2)} s`)
console.log(`ratio cached/build: ${(cached / build).toFixed(3)} (target < 0.05)`)
