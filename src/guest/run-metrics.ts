/** A boot's figures as metrics.json: the time to each marker and every workload metric, by guest. */
import type { Metric, RunMetrics } from '../trends/metrics.js'
import type { BootResult } from './boot.js'
import type { GuestConfig } from './guest-config.js'

export function runMetrics(
  result: BootResult,
  about: Pick<RunMetrics, 'scenario' | 'hostGeneration' | 'accel' | 'kernel'> & {
    config: GuestConfig & { cpu: string }
  },
): RunMetrics {
  const seconds = (ms: number | undefined, name: string): Metric[] =>
    ms === undefined ? [] : [{ name, value: Math.round(ms) / 1000, unit: 's', better: 'lower' }]
  const { timeline } = result
  return {
    version: 1,
    time: new Date().toISOString(),
    ...(process.env.GITHUB_RUN_ID ? { run: process.env.GITHUB_RUN_ID } : {}),
    scenario: about.scenario,
    hostGeneration: about.hostGeneration,
    accel: about.accel,
    kernel: about.kernel,
    config: Object.fromEntries(Object.entries(about.config).filter(([, value]) => value !== undefined)),
    metrics: [
      ...seconds(timeline.ready, 'boot: time to ready marker'),
      ...seconds(
        timeline.l2Ready !== undefined && timeline.l2Start !== undefined ? timeline.l2Ready : undefined,
        'boot: time to L2 ready marker',
      ),
      ...result.workloads.flatMap((workload) =>
        workload.metrics.map((metric) => ({
          ...metric,
          name: `${workload.guest} ${workload.name}: ${metric.name}`,
        })),
      ),
    ],
  }
}
