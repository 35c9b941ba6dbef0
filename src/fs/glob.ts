/**
 * Globs through the toolkit's own matcher (@actions/glob): `*`, `?`, `[...]` and `**` across
 * folders, as in a workflow's paths. Relative patterns resolve against a base folder.
 */
import { isAbsolute, join } from 'node:path'

export const hasGlob = (pattern: string): boolean => /[*?[]/.test(pattern)

/** Existing paths (files and folders) matching pattern, sorted. */
export async function expandGlob(pattern: string, base = '.'): Promise<string[]> {
  const full = isAbsolute(pattern) ? pattern : join(base, pattern)
  // Loaded on first use: most steps never glob, and the toolkit is a large part of start-up.
  const glob = await import('@actions/glob')
  const globber = await glob.create(full, { implicitDescendants: false, matchDirectories: true })
  return (await globber.glob()).sort()
}
