/**
 * The SRPM rebuild engine that build-kernel and patch-qemu share: fetch the source RPM, skip
 * everything when an identical build is cached, otherwise unpack it, apply recipes, give it a
 * release that sorts right, pack it, build it, check what came out, and cache the result.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { cpus } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import type { ArtifactCache } from '../fs/artifact-cache.js'
import type { Log } from '../reporter.js'
import { findOnPath } from '../exec/tools.js'
import { type AppliedEdit, applyRecipe, recipeDate } from './autopatch/apply.js'
import { loadRecipe, type Recipe } from './autopatch/config.js'
import { avoidanceKey } from './avoid.js'
import { type Builder, buildCommand, crossBinutils, runBuild } from './builder.js'
import { type FetchedSrpm, fetchSrpm } from './fetch.js'
import { queryPackageFile } from './query.js'
import { rpmsBelow } from './collect.js'
import { checkReleaseOrder, distTag, type ReleaseCheck } from './release.js'
import type { SrpmSource } from './source.js'
import { requireUpstreamSignature, resolveUpstreamKeys, type UpstreamKeySpec } from './upstream-keys.js'
import { packSrpm, specHeader, unpackSrpm } from './srpm.js'
import { type BuiltRpm, describeRpms, type PackageExpectation, verifyRpms } from './verify.js'

/** A recipe: its config file; files/ and scripts/ sit beside it unless given. */
export interface RecipeSource {
  config: string
  filesDir?: string
  scriptsDir?: string
}

/** How the rebuild's release is raised: the spec's own buildid macro, or a suffix on Release:. */
export type ReleaseBump = { kind: 'buildid'; value: string } | { kind: 'suffix'; value: string }

export interface RebuildOptions {
  package: string
  source: SrpmSource
  /** The input that named the source, for messages (default srpm). */
  sourceInput?: string
  /** The keys the source RPM must be signed with; none only when said explicitly (undefined: no check). */
  upstreamKeys?: UpstreamKeySpec
  repositoryUrl: string
  recipes: RecipeSource[]
  release: ReleaseBump
  builder: Builder
  mockConfig: string
  with?: string[]
  without?: string[]
  defines?: Record<string, string>
  timeoutMs?: number
  /** Scratch space; removed by the caller (the post phase on a runner). */
  workDir: string
  /** Kept: logs/ and rpms/, ready for upload-artifact. */
  resultsDir: string
  expectations: PackageExpectation[]
  downloadCacheDir: string
  cache: ArtifactCache
  ccache?: boolean
  /** Package knowledge applied to the unpacked tree before the recipes (the kernel's KVM profile). */
  prepare?: (tree: string, spec: string, defines: Record<string, string>) => Promise<AppliedEdit[] | void>
  /**
   * Run after every recipe and the release bump, on the final spec (changelog, validation);
   * resultsDir is this package's results folder, for files worth keeping (the expanded spec).
   */
  finish?: (
    tree: string,
    spec: string,
    defines: Record<string, string>,
    resultsDir: string,
  ) => Promise<AppliedEdit[] | void>
  /** rpmbuild --target: the architecture the build is for (mock's config decides it for mock). */
  target?: string
  /** mock: host folders the build reads, mounted into the chroot. */
  bindMounts?: string[]
  /** Stop after the source RPM is packed: report the build command instead of running it. */
  skipBuild?: boolean
  /** Anything else that changes the output (the kernel's config options), for the avoidance key. */
  keyExtra?: Record<string, unknown>
  /** Files or folders whose every byte counts for the avoidance key, by input name. */
  keyFiles?: Record<string, string[]>
  log: Log
  signal?: AbortSignal
}

/** What a caller decides about a rebuild; the runner's step adds scratch space, caches and log. */
export type RebuildStep = Omit<RebuildOptions, 'workDir' | 'downloadCacheDir' | 'cache' | 'log' | 'signal'>

export interface RebuildResult {
  sourceNvr: string
  builtNvr: string
  release?: ReleaseCheck
  rpms: BuiltRpm[]
  rpmDir: string
  cacheHit: boolean
  cacheKey: string
  edits: AppliedEdit[]
  logFile?: string
  buildMs?: number
  /** With skipBuild: the exact command the build would have run. */
  skippedCommand?: string[]
}

function recipeFromSource(source: RecipeSource): { recipe: Recipe; filesDir: string; scriptsDir: string } {
  const dir = dirname(source.config)
  return {
    recipe: loadRecipe(source.config),
    filesDir: source.filesDir ?? join(dir, 'files'),
    scriptsDir: source.scriptsDir ?? join(dir, 'scripts'),
  }
}

