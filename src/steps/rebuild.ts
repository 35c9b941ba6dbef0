/**
 * The step glue build-kernel and patch-qemu share: the rebuild run with the runner's scratch
 * space, caches and log, its summary rows, and a failed build's log tail and first error line
 * (as an annotation).
 */
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createWorkDir } from '../action/cleanup.js'
import type { PhaseContext } from '../action/definition.js'
import { ConfigurationError } from '../errors.js'
import { formatDuration } from '../report/duration.js'
import { defaultCacheDir } from '../fs/paths.js'
import { describeArgv } from '../exec/exec.js'
import type { Summary } from '../report/summary.js'
import { BuildFailure } from '../rpm/builder.js'
import {
  rebuildPackage,
  type RebuildOptions,
  type RebuildResult,
  type RebuildStep,
  type RecipeSource,
} from '../rpm/rebuild.js'

/** Config files or folders (config.yaml inside) as recipe sources; a missing one is a configuration error. */
export function recipeSources(entries: string[], workspace: string, inputName: string): RecipeSource[] {
  return entries.map((entry) => {
    const path = resolve(workspace, entry)
    const config = existsSync(path) && statSync(path).isDirectory() ? join(path, 'config.yaml') : path
    if (!existsSync(config)) {
      throw new ConfigurationError(
        `Input '${inputName}' names ${entry}, which is not an autopatch config file or a folder with config.yaml`,
      )
    }
    return { config }
  })
}

export async function runRebuildStep(ctx: PhaseContext, step: RebuildStep): Promise<RebuildResult> {
  if (step.upstreamKeys?.kind === 'none') {
    const warning = `upstream-keys is 'none': the source RPM's signature was not checked (${step.package})`
    ctx.annotate('warning', warning)
    ctx.summary.paragraph(`⚠️ ${warning}.`)
  }
  const workDir = createWorkDir(ctx.state, step.package)
  const options: RebuildOptions = {
    ...step,
    workDir,
    resultsDir: join(step.resultsDir, step.package),
    downloadCacheDir: defaultCacheDir(),
    cache: ctx.cache,
    log: ctx.log,
    signal: ctx.signal,
  }
  try {
    return await rebuildPackage(options)
  } catch (error) {
    if (error instanceof BuildFailure) {
      ctx.annotate('error', error.errorLine ?? error.message, {
        title: `${step.package} build failed`,
        file: error.logFile,
      })
      ctx.summary.details(`${step.package}: last lines of ${error.logFile}`, error.tail)
    }
    throw error
  }
}

/** With build: false, the command each package's build would have run. */
export function skippedBuildSummary(summary: Summary, results: RebuildResult[]): void {
  const skipped = results.filter((result) => result.skippedCommand)
  if (skipped.length === 0) return
  summary.paragraph(
    'Build skipped (input build is false): the recipes and checks passed and the source RPM is packed.',
  )
  for (const result of skipped) summary.code(describeArgv(result.skippedCommand!), 'sh')
}

/** One summary row per rebuilt package. */
export function rebuildRow(result: RebuildResult): string[] {
  return [
    result.sourceNvr,
    result.builtNvr,
    result.cacheHit ? 'yes (build avoided)' : 'no',
    result.buildMs !== undefined ? formatDuration(result.buildMs) : '—',
    String(result.rpms.length),
  ]
}
export const REBUILD_COLUMNS = ['Source', 'Built', 'Cache hit', 'Build time', 'RPMs']

/** The rebuild table (one row per package, named when there are several) and any skipped build's command. */
export function rebuildSummary(summary: Summary, results: [string, RebuildResult][]): void {
  const named = results.length > 1 || results.some(([name]) => name !== 'kernel')
  summary.table(
    named ? ['Package', ...REBUILD_COLUMNS] : REBUILD_COLUMNS,
    results.map(([name, result]) => (named ? [name, ...rebuildRow(result)] : rebuildRow(result))),
  )
  skippedBuildSummary(
    summary,
    results.map(([, result]) => result),
  )
}
