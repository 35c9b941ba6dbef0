#!/usr/bin/env node
// boot-test-guest against bare qemu, in this run, with the same guest: the action runs its main
// phase only (so its work folder stays), then its own recorded qemu command line runs bare, and
// both times to the same console marker are compared. Simple scenario (marker KVM-ACTIONS-READY)
// and nested (the L2 guest's marker, relayed by L1). Target: at most 1.05. Then two guests at
// once against one alone on this machine (the parallel ratio). The post phase cleans up after.
// Nested has a second baseline: a minimal nested boot made by hand from the same parts (Debian's
// kernel as L1 and L2, the same L1 emulator, busybox-only L2, VOF at both levels), the floor the
// action's L0 -> L2-ready time is held to (target: at most 1.3 times it).
import { execFileSync, spawn } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const cli = join(root, 'dist', 'cli', 'index.js')
const kernels = '/var/cache/kvm-actions/guest-kernel'
const kernel = join(
  kernels,
  readdirSync(kernels).find((name) => name.startsWith('vmlinux-')),
)
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)

// Every folder this run makes goes when it ends, however it ends.
const made = []
const scratch = (prefix) => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130))

function run(argv, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], ...options })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (out += chunk))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, out }))
  })
}

/** Runs the action's main phase; returns its guest time-to-marker, wall time and recorded command. */
async function action(scenario, workspace) {
  const started = performance.now()
  const { code, out } = await run(
    [
      'node',
      cli,
      'boot-test-guest',
      '--phase',
      'main',
      '--workspace',
      workspace,
      '--input',
      `scenario=${scenario}`,
      '--input',
      `kernel=${kernel}`,
    ],
    { env: { ...process.env, RUNNER_TEMP: workspace } },
  )
  const wallMs = performance.now() - started
  if (code !== 0) throw new Error(`boot-test-guest ${scenario} failed:\n${out}`)
  const results = join(workspace, 'kvm-actions-results', 'boot-test-guest')
  const { timeline } = JSON.parse(readFileSync(join(results, 'results.json'), 'utf8'))
  const readyMs = scenario === 'nested' ? timeline.l2Ready : timeline.ready
  return { readyMs, wallMs, command: readFileSync(join(results, 'qemu-command.txt'), 'utf8').trim() }
}

