/**
 * Applies an autopatch recipe to a dist-git tree (SPECS/ + SOURCES/, or flat). The recipe runs
 * on a copy, and the copy replaces the tree only when every action succeeded: a failing action
 * leaves the tree exactly as it was.
 */
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { ConfigurationError } from '../../action/errors.js'
import { exec } from '../../exec/exec.js'
import { expandGlob, hasGlob } from '../../fs/glob.js'
import type { Log } from '../../host/host.js'
import { applyStyle, changelogStart, numberedTags, sections, type TagKind } from '../spec.js'
import { defineArgs } from '../macros.js'
import type { Recipe, RecipeAction } from './config.js'

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

function fail(action: RecipeAction & { index: number }, target: string, message: string): never {
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
}

function findSpec(root: string): string {
  const dirs = existsSync(join(root, 'SPECS')) ? [join(root, 'SPECS')] : [root]
  const specs = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.spec'))
      .map((name) => join(dir, name)),
  )
  if (specs.length !== 1) {
    throw new ConfigurationError(
      `${root} must hold exactly one .spec file (in SPECS/ or at the top); found ${specs.length === 0 ? 'none' : specs.map((s) => basename(s)).join(', ')}`,
    )
  }
  return specs[0]!
}

function treeOf(root: string): Tree {
  return {
    root,
    spec: findSpec(root),
    sources: existsSync(join(root, 'SOURCES')) ? join(root, 'SOURCES') : root,
  }
}

/** `spec`, or a path or glob relative to the tree, then to SOURCES/. */
async function resolveTargets(tree: Tree, target: string, allowGlob: boolean): Promise<string[]> {
  if (target === 'spec') return [tree.spec]
  if (hasGlob(target) && !allowGlob) return []
  for (const base of [tree.root, tree.sources]) {
    const matches = (hasGlob(target) ? await expandGlob(target, base) : [join(base, target)]).filter(
      (file) => existsSync(file) && statSync(file).isFile(),
    )
    if (matches.length > 0) return matches
  }
  return []
}

const splitLines = (text: string): string[] => text.replace(/\n$/, '').split('\n')
const leading = (line: string): string => /^\s*/.exec(line)![0]

/** Lines of a block with its common indentation removed. */
function dedent(text: string): string[] {
  const lines = splitLines(text)
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => leading(l).length))
  return lines.map((line) => line.slice(Math.min(indent, leading(line).length)))
}

class TextFile {
  lines: string[]
  private readonly trailingNewline: boolean
  constructor(
    readonly path: string,
    readonly isSpec: boolean,
  ) {
    const text = readFileSync(path, 'utf8')
    this.trailingNewline = text.endsWith('\n')
    this.lines = text === '' ? [] : splitLines(text)
  }
  /** Edits never reach into a spec's %changelog. */
  get editableEnd(): number {
    return this.isSpec ? changelogStart(this.lines) : this.lines.length
  }
  save(): void {
    writeFileSync(this.path, this.lines.join('\n') + (this.trailingNewline || this.lines.length ? '\n' : ''))
  }
}

/** Start indices of every occurrence of a multi-line block, matched ignoring leading indentation. */
function findBlocks(lines: readonly string[], end: number, block: string[], skipComments: boolean): number[] {
  const wanted = block.map((line) => line.trim())
  const found: number[] = []
  for (let i = 0; i + wanted.length <= end; i++) {
    if (skipComments && lines[i]!.trim().startsWith('#')) continue
    if (wanted.every((line, j) => lines[i + j]!.trim() === line)) {
      found.push(i)
      i += wanted.length - 1
    }
  }
  return found
}

