/** track-metrics on a generated history of ten runs: the chart, a planted regression, and noise. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { findRegressions } from '../../src/trends/history.js'
import type { RunMetrics } from '../../src/trends/metrics.js'

const made: string[] = []
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** A run with a boot time and a throughput: noise is ±`noise` around the base, deterministic per index. */
function run(index: number, factor = 1, noise = 0.05): RunMetrics {
  const wobble = 1 + noise * Math.sin(index * 2.3)
  return {
    version: 1,
    time: new Date(Date.UTC(2026, 10, index + 1)).toISOString(),
    scenario: 'nested',
    hostGeneration: 'POWER9',
    accel: 'kvm',
    kernel: `5.14.0-570.${index}.1.kvm1.el9.ppc64le`,
    config: { mmu: 'radix' },
    metrics: [
      { name: 'boot: time to ready marker', value: 10 * wobble * factor, unit: 's', better: 'lower' },
      {
        name: 'L1 cpu-vm: cpu bogo-ops/s',
        value: (1000 * wobble) / factor,
        unit: 'bogo-ops/s',
        better: 'higher',
      },
    ],
  }
}

async function track(history: string, metrics: RunMetrics, extra: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'metrics-'))
  made.push(dir)
  writeFileSync(join(dir, 'metrics.json'), JSON.stringify(metrics))
  const out: string[] = []
  const code = await runCli(
    ['track-metrics', '--input', `metrics=${dir}`, '--input', `history=${history}`, ...extra],
    { out: (t) => out.push(t), err: (t) => out.push(t), cwd: dir },
  )
  return { code, out: out.join('') }
}

function historyOfTen(): string {
  const history = mkdtempSync(join(tmpdir(), 'history-'))
  made.push(history)
  mkdirSync(history, { recursive: true })
  writeFileSync(
    join(history, 'metrics.jsonl'),
    Array.from({ length: 10 }, (_, index) => JSON.stringify(run(index))).join('\n') + '\n',
  )
  return history
}

describe('track-metrics', () => {
  it('flags a planted 40 % regression as a test failure with the numbers, and still records the run and its chart', async () => {
    const history = historyOfTen()
    const result = await track(history, run(10, 1.4, 0))
    expect(result.code).toBe(1)
    expect(result.out).toMatch(
      /performance regression: POWER9 nested \(mmu=radix\): boot: time to ready marker is 14 s, (39|4\d)\.\d % worse than the median [\d.]+ s of the last 10 runs/,
    )
    expect(result.out).toMatch(/L1 cpu-vm: cpu bogo-ops\/s is 714\.3 bogo-ops\/s, 2\d\.\d % worse/)
    expect(readFileSync(join(history, 'metrics.jsonl'), 'utf8').trim().split('\n')).toHaveLength(11)
    const svg = readFileSync(
      join(history, 'charts', 'power9-nested-mmu-radix-boot-time-to-ready-marker.svg'),
      'utf8',
    )
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(svg.match(/<circle /g)).toHaveLength(11)
    expect(svg).toContain('fill="#d1242f"') // the flagged run
    expect(svg).toContain('class="median"')
    expect(result.out).toContain('xychart-beta')
  })

  it('does not flag run-to-run noise of 5 %', async () => {
    const history = historyOfTen()
    const result = await track(history, run(10, 1, 0.05))
    expect(result.code).toBe(0)
    expect(result.out).toContain('regressions=[]')
    expect(existsSync(join(history, 'charts', 'power9-nested-mmu-radix-l1-cpu-vm-cpu-bogo-ops-s.svg'))).toBe(
      true,
    )
  })

  it('uses the threshold input, and needs three earlier runs before it judges', () => {
    const history = Array.from({ length: 10 }, (_, index) => run(index, 1, 0))
    const slower = run(10, 1.1, 0)
    expect(findRegressions(history, slower, { window: 10, thresholdPercent: 20 })).toEqual([])
    expect(
      findRegressions(history, slower, { window: 10, thresholdPercent: 5 }).map((r) => r.metric),
    ).toEqual(['boot: time to ready marker', 'L1 cpu-vm: cpu bogo-ops/s'])
    expect(findRegressions(history.slice(0, 2), run(10, 2, 0), { window: 10, thresholdPercent: 5 })).toEqual(
      [],
    )
  })

  it('adds nothing, with a warning, when the folders hold no metrics.json (every boot failed early)', async () => {
    const history = historyOfTen()
    const before = readFileSync(join(history, 'metrics.jsonl'), 'utf8')
    const empty = mkdtempSync(join(tmpdir(), 'no-metrics-'))
    made.push(empty)
    const out: string[] = []
    const code = await runCli(
      ['track-metrics', '--input', `metrics=${empty}`, '--input', `history=${history}`],
      {
        out: (t) => out.push(t),
        err: (t) => out.push(t),
        cwd: empty,
      },
    )
    expect(code).toBe(0)
    expect(out.join('')).toContain(`No metrics.json in ${empty}`)
    expect(readFileSync(join(history, 'metrics.jsonl'), 'utf8')).toBe(before)
  })

  it('refuses a file that is not a metrics.json, naming it, and leaves the history untouched', async () => {
    const history = historyOfTen()
    const before = readFileSync(join(history, 'metrics.jsonl'), 'utf8')
    const result = await track(history, { version: 1 } as RunMetrics)
    expect(result.code).toBe(1)
    expect(result.out).toMatch(/metrics\.json is not a metrics\.json of version 1 \(missing time, scenario/)
    expect(result.out).not.toMatch(/\n\s+at /)
    expect(readFileSync(join(history, 'metrics.jsonl'), 'utf8')).toBe(before)
  })
})
