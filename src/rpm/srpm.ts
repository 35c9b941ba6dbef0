/** Source RPMs to dist-git trees (SPECS/, SOURCES/) and back, without root, with rpm's own tools. */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { InfrastructureError } from '../errors.js'
import { exec } from '../exec/exec.js'
import type { Log } from '../reporter.js'
import type { Evr } from './evr.js'
import { defineArgs } from './macros.js'

/** Installs the SRPM's spec and sources under dir/SPECS and dir/SOURCES; returns the spec path. */
export async function unpackSrpm(srpm: string, dir: string, log?: Log): Promise<string> {
  const result = await exec([
    'rpm',
    '-i',
    '--nodeps',
    '--nosignature',
    '--nodigest',
    ...defineArgs({ _topdir: dir }),
    srpm,
  ])
  // Debian's rpm advises Alien on every -i; anything else rpm says is worth reading.
  const said = `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((line) => line.trim() && !/use Alien instead|should not be used directly/i.test(line))
  log?.info(`Unpacked ${srpm}`)
  for (const line of said) log?.info(line)
  const specs = readdirSync(join(dir, 'SPECS')).filter((name) => name.endsWith('.spec'))
  if (specs.length !== 1)
    throw new InfrastructureError(`${srpm} holds ${specs.length} spec files, expected one`)
  return join(dir, 'SPECS', specs[0]!)
}

/** `rpmbuild -bs` of the tree's spec; returns the written SRPM. */
export async function packSrpm(
  dir: string,
  spec: string,
  defines: Record<string, string> = {},
  log?: Log,
): Promise<string> {
  const result = await exec(['rpmbuild', '-bs', ...defineArgs({ _topdir: dir, ...defines }), spec], {
    ...(log ? { log, group: 'Pack the source RPM' } : {}),
  })
  const written = /^Wrote:\s+(\S+\.src\.rpm)$/m.exec(result.stdout)?.[1]
  if (!written) throw new InfrastructureError(`rpmbuild -bs ${spec} wrote no source RPM`)
  return written
}

export interface SpecHeader extends Evr {
  name: string
  release: string
}

/** Name and EVR of the source package the spec describes, macros expanded by rpmspec. */
export async function specHeader(spec: string, defines: Record<string, string> = {}): Promise<SpecHeader> {
  const result = await exec([
    'rpmspec',
    '-q',
    '--srpm',
    '--qf',
    '%{NAME}|%{EPOCHNUM}|%{VERSION}|%{RELEASE}\\n',
    ...defineArgs(defines),
    spec,
  ])
  const [name = '', epoch = '0', version = '', release = ''] = result.stdout.trim().split('\n')[0]!.split('|')
  return { name, epoch: Number(epoch), version, release }
}
