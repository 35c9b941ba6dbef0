export const id = 351;
export const ids = [351];
export const modules = {

/***/ 2067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ formatOption),
/* harmony export */   FY: () => (/* binding */ KVM_PROFILE),
/* harmony export */   V1: () => (/* binding */ applyOptions),
/* harmony export */   Xg: () => (/* binding */ readConfig),
/* harmony export */   i3: () => (/* binding */ ppc64leConfigs),
/* harmony export */   lL: () => (/* binding */ mergeOptions),
/* harmony export */   oH: () => (/* binding */ parseFragment),
/* harmony export */   x5: () => (/* binding */ assertOptions)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * Kernel config files as the kernel SRPM keeps them (SOURCES/kernel-<arch>[-debug]-rhel.config):
 * reading, setting options in the form the spec's config processing accepts, and asserting the
 * result. `n` stands for "# CONFIG_X is not set".
 */



/** The KVM-HV profile for ppc64le, as RHEL-derived trees that ship KVM on POWER set it (HV on, PR off). */
const KVM_PROFILE = [
    { name: 'KVM_BOOK3S_64', value: 'm' },
    { name: 'KVM_BOOK3S_64_HV', value: 'm' },
    { name: 'KVM_BOOK3S_64_PR', value: 'n' },
    { name: 'KVM_XICS', value: 'y' },
    { name: 'KVM_BOOK3S_HV_EXIT_TIMING', value: 'n' },
    { name: 'KVM_BOOK3S_HV_P8_TIMING', value: 'n' },
    { name: 'KVM_BOOK3S_HV_P9_TIMING', value: 'n' },
    // Kconfig's own advice ("if unsure, say Y"); older trees lack the option.
    { name: 'KVM_BOOK3S_HV_NESTED_PMU_WORKAROUND', value: 'y', onlyIfKnown: true },
];
/** One entry per option, later entries (fragments) overriding earlier ones (the profile). */
function mergeOptions(options) {
    const byName = new Map();
    for (const option of options) {
        byName.delete(option.name);
        byName.set(option.name, option);
    }
    return [...byName.values()];
}
const SET = /^CONFIG_([A-Za-z0-9_]+)=(.*)$/;
const UNSET = /^# CONFIG_([A-Za-z0-9_]+) is not set$/;
function formatOption(option) {
    return option.value === 'n' ? `# CONFIG_${option.name} is not set` : `CONFIG_${option.name}=${option.value}`;
}
function parseLine(line) {
    const set = SET.exec(line.trim());
    if (set)
        return { name: set[1], value: set[2] };
    const unset = UNSET.exec(line.trim());
    return unset ? { name: unset[1], value: 'n' } : undefined;
}
/** name → value for every option the config mentions (the last mention wins, as Kconfig reads it). */
function readConfig(text) {
    const values = new Map();
    for (const line of text.split('\n')) {
        const option = parseLine(line);
        if (option)
            values.set(option.name, option.value);
    }
    return values;
}
/** A fragment file: `CONFIG_X=y` and `# CONFIG_X is not set` lines; other comments and blanks ignored. */
function parseFragment(text, source) {
    return text.split('\n').flatMap((line, index) => {
        const trimmed = line.trim();
        const option = parseLine(trimmed);
        if (option)
            return [option];
        if (trimmed === '' || trimmed.startsWith('#'))
            return [];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${source}:${index + 1}: ${JSON.stringify(trimmed)} is not a config line; expected CONFIG_X=value or # CONFIG_X is not set`);
    });
}
/**
 * Sets each option in place (its first mention rewritten, any others removed) or appends it, so
 * every option appears exactly once. Options marked onlyIfKnown are set only if known(name).
 */
function applyOptions(text, options, known = () => false) {
    const lines = text.replace(/\n$/, '').split('\n');
    const current = readConfig(text);
    const changes = [];
    for (const option of options) {
        if (option.onlyIfKnown && !current.has(option.name) && !known(option.name))
            continue;
        const wanted = formatOption(option);
        const mentions = lines.flatMap((line, index) => (parseLine(line)?.name === option.name ? [index] : []));
        if (mentions.length === 0)
            lines.push(wanted);
        else {
            lines[mentions[0]] = wanted;
            for (const index of mentions.slice(1).reverse())
                lines.splice(index, 1);
        }
        const from = current.get(option.name);
        changes.push({ name: option.name, ...(from !== undefined ? { from } : {}), to: option.value });
    }
    return { text: lines.join('\n') + '\n', changes };
}
/** Each problem names the file: an option missing, repeated, or with another value. */
function assertOptions(text, options, file) {
    const lines = text.split('\n').map(parseLine);
    return options.flatMap((option) => {
        const mentions = lines.filter((line) => line?.name === option.name);
        if (option.onlyIfKnown && mentions.length === 0)
            return [];
        if (mentions.length !== 1)
            return [`${file}: CONFIG_${option.name} appears ${mentions.length} times, expected once`];
        return mentions[0].value === option.value
            ? []
            : [`${file}: ${formatOption(mentions[0])} where ${formatOption(option)} was asked for`];
    });
}
/** Every ppc64le config of the SRPM (base, debug, and any other variant). */
function ppc64leConfigs(sourcesDir) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(sourcesDir)
        .filter((name) => /^kernel-.*ppc64le.*\.config$/.test(name))
        .sort()
        .map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourcesDir, name));
}


