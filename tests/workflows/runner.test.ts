/**
 * @needs-system-tools
 * The local workflow runner itself, on small workflows written here, against this repository. */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FakeGitHub, startFakeGitHub } from '../support/workflow-runner/github-api.js'
import { type RunnerOptions, WorkflowRunner, WorkflowSyntaxError } from '../support/workflow-runner/runner.js'

const ROOT = join(import.meta.dirname, '..', '..')
const SHA = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
const CHECKOUT = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8'
const UPLOAD = 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02'
const DOWNLOAD = 'actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093'
const ATTEST = 'actions/attest@1e69f48acb82d1966a394da916b4c1698aa569d6'

let scratch: string
let github: FakeGitHub
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'runner-test-'))
  github = await startFakeGitHub('kvm/actions')
})
afterAll(async () => {
  await github.close()
  rmSync(scratch, { recursive: true, force: true })
})

function runner(extra: Partial<RunnerOptions> = {}): WorkflowRunner {
  return new WorkflowRunner({
    repository: { name: 'kvm/actions', dir: ROOT, sha: SHA },
    runners: [
      { name: 'hosted', labels: ['ubuntu-24.04'] },
      { name: 'power-build', labels: ['self-hosted', 'ppc64le', 'build'] },
    ],
    github: { url: github.url, token: github.token },
    workDir: mkdtempSync(join(scratch, 'work-')),
    ...extra,
  })
}

let count = 0
function workflow(text: string, name = `wf-${++count}.yml`): string {
  const dir = join(scratch, 'workflows')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, name), text)
  return join(dir, name)
}

describe('the local workflow runner', () => {
  it('runs jobs in needs order with if:, env, matrices, outputs and the runner files', async () => {
    const file = workflow(`
on: workflow_dispatch
env:
  GREETING: hello
jobs:
  first:
    runs-on: ubuntu-24.04
    outputs:
      word: \${{ steps.make.outputs.word }}
    steps:
      - id: make
        run: |
          echo "word=$GREETING-world" >> "$GITHUB_OUTPUT"
          echo "LATER=from-env-file" >> "$GITHUB_ENV"
          mkdir -p "$RUNNER_TEMP/bin" && printf '#!/bin/sh\\necho tool-ran\\n' > "$RUNNER_TEMP/bin/mytool" && chmod +x "$RUNNER_TEMP/bin/mytool"
          echo "$RUNNER_TEMP/bin" >> "$GITHUB_PATH"
      - run: test "$LATER" = from-env-file && mytool && echo '### summary line' >> "$GITHUB_STEP_SUMMARY"
  second:
    needs: first
    strategy:
      matrix:
        cpu: [power9, power10]
        include:
          - cpu: power10
            extra: yes
    runs-on: [self-hosted, ppc64le]
    steps:
      - run: echo "\${{ needs.first.outputs.word }} \${{ matrix.cpu }} \${{ matrix.extra }}" > out.txt && cat out.txt
  skipped:
    needs: first
    if: needs.first.outputs.word == 'nope'
    runs-on: ubuntu-24.04
    steps:
      - run: exit 1
  after-skip:
    needs: skipped
    runs-on: ubuntu-24.04
    steps:
      - run: exit 1
`)
    const lines: string[] = []
    const run = await runner({ log: (line) => lines.push(line) }).run(file, { name: 'workflow_dispatch' })
    expect(run.result).toBe('success')
    expect(run.jobs.map((job) => [job.path, job.result, job.runner ?? null])).toEqual(
      expect.arrayContaining([
        ['first', 'success', 'hosted'],
        ['second (power9)', 'success', 'power-build'],
        ['second (power10, yes)', 'success', 'power-build'],
        ['skipped', 'skipped', null],
        ['after-skip', 'skipped', null],
      ]),
    )
    expect(run.jobs.find((job) => job.path === 'first')!.outputs).toEqual({ word: 'hello-world' })
    expect(run.jobs.find((job) => job.path === 'first')!.summary).toBe('### summary line\n')
    expect(lines).toEqual(
      expect.arrayContaining(['[first] tool-ran', '[second (power10, yes)] hello-world power10 yes']),
    )
    const order = run.timeline.filter((entry) => entry.kind === 'job-started').map((entry) => entry.job)
    expect(order[0]).toBe('first')
  })

  it('calls a reusable workflow with inputs, declared secrets and outputs, and masks secrets', async () => {
    const repo = mkdtempSync(join(scratch, 'repo-'))
    execFileSync('git', ['init', '-q', repo])
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true })
    writeFileSync(
      join(repo, '.github', 'workflows', 'called.yml'),
      `
on:
  workflow_call:
    inputs:
      size:
        type: number
        default: 3
      flag:
        type: boolean
        required: true
    secrets:
      token:
        required: true
    outputs:
      doubled:
        value: \${{ jobs.work.outputs.doubled }}
jobs:
  work:
    runs-on: ubuntu-24.04
    outputs:
      doubled: \${{ steps.calc.outputs.doubled }}
    steps:
      - id: calc
        env:
          TOKEN: \${{ secrets.token }}
        run: |
          echo "the token is $TOKEN"
          echo "doubled=$(( \${{ inputs.size }} * 2 ))-\${{ inputs.flag }}" >> "$GITHUB_OUTPUT"
`,
    )
    writeFileSync(
      join(repo, '.github', 'workflows', 'caller.yml'),
      `
on: push
jobs:
  call:
    uses: ./.github/workflows/called.yml
    with:
      flag: true
    secrets:
      token: \${{ secrets.MY_TOKEN }}
  show:
    needs: call
    runs-on: ubuntu-24.04
    steps:
      - run: test "\${{ needs.call.outputs.doubled }}" = 6-true
`,
    )
    const lines: string[] = []
    const local = runner({
      repository: { name: 'kvm/actions', dir: repo, sha: 'local' },
      secrets: { MY_TOKEN: 'very-secret-value' },
      log: (line) => lines.push(line),
    })
    const run = await local.run('.github/workflows/caller.yml', { name: 'push' })
    expect(run.result).toBe('success')
    expect(run.outputs).toEqual({})
    expect(run.jobs.find((job) => job.path === 'call')!.outputs).toEqual({ doubled: '6-true' })
    expect(lines).toContain('[call/work] the token is ***')
    expect(lines.join('\n')).not.toContain('very-secret-value')
    const step = run.jobs.find((job) => job.path === 'call/work')!.steps[0]!
    expect(step.secrets).toEqual(['MY_TOKEN'])
  })
})

