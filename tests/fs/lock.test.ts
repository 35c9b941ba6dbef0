/** The owner-naming lock file: atomic, taken over only from a dead owner on this host. */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { acquireLock, currentOwner, processStart } from '../../src/fs/lock.js'

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
