/**
 * A series as a standalone SVG line chart (committed with the history, viewable in any browser
 * and on the repository's web page) and as a mermaid xychart for the job summary, which renders
 * mermaid but not inline SVG.
 */
import { configLabel, type Regression, type Series } from './history.js'

const WIDTH = 640
const HEIGHT = 280
const MARGIN = { left: 70, right: 20, top: 40, bottom: 50 }

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const figure = (value: number): string => Number(value.toPrecision(4)).toString()

/** A file name for the series' chart: generation-scenario-metric, lowercase, dashes. */
export function chartFileName(
  series: Pick<Series, 'hostGeneration' | 'scenario' | 'config' | 'metric'>,
): string {
  const slug = `${series.hostGeneration}-${series.scenario}-${configLabel(series.config)}-${series.metric}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${slug}.svg`
}

/** The chart: one point per run, the median band's line, and the flagged point in red. */
export function renderSvg(
  series: Series,
  options: { median?: number; regression?: Regression } = {},
): string {
  const values = series.points.map((point) => point.value)
  const low = Math.min(...values, options.median ?? Infinity)
  const high = Math.max(...values, options.median ?? -Infinity)
  const span = high - low || Math.abs(high) || 1
  const bottom = low - span * 0.1
  const top = high + span * 0.1
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom
  const x = (index: number): number =>
    MARGIN.left +
    (series.points.length === 1 ? plotWidth / 2 : (index / (series.points.length - 1)) * plotWidth)
  const y = (value: number): number => MARGIN.top + (1 - (value - bottom) / (top - bottom)) * plotHeight
  const path = series.points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`)
    .join(' ')
  const ticks = [0, 0.5, 1].map((fraction) => bottom + fraction * (top - bottom))
  const last = series.points.length - 1
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>${escape(`${series.metric} on ${series.hostGeneration} (${[series.scenario, configLabel(series.config)].filter(Boolean).join(', ')})`)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="20" font-size="14" font-weight="bold">${escape(`${series.metric} (${series.unit}), ${series.hostGeneration}, ${[series.scenario, configLabel(series.config)].filter(Boolean).join(' ')}`)}</text>`,
    `<text x="${WIDTH / 2}" y="${HEIGHT - 15}" text-anchor="middle" fill="#555">${series.better} is better${options.median !== undefined ? ', dashed: median of the runs before' : ''}</text>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotHeight}" x2="${WIDTH - MARGIN.right}" y2="${MARGIN.top + plotHeight}" stroke="#888"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotHeight}" stroke="#888"/>`,
    ...ticks.map(
      (tick) =>
        `<text x="${MARGIN.left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end" fill="#555">${figure(tick)}</text>`,
    ),
    `<text x="${MARGIN.left}" y="${HEIGHT - 15}" fill="#555">${escape(series.points[0]?.time.slice(0, 10) ?? '')}</text>`,
    `<text x="${WIDTH - MARGIN.right}" y="${HEIGHT - 15}" text-anchor="end" fill="#555">${escape(series.points[last]?.time.slice(0, 10) ?? '')} (${series.points.length} runs)</text>`,
    ...(options.median !== undefined
      ? [
          `<line class="median" x1="${MARGIN.left}" y1="${y(options.median).toFixed(1)}" x2="${WIDTH - MARGIN.right}" y2="${y(options.median).toFixed(1)}" stroke="#999" stroke-dasharray="4 4"/>`,
        ]
      : []),
    `<path d="${path}" fill="none" stroke="#1f6feb" stroke-width="2"/>`,
    ...series.points.map(
      (point, index) =>
        `<circle cx="${x(index).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="${index === last && options.regression ? 5 : 3}" fill="${index === last && options.regression ? '#d1242f' : '#1f6feb'}"><title>${escape(`${point.time} ${point.kernel}: ${figure(point.value)} ${series.unit}`)}</title></circle>`,
    ),
    '</svg>',
    '',
  ].join('\n')
}

/** The same series as a mermaid xychart-beta for the job summary. */
export function mermaidChart(series: Series): string {
  const values = series.points.map((point) => figure(point.value))
  return [
    'xychart-beta',
    `  title "${`${series.metric}, ${series.hostGeneration} ${series.scenario} ${configLabel(series.config)}`.trim().replace(/"/g, "'")}"`,
    `  x-axis [${series.points.map((_, index) => index + 1).join(', ')}]`,
    `  y-axis "${series.unit.replace(/"/g, "'")}"`,
    `  line [${values.join(', ')}]`,
  ].join('\n')
}
