/**
 * Build avoidance: a key from everything that decides a build's output. Same key, same RPMs,
 * so a cached result can stand in for hours of building.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { SUITE_VERSION } from '../version.js'

/**
 * sha256 over every file below dir (path and content), in a stable order; with `only`, over the
 * files whose name matches (a kernel tree's Kconfig files rather than all of its 80,000 files).
 */
export function digestTree(dir: string, only?: RegExp): string {
  const hash = createHash('sha256')
  if (!existsSync(dir)) return hash.update('(none)').digest('hex')
  const files = statSync(dir).isFile()
    ? [dir]
    : readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => !only || only.test(basename(file)))
        .map((file) => join(dir, file))
        .filter((file) => statSync(file).isFile())
        .sort()
  for (const file of files) {
    hash
      .update(relative(dir, file) || '.')
      .update('\0')
      .update(readFileSync(file))
      .update('\0')
  }
  return hash.digest('hex')
}

export interface AvoidanceInputs {
  /** The package being built, e.g. kernel. */
  package: string
  srpmSha256: string
  /** Recipe folders or files (their whole content counts). */
  recipes: string[]
  /** Other files or folders whose content decides the output (patch series, config fragments). */
  files?: Record<string, string[]>
  /** The exact build command and anything else that changes the output. */
  builder: string[]
  extra?: Record<string, unknown>
}

export function avoidanceKey(inputs: AvoidanceInputs): string {
  const canonical = JSON.stringify({
    suite: SUITE_VERSION,
    package: inputs.package,
    srpm: inputs.srpmSha256,
    recipes: inputs.recipes.map((path) => digestTree(path)),
    files: Object.fromEntries(
      Object.entries(inputs.files ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, paths]) => [name, paths.map((path) => digestTree(path))]),
    ),
    builder: inputs.builder,
    extra: Object.fromEntries(Object.entries(inputs.extra ?? {}).sort(([a], [b]) => a.localeCompare(b))),
  })
  return `kvm-actions-${inputs.package}-${createHash('sha256').update(canonical).digest('hex').slice(0, 40)}`
}
