/**
 * @needs-system-tools
 * The README's first command, as a user runs it: the emulated pipeline end to end. */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { launchBrowser, renderLandingPage } from './support/browser.js'
import { runGuide } from './support/user-guide.js'

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

/** The exit code, with the job's last output when it differs: it says which step failed and why. */
function expectExit(run: { status: number | null; stdout: string; stderr: string }, code: number) {
  const output = `${run.stdout}${run.stderr}`.slice(-6000)
  expect({ status: run.status, output: run.status === code ? '' : output }).toEqual({
    status: code,
    output: '',
  })
}

describe('the main job', () => {
  it('publishes the repository the user guide enables: every runnable command of docs/user-guide.md passes, and a broken one fails', async () => {
    const run = mainJob({})
    expectExit(run, 0)
    const guide = readFileSync(join(ROOT, 'docs', 'user-guide.md'), 'utf8')
    const environment = { repositoryUrl: pathToFileURL(join(run.results, 'repo')).href, channel: 'testing' }
    const results = await runGuide(guide, environment)
    const failed = results.filter((result) => !result.ok)
    expect(
      failed.map(({ block, output }) => `line ${block.line} (${block.kind}): ${output.slice(-600)}`),
    ).toEqual([])
    expect(new Set(results.map((result) => result.block.kind))).toEqual(
      new Set(['dnf', 'shell', 'qemu', 'libvirt-domain']),
    )
    // The check can fail: a misspelt package name in a copy of the guide is caught, by line.
    const broken = guide.replace('kvm-power-release-9-1.noarch.rpm', 'kvm-power-relase-9-1.noarch.rpm')
    const line = guide.split('\n').findIndex((l) => l.includes('kvm-power-release-9-1.noarch.rpm'))
    const again = await runGuide(broken, environment)
    expect(again.filter((result) => !result.ok).map((result) => result.block.line)).toContain(line)

    // The repository's landing page, as a browser shows it.
    const live = join(run.results, 'repo', '9', 'testing')
    const keyFingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(
      spawnSync('gpg', ['--batch', '--with-colons', '--show-keys', join(live, 'RPM-GPG-KEY-kvm-power')], {
        encoding: 'utf8',
      }).stdout,
    )![1]!
    const browser = await launchBrowser()
    try {
      const page = await renderLandingPage(browser, join(live, 'index.html'), 'main-job-landing-page.png')
      expect(page.fingerprint.replace(/\s/g, '')).toBe(keyFingerprint)
      const rows = page.rows.map((row) => `${row[0]} ${row[1]}`)
      expect(rows).toHaveLength(2)
      expect(rows).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Source kernel-0:5\.14\.0-[0-9.]+\.kvm1\.el9\.src$/),
          'ppc64le kvm-power-release-0:9-1.noarch',
        ]),
      )
      expect(page.enable).toMatch(
        /^sudo dnf install file:\/\/.*\/9\/testing\/ppc64le\/kvm-power-release-9-1\.noarch\.rpm$/,
      )
      expect(page.changelog[0]).toMatch(/^kernel-5\.14\.0-/)
      // The boot test this run made, as the pipeline's page reports its matrix.
      expect(page.bootTests).toEqual([
        expect.stringMatching(/^boot-test-guest: pass: \d+ checks, ready in [\d.]+ s, L2 ready in [\d.]+ s$/),
      ])
    } finally {
      await browser.close()
    }
  }, 600_000)

  it('runs build-kernel checks, the nested boot and a dnf-checked publish, and says so in one summary', () => {
    const run = mainJob({})
    expectExit(run, 0)
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
    const badDir = mkdtempSync(join(tmpdir(), 'bad-kernel-'))
    made.push(badDir)
    const bad = join(badDir, 'vmlinux-broken')
    copyFileSync('/bin/true', bad)
    const run = mainJob({ KVM_ACTIONS_GUEST_KERNEL: bad })
    expectExit(run, 1)
    expect(run.summary).toMatch(/\| boot-test-guest: nested KVM .* \| FAIL \(exit 1\) \|/)
    expect(run.summary).toMatch(/\| publish-repo: signed local repository, checked by dnf \| pass \|/)
    expect(run.stdout).toContain('main job: FAILED')
    // A boot test that never started wrote no results: the page claims none rather than a pass.
    expect(readFileSync(join(run.results, 'repo', '9', 'testing', 'index.html'), 'utf8')).toContain(
      '<p id="boot-tests">No boot-test results were passed to this publish.</p>',
    )
  }, 240_000)
})
