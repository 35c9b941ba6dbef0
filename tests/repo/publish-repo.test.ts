/**
 * @needs-system-tools
 * publish-repo as users run it, with faults injected at every stage: the live tree never changes on failure. */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { hostSeesRepository } from '../support/dnf-host.js'
import { treeDigest } from '../support/fixtures.js'
import { makeSigningKey } from '../support/keys.js'
import { helloRpms, helloSrpm } from '../support/rpms.js'

const root = join(import.meta.dirname, '..', '..')
const PASSPHRASE = 'correct horse battery'
let key: string
let otherKey: string
let v3: string[]
let v4: string[]
/** This file's own scratch folder (RUNNER_TEMP): every GnuPG home and dnf root of its publishes lands there. */
const scratch = mkdtempSync(join(tmpdir(), 'publish-repo-scratch-'))
const runnerTempBefore = process.env.RUNNER_TEMP
/** Live gpg-agents whose home is under dir (zombies a container's init has not reaped do not count). */
const agentsUnder = (dir: string): string[] =>
  spawnSync('ps', ['-eo', 'stat=,args='], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((line) => /^\s*[^Z\s]\S*\s+gpg-agent/.test(line) && line.includes(dir))
beforeAll(async () => {
  process.env.RUNNER_TEMP = scratch
  key = makeSigningKey('KVM Repo', PASSPHRASE)
  otherKey = makeSigningKey('Someone Else', 'other pass')
  v3 = [...(await helloRpms('3')), await helloSrpm('3', '.el9')]
  v4 = await helloRpms('4')
}, 60_000)

function inputsFor(target: string, extra: Record<string, string> = {}): string[] {
  const all = { target, 'signing-key': key, passphrase: PASSPHRASE, ...extra }
  return Object.entries(all).flatMap(([name, value]) => ['--input', `${name}=${value}`])
}

async function cli(args: string[], env: Record<string, string> = {}) {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  const out: string[] = []
  const err: string[] = []
  try {
    const code = await runCli(args, {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      cwd: mkdtempSync(join(tmpdir(), 'ws-')),
    })
    return { code, out: out.join(''), err: err.join('') }
  } finally {
    process.env = saved
  }
}

/** A folder with fake programs that shadow the real ones on PATH. */
function shims(programs: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'shims-'))
  for (const [name, script] of Object.entries(programs)) {
    writeFileSync(join(dir, name), `#!/bin/bash\n${script}\n`)
    chmodSync(join(dir, name), 0o755)
  }
  return { PATH: `${dir}:${process.env.PATH}` }
}

/** What a host sees: the .repo file its -release package installs. */
async function hostInstallsRelease(target: string, channel: string): Promise<string> {
  return (await hostSeesRepository(target, channel, scratch)).repoFile
}

