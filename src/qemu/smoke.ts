/**
 * The post-build check of qemu-kvm on a POWER runner: qemu-kvm-core unpacked into a private
 * folder (nothing installed on the runner), its machine list read, and a pseries KVM machine
 * started until the SLOF firmware banner.
 */
import { join } from 'node:path'
import { TestFailure } from '../errors.js'
import { type Argv, exec } from '../exec/exec.js'
import type { Log } from '../reporter.js'
import { unpackRpm } from '../rpm/query.js'

export const QEMU_KVM_BINARY = 'usr/libexec/qemu-kvm'
export const QEMU_KVM_FIRMWARE = 'usr/share/qemu-kvm'

export interface SmokeCommands {
  machines: Argv
  firmware: Argv
}

/** The exact commands of the check; firmware comes from the unpacked package (-L), not the host. */
export function smokeCommands(
  binary: string,
  firmwareDir: string,
  accel: 'kvm' | 'tcg' = 'kvm',
): SmokeCommands {
  return {
    machines: [binary, '-machine', 'help'],
    firmware: [
      binary,
      '-L',
      firmwareDir,
      '-M',
      'pseries',
      '-accel',
      accel,
      '-m',
      '1024',
      '-nographic',
      '-nodefaults',
      '-serial',
      'stdio',
      '-no-reboot',
    ],
  }
}

export interface SmokeResult {
  machines: string[]
  banner: string
}

// SLOF draws its banner with terminal escapes between the words.
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g // eslint-disable-line no-control-regex
const BANNER = /SLOF|QEMU Starting/

export async function smokeTestQemu(
  commands: SmokeCommands,
  options: { timeoutMs?: number; log?: Log } = {},
): Promise<SmokeResult> {
  const logged = options.log ? { log: options.log } : {}
  const list = await exec(commands.machines, logged)
  const machines = list.stdout
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/)[0]!)
    .filter(Boolean)
  if (!machines.some((machine) => machine === 'pseries' || machine.startsWith('pseries-'))) {
    throw new TestFailure(
      `${commands.machines.join(' ')} lists no pseries machine (it lists ${machines.join(', ') || 'nothing'})`,
    )
  }
  const stop = new AbortController()
  let banner = ''
  const run = await exec(commands.firmware, {
    ...logged,
    allowFailure: true,
    signal: stop.signal,
    timeoutMs: options.timeoutMs ?? 120_000,
    onLine: (line) => {
      const text = line.replace(ESCAPES, '')
      if (!banner && BANNER.test(text)) {
        banner = text.trim()
        stop.abort()
      }
    },
  })
  if (!banner) {
    const why = run.timedOut
      ? 'in time'
      : `before it ${run.signal ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`}`
    const last = (run.stderr || run.stdout).trim().split('\n').at(-1)
    throw new TestFailure(`The pseries machine printed no firmware banner ${why}${last ? `: ${last}` : ''}`)
  }
  return { machines, banner }
}

/** Unpacks qemu-kvm-core and checks it; returns the binary's path for boot-test-guest. */
export async function checkBuiltQemu(
  coreRpm: string,
  dir: string,
  options: { accel?: 'kvm' | 'tcg'; timeoutMs?: number; log?: Log } = {},
): Promise<SmokeResult & { binary: string }> {
  await unpackRpm(coreRpm, dir, options.log)
  const binary = join(dir, QEMU_KVM_BINARY)
  const result = await smokeTestQemu(
    smokeCommands(binary, join(dir, QEMU_KVM_FIRMWARE), options.accel),
    options,
  )
  return { ...result, binary }
}
