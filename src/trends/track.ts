/**
 * track-metrics: new runs' metrics.json checked against the history (median of the last N runs
 * per host generation, scenario and metric), appended to it, and charted. The history lives in a
 * folder kept with the published repository: metrics.jsonl plus charts/*.svg.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import { acquireLockWaiting } from '../fs/lock.js'
import { chartFileName, mermaidChart, renderSvg } from './chart.js'
import {
  findRegressions,
  HISTORY_FILE,
  median,
  readHistory,
  type Regression,
  type Series,
  seriesKey,
  toSeries,
} from './history.js'
import { parseRunMetrics, type RunMetrics } from './metrics.js'

export interface TrackRequest {
  /** metrics.json files, or folders searched for them. */
  metrics: string[]
  historyDir: string
  window: number
  thresholdPercent: number
}

export interface TrackOutcome {
  runs: RunMetrics[]
  regressions: Regression[]
  /** The series the new runs touched, with their chart file and median of the window before. */
  charts: { series: Series; file: string; median?: number; regression?: Regression }[]
  historyFile: string
}

/** Every metrics.json a path names: the file itself, or those below a folder. */
export function metricsFiles(paths: string[]): string[] {
  return paths.flatMap((path) => {
    if (!existsSync(path))
      throw new ConfigurationError(
        `Input 'metrics': ${path} does not exist; expected metrics.json files or folders holding them`,
      )
    if (statSync(path).isFile()) return [path]
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name === 'metrics.json')
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
  })
}

export async function trackMetrics(request: TrackRequest): Promise<TrackOutcome> {
  const files = metricsFiles(request.metrics)
  const historyFile = join(request.historyDir, HISTORY_FILE)
  // A night whose boots all failed before writing metrics has nothing to add; the history stays.
  if (files.length === 0) return { runs: [], regressions: [], charts: [], historyFile }
  // Every input is read and checked before the history is touched.
  const runs = files.map((file) => parseRunMetrics(readFileSync(file, 'utf8'), file))
  mkdirSync(join(request.historyDir, 'charts'), { recursive: true })
  const release = await acquireLockWaiting(join(request.historyDir, '.lock'), 'the metrics history', 60_000)
  try {
    const history = readHistory(historyFile)
    const regressions: Regression[] = []
    let all = history
    for (const run of runs) {
      regressions.push(
        ...findRegressions(all, run, { window: request.window, thresholdPercent: request.thresholdPercent }),
      )
      all = [...all, run]
    }
    // Written whole and renamed into place: a reader never sees half a history.
    const next = `${historyFile}.${process.pid}.tmp`
    writeFileSync(next, all.map((run) => JSON.stringify(run)).join('\n') + '\n')
    renameSync(next, historyFile)

    const touched = new Set(runs.flatMap((run) => run.metrics.map((metric) => seriesKey(run, metric.name))))
    const charts = toSeries(all)
      .filter((series) => touched.has(seriesKey(series, series.metric)))
      .map((series) => {
        const before = series.points.slice(-request.window - 1, -1).map((point) => point.value)
        const regression = regressions.find(
          (r) => seriesKey(r, r.metric) === seriesKey(series, series.metric),
        )
        const file = join(request.historyDir, 'charts', chartFileName(series))
        const typical = before.length > 0 ? median(before) : undefined
        writeFileSync(
          file,
          renderSvg(series, {
            ...(typical !== undefined ? { median: typical } : {}),
            ...(regression ? { regression } : {}),
          }),
        )
        return {
          series,
          file,
          ...(typical !== undefined ? { median: typical } : {}),
          ...(regression ? { regression } : {}),
        }
      })
    return { runs, regressions, charts, historyFile }
  } finally {
    release()
  }
}

export { configLabel, describeRegression } from './history.js'
export { mermaidChart }
