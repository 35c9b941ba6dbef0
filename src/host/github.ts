/** The GitHub Actions runner as an ActionHost: the only module that talks to @actions/core. */
import * as core from '@actions/core'
import type { AnyAction } from '../action/definition.js'
import { type Phase, runAction } from '../action/run.js'
import { type IssueClient, ISSUE_LABEL, syncFailureIssue } from '../report/issues.js'
import type { Summary } from '../report/summary.js'
import type { ActionHost, RunInfo } from './host.js'
import type { ArtifactCache } from '../fs/artifact-cache.js'
import type { AnnotationKind, AnnotationProperties } from '../reporter.js'

// @actions/cache (Azure storage) and @actions/github (Octokit) are most of the bundle's size:
// they load only when a step uses the cache or reports to an issue, so a step starts quickly.
const loadCache = () => import('@actions/cache')
const loadGithub = () => import('@actions/github')

const githubCache: ArtifactCache = {
  async restore(paths, key, restoreKeys) {
    const cache = await loadCache()
    if (!cache.isFeatureAvailable()) return undefined
    return cache.restoreCache(paths, key, restoreKeys)
  },
  async save(paths, key) {
    const cache = await loadCache()
    if (!cache.isFeatureAvailable()) return
    try {
      await cache.saveCache(paths, key)
    } catch (error) {
      // Another job saved the same key first: the content is the same by construction.
      if (!(error instanceof cache.ReserveCacheError)) throw error
    }
  },
}

/** The run, from the variables the runner sets (what @actions/github's context reads too). */
function runInfo(): RunInfo {
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId, GITHUB_SHA: sha } = process.env
  // GITHUB_REPOSITORY unset: a local run with the runner's environment half there.
  if (!repository || !/^[^/]+\/[^/]+$/.test(repository)) return {}
  const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com'
  return {
    repository,
    ...(runId ? { runUrl: `${serverUrl}/${repository}/actions/runs/${runId}` } : {}),
    ...(sha ? { sha } : {}),
  }
}

/** The failure-issue calls on the run's own repository, through @actions/github's Octokit. */
async function githubIssues(token: string): Promise<IssueClient> {
  const github = await loadGithub()
  const octokit = github.getOctokit(token)
  const { owner, repo } = github.context.repo
  return {
    async findOpen(title) {
      const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        state: 'open',
        labels: ISSUE_LABEL,
        per_page: 100,
      })
      const found = open.find((issue) => issue.title === title && !issue.pull_request)
      return found
        ? {
            number: found.number,
            title: found.title,
            labels: found.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))),
          }
        : undefined
    },
    async create(title, body, labels) {
      const { data } = await octokit.rest.issues.create({ owner, repo, title, body, labels })
      return data.number
    },
    async comment(issue, body) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body })
    },
    async setLabels(issue, labels) {
      await octokit.rest.issues.setLabels({ owner, repo, issue_number: issue, labels })
    },
    async close(issue) {
      await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: issue,
        state: 'closed',
        state_reason: 'completed',
      })
    },
  }
}

export function githubHost(): ActionHost {
  return {
    kind: 'github',
    summaryInLog: !process.env.GITHUB_STEP_SUMMARY,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    runInfo: runInfo(),
    cache: githubCache,
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    debug: (message) => core.debug(message),
    group: (title, fn) => core.group(title, fn),
    annotate(kind: AnnotationKind, message: string, properties?: AnnotationProperties) {
      const write = { error: core.error, warning: core.warning, notice: core.notice }[kind]
      write(message, properties)
    },
    async writeSummary(summary: Summary) {
      if (!process.env.GITHUB_STEP_SUMMARY) {
        core.info(summary.toText())
        return
      }
      await core.summary.addRaw(summary.toMarkdown()).write()
    },
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name),
    fail: (headline) => core.setFailed(headline),
    reportOutcome: async (outcome, token) => syncFailureIssue(await githubIssues(token), outcome),
  }
}

/**
 * main and post run the same bundle (as actions/checkout does): main leaves a state value
 * behind, and the runner hands it back only to the post phase.
 */
export function currentPhase(host: ActionHost): Phase {
  if (host.getState(POST_MARKER) === 'true') return 'post'
  host.saveState(POST_MARKER, 'true')
  return 'main'
}
const POST_MARKER = 'isPost'

/** Runs the current phase of an action on the GitHub runner and sets the process exit code. */
export async function runOnGitHub(action: AnyAction): Promise<void> {
  const host = githubHost()
  process.exitCode = await runAction(action, host, currentPhase(host))
}
