/** Boot results as files for test reporters (JUnit XML, JSON) and as a summary with a timeline chart. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatDuration } from '../report/duration.js'
import type { Summary } from '../report/summary.js'
import type { BootResult } from './boot.js'

const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function writeResults(dir: string, result: BootResult): void {
  writeFileSync(join(dir, 'results.json'), JSON.stringify(result, null, 2) + '\n')
  const failures = result.checks.filter((c) => c.exitCode !== 0).length
  const cases = result.checks.map((check) =>
    [
      `  <testcase classname="boot-test-guest" name="${xml(check.name)}">`,
      ...(check.exitCode !== 0
        ? [`    <failure message="exit code ${check.exitCode}">${xml(check.output)}</failure>`]
        : []),
      `    <system-out>${xml(check.output)}</system-out>`,
      '  </testcase>',
    ].join('\n'),
  )
  writeFileSync(
    join(dir, 'junit.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="boot-test-guest" tests="${result.checks.length}" failures="${failures}" time="${(result.timeline.end / 1000).toFixed(3)}">\n${cases.join('\n')}\n</testsuite>\n`,
  )
}

/** The boot phases as a table and one mermaid gantt chart. */
export function timelineSummary(summary: Summary, timeline: BootResult['timeline']): void {
  const phases: [string, number, number | undefined][] = [
    ['firmware', 0, timeline.kernel],
    ['kernel', timeline.kernel ?? 0, timeline.userspace],
    ['userspace', timeline.userspace ?? 0, timeline.ready],
    ['L2 guest', timeline.l2Start ?? 0, timeline.l2Start !== undefined ? timeline.l2Ready : undefined],
  ]
  const known = phases.filter(([, , end]) => end !== undefined) as [string, number, number][]
  summary.table(
    ['Phase', 'Start', 'Duration'],
    known.map(([name, start, end]) => [name, formatDuration(start), formatDuration(end - start)]),
  )
  summary.mermaid(
    [
      'gantt',
      '  title Boot timeline (ms)',
      '  dateFormat x',
      '  axisFormat %S.%L s',
      ...known.map(([name, start, end]) => `  ${name} : ${Math.round(start)}, ${Math.round(end)}`),
    ].join('\n'),
  )
}
