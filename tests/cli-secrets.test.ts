/**
 * @needs-system-tools
 * Secrets reach the CLI through files or INPUT_* variables, and never show in a process's command line. */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../src/cli/main.js'
import { makeSigningKey } from './support/keys.js'
import { commandLines } from './support/processes.js'
import { helloRpms } from './support/rpms.js'

const root = join(import.meta.dirname, '..')
const PASSPHRASE = 'never-on-a-command-line-7f3a'
let scratch: string
let key: string
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cli-secrets-'))
  key = makeSigningKey('CLI Secrets', PASSPHRASE)
}, 60_000)
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => out.push(t), cwd: scratch, env })
  return { code, out: out.join('') }
}

describe('secrets on the command line', () => {
  it('reads an input from --input-file and from INPUT_<NAME>, options first', async () => {
    writeFileSync(join(scratch, 'scenario'), 'kernel\n')
    const help = await cli(['boot-test-guest', '--input-file', 'scenario=missing-file'])
    expect(help.code).toBe(1)
    expect(help.out).toContain(
      'Option --input-file scenario=missing-file names a file that cannot be read (ENOENT); expected a readable file holding the value.',
    )
    // The kernel input is missing either way; which scenario was read shows in the error.
    const fromFile = await cli(['boot-test-guest', '--input-file', 'scenario=scenario'])
    expect(fromFile.out).toContain("Input 'kernel' (or kernel-rpms) is required for scenario kernel")
    const fromEnv = await cli(['boot-test-guest'], { INPUT_SCENARIO: 'nested' })
    expect(fromEnv.out).toContain("Input 'kernel' (or kernel-rpms) is required for scenario nested")
    const both = await cli(['boot-test-guest', '--input', 'scenario=kernel'], { INPUT_SCENARIO: 'nested' })
    expect(both.out).toContain('for scenario kernel')
  })

  it('publishes with the key and passphrase from a file and the environment, and no process ever has them in argv', async () => {
    const rpms = await helloRpms('3')
    const keyFile = join(scratch, 'signing-key.asc')
    writeFileSync(keyFile, key, { mode: 0o600 })
    const keyLine = key.split('\n').find((line) => line.length > 40 && !line.startsWith('-----'))!
    const child = spawn(
      process.execPath,
      [
        join(root, 'dist', 'cli', 'index.js'),
        'publish-repo',
        '--input',
        `target=${join(scratch, 'repo')}`,
        '--input',
        `rpms=${JSON.stringify(rpms)}`,
        '--input-file',
        `signing-key=${keyFile}`,
      ],
      {
        cwd: scratch,
        env: { ...process.env, INPUT_PASSPHRASE: PASSPHRASE },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)))
    const leaks = new Set<string>()
    let samples = 0
    let done = false
    void exited.then(() => (done = true))
    // Sample every process's argv until the publish ends (gpg, rpmsign, createrepo_c and dnf run meanwhile).
    while (!done) {
      samples++
      for (const line of commandLines())
        if (line.includes(PASSPHRASE) || line.includes(keyLine)) leaks.add(line)
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect({ code: await exited, leaks: [...leaks] }).toEqual({ code: 0, leaks: [] })
    expect(samples).toBeGreaterThan(10)
    expect(output).toContain('Published to')
  }, 180_000)
})
