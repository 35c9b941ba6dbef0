/** Repository metadata and the files hosts need to use it: repodata, the .repo file, the -release RPM. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { exec } from '../exec/exec.js'
import type { Log } from '../reporter.js'
import { Createrepo } from './createrepo.js'
import { scratchDir } from '../fs/paths.js'

/** createrepo_c over one package folder: incremental when metadata exists. Returns the repomd revision. */
export async function createRepo(dir: string, log?: Log): Promise<string> {
  return new Createrepo().update(dir, log)
}

export interface RepoFileOptions {
  name: string
  channel: string
  baseUrl: string
}

export function repoId(options: Pick<RepoFileOptions, 'name' | 'channel'>): string {
  return `${options.name}-${options.channel}`
}

/** The .repo file hosts install: gpgcheck and repo_gpgcheck on, key from the repository itself. */
export function repoFile(options: RepoFileOptions): string {
  const base = options.baseUrl.replace(/\/+$/, '')
  return [
    `[${repoId(options)}]`,
    `name=${options.name} ${options.channel} $releasever - $basearch`,
    `baseurl=${base}/$releasever/${options.channel}/$basearch/`,
    'enabled=1',
    'gpgcheck=1',
    'repo_gpgcheck=1',
    `gpgkey=${base}/$releasever/${options.channel}/RPM-GPG-KEY-${options.name}`,
    '',
  ].join('\n')
}

export interface ReleasePackage {
  name: string
  /** A digest of what the package installs: the same content keeps the same package. */
  contentHash: string
}

export function releaseContentHash(repo: string, publicKey: string): string {
  return createHash('sha256').update(repo).update('\0').update(publicKey).digest('hex').slice(0, 16)
}

/**
 * Builds `<name>-release` (noarch): installs the .repo file and the public key, like
 * epel-release. Its release number follows `release`; its description carries the content hash.
 */
export async function buildReleaseRpm(
  name: string,
  releasever: string,
  release: number,
  repo: string,
  publicKey: string,
  outDir: string,
  log?: Log,
): Promise<string> {
  const top = mkdtempSync(join(scratchDir(), 'kvm-actions-release-'))
  try {
    mkdirSync(join(top, 'SOURCES'), { recursive: true })
    mkdirSync(join(top, 'SPECS'), { recursive: true })
    writeFileSync(join(top, 'SOURCES', `${name}.repo`), repo)
    writeFileSync(join(top, 'SOURCES', `RPM-GPG-KEY-${name}`), publicKey)
    const hash = releaseContentHash(repo, publicKey)
    writeFileSync(
      join(top, 'SPECS', `${name}-release.spec`),
      `Name: ${name}-release
Version: ${releasever}
Release: ${release}
Summary: Repository configuration and signing key for ${name}
License: MIT
BuildArch: noarch
Source0: ${name}.repo
Source1: RPM-GPG-KEY-${name}

%description
Installs the ${name} dnf repository definition and the key its packages are signed with.
content-hash: ${hash}

%install
install -D -m 0644 %{SOURCE0} %{buildroot}%{_sysconfdir}/yum.repos.d/${name}.repo
install -D -m 0644 %{SOURCE1} %{buildroot}%{_sysconfdir}/pki/rpm-gpg/RPM-GPG-KEY-${name}

%files
%config(noreplace) %{_sysconfdir}/yum.repos.d/${name}.repo
%{_sysconfdir}/pki/rpm-gpg/RPM-GPG-KEY-${name}
`,
    )
    await exec(
      ['rpmbuild', '-bb', '--define', `_topdir ${top}`, join(top, 'SPECS', `${name}-release.spec`)],
      {
        ...(log ? { log, group: `Build ${name}-release` } : {}),
      },
    )
    const built = join(top, 'RPMS', 'noarch')
    const file = readdirSync(built).find((f) => f.endsWith('.rpm'))!
    writeFileSync(join(outDir, file), readFileSync(join(built, file)))
    return join(outDir, file)
  } finally {
    rmSync(top, { recursive: true, force: true })
  }
}
