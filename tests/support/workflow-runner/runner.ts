/**
 * A workflow runner for the tests: GitHub's own parser (@actions/workflow-parser) loads and checks
 * the workflow file, GitHub's expression engine evaluates it, and this module runs its jobs on this
 * machine: needs order, if:, env, matrices, outputs, the runner files, bash run: steps, local
 * actions from their committed bundles with their main and post phases, reusable workflows with
 * inputs, secrets and outputs, protected environments (a recorded gate), and stand-ins for the
 * marketplace actions. Anything it does not implement stops the run before a step executes.
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import type {
  ReusableWorkflowJob,
  Job as WorkflowJobModel,
  Step as StepModel,
  WorkflowJob,
} from '@actions/workflow-parser/model/workflow-template'
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token'
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token'
import { isMapping, isSequence, isString } from '@actions/workflow-parser'
import { mkdirSync, readFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import {
  type Contexts,
  evaluateToken,
  type Status,
  toText,
  truthy,
  type Value,
  WorkflowSyntaxError,
} from './expressions.js'
import { marketplaceAction, MARKETPLACE_ACTIONS } from './marketplace.js'
import { JobExecution, type StepRecord } from './steps.js'

export { WorkflowSyntaxError } from './expressions.js'

export interface RunnerMachine {
  name: string
  labels: string[]
}

export interface LocalRepository {
  /** owner/name, as github.repository. */
  name: string
  /** The working tree checkout copies (tracked and untracked, not ignored, files). */
  dir: string
  sha: string
}

export interface EnvironmentSettings {
  secrets?: Record<string, string>
  vars?: Record<string, string>
}

export interface RunnerOptions {
  repository: LocalRepository
  runners: RunnerMachine[]
  /** The GitHub API stand-in: base URL and the token it accepts (github.token). */
  github: { url: string; token: string }
  /** The runner's own folder: runs, artifacts, caches, logs. */
  workDir: string
  vars?: Record<string, string>
  secrets?: Record<string, string>
  environments?: Record<string, EnvironmentSettings>
  /** The protection gate of an environment, awaited before its job starts; approves by default. */
  approve?: (environment: string, job: string) => Promise<void> | void
  /** Job instances run at once (default 2, one per core here). */
  maxParallelJobs?: number
  /** Every log line, secrets masked. */
  log?: (line: string) => void
  /** Variables every step process gets besides the runner's own (default: PATH, HOME, LANG, TMPDIR, USER). */
  env?: Record<string, string>
  /** Where setup-node keeps the Node versions it installs (default: the run's own folder). */
  toolCache?: string
  /** Runs only this job (the others are skipped), and of its matrix only the matching cells. */
  select?: JobSelection
}

/**
 * One job of a workflow, and optionally some of its matrix cells: each `cell` entry is
 * `key=value` or a bare value that one of the cell's values must equal (`small` for config: small).
 */
export interface JobSelection {
  job: string
  cell?: string[]
}

/** Whether a matrix cell matches every entry of a selection's cell list. */
export function cellMatches(matrix: Record<string, Value> | undefined, cell: readonly string[]): boolean {
  const values = Object.entries(matrix ?? {}).map(([key, value]) => [key, toText(value)] as const)
  return cell.every((entry) => {
    const eq = entry.indexOf('=')
    return eq > 0
      ? values.some(([key, value]) => key === entry.slice(0, eq) && value === entry.slice(eq + 1))
      : values.some(([, value]) => value === entry)
  })
}

export interface TriggerEvent {
  name: string
  /** github.event, without inputs. */
  payload?: Record<string, Value>
  /** workflow_dispatch inputs. */
  inputs?: Record<string, Value>
}

export type JobResult = 'success' | 'failure' | 'skipped' | 'cancelled'

export interface JobRecord {
  /** caller/job (matrix values), such as pipeline/boot-test (power9, nested). */
  path: string
  id: string
  matrix?: Record<string, Value>
  runner?: string
  environment?: string
  result: JobResult
  outputs: Record<string, string>
  steps: StepRecord[]
  summary: string
  error?: string
  /** From the job's start on its runner to its end (absent for jobs that never started). */
  durationMs?: number
}

