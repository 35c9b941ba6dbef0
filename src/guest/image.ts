/**
 * Disk-image guests (scenario: image): the image fetched once and cached, verified against its
 * CHECKSUM file (GNU or BSD lines, optionally signed), always run on a qcow2 overlay so the
 * cached base never changes, with a cloud-init NoCloud seed (volume label cidata) that carries
 * an SSH key made for this run; the checks then run over SSH through a forwarded port.
 */
import { createHash } from 'node:crypto'
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { ConfigurationError, InfrastructureError, TestFailure } from '../errors.js'
import { exec } from '../exec/exec.js'
import type { Log } from '../reporter.js'
import { downloadFile, readUrl } from '../net/download.js'
import { Qemu } from './qemu.js'
import { type BootResult, ConsoleSession } from './boot.js'
import { type CheckResult, type GuestCheck } from './initramfs.js'
import { diskArgv } from './qemu.js'
import {
  imageWorkloadScript,
  SCRATCH_SERIAL,
  type Workload,
  WORKLOAD_FAILING_KINDS,
  WorkloadCollector,
  type WorkloadResult,
} from './workloads.js'

export const DEFAULT_IMAGE =
  'https://repo.almalinux.org/almalinux/9/cloud/ppc64le/images/AlmaLinux-9-GenericCloud-latest.ppc64le.qcow2'

export interface ChecksumEntry {
  file: string
  algorithm: 'sha256' | 'sha512'
  hash: string
}

/** CHECKSUM lines: GNU (`<hash>  <file>`, `<hash> *<file>`) or BSD-tagged (`SHA256 (<file>) = <hash>`). */
export function parseChecksums(text: string): ChecksumEntry[] {
  const entries: ChecksumEntry[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    const bsd = /^(SHA256|SHA512) \((.+)\) = ([0-9a-fA-F]+)$/.exec(line)
    if (bsd) {
      entries.push({
        file: bsd[2]!,
        algorithm: bsd[1]!.toLowerCase() as 'sha256' | 'sha512',
        hash: bsd[3]!.toLowerCase(),
      })
      continue
    }
    const gnu = /^([0-9a-fA-F]{64}|[0-9a-fA-F]{128})\s+\*?(.+)$/.exec(line)
    if (gnu)
      entries.push({
        file: gnu[2]!,
        algorithm: gnu[1]!.length === 64 ? 'sha256' : 'sha512',
        hash: gnu[1]!.toLowerCase(),
      })
  }
  return entries
}

export function checksumFor(text: string, file: string, source: string): ChecksumEntry {
  const entry = parseChecksums(text).find((e) => e.file === file || basename(e.file) === file)
  if (!entry) {
    throw new ConfigurationError(
      `${source} lists no checksum for ${file}; expected a line '<sha256>  ${file}' or 'SHA256 (${file}) = <sha256>'`,
    )
  }
  return entry
}

export async function hashFile(path: string, algorithm: 'sha256' | 'sha512'): Promise<string> {
  const hash = createHash(algorithm)
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}

/** Verifies CHECKSUM against its detached (or clear-signed) signature with one given key only. */
export async function verifyChecksumSignature(
  checksumFile: string,
  signatureFile: string,
  armoredKey: string,
  workDir: string,
): Promise<void> {
  const home = join(workDir, 'gnupg-checksum')
  mkdirSync(home, { recursive: true, mode: 0o700 })
  const env = { GNUPGHOME: home }
  try {
    await exec(['gpg', '--batch', '--quiet', '--import'], { env, input: armoredKey })
    const result = await exec(
      ['gpg', '--batch', '--status-fd', '1', '--verify', signatureFile, checksumFile],
      {
        env,
        allowFailure: true,
      },
    )
    if (result.exitCode !== 0 || !/\[GNUPG:\] GOODSIG/.test(result.stdout)) {
      throw new TestFailure(
        `${basename(signatureFile)} is not a good signature of ${basename(checksumFile)} by the given key`,
      )
    }
  } finally {
    await exec(['gpgconf', '--kill', 'all'], { env, allowFailure: true })
  }
}

