/**
 * The spec helpers of AlmaLinux's autopatch tool (its src/tools/rpm.py) that decide where
 * add_files and add_line put their lines and which EVR a changelog entry names, ported with the
 * same line tests and the same index arithmetic, so that every line lands where AlmaLinux's lands.
 * The tool walks the spec backwards for add_files: the ported functions take the reversed lines.
 */
import { insertAt, strip } from './python.js'

export type Directive = 'Patch' | 'Source'

/** How the spec applies its patches, and so how an added patch is applied. */
export type ApplyStyle =
  | 'classic' // %patchN -p1
  | 'upper-p-space' // %patch -P N -p1
  | 'upper-p' // %patch -PN -p1
  | 'kernel' // ApplyPatch name
  | 'patches-file' // listed in a *.patches file the spec includes: nothing to apply
  | 'autosetup' // %autosetup / %autopatch apply every Patch line

export class SpecTextError extends Error {}

const ENDS_BLOCK = (line: string): boolean => /^%endif\b/.test(line) || /^popd\b/.test(line)
// As the tool writes them: `%if*` is "%i" and any "f"s, so %ifarch, %install, %include all count.
const OPENS_BLOCK = (line: string): boolean => /^%if*/.test(line) || /^pushd*/.test(line)

/**
 * The last PatchN:/SourceN: line (first in the reversed lines): its number (0 when unnumbered)
 * and where new lines go. Below a conditional block, that is after the line following the
 * block's %endif. A spec without Patch lines answers for its Source lines.
 */
export function lastDirective(
  reversed: readonly string[],
  kind: Directive,
): { number: number; index: number; unnumbered: boolean } {
  let inConditional = false
  let afterEndif: number | undefined
  const tag = new RegExp(`^${kind}([0-9]*):`)
  for (let i = 0; i < reversed.length; i++) {
    const line = reversed[i]!
    if (ENDS_BLOCK(line)) {
      inConditional = true
      afterEndif = i - 1
    } else if (OPENS_BLOCK(line) && inConditional) inConditional = false
    const match = tag.exec(line)
    if (match) {
      const index = inConditional ? afterEndif! : i
      return { number: match[1] ? Number(match[1]) : 0, index, unnumbered: !match[1] }
    }
  }
  if (kind === 'Patch') return lastDirective(reversed, 'Source')
  throw new SpecTextError('the spec has no Source lines to add after')
}

const hasLine = (lines: readonly string[], text: string): boolean =>
  lines.some((line) => new RegExp(`^${text}*$`, 'i').test(line))

function styleOfLine(line: string): ApplyStyle | undefined {
  const text = strip(line)
  if (/^%patch[0-9]{1,5}/.test(text)) return 'classic'
  if (/^%patch\s+-P\s+[0-9]{1,5}/.test(text)) return 'upper-p-space'
  if (/^%patch\s+-P[0-9]{1,5}/.test(text)) return 'upper-p'
  if (/^%patch\s+-P\s+-p/.test(text)) return 'upper-p-space'
  if (/^(ApplyOptionalPatch|ApplyPatch)/.test(text)) return 'kernel'
  return undefined
}

/** The package `kernel` always uses ApplyPatch; otherwise the last apply line the spec has. */
function applyStyle(
  reversed: readonly string[],
  packageName: string,
  patchesFile: boolean,
): ApplyStyle | undefined {
  if (patchesFile) return 'patches-file'
  if (packageName === 'kernel') return 'kernel'
  if (reversed.some((line) => /%autosetup|%forgeautosetup|%autopatch/.test(line))) return 'autosetup'
  for (const line of reversed) {
    const style = styleOfLine(line)
    if (style) return style
  }
  return undefined
}

/** After the last apply line, or after the %endif of the conditional block it sits in. */
function applyIndex(reversed: readonly string[]): number | undefined {
  let inConditional = false
  let conditionalEnd: number | undefined
  let lastApply: number | undefined
  reversed.forEach((line, i) => {
    if (lastApply === undefined && ENDS_BLOCK(line)) {
      inConditional = true
      conditionalEnd = i
    } else if (inConditional && OPENS_BLOCK(line)) {
      inConditional = false
      if (lastApply === undefined) conditionalEnd = undefined
    }
    if (lastApply === undefined && styleOfLine(line)) lastApply = i
  })
  return conditionalEnd ?? lastApply
}

