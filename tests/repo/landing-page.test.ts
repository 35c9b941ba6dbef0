/**
 * @needs-system-tools rpmbuild, gpg, createrepo_c, dnf, chromium
 *
 * publish-repo's landing page, rendered in a real browser (Debian's headless Chromium driven by
 * puppeteer-core) and asserted through the DOM; a screenshot is kept in KVM_TEST_ARTIFACTS.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'puppeteer-core'
import { runCli } from '../../src/cli/main.js'
import { type PageData, readPageData } from '../../src/repo/landing-page.js'
import { launchBrowser, renderLandingPage } from '../support/browser.js'
import { makeSigningKey } from '../support/keys.js'
import { helloRpms, helloSrpm } from '../support/rpms.js'

const PASSPHRASE = 'landing page'
let key: string
let fingerprint: string
let browser: Browser

beforeAll(async () => {
  key = makeSigningKey('KVM Landing', PASSPHRASE)
  const home = mkdtempSync(join(tmpdir(), 'fpr-'))
  execFileSync('gpg', ['--batch', '--import'], {
    input: key,
    env: { ...process.env, GNUPGHOME: home },
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  fingerprint = /^fpr:(?:[^:]*:){8}([0-9A-F]{40}):/m.exec(
    execFileSync('gpg', ['--batch', '--with-colons', '--list-secret-keys'], {
      env: { ...process.env, GNUPGHOME: home },
      encoding: 'utf8',
    }),
  )![1]!
  execFileSync('gpgconf', ['--kill', 'all'], { env: { ...process.env, GNUPGHOME: home } })
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

async function publish(target: string, rpms: string[], extra: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const inputs = {
    target,
    rpms: JSON.stringify(rpms),
    'signing-key': key,
    passphrase: PASSPHRASE,
    'base-url': 'https://kvm.example.org/almalinux',
    'guide-url': 'https://example.org/docs/user-guide.md',
    ...extra,
  }
  const code = await runCli(
    ['publish-repo', ...Object.entries(inputs).flatMap(([name, value]) => ['--input', `${name}=${value}`])],
    { out: (t) => out.push(t), err: (t) => err.push(t), cwd: mkdtempSync(join(tmpdir(), 'ws-')) },
  )
  expect({ code, err: err.join('') }).toEqual({ code: 0, err: '' })
  return out.join('')
}

const render = (file: string, screenshot?: string) => renderLandingPage(browser, file, screenshot)

describe('the landing page', () => {
  it('shows how to enable the repository, the key, every package, the boot tests and the changelog', async () => {
    const target = mkdtempSync(join(tmpdir(), 'landing-'))
    const results = join(mkdtempSync(join(tmpdir(), 'boot-')), 'power9-nested')
    mkdirSync(results)
    writeFileSync(
      join(results, 'results.json'),
      JSON.stringify({
        checks: [
          { name: 'kvm_hv loads', exitCode: 0, output: 'nested=Y' },
          { name: 'L2 guest under KVM', exitCode: 0, output: '' },
        ],
        workloads: [
          { name: 'cpu-vm', guest: 'L2', exitCode: 0, metrics: [] },
          {
            name: 'cpu-vm',
            guest: 'L1',
            exitCode: 0,
            metrics: [],
            failure: 'kernel warning while it ran: WARNING: …',
          },
        ],
        timeline: { ready: 12_400, l2Ready: 11_900, end: 13_000 },
      }),
    )
    const v3 = [...(await helloRpms('3')), await helloSrpm('3', '.el9')]
    await publish(target, v3, { 'boot-results': results, 'attestation-repository': 'octo-org/kvm-power' })
    const live = join(target, '9', 'testing')
    const page = await render(join(live, 'index.html'), 'landing-page.png')

    expect(page.title).toBe('kvm-power testing — KVM on POWER for AlmaLinux 9')
    expect(page.rows.map((row) => `${row[0]} ${row[1]}`).sort()).toEqual([
      'Source kvm-hello-0:1.2.0-3.el9.src',
      'ppc64le kvm-hello-0:1.2.0-3.el9.noarch',
      'ppc64le kvm-hello-extras-0:1.2.0-3.el9.noarch',
      'ppc64le kvm-power-release-0:9-1.noarch',
    ])
    const hello = page.rows.find((row) => row[1] === 'kvm-hello-0:1.2.0-3.el9.noarch')!
    expect(hello[2]).toMatch(/^\d+ KiB$/)
    expect(hello[3]).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(hello[4]).toBe('kvm-hello-1.2.0-3.el9')
    expect(page.fingerprint.replace(/\s/g, '')).toBe(fingerprint)
    expect(page.enable).toBe(
      'sudo dnf install https://kvm.example.org/almalinux/9/testing/ppc64le/kvm-power-release-9-1.noarch.rpm',
    )
    expect(page.guide).toBe('https://example.org/docs/user-guide.md')
    expect(page.bootTests).toEqual([
      'power9-nested: FAIL (cpu-vm (L1)): 2 checks, 2 workloads, ready in 12.4 s, L2 ready in 11.9 s',
    ])
    expect(page.changelog).toEqual(['kvm-hello-1.2.0-3.el9'])
    // No external assets: the only request is the page itself.
    expect(page.external).toBe(0)
    expect(page.requests).toEqual([pathToFileURL(resolve(live, 'index.html')).href])
    const markdown = readFileSync(join(live, 'README.md'), 'utf8')
    expect(markdown).toContain(
      '| ppc64le | [kvm-hello-0:1.2.0-3.el9.noarch](ppc64le/kvm-hello-1.2.0-3.el9.noarch.rpm) |',
    )
    expect(markdown).toContain(`Key fingerprint: \``)
    // Build provenance: how to check a downloaded package against the attesting repository.
    const verify = [
      'curl -fsSO https://kvm.example.org/almalinux/9/testing/ppc64le/kvm-hello-1.2.0-3.el9.noarch.rpm',
      'gh attestation verify kvm-hello-1.2.0-3.el9.noarch.rpm --repo octo-org/kvm-power',
    ].join('\n')
    expect(page.verify).toBe(verify)
    expect(markdown).toContain(`\`\`\`sh\n${verify}\n\`\`\``)
  }, 300_000)

  it('shows no verify command when no repository attests the packages', async () => {
    const target = mkdtempSync(join(tmpdir(), 'landing-'))
    await publish(target, await helloRpms('3'))
    const page = await render(join(target, '9', 'testing', 'index.html'))
    expect(page.verify).toBe('')
    expect(readFileSync(join(target, '9', 'testing', 'README.md'), 'utf8')).not.toContain('gh attestation')
  }, 300_000)

  it('is switched in with the packages: a republish updates the live page and leaves the old state’s page as it was', async () => {
    const target = mkdtempSync(join(tmpdir(), 'landing-'))
    await publish(target, [...(await helloRpms('3')), await helloSrpm('3', '.el9')])
    const live = join(target, '9', 'testing')
    const first = readlinkSync(live)
    const before = readFileSync(join(first, 'index.html'), 'utf8')
    await publish(target, await helloRpms('4'))
    const second = readlinkSync(live)
    expect(second).not.toBe(first)
    const page = await render(join(live, 'index.html'), 'landing-page-republished.png')
    const nevras = page.rows.map((row) => row[1])
    expect(nevras).toContain('kvm-hello-0:1.2.0-4.el9.noarch')
    expect(nevras).toContain('kvm-hello-0:1.2.0-3.el9.noarch') // retention keeps 3 EVRs
    // The previous state, still there for rollback, kept its own page.
    expect(readFileSync(join(first, 'index.html'), 'utf8')).toBe(before)
    expect(before).not.toContain('1.2.0-4')
    // Each page was made from the previous one's data and the publish's changes: the same as
    // reading the state's whole metadata (primary.xml and other.xml) gives.
    const sorted = ({ rows, changelogs }: PageData) => ({
      rows: [...rows].sort((a, b) => `${a.folder} ${a.nevra}`.localeCompare(`${b.folder} ${b.nevra}`)),
      changelogs: [...changelogs].sort((a, b) => a.source.localeCompare(b.source)),
    })
    for (const state of [first, second]) {
      const kept = JSON.parse(readFileSync(join(state, 'landing-page.json'), 'utf8')) as PageData
      expect(kept.rows.length).toBeGreaterThan(3)
      expect(kept.changelogs.length).toBe(1)
      expect(sorted(kept)).toEqual(sorted(await readPageData(state, ['ppc64le', 'Source'])))
    }
  }, 300_000)
})
