/**
 * Applies an autopatch recipe to a dist-git tree (SPECS/ + SOURCES/, or flat) the way AlmaLinux's
 * autopatch tool does (its src/actions_handler.py), so that a recipe AlmaLinux publishes gives
 * the same files here; lines.ts and spec-text.ts hold the ported matching and placement rules.
 * The recipe runs on a copy, and the copy replaces the tree only when every action succeeded: a
 * failing action leaves the tree exactly as it was.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'
import { ConfigurationError } from '../../errors.js'
import { exec } from '../../exec/exec.js'
import { hasGlob } from '../../fs/glob.js'
import type { Log } from '../../reporter.js'
import { numberedTags } from '../spec.js'
import { defineArgs } from '../macros.js'
import type { IndexedAction, Recipe, RecipeAction } from './config.js'
import { editLines, type LineEdit } from './lines.js'
import { pythonRegExp, pythonTemplate, strip, valueLines, wrap } from './python.js'
import { addFileLines, addSectionLine, evrLines, resolveMacros, SpecTextError } from './spec-text.js'

export interface ApplyOptions {
  /** The dist-git tree to change. */
  packageDir: string
  /** Folder with the recipe's `files/` (add_files). */
  filesDir: string
  /** Folder with the recipe's `scripts/` (run_script); also the `autopatch` cwd. */
  scriptsDir: string
  /** For changelog dates; defaults to SOURCE_DATE_EPOCH, then now. */
  date?: Date
  /** Macros for rpmspec when it resolves the changelog EVR (dist, rhel). */
  defines?: Record<string, string>
  log?: Log
}

export interface AppliedEdit {
  /** Position in its recipe; 0 for the actions' own built-in edits. */
  index: number
  type: RecipeAction['type'] | 'built-in'
  target: string
  detail: string
}

/** An edit an action makes itself (not from a recipe), reported beside the recipes' edits. */
export function builtInEdit(spec: string, what: string, detail: string): AppliedEdit {
  return { index: 0, type: 'built-in', target: `${basename(spec)} ${what}`, detail }
}

/** A recipe that does not fit the package: names the action, its position and the file. */
class ActionError extends ConfigurationError {}

function fail(action: IndexedAction, target: string, message: string): never {
  throw new ActionError(`autopatch action ${action.type} #${action.index} (${target}): ${message}`)
}

export function recipeDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()
}

