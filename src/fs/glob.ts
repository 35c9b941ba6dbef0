/**
 * Globs through the toolkit's own matcher (@actions/glob): `*`, `?`, `[...]` and `**` across
 * folders, as in a workflow's paths. Relative patterns resolve against a base folder.
 */
import * as glob from '@actions/glob'
import { isAbsolute, join } from 'node:path'

export const hasGlob = (pattern: string): boolean => /[*?[]/.test(pattern)

/** Existing paths (files and folders) matching pattern, sorted. */
export async function expandGlob(pattern: string, base = '.'): Promise<string[]> {
  const full = isAbsolute(pattern) ? pattern : join(base, pattern)
  const globber = await glob.create(full, { implicitDescendants: false, matchDirectories: true })
  return (await globber.glob()).sort()
}