export interface TimelineEntry {
  kind: 'job-started' | 'job-finished' | 'environment-approved'
  job: string
  detail?: string
}

export interface Annotation {
  job: string
  kind: string
  message: string
}

export interface WorkflowRun {
  result: 'success' | 'failure'
  jobs: JobRecord[]
  outputs: Record<string, string>
  timeline: TimelineEntry[]
  annotations: Annotation[]
  /** Output references that resolved to nothing, and step inputs naming paths nothing produced. */
  dangling: string[]
  /** What the attest action's stand-in attested, in order. */
  attestations: Attestation[]
  dir: string
}

/** One actions/attest step's attestation: its subjects (name and sha256) and predicate type. */
export interface Attestation {
  job: string
  predicateType: string
  subjects: { name: string; sha256: string }[]
}

/** A job's GITHUB_TOKEN permissions, scope to read, write or none. */
export type Permissions = Record<string, 'read' | 'write' | 'none'>

const PERMISSION_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'security-events',
  'statuses',
]

/** A `permissions:` value as scopes (read-all and write-all spelt out); undefined when not set. */
function permissionsOf(token: TemplateToken | undefined): Permissions | undefined {
  if (!token) return undefined
  if (isString(token)) {
    const level = token.value === 'write-all' ? 'write' : token.value === 'read-all' ? 'read' : undefined
    if (!level) throw new WorkflowSyntaxError(`permissions: ${token.value} is neither read-all nor write-all`)
    return Object.fromEntries(PERMISSION_SCOPES.map((scope) => [scope, level]))
  }
  const permissions: Permissions = {}
  for (const pair of token.assertMapping('permissions')) {
    const value = isString(pair.value) ? pair.value.value : ''
    if (!['read', 'write', 'none'].includes(value))
      throw new WorkflowSyntaxError(`permissions: ${String(pair.key)} is ${value}, not read, write or none`)
    permissions[String(pair.key)] = value as 'read' | 'write' | 'none'
  }
  return permissions
}

/** A job's own permissions (or its workflow's), no more than its caller's where it is called. */
function effectivePermissions(
  workflow: LoadedWorkflow,
  raw: MappingToken,
  cap: Permissions | undefined,
): Permissions {
  const own =
    permissionsOf(find(raw, 'permissions')) ?? permissionsOf(find(workflow.root, 'permissions')) ?? {}
  if (!cap) return own
  const rank = { none: 0, read: 1, write: 2 }
  return Object.fromEntries(
    Object.entries(own).map(([scope, level]) => {
      const limit = cap[scope] ?? 'none'
      return [scope, rank[level] <= rank[limit] ? level : limit]
    }),
  )
}

/** State shared by a run and the reusable workflows it calls. */
export interface RunState {
  id: number
  dir: string
  artifactsDir: string
  jobs: JobRecord[]
  timeline: TimelineEntry[]
  annotations: Annotation[]
  dangling: string[]
  github: Record<string, Value>
  slots: Semaphore
  /** What a called workflow's jobs may have at most (its caller job's permissions), by path prefix. */
  permissionCaps: Map<string, Permissions>
  attestations: Attestation[]
}

class Semaphore {
  private waiting: (() => void)[] = []
  constructor(private free: number) {}
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--
      return
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve))
  }
  release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.free++
  }
}

interface LoadedWorkflow {
  file: string
  root: MappingToken
  jobs: WorkflowJob[]
  events: Record<string, unknown>
  env?: TemplateToken
}

const JOB_KEYS = new Set([
  'name',
  'needs',
  'if',
  'runs-on',
  'environment',
  'concurrency',
  'timeout-minutes',
  'permissions',
  'outputs',
  'steps',
  'strategy',
  'env',
  'uses',
  'with',
  'secrets',
  'continue-on-error',
])
const STEP_KEYS = new Set([
  'id',
  'name',
  'if',
  'uses',
  'run',
  'with',
  'env',
  'shell',
  'working-directory',
  'continue-on-error',
  'timeout-minutes',
])
const WORKFLOW_KEYS = new Set(['name', 'run-name', 'on', 'permissions', 'concurrency', 'env', 'jobs'])