describe('publish-repo', () => {
  it('publishes a repository a host installs its -release package from, with gpgcheck and repo_gpgcheck', async () => {
    const target = mkdtempSync(join(tmpdir(), 'repo-'))
    const run = await cli([
      'publish-repo',
      ...inputsFor(target, { rpms: JSON.stringify(v3), 'base-url': 'https://repo.example.org/kvm' }),
    ])
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    const added = JSON.parse(/^added=(.*)$/m.exec(run.out)![1]!) as string[]
    expect(added.sort()).toEqual([
      'kvm-hello-0:1.2.0-3.el9.noarch',
      'kvm-hello-0:1.2.0-3.el9.src',
      'kvm-hello-extras-0:1.2.0-3.el9.noarch',
      'kvm-power-release-0:9-1.noarch',
    ])
    expect(run.out).toContain('baseurl=https://repo.example.org/kvm/$releasever/testing/$basearch/')
    // The full lists have a file twin in the results folder, whatever the outputs hold.
    const listsFile = /^packages-file=(.*)$/m.exec(run.out)![1]!
    expect(listsFile).toMatch(/kvm-actions-results\/publish-repo\/publish\.json$/)
    const lists = JSON.parse(readFileSync(listsFile, 'utf8')) as Record<string, string[]>
    expect(lists.added!.sort()).toEqual(added)
    expect(lists.kept).toEqual([])
    const repoFile = await hostInstallsRelease(target, 'testing')
    expect(repoFile).toContain('[kvm-power-testing]\n')
    expect(repoFile).toContain('repo_gpgcheck=1')
  }, 120_000)

  it('stages and verifies everything on a dry run, and switches nothing', async () => {
    const target = mkdtempSync(join(tmpdir(), 'repo-'))
    expect((await cli(['publish-repo', ...inputsFor(target, { rpms: JSON.stringify(v3) })])).code).toBe(0)
    const before = treeDigest(join(target, '9', 'testing/'))
    const run = await cli([
      'publish-repo',
      ...inputsFor(target, { rpms: JSON.stringify(v4), 'dry-run': 'true' }),
    ])
    expect(run.code).toBe(0)
    expect(run.out).toContain('Dry run: nothing switched.')
    expect(JSON.parse(/^added=(.*)$/m.exec(run.out)![1]!)).toEqual([
      'kvm-hello-0:1.2.0-4.el9.noarch',
      'kvm-hello-extras-0:1.2.0-4.el9.noarch',
    ])
    expect(treeDigest(join(target, '9', 'testing/'))).toEqual(before)
    expect(readdirStates(target)).toHaveLength(1)
  }, 120_000)

  const faults: [string, Record<string, string>, Record<string, string>, RegExp][] = [
    [
      'a bad key',
      { 'signing-key': 'garbage' },
      {},
      /^Configuration error: Input 'signing-key' is not an armored OpenPGP private key/m,
    ],
    [
      'a wrong passphrase',
      { passphrase: 'wrong' },
      {},
      /^Configuration error: Input 'passphrase' does not unlock the signing key/m,
    ],
    [
      'an unsigned RPM slipped in',
      {},
      shims({ rpmsign: 'exit 0' }),
      /^Test failure: refusing to publish: kvm-hello-1\.2\.0-4\.el9\.noarch\.rpm is not signed/m,
    ],
    [
      'an RPM signed by another key',
      {},
      {}, // filled in below, once the other key exists
      /^Test failure: refusing to publish: kvm-hello-1\.2\.0-4\.el9\.noarch\.rpm is signed by another key/m,
    ],
    [
      'createrepo_c failing',
      {},
      shims({ createrepo_c: 'echo "C_CREATEREPOLIB: Critical: disk full" >&2; exit 1' }),
      /^Infrastructure error: createrepo_c .* exited with code 1: C_CREATEREPOLIB: Critical: disk full/m,
    ],
    [
      'dnf verification failing',
      {},
      shims({ dnf: 'echo "Error: repomd.xml GPG signature verification error" >&2; exit 1' }),
      /^Test failure: dnf refuses the staged repository: Error: repomd.xml GPG signature verification error/m,
    ],
  ]

  it.each(faults)(
    'leaves the live tree as it was on %s',
    async (fault, inputs, env, message) => {
      const target = mkdtempSync(join(tmpdir(), 'repo-'))
      expect((await cli(['publish-repo', ...inputsFor(target, { rpms: JSON.stringify(v3) })])).code).toBe(0)
      const before = treeDigest(join(target, '9', 'testing/'))
      if (fault === 'an RPM signed by another key') Object.assign(env, foreignSigner())
      const run = await cli(
        ['publish-repo', ...inputsFor(target, { rpms: JSON.stringify(v4), ...inputs })],
        env,
      )
      expect(run.code).toBe(1)
      expect(run.err).toMatch(message)
      expect(treeDigest(join(target, '9', 'testing/'))).toEqual(before)
      expect(await hostInstallsRelease(target, 'testing')).toContain('[kvm-power-testing]')
      // No half-built state is left beside the live one.
      expect(readdirStates(target)).toHaveLength(1)
    },
    120_000,
  )

  it('leaves the live tree as it was when the process is killed mid-publish, and the next publish recovers', async () => {
    const target = mkdtempSync(join(tmpdir(), 'repo-'))
    expect((await cli(['publish-repo', ...inputsFor(target, { rpms: JSON.stringify(v3) })])).code).toBe(0)
    const before = treeDigest(join(target, '9', 'testing/'))
    const fifo = join(mkdtempSync(join(tmpdir(), 'fifo-')), 'started')
    execFileSync('mkfifo', [fifo])
    // createrepo_c that says it started, then blocks until it is killed.
    const env = {
      ...process.env,
      ...shims({ createrepo_c: `echo started > ${fifo}; exec -a stuck-createrepo-${process.pid} sleep 600` }),
      KVM_ACTIONS_CACHE: mkdtempSync(join(tmpdir(), 'c-')),
    }
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
    const child = spawn(
      'node',
      [
        join(root, 'dist/cli/index.js'),
        'publish-repo',
        ...inputsFor(target, { rpms: JSON.stringify(v4) }),
        '--phase',
        'main',
      ],
      { env, stdio: 'ignore', cwd: workspace },
    )
    const exited = new Promise((resolve) => child.on('exit', resolve))
    const reader = await open(fifo, 'r') // returns when createrepo_c has started
    await reader.readFile()
    await reader.close()
    child.kill('SIGKILL')
    await exited
    // The runner's post step (post-if: always()) runs even after main was killed.
    const post = spawnSync(
      'node',
      [join(root, 'dist/cli/index.js'), 'publish-repo', ...inputsFor(target), '--phase', 'post'],
      {
        env,
        cwd: workspace,
        encoding: 'utf8',
      },
    )
    expect(post.status).toBe(0)
    expect(post.stdout).toMatch(/removed 1 temporary folder/)
    // The stuck createrepo_c ran in a process group of its own, which SIGKILL of main does not reach.
    spawnSync('pkill', ['-f', `stuck-createrepo-${process.pid}`])
    expect(treeDigest(join(target, '9', 'testing/'))).toEqual(before)
    expect(existsSync(join(target, '.publish.lock'))).toBe(true) // held by the dead process
    const next = await cli(['publish-repo', ...inputsFor(target, { rpms: JSON.stringify(v4) })])
    expect(next.err).toBe('')
    expect(next.code).toBe(0)
    expect(readdirStates(target)).toHaveLength(2) // live and previous: the killed one was cleaned
  }, 120_000)

  it('never shows the passphrase or the private key in its output or summary', () => {
    const target = mkdtempSync(join(tmpdir(), 'repo-'))
    const summary = join(mkdtempSync(join(tmpdir(), 's-')), 'summary')
    writeFileSync(summary, '')
    const env: Record<string, string> = {
      PATH: process.env.PATH!,
      HOME: tmpdir(),
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: scratch,
      INPUT_TARGET: target,
      INPUT_RPMS: JSON.stringify(v3),
      'INPUT_SIGNING-KEY': key,
      INPUT_PASSPHRASE: PASSPHRASE,
      RUNNER_DEBUG: '1',
    }
    const ok = spawnSync('node', [join(root, 'dist/publish-repo/index.js')], { env, encoding: 'utf8' })
    const bad = spawnSync('node', [join(root, 'dist/publish-repo/index.js')], {
      env: { ...env, INPUT_PASSPHRASE: `${PASSPHRASE}x` },
      encoding: 'utf8',
    })
    expect(ok.status).toBe(0)
    expect(bad.status).toBe(1)
    // ::add-mask:: lines are the runner's masking protocol: it consumes them and never shows them.
    expect(ok.stdout).toContain(`::add-mask::${PASSPHRASE}`)
    const everything = [ok.stdout, ok.stderr, bad.stdout, bad.stderr, readFileSync(summary, 'utf8')]
      .join('\n')
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')
    expect(everything).toContain('Published to')
    expect(everything).not.toContain(PASSPHRASE)
    for (const line of key.split('\n').filter((l) => l.length > 20)) expect(everything).not.toContain(line)
  }, 120_000)
})

