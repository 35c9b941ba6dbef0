/**
 * patch-qemu's device build check, on the final spec of a qemu-kvm rebuild: the tree %prep gives
 * (the tarball with every patch applied, the device file among them), or another QEMU tree with
 * that device file copied in; configured (and compiled, and booted with nova's devices) as the
 * spec's ppc64 build would be.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import { exec } from '../exec/exec.js'
import type { Log } from '../reporter.js'
import { defineArgs } from '../rpm/macros.js'
import { expandSpec } from '../rpm/spec-check.js'
import {
  buildDevices,
  type DeviceBuildMode,
  type DeviceBuildResult,
  PPC64_DEVICE_DIR,
  specConfigure,
} from './device-build.js'
import { bootNovaGuest, type NovaGuestResult } from './nova-guest.js'

export interface DeviceCheckRequest {
  mode: Exclude<DeviceBuildMode, 'off'>
  /** Another QEMU tree (a folder, or a release tarball) to configure instead of %prep's. */
  qemuSource?: string
  /** compile: the guest's kernel, busybox and the firmware folder holding vof.bin. */
  guest?: { kernel: string; busybox: string; firmwareDir: string }
  timeoutMs?: number
}

export interface DeviceCheckReport {
  mode: DeviceCheckRequest['mode']
  /** Where the configured tree came from. */
  source: string
  build: DeviceBuildResult
  guest?: NovaGuestResult
}

/** The folder %prep left the QEMU tree in (rpm 4.20 adds a NAME-VERSION-build level). */
function preppedTree(buildDir: string): string | undefined {
  const queue = [buildDir]
  for (let depth = 0; depth < 3 && queue.length > 0; depth++) {
    for (const dir of queue.splice(0)) {
      if (existsSync(join(dir, 'configs', 'devices'))) return dir
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) queue.push(join(dir, entry.name))
      }
    }
  }
  return undefined
}

/** %prep of the final spec for ppc64le, into work/: the tree rpmbuild would compile. */
export async function prepTree(
  tree: string,
  spec: string,
  defines: Record<string, string>,
  work: string,
  log: Log,
): Promise<string> {
  const top = join(work, 'prep')
  mkdirSync(join(top, 'BUILD'), { recursive: true })
  const run = await exec(
    [
      'rpmbuild',
      '-bp',
      '--nodeps',
      '--target',
      'ppc64le',
      '--define',
      `_topdir ${top}`,
      '--define',
      `_sourcedir ${join(tree, 'SOURCES')}`,
      '--define',
      `_builddir ${join(top, 'BUILD')}`,
      '--define',
      '_buildshell /bin/bash',
      ...defineArgs(defines),
      spec,
    ],
    { allowFailure: true, log, group: `%prep of ${basename(spec)} for the device build` },
  )
  if (run.exitCode !== 0) {
    const said = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /error|FAILED|Hunk/i.test(line))
    throw new ConfigurationError(
      `%prep of ${basename(spec)} failed, so there is no tree to configure: ${said.slice(0, 3).join(' | ') || run.stderr.trim().split('\n').at(-1)}; expected every patch to apply`,
    )
  }
  const prepped = preppedTree(join(top, 'BUILD'))
  if (!prepped) {
    throw new ConfigurationError(
      `%prep of ${basename(spec)} left no QEMU tree (configs/devices) under ${join(top, 'BUILD')}; expected the QEMU source tarball as Source0`,
    )
  }
  return prepped
}

/** A private copy of qemu-source (folder or tarball): the device file is written into it. */
async function copySource(source: string, work: string): Promise<string> {
  const dest = join(work, 'qemu-source')
  mkdirSync(dest, { recursive: true })
  if (statSync(source).isDirectory()) {
    await exec(['cp', '-a', `${source}/.`, dest])
  } else {
    await exec(['tar', '-xf', source, '-C', dest, '--strip-components=1'])
  }
  return dest
}

export async function checkDeviceBuild(
  request: DeviceCheckRequest,
  context: {
    tree: string
    spec: string
    defines: Record<string, string>
    work: string
    resultsDir: string
    log: Log
  },
): Promise<DeviceCheckReport> {
  const { tree, spec, defines, work, log } = context
  const expanded = await expandSpec(spec, basename(spec), {
    target: 'ppc64le',
    defines: { ...defines, _sourcedir: join(tree, 'SOURCES') },
  })
  const configure = specConfigure(expanded.lines, basename(spec))
  const prepped = await prepTree(tree, spec, defines, work, log)
  let source = `%prep of ${basename(spec)}`
  let qemuTree = prepped
  if (request.qemuSource) {
    const deviceFile = join(PPC64_DEVICE_DIR, `${configure.deviceFile}.mak`)
    if (!existsSync(join(prepped, deviceFile))) {
      throw new ConfigurationError(
        `%prep of ${basename(spec)} creates no ${deviceFile}, so there is no device file to try on qemu-source; expected a patch that creates it (the built-in recipe adds one)`,
      )
    }
    qemuTree = await copySource(request.qemuSource, work)
    mkdirSync(join(qemuTree, PPC64_DEVICE_DIR), { recursive: true })
    copyFileSync(join(prepped, deviceFile), join(qemuTree, deviceFile))
    source = `qemu-source ${request.qemuSource}, with the device file of ${basename(spec)}`
  }
  const logDir = join(context.resultsDir, 'device-build')
  const build = await buildDevices({
    tree: qemuTree,
    buildDir: join(work, 'qemu-build'),
    spec: configure,
    mode: request.mode,
    logDir,
    log,
    ...(request.timeoutMs ? { timeoutMs: request.timeoutMs } : {}),
  })
  if (request.mode === 'configure' || !build.binary) return { mode: request.mode, source, build }
  if (!request.guest) {
    throw new ConfigurationError(
      'device-build: compile boots a guest: it needs the guest kernel, busybox and firmware',
    )
  }
  const guest = await bootNovaGuest({
    qemu: build.binary,
    ...request.guest,
    workDir: join(work, 'nova-guest'),
    consoleLog: join(logDir, 'nova-guest-console.log'),
    bootTimeoutMs: 300_000,
    log,
  })
  return { mode: request.mode, source, build, guest }
}
