/** Globs with `*` and `?` inside path segments (no `**`): enough for RPM and config file names. */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'

export const hasGlob = (pattern: string): boolean => /[*?]/.test(pattern)

function segmentMatcher(segment: string): RegExp {
  const body = segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
  return new RegExp(`^${body}$`)
}

/** Existing paths matching pattern (relative patterns resolve against base), sorted. */
export function expandGlob(pattern: string, base = '.'): string[] {
  let paths = [isAbsolute(pattern) ? '/' : base]
  for (const segment of pattern.split('/').filter(Boolean)) {
    if (!hasGlob(segment)) {
      paths = paths.map((dir) => join(dir, segment)).filter((candidate) => existsSync(candidate))
      continue
    }
    const matcher = segmentMatcher(segment)
    paths = paths.flatMap((dir) =>
      existsSync(dir) && statSync(dir).isDirectory()
        ? readdirSync(dir)
            .filter((name) => matcher.test(name))
            .sort()
            .map((name) => join(dir, name))
        : [],
    )
  }
  return paths
}
