/**
 * The pieces of Python's behaviour that AlmaLinux's autopatch tool (a Python program) relies on
 * and that JavaScript does differently: str.splitlines/strip, list.insert with negative indices,
 * re's pattern and replacement-template syntax, and textwrap.wrap. Ported so that the engine's
 * edits come out byte for byte as AlmaLinux's do.
 */

/** Python's str.splitlines(): every line break it knows, and no empty item after a final break. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/) // eslint-disable-line no-control-regex
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/** How the tool splits a find/replace value: only a value with a newline is split. */
export function valueLines(value: string): string[] {
  return value.includes('\n') ? splitLines(value) : [value]
}

// str.strip() without arguments removes these (JavaScript's trim also takes \uFEFF, not \x1c-\x1f).
const SPACE = '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const LEADING = new RegExp(`^[${SPACE}]+`)
const TRAILING = new RegExp(`[${SPACE}]+$`)

export const lstrip = (text: string): string => text.replace(LEADING, '')
export const strip = (text: string): string => text.replace(LEADING, '').replace(TRAILING, '')
/** line[:len(line) - len(line.lstrip())] */
export const indentOf = (text: string): string => text.slice(0, text.length - lstrip(text).length)

/** list.insert(index, item): a negative index counts from the end, and out-of-range ones clamp. */
export function insertAt<T>(list: T[], index: number, item: T): void {
  const at = index < 0 ? Math.max(0, list.length + index) : Math.min(index, list.length)
  list.splice(at, 0, item)
}

/**
 * A Python `re` pattern as a JavaScript RegExp: named groups, `(?P=name)`, `\A`, `\Z`, comments
 * and leading inline flags are rewritten; the rest of the two syntaxes agree for what recipes
 * use. Throws with the reason when the pattern cannot be run here.
 */
export function pythonRegExp(pattern: string, global = false): RegExp {
  let flags = global ? 'g' : ''
  let source = ''
  let rest = pattern
  const inline = /^\(\?([aiLmsux]+)\)/.exec(rest)
  if (inline) {
    for (const flag of inline[1]!) {
      if (flag === 'i' || flag === 'm' || flag === 's') flags += flag
      else if (flag !== 'u') throw new Error(`the inline flag (?${flag}) has no JavaScript equivalent`)
    }
    rest = rest.slice(inline[0].length)
  }
  let inClass = false
  for (let i = 0; i < rest.length; i++) {
    const char = rest[i]!
    if (char === '\\') {
      const next = rest[i + 1] ?? ''
      if (!inClass && next === 'A') source += '(?<![\\s\\S])'
      else if (!inClass && next === 'Z') source += '(?![\\s\\S])'
      else source += char + next
      i++
    } else if (inClass) {
      if (char === ']') inClass = false
      source += char
    } else if (char === '[') {
      inClass = true
      source += char
      // A ']' right after '[' or '[^' is a member in Python; JavaScript reads `[]` as empty.
      if (rest[i + 1] === '^') source += rest[++i]
      if (rest[i + 1] === ']') {
        source += '\\]'
        i++
      }
    } else if (rest.startsWith('(?P<', i)) {
      source += '(?<'
      i += 3
    } else if (rest.startsWith('(?P=', i)) {
      const end = rest.indexOf(')', i)
      if (end === -1) throw new Error('missing ), unterminated name')
      source += `\\k<${rest.slice(i + 4, end)}>`
      i = end
    } else if (rest.startsWith('(?#', i)) {
      i = rest.indexOf(')', i)
      if (i === -1) throw new Error('missing ), unterminated comment')
    } else source += char
  }
  return new RegExp(source, flags)
}

type TemplatePart = string | { group: number | string }

const TEMPLATE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
}

/**
 * A replacement template as re.sub reads it (\1, \g<1>, \g<name>, octal and the usual escapes;
 * other escapes stay as written, escapes of ASCII letters are errors), for a pattern with
 * `groups` numbered groups and the given names. Returns what to put in place of a match.
 */
