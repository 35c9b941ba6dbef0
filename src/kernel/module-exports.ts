/**
 * The PMU save/restore functions kvm-hv.ko calls in the core kernel. They live in the built-in
 * part of arch/powerpc/kvm (the POWER9 entry path in the core kernel calls them too), so the
 * kvm-hv module can use them only if the core kernel exports them. Upstream does, with an
 * EXPORT_SYMBOL_GPL beside each; a tree that defines them built in without the export compiles
 * vmlinux and every module and then fails at modpost ("undefined" for kvm-hv.ko), an hour into
 * a POWER build. AlmaLinux's kernel carries a change of its own for this ("Make PMU save/restore
 * symbols global for module builds"); this file is ours: it reads the tree's state before the
 * build, exports what is missing (an edit of the unpacked tree for the hypervisor build, a
 * generated patch in the spec for the RPM build), and turns the modpost failure into a
 * configuration error that names the symbols.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import { exec } from '../exec/exec.js'
import type { Log } from '../reporter.js'
import { type AppliedEdit, builtInEdit } from '../rpm/autopatch/apply.js'
import { addFileLines, SpecTextError } from '../rpm/autopatch/spec-text.js'
import { editSpecFile, numberedTags } from '../rpm/spec.js'
import { specPrepPatchFiles } from './hypervisor-source.js'
import { srpmKernelTarball } from './kconfig-step.js'

const KVM_DIR = 'arch/powerpc/kvm'

/**
 * Both shapes of the functions: C (switch_pmu_to_*, Linux 5.16 on, in book3s_hv_p9_perf.c
 * since 6.0) and the assembly of book3s_hv_rmhandlers.S before (the 5.14 tree of EL9 up to 9.6
 * has these, exported; kvmhv_save_host_pmu is in the module itself there).
 */
export const PMU_SAVE_RESTORE_FUNCTIONS: readonly string[] = [
  'switch_pmu_to_guest',
  'switch_pmu_to_host',
  'kvmhv_save_host_pmu',
  'kvmhv_load_host_pmu',
  'kvmhv_save_guest_pmu',
  'kvmhv_load_guest_pmu',
]

/** The patch the RPM build adds to the spec (our name: a spec that lists it already has the fix). */
export const PMU_EXPORTS_PATCH = 'kvm-actions-export-pmu-symbols.patch'

/** A kernel tree's files by path from its top; undefined for a file it does not have. */
export interface KernelFiles {
  read(path: string): string | undefined
  /** The file names in one folder of the tree (none when there is no such folder). */
  list(dir: string): string[]
}

export function treeFiles(root: string): KernelFiles {
  return {
    read: (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined),
    list: (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)) : []),
  }
}

export interface PmuFunction {
  name: string
  /** The built-in source file that defines it, from the tree's top. */
  file: string
  exported: boolean
}

export type PmuExports =
  /** The state the fix is for: kvm-hv calls functions the core kernel defines but does not export. */
  | { state: 'unexported'; needed: PmuFunction[]; missing: PmuFunction[] }
  /** Upstream's (and a tree that has the fix): every one kvm-hv calls is exported. */
  | { state: 'exported'; needed: PmuFunction[] }
  /** A tree of another shape: nothing of the above to judge. */
  | { state: 'absent'; reason: string }

/** C and assembly comments removed, so a mention in a comment is no call or export. */
const withoutComments = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:])\/\/.*$/gm, '$1')

/**
 * The part of the build each object of arch/powerpc/kvm/Makefile belongs to: the kvm-hv module
 * (kvm-hv-y, kvm-hv-$(CONFIG_…)) or the core kernel (kvm-book3s_64-builtin-…), by file stem.
 */
function objectParts(makefile: string): Map<string, 'kvm-hv' | 'built-in'> {
  const parts = new Map<string, 'kvm-hv' | 'built-in'>()
  for (const line of makefile.replace(/\\\n/g, ' ').split('\n')) {
    const assignment = /^\s*([\w$().-]+)\s*[:+]?=\s*(.*)$/.exec(line)
    if (!assignment) continue
    const variable = assignment[1]!
    const part = variable.startsWith('kvm-hv-')
      ? 'kvm-hv'
      : variable.startsWith('kvm-book3s_64-builtin-')
        ? 'built-in'
        : undefined
    if (!part) continue
    for (const word of assignment[2]!.split(/\s+/)) {
      const object = /^([\w-]+)\.o$/.exec(word)?.[1]
      if (object && !parts.has(object)) parts.set(object, part)
    }
  }
  return parts
}