export interface ImageRequest {
  /** URL (http(s)://, file://) or a local path. */
  image: string
  /** The CHECKSUM file's URL or path; by default CHECKSUM beside the image. */
  checksum?: string
  /** An armored public key: CHECKSUM.asc must be its good signature. */
  signingKey?: string
  cacheDir: string
  workDir: string
  log?: Log
  signal?: AbortSignal
}

export interface FetchedImage {
  path: string
  sha256OrSha512: string
  cached: boolean
}

/** The base image, verified, from the cache or freshly downloaded (atomically into the cache). */
export async function fetchImage(request: ImageRequest): Promise<FetchedImage> {
  const isUrl = /^(https?|file):\/\//.test(request.image)
  const name = basename(isUrl ? new URL(request.image).pathname : request.image)
  const checksumLocation = request.checksum ?? (isUrl ? new URL('CHECKSUM', request.image).href : undefined)
  if (!checksumLocation) {
    if (!existsSync(request.image))
      throw new ConfigurationError(`Input 'image' names ${request.image}, which does not exist`)
    return { path: request.image, sha256OrSha512: await hashFile(request.image, 'sha256'), cached: false }
  }
  const checksumText = /^(https?|file):\/\//.test(checksumLocation)
    ? (await readUrl(checksumLocation, request.signal ? { signal: request.signal } : {})).toString('utf8')
    : readFileSync(checksumLocation, 'utf8')
  if (request.signingKey) {
    const checksumFile = join(request.workDir, 'CHECKSUM')
    const signatureFile = `${checksumFile}.asc`
    writeFileSync(checksumFile, checksumText)
    const signature = /^(https?|file):\/\//.test(checksumLocation)
      ? await readUrl(`${checksumLocation}.asc`)
      : readFileSync(`${checksumLocation}.asc`)
    writeFileSync(signatureFile, signature)
    await verifyChecksumSignature(checksumFile, signatureFile, request.signingKey, request.workDir)
  }
  const entry = checksumFor(checksumText, name, checksumLocation)
  if (!isUrl) {
    const actual = await hashFile(request.image, entry.algorithm)
    if (actual !== entry.hash)
      throw new TestFailure(
        `${request.image} has ${entry.algorithm} ${actual}, but ${checksumLocation} says ${entry.hash}`,
      )
    return { path: request.image, sha256OrSha512: actual, cached: false }
  }
  const dir = join(request.cacheDir, 'images')
  mkdirSync(dir, { recursive: true })
  const cached = join(dir, `${entry.hash}-${name}`)
  if (existsSync(cached)) {
    request.log?.info(`Image ${name} from the cache (${entry.algorithm} ${entry.hash})`)
    return { path: cached, sha256OrSha512: entry.hash, cached: true }
  }
  const fresh = join(dir, `.${entry.hash}-${process.pid}-${name}`)
  await downloadFile(request.image, fresh)
  const actual = await hashFile(fresh, entry.algorithm)
  if (actual !== entry.hash) {
    rmSync(fresh, { force: true })
    throw new TestFailure(
      `${request.image} downloaded with ${entry.algorithm} ${actual}, but ${checksumLocation} says ${entry.hash}`,
    )
  }
  renameSync(fresh, cached)
  return { path: cached, sha256OrSha512: actual, cached: false }
}

/** A qcow2 overlay on the base: the guest writes there, never to the cached image. */
export async function createOverlay(base: string, overlay: string): Promise<void> {
  const info = await exec(['qemu-img', 'info', '--output=json', base])
  const format = (JSON.parse(info.stdout) as { format: string }).format
  await exec(['qemu-img', 'create', '-q', '-f', 'qcow2', '-F', format, '-b', base, overlay])
}

export interface SeedOptions {
  instanceId: string
  hostname: string
  user: string
  sshPublicKey: string
}

/** cloud-init NoCloud seed: an ISO9660 volume labelled cidata with user-data and meta-data. */
export async function createSeed(dir: string, options: SeedOptions): Promise<string> {
  const files = join(dir, 'seed')
  mkdirSync(files, { recursive: true })
  writeFileSync(
    join(files, 'user-data'),
    [
      '#cloud-config',
      'users:',
      `  - name: ${options.user}`,
      '    sudo: ALL=(ALL) NOPASSWD:ALL',
      '    lock_passwd: true',
      '    ssh_authorized_keys:',
      `      - ${options.sshPublicKey.trim()}`,
      'ssh_pwauth: false',
      '',
    ].join('\n'),
  )
  writeFileSync(
    join(files, 'meta-data'),
    `instance-id: ${options.instanceId}\nlocal-hostname: ${options.hostname}\n`,
  )
  const iso = join(dir, 'seed.iso')
  await exec([
    'xorriso',
    '-as',
    'mkisofs',
    '-quiet',
    '-volid',
    'cidata',
    '-joliet',
    '-rock',
    '-o',
    iso,
    files,
  ])
  return iso
}