function replaceAction(
  file: TextFile,
  action: Extract<RecipeAction, { type: 'replace' }> & { index: number },
  target: string,
): string {
  const end = file.editableEnd
  const expectCount = (found: number): void => {
    if (found === 0) fail(action, target, `'${(action.find ?? action.rfind)!.trim()}' matches nothing`)
    if (action.count !== -1 && found !== action.count) {
      fail(
        action,
        target,
        `'${(action.find ?? action.rfind)!.trim()}' matches ${found} time(s), count says ${action.count}`,
      )
    }
  }
  if (action.rfind !== undefined) {
    const region = file.lines.slice(0, end).join('\n')
    const commentsToo = /^\^?#/.test(action.rfind) || !file.isSpec
    const pattern = new RegExp(action.rfind, 'gm')
    let found = 0
    const replaced = region.replace(pattern, (match, ...rest) => {
      const offset = rest.at(-2) as number
      const lineStart = region.lastIndexOf('\n', offset - 1) + 1
      if (!commentsToo && region.slice(lineStart).trimStart().startsWith('#')) return match
      found++
      const groups = rest.slice(0, -2) as (string | undefined)[]
      // Python-style back-references (\1, \g<1>) as AlmaLinux's configs write them.
      return action.replace.replace(
        /\\g<(\d+)>|\\(\d)/g,
        (_, a: string, b: string) => groups[Number(a ?? b) - 1] ?? '',
      )
    })
    expectCount(found)
    file.lines.splice(0, end, ...(replaced === '' ? [] : replaced.split('\n')))
    return `${found} match(es) of /${action.rfind}/`
  }
  const find = action.find!.replace(/\n$/, '')
  const skipComments = file.isSpec && !find.trimStart().startsWith('#')
  if (!find.includes('\n')) {
    let found = 0
    for (let i = 0; i < end; i++) {
      const line = file.lines[i]!
      if (skipComments && line.trim().startsWith('#')) continue
      const parts = line.split(find)
      if (parts.length === 1) continue
      found += parts.length - 1
      file.lines[i] = parts.join(action.replace.replace(/\n$/, ''))
    }
    expectCount(found)
    return `${found} occurrence(s) of '${find}'`
  }
  const block = dedent(find)
  const starts = findBlocks(file.lines, end, block, skipComments)
  expectCount(starts.length)
  const replacement = action.replace === '' ? [] : dedent(action.replace)
  for (const start of [...starts].reverse()) {
    const indent = leading(file.lines[start]!)
    file.lines.splice(start, block.length, ...replacement.map((line) => (line ? indent + line : line)))
  }
  return `${starts.length} block(s) of ${block.length} line(s)`
}

function deleteLineAction(
  file: TextFile,
  action: Extract<RecipeAction, { type: 'delete_line' }> & { index: number },
  target: string,
): string {
  let deleted = 0
  for (const item of action.lines) {
    const block = dedent(item)
    const starts = findBlocks(file.lines, file.editableEnd, block, false)
    if (starts.length === 0) fail(action, target, `line '${block.join('\\n').trim()}' not found`)
    for (const start of [...starts].reverse()) file.lines.splice(start, block.length)
    deleted += starts.length * block.length
  }
  return `${deleted} line(s) deleted`
}

function modifyRelease(
  file: TextFile,
  action: Extract<RecipeAction, { type: 'modify_release' }> & { index: number },
  target: string,
): string {
  const index = file.lines.slice(0, file.editableEnd).findIndex((line) => /^Release\s*:/i.test(line))
  if (index === -1) fail(action, target, 'no Release: line')
  const line = file.lines[index]!
  if (line.includes('%autorelease'))
    fail(action, target, 'Release: uses %autorelease, which has no literal value to suffix')
  file.lines[index] = line.trimEnd() + action.suffix
  return `Release: ${file.lines[index]!.replace(/^Release\s*:\s*/i, '')}`
}

function wrap(text: string, width = 80): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && (current + ' ' + word).length > width - 2) {
      lines.push(current)
      current = word
    } else current = current ? `${current} ${word}` : word
  }
  if (current) lines.push(current)
  return lines.map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`))
}

async function specEvr(tree: Tree, file: TextFile, recipe: Recipe, options: ApplyOptions): Promise<string> {
  // The spec on disk must be current: earlier actions may have changed the release.
  file.save()
  const raw = (tag: string): string | undefined =>
    new RegExp(`^${tag}\\s*:\\s*(.+)$`, 'im')
      .exec(file.lines.slice(0, file.editableEnd).join('\n'))?.[1]
      ?.trim()
  // As AlmaLinux's tool does: no dist tag in the changelog's EVR, rhel as the EL major version.
  const defines = {
    rhel: recipe.parameters.elVersion ?? '9',
    _sourcedir: tree.sources,
    ...options.defines,
    dist: '%{nil}',
  }
  const result = await exec([
    'rpmspec',
    '-q',
    '--srpm',
    '--qf',
    '%{EPOCH}|%{VERSION}|%{RELEASE}\\n',
    ...defineArgs(defines),
    file.path,
  ])
  const [epoch = '(none)', version = '', release = ''] = result.stdout.trim().split('\n')[0]!.split('|')
  const v = recipe.parameters.ignoreVersionMacros ? (raw('Version') ?? version) : version
  const r = recipe.parameters.ignoreReleaseMacros ? (raw('Release') ?? release) : release
  return `${epoch !== '(none)' && epoch !== '' ? `${epoch}:` : ''}${v}-${r}`
}

function insertTag(
  lines: string[],
  editableEnd: number,
  kind: TagKind,
  number: number,
  name: string,
  marker: boolean,
): void {
  const entry = `${kind}${number}: ${name}`
  // One `# AlmaLinux Patch` (or Source) block: made by the first addition, joined by later ones.
  const header = lines.findIndex((line) => line.trim().toLowerCase() === `# almalinux ${kind.toLowerCase()}`)
  if (marker && header !== -1) {
    let last = header
    while (last + 1 < editableEnd && /^(Patch|Source)\d*\s*:/i.test(lines[last + 1]!.trim())) last++
    lines.splice(last + 1, 0, entry)
    return
  }
  const own = numberedTags(lines, kind)
  const any = [...numberedTags(lines, 'Patch'), ...numberedTags(lines, 'Source')].sort(
    (a, b) => a.line - b.line,
  )
  const release = lines.findIndex((line) => /^Release\s*:/i.test(line))
  const after = own.at(-1)?.line ?? any.at(-1)?.line ?? release
  lines.splice(after + 1, 0, ...(marker ? ['', `# AlmaLinux ${kind}`, entry] : [entry]))
}