function find(mapping: MappingToken, key: string): TemplateToken | undefined {
  return mapping.find(key)
}

function keysOf(mapping: MappingToken): string[] {
  const keys: string[] = []
  for (const pair of mapping) keys.push(isString(pair.key) ? pair.key.value : String(pair.key))
  return keys
}

/** The raw mapping of a job (for the keys the model drops, such as a step's with:). */
function rawJob(workflow: LoadedWorkflow, id: string): MappingToken {
  const jobs = find(workflow.root, 'jobs')
  const job = jobs && isMapping(jobs) ? find(jobs, id) : undefined
  if (!job || !isMapping(job)) throw new WorkflowSyntaxError(`${workflow.file}: job ${id} not found`)
  return job
}

export function rawSteps(workflow: LoadedWorkflow, id: string): MappingToken[] {
  const steps = find(rawJob(workflow, id), 'steps')
  if (!steps || !isSequence(steps)) return []
  const list: MappingToken[] = []
  for (let i = 0; i < steps.count; i++) list.push(steps.get(i).assertMapping('step'))
  return list
}

export class WorkflowRunner {
  private runs = 0

  constructor(readonly options: RunnerOptions) {}

  /** Parses and checks a workflow file, failing on errors and on anything the runner lacks. */
  async load(file: string): Promise<LoadedWorkflow> {
    const path = isAbsolute(file) ? file : join(this.options.repository.dir, file)
    const parsed = parseWorkflow(
      { name: file, content: readFileSync(path, 'utf8') },
      new NoOperationTraceWriter(),
    )
    const errors = parsed.context.errors.getErrors().map((error) => error.message)
    if (errors.length > 0 || !parsed.value) throw new WorkflowSyntaxError(`${file}: ${errors.join('; ')}`)
    const template = await convertWorkflowTemplate(parsed.context, parsed.value)
    if (template.errors?.length)
      throw new WorkflowSyntaxError(`${file}: ${template.errors.map((e) => e.Message).join('; ')}`)
    const root = parsed.value.assertMapping('workflow')
    const workflow: LoadedWorkflow = {
      file,
      root,
      jobs: template.jobs,
      events: template.events,
      ...(template.env ? { env: template.env } : {}),
    }
    this.checkSupported(workflow)
    return workflow
  }

  private checkSupported(workflow: LoadedWorkflow): void {
    const problems: string[] = []
    for (const key of keysOf(workflow.root)) if (!WORKFLOW_KEYS.has(key)) problems.push(`workflow key ${key}`)
    for (const job of workflow.jobs) {
      const raw = rawJob(workflow, job.id.value)
      for (const key of keysOf(raw)) if (!JOB_KEYS.has(key)) problems.push(`job ${job.id.value}: key ${key}`)
      if (job.type === 'reusableWorkflowJob') {
        if (!job.ref.value.startsWith('./'))
          problems.push(`job ${job.id.value}: remote reusable workflow ${job.ref.value}`)
        if (job.strategy) problems.push(`job ${job.id.value}: a matrix over a reusable workflow`)
        continue
      }
      for (const step of rawSteps(workflow, job.id.value)) {
        for (const key of keysOf(step))
          if (!STEP_KEYS.has(key)) problems.push(`job ${job.id.value}: step key ${key}`)
        const shell = find(step, 'shell')
        if (shell && (!isString(shell) || !['bash', 'sh'].includes(shell.value)))
          problems.push(`job ${job.id.value}: shell ${String(shell)}`)
        const uses = find(step, 'uses')
        if (!uses) continue
        if (!isString(uses)) {
          problems.push(`job ${job.id.value}: uses with an expression`)
          continue
        }
        if (uses.value.startsWith('./')) continue
        const action = marketplaceAction(uses.value)
        if (!action) {
          problems.push(`job ${job.id.value}: action ${uses.value}`)
          continue
        }
        const withToken = find(step, 'with')
        if (withToken && isMapping(withToken))
          for (const key of keysOf(withToken))
            if (!(MARKETPLACE_ACTIONS[action] as readonly string[]).includes(key))
              problems.push(`job ${job.id.value}: ${action} input ${key}`)
      }
    }
    if (problems.length > 0)
      throw new WorkflowSyntaxError(
        `${workflow.file} uses what the local runner does not support: ${problems.join('; ')}`,
      )
  }

