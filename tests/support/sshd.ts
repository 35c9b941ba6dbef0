import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../src/net/port.js'

export interface TestSshd {
  port: number
  user: string
  clientKey: string
  knownHosts: string
  stop(): Promise<void>
}

/** A real sshd on loopback with its own host key and one authorized client key. */
export async function startSshd(): Promise<TestSshd> {
  const dir = mkdtempSync(join(tmpdir(), 'sshd-'))
  for (const name of ['host', 'client']) {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, name)])
  }
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client.pub')))
  const port = await freePort()
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      `PidFile ${join(dir, 'sshd.pid')}`,
      '',
    ].join('\n'),
  )
  mkdirSync('/run/sshd', { recursive: true })
  const sshd: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  // Ready when sshd says it listens.
  await new Promise<void>((resolve, reject) => {
    let said = ''
    sshd.stderr!.on('data', (chunk: Buffer) => {
      said += chunk.toString()
      if (said.includes(`Server listening on 127.0.0.1 port ${port}`)) resolve()
    })
    sshd.on('exit', (code) => reject(new Error(`sshd exited with ${code}: ${said}`)))
  })
  const hostKey = readFileSync(join(dir, 'host.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ')
  return {
    port,
    user: userInfo().username,
    clientKey: readFileSync(join(dir, 'client'), 'utf8'),
    knownHosts: `[127.0.0.1]:${port} ${hostKey}`,
    stop: async () => {
      const exited = new Promise((resolve) => sshd.on('exit', resolve))
      sshd.kill('SIGTERM')
      await exited
    },
  }
}