/***/ }),

/***/ 9884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lD: () => (/* binding */ srpmKernelSource),
/* harmony export */   qq: () => (/* binding */ kernelTree),
/* harmony export */   u0: () => (/* binding */ specPrepPatchFiles)
/* harmony export */ });
/* unused harmony export prepPatches */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _exec_exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4524);
/* harmony import */ var _rpm_macros_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9892);
/* harmony import */ var _rpm_srpm_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(203);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2067);
/* harmony import */ var _kconfig_step_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2125);
/* harmony import */ var _kconfig_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3201);
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
/**
 * The patch files a kernel spec's %prep applies, in order, from the SOURCES of topdir (an
 * unpacked source RPM): a missing required patch is a configuration error, a missing or empty
 * optional one is left out.
 */
async function specPrepPatchFiles(spec, topdir, defines) {
    const sources = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(topdir, 'SOURCES');
    const expanded = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)(['rpmspec', '-P', '--target', 'ppc64le', ...(0,_rpm_macros_js__WEBPACK_IMPORTED_MODULE_8__/* .defineArgs */ .P)({ _topdir: topdir, ...defines }), spec], { captureLimitBytes: 16 * 1024 * 1024 });
    const listed = prepPatches(expanded.stdout);
    const missing = listed.filter((patch) => !patch.optional && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sources, patch.name)));
    if (missing.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(spec)}'s %prep applies ${missing.map((patch) => patch.name).join(', ')}, which the source RPM lacks`);
    return listed.map((patch) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sources, patch.name)).filter((file) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file));
}
/** Unpacks the source RPM into dir and finds its tarball, %prep patches and base ppc64le config. */
async function srpmKernelSource(srpm, dir, defines, log) {
    const spec = await (0,_rpm_srpm_js__WEBPACK_IMPORTED_MODULE_4__/* .unpackSrpm */ .FS)(srpm, dir, log);
    const sources = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'SOURCES');
    const tarball = (0,_kconfig_step_js__WEBPACK_IMPORTED_MODULE_6__/* .srpmKernelTarball */ .i)(sources);
    if (!tarball)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(srpm)} has no linux-*.tar.xz; expected a kernel source RPM`);
    const config = (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .ppc64leConfigs */ .i3)(sources).find((file) => !/debug/.test((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file)));
    if (!config)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(srpm)} has no kernel-*ppc64le*.config; expected a kernel source RPM`);
    const patches = await specPrepPatchFiles(spec, dir, defines);
    return { tarball, patches, config };
}
/** The folder of an unpacked tarball holding the kernel tree (linux-<version>/ or the top). */
function treeIn(dir) {
    if ((0,_kconfig_js__WEBPACK_IMPORTED_MODULE_7__/* .isKernelTree */ .ID)(dir))
        return dir;
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir)
        .map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name))
        .find((path) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory() && (0,_kconfig_js__WEBPACK_IMPORTED_MODULE_7__/* .isKernelTree */ .ID)(path));
}
/**
 * A buildable tree: a folder as it is, or a tarball unpacked into dir with the patches applied
 * in order (empty patch files, which the spec's optional patches often are, are skipped).
 */
async function kernelTree(source, dir, patches, log) {
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(source).isDirectory()) {
        const tree = treeIn(source);
        if (!tree)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${source} is not a kernel source tree (no Makefile and arch/powerpc/kvm/Kconfig)`);
        return tree;
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
    await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)(['tar', '-xf', source, '-C', dir], { log, group: `Unpack ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(source)}` });
    const tree = treeIn(dir);
    if (!tree)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${source} holds no kernel source tree (no Makefile and arch/powerpc/kvm/Kconfig)`);
    for (const patch of patches) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(patch).size === 0)
            continue;
        await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)(['patch', '-p1', '-s', '-d', tree, '-i', patch], { log, group: `Apply ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(patch)}` });
    }
    return tree;
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


/***/ }),

/***/ 3201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ss: () => (/* binding */ checkWithKconfig),
  p5: () => (/* binding */ compareWithKconfig),
  jb: () => (/* binding */ describeFinding),
  ID: () => (/* binding */ isKernelTree),
  wh: () => (/* binding */ kconfigIndex),
  vV: () => (/* binding */ kernelSourceDigest),
  Cg: () => (/* binding */ powerpcMakeArgs),
  u: () => (/* binding */ prepareKernelSource)
});

// UNUSED EXPORTS: runConfigTarget

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/exec/exec.ts + 2 modules
var exec = __webpack_require__(4524);
// EXTERNAL MODULE: ./src/fs/lock.ts
var lock = __webpack_require__(2088);
;// CONCATENATED MODULE: ./src/fs/install-once.ts
/**
 * A folder in a cache shared by every run on the host (several runner services on one POWER box
 * are common): made once, by whichever run gets there first, and never seen half-made. The maker
 * writes into a temporary folder beside the target and renames it into place, all under the
 * suite's one lock (fs/lock.ts: it names its owner, and is taken over when that owner died).
 */