  /** Runs a workflow file (relative to the repository) for an event. */
  async run(file: string, event: TriggerEvent): Promise<WorkflowRun> {
    const workflow = await this.load(file)
    if (!(event.name in workflow.events))
      throw new WorkflowSyntaxError(
        `${file} does not run on ${event.name} (it runs on ${Object.keys(workflow.events).join(', ')})`,
      )
    const id = ++this.runs
    const dir = join(this.options.workDir, `run-${process.pid}-${Date.now()}-${id}`)
    mkdirSync(dir, { recursive: true })
    const inputs =
      event.name === 'workflow_dispatch'
        ? resolveInputs(file, inputDefinitions(workflow, 'workflow_dispatch'), event.inputs ?? {}, {})
        : {}
    const github: Record<string, Value> = {
      event_name: event.name,
      event: { ...(event.payload ?? {}), ...(event.name === 'workflow_dispatch' ? { inputs } : {}) },
      repository: this.options.repository.name,
      repository_owner: this.options.repository.name.split('/')[0]!,
      sha: this.options.repository.sha,
      workflow_sha: this.options.repository.sha,
      ref: 'refs/heads/main',
      ref_name: 'main',
      workflow: file,
      workflow_ref: `${this.options.repository.name}/${file}@refs/heads/main`,
      run_id: String(id),
      run_number: String(id),
      run_attempt: '1',
      actor: 'local-runner',
      server_url: 'https://github.com',
      api_url: this.options.github.url,
      token: this.options.github.token,
      retention_days: '90',
    }
    const state: RunState = {
      id,
      dir,
      artifactsDir: join(dir, 'artifacts'),
      jobs: [],
      timeline: [],
      annotations: [],
      dangling: [],
      github,
      slots: new Semaphore(this.options.maxParallelJobs ?? 2),
      permissionCaps: new Map(),
      attestations: [],
    }
    const result = await this.runWorkflow(workflow, state, {
      inputs,
      secrets: { ...(this.options.secrets ?? {}) },
      prefix: '',
    })
    return {
      result: result.result === 'success' ? 'success' : 'failure',
      jobs: state.jobs,
      outputs: result.outputs,
      timeline: state.timeline,
      annotations: state.annotations,
      dangling: state.dangling,
      attestations: state.attestations,
      dir,
    }
  }

