/** Reading RPM files: headers and file lists through Rpm, contents through rpm2cpio and cpio. */
import { mkdirSync } from 'node:fs'
import type { Log } from '../reporter.js'
import { exec } from '../exec/exec.js'
import { type PackageHeader, Rpm } from './rpm.js'

export type { PackageHeader } from './rpm.js'

export async function queryPackageFile(file: string): Promise<PackageHeader> {
  return new Rpm().header(file)
}

/** The files a package contains. */
export async function listPackageFiles(file: string): Promise<string[]> {
  return new Rpm().files(file)
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
