/** What a build produced, checked against what the caller expects of it. */
import { basename } from 'node:path'
import { TestFailure } from '../errors.js'
import { exec } from '../exec/exec.js'
import { queryPackageFile } from './query.js'

export interface BuiltRpm {
  path: string
  name: string
  epoch?: string
  version: string
  release: string
  arch: string
  nevra: string
}

export interface PackageExpectation {
  /** Package name; `*` matches any text. */
  package: string
  /** Paths the package must contain; `*` matches any text (including /). */
  files?: string[]
  /** Capabilities the package must provide (compared by name). */
  provides?: string[]
}

const wildcard = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  )

export async function describeRpms(paths: string[]): Promise<BuiltRpm[]> {
  return Promise.all(
    paths.map(async (path) => {
      const header = await queryPackageFile(path)
      const epoch = header.epoch ? `${header.epoch}:` : ''
      return {
        path,
        ...header,
        nevra: `${header.name}-${epoch}${header.version}-${header.release}.${header.arch}`,
      }
    }),
  )
}

async function rpmQuery(path: string, flag: '--list' | '--provides'): Promise<string[]> {
  const { stdout } = await exec(['rpm', '-qp', '--nosignature', '--nodigest', flag, path])
  return stdout.split('\n').filter(Boolean)
}

/** Every unmet expectation, as one TestFailure listing them all. */
export async function verifyRpms(rpms: BuiltRpm[], expectations: PackageExpectation[]): Promise<void> {
  const problems: string[] = []
  for (const expectation of expectations) {
    const matcher = wildcard(expectation.package)
    const candidates = rpms.filter((rpm) => rpm.arch !== 'src' && matcher.test(rpm.name))
    if (candidates.length === 0) {
      problems.push(
        `no package ${expectation.package} was built (built: ${rpms.map((r) => basename(r.path)).join(', ')})`,
      )
      continue
    }
    for (const rpm of candidates) {
      if (expectation.files?.length) {
        const files = await rpmQuery(rpm.path, '--list')
        for (const file of expectation.files) {
          if (!files.some((f) => wildcard(file).test(f)))
            problems.push(`${rpm.nevra} does not contain ${file}`)
        }
      }
      if (expectation.provides?.length) {
        const provides = (await rpmQuery(rpm.path, '--provides')).map((line) => line.split(/\s/)[0])
        for (const capability of expectation.provides) {
          if (!provides.includes(capability)) problems.push(`${rpm.nevra} does not provide ${capability}`)
        }
      }
    }
  }
  if (problems.length > 0)
    throw new TestFailure(`the built packages miss what is expected: ${problems.join('; ')}`)
}