function applyLine(number: string, stem: string, name: string, style: ApplyStyle, noBackup: boolean): string {
  const line =
    style === 'classic'
      ? `%patch${number} -p1`
      : style === 'upper-p-space'
        ? `%patch -P ${number} -p1`
        : style === 'upper-p'
          ? `%patch -P${number} -p1`
          : // The tool writes `ApplyPatch <stem>.patch`; the file's own name is the same for a
            // name.patch and still right for any other name.
            `ApplyPatch ${name}`
  return noBackup || style === 'kernel' ? line : `${line} -b .${stem}`
}

export interface AddedFile {
  number: string
  applyLine?: string
  style?: ApplyStyle
}

/**
 * Adds `PatchN: name` / `SourceN: name` after the last line of its kind (under a `# AlmaLinux
 * Patch` header the first time), and for a patch an apply line after the last apply line (under
 * `# Applying AlmaLinux Patch` the first time), as the tool's apply_patch does. `number` -1 is
 * Latest: one more than the last line's number. Lines may come to hold a leading newline, as the
 * tool's do; they are written as they are.
 */
export function addFileLines(
  lines: string[],
  options: {
    name: string
    kind: Directive
    number: number
    packageName: string
    patchesFile: boolean
    marker: boolean
    noBackup: boolean
  },
): AddedFile {
  const { name, kind } = options
  const reversed = [...lines].reverse()
  const last = lastDirective(reversed, kind)
  if (!hasLine(reversed, `# AlmaLinux ${kind}`) && options.marker)
    insertAt(reversed, last.index, `\n# AlmaLinux ${kind}`)
  let number = ''
  if (!last.unnumbered) {
    number = String(last.number + 1)
    if (options.number !== -1) {
      // The tool checks Patch numbers only.
      if (kind === 'Patch' && patchNumbers(reversed).includes(options.number))
        throw new SpecTextError(`Patch${options.number} already exists in the spec`)
      number = String(options.number)
    }
  }
  insertAt(reversed, last.index, `${kind}${number}: ${name}`)
  const added: AddedFile = { number }
  let style = applyStyle(reversed, options.packageName, options.patchesFile)
  if (kind === 'Patch' && style !== 'patches-file' && style !== 'autosetup') {
    let at = applyIndex(reversed)
    if (at === undefined) {
      at = reversed.findIndex((line) => /^%setup\b/.test(line))
      if (at === -1)
        throw new SpecTextError('the spec has no apply line and no %setup to apply the patch after')
      style = 'upper-p-space'
    }
    if (!style) throw new SpecTextError('the spec applies its patches in a way this tool does not know')
    if (options.marker && !hasLine(reversed, `# Applying AlmaLinux ${kind}`))
      insertAt(reversed, at, `\n# Applying AlmaLinux ${kind}`)
    // The tool's stem: the name without its extension and without its other dots.
    const stem = name.split('.').slice(0, -1).join('')
    added.applyLine = applyLine(number, stem, name, style, options.noBackup)
    insertAt(reversed, at, added.applyLine)
  }
  if (style) added.style = style
  lines.splice(0, lines.length, ...reversed.reverse())
  return added
}

function patchNumbers(lines: readonly string[]): number[] {
  return lines.flatMap((line) => {
    const match = /^Patch([0-9]+):/.exec(line)
    return match ? [Number(match[1])] : []
  })
}

// What ends a section for add_line, matched as prefixes of the stripped line (so %pre also
// ends at %prep and %preun, and %post at %postun and %posttrans), as the tool matches them.
const SECTION_STARTS = [
  '%description',
  '%prep',
  '%build',
  '%install',
  '%check',
  '%clean',
  '%files',
  '%changelog',
  '%pre',
  '%post',
  '%preun',
  '%postun',
  '%package',
  '%triggerin',
  '%triggerun',
  '%triggerpostun',
  '%verifyscript',
  '%pretrans',
  '%posttrans',
]
const startsSection = (line: string): boolean =>
  SECTION_STARTS.some((marker) => strip(line).startsWith(marker))
// Sections whose header names their subpackage; the others belong to the %package above them.
const NAMED_SECTIONS = ['%files', '%description', '%pre', '%post', '%preun', '%postun']
const words = (line: string): string[] => strip(line).split(/[\t\n\v\f\r ]+/)