/** An rpmsign that signs with someone else's key: the check after signing must catch it. */
const foreignHomes: string[] = []

describe('after every publish', () => {
  it('leaves no gpg-agent running', () => {
    // The foreign signer is the test's own fake: stop its agents first.
    for (const home of foreignHomes) spawnSync('gpgconf', ['--homedir', home, '--kill', 'all'])
    // An agent told to stop exits within moments; wait for that, bounded.
    const deadline = Date.now() + 5000
    while (agentsUnder(scratch).length > 0 && Date.now() < deadline) spawnSync('sleep', ['0.05'])
    expect(agentsUnder(scratch)).toEqual([])
    if (runnerTempBefore === undefined) delete process.env.RUNNER_TEMP
    else process.env.RUNNER_TEMP = runnerTempBefore
  })
})

function foreignSigner(): Record<string, string> {
  const home = mkdtempSync(join(scratch, 'other-gnupg-'))
  execFileSync('gpg', ['--batch', '--import'], { input: otherKey, env: { ...process.env, GNUPGHOME: home } })
  writeFileSync(join(home, 'pp'), 'other pass')
  foreignHomes.push(home)
  const define = (macro: string) => `--define '${macro}'`
  return shims({
    rpmsign: [
      'files=(); for a in "$@"; do [[ "$a" == *.rpm ]] && files+=("$a"); done',
      `exec /usr/bin/rpmsign --addsign ${define('__gpg /usr/bin/gpg')} ${define(`_gpg_path ${home}`)} ${define('_gpg_name Someone Else')} ${define(`_gpg_sign_cmd_extra_args --batch --pinentry-mode loopback --passphrase-file ${home}/pp`)} "\${files[@]}"`,
    ].join('\n'),
  })
}

function readdirStates(target: string): string[] {
  return execFileSync('ls', [join(target, '.states')], { encoding: 'utf8' })
    .split('\n')
    .filter((name) => name && !name.endsWith('.previous'))
}
