export const id = 283;
export const ids = [283];
export const modules = {

/***/ 5283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  configLabel: () => (/* reexport */ configLabel),
  describeRegression: () => (/* reexport */ describeRegression),
  mermaidChart: () => (/* reexport */ mermaidChart),
  trackMetrics: () => (/* binding */ trackMetrics)
});

// UNUSED EXPORTS: metricsFiles

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/fs/lock.ts
var lock = __webpack_require__(2088);
;// CONCATENATED MODULE: ./src/trends/metrics.ts
/**
 * metrics.json: one run's figures (boot time to marker, L2 time, workload metrics) with what
 * they ran on (host generation, accelerator, kernel), the unit a trend history is made of.
 */

const KEYS = ['time', 'scenario', 'hostGeneration', 'accel', 'kernel', 'metrics'];
/** A metrics.json document, checked: the error names the file and the field. */
function parseRunMetrics(text, source) {
    let document;
    try {
        document = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${source} is not JSON (${error.message}); expected a metrics.json from boot-test-guest`);
    }
    const missing = KEYS.filter((key) => document[key] === undefined);
    if (document.version !== 1 || missing.length > 0 || !Array.isArray(document.metrics))
        throw new errors/* ConfigurationError */.j1(`${source} is not a metrics.json of version 1 (missing ${missing.join(', ') || 'version'}); expected boot-test-guest's metrics.json`);
    for (const metric of document.metrics) {
        if (typeof metric?.name !== 'string' ||
            !Number.isFinite(metric.value) ||
            !['higher', 'lower'].includes(metric.better))
            throw new errors/* ConfigurationError */.j1(`${source}: metric ${JSON.stringify(metric)} needs a name, a finite value and better: higher|lower`);
    }
    return { config: {}, ...document };
}

;// CONCATENATED MODULE: ./src/trends/history.ts
/**
 * The trend history: every run's metrics.json appended to one JSON Lines file kept with the
 * published repository, a chart per host generation and metric, and the regression check (a
 * metric worse than the median of the last N runs by more than a threshold).
 */



const HISTORY_FILE = 'metrics.jsonl';
/** The history file's runs, oldest first; a damaged line names its number. */
function readHistory(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        return [];
    return (0,external_node_fs_.readFileSync)(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => line.trim() !== '')
        .map(({ line, index }) => parseRunMetrics(line, `${file} line ${index + 1}`));
}
/** The guest configuration as part of a series' name: `cpu=power9 mmu=hash`, sorted. */
function configLabel(config = {}) {
    return Object.entries(config)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => `${key}=${value}`)
        .join(' ');
}
/** Runs compare only with runs of the same host generation, scenario and guest configuration. */
function seriesKey(run, metric) {
    return `${run.hostGeneration}\u0000${run.scenario}\u0000${configLabel(run.config)}\u0000${metric}`;
}
/** The runs grouped into series by host generation, scenario and metric, each in run order. */
function toSeries(runs) {
    const series = new Map();
    for (const run of runs) {
        for (const metric of run.metrics) {
            const key = seriesKey(run, metric.name);
            let entry = series.get(key);
            if (!entry) {
                entry = {
                    hostGeneration: run.hostGeneration,
                    scenario: run.scenario,
                    config: run.config,
                    metric: metric.name,
                    unit: metric.unit,
                    better: metric.better,
                    points: [],
                };
                series.set(key, entry);
            }
            entry.points.push({ time: run.time, kernel: run.kernel, value: metric.value });
        }
    }
    return [...series.values()];
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
/**
 * The metrics of `run` worse than the median of the last `window` earlier runs of the same
 * series by more than thresholdPercent (higher-is-better metrics lower, lower-is-better higher).
 * A series with fewer than minRuns earlier runs has no baseline yet.
 */
function findRegressions(history, run, options) {
    if (options.window < 1 || options.thresholdPercent <= 0)
        throw new errors/* ConfigurationError */.j1(`the regression window (${options.window}) and threshold (${options.thresholdPercent} %) must be positive`);
    const earlier = new Map(toSeries(history).map((series) => [seriesKey(series, series.metric), series]));
    const regressions = [];
    for (const metric of run.metrics) {
        const series = earlier.get(seriesKey(run, metric.name));
        const baseline = series?.points.slice(-options.window).map((point) => point.value) ?? [];
        if (baseline.length < (options.minRuns ?? 3))
            continue;
        const typical = median(baseline);
        if (typical === 0)
            continue;
        const change = ((metric.value - typical) / Math.abs(typical)) * 100;
        const worseBy = metric.better === 'higher' ? -change : change;
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
            });
    }
    return regressions;
}
/** A regression as the failure line says it, with the numbers. */
function describeRegression(regression) {
    const figure = (value) => Number(value.toPrecision(4)).toString();
    const config = configLabel(regression.config);
    return `${regression.hostGeneration} ${regression.scenario}${config ? ` (${config})` : ''}: ${regression.metric} is ${figure(regression.value)} ${regression.unit}, ${regression.worseByPercent.toFixed(1)} % worse than the median ${figure(regression.median)} ${regression.unit} of the last ${regression.baselineRuns} runs`;
}

