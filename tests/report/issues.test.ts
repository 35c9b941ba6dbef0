import { runAction } from '../../src/action/run.js'
import { defineAction, input, InfrastructureError, TestFailure } from '../../src/action/index.js'
import {
  type ComponentOutcome,
  INFRASTRUCTURE_LABEL,
  ISSUE_LABEL,
  type IssueClient,
  syncFailureIssue,
  TEST_FAILURE_LABEL,
} from '../../src/report/issues.js'
import { capturedHost } from '../support/hosts.js'

/** The GitHub issues API as an in-memory list: the only thing these tests cannot run for real. */
class FakeIssues implements IssueClient {
  issues: {
    number: number
    title: string
    body: string
    labels: string[]
    open: boolean
    comments: string[]
  }[] = []
  async findOpen(title: string) {
    const issue = this.issues.find((i) => i.open && i.title === title)
    return issue ? { number: issue.number, title: issue.title, labels: [...issue.labels] } : undefined
  }
  async create(title: string, body: string, labels: string[]) {
    const number = this.issues.length + 1
    this.issues.push({ number, title, body, labels, open: true, comments: [] })
    return number
  }
  async comment(issue: number, body: string) {
    this.issues[issue - 1]!.comments.push(body)
  }
  async setLabels(issue: number, labels: string[]) {
    this.issues[issue - 1]!.labels = labels
  }
  async close(issue: number) {
    this.issues[issue - 1]!.open = false
  }
}

const outcome = (result: ComponentOutcome['result'], headline?: string): ComponentOutcome => ({
  component: 'boot-test-guest power9 nested',
  result,
  ...(headline ? { headline } : {}),
  summary: '| check | exit |\n| --- | --- |',
  runUrl: 'https://github.com/o/r/actions/runs/7',
})

describe('the failure issue of a component', () => {
  it('opens on a failure, follows it while it fails, and closes on the next pass', async () => {
    const client = new FakeIssues()
    expect(await syncFailureIssue(client, outcome('passed'))).toEqual({ action: 'none' })
    expect(await syncFailureIssue(client, outcome('test', 'guest panicked'))).toEqual({
      action: 'opened',
      issue: 1,
    })
    const [issue] = client.issues
    expect(issue!.title).toBe('kvm-actions: boot-test-guest power9 nested is failing')
    expect(issue!.labels).toEqual([ISSUE_LABEL, TEST_FAILURE_LABEL])
    expect(issue!.body).toContain('**Test failure** in boot-test-guest power9 nested: guest panicked')
    expect(issue!.body).toContain('Run: https://github.com/o/r/actions/runs/7')

    expect(await syncFailureIssue(client, outcome('infrastructure', '/dev/kvm is missing'))).toEqual({
      action: 'commented',
      issue: 1,
    })
    expect(issue!.labels).toEqual([ISSUE_LABEL, INFRASTRUCTURE_LABEL])
    expect(issue!.comments[0]).toContain('**Infrastructure or configuration error**')

    expect(await syncFailureIssue(client, outcome('passed'))).toEqual({ action: 'closed', issue: 1 })
    expect(issue!.open).toBe(false)
    expect(client.issues).toHaveLength(1)
  })

  it('is reported by the runner for the main phase, and a reporting error never changes the result', async () => {
    const demo = defineAction({
      name: 'demo',
      title: 'Demo',
      description: 'A demo action.',
      inputs: {
        mode: input.oneOf({ description: 'What to do.', values: ['pass', 'test', 'infra'], required: true }),
      },
      outputs: {},
      async main({ inputs }) {
        if (inputs.mode === 'test') throw new TestFailure('guest panicked')
        if (inputs.mode === 'infra') throw new InfrastructureError('no /dev/kvm')
      },
    })
    const client = new FakeIssues()
    const withIssues = (inputs: Record<string, string>) =>
      Object.assign(capturedHost({ 'failure-issue': 'demo power9', ...inputs }), {
        reportOutcome: (o: ComponentOutcome) => syncFailureIssue(client, o),
      })
    expect(await runAction(demo, withIssues({ mode: 'test' }))).toBe(1)
    expect(client.issues[0]!.body).toContain('guest panicked')
    expect(await runAction(demo, withIssues({ mode: 'pass' }))).toBe(0)
    expect(client.issues[0]!.open).toBe(false)

    const broken = Object.assign(capturedHost({ 'failure-issue': 'demo power9', mode: 'infra' }), {
      reportOutcome: async () => {
        throw new Error('Resource not accessible by integration')
      },
    })
    expect(await runAction(demo, broken)).toBe(1)
    expect(broken.stderr.join('')).toContain(
      'Could not update the failure issue of demo power9: Resource not accessible by integration',
    )
    // Without failure-issue nothing is reported.
    const quiet = Object.assign(capturedHost({ mode: 'test' }), {
      reportOutcome: async () => {
        throw new Error('must not be called')
      },
    })
    expect(await runAction(demo, quiet)).toBe(1)
    expect(quiet.stderr.join('')).not.toContain('must not be called')
  })
})
