/**
 * @needs-system-tools
 *
 * A publish killed at several moments (before, during and after signing, during dnf's
 * verification), then its post step: no process whose home is under the step's scratch folder
 * outlives them.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeSigningKey } from '../support/keys.js'
import { processesMentioning } from '../support/processes.js'
import { helloRpms } from '../support/rpms.js'

const root = join(import.meta.dirname, '..', '..')
const scratch = mkdtempSync(join(tmpdir(), 'publish-killed-'))
let rpms: string[]
beforeAll(async () => {
  writeFileSync(join(scratch, 'key.asc'), makeSigningKey('Killed Test', 'killed'), { mode: 0o600 })
  writeFileSync(join(scratch, 'passphrase'), 'killed', { mode: 0o600 })
  rpms = await helloRpms('3')
}, 60_000)
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

it.each([
  ['before signing (reading the headers)', 'rpm'],
  ['during signing', 'rpmsign'],
  ['after signing (writing the metadata)', 'createrepo_c'],
  ['during dnf verification', 'dnf'],
])(
  '%s: the post step leaves no process behind',
  async (_, program) => {
    const dir = mkdtempSync(join(scratch, `${program}-`))
    const runnerTemp = join(dir, 'runner-temp')
    const workspace = join(dir, 'workspace')
    const shims = join(dir, 'shims')
    for (const folder of [runnerTemp, workspace, shims]) mkdirSync(folder)
    const started = join(dir, 'started')
    execFileSync('mkfifo', [started])
    // The program does its work (starting what it starts), says so, then hangs there.
    const real = execFileSync('bash', ['-c', 'command -v "$1"', 'which', program], {
      encoding: 'utf8',
    }).trim()
    const marker = `stuck-${program}-${process.pid}`
    writeFileSync(
      join(shims, program),
      `#!/bin/bash\n${real} "$@"\necho started > ${started}\nexec -a ${marker} sleep 600\n`,
    )
    chmodSync(join(shims, program), 0o755)
    const cli = [
      join(root, 'dist', 'cli', 'index.js'),
      'publish-repo',
      '--input',
      `target=${join(dir, 'repo')}`,
      '--input',
      `rpms=${JSON.stringify(rpms)}`,
      '--input-file',
      `signing-key=${join(scratch, 'key.asc')}`,
      '--input-file',
      `passphrase=${join(scratch, 'passphrase')}`,
    ]
    const env = { ...process.env, RUNNER_TEMP: runnerTemp, KVM_ACTIONS_CACHE: join(dir, 'cache') }
    const main = spawn(process.execPath, [...cli, '--phase', 'main'], {
      cwd: workspace,
      env: { ...env, PATH: `${shims}:${process.env.PATH}` },
      stdio: 'ignore',
    })
    const exited = new Promise((resolve) => main.on('exit', resolve))
    const signal = await open(started, 'r') // the program has done its part and hangs
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
      if (program === 'dnf')
        expect(post.stdout).toContain('Stopped the GnuPG agents of 1 dnf check(s) a killed main left behind.')
      // A stopped agent takes a moment to exit: wait for the list to empty (or time out).
      const deadline = Date.now() + 10_000
      let left = processesMentioning(runnerTemp)
      while (left.length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        left = processesMentioning(runnerTemp)
      }
      expect(left).toEqual([])
    } finally {
      spawnSync('pkill', ['-f', marker])
    }
  },
  180_000,
)