/** The line of a non-static definition of name: an assembly global, or a C function with its body. */
function definitionLine(lines: readonly string[], file: string, name: string): number {
  if (file.endsWith('.S')) {
    const global = new RegExp(`^\\s*(_GLOBAL(_TOC)?\\(\\s*${name}\\s*\\)|\\.globl\\s+${name}\\b)`)
    return lines.findIndex((line) => global.test(line))
  }
  const head = new RegExp(`^(?!static\\b)[A-Za-z_][\\w \\t*]*?\\b${name}\\s*\\(`)
  return lines.findIndex((line, index) => {
    if (!head.test(line)) return false
    // A definition's body opens before any `;` (a prototype ends at one).
    const rest = lines.slice(index).join('\n')
    const body = rest.indexOf('{')
    const end = rest.indexOf(';')
    return body !== -1 && (end === -1 || body < end)
  })
}

const calls = (source: string, name: string): boolean =>
  new RegExp(`\\b${name}\\s*\\(|\\bbl\\s+${name}\\b`).test(source)

const exportPattern = (name: string) => new RegExp(`\\bEXPORT_SYMBOL(_GPL)?\\(\\s*${name}\\s*\\)`)

/** Which PMU save/restore functions kvm-hv calls in built-in code, and whether each is exported. */
export function pmuExportState(files: KernelFiles): PmuExports {
  const makefile = files.read(`${KVM_DIR}/Makefile`)
  if (makefile === undefined) return { state: 'absent', reason: `the tree has no ${KVM_DIR}/Makefile` }
  const parts = objectParts(makefile)
  const sourceFiles = files.list(KVM_DIR).filter((name) => /\.(c|S)$/.test(name))
  const sources = new Map(
    sourceFiles.map((name) => [name, withoutComments(files.read(`${KVM_DIR}/${name}`) ?? '')]),
  )
  const partOf = (name: string) => parts.get(name.replace(/\.(c|S)$/, ''))
  const module = [...sources].filter(([name]) => partOf(name) === 'kvm-hv')
  const builtIn = [...sources].filter(([name]) => partOf(name) === 'built-in')
  if (module.length === 0)
    return {
      state: 'absent',
      reason: `${KVM_DIR}/Makefile builds no kvm-hv module from sources the tree has`,
    }
  const exported = (name: string) => [...sources.values()].some((text) => exportPattern(name).test(text))
  const needed = PMU_SAVE_RESTORE_FUNCTIONS.flatMap((name): PmuFunction[] => {
    if (!module.some(([, text]) => calls(text, name))) return []
    const definer = builtIn.find(([file, text]) => definitionLine(text.split('\n'), file, name) !== -1)
    return definer ? [{ name, file: `${KVM_DIR}/${definer[0]}`, exported: exported(name) }] : []
  })
  if (needed.length === 0)
    return {
      state: 'absent',
      reason: `kvm-hv calls none of ${PMU_SAVE_RESTORE_FUNCTIONS.join(', ')} in built-in code of ${KVM_DIR}`,
    }
  const missing = needed.filter((fn) => !fn.exported)
  return missing.length > 0 ? { state: 'unexported', needed, missing } : { state: 'exported', needed }
}

const names = (functions: readonly PmuFunction[]) => functions.map((fn) => fn.name).join(', ')
const where = (functions: readonly PmuFunction[]) => [...new Set(functions.map((fn) => fn.file))].join(', ')

/** One sentence on a state, for the summary and the log. */
export function describePmuExports(state: PmuExports): string {
  if (state.state === 'absent') return `no PMU save/restore functions to check: ${state.reason}`
  if (state.state === 'exported')
    return `already enabled upstream: ${names(state.needed)} (built in, ${where(state.needed)}) are exported for kvm-hv`
  return `${names(state.missing)} (built in, ${where(state.missing)}) are not exported, and kvm-hv.ko calls them`
}

/** Lines inserted into a file: `lines` go after the first `after` lines of the original. */
export interface Insertion {
  after: number
  lines: string[]
}

export interface FileEdit {
  file: string
  before: string
  insertions: Insertion[]
}

/** Index of the line holding the `}` that closes the body opened at or after line `from`. */
function bodyEnd(lines: readonly string[], from: number): number {
  if (from === -1) return -1
  let depth = 0
  let opened = false
  for (let index = from; index < lines.length; index++) {
    const code = withoutComments(lines[index]!).replace(/"(\\.|[^"\\])*"|'(\\.|[^'\\])*'/g, '')
    for (const char of code) {
      if (char === '{') {
        depth++
        opened = true
      } else if (char === '}' && --depth === 0 && opened) return index
    }
  }
  return -1
}

