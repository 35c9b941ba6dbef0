/**
 * The real client's verdict on a staged repository: dnf in a throwaway installroot with gpgcheck
 * and repo_gpgcheck, failing on any metadata or signature problem (dnf exits 0 on a bad repo
 * signature unless skip_if_unavailable is off), listing every NEVRA it can see.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { TestFailure } from '../errors.js'
import { exec } from '../exec/exec.js'
import { isAlive } from '../exec/process.js'
import { GpgHome } from './gpg.js'
import type { Log } from '../reporter.js'
import { scratchDir } from '../fs/paths.js'

export interface DnfRepo {
  id: string
  /** file:// or http(s):// URL of the package folder (holding repodata/). */
  baseUrl: string
  /** With a key, dnf checks package and metadata signatures. */
  gpgKeyUrl?: string
}

/** Stops the gpg-agent of every GnuPG home dnf made under root (keyrings for repo_gpgcheck). */
export async function stopAgentsUnder(root: string): Promise<void> {
  const homes = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /(^|\/)(pubring\.kbx|pubring\.gpg|trustdb\.gpg)$/.test(file))
    .map((file) => dirname(join(root, file)))
  for (const home of new Set([join(root, 'gnupg'), ...homes])) await GpgHome.stopAgents(home)
}

const QUERY_FORMAT = '%{name}-%{epoch}:%{version}-%{release}.%{arch}'

/**
 * Runs fn with dnf set up in a throwaway installroot over repos (gpgcheck and repo_gpgcheck for
 * those with a key; the others are read only for their versions and dependencies).
 */
/** The installroots dnf checks use, below the step's scratch folder (for a post step to sweep). */
export const DNF_ROOT_PREFIX = 'kvm-actions-dnf-'

/**
 * Stops the agents and removes the dnf roots a killed main step left in scratch. A root is named
 * after the process that made it, and one whose process still runs (another publish on the same
 * host, mid-check) is left alone.
 */
export async function sweepDnfRoots(scratch: string): Promise<number> {
  let swept = 0
  for (const name of existsSync(scratch) ? readdirSync(scratch) : []) {
    if (!name.startsWith(DNF_ROOT_PREFIX)) continue
    const owner = Number(/^(\d+)-/.exec(name.slice(DNF_ROOT_PREFIX.length))?.[1])
    if (Number.isInteger(owner) && owner > 1 && isAlive(owner)) continue
    await stopAgentsUnder(join(scratch, name))
    rmSync(join(scratch, name), { recursive: true, force: true })
    swept++
  }
  return swept
}

async function withDnf<T>(
  repos: DnfRepo[],
  arch: string,
  fn: (common: string[], env: Record<string, string>) => Promise<T>,
): Promise<T> {
  const root = mkdtempSync(join(scratchDir(), `${DNF_ROOT_PREFIX}${process.pid}-`))
  try {
    const reposDir = join(root, 'repos.d')
    mkdirSync(reposDir)
    writeFileSync(
      join(reposDir, 'check.repo'),
      repos
        .map((r) =>
          [
            `[${r.id}]`,
            `name=${r.id}`,
            `baseurl=${r.baseUrl}`,
            'enabled=1',
            ...(r.gpgKeyUrl
              ? ['gpgcheck=1', 'repo_gpgcheck=1', `gpgkey=${r.gpgKeyUrl}`]
              : ['gpgcheck=0', 'repo_gpgcheck=0']),
            'skip_if_unavailable=False',
            '',
          ].join('\n'),
        )
        .join('\n'),
    )
    const common = [
      '--installroot',
      join(root, 'installroot'),
      '--setopt',
      `reposdir=${reposDir}`,
      '--setopt',
      `cachedir=${join(root, 'cache')}`,
      '--releasever',
      '9',
      '--forcearch',
      arch,
      '--assumeyes',
      '--quiet',
      // Debian's dnf-plugins-core enables the `local` plugin, whose own repository would be read too.
      '--disableplugin',
      'local',
    ]
    // gpg's agent for dnf's own keyrings lives under the installroot; stop it before removing it.
    const env = { GNUPGHOME: join(root, 'gnupg') }
    mkdirSync(env.GNUPGHOME, { mode: 0o700 })
    try {
      return await fn(common, env)
    } finally {
      await stopAgentsUnder(root)
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

function dnfError(result: { stdout: string; stderr: string }): string {
  return (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')
}

/** NEVRAs (epoch always written) that dnf sees in the repositories, after a strict makecache. */
export async function dnfVisibleNevras(repos: DnfRepo[], arch: string, log?: Log): Promise<string[]> {
  return withDnf(repos, arch, async (common, env) => {
    // repoquery loads (and so verifies) the metadata itself: one dnf run does both.
    // Captured, not streamed: the log gets a count, whatever the repository's size.
    const query = await exec(['dnf', ...common, 'repoquery', '--queryformat', `${QUERY_FORMAT}\\n`], {
      env,
      allowFailure: true,
      captureLimitBytes: 2 ** 30,
    })
    if (query.exitCode !== 0) throw new TestFailure(`dnf refuses the staged repository: ${dnfError(query)}`)
    const nevras = [...new Set(query.stdout.split('\n').filter(Boolean))].sort()
    log?.info(`dnf repoquery (gpgcheck, repo_gpgcheck): ${nevras.length} packages visible in ${arch}`)
    return nevras
  })
}

/** One line per package in the named repositories, in dnf's queryformat. */
export async function dnfQuery(
  repos: DnfRepo[],
  arch: string,
  queryFormat: string,
  repoIds: string[],
): Promise<string[]> {
  return withDnf(repos, arch, async (common, env) => {
    const query = await exec(
      [
        'dnf',
        ...common,
        'repoquery',
        ...repoIds.flatMap((id) => ['--repo', id]),
        '--queryformat',
        `${queryFormat}\\n`,
      ],
      { env, allowFailure: true },
    )
    if (query.exitCode !== 0)
      throw new TestFailure(`dnf cannot read ${repoIds.join(', ')}: ${dnfError(query)}`)
    return [...new Set(query.stdout.split('\n').filter(Boolean))].sort()
  })
}

/** dnf repoclosure: the dependencies of the checked repositories' packages that no repository resolves. */
export async function dnfUnresolved(
  repos: DnfRepo[],
  arch: string,
  check: string[],
  log?: Log,
): Promise<string[]> {
  return withDnf(repos, arch, async (common, env) => {
    const closure = await exec(
      [
        'dnf',
        ...common.filter((arg) => arg !== '--quiet'),
        'repoclosure',
        ...check.flatMap((id) => ['--check', id]),
      ],
      { env, allowFailure: true, ...(log ? { log, group: 'dnf repoclosure' } : {}) },
    )
    if (closure.exitCode === 0) return []
    // "package: NEVRA from REPO" then "  unresolved deps:" then one indented dependency per line.
    const unresolved: string[] = []
    let current = ''
    for (const line of closure.stdout.split('\n')) {
      const pkg = /^package: (\S+) from /.exec(line)
      if (pkg) current = pkg[1]!
      else if (/^ {4}\S/.test(line) && current) unresolved.push(`${current} needs ${line.trim()}`)
    }
    if (unresolved.length === 0) throw new TestFailure(`dnf repoclosure failed: ${dnfError(closure)}`)
    return unresolved
  })
}
