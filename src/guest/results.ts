/** Boot results as files for test reporters (JUnit XML, JSON) and as a summary with a timeline chart. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatDuration } from '../report/duration.js'
import type { Summary } from '../report/summary.js'
import type { BootResult } from './boot.js'
import { overheadRatios, type WorkloadResult } from './workloads.js'

const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function writeResults(dir: string, result: BootResult): void {
  writeFileSync(join(dir, 'results.json'), JSON.stringify(result, null, 2) + '\n')
  const failedWorkloads = result.workloads.filter((workload) => workload.failure)
  const failures = result.checks.filter((c) => c.exitCode !== 0).length + failedWorkloads.length
  const workloadCases = result.workloads.map((workload) => {
    const why = workload.failure
    return [
      `  <testcase classname="boot-test-guest.workload.${xml(workload.guest)}" name="${xml(workload.name)}">`,
      // Metrics as JUnit properties, the form test reporters chart.
      ...(workload.metrics.length > 0
        ? [
            '    <properties>',
            ...workload.metrics.map(
              (metric) =>
                `      <property name="${xml(`${metric.name} (${metric.unit})`)}" value="${metric.value}"/>`,
            ),
            '    </properties>',
          ]
        : []),
      ...(why ? [`    <failure message="${xml(why)}">${xml(workload.output)}</failure>`] : []),
      `    <system-out>${xml(workload.output)}</system-out>`,
      '  </testcase>',
    ].join('\n')
  })
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
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="boot-test-guest" tests="${result.checks.length + result.workloads.length}" failures="${failures}" time="${(result.timeline.end / 1000).toFixed(3)}">\n${[...cases, ...workloadCases].join('\n')}\n</testsuite>\n`,
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

const figure = (value: number): string =>
  value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(3)

/** Workload metrics per guest, and in the nested scenario L2 ÷ L1 per metric: the virtualization overhead. */
export function workloadSummary(summary: Summary, workloads: WorkloadResult[]): void {
  summary.heading('Workloads', 3).table(
    ['Guest', 'Workload', 'Result', 'Metric', 'Value'],
    workloads.flatMap((workload) => {
      const result = workload.failure ?? 'pass'
      const rows = workload.metrics.map((metric) => [
        workload.guest,
        workload.name,
        result,
        metric.name,
        `${figure(metric.value)} ${metric.unit}`,
      ])
      return rows.length > 0 ? rows : [[workload.guest, workload.name, result, '', '']]
    }),
    'results.json and metrics.json in the results folder',
  )
  const overhead = overheadRatios(workloads)
  if (overhead.length === 0) return
  summary.heading('Virtualization overhead (L2 ÷ L1)', 3).table(
    ['Workload', 'Metric', 'L1', 'L2', 'L2 ÷ L1'],
    overhead.map((row) => [
      row.workload,
      row.metric,
      `${figure(row.l1)} ${row.unit}`,
      `${figure(row.l2)} ${row.unit}`,
      row.ratio.toFixed(2),
    ]),
  )
}
