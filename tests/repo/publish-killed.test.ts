/** A publish killed during dnf's verification, then its post step: no GnuPG agent outlives them. */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeSigningKey } from '../support/keys.js'
import { helloRpms } from '../support/rpms.js'

const root = join(import.meta.dirname, '..', '..')
const scratch = mkdtempSync(join(tmpdir(), 'publish-killed-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Processes whose command line names dir. */
function processesUnder(dir: string): string[] {
  const found: string[] = []
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
      if (cmdline.includes(dir)) found.push(`${pid} ${cmdline}`)
    } catch {
      // gone meanwhile
    }
  }
  return found
}

it('stops the agents of a dnf check that a SIGKILL interrupted', async () => {
  writeFileSync(join(scratch, 'key.asc'), makeSigningKey('Killed Test', 'killed'), { mode: 0o600 })
  writeFileSync(join(scratch, 'passphrase'), 'killed', { mode: 0o600 })
  const runnerTemp = join(scratch, 'runner-temp')
  const workspace = join(scratch, 'workspace')
  mkdirSync(runnerTemp)
  mkdirSync(workspace)
  const started = join(scratch, 'started')
  execFileSync('mkfifo', [started])
  // dnf does its check (and so starts its agent), says so, then hangs as if the check went on.
  const shims = join(scratch, 'shims')
  mkdirSync(shims)
  const real = execFileSync('bash', ['-c', 'command -v dnf'], { encoding: 'utf8' }).trim()
  const marker = `stuck-dnf-${process.pid}`
  writeFileSync(
    join(shims, 'dnf'),
    `#!/bin/bash\n${real} "$@"\necho started > ${started}\nexec -a ${marker} sleep 600\n`,
  )
  chmodSync(join(shims, 'dnf'), 0o755)
  const cli = [
    join(root, 'dist', 'cli', 'index.js'),
    'publish-repo',
    '--input',
    `target=${join(scratch, 'repo')}`,
    '--input',
    `rpms=${JSON.stringify(await helloRpms('3'))}`,
    '--input-file',
    `signing-key=${join(scratch, 'key.asc')}`,
    '--input-file',
    `passphrase=${join(scratch, 'passphrase')}`,
  ]
  const env = { ...process.env, RUNNER_TEMP: runnerTemp, KVM_ACTIONS_CACHE: join(scratch, 'cache') }
  const main = spawn(process.execPath, [...cli, '--phase', 'main'], {
    cwd: workspace,
    env: { ...env, PATH: `${shims}:${process.env.PATH}` },
    stdio: 'ignore',
  })
  const exited = new Promise((resolve) => main.on('exit', resolve))
  const signal = await open(started, 'r') // dnf has verified the staged repository
  await signal.readFile()
  await signal.close()
  main.kill('SIGKILL')
  await exited
  try {
    const post = spawnSync(process.execPath, [...cli, '--phase', 'post'], {
      cwd: workspace,
      env,
      encoding: 'utf8',
    })
    expect(post.status).toBe(0)
    expect(post.stdout).toContain('Stopped the GnuPG agents of 1 dnf check(s) a killed main left behind.')
    // Agents exit on SIGTERM at once; give the last one its moment by waiting for the list to empty.
    const deadline = Date.now() + 10_000
    let left = processesUnder(runnerTemp)
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      left = processesUnder(runnerTemp)
    }
    expect(left).toEqual([])
  } finally {
    spawnSync('pkill', ['-f', marker])
  }
}, 180_000)
