/**
 * AlmaLinux's autopatch configuration (config.yaml): `parameters` and an ordered `actions` list
 * of single-key blocks, each a list of entries. Validated here into typed actions so that the
 * engine never meets a malformed entry halfway through a run.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { ConfigurationError } from '../../errors.js'

export interface ReplaceAction {
  type: 'replace'
  target: string
  find?: string
  rfind?: string
  replace: string
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
}

export interface Recipe {
  source: string
  parameters: RecipeParameters
  /** In order; index is the entry's position over the whole list, from 1, for messages. */
  actions: (RecipeAction & { index: number })[]
}

/** Parameters that matter to AlmaLinux's git workflow only; accepted and ignored here. */
const GIT_ONLY_PARAMETERS = ['custom_target_branch', 'pre_clean', 'tag_prefix']

type Entry = Record<string, unknown>

class Reader {
  constructor(
    private readonly source: string,
    private readonly where: string,
    private readonly entry: Entry,
    allowed: string[],
  ) {
    const unknown = Object.keys(entry).filter((key) => !allowed.includes(key))
    if (unknown.length > 0) this.fail(`unknown key '${unknown[0]}' (accepted: ${allowed.join(', ')})`)
  }
  fail(message: string): never {
    throw new ConfigurationError(`${this.source}: ${this.where}: ${message}`)
  }
  string(key: string, required = true): string | undefined {
    const value = this.entry[key]
    if (value === undefined || value === null) {
      if (required) this.fail(`'${key}' is required`)
      return undefined
    }
    if (typeof value !== 'string' && typeof value !== 'number') this.fail(`'${key}' must be a string`)
    return String(value)
  }
  req(key: string): string {
    return this.string(key)!
  }
  boolean(key: string, fallback: boolean): boolean {
    const value = this.entry[key]
    if (value === undefined) return fallback
    if (typeof value !== 'boolean') this.fail(`'${key}' must be true or false`)
    return value
  }
  strings(key: string): string[] {
    const value = this.entry[key]
    if (typeof value === 'string') return [value]
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
      this.fail(`'${key}' must be a non-empty list of strings`)
    }
    return value
  }
}

function readAction(type: string, entry: Entry, r: Reader): RecipeAction {
  switch (type) {
    case 'replace': {
      const find = r.string('find', false)
      const rfind = r.string('rfind', false)
      if ((find === undefined) === (rfind === undefined))
        r.fail("exactly one of 'find' and 'rfind' is required")
      if (rfind !== undefined) {
        try {
          new RegExp(rfind)
        } catch (error) {
          r.fail(`'rfind' is not a valid regular expression: ${(error as Error).message}`)
        }
      }
      const count = entry.count === undefined ? -1 : Number(entry.count)
      if (!Number.isInteger(count) || count === 0 || count < -1)
        r.fail("'count' must be -1 (all) or a positive number")
      return {
        type,
        target: r.req('target'),
        ...(find !== undefined ? { find } : { rfind: rfind! }),
        replace: r.string('replace', false) ?? '',
        count,
      }
    }
    case 'delete_line':
      return { type, target: r.req('target'), lines: r.strings('lines') }
    case 'modify_release':
      return { type, suffix: r.req('suffix'), enabled: r.boolean('enabled', true) }
    case 'changelog_entry':
      return { type, name: r.req('name'), email: r.req('email'), line: r.strings('line') }
    case 'add_files': {
      const fileType = r.req('type')
      if (fileType !== 'patch' && fileType !== 'source') r.fail("'type' must be patch or source")
      const number = entry.number === undefined || entry.number === 'Latest' ? 'Latest' : Number(entry.number)
      if (number !== 'Latest' && (!Number.isInteger(number) || number < 0))
        r.fail("'number' must be a whole number or Latest")
      return {
        type,
        fileType,
        name: r.req('name'),
        number,
        modifySpec: r.boolean('modify_spec', true),
        ...(entry.insert_almalinux_line !== undefined
          ? { insertMarker: r.boolean('insert_almalinux_line', true) }
          : {}),
        noBackup: r.boolean('no_backup', false),
      }
    }
    case 'delete_files':
      return { type, fileName: r.req('file_name') }
    case 'run_script': {
      const cwd = r.string('cwd', false) ?? 'rpms'
      if (cwd !== 'rpms' && cwd !== 'autopatch') r.fail("'cwd' must be rpms or autopatch")
      return { type, script: r.req('script'), cwd }
    }
    case 'add_line': {
      const location = r.req('location')
      if (location !== 'top' && location !== 'bottom') r.fail("'location' must be top or bottom")
      const subpackage = r.string('subpackage', false)
      return {
        type,
        target: r.req('target'),
        section: r.req('section').replace(/^%/, ''),
        location,
        content: r.req('content'),
        ...(subpackage ? { subpackage } : {}),
      }
    }
    default:
      return r.fail(`unknown action type '${type}'`)
  }
}

const ALLOWED_KEYS: Record<string, string[]> = {
  replace: ['target', 'find', 'rfind', 'replace', 'count'],
  delete_line: ['target', 'lines'],
  modify_release: ['suffix', 'enabled', 'auto_increment'],
  changelog_entry: ['name', 'email', 'line'],
  add_files: ['type', 'name', 'number', 'modify_spec', 'insert_almalinux_line', 'no_backup'],
  delete_files: ['file_name'],
  run_script: ['script', 'cwd'],
  add_line: ['target', 'section', 'location', 'content', 'subpackage'],
}

export function parseRecipe(text: string, source: string): Recipe {
  let document: unknown
  try {
    document = parse(text)
  } catch (error) {
    throw new ConfigurationError(`${source}: not valid YAML: ${(error as Error).message.split('\n')[0]}`)
  }
  const top = new Reader(source, 'top level', (document ?? {}) as Entry, ['parameters', 'actions'])
  const params = (document as Entry).parameters ?? {}
  const p = new Reader(source, 'parameters', params as Entry, [
    'insert_almalinux_line',
    'ignore_version_macros',
    'ignore_release_macros',
    'el_version',
    ...GIT_ONLY_PARAMETERS,
  ])
  const parameters: RecipeParameters = {
    insertMarker: p.boolean('insert_almalinux_line', true),
    ignoreVersionMacros: p.boolean('ignore_version_macros', false),
    ignoreReleaseMacros: p.boolean('ignore_release_macros', false),
    ...(p.string('el_version', false) ? { elVersion: p.string('el_version', false)! } : {}),
  }
  const blocks = (document as Entry).actions
  if (!Array.isArray(blocks)) top.fail("'actions' must be a list of action blocks")
  const actions: Recipe['actions'] = []
  for (const block of blocks as unknown[]) {
    const keys = block && typeof block === 'object' ? Object.keys(block) : []
    if (keys.length !== 1)
      top.fail(`action block ${actions.length + 1} must have exactly one key, the action type`)
    const type = keys[0]!
    const entries = (block as Entry)[type]
    if (!Array.isArray(entries)) top.fail(`the '${type}' block must be a list of entries`)
    for (const entry of entries as unknown[]) {
      const index = actions.length + 1
      const where = `action ${type} #${index}`
      if (!ALLOWED_KEYS[type]) new Reader(source, where, {}, []).fail(`unknown action type '${type}'`)
      const r = new Reader(source, where, (entry ?? {}) as Entry, ALLOWED_KEYS[type]!)
      actions.push({ ...readAction(type, (entry ?? {}) as Entry, r), index })
    }
  }
  return { source, parameters, actions }
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
