/**
 * One GitHub issue per failing component (nightly runs): opened on the first failure, commented
 * on while it keeps failing, closed by the next pass. Test failures and infrastructure errors
 * carry different labels, so a broken runner is not read as a broken kernel.
 */

export interface TrackedIssue {
  number: number
  title: string
  labels: string[]
}

/** The few GitHub API calls needed; github.ts adapts Octokit to it, tests use a fake. */
export interface IssueClient {
  findOpen(title: string): Promise<TrackedIssue | undefined>
  create(title: string, body: string, labels: string[]): Promise<number>
  comment(issue: number, body: string): Promise<void>
  setLabels(issue: number, labels: string[]): Promise<void>
  close(issue: number): Promise<void>
}

export type RunResult = 'passed' | 'configuration' | 'infrastructure' | 'test' | 'internal'

export interface ComponentOutcome {
  component: string
  result: RunResult
  headline?: string
  /** The step summary (Markdown), already short. */
  summary: string
  runUrl?: string
}

export const ISSUE_LABEL = 'kvm-actions'
export const TEST_FAILURE_LABEL = 'kvm-actions: test failure'
export const INFRASTRUCTURE_LABEL = 'kvm-actions: infrastructure'

export function issueTitle(component: string): string {
  return `kvm-actions: ${component} is failing`
}

function labelsFor(result: RunResult): string[] {
  return [ISSUE_LABEL, result === 'test' ? TEST_FAILURE_LABEL : INFRASTRUCTURE_LABEL]
}

// GitHub caps an issue body at 65,536 characters.
const BODY_LIMIT = 60_000

function body(outcome: ComponentOutcome): string {
  const kind = outcome.result === 'test' ? 'Test failure' : 'Infrastructure or configuration error'
  const text = [
    `**${kind}** in ${outcome.component}: ${outcome.headline ?? 'failed'}`,
    '',
    outcome.runUrl ? `Run: ${outcome.runUrl}` : '',
    '',
    outcome.summary,
  ].join('\n')
  return text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}\n\n_(summary cut; see the run)_` : text
}

export type IssueAction = { action: 'opened' | 'commented' | 'closed'; issue: number } | { action: 'none' }

export async function syncFailureIssue(client: IssueClient, outcome: ComponentOutcome): Promise<IssueAction> {
  const title = issueTitle(outcome.component)
  const open = await client.findOpen(title)
  if (outcome.result === 'passed') {
    if (!open) return { action: 'none' }
    await client.comment(
      open.number,
      `Passed again${outcome.runUrl ? ` in ${outcome.runUrl}` : ''}; closing.`,
    )
    await client.close(open.number)
    return { action: 'closed', issue: open.number }
  }
  const labels = labelsFor(outcome.result)
  if (!open) return { action: 'opened', issue: await client.create(title, body(outcome), labels) }
  await client.comment(open.number, body(outcome))
  const current = [...open.labels].sort().join('\n')
  if (current !== [...labels].sort().join('\n')) await client.setLabels(open.number, labels)
  return { action: 'commented', issue: open.number }
}
