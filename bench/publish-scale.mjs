#!/usr/bin/env node
// publish-repo adding one RPM to a repository of N RPMs, through the bundled CLI, against the
// unavoidable steps done by hand on the same change (the key imported from its secret into a
// fresh GnuPG home, as every CI run must, rpmsign of the one RPM, createrepo_c --update,
// signing repomd.xml, one dnf makecache with repo_gpgcheck, the agents stopped). Targets:
// action/by-hand at most 1.1 at 1,000 and at 10,000 RPMs. The first publish of N RPMs is timed
// against the same by hand (rpmsign of all N, createrepo_c, the signature, a dnf read): target
// at most 1.2 at 10,000. Each action run's phases (publish.json's `phases`, in ms) are printed,
// the rest of its wall time being Node's start, the bundle's loading and the post step. And the
// signing rate of the GnuPG home with gpg-agent's default key protection against the one
// publish-repo uses (s2k-count 65536), signing the same RPMs by hand in this run. The by-hand
// baseline's home uses the same setting, so the ratio stays honest.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number)
const scratch = mkdtempSync(join(tmpdir(), 'bench-publish-'))
// However the run ends (a failed step throws), no agent and no scratch folder stay behind.
process.on('exit', () => {
  spawnSync('bash', [
    '-c',
    'for d in $(find "$1" -name pubring.kbx -printf "%h\\n"); do gpgconf --homedir "$d" --kill all; done',
    'x',
    scratch,
  ])
  rmSync(scratch, { recursive: true, force: true })
})
const PASSPHRASE = 'bench passphrase'

function time(fn) {
  const started = performance.now()
  fn()
  return (performance.now() - started) / 1000
}

/** count noarch RPMs from one spec (subpackages), named prefix-pN. */
function makeRpms(count, prefix) {
  const dir = join(scratch, `${prefix}-${count}`)
  mkdirSync(dir)
  const lines = [
    `Name: ${prefix}`,
    'Version: 1',
    'Release: 1',
    'Summary: bench',
    'License: MIT',
    'BuildArch: noarch',
    '%description',
    'bench',
    '',
  ]
  for (let i = 0; i < count; i++)
    lines.push(
      `%package p${i}`,
      `Summary: p${i}`,
      `%description p${i}`,
      'p',
      `%files p${i}`,
      `/usr/share/${prefix}/p${i}`,
      '',
    )
  lines.push(
    '%install',
    `mkdir -p %{buildroot}/usr/share/${prefix}`,
    `for i in $(seq 0 ${count - 1}); do echo $i > %{buildroot}/usr/share/${prefix}/p$i; done`,
  )
  writeFileSync(join(dir, 'bench.spec'), lines.join('\n') + '\n')
  execFileSync('rpmbuild', ['-bb', '--quiet', '--define', `_topdir ${dir}/top`, join(dir, 'bench.spec')], {
    stdio: 'ignore',
  })
  return join(dir, 'top', 'RPMS', 'noarch')
}

function makeKey() {
  const home = mkdtempSync(join(scratch, 'gnupg-'))
  const env = { ...process.env, GNUPGHOME: home }
  writeFileSync(
    join(home, 'p'),
    `Key-Type: RSA\nKey-Length: 2048\nName-Real: Bench\nName-Email: bench@example.org\nExpire-Date: 0\nPassphrase: ${PASSPHRASE}\n%commit\n`,
  )
  execFileSync('gpg', ['--batch', '--gen-key', join(home, 'p')], { env, stdio: 'ignore' })
  const secret = execFileSync(
    'gpg',
    ['--batch', '--pinentry-mode', 'loopback', '--passphrase', PASSPHRASE, '--armor', '--export-secret-keys'],
    { env, encoding: 'utf8' },
  )
  const fingerprint = /^fpr:(?:[^:]*:){8}([0-9A-F]{40}):/m.exec(
    execFileSync('gpg', ['--batch', '--with-colons', '--list-secret-keys'], { env, encoding: 'utf8' }),
  )[1]
  writeFileSync(join(home, 'passphrase'), PASSPHRASE)
  return { home, env, secret, fingerprint }
}

const key = makeKey()
const extra = join(makeRpms(1, 'extra'), 'extra-p0-1-1.noarch.rpm')

/**
 * publish-repo through the bundled CLI; fails the bench unless it published what was asked.
 * Returns its wall time and its phases (ms), read from its publish.json.
 */
function action(target, rpms, expectAdded) {
  const workspace = mkdtempSync(join(scratch, 'workspace-'))
  const started = performance.now()
  const out = execFileSync(
    'node',
    [
      join(root, 'dist/cli/index.js'),
      'publish-repo',
      '--input',
      `target=${target}`,
      '--input',
      `rpms=${rpms}`,
      '--input',
      'retention=5',
    ],
    {
      cwd: workspace,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      // Secrets through the environment, as the runner passes inputs: never on a command line.
      env: {
        ...process.env,
        KVM_ACTIONS_CACHE: join(scratch, 'cache'),
        'INPUT_SIGNING-KEY': key.secret,
        INPUT_PASSPHRASE: PASSPHRASE,
      },
    },
  )
  const seconds = (performance.now() - started) / 1000
  if (!out.includes(expectAdded)) throw new Error(`publish-repo did not add ${expectAdded}:\n${out}`)
  const { phases } = JSON.parse(
    readFileSync(join(workspace, 'kvm-actions-results', 'publish-repo', 'publish.json'), 'utf8'),
  )
  rmSync(workspace, { recursive: true, force: true })
  return { seconds, phases }
}

