import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures')

/** A fresh copy of a fixture dist-git tree, in a folder of its own. */
export function fixtureTree(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), `${name}-`)), name)
  cpSync(join(FIXTURES, name), dir, { recursive: true })
  return dir
}

/** Writes files (path → content) under a new folder and returns it. */
export function writeTree(files: Record<string, string | Buffer>, prefix = 'tree-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

/** path → sha256 of every file below dir: a tree's fingerprint, to prove nothing changed. */
export function treeDigest(dir: string): Record<string, string> {
  const digest: Record<string, string> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = join(entry.parentPath, entry.name)
    digest[relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex')
  }
  return digest
}