  private async runWorkflow(
    workflow: LoadedWorkflow,
    state: RunState,
    call: { inputs: Record<string, Value>; secrets: Record<string, string>; prefix: string },
  ): Promise<{
    result: JobResult
    outputs: Record<string, string>
    jobs: Record<string, { result: JobResult; outputs: Record<string, string> }>
  }> {
    const base: Contexts = {
      github: state.github,
      inputs: call.inputs,
      vars: this.options.vars ?? {},
      secrets: call.secrets,
    }
    const workflowEnv = workflow.env ? stringMap(evaluateToken(workflow.env, base), 'env') : {}
    const finished = new Map<string, { result: JobResult; outputs: Record<string, string> }>()
    const pending = new Map(workflow.jobs.map((job) => [job.id.value, job]))
    const running = new Map<string, Promise<void>>()

    while (pending.size > 0 || running.size > 0) {
      for (const [id, job] of [...pending]) {
        const needs = (job.needs ?? []).map((need) => need.value)
        const unknown = needs.find((need) => !workflow.jobs.some((j) => j.id.value === need))
        if (unknown) throw new WorkflowSyntaxError(`${workflow.file}: job ${id} needs unknown job ${unknown}`)
        if (!needs.every((need) => finished.has(need))) continue
        pending.delete(id)
        const needsContext = Object.fromEntries(
          needs.map((need) => {
            const done = finished.get(need)!
            return [need, { result: done.result, outputs: done.outputs, ran: done.result !== 'skipped' }]
          }),
        )
        const status: Status = {
          success: needs.every((need) => finished.get(need)!.result === 'success'),
          failure: needs.some((need) => ['failure', 'cancelled'].includes(finished.get(need)!.result)),
        }
        const contexts: Contexts = { ...base, needs: needsContext, env: workflowEnv }
        running.set(
          id,
          this.runJob(workflow, job, contexts, status, state, call.prefix).then((done) => {
            finished.set(id, done)
            running.delete(id)
          }),
        )
      }
      if (running.size === 0 && pending.size > 0)
        throw new WorkflowSyntaxError(
          `${workflow.file}: jobs ${[...pending.keys()].join(', ')} wait on each other`,
        )
      if (running.size > 0) await Promise.race(running.values())
    }

    const jobsContext = Object.fromEntries(
      [...finished].map(([id, done]) => [id, { ...done, ran: done.result !== 'skipped' }]),
    )
    const results = [...finished.values()].map((done) => done.result)
    const result: JobResult = results.some((r) => r === 'failure' || r === 'cancelled')
      ? 'failure'
      : 'success'
    const outputs: Record<string, string> = {}
    const callOutputs = workflowCallOutputs(workflow)
    if (callOutputs) {
      for (const pair of callOutputs) {
        const name = String(evaluateToken(pair.key, base))
        const value = isMapping(pair.value) ? find(pair.value, 'value') : undefined
        if (value)
          outputs[name] = toText(
            evaluateToken(value, { ...base, jobs: jobsContext }, { dangling: state.dangling }),
          )
      }
    }
    return { result, outputs, jobs: Object.fromEntries(finished) }
  }

  private async runJob(
    workflow: LoadedWorkflow,
    job: WorkflowJob,
    contexts: Contexts,
    status: Status,
    state: RunState,
    prefix: string,
  ): Promise<{ result: JobResult; outputs: Record<string, string> }> {
    const id = job.id.value
    const path = `${prefix}${id}`
    const select = this.options.select
    const selected = !select || select.job === id
    const condition =
      selected && (job.if ? truthy(evaluateToken(job.if, contexts, { status })) : status.success)
    if (!condition) {
      state.jobs.push({ path, id, result: 'skipped', outputs: {}, steps: [], summary: '' })
      return { result: 'skipped', outputs: {} }
    }
    if (job.type === 'reusableWorkflowJob') return this.callWorkflow(workflow, job, contexts, state, path)

    const strategy = job.strategy ? (evaluateToken(job.strategy, contexts) as Record<string, Value>) : {}
    const combinations = expandMatrix(strategy.matrix as Record<string, Value> | undefined).filter(
      (matrix) => !select?.cell?.length || cellMatches(matrix, select.cell),
    )
    if (combinations.length === 0)
      throw new WorkflowSyntaxError(
        `${workflow.file}: job ${id} has no matrix cell matching ${select!.cell!.join(' ')}`,
      )
    const failFast = strategy['fail-fast'] !== false
    const outputs: Record<string, string> = {}
    let failed = false
    const results = await Promise.all(
      combinations.map(async (matrix) => {
        const instance = matrix ? `${path} (${Object.values(matrix).map(toText).join(', ')})` : path
        await state.slots.acquire()
        try {
          if (failed && failFast) {
            state.jobs.push({
              path: instance,
              id,
              ...(matrix ? { matrix } : {}),
              result: 'cancelled',
              outputs: {},
              steps: [],
              summary: '',
            })
            return 'cancelled' as JobResult
          }
          const record = await this.runJobInstance(
            workflow,
            job,
            {
              ...contexts,
              matrix: matrix ?? {},
              strategy: { 'fail-fast': failFast, 'job-total': combinations.length },
            },
            state,
            instance,
            matrix,
            prefix,
          )
          if (record.result === 'failure') failed = true
          Object.assign(outputs, record.outputs)
          return record.result
        } finally {
          state.slots.release()
        }
      }),
    )
    const result: JobResult = results.some((r) => r === 'failure')
      ? 'failure'
      : results.some((r) => r === 'cancelled')
        ? 'cancelled'
        : 'success'
    return { result, outputs }
  }

