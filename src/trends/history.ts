/**
 * The trend history: every run's metrics.json appended to one JSON Lines file kept with the
 * published repository, a chart per host generation and metric, and the regression check (a
 * metric worse than the median of the last N runs by more than a threshold).
 */
import { existsSync, readFileSync } from 'node:fs'
import { ConfigurationError } from '../errors.js'
import { type Metric, parseRunMetrics, type RunMetrics } from './metrics.js'

export const HISTORY_FILE = 'metrics.jsonl'

/** The history file's runs, oldest first; a damaged line names its number. */
export function readHistory(file: string): RunMetrics[] {
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, index }) => parseRunMetrics(line, `${file} line ${index + 1}`))
}

/** One chart's data: a metric on one host generation in one scenario, run by run. */
export interface Series {
  hostGeneration: string
  scenario: string
  config: RunMetrics['config']
  metric: string
  unit: string
  better: Metric['better']
  points: { time: string; kernel: string; value: number }[]
}

/** The guest configuration as part of a series' name: `cpu=power9 mmu=hash`, sorted. */
export function configLabel(config: RunMetrics['config'] = {}): string {
  return Object.entries(config)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`)
    .join(' ')
}

/** Runs compare only with runs of the same host generation, scenario and guest configuration. */
export function seriesKey(
  run: Pick<RunMetrics, 'hostGeneration' | 'scenario' | 'config'>,
  metric: string,
): string {
  return `${run.hostGeneration}\u0000${run.scenario}\u0000${configLabel(run.config)}\u0000${metric}`
}

/** The runs grouped into series by host generation, scenario and metric, each in run order. */
export function toSeries(runs: RunMetrics[]): Series[] {
  const series = new Map<string, Series>()
  for (const run of runs) {
    for (const metric of run.metrics) {
      const key = seriesKey(run, metric.name)
      let entry = series.get(key)
      if (!entry) {
        entry = {
          hostGeneration: run.hostGeneration,
          scenario: run.scenario,
          config: run.config,
          metric: metric.name,
          unit: metric.unit,
          better: metric.better,
          points: [],
        }
        series.set(key, entry)
      }
      entry.points.push({ time: run.time, kernel: run.kernel, value: metric.value })
    }
  }
  return [...series.values()]
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export interface Regression {
  hostGeneration: string
  scenario: string
  config: RunMetrics['config']
  metric: string
  unit: string
  value: number
  median: number
  /** How much worse than the median, in percent. */
  worseByPercent: number
  /** How many earlier runs the median is of. */
  baselineRuns: number
}

/**
 * The metrics of `run` worse than the median of the last `window` earlier runs of the same
 * series by more than thresholdPercent (higher-is-better metrics lower, lower-is-better higher).
 * A series with fewer than minRuns earlier runs has no baseline yet.
 */
export function findRegressions(
  history: RunMetrics[],
  run: RunMetrics,
  options: { window: number; thresholdPercent: number; minRuns?: number },
): Regression[] {
  if (options.window < 1 || options.thresholdPercent <= 0)
    throw new ConfigurationError(
      `the regression window (${options.window}) and threshold (${options.thresholdPercent} %) must be positive`,
    )
  const earlier = new Map(toSeries(history).map((series) => [seriesKey(series, series.metric), series]))
  const regressions: Regression[] = []
  for (const metric of run.metrics) {
    const series = earlier.get(seriesKey(run, metric.name))
    const baseline = series?.points.slice(-options.window).map((point) => point.value) ?? []
    if (baseline.length < (options.minRuns ?? 3)) continue
    const typical = median(baseline)
    if (typical === 0) continue
    const change = ((metric.value - typical) / Math.abs(typical)) * 100
    const worseBy = metric.better === 'higher' ? -change : change
    if (worseBy > options.thresholdPercent)
      regressions.push({
        hostGeneration: run.hostGeneration,
        scenario: run.scenario,
        config: run.config,
        metric: metric.name,
        unit: metric.unit,
        value: metric.value,
        median: typical,
        worseByPercent: worseBy,
        baselineRuns: baseline.length,
      })
  }
  return regressions
}

/** A regression as the failure line says it, with the numbers. */
export function describeRegression(regression: Regression): string {
  const figure = (value: number): string => Number(value.toPrecision(4)).toString()
  const config = configLabel(regression.config)
  return `${regression.hostGeneration} ${regression.scenario}${config ? ` (${config})` : ''}: ${regression.metric} is ${figure(regression.value)} ${regression.unit}, ${regression.worseByPercent.toFixed(1)} % worse than the median ${figure(regression.median)} ${regression.unit} of the last ${regression.baselineRuns} runs`
}
