/**
 * The qemu-kvm and libvirt rebuilds for ppc64le: per package, the built-in recipe (hooks), the
 * user's recipes and patch series, the release suffix; then the post-build check of the built
 * emulator where the runner can run it. The rebuild itself comes in as a parameter.
 */
import { join, resolve } from 'node:path'
import type { Log } from '../reporter.js'
import type { Summary } from '../report/summary.js'
import { type AppliedEdit, applyRecipe } from '../rpm/autopatch/apply.js'
import type { Builder } from '../rpm/builder.js'
import type { RebuildResult, RebuildStep, RecipeSource } from '../rpm/rebuild.js'
import type { SrpmSource } from '../rpm/source.js'
import type { UpstreamKeySpec } from '../rpm/upstream-keys.js'
import type { DevicePlan } from './devices.js'
import { checkDeviceBuild, type DeviceCheckReport, type DeviceCheckRequest } from './device-check.js'
import { formatDuration } from '../report/duration.js'
import {
  type Author,
  type BuiltInOptions,
  type BuiltInReport,
  libvirtRecipe,
  type PackageHooks,
  kernelArchesDefine,
  qemuKvmRecipe,
  stackRecipe,
} from './recipe.js'
import { STACK_PACKAGES, type StackPackage } from './stack.js'
import { patchSeries } from './patch-series.js'
import { checkBuiltQemu } from './smoke.js'

export type QemuPackage = 'qemu-kvm' | 'libvirt' | StackPackage

/** Every package patch-qemu rebuilds, in the order a host needs them. */
export const QEMU_PACKAGES: readonly QemuPackage[] = ['qemu-kvm', 'libvirt', ...STACK_PACKAGES]

export interface PackageSettings {
  source: SrpmSource
  recipes: RecipeSource[]
  /** A folder of git format-patch files, applied in name order after the built-in edits. */
  patches?: string
}

export interface QemuBuildRequest {
  packages: QemuPackage[]
  settings: Partial<Record<QemuPackage, PackageSettings>>
  upstreamKeys: UpstreamKeySpec
  repositoryUrl: string
  builtInRecipe: boolean
  releaseSuffix: string
  changelogAuthor: Author
  builder: Builder
  mockConfig: string
  buildTimeoutMs: number
  ccache: boolean
  build: boolean
  postBuildCheck: boolean
  resultsDir: string
  /** The runner's architecture: the post-build check runs the built emulator only on ppc64le. */
  hostArch: string
  /** qemu-kvm: configure (or compile and boot) QEMU with the rebuilt spec's device file. */
  deviceBuild?: DeviceCheckRequest
}

export interface QemuBuildDependencies {
  rebuild(step: RebuildStep): Promise<RebuildResult>
  /** A private folder the post step removes. */
  workDir(prefix: string): string
  log: Log
}

export interface QemuBuildOutcome {
  results: Partial<Record<QemuPackage, RebuildResult>>
  reports: Partial<Record<QemuPackage, BuiltInReport>>
  /** The built emulator that passed the post-build check, or '' */
  qemuPath: string
  /** What the post-build check did, for the summary. */
  postBuildNote?: string
  deviceBuild?: DeviceCheckReport
}

async function addPatchSeries(
  tree: string,
  dir: string,
  patches: string[],
  log: Log,
): Promise<AppliedEdit[]> {
  return applyRecipe(
    {
      source: `patch series ${dir}`,
      // Strict: a Latest number that collides with one the spec has fails here, not in rpmbuild.
      parameters: {
        insertMarker: false,
        ignoreVersionMacros: false,
        ignoreReleaseMacros: false,
        strict: true,
      },
      actions: patches.map((name, index) => ({
        type: 'add_files' as const,
        fileType: 'patch' as const,
        name,
        number: 'Latest' as const,
        modifySpec: true,
        noBackup: true,
        index: index + 1,
      })),
    },
    { packageDir: tree, filesDir: dir, scriptsDir: dir, log },
  )
}