/** First and last line of a section (the tool's find_section_boundaries). */
function sectionBounds(lines: readonly string[], section: string, subpackage?: string): [number, number] {
  const endFrom = (start: number): [number, number] => {
    for (let j = start + 1; j < lines.length; j++) if (startsSection(lines[j]!)) return [start, j - 1]
    return [start, lines.length - 1]
  }
  if (section === 'global') {
    if (subpackage === undefined) {
      const first = lines.findIndex((line) => startsSection(line))
      if (first === -1) throw new SpecTextError('the spec has no sections')
      return [0, first - 1]
    }
    const header = lines.findIndex((line) =>
      [`%package ${subpackage}`, `%package -n ${subpackage}`].some((start) => strip(line).startsWith(start)),
    )
    if (header === -1) throw new SpecTextError(`no subpackage '${subpackage}' (no %package line names it)`)
    return endFrom(header)
  }
  const marker = `%${section}`
  let inTarget = subpackage === undefined
  for (let i = 0; i < lines.length; i++) {
    const line = strip(lines[i]!)
    if (line.startsWith('%package')) {
      const parts = words(line)
      if (parts.length >= 3 && parts[1] === '-n') inTarget = parts[2] === subpackage
      else if (parts.length >= 2) inTarget = parts[1] === subpackage
    }
    if (!line.startsWith(marker)) continue
    if (NAMED_SECTIONS.includes(marker)) {
      const parts = words(line)
      // `%files -f list` names no subpackage but is not taken as the main package's either.
      const named =
        parts.length >= 3 && parts[1] === '-n' ? parts[2] : parts.length >= 2 ? parts[1] : undefined
      if (named !== undefined ? named !== subpackage : subpackage !== undefined) continue
    } else if (!inTarget && subpackage !== undefined) continue
    return endFrom(i)
  }
  throw new SpecTextError(
    `section %${section}${subpackage === undefined ? '' : ` of subpackage ${subpackage}`} not found`,
  )
}

/**
 * Inserts content at the top (after the header; the very first line for the main package's
 * preamble) or bottom (just before the next section's header) of a section. The content is one
 * item ending in a newline, so a blank line follows it once written, as with the tool.
 */
export function addSectionLine(
  lines: string[],
  options: { section: string; location: 'top' | 'bottom'; content: string; subpackage?: string },
): number {
  const [start, end] = sectionBounds(lines, options.section, options.subpackage)
  let at = options.location === 'top' ? start + 1 : end + 1
  if (
    options.location === 'top' &&
    options.section === 'global' &&
    options.subpackage === undefined &&
    start === 0
  )
    at = 0
  insertAt(lines, at, options.content.endsWith('\n') ? options.content : `${options.content}\n`)
  return at
}

/** Epoch, Version and Release: the value's last word, from the first line that sets each. */
export function evrLines(lines: readonly string[]): { epoch?: string; version?: string; release?: string } {
  const found: { epoch?: string; version?: string; release?: string } = {}
  for (const line of lines) {
    for (const [key, tag] of [
      ['epoch', 'Epoch:'],
      ['version', 'Version:'],
      ['release', 'Release:'],
    ] as const) {
      if (found[key] === undefined && line.startsWith(tag)) found[key] = strip(line).split(/\s+/).at(-1)
    }
  }
  return found
}

/**
 * A value with the macros rpmspec left in it resolved from the spec's %define/%global lines, as
 * the tool's _analyze_string does: `%{?name}` drops, `%{name}` is looked up (recursively).
 */
export function resolveMacros(value: string, lines: readonly string[]): string {
  let answer = ''
  let i = 0
  while (i < value.length) {
    if (value[i] !== '%') {
      answer += value[i++]
      continue
    }
    i += 2
    if (value[i] === '?') {
      let depth = 1
      while (depth !== 0) {
        if (i >= value.length) throw unresolved(value)
        if (value[i] === '{') depth++
        if (value[i] === '}') depth--
        i++
      }
      continue
    }
    let name = ''
    while (value[i] !== '}') {
      if (i >= value.length) throw unresolved(value)
      name += value[i++]
    }
    if (name) {
      answer += macroValue(name, lines)
      i++
    }
  }
  return answer
}

const unresolved = (value: string): SpecTextError =>
  new SpecTextError(`'${value}' holds a macro that neither rpmspec nor the spec's %define lines resolve`)

function macroValue(name: string, lines: readonly string[]): string {
  for (const line of lines) {
    if (!line.includes(name) || !(line.startsWith('%define') || line.startsWith('%global'))) continue
    if (line.includes('shortcommit')) continue
    const parts = line.split(/\s+/).filter(Boolean)
    if (parts[1] !== name) continue
    return resolveMacros(parts.at(-1)!, lines)
  }
  throw new SpecTextError(`%{${name}} is used but not defined in the spec`)
}
