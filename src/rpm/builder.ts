/** Building a source RPM with mock or rpmbuild: the argv, the timeout, and what a failure means. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { InfrastructureError, TestFailure } from '../errors.js'
import { formatDuration } from '../report/duration.js'
import { describeArgv, exec, type ExecResult } from '../exec/exec.js'
import { Tool } from '../exec/tool.js'
import type { Log } from '../reporter.js'
import { rpmsBelow } from './collect.js'
import { conditionalArgs, defineArgs } from './macros.js'
import { findOnPath, requireTools } from '../exec/tools.js'

export const BUILDERS = ['mock', 'rpmbuild'] as const
export type Builder = (typeof BUILDERS)[number]

/** The programs a build with this builder needs, resolved now so a missing one fails early. */
export function requireBuildTools(builder: Builder): Record<string, string> {
  return requireTools(builderFor(builder).requires)
}

export interface BuildRequest {
  builder: Builder
  mockConfig: string
  srpm: string
  resultDir: string
  /** Build conditionals: `--with X` / `--without X`. */
  with?: string[]
  without?: string[]
  defines?: Record<string, string>
  /** Limits rpmbuild's parallel make (`_smp_build_ncpus`); defaults to the runner's CPU count. */
  jobs?: number
  /** mock: use its ccache plugin with this directory (rpmbuild takes ccache from PATH instead). */
  ccacheDir?: string
  /** mock: host folders the build reads (a signing key), mounted at the same path in the chroot. */
  bindMounts?: string[]
  /** rpmbuild: the target architecture (`--target`); mock's config decides it for mock. */
  target?: string
}

const GNU_TRIPLETS: Record<string, string> = {
  ppc64le: 'powerpc64le-linux-gnu',
  x86_64: 'x86_64-linux-gnu',
  aarch64: 'aarch64-linux-gnu',
  s390x: 's390x-linux-gnu',
}
const NODE_ARCHES: Record<string, string> = {
  x64: 'x86_64',
  ppc64: 'ppc64le',
  arm64: 'aarch64',
  s390x: 's390x',
}

/**
 * rpmbuild --target on another architecture: rpm's post-install steps strip and read the built
 * binaries, which the host's own binutils cannot parse; the cross binutils can, when installed.
 */
export function crossBinutils(
  target: string | undefined,
  hostArch = NODE_ARCHES[process.arch],
  path?: string,
): Record<string, string> {
  const triplet = target && target !== hostArch ? GNU_TRIPLETS[target] : undefined
  if (!triplet) return {}
  const strip = findOnPath(`${triplet}-strip`, path)
  const objdump = findOnPath(`${triplet}-objdump`, path)
  return strip && objdump ? { __strip: strip, __objdump: objdump } : {}
}

/**
 * A program that rebuilds a source RPM: its argv, where its RPMs land, and which missing build
 * dependencies its log names (rpmbuild and mock say it differently).
 */
export abstract class PackageBuilder extends Tool {
  abstract rebuildArgv(request: BuildRequest): string[]
  /** The missing BuildRequires a failed build's log names. */
  abstract missingDependencies(log: string): string[]
  abstract builtRpms(resultDir: string): string[]
  /** Everything a build with this builder runs, resolved now so a missing one fails early. */
  abstract readonly requires: readonly string[]

  /** A failed build: its missing dependencies (the host's fault) or a BuildFailure with the log's gist. */
  buildFailure(result: ExecResult, log: string, logFile: string): Error {
    const missing = this.missingDependencies(log)
    if (missing.length > 0) return new MissingBuildDependencies(missing, logFile)
    const how = result.timedOut
      ? `timed out after ${formatDuration(result.durationMs)}`
      : `failed (exit code ${result.exitCode})`
    const errorLine = firstErrorLine(log)
    return new BuildFailure(
      `${this.program} ${how}${errorLine ? `: ${errorLine}` : ''}`,
      logFile,
      log.split('\n').slice(-40).join('\n'),
      errorLine,
    )
  }
}

export class Rpmbuild extends PackageBuilder {
  readonly requires = ['rpm', 'rpmbuild', 'rpmspec']
  constructor() {
    super('rpmbuild')
  }
  rebuildArgv(request: BuildRequest): string[] {
    return [
      this.program,
      '--define',
      `_topdir ${request.resultDir}`,
      // EL specs are written for bash as /bin/sh (pushd, [[ ]]); Debian's /bin/sh is dash.
      '--define',
      '_buildshell /bin/bash',
      ...(request.target ? ['--target', request.target] : []),
      ...conditionalArgs(request.with, request.without),
      ...commonDefines(request),
      '--rebuild',
      request.srpm,
    ]
  }
  /** rpmbuild lists them after `error: Failed build dependencies:`. */
  missingDependencies(log: string): string[] {
    const lines = log.split('\n')
    const start = lines.findIndex((line) => /error: Failed build dependencies:/.test(line))
    const missing: string[] = []
    if (start !== -1) {
      for (const line of lines.slice(start + 1)) {
        const match = /^\s+(.+?) is needed by \S+/.exec(line)
        if (!match) break
        missing.push(match[1]!.trim())
      }
    }
    return missing
  }
  /** rpmbuild writes under _topdir/RPMS and SRPMS. */
  builtRpms(resultDir: string): string[] {
    return [...rpmsBelow(join(resultDir, 'RPMS')), ...rpmsBelow(join(resultDir, 'SRPMS'))]
  }
}

