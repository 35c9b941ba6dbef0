/**
 * AlmaLinux's autopatch configuration (config.yaml): `parameters` and an ordered `actions` list
 * of blocks, each a list of entries. Validated here into typed actions so that the engine never
 * meets a malformed entry halfway through a run. The rules are AlmaLinux's own (ConfigReader and
 * the *Entry classes of its src/actions_handler.py): entries must have exactly the keys and types
 * it allows, while unknown parameters and top-level keys are ignored. `parameters: strict: true`
 * (a parameter AlmaLinux's tool ignores) adds our stricter checks, here and in the engine.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { ConfigurationError } from '../../errors.js'
import { pythonRegExp } from './python.js'

export interface ReplaceAction {
  type: 'replace'
  target: string
  find?: string
  rfind?: string
  replace: string
  /** At most this many replacements (-1: all); see lines.ts for regex finds. */
  count: number
}
export interface DeleteLineAction {
  type: 'delete_line'
  target: string
  lines: string[]
}
export interface ModifyReleaseAction {
  type: 'modify_release'
  suffix: string
  enabled: boolean
}
export interface ChangelogEntryAction {
  type: 'changelog_entry'
  name: string
  email: string
  line: string[]
}
export interface AddFilesAction {
  type: 'add_files'
  fileType: 'patch' | 'source'
  name: string
  number: number | 'Latest'
  modifySpec: boolean
  insertMarker?: boolean
  noBackup: boolean
}
export interface DeleteFilesAction {
  type: 'delete_files'
  fileName: string
}
export interface RunScriptAction {
  type: 'run_script'
  script: string
  cwd: 'rpms' | 'autopatch'
}
export interface AddLineAction {
  type: 'add_line'
  target: string
  section: string
  location: 'top' | 'bottom'
  content: string
  subpackage?: string
}

export type RecipeAction =
  | ReplaceAction
  | DeleteLineAction
  | ModifyReleaseAction
  | ChangelogEntryAction
  | AddFilesAction
  | DeleteFilesAction
  | RunScriptAction
  | AddLineAction

export interface RecipeParameters {
  insertMarker: boolean
  ignoreVersionMacros: boolean
  ignoreReleaseMacros: boolean
  elVersion?: string
  /**
   * Our stricter rules on top of AlmaLinux's: a replace count is the exact number of matches, and
   * an action that would quietly do less than it says fails (see the README's autopatch notes).
   */
  strict?: boolean
}

export type IndexedAction = RecipeAction & {
  /** Position over the whole list, from 1, for messages. */
  index: number
  /** Position of the action block it came from: some rules act on a block's entries together. */
  block?: number
}

export interface Recipe {
  source: string
  parameters: RecipeParameters
  actions: IndexedAction[]
  /** Parameters and top-level keys AlmaLinux's tool would ignore, ignored here too (not in strict). */
  ignored?: string[]
}

type Entry = Record<string, unknown>
type KeyType = 'str' | 'int' | 'bool' | 'list' | 'str|int'

/** Keys each action's entries may have, with the types AlmaLinux's tool checks, and which it requires. */
const ENTRY_KEYS: Record<RecipeAction['type'], { allowed: Record<string, KeyType>; required: string[] }> = {
  replace: {
    allowed: { target: 'str', find: 'str', rfind: 'str', replace: 'str', count: 'int' },
    required: ['target', 'replace'],
  },
  delete_line: { allowed: { target: 'str', lines: 'list' }, required: ['target', 'lines'] },
  modify_release: {
    allowed: { suffix: 'str', enabled: 'bool', auto_increment: 'bool' },
    required: ['suffix'],
  },
  changelog_entry: {
    allowed: { name: 'str', email: 'str', line: 'list' },
    required: ['name', 'email', 'line'],
  },
  add_files: {
    allowed: {
      type: 'str',
      name: 'str',
      number: 'str|int',
      modify_spec: 'bool',
      insert_almalinux_line: 'bool',
      no_backup: 'bool',
    },
    required: ['type', 'name'],
  },
  delete_files: { allowed: { file_name: 'str' }, required: ['file_name'] },
  run_script: { allowed: { script: 'str', cwd: 'str' }, required: ['script'] },
  add_line: {
    allowed: { target: 'str', section: 'str', location: 'str', content: 'str', subpackage: 'str' },
    required: ['target', 'section', 'location', 'content'],
  },
}

const isActionType = (type: string): type is RecipeAction['type'] => type in ENTRY_KEYS

function hasType(value: unknown, type: KeyType): boolean {
  if (type === 'str|int') return hasType(value, 'str') || hasType(value, 'int')
  if (type === 'str') return typeof value === 'string'
  // Python's bool is an int, so the tool takes `count: true` as 1.
  if (type === 'int')
    return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'boolean'
  if (type === 'bool') return typeof value === 'boolean'
  return Array.isArray(value)
}

/** Python's truth value, which the tool applies to its parameters without checking their type. */
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0
  if (value && typeof value === 'object') return Object.keys(value).length > 0
  return Boolean(value)
}

