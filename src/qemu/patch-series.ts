/** A folder of git format-patch files given to patch-qemu. */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { ConfigurationError } from '../errors.js'

/** The .patch files of a series folder, in name order; a folder without any is an error. */
export function patchSeries(dir: string | undefined, inputName: string): string[] {
  if (!dir) return []
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ConfigurationError(`Input '${inputName}' names ${dir}, which is not a folder of .patch files`)
  }
  const patches = readdirSync(dir)
    .filter((name) => name.endsWith('.patch'))
    .sort()
  if (patches.length === 0) {
    throw new ConfigurationError(`Input '${inputName}' names ${dir}, which holds no .patch files`)
  }
  return patches
}