  private async runJobInstance(
    workflow: LoadedWorkflow,
    job: WorkflowJobModel,
    contexts: Contexts,
    state: RunState,
    path: string,
    matrix: Record<string, Value> | undefined,
    prefix: string,
  ): Promise<JobRecord> {
    const record: JobRecord = {
      path,
      id: job.id.value,
      ...(matrix ? { matrix } : {}),
      result: 'success',
      outputs: {},
      steps: [],
      summary: '',
    }
    state.jobs.push(record)
    const raw = rawJob(workflow, job.id.value)
    let started: number | undefined
    try {
      const labels = runsOn(job['runs-on'] ? evaluateToken(job['runs-on'], contexts) : null, path)
      const machine = this.options.runners.find((runner) =>
        labels.every((label) => runner.labels.includes(label)),
      )
      if (!machine) throw new WorkflowSyntaxError(`${path}: no runner has the labels ${labels.join(', ')}`)
      record.runner = machine.name
      let secrets = contexts.secrets as Record<string, string>
      let vars = contexts.vars as Record<string, string>
      if (job.environment) {
        const value = evaluateToken(job.environment, contexts)
        const name = toText(
          value && typeof value === 'object' && !Array.isArray(value)
            ? ((value as Record<string, Value>).name ?? null)
            : value,
        )
        if (name) {
          record.environment = name
          await this.options.approve?.(name, path)
          state.timeline.push({ kind: 'environment-approved', job: path, detail: name })
          const settings = this.options.environments?.[name] ?? {}
          secrets = { ...secrets, ...(settings.secrets ?? {}) }
          vars = { ...vars, ...(settings.vars ?? {}) }
        }
      }
      state.timeline.push({ kind: 'job-started', job: path, detail: machine.name })
      started = Date.now()
      const jobContexts: Contexts = { ...contexts, secrets, vars }
      const jobEnv = job.env ? stringMap(evaluateToken(job.env, jobContexts), `${path} env`) : {}
      const timeout = find(raw, 'timeout-minutes')
      const minutes = timeout ? Number(evaluateToken(timeout, jobContexts)) : 360
      const execution = new JobExecution({
        runner: this,
        state,
        path,
        jobId: job.id.value,
        machine,
        contexts: { ...jobContexts, env: { ...(contexts.env as Record<string, string>), ...jobEnv } },
        deadline: Date.now() + minutes * 60_000,
        record,
        secretValues: allSecretValues(this.options),
        permissions: effectivePermissions(workflow, raw, state.permissionCaps.get(prefix)),
      })
      const steps = rawSteps(workflow, job.id.value)
      await execution.run(job.steps as StepModel[], steps)
      record.result = execution.failed ? 'failure' : 'success'
      if (job.outputs) {
        for (const pair of job.outputs) {
          const name = String(evaluateToken(pair.key, jobContexts))
          record.outputs[name] = toText(
            evaluateToken(pair.value, execution.contexts(), { dangling: state.dangling }),
          )
        }
      }
    } catch (error) {
      if (error instanceof WorkflowSyntaxError) throw error
      record.result = 'failure'
      record.error = (error as Error).message
    } finally {
      if (started !== undefined) record.durationMs = Date.now() - started
      state.timeline.push({ kind: 'job-finished', job: path, detail: record.result })
    }
    return record
  }