describe('the runner refuses what it does not implement, before anything runs', () => {
  it.each([
    [
      'a container job',
      `jobs:\n  a:\n    runs-on: ubuntu-24.04\n    container: debian:12\n    steps:\n      - run: true\n`,
      'job a: key container',
    ],
    [
      'a marketplace action it has no stand-in for',
      `jobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/setup-python@v5\n`,
      'action actions/setup-python@v5',
    ],
    [
      'an input the stand-in lacks',
      `jobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: ${CHECKOUT}\n        with:\n          sparse-checkout: x\n`,
      'actions/checkout input sparse-checkout',
    ],
    [
      'a shell other than bash or sh',
      `jobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - shell: pwsh\n        run: echo\n`,
      'shell pwsh',
    ],
  ])('%s', async (_, body, message) => {
    const file = workflow(`on: push\n${body}`)
    const marker = join(scratch, `ran-${count}`)
    await expect(runner().run(file, { name: 'push' })).rejects.toThrow(WorkflowSyntaxError)
    await expect(runner().run(file, { name: 'push' })).rejects.toThrow(message)
    expect(() => readFileSync(marker)).toThrow()
  })

  it('a runner label no machine has', async () => {
    const file = workflow(
      `on: push\njobs:\n  a:\n    runs-on: [self-hosted, s390x]\n    steps:\n      - run: true\n`,
    )
    await expect(runner().run(file, { name: 'push' })).rejects.toThrow(
      'a: no runner has the labels self-hosted, s390x',
    )
  })

  it('a workflow that does not run on the event, and a syntax error', async () => {
    await expect(
      runner().run(workflow(`on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: true\n`), {
        name: 'schedule',
      }),
    ).rejects.toThrow('does not run on schedule')
    await expect(
      runner().run(workflow(`on: push\njobs:\n  a:\n    runs-on: x\n    stepz: []\n`), { name: 'push' }),
    ).rejects.toThrow(WorkflowSyntaxError)
  })
})