/**
 * Our fix: an EXPORT_SYMBOL_GPL for each missing function, where upstream puts it (after a C
 * function's closing brace; after an assembly function's _GLOBAL line).
 */
export function pmuExportEdits(files: KernelFiles, missing: readonly PmuFunction[]): FileEdit[] {
  const byFile = new Map<string, PmuFunction[]>()
  for (const fn of missing) byFile.set(fn.file, [...(byFile.get(fn.file) ?? []), fn])
  return [...byFile].map(([file, functions]) => {
    const before = files.read(file)!
    const lines = before.split('\n')
    const insertions = functions.map(({ name }): Insertion => {
      if (file.endsWith('.S')) {
        // The export macro of assembly files differs between kernel versions: use the file's own.
        if (!/\bEXPORT_SYMBOL/.test(before))
          throw new ConfigurationError(
            `cannot export ${name} from ${file}: the file exports nothing yet, so which export header it needs is unknown (a tree shape export-pmu-symbols does not know; report it)`,
          )
        return { after: definitionLine(lines, file, name) + 1, lines: [`EXPORT_SYMBOL_GPL(${name})`] }
      }
      const end = bodyEnd(lines, definitionLine(lines, file, name))
      if (end === -1)
        throw new ConfigurationError(
          `cannot export ${name}: its definition in ${file} has no body to put the export after`,
        )
      return { after: end + 1, lines: [`EXPORT_SYMBOL_GPL(${name});`] }
    })
    // The macro needs linux/export.h in a file that exports nothing yet.
    if (!file.endsWith('.S') && !/\bEXPORT_SYMBOL|<linux\/(export|module)\.h>/.test(before)) {
      const firstInclude = lines.findIndex((line) => /^#include\b/.test(line))
      insertions.push({ after: Math.max(firstInclude, 0), lines: ['#include <linux/export.h>'] })
    }
    return { file, before, insertions: insertions.sort((a, b) => a.after - b.after) }
  })
}

/** The file's text with its insertions made. */
export function applyInsertions(edit: FileEdit): string {
  const lines = edit.before.split('\n')
  for (const insertion of [...edit.insertions].sort((a, b) => b.after - a.after))
    lines.splice(insertion.after, 0, ...insertion.lines)
  return lines.join('\n')
}

const CONTEXT = 3

/** A unified diff (-p1, a/ and b/) of the insertions, with three lines of context as diff -u has. */
export function unifiedDiff(edit: FileEdit): string {
  const text = edit.before.endsWith('\n') ? edit.before.slice(0, -1) : edit.before
  const old = text.split('\n')
  const noNewline = !edit.before.endsWith('\n')
  const insertions = [...edit.insertions].sort((a, b) => a.after - b.after)
  // Insertions whose context overlaps share a hunk.
  const hunks: Insertion[][] = []
  for (const insertion of insertions) {
    const last = hunks.at(-1)
    if (last && insertion.after - last.at(-1)!.after <= 2 * CONTEXT) last.push(insertion)
    else hunks.push([insertion])
  }
  const out = [`--- a/${edit.file}`, `+++ b/${edit.file}`]
  let added = 0
  for (const hunk of hunks) {
    const start = Math.max(0, hunk[0]!.after - CONTEXT)
    const end = Math.min(old.length, hunk.at(-1)!.after + CONTEXT)
    const inserted = hunk.reduce((sum, insertion) => sum + insertion.lines.length, 0)
    out.push(`@@ -${start + 1},${end - start} +${start + 1 + added},${end - start + inserted} @@`)
    for (let index = start; index <= end; index++) {
      for (const insertion of hunk.filter((i) => i.after === index))
        out.push(...insertion.lines.map((l) => `+${l}`))
      if (index < end) {
        out.push(` ${old[index]}`)
        if (noNewline && index === old.length - 1) out.push('\\ No newline at end of file')
      }
    }
    added += inserted
  }
  return out.join('\n') + '\n'
}

/** The patch file our RPM build adds: what it does and why, then the diffs. */
export function pmuExportsPatch(
  state: Extract<PmuExports, { state: 'unexported' }>,
  edits: FileEdit[],
): string {
  return [
    'From: kvm-power-actions build-kernel',
    `Subject: [PATCH] KVM: PPC: Book3S HV: export ${names(state.missing)} for kvm-hv.ko`,
    '',
    `kvm-hv.ko calls ${names(state.missing)}, which this tree builds into the core`,
    'kernel without exporting them, so a modular kvm-hv fails at modpost. Export',
    'them as upstream does. Generated by build-kernel (export-pmu-symbols).',
    '',
    ...edits.map(unifiedDiff),
  ].join('\n')
}

/** `ERROR: modpost: "sym" [arch/powerpc/kvm/kvm-hv.ko] undefined!` lines, by KVM module. */
export function kvmModpostUndefined(log: string): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const match of log.matchAll(/ERROR: modpost: "([^"]+)" \[([^\]\s]+\.ko)\] undefined!/g)) {
    const [, symbol, module] = match as unknown as [string, string, string]
    if (!module.startsWith(`${KVM_DIR}/`)) continue
    const symbols = found.get(module) ?? []
    if (!symbols.includes(symbol)) found.set(module, [...symbols, symbol])
  }
  return found
}

