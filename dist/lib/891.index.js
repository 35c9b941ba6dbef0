export const id = 891;
export const ids = [891];
export const modules = {

/***/ 6986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ avoidanceKey),
  h: () => (/* binding */ digestTree)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/version.ts
/** The suite's version; part of every build-avoidance key (a test keeps it equal to package.json's). */
const SUITE_VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/rpm/avoid.ts
/**
 * Build avoidance: a key from everything that decides a build's output. Same key, same RPMs,
 * so a cached result can stand in for hours of building.
 */




/**
 * sha256 over every file below dir (path and content), in a stable order; with `only`, over the
 * files whose name matches (a kernel tree's Kconfig files rather than all of its 80,000 files).
 */
function digestTree(dir, only) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    if (!(0,external_node_fs_.existsSync)(dir))
        return hash.update('(none)').digest('hex');
    const files = (0,external_node_fs_.statSync)(dir).isFile()
        ? [dir]
        : (0,external_node_fs_.readdirSync)(dir, { recursive: true, encoding: 'utf8' })
            .filter((file) => !only || only.test((0,external_node_path_.basename)(file)))
            .map((file) => (0,external_node_path_.join)(dir, file))
            .filter((file) => (0,external_node_fs_.statSync)(file).isFile())
            .sort();
    for (const file of files) {
        hash
            .update((0,external_node_path_.relative)(dir, file) || '.')
            .update('\0')
            .update((0,external_node_fs_.readFileSync)(file))
            .update('\0');
    }
    return hash.digest('hex');
}
function avoidanceKey(inputs) {
    const canonical = JSON.stringify({
        suite: SUITE_VERSION,
        package: inputs.package,
        srpm: inputs.srpmSha256,
        recipes: inputs.recipes.map((path) => digestTree(path)),
        files: Object.fromEntries(Object.entries(inputs.files ?? {})
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, paths]) => [name, paths.map((path) => digestTree(path))])),
        builder: inputs.builder,
        extra: Object.fromEntries(Object.entries(inputs.extra ?? {}).sort(([a], [b]) => a.localeCompare(b))),
    });
    return `kvm-actions-${inputs.package}-${(0,external_node_crypto_.createHash)('sha256').update(canonical).digest('hex').slice(0, 40)}`;
}


/***/ }),

/***/ 203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ specHeader),
/* harmony export */   FS: () => (/* binding */ unpackSrpm),
/* harmony export */   wK: () => (/* binding */ packSrpm)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _exec_exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4524);
/* harmony import */ var _macros_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9892);
/** Source RPMs to dist-git trees (SPECS/, SOURCES/) and back, without root, with rpm's own tools. */





/** Installs the SRPM's spec and sources under dir/SPECS and dir/SOURCES; returns the spec path. */
async function unpackSrpm(srpm, dir, log) {
    const result = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)([
        'rpm',
        '-i',
        '--nodeps',
        '--nosignature',
        '--nodigest',
        ...(0,_macros_js__WEBPACK_IMPORTED_MODULE_4__/* .defineArgs */ .P)({ _topdir: dir }),
        srpm,
    ]);
    // Debian's rpm advises Alien on every -i; anything else rpm says is worth reading.
    const said = `${result.stdout}${result.stderr}`
        .split('\n')
        .filter((line) => line.trim() && !/use Alien instead|should not be used directly/i.test(line));
    log?.info(`Unpacked ${srpm}`);
    for (const line of said)
        log?.info(line);
    const specs = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'SPECS')).filter((name) => name.endsWith('.spec'));
    if (specs.length !== 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfrastructureError */ .EN(`${srpm} holds ${specs.length} spec files, expected one`);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'SPECS', specs[0]);
}
/** `rpmbuild -bs` of the tree's spec; returns the written SRPM. */
async function packSrpm(dir, spec, defines = {}, log) {
    const result = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)(['rpmbuild', '-bs', ...(0,_macros_js__WEBPACK_IMPORTED_MODULE_4__/* .defineArgs */ .P)({ _topdir: dir, ...defines }), spec], {
        ...(log ? { log, group: 'Pack the source RPM' } : {}),
    });
    const written = /^Wrote:\s+(\S+\.src\.rpm)$/m.exec(result.stdout)?.[1];
    if (!written)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfrastructureError */ .EN(`rpmbuild -bs ${spec} wrote no source RPM`);
    return written;
}
/** Name and EVR of the source package the spec describes, macros expanded by rpmspec. */
async function specHeader(spec, defines = {}) {
    const result = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)([
        'rpmspec',
        '-q',
        '--srpm',
        '--qf',
        '%{NAME}|%{EPOCHNUM}|%{VERSION}|%{RELEASE}\\n',
        ...(0,_macros_js__WEBPACK_IMPORTED_MODULE_4__/* .defineArgs */ .P)(defines),
        spec,
    ]);
    const [name = '', epoch = '0', version = '', release = ''] = result.stdout.trim().split('\n')[0].split('|');
    return { name, epoch: Number(epoch), version, release };
}


