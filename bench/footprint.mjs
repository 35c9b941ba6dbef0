#!/usr/bin/env node
// The bundle's footprint: dist/ size, and the time from process start to an action's first log
// line against a bare `node -e 0` started the same way, interleaved in this run (median of
// BENCH_ROUNDS each). The action is check-upstream given a bad input, so the first line is its
// configuration error: everything an action loads before it can say anything. Targets: dist/ at
// most 10 MB; start-up at most 1.5 × bare node. A second baseline is a bundle of nothing but
// @actions/core printing one line (bundled here with ncc): the floor any action on the toolkit
// has, since @actions/core loads @actions/http-client and undici when it is imported.
import ncc from '@vercel/ncc'
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const rounds = Number(process.env.BENCH_ROUNDS ?? 21)

function sizeOf(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(join(entry.parentPath, entry.name)).size, 0)
}

/** ms from spawn to the first byte on stdout or stderr, or to exit when nothing is printed. */
function firstOutput(args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    })
    let first
    const mark = () => (first ??= performance.now() - started)
    child.stdout.once('data', mark)
    child.stderr.once('data', mark)
    child.on('error', reject)
    child.on('exit', (code) => {
      const exitMs = performance.now() - started
      resolve({ ms: first ?? exitMs, code })
    })
  })
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const scratch = mkdtempSync(join(tmpdir(), 'bench-footprint-'))
const coreEntry = join(root, 'bench', '.core-only-entry.mjs')
writeFileSync(coreEntry, "import * as core from '@actions/core'\ncore.info('first line')\n")
let coreOnly
try {
  const { code } = await ncc(coreEntry, { minify: false, sourceMap: false, target: 'es2022', quiet: true })
  coreOnly = join(scratch, 'core-only.mjs')
  writeFileSync(coreOnly, code)
} finally {
  rmSync(coreEntry, { force: true })
}

const bare = []
const core = []
const action = []
for (let i = 0; i < rounds; i++) {
  bare.push((await firstOutput(['-e', 'process.stdout.write("x\\n")'])).ms)
  core.push((await firstOutput([coreOnly])).ms)
  const run = await firstOutput([join(root, 'dist', 'check-upstream', 'index.js')], {
    INPUT_PACKAGES: 'not a package name',
    'INPUT_PUBLISHED-URL': 'file:///nonexistent',
  })
  if (run.code !== 1) throw new Error(`check-upstream with a bad input exited ${run.code}, expected 1`)
  action.push(run.ms)
}
const distBytes = sizeOf(join(root, 'dist'))
const libBytes = sizeOf(join(root, 'dist', 'lib'))
console.log(
  `dist/: ${(distBytes / 1e6).toFixed(1)} MB (shared library ${(libBytes / 1e6).toFixed(1)} MB; target <= 10 MB)`,
)
const [a, b, c] = [median(action), median(bare), median(core)]
console.log(
  `start-up to first line: action ${a.toFixed(0)} ms, bare node ${b.toFixed(0)} ms, @actions/core alone ${c.toFixed(0)} ms`,
)
console.log(
  `ratios: action/bare ${(a / b).toFixed(2)} (target <= 1.5), @actions/core alone/bare ${(c / b).toFixed(2)}, action/@actions/core alone ${(a / c).toFixed(2)}`,
)
rmSync(scratch, { recursive: true, force: true })