/** `Wed Nov 25 2026`, in UTC, as %changelog headers write dates. */
export function changelogDate(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const day = String(date.getUTCDate()).padStart(2, '0')
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${day} ${date.getUTCFullYear()}`
}

interface Tree {
  root: string
  spec: string
  sources: string
  /** The dist-git repository's name (the spec's): the tool treats `kernel` and `.<name>.metadata` by it. */
  packageName: string
}

/** `*`, `?` and `[...]` within one path segment, as fnmatch reads them. */
function segmentPattern(segment: string): RegExp {
  let source = ''
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i]!
    const close = char === '[' ? segment.indexOf(']', i + 2) : -1
    if (char === '*') source += '.*'
    else if (char === '?') source += '.'
    else if (close !== -1) {
      const members = segment.slice(i + 1, close)
      source += `[${members.startsWith('!') ? `^${members.slice(1)}` : members.replace(/^\^/, '\\^')}]`
      i = close
    } else source += char.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
  }
  return new RegExp(`^${source}$`, 's')
}

/**
 * The package's files whose last path segments match pattern, sorted, as the tool finds its
 * targets (Path.rglob: at any depth, hidden files too), leaving out tests/ at the top as it does.
 */
function packageFiles(root: string, pattern: string): string[] {
  const wanted = pattern.split('/').filter(Boolean).map(segmentPattern)
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => {
      const parts = relative(root, file).split(sep)
      if (parts[0] === 'tests' && parts.length > 1) return false
      const tail = parts.slice(-wanted.length)
      return tail.length === wanted.length && wanted.every((segment, i) => segment.test(tail[i]!))
    })
    .sort()
}

function treeOf(root: string): Tree {
  const specs = packageFiles(root, '*.spec')
  if (specs.length !== 1) {
    throw new ConfigurationError(
      `${root} must hold exactly one .spec file (tests/ aside); found ${specs.length === 0 ? 'none' : specs.map((s) => relative(root, s)).join(', ')}`,
    )
  }
  const spec = specs[0]!
  return {
    root,
    spec,
    sources: existsSync(join(root, 'SOURCES')) ? join(root, 'SOURCES') : root,
    packageName: basename(spec, '.spec'),
  }
}

/** A text file as the tool reads it: lines without their newline (\r\n and \r read as \n). */
class TextFile {
  lines: string[]
  constructor(
    readonly path: string,
    whenEmpty: () => never,
  ) {
    const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n')
    if (text === '') whenEmpty()
    this.lines = text.replace(/\n$/, '').split('\n')
  }
  /** Every line ends with a newline; an item holding several lines is written as it is. */
  save(): void {
    writeFileSync(this.path, this.lines.map((line) => `${line}\n`).join(''))
  }
}

function readText(tree: Tree, path: string, action: IndexedAction): TextFile {
  return new TextFile(path, () => fail(action, relative(tree.root, path), 'the file is empty'))
}

function targetsOf(
  tree: Tree,
  action: Extract<IndexedAction, { target: string }>,
  strict: boolean,
): string[] {
  if (action.target === 'spec') return [tree.spec]
  // AlmaLinux documents delete_line as taking one file; its tool uses the first a glob matches.
  if (action.type === 'delete_line' && strict && hasGlob(action.target))
    fail(action, action.target, 'delete_line takes one file, not a glob (strict)')
  const files = packageFiles(tree.root, action.target)
  if (files.length === 0) fail(action, action.target, 'no such file in the package')
  return action.type === 'replace' ? files : files.slice(0, 1)
}

/** A find or replace for a message, on one line. */
const shown = (text: string): string => `'${valueLines(text.trim()).join('\\n')}'`

function replaceIn(
  file: TextFile,
  action: Extract<IndexedAction, { type: 'replace' }>,
  target: string,
  strict: boolean,
): string {
  const findText = action.find ?? action.rfind!
  const find = valueLines(findText)
  const edit: LineEdit = {
    spec: action.target === 'spec',
    find,
    replace: valueLines(action.replace),
    count: action.count,
  }
  // A regex of several lines is matched as literal lines, as the tool does.
  if (action.rfind !== undefined && find.length === 1) {
    try {
      const first = pythonRegExp(action.rfind)
      // Matching the empty string through an added alternative shows the pattern's groups.
      const probe = new RegExp(`${first.source}|`, first.flags).exec('')!
      edit.regex = {
        first,
        all: pythonRegExp(action.rfind, true),
        replacement: pythonTemplate(
          edit.replace!.join('\n'),
          probe.length - 1,
          Object.keys(probe.groups ?? {}),
        ),
      }
    } catch (error) {
      fail(
        action,
        target,
        `cannot replace /${action.rfind}/ with ${shown(action.replace)}: ${(error as Error).message}`,
      )
    }
  }
  const matches = editLines([...file.lines], { ...edit, count: -1 })
  const made = editLines(file.lines, edit)
  if (made === 0) {
    if (matches === 0) fail(action, target, `${shown(findText)} matches nothing`)
    fail(
      action,
      target,
      `${shown(findText)} matches ${matches} time(s), but count ${action.count} replaces none`,
    )
  }
  if (strict && action.count !== -1 && (matches !== action.count || made !== action.count)) {
    if (matches !== action.count)
      fail(action, target, `${shown(findText)} matches ${matches} time(s), count says ${action.count}`)
    fail(
      action,
      target,
      `${shown(findText)} matches ${matches} time(s) but ${made} are replaced: a regex count other than -1 replaces the first match of each line`,
    )
  }
  const left = matches > made ? `; ${matches - made} more left by count ${action.count}` : ''
  if (edit.regex) return `${made} match(es) of /${action.rfind}/${left}`
  if (find.length === 1) return `${made} occurrence(s) of '${findText}'${left}`
  return `${made} block(s) of ${find.length} line(s)${left}`
}

function deleteIn(
  file: TextFile,
  action: Extract<IndexedAction, { type: 'delete_line' }>,
  target: string,
): string {
  let deleted = 0
  for (const item of action.lines) {
    const find = valueLines(item)
    const made = editLines(file.lines, { spec: action.target === 'spec', find, count: -1 })
    if (made === 0) fail(action, target, `line '${find.join('\\n').trim()}' not found`)
    deleted += made * find.length
  }
  return `${deleted} line(s) deleted`
}

// The line rpmautospec's generated %autorelease macro ends with; the tool puts the suffix there.
const AUTORELEASE_FINAL_LINE = '}%{?-e:.%{-e*}}%{?-s:.%{-s*}}%{!?-n:%{?dist}}'

function modifyRelease(
  file: TextFile,
  action: Extract<IndexedAction, { type: 'modify_release' }>,
  target: string,
  strict: boolean,
): string {
  const { lines } = file
  let releaseLines = 0
  let autorelease = false
  const suffixed: string[] = []
  lines.forEach((line, i) => {
    if (!line.startsWith('Release:')) return
    releaseLines++
    if (/%\{?autorelease\}?/.test(strip(line.split(':')[1]!))) autorelease = true
    else {
      lines[i] = line + action.suffix
      suffixed.push(`Release: ${lines[i]!.slice('Release:'.length).trim()}`)
    }
  })
  if (releaseLines === 0) fail(action, target, 'no Release: line')
  if (autorelease && lines.some((line) => /%(?:define|global)\s+autorelease/.test(line))) {
    const at = lines.findIndex((line) => line.includes(AUTORELEASE_FINAL_LINE))
    if (at === -1) fail(action, target, `the %autorelease definition has no line '${AUTORELEASE_FINAL_LINE}'`)
    lines[at] = AUTORELEASE_FINAL_LINE + action.suffix
    suffixed.push(`%autorelease ends with '${action.suffix}'`)
  }
  if (suffixed.length === 0) {
    if (strict)
      fail(
        action,
        target,
        'Release: uses %autorelease and the spec defines no %autorelease to take the suffix (strict)',
      )
    return 'Release: uses %autorelease, left as it is'
  }
  return suffixed.join('; ')
}

// What the tool defines for rpmspec so that specs of every kind parse outside their buildroot.
const EVR_DEFINES: Record<string, string> = {
  __python: '/usr/bin/python3',
  __python3: '/usr/bin/python3',
  'ldconfig_scriptlets(n:)': '%{nil}',
  forgemeta: '%{nil}',
  gometa: '%{nil}',
  efi_has_alt_arch: '0',
}

/** [epoch:]version-release as the tool writes it: from `rpmspec --parse` with no dist tag. */
async function specEvr(
  tree: Tree,
  action: IndexedAction,
  recipe: Recipe,
  options: ApplyOptions,
): Promise<string> {
  const { parameters } = recipe
  const target = relative(tree.root, tree.spec)
  const raw = evrLines(readText(tree, tree.spec, action).lines)
  const defines = {
    _sourcedir: tree.sources,
    ...EVR_DEFINES,
    ...options.defines,
    dist: '%{nil}',
    rhel: parameters.elVersion ?? options.defines?.rhel ?? '9',
  }
  const result = await exec(['rpmspec', '--parse', tree.spec, ...defineArgs(defines)], { allowFailure: true })
  if (result.exitCode !== 0) {
    const last = result.stderr.trim().split('\n').at(-1)
    fail(action, target, `rpmspec --parse failed${last ? `: ${last}` : ''}`)
  }
  const parsedLines = result.stdout.split('\n')
  const parsed = evrLines(parsedLines)
  // Macros rpmspec left unexpanded are looked up in the spec's own definitions, as the tool does.
  const resolved = (tag: string, value: string | undefined): string | undefined => {
    try {
      return value === undefined ? undefined : resolveMacros(value, parsedLines)
    } catch (error) {
      return fail(
        action,
        target,
        `cannot read the entry's ${tag} from '${tag}: ${value}': ${(error as Error).message}`,
      )
    }
  }
  let release = resolved('Release', parsed.release)
  let version = resolved('Version', parsed.version)
  if (parameters.ignoreVersionMacros) version = raw.version
  if (parameters.ignoreReleaseMacros) release = raw.release
  // Python's f-string writes a missing value as None.
  const evr = `${version ?? 'None'}-${release ?? 'None'}`
  return parsed.epoch === undefined ? evr : `${parsed.epoch}:${evr}`
}