;// CONCATENATED MODULE: ./src/trends/chart.ts
/**
 * A series as a standalone SVG line chart (committed with the history, viewable in any browser
 * and on the repository's web page) and as a mermaid xychart for the job summary, which renders
 * mermaid but not inline SVG.
 */

const WIDTH = 640;
const HEIGHT = 280;
const MARGIN = { left: 70, right: 20, top: 40, bottom: 50 };
const chart_escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const figure = (value) => Number(value.toPrecision(4)).toString();
/** A file name for the series' chart: generation-scenario-metric, lowercase, dashes. */
function chartFileName(series) {
    const slug = `${series.hostGeneration}-${series.scenario}-${configLabel(series.config)}-${series.metric}`
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    return `${slug}.svg`;
}
/** The chart: one point per run, the median band's line, and the flagged point in red. */
function renderSvg(series, options = {}) {
    const values = series.points.map((point) => point.value);
    const low = Math.min(...values, options.median ?? Infinity);
    const high = Math.max(...values, options.median ?? -Infinity);
    const span = high - low || Math.abs(high) || 1;
    const bottom = low - span * 0.1;
    const top = high + span * 0.1;
    const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const x = (index) => MARGIN.left +
        (series.points.length === 1 ? plotWidth / 2 : (index / (series.points.length - 1)) * plotWidth);
    const y = (value) => MARGIN.top + (1 - (value - bottom) / (top - bottom)) * plotHeight;
    const path = series.points
        .map((point, index) => `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`)
        .join(' ');
    const ticks = [0, 0.5, 1].map((fraction) => bottom + fraction * (top - bottom));
    const last = series.points.length - 1;
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
        `<title>${chart_escape(`${series.metric} on ${series.hostGeneration} (${[series.scenario, configLabel(series.config)].filter(Boolean).join(', ')})`)}</title>`,
        `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
        `<text x="${MARGIN.left}" y="20" font-size="14" font-weight="bold">${chart_escape(`${series.metric} (${series.unit}), ${series.hostGeneration}, ${[series.scenario, configLabel(series.config)].filter(Boolean).join(' ')}`)}</text>`,
        `<text x="${WIDTH / 2}" y="${HEIGHT - 15}" text-anchor="middle" fill="#555">${series.better} is better${options.median !== undefined ? ', dashed: median of the runs before' : ''}</text>`,
        `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotHeight}" x2="${WIDTH - MARGIN.right}" y2="${MARGIN.top + plotHeight}" stroke="#888"/>`,
        `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotHeight}" stroke="#888"/>`,
        ...ticks.map((tick) => `<text x="${MARGIN.left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end" fill="#555">${figure(tick)}</text>`),
        `<text x="${MARGIN.left}" y="${HEIGHT - 15}" fill="#555">${chart_escape(series.points[0]?.time.slice(0, 10) ?? '')}</text>`,
        `<text x="${WIDTH - MARGIN.right}" y="${HEIGHT - 15}" text-anchor="end" fill="#555">${chart_escape(series.points[last]?.time.slice(0, 10) ?? '')} (${series.points.length} runs)</text>`,
        ...(options.median !== undefined
            ? [
                `<line class="median" x1="${MARGIN.left}" y1="${y(options.median).toFixed(1)}" x2="${WIDTH - MARGIN.right}" y2="${y(options.median).toFixed(1)}" stroke="#999" stroke-dasharray="4 4"/>`,
            ]
            : []),
        `<path d="${path}" fill="none" stroke="#1f6feb" stroke-width="2"/>`,
        ...series.points.map((point, index) => `<circle cx="${x(index).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="${index === last && options.regression ? 5 : 3}" fill="${index === last && options.regression ? '#d1242f' : '#1f6feb'}"><title>${chart_escape(`${point.time} ${point.kernel}: ${figure(point.value)} ${series.unit}`)}</title></circle>`),
        '</svg>',
        '',
    ].join('\n');
}
/** The same series as a mermaid xychart-beta for the job summary. */
function mermaidChart(series) {
    const values = series.points.map((point) => figure(point.value));
    return [
        'xychart-beta',
        `  title "${`${series.metric}, ${series.hostGeneration} ${series.scenario} ${configLabel(series.config)}`.trim().replace(/"/g, "'")}"`,
        `  x-axis [${series.points.map((_, index) => index + 1).join(', ')}]`,
        `  y-axis "${series.unit.replace(/"/g, "'")}"`,
        `  line [${values.join(', ')}]`,
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/trends/track.ts
/**
 * track-metrics: new runs' metrics.json checked against the history (median of the last N runs
 * per host generation, scenario and metric), appended to it, and charted. The history lives in a
 * folder kept with the published repository: metrics.jsonl plus charts/*.svg.
 */







/** Every metrics.json a path names: the file itself, or those below a folder. */
function metricsFiles(paths) {
    return paths.flatMap((path) => {
        if (!(0,external_node_fs_.existsSync)(path))
            throw new errors/* ConfigurationError */.j1(`Input 'metrics': ${path} does not exist; expected metrics.json files or folders holding them`);
        if ((0,external_node_fs_.statSync)(path).isFile())
            return [path];
        return (0,external_node_fs_.readdirSync)(path, { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile() && entry.name === 'metrics.json')
            .map((entry) => (0,external_node_path_.join)(entry.parentPath, entry.name))
            .sort();
    });
}
async function trackMetrics(request) {
    const files = metricsFiles(request.metrics);
    const historyFile = (0,external_node_path_.join)(request.historyDir, HISTORY_FILE);
    // A night whose boots all failed before writing metrics has nothing to add; the history stays.
    if (files.length === 0)
        return { runs: [], regressions: [], charts: [], historyFile };
    // Every input is read and checked before the history is touched.
    const runs = files.map((file) => parseRunMetrics((0,external_node_fs_.readFileSync)(file, 'utf8'), file));
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(request.historyDir, 'charts'), { recursive: true });
    const release = await (0,lock/* acquireLockWaiting */.hd)((0,external_node_path_.join)(request.historyDir, '.lock'), 'the metrics history', 60_000);
    try {
        const history = readHistory(historyFile);
        const regressions = [];
        let all = history;
        for (const run of runs) {
            regressions.push(...findRegressions(all, run, { window: request.window, thresholdPercent: request.thresholdPercent }));
            all = [...all, run];
        }
        // Written whole and renamed into place: a reader never sees half a history.
        const next = `${historyFile}.${process.pid}.tmp`;
        (0,external_node_fs_.writeFileSync)(next, all.map((run) => JSON.stringify(run)).join('\n') + '\n');
        (0,external_node_fs_.renameSync)(next, historyFile);
        const touched = new Set(runs.flatMap((run) => run.metrics.map((metric) => seriesKey(run, metric.name))));
        const charts = toSeries(all)
            .filter((series) => touched.has(seriesKey(series, series.metric)))
            .map((series) => {
            const before = series.points.slice(-request.window - 1, -1).map((point) => point.value);
            const regression = regressions.find((r) => seriesKey(r, r.metric) === seriesKey(series, series.metric));
            const file = (0,external_node_path_.join)(request.historyDir, 'charts', chartFileName(series));
            const typical = before.length > 0 ? median(before) : undefined;
            (0,external_node_fs_.writeFileSync)(file, renderSvg(series, {
                ...(typical !== undefined ? { median: typical } : {}),
                ...(regression ? { regression } : {}),
            }));
            return {
                series,
                file,
                ...(typical !== undefined ? { median: typical } : {}),
                ...(regression ? { regression } : {}),
            };
        });
        return { runs, regressions, charts, historyFile };
    }
    finally {
        release();
    }
}




/***/ })

};