/** Returns target, made by `make(tempDir)` unless a complete one is there already. */
async function installOnce(target, make, options) {
    if ((0,external_node_fs_.existsSync)(target) && options.ready(target))
        return target;
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
    const waitMs = options.waitMs ?? 15 * 60_000;
    const release = await (0,lock/* acquireLockWaiting */.hd)(`${target}.lock`, 'run filling this cache', waitMs);
    try {
        // Another run may have made it while this one waited for the lock.
        if ((0,external_node_fs_.existsSync)(target) && options.ready(target))
            return target;
        const partial = `${target}.partial-${process.pid}`;
        (0,external_node_fs_.rmSync)(partial, { recursive: true, force: true });
        (0,external_node_fs_.mkdirSync)(partial, { recursive: true });
        try {
            await make(partial);
            (0,external_node_fs_.rmSync)(target, { recursive: true, force: true });
            (0,external_node_fs_.renameSync)(partial, target);
        }
        finally {
            (0,external_node_fs_.rmSync)(partial, { recursive: true, force: true });
        }
        return target;
    }
    finally {
        release();
    }
}

// EXTERNAL MODULE: ./src/rpm/avoid.ts + 1 modules
var avoid = __webpack_require__(6986);
// EXTERNAL MODULE: ./src/exec/tools.ts
var tools = __webpack_require__(6530);
// EXTERNAL MODULE: ./src/kernel/config.ts
var config = __webpack_require__(2067);
;// CONCATENATED MODULE: ./src/kernel/kconfig.ts
/**
 * The kernel's own Kconfig as the judge of a config, before hours of building: run
 * `make olddefconfig` for ARCH=powerpc on the final config (only the config step, so a cross
 * toolchain on x86 is enough) and report every requested option that Kconfig changed, with the
 * dependency or select that forced it.
 */










/** What olddefconfig needs of a source tree: Kconfig and make files, scripts/, arch/powerpc, include/. */
const CONFIG_STEP_PATHS = [
    '*/Kconfig*',
    '*/Makefile*',
    '*/Kbuild*',
    '*/scripts/*',
    '*/arch/powerpc/*',
    '*/include/*',
];
/** A kernel source tree: its top Makefile and the powerpc KVM Kconfig. */
function isKernelTree(dir) {
    return (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'Makefile')) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'arch', 'powerpc', 'kvm', 'Kconfig'));
}
/**
 * A kernel source folder, or a tarball (linux-*.tar.xz as the SRPM ships it) unpacked once into
 * cacheDir, keyed by the tarball's name and size, with only the files the config step reads.
 */
