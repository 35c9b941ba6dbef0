/**
 * @needs-system-tools nginx, rpmbuild, gpg, createrepo_c, dnf, curl, xmllint, chromium
 *
 * A published channel as its users reach it: served by Debian's nginx on loopback and used the
 * way the user guide says, in a dnf installroot. The landing page (read by a browser over HTTP)
 * gives the -release package's command and the key's fingerprint; every relative link on it
 * must answer. dnf installs the -release package from its http URL, imports the key (its
 * fingerprint must be the page's), installs kernel-kvm, qemu-kvm-core and libvirt-daemon-kvm,
 * and after a republish upgrades them. Through the republish, metadata readers (curl) check
 * that repomd.xml and the files it names always belong together; one reads repomd.xml before
 * the switch and the files after it. The same reader against a switch that drops the old
 * metadata files reports the mix, so the check can fail.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stopAgentsUnder } from '../../src/repo/dnf-check.js'
import { GpgHome } from '../../src/repo/gpg.js'
import { publish } from '../../src/repo/publish.js'
import { parseRepomd } from '../../src/repodata/repomd.js'
import type { Log } from '../../src/reporter.js'
import { launchBrowser } from '../support/browser.js'
import { makeSigningKey } from '../support/keys.js'
import { hypervisorStandIns } from '../support/rpms.js'
import { startNginx, type WebServer } from '../support/web-server.js'

const quiet: Log = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: (_, fn) => fn(),
}
const READER = join(import.meta.dirname, '..', 'support', 'metadata-reader.sh')
const PACKAGES = ['kernel-kvm', 'qemu-kvm-core', 'libvirt-daemon-kvm']

let work: string
let target: string
let server: WebServer
let gpg: GpgHome
const readers: ChildProcess[] = []

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'http-serve-'))
  target = join(work, 'tree')
  mkdirSync(target)
  server = await startNginx(target)
  gpg = await GpgHome.create(makeSigningKey('KVM Repo', 'correct horse'), 'correct horse')
}, 60_000)

afterAll(async () => {
  for (const reader of readers)
    if (reader.exitCode === null && reader.signalCode === null) reader.kill('SIGTERM')
  await Promise.all(readers.map((reader) => exited(reader)))
  await gpg?.close()
  await server?.stop()
  if (work) {
    await stopAgentsUnder(work)
    rmSync(work, { recursive: true, force: true })
  }
})

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()))

async function publishBuild(build: number, beforeSwitch?: (state: string) => Promise<void>) {
  return publish({
    target,
    releasever: '9',
    channel: 'testing',
    name: 'kvm-power',
    baseUrl: server.url,
    arches: ['ppc64le'],
    rpms: hypervisorStandIns(work, build),
    retention: 3,
    gpg,
    publicKey: await gpg.exportPublicKey(),
    dryRun: false,
    log: quiet,
    landingPage: { guideUrl: 'https://example.org/docs/user-guide.md', bootTests: [] },
    ...(beforeSwitch
      ? { beforeSwitch: (folders) => beforeSwitch(join(fileURLToPath(folders[0]!.repo.baseUrl), '..')) }
      : {}),
  })
}

/** A metadata reader (tests/support/metadata-reader.sh) of the served ppc64le folder, its lines as they come. */
function reader(mode: 'loop' | 'held') {
  const child = spawn('bash', [READER, `${server.url}/9/testing/ppc64le/`, mode], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  readers.push(child)
  const lines: string[] = []
  const waiting: { match: RegExp; resolve: (line: string) => void }[] = []
  let buffer = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    const complete = buffer.split('\n')
    buffer = complete.pop()!
    for (const line of complete) {
      lines.push(line)
      for (const wait of waiting.filter((w) => w.match.test(line))) {
        waiting.splice(waiting.indexOf(wait), 1)
        wait.resolve(line)
      }
    }
  })
  return {
    child,
    lines,
    /** The first line (already read or still to come) that matches. */
    line: (match: RegExp) =>
      new Promise<string>((resolve, reject) => {
        const seen = lines.find((l) => match.test(l))
        if (seen) return resolve(seen)
        waiting.push({ match, resolve })
        child.once('exit', () => reject(new Error(`the reader ended without ${match}: ${lines.join('\n')}`)))
      }),
  }
}

