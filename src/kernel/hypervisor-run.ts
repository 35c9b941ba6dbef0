/**
 * build-kernel's hypervisor profile end to end: the tree and config from the source RPM (fetched
 * and its signature checked as for the RPM build) or given directly, the profile and fragments
 * merged, the build through ccache kept in the Actions cache.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { cpus } from 'node:os'
import { basename, join } from 'node:path'
import type { ArtifactCache } from '../fs/artifact-cache.js'
import type { Log } from '../reporter.js'
import { defaultCacheDir } from '../fs/paths.js'
import { obtainSourceRpm } from '../rpm/rebuild.js'
import type { SrpmSource } from '../rpm/source.js'
import type { UpstreamKeySpec } from '../rpm/upstream-keys.js'
import { distTag } from '../rpm/release.js'
import { KVM_PROFILE, mergeOptions, parseFragment } from './config.js'
import { buildHypervisorKernel, type HypervisorBuild } from './hypervisor.js'

// The action loads this module alone for the hypervisor profile, its summary included.
export { hypervisorBuildSummary } from './hypervisor.js'
import { kernelTree, srpmKernelSource } from './hypervisor-source.js'
import { exportPmuSymbolsInTree } from './module-exports.js'

export interface HypervisorRunRequest {
  srpm?: SrpmSource
  upstreamKeys: UpstreamKeySpec
  repositoryUrl: string
  kernelSource?: string
  kernelConfig?: string
  kvmProfile: boolean
  fragments: { path: string; name: string }[]
  ccache: boolean
  /** Export the PMU save/restore functions kvm-hv needs when the tree builds them in unexported. */
  exportPmuSymbols: boolean
  /** false: prepare and check the config only, and report the make command. */
  build: boolean
  timeoutMs: number
  resultsDir: string
}

export interface HypervisorRunDependencies {
  log: Log
  signal: AbortSignal
  cache: ArtifactCache
  /** Private scratch folder (removed by the post step). */
  work: string
}

export async function runHypervisorBuild(
  request: HypervisorRunRequest,
  deps: HypervisorRunDependencies,
): Promise<HypervisorBuild & { sourceNvr?: string }> {
  const options = mergeOptions([
    ...(request.kvmProfile ? KVM_PROFILE : []),
    ...request.fragments.flatMap(({ path, name }) => parseFragment(readFileSync(path, 'utf8'), name)),
  ])
  let tarballOrTree = request.kernelSource
  let config = request.kernelConfig
  let patches: string[] = []
  let sourceNvr: string | undefined
  let label = request.kernelSource ? basename(request.kernelSource) : ''
  if (request.srpm && (!tarballOrTree || !config)) {
    const { fetched, stock } = await obtainSourceRpm({
      package: 'kernel',
      source: request.srpm,
      upstreamKeys: request.upstreamKeys,
      repositoryUrl: request.repositoryUrl,
      downloadCacheDir: defaultCacheDir(),
      workDir: deps.work,
      log: deps.log,
      signal: deps.signal,
    })
    sourceNvr = stock.nvr
    const dist = distTag(stock.release) ?? '.el9'
    const srpm = await srpmKernelSource(fetched.path, join(deps.work, 'srpm'), { dist }, deps.log)
    if (!tarballOrTree) {
      tarballOrTree = srpm.tarball
      patches = srpm.patches
      label = stock.nvr
    }
    config ??= srpm.config
  }
  const unpacked = await kernelTree(tarballOrTree!, join(deps.work, 'source'), patches, deps.log)
  const { tree, note: pmuExports } = await exportPmuSymbolsInTree(unpacked, {
    enabled: request.exportPmuSymbols,
    compile: request.build,
    // A folder given as kernel-source is the user's: edited only in a copy, where a tarball
    // would have been unpacked (the same path relative to the build, for ccache).
    ownTree: !statSync(tarballOrTree!).isDirectory(),
    copyTo: join(deps.work, 'source'),
    log: deps.log,
  })
  const configName = basename(config!)
  // A fixed place (the Actions cache restores to the path it saved; self-hosted runners keep it),
  // one per distribution config: its objects are what a later night reuses.
  const ccacheDir = request.ccache ? join(defaultCacheDir(), 'ccache', 'kernel-hypervisor') : undefined
  const configId = createHash('sha256').update(readFileSync(config!)).digest('hex').slice(0, 12)
  const ccacheKey = `kvm-actions-ccache-hypervisor-${configName}-${configId}`
  if (ccacheDir && request.build) {
    await deps.cache.restore([ccacheDir], `${ccacheKey}-${Date.now()}`, [`${ccacheKey}-`])
    mkdirSync(ccacheDir, { recursive: true })
  }
  let failed = false
  try {
    const build = await buildHypervisorKernel({
      tree,
      sourceLabel: label,
      distributionConfig: { path: config!, name: configName },
      options,
      outDir: request.resultsDir,
      buildDir: join(deps.work, 'build'),
      ...(ccacheDir ? { ccacheDir } : {}),
      jobs: cpus().length + 1,
      compile: request.build,
      pmuExports,
      exportPmuSymbols: request.exportPmuSymbols,
      timeoutMs: request.timeoutMs,
      log: deps.log,
      signal: deps.signal,
    })
    return { ...build, ...(sourceNvr ? { sourceNvr } : {}) }
  } catch (error) {
    failed = true
    throw error
  } finally {
    // Saved when the build fails too: a build that stops at modpost has compiled every object,
    // and the run after the fix reuses them. The build's own error is the one reported.
    if (ccacheDir && request.build)
      await deps.cache.save([ccacheDir], `${ccacheKey}-${Date.now()}`).catch((error: unknown) => {
        if (!failed) throw error
        deps.log.warning(`ccache not saved after the failed build: ${String(error)}`)
      })
  }
}