function suffixRecipe(suffix: string): Recipe {
  return {
    source: 'release suffix',
    // Strict: a spec whose Release takes no suffix (%autorelease without rpmautospec) fails.
    parameters: { insertMarker: true, ignoreVersionMacros: false, ignoreReleaseMacros: false, strict: true },
    actions: [{ type: 'modify_release', suffix, enabled: true, index: 1 }],
  }
}

/** Where mock reads a configuration given by name. */
export function mockConfigFile(name: string): string {
  return name.endsWith('.cfg') ? name : `/etc/mock/${name}.cfg`
}

function copyRpms(files: string[], dir: string): string[] {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  return files.map((file) => {
    const target = join(dir, basename(file))
    copyFileSync(file, target)
    return target
  })
}

/** What obtaining a source RPM needs: where it comes from, who must have signed it, and where to keep it. */
export type SourceRpmRequest = Pick<
  RebuildOptions,
  | 'package'
  | 'source'
  | 'sourceInput'
  | 'upstreamKeys'
  | 'repositoryUrl'
  | 'downloadCacheDir'
  | 'workDir'
  | 'log'
  | 'signal'
>

/** The source RPM fetched (or found), its upstream signature checked, and its header read. */
export async function obtainSourceRpm(
  options: SourceRpmRequest,
): Promise<{ fetched: FetchedSrpm; stock: Awaited<ReturnType<typeof queryPackageFile>> }> {
  const { log } = options
  const keys = options.upstreamKeys
  if (keys?.kind === 'none' && options.source.kind === 'url' && !options.source.sha256) {
    throw new ConfigurationError(
      `Input '${options.sourceInput ?? 'srpm'}' is a URL and upstream-keys is 'none'; expected upstream keys to check its signature, or the file's sha256 as ${options.source.url}#sha256=<64 hex digits>`,
    )
  }
  const fetched = await fetchSrpm(options.source, {
    name: options.package,
    repositoryUrl: options.repositoryUrl,
    cacheDir: options.downloadCacheDir,
    log,
    ...(options.signal ? { signal: options.signal } : {}),
  })
  if (keys?.kind === 'keys') {
    const trusted = await resolveUpstreamKeys(keys, options.workDir)
    const signer = await requireUpstreamSignature(fetched.path, trusted, basename(fetched.path))
    log.info(`${basename(fetched.path)}: signed by upstream key ${signer}`)
  }
  const stock = await queryPackageFile(fetched.path)
  if (stock.name !== options.package || stock.arch !== 'src') {
    throw new ConfigurationError(
      `${fetched.path} is ${stock.nvr}.${stock.arch}, not a source RPM of ${options.package}`,
    )
  }
  return { fetched, stock }
}