/** The same command, bare: time from spawn to the marker line, then the guest is stopped. */
function bare(command, marker) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn('bash', ['-c', `exec ${command}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let buffer = ''
    let tail = ''
    let readyMs
    child.stdout.on('data', (chunk) => {
      tail = (tail + chunk).slice(-2000)
      buffer += chunk
      const lines = buffer.split('\n')
      buffer = lines.pop()
      const seen = (line) =>
        typeof marker === 'string' ? line.replace(/\r$/, '') === marker : marker.test(line)
      if (readyMs === undefined && lines.some(seen)) {
        readyMs = performance.now() - started
        process.kill(-child.pid, 'SIGKILL')
      }
    })
    child.on('error', reject)
    child.on('exit', () =>
      readyMs === undefined
        ? reject(new Error(`bare qemu never printed ${marker}; its console ended with:\n${tail}`))
        : resolve(readyMs),
    )
  })
}

/** A newc cpio of a staged folder. */
function cpio(dir, image) {
  execFileSync('bash', ['-c', 'cd "$1" && find . | cpio -o -H newc --quiet > "$2"', 'cpio', dir, image])
}

function stage(root, files, init) {
  for (const [target, source] of Object.entries(files)) {
    mkdirSync(join(root, target, '..'), { recursive: true })
    copyFileSync(source, join(root, target))
    chmodSync(join(root, target), 0o755)
  }
  for (const sub of ['proc', 'sys', 'dev']) mkdirSync(join(root, sub), { recursive: true })
  writeFileSync(join(root, 'init'), init, { mode: 0o755 })
}

/**
 * The minimal nested boot by hand: L1's /init loads kvm and kvm-hv and starts L2 under KVM;
 * L2's /init prints its marker. The L0 command is the action's own with this L1 initramfs.
 */
function minimalNestedCommand(actionCommand, dir) {
  const busybox = '/var/cache/kvm-actions/guest-busybox/bin/busybox'
  const qemuDir = '/var/cache/kvm-actions/guest-qemu'
  const kver = kernel.split('vmlinux-')[1]
  const kvm = join(kernels, 'modules', kver, 'kernel', 'arch', 'powerpc', 'kvm')
  const l2 = join(dir, 'l2')
  stage(
    l2,
    { 'bin/busybox': busybox },
    '#!/bin/busybox sh\n/bin/busybox echo MINIMAL-L2-READY\n/bin/busybox poweroff -f\n',
  )
  const l1 = join(dir, 'l1')
  mkdirSync(join(l1, 'l2'), { recursive: true })
  cpio(l2, join(l1, 'l2', 'initramfs.cpio'))
  const libs = Object.fromEntries(
    readdirSync(join(qemuDir, 'lib'))
      .filter((name) => name !== 'ld64.so.2')
      .map((name) => [`usr/lib/q/${name}`, join(qemuDir, 'lib', name)]),
  )
  stage(
    l1,
    {
      'bin/busybox': busybox,
      'usr/bin/qemu-system-ppc64': join(qemuDir, 'bin', 'qemu-system-ppc64'),
      'lib64/ld64.so.2': join(qemuDir, 'lib', 'ld64.so.2'),
      'usr/share/qemu/vof.bin': join(qemuDir, 'share', 'vof.bin'),
      'lib/kvm/kvm.ko': join(kvm, 'kvm.ko'),
      'lib/kvm/kvm-hv.ko': join(kvm, 'kvm-hv.ko'),
      'l2/vmlinux': kernel,
      ...libs,
    },
    [
      '#!/bin/busybox sh',
      '/bin/busybox mount -t proc proc /proc; /bin/busybox mount -t sysfs sys /sys; /bin/busybox mount -t devtmpfs dev /dev',
      '/bin/busybox insmod /lib/kvm/kvm.ko; /bin/busybox insmod /lib/kvm/kvm-hv.ko',
      '/lib64/ld64.so.2 --library-path /usr/lib/q /usr/bin/qemu-system-ppc64 -L /usr/share/qemu -M pseries,x-vof=on -accel kvm -m 512 -nographic -nodefaults -serial stdio -kernel /l2/vmlinux -initrd /l2/initramfs.cpio -append console=hvc0',
      '/bin/busybox poweroff -f',
      '',
    ].join('\n'),
  )
  const image = join(dir, 'l1.cpio')
  cpio(l1, image)
  return actionCommand.replace(/-initrd \S+/, `-initrd '${image}'`)
}

async function post(workspace) {
  await run(['node', cli, 'boot-test-guest', '--phase', 'post', '--workspace', workspace], {
    env: { ...process.env, RUNNER_TEMP: workspace },
  })
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

// BENCH_SCENARIOS=nested measures one part alone (a comma-separated subset of kernel, nested, parallel).
const parts = (process.env.BENCH_SCENARIOS ?? 'kernel,nested,parallel').split(',')
for (const [scenario, marker] of [
  ['kernel', 'KVM-ACTIONS-READY'],
  ['nested', 'L2| KVM-ACTIONS-READY'],
].filter(([name]) => parts.includes(name))) {
  const actionReady = []
  const actionWall = []
  const bareReady = []
  for (let round = 0; round < rounds; round++) {
    const workspace = scratch(`bench-boot-${scenario}-`)
    const measured = await action(scenario, workspace)
    actionReady.push(measured.readyMs)
    actionWall.push(measured.wallMs)
    bareReady.push(await bare(measured.command, marker))
    // The other order as well, so neither side always runs on warmer caches.
    const again = await bare(measured.command, marker)
    const second = await action(scenario, workspace)
    bareReady.push(again)
    actionReady.push(second.readyMs)
    actionWall.push(second.wallMs)
    await post(workspace)
  }
  const ratio = median(actionReady) / median(bareReady)
  if (scenario === 'nested') {
    const dir = scratch('bench-minimal-nested-')
    try {
      const workspace = scratch('bench-boot-minimal-')
      const { command } = await action('nested', workspace)
      const minimal = minimalNestedCommand(command, dir)
      const minimalReady = []
      for (let round = 0; round < 2 * rounds; round++)
        // L2's console reaches L0 through L1's terminal, which may add control characters.
        minimalReady.push(await bare(minimal, /MINIMAL-L2-READY/))
      await post(workspace)
      console.log(
        `nested-minimal: L0 -> L2 ready under the action ${(median(actionReady) / 1000).toFixed(2)} s, ` +
          `minimal nested boot by hand ${(median(minimalReady) / 1000).toFixed(2)} s: ratio ` +
          `${(median(actionReady) / median(minimalReady)).toFixed(3)} (target <= 1.3; ${2 * rounds} runs each, medians)`,
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  console.log(
    `${scenario}: guest time to marker under the action ${(median(actionReady) / 1000).toFixed(2)} s, ` +
      `bare qemu ${(median(bareReady) / 1000).toFixed(2)} s: ratio ${ratio.toFixed(3)} (target <= 1.05); ` +
      `whole action step ${(median(actionWall) / 1000).toFixed(2)} s (${2 * rounds} runs each, medians)`,
  )
}

if (parts.includes('parallel')) {
  // Two guests at once against one alone, each a whole action run in its own workspace.
  const one = async () => {
    const workspace = scratch('bench-boot-parallel-')
    const started = performance.now()
    await action('kernel', workspace)
    const ms = performance.now() - started
    await post(workspace)
    return ms
  }
  const alone = median(await Promise.all([one()]).then(async (first) => [...first, await one(), await one()]))
  const startedPair = performance.now()
  await Promise.all([one(), one()])
  const pair = performance.now() - startedPair
  console.log(
    `parallel: two guests at once ${(pair / 1000).toFixed(2)} s, one alone ${(alone / 1000).toFixed(2)} s: ratio ${(pair / alone).toFixed(2)} (2 cores; 1.0 is perfect overlap, 2.0 none)`,
  )
}
