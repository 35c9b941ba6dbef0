/**
 * A repository tree on another machine, reached over SSH with a pinned host key. The heavy work
 * (signing, createrepo_c, dnf verification) runs on a local mirror of the remote tree; the remote
 * side needs only a POSIX shell, GNU tar, cp and sha256sum: the new state is assembled beside the
 * live one (hard links for what did not change), its checksums compared with the local ones,
 * and the channel switched with one remote rename.
 */
import { shellWord } from '../exec/shell.js'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { hostname } from 'node:os'
import { basename, join, relative } from 'node:path'
import { ConfigurationError, InfrastructureError, TestFailure } from '../errors.js'
import { exec, type ExecResult } from '../exec/exec.js'
import { Tool } from '../exec/tool.js'
import type { Log } from '../reporter.js'
import { channelPaths, linkTarget, switchLink } from './tree.js'
import { isAlive } from '../exec/process.js'

const USER = '[A-Za-z0-9._][A-Za-z0-9._-]*'
// A host never starts with '-', so it cannot reach ssh as an option.
const HOST = '[A-Za-z0-9][A-Za-z0-9.-]*'
const PATH = '\\/[A-Za-z0-9._/-]*'
export const SSH_TARGET = new RegExp(`^(${USER})@(${HOST}):(${PATH})$`)
const SSH_URL = new RegExp(`^ssh://(${USER})@(${HOST})(?::(\\d{1,5}))?(${PATH})$`)
/** Anything with a user@, a host: prefix or an ssh:// scheme is meant to be remote. */
const LOOKS_REMOTE = /^ssh:\/\/|^[^/]*@|^[^/:]+:/
export const SSH_TARGET_FORM = 'user@host:/absolute/path or ssh://user@host[:port]/absolute/path'

export interface SshTarget {
  user: string
  host: string
  path: string
  port: number
}

/**
 * The SSH target a `target` names, or undefined for a local folder. Something that looks remote
 * but is malformed is an error, never a local folder of that name.
 */
export function parseSshTarget(target: string, port: number): SshTarget | undefined {
  const scp = SSH_TARGET.exec(target)
  if (scp) return { user: scp[1]!, host: scp[2]!, path: trimPath(scp[3]!), port }
  const url = SSH_URL.exec(target)
  if (url) {
    const urlPort = url[3] ? Number(url[3]) : port
    if (urlPort < 1 || urlPort > 65535)
      throw new ConfigurationError(`Input 'target' has port ${url[3]}; expected 1 to 65535`)
    return { user: url[1]!, host: url[2]!, path: trimPath(url[4]!), port: urlPort }
  }
  if (LOOKS_REMOTE.test(target)) {
    throw new ConfigurationError(
      `Input 'target' is '${target}', which looks remote but is not a valid SSH target; expected ${SSH_TARGET_FORM} (a host of letters, digits, dots and hyphens, not starting with '-'), or a local directory path`,
    )
  }
  return undefined
}

const trimPath = (path: string): string => path.replace(/(.)\/+$/, '$1')

/** Remote scripts: fixed text, every value a positional argument. */
const REMOTE = {
  // mkdir is atomic on the remote side too; the owner line is host:pid:lease-expiry (epoch seconds).
  lock: 'mkdir -p "$1" && mkdir "$1/.lock" 2>/dev/null && printf "%s" "$2" > "$1/.lock/owner" || { cat "$1/.lock/owner" 2>/dev/null; exit 3; }',
  // Takes a lease over only while it still names the holder judged expired ($3).
  takeOver:
    '[ "$(cat "$1/.lock/owner" 2>/dev/null)" = "$3" ] || exit 3; printf "%s" "$2" > "$1/.lock/owner.new" && mv "$1/.lock/owner.new" "$1/.lock/owner"',
  // Releases the lock only while it is still ours.
  unlock: 'if [ "$(cat "$1/.lock/owner" 2>/dev/null)" = "$2" ]; then rm -rf "$1/.lock"; fi',
  live: 'if [ -L "$1" ]; then readlink -f "$1"; fi',
  stage:
    'set -e; mkdir -p "$(dirname "$2")"; rm -rf "$2"; mkdir "$2"; if [ -n "$1" ]; then cp -al "$1/." "$2/"; fi; cd "$2"; xargs -0 -r rm -f --',
  extract: 'set -e; tar --unlink-first -xf - -C "$1"',
  sums: 'set -e; cd "$1"; find . -type f | LC_ALL=C sort | sed "s|^\\./||" | tr "\\n" "\\0" | xargs -0 -r sha256sum --',
  switch:
    'set -e; mkdir -p "$(dirname "$2")"; ln -sfn "$1" "$2.switch"; mv -T "$2.switch" "$2"; if [ -n "$3" ]; then ln -sfn "$3" "$4.switch"; mv -T "$4.switch" "$4"; fi',
  prune:
    'set -e; cd "$1" 2>/dev/null || exit 0; for d in "$2"*; do [ -d "$d" ] || continue; case "$PWD/$d" in "$3"|"$4") ;; *) rm -rf "$d";; esac; done',
}