  private async callWorkflow(
    caller: LoadedWorkflow,
    job: ReusableWorkflowJob,
    contexts: Contexts,
    state: RunState,
    path: string,
  ): Promise<{ result: JobResult; outputs: Record<string, string> }> {
    const called = await this.load(job.ref.value.slice(2))
    if (!('workflow_call' in called.events))
      throw new WorkflowSyntaxError(`${caller.file}: ${job.ref.value} does not run on workflow_call`)
    const definitions = called.events.workflow_call as {
      secrets?: Record<string, { required?: boolean }>
    } | null
    const given = job['input-values']
      ? (evaluateToken(job['input-values'], contexts) as Record<string, Value>)
      : {}
    const inputs = resolveInputs(called.file, inputDefinitions(called, 'workflow_call'), given, contexts)
    let secrets: Record<string, string> = {}
    if (job['inherit-secrets']) secrets = { ...(contexts.secrets as Record<string, string>) }
    else if (job['secret-values']) {
      const passed = stringMap(evaluateToken(job['secret-values'], contexts), `${path} secrets`)
      for (const name of Object.keys(passed))
        if (!definitions?.secrets || !(name in definitions.secrets))
          throw new WorkflowSyntaxError(`${caller.file}: ${job.ref.value} declares no secret ${name}`)
      secrets = Object.fromEntries(Object.entries(passed).filter(([, value]) => value !== ''))
    }
    for (const [name, definition] of Object.entries(definitions?.secrets ?? {}))
      if (definition?.required && !secrets[name])
        throw new WorkflowSyntaxError(`${path}: required secret ${name} was not passed`)
    state.timeline.push({ kind: 'job-started', job: path, detail: called.file })
    // The called workflow's jobs get at most what the calling job has.
    const callerPrefix = path.slice(0, path.length - job.id.value.length)
    state.permissionCaps.set(
      `${path}/`,
      effectivePermissions(caller, rawJob(caller, job.id.value), state.permissionCaps.get(callerPrefix)),
    )
    const result = await this.runWorkflow(called, state, { inputs, secrets, prefix: `${path}/` })
    state.jobs.push({
      path,
      id: job.id.value,
      result: result.result,
      outputs: result.outputs,
      steps: [],
      summary: '',
    })
    state.timeline.push({ kind: 'job-finished', job: path, detail: result.result })
    return { result: result.result, outputs: result.outputs }
  }
}

type InputDefinitions = Record<
  string,
  { type?: string; required?: boolean; default?: TemplateToken; options?: string[] }
>

/** An event's input definitions, read from the file (the model keeps no number inputs). */
function inputDefinitions(
  workflow: LoadedWorkflow,
  event: 'workflow_call' | 'workflow_dispatch',
): InputDefinitions {
  const on = find(workflow.root, 'on')
  const trigger = on && isMapping(on) ? find(on, event) : undefined
  const inputs = trigger && isMapping(trigger) ? find(trigger, 'inputs') : undefined
  if (!inputs || !isMapping(inputs)) return {}
  const definitions: InputDefinitions = {}
  for (const pair of inputs) {
    const name = String(evaluateToken(pair.key, {}))
    const definition = pair.value.assertMapping(`input ${name}`)
    const literal = (key: string) => {
      const token = find(definition, key)
      return token ? evaluateToken(token, {}) : undefined
    }
    const fallback = find(definition, 'default')
    definitions[name] = {
      ...(literal('type') !== undefined ? { type: toText(literal('type')!) } : {}),
      required: literal('required') === true,
      ...(fallback ? { default: fallback } : {}),
      ...(Array.isArray(literal('options')) ? { options: (literal('options') as Value[]).map(toText) } : {}),
    }
  }
  return definitions
}

