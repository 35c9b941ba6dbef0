/**
 * Typed action inputs. Each action declares its inputs once as a record of InputDefs; that record
 * is parsed into a typed object before any work starts, and the same record generates the
 * action.yml, so declaration and use cannot drift apart.
 *
 * Parsing never touches the runner: it is handed a function that reads a raw value by name.
 */
import { existsSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { ConfigurationError, InvalidValue } from '../errors.js'
import { formatDuration } from '../report/duration.js'

export interface ParseContext {
  /** Base for relative paths, and the boundary for inputs that must stay inside it. */
  workspace: string
}

export interface InputDef<T> {
  description: string
  required: boolean
  /** Applied by the parser too, so the CLI and the root action (which declare no defaults) agree. */
  default?: string
  /** Human description of the accepted form, used in every error about this input. */
  accepted: string
  secret: boolean
  parse(raw: string, ctx: ParseContext): T
}

export type InputSpecs = Record<string, InputDef<unknown>>

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S

export type InputValues<S extends InputSpecs> = {
  [K in keyof S & string as CamelCase<K>]: S[K] extends InputDef<infer T> ? T : never
}

export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

export { InvalidValue } from '../errors.js'

interface Common {
  description: string
  required?: boolean
  default?: string
}
/** An input that always has a value: required, or with a default. */
type Given = { required: true } | { default: string }
type Value<O, T> = O extends Given ? T : T | undefined

function define<T>(
  options: Common & { secret?: boolean },
  accepted: string,
  parseValue: (raw: string, ctx: ParseContext) => T,
): InputDef<T | undefined> {
  return {
    description: options.description,
    required: options.required ?? false,
    ...(options.default !== undefined ? { default: options.default } : {}),
    accepted,
    secret: options.secret ?? false,
    parse: (raw, ctx) => (raw === '' ? undefined : parseValue(raw, ctx)),
  }
}

/** An input with its own parser (throwing InvalidValue) for domain types such as an SRPM source. */
export function custom<T, O extends Common & { secret?: boolean }>(
  options: O,
  accepted: string,
  parseValue: (raw: string, ctx: ParseContext) => T,
): InputDef<Value<O, T>> {
  return define(options, accepted, parseValue) as InputDef<Value<O, T>>
}

export function string<O extends Common & { secret?: boolean; pattern?: RegExp; accepted?: string }>(
  options: O,
): InputDef<Value<O, string>> {
  const accepted = options.accepted ?? (options.pattern ? `text matching ${options.pattern}` : 'any text')
  return define(options, accepted, (raw) => {
    if (options.pattern && !options.pattern.test(raw)) throw new InvalidValue()
    return raw
  }) as InputDef<Value<O, string>>
}

const TRUE = ['true', 'yes', 'on', '1']
const FALSE = ['false', 'no', 'off', '0']

export function boolean<O extends Common>(options: O): InputDef<Value<O, boolean>> {
  return define(options, 'true or false', (raw) => {
    const value = raw.toLowerCase()
    if (TRUE.includes(value)) return true
    if (FALSE.includes(value)) return false
    throw new InvalidValue()
  }) as InputDef<Value<O, boolean>>
}

function bounds(min: number | undefined, max: number | undefined, show: (n: number) => string): string {
  if (min !== undefined && max !== undefined) return ` from ${show(min)} to ${show(max)}`
  if (min !== undefined) return ` of at least ${show(min)}`
  if (max !== undefined) return ` of at most ${show(max)}`
  return ''
}

export function integer<O extends Common & { min?: number; max?: number }>(
  options: O,
): InputDef<Value<O, number>> {
  const accepted = `a whole number${bounds(options.min, options.max, String)}`
  return define(options, accepted, (raw) => {
    if (!/^-?\d+$/.test(raw)) throw new InvalidValue()
    const value = Number(raw)
    if (options.min !== undefined && value < options.min) throw new InvalidValue()
    if (options.max !== undefined && value > options.max) throw new InvalidValue()
    return value
  }) as InputDef<Value<O, number>>
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** Parses `90s`, `15m`, `1h30m`, `500ms` into milliseconds; throws on anything else. */
export function parseDuration(raw: string): number {
  const parts = [...raw.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== raw) throw new InvalidValue()
  return parts.reduce(
    (total, [, amount, unit]) => total + Number(amount) * DURATION_UNITS[unit as string]!,
    0,
  )
}

/** A duration in milliseconds; bounds are given in milliseconds too. Zero is refused unless min is 0. */
export function duration<O extends Common & { min?: number; max?: number }>(
  options: O,
): InputDef<Value<O, number>> {
  const min = options.min ?? 1
  const range =
    options.min === undefined
      ? options.max === undefined
        ? ''
        : `, at most ${formatDuration(options.max)}`
      : bounds(min, options.max, formatDuration)
  const accepted = `a ${options.min === undefined ? 'positive ' : ''}duration such as 90s, 15m or 1h30m${range}`
  return define(options, accepted, (raw) => {
    const value = parseDuration(raw)
    if (value < min || (options.max !== undefined && value > options.max)) throw new InvalidValue()
    return value
  }) as InputDef<Value<O, number>>
}

/** Items separated by newlines or commas; blanks dropped. Always a list (empty when not given). */
export function list(options: Common & { item?: RegExp; itemAccepted?: string }): InputDef<string[]> {
  const itemForm = options.itemAccepted ?? (options.item ? `items matching ${options.item}` : 'items')
  const def = define(options, `a list of ${itemForm}, one per line or separated by commas`, (raw) => {
    const items = raw
      .split(/[\n,]/)
      .map((item) => item.trim())
      .filter((item) => item !== '')
    if (options.item && !items.every((item) => options.item!.test(item))) throw new InvalidValue()
    return items
  })
  return { ...def, parse: (raw, ctx) => def.parse(raw, ctx) ?? [] }
}

export function oneOf<const V extends string, O extends Common>(
  options: O & { values: readonly V[] },
): InputDef<Value<O, V>> {
  const accepted = `one of ${options.values.join(', ')}`
  return define(options, accepted, (raw) => {
    if (!(options.values as readonly string[]).includes(raw)) throw new InvalidValue()
    return raw as V
  }) as InputDef<Value<O, V>>
}

export function path<
  O extends Common & { mustExist?: 'file' | 'directory' | 'any'; insideWorkspace?: boolean },
>(options: O): InputDef<Value<O, string>> {
  const what =
    options.mustExist === 'file' ? 'file' : options.mustExist === 'directory' ? 'directory' : 'path'
  const accepted =
    `a ${options.mustExist ? 'path to an existing ' + what : 'path'}` +
    (options.insideWorkspace ? ' inside the workspace' : '') +
    ' (absolute, or relative to the workspace)'
  return define(options, accepted, (raw, ctx) => {
    const full = resolve(ctx.workspace, raw)
    if (options.mustExist) {
      if (!existsSync(full)) throw new InvalidValue('it does not exist')
      const stat = statSync(full)
      if (options.mustExist === 'file' && !stat.isFile()) throw new InvalidValue('it is not a file')
      if (options.mustExist === 'directory' && !stat.isDirectory())
        throw new InvalidValue('it is not a directory')
    }
    if (options.insideWorkspace) {
      // Resolve links on both sides so that a symlink cannot lead outside.
      const real = existsSync(full) ? realpathSync(full) : full
      const rel = relative(realpathSync(ctx.workspace), real)
      if (rel.startsWith('..') || isAbsolute(rel)) throw new InvalidValue('it is outside the workspace')
    }
    return full
  }) as InputDef<Value<O, string>>
}

export function url<O extends Common & { protocols?: readonly string[] }>(
  options: O,
): InputDef<Value<O, string>> {
  const protocols = options.protocols ?? ['https', 'http', 'file']
  const accepted = `a URL starting with ${protocols.map((p) => p + '://').join(', ')}`
  return define(options, accepted, (raw) => {
    let parsed: URL
    try {
      parsed = new URL(raw)
    } catch {
      throw new InvalidValue()
    }
    if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) throw new InvalidValue()
    return parsed.href
  }) as InputDef<Value<O, string>>
}

/** One error for one problem, or a counted list of several. */
export function configurationErrors(problems: string[]): ConfigurationError {
  if (problems.length === 1) return new ConfigurationError(problems[0]!)
  return new ConfigurationError(
    `${problems.length} problems with the inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  )
}

/** Quotes a value for an error line without letting it span lines or hide whitespace. */
function show(raw: string): string {
  return JSON.stringify(raw.length > 80 ? raw.slice(0, 77) + '...' : raw)
}

/**
 * Reads and checks every input. Every bad one is reported, each on its own line naming the
 * input, the value and the accepted form, in one ConfigurationError: a workflow author fixes
 * them all in one go.
 */
export function parseInputs<S extends InputSpecs>(
  specs: S,
  read: (name: string) => string,
  ctx: ParseContext,
): InputValues<S> {
  const values: Record<string, unknown> = {}
  const problems: string[] = []
  for (const [name, def] of Object.entries(specs)) {
    const raw = read(name).trim() || (def.default ?? '')
    if (raw === '' && def.required) {
      problems.push(`Input '${name}' is required but was not given; expected ${def.accepted}.`)
      continue
    }
    try {
      values[camelCase(name)] = def.parse(raw, ctx)
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error
      const value = def.secret ? '(secret value hidden)' : show(raw)
      const why = error.message ? ` (${error.message})` : ''
      problems.push(`Input '${name}' has an invalid value ${value}${why}; expected ${def.accepted}.`)
    }
  }
  if (problems.length > 0) throw configurationErrors(problems)
  return values as InputValues<S>
}