class EntryReader {
  constructor(
    private readonly source: string,
    private readonly where: string,
    readonly entry: Entry,
  ) {}
  fail(message: string): never {
    throw new ConfigurationError(`${this.source}: ${this.where}: ${message}`)
  }
  /** The tool's key checks: no unknown key, every required key present and not empty, types. */
  check(type: RecipeAction['type']): void {
    const { allowed, required } = ENTRY_KEYS[type]
    const unknown = Object.keys(this.entry).filter((key) => !(key in allowed))
    if (unknown.length > 0)
      this.fail(`unknown key '${unknown[0]}' (accepted: ${Object.keys(allowed).join(', ')})`)
    const missing = required.filter((key) => !(key in this.entry))
    if (missing.length > 0) this.fail(`'${missing[0]}' is required`)
    for (const [key, keyType] of Object.entries(allowed)) {
      const value = this.entry[key]
      if (value !== undefined && value !== null && !hasType(value, keyType))
        this.fail(
          `'${key}' must be ${{ str: 'a string', int: 'a whole number', bool: 'true or false', list: 'a list', 'str|int': 'a string or a whole number' }[keyType]}`,
        )
    }
    for (const key of required) {
      const value = this.entry[key]
      if (typeof value !== 'boolean' && !truthy(value)) this.fail(`'${key}' cannot be empty`)
    }
  }
  string(key: string): string | undefined {
    const value = this.entry[key]
    return typeof value === 'string' ? value : undefined
  }
  req(key: string): string {
    return this.string(key)!
  }
  boolean(key: string, fallback: boolean): boolean {
    const value = this.entry[key]
    return typeof value === 'boolean' ? value : fallback
  }
  strings(key: string): string[] {
    const value = this.entry[key] as unknown[]
    if (!value.every((item) => typeof item === 'string')) this.fail(`every item of '${key}' must be a string`)
    return value as string[]
  }
}

function readAction(type: RecipeAction['type'], r: EntryReader, strict: boolean): RecipeAction {
  r.check(type)
  const entry = r.entry
  switch (type) {
    case 'replace': {
      if (!('find' in entry) && !('rfind' in entry)) r.fail("either 'find' or 'rfind' is required")
      if ('find' in entry && 'rfind' in entry) r.fail("only one of 'find' and 'rfind' can be given, not both")
      const find = r.string('find')
      const rfind = r.string('rfind')
      if (!find && !rfind) r.fail("'find' or 'rfind' cannot be empty")
      if (rfind !== undefined) {
        try {
          pythonRegExp(rfind)
        } catch (error) {
          r.fail(`'rfind' is not a regular expression this tool can run: ${(error as Error).message}`)
        }
      }
      const count = entry.count === undefined || entry.count === null ? -1 : Number(entry.count)
      if (strict && (count === 0 || count < -1)) r.fail("'count' must be -1 (all) or a positive number")
      return {
        type,
        target: r.req('target'),
        ...(find !== undefined ? { find } : { rfind: rfind! }),
        replace: r.req('replace'),
        count,
      }
    }
    case 'delete_line':
      return { type, target: r.req('target'), lines: r.strings('lines') }
    case 'modify_release': {
      const suffix = r.req('suffix')
      // The iteration itself comes from AlmaLinux's git tags; without them the suffix is used as written.
      if (r.boolean('auto_increment', false) && !/\d+$/.test(suffix))
        r.fail(`suffix '${suffix}' must end with a number when auto_increment is enabled`)
      return { type, suffix, enabled: r.boolean('enabled', true) }
    }
    case 'changelog_entry': {
      const line = r.strings('line')
      if (!line.some(Boolean)) r.fail("'line' cannot be a list of empty lines")
      return { type, name: r.req('name'), email: r.req('email'), line }
    }
    case 'add_files': {
      const fileType = r.req('type')
      if (fileType !== 'patch' && fileType !== 'source') r.fail("'type' must be patch or source")
      const raw = entry.number ?? 'Latest'
      if (typeof raw === 'string' && raw !== 'Latest') r.fail("'number' must be a whole number or Latest")
      const number = raw === 'Latest' ? 'Latest' : Number(raw)
      if (number !== 'Latest' && number < 1) r.fail("'number' must be greater than 0")
      return {
        type,
        fileType,
        name: r.req('name'),
        number,
        modifySpec: r.boolean('modify_spec', true),
        ...(typeof entry.insert_almalinux_line === 'boolean'
          ? { insertMarker: entry.insert_almalinux_line }
          : {}),
        noBackup: r.boolean('no_backup', false),
      }
    }
    case 'delete_files':
      return { type, fileName: r.req('file_name') }
    case 'run_script': {
      const cwd = r.string('cwd') ?? 'rpms'
      if (cwd !== 'rpms' && cwd !== 'autopatch') r.fail("'cwd' must be rpms or autopatch")
      return { type, script: r.req('script'), cwd }
    }
    case 'add_line': {
      const target = r.req('target')
      if (target !== 'spec')
        r.fail(`'target' must be spec (the only target add_line supports), not '${target}'`)
      const location = r.req('location')
      if (location !== 'top' && location !== 'bottom') r.fail("'location' must be top or bottom")
      const subpackage = r.string('subpackage')
      return {
        type,
        target,
        // AlmaLinux writes section names without the %; one written with it is taken too.
        section: r.req('section').replace(/^%/, ''),
        location,
        content: r.req('content'),
        ...(subpackage ? { subpackage } : {}),
      }
    }
  }
}

