import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InfrastructureError } from '../../src/errors.js'
import { CommandFailedError, describeArgv, exec } from '../../src/exec/exec.js'
import { findOnPath, requireTools } from '../../src/exec/tools.js'
import type { Log } from '../../src/reporter.js'

function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: () => undefined,
    async group(title, fn) {
      lines.push(`::group::${title}`)
      try {
        return await fn()
      } finally {
        lines.push('::endgroup::')
      }
    },
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('exec', () => {
  it('passes argv without a shell, captures output and times the run', async () => {
    const result = await exec(['printf', '%s|', 'a b', '$(id)', '; rm -rf /'])
    expect(result.stdout).toBe('a b|$(id)|; rm -rf /|')
    expect(result.exitCode).toBe(0)
    expect(result.durationMs).toBeGreaterThan(0)
  })

  it('streams lines into a collapsible group and a log file', async () => {
    const log = recordingLog()
    const logFile = join(mkdtempSync(join(tmpdir(), 'exec-')), 'logs', 'build.log')
    await exec(['sh', '-c', 'echo one; echo two >&2; printf three'], { log, group: 'Build', logFile })
    expect(log.lines[0]).toBe('::group::Build')
    expect(log.lines.at(-1)).toBe('::endgroup::')
    expect(log.lines.slice(1, -1).sort()).toEqual(['one', 'three', 'two'])
    const written = readFileSync(logFile, 'utf8')
    expect(written.length).toBe('one\ntwo\nthree'.length)
    for (const part of ['one\n', 'two\n', 'three']) expect(written).toContain(part)
  })

  it('throws CommandFailedError with the last output line on a bad exit code', async () => {
    const failure = exec(['sh', '-c', 'echo building; echo "error: macro %foo not defined" >&2; exit 3'])
    await expect(failure).rejects.toBeInstanceOf(CommandFailedError)
    await expect(failure).rejects.toThrow(
      'sh -c \'echo building; echo "error: macro %foo not defined" >&2; exit 3\' exited with code 3: error: macro %foo not defined',
    )
  })

  it('returns the result instead when failure is allowed, and accepts listed exit codes', async () => {
    expect((await exec(['sh', '-c', 'exit 2'], { allowFailure: true })).exitCode).toBe(2)
    expect((await exec(['sh', '-c', 'exit 1'], { okExitCodes: [0, 1] })).exitCode).toBe(1)
  })

  it('names a program that is not installed as an infrastructure error', async () => {
    const failure = exec(['qemu-system-does-not-exist', '--version'])
    await expect(failure).rejects.toBeInstanceOf(InfrastructureError)
    await expect(failure).rejects.toThrow("'qemu-system-does-not-exist' is not installed")
  })

  it('kills the whole process group on timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exec-'))
    const pidFile = join(dir, 'grandchild.pid')
    // The grandchild writes its pid, then both wait; only a group kill stops the grandchild.
    const result = await exec(['sh', '-c', `sleep 300 & echo $! > ${pidFile}; echo started; wait`], {
      timeoutMs: 300,
      killGraceMs: 200,
      allowFailure: true,
    })
    expect(result.timedOut).toBe(true)
    expect(result.stdout).toBe('started\n')
    const grandchild = Number(readFileSync(pidFile, 'utf8'))
    const deadline = Date.now() + 5000
    while (alive(grandchild) && Date.now() < deadline) await new Promise((r) => setImmediate(r))
    expect(alive(grandchild)).toBe(false)
    await expect(exec(['sh', '-c', 'sleep 300'], { timeoutMs: 100, killGraceMs: 100 })).rejects.toThrow(
      /timed out after \d+ms/,
    )
  })

  it('stops the process group when the signal aborts', async () => {
    const controller = new AbortController()
    const running = exec(['sleep', '300'], {
      signal: controller.signal,
      allowFailure: true,
      killGraceMs: 100,
    })
    controller.abort()
    const result = await running
    expect(result.signal).toBe('SIGTERM')
  })

  it('feeds standard input', async () => {
    expect((await exec(['cat'], { input: 'hello' })).stdout).toBe('hello')
  })

  it('quotes argv readably for messages', () => {
    expect(describeArgv(['rpmbuild', '--define', 'dist .el9', "it's"])).toBe(
      `rpmbuild --define 'dist .el9' 'it'\\''s'`,
    )
  })
})

describe('tools', () => {
  it('finds programs on PATH and reports all missing ones at once', () => {
    expect(findOnPath('sh')).toMatch(/\/sh$/)
    expect(existsSync(requireTools(['sh', 'cat']).cat!)).toBe(true)
    expect(() => requireTools(['sh', 'no-such-tool-1', 'no-such-tool-2'])).toThrow(
      'required programs not installed: no-such-tool-1, no-such-tool-2; run scripts/setup-host.sh',
    )
  })
})

describe('a failed command with many arguments', () => {
  it('names the first few and counts the rest, so the error line stays one short line', async () => {
    const files = Array.from({ length: 500 }, (_, i) => `/tmp/some/folder/package-${i}.rpm`)
    const failure = await exec(['false', ...files]).catch((error: Error) => error)
    expect(failure).toBeInstanceOf(CommandFailedError)
    const message = (failure as Error).message
    expect(message).toContain('false /tmp/some/folder/package-0.rpm')
    expect(message).toContain('(489 more arguments) exited with code 1')
    expect(message).not.toContain('package-499.rpm')
    expect(message.length).toBeLessThan(600)
  })
})