async function prepareKernelSource(source, cacheDir, log) {
    if ((0,external_node_fs_.statSync)(source).isDirectory()) {
        if (!isKernelTree(source))
            throw new errors/* InfrastructureError */.EN(`${source} is not a kernel source tree (no arch/powerpc/kvm/Kconfig)`);
        return source;
    }
    const id = (0,external_node_crypto_.createHash)('sha256')
        .update(`${source}:${(0,external_node_fs_.statSync)(source).size}:${(0,external_node_fs_.statSync)(source).mtimeMs}`)
        .digest('hex')
        .slice(0, 16);
    const target = (0,external_node_path_.join)(cacheDir, 'kernel-source', id);
    const treeIn = (dir) => (0,external_node_fs_.existsSync)(dir)
        ? (0,external_node_fs_.readdirSync)(dir)
            .map((name) => (0,external_node_path_.join)(dir, name))
            .find(isKernelTree)
        : undefined;
    await installOnce(target, async (dir) => {
        await (0,exec/* exec */.m0)(['tar', '-xf', source, '-C', dir, '--wildcards', ...CONFIG_STEP_PATHS], {
            ...(log ? { log, group: `Unpack the Kconfig files of ${source}` } : {}),
        });
    }, { ready: (dir) => treeIn(dir) !== undefined });
    const unpacked = treeIn(target);
    if (!unpacked)
        throw new errors/* InfrastructureError */.EN(`${source} holds no kernel source tree with arch/powerpc/kvm/Kconfig`);
    return unpacked;
}
/** What of a kernel source decides the Kconfig check: a tarball's bytes, or a tree's Kconfig files. */
function kernelSourceDigest(source) {
    return (0,avoid/* digestTree */.h)(source, /^Kconfig/);
}
/** make's arguments for a powerpc config step on this host: native on ppc64le, else the cross toolchain. */
function powerpcMakeArgs() {
    if ((0,external_node_os_.arch)() === 'ppc64')
        return ['ARCH=powerpc'];
    const cross = 'powerpc64le-linux-gnu-';
    if (!(0,tools/* findOnPath */.a)(`${cross}gcc`)) {
        throw new errors/* InfrastructureError */.EN(`building for powerpc needs ${cross}gcc on this ${(0,external_node_os_.arch)()} host; run scripts/setup-host.sh`);
    }
    return ['ARCH=powerpc', `CROSS_COMPILE=${cross}`];
}
/** Runs `make <target>` in an output folder of its own and returns the resulting .config. */
async function runConfigTarget(sourceDir, target, config, log) {
    const out = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'kconfig-out-'));
    try {
        if (config !== undefined)
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(out, '.config'), config);
        await (0,exec/* exec */.m0)(['make', '-s', '-C', sourceDir, `O=${out}`, ...powerpcMakeArgs(), target], {
            ...(log ? { log, group: `make ${target}` } : {}),
        });
        return (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(out, '.config'), 'utf8');
    }
    finally {
        (0,external_node_fs_.rmSync)(out, { recursive: true, force: true });
    }
}
/** config/menuconfig blocks of every Kconfig file: each symbol's `depends on` and who selects it. */
function kconfigIndex(sourceDir) {
    const index = new Map();
    const entry = (name) => {
        if (!index.has(name))
            index.set(name, { depends: [], selectedBy: [] });
        return index.get(name);
    };
    const files = (0,external_node_fs_.readdirSync)(sourceDir, { recursive: true, encoding: 'utf8' }).filter((file) => /(^|\/)Kconfig[^/]*$/.test(file));
    for (const file of files) {
        let current;
        for (const raw of (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(sourceDir, file), 'utf8').split('\n')) {
            const line = raw.trim();
            const block = /^(?:menu)?config\s+([A-Za-z0-9_]+)/.exec(line);
            if (block) {
                current = block[1];
                entry(current);
                continue;
            }
            if (/^(menu|endmenu|choice|endchoice|if|endif|source|comment)\b/.test(line))
                current = undefined;
            if (!current)
                continue;
            const depends = /^depends on\s+(.+)$/.exec(line);
            if (depends)
                entry(current).depends.push(depends[1].trim());
            const select = /^select\s+([A-Za-z0-9_]+)/.exec(line);
            if (select)
                entry(select[1]).selectedBy.push(current);
        }
    }
    return index;
}
const isOn = (value) => value === 'y' || value === 'm';
/** Why Kconfig changed a requested value, from the symbol's dependencies and selectors. */
function explain(option, final, values, index) {
    const symbol = index.get(option.name);
    if (!symbol)
        return `CONFIG_${option.name} does not exist in this kernel tree`;
    if (option.value === 'm' && final === 'y' && !isOn(values.get('MODULES'))) {
        return 'CONFIG_MODULES is off, so a module request becomes built-in';
    }
    if (isOn(option.value) && !isOn(final)) {
        const unmet = symbol.depends
            .flatMap((expression) => [...expression.matchAll(/!?[A-Z][A-Z0-9_]+/g)].map((m) => m[0]))
            .filter((name) => (name.startsWith('!') ? isOn(values.get(name.slice(1))) : !isOn(values.get(name))));
        const deps = symbol.depends.join(' && ');
        return unmet.length > 0
            ? `depends on ${deps}; not met: ${[...new Set(unmet)].map((n) => (n.startsWith('!') ? `${n.slice(1)} is set` : `${n} is off`)).join(', ')}`
            : `depends on ${deps || '(nothing listed)'}; a menu or if block around it is off`;
    }
    if (!isOn(option.value) && isOn(final)) {
        const selectors = symbol.selectedBy.filter((name) => isOn(values.get(name)));
        return selectors.length > 0
            ? `selected by ${selectors.join(', ')}`
            : 'forced on by its default or a select';
    }
    return `Kconfig allows only ${final} here`;
}
/** Each requested option compared with the value Kconfig left in `values`, with the reason when it differs. */
function compareWithKconfig(options, values, index) {
    return options.flatMap((option) => {
        if (option.onlyIfKnown && !index.has(option.name))
            return [];
        const final = values.get(option.name) ?? 'n';
        const kept = final === option.value;
        return [
            {
                name: option.name,
                requested: option.value,
                final,
                kept,
                ...(kept ? {} : { reason: explain(option, final, values, index) }),
            },
        ];
    });
}
/** olddefconfig on the config text, then each requested option compared with what Kconfig kept. */
async function checkWithKconfig(sourceDir, configText, options, index, log) {
    const values = (0,config/* readConfig */.Xg)(await runConfigTarget(sourceDir, 'olddefconfig', configText, log));
    return compareWithKconfig(options, values, index);
}
function describeFinding(file, finding) {
    return `${file}: ${(0,config/* formatOption */.Bx)({ name: finding.name, value: finding.requested })} became ${(0,config/* formatOption */.Bx)({ name: finding.name, value: finding.final })} (${finding.reason})`;
}


/***/ }),

/***/ 4351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ft: () => (/* binding */ kvmModpostFailure),
/* harmony export */   lP: () => (/* binding */ exportPmuSymbolsInTree),
/* harmony export */   ot: () => (/* binding */ exportPmuSymbolsInSpec)
/* harmony export */ });
/* unused harmony exports PMU_SAVE_RESTORE_FUNCTIONS, PMU_EXPORTS_PATCH, treeFiles, pmuExportState, describePmuExports, pmuExportEdits, applyInsertions, unifiedDiff, pmuExportsPatch, kvmModpostUndefined, patchSectionsBelow */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _exec_exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4524);
/* harmony import */ var _rpm_autopatch_apply_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7198);
/* harmony import */ var _rpm_autopatch_spec_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5252);
/* harmony import */ var _rpm_spec_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7258);
/* harmony import */ var _hypervisor_source_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9884);
/* harmony import */ var _kconfig_step_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2125);
/**
 * The PMU save/restore functions kvm-hv.ko calls in the core kernel. They live in the built-in
 * part of arch/powerpc/kvm (the POWER9 entry path in the core kernel calls them too), so the
 * kvm-hv module can use them only if the core kernel exports them. Upstream does, with an
 * EXPORT_SYMBOL_GPL beside each; a tree that defines them built in without the export compiles
 * vmlinux and every module and then fails at modpost ("undefined" for kvm-hv.ko), an hour into
 * a POWER build. AlmaLinux's kernel carries a change of its own for this ("Make PMU save/restore
 * symbols global for module builds"); this file is ours: it reads the tree's state before the
 * build, exports what is missing (an edit of the unpacked tree for the hypervisor build, a
 * generated patch in the spec for the RPM build), and turns the modpost failure into a
 * configuration error that names the symbols.
 */










