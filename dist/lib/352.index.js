export const id = 352;
export const ids = [352];
export const modules = {

/***/ 4352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ HISTORY_FILE),
/* harmony export */   JZ: () => (/* binding */ median),
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   Xk: () => (/* binding */ seriesKey),
/* harmony export */   configLabel: () => (/* binding */ configLabel),
/* harmony export */   describeRegression: () => (/* binding */ describeRegression),
/* harmony export */   hA: () => (/* binding */ toSeries),
/* harmony export */   qO: () => (/* binding */ findRegressions)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8055);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4345);
/**
 * The trend history: every run's metrics.json appended to one JSON Lines file kept with the
 * published repository, a chart per host generation and metric, and the regression check (a
 * metric worse than the median of the last N runs by more than a threshold).
 */



const HISTORY_FILE = 'metrics.jsonl';
/** The history file's runs, oldest first; a damaged line names its number. */
function readHistory(file) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return [];
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => line.trim() !== '')
        .map(({ line, index }) => (0,_metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRunMetrics */ .I)(line, `${file} line ${index + 1}`));
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
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the regression window (${options.window}) and threshold (${options.thresholdPercent} %) must be positive`);
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


/***/ }),

/***/ 4345:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ parseRunMetrics)
/* harmony export */ });
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8055);
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
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${source} is not JSON (${error.message}); expected a metrics.json from boot-test-guest`);
    }
    const missing = KEYS.filter((key) => document[key] === undefined);
    if (document.version !== 1 || missing.length > 0 || !Array.isArray(document.metrics))
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${source} is not a metrics.json of version 1 (missing ${missing.join(', ') || 'version'}); expected boot-test-guest's metrics.json`);
    for (const metric of document.metrics) {
        if (typeof metric?.name !== 'string' ||
            !Number.isFinite(metric.value) ||
            !['higher', 'lower'].includes(metric.better))
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${source}: metric ${JSON.stringify(metric)} needs a name, a finite value and better: higher|lower`);
    }
    return { config: {}, ...document };
}


/***/ })

};