/** One line: each phase in seconds, then what the phases leave of the wall time. */
function breakdown({ seconds, phases }) {
  const inPhases = Object.values(phases).reduce((a, b) => a + b, 0) / 1000
  return [
    ...Object.entries(phases).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)}`),
    `node start, loading and post ${(seconds - inPhases).toFixed(2)}`,
  ].join(', ')
}

const SIGN = (home) => [
  '--define',
  '__gpg /usr/bin/gpg',
  '--define',
  `_gpg_path ${home}`,
  '--define',
  `_gpg_name ${key.fingerprint}`,
  '--define',
  '_gpg_digest_algo sha256',
  '--define',
  `_gpg_sign_cmd_extra_args --batch --pinentry-mode loopback --passphrase-file ${join(key.home, 'passphrase')}`,
]

/**
 * The by-hand tail of every publish: repomd.xml signed (over the previous signature, if any),
 * dnf's read of the new metadata, the agent stopped.
 */
function signRepomdAndRead(folder, env, dnfRoot) {
  execFileSync(
    'gpg',
    [
      '--batch',
      '--pinentry-mode',
      'loopback',
      '--passphrase-file',
      join(key.home, 'passphrase'),
      '-u',
      key.fingerprint,
      '--armor',
      '--detach-sign',
      '--yes',
      join(folder, 'repodata', 'repomd.xml'),
    ],
    { env },
  )
  dnfRead(dnfRoot)
  execFileSync('gpgconf', ['--kill', 'gpg-agent'], { env })
}

/**
 * The first publish of a folder of RPMs by hand: the key into a fresh home, rpmsign of every RPM
 * (in batches of 200, as publish-repo), createrepo_c, the signed repomd.xml, a dnf read, the
 * agents stopped.
 */
function firstByHand(rpms) {
  const repo = join(scratch, `first-by-hand-${Date.now()}`)
  const folder = join(repo, 'ppc64le')
  mkdirSync(folder, { recursive: true })
  const files = readdirSync(rpms).map((name) => {
    cpSync(join(rpms, name), join(folder, name))
    return join(folder, name)
  })
  const home = mkdtempSync(join(scratch, 'first-gnupg-'))
  writeFileSync(join(home, 'gpg-agent.conf'), 's2k-count 65536\n')
  const env = { ...process.env, GNUPGHOME: home }
  const dnfRoot = join(repo, '.dnf')
  mkdirSync(join(dnfRoot, 'repos'), { recursive: true })
  const seconds = time(() => {
    execFileSync('gpg', ['--batch', '--import'], {
      input: key.secret,
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    })
    writeFileSync(
      join(dnfRoot, 'repos', 'b.repo'),
      `[b]\nname=b\nbaseurl=file://${folder}\ngpgcheck=1\nrepo_gpgcheck=1\ngpgkey=file://${join(repo, 'key')}\nskip_if_unavailable=False\n`,
    )
    execFileSync('gpg', ['--batch', '--armor', '--export', '--output', join(repo, 'key'), key.fingerprint], {
      env,
    })
    for (let start = 0; start < files.length; start += 200)
      execFileSync('rpmsign', ['--addsign', ...SIGN(home), ...files.slice(start, start + 200)], {
        stdio: 'ignore',
      })
    execFileSync('createrepo_c', ['--quiet', '--general-compress-type', 'gz', folder])
    signRepomdAndRead(folder, env, dnfRoot)
  })
  rmSync(repo, { recursive: true, force: true })
  return seconds
}

/** dnf makecache with repo_gpgcheck in dnfRoot, then its keyring agents stopped. */
function dnfRead(dnfRoot) {
  execFileSync(
    'dnf',
    [
      '--installroot',
      join(dnfRoot, 'root'),
      '--setopt',
      `reposdir=${join(dnfRoot, 'repos')}`,
      '--setopt',
      `cachedir=${join(dnfRoot, 'cache')}`,
      '--releasever',
      '9',
      '--forcearch',
      'ppc64le',
      '-q',
      '-y',
      'makecache',
    ],
    { stdio: 'ignore' },
  )
  // A runner must not keep the agents a publish started (the action stops its own too).
  execFileSync('bash', [
    '-c',
    'for d in $(find "$1" -name pubring.kbx -printf "%h\\n"); do gpgconf --homedir "$d" --kill gpg-agent; done',
    'x',
    dnfRoot,
  ])
}

