/** track-metrics: boot and workload metrics kept as a history with the published repository, charted, and checked for regressions. */
import { defineAction, input, TestFailure } from '../action/index.js'

export const trackMetrics = defineAction({
  name: 'track-metrics',
  title: 'Track metrics',
  description:
    'Append boot-test-guest’s metrics.json to a history kept with the published repository, chart each metric per host generation as SVG, and fail on a regression against the median of the last runs.',
  inputs: {
    metrics: input.list({
      description:
        'boot-test-guest’s metrics.json files, or folders holding them (such as downloaded results artifacts).',
      required: true,
      item: /^\S.*$/,
      itemAccepted: 'paths of files or folders',
    }),
    history: input.path({
      description:
        'The history folder: metrics.jsonl (one run per line) and charts/*.svg. Keep it with the published repository (such as <publish target>/history) so it is served and backed up with it.',
      required: true,
    }),
    window: input.integer({
      description:
        'How many earlier runs of the same host generation, scenario and metric the median is taken over.',
      default: '10',
      min: 1,
      max: 1000,
    }),
    threshold: input.integer({
      description:
        'Percent worse than that median at which a metric is a regression (lower for throughput, higher for times and latencies).',
      default: '20',
      min: 1,
      max: 1000,
    }),
  },
  outputs: {
    regressions: 'JSON list of regressions: host generation, scenario, metric, value, median, percent worse.',
    'history-file': 'The history file the runs were appended to.',
    charts: 'JSON list of the SVG charts written for the metrics of these runs.',
  },
  async main({ inputs, setOutput, summary, annotate }) {
    // One chunk: track.js brings history.js and chart.js with it.
    const { configLabel, describeRegression, mermaidChart, trackMetrics: track } = await import('./track.js')
    const outcome = await track({
      metrics: inputs.metrics,
      historyDir: inputs.history,
      window: inputs.window,
      thresholdPercent: inputs.threshold,
    })
    setOutput('history-file', outcome.historyFile)
    if (outcome.runs.length === 0)
      annotate(
        'warning',
        `No metrics.json in ${inputs.metrics.join(', ')} (every boot failed before writing one?); ${outcome.historyFile} is unchanged.`,
      )
    setOutput(
      'charts',
      outcome.charts.map((chart) => chart.file),
    )
    setOutput('regressions', outcome.regressions)
    const figure = (value: number): string => Number(value.toPrecision(4)).toString()
    summary
      .heading('Metrics', 3)
      .paragraph(
        `${outcome.runs.length} run(s) appended to ${outcome.historyFile}; a regression is more than ${inputs.threshold} % worse than the median of the last ${inputs.window} runs.`,
      )
      .table(
        ['Host', 'Scenario', 'Metric', 'This run', 'Median before', 'Runs', 'Chart'],
        outcome.charts.map(({ series, file, median, regression }) => [
          series.hostGeneration,
          [series.scenario, configLabel(series.config)].filter(Boolean).join(' '),
          series.metric,
          `${figure(series.points.at(-1)!.value)} ${series.unit}${regression ? ` ❌ ${regression.worseByPercent.toFixed(1)} % worse` : ''}`,
          median === undefined ? 'n/a' : `${figure(median)} ${series.unit}`,
          String(series.points.length),
          file,
        ]),
        outcome.historyFile,
      )
    // The flagged series first, then the others, as charts the job summary renders.
    const shown = [...outcome.charts].sort(
      (a, b) => Number(Boolean(b.regression)) - Number(Boolean(a.regression)),
    )
    for (const chart of shown.slice(0, 10)) summary.mermaid(mermaidChart(chart.series))
    if (outcome.regressions.length > 0)
      throw new TestFailure(
        `performance regression: ${outcome.regressions.map(describeRegression).join('; ')}`,
      )
  },
})
