/**
 * One job's steps on this machine, as the GitHub runner runs them: a fresh workspace and temp
 * folder, the GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH / GITHUB_STEP_SUMMARY / GITHUB_STATE files
 * per step, bash for run: steps, node for local actions (INPUT_* variables, defaults from
 * action.yml, a post phase with the state main saved), workflow commands on stdout (masks,
 * annotations), secrets masked in the log, and the job's timeout.
 */
import * as glob from '@actions/glob'
import type { Step as StepModel } from '@actions/workflow-parser/model/workflow-template'
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token'
import { spawn } from 'node:child_process'
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { isString } from '@actions/workflow-parser'
import {
  type Contexts,
  evaluate,
  evaluateTemplateString,
  evaluateToken,
  toText,
  truthy,
  type Value,
  WorkflowSyntaxError,
} from './expressions.js'
import { marketplaceAction, runMarketplaceAction, StepFailure } from './marketplace.js'
import type { JobRecord, Permissions, RunnerMachine, RunState, WorkflowRunner } from './runner.js'

export interface StepRecord {
  id: string
  name: string
  phase: 'main' | 'post'
  outcome: 'success' | 'failure' | 'skipped'
  conclusion: 'success' | 'failure' | 'skipped'
  error?: string
  /** The step's last log lines, when it failed. */
  logTail?: string[]
  /** The secrets (by name) whose values the step's process had in its environment. */
  secrets: string[]
}

export interface JobExecutionOptions {
  runner: WorkflowRunner
  state: RunState
  path: string
  jobId: string
  machine: RunnerMachine
  contexts: Contexts
  deadline: number
  record: JobRecord
  /** Every secret the run knows, by name, to mask and to track. */
  secretValues: Record<string, string>
  /** The job's GITHUB_TOKEN permissions (its own or its workflow's, capped by a calling job's). */
  permissions: Permissions
}

interface ActionMetadata {
  inputs?: Record<string, { default?: string; description?: string; required?: boolean }>
  runs: { using: string; main?: string; pre?: string; post?: string; 'post-if'?: string }
}

/** Input descriptions of the paths an action consumes (the generated action.yml wording). */
const CONSUMED_PATH = /Accepted: (a path to an existing|a JSON list of RPM paths)/

function find(mapping: MappingToken, key: string) {
  return mapping.find(key)
}

/** key=value lines and key<<DELIMITER blocks, as GITHUB_OUTPUT and GITHUB_ENV hold them. */
export function parseKeyValueFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (!line.trim()) continue
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line)
    if (heredoc) {
      const body: string[] = []
      while (++i < lines.length && lines[i] !== heredoc[2]) body.push(lines[i]!)
      if (i >= lines.length) throw new StepFailure(`Matching delimiter not found '${heredoc[2]}'`)
      values[heredoc[1]!] = body.join('\n')
      continue
    }
    const eq = line.indexOf('=')
    if (eq <= 0) throw new StepFailure(`Invalid format '${line}'`)
    values[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return values
}

function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'USER', 'LOGNAME', 'KVM_ACTIONS_CACHE']
  return Object.fromEntries(keep.flatMap((key) => (process.env[key] ? [[key, process.env[key]!]] : [])))
}

export class JobExecution {
  failed = false
  private readonly steps: Record<string, Record<string, Value>> = {}
  private readonly envFromFiles: Record<string, string> = {}
  private readonly pathAdditions: string[] = []
  private readonly posts: (() => Promise<void>)[] = []
  private readonly onSuccess: (() => Promise<void>)[] = []
  private readonly masks = new Set<string>()
  private readonly dir: string
  readonly workspace: string
  private readonly temp: string
  private readonly eventPath: string
  private stepCount = 0
  private recent: string[] = []

  constructor(private readonly options: JobExecutionOptions) {
    this.dir = join(options.state.dir, 'jobs', options.path.replace(/[^\w.-]+/g, '_'))
    this.workspace = join(this.dir, 'workspace')
    this.temp = join(this.dir, 'temp')
    for (const dir of [this.workspace, this.temp]) mkdirSync(dir, { recursive: true })
    this.eventPath = join(this.dir, 'event.json')
    writeFileSync(this.eventPath, JSON.stringify(options.state.github.event ?? {}))
    for (const value of Object.values(options.secretValues)) this.mask(value)
  }

