/**
 * Reading a spec file's structure as text: its sections, its Patch/Source tags and where
 * %changelog starts. Only what recipe edits need; rpmspec answers everything that needs macros
 * expanded.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'

/** Section headers that end the preamble or the previous section. */
const SECTION_NAMES = [
  'package',
  'description',
  'prep',
  'generate_buildrequires',
  'conf',
  'build',
  'install',
  'check',
  'clean',
  'files',
  'changelog',
  'pre',
  'post',
  'preun',
  'postun',
  'pretrans',
  'posttrans',
  'preuntrans',
  'postuntrans',
  'triggerprein',
  'triggerin',
  'triggerun',
  'triggerpostun',
  'filetriggerin',
  'filetriggerun',
  'filetriggerpostun',
  'transfiletriggerin',
  'transfiletriggerun',
  'transfiletriggerpostun',
  'verifyscript',
  'sepolicy',
]
const SECTION_LINE = new RegExp(`^%(${SECTION_NAMES.join('|')})(?:\\s+(.*))?$`)

export interface Section {
  /** `global` for the preamble before the first section. */
  name: string
  /** The subpackage the section belongs to, or undefined for the main package. */
  subpackage?: string
  /** Index of the header line (-1 for global) and of the first line after the section. */
  header: number
  end: number
}

/** The subpackage named by a section's arguments: `foo`, `-n foo`, ignoring `-f file` and the like. */
function subpackageOf(args: string | undefined): string | undefined {
  if (!args) return undefined
  const words = args.trim().split(/\s+/)
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (word === '-n') return words[i + 1]
    if (word.startsWith('-')) {
      if (/^-[fpe]$/.test(word)) i++ // options that take a value
      continue
    }
    return word
  }
  return undefined
}

export function sections(lines: readonly string[]): Section[] {
  const found: Section[] = [{ name: 'global', header: -1, end: lines.length }]
  lines.forEach((line, index) => {
    const match = SECTION_LINE.exec(line.trimEnd())
    if (!match) return
    found.at(-1)!.end = index
    const subpackage = subpackageOf(match[2])
    found.push({ name: match[1]!, ...(subpackage ? { subpackage } : {}), header: index, end: lines.length })
  })
  return found
}

/** The line index of `%changelog`, or the line count when there is none. */
export function changelogStart(lines: readonly string[]): number {
  const index = lines.findIndex((line) => /^%changelog\s*$/.test(line))
  return index === -1 ? lines.length : index
}

export type TagKind = 'Patch' | 'Source'

/** `PatchNNN:` / `SourceNNN:` lines (a bare `Patch:` is number 0) in the preamble and %package blocks. */
export function numberedTags(
  lines: readonly string[],
  kind: TagKind,
): { number: number; line: number; value: string }[] {
  const pattern = new RegExp(`^${kind}(\\d*)\\s*:\\s*(.+)$`, 'i')
  const end = changelogStart(lines)
  const tags: { number: number; line: number; value: string }[] = []
  for (let index = 0; index < end; index++) {
    const match = pattern.exec(lines[index]!.trim())
    if (match) tags.push({ number: match[1] ? Number(match[1]) : 0, line: index, value: match[2]!.trim() })
  }
  return tags
}

/** A `%if…` that encloses a line, and whether the line sits in its `%else` branch. */
export interface OpenConditional {
  line: number
  keyword: string
  args: string
  inElse: boolean
}

/** The conditionals enclosing `index`, outermost first. */
export function enclosingConditionals(lines: readonly string[], index: number): OpenConditional[] {
  const open: OpenConditional[] = []
  for (let at = 0; at < index; at++) {
    const match = /^%(if\w*|else|elif\w*|endif)\b\s*(.*)$/.exec(lines[at]!.trim())
    if (!match) continue
    const keyword = match[1]!
    if (keyword === 'endif') open.pop()
    else if (keyword === 'else') {
      if (open.length > 0) open.at(-1)!.inElse = true
    } else if (keyword.startsWith('elif')) {
      if (open.length > 0) Object.assign(open.at(-1)!, { keyword, args: match[2]!.trim(), inElse: false })
    } else open.push({ line: at, keyword, args: match[2]!.trim(), inElse: false })
  }
  return open
}

/**
 * Whether rpm keeps the line when building for an architecture that any of `archTokens` names
 * (`%{power64}`, `ppc64le`): only %ifarch / %ifnarch count; other conditions are taken as true.
 */
export function keptForArch(lines: readonly string[], index: number, archTokens: readonly string[]): boolean {
  return enclosingConditionals(lines, index).every(({ keyword, args, inElse }) => {
    if (keyword !== 'ifarch' && keyword !== 'ifnarch') return true
    const names = args.split(/[\s,]+/).some((word) => archTokens.includes(word))
    return (keyword === 'ifarch') !== inElse ? names : !names
  })
}

/**
 * Where a new entry of a section belongs: after its last entry, before trailing blank lines, the
 * `%if` of a block that goes on into the next section, and the `%endif` of a block opened before
 * the section.
 */
export function sectionEntriesEnd(lines: readonly string[], section: Section): number {
  let at = section.end
  while (at > section.header + 1) {
    const previous = lines[at - 1]!.trim()
    if (previous === '' || /^%if\w*\b/.test(previous)) at--
    else if (/^%endif\b/.test(previous)) {
      const closes = enclosingConditionals(lines, at - 1).at(-1)
      if (!closes || closes.line >= section.header) break
      at--
    } else break
  }
  return at
}

/** A shell `if …; then` line of a build script; group 2 is its condition. */
export const SHELL_IF = /^(\s*)if\s+(.*);\s*then\s*$/

/**
 * The shell `if …; then` line whose block holds `index` (its `fi` comes after), or -1. The search
 * stops at the section header or shell function that holds the line.
 */
export function enclosingShellIf(lines: readonly string[], index: number): number {
  let depth = 0
  for (let at = index - 1; at >= 0; at--) {
    const line = lines[at]!.trim()
    if (/^fi\b/.test(line)) depth++
    else if (SHELL_IF.test(line)) {
      if (depth === 0) return at
      depth--
    } else if (SECTION_LINE.test(line) || /^\w+\s*\(\)/.test(line)) return -1
  }
  return -1
}

/** Edits a spec file's lines in place (edit gets the lines and the file's name) and writes it back. */
export function editSpecFile<T>(spec: string, edit: (lines: string[], name: string) => T): T {
  const lines = readFileSync(spec, 'utf8').split('\n')
  const result = edit(lines, basename(spec))
  writeFileSync(spec, lines.join('\n'))
  return result
}
