export const id = 571;
export const ids = [571];
export const modules = {

/***/ 5571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runHypervisorBuild: () => (/* binding */ runHypervisorBuild)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/fs/paths.ts
var paths = __webpack_require__(1283);
// EXTERNAL MODULE: ./src/rpm/rebuild.ts + 2 modules
var rebuild = __webpack_require__(9414);
// EXTERNAL MODULE: ./src/rpm/release.ts
var release = __webpack_require__(9388);
// EXTERNAL MODULE: ./src/kernel/config.ts
var kernel_config = __webpack_require__(2067);
// EXTERNAL MODULE: ./src/kernel/hypervisor.ts
var hypervisor = __webpack_require__(8247);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/exec/exec.ts + 2 modules
var exec = __webpack_require__(4524);
// EXTERNAL MODULE: ./src/rpm/macros.ts
var macros = __webpack_require__(9892);
// EXTERNAL MODULE: ./src/rpm/srpm.ts
var rpm_srpm = __webpack_require__(203);
// EXTERNAL MODULE: ./src/kernel/kconfig-step.ts
var kconfig_step = __webpack_require__(2125);
// EXTERNAL MODULE: ./src/kernel/kconfig.ts + 1 modules
var kconfig = __webpack_require__(3201);
;// CONCATENATED MODULE: ./src/kernel/hypervisor-source.ts
/**
 * The kernel tree and config a hypervisor build starts from: a source RPM's own (its linux
 * tarball with the patches its %prep applies, and its ppc64le config), or a tree or tarball and
 * a config given directly (an `rpmbuild -bp` tree, a distribution's linux-source).
 */









/**
 * The patches a kernel spec's %prep applies through its ApplyPatch/ApplyOptionalPatch helpers,
 * read from the spec as rpm expands it for ppc64le (macro layers and conditionals resolved).
 * An optional patch may be missing or empty, as the spec's own helper allows.
 */
function prepPatches(expandedSpec) {
    const prep = /^%prep\b([\s\S]*?)^%(build|install|files|changelog)\b/m.exec(expandedSpec)?.[1] ?? '';
    // A helper's own body (`ApplyPatch $1`) names no file.
    return [...prep.matchAll(/^\s*Apply(Optional)?Patch\s+([^\s$]+)\s*$/gm)].map((match) => ({
        name: match[2],
        optional: match[1] !== undefined,
    }));
}
/** Unpacks the source RPM into dir and finds its tarball, %prep patches and base ppc64le config. */
async function srpmKernelSource(srpm, dir, defines, log) {
    const spec = await (0,rpm_srpm/* unpackSrpm */.FS)(srpm, dir, log);
    const sources = (0,external_node_path_.join)(dir, 'SOURCES');
    const tarball = (0,kconfig_step/* srpmKernelTarball */.i)(sources);
    if (!tarball)
        throw new errors/* ConfigurationError */.j1(`${(0,external_node_path_.basename)(srpm)} has no linux-*.tar.xz; expected a kernel source RPM`);
    const config = (0,kernel_config/* ppc64leConfigs */.i3)(sources).find((file) => !/debug/.test((0,external_node_path_.basename)(file)));
    if (!config)
        throw new errors/* ConfigurationError */.j1(`${(0,external_node_path_.basename)(srpm)} has no kernel-*ppc64le*.config; expected a kernel source RPM`);
    const expanded = await (0,exec/* exec */.m0)(['rpmspec', '-P', '--target', 'ppc64le', ...(0,macros/* defineArgs */.P)({ _topdir: dir, ...defines }), spec], { captureLimitBytes: 16 * 1024 * 1024 });
    const listed = prepPatches(expanded.stdout);
    const missing = listed.filter((patch) => !patch.optional && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(sources, patch.name)));
    if (missing.length > 0)
        throw new errors/* ConfigurationError */.j1(`${(0,external_node_path_.basename)(spec)}'s %prep applies ${missing.map((patch) => patch.name).join(', ')}, which the source RPM lacks`);
    const patches = listed.map((patch) => (0,external_node_path_.join)(sources, patch.name)).filter((file) => (0,external_node_fs_.existsSync)(file));
    return { tarball, patches, config };
}
/** The folder of an unpacked tarball holding the kernel tree (linux-<version>/ or the top). */
function treeIn(dir) {
    if ((0,kconfig/* isKernelTree */.ID)(dir))
        return dir;
    return (0,external_node_fs_.readdirSync)(dir)
        .map((name) => (0,external_node_path_.join)(dir, name))
        .find((path) => (0,external_node_fs_.statSync)(path).isDirectory() && (0,kconfig/* isKernelTree */.ID)(path));
}
/**
 * A buildable tree: a folder as it is, or a tarball unpacked into dir with the patches applied
 * in order (empty patch files, which the spec's optional patches often are, are skipped).
 */
async function kernelTree(source, dir, patches, log) {
    if ((0,external_node_fs_.statSync)(source).isDirectory()) {
        const tree = treeIn(source);
        if (!tree)
            throw new errors/* ConfigurationError */.j1(`${source} is not a kernel source tree (no Makefile and arch/powerpc/kvm/Kconfig)`);
        return tree;
    }
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    await (0,exec/* exec */.m0)(['tar', '-xf', source, '-C', dir], { log, group: `Unpack ${(0,external_node_path_.basename)(source)}` });
    const tree = treeIn(dir);
    if (!tree)
        throw new errors/* ConfigurationError */.j1(`${source} holds no kernel source tree (no Makefile and arch/powerpc/kvm/Kconfig)`);
    for (const patch of patches) {
        if ((0,external_node_fs_.statSync)(patch).size === 0)
            continue;
        await (0,exec/* exec */.m0)(['patch', '-p1', '-s', '-d', tree, '-i', patch], { log, group: `Apply ${(0,external_node_path_.basename)(patch)}` });
    }
    return tree;
}