/**
 * A changelog_entry block: its entries are added last first, each at the top, so that they read
 * in the recipe's order, after every `%changelog` line. A spec with %autochangelog gets none
 * (AlmaLinux puts them in its commit message instead).
 */
async function changelogEntries(
  tree: Tree,
  entries: Extract<IndexedAction, { type: 'changelog_entry' }>[],
  recipe: Recipe,
  options: ApplyOptions,
): Promise<AppliedEdit[]> {
  const target = relative(tree.root, tree.spec)
  const edits: AppliedEdit[] = []
  for (const action of [...entries].reverse()) {
    const edit = (detail: string): AppliedEdit => ({ index: action.index, type: action.type, target, detail })
    const file = readText(tree, tree.spec, action)
    if (file.lines.includes('%autochangelog')) {
      edits.push(edit('the spec uses %autochangelog: no entry written'))
      continue
    }
    const header = `* ${changelogDate(options.date ?? recipeDate())} ${action.name} <${action.email}> - ${await specEvr(tree, action, recipe, options)}`
    const body = action.line.flatMap((line) => wrap(line, 80, '- ', '  '))
    const starts = file.lines.flatMap((line, i) => (line === '%changelog' ? [i] : []))
    if (starts.length === 0) {
      if (recipe.parameters.strict) fail(action, target, 'the spec has no %changelog line (strict)')
      edits.push(edit('the spec has no %changelog line: no entry written'))
      continue
    }
    // The body is one item ending in a newline: a blank line follows the entry once written.
    for (const at of starts.reverse()) file.lines.splice(at + 1, 0, header, `${body.join('\n')}\n`)
    file.save()
    edits.push(edit(header))
  }
  return edits
}

