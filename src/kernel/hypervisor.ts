/**
 * The hypervisor smoke build (build-profile: hypervisor): the kernel's own tree and its
 * distribution ppc64le config with the KVM profile applied, trimmed for the build, compiled to
 * vmlinux and modules only (natively on POWER, cross-compiled elsewhere). It proves in minutes
 * that the profile turns the distribution's config into a working hypervisor, which the nested
 * boot test then shows; the RPM build stays the release build.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { ConfigurationError, InfrastructureError, TestFailure } from '../errors.js'
import { CommandFailedError, describeArgv, exec } from '../exec/exec.js'
import { findOnPath } from '../exec/tools.js'
import type { Log } from '../reporter.js'
import { formatDuration } from '../report/duration.js'
import { type Summary, SUMMARY_ROW_LIMIT } from '../report/summary.js'
import { applyOptions, type ConfigChange, type ConfigOption, formatOption, readConfig } from './config.js'
import {
  compareWithKconfig,
  describeFinding,
  isKernelTree,
  kconfigIndex,
  type KconfigFinding,
  powerpcMakeArgs,
} from './kconfig.js'
import { kvmModpostFailure } from './module-exports.js'

/**
 * Modules an L1 hypervisor and its guests use, kept when the config is trimmed: KVM itself and
 * the virtio devices, vhost and tap an L1 offers its L2 guests. Every other module is left out
 * of the build; built-in code stays as the distribution has it.
 */
export const HYPERVISOR_MODULES: readonly string[] = [
  'KVM_BOOK3S_64',
  'KVM_BOOK3S_64_HV',
  'VIRTIO',
  'VIRTIO_PCI',
  'VIRTIO_PCI_LIB',
  'VIRTIO_PCI_LIB_LEGACY',
  'VIRTIO_BLK',
  'VIRTIO_NET',
  'VIRTIO_CONSOLE',
  'VIRTIO_BALLOON',
  'HW_RANDOM_VIRTIO',
  'VHOST',
  'VHOST_IOTLB',
  'VHOST_NET',
  'TUN',
]

/**
 * Settings of the build only: no debug info (it triples the compile and link time of a smoke
 * build), and no distribution certificate files, which live outside the kernel tree.
 */
const BUILD_ONLY_OPTIONS: readonly ConfigOption[] = [
  { name: 'DEBUG_INFO_NONE', value: 'y' },
  { name: 'DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT', value: 'n' },
  { name: 'DEBUG_INFO_DWARF4', value: 'n' },
  { name: 'DEBUG_INFO_DWARF5', value: 'n' },
  { name: 'DEBUG_INFO_BTF', value: 'n' },
  { name: 'SYSTEM_TRUSTED_KEYS', value: '""' },
  { name: 'SYSTEM_REVOCATION_KEYS', value: '""' },
]

export interface TrimmedConfig {
  text: string
  /** Modules switched off for the build. */
  switchedOff: string[]
}

/** Every `=m` not in keep switched off, plus the build-only settings for options the config has. */
export function trimForHypervisor(text: string, keep: ReadonlySet<string>): TrimmedConfig {
  const switchedOff: string[] = []
  const lines = text.split('\n').map((line) => {
    const module = /^CONFIG_([A-Za-z0-9_]+)=m$/.exec(line.trim())
    if (!module || keep.has(module[1]!)) return line
    switchedOff.push(module[1]!)
    return `# CONFIG_${module[1]} is not set`
  })
  const present = readConfig(text)
  const buildOnly = BUILD_ONLY_OPTIONS.filter((option) => present.has(option.name))
  return { text: applyOptions(lines.join('\n'), buildOnly).text, switchedOff }
}

/** Every option whose value differs between two configs (`n` for absent or not set). */
export function diffConfigs(before: string, after: string): ConfigChange[] {
  const from = readConfig(before)
  const to = readConfig(after)
  const names = [...new Set([...from.keys(), ...to.keys()])].sort()
  return names.flatMap((name) => {
    const a = from.get(name) ?? 'n'
    const b = to.get(name) ?? 'n'
    return a === b ? [] : [{ name, ...(from.has(name) ? { from: a } : {}), to: b }]
  })
}

