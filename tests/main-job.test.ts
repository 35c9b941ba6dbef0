/**
 * @needs-system-tools
 * The README's first command, as a user runs it: the emulated pipeline end to end. */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const made: string[] = []
afterAll(() => {
  made.forEach((dir) => rmSync(dir, { recursive: true, force: true }))
  // The results folder itself, when these tests made it and nothing else is in it.
  const parent = join(ROOT, 'kvm-actions-results')
  if (existsSync(parent) && readdirSync(parent).length === 0) rmSync(parent, { recursive: true })
})

function mainJob(env: Record<string, string>) {
  // results-dir must be inside the workspace (the checkout): removed after the tests.
  const results = join(ROOT, 'kvm-actions-results', `main-job-test-${process.pid}-${Date.now()}`)
  made.push(results)
  const run = spawnSync('bash', ['scripts/main-job.sh'], {
    cwd: ROOT,
    env: { ...process.env, KVM_ACTIONS_MAIN_RESULTS: results, ...env },
    encoding: 'utf8',
  })
  return {
    ...run,
    summary: readFileSync(join(results, 'summary.md'), 'utf8'),
    results,
  }
}

describe('the main job', () => {
  it('runs build-kernel checks, the nested boot and a dnf-checked publish, and says so in one summary', () => {
    const run = mainJob({})
    expect(run.status).toBe(0)
    expect(run.summary).toMatch(
      /\| build-kernel: KVM profile and Kconfig checks \(build skipped\) \| pass \| [\d.]+ \|/,
    )
    expect(run.summary).toMatch(/\| boot-test-guest: nested KVM .* \| pass \|/)
    expect(run.summary).toMatch(/\| publish-repo: signed local repository, checked by dnf \| pass \|/)
    expect(run.stdout).toContain('Build skipped (input build is false)')
    expect(run.stdout).toMatch(/L2 guest under KVM\s+0/)
    // The live channel (a link to the state dnf checked) holds the signed source RPM.
    expect(readdirSync(join(run.results, 'repo', '9', 'testing', 'Source'))).toContain(
      'kernel-5.14.0-570.12.1.kvm1.el9.src.rpm',
    )
  }, 240_000)

  it('runs every step, then fails naming the step that failed', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'bad-kernel-')), 'vmlinux-broken')
    copyFileSync('/bin/true', bad)
    const run = mainJob({ KVM_ACTIONS_GUEST_KERNEL: bad })
    expect(run.status).toBe(1)
    expect(run.summary).toMatch(/\| boot-test-guest: nested KVM .* \| FAIL \(exit 1\) \|/)
    expect(run.summary).toMatch(/\| publish-repo: signed local repository, checked by dnf \| pass \|/)
    expect(run.stdout).toContain('main job: FAILED')
  }, 240_000)
})