const KVM_DIR = 'arch/powerpc/kvm';
/**
 * Both shapes of the functions: C (switch_pmu_to_*, Linux 5.16 on, in book3s_hv_p9_perf.c
 * since 6.0) and the assembly of book3s_hv_rmhandlers.S before (the 5.14 tree of EL9 up to 9.6
 * has these, exported; kvmhv_save_host_pmu is in the module itself there).
 */
const PMU_SAVE_RESTORE_FUNCTIONS = [
    'switch_pmu_to_guest',
    'switch_pmu_to_host',
    'kvmhv_save_host_pmu',
    'kvmhv_load_host_pmu',
    'kvmhv_save_guest_pmu',
    'kvmhv_load_guest_pmu',
];
/** The patch the RPM build adds to the spec (our name: a spec that lists it already has the fix). */
const PMU_EXPORTS_PATCH = 'kvm-actions-export-pmu-symbols.patch';
function treeFiles(root) {
    return {
        read: (path) => ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, path)) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, path), 'utf8') : undefined),
        list: (dir) => ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, dir)) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, dir)) : []),
    };
}
/** C and assembly comments removed, so a mention in a comment is no call or export. */
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:])\/\/.*$/gm, '$1');
/**
 * The part of the build each object of arch/powerpc/kvm/Makefile belongs to: the kvm-hv module
 * (kvm-hv-y, kvm-hv-$(CONFIG_…)) or the core kernel (kvm-book3s_64-builtin-…), by file stem.
 */
function objectParts(makefile) {
    const parts = new Map();
    for (const line of makefile.replace(/\\\n/g, ' ').split('\n')) {
        const assignment = /^\s*([\w$().-]+)\s*[:+]?=\s*(.*)$/.exec(line);
        if (!assignment)
            continue;
        const variable = assignment[1];
        const part = variable.startsWith('kvm-hv-')
            ? 'kvm-hv'
            : variable.startsWith('kvm-book3s_64-builtin-')
                ? 'built-in'
                : undefined;
        if (!part)
            continue;
        for (const word of assignment[2].split(/\s+/)) {
            const object = /^([\w-]+)\.o$/.exec(word)?.[1];
            if (object && !parts.has(object))
                parts.set(object, part);
        }
    }
    return parts;
}
/** The line of a non-static definition of name: an assembly global, or a C function with its body. */
function definitionLine(lines, file, name) {
    if (file.endsWith('.S')) {
        const global = new RegExp(`^\\s*(_GLOBAL(_TOC)?\\(\\s*${name}\\s*\\)|\\.globl\\s+${name}\\b)`);
        return lines.findIndex((line) => global.test(line));
    }
    const head = new RegExp(`^(?!static\\b)[A-Za-z_][\\w \\t*]*?\\b${name}\\s*\\(`);
    return lines.findIndex((line, index) => {
        if (!head.test(line))
            return false;
        // A definition's body opens before any `;` (a prototype ends at one).
        const rest = lines.slice(index).join('\n');
        const body = rest.indexOf('{');
        const end = rest.indexOf(';');
        return body !== -1 && (end === -1 || body < end);
    });
}
const calls = (source, name) => new RegExp(`\\b${name}\\s*\\(|\\bbl\\s+${name}\\b`).test(source);
const exportPattern = (name) => new RegExp(`\\bEXPORT_SYMBOL(_GPL)?\\(\\s*${name}\\s*\\)`);
/** Which PMU save/restore functions kvm-hv calls in built-in code, and whether each is exported. */
function pmuExportState(files) {
    const makefile = files.read(`${KVM_DIR}/Makefile`);
    if (makefile === undefined)
        return { state: 'absent', reason: `the tree has no ${KVM_DIR}/Makefile` };
    const parts = objectParts(makefile);
    const sourceFiles = files.list(KVM_DIR).filter((name) => /\.(c|S)$/.test(name));
    const sources = new Map(sourceFiles.map((name) => [name, withoutComments(files.read(`${KVM_DIR}/${name}`) ?? '')]));
    const partOf = (name) => parts.get(name.replace(/\.(c|S)$/, ''));
    const module = [...sources].filter(([name]) => partOf(name) === 'kvm-hv');
    const builtIn = [...sources].filter(([name]) => partOf(name) === 'built-in');
    if (module.length === 0)
        return {
            state: 'absent',
            reason: `${KVM_DIR}/Makefile builds no kvm-hv module from sources the tree has`,
        };
    const exported = (name) => [...sources.values()].some((text) => exportPattern(name).test(text));
    const needed = PMU_SAVE_RESTORE_FUNCTIONS.flatMap((name) => {
        if (!module.some(([, text]) => calls(text, name)))
            return [];
        const definer = builtIn.find(([file, text]) => definitionLine(text.split('\n'), file, name) !== -1);
        return definer ? [{ name, file: `${KVM_DIR}/${definer[0]}`, exported: exported(name) }] : [];
    });
    if (needed.length === 0)
        return {
            state: 'absent',
            reason: `kvm-hv calls none of ${PMU_SAVE_RESTORE_FUNCTIONS.join(', ')} in built-in code of ${KVM_DIR}`,
        };
    const missing = needed.filter((fn) => !fn.exported);
    return missing.length > 0 ? { state: 'unexported', needed, missing } : { state: 'exported', needed };
}
const names = (functions) => functions.map((fn) => fn.name).join(', ');
const where = (functions) => [...new Set(functions.map((fn) => fn.file))].join(', ');
/** One sentence on a state, for the summary and the log. */
function describePmuExports(state) {
    if (state.state === 'absent')
        return `no PMU save/restore functions to check: ${state.reason}`;
    if (state.state === 'exported')
        return `already enabled upstream: ${names(state.needed)} (built in, ${where(state.needed)}) are exported for kvm-hv`;
    return `${names(state.missing)} (built in, ${where(state.missing)}) are not exported, and kvm-hv.ko calls them`;
}
/** Index of the line holding the `}` that closes the body opened at or after line `from`. */
function bodyEnd(lines, from) {
    if (from === -1)
        return -1;
    let depth = 0;
    let opened = false;
    for (let index = from; index < lines.length; index++) {
        const code = withoutComments(lines[index]).replace(/"(\\.|[^"\\])*"|'(\\.|[^'\\])*'/g, '');
        for (const char of code) {
            if (char === '{') {
                depth++;
                opened = true;
            }
            else if (char === '}' && --depth === 0 && opened)
                return index;
        }
    }
    return -1;
}
/**
 * Our fix: an EXPORT_SYMBOL_GPL for each missing function, where upstream puts it (after a C
 * function's closing brace; after an assembly function's _GLOBAL line).
 */