export interface HypervisorBuildRequest {
  /** A full kernel source tree, clean (the build goes to buildDir). */
  tree: string
  /** What the tree is, for the summary (a source RPM's NVR, a tarball). */
  sourceLabel: string
  /** The distribution's ppc64le config the build starts from. */
  distributionConfig: { path: string; name: string }
  /** The KVM profile and fragments, merged. */
  options: readonly ConfigOption[]
  /** Where vmlinux, modules/, the config and its diff are written. */
  outDir: string
  /** The build folder (make O=), scratch. */
  buildDir: string
  /** A ccache folder; the compiler runs through ccache when set. */
  ccacheDir?: string
  jobs: number
  /** false: prepare and check the config, report the make command, compile nothing. */
  compile: boolean
  /** What the tree's PMU save/restore exports were found to be and what was done (module-exports.ts). */
  pmuExports?: string
  /** Whether export-pmu-symbols was on, for the advice of a modpost failure. */
  exportPmuSymbols?: boolean
  timeoutMs?: number
  log: Log
  signal?: AbortSignal
}

export interface HypervisorBuild {
  /** Empty when the compile was skipped (compile: false), as modulesDir. */
  vmlinux: string
  /** lib/modules/<release> of the build, with kvm.ko and kvm-hv.ko when the config has them. */
  modulesDir: string
  kernelRelease: string
  /** The config the build used, and its differences from the distribution's. */
  config: string
  configDiff: string
  configSha256: string
  changes: ConfigChange[]
  switchedOff: string[]
  requested: KconfigFinding[]
  /** Modules of the keep list that Kconfig dropped because something they need was trimmed. */
  lostModules: string[]
  /** ppc64le KVM modules the build produced. */
  kvmModules: string[]
  sourceLabel: string
  configName: string
  pmuExports?: string
  ccache?: { hits: number; misses: number }
  cross: boolean
  durationMs: number
  logFile: string
  /** With compile: false, the command that would have built it. */
  skippedCommand?: string[]
}

const KVM_MODULE_FILES = /^kvm(-hv|-pr)?\.ko(\.\w+)?$/

/** The deepest folder holding both paths (absolute). */
function commonAncestor(a: string, b: string): string {
  const [first, second] = [resolve(a).split(sep), resolve(b).split(sep)]
  let length = 0
  while (length < first.length && first[length] === second[length]) length++
  return first.slice(0, length).join(sep) || sep
}

/** make's arguments for the build: powerpc (cross on other hosts), and ccache when asked for. */
function makeArgs(ccache: boolean): string[] {
  const base = powerpcMakeArgs()
  if (!ccache) return base
  const cross = base.find((arg) => arg.startsWith('CROSS_COMPILE='))?.slice('CROSS_COMPILE='.length) ?? ''
  // One argv element: kbuild runs $(CC) through its own shell, so the wrapper comes first.
  return [...base, `CC=ccache ${cross}gcc`]
}

async function ccacheStats(env: Record<string, string>): Promise<{ hits: number; misses: number }> {
  const result = await exec(['ccache', '--print-stats'], { env, allowFailure: true })
  const stat = (name: string) => Number(new RegExp(`^${name}\\t(\\d+)$`, 'm').exec(result.stdout)?.[1] ?? 0)
  return {
    hits: stat('direct_cache_hit') + stat('preprocessed_cache_hit'),
    misses: stat('cache_miss'),
  }
}

