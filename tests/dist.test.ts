/** The dist check (`npm run check-dist`, run by CI) fails when dist/ and a fresh bundle differ. */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')

function check(distDir: string) {
  return spawnSync('node', ['scripts/bundle.mjs', '--check', '--only', 'cli', '--out', distDir], {
    cwd: root,
    encoding: 'utf8',
  })
}

describe('check-dist', () => {
  const dist = mkdtempSync(join(tmpdir(), 'dist-'))

  it('passes when dist/ is a fresh bundle', () => {
    cpSync(join(root, 'dist', 'cli'), join(dist, 'cli'), { recursive: true })
    const result = check(dist)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('fails, naming the file, when a bundle is stale', () => {
    writeFileSync(join(dist, 'cli', 'index.js'), '#!/usr/bin/env node\n// stale\n')
    const result = check(dist)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('differs from a fresh bundle: dist/cli/index.js')
  })

  it('fails when a bundle is missing or left over', () => {
    rmSync(join(dist, 'cli', 'index.js'))
    writeFileSync(join(dist, 'cli', 'old.js'), '')
    const result = check(dist)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('missing from dist/: cli/index.js')
    expect(result.stderr).toContain('not produced by a fresh bundle: dist/cli/old.js')
  })
})
