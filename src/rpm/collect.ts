/**
 * The RPMs an action is given: a JSON list (the `rpms` output of build-kernel and patch-qemu),
 * or lines/commas of files, directories (every .rpm below) and globs (`*`, `?`, `**`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ConfigurationError, InvalidValue } from '../errors.js'
import { expandGlob, hasGlob } from '../fs/glob.js'

export const RPM_SET_FORM =
  'a JSON list of RPM paths, or RPM files, directories and globs (such as out/*.rpm or out/**/rpms/*.rpm), one per line or separated by commas'

export function parseRpmPatterns(raw: string): string[] {
  if (raw.startsWith('[')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      throw new InvalidValue('not valid JSON')
    }
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
      throw new InvalidValue('the JSON is not a list of strings')
    }
    return parsed
  }
  return raw
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean)
}

/** Every .rpm below dir (recursively), sorted; none when dir does not exist. */
export function rpmsBelow(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) return rpmsBelow(full)
      return entry.isFile() && entry.name.endsWith('.rpm') ? [full] : []
    })
}

/** Absolute, de-duplicated, sorted paths; a pattern that matches nothing is an error naming it. */
export async function collectRpms(
  patterns: string[],
  workspace: string,
  inputName = 'rpms',
): Promise<string[]> {
  const found = new Set<string>()
  for (const pattern of patterns) {
    const full = resolve(workspace, pattern)
    const matches = hasGlob(pattern) ? await expandGlob(full) : existsSync(full) ? [full] : []
    const rpms = matches.flatMap((match) => (statSync(match).isDirectory() ? rpmsBelow(match) : [match]))
    const notRpm = rpms.find((file) => !file.endsWith('.rpm'))
    if (notRpm)
      throw new ConfigurationError(`Input '${inputName}' names ${notRpm}, which is not an .rpm file`)
    if (rpms.length === 0) {
      throw new ConfigurationError(
        `Input '${inputName}' entry '${pattern}' matches no RPM; expected ${RPM_SET_FORM}`,
      )
    }
    rpms.forEach((rpm) => found.add(rpm))
  }
  return [...found].sort()
}
