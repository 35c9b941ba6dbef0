/**
 * One kernel rebuild with the KVM profile: the config options merged from the profile and the
 * fragments, the spec's KVM packaging and module-signing edits, the Kconfig check, the spec
 * validation, and the checks of the built RPMs. The rebuild itself (cache, scratch space, log)
 * comes in as a parameter, so the action only parses inputs and reports.
 */
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Reporter } from '../reporter.js'
import type { Summary } from '../report/summary.js'
import type { AppliedEdit } from '../rpm/autopatch/apply.js'
import { builtInEdit } from '../rpm/autopatch/apply.js'
import { BuildFailure, type Builder } from '../rpm/builder.js'
import type { RebuildResult, RebuildStep, RecipeSource } from '../rpm/rebuild.js'
import type { SrpmSource } from '../rpm/source.js'
import { editSpecFile } from '../rpm/spec.js'
import type { UpstreamKeySpec } from '../rpm/upstream-keys.js'
import {
  applyKernelOptions,
  checkKernelRpms,
  type ConfigFileReport,
  type KernelBuildReport,
} from './checks.js'
import { formatOption, KVM_PROFILE, mergeOptions, parseFragment, ppc64leConfigs } from './config.js'
import { kconfigCheck, srpmKernelTarball } from './kconfig-step.js'
import { kernelSourceDigest } from './kconfig.js'
import {
  ALREADY_ENABLED,
  keepKvmInModules,
  KVM_ARCH,
  kvmConfigFiles,
  type KvmPackage,
  type KvmShape,
  kvmShape,
  packageKvmSeparately,
} from './kvm-package.js'
import { exportPmuSymbolsInSpec, kvmModpostFailure } from './module-exports.js'
import {
  disableSigning,
  type ModuleSigning,
  SIGNING_KEY_MACRO,
  signingKeyFingerprint,
  useSigningKey,
} from './signing.js'
import { type KernelSpecValidation, validateKernelSpec } from './validate.js'

/**
 * The kernel spec's build switches per profile: `fast` validates the KVM build in the least time
 * (base variant only, no debug kernel or debuginfo, no kABI check); `full` is the release build.
 */
export function kernelBuildSwitches(profile: 'fast' | 'full'): { with: string[]; without: string[] } {
  return profile === 'fast'
    ? { with: ['baseonly'], without: ['debug', 'debuginfo', 'kabichk'] }
    : { with: [], without: [] }
}

export interface KernelBuildRequest {
  source: SrpmSource
  upstreamKeys: UpstreamKeySpec
  repositoryUrl: string
  recipes: RecipeSource[]
  kvmProfile: boolean
  /** Config fragment files (absolute) with the names they were given by. */
  fragments: { path: string; name: string }[]
  kernelSource?: string
  kconfigCheck: boolean
  buildid: string
  buildProfile: 'fast' | 'full'
  kvmPackage: KvmPackage
  /** Export the PMU save/restore functions kvm-hv needs when the tree builds them in unexported. */
  exportPmuSymbols: boolean
  moduleSigning: ModuleSigning
  moduleSigningKey?: string
  builder: Builder
  mockConfig: string
  buildTimeoutMs: number
  ccache: boolean
  build: boolean
  resultsDir: string
}

export interface KernelBuildDependencies extends Pick<Reporter, 'annotate' | 'log' | 'summary'> {
  rebuild(step: RebuildStep): Promise<RebuildResult>
}

export interface KernelBuildOutcome {
  result: RebuildResult
  /** The checked kernel RPMs; undefined when the build did not run (build: false). */
  kernel?: KernelBuildReport
  configReport: ConfigFileReport[]
  signingCertificate?: string
  validation?: KernelSpecValidation
}

