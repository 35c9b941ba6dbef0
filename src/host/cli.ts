/**
 * The command line as an ActionHost: inputs from `--input name=value`, outputs and a plain-text
 * summary on stdout, state in a JSON file (so a separate post run can clean up after a killed
 * main), and a cache in a local folder.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { exec } from '../exec/exec.js'
import type { Summary } from '../report/summary.js'
import type { ActionHost } from './host.js'
import type { ArtifactCache } from '../fs/artifact-cache.js'

export interface CliHostOptions {
  inputs: Record<string, string>
  workspace: string
  stateFile: string
  cacheDir: string
  out?: (text: string) => void
  err?: (text: string) => void
}

/**
 * Tarballs in a folder, named by a hash of the key; restore keys match on the key's prefix.
 * Paths may be absolute or relative to the workspace; they are stored from / so that they
 * restore to the same place.
 */
export function folderCache(dir: string, workspace: string): ArtifactCache {
  const file = (key: string): string =>
    join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.tar`)
  const index = join(dir, 'keys.json')
  const readIndex = (): Record<string, string> =>
    existsSync(index) ? (JSON.parse(readFileSync(index, 'utf8')) as Record<string, string>) : {}
  return {
    async restore(_paths, key, restoreKeys = []) {
      const keys = readIndex()
      let hit: string | undefined = keys[key] && existsSync(file(key)) ? key : undefined
      for (const prefix of restoreKeys) {
        if (hit) break
        hit = Object.keys(keys)
          .filter((k) => k.startsWith(prefix) && existsSync(file(k)))
          .sort((a, b) => statSync(file(b)).mtimeMs - statSync(file(a)).mtimeMs)[0]
      }
      if (!hit) return undefined
      await exec(['tar', '-xf', file(hit), '-C', '/'])
      return hit
    },
    async save(paths, key) {
      mkdirSync(dir, { recursive: true })
      const target = file(key)
      const fromRoot = paths.map((path) => relative('/', resolve(workspace, path)))
      await exec(['tar', '-cf', `${target}.partial`, '-C', '/', '--', ...fromRoot])
      renameSync(`${target}.partial`, target)
      writeFileSync(index, JSON.stringify({ ...readIndex(), [key]: paths.join('\n') }, null, 2))
    },
  }
}

export interface CliHost extends ActionHost {
  readonly outputs: Record<string, string>
}

export function cliHost(options: CliHostOptions): CliHost {
  const out = options.out ?? ((text) => process.stdout.write(text))
  const err = options.err ?? ((text) => process.stderr.write(text))
  const secrets: string[] = []
  const mask = (text: string): string =>
    secrets.reduce((masked, secret) => masked.split(secret).join('***'), text)
  const readState = (): Record<string, string> =>
    existsSync(options.stateFile)
      ? (JSON.parse(readFileSync(options.stateFile, 'utf8')) as Record<string, string>)
      : {}
  const outputs: Record<string, string> = {}
  let depth = 0
  const indent = (): string => '  '.repeat(depth)

  return {
    kind: 'cli',
    summaryInLog: true,
    workspace: options.workspace,
    runInfo: {},
    cache: folderCache(options.cacheDir, options.workspace),
    outputs,
    getInput: (name) => options.inputs[name] ?? '',
    setOutput: (name, value) => {
      outputs[name] = value
    },
    setSecret: (value) => {
      if (value) secrets.push(value)
    },
    info: (message) => out(mask(`${indent()}${message}\n`)),
    warning: (message) => err(mask(`${indent()}warning: ${message}\n`)),
    debug: (message) => {
      if (process.env.RUNNER_DEBUG === '1') err(mask(`${indent()}debug: ${message}\n`))
    },
    async group(title, fn) {
      out(mask(`${indent()}▸ ${title}\n`))
      depth++
      try {
        return await fn()
      } finally {
        depth--
      }
    },
    annotate: (kind, message, properties) => {
      const where = properties?.file
        ? ` (${properties.file}${properties.startLine ? `:${properties.startLine}` : ''})`
        : ''
      err(mask(`${kind}: ${properties?.title ? properties.title + ': ' : ''}${message}${where}\n`))
    },
    async writeSummary(summary: Summary) {
      out(mask(`\n${summary.toText()}\n`))
    },
    saveState: (name, value) => {
      mkdirSync(join(options.stateFile, '..'), { recursive: true })
      writeFileSync(options.stateFile, JSON.stringify({ ...readState(), [name]: value }, null, 2))
    },
    getState: (name) => readState()[name] ?? '',
    fail: (headline) => err(mask(`${headline}\n`)),
  }
}

/**
 * Toolkit libraries (@actions/glob) log through core.debug, which writes `::debug::` runner
 * commands to stdout; a terminal has no runner to read them, so the command line drops them.
 */
export function dropRunnerDebugLines(stream: NodeJS.WriteStream = process.stdout): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    typeof chunk === 'string' && chunk.startsWith('::debug::')
      ? true
      : write(chunk, ...rest)) as typeof stream.write
}
