/**
 * @needs-system-tools
 *
 * No qemu process or temporary file survives a job: the CLI bundle (what the runner runs) is
 * cancelled with SIGTERM, or killed with SIGKILL and followed by its post phase, while a guest
 * is running; qemu processes and scratch folders are counted before and after.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { guestKernel, waitFor } from '../support/guest.js'

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'index.js')

/** qemu processes whose command line names a path under dir. */
function qemuUnder(dir: string): number[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('qemu-system-ppc64') && line.includes(dir))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
}

function startGuest(phase: 'all' | 'main') {
  const scratch = mkdtempSync(join(tmpdir(), 'lifecycle-scratch-'))
  const workspace = mkdtempSync(join(tmpdir(), 'lifecycle-ws-'))
  const child = spawn(
    'node',
    [
      CLI,
      'boot-test-guest',
      '--phase',
      phase,
      '--workspace',
      workspace,
      '--input',
      'scenario=kernel',
      '--input',
      `kernel=${guestKernel()}`,
      '--input',
      'checks=hang: sleep 600',
    ],
    { env: { ...process.env, RUNNER_TEMP: scratch }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  child.stdout!.resume()
  const consoleLog = join(workspace, 'kvm-actions-results/boot-test-guest/console.log')
  const running = () =>
    existsSync(consoleLog) && readFileSync(consoleLog, 'utf8').includes('KVM-ACTIONS-CHECK-BEGIN hang')
  return { child, scratch, workspace, running, stderr: () => stderr }
}

describe('the guest lifecycle', () => {
  it('stops the guest within seconds on SIGTERM and leaves no qemu and no scratch files', async () => {
    const guest = startGuest('all')
    const exit = exited(guest.child)
    await waitFor('the guest to run its check', guest.running)
    expect(qemuUnder(guest.scratch)).toHaveLength(1)
    expect(readdirSync(guest.scratch).length).toBeGreaterThan(0)
    const started = Date.now()
    guest.child.kill('SIGTERM')
    const { code } = await exit
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(code).toBe(1)
    expect(guest.stderr()).toContain('cancelled: the guest was stopped')
    expect(qemuUnder(guest.scratch)).toEqual([])
    expect(readdirSync(guest.scratch)).toEqual([])
  }, 90_000)

  it('has the post step kill the guest and remove its files after the main step was SIGKILLed', async () => {
    const guest = startGuest('main')
    const exit = exited(guest.child)
    await waitFor('the guest to run its check', guest.running)
    guest.child.kill('SIGKILL')
    expect((await exit).signal).toBe('SIGKILL')
    // Nothing in the main step could stop it: the guest is still running.
    const orphans = qemuUnder(guest.scratch)
    expect(orphans).toHaveLength(1)

    const post = spawn('node', [CLI, 'boot-test-guest', '--phase', 'post', '--workspace', guest.workspace], {
      env: { ...process.env, RUNNER_TEMP: guest.scratch },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    post.stdout!.on('data', (chunk) => (out += chunk))
    const { code } = await exited(post)
    expect(code).toBe(0)
    expect(out).toContain('Stopped 1 process(es), removed 1 temporary folder(s)')
    expect(qemuUnder(guest.scratch)).toEqual([])
    expect(readdirSync(guest.scratch)).toEqual([])
  }, 90_000)
})
