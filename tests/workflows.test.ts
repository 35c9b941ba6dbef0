import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { checkWorkflow } from './support/workflow-hardening.js'

type Step = { uses?: string; with?: Record<string, unknown> }

const dir = join(import.meta.dirname, '..', '.github', 'workflows')
const files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file))

describe('the project workflows', () => {
  it('exist', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'nightly.yml', 'release.yml', 'pipeline.yml']))
  })

  it.each(files)('%s keeps every uploaded artifact for a set number of days', (file) => {
    const jobs = parse(readFileSync(join(dir, file), 'utf8')).jobs as Record<string, { steps?: Step[] }>
    const uploads = Object.values(jobs)
      .flatMap((job) => job.steps ?? [])
      .filter((step) => step.uses?.startsWith('actions/upload-artifact@'))
    for (const upload of uploads) expect(upload.with?.['retention-days']).toBeDefined()
  })

  it('documents every input and secret of the reusable workflow', () => {
    const call = parse(readFileSync(join(dir, 'pipeline.yml'), 'utf8')).on.workflow_call as {
      inputs: Record<string, unknown>
      secrets?: Record<string, unknown>
    }
    const docs = readFileSync(join(dir, '..', '..', 'docs', 'pipeline.md'), 'utf8')
    for (const input of Object.keys(call.inputs))
      expect({ input, documented: new RegExp(`\\|\\s*\`${input}\`\\s*\\|`).test(docs) }).toEqual({
        input,
        documented: true,
      })
    // The publishing secrets are environment secrets, read only by the publish job.
    expect(call.secrets).toBeUndefined()
    const pipeline = readFileSync(join(dir, 'pipeline.yml'), 'utf8')
    for (const secret of new Set(pipeline.match(/secrets\.[A-Z_]+/g) ?? []))
      expect(docs).toContain(`\`${secret.slice('secrets.'.length)}\``)
  })

  it('have nightly run the pipeline on change and weekly, with failure issues', () => {
    const nightly = parse(readFileSync(join(dir, 'nightly.yml'), 'utf8'))
    expect(nightly.on.schedule).toHaveLength(2)
    expect(nightly.jobs.pipeline.uses).toBe('./.github/workflows/pipeline.yml')
    expect(nightly.jobs.pipeline.with['failure-issues']).toBe(true)
    expect(nightly.jobs.pipeline.with.force).toContain(nightly.on.schedule[1].cron)
  })

  it.each(files)('%s keeps the hardening rules', (file) => {
    expect(checkWorkflow(readFileSync(join(dir, file), 'utf8'), file)).toEqual([])
  })
})

const SHA = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8'

function workflow(body: string, permissions = 'permissions:\n  contents: read\n'): string {
  return `on:\n  pull_request:\n  push:\n${permissions}jobs:\n${body}`
}

describe('the hardening check', () => {
  it('passes a workflow that keeps every rule', () => {
    const text = workflow(`  build:
    runs-on: [self-hosted, ppc64le]
    if: github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository
    steps:
      - uses: ${SHA}
      - uses: ./actions/build-kernel
`)
    expect(checkWorkflow(text, 'ok.yml')).toEqual([])
  })

  it.each([
    [
      'no top-level permissions',
      workflow(`  a:\n    runs-on: ubuntu-24.04\n    steps: []\n`, ''),
      'top-level permissions',
    ],
    [
      'writable top-level permissions',
      workflow(
        `  a:\n    runs-on: ubuntu-24.04\n    steps: []\n`,
        'permissions:\n  contents: read\n  issues: write\n',
      ),
      'nothing writable',
    ],
    [
      'write-all',
      workflow(`  a:\n    runs-on: ubuntu-24.04\n    steps: []\n`, 'permissions: write-all\n'),
      'top-level permissions',
    ],
    [
      'a tag pin',
      workflow(`  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v5\n`),
      'not pinned',
    ],
    [
      'a short SHA',
      workflow(`  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@08c6903\n`),
      'not pinned',
    ],
    [
      'a docker tag',
      workflow(`  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: docker://alpine:3\n`),
      'digest',
    ],
    [
      'an unpinned reusable workflow',
      workflow(`  a:\n    uses: org/repo/.github/workflows/x.yml@main\n`),
      'not pinned',
    ],
    [
      'a self-hosted job open to forks',
      workflow(`  a:\n    runs-on: [self-hosted, ppc64le]\n    steps: []\n`),
      'fork pull requests',
    ],
    [
      'a runner chosen by expression, unguarded',
      workflow(`  a:\n    runs-on: \${{ fromJSON(inputs.runner) }}\n    steps: []\n`),
      'fork pull requests',
    ],
    [
      'an expression inside a run script',
      workflow(
        `  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "\${{ github.event.issue.title }}"\n`,
      ),
      'inside run:',
    ],
    [
      'a guard that does not guard',
      workflow(`  a:\n    runs-on: self-hosted\n    if: github.repository == 'x/y'\n    steps: []\n`),
      'fork pull requests',
    ],
  ])('refuses %s', (_, text, problem) => {
    const problems = checkWorkflow(text, 'bad.yml')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(problem)
  })

  it('lets a self-hosted job run unguarded where no pull request can start it', () => {
    const text = `on:\n  schedule:\n    - cron: '0 3 * * *'\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: [self-hosted, ppc64le]\n    steps: []\n`
    expect(checkWorkflow(text, 'nightly.yml')).toEqual([])
  })
})
