/** Reading RPM headers with the rpm program itself, so every answer is rpm's own. */
import { mkdirSync } from 'node:fs'
import type { Log } from '../host/host.js'
import { exec } from '../exec/exec.js'

export interface PackageHeader {
  name: string
  epoch?: string
  version: string
  release: string
  arch: string
  /** name-version-release, without epoch or arch */
  nvr: string
}

const FIELDS = '%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCEPACKAGE}\\n'

export async function queryPackageFile(file: string): Promise<PackageHeader> {
  const { stdout } = await exec(['rpm', '-qp', '--nosignature', '--nodigest', '--qf', FIELDS, file])
  const [name = '', epoch = '0', version = '', release = '', arch = '', isSource = ''] = stdout
    .trim()
    .split('\t')
  return {
    name,
    ...(epoch !== '0' ? { epoch } : {}),
    version,
    release,
    arch: isSource === '1' ? 'src' : arch,
    nvr: `${name}-${version}-${release}`,
  }
}

/** The files a package contains. */
export async function listPackageFiles(file: string): Promise<string[]> {
  const { stdout } = await exec(['rpm', '-qp', '--nosignature', '--nodigest', '--list', file])
  return stdout.split('\n').filter(Boolean)
}

/** One file's content from a package, without installing it (rpm2cpio piped into cpio). */
export async function extractPackageFile(file: string, path: string): Promise<string> {
  // The script is fixed; the package and the path reach it as positional arguments only.
  const { stdout } = await exec([
    'bash',
    '-c',
    'set -o pipefail; rpm2cpio "$1" | cpio -i --quiet --to-stdout ".$2"',
    'extract',
    file,
    path,
  ])
  return stdout
}

/** Unpacks a binary RPM into `dir` with rpm2cpio and cpio: its files, nothing installed. */
export async function unpackRpm(rpm: string, dir: string, log?: Log): Promise<void> {
  mkdirSync(dir, { recursive: true })
  // The script is fixed; the package path reaches it as a positional argument only.
  await exec(
    [
      'bash',
      '-c',
      'set -o pipefail; rpm2cpio "$1" | cpio -idmu --quiet --no-absolute-filenames',
      'unpack',
      rpm,
    ],
    { cwd: dir, ...(log ? { log } : {}) },
  )
}