/**
 * ssh to one pinned host with one key: the options every call uses, remote scripts as fixed text
 * with positional arguments, tar streams both ways, and what a failure means (exit code 255 is
 * ssh's own: the connection; anything else is the remote command's).
 */
export class SshSession extends Tool {
  private readonly options: string[]

  constructor(
    readonly target: SshTarget,
    private readonly configDir: string,
    privateKey: string,
    knownHosts: string,
    private readonly log?: Log,
  ) {
    super('ssh')
    mkdirSync(configDir, { recursive: true, mode: 0o700 })
    const identity = join(configDir, 'id')
    writeFileSync(identity, privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`, { mode: 0o600 })
    chmodSync(identity, 0o600)
    const known = join(configDir, 'known_hosts')
    writeFileSync(known, knownHosts.endsWith('\n') ? knownHosts : `${knownHosts}\n`)
    // The host key is pinned: no prompt, no trust on first use, no other known_hosts.
    this.options = [
      ...['-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${known}`],
      ...['-o', 'GlobalKnownHostsFile=/dev/null', '-o', 'IdentitiesOnly=yes', '-o', 'ConnectTimeout=20'],
      ...['-i', identity, '-p', String(target.port), '-l', target.user],
    ]
  }

  /** Removes the private key (and the pinned host keys) as soon as the session's work is done. */
  dispose(): void {
    rmSync(this.configDir, { recursive: true, force: true })
  }

  private command(script: string, args: string[]): string {
    return ['sh', '-c', script, 'kvm-actions', ...args].map(shellWord).join(' ')
  }

  protected override readonly versionArgs = ['-V']

  override failure(result: ExecResult): Error {
    const last = result.stderr.trim().split('\n').at(-1)
    if (result.exitCode === 255) {
      return new InfrastructureError(
        `ssh to ${this.target.user}@${this.target.host}:${this.target.port} failed: ${last}`,
      )
    }
    return new InfrastructureError(
      `a remote command failed on ${this.target.host}: ${last || `exit code ${result.exitCode}`}`,
    )
  }

  /** Runs a fixed remote script with its values as positional arguments. */
  async remote(script: string, args: string[], input?: string | Buffer, okCodes = [0]): Promise<ExecResult> {
    return this.run([...this.options, '--', this.target.host, this.command(script, args)], {
      okExitCodes: okCodes,
      ...(input !== undefined ? { input } : {}),
    })
  }

  /** Remote folder → local folder, as a tar stream. */
  async download(remoteDir: string, localDir: string): Promise<void> {
    mkdirSync(localDir, { recursive: true })
    const command = ['tar', '-C', remoteDir, '-cf', '-', '.'].map(shellWord).join(' ')
    const result = await exec(
      [
        'bash',
        '-c',
        'set -o pipefail; dest=$1; cmd=$2; shift 2; ssh "$@" "$cmd" | tar -xf - -C "$dest"',
        'download',
        localDir,
        command,
        ...this.options,
        '--',
        this.target.host,
      ],
      {
        allowFailure: true,
        ...(this.log ? { log: this.log, group: `Mirror ${this.target.host}:${remoteDir}` } : {}),
      },
    )
    if (result.exitCode !== 0) throw this.failure(result)
  }

  /** Local files (relative to localDir, listed in a NUL-separated file) → remote folder. */
  async upload(localDir: string, listFile: string, remoteDir: string): Promise<void> {
    const command = this.command(REMOTE.extract, [remoteDir])
    const result = await exec(
      [
        'bash',
        '-c',
        'set -o pipefail; src=$1; list=$2; cmd=$3; shift 3; tar -C "$src" --null -T "$list" -cf - | ssh "$@" "$cmd"',
        'upload',
        localDir,
        listFile,
        command,
        ...this.options,
        '--',
        this.target.host,
      ],
      {
        allowFailure: true,
        ...(this.log ? { log: this.log, group: `Upload to ${this.target.host}:${remoteDir}` } : {}),
      },
    )
    if (result.exitCode !== 0) throw this.failure(result)
  }
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

export interface RemoteChannel {
  live: string
  states: string
  previous: string
}

export function remoteChannel(target: SshTarget, releasever: string, channel: string): RemoteChannel {
  const paths = channelPaths(target.path, releasever, channel)
  return { live: paths.live, states: paths.states, previous: paths.previous }
}

export class RemoteRepository {
  constructor(
    private readonly session: SshSession,
    private readonly mirror: string,
    private readonly log?: Log,
  ) {}