/** A Patch or Source line an add_files action added, which strict mode wants unique at the end. */
interface AddedTag {
  kind: 'Patch' | 'Source'
  number: number
  file: string
  action: IndexedAction
}

function addFiles(
  tree: Tree,
  action: Extract<IndexedAction, { type: 'add_files' }>,
  recipe: Recipe,
  options: ApplyOptions,
  addedTags: AddedTag[],
): [target: string, detail: string] {
  const kind = action.fileType === 'patch' ? 'Patch' : 'Source'
  // A package that lists its patches in a *.patches file (grub2, shim) gets them added there.
  const patchesFile = kind === 'Patch' ? packageFiles(tree.root, '*.patches')[0] : undefined
  const path = patchesFile ?? tree.spec
  const target = relative(tree.root, path)
  const file = readText(tree, path, action)
  let detail = `copied ${action.name}`
  if (action.modifySpec) {
    const number = action.number === 'Latest' ? -1 : action.number
    try {
      const added = addFileLines(file.lines, {
        name: action.name,
        kind,
        number,
        packageName: tree.packageName,
        patchesFile: patchesFile !== undefined,
        marker: action.insertMarker ?? recipe.parameters.insertMarker,
        noBackup: action.noBackup,
      })
      detail = `${kind}${added.number}: ${action.name}`
      if (added.number !== '') addedTags.push({ kind, number: Number(added.number), file: path, action })
      if (kind === 'Patch') {
        detail += added.applyLine
          ? `, applied with '${added.applyLine}'`
          : added.style === 'patches-file'
            ? ` (listed in ${target})`
            : ' (applied by %autosetup)'
      }
    } catch (error) {
      if (error instanceof SpecTextError) fail(action, target, error.message)
      throw error
    }
  }
  const destination = join(
    existsSync(join(tree.root, 'SPECS')) ? join(tree.root, 'SOURCES') : tree.root,
    action.name,
  )
  if (existsSync(destination)) fail(action, target, `'${action.name}' already exists in the package`)
  const from = join(options.filesDir, action.name)
  if (!existsSync(from)) fail(action, target, `file '${action.name}' is not in ${options.filesDir}`)
  mkdirSync(dirname(destination), { recursive: true })
  copyFileSync(from, destination)
  file.save()
  return [target, detail]
}