/***/ }),

/***/ 9788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rebuildSummary: () => (/* binding */ rebuildSummary),
/* harmony export */   recipeSources: () => (/* binding */ recipeSources),
/* harmony export */   runRebuildStep: () => (/* binding */ runRebuildStep)
/* harmony export */ });
/* unused harmony exports skippedBuildSummary, rebuildRow, REBUILD_COLUMNS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _action_cleanup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6546);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _report_duration_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6132);
/* harmony import */ var _fs_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1283);
/* harmony import */ var _exec_exec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4524);
/* harmony import */ var _rpm_builder_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9798);
/* harmony import */ var _rpm_rebuild_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9414);
/**
 * The step glue build-kernel and patch-qemu share: the rebuild run with the runner's scratch
 * space, caches and log, its summary rows, and a failed build's log tail and first error line
 * (as an annotation).
 */









/** Config files or folders (config.yaml inside) as recipe sources; a missing one is a configuration error. */
function recipeSources(entries, workspace, inputName) {
    return entries.map((entry) => {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, entry);
        const config = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory() ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, 'config.yaml') : path;
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(config)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input '${inputName}' names ${entry}, which is not an autopatch config file or a folder with config.yaml`);
        }
        return { config };
    });
}
async function runRebuildStep(ctx, step) {
    if (step.upstreamKeys?.kind === 'none') {
        const warning = `upstream-keys is 'none': the source RPM's signature was not checked (${step.package})`;
        ctx.annotate('warning', warning);
        ctx.summary.paragraph(`⚠️ ${warning}.`);
    }
    const workDir = (0,_action_cleanup_js__WEBPACK_IMPORTED_MODULE_2__/* .createWorkDir */ .Xk)(ctx.state, step.package);
    const options = {
        ...step,
        workDir,
        resultsDir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(step.resultsDir, step.package),
        downloadCacheDir: (0,_fs_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .defaultCacheDir */ .$)(),
        cache: ctx.cache,
        log: ctx.log,
        signal: ctx.signal,
    };
    try {
        return await (0,_rpm_rebuild_js__WEBPACK_IMPORTED_MODULE_7__/* .rebuildPackage */ .i8)(options);
    }
    catch (error) {
        if (error instanceof _rpm_builder_js__WEBPACK_IMPORTED_MODULE_6__/* .BuildFailure */ .$w) {
            ctx.annotate('error', error.errorLine ?? error.message, {
                title: `${step.package} build failed`,
                file: error.logFile,
            });
            ctx.summary.details(`${step.package}: last lines of ${error.logFile}`, error.tail);
        }
        throw error;
    }
}
/** With build: false, the command each package's build would have run. */
function skippedBuildSummary(summary, results) {
    const skipped = results.filter((result) => result.skippedCommand);
    if (skipped.length === 0)
        return;
    summary.paragraph('Build skipped (input build is false): the recipes and checks passed and the source RPM is packed.');
    for (const result of skipped)
        summary.code((0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .describeArgv */ .wI)(result.skippedCommand), 'sh');
}
/** One summary row per rebuilt package. */
function rebuildRow(result) {
    return [
        result.sourceNvr,
        result.builtNvr,
        result.cacheHit ? 'yes (build avoided)' : 'no',
        result.buildMs !== undefined ? (0,_report_duration_js__WEBPACK_IMPORTED_MODULE_8__/* .formatDuration */ .a)(result.buildMs) : '—',
        String(result.rpms.length),
    ];
}
const REBUILD_COLUMNS = ['Source', 'Built', 'Cache hit', 'Build time', 'RPMs'];
/** The rebuild table (one row per package, named when there are several) and any skipped build's command. */
function rebuildSummary(summary, results) {
    const named = results.length > 1 || results.some(([name]) => name !== 'kernel');
    summary.table(named ? ['Package', ...REBUILD_COLUMNS] : REBUILD_COLUMNS, results.map(([name, result]) => (named ? [name, ...rebuildRow(result)] : rebuildRow(result))));
    skippedBuildSummary(summary, results.map(([, result]) => result));
}


/***/ })

};
