export const id = 628;
export const ids = [628];
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

/***/ 8247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P2: () => (/* binding */ buildHypervisorKernel),
/* harmony export */   hypervisorBuildSummary: () => (/* binding */ hypervisorBuildSummary)
/* harmony export */ });
/* unused harmony exports HYPERVISOR_MODULES, trimForHypervisor, diffConfigs */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _exec_exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4524);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6530);
/* harmony import */ var _report_duration_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6132);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7994);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2067);
/* harmony import */ var _kconfig_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3201);
/**
 * The hypervisor smoke build (build-profile: hypervisor): the kernel's own tree and its
 * distribution ppc64le config with the KVM profile applied, trimmed for the build, compiled to
 * vmlinux and modules only (natively on POWER, cross-compiled elsewhere). It proves in minutes
 * that the profile turns the distribution's config into a working hypervisor, which the nested
 * boot test then shows; the RPM build stays the release build.
 */










/**
 * Modules an L1 hypervisor and its guests use, kept when the config is trimmed: KVM itself and
 * the virtio devices, vhost and tap an L1 offers its L2 guests. Every other module is left out
 * of the build; built-in code stays as the distribution has it.
 */
const HYPERVISOR_MODULES = [
    'KVM_BOOK3S_64',
    'KVM_BOOK3S_64_HV',
    'VIRTIO',
    'VIRTIO_PCI',
    'VIRTIO_PCI_LIB',
    'VIRTIO_PCI_LIB_LEGACY',
    'VIRTIO_BLK',
    'VIRTIO_NET',
    'VIRTIO_CONSOLE',
    'VIRTIO_BALLOON',
    'HW_RANDOM_VIRTIO',
    'VHOST',
    'VHOST_IOTLB',
    'VHOST_NET',
    'TUN',
];
/**
 * Settings of the build only: no debug info (it triples the compile and link time of a smoke
 * build), and no distribution certificate files, which live outside the kernel tree.
 */