/** Given inputs checked against their definitions (types, options, required) with defaults filled in. */
function resolveInputs(
  file: string,
  definitions: InputDefinitions,
  given: Record<string, Value>,
  contexts: Contexts,
): Record<string, Value> {
  const unknown = Object.keys(given).filter((name) => !(name in definitions))
  if (unknown.length > 0) throw new WorkflowSyntaxError(`${file} has no input ${unknown.join(', ')}`)
  const inputs: Record<string, Value> = {}
  for (const [name, definition] of Object.entries(definitions)) {
    let value: Value | undefined = given[name]
    if ((value === undefined || value === null) && definition.default)
      value = evaluateToken(definition.default, contexts)
    if (value === undefined) {
      if (definition.required) throw new WorkflowSyntaxError(`${file}: required input ${name} was not given`)
      value = definition.type === 'boolean' ? false : definition.type === 'number' ? 0 : ''
    }
    if (definition.type === 'boolean') {
      if (typeof value === 'string' && ['true', 'false'].includes(value)) value = value === 'true'
      if (typeof value !== 'boolean')
        throw new WorkflowSyntaxError(
          `${file}: input ${name} must be a boolean, not ${JSON.stringify(value)}`,
        )
    } else if (definition.type === 'number') {
      value = Number(value)
      if (Number.isNaN(value)) throw new WorkflowSyntaxError(`${file}: input ${name} must be a number`)
    } else {
      if (typeof value !== 'string') value = toText(value)
      if (definition.type === 'choice' && definition.options && !definition.options.includes(value))
        throw new WorkflowSyntaxError(
          `${file}: input ${name} must be one of ${definition.options.join(', ')}, not ${value}`,
        )
    }
    inputs[name] = value
  }
  return inputs
}

function workflowCallOutputs(workflow: LoadedWorkflow): MappingToken | undefined {
  const on = find(workflow.root, 'on')
  if (!on || !isMapping(on)) return undefined
  const call = find(on, 'workflow_call')
  if (!call || !isMapping(call)) return undefined
  const outputs = find(call, 'outputs')
  return outputs && isMapping(outputs) ? outputs : undefined
}

function runsOn(value: Value, path: string): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value) && value.every((label) => typeof label === 'string')) return value as string[]
  throw new WorkflowSyntaxError(
    `${path}: runs-on must be a label or a list of labels, not ${JSON.stringify(value)}`,
  )
}

/** The matrix's combinations (include and exclude as GitHub applies them), or [undefined] without one. */
export function expandMatrix(
  matrix: Record<string, Value> | undefined,
): (Record<string, Value> | undefined)[] {
  if (!matrix) return [undefined]
  const { include, exclude, ...axes } = matrix as {
    include?: Record<string, Value>[]
    exclude?: Record<string, Value>[]
  } & Record<string, Value>
  let combinations: Record<string, Value>[] = [{}]
  for (const [key, values] of Object.entries(axes)) {
    if (!Array.isArray(values)) throw new WorkflowSyntaxError(`matrix ${key} must be a list`)
    combinations = combinations.flatMap((combination) =>
      values.map((value) => ({ ...combination, [key]: value })),
    )
  }
  const matches = (combination: Record<string, Value>, filter: Record<string, Value>) =>
    Object.entries(filter).every(([key, value]) => JSON.stringify(combination[key]) === JSON.stringify(value))
  combinations = combinations.filter(
    (combination) => !(exclude ?? []).some((filter) => matches(combination, filter)),
  )
  for (const extra of include ?? []) {
    const original = Object.fromEntries(Object.entries(extra).filter(([key]) => key in axes))
    const targets = combinations.filter((combination) => matches(combination, original))
    if (targets.length > 0) targets.forEach((combination) => Object.assign(combination, extra))
    else combinations.push({ ...extra })
  }
  return combinations.length > 0 ? combinations : [undefined]
}

function stringMap(value: Value, what: string): Record<string, string> {
  if (value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value))
    throw new WorkflowSyntaxError(`${what} must be a mapping`)
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toText(entry)]))
}

function allSecretValues(options: RunnerOptions): Record<string, string> {
  const values: Record<string, string> = { ...(options.secrets ?? {}) }
  for (const [environment, settings] of Object.entries(options.environments ?? {}))
    for (const [name, value] of Object.entries(settings.secrets ?? {}))
      values[`${environment}/${name}`] = value
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value.length > 0))
}

/** Each failed job and step, with the step's last log lines: what a test shows when a run fails. */
export function failures(run: WorkflowRun): string[] {
  return run.jobs.flatMap((job) => [
    ...(job.error ? [`${job.path}: ${job.error}`] : []),
    ...job.steps
      .filter((step) => step.error)
      .map((step) =>
        [
          `${job.path} ${step.name}: ${step.error}`,
          ...(step.logTail ?? []).map((line) => `    ${line}`),
        ].join('\n'),
      ),
  ])
}