/** dnf and rpm as a host runs them, pointed at a private installroot (ppc64le, its own repos.d). */
function host(root: string) {
  const common = [
    '--installroot',
    root,
    '--forcearch',
    'ppc64le',
    '--releasever',
    '9',
    '--setopt',
    `reposdir=${join(root, 'etc', 'yum.repos.d')}`,
    '--setopt',
    `cachedir=${join(root, 'var', 'cache', 'dnf')}`,
    '--disableplugin',
    'local',
    '-y',
  ]
  mkdirSync(join(root, 'etc', 'yum.repos.d'), { recursive: true })
  return {
    dnf(args: string[]) {
      const run = spawnSync('dnf', [...common, ...args], { encoding: 'utf8' })
      return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` }
    },
    installed: () =>
      spawnSync(
        'rpm',
        ['--root', root, '-qa', '--qf', '%{name}-%{epochnum}:%{version}-%{release}.%{arch}\\n'],
        {
          encoding: 'utf8',
        },
      )
        .stdout.split('\n')
        .filter(Boolean)
        .sort(),
  }
}

/** The landing page as a browser shows it over HTTP, with every link's status. */
async function landingPage(url: string) {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    const response = await page.goto(url, { waitUntil: 'load' })
    const seen = await page.evaluate(() => ({
      fingerprint: document.querySelector('#fingerprint')?.textContent ?? '',
      enable: document.querySelector('#enable')?.textContent ?? '',
      links: [...document.querySelectorAll('a[href]')].map((a) => ({
        written: a.getAttribute('href') ?? '',
        resolved: (a as HTMLAnchorElement).href,
      })),
    }))
    const relative = seen.links.filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link.written))
    const broken: string[] = []
    for (const link of relative) {
      const answer = await fetch(link.resolved, { method: 'HEAD' })
      if (answer.status !== 200) broken.push(`${link.written}: ${answer.status}`)
    }
    return { status: response?.status(), ...seen, relative: relative.map((l) => l.written), broken }
  } finally {
    await browser.close()
  }
}

const sha256 = (file: string) => spawnSync('sha256sum', [file], { encoding: 'utf8' }).stdout.split(' ')[0]!

describe('a published channel over HTTP (nginx)', () => {
  it('installs as the user guide says, and upgrades across a republish that readers see switch at once', async () => {
    await publishBuild(1)
    const live = join(target, '9', 'testing')

    // The landing page, from the server: the command, the fingerprint, links that all answer.
    const page = await landingPage(`${server.url}/9/testing/`)
    expect(page.status).toBe(200)
    expect(page.broken).toEqual([])
    expect(page.relative).toEqual(
      expect.arrayContaining([
        'RPM-GPG-KEY-kvm-power',
        'kvm-power.repo',
        'ppc64le/kernel-kvm-5.14.0-570.12.1.kvm1.el9.ppc64le.rpm',
        'ppc64le/kvm-power-release-9-1.noarch.rpm',
      ]),
    )
    const enable = /^sudo (dnf install (http:\/\/\S+\/kvm-power-release-9-1\.noarch\.rpm))$/.exec(page.enable)
    expect(enable?.[2]).toBe(`${server.url}/9/testing/ppc64le/kvm-power-release-9-1.noarch.rpm`)

    // The guide's steps: the -release package from its URL, then the hypervisor packages; dnf
    // imports the key from the repository, and its fingerprint is the one the page shows.
    const user = host(join(work, 'host'))
    const release = user.dnf(enable![1]!.split(' ').slice(1))
    expect({ ok: release.ok, output: release.ok ? '' : release.output }).toEqual({ ok: true, output: '' })
    const install = user.dnf(['install', ...PACKAGES])
    expect({ ok: install.ok, output: install.ok ? '' : install.output }).toEqual({ ok: true, output: '' })
    expect(install.output).toMatch(/Importing GPG key 0x[0-9A-F]+:/)
    const imported = /Fingerprint: ([0-9A-F ]+)\n/.exec(install.output)?.[1]?.trim()
    expect(imported?.replace(/ /g, '')).toBe(page.fingerprint.replace(/\s/g, ''))
    expect(install.output).toContain(`From       : ${server.url}/9/testing/RPM-GPG-KEY-kvm-power`)
    expect(user.installed()).toEqual(
      expect.arrayContaining([
        'kernel-kvm-0:5.14.0-570.12.1.kvm1.el9.ppc64le',
        'kernel-core-0:5.14.0-570.12.1.kvm1.el9.ppc64le',
        'qemu-kvm-core-17:9.1.0-15.el9.kvm1.ppc64le',
        'libvirt-daemon-kvm-0:10.10.0-7.el9.kvm1.ppc64le',
        'kvm-power-release-0:9-1.noarch',
      ]),
    )

    // The republish, read throughout: one reader loops; another reads repomd.xml just before the
    // switch and the files it names just after it.
    const oldRepomd = sha256(join(live, 'ppc64le', 'repodata', 'repomd.xml'))
    const loop = reader('loop')
    await loop.line(new RegExp(`^round ${oldRepomd} `))
    let held: ReturnType<typeof reader> | undefined
    await publishBuild(2, async () => {
      held = reader('held')
      await held.line(/^held /)
    })
    const newRepomd = sha256(join(live, 'ppc64le', 'repodata', 'repomd.xml'))
    expect(newRepomd).not.toBe(oldRepomd)
    held!.child.stdin!.end('go\n')
    await exited(held!.child)
    expect(held!.lines).toEqual([
      `held ${oldRepomd}`,
      expect.stringMatching(new RegExp(`^round ${oldRepomd} ok \\d+$`)),
    ])
    await loop.line(new RegExp(`^round ${newRepomd} `))
    loop.child.kill('SIGTERM')
    await exited(loop.child)
    expect(loop.lines.filter((line) => !/ ok \d+$/.test(line))).toEqual([])
    expect(new Set(loop.lines.map((line) => line.split(' ')[1]))).toEqual(new Set([oldRepomd, newRepomd]))

    // The host upgrades to the republished build.
    const upgrade = user.dnf(['upgrade', '--refresh'])
    expect({ ok: upgrade.ok, output: upgrade.ok ? '' : upgrade.output }).toEqual({ ok: true, output: '' })
    expect(user.installed()).toEqual(
      expect.arrayContaining([
        'kernel-kvm-0:5.14.0-570.12.1.kvm2.el9.ppc64le',
        'qemu-kvm-core-17:9.1.0-15.el9.kvm2.ppc64le',
        'libvirt-daemon-kvm-0:10.10.0-7.el9.kvm2.ppc64le',
      ]),
    )
    expect(
      user.installed().filter((nevra) => /^(qemu-kvm-core|libvirt-daemon-kvm)-.*kvm1/.test(nevra)),
    ).toEqual([])

    // The check can fail: the same held read across a switch to a state without the previous
    // metadata files (what a plain switch gives) finds repomd.xml naming a file that is gone.
    const before = sha256(join(live, 'ppc64le', 'repodata', 'repomd.xml'))
    let control: ReturnType<typeof reader> | undefined
    await publishBuild(3, async (state) => {
      const repodata = join(state, 'ppc64le', 'repodata')
      const own = parseRepomd(readFileSync(join(repodata, 'repomd.xml'), 'utf8')).entries.map((e) => e.href)
      for (const name of readdirSync(repodata))
        if (!name.startsWith('repomd.xml') && !own.includes(`repodata/${name}`))
          unlinkSync(join(repodata, name))
      control = reader('held')
      await control.line(/^held /)
    })
    control!.child.stdin!.end('go\n')
    await exited(control!.child)
    expect(control!.lines).toEqual([
      `held ${before}`,
      expect.stringMatching(new RegExp(`^round ${before} MIXED repodata/\\S+: .*404`)),
    ])
  }, 300_000)
})