export function pythonTemplate(
  template: string,
  groups: number,
  names: readonly string[],
): (match: RegExpExecArray) => string {
  const parts: TemplatePart[] = []
  const group = (ref: number | string): void => {
    if (typeof ref === 'number' && ref > groups) throw new Error(`invalid group reference ${ref}`)
    if (typeof ref === 'string' && !names.includes(ref)) throw new Error(`unknown group name '${ref}'`)
    parts.push({ group: ref })
  }
  const isOctal = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7'
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'
  for (let i = 0; i < template.length; i++) {
    const char = template[i]!
    if (char !== '\\') {
      parts.push(char)
      continue
    }
    const c = template[++i]
    if (c === undefined) throw new Error('bad escape (end of pattern)')
    if (c === 'g') {
      const end = template.indexOf('>', i)
      if (template[i + 1] !== '<' || end === -1) throw new Error('missing group name in \\g<...>')
      const name = template.slice(i + 2, end)
      if (/^[A-Za-z_]\w*$/.test(name)) group(name)
      else if (/^\d+$/.test(name)) group(Number(name))
      else throw new Error(`bad character in group name '${name}'`)
      i = end
    } else if (c === '0') {
      let digits = '0'
      while (digits.length < 3 && isOctal(template[i + 1])) digits += template[++i]
      parts.push(String.fromCharCode(parseInt(digits, 8) & 0xff))
    } else if (isDigit(c)) {
      let digits = c
      if (isDigit(template[i + 1])) {
        digits += template[++i]
        if (isOctal(c) && isOctal(digits[1]) && isOctal(template[i + 1])) {
          digits += template[++i]
          const code = parseInt(digits, 8)
          if (code > 0o377) throw new Error(`octal escape value \\${digits} outside of range 0-0o377`)
          parts.push(String.fromCharCode(code))
          continue
        }
      }
      group(Number(digits))
    } else if (TEMPLATE_ESCAPES[c] !== undefined) parts.push(TEMPLATE_ESCAPES[c])
    else if (/[A-Za-z]/.test(c)) throw new Error(`bad escape \\${c}`)
    else parts.push(`\\${c}`)
  }
  // Unmatched groups expand to nothing, as in Python 3.5 and later.
  return (match) =>
    parts
      .map((part) =>
        typeof part === 'string'
          ? part
          : ((typeof part.group === 'number' ? match[part.group] : match.groups?.[part.group]) ?? ''),
      )
      .join('')
}

// textwrap's chunking: whitespace runs, and words split after hyphens between letters.
const WS = '[\\t\\n\\v\\f\\r ]'
const LETTER = '[\\p{L}_]'
const WORD = '[\\p{L}\\p{N}_]'
const WORD_PUNCT = `[\\p{L}\\p{N}_!"'&.,?]`
const WORD_SEPARATOR = new RegExp(
  `(${WS}+|(?<=${WORD_PUNCT})-{2,}(?=${WORD})|[^\\t\\n\\v\\f\\r ]+?(?:-(?:(?<=${LETTER}{2}-)|(?<=${LETTER}-${LETTER}-))(?=${LETTER}-?${LETTER})|(?=${WS}|$)|(?<=${WORD_PUNCT})(?=-{2,}${WORD})))`,
  'u',
)

const length = (text: string): number => Array.from(text).length

/**
 * textwrap.wrap(text, width, initial_indent=…, subsequent_indent=…) with its defaults: tabs
 * expanded, whitespace made spaces, long words broken (at a hyphen when one fits).
 */
export function wrap(text: string, width: number, initialIndent: string, subsequentIndent: string): string[] {
  let expanded = ''
  for (const char of text) {
    if (char === '\t')
      expanded += ' '.repeat(8 - (length(expanded.slice(expanded.lastIndexOf('\n') + 1)) % 8))
    else expanded += char
  }
  const munged = expanded.replace(/[\t\n\v\f\r]/g, ' ')
  const chunks = munged.split(WORD_SEPARATOR).filter(Boolean).reverse()
  const lines: string[] = []
  while (chunks.length > 0) {
    const line: string[] = []
    let used = 0
    const indent = lines.length > 0 ? subsequentIndent : initialIndent
    const room = width - length(indent)
    if (strip(chunks.at(-1)!) === '' && lines.length > 0) chunks.pop()
    while (chunks.length > 0 && used + length(chunks.at(-1)!) <= room) {
      const chunk = chunks.pop()!
      line.push(chunk)
      used += length(chunk)
    }
    if (chunks.length > 0 && length(chunks.at(-1)!) > room) {
      // A word longer than the line: as much as fits, cut after a hyphen if there is one.
      const left = room < 1 ? 1 : room - used
      const chunk = Array.from(chunks.at(-1)!)
      let end = left
      if (chunk.length > left) {
        const hyphen = chunk.slice(0, left).lastIndexOf('-')
        if (hyphen > 0 && chunk.slice(0, hyphen).some((c) => c !== '-')) end = hyphen + 1
      }
      line.push(chunk.slice(0, end).join(''))
      chunks[chunks.length - 1] = chunk.slice(end).join('')
    }
    if (line.length > 0 && strip(line.at(-1)!) === '') line.pop()
    if (line.length > 0) lines.push(indent + line.join(''))
  }
  return lines
}
