/** What a host sees of a published channel: dnf in a clean installroot, gpgcheck and repo_gpgcheck on. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stopAgentsUnder } from '../../src/repo/dnf-check.js'

export interface HostView {
  /** The .repo file the -release package installed. */
  repoFile: string
  /** Package names installed (the -release package). */
  installed: string[]
  /** name-epoch:version-release.arch of everything dnf sees in the channel. */
  visible: string[]
}

/** Installs the channel's -release package into a throwaway root and lists what dnf sees. */
export async function hostSeesRepository(
  target: string,
  channel: string,
  scratch: string,
  name = 'kvm-power',
): Promise<HostView> {
  const installroot = mkdtempSync(join(scratch, 'host-'))
  const live = join(target, '9', channel)
  const reposDir = join(installroot, 'repos')
  mkdirSync(reposDir)
  writeFileSync(
    join(reposDir, 'kvm.repo'),
    `[kvm]\nname=kvm\nbaseurl=file://${live}/ppc64le/\ngpgcheck=1\nrepo_gpgcheck=1\ngpgkey=file://${live}/RPM-GPG-KEY-${name}\nskip_if_unavailable=False\n`,
  )
  const args = [
    '--installroot',
    join(installroot, 'root'),
    '--setopt',
    `reposdir=${reposDir}`,
    '--releasever',
    '9',
    '--forcearch',
    'ppc64le',
    '-y',
    '-q',
    '--disableplugin',
    'local',
  ]
  try {
    execFileSync('dnf', [...args, 'install', `${name}-release`], { stdio: 'pipe' })
    const visible = execFileSync(
      'dnf',
      [...args, 'repoquery', '--queryformat', '%{name}-%{epoch}:%{version}-%{release}.%{arch}\\n'],
      { encoding: 'utf8' },
    )
    const installed = execFileSync(
      'rpm',
      ['--root', join(installroot, 'root'), '-qa', '--qf', '%{name}\\n'],
      { encoding: 'utf8' },
    )
    return {
      repoFile: readFileSync(join(installroot, 'root', 'etc', 'yum.repos.d', `${name}.repo`), 'utf8'),
      installed: installed.split('\n').filter(Boolean),
      visible: visible.split('\n').filter(Boolean).sort(),
    }
  } finally {
    await stopAgentsUnder(installroot)
    rmSync(installroot, { recursive: true, force: true })
  }
}