export class Mock extends PackageBuilder {
  readonly requires = ['rpm', 'mock']
  constructor() {
    super('mock')
  }
  rebuildArgv(request: BuildRequest): string[] {
    const ccache = request.ccacheDir
      ? ['--enable-plugin=ccache', `--plugin-option=ccache:dir=${request.ccacheDir}`]
      : []
    const mounts = request.bindMounts?.length
      ? [
          '--enable-plugin=bind_mount',
          `--plugin-option=bind_mount:dirs=${JSON.stringify(request.bindMounts.map((dir) => [dir, dir]))}`,
        ]
      : []
    return [
      this.program,
      '-r',
      request.mockConfig,
      '--resultdir',
      request.resultDir,
      ...ccache,
      ...mounts,
      ...conditionalArgs(request.with, request.without),
      ...commonDefines(request),
      '--rebuild',
      request.srpm,
    ]
  }
  /** mock says `No matching package to install: 'x'`. */
  missingDependencies(log: string): string[] {
    return [...log.matchAll(/No matching package to install: '([^']+)'/g)].map((match) => match[1]!)
  }
  /** mock writes into its result dir. */
  builtRpms(resultDir: string): string[] {
    return rpmsBelow(resultDir)
  }
}

export function builderFor(builder: Builder): PackageBuilder {
  return builder === 'mock' ? new Mock() : new Rpmbuild()
}

function commonDefines(request: BuildRequest): string[] {
  return defineArgs({
    ...(request.jobs ? { _smp_build_ncpus: String(request.jobs) } : {}),
    ...request.defines,
  })
}

/** The exact argv of the build: what runs, and what tests and summaries show. */
export function buildCommand(request: BuildRequest): string[] {
  return builderFor(request.builder).rebuildArgv(request)
}

export interface BuildRun {
  rpms: string[]
  logFile: string
  durationMs: number
}

/** The first line of a failed build log worth an annotation: rpmbuild's and mock's error lines. */
export function firstErrorLine(log: string): string | undefined {
  const lines = log.split('\n')
  // rpmbuild's closing "RPM build errors:" header can reach the log before the error lines it
  // sums up (stdout and stderr interleave): it is only the fallback.
  return (
    lines.find((line) => /^(error|ERROR):\s/.test(line.trim())) ??
    lines.find((line) => /^RPM build errors:/.test(line)) ??
    lines.find((line) => /\berror\b/i.test(line) && !/^\+/.test(line))
  )?.trim()
}

/**
 * The build host lacks packages the spec needs to build: the runner's setup, not the rebuilt
 * package, is at fault. rpmbuild lists them after `error: Failed build dependencies:`; mock
 * says `No matching package to install: 'x'`.
 */
export class MissingBuildDependencies extends InfrastructureError {
  override name = 'MissingBuildDependencies'
  constructor(
    readonly missing: string[],
    readonly logFile: string,
  ) {
    super(
      `the build host lacks ${missing.length} build dependenc${missing.length === 1 ? 'y' : 'ies'} of the spec: ${missing.join(', ')}. Install them (dnf builddep on EL), or build with mock`,
    )
  }
}

/** The missing BuildRequires a failed build's log names (rpmbuild's or mock's wording). */
export function missingBuildDependencies(log: string): string[] {
  return [...new Set([...new Rpmbuild().missingDependencies(log), ...new Mock().missingDependencies(log)])]
}

export class BuildFailure extends TestFailure {
  override name = 'BuildFailure'
  constructor(
    message: string,
    readonly logFile: string,
    readonly tail: string,
    readonly errorLine: string | undefined,
  ) {
    super(message)
  }
}

/**
 * Runs the build with its output in logFile (for upload-artifact) and a group in the log. A
 * failing build becomes a BuildFailure carrying the log's tail and first error line.
 */
export async function runBuild(
  request: BuildRequest,
  options: {
    logFile: string
    timeoutMs?: number
    log?: Log
    signal?: AbortSignal
    env?: Record<string, string>
  },
): Promise<BuildRun> {
  const builder = builderFor(request.builder)
  const argv = builder.rebuildArgv(request)
  const result = await exec(argv as [string, ...string[]], {
    logFile: options.logFile,
    allowFailure: true,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.log ? { log: options.log, group: `Build: ${describeArgv(argv)}` } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.env ? { env: options.env } : {}),
  })
  if (result.exitCode !== 0 || result.timedOut) {
    const log = existsSync(options.logFile)
      ? readFileSync(options.logFile, 'utf8')
      : result.stdout + result.stderr
    throw builder.buildFailure(result, log, options.logFile)
  }
  return {
    rpms: builder.builtRpms(request.resultDir),
    logFile: options.logFile,
    durationMs: result.durationMs,
  }
}