function deleteFiles(
  tree: Tree,
  action: Extract<IndexedAction, { type: 'delete_files' }>,
  strict: boolean,
): string {
  const found = packageFiles(tree.root, action.fileName)[0]
  if (found) {
    rmSync(found)
    return `deleted ${relative(tree.root, found)}`
  }
  // Not in the tree: a file only the lookaside cache holds, whose line the tool removes instead.
  const metadata = [`.${tree.packageName}.metadata`, 'sources']
    .map((name) => join(tree.root, name))
    .find((file) => existsSync(file) && statSync(file).isFile())
  if (!metadata)
    fail(
      action,
      action.fileName,
      `no such file in the package, and no .${tree.packageName}.metadata or sources file`,
    )
  const file = readText(tree, metadata, action)
  const name = action.fileName.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
  const listed = new RegExp(`^(?:SHA512 \\(${name}\\)|[0-9a-f]{40} ${name})`)
  const at = file.lines.findIndex((line) => listed.test(line))
  if (at === -1) {
    if (strict)
      fail(action, action.fileName, `no such file in the package or in ${basename(metadata)} (strict)`)
    return `not in the package nor in ${basename(metadata)}: nothing to delete`
  }
  file.lines.splice(at, 1)
  file.save()
  return `removed from ${basename(metadata)}`
}

async function applyOne(
  tree: Tree,
  action: IndexedAction,
  recipe: Recipe,
  options: ApplyOptions,
  addedTags: AddedTag[],
): Promise<AppliedEdit> {
  const strict = recipe.parameters.strict === true
  const specName = relative(tree.root, tree.spec)
  const edit = (target: string, detail: string): AppliedEdit => ({
    index: action.index,
    type: action.type,
    target,
    detail,
  })
  switch (action.type) {
    case 'replace':
    case 'delete_line': {
      const files = targetsOf(tree, action, strict)
      const details: string[] = []
      for (const path of files) {
        const target = relative(tree.root, path)
        const file = readText(tree, path, action)
        details.push(
          action.type === 'replace'
            ? replaceIn(file, action, target, strict)
            : deleteIn(file, action, target),
        )
        file.save()
      }
      return edit(files.map((f) => relative(tree.root, f)).join(', '), details.join('; '))
    }
    case 'modify_release': {
      const file = readText(tree, tree.spec, action)
      const detail = modifyRelease(file, action, specName, strict)
      file.save()
      return edit(specName, detail)
    }
    case 'changelog_entry':
      return (await changelogEntries(tree, [action], recipe, options))[0]!
    case 'add_files':
      return edit(...addFiles(tree, action, recipe, options, addedTags))
    case 'delete_files':
      return edit(action.fileName, deleteFiles(tree, action, strict))
    case 'run_script': {
      const script = join(options.scriptsDir, action.script)
      if (!existsSync(script)) fail(action, action.script, `script is not in ${options.scriptsDir}`)
      const result = await exec(['bash', script], {
        cwd: action.cwd === 'rpms' ? tree.root : dirname(options.scriptsDir),
        allowFailure: true,
        ...(options.log ? { log: options.log } : {}),
      })
      if (result.exitCode !== 0) {
        const last = (result.stderr || result.stdout).trim().split('\n').at(-1)
        fail(action, action.script, `script exited with code ${result.exitCode}${last ? `: ${last}` : ''}`)
      }
      return edit(action.script, 'ran')
    }
    case 'add_line': {
      const file = readText(tree, tree.spec, action)
      try {
        addSectionLine(file.lines, action)
      } catch (error) {
        if (error instanceof SpecTextError) fail(action, specName, error.message)
        throw error
      }
      file.save()
      const where = `%${action.section}${action.subpackage ? ` of subpackage ${action.subpackage}` : ''}`
      return edit(
        specName,
        `${valueLines(action.content).length} line(s) at the ${action.location} of ${where}`,
      )
    }
  }
}