function pmuExportEdits(files, missing) {
    const byFile = new Map();
    for (const fn of missing)
        byFile.set(fn.file, [...(byFile.get(fn.file) ?? []), fn]);
    return [...byFile].map(([file, functions]) => {
        const before = files.read(file);
        const lines = before.split('\n');
        const insertions = functions.map(({ name }) => {
            if (file.endsWith('.S')) {
                // The export macro of assembly files differs between kernel versions: use the file's own.
                if (!/\bEXPORT_SYMBOL/.test(before))
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`cannot export ${name} from ${file}: the file exports nothing yet, so which export header it needs is unknown (a tree shape export-pmu-symbols does not know; report it)`);
                return { after: definitionLine(lines, file, name) + 1, lines: [`EXPORT_SYMBOL_GPL(${name})`] };
            }
            const end = bodyEnd(lines, definitionLine(lines, file, name));
            if (end === -1)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`cannot export ${name}: its definition in ${file} has no body to put the export after`);
            return { after: end + 1, lines: [`EXPORT_SYMBOL_GPL(${name});`] };
        });
        // The macro needs linux/export.h in a file that exports nothing yet.
        if (!file.endsWith('.S') && !/\bEXPORT_SYMBOL|<linux\/(export|module)\.h>/.test(before)) {
            const firstInclude = lines.findIndex((line) => /^#include\b/.test(line));
            insertions.push({ after: Math.max(firstInclude, 0), lines: ['#include <linux/export.h>'] });
        }
        return { file, before, insertions: insertions.sort((a, b) => a.after - b.after) };
    });
}
/** The file's text with its insertions made. */
function applyInsertions(edit) {
    const lines = edit.before.split('\n');
    for (const insertion of [...edit.insertions].sort((a, b) => b.after - a.after))
        lines.splice(insertion.after, 0, ...insertion.lines);
    return lines.join('\n');
}
const CONTEXT = 3;
/** A unified diff (-p1, a/ and b/) of the insertions, with three lines of context as diff -u has. */
function unifiedDiff(edit) {
    const text = edit.before.endsWith('\n') ? edit.before.slice(0, -1) : edit.before;
    const old = text.split('\n');
    const noNewline = !edit.before.endsWith('\n');
    const insertions = [...edit.insertions].sort((a, b) => a.after - b.after);
    // Insertions whose context overlaps share a hunk.
    const hunks = [];
    for (const insertion of insertions) {
        const last = hunks.at(-1);
        if (last && insertion.after - last.at(-1).after <= 2 * CONTEXT)
            last.push(insertion);
        else
            hunks.push([insertion]);
    }
    const out = [`--- a/${edit.file}`, `+++ b/${edit.file}`];
    let added = 0;
    for (const hunk of hunks) {
        const start = Math.max(0, hunk[0].after - CONTEXT);
        const end = Math.min(old.length, hunk.at(-1).after + CONTEXT);
        const inserted = hunk.reduce((sum, insertion) => sum + insertion.lines.length, 0);
        out.push(`@@ -${start + 1},${end - start} +${start + 1 + added},${end - start + inserted} @@`);
        for (let index = start; index <= end; index++) {
            for (const insertion of hunk.filter((i) => i.after === index))
                out.push(...insertion.lines.map((l) => `+${l}`));
            if (index < end) {
                out.push(` ${old[index]}`);
                if (noNewline && index === old.length - 1)
                    out.push('\\ No newline at end of file');
            }
        }
        added += inserted;
    }
    return out.join('\n') + '\n';
}
/** The patch file our RPM build adds: what it does and why, then the diffs. */
function pmuExportsPatch(state, edits) {
    return [
        'From: kvm-power-actions build-kernel',
        `Subject: [PATCH] KVM: PPC: Book3S HV: export ${names(state.missing)} for kvm-hv.ko`,
        '',
        `kvm-hv.ko calls ${names(state.missing)}, which this tree builds into the core`,
        'kernel without exporting them, so a modular kvm-hv fails at modpost. Export',
        'them as upstream does. Generated by build-kernel (export-pmu-symbols).',
        '',
        ...edits.map(unifiedDiff),
    ].join('\n');
}
/** `ERROR: modpost: "sym" [arch/powerpc/kvm/kvm-hv.ko] undefined!` lines, by KVM module. */
function kvmModpostUndefined(log) {
    const found = new Map();
    for (const match of log.matchAll(/ERROR: modpost: "([^"]+)" \[([^\]\s]+\.ko)\] undefined!/g)) {
        const [, symbol, module] = match;
        if (!module.startsWith(`${KVM_DIR}/`))
            continue;
        const symbols = found.get(module) ?? [];
        if (!symbols.includes(symbol))
            found.set(module, [...symbols, symbol]);
    }
    return found;
}
/**
 * A build log's modpost failure of a KVM module as a configuration error naming the module and
 * its symbols (the log stays in logFile); undefined when the log has none.
 */
