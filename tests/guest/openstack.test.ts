/**
 * @needs-system-tools
 * launcher: openstack against a real single-node OpenStack (scripts/openstack-aio.sh): nova boots
 * the kernel scenario's guest from glance AKI/ARI images, the checks come back through the
 * console-log API, a panic fails the run naming it, nothing of the run survives (also after a
 * SIGKILL of main and its post phase), and `down` leaves no process.
 *
 * Installing the cloud (309 packages, about 4 minutes) and its boots (about 10 minutes) would take
 * half of .ci/run's budget: the real-cloud cases run where KVM_OPENSTACK=1 is set, in ci.yml's
 * openstack job, on every change. .ci/run keeps the domain reader and the input checks.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDomain } from '../../src/guest/launchers/openstack.js'
import { guestKernel, runBootTestGuest, waitFor } from '../support/guest.js'

const ROOT = join(import.meta.dirname, '..', '..')
const AIO = join(ROOT, 'scripts', 'openstack-aio.sh')
const CLI = join(ROOT, 'dist', 'cli', 'index.js')
const STATE = process.env.KVM_ACTIONS_OPENSTACK_DIR ?? '/var/lib/kvm-actions/openstack'
const CLOUD = {
  'openstack-cloud': 'kvm-actions-aio',
  'openstack-clouds-yaml': join(STATE, 'clouds.yaml'),
  'libvirt-uri': `qemu+unix:///system?socket=${STATE}/libvirt/run/libvirt-sock`,
}
const env = {
  ...process.env,
  OS_CLIENT_CONFIG_FILE: CLOUD['openstack-clouds-yaml'],
  OS_CLOUD: 'kvm-actions-aio',
}

const openstack = <T>(...args: string[]): T =>
  JSON.parse(execFileSync('openstack', [...args, '-f', 'json'], { env, encoding: 'utf8' })) as T

/** Servers and images of a run, as the cloud lists them. */
function ofRun(runId: string): string[] {
  const servers = openstack<{ Name: string }[]>('server', 'list', '--name', `^${runId}`).map((s) => s.Name)
  const images = openstack<{ Name: string }[]>('image', 'list', '--property', `kvm-actions-run=${runId}`).map(
    (i) => i.Name,
  )
  return [...servers, ...images]
}

/** The run id: the work folder's name, which names the server. */
const runIdOf = (dir: string): string =>
  readFileSync(join(dir, 'qemu-command.txt'), 'utf8').trim().split(' ').at(-1)!

/** Processes whose command line names the AIO's state folder. */
function aioProcesses(): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`${STATE}/`) && !line.includes(' ps -eo'))
}

describe('the domain nova defined', () => {
  it('is read for its architecture, machine, CPU and devices', () => {
    const domain = parseDomain(
      [
        "<domain type='qemu'><name>instance-1</name><os><type arch='ppc64le' machine='pseries-7.2'>hvm</type></os>",
        "<cpu mode='custom' match='exact'><model fallback='allow'>POWER8</model></cpu>",
        '<devices><emulator>/usr/bin/qemu-system-ppc64le</emulator>',
        "<disk type='file' device='disk'><target dev='vda' bus='virtio'/></disk>",
        "<controller type='usb' index='0' model='qemu-xhci'/>",
        "<console type='pty'><target type='serial' port='0'/></console>",
        "<panic model='pseries'/></devices></domain>",
      ].join(''),
    )
    expect(domain).toEqual({
      arch: 'ppc64le',
      machine: 'pseries-7.2',
      emulator: '/usr/bin/qemu-system-ppc64le',
      cpuMode: 'custom',
      cpuModel: 'POWER8',
      devices: ['disk[file]', 'controller[qemu-xhci]', 'console[pty]→serial', 'panic[pseries]'],
    })
  })
})

describe('the launcher’s inputs', () => {
  it('needs the cloud named, and says how', async () => {
    const run = await runBootTestGuest({ scenario: 'kernel', launcher: 'openstack', kernel: guestKernel() })
    expect(run.code).toBe(1)
    expect(run.out).toContain(
      "Input 'openstack-cloud' is required for launcher openstack; expected the cloud's entry name in clouds.yaml",
    )
    rmSync(run.workspace, { recursive: true, force: true })
  })

  it('refuses a scenario it does not boot', async () => {
    const run = await runBootTestGuest({ scenario: 'nested', launcher: 'openstack', 'openstack-cloud': 'x' })
    expect(run.code).toBe(1)
    expect(run.out).toMatch(/Input 'launcher' is openstack, which boots scenarios kernel; expected launcher/)
    rmSync(run.workspace, { recursive: true, force: true })
  })
})

const realCloud = process.env.KVM_OPENSTACK === '1'

