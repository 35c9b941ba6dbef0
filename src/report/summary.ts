/**
 * A job summary built from a few block types, rendered as Markdown for GitHub and as plain text
 * for the CLI. Markdown rendering stays under GitHub's 1 MiB step-summary limit (a larger
 * summary fails its upload) by cutting table rows and long text, and says what it cut.
 */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024
/**
 * Rows a table or list shows, whatever the repository size; the rest are counted in a closing
 * line that points at where the full list is (a results file).
 */
export const SUMMARY_ROW_LIMIT = 50

type Cell = string | number | boolean | undefined
type Block =
  | { type: 'heading'; text: string; level: number }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; headers: string[]; rows: Cell[][] }
  | { type: 'code'; text: string; language: string }
  | { type: 'details'; title: string; text: string }
  | { type: 'mermaid'; text: string }

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

function cell(value: Cell): string {
  if (value === undefined) return ''
  return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The longest prefix of text, cut at a line end, that fits in budget bytes. */
function cutToBytes(text: string, budget: number): string {
  if (bytes(text) <= budget) return text
  let cut = Buffer.from(text, 'utf8').subarray(0, Math.max(0, budget)).toString('utf8')
  cut = cut.replace(/\uFFFD$/, '')
  const lineEnd = cut.lastIndexOf('\n')
  return lineEnd > 0 ? cut.slice(0, lineEnd) : cut
}

export class Summary {
  private readonly blocks: Block[] = []

  /** A new summary: this one's blocks, then other's. */
  concat(other: Summary): Summary {
    const joined = new Summary()
    joined.blocks.push(...this.blocks, ...other.blocks)
    return joined
  }

  get isEmpty(): boolean {
    return this.blocks.length === 0
  }

  heading(text: string, level = 2): this {
    this.blocks.push({ type: 'heading', text, level })
    return this
  }
  paragraph(text: string): this {
    this.blocks.push({ type: 'paragraph', text })
    return this
  }
  /** At most SUMMARY_ROW_LIMIT items; `fullList` says where the rest are. */
  list(items: string[], fullList?: string): this {
    this.blocks.push({ type: 'list', items: items.slice(0, SUMMARY_ROW_LIMIT) })
    return this.more(items.length, fullList)
  }
  /** At most SUMMARY_ROW_LIMIT rows; `fullList` says where the rest are. */
  table(headers: string[], rows: Cell[][], fullList?: string): this {
    this.blocks.push({ type: 'table', headers, rows: rows.slice(0, SUMMARY_ROW_LIMIT) })
    return this.more(rows.length, fullList)
  }
  private more(total: number, fullList: string | undefined): this {
    if (total > SUMMARY_ROW_LIMIT)
      this.paragraph(
        `_First ${SUMMARY_ROW_LIMIT} of ${total} shown${fullList ? `; all of them are in ${fullList}` : ''}._`,
      )
    return this
  }
  code(text: string, language = ''): this {
    this.blocks.push({ type: 'code', text, language })
    return this
  }
  /** A collapsed section holding preformatted text (a log tail, a command line). */
  details(title: string, text: string): this {
    this.blocks.push({ type: 'details', title, text })
    return this
  }
  /** GitHub allows one chart worth reading per summary; keep it small. */
  mermaid(text: string): this {
    this.blocks.push({ type: 'mermaid', text })
    return this
  }

  /**
   * Markdown within limitBytes. Blocks are added in order; the block that does not fit is cut
   * (table rows, text lines) and the rest dropped, with a closing note that says how much.
   */
  toMarkdown(limitBytes = SUMMARY_LIMIT_BYTES): string {
    const note = (omitted: number, cutRows: number): string =>
      `\n> **Summary truncated** to stay under GitHub's ${Math.round(limitBytes / 1024)} KiB limit: ` +
      `${cutRows ? `${cutRows} table rows or text lines cut, ` : ''}${omitted} later section(s) omitted. ` +
      'The full report is in the log and the results files.\n'
    const reserve = bytes(note(this.blocks.length, 9_999_999))
    let out = ''
    for (const [index, block] of this.blocks.entries()) {
      const rendered = renderMarkdown(block)
      if (bytes(out) + bytes(rendered) <= limitBytes - (index === this.blocks.length - 1 ? 0 : reserve)) {
        out += rendered
        continue
      }
      const budget = limitBytes - reserve - bytes(out)
      const partial = renderMarkdownCut(block, budget)
      out += partial.text
      return out + note(this.blocks.length - index - 1, partial.cut)
    }
    return out
  }

  /** Plain text for a terminal: tables as aligned columns, no HTML. */
  toText(): string {
    return this.blocks.map(renderText).join('\n')
  }
}

function renderMarkdown(block: Block): string {
  return renderMarkdownCut(block, Infinity).text
}

function tableHead(headers: string[]): string {
  return `| ${headers.map(cell).join(' | ')} |\n| ${headers.map(() => '---').join(' | ')} |\n`
}

function renderMarkdownCut(block: Block, budget: number): { text: string; cut: number } {
  switch (block.type) {
    case 'heading':
      return { text: `${'#'.repeat(block.level)} ${block.text}\n\n`, cut: 0 }
    case 'paragraph':
      return { text: `${cutToBytes(block.text, budget - 2)}\n\n`, cut: 0 }
    case 'list':
      return cutLines(
        block.items.map((item) => `- ${item}\n`),
        '',
        '\n',
        budget,
      )
    case 'table':
      return cutLines(
        block.rows.map((row) => `| ${row.map(cell).join(' | ')} |\n`),
        tableHead(block.headers),
        '\n',
        budget,
      )
    case 'code':
      return cutLines(linesOf(block.text), '```' + block.language + '\n', '```\n\n', budget)
    case 'mermaid':
      return cutLines(linesOf(block.text), '```mermaid\n', '```\n\n', budget)
    case 'details':
      return cutLines(
        linesOf(escapeHtml(block.text)),
        `<details><summary>${escapeHtml(block.title)}</summary>\n\n<pre>\n`,
        '</pre>\n</details>\n\n',
        budget,
      )
  }
}

function linesOf(text: string): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line + '\n')
}

/** head + as many lines as fit + tail; `cut` counts the lines left out. */
function cutLines(
  lines: string[],
  head: string,
  tail: string,
  budget: number,
): { text: string; cut: number } {
  let used = bytes(head) + bytes(tail)
  let kept = 0
  for (const line of lines) {
    if (used + bytes(line) > budget) break
    used += bytes(line)
    kept++
  }
  if (kept === 0 && used > budget) return { text: '', cut: lines.length }
  return { text: head + lines.slice(0, kept).join('') + tail, cut: lines.length - kept }
}

function renderText(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${block.text}\n${(block.level <= 2 ? '=' : '-').repeat(Math.min(block.text.length, 72))}\n`
    case 'paragraph':
      return `${block.text}\n`
    case 'list':
      return block.items.map((item) => `  - ${item}\n`).join('')
    case 'table': {
      const rows = [
        block.headers,
        ...block.rows.map((row) => row.map((value) => (value === undefined ? '' : String(value)))),
      ]
      const widths = block.headers.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)))
      const line = (row: string[]): string =>
        '  ' +
        row
          .map((value, i) => value.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd() +
        '\n'
      return line(rows[0]!) + line(widths.map((w) => '-'.repeat(w))) + rows.slice(1).map(line).join('')
    }
    case 'code':
    case 'mermaid':
      return block.text.replace(/^/gm, '    ').replace(/\n?$/, '\n')
    case 'details':
      return `${block.title}:\n${block.text.replace(/^/gm, '    ').replace(/\n?$/, '\n')}`
  }
}