export async function buildHypervisorKernel(request: HypervisorBuildRequest): Promise<HypervisorBuild> {
  const { tree, log } = request
  if (!isKernelTree(tree))
    throw new ConfigurationError(
      `${tree} is not a kernel source tree (no Makefile and arch/powerpc/kvm/Kconfig)`,
    )
  if (existsSync(join(tree, '.config')))
    throw new ConfigurationError(
      `${tree} has a .config of its own, so it cannot be built into a separate folder; expected a clean tree (make mrproper)`,
    )
  if (request.ccacheDir && !findOnPath('ccache'))
    throw new InfrastructureError(
      'ccache is on but not installed; run scripts/setup-host.sh or set ccache: false',
    )
  const started = Date.now()
  mkdirSync(request.outDir, { recursive: true })
  mkdirSync(request.buildDir, { recursive: true })

  const distribution = readFileSync(request.distributionConfig.path, 'utf8')
  const distributionValues = readConfig(distribution)
  const index = kconfigIndex(tree)
  const profiled = applyOptions(distribution, request.options, (name) => index.has(name)).text
  const keep = new Set([
    ...HYPERVISOR_MODULES,
    ...request.options.filter((option) => option.value === 'm').map((option) => option.name),
  ])
  const trimmed = trimForHypervisor(profiled, keep)
  writeFileSync(join(request.buildDir, '.config'), trimmed.text)

  const baseDir = commonAncestor(tree, request.buildDir)
  const env: Record<string, string> = request.ccacheDir
    ? // Paths below the base are hashed relative to the build folder: a tree unpacked into
      // another scratch folder (the next night's, the run after a fix) still hits.
      { CCACHE_DIR: request.ccacheDir, ...(baseDir !== '/' ? { CCACHE_BASEDIR: baseDir } : {}) }
    : {}
  const args = ['-C', tree, `O=${request.buildDir}`, ...makeArgs(Boolean(request.ccacheDir))]
  const logFile = join(request.outDir, 'build.log')
  const run = (targets: string[], group: string, extra: { timeoutMs?: number } = {}) =>
    exec(['make', ...args, ...targets], {
      env,
      log,
      group,
      logFile,
      captureLimitBytes: 64 * 1024,
      ...(request.signal ? { signal: request.signal } : {}),
      ...extra,
    })

  await run(['olddefconfig'], 'make olddefconfig (the trimmed config)')
  const configText = readFileSync(join(request.buildDir, '.config'), 'utf8')
  const values = readConfig(configText)
  const requested = compareWithKconfig(request.options, values, index)
  const dropped = requested.filter((finding) => !finding.kept)
  if (dropped.length > 0) {
    throw new TestFailure(
      `Kconfig drops requested options, so the build would not be what was asked: ${dropped.map((f) => describeFinding(request.distributionConfig.name, f)).join('; ')}`,
    )
  }
  const lostModules = [...keep].filter(
    (name) => distributionValues.get(name) === 'm' && values.get(name) !== 'm',
  )

  const changes = diffConfigs(distribution, configText)
  const configDiff = join(request.outDir, 'config.diff')
  writeFileSync(
    configDiff,
    formatConfigDiff(request.distributionConfig.name, changes, new Set(trimmed.switchedOff)),
  )
  const kernelRelease = (await exec(['make', '-s', ...args, 'kernelrelease'], { env })).stdout.trim()
  const config = join(request.outDir, `config-${kernelRelease}`)
  writeFileSync(config, configText)
  const described = {
    kernelRelease,
    config,
    configDiff,
    configSha256: createHash('sha256').update(configText).digest('hex'),
    changes,
    switchedOff: trimmed.switchedOff,
    requested,
    lostModules,
    sourceLabel: request.sourceLabel,
    configName: request.distributionConfig.name,
    ...(request.pmuExports ? { pmuExports: request.pmuExports } : {}),
    cross: powerpcMakeArgs().some((arg) => arg.startsWith('CROSS_COMPILE=')),
    logFile,
  }
  const compile = [`-j${request.jobs}`, 'vmlinux', 'modules']
  if (!request.compile) {
    return {
      ...described,
      vmlinux: '',
      modulesDir: '',
      kvmModules: [],
      durationMs: Date.now() - started,
      skippedCommand: ['make', ...args, ...compile],
    }
  }

  if (request.ccacheDir) await exec(['ccache', '--zero-stats'], { env })
  const compiled = await run(
    [`-j${request.jobs}`, 'vmlinux', 'modules'],
    `make -j${request.jobs} vmlinux modules`,
    {
      ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
    },
  ).catch((error: unknown) => {
    // A KVM module that does not link is the tree's shape, not the runner: say which symbols.
    throw (
      (error instanceof CommandFailedError &&
        kvmModpostFailure(readFileSync(logFile, 'utf8'), logFile, request.exportPmuSymbols ?? true)) ||
      error
    )
  })
  if (compiled.timedOut)
    throw new InfrastructureError(
      `the hypervisor build did not finish within ${formatDuration(request.timeoutMs ?? 0)} (log: ${logFile})`,
    )
  const modulesRoot = join(request.outDir, 'modules')
  await run(
    ['modules_install', `INSTALL_MOD_PATH=${modulesRoot}`, 'INSTALL_MOD_STRIP=1'],
    'make modules_install',
  )
  const modulesDir = join(modulesRoot, 'lib', 'modules', kernelRelease)
  const vmlinux = join(request.outDir, `vmlinux-${kernelRelease}`)
  copyFileSync(join(request.buildDir, 'vmlinux'), vmlinux)
  const kvmDir = join(modulesDir, 'kernel', 'arch', 'powerpc', 'kvm')
  const kvmModules = existsSync(kvmDir)
    ? readdirSync(kvmDir).filter((name) => KVM_MODULE_FILES.test(name))
    : []
  return {
    ...described,
    vmlinux,
    modulesDir,
    kvmModules,
    ...(request.ccacheDir ? { ccache: await ccacheStats(env) } : {}),
    durationMs: Date.now() - started,
  }
}

