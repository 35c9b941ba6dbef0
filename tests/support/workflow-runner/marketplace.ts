/**
 * Local equivalents of the marketplace actions the workflows use, with their semantics:
 * checkout (a clone of the repository at the requested path, with the working tree's uncommitted
 * files on top), setup-node (the requested Node first on PATH), upload-artifact and
 * download-artifact (named folders shared by the whole run, if-no-files-found honoured, a name
 * uploaded once), cache (exact and prefix keys, saved after a successful job), and attest
 * (records the subjects instead of signing: Sigstore and the attestations API are GitHub's; it
 * fails as the real one does without id-token and attestations write, or past 1,024 subjects).
 */
import * as glob from '@actions/glob'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { WorkflowSyntaxError } from './expressions.js'

export const MARKETPLACE_ACTIONS = {
  'actions/checkout': ['repository', 'ref', 'path', 'persist-credentials', 'fetch-depth', 'token', 'clean'],
  'actions/setup-node': ['node-version', 'cache', 'cache-dependency-path', 'check-latest'],
  'actions/upload-artifact': [
    'name',
    'path',
    'if-no-files-found',
    'retention-days',
    'compression-level',
    'overwrite',
    'include-hidden-files',
  ],
  'actions/download-artifact': [
    'name',
    'pattern',
    'path',
    'merge-multiple',
    'github-token',
    'repository',
    'run-id',
  ],
  'actions/cache': [
    'path',
    'key',
    'restore-keys',
    'enableCrossOsArchive',
    'fail-on-cache-miss',
    'lookup-only',
  ],
  'actions/attest': [
    'subject-path',
    'subject-digest',
    'subject-name',
    'subject-checksums',
    'predicate-type',
    'predicate',
    'predicate-path',
    'push-to-registry',
    'show-summary',
    'github-token',
  ],
} as const
export type MarketplaceAction = keyof typeof MARKETPLACE_ACTIONS

export function marketplaceAction(uses: string): MarketplaceAction | undefined {
  const name = uses.split('@')[0]!
  return name in MARKETPLACE_ACTIONS ? (name as MarketplaceAction) : undefined
}

/** What a stand-in needs from the job it runs in. */
export interface StandInContext {
  workspace: string
  inputs: Record<string, string>
  repository: { name: string; dir: string; sha: string }
  artifactsDir: string
  cacheDir: string
  setOutput(name: string, value: string): void
  warning(message: string): void
  info(message: string): void
  /** Registers work for the end of the job (the post phase), run only when the job succeeded. */
  onJobSuccess(fn: () => Promise<void>): void
  /** PATH as the step sees it, and a folder put first on it for the job's later steps. */
  path: string
  addPath(dir: string): void
  /** Where setup actions keep the tools they install (RUNNER_TOOL_CACHE on a real runner). */
  toolCache: string
  /** The job's GITHUB_TOKEN permissions. */
  permissions: Record<string, 'read' | 'write' | 'none'>
  /** Records an attestation the attest stand-in made. */
  attest(attestation: { predicateType: string; subjects: { name: string; sha256: string }[] }): void
}

export class StepFailure extends Error {}

function inside(workspace: string, path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path)
}

