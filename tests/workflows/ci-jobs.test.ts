/**
 * ci.yml's jobs, checked cheaply on every run: each parses with GitHub's parser, uses only what
 * the local runner executes (so `npm run ci:job` can run it here), and every command its steps
 * run exists (a package.json script, a file under scripts/, a test file, a bin of the
 * dependencies): a renamed test or script breaks this test, not the hosted job.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { CI_WORKFLOW, ciJobs } from '../support/workflow-runner/ci-job.js'
import { WorkflowRunner } from '../support/workflow-runner/runner.js'

const ROOT = join(import.meta.dirname, '..', '..')
const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts

interface Step {
  name?: string
  run?: string
  uses?: string
}
const workflow = parse(readFileSync(join(ROOT, CI_WORKFLOW), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>
}

/** Why a command of a run: step would fail to start here, or undefined when everything it names exists. */
function missing(command: string): string | undefined {
  const words = command.trim().split(/\s+/)
  if (words[0] === 'sudo') words.shift()
  const [program, ...args] = words
  const dash = args.indexOf('--')
  if (program === 'npm') {
    if (args[0] === 'ci')
      return existsSync(join(ROOT, 'package-lock.json')) ? undefined : 'no package-lock.json'
    const script = args[0] === 'run' ? args[1] : args[0] === 'test' ? 'test' : undefined
    if (!script) return `npm ${args[0]} is not a command this check knows`
    if (!scripts[script]) return `package.json has no script ${script}`
    // `npm test -- <files>`: each test file named must exist.
    const files = dash >= 0 ? args.slice(dash + 1).filter((arg) => !arg.startsWith('-')) : []
    return files
      .map((file) => (existsSync(join(ROOT, file)) ? undefined : `no test file ${file}`))
      .find(Boolean)
  }
  if (program === 'bash' || program === 'node') {
    const file = args[0]!
    if (!existsSync(join(ROOT, file))) return `no file ${file}`
    // A wrapper such as scripts/leftovers.mjs: the command after its `--` is checked too.
    return dash >= 0 ? missing(args.slice(dash + 1).join(' ')) : undefined
  }
  if (program === 'npx')
    return existsSync(join(ROOT, 'node_modules', '.bin', args[0]!)) ? undefined : `no bin ${args[0]}`
  return `${program} is not a command this check knows`
}

describe("ci.yml's jobs", () => {
  it('parse, and use only what the local runner (npm run ci:job) executes', async () => {
    const runner = new WorkflowRunner({
      repository: { name: 'local/kvm-power-actions', dir: ROOT, sha: 'HEAD' },
      runners: [],
      github: { url: 'http://127.0.0.1:1', token: 'unused' },
      workDir: ROOT,
    })
    const loaded = await runner.load(CI_WORKFLOW)
    expect(loaded.jobs.map((job) => job.id.value).sort()).toEqual(
      ciJobs(ROOT)
        .map((job) => job.id)
        .sort(),
    )
    expect(ciJobs(ROOT).find((job) => job.id === 'hypervisor-build')?.matrix).toEqual({
      config: ['small', 'debian'],
    })
  })

  it('run commands that exist: package.json scripts, scripts/, test files, dependency bins', () => {
    const problems = Object.entries(workflow.jobs).flatMap(([id, job]) =>
      job.steps.flatMap((step) =>
        (step.run ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line && !line.startsWith('#'))
          .flatMap((line) => {
            const why = missing(line)
            return why ? [`${id}: '${line}': ${why}`] : []
          }),
      ),
    )
    expect(problems).toEqual([])
    // The check can fail: a renamed test file or script is caught.
    expect(missing('node scripts/leftovers.mjs -- npm test -- tests/kernel/renamed.test.ts')).toBe(
      'no test file tests/kernel/renamed.test.ts',
    )
    expect(missing('sudo bash scripts/setup-hosts.sh')).toBe('no file scripts/setup-hosts.sh')
    expect(missing('npm run mian')).toBe('package.json has no script mian')
  })
})