function recipeFor(name: QemuPackage, options: BuiltInOptions): PackageHooks {
  if (name === 'qemu-kvm') return qemuKvmRecipe(options)
  if (name === 'libvirt') return libvirtRecipe(options)
  return stackRecipe(name, options)
}

export async function patchQemuPackages(
  request: QemuBuildRequest,
  deps: QemuBuildDependencies,
): Promise<QemuBuildOutcome> {
  const results: QemuBuildOutcome['results'] = {}
  const reports: QemuBuildOutcome['reports'] = {}
  let deviceBuild: DeviceCheckReport | undefined
  for (const name of request.packages) {
    const pkg = request.settings[name]
    if (!pkg) throw new Error(`patch-qemu: no settings for ${name}`)
    const series = patchSeries(pkg.patches, `${name}-patches`)
    const options = { author: request.changelogAuthor, log: deps.log }
    const hooks: PackageHooks | undefined = request.builtInRecipe ? recipeFor(name, options) : undefined
    if (hooks) reports[name] = hooks.report
    const check = name === 'qemu-kvm' ? request.deviceBuild : undefined
    // After the built-in recipe's own validation, on the spec as it will be packed.
    const finish =
      hooks || check
        ? async (tree: string, spec: string, defines: Record<string, string>, resultsDir: string) => {
            const edits = (await hooks?.finish(tree, spec, defines, resultsDir)) ?? []
            if (check) {
              deviceBuild = await checkDeviceBuild(check, {
                tree,
                spec,
                defines,
                work: deps.workDir('qemu-device-build'),
                resultsDir,
                log: deps.log,
              })
            }
            return edits
          }
        : undefined
    results[name] = await deps.rebuild({
      package: name,
      source: pkg.source,
      sourceInput: `${name}-srpm`,
      upstreamKeys: request.upstreamKeys,
      repositoryUrl: request.repositoryUrl,
      recipes: pkg.recipes,
      release: { kind: 'suffix', value: request.releaseSuffix },
      builder: request.builder,
      mockConfig: request.mockConfig,
      // The hypervisor stack is for POWER whatever builds it: rpmbuild on another host cross-targets.
      target: 'ppc64le',
      // The EL9 stack specs build for %{kernel_arches}, which only EL's rpm macros define.
      ...((STACK_PACKAGES as readonly string[]).includes(name)
        ? { defines: await kernelArchesDefine() }
        : {}),
      timeoutMs: request.buildTimeoutMs,
      ccache: request.ccache,
      resultsDir: request.resultsDir,
      expectations: [],
      prepare: async (tree, spec, defines) => [
        ...((await hooks?.prepare(tree, spec, defines)) ?? []),
        ...(pkg.patches ? await addPatchSeries(tree, resolve(pkg.patches), series, deps.log) : []),
      ],
      ...(finish ? { finish } : {}),
      skipBuild: !request.build,
      ...(pkg.patches ? { keyFiles: { [`${name}-patches`]: [resolve(pkg.patches)] } } : {}),
      keyExtra: {
        builtInRecipe: request.builtInRecipe ? 'ppc64le-1' : false,
        author: request.changelogAuthor,
        patches: series,
        ...(check ? { deviceBuild: check.mode, qemuSource: check.qemuSource ?? '' } : {}),
      },
    })
  }
  return {
    results,
    reports,
    ...(deviceBuild ? { deviceBuild } : {}),
    ...(await postBuildCheck(request, results, deps)),
  }
}