function lines(value: string | undefined): string[] {
  return (value ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

/** The tracked and untracked-but-not-ignored files of the local repository, as checkout sees them. */
function checkout(ctx: StandInContext): void {
  const { repository } = ctx.inputs
  const ref = ctx.inputs.ref ?? ''
  if (repository && repository !== ctx.repository.name)
    throw new WorkflowSyntaxError(
      `checkout: repository ${repository} is not available to the local runner (it has ${ctx.repository.name})`,
    )
  if (ref && ref !== ctx.repository.sha)
    throw new WorkflowSyntaxError(
      `checkout: ref ${ref} is not available to the local runner (it has ${ctx.repository.sha})`,
    )
  const dest = inside(ctx.workspace, ctx.inputs.path || '.')
  // A git repository at the commit, as actions/checkout leaves it (fetch-depth 1 unless asked):
  // tests and scripts in a job read git (rev-parse, ls-files) as they would there.
  rmSync(dest, { recursive: true, force: true })
  const depth = ctx.inputs['fetch-depth'] ?? '1'
  execFileSync(
    'git',
    [
      'clone',
      '--quiet',
      '--no-tags',
      ...(depth === '0' ? [] : ['--depth', depth]),
      `file://${ctx.repository.dir}`,
      dest,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const files = execFileSync(
    'git',
    ['-C', ctx.repository.dir, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  )
    .split('\0')
    .filter(Boolean)
  // The working tree on top, so a job runs what is about to be pushed, committed or not.
  for (const file of files) {
    const from = join(ctx.repository.dir, file)
    if (!existsSync(from)) {
      rmSync(join(dest, file), { force: true }) // deleted in the working tree
      continue
    }
    mkdirSync(dirname(join(dest, file)), { recursive: true })
    cpSync(from, join(dest, file), { preserveTimestamps: true })
  }
  ctx.info(`checked out ${ctx.repository.name}@${ctx.repository.sha} (${files.length} files) to ${dest}`)
}

/** The deepest folder holding every search path: upload-artifact's root. */
function commonRoot(paths: string[]): string {
  const split = paths.map((path) => path.split(sep))
  const common: string[] = []
  for (let i = 0; split.every((parts) => i < parts.length && parts[i] === split[0]![i]); i++)
    common.push(split[0]![i]!)
  return common.join(sep) || sep
}

async function upload(ctx: StandInContext): Promise<void> {
  const name = ctx.inputs.name || 'artifact'
  const patterns = lines(ctx.inputs.path).map((line) =>
    line.startsWith('!') ? `!${inside(ctx.workspace, line.slice(1))}` : inside(ctx.workspace, line),
  )
  if (patterns.length === 0) throw new StepFailure('upload-artifact: input path is required')
  const globber = await glob.create(patterns.join('\n'), {
    implicitDescendants: true,
    matchDirectories: false,
  })
  const files = (await globber.glob()).filter((file) => statSync(file).isFile())
  const searchPaths = globber.getSearchPaths()
  const root =
    searchPaths.length === 1 && existsSync(searchPaths[0]!) && statSync(searchPaths[0]!).isDirectory()
      ? searchPaths[0]!
      : commonRoot(
          searchPaths.map((path) =>
            existsSync(path) && statSync(path).isDirectory() ? path : dirname(path),
          ),
        )
  if (files.length === 0) {
    const mode = ctx.inputs['if-no-files-found'] || 'warn'
    const message = `No files were found with the provided path: ${lines(ctx.inputs.path).join(', ')}. No artifacts will be uploaded.`
    if (mode === 'error') throw new StepFailure(message)
    if (mode === 'warn') ctx.warning(message)
    else if (mode !== 'ignore')
      throw new WorkflowSyntaxError(
        `upload-artifact: if-no-files-found must be warn, error or ignore, not ${mode}`,
      )
    return
  }
  const dest = join(ctx.artifactsDir, name)
  if (existsSync(dest)) {
    if (ctx.inputs.overwrite !== 'true')
      throw new StepFailure(
        `Failed to CreateArtifact: an artifact with this name already exists on the workflow run: ${name}`,
      )
  }
  for (const file of files) {
    const target = join(dest, relative(root, file))
    mkdirSync(dirname(target), { recursive: true })
    cpSync(file, target)
  }
  ctx.setOutput('artifact-id', name)
  ctx.info(`uploaded ${files.length} file(s) as artifact ${name}`)
}

/** Matches artifact names against a download-artifact pattern (minimatch-style * and ?). */
function nameMatcher(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  )
}

function download(ctx: StandInContext): void {
  const dest = inside(ctx.workspace, ctx.inputs.path || '.')
  const available = existsSync(ctx.artifactsDir) ? readdirSync(ctx.artifactsDir).sort() : []
  if (ctx.inputs.name) {
    if (!available.includes(ctx.inputs.name))
      throw new StepFailure(`Unable to download artifact(s): Artifact not found for name: ${ctx.inputs.name}`)
    cpSync(join(ctx.artifactsDir, ctx.inputs.name), dest, { recursive: true })
    ctx.info(`downloaded artifact ${ctx.inputs.name} to ${dest}`)
    return
  }
  const matcher = nameMatcher(ctx.inputs.pattern || '*')
  const chosen = available.filter((name) => matcher.test(name))
  if (chosen.length === 0) ctx.warning(`No artifacts found matching ${ctx.inputs.pattern || '*'}`)
  for (const name of chosen) {
    const target = ctx.inputs['merge-multiple'] === 'true' ? dest : join(dest, name)
    cpSync(join(ctx.artifactsDir, name), target, { recursive: true })
  }
  ctx.info(`downloaded ${chosen.length} artifact(s) to ${dest}`)
}

function cacheEntry(ctx: StandInContext, key: string): string {
  return join(ctx.cacheDir, encodeURIComponent(key))
}

/** Each cached path is kept under the entry by its position in the path list. */
function cache(ctx: StandInContext): void {
  const paths = lines(ctx.inputs.path).map((path) => inside(ctx.workspace, path))
  const key = ctx.inputs.key
  if (!key || paths.length === 0) throw new StepFailure('cache: inputs path and key are required')
  const entries = existsSync(ctx.cacheDir)
    ? readdirSync(ctx.cacheDir).map(decodeURIComponent).sort().reverse()
    : []
  const hit = entries.includes(key)
    ? key
    : lines(ctx.inputs['restore-keys'])
        .map((prefix) => entries.find((entry) => entry.startsWith(prefix)))
        .find(Boolean)
  if (hit) {
    paths.forEach((path, i) => {
      const saved = join(cacheEntry(ctx, hit), String(i))
      if (existsSync(saved)) cpSync(saved, path, { recursive: true })
    })
    ctx.info(`cache restored from key: ${hit}`)
  } else if (ctx.inputs['fail-on-cache-miss'] === 'true') {
    throw new StepFailure(
      `Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: ${key}`,
    )
  }
  ctx.setOutput('cache-hit', String(hit === key))
  if (hit === key) return
  ctx.onJobSuccess(async () => {
    paths.forEach((path, i) => {
      if (existsSync(path)) cpSync(path, join(cacheEntry(ctx, key), String(i)), { recursive: true })
    })
  })
}

/** The major version (or the whole version) of the node first on a PATH, if there is one. */
function nodeVersionOn(path: string): string | undefined {
  try {
    return execFileSync('node', ['--version'], { env: { ...process.env, PATH: path }, encoding: 'utf8' })
      .trim()
      .replace(/^v/, '')
  } catch {
    return undefined
  }
}

const versionMatches = (version: string, wanted: string) =>
  version === wanted || version.startsWith(`${wanted}.`)

/**
 * The requested Node first on PATH: the runner's own when it matches, else the npm registry's
 * `node` package (the runtime's binary, as a registry package) installed once into the tool cache.
 */
function setupNode(ctx: StandInContext): void {
  const wanted = (ctx.inputs['node-version'] ?? '').trim().replace(/^v/, '')
  if (!/^\d+(\.\d+){0,2}$/.test(wanted))
    throw new StepFailure(
      `setup-node: node-version must be a version such as 24 or 24.11.1, not '${ctx.inputs['node-version'] ?? ''}'`,
    )
  const present = nodeVersionOn(ctx.path)
  let version = present
  if (present && versionMatches(present, wanted)) {
    ctx.info(`setup-node: node ${present} found on the runner`)
  } else {
    const prefix = join(ctx.toolCache, 'node', wanted)
    const bin = join(prefix, 'node_modules', '.bin')
    if (!existsSync(join(bin, 'node'))) {
      ctx.info(`setup-node: installing node@${wanted} into ${prefix}`)
      execFileSync(
        'npm',
        [
          'install',
          '--prefix',
          prefix,
          '--no-save',
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
          `node@${wanted}`,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      )
    }
    const installed = nodeVersionOn(`${bin}:${ctx.path}`)
    if (!installed || !versionMatches(installed, wanted))
      throw new StepFailure(`setup-node: node@${wanted} gave node ${installed ?? '(none)'}`)
    ctx.addPath(bin)
    ctx.info(`setup-node: node ${installed} from ${bin}`)
    version = installed
  }
  // npm's own cache (in HOME) is what the cache input saves and restores on GitHub.
  if (ctx.inputs.cache && ctx.inputs.cache !== 'npm')
    throw new StepFailure(`setup-node: cache ${ctx.inputs.cache} is not supported here (only npm)`)
  ctx.setOutput('node-version', `v${version}`)
}

/** actions/attest's own limit on one attestation. */
const MAX_SUBJECTS = 1024

/**
 * actions/attest with subject-path (files, globs) or subject-checksums (a shasum-format file),
 * and SLSA build provenance by default, as the real action: the subjects are recorded.
 */
async function attest(ctx: StandInContext): Promise<void> {
  const missing = ['id-token', 'attestations'].filter((scope) => ctx.permissions[scope] !== 'write')
  if (missing.length > 0)
    throw new StepFailure(
      `attest: the job's token lacks ${missing.map((scope) => `${scope}: write`).join(' and ')} (it cannot mint an OIDC token or store the attestation)`,
    )
  const given = ['subject-path', 'subject-digest', 'subject-checksums'].filter((name) => ctx.inputs[name])
  if (given.length !== 1)
    throw new StepFailure(
      `attest: exactly one of subject-path, subject-digest or subject-checksums is needed`,
    )
  const subjects: { name: string; sha256: string }[] = []
  if (ctx.inputs['subject-checksums']) {
    const file = inside(ctx.workspace, ctx.inputs['subject-checksums'])
    if (!existsSync(file)) throw new StepFailure(`attest: subject-checksums ${file} does not exist`)
    for (const line of lines(readFileSync(file, 'utf8'))) {
      const entry = /^([0-9a-f]{64}) [ *](.+)$/.exec(line)
      if (!entry) throw new StepFailure(`attest: ${file} has a line that is not "<sha256>  <name>": ${line}`)
      subjects.push({ name: entry[2]!, sha256: entry[1]! })
    }
  } else if (ctx.inputs['subject-path']) {
    const globber = await glob.create(ctx.inputs['subject-path'], { matchDirectories: false })
    for (const file of await globber.glob())
      subjects.push({
        name: basename(file),
        sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
      })
  } else {
    const digest = /^sha256:([0-9a-f]{64})$/.exec(ctx.inputs['subject-digest']!)
    if (!digest || !ctx.inputs['subject-name'])
      throw new StepFailure('attest: subject-digest must be sha256:<hex>, with subject-name')
    subjects.push({ name: ctx.inputs['subject-name'], sha256: digest[1]! })
  }
  if (subjects.length === 0) throw new StepFailure('attest: no subjects')
  if (subjects.length > MAX_SUBJECTS)
    throw new StepFailure(
      `attest: ${subjects.length} subjects, more than the ${MAX_SUBJECTS} one attestation takes`,
    )
  const predicateType = ctx.inputs['predicate-type'] || 'https://slsa.dev/provenance/v1'
  ctx.attest({ predicateType, subjects })
  ctx.info(`attest: ${predicateType} for ${subjects.length} subject(s)`)
}

export async function runMarketplaceAction(action: MarketplaceAction, ctx: StandInContext): Promise<void> {
  switch (action) {
    case 'actions/attest':
      return attest(ctx)
    case 'actions/checkout':
      return checkout(ctx)
    case 'actions/setup-node':
      return setupNode(ctx)
    case 'actions/upload-artifact':
      return upload(ctx)
    case 'actions/download-artifact':
      return download(ctx)
    case 'actions/cache':
      return cache(ctx)
  }
}