const BUILD_ONLY_OPTIONS = [
    { name: 'DEBUG_INFO_NONE', value: 'y' },
    { name: 'DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT', value: 'n' },
    { name: 'DEBUG_INFO_DWARF4', value: 'n' },
    { name: 'DEBUG_INFO_DWARF5', value: 'n' },
    { name: 'DEBUG_INFO_BTF', value: 'n' },
    { name: 'SYSTEM_TRUSTED_KEYS', value: '""' },
    { name: 'SYSTEM_REVOCATION_KEYS', value: '""' },
];
/** Every `=m` not in keep switched off, plus the build-only settings for options the config has. */
function trimForHypervisor(text, keep) {
    const switchedOff = [];
    const lines = text.split('\n').map((line) => {
        const module = /^CONFIG_([A-Za-z0-9_]+)=m$/.exec(line.trim());
        if (!module || keep.has(module[1]))
            return line;
        switchedOff.push(module[1]);
        return `# CONFIG_${module[1]} is not set`;
    });
    const present = (0,_config_js__WEBPACK_IMPORTED_MODULE_6__/* .readConfig */ .Xg)(text);
    const buildOnly = BUILD_ONLY_OPTIONS.filter((option) => present.has(option.name));
    return { text: (0,_config_js__WEBPACK_IMPORTED_MODULE_6__/* .applyOptions */ .V1)(lines.join('\n'), buildOnly).text, switchedOff };
}
/** Every option whose value differs between two configs (`n` for absent or not set). */
function diffConfigs(before, after) {
    const from = (0,_config_js__WEBPACK_IMPORTED_MODULE_6__/* .readConfig */ .Xg)(before);
    const to = (0,_config_js__WEBPACK_IMPORTED_MODULE_6__/* .readConfig */ .Xg)(after);
    const names = [...new Set([...from.keys(), ...to.keys()])].sort();
    return names.flatMap((name) => {
        const a = from.get(name) ?? 'n';
        const b = to.get(name) ?? 'n';
        return a === b ? [] : [{ name, ...(from.has(name) ? { from: a } : {}), to: b }];
    });
}
const KVM_MODULE_FILES = /^kvm(-hv|-pr)?\.ko(\.\w+)?$/;
/** make's arguments for the build: powerpc (cross on other hosts), and ccache when asked for. */
function makeArgs(ccache) {
    const base = (0,_kconfig_js__WEBPACK_IMPORTED_MODULE_7__/* .powerpcMakeArgs */ .Cg)();
    if (!ccache)
        return base;
    const cross = base.find((arg) => arg.startsWith('CROSS_COMPILE='))?.slice('CROSS_COMPILE='.length) ?? '';
    // One argv element: kbuild runs $(CC) through its own shell, so the wrapper comes first.
    return [...base, `CC=ccache ${cross}gcc`];
}
async function ccacheStats(env) {
    const result = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['ccache', '--print-stats'], { env, allowFailure: true });
    const stat = (name) => Number(new RegExp(`^${name}\\t(\\d+)$`, 'm').exec(result.stdout)?.[1] ?? 0);
    return {
        hits: stat('direct_cache_hit') + stat('preprocessed_cache_hit'),
        misses: stat('cache_miss'),
    };
}
async function buildHypervisorKernel(request) {
    const { tree, log } = request;
    if (!(0,_kconfig_js__WEBPACK_IMPORTED_MODULE_7__/* .isKernelTree */ .ID)(tree))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${tree} is not a kernel source tree (no Makefile and arch/powerpc/kvm/Kconfig)`);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(tree, '.config')))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${tree} has a .config of its own, so it cannot be built into a separate folder; expected a clean tree (make mrproper)`);
    if (request.ccacheDir && !(0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .findOnPath */ .a)('ccache'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfrastructureError */ .EN('ccache is on but not installed; run scripts/setup-host.sh or set ccache: false');
    const started = Date.now();
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(request.outDir, { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(request.buildDir, { recursive: true });
    const distribution = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(request.distributionConfig.path, 'utf8');
    const distributionValues = (0,_config_js__WEBPACK_IMPORTED_MODULE_6__/* .readConfig */ .Xg)(distribution);
    const index = (0,_kconfig_js__WEBPACK_IMPORTED_MODULE_7__/* .kconfigIndex */ .wh)(tree);
    const profiled = (0,_config_js__WEBPACK_IMPORTED_MODULE_6__/* .applyOptions */ .V1)(distribution, request.options, (name) => index.has(name)).text;
    const keep = new Set([
        ...HYPERVISOR_MODULES,
        ...request.options.filter((option) => option.value === 'm').map((option) => option.name),
    ]);
    const trimmed = trimForHypervisor(profiled, keep);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(request.buildDir, '.config'), trimmed.text);
    const env = request.ccacheDir ? { CCACHE_DIR: request.ccacheDir } : {};
    const args = ['-C', tree, `O=${request.buildDir}`, ...makeArgs(Boolean(request.ccacheDir))];
    const logFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(request.outDir, 'build.log');
    const run = (targets, group, extra = {}) => (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['make', ...args, ...targets], {
        env,
        log,
        group,
        logFile,
        captureLimitBytes: 64 * 1024,
        ...(request.signal ? { signal: request.signal } : {}),
        ...extra,
    });
    await run(['olddefconfig'], 'make olddefconfig (the trimmed config)');
    const configText = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(request.buildDir, '.config'), 'utf8');
    const values = (0,_config_js__WEBPACK_IMPORTED_MODULE_6__/* .readConfig */ .Xg)(configText);
    const requested = (0,_kconfig_js__WEBPACK_IMPORTED_MODULE_7__/* .compareWithKconfig */ .p5)(request.options, values, index);
    const dropped = requested.filter((finding) => !finding.kept);
    if (dropped.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TestFailure */ .p2(`Kconfig drops requested options, so the build would not be what was asked: ${dropped.map((f) => (0,_kconfig_js__WEBPACK_IMPORTED_MODULE_7__/* .describeFinding */ .jb)(request.distributionConfig.name, f)).join('; ')}`);
    }
    const lostModules = [...keep].filter((name) => distributionValues.get(name) === 'm' && values.get(name) !== 'm');
    const changes = diffConfigs(distribution, configText);
    const configDiff = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(request.outDir, 'config.diff');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(configDiff, formatConfigDiff(request.distributionConfig.name, changes, new Set(trimmed.switchedOff)));
    const kernelRelease = (await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['make', '-s', ...args, 'kernelrelease'], { env })).stdout.trim();
    const config = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(request.outDir, `config-${kernelRelease}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(config, configText);
    const described = {
        kernelRelease,
        config,
        configDiff,
        configSha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(configText).digest('hex'),
        changes,
        switchedOff: trimmed.switchedOff,
        requested,
        lostModules,
        sourceLabel: request.sourceLabel,
        configName: request.distributionConfig.name,
        cross: (0,_kconfig_js__WEBPACK_IMPORTED_MODULE_7__/* .powerpcMakeArgs */ .Cg)().some((arg) => arg.startsWith('CROSS_COMPILE=')),
        logFile,
    };
    const compile = [`-j${request.jobs}`, 'vmlinux', 'modules'];
    if (!request.compile) {
        return {
            ...described,
            vmlinux: '',
            modulesDir: '',
            kvmModules: [],
            durationMs: Date.now() - started,
            skippedCommand: ['make', ...args, ...compile],
        };
    }
    if (request.ccacheDir)
        await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['ccache', '--zero-stats'], { env });
    const compiled = await run([`-j${request.jobs}`, 'vmlinux', 'modules'], `make -j${request.jobs} vmlinux modules`, {
        ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
    });
    if (compiled.timedOut)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfrastructureError */ .EN(`the hypervisor build did not finish within ${(0,_report_duration_js__WEBPACK_IMPORTED_MODULE_8__/* .formatDuration */ .a)(request.timeoutMs ?? 0)} (log: ${logFile})`);
    const modulesRoot = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(request.outDir, 'modules');
    await run(['modules_install', `INSTALL_MOD_PATH=${modulesRoot}`, 'INSTALL_MOD_STRIP=1'], 'make modules_install');
    const modulesDir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(modulesRoot, 'lib', 'modules', kernelRelease);
    const vmlinux = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(request.outDir, `vmlinux-${kernelRelease}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.copyFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(request.buildDir, 'vmlinux'), vmlinux);
    const kvmDir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(modulesDir, 'kernel', 'arch', 'powerpc', 'kvm');
    const kvmModules = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(kvmDir)
        ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(kvmDir).filter((name) => KVM_MODULE_FILES.test(name))
        : [];
    return {
        ...described,
        vmlinux,
        modulesDir,
        kvmModules,
        ...(request.ccacheDir ? { ccache: await ccacheStats(env) } : {}),
        durationMs: Date.now() - started,
    };
}
/** One line per changed option, saying why: requested, trimmed, or Kconfig's consequence. */
function formatConfigDiff(name, changes, switchedOff) {
    const lines = changes.map((change) => {
        const from = (0,_config_js__WEBPACK_IMPORTED_MODULE_6__/* .formatOption */ .Bx)({ name: change.name, value: change.from ?? 'n' });
        const to = (0,_config_js__WEBPACK_IMPORTED_MODULE_6__/* .formatOption */ .Bx)({ name: change.name, value: change.to });
        const why = switchedOff.has(change.name) ? 'trimmed for the build' : 'profile, build setting or Kconfig';
        return `${from} -> ${to}  (${why})`;
    });
    return [`# ${name} -> the hypervisor build's config: ${changes.length} options differ`, ...lines, ''].join('\n');
}
/** The summary of a hypervisor build: what was built from what, and how its config differs. */
function hypervisorBuildSummary(summary, build) {
    const compiler = build.cross ? 'cross-compiled for ppc64le' : 'built natively';
    const cache = build.ccache ? `; ccache ${build.ccache.hits} hits, ${build.ccache.misses} misses` : '';
    summary.heading('Hypervisor build', 3);
    if (build.skippedCommand) {
        summary
            .paragraph(`Build skipped (input build is false): the config of ${build.kernelRelease} from ${build.sourceLabel} with ${build.configName} and the KVM profile was trimmed and checked by Kconfig; the build would run:`)
            .code((0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .describeArgv */ .wI)(build.skippedCommand), 'sh');
    }
    else {
        summary.paragraph(`A smoke build, not the release: vmlinux and modules of ${build.kernelRelease} from ${build.sourceLabel} with ${build.configName} and the KVM profile, ${compiler} in ${(0,_report_duration_js__WEBPACK_IMPORTED_MODULE_8__/* .formatDuration */ .a)(build.durationMs)}${cache}. It proves the profile makes a working hypervisor (boot it with boot-test-guest's nested scenario); the RPM build (build-profile fast or full) is what gets published.`);
    }
    summary
        .table(['Requested option', 'Distribution', 'Built'], build.requested.map((finding) => {
        // Unchanged options are not in the diff; an option the distribution lacked counts as not set.
        const change = build.changes.find((c) => c.name === finding.name);
        const before = change ? (change.from ?? 'n') : finding.final;
        return [
            `CONFIG_${finding.name}`,
            (0,_config_js__WEBPACK_IMPORTED_MODULE_6__/* .formatOption */ .Bx)({ name: finding.name, value: before }),
            (0,_config_js__WEBPACK_IMPORTED_MODULE_6__/* .formatOption */ .Bx)({ name: finding.name, value: finding.final }),
        ];
    }))
        .details(`Config diff against ${build.configName}: ${build.changes.length} options${build.changes.length > _report_summary_js__WEBPACK_IMPORTED_MODULE_9__/* .SUMMARY_ROW_LIMIT */ .Oc ? ` (first ${_report_summary_js__WEBPACK_IMPORTED_MODULE_9__/* .SUMMARY_ROW_LIMIT */ .Oc}; all in ${build.configDiff})` : ''}`, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(build.configDiff, 'utf8')
        .split('\n')
        .slice(1, _report_summary_js__WEBPACK_IMPORTED_MODULE_9__/* .SUMMARY_ROW_LIMIT */ .Oc + 1)
        .join('\n'))
        .paragraph(`Config trimmed for the build: ${build.switchedOff.length} modules switched off (not needed to boot or host a guest), built-in code kept; ${build.changes.length} options differ from ${build.configName} in all (${build.configDiff}).${build.skippedCommand ? '' : ` KVM modules built: ${build.kvmModules.join(', ') || 'none'}.`}${build.lostModules.length > 0 ? ` Dropped with their dependencies: ${build.lostModules.join(', ')}.` : ''}`);
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


/***/ })

};