/**
 * A build log's modpost failure of a KVM module as a configuration error naming the module and
 * its symbols (the log stays in logFile); undefined when the log has none.
 */
export function kvmModpostFailure(
  log: string,
  logFile: string,
  fixEnabled: boolean,
): ConfigurationError | undefined {
  const undefinedSymbols = kvmModpostUndefined(log)
  if (undefinedSymbols.size === 0) return undefined
  const modules = [...undefinedSymbols].map(([module, symbols]) => `${module} needs ${symbols.join(', ')}`)
  const pmu = [...undefinedSymbols.values()]
    .flat()
    .filter((symbol) => PMU_SAVE_RESTORE_FUNCTIONS.includes(symbol))
  const hint =
    pmu.length === 0
      ? 'The tree (or its patches) must export what the module calls.'
      : fixEnabled
        ? `${pmu.join(', ')} are kvm-hv's PMU save/restore functions, and export-pmu-symbols found nothing to export in this tree's shape: report it, or give a tree that exports them.`
        : `${pmu.join(', ')} are kvm-hv's PMU save/restore functions, which this tree builds in without EXPORT_SYMBOL_GPL: set export-pmu-symbols: true to export them before the build.`
  return new ConfigurationError(
    `the KVM modules do not link: modpost finds no export in the core kernel for what they call (${modules.join('; ')}). ${hint} (build log: ${logFile})`,
  )
}

export interface TreeExports {
  /** The tree to build: the given one, or a copy with the exports added. */
  tree: string
  /** What was found and done, for the summary. */
  note: string
}

/**
 * The hypervisor build's step: the tree's state, and with the fix on the exports written into
 * it before the build. A tree the user gave as a folder is copied first (it is theirs); a tree
 * unpacked from a tarball is the build's own. With compile false nothing is edited.
 */
export async function exportPmuSymbolsInTree(
  tree: string,
  options: { enabled: boolean; compile: boolean; ownTree: boolean; copyTo: string; log: Log },
): Promise<TreeExports> {
  const state = pmuExportState(treeFiles(tree))
  const found = describePmuExports(state)
  options.log.info(`PMU save/restore exports: ${found}`)
  if (state.state !== 'unexported') return { tree, note: found }
  if (!options.enabled) {
    options.log.warning(`${found}; export-pmu-symbols is false, so kvm-hv.ko will fail at modpost`)
    return { tree, note: `${found}; left as it is (export-pmu-symbols: false)` }
  }
  if (!options.compile) return { tree, note: `${found}; the build would export them` }
  const edits = pmuExportEdits(treeFiles(tree), state.missing)
  let target = tree
  if (!options.ownTree) {
    await exec(['cp', '-a', '--reflink=auto', tree, options.copyTo], {
      log: options.log,
      group: `Copy ${tree} (the exports are added to the copy)`,
    })
    target = options.copyTo
  }
  for (const edit of edits) writeFileSync(join(target, edit.file), applyInsertions(edit))
  return {
    tree: target,
    note: `exported ${names(state.missing)} in ${where(state.missing)}${options.ownTree ? '' : ' (in a copy of the tree)'}, which the tree builds in without EXPORT_SYMBOL_GPL`,
  }
}

/** A path from the top of a patched tree: the first component (a/, b/) stripped, as -p1 does. */
const patchPath = (header: string): string => header.slice(4).split('\t')[0]!.trim()

/**
 * The file sections of a patch that change files below prefix (after -p1), hunks counted so a
 * `---` line inside a hunk is not taken for a header. Prose, git headers and other files go.
 */
