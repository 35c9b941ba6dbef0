import { execFileSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface PackagedFile {
  /** Absolute path inside the package. */
  path: string
  /** Copied from this host file, or written from content. */
  from?: string
  content?: string
  mode?: number
}

/**
 * A noarch RPM holding the given files, built by rpmbuild in a throwaway tree (no payload
 * compression, so large files such as a kernel image pack in a second).
 */
export function standInRpm(name: string, files: PackagedFile[], version = '1.0', release = '1.el9'): string {
  const dir = mkdtempSync(join(tmpdir(), `${name}-rpm-`))
  const payload = join(dir, 'payload')
  for (const file of files) {
    const target = join(payload, file.path)
    mkdirSync(dirname(target), { recursive: true })
    if (file.from) copyFileSync(file.from, target)
    else writeFileSync(target, file.content ?? '')
    chmodSync(target, file.mode ?? 0o644)
  }
  const spec = join(dir, `${name}.spec`)
  writeFileSync(
    spec,
    [
      `Name: ${name}`,
      `Version: ${version}`,
      `Release: ${release}`,
      'Summary: stand-in package for tests',
      'License: MIT',
      'BuildArch: noarch',
      // A stand-in may carry a foreign-architecture binary (a ppc64le kernel image) on purpose.
      '%global _binaries_in_noarch_packages_terminate_build 0',
      '%description',
      'Stand-in.',
      '%install',
      `cp -a ${payload}/. %{buildroot}/`,
      '%files',
      ...files.map((file) => file.path),
      '',
    ].join('\n'),
  )
  execFileSync(
    'rpmbuild',
    [
      '-bb',
      '--define',
      `_topdir ${dir}`,
      '--define',
      '_binary_payload w.ufdio',
      '--define',
      '__os_install_post %{nil}',
      spec,
    ],
    { stdio: 'ignore' },
  )
  const rpms = join(dir, 'RPMS', 'noarch')
  return join(rpms, readdirSync(rpms)[0]!)
}
