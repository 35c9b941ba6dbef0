/** Finds programs on PATH before any work starts, so a missing tool fails in seconds with a fix. */
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { InfrastructureError } from '../errors.js'

export function findOnPath(program: string, path = process.env.PATH ?? ''): string | undefined {
  if (program.includes('/')) return canRun(program) ? program : undefined
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, program)
    if (canRun(candidate)) return candidate
  }
  return undefined
}

function canRun(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Resolves every program or throws one InfrastructureError naming all that are missing. */
export function requireTools(programs: readonly string[], path?: string): Record<string, string> {
  const found: Record<string, string> = {}
  const missing: string[] = []
  for (const program of programs) {
    const location = findOnPath(program, path)
    if (location) found[program] = location
    else missing.push(program)
  }
  if (missing.length > 0) {
    throw new InfrastructureError(
      `required program${missing.length > 1 ? 's' : ''} not installed: ${missing.join(', ')}; ` +
        'run scripts/setup-host.sh (apt or dnf) to install them',
    )
  }
  return found
}
