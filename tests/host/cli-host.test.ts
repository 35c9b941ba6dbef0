import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cleanUp, createWorkDir, trackProcess } from '../../src/action/cleanup.js'
import { folderCache } from '../../src/host/cli.js'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { capturedHost } from '../support/hosts.js'

describe('folderCache', () => {
  it('saves and restores folders by key, and by key prefix', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
    const cache = folderCache(mkdtempSync(join(tmpdir(), 'cache-')), workspace)
    mkdirSync(join(workspace, 'rpms'))
    writeFileSync(join(workspace, 'rpms', 'kernel.rpm'), 'v1')
    await cache.save(['rpms'], 'build-kernel-abc')
    rmSync(join(workspace, 'rpms'), { recursive: true })

    expect(await cache.restore(['rpms'], 'build-kernel-other')).toBeUndefined()
    expect(await cache.restore(['rpms'], 'build-kernel-abc')).toBe('build-kernel-abc')
    expect(readFileSync(join(workspace, 'rpms', 'kernel.rpm'), 'utf8')).toBe('v1')
    expect(await cache.restore(['rpms'], 'build-kernel-new', ['build-kernel-'])).toBe('build-kernel-abc')
  })
})

describe('cleanup state', () => {
  it('kills recorded processes and removes recorded folders, even from a new host', async () => {
    const host = capturedHost()
    const state = {
      save: (name: string, value: unknown) => host.saveState(name, JSON.stringify(value)),
      get: <T>(name: string) => (host.getState(name) ? (JSON.parse(host.getState(name)) as T) : undefined),
    }
    const dir = createWorkDir(state, 'test')
    const child = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    trackProcess(state, child.pid!)
    expect(existsSync(dir)).toBe(true)

    const result = await cleanUp(state, 1000)
    expect(await exited).toBe(null) // killed by a signal
    expect(result).toEqual({ killed: [child.pid], removed: [dir] })
    expect(existsSync(dir)).toBe(false)
    expect(await cleanUp(state)).toEqual({ killed: [], removed: [] })
  })
})
