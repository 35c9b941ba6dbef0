/**
 * metrics.json: one run's figures (boot time to marker, L2 time, workload metrics) with what
 * they ran on (host generation, accelerator, kernel), the unit a trend history is made of.
 */
import { ConfigurationError } from '../errors.js'

export interface Metric {
  name: string
  value: number
  unit: string
  better: 'higher' | 'lower'
}

export interface RunMetrics {
  version: 1
  /** ISO time the run ended. */
  time: string
  /** The workflow run, when known (GITHUB_RUN_ID). */
  run?: string
  scenario: string
  /** POWER9, POWER10, … or the architecture when the host is not POWER (emulated). */
  hostGeneration: string
  accel: string
  /** The kernel's NVR or release. */
  kernel: string
  /** The guest configuration asked for (mmu, threads, cpu-compat). */
  config: Record<string, string | number>
  metrics: Metric[]
}

const KEYS: (keyof RunMetrics)[] = ['time', 'scenario', 'hostGeneration', 'accel', 'kernel', 'metrics']

/** A metrics.json document, checked: the error names the file and the field. */
export function parseRunMetrics(text: string, source: string): RunMetrics {
  let document: Partial<RunMetrics>
  try {
    document = JSON.parse(text) as Partial<RunMetrics>
  } catch (error) {
    throw new ConfigurationError(
      `${source} is not JSON (${(error as Error).message}); expected a metrics.json from boot-test-guest`,
    )
  }
  const missing = KEYS.filter((key) => document[key] === undefined)
  if (document.version !== 1 || missing.length > 0 || !Array.isArray(document.metrics))
    throw new ConfigurationError(
      `${source} is not a metrics.json of version 1 (missing ${missing.join(', ') || 'version'}); expected boot-test-guest's metrics.json`,
    )
  for (const metric of document.metrics) {
    if (
      typeof metric?.name !== 'string' ||
      !Number.isFinite(metric.value) ||
      !['higher', 'lower'].includes(metric.better)
    )
      throw new ConfigurationError(
        `${source}: metric ${JSON.stringify(metric)} needs a name, a finite value and better: higher|lower`,
      )
  }
  return { config: {}, ...document } as RunMetrics
}