export async function buildKernelPackage(
  request: KernelBuildRequest,
  deps: KernelBuildDependencies,
): Promise<KernelBuildOutcome> {
  const options = mergeOptions([
    ...(request.kvmProfile ? KVM_PROFILE : []),
    ...request.fragments.flatMap(({ path, name }) => parseFragment(readFileSync(path, 'utf8'), name)),
  ])
  const signingKey = request.moduleSigningKey
    ? { path: request.moduleSigningKey, fingerprint: await signingKeyFingerprint(request.moduleSigningKey) }
    : undefined
  let configReport: ConfigFileReport[] = []
  let validation: KernelSpecValidation | undefined
  let shape = { kind: 'none' } as KvmShape
  let result: RebuildResult
  const switches = kernelBuildSwitches(request.buildProfile)
  try {
    result = await deps.rebuild({
      package: 'kernel',
      source: request.source,
      upstreamKeys: request.upstreamKeys,
      repositoryUrl: request.repositoryUrl,
      recipes: request.recipes,
      release: { kind: 'buildid', value: request.buildid },
      builder: request.builder,
      mockConfig: request.mockConfig,
      ...switches,
      target: KVM_ARCH,
      timeoutMs: request.buildTimeoutMs,
      ccache: request.ccache,
      resultsDir: request.resultsDir,
      expectations: [],
      ...(signingKey
        ? { defines: { [SIGNING_KEY_MACRO]: signingKey.path }, bindMounts: [dirname(signingKey.path)] }
        : {}),
      prepare: async (tree, spec, defines) => {
        const sources = join(tree, 'SOURCES')
        // Read before the edits: what upstream ships decides which configs the profile is for.
        shape = kvmShape(readFileSync(spec, 'utf8').split('\n'))
        const builtIn = [
          ...kvmPackageEdit(spec, sources, request.kvmPackage),
          ...signingEdit(spec, request.moduleSigning),
          ...(request.exportPmuSymbols ? await exportPmuSymbolsInSpec(spec, tree, defines, deps.log) : []),
        ]
        const kernelSource = request.kernelSource ?? srpmKernelTarball(sources)
        const configs = kvmConfigFiles(ppc64leConfigs(sources), shape)
        configReport = applyKernelOptions(sources, options, undefined, configs)
        builtIn.push(...configEdits(sources, configReport))
        for (const edit of builtIn) deps.log.info(`${edit.target}: ${edit.detail}`)
        if (!request.kconfigCheck) return builtIn
        if (!kernelSource) {
          deps.annotate(
            'warning',
            'Kconfig check skipped: the SRPM has no linux-*.tar.xz and no kernel-source was given.',
          )
          return builtIn
        }
        await kconfigCheck(kernelSource, configs, configReport, options, deps.log)
        return builtIn
      },
      finish: async (tree, spec, defines, resultsDir) => {
        validation = await validateKernelSpec(spec, basename(spec), {
          sourcesDir: join(tree, 'SOURCES'),
          evaluation: { defines, ...switches },
          kvmPackage: request.kvmPackage,
          resultsDir,
        })
        deps.log.info(validation.summary)
      },
      keyFiles: { 'config-fragments': request.fragments.map(({ path }) => path) },
      keyExtra: {
        options,
        // The tree the Kconfig check reads (the SRPM's own tarball is covered by its checksum).
        kernelSource:
          request.kconfigCheck && request.kernelSource ? kernelSourceDigest(request.kernelSource) : undefined,
        kvmPackage: request.kvmPackage,
        moduleSigning: request.moduleSigning,
        signingKey: signingKey?.fingerprint,
        exportPmuSymbols: request.exportPmuSymbols,
      },
      skipBuild: !request.build,
    })
  } catch (error) {
    // A KVM module that does not link is the tree's shape: the symbols, not the log's tail.
    if (error instanceof BuildFailure && existsSync(error.logFile))
      throw (
        kvmModpostFailure(readFileSync(error.logFile, 'utf8'), error.logFile, request.exportPmuSymbols) ??
        error
      )
    throw error
  } finally {
    // Written whether or not the build ran: a Kconfig failure is explained by this table.
    writeConfigTable(deps.summary, configReport)
  }
  const kernel = result.skippedCommand
    ? undefined
    : await checkKernelRpms(
        result.rpms,
        options,
        request.kvmProfile,
        request.kvmPackage,
        shape.kind === 'variant' ? shape.variant : undefined,
      )
  return {
    result,
    ...(kernel ? { kernel } : {}),
    configReport,
    ...(signingKey ? { signingCertificate: signingKey.fingerprint } : {}),
    ...(validation ? { validation } : {}),
  }
}

/** The summary lines of a kernel build after the rebuild table. */
export function kernelBuildNotes(outcome: KernelBuildOutcome): string[] {
  const { result, kernel, signingCertificate } = outcome
  const builtIn = result.edits.filter((edit) => edit.type === 'built-in')
  // The edits are reported whether or not the build ran (build: false stops after them).
  const edits = builtIn.length > 0 ? [builtIn.map((edit) => `${edit.target}: ${edit.detail}`).join('; ')] : []
  if (!kernel) return edits
  return [
    ...edits,
    ...(signingCertificate ? [`Modules signed with the certificate SHA-256 ${signingCertificate}.`] : []),
    ...(result.cacheHit
      ? ['The build was restored from the cache: no config changes were made in this run.']
      : []),
    ...(kernel.kvmModules.length > 0
      ? [
          `KVM modules for ${kernel.kverrel}: ${kernel.kvmModules.map((m) => `${m.module} in ${m.package}`).join(', ')}.`,
        ]
      : []),
  ]
}

/**
 * The configs whose KVM options were all set already, as built-in edits that changed nothing (the
 * changed ones are in the config table).
 */
function configEdits(sources: string, reports: readonly ConfigFileReport[]): AppliedEdit[] {
  return reports
    .filter((report) => report.changes.length === 0)
    .map((report) =>
      builtInEdit(
        join(sources, report.file),
        'KVM options',
        `${ALREADY_ENABLED}: every option of the profile is set`,
      ),
    )
}

/** The spec edit of a kvm-package mode, as a built-in edit for the summary. */
function kvmPackageEdit(spec: string, sources: string, mode: KvmPackage): AppliedEdit[] {
  const detail = editSpecFile(spec, (lines, name) =>
    mode === 'subpackage' ? packageKvmSeparately(lines, name, sources) : keepKvmInModules(lines, name),
  )
  return [builtInEdit(spec, 'KVM modules', detail)]
}

/** The spec edit of a module-signing mode, as a built-in edit for the summary. */
function signingEdit(spec: string, mode: ModuleSigning): AppliedEdit[] {
  if (mode === 'auto') return []
  const detail = editSpecFile(spec, (lines, name) =>
    mode === 'off' ? disableSigning(lines, name) : useSigningKey(lines, name),
  )
  return [builtInEdit(spec, 'module signing', detail)]
}

function writeConfigTable(summary: Summary, configReport: ConfigFileReport[]): void {
  // Configs that had every option already are reported as built-in edits that changed nothing.
  if (configReport.every((report) => report.changes.length === 0)) return
  summary.heading('Config changes', 3).table(
    ['File', 'Option', 'Stock', 'New', 'Kept by Kconfig'],
    configReport.flatMap(({ file, changes, kconfig }) =>
      changes.map((change) => {
        const finding = kconfig?.find((f) => f.name === change.name)
        return [
          file,
          `CONFIG_${change.name}`,
          change.from === undefined ? '(absent)' : formatOption({ name: change.name, value: change.from }),
          formatOption({ name: change.name, value: change.to }),
          finding ? (finding.kept ? 'yes' : `no: ${finding.reason}`) : 'not checked',
        ]
      }),
    ),
  )
}
