/**
 * The one way the suite starts programs. Node's spawn is used directly rather than @actions/exec
 * because a timeout must kill the whole process group (qemu, rpmbuild and mock all fork), which
 * needs the child started as a group leader.
 *
 * Commands are argv arrays. A shell runs only where one is the point: an explicit `bash -c` with
 * a fixed script and its values as positional arguments (pipes: SSH tar streams, rpm2cpio | cpio,
 * module decompression), the remote `sh -c` of an SSH target (same rule), and the scripts of an
 * autopatch recipe, which are the user's own.
 * Every child gets childEnvironment().
 */
import { spawn } from 'node:child_process'
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs'
import { dirname } from 'node:path'
import { InfrastructureError } from '../errors.js'
import { childEnvironment } from './environment.js'
import { formatDuration } from '../report/duration.js'
import type { Log } from '../reporter.js'

export type Argv = readonly [program: string, ...args: string[]]

export interface ExecOptions {
  cwd?: string
  /** Variables this tool needs, on top of the scrubbed base (childEnvironment); undefined removes one. */
  env?: Record<string, string | undefined>
  input?: string | Buffer
  /** Kill the process group after this many ms; the result has timedOut set. */
  timeoutMs?: number
  /** Time between SIGTERM and SIGKILL when stopping the group. */
  killGraceMs?: number
  /** Stream output into this log, inside a collapsible group with this title. */
  log?: Log
  group?: string
  /** Called with every complete output line as it arrives (a guest console parsed live). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void
  /** Called with every raw stdout chunk (a decompressor streamed into a parser). */
  onStdout?: (chunk: Buffer) => void
  /** Also write stdout and stderr, as they come, to this file. */
  logFile?: string
  /** Exit codes that are not failures (default: just 0). */
  okExitCodes?: number[]
  /** Return the result instead of throwing when the exit code is not ok or the time ran out. */
  allowFailure?: boolean
  /** Capture at most this many bytes of each stream in the result (the log file keeps all). */
  captureLimitBytes?: number
  signal?: AbortSignal
  /** Called with the process id as soon as the program runs (to record it for a post step). */
  onSpawn?: (pid: number) => void
}

export interface ExecResult {
  argv: Argv
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  durationMs: number
  timedOut: boolean
}

export class CommandFailedError extends InfrastructureError {
  override name = 'CommandFailedError'
  constructor(readonly result: ExecResult) {
    const how = result.timedOut
      ? `timed out after ${formatDuration(result.durationMs)}`
      : result.signal
        ? `was killed by ${result.signal}`
        : `exited with code ${result.exitCode}`
    const lastLine = lastNonEmptyLine(result.stderr) ?? lastNonEmptyLine(result.stdout)
    super(`${describeArgvBriefly(result.argv)} ${how}${lastLine ? `: ${lastLine}` : ''}`)
  }
}

function lastNonEmptyLine(text: string): string | undefined {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1)
}

/** For messages only: argv shown readably, quoting words that have spaces or quotes. */
export function describeArgv(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ')
}

/** An error line's argv: a command given hundreds of files (rpmsign) names the first few and counts the rest. */
export function describeArgvBriefly(argv: readonly string[], limit = 12): string {
  if (argv.length <= limit) return describeArgv(argv)
  return `${describeArgv(argv.slice(0, limit))} … (${argv.length - limit} more arguments)`
}

const DEFAULT_CAPTURE = 16 * 1024 * 1024

/** Keeps the last `limit` bytes so the error line of a long build survives. */
class Capture {
  private chunks: Buffer[] = []
  private size = 0
  constructor(private readonly limit: number) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.size += chunk.length
    while (this.size > this.limit && this.chunks.length > 1) this.size -= this.chunks.shift()!.length
  }
  text(): string {
    const all = Buffer.concat(this.chunks)
    return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8')
  }
}

