/** The owner-naming lock file: atomic, taken over only from a dead owner on this host. */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { installOnce } from '../../src/fs/install-once.js'
import {
  acquireLock,
  acquireLockWaiting,
  currentOwner,
  LockHeldError,
  processStart,
} from '../../src/fs/lock.js'

const dir = mkdtempSync(join(tmpdir(), 'lock-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let count = 0
const lockPath = () => join(dir, `l${++count}.lock`)

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  return Number(spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim())
}

describe('acquireLock', () => {
  it('holds the owner from the first instant and refuses a second holder, naming the first', () => {
    const path = lockPath()
    const release = acquireLock(path, 'publish')
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(currentOwner())
    expect(() => acquireLock(path, 'publish')).toThrow(
      `another publish (pid ${process.pid} on ${hostname()}) holds the lock ${path}; try again when it ends`,
    )
    release()
    expect(existsSync(path)).toBe(false)
    acquireLock(path, 'publish')()
  })

  it('takes over the lock of a dead process on this host', () => {
    const path = lockPath()
    writeFileSync(path, JSON.stringify({ host: hostname(), pid: deadPid(), started: '1' }))
    const release = acquireLock(path, 'publish')
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid)
    release()
  })

  it('takes over when the pid now belongs to a newer process', () => {
    const path = lockPath()
    writeFileSync(
      path,
      JSON.stringify({ host: hostname(), pid: process.pid, started: `${processStart(process.pid)}0` }),
    )
    acquireLock(path, 'publish')()
  })

  it("never breaks another host's lock, or one that names no owner", () => {
    const other = lockPath()
    writeFileSync(other, JSON.stringify({ host: 'another-runner', pid: deadPid(), started: '1' }))
    expect(() => acquireLock(other, 'publish')).toThrow(
      /another publish \(pid \d+ on another-runner\) holds the lock/,
    )
    const garbage = lockPath()
    writeFileSync(garbage, 'not json')
    expect(() => acquireLock(garbage, 'publish')).toThrow('names no owner')
    expect(readFileSync(garbage, 'utf8')).toBe('not json')
  })

  it('releases only a lock that is still its own', () => {
    const path = lockPath()
    const release = acquireLock(path, 'publish')
    writeFileSync(path, JSON.stringify({ host: 'another-runner', pid: 1, started: '1' }))
    release()
    expect(existsSync(path)).toBe(true)
  })
})

describe('acquireLockWaiting', () => {
  it('waits while a live owner holds the lock, and takes it once that owner is gone', async () => {
    const path = lockPath()
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' })
    const gone = new Promise((resolve) => holder.once('exit', resolve))
    writeFileSync(
      path,
      JSON.stringify({ host: hostname(), pid: holder.pid, started: processStart(holder.pid!) }),
    )
    // Held by a live process: after the wait it is still refused, as held.
    await expect(acquireLockWaiting(path, 'cache fill', 200)).rejects.toBeInstanceOf(LockHeldError)
    const waiting = acquireLockWaiting(path, 'cache fill', 30_000)
    holder.kill('SIGKILL')
    await gone
    const release = await waiting
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(currentOwner())
    release()
    expect(existsSync(path)).toBe(false)
  })
})

describe('installOnce', () => {
  it('makes the folder once when two runs ask at the same time, and never shows it half-made', async () => {
    const target = join(dir, 'shared-cache', 'tool')
    let made = 0
    const make = async (partial: string) => {
      made++
      writeFileSync(join(partial, 'part-1'), 'x')
      await new Promise((resolve) => setImmediate(resolve))
      writeFileSync(join(partial, 'done'), 'yes')
    }
    const ready = (folder: string) => existsSync(join(folder, 'done'))
    const [a, b] = await Promise.all([
      installOnce(target, make, { ready }),
      installOnce(target, make, { ready }),
    ])
    expect([a, b]).toEqual([target, target])
    expect(made).toBe(1)
    expect(readFileSync(join(target, 'done'), 'utf8')).toBe('yes')
    expect(existsSync(`${target}.lock`)).toBe(false)
  })
})