export async function rebuildPackage(options: RebuildOptions): Promise<RebuildResult> {
  const { log } = options
  const { fetched, stock } = await obtainSourceRpm(options)
  const dist = distTag(stock.release) ?? '.el9'
  const defines: Record<string, string> = {
    dist,
    rhel: /\.el(\d+)/.exec(dist)?.[1] ?? '9',
    ...(options.release.kind === 'buildid' ? { buildid: options.release.value } : {}),
    ...(options.builder === 'rpmbuild' ? crossBinutils(options.target) : {}),
    ...options.defines,
  }
  const rpmDir = join(options.resultsDir, 'rpms')
  const request = {
    builder: options.builder,
    mockConfig: options.mockConfig,
    resultDir: join(options.workDir, options.builder === 'mock' ? 'mock-result' : 'rpmbuild'),
    with: options.with ?? [],
    without: options.without ?? [],
    defines,
    jobs: cpus().length,
    ...(options.target ? { target: options.target } : {}),
    ...(options.bindMounts ? { bindMounts: options.bindMounts } : {}),
  }
  const cacheKey = avoidanceKey({
    package: options.package,
    srpmSha256: fetched.sha256,
    recipes: options.recipes.flatMap((r) => [
      r.config,
      r.filesDir ?? join(dirname(r.config), 'files'),
      r.scriptsDir ?? join(dirname(r.config), 'scripts'),
    ]),
    files: {
      ...options.keyFiles,
      // mock builds in the chroot its config describes: the config's content counts, not only its name.
      ...(options.builder === 'mock' ? { 'mock-config': [mockConfigFile(options.mockConfig)] } : {}),
    },
    // Paths vary between runs; everything else of the command decides the output.
    builder: buildCommand({ ...request, srpm: 'SRPM', resultDir: 'RESULT' }),
    extra: { release: options.release, expectations: options.expectations, ...options.keyExtra },
  })

  const hit = await options.cache.restore([rpmDir], cacheKey)
  const restored = hit ? rpmsBelow(rpmDir) : []
  if (restored.length > 0) {
    log.info(`Build avoided: ${cacheKey} is cached`)
    const rpms = await describeRpms(restored)
    await verifyRpms(rpms, options.expectations)
    const built = rpms.find((rpm) => rpm.arch === 'src') ?? rpms[0]!
    return {
      sourceNvr: stock.nvr,
      builtNvr: `${built.name}-${built.version}-${built.release}`,
      rpms,
      rpmDir,
      cacheHit: true,
      cacheKey,
      edits: [],
    }
  }

  const tree = join(options.workDir, 'tree')
  rmSync(tree, { recursive: true, force: true })
  const spec = await unpackSrpm(fetched.path, tree, log)
  const edits: AppliedEdit[] = []
  if (options.prepare) edits.push(...((await options.prepare(tree, spec, defines)) ?? []))
  const recipes = options.recipes.map(recipeFromSource)
  if (options.release.kind === 'suffix') {
    recipes.push({ recipe: suffixRecipe(options.release.value), filesDir: tree, scriptsDir: tree })
  }
  for (const { recipe, filesDir, scriptsDir } of recipes) {
    edits.push(
      ...(await applyRecipe(recipe, {
        packageDir: tree,
        filesDir,
        scriptsDir,
        date: recipeDate(),
        defines,
        log,
      })),
    )
  }
  if (options.finish) edits.push(...((await options.finish(tree, spec, defines, options.resultsDir)) ?? []))
  const rebuilt = await specHeader(spec, defines)
  const release = checkReleaseOrder(options.package, { ...stock, epoch: Number(stock.epoch ?? 0) }, rebuilt)
  const srpm = await packSrpm(tree, spec, defines, log)

  const built = {
    sourceNvr: stock.nvr,
    builtNvr: `${rebuilt.name}-${rebuilt.version}-${rebuilt.release}`,
    release,
    rpmDir,
    cacheHit: false,
    cacheKey,
    edits,
  }
  // The patched source RPM is kept in the results whatever the build does next.
  const [kept] = copyRpms([srpm], rpmDir)
  if (options.skipBuild) {
    const rpms = await describeRpms([kept!])
    return { ...built, rpms, skippedCommand: buildCommand({ ...request, srpm: kept! }) }
  }

  // A fixed place: the Actions cache restores to the path it saved, and self-hosted runners keep it.
  const ccacheDir = join(options.downloadCacheDir, 'ccache', options.package)
  const ccacheKey = `kvm-actions-ccache-${options.package}${dist}-${cacheKey}`
  const env: Record<string, string> = {}
  if (options.ccache) {
    await options.cache.restore([ccacheDir], ccacheKey, [`kvm-actions-ccache-${options.package}${dist}-`])
    mkdirSync(ccacheDir, { recursive: true })
    env.CCACHE_DIR = ccacheDir
    // rpmbuild finds ccache's compiler wrappers first on PATH (EL: /usr/lib64/ccache, Debian: /usr/lib/ccache).
    const wrappers = ['/usr/lib64/ccache', '/usr/lib/ccache'].find((dir) => existsSync(dir))
    if (options.builder === 'rpmbuild' && wrappers && findOnPath('ccache'))
      env.PATH = `${wrappers}:${process.env.PATH}`
  }
  const run = await runBuild(
    { ...request, srpm, ...(options.ccache && options.builder === 'mock' ? { ccacheDir } : {}) },
    {
      logFile: join(options.resultsDir, 'logs', 'build.log'),
      log,
      env,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  )
  // rpmbuild --rebuild does not keep the source RPM; mock does. Publish the one that was built from.
  const withSource = run.rpms.some((file) => file.endsWith('.src.rpm')) ? run.rpms : [...run.rpms, srpm]
  const rpms = await describeRpms(copyRpms(withSource, rpmDir))
  await verifyRpms(rpms, options.expectations)
  await options.cache.save([rpmDir], cacheKey)
  if (options.ccache) await options.cache.save([ccacheDir], ccacheKey)
  return { ...built, rpms, logFile: run.logFile, buildMs: run.durationMs }
}