  /** PATH as the job's next step sees it: GITHUB_PATH and setup actions' additions first. */
  private stepPath(): string {
    const base = this.options.runner.options.env ?? baseEnv()
    return [...this.pathAdditions, base.PATH ?? process.env.PATH ?? ''].join(':')
  }

  private mask(value: string): void {
    for (const part of [value, ...value.split('\n')]) if (part.trim().length >= 3) this.masks.add(part)
  }

  private log(line: string): void {
    let masked = line
    for (const secret of this.masks) masked = masked.split(secret).join('***')
    appendFileSync(join(this.dir, 'log.txt'), `${masked}\n`)
    this.recent = [...this.recent.slice(-39), masked]
    this.options.runner.options.log?.(`[${this.options.path}] ${masked}`)
  }

  contexts(extraEnv: Record<string, string> = {}): Contexts {
    const { contexts, machine } = this.options
    return {
      ...contexts,
      github: {
        ...(contexts.github as Record<string, Value>),
        job: this.options.jobId,
        workspace: this.workspace,
      },
      env: { ...(contexts.env as Record<string, string>), ...this.envFromFiles, ...extraEnv },
      steps: this.steps,
      job: { status: this.failed ? 'failure' : 'success' },
      runner: {
        name: machine.name,
        os: 'Linux',
        arch: 'X64',
        temp: this.temp,
        tool_cache: join(this.dir, 'tool-cache'),
      },
    }
  }

  async run(models: StepModel[], raws: MappingToken[]): Promise<void> {
    for (let i = 0; i < models.length; i++) await this.runStep(models[i]!, raws[i]!)
    for (const post of this.posts.reverse()) await post()
    if (!this.failed) for (const save of this.onSuccess) await save()
  }