/** Runs the built qemu-kvm-core where it can run (a ppc64le runner), or says why not. */
async function postBuildCheck(
  request: QemuBuildRequest,
  results: QemuBuildOutcome['results'],
  deps: QemuBuildDependencies,
): Promise<{ qemuPath: string; postBuildNote?: string }> {
  if (!request.postBuildCheck || !results['qemu-kvm']) return { qemuPath: '' }
  const core = results['qemu-kvm'].rpms.find((rpm) => rpm.name === 'qemu-kvm-core' && rpm.arch === 'ppc64le')
  if (core && request.hostArch === 'ppc64le') {
    const check = await checkBuiltQemu(core.path, join(deps.workDir('qemu-kvm-check'), 'root'), {
      log: deps.log,
    })
    return {
      qemuPath: check.binary,
      postBuildNote: `Post-build check: ${check.binary} lists pseries and reached the firmware banner (${check.banner}).`,
    }
  }
  return {
    qemuPath: '',
    postBuildNote: core
      ? `Post-build check not run: it needs a ppc64le runner, and this one is ${request.hostArch}.`
      : 'Post-build check not run: no ppc64le qemu-kvm-core was built (the builder targets another architecture).',
  }
}

/** The edits applied to every package, one per line, for the summary's details. */
export function editLines(outcome: QemuBuildOutcome): string[] {
  return Object.values(outcome.results)
    .flatMap((r) => r.edits)
    .map((e) =>
      e.type === 'built-in'
        ? `built-in ${e.target}: ${e.detail}`
        : `#${e.index} ${e.type} ${e.target}: ${e.detail}`,
    )
}

/** The post-build check, the edits and the device list changes, after the rebuild table. */
export function qemuBuildNotes(summary: Summary, outcome: QemuBuildOutcome): void {
  if (outcome.postBuildNote) summary.paragraph(outcome.postBuildNote)
  const edits = editLines(outcome)
  if (edits.length > 0) summary.details('Edits applied', edits.join('\n'))
  const devices = outcome.reports['qemu-kvm']?.devices
  if (devices) deviceDiff(summary, devices)
  if (outcome.deviceBuild) deviceBuildNote(summary, outcome.deviceBuild)
}

/** What QEMU's own build made of the device file. */
export function deviceBuildNote(summary: Summary, report: DeviceCheckReport): void {
  const { build, guest } = report
  summary.heading('qemu-kvm device build', 3)
  const steps = [
    `configure for ppc64-softmmu with ${build.deviceFile} on ${report.source}: QEMU's Kconfig resolved ${build.resolved.length} symbols, every device libvirt and nova put on a ppc64 guest among them (${formatDuration(build.configureMs)})`,
  ]
  if (build.compileMs !== undefined) {
    steps.push(`qemu-system-ppc64 compiled (${formatDuration(build.compileMs)})`)
  }
  if (guest) {
    steps.push(
      `a guest with ${guest.devices.join(', ')} reached its ready marker in ${formatDuration(guest.readyMs)} (${guest.pciFunctions} PCI functions seen inside)`,
    )
  }
  summary.paragraph(steps.join('; ') + '.')
  if (build.leftOut.length > 0) {
    summary.paragraph(
      `Spec switches not passed here (they need libraries the check does not install): ${build.leftOut.map((f) => `--enable-${f}`).join(' ')}.`,
    )
  }
}

/** What the built-in recipe changed in qemu-kvm's ppc64 device list. */
export function deviceDiff(summary: Summary, devices: DevicePlan): void {
  const added = devices.after.filter((symbol) => !devices.before.includes(symbol))
  summary.heading('qemu-kvm ppc64 devices', 3)
  if (devices.before.length === 0) {
    summary.paragraph(
      `The tree had no ppc64-rh-devices.mak; the rebuild adds it with ${added.length} symbols: ${added.join(', ')}.`,
    )
  } else if (added.length === 0) {
    summary.paragraph(`The stock device file already enables all ${devices.before.length} wanted symbols.`)
  } else {
    summary.table(
      ['Symbol', 'Stock', 'Rebuild'],
      added.map((symbol) => [symbol, 'no', 'yes']),
    )
    summary.paragraph(
      `${devices.before.length} symbols in the stock device file, ${devices.after.length} in the rebuild.`,
    )
  }
  if (devices.unknown.length > 0) {
    summary.paragraph(`Left out, as this QEMU's Kconfig does not define them: ${devices.unknown.join(', ')}.`)
  }
}
