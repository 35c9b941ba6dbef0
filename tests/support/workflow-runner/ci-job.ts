/**
 * `npm run ci:job -- <job> [cell...]`: one job of .github/workflows/ci.yml run on this machine by
 * the local workflow runner, as a GitHub-hosted runner would run it (checkout of the working
 * tree, setup-node, the job's own steps), so a job that runs only on hosted runners can be run
 * before pushing. `cell` picks matrix cells (`small`, or `config=small`); without one every cell
 * runs, one after another. Without a job it lists the jobs and their cells.
 *
 * scripts/ci-job.mjs bundles this file and runs it (the workflow parser loads only when bundled).
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { parse } from 'yaml'
import { startFakeGitHub } from './github-api.js'
import { type JobRecord, WorkflowRunner, WorkflowSyntaxError } from './runner.js'

export const CI_WORKFLOW = '.github/workflows/ci.yml'
/** The hosted images ci.yml's jobs ask for: this machine stands in for them. */
const HOSTED_LABELS = ['ubuntu-24.04', 'ubuntu-latest']

export interface CiJobDescription {
  id: string
  name: string
  /** Each matrix axis with its values (literal lists only). */
  matrix: Record<string, string[]>
}

/** ci.yml's jobs, read from the file as written (names and matrix axes unevaluated). */
export function ciJobs(root: string): CiJobDescription[] {
  const workflow = parse(readFileSync(join(root, CI_WORKFLOW), 'utf8')) as {
    jobs: Record<string, { name?: string; strategy?: { matrix?: Record<string, unknown> } }>
  }
  return Object.entries(workflow.jobs).map(([id, job]) => ({
    id,
    name: job.name ?? id,
    matrix: Object.fromEntries(
      Object.entries(job.strategy?.matrix ?? {})
        .filter(([axis, values]) => !['include', 'exclude'].includes(axis) && Array.isArray(values))
        .map(([axis, values]) => [axis, (values as unknown[]).map(String)]),
    ),
  }))
}

function describeJobs(jobs: CiJobDescription[]): string {
  return jobs
    .map((job) => {
      const cells = Object.entries(job.matrix).map(([axis, values]) => `${axis}: ${values.join(' | ')}`)
      return `  ${job.id.padEnd(18)} ${job.name}${cells.length ? `  [${cells.join('; ')}]` : ''}`
    })
    .join('\n')
}

const USAGE = 'usage: npm run ci:job -- <job> [cell...] [--keep]   (npm run ci:job -- --list)'

function formatSeconds(ms: number | undefined): string {
  return ms === undefined ? '-' : `${(ms / 1000).toFixed(0)} s`
}

function report(jobs: JobRecord[]): string {
  const rows = jobs.map(
    (job) => `  ${job.path.padEnd(40)} ${job.result.padEnd(9)} ${formatSeconds(job.durationMs)}`,
  )
  const failures = jobs.flatMap((job) =>
    job.steps
      .filter((step) => step.outcome === 'failure')
      .map(
        (step) =>
          `\n${job.path}, step ${step.name}: ${step.error ?? 'failed'}${step.logTail?.length ? `\n  ${step.logTail.slice(-15).join('\n  ')}` : ''}`,
      ),
  )
  return [
    'ci-job: results',
    ...rows,
    ...failures,
    ...jobs.flatMap((job) => (job.error ? [`${job.path}: ${job.error}`] : [])),
  ].join('\n')
}

/** An empty folder holding a `sudo` that runs its command, for root on a machine without sudo. */
function sudoStandIn(dir: string): string | undefined {
  const hasSudo = (process.env.PATH ?? '').split(delimiter).some((entry) => existsSync(join(entry, 'sudo')))
  if (hasSudo || process.getuid?.() !== 0) return undefined
  mkdirSync(dir, { recursive: true })
  // Hosted runners give passwordless sudo; as root here it only has to run the command.
  writeFileSync(join(dir, 'sudo'), '#!/bin/sh\n[ "$1" = "-E" ] && shift\nexec "$@"\n')
  chmodSync(join(dir, 'sudo'), 0o755)
  return dir
}

export async function runCiJob(root: string, argv: string[]): Promise<number> {
  const keep = argv.includes('--keep')
  const words = argv.filter((arg) => arg !== '--keep')
  const jobs = ciJobs(root)
  if (words.length === 0 || words[0] === '--list') {
    console.log(`ci.yml's jobs (${CI_WORKFLOW}):\n${describeJobs(jobs)}\n${USAGE}`)
    return words.length === 0 ? 1 : 0
  }
  const [job, ...cell] = words as [string, ...string[]]
  const unknownOption = words.find((word) => word.startsWith('--'))
  if (unknownOption) {
    console.error(`ci-job: unknown option ${unknownOption}\n${USAGE}`)
    return 1
  }
  if (!jobs.some((entry) => entry.id === job)) {
    console.error(`ci-job: ci.yml has no job '${job}'; it has:\n${describeJobs(jobs)}\n${USAGE}`)
    return 1
  }

  const workDir = mkdtempSync(join(tmpdir(), 'kvm-ci-job-'))
  const github = await startFakeGitHub('local/kvm-power-actions')
  const started = Date.now()
  try {
    const sudo = sudoStandIn(join(workDir, 'bin'))
    const env = Object.fromEntries(
      ['HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'USER', 'LOGNAME'].flatMap((key) =>
        process.env[key] ? [[key, process.env[key]!]] : [],
      ),
    )
    // The machine's own PATH: npm run puts this checkout's node_modules/.bin (and its Node) first,
    // which a hosted runner does not have; the job's setup-node and npm ci bring their own.
    const machinePath = (process.env.PATH ?? '')
      .split(delimiter)
      .filter((entry) => !entry.startsWith(`${root}/`) && !/node-gyp-bin$/.test(entry))
    env.PATH = [...(sudo ? [sudo] : []), ...machinePath].join(delimiter)
    const runner = new WorkflowRunner({
      repository: {
        name: 'local/kvm-power-actions',
        dir: root,
        sha: execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim(),
      },
      runners: [{ name: 'hosted (this machine)', labels: HOSTED_LABELS }],
      github: { url: github.url, token: github.token },
      workDir,
      // Kept between runs, as a hosted image keeps its preinstalled Node versions.
      toolCache: join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kvm-actions', 'tool-cache'),
      env,
      select: { job, cell },
      // Each cell has a machine of its own on GitHub; here they take turns on this one.
      maxParallelJobs: 1,
      log: (line) => console.log(line),
    })
    const run = await runner.run(CI_WORKFLOW, { name: 'push' })
    const ran = run.jobs.filter((record) => record.result !== 'skipped')
    console.log(`\n${report(ran)}\n  total ${formatSeconds(Date.now() - started)}`)
    if (keep) console.log(`ci-job: the run's folders (workspace, logs, artifacts) are kept in ${run.dir}`)
    return run.result === 'success' && ran.length > 0 ? 0 : 1
  } catch (error) {
    if (error instanceof WorkflowSyntaxError) {
      console.error(`ci-job: ${error.message}`)
      return 1
    }
    throw error
  } finally {
    await github.close()
    if (!keep) rmSync(workDir, { recursive: true, force: true })
  }
}
