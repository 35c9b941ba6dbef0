export const id = 628;
export const ids = [628];
export const modules = {

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
/* harmony import */ var _report_duration_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6132);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7994);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2067);
/* harmony import */ var _kconfig_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3201);
/* harmony import */ var _module_exports_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4351);
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
/** The deepest folder holding both paths (absolute). */
function commonAncestor(a, b) {
    const [first, second] = [(0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(a).split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(b).split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep)];
    let length = 0;
    while (length < first.length && first[length] === second[length])
        length++;
    return first.slice(0, length).join(node_path__WEBPACK_IMPORTED_MODULE_2__.sep) || node_path__WEBPACK_IMPORTED_MODULE_2__.sep;
}
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
    const baseDir = commonAncestor(tree, request.buildDir);
    const env = request.ccacheDir
        ? // Paths below the base are hashed relative to the build folder: a tree unpacked into
            // another scratch folder (the next night's, the run after a fix) still hits.
            { CCACHE_DIR: request.ccacheDir, ...(baseDir !== '/' ? { CCACHE_BASEDIR: baseDir } : {}) }
        : {};
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
        ...(request.pmuExports ? { pmuExports: request.pmuExports } : {}),
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
    }).catch((error) => {
        // A KVM module that does not link is the tree's shape, not the runner: say which symbols.
        throw ((error instanceof _exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .CommandFailedError */ .ju &&
            (0,_module_exports_js__WEBPACK_IMPORTED_MODULE_8__/* .kvmModpostFailure */ .Ft)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(logFile, 'utf8'), logFile, request.exportPmuSymbols ?? true)) ||
            error);
    });
    if (compiled.timedOut)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfrastructureError */ .EN(`the hypervisor build did not finish within ${(0,_report_duration_js__WEBPACK_IMPORTED_MODULE_9__/* .formatDuration */ .a)(request.timeoutMs ?? 0)} (log: ${logFile})`);
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
        summary.paragraph(`A smoke build, not the release: vmlinux and modules of ${build.kernelRelease} from ${build.sourceLabel} with ${build.configName} and the KVM profile, ${compiler} in ${(0,_report_duration_js__WEBPACK_IMPORTED_MODULE_9__/* .formatDuration */ .a)(build.durationMs)}${cache}. It proves the profile makes a working hypervisor (boot it with boot-test-guest's nested scenario); the RPM build (build-profile fast or full) is what gets published.`);
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
        .details(`Config diff against ${build.configName}: ${build.changes.length} options${build.changes.length > _report_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .SUMMARY_ROW_LIMIT */ .Oc ? ` (first ${_report_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .SUMMARY_ROW_LIMIT */ .Oc}; all in ${build.configDiff})` : ''}`, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(build.configDiff, 'utf8')
        .split('\n')
        .slice(1, _report_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .SUMMARY_ROW_LIMIT */ .Oc + 1)
        .join('\n'))
        .paragraph(`Config trimmed for the build: ${build.switchedOff.length} modules switched off (not needed to boot or host a guest), built-in code kept; ${build.changes.length} options differ from ${build.configName} in all (${build.configDiff}).${build.skippedCommand ? '' : ` KVM modules built: ${build.kvmModules.join(', ') || 'none'}.`}${build.lostModules.length > 0 ? ` Dropped with their dependencies: ${build.lostModules.join(', ')}.` : ''}`);
    if (build.pmuExports)
        summary.paragraph(`PMU save/restore exports of kvm-hv: ${build.pmuExports}.`);
}


/***/ })

};
