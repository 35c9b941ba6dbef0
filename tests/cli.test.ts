// @needs-system-tools
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../src/cli/main.js'
import { fixtureTree, treeDigest, writeTree } from './support/fixtures.js'
import { guestKernel } from './support/guest.js'

const root = join(import.meta.dirname, '..')

async function cli(args: string[], cwd = mkdtempSync(join(tmpdir(), 'cli-'))) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd })
  return { code, out: out.join(''), err: err.join(''), cwd }
}

describe('kvm-actions (in process)', () => {
  it('lists the actions and explains itself', async () => {
    expect((await cli(['list'])).out).toBe(
      'check-upstream\nbuild-kernel\npatch-qemu\nboot-test-guest\npublish-repo\ntrack-metrics\n',
    )
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.out).toContain('Usage: kvm-actions <action>')
    const actionHelp = await cli(['boot-test-guest', '--help'])
    expect(actionHelp.out).toContain('boot-timeout (default: 10m)')
    expect(actionHelp.out).toContain('scenario (required)')
  })

  it('refuses unknown actions, inputs and options on one line', async () => {
    expect(await cli(['build-kernal'])).toMatchObject({
      code: 1,
      err: 'Configuration error: Unknown action "build-kernal"; expected one of check-upstream, build-kernel, patch-qemu, boot-test-guest, publish-repo, track-metrics.\n',
    })
    const unknownInput = await cli(['boot-test-guest', '--input', 'scenaro=kernel'])
    expect(unknownInput.code).toBe(1)
    expect(unknownInput.err).toMatch(
      /^Configuration error: Input 'scenaro' is not an input of boot-test-guest; expected one of scenario, /,
    )
    expect((await cli(['boot-test-guest', '--input', 'novalue'])).err).toContain('expected name=value')
    expect((await cli(['boot-test-guest', '--phase', 'later'])).err).toContain(
      'expected one of main, post, all',
    )
  })

  it('runs an action with main and post, printing the summary and outputs', async () => {
    const run = await cli([
      'boot-test-guest',
      '--input',
      'scenario=kernel',
      '--input',
      'accel=tcg',
      '--input',
      `kernel=${guestKernel()}`,
      '--input',
      'checks=uname: uname -m',
    ])
    expect(run.code).toBe(0)
    expect(run.out).toContain('✅ Boot-test guest: passed')
    expect(run.out).toMatch(/^accel=tcg$/m)
    expect(run.out).toMatch(/^result=pass$/m)
    expect(JSON.parse(/^checks=(.*)$/m.exec(run.out)![1]!)).toEqual([
      { name: 'uname', exitCode: 0, output: 'ppc64le\n' },
    ])
    expect(run.out).toContain('gantt')
    expect(readFileSync(join(run.cwd, 'kvm-actions-results/boot-test-guest/junit.xml'), 'utf8')).toContain(
      '<testcase classname="boot-test-guest" name="uname">',
    )
    expect(run.out).toContain(`results-dir=${join(run.cwd, 'kvm-actions-results/boot-test-guest')}`)
    expect(
      JSON.parse(readFileSync(join(run.cwd, 'kvm-actions-results/boot-test-guest/probe.json'), 'utf8')),
    ).toHaveProperty('platform')
    // The post phase removed the temporary folder that main recorded.
    expect(run.out).toContain('removed 1 temporary folder(s)')
  })

  it('fails with kvm forced on a host without KVM, as an infrastructure error', async () => {
    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
    if (/POWER\d/.test(cpuinfo)) return // a POWER runner may have KVM; the fake-host tests cover it there
    const run = await cli([
      'boot-test-guest',
      '--input',
      'scenario=kernel',
      '--input',
      'accel=kvm',
      '--input',
      `kernel=${guestKernel()}`,
    ])
    expect(run.code).toBe(1)
    expect(run.err).toMatch(
      /^Infrastructure error: accel is kvm but KVM is not usable: this host is \S+, not POWER\n/,
    )
  })
})

