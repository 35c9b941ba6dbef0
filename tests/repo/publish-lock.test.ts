/**
 * @needs-system-tools
 * Two publishes to one local target at once: one switches, the other stops clearly, the tree stays consistent. */
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hostSeesRepository } from '../support/dnf-host.js'
import { makeSigningKey } from '../support/keys.js'
import { helloRpms } from '../support/rpms.js'

const root = join(import.meta.dirname, '..', '..')
const PASSPHRASE = 'lock test'
const scratch = mkdtempSync(join(tmpdir(), 'publish-lock-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

it('lets exactly one of two concurrent publishes switch the channel, and dnf reads the result', async () => {
  const key = makeSigningKey('Lock Test', PASSPHRASE)
  writeFileSync(join(scratch, 'key.asc'), key, { mode: 0o600 })
  writeFileSync(join(scratch, 'passphrase'), PASSPHRASE, { mode: 0o600 })
  const target = join(scratch, 'repo')
  const started = join(scratch, 'started')
  const proceed = join(scratch, 'proceed')
  execFileSync('mkfifo', [started, proceed])
  // The first publish's createrepo_c says it started, then waits for the word to go on.
  const shims = join(scratch, 'shims')
  mkdirSync(shims)
  const real = execFileSync('bash', ['-c', 'command -v createrepo_c'], { encoding: 'utf8' }).trim()
  // Only its first call waits (a publish runs createrepo_c once per folder).
  const once = join(scratch, 'waited')
  writeFileSync(
    join(shims, 'createrepo_c'),
    `#!/bin/bash\nif [ ! -e ${once} ]; then touch ${once}; echo started > ${started}; read -r _ < ${proceed}; fi\nexec ${real} "$@"\n`,
  )
  chmodSync(join(shims, 'createrepo_c'), 0o755)
  const publish = (rpms: string[], path: string, cwd: string) =>
    spawn(
      process.execPath,
      [
        join(root, 'dist', 'cli', 'index.js'),
        'publish-repo',
        '--input',
        `target=${target}`,
        '--input',
        `rpms=${JSON.stringify(rpms)}`,
        '--input-file',
        `signing-key=${join(scratch, 'key.asc')}`,
        '--input-file',
        `passphrase=${join(scratch, 'passphrase')}`,
      ],
      {
        cwd,
        env: { ...process.env, PATH: path, KVM_ACTIONS_CACHE: join(scratch, 'cache') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
  const finished = (child: ReturnType<typeof spawn>) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      let out = ''
      child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.on('close', (code) => resolve({ code: code ?? 1, out }))
    })
  const workspaces = [mkdtempSync(join(scratch, 'ws-a-')), mkdtempSync(join(scratch, 'ws-b-'))]
  const first = finished(publish(await helloRpms('3'), `${shims}:${process.env.PATH}`, workspaces[0]!))
  const signal = await open(started, 'r') // the first publish holds the lock and is inside createrepo_c
  await signal.readFile()
  await signal.close()
  const second = await finished(publish(await helloRpms('4'), process.env.PATH!, workspaces[1]!))
  const go = await open(proceed, 'w')
  await go.write('go\n')
  await go.close()
  const done = await first
  expect({ code: done.code, tail: done.code === 0 ? '' : done.out.slice(-2000) }).toEqual({
    code: 0,
    tail: '',
  })
  expect(second.code).toBe(1)
  expect(second.out).toMatch(
    /Infrastructure error: another publish \(pid \d+ on \S+\) holds the lock \S+\.publish\.lock; try again when it ends/,
  )
  const host = await hostSeesRepository(target, 'testing', scratch)
  // The first publish's release (3) is live; the refused one (4) left no trace.
  expect(host.visible.filter((nevra) => nevra.startsWith('kvm-hello-0:'))).toEqual([
    expect.stringMatching(/^kvm-hello-0:1\.2\.0-3\./),
  ])
}, 180_000)
