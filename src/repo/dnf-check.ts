/**
 * The real client's verdict on a staged repository: dnf in a throwaway installroot with gpgcheck
 * and repo_gpgcheck, failing on any metadata or signature problem (dnf exits 0 on a bad repo
 * signature unless skip_if_unavailable is off), listing every NEVRA it can see.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { TestFailure } from '../action/errors.js'
import { exec } from '../exec/exec.js'
import type { Log } from '../host/host.js'
import { scratchDir } from '../host/paths.js'

export interface DnfRepo {
  id: string
  /** file:// or http(s):// URL of the package folder (holding repodata/). */
  baseUrl: string
  gpgKeyUrl: string
}

/** Stops the gpg-agent of every GnuPG home dnf made under root (keyrings for repo_gpgcheck). */
export async function stopAgentsUnder(root: string): Promise<void> {
  const homes = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /(^|\/)(pubring\.kbx|pubring\.gpg|trustdb\.gpg)$/.test(file))
    .map((file) => dirname(join(root, file)))
  for (const home of new Set([join(root, 'gnupg'), ...homes])) {
    await exec(['gpgconf', '--homedir', home, '--kill', 'all'], { allowFailure: true })
  }
}

const QUERY_FORMAT = '%{name}-%{epoch}:%{version}-%{release}.%{arch}'

/** NEVRAs (epoch always written) that dnf sees in the repositories, after a strict makecache. */
export async function dnfVisibleNevras(repos: DnfRepo[], arch: string, log?: Log): Promise<string[]> {
  const root = mkdtempSync(join(scratchDir(), 'kvm-actions-dnf-'))
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
            'gpgcheck=1',
            'repo_gpgcheck=1',
            `gpgkey=${r.gpgKeyUrl}`,
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
    ]
    // gpg's agent for dnf's own keyrings lives under the installroot; stop it before removing it.
    const env = { GNUPGHOME: join(root, 'gnupg') }
    mkdirSync(env.GNUPGHOME, { mode: 0o700 })
    try {
      // repoquery loads (and so verifies) the metadata itself: one dnf run does both.
      const query = await exec(['dnf', ...common, 'repoquery', '--queryformat', `${QUERY_FORMAT}\\n`], {
        env,
        allowFailure: true,
        ...(log ? { log, group: 'dnf repoquery (gpgcheck, repo_gpgcheck)' } : {}),
      })
      if (query.exitCode !== 0) {
        throw new TestFailure(
          `dnf refuses the staged repository: ${(query.stderr || query.stdout).trim().split('\n').slice(-3).join(' ')}`,
        )
      }
      return [...new Set(query.stdout.split('\n').filter(Boolean))].sort()
    } finally {
      await stopAgentsUnder(root)
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