describe('booting through nova on a real OpenStack', () => {
  // Declared only where they run (see the header), not skipped.
  if (!realCloud) return

  beforeAll(() => {
    execFileSync(AIO, ['up'], { stdio: 'ignore', timeout: 1_500_000 })
  }, 1_500_000)
  // The cloud's daemons never outlive the file, whichever of its tests ran.
  afterAll(() => {
    if (aioProcesses().length > 0) execFileSync(AIO, ['down'], { stdio: 'ignore', timeout: 300_000 })
  }, 300_000)

  const boot = (inputs: Record<string, string>) =>
    runBootTestGuest({
      scenario: 'kernel',
      launcher: 'openstack',
      kernel: guestKernel(),
      ...CLOUD,
      ...inputs,
    })

  it('boots the kernel scenario and reads its checks through the console-log API', async () => {
    const run = await boot({ checks: 'cpu: grep -m1 ^cpu /proc/cpuinfo\nrelease: uname -r' })
    expect(run.out).toMatch(/Launcher\s+openstack/)
    expect(run.code).toBe(0)
    const results = JSON.parse(readFileSync(join(run.dir, 'results.json'), 'utf8'))
    // nova asks for POWER8 for every emulated ppc64le guest.
    expect(results.checks[0].output).toMatch(/^cpu\s+: POWER8/)
    expect(results.checks.map((c: { exitCode: number }) => c.exitCode)).toEqual([0, 0])
    const domain = readFileSync(join(run.dir, 'domain.xml'), 'utf8')
    expect(domain).toMatch(/<type arch='ppc64le' machine='pseries[^']*'>hvm<\/type>/)
    expect(domain).toMatch(/<kernel>[^<]*kernel<\/kernel>/)
    expect(run.out).toMatch(/Through nova/)
    expect(run.out).toMatch(/ACTIVE/)
    expect(readFileSync(join(run.dir, 'console.log'), 'utf8')).toContain('KVM-ACTIONS-READY')
    const times = JSON.parse(readFileSync(join(run.dir, 'nova-timeline.json'), 'utf8'))
    expect(times.active).toBeGreaterThan(0)
    expect(times.ready).toBeGreaterThan(times.active)
    if (process.env.KVM_TEST_ARTIFACTS)
      writeFileSync(
        join(process.env.KVM_TEST_ARTIFACTS, 'openstack-nova-timeline.json'),
        JSON.stringify(times),
      )
    expect(ofRun(runIdOf(run.dir))).toEqual([])
    rmSync(run.workspace, { recursive: true, force: true })
  }, 600_000)

  it('fails a guest that panics, naming the panic, and leaves nothing of the run', async () => {
    const run = await boot({ checks: 'crash: echo c > /proc/sysrq-trigger' })
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /guest kernel panic at console line \d+: .*Kernel panic - not syncing: sysrq triggered crash/,
    )
    expect(ofRun(runIdOf(run.dir))).toEqual([])
    rmSync(run.workspace, { recursive: true, force: true })
  }, 600_000)

  it('has the post step delete the server and images after main was SIGKILLed', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'openstack-scratch-'))
    const workspace = mkdtempSync(join(tmpdir(), 'openstack-ws-'))
    const args = (phase: string) => [CLI, 'boot-test-guest', '--phase', phase, '--workspace', workspace]
    const inputs = Object.entries({
      scenario: 'kernel',
      launcher: 'openstack',
      kernel: guestKernel(),
      checks: 'hang: sleep 600',
      ...CLOUD,
    }).flatMap(([name, value]) => ['--input', `${name}=${value}`])
    const main: ChildProcess = spawn('node', [...args('main'), ...inputs], {
      env: { ...process.env, RUNNER_TEMP: scratch },
      stdio: 'ignore',
    })
    const exit = new Promise((resolve) => main.once('exit', resolve))
    const command = join(workspace, 'kvm-actions-results/boot-test-guest/qemu-command.txt')
    await waitFor('the server to be created', () => existsSync(command), 300_000)
    const runId = runIdOf(join(workspace, 'kvm-actions-results/boot-test-guest'))
    await waitFor('the server to be listed', () => ofRun(runId).includes(runId), 120_000)
    main.kill('SIGKILL')
    await exit
    expect(ofRun(runId)).toContain(runId)
    const post = spawn('node', args('post'), {
      env: { ...process.env, RUNNER_TEMP: scratch },
      stdio: 'pipe',
    })
    let out = ''
    post.stdout!.on('data', (chunk) => (out += chunk))
    const code = await new Promise((resolve) => post.once('exit', resolve))
    expect(code).toBe(0)
    expect(out).toMatch(new RegExp(`Deleted on cloud kvm-actions-aio: .*server ${runId}`))
    expect(ofRun(runId)).toEqual([])
    expect(readdirSync(scratch)).toEqual([])
    rmSync(scratch, { recursive: true, force: true })
    rmSync(workspace, { recursive: true, force: true })
  }, 900_000)

  it('stops every service with down and leaves no process', () => {
    expect(aioProcesses().length).toBeGreaterThan(5)
    const out = execFileSync(AIO, ['down'], { encoding: 'utf8', timeout: 300_000 })
    expect(out).toContain('stopped nova-compute')
    expect(out).toContain('no process of')
    expect(aioProcesses()).toEqual([])
    expect(execFileSync(AIO, ['status'], { encoding: 'utf8' })).not.toMatch(/running/)
  }, 300_000)
})