/** An SSH key pair for this run only. */
export async function runSshKey(dir: string): Promise<{ privateKey: string; publicKey: string }> {
  const privateKey = join(dir, 'ssh-key')
  await exec(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', 'kvm-actions-run', '-f', privateKey])
  return { privateKey, publicKey: readFileSync(`${privateKey}.pub`, 'utf8').trim() }
}

export interface ImageBoot {
  qemu: string
  firmwareDir?: string
  overlay: string
  seed: string
  sshPort: number
  machine: string
  cpu: string
  memoryMb: number
  smp: number
  accel: 'kvm' | 'tcg'
  pidFile?: string
  /** The workloads' scratch disk, found in the guest by its serial. */
  scratch?: string
}

/** The qemu command of an image guest: SLOF boots the disk; virtio disk and network; the seed on vSCSI. */
export function imageQemuArgv(options: ImageBoot): string[] {
  return [
    ...new Qemu(options.qemu).machineArgv(options),
    '-drive',
    `file=${options.overlay},if=none,id=disk0,format=qcow2`,
    '-device',
    'virtio-blk-pci,drive=disk0,bootindex=0',
    '-drive',
    `file=${options.seed},if=none,id=seed0,format=raw,media=cdrom,readonly=on`,
    '-device',
    'spapr-vscsi,id=scsi0',
    '-device',
    'scsi-cd,drive=seed0,bus=scsi0.0',
    '-netdev',
    `user,id=net0,hostfwd=tcp:127.0.0.1:${options.sshPort}-:22`,
    '-device',
    'virtio-net-pci,netdev=net0,romfile=',
    ...diskArgv(options.scratch ? [{ file: options.scratch, serial: SCRATCH_SERIAL, readOnly: false }] : []),
    ...(options.pidFile ? ['-pidfile', options.pidFile] : []),
  ]
}

/** cloud-init's final line and a login prompt: the image guest is ready. */
export const IMAGE_READY_MARKERS = [/Cloud-init v\. \S+ finished at/, /^\S+ login: ?$/]

export interface SshTarget {
  port: number
  user: string
  privateKey: string
}

function sshArgv(target: SshTarget, command: string): string[] {
  return [
    'ssh',
    '-i',
    target.privateKey,
    '-p',
    String(target.port),
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=no',
    '-o',
    'UserKnownHostsFile=/dev/null',
    '-o',
    'LogLevel=ERROR',
    '-o',
    'ConnectTimeout=10',
    `${target.user}@127.0.0.1`,
    command,
  ]
}

/** Runs one check in the guest over SSH: its output (stdout and stderr) and exit code. */
export async function sshCheck(
  target: SshTarget,
  check: GuestCheck,
  timeoutMs: number,
): Promise<CheckResult> {
  const result = await exec(sshArgv(target, check.command) as [string, ...string[]], {
    allowFailure: true,
    timeoutMs,
  })
  return {
    name: check.name,
    exitCode: result.timedOut ? 124 : (result.exitCode ?? 255),
    output: result.stdout + result.stderr,
  }
}

/**
 * Runs one workload over SSH and parses its output like a console's; the kernel messages the
 * console printed meanwhile are the workload's.
 */
async function sshWorkload(
  target: SshTarget,
  workload: Workload,
  session: ConsoleSession,
): Promise<WorkloadResult> {
  const seen = session.watcher.findings.length
  const run = await exec(sshArgv(target, imageWorkloadScript(workload)) as [string, ...string[]], {
    allowFailure: true,
    // The workload's own timeout runs in the guest; this one covers SSH itself.
    timeoutMs: (workload.timeoutSeconds + 60) * 1000,
  })
  const collector = new WorkloadCollector(new Map([[workload.name, workload.command]]))
  for (const line of `${run.stdout}${run.stderr}`.split('\n')) collector.feed('guest', line, [])
  const result = collector.results[0] ?? {
    name: workload.name,
    guest: 'guest',
    exitCode: run.timedOut ? 124 : (run.exitCode ?? 255),
    output: run.stdout + run.stderr,
    metrics: [],
    kernelMessages: [],
  }
  result.kernelMessages.push(
    ...session.watcher.findings.slice(seen).filter((finding) => WORKLOAD_FAILING_KINDS.has(finding.kind)),
  )
  return result
}

/** Waits until sshd in the guest takes the run's key (cloud-init may still be writing it). */
export async function waitForSsh(target: SshTarget, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const probe = await exec(sshArgv(target, 'true') as [string, ...string[]], {
      allowFailure: true,
      timeoutMs: 15_000,
    })
    if (probe.exitCode === 0) return
    if (Date.now() > deadline || signal?.aborted) {
      throw new TestFailure(
        `the guest did not accept SSH on port ${target.port} in time: ${(probe.stderr || probe.stdout).trim().split('\n').at(-1) ?? ''}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/** Powers the guest off from inside (graceful); the caller kills it when that does not happen. */
export async function sshPoweroff(target: SshTarget): Promise<void> {
  await exec(sshArgv(target, 'sudo systemctl poweroff || sudo poweroff') as [string, ...string[]], {
    allowFailure: true,
    timeoutMs: 20_000,
  })
}

export interface ImageBootOptions extends ImageBoot {
  markers?: RegExp[]
  user: string
  privateKey: string
  checks: GuestCheck[]
  workloads: Workload[]
  bootTimeoutMs: number
  checkTimeoutMs: number
  shutdownTimeoutMs: number
  consoleLog: string
  onStart?: (pid: number) => void
  signal?: AbortSignal
}

/** Boots the image to cloud-init's final line, runs the checks over SSH, then powers it off. */
export async function bootImage(options: ImageBootOptions): Promise<BootResult> {
  const argv = imageQemuArgv(options)
  const stop = new AbortController()
  options.signal?.addEventListener('abort', () => stop.abort(), { once: true })
  let ready: () => void = () => undefined
  const readyOrGone = new Promise<void>((resolve) => (ready = resolve))
  const session = new ConsoleSession(
    {
      markers: options.markers ?? IMAGE_READY_MARKERS,
      shutdownTimeoutMs: options.shutdownTimeoutMs,
      holdShutdown: true,
      onReady: () => ready(),
    },
    () => stop.abort(),
  )
  const running = exec(argv as [string, ...string[]], {
    ...(options.onStart ? { onSpawn: options.onStart } : {}),
    timeoutMs:
      options.bootTimeoutMs +
      options.checkTimeoutMs * Math.max(1, options.checks.length + options.workloads.length) +
      options.shutdownTimeoutMs,
    killGraceMs: 5000,
    allowFailure: true,
    logFile: options.consoleLog,
    signal: stop.signal,
    onLine: (line) => session.feed(line),
  })
  void running.then(() => ready())
  const bootTimer = setTimeout(() => stop.abort(), options.bootTimeoutMs)
  await readyOrGone
  clearTimeout(bootTimer)
  if (session.timeline.ready !== undefined && !stop.signal.aborted) {
    const target = { port: options.sshPort, user: options.user, privateKey: options.privateKey }
    try {
      await waitForSsh(target, options.bootTimeoutMs, stop.signal)
      for (const check of options.checks)
        session.checks.push(await sshCheck(target, check, options.checkTimeoutMs))
      for (const workload of options.workloads)
        session.workloads.results.push(await sshWorkload(target, workload, session))
      await sshPoweroff(target)
    } finally {
      session.startShutdown()
    }
  }
  const result = await running
  if (options.signal?.aborted) throw new InfrastructureError('cancelled: the guest was stopped')
  return session.finish(argv, () => {
    if (!session.sawKernel && result.exitCode !== null && result.exitCode !== 0 && !result.timedOut) {
      return new Qemu(options.qemu).startFailure(result.stderr + result.stdout)
    }
    return new TestFailure('the image guest did not reach cloud-init’s final line or a login prompt in time')
  })
}