  /**
   * The remote lock, held as a lease until now + leaseMs: a holder whose lease expired (a killed
   * run on a runner that is gone) or that died on this machine is taken over, with a warning.
   * Returns the owner line (for a post step's release) and the release function.
   */
  async lock(leaseMs: number): Promise<{ owner: string; release: () => Promise<void> }> {
    const root = this.session.target.path
    const owner = `${hostname()}:${process.pid}:${Math.ceil((Date.now() + leaseMs) / 1000)}`
    const taken = await this.session.remote(REMOTE.lock, [root, owner], undefined, [0, 3])
    if (taken.exitCode === 3) {
      const holder = taken.stdout.trim()
      const [host, pid, expires] = holder.split(':')
      const expired = Number(expires) > 0 && Number(expires) * 1000 < Date.now()
      const dead = host === hostname() && Number(pid) > 0 && !isAlive(Number(pid))
      const where = `${this.session.target.host}:${root}`
      if (!expired && !dead) {
        const until =
          Number(expires) > 0 ? `, lease until ${new Date(Number(expires) * 1000).toISOString()}` : ''
        throw new InfrastructureError(
          `another publish (pid ${pid} on ${host}${until}) holds the lock on ${where}`,
        )
      }
      const takeOver = await this.session.remote(REMOTE.takeOver, [root, owner, holder], undefined, [0, 3])
      if (takeOver.exitCode === 3)
        throw new InfrastructureError(
          `another publish took the lock on ${where} over first; try again when it ends`,
        )
      this.log?.warning(
        `Took over the lock on ${where} from pid ${pid} on ${host}: ${expired ? 'its lease expired' : 'that process is gone'}.`,
      )
    }
    return { owner, release: () => this.unlock(owner) }
  }

  /** Removes the lock if it still names this owner (a post step after a killed main). */
  async unlock(owner: string): Promise<void> {
    await this.session.remote(REMOTE.unlock, [this.session.target.path, owner])
  }

  /** Makes the local mirror's channel point at a copy of the remote live state (downloaded when it differs). */
  async syncMirror(releasever: string, channel: string): Promise<void> {
    const remote = remoteChannel(this.session.target, releasever, channel)
    const live = (await this.session.remote(REMOTE.live, [remote.live])).stdout.trim()
    const local = channelPaths(this.mirror, releasever, channel)
    if (!live) {
      rmSync(local.live, { force: true })
      return
    }
    const name = basename(live)
    const copy = join(local.states, name)
    if (linkTarget(local.live) === copy && existsSync(copy)) return
    rmSync(copy, { recursive: true, force: true })
    await this.session.download(live, copy)
    switchLink(local.live, copy)
  }

  /**
   * Uploads the local state (built from previousLocal) as a remote staging folder, checks every
   * file's sha256 there against the local one, then switches the remote channel to it.
   */
  async publishState(
    releasever: string,
    channel: string,
    state: string,
    previousLocal: string | undefined,
  ): Promise<void> {
    const remote = remoteChannel(this.session.target, releasever, channel)
    const remoteLive = (await this.session.remote(REMOTE.live, [remote.live])).stdout.trim()
    const staging = join(remote.states, basename(state))
    const wanted = files(state)
    // A file is unchanged when the new state hard-links the previous one's.
    const unchanged = new Set(
      previousLocal
        ? wanted.filter(
            (file) =>
              existsSync(join(previousLocal, file)) &&
              statSync(join(previousLocal, file)).ino === statSync(join(state, file)).ino,
          )
        : [],
    )
    const previousFiles = previousLocal ? files(previousLocal) : []
    const remove = previousFiles.filter((file) => !unchanged.has(file))
    await this.session.remote(REMOTE.stage, [remoteLive, staging], remove.map((f) => `${f}\0`).join(''))
    const listFile = join(this.mirror, `.upload-${process.pid}`)
    writeFileSync(
      listFile,
      wanted
        .filter((file) => !unchanged.has(file))
        .map((f) => `${f}\0`)
        .join(''),
    )
    try {
      await this.session.upload(state, listFile, staging)
    } finally {
      rmSync(listFile, { force: true })
    }
    const sums = new Map(
      (await this.session.remote(REMOTE.sums, [staging])).stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(66), line.slice(0, 64)] as const),
    )
    const wrong = wanted.filter((file) => sums.get(file) !== sha256(join(state, file)))
    const extra = [...sums.keys()].filter((file) => !wanted.includes(file))
    if (wrong.length > 0 || extra.length > 0) {
      throw new TestFailure(
        `the remote staging copy differs from the verified one: ${[...wrong.map((f) => `${f} differs`), ...extra.map((f) => `${f} is extra`)].join(', ')}`,
      )
    }
    await this.session.remote(REMOTE.switch, [staging, remote.live, remoteLive, remote.previous])
    this.log?.info(`Published ${this.session.target.host}:${remote.live} -> ${staging}`)
    await this.session.remote(REMOTE.prune, [remote.states, `${releasever}-${channel}-`, staging, remoteLive])
  }

  async rollback(releasever: string, channel: string): Promise<{ from: string; to: string }> {
    const remote = remoteChannel(this.session.target, releasever, channel)
    const current = (await this.session.remote(REMOTE.live, [remote.live])).stdout.trim()
    const previous = (await this.session.remote(REMOTE.live, [remote.previous])).stdout.trim()
    if (!current || !previous)
      throw new InfrastructureError(
        `${this.session.target.host}:${remote.live} has no previous state to roll back to`,
      )
    await this.session.remote(REMOTE.switch, [previous, remote.live, current, remote.previous])
    return { from: current, to: previous }
  }
}