/**
 * Lists a patch in a spec: `PatchN: name` after the spec's last Patch tag (with marker, in one
 * `# AlmaLinux Patch` block), and the line that applies it in %prep in the style the spec
 * already uses (ApplyPatch, %patchN, %patch -P N). Returns that line, undefined when %autosetup
 * applies every patch, or 'no-prep' (and changes nothing) when %prep has nothing to follow.
 */
export function addPatchToSpec(
  lines: string[],
  name: string,
  number: number,
  options: { marker: boolean; backup: boolean },
): { applyLine: string | undefined } | 'no-prep' {
  // No %prep, or one that applies nothing: nowhere to say how patches are applied.
  if (applyStyle(lines).style === 'none') return 'no-prep'
  insertTag(lines, changelogStart(lines), 'Patch', number, name, options.marker)
  const { style, after } = applyStyle(lines)
  const backup = options.backup ? ` -b .${name.replace(/\.patch$/, '')}` : ''
  const applyLine =
    style === 'autosetup'
      ? undefined
      : style === 'kernel'
        ? `${/^\s*(Apply\w*Patch)/.exec(lines[after]!)![1]} ${name}`
        : style === 'patchN'
          ? `%patch${number} -p1${backup}`
          : `%patch -P ${number} -p1${backup}`
  const applyMarker = '# Applying AlmaLinux Patch'
  const marked = options.marker && !lines.some((line) => line.trim() === applyMarker)
  if (applyLine) lines.splice(after + 1, 0, ...(marked ? [applyMarker] : []), applyLine)
  return { applyLine }
}

/** A Patch/Source number an add_files action used while the spec still had it. */
interface ReusedNumber {
  kind: TagKind
  number: number
  action: RecipeAction & { index: number }
}

function addFiles(
  tree: Tree,
  spec: TextFile,
  action: Extract<RecipeAction, { type: 'add_files' }> & { index: number },
  recipe: Recipe,
  options: ApplyOptions,
  reused: ReusedNumber[],
): string {
  const from = join(options.filesDir, action.name)
  if (!existsSync(from))
    fail(action, relative(tree.root, tree.spec), `file '${action.name}' is not in ${options.filesDir}`)
  copyFileSync(from, join(tree.sources, action.name))
  if (!action.modifySpec) return `copied ${action.name}`
  const kind: TagKind = action.fileType === 'patch' ? 'Patch' : 'Source'
  const existing = numberedTags(spec.lines, kind)
  const number =
    action.number === 'Latest' ? Math.max(-1, ...existing.map((tag) => tag.number)) + 1 : action.number
  // AlmaLinux recipes add a number whose old line a later action deletes: judged after the recipe.
  if (existing.some((tag) => tag.number === number)) reused.push({ kind, number, action })
  const marker = action.insertMarker ?? recipe.parameters.insertMarker
  if (kind === 'Source') {
    insertTag(spec.lines, spec.editableEnd, kind, number, action.name, marker)
    return `Source${number}: ${action.name}`
  }
  const added = addPatchToSpec(spec.lines, action.name, number, { marker, backup: !action.noBackup })
  if (added === 'no-prep')
    fail(action, relative(tree.root, tree.spec), 'the spec has no %prep section to apply the patch in')
  const { applyLine } = added
  return `Patch${number}: ${action.name}${applyLine ? `, applied with '${applyLine}'` : ' (applied by %autosetup)'}`
}