;// CONCATENATED MODULE: ./src/kernel/hypervisor-run.ts
/**
 * build-kernel's hypervisor profile end to end: the tree and config from the source RPM (fetched
 * and its signature checked as for the RPM build) or given directly, the profile and fragments
 * merged, the build through ccache kept in the Actions cache.
 */










async function runHypervisorBuild(request, deps) {
    const options = (0,kernel_config/* mergeOptions */.lL)([
        ...(request.kvmProfile ? kernel_config/* KVM_PROFILE */.FY : []),
        ...request.fragments.flatMap(({ path, name }) => (0,kernel_config/* parseFragment */.oH)((0,external_node_fs_.readFileSync)(path, 'utf8'), name)),
    ]);
    let tarballOrTree = request.kernelSource;
    let config = request.kernelConfig;
    let patches = [];
    let sourceNvr;
    let label = request.kernelSource ? (0,external_node_path_.basename)(request.kernelSource) : '';
    if (request.srpm && (!tarballOrTree || !config)) {
        const { fetched, stock } = await (0,rebuild/* obtainSourceRpm */.QC)({
            package: 'kernel',
            source: request.srpm,
            upstreamKeys: request.upstreamKeys,
            repositoryUrl: request.repositoryUrl,
            downloadCacheDir: (0,paths/* defaultCacheDir */.$)(),
            workDir: deps.work,
            log: deps.log,
            signal: deps.signal,
        });
        sourceNvr = stock.nvr;
        const dist = (0,release/* distTag */.Hc)(stock.release) ?? '.el9';
        const srpm = await srpmKernelSource(fetched.path, (0,external_node_path_.join)(deps.work, 'srpm'), { dist }, deps.log);
        if (!tarballOrTree) {
            tarballOrTree = srpm.tarball;
            patches = srpm.patches;
            label = stock.nvr;
        }
        config ??= srpm.config;
    }
    const tree = await kernelTree(tarballOrTree, (0,external_node_path_.join)(deps.work, 'source'), patches, deps.log);
    const configName = (0,external_node_path_.basename)(config);
    // A fixed place (the Actions cache restores to the path it saved; self-hosted runners keep it),
    // one per distribution config: its objects are what a later night reuses.
    const ccacheDir = request.ccache ? (0,external_node_path_.join)((0,paths/* defaultCacheDir */.$)(), 'ccache', 'kernel-hypervisor') : undefined;
    const configId = (0,external_node_crypto_.createHash)('sha256').update((0,external_node_fs_.readFileSync)(config)).digest('hex').slice(0, 12);
    const ccacheKey = `kvm-actions-ccache-hypervisor-${configName}-${configId}`;
    if (ccacheDir && request.build) {
        await deps.cache.restore([ccacheDir], `${ccacheKey}-${Date.now()}`, [`${ccacheKey}-`]);
        (0,external_node_fs_.mkdirSync)(ccacheDir, { recursive: true });
    }
    const build = await (0,hypervisor/* buildHypervisorKernel */.P2)({
        tree,
        sourceLabel: label,
        distributionConfig: { path: config, name: configName },
        options,
        outDir: request.resultsDir,
        buildDir: (0,external_node_path_.join)(deps.work, 'build'),
        ...(ccacheDir ? { ccacheDir } : {}),
        jobs: (0,external_node_os_.cpus)().length + 1,
        compile: request.build,
        timeoutMs: request.timeoutMs,
        log: deps.log,
        signal: deps.signal,
    });
    if (ccacheDir && request.build)
        await deps.cache.save([ccacheDir], `${ccacheKey}-${Date.now()}`);
    return { ...build, ...(sourceNvr ? { sourceNvr } : {}) };
}


/***/ }),

/***/ 2125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ kconfigCheck),
/* harmony export */   i: () => (/* binding */ srpmKernelTarball)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _fs_paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1283);
/* harmony import */ var _kconfig_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3201);
/**
 * The Kconfig check as build-kernel runs it on the unpacked SRPM: the kernel tree comes from the
 * kernel-source input or the SRPM's own linux-*.tar.xz; every ppc64le config is checked, and any
 * requested option that Kconfig would change fails the step before the build starts.
 */





/** The kernel tarball the SRPM ships (linux-<version>-<release>.tar.xz), if any. */
function srpmKernelTarball(sourcesDir) {
    const name = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(sourcesDir).find((file) => /^linux-.*\.tar\.(xz|gz|bz2)$/.test(file));
    return name ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourcesDir, name) : undefined;
}
/** Adds each config's Kconfig findings to its report; throws a TestFailure naming every dropped option. */
async function kconfigCheck(source, configs, reports, options, log) {
    const tree = await (0,_kconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .prepareKernelSource */ .u)(source, (0,_fs_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultCacheDir */ .$)(), log);
    const index = (0,_kconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .kconfigIndex */ .wh)(tree);
    const dropped = [];
    for (const config of configs) {
        const findings = await (0,_kconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .checkWithKconfig */ .ss)(tree, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(config, 'utf8'), options, index, log);
        const report = reports.find((r) => r.file === (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(config));
        if (report)
            report.kconfig = findings;
        dropped.push(...findings.filter((f) => !f.kept).map((f) => (0,_kconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .describeFinding */ .jb)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(config), f)));
    }
    if (dropped.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TestFailure */ .p2(`Kconfig drops requested options, so the build would not be what was asked: ${dropped.join('; ')}`);
    }
}


/***/ })

};