const sameBlock = (a: IndexedAction, b: IndexedAction | undefined): boolean =>
  b !== undefined && a.block !== undefined && b.block === a.block && b.type === a.type

/** Applies every action in order; on any error the package tree is left untouched. */
export async function applyRecipe(recipe: Recipe, options: ApplyOptions): Promise<AppliedEdit[]> {
  const original = options.packageDir.replace(/\/+$/, '')
  treeOf(original) // fail on a bad tree before copying anything
  for (const key of recipe.ignored ?? [])
    options.log?.warning(
      `${recipe.source}: '${key}' is not an autopatch setting; ignored, as AlmaLinux's tool ignores it`,
    )
  const work = `${original}.autopatch-${process.pid}-${Date.now()}`
  await exec(['cp', '-a', '--', original, work])
  try {
    const tree = treeOf(work)
    const edits: AppliedEdit[] = []
    const addedTags: AddedTag[] = []
    const record = (edit: AppliedEdit): void => {
      options.log?.info(`#${edit.index} ${edit.type} ${edit.target}: ${edit.detail}`)
      edits.push(edit)
    }
    for (let k = 0; k < recipe.actions.length; k++) {
      const action = recipe.actions[k]!
      let block = 1
      while (sameBlock(action, recipe.actions[k + block])) block++
      if (action.type === 'changelog_entry') {
        const entries = recipe.actions.slice(k, k + block) as Extract<
          IndexedAction,
          { type: 'changelog_entry' }
        >[]
        for (const edit of await changelogEntries(tree, entries, recipe, options)) record(edit)
        k += block - 1
      } else if (action.type === 'modify_release' && !action.enabled) {
        // The tool stops its modify_release block at a disabled entry.
        for (const skipped of recipe.actions.slice(k, k + block))
          record({
            index: skipped.index,
            type: skipped.type,
            target: relative(tree.root, tree.spec),
            detail: skipped === action ? 'disabled' : 'skipped: an earlier entry of its block is disabled',
          })
        k += block - 1
      } else record(await applyOne(tree, action, recipe, options, addedTags))
    }
    if (recipe.parameters.strict) {
      // AlmaLinux recipes may add a number whose old line a later action deletes; and Latest
      // takes one more than the last line's number, used or not: judged once the recipe is done.
      for (const { kind, number, file, action } of addedTags) {
        const final = readFileSync(file, 'utf8').split('\n')
        if (numberedTags(final, kind).filter((tag) => tag.number === number).length > 1)
          fail(
            action,
            relative(tree.root, file),
            `${kind}${number} is used twice after the whole recipe (strict)`,
          )
      }
    }
    // Swap by renames, so a reader sees either the old tree or the new one.
    const old = `${work}.old`
    renameSync(original, old)
    renameSync(work, original)
    rmSync(old, { recursive: true, force: true })
    return edits
  } catch (error) {
    rmSync(work, { recursive: true, force: true })
    throw error
  }
}
