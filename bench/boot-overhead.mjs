#!/usr/bin/env node
// boot-test-guest against bare qemu, in this run, with the same guest: the action runs its main
// phase only (so its work folder stays), then its own recorded qemu command line runs bare, and
// both times to the same console marker are compared. Simple scenario (marker KVM-ACTIONS-READY)
// and nested (the L2 guest's marker, relayed by L1). Target: at most 1.05. Then two guests at
// once against one alone on this machine (the parallel ratio). The post phase cleans up after.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
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
    let readyMs
    child.stdout.on('data', (chunk) => {
      buffer += chunk
      const lines = buffer.split('\n')
      buffer = lines.pop()
      if (readyMs === undefined && lines.some((line) => line.replace(/\r$/, '') === marker)) {
        readyMs = performance.now() - started
        process.kill(-child.pid, 'SIGKILL')
      }
    })
    child.on('error', reject)
    child.on('exit', () =>
      readyMs === undefined ? reject(new Error(`bare qemu never printed ${marker}`)) : resolve(readyMs),
    )
  })
}

async function post(workspace) {
  await run(['node', cli, 'boot-test-guest', '--phase', 'post', '--workspace', workspace], {
    env: { ...process.env, RUNNER_TEMP: workspace },
  })
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

for (const [scenario, marker] of [
  ['kernel', 'KVM-ACTIONS-READY'],
  ['nested', 'L2| KVM-ACTIONS-READY'],
]) {
  const actionReady = []
  const actionWall = []
  const bareReady = []
  for (let round = 0; round < rounds; round++) {
    const workspace = mkdtempSync(join(tmpdir(), `bench-boot-${scenario}-`))
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
  console.log(
    `${scenario}: guest time to marker under the action ${(median(actionReady) / 1000).toFixed(2)} s, ` +
      `bare qemu ${(median(bareReady) / 1000).toFixed(2)} s: ratio ${ratio.toFixed(3)} (target <= 1.05); ` +
      `whole action step ${(median(actionWall) / 1000).toFixed(2)} s (${2 * rounds} runs each, medians)`,
  )
}

// Two guests at once against one alone, each a whole action run in its own workspace.
const one = async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'bench-boot-parallel-'))
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