/** One line per changed option, saying why: requested, trimmed, or Kconfig's consequence. */
function formatConfigDiff(name: string, changes: ConfigChange[], switchedOff: ReadonlySet<string>): string {
  const lines = changes.map((change) => {
    const from = formatOption({ name: change.name, value: change.from ?? 'n' })
    const to = formatOption({ name: change.name, value: change.to })
    const why = switchedOff.has(change.name) ? 'trimmed for the build' : 'profile, build setting or Kconfig'
    return `${from} -> ${to}  (${why})`
  })
  return [`# ${name} -> the hypervisor build's config: ${changes.length} options differ`, ...lines, ''].join(
    '\n',
  )
}

/** The summary of a hypervisor build: what was built from what, and how its config differs. */
export function hypervisorBuildSummary(summary: Summary, build: HypervisorBuild): void {
  const compiler = build.cross ? 'cross-compiled for ppc64le' : 'built natively'
  const cache = build.ccache ? `; ccache ${build.ccache.hits} hits, ${build.ccache.misses} misses` : ''
  summary.heading('Hypervisor build', 3)
  if (build.skippedCommand) {
    summary
      .paragraph(
        `Build skipped (input build is false): the config of ${build.kernelRelease} from ${build.sourceLabel} with ${build.configName} and the KVM profile was trimmed and checked by Kconfig; the build would run:`,
      )
      .code(describeArgv(build.skippedCommand), 'sh')
  } else {
    summary.paragraph(
      `A smoke build, not the release: vmlinux and modules of ${build.kernelRelease} from ${build.sourceLabel} with ${build.configName} and the KVM profile, ${compiler} in ${formatDuration(build.durationMs)}${cache}. It proves the profile makes a working hypervisor (boot it with boot-test-guest's nested scenario); the RPM build (build-profile fast or full) is what gets published.`,
    )
  }
  summary
    .table(
      ['Requested option', 'Distribution', 'Built'],
      build.requested.map((finding) => {
        // Unchanged options are not in the diff; an option the distribution lacked counts as not set.
        const change = build.changes.find((c) => c.name === finding.name)
        const before = change ? (change.from ?? 'n') : finding.final
        return [
          `CONFIG_${finding.name}`,
          formatOption({ name: finding.name, value: before }),
          formatOption({ name: finding.name, value: finding.final }),
        ]
      }),
    )
    .details(
      `Config diff against ${build.configName}: ${build.changes.length} options${build.changes.length > SUMMARY_ROW_LIMIT ? ` (first ${SUMMARY_ROW_LIMIT}; all in ${build.configDiff})` : ''}`,
      readFileSync(build.configDiff, 'utf8')
        .split('\n')
        .slice(1, SUMMARY_ROW_LIMIT + 1)
        .join('\n'),
    )
    .paragraph(
      `Config trimmed for the build: ${build.switchedOff.length} modules switched off (not needed to boot or host a guest), built-in code kept; ${build.changes.length} options differ from ${build.configName} in all (${build.configDiff}).${build.skippedCommand ? '' : ` KVM modules built: ${build.kvmModules.join(', ') || 'none'}.`}${build.lostModules.length > 0 ? ` Dropped with their dependencies: ${build.lostModules.join(', ')}.` : ''}`,
    )
  if (build.pmuExports) summary.paragraph(`PMU save/restore exports of kvm-hv: ${build.pmuExports}.`)
}
