/**
 * The rules every workflow of the project keeps:
 *  1. top-level `permissions` grants `contents: read` and nothing writable;
 *  2. every action or reusable workflow from another repository is pinned by a full commit SHA;
 *  3. no job on a self-hosted runner can run for a pull request from a fork;
 *  4. no `${{ }}` inside a `run:` script: values reach scripts through `env:`, never as script text
 *     (an issue title or branch name would otherwise run as shell code).
 */
import { parse } from 'yaml'

const SHA_PIN = /^[^@\s]+@[0-9a-f]{40}$/
/** A job `if:` that stops fork pull requests, in one of the two usual spellings. */
const FORK_GUARDS = [
  /github\.event\.pull_request\.head\.repo\.full_name\s*==\s*github\.repository/,
  /github\.event_name\s*!=\s*'pull_request(_target)?'/,
]

type Workflow = {
  on?: unknown
  true?: unknown // YAML 1.1 reads a bare `on` key as true
  permissions?: unknown
  jobs?: Record<string, Job>
}
type Job = { 'runs-on'?: unknown; if?: string; uses?: string; steps?: { uses?: string; run?: string }[] }

function triggers(workflow: Workflow): string[] {
  const on = workflow.on ?? workflow.true
  if (typeof on === 'string') return [on]
  if (Array.isArray(on)) return on.map(String)
  return on && typeof on === 'object' ? Object.keys(on) : []
}

function mayBeSelfHosted(runsOn: unknown): boolean {
  const labels = JSON.stringify(runsOn ?? '')
  // A label chosen by an expression may be a self-hosted one.
  return /self-hosted/i.test(labels) || labels.includes('${{')
}

function checkUses(uses: string, where: string): string[] {
  if (uses.startsWith('./')) return []
  if (uses.startsWith('docker://'))
    return /@sha256:[0-9a-f]{64}$/.test(uses) ? [] : [`${where}: ${uses} is not pinned by digest`]
  return SHA_PIN.test(uses) ? [] : [`${where}: ${uses} is not pinned by a full commit SHA`]
}

export function checkWorkflow(text: string, file: string): string[] {
  const workflow = parse(text) as Workflow
  const problems: string[] = []
  const permissions = workflow.permissions
  if (
    !permissions ||
    typeof permissions !== 'object' ||
    (permissions as Record<string, string>).contents !== 'read' ||
    Object.values(permissions).some((level) => level === 'write')
  ) {
    problems.push(`${file}: top-level permissions must be 'contents: read' with nothing writable`)
  }
  const prTriggered = triggers(workflow).some(
    (t) => t === 'pull_request' || t === 'pull_request_target' || t === 'workflow_call',
  )
  for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
    if (job.uses) problems.push(...checkUses(job.uses, `${file} job ${id}`))
    for (const [index, step] of (job.steps ?? []).entries()) {
      if (step.uses) problems.push(...checkUses(step.uses, `${file} job ${id} step ${index + 1}`))
      if (typeof step.run === 'string' && step.run.includes('${{'))
        problems.push(`${file} job ${id} step ${index + 1}: \${{ }} inside run:; pass the value through env:`)
    }
    if (
      prTriggered &&
      mayBeSelfHosted(job['runs-on']) &&
      !FORK_GUARDS.some((guard) => guard.test(job.if ?? ''))
    ) {
      problems.push(
        `${file} job ${id}: runs on a self-hosted runner but has no 'if:' that keeps fork pull requests out`,
      )
    }
  }
  return problems
}
