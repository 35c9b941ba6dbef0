import { Summary, SUMMARY_ROW_LIMIT } from '../../src/report/summary.js'

describe('Summary', () => {
  it('renders every block type as Markdown', () => {
    const markdown = new Summary()
      .heading('Result')
      .paragraph('All good.')
      .list(['one', 'two'])
      .table(
        ['Option', 'Value'],
        [
          ['CONFIG_KVM_BOOK3S_64_HV', 'm'],
          ['a|b', 'line1\nline2'],
        ],
      )
      .details('Console tail', '<kernel> panic')
      .mermaid('gantt\n  title Boot')
      .toMarkdown()
    expect(markdown).toContain('## Result\n\nAll good.\n\n- one\n- two\n')
    expect(markdown).toContain(
      '| Option | Value |\n| --- | --- |\n| CONFIG_KVM_BOOK3S_64_HV | m |\n| a\\|b | line1<br>line2 |\n',
    )
    expect(markdown).toContain(
      '<details><summary>Console tail</summary>\n\n<pre>\n&lt;kernel&gt; panic\n</pre>\n</details>',
    )
    expect(markdown).toContain('```mermaid\ngantt\n  title Boot\n```')
  })

  it('stays under the byte limit by cutting table rows, and says so', () => {
    // Few rows, each long: the byte limit, not the row limit, is what cuts.
    const rows = Array.from({ length: 40 }, (_, i) => [`kernel-module-${i}.ko`, 'x'.repeat(40_000)])
    const summary = new Summary().heading('Files').table(['File', 'State'], rows).paragraph('after the table')
    const markdown = summary.toMarkdown()
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(1024 * 1024)
    expect(markdown).toMatch(/Summary truncated.*table rows or text lines cut, 1 later section\(s\) omitted/)
    expect(markdown).not.toContain('after the table')
    expect(markdown).toContain(`| kernel-module-0.ko | ${'x'.repeat(40_000)} |`)
  })

  it('shows at most SUMMARY_ROW_LIMIT rows of a table or list, with the count and where the rest are', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`pkg-${i}`, 'kept'])
    const summary = new Summary()
      .table(['NEVRA', 'Change'], rows, 'publish.json in the results folder')
      .list(rows.map(([name]) => name!))
    const markdown = summary.toMarkdown()
    expect(markdown).toContain(`| pkg-${SUMMARY_ROW_LIMIT - 1} | kept |`)
    expect(markdown).not.toContain(`pkg-${SUMMARY_ROW_LIMIT}`)
    expect(markdown).toContain(
      `_First ${SUMMARY_ROW_LIMIT} of 10000 shown; all of them are in publish.json in the results folder._`,
    )
    expect(markdown).toContain(`_First ${SUMMARY_ROW_LIMIT} of 10000 shown._`)
    expect(Buffer.byteLength(summary.toText())).toBeLessThan(10_000)
  })

  it('honours a small limit with multi-byte text', () => {
    const summary = new Summary().paragraph('ä'.repeat(10)).details('log', 'é\n'.repeat(5000))
    const markdown = summary.toMarkdown(2000)
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(2000)
    expect(markdown).toContain('</pre>\n</details>')
    expect(markdown).toContain('Summary truncated')
  })

  it('leaves a summary that fits untouched', () => {
    const summary = new Summary().heading('Short').paragraph('text')
    expect(summary.toMarkdown()).toBe('## Short\n\ntext\n\n')
  })

  it('renders plain text with aligned table columns', () => {
    const text = new Summary()
      .heading('Config')
      .table(
        ['Option', 'Value'],
        [
          ['KVM_XICS', 'y'],
          ['KVM_BOOK3S_64_HV', 'm'],
        ],
      )
      .toText()
    expect(text).toBe(
      'Config\n======\n\n  Option            Value\n  ----------------  -----\n  KVM_XICS          y\n  KVM_BOOK3S_64_HV  m\n',
    )
  })

  it('concatenates summaries without changing either', () => {
    const first = new Summary().heading('A')
    const second = new Summary().paragraph('b')
    expect(first.concat(second).toMarkdown()).toBe('## A\n\nb\n\n')
    expect(first.toMarkdown()).toBe('## A\n\n')
  })
})