describe('what npm run ci:job needs', () => {
  it('runs one selected job, and of its matrix only the cells asked for', async () => {
    const file = workflow(`
on: push
jobs:
  other:
    runs-on: ubuntu-24.04
    steps:
      - run: echo other-ran
  picked:
    strategy:
      matrix:
        config: [small, debian]
        cpu: [power9, power10]
    runs-on: ubuntu-24.04
    steps:
      - run: echo "cell \${{ matrix.config }} \${{ matrix.cpu }}"
`)
    const run = await runner({ select: { job: 'picked', cell: ['small', 'cpu=power10'] } }).run(file, {
      name: 'push',
    })
    expect(run.result).toBe('success')
    const ran = run.jobs.filter((job) => job.result !== 'skipped')
    expect(ran.map((job) => job.path)).toEqual(['picked (small, power10)'])
    expect(ran[0]!.durationMs).toBeGreaterThanOrEqual(0)
    expect(run.jobs.find((job) => job.id === 'other')!.result).toBe('skipped')
    await expect(
      runner({ select: { job: 'picked', cell: ['large'] } }).run(file, { name: 'push' }),
    ).rejects.toThrow('job picked has no matrix cell matching large')
  })

  it('checks out a git repository at the commit, and setup-node puts the requested Node first', async () => {
    const major = process.versions.node.split('.')[0]
    const file = workflow(`
on: push
jobs:
  a:
    runs-on: ubuntu-24.04
    steps:
      - uses: ${CHECKOUT}
      - id: node
        uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020
        with:
          node-version: ${major}
          cache: npm
      - run: |
          test "$(git rev-parse HEAD)" = "${SHA}"
          test -f package.json
          node --version | grep -q "^v${major}[.]"
          test "\${{ steps.node.outputs.node-version }}" = "$(node --version)"
`)
    const run = await runner().run(file, { name: 'push' })
    expect(run.jobs[0]!.steps.map((step) => [step.name, step.error])).toEqual([
      [expect.stringContaining('checkout'), undefined],
      [expect.stringContaining('setup-node'), undefined],
      [expect.any(String), undefined],
    ])
    expect(run.result).toBe('success')

    const bad = workflow(`
on: push
jobs:
  a:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020
        with:
          node-version: lts-ish
`)
    const failed = await runner().run(bad, { name: 'push' })
    expect(failed.result).toBe('failure')
    expect(failed.jobs[0]!.steps[0]!.error).toContain(
      "setup-node: node-version must be a version such as 24 or 24.11.1, not 'lts-ish'",
    )
  })
})

describe('artifacts and references', () => {
  it('shares artifacts between jobs, two folders deep, and honours if-no-files-found', async () => {
    const file = workflow(`
on: push
jobs:
  make:
    runs-on: ubuntu-24.04
    steps:
      - run: mkdir -p out/build-kernel/kernel/rpms && echo x > out/build-kernel/kernel/rpms/kernel-core-1.rpm
      - uses: ${UPLOAD}
        with:
          name: packages
          path: out/
          retention-days: 1
      - uses: ${UPLOAD}
        with:
          name: nothing
          path: missing/
          if-no-files-found: ignore
  use:
    needs: make
    runs-on: ubuntu-24.04
    steps:
      - uses: ${DOWNLOAD}
        with:
          name: packages
          path: packages
      - run: test -f packages/build-kernel/kernel/rpms/kernel-core-1.rpm
      - uses: ${UPLOAD}
        with:
          name: strict
          path: missing/
          if-no-files-found: error
`)
    const run = await runner().run(file, { name: 'push' })
    const use = run.jobs.find((job) => job.path === 'use')!
    expect(use.steps.map((step) => [step.outcome, step.error ?? ''])).toEqual([
      ['success', ''],
      ['success', ''],
      ['failure', 'No files were found with the provided path: missing/. No artifacts will be uploaded.'],
    ])
    expect(run.result).toBe('failure')
  })

  it('fails a step that reads an output no earlier step set', async () => {
    const file = workflow(`
on: push
jobs:
  a:
    runs-on: ubuntu-24.04
    steps:
      - id: make
        run: echo "made=yes" >> "$GITHUB_OUTPUT"
      - run: echo "\${{ steps.make.outputs.mad }}"
`)
    const run = await runner().run(file, { name: 'push' })
    expect(run.result).toBe('failure')
    expect(run.dangling).toEqual(['steps.make.outputs.mad'])
    expect(run.jobs[0]!.steps[1]!.error).toBe(
      'references what no earlier step produced: steps.make.outputs.mad',
    )
  })
})