function kvmModpostFailure(log, logFile, fixEnabled) {
    const undefinedSymbols = kvmModpostUndefined(log);
    if (undefinedSymbols.size === 0)
        return undefined;
    const modules = [...undefinedSymbols].map(([module, symbols]) => `${module} needs ${symbols.join(', ')}`);
    const pmu = [...undefinedSymbols.values()]
        .flat()
        .filter((symbol) => PMU_SAVE_RESTORE_FUNCTIONS.includes(symbol));
    const hint = pmu.length === 0
        ? 'The tree (or its patches) must export what the module calls.'
        : fixEnabled
            ? `${pmu.join(', ')} are kvm-hv's PMU save/restore functions, and export-pmu-symbols found nothing to export in this tree's shape: report it, or give a tree that exports them.`
            : `${pmu.join(', ')} are kvm-hv's PMU save/restore functions, which this tree builds in without EXPORT_SYMBOL_GPL: set export-pmu-symbols: true to export them before the build.`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`the KVM modules do not link: modpost finds no export in the core kernel for what they call (${modules.join('; ')}). ${hint} (build log: ${logFile})`);
}
/**
 * The hypervisor build's step: the tree's state, and with the fix on the exports written into
 * it before the build. A tree the user gave as a folder is copied first (it is theirs); a tree
 * unpacked from a tarball is the build's own. With compile false nothing is edited.
 */
async function exportPmuSymbolsInTree(tree, options) {
    const state = pmuExportState(treeFiles(tree));
    const found = describePmuExports(state);
    options.log.info(`PMU save/restore exports: ${found}`);
    if (state.state !== 'unexported')
        return { tree, note: found };
    if (!options.enabled) {
        options.log.warning(`${found}; export-pmu-symbols is false, so kvm-hv.ko will fail at modpost`);
        return { tree, note: `${found}; left as it is (export-pmu-symbols: false)` };
    }
    if (!options.compile)
        return { tree, note: `${found}; the build would export them` };
    const edits = pmuExportEdits(treeFiles(tree), state.missing);
    let target = tree;
    if (!options.ownTree) {
        await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['cp', '-a', '--reflink=auto', tree, options.copyTo], {
            log: options.log,
            group: `Copy ${tree} (the exports are added to the copy)`,
        });
        target = options.copyTo;
    }
    for (const edit of edits)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(target, edit.file), applyInsertions(edit));
    return {
        tree: target,
        note: `exported ${names(state.missing)} in ${where(state.missing)}${options.ownTree ? '' : ' (in a copy of the tree)'}, which the tree builds in without EXPORT_SYMBOL_GPL`,
    };
}
/** A path from the top of a patched tree: the first component (a/, b/) stripped, as -p1 does. */
const patchPath = (header) => header.slice(4).split('\t')[0].trim();
/**
 * The file sections of a patch that change files below prefix (after -p1), hunks counted so a
 * `---` line inside a hunk is not taken for a header. Prose, git headers and other files go.
 */