export function patchSectionsBelow(patch: string, prefix: string): string {
  const lines = patch.split('\n')
  const kept: string[] = []
  let index = 0
  while (index < lines.length) {
    if (!(lines[index]!.startsWith('--- ') && lines[index + 1]?.startsWith('+++ '))) {
      index++
      continue
    }
    const from = patchPath(lines[index]!)
    const to = patchPath(lines[index + 1]!)
    const section = [lines[index]!, lines[index + 1]!]
    index += 2
    let hunk: RegExpExecArray | null
    while (index < lines.length && (hunk = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(lines[index]!))) {
      let oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1])
      let newLeft = hunk[2] === undefined ? 1 : Number(hunk[2])
      section.push(lines[index++]!)
      while (index < lines.length && (oldLeft > 0 || newLeft > 0)) {
        const line = lines[index]!
        const kind = line === '' ? ' ' : line[0]
        if (kind === ' ') {
          oldLeft--
          newLeft--
        } else if (kind === '-') oldLeft--
        else if (kind === '+') newLeft--
        else if (kind !== '\\') break
        section.push(line)
        index++
      }
      if (lines[index]?.startsWith('\\')) section.push(lines[index++]!)
    }
    const path = (to === '/dev/null' ? from : to).replace(/^[^/]+\//, '')
    if (path.startsWith(prefix)) kept.push(...section)
  }
  return kept.length > 0 ? kept.join('\n') + '\n' : ''
}

/**
 * The RPM build's step, in build-kernel's prepare hook: the state of the tree the spec builds
 * (the SRPM's linux tarball, arch/powerpc/kvm only, with its %prep patches' changes there) and,
 * when the exports are missing, our patch in SOURCES with a PatchNNN line and an apply line in
 * the spec's own style, reported as a built-in edit. A spec that lists the patch gets nothing.
 */
export async function exportPmuSymbolsInSpec(
  spec: string,
  topdir: string,
  defines: Record<string, string>,
  log: Log,
): Promise<AppliedEdit[]> {
  const sources = join(topdir, 'SOURCES')
  const specText = readFileSync(spec, 'utf8').split('\n')
  if (numberedTags(specText, 'Patch').some((tag) => tag.value === PMU_EXPORTS_PATCH)) return []
  const tarball = srpmKernelTarball(sources)
  if (!tarball) {
    log.info('PMU save/restore exports not checked: the SRPM has no linux-*.tar.xz')
    return []
  }
  const patches = await specPrepPatchFiles(spec, topdir, defines)
  const dir = mkdtempSync(join(tmpdir(), 'pmu-exports-'))
  try {
    await exec(['tar', '-xf', tarball, '-C', dir, '--wildcards', `*/${KVM_DIR}/*`], {
      log,
      group: `Unpack ${KVM_DIR} of ${basename(tarball)}`,
    })
    const root = readdirSync(dir)
      .map((name) => join(dir, name))
      .find((path) => statSync(path).isDirectory() && existsSync(join(path, KVM_DIR)))
    if (!root) {
      log.info(`PMU save/restore exports not checked: ${basename(tarball)} has no ${KVM_DIR}`)
      return []
    }
    for (const patch of patches) {
      const sections = patchSectionsBelow(readFileSync(patch, 'utf8'), `${KVM_DIR}/`)
      if (!sections) continue
      await exec(['patch', '-p1', '-s', '--no-backup-if-mismatch', '-d', root], {
        input: sections,
        log,
        group: `Apply ${basename(patch)} to ${KVM_DIR}`,
      })
    }
    const state = pmuExportState(treeFiles(root))
    const found = describePmuExports(state)
    log.info(`PMU save/restore exports: ${found}`)
    if (state.state !== 'unexported') return [builtInEdit(spec, 'PMU exports', `${found}: nothing changed`)]
    const edits = pmuExportEdits(treeFiles(root), state.missing)
    writeFileSync(join(sources, PMU_EXPORTS_PATCH), pmuExportsPatch(state, edits))
    const detail = editSpecFile(spec, (lines, name) => {
      const number = Math.max(-1, ...numberedTags(lines, 'Patch').map((tag) => tag.number)) + 1
      try {
        // The kernel spec's own helper applies it (ApplyPatch), as autopatch's add_files would.
        const added = addFileLines(lines, {
          name: PMU_EXPORTS_PATCH,
          kind: 'Patch',
          number,
          packageName: 'kernel',
          patchesFile: false,
          marker: false,
          noBackup: true,
        })
        return `Patch${added.number}: ${PMU_EXPORTS_PATCH}${added.applyLine ? `, applied with '${added.applyLine}'` : ' (applied by %autosetup)'}`
      } catch (error) {
        if (error instanceof SpecTextError)
          throw new ConfigurationError(`${name}: cannot add ${PMU_EXPORTS_PATCH}: ${error.message}`)
        throw error
      }
    })
    return [builtInEdit(spec, 'PMU exports', `${detail}: exports ${names(state.missing)} (${found})`)]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
