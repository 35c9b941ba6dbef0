/**
 * kvm-actions: the suite's actions outside GitHub Actions, through exactly the same entry code.
 *
 *   kvm-actions <action> [--input name=value]... [--phase main|post|all] [--workspace DIR]
 *
 * Outputs are printed as name=value lines after a plain-text summary; the exit code is the
 * action's. The post phase runs after main, as on the runner with post-if: always().
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ConfigurationError } from '../errors.js'
import type { InputSpecs } from '../action/inputs.js'
import { runAction } from '../action/run.js'
import { ACTIONS, findAction } from '../actions.js'
import { cliHost } from '../host/cli.js'
import { defaultCacheDir } from '../fs/paths.js'
import { runAutopatch } from './autopatch.js'
import type { CliIo } from './io.js'

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
}

const PHASES = ['main', 'post', 'all'] as const

export function usage(): string {
  return [
    'Usage: kvm-actions <action> [--input name=value]... [--input-file name=FILE]... [--phase main|post|all] [--workspace DIR] [--state-file FILE]',
    '       Secrets (keys, passphrases) belong in --input-file or in INPUT_<NAME> variables, which no other',
    '       process can read from the command line; --input values show in ps.',
    '       kvm-actions autopatch --config FILE --package DIR [--files DIR] [--scripts DIR]',
    '       kvm-actions list',
    '',
    'Actions:',
    ...ACTIONS.map((action) => `  ${action.name.padEnd(16)} ${action.description}`),
    '',
    "Run 'kvm-actions <action> --help' for an action's inputs and outputs.",
    '',
  ].join('\n')
}

function actionHelp(name: string): string {
  const action = findAction(name)!
  const lines = [`${action.name}: ${action.description}`, '', 'Inputs (--input name=value):']
  for (const [input, def] of Object.entries(action.inputs as InputSpecs)) {
    const flag = def.required ? ' (required)' : def.default !== undefined ? ` (default: ${def.default})` : ''
    lines.push(`  ${input}${flag}`, `      ${def.description}`, `      Accepted: ${def.accepted}`)
  }
  lines.push(
    '',
    'Outputs:',
    ...Object.entries(action.outputs).map(([output, text]) => `  ${output}: ${text}`),
    '',
  )
  return lines.join('\n')
}

interface Parsed {
  action: string
  inputs: Record<string, string>
  phase: (typeof PHASES)[number]
  workspace?: string
  stateFile?: string
  help: boolean
}

function namedValue(flag: string, pair: string): [string, string] {
  const eq = pair.indexOf('=')
  if (eq <= 0) {
    const form = flag === '--input-file' ? 'name=path' : 'name=value'
    throw new ConfigurationError(`Option ${flag} has value ${JSON.stringify(pair)}; expected ${form}.`)
  }
  return [pair.slice(0, eq), pair.slice(eq + 1)]
}

function readInputFile(name: string, path: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, path), 'utf8')
  } catch (error) {
    throw new ConfigurationError(
      `Option --input-file ${name}=${path} names a file that cannot be read (${(error as NodeJS.ErrnoException).code}); expected a readable file holding the value.`,
    )
  }
}

/** INPUT_<NAME> as the runner sets them (spaces as _, upper case; hyphens kept, or as _ for shells). */
function environmentInputs(names: string[], env: NodeJS.ProcessEnv): Record<string, string> {
  const found: Record<string, string> = {}
  for (const name of names) {
    const upper = name.replace(/ /g, '_').toUpperCase()
    const value = env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`]
    if (value !== undefined) found[name] = value
  }
  return found
}

function parseArgs(args: string[], cwd: string): Parsed {
  const [action = '', ...rest] = args
  const parsed: Parsed = { action, inputs: {}, phase: 'all', help: false }
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!
    const value = (): string => {
      const next = rest[++i]
      if (next === undefined) throw new ConfigurationError(`Option ${flag} needs a value.`)
      return next
    }
    if (flag === '--help' || flag === '-h') parsed.help = true
    else if (flag === '--input' || flag === '-i') {
      const [name, text] = namedValue('--input', value())
      parsed.inputs[name] = text
    } else if (flag === '--input-file') {
      const [name, path] = namedValue('--input-file', value())
      parsed.inputs[name] = readInputFile(name, path, cwd)
    } else if (flag === '--phase') {
      const phase = value()
      if (!(PHASES as readonly string[]).includes(phase)) {
        throw new ConfigurationError(
          `Option --phase has value ${JSON.stringify(phase)}; expected one of ${PHASES.join(', ')}.`,
        )
      }
      parsed.phase = phase as Parsed['phase']
    } else if (flag === '--workspace') parsed.workspace = value()
    else if (flag === '--state-file') parsed.stateFile = value()
    else throw new ConfigurationError(`Unknown option ${JSON.stringify(flag)}; see kvm-actions --help.`)
  }
  return parsed
}

export async function runCli(args: string[], io: CliIo = defaultIo): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h') {
    io.out(usage())
    return args.length === 0 ? 1 : 0
  }
  if (args[0] === 'autopatch') return runAutopatch(args.slice(1), io)
  if (args[0] === 'list') {
    io.out(ACTIONS.map((action) => action.name).join('\n') + '\n')
    return 0
  }
  let parsed: Parsed
  try {
    parsed = parseArgs(args, io.cwd)
    const action = findAction(parsed.action)
    if (!action) {
      throw new ConfigurationError(
        `Unknown action ${JSON.stringify(parsed.action)}; expected one of ${ACTIONS.map((a) => a.name).join(', ')}.`,
      )
    }
    // Options win over the environment, as a later --input wins over an earlier one.
    parsed.inputs = {
      ...environmentInputs(Object.keys(action.inputs), io.env ?? process.env),
      ...parsed.inputs,
    }
    const unknown = Object.keys(parsed.inputs).filter((name) => !(name in action.inputs))
    if (unknown.length > 0) {
      throw new ConfigurationError(
        `Input '${unknown[0]}' is not an input of ${action.name}; expected one of ${Object.keys(action.inputs).join(', ')}.`,
      )
    }
  } catch (error) {
    io.err(`${(error as ConfigurationError).headline}\n`)
    return 1
  }
  if (parsed.help) {
    io.out(actionHelp(parsed.action))
    return 0
  }
  const action = findAction(parsed.action)!
  const workspace = resolve(io.cwd, parsed.workspace ?? '.')
  const host = cliHost({
    inputs: parsed.inputs,
    workspace,
    stateFile: resolve(
      io.cwd,
      parsed.stateFile ?? join(workspace, '.kvm-actions', `${action.name}.state.json`),
    ),
    cacheDir: defaultCacheDir(),
    out: io.out,
    err: io.err,
  })
  let code = 0
  if (parsed.phase !== 'post') code = await runAction(action, host, 'main')
  if (parsed.phase !== 'main' && action.post) code = Math.max(code, await runAction(action, host, 'post'))
  const outputs = Object.entries(host.outputs)
  if (outputs.length > 0)
    io.out(`Outputs:\n${outputs.map(([name, value]) => `${name}=${value}`).join('\n')}\n`)
  return code
}