describe('paths a step consumes', () => {
  const pipelineLike = (pattern: string) =>
    workflow(`
on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - run: mkdir -p kvm-actions-results/build-kernel/kernel/rpms && touch kvm-actions-results/build-kernel/kernel/rpms/kernel-core-1.ppc64le.rpm
      - uses: ${UPLOAD}
        with:
          name: packages
          path: kvm-actions-results/
  publish:
    needs: build
    runs-on: ubuntu-24.04
    steps:
      - uses: ${CHECKOUT}
        with:
          path: .kvm-actions
      - uses: ${DOWNLOAD}
        with:
          name: packages
          path: packages
      - id: publish
        uses: ./.kvm-actions/actions/publish-repo
        with:
          rpms: ${pattern}
          target: repo
`)

  it('fails a step whose input names RPMs that no earlier step produced (one folder level where the build wrote two)', async () => {
    const run = await runner().run(pipelineLike('packages/*/rpms/*.rpm'), { name: 'push' })
    expect(run.result).toBe('failure')
    expect(run.dangling).toEqual([
      'publish step publish: input rpms names packages/*/rpms/*.rpm, which no earlier step produced',
    ])
  })

  it('lets ** reach them, and the action itself runs', async () => {
    const run = await runner().run(pipelineLike('packages/**/rpms/*.rpm'), { name: 'push' })
    expect(run.dangling).toEqual([])
    const step = run.jobs.find((job) => job.path === 'publish')!.steps.find((s) => s.id === 'publish')!
    // It got past the paths to the action's own check: no key was given.
    expect(step.error).toBe('Process completed with exit code 1.')
    expect(run.annotations.map((a) => a.message).join('\n')).toContain(
      "Inputs 'signing-key' and 'passphrase' are required",
    )
  })
})

describe('the cache stand-in', () => {
  it('saves after a successful job and restores by exact key or prefix in a later run', async () => {
    const CACHE = 'actions/cache@0400d5f644dc74513175e3cd8d07132dd4860809'
    const file = (key: string) =>
      workflow(`
on: push
jobs:
  a:
    runs-on: ubuntu-24.04
    steps:
      - id: cache
        uses: ${CACHE}
        with:
          path: built
          key: ${key}
          restore-keys: |
            ccache-
      - run: |
          echo "hit=\${{ steps.cache.outputs.cache-hit }}"
          if [ -f built/artifact ]; then echo "restored: $(cat built/artifact)"; else mkdir -p built && echo fresh > built/artifact; fi
`)
    const lines: string[] = []
    const local = runner({ log: (line) => lines.push(line) })
    expect((await local.run(file('ccache-1'), { name: 'push' })).result).toBe('success')
    expect(lines).toContain('[a] hit=false')
    lines.length = 0
    expect((await local.run(file('ccache-1'), { name: 'push' })).result).toBe('success')
    expect(lines).toEqual(expect.arrayContaining(['[a] hit=true', '[a] restored: fresh']))
    lines.length = 0
    expect((await local.run(file('ccache-2'), { name: 'push' })).result).toBe('success')
    expect(lines).toEqual(expect.arrayContaining(['[a] hit=false', '[a] restored: fresh']))
  })

  it('attests through the stand-in only with id-token and attestations write, which a caller caps', async () => {
    const repo = mkdtempSync(join(scratch, 'repo-'))
    execFileSync('git', ['init', '-q', repo])
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true })
    writeFileSync(
      join(repo, '.github', 'workflows', 'called.yml'),
      `
on: workflow_call
jobs:
  attest:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      id-token: write
      attestations: write
    steps:
      - run: |
          printf 'one' > one.rpm
          printf 'two' > two.rpm
          sha256sum one.rpm two.rpm > subjects.sha256
      - uses: ${ATTEST}
        with:
          subject-checksums: subjects.sha256
`,
    )
    for (const [name, granted] of [
      ['grants.yml', 'id-token: write\n      attestations: write'],
      ['withholds.yml', 'id-token: write'],
    ] as const)
      writeFileSync(
        join(repo, '.github', 'workflows', name),
        `
on: push
permissions:
  contents: read
jobs:
  call:
    permissions:
      contents: read
      ${granted}
    uses: ./.github/workflows/called.yml
`,
      )
    const local = runner({ repository: { name: 'kvm/actions', dir: repo, sha: 'local' } })
    const granted = await local.run('.github/workflows/grants.yml', { name: 'push' })
    expect(granted.result).toBe('success')
    const sha = (text: string) => createHash('sha256').update(text).digest('hex')
    expect(granted.attestations).toEqual([
      {
        job: 'call/attest',
        predicateType: 'https://slsa.dev/provenance/v1',
        subjects: [
          { name: 'one.rpm', sha256: sha('one') },
          { name: 'two.rpm', sha256: sha('two') },
        ],
      },
    ])
    const withheld = await local.run('.github/workflows/withholds.yml', { name: 'push' })
    expect(withheld.result).toBe('failure')
    expect(withheld.attestations).toEqual([])
    const step = withheld.jobs.find((job) => job.path === 'call/attest')!.steps.at(-1)!
    expect(step.error).toContain('lacks attestations: write')
  })
})