function patchSectionsBelow(patch, prefix) {
    const lines = patch.split('\n');
    const kept = [];
    let index = 0;
    while (index < lines.length) {
        if (!(lines[index].startsWith('--- ') && lines[index + 1]?.startsWith('+++ '))) {
            index++;
            continue;
        }
        const from = patchPath(lines[index]);
        const to = patchPath(lines[index + 1]);
        const section = [lines[index], lines[index + 1]];
        index += 2;
        let hunk;
        while (index < lines.length && (hunk = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(lines[index]))) {
            let oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
            let newLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
            section.push(lines[index++]);
            while (index < lines.length && (oldLeft > 0 || newLeft > 0)) {
                const line = lines[index];
                const kind = line === '' ? ' ' : line[0];
                if (kind === ' ') {
                    oldLeft--;
                    newLeft--;
                }
                else if (kind === '-')
                    oldLeft--;
                else if (kind === '+')
                    newLeft--;
                else if (kind !== '\\')
                    break;
                section.push(line);
                index++;
            }
            if (lines[index]?.startsWith('\\'))
                section.push(lines[index++]);
        }
        const path = (to === '/dev/null' ? from : to).replace(/^[^/]+\//, '');
        if (path.startsWith(prefix))
            kept.push(...section);
    }
    return kept.length > 0 ? kept.join('\n') + '\n' : '';
}
/**
 * The RPM build's step, in build-kernel's prepare hook: the state of the tree the spec builds
 * (the SRPM's linux tarball, arch/powerpc/kvm only, with its %prep patches' changes there) and,
 * when the exports are missing, our patch in SOURCES with a PatchNNN line and an apply line in
 * the spec's own style, reported as a built-in edit. A spec that lists the patch gets nothing.
 */
async function exportPmuSymbolsInSpec(spec, topdir, defines, log) {
    const sources = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(topdir, 'SOURCES');
    const specText = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(spec, 'utf8').split('\n');
    if ((0,_rpm_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .numberedTags */ .I7)(specText, 'Patch').some((tag) => tag.value === PMU_EXPORTS_PATCH))
        return [];
    const tarball = (0,_kconfig_step_js__WEBPACK_IMPORTED_MODULE_9__/* .srpmKernelTarball */ .i)(sources);
    if (!tarball) {
        log.info('PMU save/restore exports not checked: the SRPM has no linux-*.tar.xz');
        return [];
    }
    const patches = await (0,_hypervisor_source_js__WEBPACK_IMPORTED_MODULE_8__/* .specPrepPatchFiles */ .u0)(spec, topdir, defines);
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'pmu-exports-'));
    try {
        await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['tar', '-xf', tarball, '-C', dir, '--wildcards', `*/${KVM_DIR}/*`], {
            log,
            group: `Unpack ${KVM_DIR} of ${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(tarball)}`,
        });
        const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir)
            .map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name))
            .find((path) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory() && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(path, KVM_DIR)));
        if (!root) {
            log.info(`PMU save/restore exports not checked: ${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(tarball)} has no ${KVM_DIR}`);
            return [];
        }
        for (const patch of patches) {
            const sections = patchSectionsBelow((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(patch, 'utf8'), `${KVM_DIR}/`);
            if (!sections)
                continue;
            await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['patch', '-p1', '-s', '--no-backup-if-mismatch', '-d', root], {
                input: sections,
                log,
                group: `Apply ${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(patch)} to ${KVM_DIR}`,
            });
        }
        const state = pmuExportState(treeFiles(root));
        const found = describePmuExports(state);
        log.info(`PMU save/restore exports: ${found}`);
        if (state.state !== 'unexported')
            return [(0,_rpm_autopatch_apply_js__WEBPACK_IMPORTED_MODULE_5__/* .builtInEdit */ .O_)(spec, 'PMU exports', `${found}: nothing changed`)];
        const edits = pmuExportEdits(treeFiles(root), state.missing);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(sources, PMU_EXPORTS_PATCH), pmuExportsPatch(state, edits));
        const detail = (0,_rpm_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .editSpecFile */ .cF)(spec, (lines, name) => {
            const number = Math.max(-1, ...(0,_rpm_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .numberedTags */ .I7)(lines, 'Patch').map((tag) => tag.number)) + 1;
            try {
                // The kernel spec's own helper applies it (ApplyPatch), as autopatch's add_files would.
                const added = (0,_rpm_autopatch_spec_text_js__WEBPACK_IMPORTED_MODULE_6__/* .addFileLines */ .V6)(lines, {
                    name: PMU_EXPORTS_PATCH,
                    kind: 'Patch',
                    number,
                    packageName: 'kernel',
                    patchesFile: false,
                    marker: false,
                    noBackup: true,
                });
                return `Patch${added.number}: ${PMU_EXPORTS_PATCH}${added.applyLine ? `, applied with '${added.applyLine}'` : ' (applied by %autosetup)'}`;
            }
            catch (error) {
                if (error instanceof _rpm_autopatch_spec_text_js__WEBPACK_IMPORTED_MODULE_6__/* .SpecTextError */ .hU)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${name}: cannot add ${PMU_EXPORTS_PATCH}: ${error.message}`);
                throw error;
            }
        });
        return [(0,_rpm_autopatch_apply_js__WEBPACK_IMPORTED_MODULE_5__/* .builtInEdit */ .O_)(spec, 'PMU exports', `${detail}: exports ${names(state.missing)} (${found})`)];
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    }
}


/***/ }),

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


/***/ })

};