/** Streams complete lines to the log as they arrive. */
class LineSplitter {
  private pending = ''
  constructor(private readonly emit: (line: string) => void) {}
  push(chunk: Buffer): void {
    const lines = (this.pending + chunk.toString('utf8')).split('\n')
    this.pending = lines.pop() ?? ''
    for (const line of lines) this.emit(line)
  }
  flush(): void {
    if (this.pending) this.emit(this.pending)
    this.pending = ''
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

export async function exec(argv: Argv, options: ExecOptions = {}): Promise<ExecResult> {
  const run = (): Promise<ExecResult> => spawnAndWait(argv, options)
  const result = options.log && options.group ? await options.log.group(options.group, run) : await run()
  const ok = (options.okExitCodes ?? [0]).includes(result.exitCode ?? -1) && !result.timedOut
  if (!ok && !options.allowFailure) throw new CommandFailedError(result)
  return result
}

function spawnAndWait(argv: Argv, options: ExecOptions): Promise<ExecResult> {
  const [program, ...args] = argv
  const started = performance.now()
  const stdout = new Capture(options.captureLimitBytes ?? DEFAULT_CAPTURE)
  const stderr = new Capture(options.captureLimitBytes ?? DEFAULT_CAPTURE)
  let file: WriteStream | undefined
  if (options.logFile) {
    mkdirSync(dirname(options.logFile), { recursive: true })
    file = createWriteStream(options.logFile, { flags: 'a' })
  }
  // One splitter per stream, so a partial stdout line never merges with a stderr line.
  const splitter = (stream: 'stdout' | 'stderr'): LineSplitter | undefined =>
    options.log || options.onLine
      ? new LineSplitter((line) => {
          options.log?.info(line)
          options.onLine?.(line, stream)
        })
      : undefined
  const stdoutLines = splitter('stdout')
  const stderrLines = splitter('stderr')

  return new Promise((resolvePromise, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: childEnvironment(options.env),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      // Own process group, so a timeout or cancellation can stop everything the program forked.
      detached: true,
    })
    if (child.pid !== undefined) options.onSpawn?.(child.pid)
    let timedOut = false
    const stop = (): void => {
      if (child.pid === undefined) return
      killGroup(child.pid, 'SIGTERM')
      setTimeout(() => killGroup(child.pid!, 'SIGKILL'), options.killGraceMs ?? 5000).unref()
    }
    const timer =
      options.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true
            stop()
          }, options.timeoutMs)
        : undefined
    const onAbort = (): void => stop()
    options.signal?.addEventListener('abort', onAbort, { once: true })
    // A parent that exits normally must not leave the group behind.
    const onExit = (): void => {
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL')
    }
    process.once('exit', onExit)

    const take = (capture: Capture, lines: LineSplitter | undefined) => (chunk: Buffer) => {
      capture.push(chunk)
      file?.write(chunk)
      lines?.push(chunk)
    }
    const takeStdout = take(stdout, stdoutLines)
    child.stdout!.on('data', (chunk: Buffer) => {
      takeStdout(chunk)
      options.onStdout?.(chunk)
    })
    child.stderr!.on('data', take(stderr, stderrLines))
    if (options.input !== undefined) child.stdin!.end(options.input)

    const cleanup = (): void => {
      if (timer) clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      process.removeListener('exit', onExit)
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      cleanup()
      file?.end()
      if (error.code === 'ENOENT') {
        reject(
          new InfrastructureError(
            `'${program}' is not installed (not found on PATH${options.cwd ? ` or in ${options.cwd}` : ''}); ` +
              'run scripts/setup-host.sh to install the suite’s system packages',
          ),
        )
      } else if (error.code === 'EACCES') {
        reject(new InfrastructureError(`'${program}' cannot be run: permission denied`))
      } else {
        reject(new InfrastructureError(`'${program}' could not be started: ${error.message}`))
      }
    })
    child.on('close', (exitCode, signal) => {
      cleanup()
      stdoutLines?.flush()
      stderrLines?.flush()
      const result: ExecResult = {
        argv,
        exitCode,
        signal,
        stdout: stdout.text(),
        stderr: stderr.text(),
        durationMs: performance.now() - started,
        timedOut,
      }
      if (file) file.end(() => resolvePromise(result))
      else resolvePromise(result)
    })
  })
}