const KNOWN_PARAMETERS = [
  'insert_almalinux_line',
  'ignore_version_macros',
  'ignore_release_macros',
  'el_version',
  'rhel_version', // AlmaLinux's older name for el_version
  'strict',
  // AlmaLinux's git workflow only:
  'custom_target_branch',
  'pre_clean',
  'tag_prefix',
]
const BOOLEAN_PARAMETERS = [
  'insert_almalinux_line',
  'ignore_version_macros',
  'ignore_release_macros',
  'pre_clean',
]

function readParameters(source: string, value: unknown, ignored: string[]): RecipeParameters {
  function fail(message: string): never {
    throw new ConfigurationError(`${source}: parameters: ${message}`)
  }
  if (value === undefined) value = {}
  if (!value || typeof value !== 'object' || Array.isArray(value))
    fail('must be a mapping of names to values')
  const params = value as Entry
  if (params.strict !== undefined && typeof params.strict !== 'boolean')
    fail("'strict' must be true or false")
  const strict = params.strict === true
  for (const key of Object.keys(params)) {
    if (KNOWN_PARAMETERS.includes(key)) continue
    if (strict) fail(`unknown key '${key}' (accepted: ${KNOWN_PARAMETERS.join(', ')})`)
    ignored.push(`parameters.${key}`)
  }
  if (strict) {
    for (const key of BOOLEAN_PARAMETERS) {
      if (params[key] !== undefined && typeof params[key] !== 'boolean')
        fail(`'${key}' must be true or false`)
    }
  }
  const flag = (key: string, fallback: boolean): boolean => (key in params ? truthy(params[key]) : fallback)
  const elVersion = params.el_version ?? params.rhel_version
  if (elVersion !== undefined && typeof elVersion !== 'string' && typeof elVersion !== 'number')
    fail("'el_version' must be a version number such as 9")
  return {
    insertMarker: flag('insert_almalinux_line', true),
    ignoreVersionMacros: flag('ignore_version_macros', false),
    ignoreReleaseMacros: flag('ignore_release_macros', false),
    ...(elVersion !== undefined ? { elVersion: String(elVersion) } : {}),
    ...(strict ? { strict } : {}),
  }
}

export function parseRecipe(text: string, source: string): Recipe {
  let document: unknown
  try {
    // YAML 1.1, as PyYAML reads AlmaLinux's configs (`yes` is true, `012` is octal).
    document = parse(text, { version: '1.1' })
  } catch (error) {
    throw new ConfigurationError(`${source}: not valid YAML: ${(error as Error).message.split('\n')[0]}`)
  }
  function fail(message: string): never {
    throw new ConfigurationError(`${source}: ${message}`)
  }
  if (!document || typeof document !== 'object' || Array.isArray(document) || !('actions' in document))
    fail("missing the 'actions' section")
  const top = document as Entry
  const ignored: string[] = []
  const parameters = readParameters(source, top.parameters, ignored)
  const strict = parameters.strict === true
  for (const key of Object.keys(top).filter((key) => key !== 'actions' && key !== 'parameters')) {
    if (strict) fail(`unknown top-level key '${key}' (accepted: parameters, actions)`)
    ignored.push(key)
  }
  const blocks = top.actions
  if (!Array.isArray(blocks)) fail("'actions' must be a list of action blocks")
  const actions: IndexedAction[] = []
  // Each key of each block is one of the tool's action objects; `block` numbers those.
  let block = 0
  for (const [position, item] of (blocks as unknown[]).entries()) {
    if (!item || typeof item !== 'object' || Array.isArray(item))
      fail(`action block ${position + 1} must be a mapping of an action type to its entries`)
    const types = Object.keys(item as Entry)
    // AlmaLinux's tool runs every key of a block in turn; strict mode wants one per block.
    if (strict && types.length !== 1)
      fail(`action block ${position + 1} must have exactly one key, the action type`)
    for (const type of types) {
      block++
      if (!isActionType(type)) fail(`unknown action type '${type}'`)
      const entries = (item as Entry)[type]
      if (!Array.isArray(entries)) fail(`the '${type}' block must be a list of entries`)
      for (const entry of entries as unknown[]) {
        const index = actions.length + 1
        const reader = new EntryReader(source, `action ${type} #${index}`, (entry ?? {}) as Entry)
        if (!entry || typeof entry !== 'object' || Array.isArray(entry))
          reader.fail('an entry must be a mapping of keys to values')
        actions.push({ ...readAction(type, reader, strict), index, block })
      }
    }
  }
  return { source, parameters, actions, ...(ignored.length > 0 ? { ignored } : {}) }
}

export function loadRecipe(file: string): Recipe {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new ConfigurationError(`autopatch config ${file} cannot be read`)
  }
  return parseRecipe(text, file)
}