/** The same change by hand on a copy of the live state: the steps no tool can skip. */
function byHand(live) {
  const repo = join(scratch, `by-hand-${Date.now()}`)
  cpSync(live, repo, { recursive: true, dereference: true })
  const folder = join(repo, 'ppc64le')
  const rpm = join(folder, 'extra-p0-1-1.noarch.rpm')
  cpSync(extra, rpm)
  const home = mkdtempSync(join(scratch, 'fresh-gnupg-'))
  writeFileSync(join(home, 'gpg-agent.conf'), 's2k-count 65536\n')
  const env = { ...process.env, GNUPGHOME: home }
  const gpgArgs = `--batch --pinentry-mode loopback --passphrase-file ${join(key.home, 'passphrase')}`
  const dnfRoot = join(repo, '.dnf')
  mkdirSync(join(dnfRoot, 'repos'), { recursive: true })
  writeFileSync(
    join(dnfRoot, 'repos', 'b.repo'),
    `[b]\nname=b\nbaseurl=file://${folder}\ngpgcheck=1\nrepo_gpgcheck=1\ngpgkey=file://${repo}/RPM-GPG-KEY-kvm-power\nskip_if_unavailable=False\n`,
  )
  const seconds = time(() => {
    execFileSync('gpg', ['--batch', '--import'], {
      input: key.secret,
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    })
    execFileSync(
      'rpmsign',
      [
        '--addsign',
        '--define',
        '__gpg /usr/bin/gpg',
        '--define',
        `_gpg_path ${home}`,
        '--define',
        `_gpg_name ${key.fingerprint}`,
        '--define',
        `_gpg_sign_cmd_extra_args ${gpgArgs}`,
        rpm,
      ],
      { stdio: 'ignore' },
    )
    execFileSync('createrepo_c', ['--quiet', '--update', folder])
    signRepomdAndRead(folder, env, dnfRoot)
  })
  rmSync(repo, { recursive: true, force: true })
  return seconds
}

/** Seconds to rpmsign count RPMs one by one in a fresh home, with or without the fast agent setting. */
function signingTime(rpms, count, fast) {
  const home = mkdtempSync(join(scratch, 'sign-gnupg-'))
  if (fast) writeFileSync(join(home, 'gpg-agent.conf'), 's2k-count 65536\n')
  const env = { ...process.env, GNUPGHOME: home }
  execFileSync('gpg', ['--batch', '--import'], {
    input: key.secret,
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  const copies = mkdtempSync(join(scratch, 'sign-copies-'))
  const files = readdirSync(rpms)
    .slice(0, count)
    .map((name) => {
      cpSync(join(rpms, name), join(copies, name))
      return join(copies, name)
    })
  const seconds = time(() => {
    for (const file of files)
      execFileSync(
        'rpmsign',
        [
          '--addsign',
          '--define',
          '__gpg /usr/bin/gpg',
          '--define',
          `_gpg_path ${home}`,
          '--define',
          `_gpg_name ${key.fingerprint}`,
          '--define',
          `_gpg_sign_cmd_extra_args --batch --pinentry-mode loopback --passphrase-file ${join(key.home, 'passphrase')}`,
          file,
        ],
        { stdio: 'ignore' },
      )
  })
  execFileSync('gpgconf', ['--kill', 'all'], { env })
  rmSync(copies, { recursive: true, force: true })
  return seconds
}

const results = {}
for (const size of sizes) {
  const target = join(scratch, `repo-${size}`)
  const rpms = makeRpms(size, `bench${size}`)
  if (size === sizes[0]) {
    const count = Math.min(size, 20)
    const slow = signingTime(rpms, count, false)
    const fast = signingTime(rpms, count, true)
    console.log(
      `signing ${count} RPMs by hand: default agent ${slow.toFixed(2)} s, s2k-count 65536 ${fast.toFixed(2)} s, ${(slow / fast).toFixed(1)}× faster`,
    )
  }
  const firstHand = firstByHand(rpms)
  const first = action(target, rpms, `bench${size}-p0-0:1-1.noarch`) // the existing repository
  console.log(
    `${size} RPMs: first publish ${first.seconds.toFixed(1)} s, by hand ${firstHand.toFixed(1)} s, ratio ${(first.seconds / firstHand).toFixed(2)} (target <= 1.2 at 10,000)`,
  )
  console.log(`${size} RPMs: first publish phases (s): ${breakdown(first)}`)
  const live = join(target, '9', 'testing')
  const hand = byHand(live)
  const act = action(target, extra, 'extra-p0-0:1-1.noarch')
  results[size] = { act: act.seconds, hand }
  console.log(
    `${size} RPMs: action ${act.seconds.toFixed(2)} s, by hand ${hand.toFixed(2)} s, ratio action/by-hand ${(act.seconds / hand).toFixed(2)} (target <= 1.1)`,
  )
  console.log(`${size} RPMs: one RPM added, phases (s): ${breakdown(act)}`)
}
if (results[1000] && results[10000]) {
  console.log(
    `10,000 vs 1,000 RPMs: action ${(results[10000].act / results[1000].act).toFixed(2)}x, by hand ${(results[10000].hand / results[1000].hand).toFixed(2)}x`,
  )
}
