/**
 * The find/replace/delete engine behind `replace` and `delete_line`, as AlmaLinux's autopatch
 * runs it (process_lines in its src/actions_handler.py), rule by rule:
 * - a spec (target `spec`) is read up to its `%changelog` line, and lines starting with `#` are
 *   skipped unless the find's first line starts with `#` too;
 * - a one-line literal find is replaced where it occurs inside lines, first matches first, at
 *   most `count` times over the file (-1: all); a replacement of several lines takes the line's
 *   indentation on its second and later lines unless the find was the whole line;
 * - a one-line regex find replaces, on every line it matches, the first match (any count but -1)
 *   or every match (-1): AlmaLinux's tool does not limit regex replacements by count;
 * - a find of several lines matches whole lines compared without their leading whitespace, and
 *   its replacement lines all get the indentation of the first matched line;
 * - deleting (delete_line) removes whole lines equal to the find once stripped, and blocks.
 * The caller fails the action when nothing changed.
 */
import { indentOf, lstrip, strip } from './python.js'

export interface LineEdit {
  /** The target is the spec: stop at %changelog, skip comments. */
  spec: boolean
  /** The find, split into lines. */
  find: string[]
  /** A one-line find as a regular expression, with what replaces each match. */
  regex?: { first: RegExp; all: RegExp; replacement: (match: RegExpExecArray) => string }
  /** Lines put in place of each match; undefined deletes. */
  replace?: string[]
  /** Most replacements over the file; -1 for all. */
  count: number
}

const isChangelog = (line: string): boolean => line.replace(/^[\n \t]+|[\n \t]+$/g, '') === '%changelog'

/** Edits lines in place (an item may come to hold several lines) and returns the number of edits. */
export function editLines(lines: string[], edit: LineEdit): number {
  const { find, replace, count } = edit
  const first = find[0]!
  const limited = (done: number): boolean => count !== -1 && done >= count
  let edits = 0
  let i = 0
  while (i < lines.length) {
    if (edit.spec && isChangelog(lines[i]!)) break
    if (edit.spec && lines[i]!.startsWith('#') && !first.startsWith('#')) {
      i++
      continue
    }
    if (find.length === 1 && edit.regex) {
      edits += replaceRegexInLine(lines, i, edit.regex, count)
    } else if (find.length === 1) {
      const line = lines[i]!
      const occurrences = line.split(first).length - 1
      if (!replace) {
        if (occurrences > 0 && !limited(edits) && strip(line) === first) {
          lines.splice(i, 1)
          edits++
          continue // the next line moved up into this place
        }
      } else {
        for (let n = 0; n < occurrences && !limited(edits); n++) {
          // Each pass replaces the first occurrence left in the line, as str.replace(find, new, 1).
          const current = lines[i]!
          const inserted = current === first ? replace : indentRest(replace, indentOf(current))
          lines[i] = current.replace(first, () => inserted.join('\n'))
          edits++
        }
      }
    } else if (i + find.length <= lines.length && !limited(edits) && blockAt(lines, i, find)) {
      if (!replace) lines.splice(i, find.length)
      else {
        const indent = indentOf(lines[i]!)
        lines.splice(i, find.length, ...replace.map((line) => indent + line))
        i += replace.length - 1
      }
      edits++
      // After a deleted block the tool moves on one line, so the line that moved up is not read.
    }
    i++
  }
  return edits
}

/** The second and later lines get the indentation; blank ones stay blank. */
function indentRest(lines: string[], indent: string): string[] {
  return lines.map((line, index) => (index === 0 || !strip(line) ? line : indent + line))
}

function blockAt(lines: readonly string[], at: number, find: readonly string[]): boolean {
  return find.every((line, j) => lstrip(lines[at + j]!) === lstrip(line))
}

function replaceRegexInLine(
  lines: string[],
  i: number,
  regex: NonNullable<LineEdit['regex']>,
  count: number,
): number {
  const line = lines[i]!
  const matches = [...line.matchAll(regex.all)].length
  if (matches === 0) return 0
  const pattern = count === -1 ? regex.all : regex.first
  pattern.lastIndex = 0
  lines[i] = line.replace(pattern, (...args: unknown[]) => regex.replacement(execArray(args)))
  return count === -1 ? matches : 1
}

/** The arguments of a String.replace callback as the RegExpExecArray the template expects. */
function execArray(args: unknown[]): RegExpExecArray {
  const named = typeof args.at(-1) === 'object' ? (args.at(-1) as Record<string, string>) : undefined
  const captures = args.slice(0, named ? -3 : -2) as string[]
  return Object.assign([...captures], { index: 0, input: '', groups: named }) as RegExpExecArray
}