function deleteFiles(
  tree: Tree,
  action: Extract<RecipeAction, { type: 'delete_files' }> & { index: number },
): string {
  const candidates = [tree.root, tree.sources, join(tree.root, 'SPECS')].map((dir) =>
    join(dir, action.fileName),
  )
  const found = candidates.find((file) => existsSync(file))
  if (!found) fail(action, action.fileName, 'no such file in the package')
  rmSync(found)
  // Lookaside metadata names the file too.
  const metadata = readdirSync(tree.root).filter(
    (name) => name === 'sources' || /^\..*\.metadata$/.test(name),
  )
  for (const name of metadata) {
    const file = join(tree.root, name)
    const lines = readFileSync(file, 'utf8').split('\n')
    const kept = lines.filter(
      (line) =>
        !line.split(/[\s()]+/).some((word) => word === action.fileName || basename(word) === action.fileName),
    )
    if (kept.length !== lines.length) writeFileSync(file, kept.join('\n'))
  }
  return `deleted ${relative(tree.root, found)}`
}

function addLine(
  file: TextFile,
  action: Extract<RecipeAction, { type: 'add_line' }> & { index: number },
  target: string,
): string {
  const all = sections(file.lines)
  const section = all.find((s) => s.name === action.section && s.subpackage === action.subpackage)
  const which = `%${action.section}${action.subpackage ? ` of subpackage ${action.subpackage}` : ''}`
  if (!section) fail(action, target, `section ${which} not found`)
  const content = splitLines(action.content)
  let at: number
  if (action.location === 'top') at = section.header + 1
  else {
    at = section.end
    while (at > section.header + 1 && file.lines[at - 1]!.trim() === '') at--
  }
  file.lines.splice(at, 0, ...content)
  return `${content.length} line(s) at the ${action.location} of ${which}`
}

async function applyOne(
  tree: Tree,
  action: Recipe['actions'][number],
  recipe: Recipe,
  options: ApplyOptions,
  reused: ReusedNumber[],
): Promise<AppliedEdit> {
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
      const files = await resolveTargets(tree, action.target, action.type === 'replace')
      if (files.length === 0) fail(action, action.target, 'no such file in the package')
      const details: string[] = []
      for (const path of files) {
        const file = new TextFile(path, path === tree.spec)
        const target = relative(tree.root, path)
        details.push(
          action.type === 'replace'
            ? replaceAction(file, action, target)
            : deleteLineAction(file, action, target),
        )
        file.save()
      }
      return edit(files.map((f) => relative(tree.root, f)).join(', '), details.join('; '))
    }
    case 'modify_release': {
      if (!action.enabled) return edit(specName, 'disabled')
      const file = new TextFile(tree.spec, true)
      const detail = modifyRelease(file, action, specName)
      file.save()
      return edit(specName, detail)
    }
    case 'changelog_entry': {
      const file = new TextFile(tree.spec, true)
      const evr = await specEvr(tree, file, recipe, options)
      const header = `* ${changelogDate(options.date ?? recipeDate())} ${action.name} <${action.email}> - ${evr}`
      const entry = [header, ...action.line.flatMap((line) => wrap(line)), '']
      const at = changelogStart(file.lines)
      if (at === file.lines.length) file.lines.push('%changelog')
      file.lines.splice(at + 1, 0, ...entry)
      file.save()
      return edit(specName, header)
    }
    case 'add_files': {
      const file = new TextFile(tree.spec, true)
      const detail = addFiles(tree, file, action, recipe, options, reused)
      file.save()
      return edit(specName, detail)
    }
    case 'delete_files':
      return edit(action.fileName, deleteFiles(tree, action))
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
      if (action.target !== 'spec') fail(action, action.target, "add_line works on target 'spec' only")
      const file = new TextFile(tree.spec, true)
      const detail = addLine(file, action, specName)
      file.save()
      return edit(specName, detail)
    }
  }
}

/** Applies every action in order; on any error the package tree is left untouched. */
export async function applyRecipe(recipe: Recipe, options: ApplyOptions): Promise<AppliedEdit[]> {
  const original = options.packageDir.replace(/\/+$/, '')
  treeOf(original) // fail on a bad tree before copying anything
  const work = `${original}.autopatch-${process.pid}-${Date.now()}`
  await exec(['cp', '-a', '--', original, work])
  try {
    const tree = treeOf(work)
    const edits: AppliedEdit[] = []
    const reused: ReusedNumber[] = []
    for (const action of recipe.actions) {
      const edit = await applyOne(tree, action, recipe, options, reused)
      options.log?.info(`#${edit.index} ${edit.type} ${edit.target}: ${edit.detail}`)
      edits.push(edit)
    }
    const final = new TextFile(tree.spec, true).lines
    for (const { kind, number, action } of reused) {
      if (numberedTags(final, kind).filter((tag) => tag.number === number).length > 1)
        fail(action, relative(tree.root, tree.spec), `${kind}${number} is used twice after the whole recipe`)
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
