/** Reading RPM headers with the rpm program itself, so every answer is rpm's own. */
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