describe('the bundles, as the runner and a user run them', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['build-kernel', {}, "Input 'srpm' is required"],
    ['patch-qemu', { PACKAGES: 'edk2' }, 'Input \'packages\' has an invalid value "edk2"'],
    ['boot-test-guest', {}, "Input 'scenario' is required"],
    ['publish-repo', { RPMS: 'x.rpm' }, "Input 'target' is required"],
    ['check-upstream', {}, "Input 'published-url' is required"],
  ]

  function runBundle(file: string, inputs: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'))
    // RUNNER_TEMP as on a runner: the main phase alone leaves its work folder there.
    const env: Record<string, string> = {
      PATH: process.env.PATH!,
      HOME: dir,
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir,
    }
    for (const name of ['GITHUB_STEP_SUMMARY', 'GITHUB_OUTPUT', 'GITHUB_STATE']) {
      env[name] = join(dir, name.toLowerCase())
      writeFileSync(env[name], '')
    }
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name}`] = value
    const result = spawnSync('node', [join(root, file)], { env, cwd: dir, encoding: 'utf8' })
    return {
      ...result,
      summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
      state: readFileSync(env.GITHUB_STATE!, 'utf8'),
    }
  }

  it.each(cases)(
    '%s: a missing or malformed input fails with one line naming it',
    (action, inputs, message) => {
      const result = runBundle(`dist/${action}/index.js`, inputs)
      expect(result.status).toBe(1)
      const lines = result.stdout
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.startsWith('::debug'))
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(
        new RegExp(`^::error::Configuration error: ${message.replace(/[()]/g, '\\$&')}`),
      )
      expect(result.stderr).not.toMatch(/\n\s+at /) // no stack trace
      expect(result.summary).toContain('Configuration error')
    },
  )

  it.each([
    [
      'boot-test-guest',
      { SCENARIO: 'kernel', KERNEL: '/etc/hostname', 'BOOT-TIMEOUT': '-5m' },
      'Input \'boot-timeout\' has an invalid value "-5m"; expected a positive duration such as 90s, 15m or 1h30m.',
    ],
    [
      'build-kernel',
      { SRPM: '5.14.0 570.el9' },
      'Input \'srpm\' has an invalid value "5.14.0 570.el9"; expected a path to a .src.rpm',
    ],
    [
      'patch-qemu',
      { 'QEMU-KVM-SRPM': 'latest', 'BUILD-TIMEOUT': '0s' },
      'Input \'build-timeout\' has an invalid value "0s"',
    ],
    [
      'publish-repo',
      { RPMS: 'x.rpm', TARGET: 'repo', CHANNEL: 'Stable!' },
      'Input \'channel\' has an invalid value "Stable!"; expected lower-case letters',
    ],
    [
      'check-upstream',
      { 'PUBLISHED-URL': 'ftp://x' },
      'Input \'published-url\' has an invalid value "ftp://x"; expected a URL starting with https://, http://, file://',
    ],
  ])('%s: a malformed value fails naming the input and the accepted form', (action, inputs, message) => {
    const result = runBundle(`dist/${action}/index.js`, inputs)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(`::error::Configuration error: ${message}`)
  })

  it('the root action runs an action by name, and names a wrong one', () => {
    const wrong = runBundle('dist/suite/index.js', { ACTION: 'publish' })
    expect(wrong.status).toBe(1)
    expect(wrong.stdout).toContain(
      '::error::Configuration error: Input \'action\' has an invalid value "publish"; expected one of check-upstream, build-kernel',
    )
    const missing = runBundle('dist/suite/index.js', { ACTION: 'boot-test-guest' })
    expect(missing.stdout).toContain("::error::Configuration error: Input 'scenario' is required")
    const ok = runBundle('dist/suite/index.js', {
      ACTION: 'boot-test-guest',
      SCENARIO: 'kernel',
      ACCEL: 'tcg',
      KERNEL: guestKernel(),
    })
    expect(ok.status).toBe(0)
    expect(ok.summary).toContain('Boot-test guest: passed')
    // main marks the state so that the same bundle knows it is the post phase next time.
    expect(ok.state).toContain('isPost')
  })

  it('the CLI bundle is the package bin and behaves like the source', () => {
    const out = execFileSync(join(root, 'dist/cli/index.js'), ['list'], { encoding: 'utf8' })
    expect(out.split('\n')).toContain('publish-repo')
    const failed = spawnSync(join(root, 'dist/cli/index.js'), ['check-upstream'], { encoding: 'utf8' })
    expect(failed.status).toBe(1)
    expect(failed.stderr).toBe(
      "Configuration error: Input 'published-url' is required but was not given; expected a URL starting with https://, http://, file://.\n",
    )
  })
})

describe('kvm-actions autopatch', () => {
  const recipe = `actions:
  - replace:
    - target: spec
      rfind: '^(%global tools_only) 1$'
      replace: '\\1 0'
      count: 1
  - modify_release:
    - suffix: .kvm1
`

  it('applies a config to a dist-git tree and lists the edits', async () => {
    const tree = fixtureTree('qemu')
    const config = join(writeTree({ 'config.yaml': recipe }), 'config.yaml')
    const run = await cli(['autopatch', '--config', config, '--package', tree])
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(run.out).toContain('#1 replace SPECS/qemu-kvm.spec: 1 match(es)')
    expect(run.out).toContain(
      '#2 modify_release SPECS/qemu-kvm.spec: Release: 15%{?rcrel}%{?dist}%{?cc_suffix}.kvm1',
    )
    expect(readFileSync(join(tree, 'SPECS', 'qemu-kvm.spec'), 'utf8')).not.toContain('tools_only 1')
  })

  it('fails with one line and leaves the tree alone when the recipe does not fit', async () => {
    const tree = fixtureTree('hello')
    const before = treeDigest(tree)
    const config = join(writeTree({ 'config.yaml': recipe }), 'config.yaml')
    const run = spawnSync(
      join(root, 'dist/cli/index.js'),
      ['autopatch', '--config', config, '--package', tree],
      { encoding: 'utf8' },
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(
      "Configuration error: autopatch action replace #1 (SPECS/kvm-hello.spec): '^(%global tools_only) 1$' matches nothing\n",
    )
    expect(treeDigest(tree)).toEqual(before)
    expect((await cli(['autopatch', '--package', tree])).err).toBe(
      'Configuration error: Option --config is required; see kvm-actions autopatch --help.\n',
    )
  })
})