  private async runStep(model: StepModel, raw: MappingToken): Promise<void> {
    const idToken = find(raw, 'id')
    const id = idToken ? toText(evaluateToken(idToken, {})) : model.id
    const uses = find(raw, 'uses')
    const run = find(raw, 'run')
    const nameToken = find(raw, 'name')
    const status = { success: !this.failed, failure: this.failed }
    const contexts = this.contexts()
    const name = nameToken
      ? toText(evaluateToken(nameToken, contexts))
      : uses
        ? toText(evaluateToken(uses, {}))
        : `Run ${run && isString(run) ? run.value.split('\n')[0] : ''}`.trim()
    const record: StepRecord = {
      id,
      name,
      phase: 'main',
      outcome: 'skipped',
      conclusion: 'skipped',
      secrets: [],
    }
    this.options.record.steps.push(record)
    const condition =
      'if' in model && model.if ? truthy(evaluateToken(model.if, contexts, { status })) : status.success
    if (!condition) {
      this.steps[id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped', ran: false }
      this.log(`skipped: ${name}`)
      return
    }
    this.log(`▶ ${name}`)
    this.recent = []
    const envToken = find(raw, 'env')
    const stepEnv = envToken ? stringValues(evaluateToken(envToken, contexts)) : {}
    const stepContexts = this.contexts(stepEnv)
    const continueToken = find(raw, 'continue-on-error')
    const continueOnError = continueToken ? truthy(evaluateToken(continueToken, stepContexts)) : false
    const outputs: Record<string, string> = {}
    // This step's own references: jobs run concurrently, and another job's output expressions
    // must not be blamed on this step. They join the run's list when the step is done.
    const dangling: string[] = []
    try {
      if (run) {
        const script = toText(evaluateToken(run, stepContexts, { dangling }))
        const shellToken = find(raw, 'shell')
        const shell = shellToken ? toText(evaluateToken(shellToken, {})) : 'bash'
        const dirToken = find(raw, 'working-directory')
        const cwd = dirToken
          ? resolve(this.workspace, toText(evaluateToken(dirToken, stepContexts)))
          : this.workspace
        const file = join(this.temp, `${id}-${++this.stepCount}.sh`)
        writeFileSync(file, script)
        const argv =
          shell === 'sh' ? ['sh', '-e', file] : ['bash', '--noprofile', '--norc', '-eo', 'pipefail', file]
        await this.process(record, argv, { ...stepEnv }, cwd, outputs, this.stepTimeout(raw, stepContexts))
      } else if (uses) {
        const reference = toText(evaluateToken(uses, {}))
        const withToken = find(raw, 'with')
        const given = withToken ? stringValues(evaluateToken(withToken, stepContexts, { dangling })) : {}
        const action = marketplaceAction(reference)
        if (action) {
          await runMarketplaceAction(action, {
            workspace: this.workspace,
            inputs: given,
            repository: this.options.runner.options.repository,
            artifactsDir: this.options.state.artifactsDir,
            cacheDir: join(this.options.runner.options.workDir, 'cache'),
            setOutput: (key, value) => (outputs[key] = value),
            warning: (message) => this.annotate('warning', message),
            info: (message) => this.log(message),
            onJobSuccess: (fn) => this.onSuccess.push(fn),
            path: this.stepPath(),
            addPath: (dir) => this.pathAdditions.unshift(dir),
            toolCache:
              this.options.runner.options.toolCache ??
              join(this.options.runner.options.workDir, 'tool-cache'),
            permissions: this.options.permissions,
            attest: (attestation) =>
              this.options.state.attestations.push({ job: this.options.path, ...attestation }),
          })
        } else {
          await this.localAction(
            record,
            id,
            reference,
            given,
            stepEnv,
            outputs,
            this.stepTimeout(raw, stepContexts),
          )
        }
      }
      if (dangling.length > 0) {
        this.options.state.dangling.push(...dangling)
        throw new StepFailure(`references what no earlier step produced: ${dangling.join(', ')}`)
      }
      record.outcome = 'success'
    } catch (error) {
      if (error instanceof WorkflowSyntaxError) throw error
      record.outcome = 'failure'
      record.error = (error as Error).message
      record.logTail = this.recent.filter((line) => !line.startsWith('::'))
      this.log(`✖ ${name}: ${record.error}`)
    }
    record.conclusion = record.outcome === 'failure' && continueOnError ? 'success' : record.outcome
    if (record.conclusion === 'failure') this.failed = true
    this.steps[id] = { outputs, outcome: record.outcome, conclusion: record.conclusion, ran: true }
  }

  private stepTimeout(raw: MappingToken, contexts: Contexts): number {
    const token = find(raw, 'timeout-minutes')
    const own = token ? Number(evaluateToken(token, contexts)) * 60_000 : Infinity
    return Math.max(0, Math.min(own, this.options.deadline - Date.now()))
  }

  private annotate(kind: string, message: string): void {
    this.options.state.annotations.push({ job: this.options.path, kind, message })
    this.log(`${kind}: ${message}`)
  }

  private async localAction(
    record: StepRecord,
    id: string,
    reference: string,
    given: Record<string, string>,
    stepEnv: Record<string, string>,
    outputs: Record<string, string>,
    timeoutMs: number,
  ): Promise<void> {
    const actionDir = resolve(this.workspace, reference)
    const file = ['action.yml', 'action.yaml']
      .map((name) => join(actionDir, name))
      .find((path) => existsSync(path))
    if (!file)
      throw new StepFailure(
        `Can't find 'action.yml' under '${actionDir}'. Did you forget to run actions/checkout before running your local action?`,
      )
    const metadata = parseYaml(readFileSync(file, 'utf8')) as ActionMetadata
    if (!['node20', 'node24'].includes(metadata.runs.using))
      throw new WorkflowSyntaxError(
        `${reference}: runs.using ${metadata.runs.using} is not supported by the local runner`,
      )
    if (metadata.runs.pre)
      throw new WorkflowSyntaxError(`${reference}: runs.pre is not supported by the local runner`)
    const declared = metadata.inputs ?? {}
    const unknown = Object.keys(given).filter((name) => !(name in declared))
    if (unknown.length > 0) throw new WorkflowSyntaxError(`${reference} has no input ${unknown.join(', ')}`)
    const contexts = this.contexts(stepEnv)
    const inputs: Record<string, string> = {}
    for (const [name, definition] of Object.entries(declared)) {
      const value =
        name in given ? given[name]! : evaluateTemplateString(String(definition.default ?? ''), contexts)
      inputs[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
      if (value && CONSUMED_PATH.test(definition.description ?? '')) await this.checkConsumed(id, name, value)
    }
    const env = { ...stepEnv, ...inputs, GITHUB_ACTION_PATH: actionDir }
    const node = process.execPath
    const main = join(actionDir, metadata.runs.main!)
    const stateFile = join(this.temp, `${id}-state`)
    await this.process(record, [node, main], env, this.workspace, outputs, timeoutMs, stateFile)
    if (metadata.runs.post) {
      const post = join(actionDir, metadata.runs.post)
      const postIf = metadata.runs['post-if'] ?? 'always()'
      this.posts.push(async () => {
        const status = { success: !this.failed, failure: this.failed }
        const expression = postIf.replace(/^\$\{\{\s*|\s*\}\}$/g, '')
        if (!truthy(evaluate(expression, this.contexts(), { status }))) return
        const postRecord: StepRecord = {
          id,
          name: `Post ${record.name}`,
          phase: 'post',
          outcome: 'success',
          conclusion: 'success',
          secrets: [],
        }
        this.options.record.steps.push(postRecord)
        const saved = existsSync(stateFile) ? parseKeyValueFile(readFileSync(stateFile, 'utf8')) : {}
        const state = Object.fromEntries(Object.entries(saved).map(([key, value]) => [`STATE_${key}`, value]))
        try {
          await this.process(
            postRecord,
            [node, post],
            { ...env, ...state },
            this.workspace,
            {},
            Math.max(0, this.options.deadline - Date.now()),
          )
        } catch (error) {
          postRecord.outcome = postRecord.conclusion = 'failure'
          postRecord.error = (error as Error).message
          this.failed = true
        }
      })
    }
  }

  /** A path or RPM-set input must name something that exists by now. */
  private async checkConsumed(id: string, name: string, value: string): Promise<void> {
    let items: string[]
    try {
      items = value.startsWith('[') ? (JSON.parse(value) as string[]) : value.split(/[\n,]/)
    } catch {
      return // the action reports its own input errors
    }
    for (const item of items.map((entry) => entry.trim()).filter(Boolean)) {
      if (/^[a-z]+:\/\//.test(item)) continue
      const full = isAbsolute(item) ? item : join(this.workspace, item)
      const found = /[*?[]/.test(item)
        ? (await (await glob.create(full)).glob()).length > 0
        : existsSync(full)
      if (!found) {
        const reference = `${this.options.path} step ${id}: input ${name} names ${item}, which no earlier step produced`
        this.options.state.dangling.push(reference)
        throw new StepFailure(reference)
      }
    }
  }

  /** Runs a step's process with the runner files, collecting outputs, env and path additions. */
  private async process(
    record: StepRecord,
    argv: string[],
    extraEnv: Record<string, string>,
    cwd: string,
    outputs: Record<string, string>,
    timeoutMs: number,
    stateFile?: string,
  ): Promise<void> {
    const files = join(this.temp, `_runner_file_commands_${++this.stepCount}`)
    mkdirSync(files, { recursive: true })
    const names = {
      GITHUB_OUTPUT: 'output',
      GITHUB_ENV: 'env',
      GITHUB_PATH: 'path',
      GITHUB_STEP_SUMMARY: 'summary',
      GITHUB_STATE: 'state',
    }
    const fileEnv = Object.fromEntries(Object.entries(names).map(([key, file]) => [key, join(files, file)]))
    if (stateFile) fileEnv.GITHUB_STATE = stateFile
    for (const path of Object.values(fileEnv)) if (!existsSync(path)) writeFileSync(path, '')
    const github = this.options.state.github
    const base = this.options.runner.options.env ?? baseEnv()
    const env: Record<string, string> = {
      ...base,
      PATH: this.stepPath(),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: this.workspace,
      GITHUB_REPOSITORY: toText(github.repository ?? null),
      GITHUB_REPOSITORY_OWNER: toText(github.repository_owner ?? null),
      GITHUB_SHA: toText(github.sha ?? null),
      GITHUB_REF: toText(github.ref ?? null),
      GITHUB_REF_NAME: toText(github.ref_name ?? null),
      GITHUB_EVENT_NAME: toText(github.event_name ?? null),
      GITHUB_EVENT_PATH: this.eventPath,
      GITHUB_RUN_ID: toText(github.run_id ?? null),
      GITHUB_RUN_NUMBER: toText(github.run_number ?? null),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: toText(github.server_url ?? null),
      GITHUB_API_URL: toText(github.api_url ?? null),
      GITHUB_GRAPHQL_URL: `${toText(github.api_url ?? null)}/graphql`,
      GITHUB_WORKFLOW: toText(github.workflow ?? null),
      GITHUB_JOB: this.options.jobId,
      GITHUB_ACTION: record.id,
      GITHUB_ACTOR: toText(github.actor ?? null),
      RUNNER_NAME: this.options.machine.name,
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_TEMP: this.temp,
      RUNNER_TOOL_CACHE: join(this.dir, 'tool-cache'),
      ...fileEnv,
      ...(this.options.contexts.env as Record<string, string>),
      ...this.envFromFiles,
      ...extraEnv,
    }
    record.secrets = Object.entries(this.options.secretValues)
      .filter(([, value]) => Object.values(env).some((entry) => entry.includes(value)))
      .map(([name]) => name)
    const exitCode = await new Promise<number>((resolveExit, reject) => {
      const child = spawn(argv[0]!, argv.slice(1), {
        cwd,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let timedOut = false
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            timedOut = true
            try {
              process.kill(-child.pid!, 'SIGKILL')
            } catch {
              // already gone
            }
          }, timeoutMs)
        : undefined
      const pending = { out: '', err: '' }
      const onData = (stream: 'out' | 'err') => (chunk: Buffer) => {
        const text = pending[stream] + chunk.toString('utf8')
        const lines = text.split('\n')
        pending[stream] = lines.pop()!
        for (const line of lines) this.onLine(line)
      }
      child.stdout.on('data', onData('out'))
      child.stderr.on('data', onData('err'))
      child.on('error', reject)
      child.on('close', (code) => {
        if (timer) clearTimeout(timer)
        for (const rest of [pending.out, pending.err]) if (rest) this.onLine(rest)
        if (timedOut) reject(new StepFailure(`The step timed out after ${Math.round(timeoutMs / 1000)} s`))
        else resolveExit(code ?? 1)
      })
    })
    Object.assign(outputs, parseKeyValueFile(readFileSync(fileEnv.GITHUB_OUTPUT!, 'utf8')))
    Object.assign(this.envFromFiles, parseKeyValueFile(readFileSync(fileEnv.GITHUB_ENV!, 'utf8')))
    this.pathAdditions.unshift(
      ...readFileSync(fileEnv.GITHUB_PATH!, 'utf8').split('\n').filter(Boolean).reverse(),
    )
    const summary = readFileSync(fileEnv.GITHUB_STEP_SUMMARY!, 'utf8')
    if (summary) this.options.record.summary += summary.endsWith('\n') ? summary : `${summary}\n`
    if (exitCode !== 0) throw new StepFailure(`Process completed with exit code ${exitCode}.`)
  }

  /** Workflow commands on a step's output: masks and annotations; the rest is logged. */
  private onLine(line: string): void {
    const command = /^::([\w-]+)( [^:]*)?::(.*)$/.exec(line)
    if (command) {
      const [, name, , message] = command
      if (name === 'add-mask') {
        this.mask(message!)
        return
      }
      if (name === 'error' || name === 'warning' || name === 'notice') {
        this.annotate(name, decodeCommand(message!))
        return
      }
      if (name === 'set-output' || name === 'save-state' || name === 'set-env' || name === 'add-path')
        throw new WorkflowSyntaxError(`the deprecated ::${name}:: command is not supported`)
      if (name === 'debug') return
    }
    this.log(line)
  }
}

function decodeCommand(message: string): string {
  return message.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function stringValues(value: Value): Record<string, string> {
  if (value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value))
    throw new WorkflowSyntaxError('with: and env: must be mappings')
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toText(entry)]))
}
